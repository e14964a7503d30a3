//! The HTML renderer: document pages, enterprise pages and the agency index, through the
//! layered tera layouts.

use crate::i18n::{Catalog, Lang};
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use crate::diag::Finding;
use crate::documents::model::Document;
use crate::render::blocks_html::blocks_to_html;
use crate::render::bundle::{Artifact, Bundle, Format, RenderError, Rendered, Renderer, Target};
use crate::render::engine::{Engines, TemplateError};

/// Values every page shares, made once per build.
#[derive(Serialize)]
pub struct PageCommon<'a> {
    pub site_title: &'a str,
    pub agency: &'a crate::site::model::Agency,
    pub date: String,
    pub generator: &'a str,
    /// The language of the findings on the index and enterprise pages.
    pub lang: Lang,
}

impl<'a> PageCommon<'a> {
    pub fn for_site(site: &'a crate::facts::Site, lang: Lang) -> PageCommon<'a> {
        let config = &site.loaded.config;
        PageCommon {
            site_title: &config.build.title,
            agency: &config.agency,
            date: site.date.to_string(),
            generator: crate::GENERATOR,
            lang,
        }
    }
}

pub fn document_page(
    engines: &Engines,
    common: &PageCommon,
    enterprise_name: &str,
    doc: &Document,
) -> Result<String, TemplateError> {
    let mut context = Context::new();
    context.insert("common", common);
    context.insert("root", "../");
    context.insert("enterprise_name", enterprise_name);
    context.insert(
        "doc",
        &json!({"title": doc.title, "kind": doc.kind, "control": doc.control, "layout": doc.layout, "date": doc.date, "date_line": doc.date_line, "sheet": doc.sheet}),
    );
    context.insert("body", &blocks_to_html(&doc.blocks, "../assets/"));
    engines.render_html("html/document.html", &context)
}

/// The HTML renderer of one build: a page per document and the enterprise's own page.
pub struct HtmlPages<'a> {
    pub engines: &'a Engines,
    pub common: &'a PageCommon<'a>,
}

impl Renderer for HtmlPages<'_> {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let mut artifacts = Vec::with_capacity(bundle.docs.len() + 1);
        for (n, doc) in bundle.docs.iter().enumerate() {
            let page = document_page(self.engines, self.common, bundle.name(), doc)?;
            artifacts.push(Artifact {
                target: Target::Document(n),
                bytes: page.into_bytes(),
            });
        }
        let page = enterprise_page(
            self.engines,
            self.common,
            &page_summary(bundle),
            &links(bundle),
            bundle.findings,
        )?;
        artifacts.push(Artifact {
            target: Target::Page,
            bytes: page.into_bytes(),
        });
        Ok(Rendered::of(artifacts))
    }
}

/// What the enterprise page says of the enterprise, and the files of its whole pack.
fn page_summary(bundle: &Bundle) -> Value {
    let e = &bundle.enterprise.data;
    let counselors = bundle.facts.counselor_names();
    let open_findings = e
        .service
        .findings
        .iter()
        .filter(|f| f.closed_on.is_none())
        .count();
    let plan = bundle.plan;
    json!({
        "id": bundle.id(), "name": e.enterprise.name, "industry": e.enterprise.industry,
        "employees": e.enterprise.employees, "address": e.enterprise.address,
        "principal": e.enterprise.principal, "safety_officer": e.enterprise.safety_officer,
        "service": e.service, "counselors": counselors, "open_findings": open_findings,
        "zones": bundle.context["zones"], "site_findings": e.service.findings,
        "pack": plan.name(Format::Pdf, Target::Pack),
        "pack_docx": plan.name(Format::Docx, Target::Pack),
        "workbook": plan.name(Format::Xlsx, Target::Ledgers),
    })
}

/// Every document's links, in pack order, from the plan (PDFs a watch session writes
/// later are linked already).
fn links(bundle: &Bundle) -> Vec<DocLink> {
    let name = |format, n| {
        bundle
            .plan
            .name(format, Target::Document(n))
            .map(str::to_string)
    };
    bundle
        .docs
        .iter()
        .enumerate()
        .map(|(n, doc)| DocLink {
            title: doc.title.clone(),
            kind: doc.kind.as_str(),
            number: doc.control.as_ref().map(|c| c.number.clone()),
            html: name(Format::Html, n).unwrap_or_default(),
            pdf: name(Format::Pdf, n),
            docx: name(Format::Docx, n),
            changed: bundle.release.is_changed(n),
        })
        .collect()
}

/// One link on an enterprise page.
#[derive(Serialize)]
pub struct DocLink {
    pub title: String,
    pub kind: &'static str,
    pub number: Option<String>,
    pub html: String,
    pub pdf: Option<String>,
    pub docx: Option<String>,
    /// Changed since the last release (spec §13): the page tags it 已修改.
    pub changed: bool,
}

pub fn enterprise_page(
    engines: &Engines,
    common: &PageCommon,
    enterprise: &Value,
    links: &[DocLink],
    findings: &[&Finding],
) -> Result<String, TemplateError> {
    let mut context = Context::new();
    context.insert("common", common);
    context.insert("root", "../");
    context.insert("e", enterprise);
    context.insert("links", links);
    context.insert("findings", &localized(common.lang, findings));
    engines.render_html("html/enterprise.html", &context)
}

pub fn index_page(
    engines: &Engines,
    common: &PageCommon,
    rows: &[Value],
    findings: &[&Finding],
) -> Result<String, TemplateError> {
    let mut context = Context::new();
    context.insert("common", common);
    context.insert("root", "");
    context.insert("enterprises", rows);
    context.insert("findings", &localized(common.lang, findings));
    engines.render_html("html/index.html", &context)
}

/// Findings as the page templates see them: `message` in the page's language.
fn localized(lang: Lang, findings: &[&Finding]) -> Vec<Value> {
    let catalog = Catalog::new(lang);
    findings.iter().map(|f| f.localized(&catalog)).collect()
}
