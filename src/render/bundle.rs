//! Rendering as one trait (spec §4, §8): every output format is a `Renderer` over the
//! `Bundle` of one enterprise's documents. The `Plan` names every file of every format
//! once, before anything is rendered, so that pages can link files written later (the
//! PDFs of a watch session) and the manifest is built from (kind, format, file).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diag::Finding;
use crate::documents::ledgers::Ledger;
use crate::documents::model::{Block, Document, Kind};
use crate::facts::{EnterpriseFacts, Site};
use crate::site::load::LoadedEnterprise;
use crate::site::paths::resolve_in_site;

/// An output format. The order is the manifest's key order in `files`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Docx,
    Html,
    Ics,
    Pdf,
    Svg,
    Xlsx,
}

/// What one file of a format stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The document at this index of `Bundle::docs`.
    Document(usize),
    /// The enterprise's whole pack in one file.
    Pack,
    /// One file shared by every ledger (the XLSX workbook).
    Ledgers,
    /// The enterprise's own page, linking everything.
    Page,
}

/// The pack's file names inside the enterprise folder.
pub const PACK_PDF: &str = "pack.pdf";
pub const PACK_DOCX: &str = "pack.docx";
/// One workbook per enterprise holds the eight ledgers.
pub const LEDGER_WORKBOOK: &str = "ledgers.xlsx";
pub const CALENDAR_ICS: &str = "service-calendar.ics";

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Ics => "ics",
            Format::Pdf => "pdf",
            Format::Svg => "svg",
            Format::Xlsx => "xlsx",
        }
    }

    /// The files this format makes for these documents, as (target, name inside the
    /// enterprise folder).
    fn files(self, docs: &[Document]) -> Vec<(Target, String)> {
        let each = |ext: &'static str| {
            docs.iter()
                .enumerate()
                .map(move |(n, d)| (Target::Document(n), format!("{}.{ext}", d.slug)))
        };
        match self {
            Format::Html => each("html")
                .chain([(Target::Page, "index.html".to_string())])
                .collect(),
            Format::Pdf => each("pdf")
                .chain([(Target::Pack, PACK_PDF.to_string())])
                .collect(),
            Format::Docx => each("docx")
                .chain([(Target::Pack, PACK_DOCX.to_string())])
                .collect(),
            Format::Svg => each("svg")
                .filter(|(t, _)| matches!(t, Target::Document(n) if figure_of(&docs[*n]).is_some()))
                .collect(),
            Format::Xlsx => docs
                .iter()
                .any(|d| d.kind == Kind::Ledger)
                .then(|| (Target::Ledgers, LEDGER_WORKBOOK.to_string()))
                .into_iter()
                .collect(),
            Format::Ics => docs
                .iter()
                .position(|d| d.kind == Kind::ServiceCalendar)
                .map(|n| (Target::Document(n), CALENDAR_ICS.to_string()))
                .into_iter()
                .collect(),
        }
    }
}

/// A document's first figure (the map), written beside its page as an SVG file.
pub fn figure_of(doc: &Document) -> Option<&str> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Figure { svg, .. } => Some(svg.as_str()),
        _ => None,
    })
}

/// One file a build will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub format: Format,
    pub target: Target,
    /// Inside the enterprise folder.
    pub name: String,
}

/// Every file of one enterprise, in every format of the build.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub enterprise: String,
    pub files: Vec<Planned>,
}

impl Plan {
    pub fn new(enterprise: &str, formats: &[Format], docs: &[Document]) -> Plan {
        let files = formats
            .iter()
            .flat_map(|&format| {
                format
                    .files(docs)
                    .into_iter()
                    .map(move |(target, name)| Planned {
                        format,
                        target,
                        name,
                    })
            })
            .collect();
        Plan {
            enterprise: enterprise.to_string(),
            files,
        }
    }

    /// The file's name inside the enterprise folder.
    pub fn name(&self, format: Format, target: Target) -> Option<&str> {
        self.files
            .iter()
            .find(|p| p.format == format && p.target == target)
            .map(|p| p.name.as_str())
    }

    /// The file's path relative to OUT.
    pub fn path(&self, planned: &Planned) -> String {
        format!("{}/{}", self.enterprise, planned.name)
    }

    pub fn has(&self, format: Format) -> bool {
        self.files.iter().any(|p| p.format == format)
    }
}

