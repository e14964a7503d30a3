//! `records:` what has happened; it fills the ledgers.

use serde::{Deserialize, Serialize};

use crate::site::date::Date;

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
    /// Optional: 地点 and 记录人 of the meeting ledger.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub recorder: Option<String>,
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
    /// Optional: 凭证号, 经办人, 审批人 of the investment ledger.
    #[serde(default)]
    pub voucher: Option<String>,
    #[serde(default)]
    pub handler: Option<String>,
    #[serde(default)]
    pub approver: Option<String>,
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
