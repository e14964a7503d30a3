//! `enterprises/ID.yaml`: one client enterprise.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Equipment, Records, Visit};
use crate::facts::risk::Level;
use crate::site::date::Date;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

impl EnterpriseFile {
    /// A zone's name by id (validation guarantees it exists; the id stands in otherwise).
    pub fn zone_name(&self, id: &str) -> String {
        self.zones
            .iter()
            .find(|z| z.id == id)
            .map_or_else(|| id.to_string(), |z| z.name.clone())
    }

    pub fn zone_owner(&self, id: &str) -> String {
        self.zones
            .iter()
            .find(|z| z.id == id)
            .map_or_else(String::new, |z| z.owner.clone())
    }

    /// A post's name by id; `all` (in `ppe`) reads 全体岗位.
    pub fn post_name(&self, id: &str) -> String {
        if id == "all" {
            return "全体岗位".to_string();
        }
        self.posts
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    /// Who runs production (分管生产负责人): the head of a production or operations
    /// department, else another department head than the principal, else the safety officer.
    pub fn production_head(&self) -> String {
        let principal = &self.enterprise.principal.name;
        ["生产", "运营", "制造", "车间"]
            .iter()
            .find_map(|w| {
                self.departments
                    .iter()
                    .find(|d| d.name.contains(w) && &d.head != principal)
            })
            .or_else(|| self.departments.iter().find(|d| &d.head != principal))
            .map_or_else(
                || self.enterprise.safety_officer.name.clone(),
                |d| d.head.clone(),
            )
    }

    /// The date of the enterprise's own documents: the systems and the 事故应急救援预案,
    /// the risk and pair documents (spec §6).
    pub fn issued_on(&self) -> Date {
        self.enterprise
            .issued_on
            .unwrap_or(self.service.plan_issued_on)
    }

    /// The post name of a team member.
    pub fn member_post(&self, name: &str) -> String {
        self.teams
            .iter()
            .flat_map(|t| &t.members)
            .find(|m| m.name == name)
            .map_or_else(String::new, |m| self.post_name(&m.post))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enterprise {
    pub name: String,
    pub credit_code: String,
    pub address: String,
    pub industry: String,
    #[schemars(range(min = 1))]
    pub employees: u32,
    pub principal: Principal,
    pub safety_officer: SafetyOfficer,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub emergency_phone: String,
    pub site: SitePlan,
    /// Date of the enterprise's own documents (systems, 预案, risk and pair documents);
    /// `service.plan_issued_on` when absent (spec §6).
    #[serde(default)]
    pub issued_on: Option<Date>,
    /// Outside help printed in the 事故应急救援预案 (nearest hospital, the park's fire
    /// station …), besides 119, 120, 110 and the regulator, which always appear.
    #[serde(default)]
    pub emergency_contacts: Vec<EmergencyContact>,
    /// 紧急集合点 named in the 预案; without it the 预案 points to the one marked on the
    /// site's evacuation plan (疏散示意图), never to an invented place.
    #[serde(default)]
    pub assembly_point: Option<String>,
    /// 年度安全生产目标 of the 安全生产目标责任书 and the 安全生产责任制度; a target not
    /// given prints as a blank to fill in by hand.
    #[serde(default)]
    pub targets: SafetyTargets,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyTargets {
    /// 工伤事故率 at most this many per thousand workers (‰).
    #[serde(default)]
    pub injury_rate_permille: Option<f64>,
    /// 事故隐患整改率 at least this percentage.
    #[serde(default)]
    pub rectification_rate_percent: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyContact {
    pub name: String,
    #[schemars(schema_with = "crate::schema::fields::contact_phone")]
    pub phone: String,
    /// What they do for the enterprise, e.g. 医疗救护 or 园区消防.
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Principal {
    pub name: String,
    pub title: String,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub phone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SafetyOfficer {
    pub name: String,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub phone: String,
    pub certificate: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SitePlan {
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub width: f64,
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub height: f64,
    pub unit: String,
    #[serde(default)]
    pub background: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: String,
    pub head: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    pub id: String,
    pub name: String,
    pub zone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    pub post: String,
    #[serde(default)]
    pub certificates: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskPoint {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub posts: Vec<String>,
    pub hazards: Vec<String>,
    #[schemars(schema_with = "crate::schema::fields::accident_types")]
    pub accidents: Vec<String>,
    pub assessment: Assessment,
    pub controls: Controls,
    pub responsible: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Method {
    #[serde(rename = "LEC")]
    Lec,
    #[serde(rename = "LS")]
    Ls,
}

/// One flat shape for both methods, so that a wrong factor is reported at its own key
/// (an internally tagged enum would lose the location).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::schema::fields::factor_tables)]
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

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
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

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chemical {
    pub name: String,
    pub cas: String,
    pub hazard_class: String,
    pub max_storage: String,
    pub zone: String,
}

impl Chemical {
    /// Whether the enterprise keeps any: 管道供气不储存 is used from a pipe, never stored.
    pub fn is_stored(&self) -> bool {
        !(self.max_storage.contains("不储存") || self.max_storage.contains("不贮存"))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PpeRule {
    pub item: String,
    pub posts: Vec<String>,
    pub cycle_months: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OccupationalHazard {
    pub factor: String,
    pub zone: String,
    pub posts: Vec<String>,
    pub exposed: u32,
    /// The last workplace monitoring (检测); absent before the first one.
    #[serde(default)]
    pub last_monitored: Option<Date>,
    /// Optional: 检测机构, 检测结果 and 职业健康检查 of the occupational-health ledger.
    #[serde(default)]
    pub monitored_by: Option<String>,
    #[serde(default)]
    pub result: Option<String>,
    #[serde(default)]
    pub health_check: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencySupply {
    pub name: String,
    pub quantity: u32,
    pub zone: String,
    pub check_cycle_days: u32,
    /// Optional: 配备日期 and 有效期 of the emergency-supplies ledger.
    #[serde(default)]
    pub equipped_on: Option<Date>,
    #[serde(default)]
    pub expires_on: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
    /// What the agency recorded of its visits; `None` when not kept in anquan, so that
    /// `service-behind` is not judged (an empty list is judged).
    #[serde(default)]
    pub visits: Option<Vec<Visit>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[schemars(schema_with = "crate::schema::fields::phone")]
    pub phone: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    pub site_visits_per_month: u32,
    pub inspections_per_month: u32,
    pub trainings_per_year: u32,
    pub drills_per_year: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
