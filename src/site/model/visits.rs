//! `service.visits`: what the agency did at the enterprise, one entry per visit (spec §10).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::site::date::Date;

chinese_values! {
    /// What a visit was for: 第十六条 counts every visit as 现场办公, an inspection
    /// among them, and trainings and drills by the year.
    pub enum VisitKind {
        Service => "现场服务",
        Inspection => "安全检查",
        Training => "培训",
        Drill => "演练",
        Diagnosis => "诊断",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub date: Date,
    /// Counselor ids (`counselors` of anquan.yaml).
    pub counselors: Vec<String>,
    pub kind: VisitKind,
    /// What was done.
    pub content: String,
    /// Entries of `service.findings`, by their `issue` text.
    #[serde(default)]
    pub findings: Vec<String>,
    /// Who took part on the enterprise's side (trainees, drill participants).
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Site-relative photo paths.
    #[serde(default)]
    pub photos: Vec<String>,
}
