//! The build: load → validate → derive → documents → render → write, each step timed.

pub mod docx;
pub mod enterprise;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::Value;

use crate::diag::Finding;
use crate::facts::{self, EnterpriseFacts, Site};
use crate::output::manifest::{Manifest, ManifestDocument};
use crate::output::writer::{OutputError, Sink, Staging};
use crate::render::docx::DocxRenderer;
use crate::render::engine::{Engines, TemplateError};
use crate::render::html::{self, PageCommon};
use crate::render::pdf::{PdfError, PdfRenderer};
use crate::rules;
use crate::site::date::Date;
use crate::site::load::{LoadedEnterprise, load_site};
use crate::site::validate::validate_site;
use crate::{GENERATOR, assets};
use enterprise::{Counts, EnterpriseOutput, Outputs, build_enterprise};

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
    Docx(#[from] crate::render::docx::DocxError),
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
    pub progress: Option<Progress>,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub enterprises: usize,
    pub findings: Vec<Finding>,
    pub timings: Vec<(&'static str, Duration)>,
    pub pdfs: usize,
    pub docx: usize,
    /// Of the enterprises step, the time spent on DOCX (summed over parallel builds).
    pub docx_time: Duration,
    /// typst warnings, passed on to the user.
    pub warnings: Vec<String>,
    /// What each enterprise contributed (kept by a watch session for incremental rebuilds).
    pub outputs: Vec<EnterpriseOutput>,
}

/// Load, validate and derive; `Err` holds input errors. Compliance findings come back
/// with the site.
pub fn load_checked(dir: &Path, date: Date) -> Result<(Site, Vec<Finding>), Vec<Finding>> {
    let loaded = load_site(dir)?;
    let errors = validate_site(&loaded);
    if errors.iter().any(Finding::is_input_error) {
        return Err(errors);
    }
    let site = facts::derive(loaded, date);
    let mut findings = errors;
    findings.extend(rules::check(&site));
    findings.sort();
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
    let common = PageCommon::for_site(&site);
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
    let outputs = Outputs {
        html: options.html,
        pdf: pdf.as_ref(),
        docx: docx.as_ref(),
        pdf_later: false,
    };
    let staging = Staging::new(&options.out)?;
    if options.html {
        write_site_files(&site, &staging)?;
    }
    lap(&mut report, "templates+fonts");

    let selected: Vec<(&LoadedEnterprise, &EnterpriseFacts)> = site
        .enterprises()
        .filter(|(e, _)| options.only.is_empty() || options.only.contains(&e.id))
        .collect();
    let counts = Mutex::new(Counts::default());
    let built: Vec<Result<EnterpriseOutput, BuildError>> = selected
        .par_iter()
        .map(|(e, f)| {
            let built = build_enterprise(
                &site, &engines, &common, &staging, outputs, e, f, &findings, &counts,
            );
            if let (Ok(_), Some(progress)) = (&built, &options.progress) {
                progress(&e.id);
            }
            built
        })
        .collect();
    let built = built.into_iter().collect::<Result<Vec<_>, _>>()?;
    lap(&mut report, "enterprises");

    // A partial build keeps the rest of the last output: other enterprises keep their
    // row on the index, their files and their manifest entries.
    let previous = crate::output::carry::previous_manifest(&options.out);
    let known = site.loaded.ids();
    let scope = crate::output::carry::Scope {
        enterprises: &options.only,
        known: &known,
        html: options.html,
        pdf: options.pdf,
    };
    let other_rows: Vec<Value> = site
        .enterprises()
        .filter(|(e, _)| !options.only.is_empty() && !options.only.contains(&e.id))
        .map(|(e, f)| {
            let documents = previous.as_ref().map_or(0, |m| {
                m["documents"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|d| {
                        d["enterprise"] == e.id.as_str()
                            && d["kind"] != "index"
                            && d["kind"] != "pack"
                    })
                    .count()
            });
            enterprise::index_row(e, f, &findings, documents, site.date)
        })
        .collect();
    write_index_and_manifest(
        &site,
        &engines,
        &common,
        &findings,
        &built,
        &other_rows,
        options.html,
        &staging,
    )?;
    finish_manifest(&options.out, previous.as_ref(), &scope, &staging)?;
    staging.commit(previous.as_ref())?;
    lap(&mut report, "index+write");

    let counts = counts.into_inner().unwrap_or_default();
    report.pages = counts.pages + usize::from(options.html);
    report.pdfs = counts.pdfs;
    report.docx = counts.docx;
    report.docx_time = counts.docx_time;
    report.warnings = counts.warnings;
    report.enterprises = selected.len();
    report.findings = findings;
    report.outputs = built;
    Ok(report)
}

/// Merges what a partial build keeps of the last output into the staged manifest and
/// lists every file written (`written`, what the next build may replace). The manifest
/// always goes through one serializer, so equal builds give equal bytes.
fn finish_manifest(
    out: &Path,
    previous: Option<&Value>,
    scope: &crate::output::carry::Scope,
    staging: &Staging,
) -> Result<(), BuildError> {
    let path = staging.path().join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|source| OutputError::Io {
        path: path.clone(),
        source,
    })?;
    let mut manifest: Value =
        serde_json::from_str(&text).map_err(|e| BuildError::Asset(e.to_string()))?;
    if let (false, Some(previous)) = (scope.is_full(), previous) {
        crate::output::carry::carry_over(out, previous, scope, staging, &mut manifest)?;
    }
    let mut written = staging.written();
    if !written.iter().any(|w| w == "manifest.json") {
        written.push("manifest.json".to_string());
    }
    written.sort();
    manifest["written"] = Value::from(written);
    let mut text =
        serde_json::to_string_pretty(&manifest).map_err(|e| BuildError::Asset(e.to_string()))?;
    text.push('\n');
    staging.write("manifest.json", text.as_bytes())?;
    Ok(())
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
            .map_err(BuildError::Asset)?;
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

/// The agency index (HTML builds) and `manifest.json`, from every enterprise's output.
#[allow(clippy::too_many_arguments)]
pub fn write_index_and_manifest(
    site: &Site,
    engines: &Engines,
    common: &PageCommon,
    findings: &[Finding],
    built: &[EnterpriseOutput],
    other_rows: &[Value],
    html: bool,
    sink: &dyn Sink,
) -> Result<(), BuildError> {
    let config = &site.loaded.config;
    let mut manifest = Manifest {
        generator: GENERATOR.to_string(),
        date: site.date.to_string(),
        enterprises: built.iter().map(|o| o.entry.clone()).collect(),
        documents: Vec::new(),
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
            kind: "index",
            title: format!("{} · {}", config.build.title, config.agency.name),
            number: None,
            files: [("html", "index.html".to_string())].into(),
            members: None,
            date: Some(site.date.to_string()),
        });
    }
    for o in built {
        manifest.documents.extend(o.documents.iter().cloned());
    }
    sink.write("manifest.json", manifest.to_json().as_bytes())?;
    Ok(())
}
