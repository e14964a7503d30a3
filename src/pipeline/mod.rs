//! The build: load → validate → derive → documents → render → write, each step timed.

pub mod enterprise;
pub mod render;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::Value;

use crate::cache::Cache;
use crate::diag::Finding;
use crate::documents::model::Kind;
use crate::facts::{self, EnterpriseFacts, Site};
use crate::i18n::{Catalog, Lang};
use crate::output::carry::{Scope, carry_over, previous_manifest};
use crate::output::manifest::{Manifest, ManifestDocument};
use crate::output::shard::Shard;
use crate::output::writer::{OutputError, Sink, Staging};
use crate::render::bundle::{Format, Renderer};
use crate::render::docx::DocxRenderer;
use crate::render::engine::{Engines, TemplateError};
use crate::render::figures::SvgFigures;
use crate::render::html::{self, HtmlPages, PageCommon};
use crate::render::ics::CalendarFile;
use crate::render::pdf::{PdfError, PdfRenderer};
use crate::render::xlsx::LedgerWorkbook;
use crate::rules;
use crate::site::date::Date;
use crate::site::load::{LoadedEnterprise, load_site};
use crate::site::validate::validate_site;
use crate::{GENERATOR, assets};
use enterprise::{Counts, EnterpriseBuild, EnterpriseOutput, Renderers, build_enterprise};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the site has {} input error(s)", .0.iter().filter(|f| f.is_error()).count())]
    Invalid(Vec<Finding>),
    #[error("--strict: {} compliance error(s)", .0.iter().filter(|f| f.is_error()).count())]
    Strict(Vec<Finding>),
    #[error("no enterprise matches --only {0}")]
    UnknownEnterprise(String),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Render(#[from] crate::render::bundle::RenderError),
    #[error("reading a site file: {0}")]
    Asset(String),
}

/// Called with each enterprise id as its output is written (progress display).
pub type Progress = std::sync::Arc<dyn Fn(&str) + Send + Sync>;

pub struct BuildOptions {
    pub site: PathBuf,
    pub out: PathBuf,
    pub only: Vec<String>,
    pub strict: bool,
    pub date: Date,
    pub html: bool,
    pub pdf: bool,
    /// `--shard K/N`: only this share of the enterprises, with the full agency index.
    pub shard: Option<Shard>,
    pub progress: Option<Progress>,
    /// The build cache's folder (spec §11); `None` builds everything afresh.
    pub cache: Option<PathBuf>,
    /// The language of the findings on the index and enterprise pages.
    pub lang: Lang,
}

impl BuildOptions {
    /// Whether this build renders the enterprise `id`.
    fn selects(&self, id: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|o| o == id))
            && self.shard.is_none_or(|s| s.contains(id))
    }
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub enterprises: usize,
    pub findings: Vec<Finding>,
    pub timings: Vec<(&'static str, Duration)>,
    pub pdfs: usize,
    pub docx: usize,
    /// Of the enterprises step, the time spent on PDF (typst and cutting the documents
    /// out of the pack) and on DOCX, summed over parallel builds.
    pub pdf_time: Duration,
    pub docx_time: Duration,
    /// typst warnings, passed on to the user.
    pub warnings: Vec<String>,
    /// Enterprises whose PDFs came from the cache, and cache entries pruned.
    pub pdfs_cached: usize,
    pub cache_pruned: usize,
    /// The documents changed since the last release (spec §13), and its date.
    pub changes: Vec<crate::release::status::Change>,
    pub last_release: Option<Date>,
}

