//! One enterprise of a build: its documents, HTML pages and PDFs, and what the
//! manifest and the agency index say of it.

use std::sync::Mutex;

use serde_json::{Value, json};

use super::BuildError;
pub use super::render::{Counts, render_all, write_rendered};
use crate::cache::Cache;
use crate::diag::Finding;
use crate::documents::context::enterprise_context;
use crate::documents::dating::{DatedBy, date_of, stamp};
use crate::documents::emergency::plans::emergency_documents;
use crate::documents::forms::{FormsContext, form_documents};
use crate::documents::ledgers::Ledger;
use crate::documents::ledgers::{self, LedgerContext};
use crate::documents::model::Document;
use crate::documents::pairs::pair_documents;
use crate::documents::permits::{PermitContext, permits_and_notices};
use crate::documents::procedures::{ProcedureContext, procedures};
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
use crate::i18n::{Catalog, Lang};
use crate::output::manifest::{ManifestDocument, ManifestEnterprise, bundle_entries};
use crate::output::writer::Sink;
use crate::release::{self, EnterpriseStatus};
use crate::render::bundle::{Bundle, Format, Plan, Renderer};
use crate::render::engine::Engines;
use crate::site::date::Date;
use crate::site::load::LoadedEnterprise;
use crate::site::paths::resolve_in_site;

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
    let counselors = facts.counselor_names();
    json!({
        "id": loaded.id, "name": e.enterprise.name, "counselors": counselors,
        "documents": documents, "errors": errors, "warnings": warnings,
        "open_findings": e.service.findings.iter().filter(|f| f.closed_on.is_none()).count(),
        "start": e.service.start, "end": e.service.end, "visits": visits,
    })
}

#[derive(Debug, Clone)]
pub struct EnterpriseOutput {
    pub entry: ManifestEnterprise,
    pub documents: Vec<ManifestDocument>,
    pub index_row: Value,
    /// Documents changed since the last release.
    pub changes: Vec<crate::release::status::Change>,
}

/// Every document of one enterprise, built once for all formats.
pub struct EnterpriseDocs {
    pub docs: Vec<Document>,
    pub ledgers: Vec<Ledger>,
    pub context: Value,
    /// Each document against the last release (spec §13).
    pub release: EnterpriseStatus,
}

/// The documents as of the build date, with their released versions and 修订记录.
pub fn enterprise_documents(
    site: &Site,
    engines: &Engines,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
) -> Result<EnterpriseDocs, BuildError> {
    let mut built = documents_on(site, site.date, engines, loaded, facts)?;
    let revisions = &site.loaded.revisions;
    let then = match release::baseline_date(revisions, &loaded.id, site.date) {
        Some(date) => Some(documents_on(site, date, engines, loaded, facts)?.docs),
        None => None,
    };
    let snapshot = release::snapshot::snapshot(&loaded.data, facts);
    built.release = release::attach(
        revisions,
        &loaded.id,
        &mut built.docs,
        then.as_deref(),
        &snapshot,
    );
    Ok(built)
}

