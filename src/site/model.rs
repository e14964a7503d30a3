//! The typed input: `anquan.yaml` and `enterprises/ID.yaml`, exactly as users write them.
//!
//! Every struct rejects unknown keys so that a typo never passes silently. Values whose
//! format is checked later with a precise message (phones, credit codes, ids) stay strings
//! here; dates are typed so that a malformed one is reported where it stands.

use serde::{Deserialize, Serialize};

use crate::facts::risk::Level;
use crate::site::date::Date;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub agency: Agency,
    pub counselors: Vec<Counselor>,
    #[serde(default)]
    pub document_control: DocumentControl,
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
    pub trained_on: Date,
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseFile {
    pub enterprise: Enterprise,
    pub departments: Vec<Department>,
    pub zones: Vec<Zone>,
    pub posts: Vec<Post>,
    pub teams: Vec<Team>,
    pub risk_points: Vec<RiskPoint>,
    pub equipment: Vec<Equipment>,
    #[serde(default)]
    pub chemicals: Vec<Chemical>,
    #[serde(default)]
    pub ppe: Vec<PpeRule>,
    #[serde(default)]
    pub occupational_hazards: Vec<OccupationalHazard>,
    #[serde(default)]
    pub emergency_supplies: Vec<EmergencySupply>,
    pub service: Service,
    #[serde(default)]
    pub records: Records,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Enterprise {
    pub name: String,
    pub credit_code: String,
    pub address: String,
    pub industry: String,
    pub employees: u32,
    pub principal: Principal,
    pub safety_officer: SafetyOfficer,
    pub emergency_phone: String,
    pub site: SitePlan,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Principal {
    pub name: String,
    pub title: String,
    pub phone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyOfficer {
    pub name: String,
    pub phone: String,
    pub certificate: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SitePlan {
    pub width: f64,
    pub height: f64,
    pub unit: String,
    #[serde(default)]
    pub background: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: String,
    pub head: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub rect: Option<[f64; 4]>,
    #[serde(default)]
    pub polygon: Option<Vec<[f64; 2]>>,
    pub owner: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    pub id: String,
    pub name: String,
    pub zone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub leader: String,
    pub members: Vec<Member>,
    #[serde(default)]
    pub pairs: Option<Vec<Vec<String>>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub post: String,
    #[serde(default)]
    pub certificates: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RiskPoint {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub posts: Vec<String>,
    pub hazards: Vec<String>,
    pub accidents: Vec<String>,
    pub assessment: Assessment,
    pub controls: Controls,
    pub responsible: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Method {
    #[serde(rename = "LEC")]
    Lec,
    #[serde(rename = "LS")]
    Ls,
}

/// One flat shape for both methods, so that a wrong factor is reported at its own key
/// (an internally tagged enum would lose the location).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub method: Method,
    #[serde(rename = "L")]
    pub l: f64,
    #[serde(rename = "E", default)]
    pub e: Option<f64>,
    #[serde(rename = "C", default)]
    pub c: Option<f64>,
    #[serde(rename = "S", default)]
    pub s: Option<f64>,
    #[serde(default)]
    pub level: Option<Level>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Controls {
    #[serde(default)]
    pub engineering: Vec<String>,
    #[serde(default)]
    pub management: Vec<String>,
    #[serde(default)]
    pub training: Vec<String>,
    #[serde(default)]
    pub ppe: Vec<String>,
    #[serde(default)]
    pub emergency: Vec<String>,
}

impl Controls {
    pub fn is_empty(&self) -> bool {
        self.engineering.is_empty()
            && self.management.is_empty()
            && self.training.is_empty()
            && self.ppe.is_empty()
            && self.emergency.is_empty()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Equipment {
    pub name: String,
    pub special: bool,
    pub model: String,
    #[serde(default)]
    pub reg_no: Option<String>,
    pub zone: String,
    #[serde(default)]
    pub inspected_on: Option<Date>,
    #[serde(default)]
    pub next_inspection: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chemical {
    pub name: String,
    pub cas: String,
    pub hazard_class: String,
    pub max_storage: String,
    pub zone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PpeRule {
    pub item: String,
    pub posts: Vec<String>,
    pub cycle_months: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OccupationalHazard {
    pub factor: String,
    pub zone: String,
    pub posts: Vec<String>,
    pub exposed: u32,
    pub last_monitored: Date,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencySupply {
    pub name: String,
    pub quantity: u32,
    pub zone: String,
    pub check_cycle_days: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub contract_no: String,
    pub signed_on: Date,
    pub start: Date,
    pub end: Date,
    pub fee: f64,
    pub counselors: Vec<String>,
    pub contact: Contact,
    pub scope: Vec<String>,
    pub plan_issued_on: Date,
    pub frequency: Frequency,
    #[serde(default)]
    pub findings: Vec<SiteFinding>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    pub site_visits_per_month: u32,
    pub inspections_per_month: u32,
    pub trainings_per_year: u32,
    pub drills_per_year: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFinding {
    pub zone: String,
    pub issue: String,
    pub basis: String,
    pub advice: String,
    #[serde(default)]
    pub photo: Option<String>,
    pub due: Date,
    #[serde(default)]
    pub closed_on: Option<Date>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    #[serde(default)]
    pub meetings: Vec<MeetingRecord>,
    #[serde(default)]
    pub inspections: Vec<InspectionRecord>,
    #[serde(default)]
    pub trainings: Vec<TrainingRecord>,
    #[serde(default)]
    pub investments: Vec<InvestmentRecord>,
    #[serde(default)]
    pub ppe_issues: Vec<PpeIssueRecord>,
    #[serde(default)]
    pub drills: Vec<DrillRecord>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    pub date: Date,
    pub topic: String,
    pub host: String,
    pub attendees: Vec<String>,
    pub decisions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionRecord {
    pub date: Date,
    pub kind: String,
    pub inspector: String,
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingRecord {
    pub date: Date,
    pub topic: String,
    pub hours: f64,
    pub trainer: String,
    pub attendees: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentRecord {
    pub date: Date,
    pub item: String,
    pub category: String,
    pub amount: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PpeIssueRecord {
    pub date: Date,
    pub person: String,
    pub item: String,
    pub quantity: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DrillRecord {
    pub date: Date,
    pub scenario: String,
    pub participants: u32,
}
