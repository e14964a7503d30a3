//! `risk-level-mismatch`, `risk-without-controls`, `zone-without-risk`.

use crate::diag::{Reporter, Rule};
use crate::facts::EnterpriseFacts;
use crate::msg;
use crate::site::model::EnterpriseFile;

pub fn check(e: &EnterpriseFile, facts: &EnterpriseFacts, r: &mut Reporter) {
    for (i, p) in e.risk_points.iter().enumerate() {
        let at = format!("risk_points[{i}]");
        if let (Some(stated), Some(grade)) = (p.assessment.level, facts.grade_of(&p.id))
            && stated != grade.level
        {
            r.error(
                Rule::RiskLevelMismatch,
                &format!("{at}.assessment.level"),
                msg!(
                    "risk-level-mismatch",
                    point = &p.id,
                    stated = stated.to_string(),
                    formula = &grade.formula,
                    computed = grade.level.to_string()
                ),
            );
        }
        if p.controls.is_empty() {
            r.error(
                Rule::RiskWithoutControls,
                &format!("{at}.controls"),
                msg!("risk-without-controls", point = &p.id, name = &p.name),
            );
        }
    }
    for (i, z) in e.zones.iter().enumerate() {
        if facts.zone_levels.get(&z.id).is_some_and(Option::is_none) {
            r.error(
                Rule::ZoneWithoutRisk,
                &format!("zones[{i}]"),
                msg!("zone-without-risk", zone = &z.id, name = &z.name),
            );
        }
    }
}