/// Load, validate and derive; `Err` holds input errors. Compliance findings come back
/// with the site.
pub fn load_checked(dir: &Path, date: Date) -> Result<(Site, Vec<Finding>), Vec<Finding>> {
    let loaded = load_site(dir)?;
    let errors = validate_site(&loaded);
    if errors.iter().any(Finding::is_input_error) {
        return Err(errors);
    }
    let mut site = facts::derive(loaded, date);
    let mut findings = errors;
    findings.extend(rules::check(&site));
    findings.sort();
    site.loaded.drop_key_indexes();
    Ok((site, findings))
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let mut clock = Instant::now();
    let mut lap = |report: &mut BuildReport, step: &'static str| {
        report.timings.push((step, clock.elapsed()));
        clock = Instant::now();
    };
    crate::cleanup::remove_dead_temp_dirs();
    let (site, findings) =
        load_checked(&options.site, options.date).map_err(BuildError::Invalid)?;
    if options.strict && findings.iter().any(Finding::is_error) {
        return Err(BuildError::Strict(findings));
    }
    for id in &options.only {
        if !site.loaded.enterprises.iter().any(|e| &e.id == id) {
            return Err(BuildError::UnknownEnterprise(id.clone()));
        }
    }
    lap(&mut report, "load+validate");

    let config = &site.loaded.config;
    let engines = Engines::new(&site.loaded.root, &config.build.theme)?;
    let common = PageCommon::for_site(&site, options.lang);
    let pdf = if options.pdf {
        Some(PdfRenderer::new(
            &site.loaded.root,
            &config.build.theme,
            site.date,
        )?)
    } else {
        None
    };
    // DOCX files are written with the PDFs, their drawings in the PDFs' fonts.
    let docx = pdf.as_ref().map(|p| DocxRenderer::new(p.font_files()));
    let pages = HtmlPages {
        engines: &engines,
        common: &common,
    };
    let mut now: Vec<&dyn Renderer> = Vec::new();
    if options.html {
        now.extend([
            &pages as &dyn Renderer,
            &SvgFigures,
            &LedgerWorkbook,
            &CalendarFile,
        ]);
    }
    if let (Some(pdf), Some(docx)) = (&pdf, &docx) {
        now.extend([pdf as &dyn Renderer, docx]);
    }
    let staging = Staging::new(&options.out)?;
    if options.html {
        write_site_files(&site, &staging)?;
    }
    lap(&mut report, "templates+fonts");

    let selected: Vec<(&LoadedEnterprise, &EnterpriseFacts)> = site
        .enterprises()
        .filter(|(e, _)| options.selects(&e.id))
        .collect();
    let counts = Mutex::new(Counts::default());
    // Only PDFs and DOCX are cached: an HTML build leaves the cache alone.
    let cache = match options.cache.as_ref().filter(|_| options.pdf) {
        Some(dir) => Some(Cache::open(dir).map_err(|e| BuildError::Asset(e.to_string()))?),
        None => None,
    };
    let enterprise_build = EnterpriseBuild {
        site: &site,
        engines: &engines,
        sink: &staging,
        renderers: Renderers {
            now,
            later: Vec::new(),
        },
        findings: &findings,
        counts: &counts,
        cache: cache.as_ref(),
    };
    let built: Vec<Result<EnterpriseOutput, BuildError>> = selected
        .par_iter()
        .map(|(e, f)| {
            let built = build_enterprise(&enterprise_build, e, f);
            if let (Ok(_), Some(progress)) = (&built, &options.progress) {
                progress(&e.id);
            }
            built
        })
        .collect();
    let built = built.into_iter().collect::<Result<Vec<_>, _>>()?;
    lap(&mut report, "enterprises");

    // A partial build keeps the rest of the last output: other enterprises keep their
    // row on the index, their files and their manifest entries. A shard writes exactly
    // its share, whatever OUT held before.
    let previous = previous_manifest(&options.out).filter(|_| options.shard.is_none());
    let known = site.loaded.ids();
    let scope = Scope {
        enterprises: &options.only,
        known: &known,
        html: options.html,
        pdf: options.pdf,
    };
    let other_rows = if options.html {
        other_index_rows(&site, &engines, options, previous.as_ref(), &findings)?
    } else {
        Vec::new()
    };
    report.changes = built.iter().flat_map(|o| o.changes.clone()).collect();
    let mut manifest = write_index(
        &site,
        &engines,
        &common,
        &findings,
        built,
        &other_rows,
        options.html,
        &staging,
    )?;
    if let (false, Some(previous)) = (scope.is_full(), previous.as_ref()) {
        carry_over(&options.out, previous, &scope, &staging, &mut manifest)?;
    }
    let revisions = &site.loaded.revisions;
    report.last_release = revisions.last().map(|r| r.date);
    let changes = crate::release::changes_json(report.last_release, &report.changes);
    staging.write("changes.json", changes.as_bytes())?;
    manifest.shard = options.shard;
    staging.write_manifest(&mut manifest)?;
    // The swap reads OUT's manifest once more: hold no other copy of one meanwhile.
    drop((manifest, previous));
    staging.commit()?;
    if let Some(cache) = &cache {
        report.cache_pruned = cache
            .finish()
            .map_err(|e| BuildError::Asset(e.to_string()))?;
    }
    lap(&mut report, "index+write");

    let counts = counts.into_inner().unwrap_or_default();
    report.pages = counts.of(Format::Html) + usize::from(options.html);
    report.pdfs = counts.of(Format::Pdf);
    report.docx = counts.of(Format::Docx);
    report.pdfs_cached = counts.cached.get(&Format::Pdf).copied().unwrap_or_default();
    report.pdf_time = counts.time.get(&Format::Pdf).copied().unwrap_or_default();
    report.docx_time = counts.time.get(&Format::Docx).copied().unwrap_or_default();
    report.warnings = counts.warnings;
    report.enterprises = selected.len();
    let mut findings = findings;
    if options.strict {
        findings.extend(crate::release::unreleased_findings(
            revisions,
            &report.changes,
        ));
    }
    report.findings = findings;
    Ok(report)
}

