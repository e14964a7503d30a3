//! The HTML renderer: document pages, enterprise pages and the agency index, through the
//! layered tera layouts.

use crate::i18n::{Catalog, Lang};
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use crate::diag::Finding;
use crate::documents::model::Document;
use crate::render::blocks_html::blocks_to_html;
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

/// One link on an enterprise page.
#[derive(Serialize)]
pub struct DocLink {
    pub title: String,
    pub kind: &'static str,
    pub number: Option<String>,
    pub html: String,
    pub pdf: Option<String>,
    pub docx: Option<String>,
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
