//! One enterprise of a build: its documents, HTML pages and PDFs, and what the
//! manifest and the agency index say of it.

use std::sync::Mutex;

use serde_json::{Value, json};

use super::BuildError;
use super::docx::{document_assets, docx_name, write_docx};
use crate::diag::Finding;
use crate::documents::context::enterprise_context;
use crate::documents::dating::{DatedBy, date_of, stamp};
use crate::documents::emergency::plans::emergency_documents;
use crate::documents::ledgers::Ledger;
use crate::documents::ledgers::{self, LedgerContext};
use crate::documents::model::Document;
use crate::documents::pairs::pair_documents;
use crate::documents::risk::{RiskContext, background_uri, risk_documents};
use crate::documents::service::{
    RecordsContext, ServiceContext, ServiceContexts, record_documents, service_documents,
};
use crate::documents::sheet::Print;
use crate::documents::systems;
use crate::facts::as_of::as_of;
use crate::facts::calendar::service_schedule;
use crate::facts::visits::progress;
use crate::facts::{EnterpriseFacts, Site};
use crate::output::manifest::{ManifestDocument, ManifestEnterprise};
use crate::output::writer::Sink;
use crate::render::docx::{DocxRenderer, PACK_DOCX};
use crate::render::engine::Engines;
use crate::render::html::{self, DocLink, PageCommon};
use crate::render::ics::{IcsInput, service_calendar_ics};
use crate::render::pdf::{PACK_FILE, PdfRenderer, RenderedPdfs};
use crate::render::xlsx;
use crate::site::date::Date;
use crate::site::load::LoadedEnterprise;
use crate::site::paths::resolve_in_site;

/// Which formats this build writes.
#[derive(Clone, Copy)]
pub struct Outputs<'a> {
    pub html: bool,
    pub pdf: Option<&'a PdfRenderer>,
    /// Written whenever the PDFs are.
    pub docx: Option<&'a DocxRenderer>,
    /// PDFs will be written after this step (watch mode): link and list them now.
    pub pdf_later: bool,
}

#[derive(Default)]
pub struct Counts {
    pub pages: usize,
    pub pdfs: usize,
    pub docx: usize,
    /// Time spent writing DOCX, summed over the enterprises (built in parallel).
    pub docx_time: std::time::Duration,
    pub warnings: Vec<String>,
}

/// The enterprise's row on the agency index.
pub fn index_row(
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
    findings: &[Finding],
    documents: usize,
    date: Date,
) -> Value {
    let e = &loaded.data;
    // Visits made against visits owed so far (第十六条), and whether any kind is behind.
    let visits = progress(e, date).map(|p| {
        let (done, required) = p.tallies.first().map_or((0, 0), |t| (t.done, t.required));
        json!({"done": done, "required": required,
               "behind": p.tallies.iter().any(|t| t.is_behind())})
    });
    let mine: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.enterprise.as_deref() == Some(loaded.id.as_str()))
        .collect();
    let errors = mine.iter().filter(|f| f.is_error()).count();
    let warnings = mine.iter().filter(|f| f.is_warning()).count();
    let counselors: Vec<&str> = facts.counselors.iter().map(|c| c.name.as_str()).collect();
    json!({
        "id": loaded.id, "name": e.enterprise.name, "counselors": counselors,
        "documents": documents, "errors": errors, "warnings": warnings,
        "open_findings": e.service.findings.iter().filter(|f| f.closed_on.is_none()).count(),
        "start": e.service.start, "end": e.service.end, "visits": visits,
    })
}

/// One workbook per enterprise holds the eight ledgers.
pub const LEDGER_WORKBOOK: &str = "ledgers.xlsx";

#[derive(Debug, Clone)]
pub struct EnterpriseOutput {
    pub entry: ManifestEnterprise,
    pub documents: Vec<ManifestDocument>,
    pub index_row: Value,
}

/// Every document of one enterprise, built once for all formats.
pub struct EnterpriseDocs {
    pub docs: Vec<Document>,
    pub ledgers: Vec<Ledger>,
    pub context: Value,
}