/// The agency index rows of the enterprises this build does not render. A shard counts
/// their documents itself, so that every shard writes the same full index; an `--only`
/// build takes the counts from the last output.
fn other_index_rows(
    site: &Site,
    engines: &Engines,
    options: &BuildOptions,
    previous: Option<&Manifest>,
    findings: &[Finding],
) -> Result<Vec<Value>, BuildError> {
    let others: Vec<(&LoadedEnterprise, &EnterpriseFacts)> = site
        .enterprises()
        .filter(|(e, _)| !options.selects(&e.id))
        .collect();
    others
        .par_iter()
        .map(|(e, f)| {
            let documents = match options.shard {
                // As on the build date; a release changes documents, never their number.
                Some(_) => enterprise::documents_on(site, site.date, engines, e, f)?
                    .docs
                    .len(),
                None => previous.map_or(0, |m| listed_documents(m, &e.id)),
            };
            Ok(enterprise::index_row(e, f, findings, documents, site.date))
        })
        .collect()
}

/// The documents the manifest lists for an enterprise (not its pack or page).
fn listed_documents(manifest: &Manifest, id: &str) -> usize {
    manifest
        .documents
        .iter()
        .filter(|d| {
            d.enterprise.as_deref() == Some(id) && !matches!(d.kind, Kind::Index | Kind::Pack)
        })
        .count()
}

/// Copies every image the pages show (counselor photos, finding photos) to
/// `OUT/assets/PATH`, once per build.
pub fn copy_images(site: &Site, staging: &dyn Sink) -> Result<(), BuildError> {
    let config = &site.loaded.config;
    let mut paths: Vec<&str> = config
        .counselors
        .iter()
        .filter_map(|c| c.photo.as_deref())
        .collect();
    for e in &site.loaded.enterprises {
        paths.extend(
            e.data
                .service
                .findings
                .iter()
                .filter_map(|f| f.photo.as_deref()),
        );
    }
    paths.sort_unstable();
    paths.dedup();
    for rel in paths {
        // Validation resolved each inside the site already.
        let source = crate::site::paths::resolve_in_site(&site.loaded.root, rel)
            .map_err(|why| BuildError::Asset(Catalog::new(Lang::En).text(&why)))?;
        staging.copy(&source, &format!("assets/{rel}"))?;
    }
    Ok(())
}

/// The stylesheet and the images the pages show.
pub fn write_site_files(site: &Site, sink: &dyn Sink) -> Result<(), BuildError> {
    let theme = &site.loaded.config.build.theme;
    let css = assets::stylesheet(&site.loaded.root, theme).map_err(|source| OutputError::Io {
        path: site.loaded.root.join("themes"),
        source,
    })?;
    sink.write("style.css", css.as_bytes())?;
    copy_images(site, sink)
}

/// Writes the agency index (HTML builds); returns the manifest of every enterprise's
/// output, for the caller to complete and write.
#[allow(clippy::too_many_arguments)]
pub fn write_index(
    site: &Site,
    engines: &Engines,
    common: &PageCommon,
    findings: &[Finding],
    built: Vec<EnterpriseOutput>,
    other_rows: &[Value],
    html: bool,
    sink: &dyn Sink,
) -> Result<Manifest, BuildError> {
    let config = &site.loaded.config;
    let mut manifest = Manifest {
        generator: GENERATOR.to_string(),
        date: site.date.to_string(),
        enterprises: Vec::with_capacity(built.len()),
        documents: Vec::new(),
        written: Vec::new(),
        shard: None,
    };
    if html {
        let mut rows: Vec<Value> = built
            .iter()
            .map(|o| o.index_row.clone())
            .chain(other_rows.iter().cloned())
            .collect();
        rows.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        let agency_findings: Vec<&Finding> = findings.iter().collect();
        sink.write(
            "index.html",
            html::index_page(engines, common, &rows, &agency_findings)?.as_bytes(),
        )?;
        manifest.documents.push(ManifestDocument {
            enterprise: None,
            kind: Kind::Index,
            title: format!("{} · {}", config.build.title, config.agency.name),
            number: None,
            files: [(Format::Html, "index.html".to_string())].into(),
            members: None,
            date: Some(site.date.to_string()),
            version: None,
        });
    }
    // Moved, not cloned: at city scale the documents are most of the manifest.
    for o in built {
        manifest.enterprises.push(o.entry);
        manifest.documents.extend(o.documents);
    }
    Ok(manifest)
}
