//! `anquan.yaml`: the agency, its counselors, document control and build settings.

use serde::{Deserialize, Serialize};

use crate::site::date::Date;

#[derive(Debug, Clone, Deserialize, Serialize)]
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: String,
    pub principal: String,
    pub phone: String,
    pub complaint_phone: String,
    pub address: String,
    pub regulator: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Education {
    高中,
    中专,
    大专,
    本科,
    硕士,
    博士,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Counselor {
    pub id: String,
    pub name: String,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarInput {
    #[serde(default)]
    pub holidays: Vec<Date>,
    #[serde(default)]
    pub workdays: Vec<Date>,
}

/// `risk:` in anquan.yaml: per method, the lower bound of each level.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskThresholdsInput {
    #[serde(default)]
    pub lec: Option<LevelBounds>,
    #[serde(default)]
    pub ls: Option<LevelBounds>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LevelBounds {
    pub 重大: f64,
    pub 较大: f64,
    pub 一般: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
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
}

impl Default for BuildSettings {
    fn default() -> Self {
        BuildSettings {
            title: default_title(),
            paper: default_paper(),
            formats: default_formats(),
            theme: default_theme(),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Pdf,
}