/// One enterprise's documents and what every renderer may need to render them.
pub struct Bundle<'a> {
    pub site: &'a Site,
    pub enterprise: &'a LoadedEnterprise,
    pub facts: &'a EnterpriseFacts,
    pub docs: &'a [Document],
    pub ledgers: &'a [Ledger],
    /// The enterprise's template context (zones, people) as the documents saw it.
    pub context: &'a Value,
    /// The compliance findings about this enterprise.
    pub findings: &'a [&'a Finding],
    pub plan: &'a Plan,
    /// Each document against the last release: its version, whether it changed since.
    pub release: &'a crate::release::EnterpriseStatus,
}

impl Bundle<'_> {
    pub fn id(&self) -> &str {
        &self.enterprise.id
    }

    pub fn name(&self) -> &str {
        &self.enterprise.data.enterprise.name
    }

    /// The photos the documents show, as (site-relative path, file); missing ones are
    /// left out and print as an empty photo box.
    pub fn photos(&self) -> Vec<(String, PathBuf)> {
        self.docs
            .iter()
            .flat_map(|d| d.assets())
            .filter_map(|rel| {
                resolve_in_site(&self.site.loaded.root, rel)
                    .ok()
                    .map(|abs| (rel.to_string(), abs))
            })
            .collect()
    }
}

/// One rendered file: what it stands for and its bytes. Its name comes from the plan.
pub struct Artifact {
    pub target: Target,
    pub bytes: Vec<u8>,
}

#[derive(Default)]
pub struct Rendered {
    pub artifacts: Vec<Artifact>,
    /// Passed on to the user; they do not fail the build.
    pub warnings: Vec<String>,
    /// Files of a verified build cache entry, put into the output as they are, instead
    /// of `artifacts` made now.
    pub cached: Vec<(Target, std::path::PathBuf)>,
    /// Taken from the build cache rather than made.
    pub from_cache: bool,
}

impl Rendered {
    pub fn of(artifacts: Vec<Artifact>) -> Rendered {
        Rendered {
            artifacts,
            ..Rendered::default()
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Template(#[from] crate::render::engine::TemplateError),
    #[error(transparent)]
    Pdf(#[from] crate::render::pdf::PdfError),
    #[error(transparent)]
    Docx(#[from] crate::render::docx::DocxError),
    #[error("{file}: {message}")]
    File { file: String, message: String },
}

/// One output format. Adding a format is one implementation of this and one `Format`.
pub trait Renderer: Sync {
    fn format(&self) -> Format;
    /// Every file of this format for the bundle, each target of the plan once.
    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError>;
    /// A hash of everything that decides this format's files for the bundle, for the
    /// build cache; `None` for formats quicker to make than to look up.
    fn cache_key(&self, _bundle: &Bundle) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::Layout;

    fn doc(kind: Kind, slug: &str) -> Document {
        Document::of_enterprise(
            kind,
            "标题".to_string(),
            "ruifeng",
            slug.to_string(),
            Layout::Portrait,
            Vec::new(),
        )
    }

    #[test]
    fn the_plan_names_each_file_once_per_format() {
        let docs = [
            doc(Kind::System, "system-01"),
            doc(Kind::Ledger, "ledger-01"),
            doc(Kind::Ledger, "ledger-02"),
            doc(Kind::ServiceCalendar, "service-calendar"),
        ];
        let formats = [
            Format::Html,
            Format::Pdf,
            Format::Xlsx,
            Format::Ics,
            Format::Svg,
        ];
        let plan = Plan::new("ruifeng", &formats, &docs);
        assert_eq!(plan.name(Format::Pdf, Target::Pack), Some(PACK_PDF));
        assert_eq!(
            plan.name(Format::Html, Target::Document(1)),
            Some("ledger-01.html")
        );
        assert_eq!(
            plan.name(Format::Xlsx, Target::Ledgers),
            Some(LEDGER_WORKBOOK)
        );
        assert_eq!(
            plan.name(Format::Ics, Target::Document(3)),
            Some(CALENDAR_ICS)
        );
        // No figure, no SVG; no DOCX unless asked.
        assert!(!plan.has(Format::Svg));
        assert!(!plan.has(Format::Docx));
        // 4 pages + the enterprise page, 4 PDFs + the pack, one workbook, one calendar.
        assert_eq!(plan.files.len(), 5 + 5 + 1 + 1);
        let paths: Vec<String> = plan.files.iter().map(|p| plan.path(p)).collect();
        assert!(paths.contains(&"ruifeng/index.html".to_string()));
    }
}
