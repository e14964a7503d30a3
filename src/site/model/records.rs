//! `records:` what has happened; it fills the ledgers.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::site::date::Date;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
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

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
    /// Optional: 会议类型.
    #[serde(default)]
    pub kind: Option<MeetingKind>,
}

chinese_values! {
    /// 会议类型 of the meeting ledger.
    pub enum MeetingKind {
        安委会会议 => "安委会会议",
        安全例会 => "安全例会",
        专题会议 => "专题会议",
        班前会 => "班前会",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InspectionRecord {
    pub date: Date,
    pub kind: String,
    pub inspector: String,
    pub findings: Vec<InspectionFinding>,
}

/// A hidden danger (隐患) found by an inspection: its text alone, or with what the
/// inspection ledger records of it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum InspectionFinding {
    Issue(String),
    Detailed(FindingDetail),
}

impl InspectionFinding {
    pub fn issue(&self) -> &str {
        match self {
            InspectionFinding::Issue(issue) => issue,
            InspectionFinding::Detailed(d) => &d.issue,
        }
    }

    pub fn detail(&self) -> Option<&FindingDetail> {
        match self {
            InspectionFinding::Issue(_) => None,
            InspectionFinding::Detailed(d) => Some(d),
        }
    }
}

/// A string or a mapping; the mapping goes through the derived struct, so its errors
/// (unknown key, bad level or date) keep their line and column.
impl<'de> Deserialize<'de> for InspectionFinding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FindingVisitor;
        impl<'de> Visitor<'de> for FindingVisitor {
            type Value = InspectionFinding;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the hidden danger as text, or {issue, level, measure, responsible, due, closed_on, zone}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(InspectionFinding::Issue(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                FindingDetail::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(InspectionFinding::Detailed)
            }
        }
        deserializer.deserialize_any(FindingVisitor)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingDetail {
    pub issue: String,
    /// 隐患等级.
    pub level: HazardLevel,
    /// Optional: 整改措施, 整改责任人, 整改期限, 完成日期, 区域/部位 (a zone id).
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(default)]
    pub responsible: Option<String>,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub closed_on: Option<Date>,
    #[serde(default)]
    pub zone: Option<String>,
}

chinese_values! {
    /// 隐患等级 (安全生产事故隐患排查治理暂行规定: 一般事故隐患, 重大事故隐患).
    pub enum HazardLevel {
        一般 => "一般",
        重大 => "重大",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRecord {
    pub date: Date,
    pub topic: String,
    pub hours: f64,
    pub trainer: String,
    pub attendees: Vec<String>,
    /// Optional: 培训类型, 考核方式, 考核结果.
    #[serde(default)]
    pub kind: Option<TrainingKind>,
    #[serde(default)]
    pub assessment: Option<String>,
    #[serde(default)]
    pub result: Option<String>,
}

chinese_values! {
    /// 培训类型 of the training ledger (domain.md §4).
    pub enum TrainingKind {
        三级教育 => "三级教育",
        年度再培训 => "年度再培训",
        转岗培训 => "转岗培训",
        复工培训 => "复工培训",
        四新培训 => "四新培训",
        特种作业培训 => "特种作业培训",
        负责人培训 => "负责人培训",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PpeIssueRecord {
    pub date: Date,
    pub person: String,
    pub item: String,
    pub quantity: u32,
    /// Optional: 型号规格 and 发放人.
    #[serde(default)]
    pub spec: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillRecord {
    pub date: Date,
    pub scenario: String,
    pub participants: u32,
}