pub fn enterprise_documents(
    site: &Site,
    engines: &Engines,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
) -> Result<EnterpriseDocs, BuildError> {
    let e = &loaded.data;
    let id = &loaded.id;
    let config = &site.loaded.config;
    // Each document knows only what was known on its own date (spec §6).
    let view = |by: DatedBy| as_of(e, date_of(by, e, site.date));
    let issued = view(DatedBy::EnterpriseIssued);
    let context = enterprise_context(&issued, facts, &config.agency, &site.date.to_string());
    let mut docs = systems::systems(engines, id, &issued, &config.document_control, &context)?;
    docs.extend(emergency_documents(
        engines,
        id,
        &issued,
        facts,
        &config.document_control,
        &context,
    )?);
    let at_build = view(DatedBy::Build);
    let ledgers = ledgers::ledgers(&LedgerContext {
        enterprise: &at_build,
        date: site.date,
        calendar: &site.calendar,
    });
    docs.extend(ledgers.iter().map(|l| l.to_document(id)));
    let background = match &e.enterprise.site.background {
        Some(rel) => {
            // Validation has resolved it inside the site already.
            let path = resolve_in_site(&site.loaded.root, rel)
                .map_err(|why| BuildError::Asset(format!("{id}: {why}")))?;
            Some(background_uri(&path).map_err(|err| BuildError::Asset(format!("{rel}: {err}")))?)
        }
        None => None,
    };
    let risk = RiskContext {
        enterprise_id: id,
        facts,
        agency_name: &config.agency.name,
        date: issued.issued_on(),
        background,
        print: Print::of(&config.build),
    };
    docs.extend(risk_documents(&issued, &risk));
    let (at_start, at_plan) = (view(DatedBy::ServiceStart), view(DatedBy::PlanIssued));
    let schedules = [&at_start, &at_plan].map(|v| service_schedule(v, &site.calendar));
    let service_cx = |enterprise, schedule, date| ServiceContext {
        enterprise_id: id,
        enterprise,
        facts,
        agency: &config.agency,
        schedule,
        date,
        print: Print::of(&config.build),
    };
    docs.extend(service_documents(&ServiceContexts {
        at_start: service_cx(&at_start, &schedules[0], at_start.service.start),
        at_plan: service_cx(&at_plan, &schedules[1], at_plan.service.plan_issued_on),
        at_build: service_cx(&at_build, &facts.schedule, site.date),
    }));
    docs.extend(record_documents(
        engines,
        &RecordsContext {
            enterprise_id: id,
            enterprise: e,
            counselors: &config.counselors,
            agency: &config.agency,
            date: site.date,
        },
    )?);
    docs.extend(pair_documents(engines, id, &issued, facts, &context)?);
    stamp(&mut docs, e, site.date);
    Ok(EnterpriseDocs {
        docs,
        ledgers,
        context,
    })
}

/// The PDF file of each document, and the pack, inside the enterprise folder.
fn pdf_name(doc: &Document) -> String {
    format!("{}.pdf", doc.slug)
}

/// Compiles every PDF of one enterprise.
pub fn render_pdfs(
    site: &Site,
    renderer: &PdfRenderer,
    loaded: &LoadedEnterprise,
    docs: &[Document],
) -> Result<RenderedPdfs, BuildError> {
    let config = &site.loaded.config;
    let named: Vec<(&Document, String)> = docs.iter().map(|d| (d, pdf_name(d))).collect();
    let assets = document_assets(site, docs);
    Ok(renderer.render_enterprise(
        &loaded.id,
        &loaded.data.enterprise.name,
        &config.agency,
        &config.build.title,
        site.date,
        &named,
        &assets,
    )?)
}

/// Writes an enterprise's compiled PDFs into its folder.
pub fn write_pdfs(
    loaded: &LoadedEnterprise,
    rendered: &RenderedPdfs,
    sink: &dyn Sink,
) -> Result<usize, BuildError> {
    for file in &rendered.files {
        sink.write(&format!("{}/{}", loaded.id, file.name), &file.bytes)?;
    }
    Ok(rendered.files.len())
}

