//! The format-neutral document model every renderer walks.

use serde::Serialize;

use crate::site::date::Date;

/// What a document is; the names are the manifest's `kind` values (spec §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    System,
    Index,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::System => "system",
            Kind::Index => "index",
        }
    }
}

/// 编号, 版本, 编制/审核/批准, 发布/实施日期: printed above every 制度.
#[derive(Debug, Clone, Serialize)]
pub struct Control {
    pub number: String,
    pub version: String,
    pub prepared_by: String,
    pub reviewed_by: String,
    pub approved_by: String,
    pub issued_on: Date,
    pub effective_on: Date,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: Kind,
    pub title: String,
    /// `None` for agency-level documents.
    pub enterprise: Option<String>,
    /// File stem, ASCII, unique within the enterprise.
    pub slug: String,
    pub control: Option<Control>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    Text { text: String },
    Strong { content: Vec<Inline> },
    Emph { content: Vec<Inline> },
    Code { text: String },
    Break,
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }
}

/// Plain text of inline runs (for titles, tests and search).
pub fn plain_text(runs: &[Inline]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Strong { content } | Inline::Emph { content } => {
                out.push_str(&plain_text(content))
            }
            Inline::Break => out.push('\n'),
        }
    }
    out
}