/// The documents as they are on `date`, before any release is applied.
pub fn documents_on(
    site: &Site,
    date: Date,
    engines: &Engines,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
) -> Result<EnterpriseDocs, BuildError> {
    let e = &loaded.data;
    let id = &loaded.id;
    let config = &site.loaded.config;
    // Each document knows only what was known on its own date (spec §6).
    let view = |by: DatedBy| as_of(e, date_of(by, e, date));
    let issued = view(DatedBy::EnterpriseIssued);
    let context = enterprise_context(&issued, facts, &config.agency, &date.to_string());
    let mut docs = systems::systems(engines, id, &issued, &config.document_control, &context)?;
    let systems_end = docs.len();
    docs.extend(procedures(
        engines,
        &ProcedureContext {
            enterprise_id: id,
            enterprise: &issued,
            facts,
            control: &config.document_control,
            base: &context,
        },
    )?);
    // The forms read the systems and procedures as built (the 发布令 lists them, the 责任书
    // quote them); the sort below puts them in pack order.
    let forms = form_documents(
        engines,
        &FormsContext::new(site, loaded, facts, &issued, &context),
        &docs,
    )?;
    docs.extend(forms);
    docs.extend(permits_and_notices(
        engines,
        &PermitContext {
            enterprise_id: id,
            enterprise: &issued,
            print: Print::of(&config.build),
            base: &context,
        },
    )?);
    docs.extend(emergency_documents(
        engines,
        id,
        &issued,
        facts,
        &config.document_control,
        &context,
    )?);
    // Spec §9's documents follow the systems in the order of their kinds.
    docs[systems_end..].sort_by_key(|d| d.kind);
    let at_build = view(DatedBy::Build);
    let ledgers = ledgers::ledgers(&LedgerContext {
        enterprise: &at_build,
        date,
        calendar: &site.calendar,
    });
    docs.extend(ledgers.iter().map(|l| l.to_document(id)));
    let background = match &e.enterprise.site.background {
        Some(rel) => {
            // Validation has resolved it inside the site already.
            let path = resolve_in_site(&site.loaded.root, rel).map_err(|why| {
                BuildError::Asset(format!("{id}: {}", Catalog::new(Lang::En).text(&why)))
            })?;
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
        at_build: service_cx(&at_build, &facts.schedule, date),
    }));
    docs.extend(record_documents(
        engines,
        &RecordsContext {
            enterprise_id: id,
            enterprise: e,
            counselors: &config.counselors,
            agency: &config.agency,
            date,
        },
    )?);
    docs.extend(pair_documents(engines, id, &issued, facts, &context)?);
    stamp(&mut docs, e, date);
    Ok(EnterpriseDocs {
        docs,
        ledgers,
        context,
        release: EnterpriseStatus::default(),
    })
}

/// The renderers of a build: those that render now, and the formats a later step writes
/// (a watch session's PDFs and DOCX), which pages link and the manifest lists already.
pub struct Renderers<'a> {
    pub now: Vec<&'a dyn Renderer>,
    pub later: Vec<Format>,
}

impl Renderers<'_> {
    fn formats(&self) -> Vec<Format> {
        let mut formats: Vec<Format> = self.now.iter().map(|r| r.format()).collect();
        formats.extend(&self.later);
        formats
    }
}

/// What every enterprise of one build shares.
pub struct EnterpriseBuild<'a> {
    pub site: &'a Site,
    pub engines: &'a Engines,
    pub sink: &'a dyn Sink,
    pub renderers: Renderers<'a>,
    pub findings: &'a [Finding],
    pub counts: &'a Mutex<Counts>,
    pub cache: Option<&'a Cache>,
}

/// Builds, renders and writes one enterprise; returns what the manifest and the index
/// say of it.
pub fn build_enterprise(
    build: &EnterpriseBuild,
    loaded: &LoadedEnterprise,
    facts: &EnterpriseFacts,
) -> Result<EnterpriseOutput, BuildError> {
    let site = build.site;
    let EnterpriseDocs {
        docs,
        ledgers,
        context,
        release,
    } = enterprise_documents(site, build.engines, loaded, facts)?;
    let plan = Plan::new(&loaded.id, &build.renderers.formats(), &docs);
    let findings: Vec<&Finding> = build
        .findings
        .iter()
        .filter(|f| f.enterprise.as_deref() == Some(loaded.id.as_str()))
        .collect();
    let bundle = Bundle {
        site,
        enterprise: loaded,
        facts,
        docs: &docs,
        ledgers: &ledgers,
        context: &context,
        findings: &findings,
        plan: &plan,
        release: &release,
    };
    let rendered = render_all(&bundle, &build.renderers.now, build.cache)?;
    let written = write_rendered(&bundle, rendered, build.sink)?;
    if let Ok(mut counts) = build.counts.lock() {
        counts.add(written);
    }
    Ok(EnterpriseOutput {
        entry: ManifestEnterprise {
            id: loaded.id.clone(),
            name: loaded.data.enterprise.name.clone(),
        },
        documents: bundle_entries(&bundle, &plan),
        index_row: index_row(loaded, facts, build.findings, docs.len(), site.date),
        changes: release.changes().cloned().collect(),
    })
}