#[allow(clippy::too_many_arguments)]
pub fn build_enterprise(
    site: &Site,
    engines: &Engines,
    common: &PageCommon,
    sink: &dyn Sink,
    outputs: Outputs,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
    findings: &[Finding],
    counts: &Mutex<Counts>,
) -> Result<EnterpriseOutput, BuildError> {
    let e = &loaded.data;
    let id = &loaded.id;
    let config = &site.loaded.config;
    let EnterpriseDocs {
        docs,
        ledgers,
        context,
    } = enterprise_documents(site, engines, loaded, facts)?;
    let mut written = Counts::default();
    // PDFs are listed when written now, or when a watch session writes them next.
    let lists_pdfs = outputs.pdf.is_some() || outputs.pdf_later;

    let mut manifest_docs: Vec<ManifestDocument> = docs
        .iter()
        .map(|doc| ManifestDocument {
            enterprise: Some(id.clone()),
            kind: doc.kind.as_str(),
            title: doc.title.clone(),
            number: doc.control.as_ref().map(|c| c.number.clone()),
            files: if lists_pdfs {
                [
                    ("pdf", format!("{id}/{}", pdf_name(doc))),
                    ("docx", format!("{id}/{}", docx_name(doc))),
                ]
                .into()
            } else {
                Default::default()
            },
            members: (!doc.members.is_empty()).then(|| doc.members.clone()),
            date: doc.date.map(|d| d.to_string()),
        })
        .collect();
    if lists_pdfs {
        manifest_docs.push(ManifestDocument {
            enterprise: Some(id.clone()),
            kind: "pack",
            title: format!("{}（{}）", config.build.title, e.enterprise.name),
            number: None,
            files: [
                ("pdf", format!("{id}/{PACK_FILE}")),
                ("docx", format!("{id}/{PACK_DOCX}")),
            ]
            .into(),
            members: None,
            date: Some(site.date.to_string()),
        });
    }
    if let Some(renderer) = outputs.pdf {
        let rendered = render_pdfs(site, renderer, loaded, &docs)?;
        written.pdfs += write_pdfs(loaded, &rendered, sink)?;
        written.warnings.extend(rendered.warnings);
    }
    if let Some(renderer) = outputs.docx {
        let started = std::time::Instant::now();
        written.docx += write_docx(site, renderer, loaded, &docs, sink)?;
        written.docx_time += started.elapsed();
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
    if outputs.html {
        let workbook = format!("{id}/{LEDGER_WORKBOOK}");
        let bytes = xlsx::workbook(&e.enterprise.name, &ledgers, site.date)
            .map_err(|err| BuildError::Asset(format!("{workbook}: {err}")))?;
        sink.write(&workbook, &bytes)?;
        for entry in manifest_docs.iter_mut().filter(|d| d.kind == "ledger") {
            entry.files.insert("xlsx", workbook.clone());
        }
        let ics = format!("{id}/service-calendar.ics");
        let counselor_names = counselors.join("、");
        let calendar = service_calendar_ics(
            &IcsInput {
                enterprise_id: id,
                enterprise_name: &e.enterprise.name,
                address: &e.enterprise.address,
                agency: &config.agency.name,
                counselors: &counselor_names,
                contract_no: &e.service.contract_no,
                build_date: site.date,
            },
            &facts.schedule,
        );
        sink.write(&ics, calendar.as_bytes())?;
        for entry in manifest_docs
            .iter_mut()
            .filter(|d| d.kind == "service-calendar")
        {
            entry.files.insert("ics", ics.clone());
        }
        let mut links = Vec::with_capacity(docs.len());
        for (doc, entry) in docs.iter().zip(manifest_docs.iter_mut()) {
            let rel = format!("{id}/{}.html", doc.slug);
            sink.write(
                &rel,
                html::document_page(engines, common, &e.enterprise.name, doc)?.as_bytes(),
            )?;
            entry.files.insert("html", rel);
            written.pages += 1;
            for block in &doc.blocks {
                if let crate::documents::model::Block::Figure { svg, .. } = block {
                    let rel = format!("{id}/{}.svg", doc.slug);
                    sink.write(&rel, svg.as_bytes())?;
                    entry.files.insert("svg", rel);
                }
            }
            links.push(DocLink {
                title: doc.title.clone(),
                kind: doc.kind.as_str(),
                number: entry.number.clone(),
                html: format!("{}.html", doc.slug),
                pdf: lists_pdfs.then(|| pdf_name(doc)),
                docx: lists_pdfs.then(|| docx_name(doc)),
            });
        }
        let summary = json!({
            "id": id, "name": e.enterprise.name, "industry": e.enterprise.industry,
            "employees": e.enterprise.employees, "address": e.enterprise.address,
            "principal": e.enterprise.principal, "safety_officer": e.enterprise.safety_officer,
            "service": e.service, "counselors": counselors, "open_findings": open_findings,
            "zones": context["zones"], "site_findings": e.service.findings,
            "pack": lists_pdfs.then_some(PACK_FILE),
            "pack_docx": lists_pdfs.then_some(PACK_DOCX),
            "workbook": LEDGER_WORKBOOK,
        });
        let rel = format!("{id}/index.html");
        sink.write(
            &rel,
            html::enterprise_page(engines, common, &summary, &links, &mine)?.as_bytes(),
        )?;
        written.pages += 1;
        manifest_docs.push(ManifestDocument {
            enterprise: Some(id.clone()),
            kind: "index",
            title: e.enterprise.name.clone(),
            number: None,
            files: [("html", rel)].into(),
            members: None,
            date: Some(site.date.to_string()),
        });
    }
    if let Ok(mut c) = counts.lock() {
        c.pages += written.pages;
        c.pdfs += written.pdfs;
        c.docx += written.docx;
        c.docx_time += written.docx_time;
        c.warnings.extend(written.warnings);
    }
    let index_row = index_row(loaded, facts, findings, docs.len(), site.date);
    Ok(EnterpriseOutput {
        entry: ManifestEnterprise {
            id: id.clone(),
            name: e.enterprise.name.clone(),
        },
        documents: manifest_docs,
        index_row,
    })
}
