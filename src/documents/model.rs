//! The format-neutral document model every renderer walks.

use serde::{Deserialize, Serialize};

use crate::site::date::Date;
use crate::site::model::Paper;

/// What a document is; the names are the manifest's `kind` values (spec §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    System,
    Ledger,
    RiskMap,
    RiskRegister,
    ZoneBoard,
    PostCard,
    NoticeBoard,
    ServiceNotice,
    ServicePlan,
    ServiceCalendar,
    Badge,
    PairRoster,
    PairAgreement,
    // Spec §9, in pack order (the pipeline sorts them by this order).
    ReleaseOrder,
    ResponsibilityLetter,
    Procedure,
    TrainingPlan,
    TrainingSignIn,
    InductionCard,
    WorkPermit,
    HazardNotice,
    ContractorAgreement,
    EmergencySpecial,
    EmergencyOnsite,
    VisitRecord,
    RectificationNotice,
    ServiceReport,
    /// The enterprise's whole pack in one file.
    Pack,
    Index,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::System => "system",
            Kind::Ledger => "ledger",
            Kind::RiskMap => "risk-map",
            Kind::RiskRegister => "risk-register",
            Kind::ZoneBoard => "zone-board",
            Kind::PostCard => "post-card",
            Kind::NoticeBoard => "notice-board",
            Kind::ServiceNotice => "service-notice",
            Kind::ServicePlan => "service-plan",
            Kind::ServiceCalendar => "service-calendar",
            Kind::Badge => "badge",
            Kind::PairRoster => "pair-roster",
            Kind::PairAgreement => "pair-agreement",
            Kind::ReleaseOrder => "release-order",
            Kind::ResponsibilityLetter => "responsibility-letter",
            Kind::TrainingPlan => "training-plan",
            Kind::TrainingSignIn => "training-sign-in",
            Kind::InductionCard => "induction-card",
            Kind::ContractorAgreement => "contractor-agreement",
            Kind::VisitRecord => "visit-record",
            Kind::RectificationNotice => "rectification-notice",
            Kind::ServiceReport => "service-report",
            Kind::Procedure => "procedure",
            Kind::WorkPermit => "work-permit",
            Kind::HazardNotice => "hazard-notice",
            Kind::Pack => "pack",
            Kind::EmergencySpecial => "emergency-special",
            Kind::EmergencyOnsite => "emergency-onsite",
            Kind::Index => "index",
        }
    }
}

/// A4 portrait (documents), A4 landscape (maps, wide tables), a badge-sized card, or one
/// sheet of a print size (boards and cards, `Document::sheet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    Portrait,
    Landscape,
    Card,
    Sheet,
}

/// The sheet a board or card is printed on, and how large its text is set: `scale` times
/// the A4 design (1 on an A4 sheet with room to spare, 1.41 on A3, less where the content
/// must shrink to fit).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sheet {
    pub paper: Paper,
    pub scale: f64,
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
    /// The page it is printed on.
    pub layout: Layout,
    /// The people a per-group document is about (a pair agreement's members).
    pub members: Vec<String>,
    /// The document's own date (spec §6), set by `dating::stamp` from its kind.
    pub date: Option<Date>,
    /// How the date is printed where no control block carries it, e.g. "编制日期：2026年3月20日".
    pub date_line: Option<String>,
    /// Set for `Layout::Sheet`.
    pub sheet: Option<Sheet>,
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
        /// The number of the first item of an ordered list: a list resumed after a table
        /// goes on counting (3., 4.) as its Markdown says.
        start: u64,
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
    /// An SVG drawing made by anquan itself (every text in it is XML-escaped).
    Figure {
        svg: String,
        caption: String,
    },
    /// Label → value rows, as on a board or card.
    Panel {
        rows: Vec<(String, Vec<Inline>)>,
    },
    /// A full-width band in a level's colour: the head of a risk board or card.
    Band {
        text: String,
        fill: String,
        ink: String,
    },
    /// Blocks printed on one page, never split (a signature block with its heading).
    Keep {
        blocks: Vec<Block>,
    },
    /// Blank lines to sign on: one per label.
    Signatures {
        labels: Vec<String>,
    },
    /// The head of a board: a band in the level's colour across the sheet, what the board is
    /// (`kicker`), the zone or post in large type, and its level.
    Head {
        kicker: String,
        name: String,
        level: String,
        fill: String,
        ink: String,
    },
    /// Safety signs in a row, each an SVG drawn by `signs::sign_svg` with its text.
    Signs {
        signs: Vec<SignImage>,
    },
    /// Emergency phone numbers in large type at the foot of a board, and a QR code of the
    /// board's own page when `build.base_url` is set.
    Phones {
        phones: Vec<(String, String)>,
        qr: Option<QrCode>,
    },
    /// A row of people cards: a photo (site-relative path; a photo box where missing) and
    /// label → value lines.
    Cards {
        cards: Vec<PersonCard>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignImage {
    pub text: String,
    pub svg: String,
}

/// A QR code as SVG (dark modules as one path) and the URL it encodes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QrCode {
    pub url: String,
    pub svg: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonCard {
    pub photo: Option<String>,
    pub lines: Vec<(String, String)>,
}

impl Document {
    /// Site-relative paths of the images the document shows.
    pub fn assets(&self) -> Vec<&str> {
        self.blocks
            .iter()
            .flat_map(|b| match b {
                Block::Cards { cards } => cards.iter().filter_map(|c| c.photo.as_deref()).collect(),
                _ => Vec::new(),
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emph {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    Break,
    /// Text on a coloured ground: a risk level in a table cell.
    Badge {
        text: String,
        fill: String,
        ink: String,
    },
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
            Inline::Text { text } | Inline::Code { text } | Inline::Badge { text, .. } => {
                out.push_str(text)
            }
            Inline::Strong { content } | Inline::Emph { content } => {
                out.push_str(&plain_text(content))
            }
            Inline::Break => out.push('\n'),
        }
    }
    out
}
