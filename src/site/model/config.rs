//! `anquan.yaml`: the agency, its counselors, document control and build settings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::site::date::Date;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub agency: Agency,
    pub counselors: Vec<Counselor>,
    #[serde(default)]
    pub document_control: DocumentControl,
    /// Days that add to or override the built-in State Council schedule.
    #[serde(default)]
    pub calendar: CalendarInput,
    #[serde(default)]
    pub risk: Option<RiskThresholdsInput>,
    #[serde(default)]
    pub build: BuildSettings,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    pub principal: String,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub phone: String,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub complaint_phone: String,
    pub address: String,
    pub regulator: String,
    /// The city whose 自律管理办法 names the badge (第二十条: 《金华市“安全生产托管”辅导员》工作牌).
    #[serde(default)]
    pub city: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
pub enum Education {
    高中,
    中专,
    大专,
    本科,
    硕士,
    博士,
}

impl Education {
    pub fn label(self) -> &'static str {
        match self {
            Education::高中 => "高中",
            Education::中专 => "中专",
            Education::大专 => "大专",
            Education::本科 => "本科",
            Education::硕士 => "硕士",
            Education::博士 => "博士",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counselor {
    pub id: String,
    pub name: String,
    #[schemars(schema_with = "crate::schema::fields::mobile")]
    pub phone: String,
    #[serde(default)]
    pub photo: Option<String>,
    pub education: Education,
    pub major: String,
    pub safety_years: u32,
    pub badge_no: String,
    /// Last annual training passed (第十一条); missing is reported, not rejected.
    #[serde(default)]
    pub trained_on: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentControl {
    #[serde(default = "default_prefix")]
    pub number_prefix: String,
    #[serde(default = "default_version")]
    pub version: String,
    #[serde(default)]
    pub holidays: Vec<Date>,
    #[serde(default)]
    pub workdays: Vec<Date>,
}

impl Default for DocumentControl {
    fn default() -> Self {
        DocumentControl {
            number_prefix: default_prefix(),
            version: default_version(),
            holidays: Vec::new(),
            workdays: Vec::new(),
        }
    }
}

fn default_prefix() -> String {
    "AQ".to_string()
}

fn default_version() -> String {
    "A/0".to_string()
}

/// `calendar:` in anquan.yaml: statutory holidays and 调休 working weekends that the
/// built-in table lacks or that the site's region arranges otherwise. A day listed here
/// wins over the table; listing any day of a year marks that year's arrangement as known.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarInput {
    #[serde(default)]
    pub holidays: Vec<Date>,
    #[serde(default)]
    pub workdays: Vec<Date>,
}

/// `risk:` in anquan.yaml: per method, the lower bound of each level.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskThresholdsInput {
    #[serde(default)]
    pub lec: Option<LevelBounds>,
    #[serde(default)]
    pub ls: Option<LevelBounds>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelBounds {
    pub 重大: f64,
    pub 较大: f64,
    pub 一般: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildSettings {
    #[serde(default = "default_title")]
    pub title: String,
    #[serde(default = "default_paper")]
    pub paper: String,
    #[serde(default = "default_formats")]
    pub formats: Vec<Format>,
    /// A theme folder under the site's `themes/`; `default` is built in.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The sheet of the 车间风险公告牌 and the 服务公示牌.
    #[serde(default)]
    pub board_size: BoardSize,
    /// The sheet of the 岗位安全风险告知卡.
    #[serde(default)]
    pub card_size: CardSize,
    /// Where OUT is published (`https://…`): boards and cards carry a QR code of their page.
    #[serde(default)]
    pub base_url: Option<String>,
}

impl Default for BuildSettings {
    fn default() -> Self {
        BuildSettings {
            title: default_title(),
            paper: default_paper(),
            formats: default_formats(),
            theme: default_theme(),
            board_size: BoardSize::default(),
            card_size: CardSize::default(),
            base_url: None,
        }
    }
}

fn default_title() -> String {
    "安全托管文件包".to_string()
}
fn default_paper() -> String {
    "A4".to_string()
}
fn default_formats() -> Vec<Format> {
    vec![Format::Html, Format::Pdf]
}
fn default_theme() -> String {
    "default".to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Pdf,
}

/// ISO 216 sheets that boards and cards are printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A5,
    A4,
    A3,
    A2,
    A1,
}

impl Paper {
    /// Width and height in mm, portrait.
    pub fn mm(self) -> (f64, f64) {
        match self {
            Paper::A5 => (148.0, 210.0),
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A2 => (420.0, 594.0),
            Paper::A1 => (594.0, 841.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A5 => "A5",
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A2 => "A2",
            Paper::A1 => "A1",
        }
    }
}

/// `build.board_size`: A4 (default), A3, A2 or A1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum BoardSize {
    #[default]
    A4,
    A3,
    A2,
    A1,
}

/// `build.card_size`: A4 (default) or A5.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum CardSize {
    #[default]
    A4,
    A5,
}

impl BoardSize {
    pub fn paper(self) -> Paper {
        match self {
            BoardSize::A4 => Paper::A4,
            BoardSize::A3 => Paper::A3,
            BoardSize::A2 => Paper::A2,
            BoardSize::A1 => Paper::A1,
        }
    }
}

impl CardSize {
    pub fn paper(self) -> Paper {
        match self {
            CardSize::A4 => Paper::A4,
            CardSize::A5 => Paper::A5,
        }
    }
}
