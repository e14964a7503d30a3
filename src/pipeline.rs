//! The build: load → validate → derive → documents → render → write, each step timed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::diag::Finding;
use crate::documents::context::enterprise_context;
use crate::documents::systems;
use crate::facts::{self, EnterpriseFacts, Site};
use crate::output::manifest::{Manifest, ManifestDocument, ManifestEnterprise};
use crate::output::writer::{OutputError, Staging};
use crate::render::engine::{Engines, TemplateError};
use crate::render::html::{self, DocLink, PageCommon};
use crate::rules;
use crate::site::date::Date;
use crate::site::load::{LoadedEnterprise, load_site};
use crate::site::validate::validate_site;
use crate::{GENERATOR, assets};

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
    #[error("PDF output is not available in this version of anquan: build with --html")]
    PdfUnavailable,
}

pub struct BuildOptions {
    pub site: PathBuf,
    pub out: PathBuf,
    pub only: Vec<String>,
    pub strict: bool,
    pub date: Date,
    pub html: bool,
    pub pdf: bool,
}

#[derive(Debug, Default)]
pub struct BuildReport {
    pub pages: usize,
    pub enterprises: usize,
    pub findings: Vec<Finding>,
    pub timings: Vec<(&'static str, Duration)>,
    pub skipped_pdf: bool,
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
    if options.pdf && !options.html {
        return Err(BuildError::PdfUnavailable);
    }
    report.skipped_pdf = options.pdf;

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
    let common = PageCommon {
        site_title: &config.build.title,
        agency: &config.agency,
        date: site.date.to_string(),
        generator: GENERATOR,
    };
    let staging = Staging::new(&options.out)?;
    staging.write(
        "style.css",
        assets::stylesheet(&site.loaded.root, &config.build.theme)
            .map_err(|source| OutputError::Io {
                path: site.loaded.root.join("themes"),
                source,
            })?
            .as_bytes(),
    )?;
    lap(&mut report, "templates");

    let selected: Vec<(&LoadedEnterprise, &EnterpriseFacts)> = site
        .enterprises()
        .filter(|(e, _)| options.only.is_empty() || options.only.contains(&e.id))
        .collect();
    let pages = Mutex::new(0usize);
    let built: Vec<Result<EnterpriseOutput, BuildError>> = selected
        .par_iter()
        .map(|(e, f)| build_enterprise(&site, &engines, &common, &staging, e, f, &findings, &pages))
        .collect();
    let mut outputs = Vec::with_capacity(built.len());
    for result in built {
        outputs.push(result?);
    }
    lap(&mut report, "enterprises");

    let rows: Vec<Value> = outputs.iter().map(|o| o.index_row.clone()).collect();
    let agency_findings: Vec<&Finding> = findings.iter().collect();
    staging.write(
        "index.html",
        html::index_page(&engines, &common, &rows, &agency_findings)?.as_bytes(),
    )?;
    let mut manifest = Manifest {
        generator: GENERATOR.to_string(),
        date: site.date.to_string(),
        enterprises: outputs.iter().map(|o| o.entry.clone()).collect(),
        documents: vec![ManifestDocument {
            enterprise: None,
            kind: "index",
            title: format!("{} · {}", config.build.title, config.agency.name),
            number: None,
            files: [("html", "index.html".to_string())].into(),
            members: None,
        }],
    };
    for o in outputs {
        manifest.documents.extend(o.documents);
    }
    staging.write("manifest.json", manifest.to_json().as_bytes())?;
    staging.commit()?;
    lap(&mut report, "index+write");

    report.pages = pages.into_inner().unwrap_or(0) + 1;
    report.enterprises = selected.len();
    report.findings = findings;
    Ok(report)
}

struct EnterpriseOutput {
    entry: ManifestEnterprise,
    documents: Vec<ManifestDocument>,
    index_row: Value,
}

#[allow(clippy::too_many_arguments)]
fn build_enterprise(
    site: &Site,
    engines: &Engines,
    common: &PageCommon,
    staging: &Staging,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
    findings: &[Finding],
    pages: &Mutex<usize>,
) -> Result<EnterpriseOutput, BuildError> {
    let e = &loaded.data;
    let id = &loaded.id;
    let config = &site.loaded.config;
    let context = enterprise_context(e, facts, &config.agency, &site.date.to_string());
    let docs = systems::systems(engines, id, e, &config.document_control, &context)?;

    let mut manifest_docs = Vec::new();
    let mut links = Vec::new();
    let mut written = 0;
    for doc in &docs {
        let rel = format!("{id}/{}.html", doc.slug);
        let page = html::document_page(engines, common, &e.enterprise.name, doc)?;
        staging.write(&rel, page.as_bytes())?;
        written += 1;
        let number = doc.control.as_ref().map(|c| c.number.clone());
        links.push(DocLink {
            title: doc.title.clone(),
            kind: doc.kind.as_str(),
            number: number.clone(),
            html: format!("{}.html", doc.slug),
        });
        manifest_docs.push(ManifestDocument {
            enterprise: Some(id.clone()),
            kind: doc.kind.as_str(),
            title: doc.title.clone(),
            number,
            files: [("html", rel)].into(),
            members: None,
        });
    }

    let mine: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.enterprise.as_deref() == Some(id))
        .collect();
    let counselors: Vec<&str> = facts.counselors.iter().map(|c| c.name.as_str()).collect();
    let open_findings = e
        .service
        .findings
        .iter()
        .filter(|f| f.closed_on.is_none())
        .count();
    let summary = json!({
        "id": id, "name": e.enterprise.name, "industry": e.enterprise.industry,
        "employees": e.enterprise.employees, "address": e.enterprise.address,
        "principal": e.enterprise.principal, "safety_officer": e.enterprise.safety_officer,
        "service": e.service, "counselors": counselors, "open_findings": open_findings,
        "zones": context["zones"], "site_findings": e.service.findings,
    });
    let page = html::enterprise_page(engines, common, &summary, &links, &mine)?;
    let rel = format!("{id}/index.html");
    staging.write(&rel, page.as_bytes())?;
    written += 1;
    manifest_docs.push(ManifestDocument {
        enterprise: Some(id.clone()),
        kind: "index",
        title: e.enterprise.name.clone(),
        number: None,
        files: [("html", rel)].into(),
        members: None,
    });
    if let Ok(mut n) = pages.lock() {
        *n += written;
    }
    let errors = mine.iter().filter(|f| f.is_error()).count();
    let index_row = json!({
        "id": id, "name": e.enterprise.name, "counselors": counselors,
        "documents": docs.len(), "errors": errors, "warnings": mine.len() - errors,
        "open_findings": open_findings, "start": e.service.start, "end": e.service.end,
    });
    Ok(EnterpriseOutput {
        entry: ManifestEnterprise {
            id: id.clone(),
            name: e.enterprise.name.clone(),
        },
        documents: manifest_docs,
        index_row,
    })
}
