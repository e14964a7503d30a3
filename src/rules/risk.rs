//! `risk-level-mismatch`, `risk-without-controls`, `zone-without-risk`.

use crate::diag::Reporter;
use crate::facts::EnterpriseFacts;
use crate::site::model::EnterpriseFile;

pub fn check(e: &EnterpriseFile, facts: &EnterpriseFacts, r: &mut Reporter) {
    for (i, p) in e.risk_points.iter().enumerate() {
        let at = format!("risk_points[{i}]");
        if let (Some(stated), Some(grade)) = (p.assessment.level, facts.grade_of(&p.id))
            && stated != grade.level
        {
            r.error(
                    "risk-level-mismatch",
                    &format!("{at}.assessment.level"),
                    format!(
                        "risk point `{}` states level {stated} but {} gives {}; the computed level is used",
                        p.id, grade.formula, grade.level
                    ),
                );
        }
        if p.controls.is_empty() {
            r.error(
                "risk-without-controls",
                &format!("{at}.controls"),
                format!(
                    "risk point `{}` ({}) has no control measure (第十九条 风险分级管控)",
                    p.id, p.name
                ),
            );
        }
    }
    for (i, z) in e.zones.iter().enumerate() {
        if facts.zone_levels.get(&z.id).is_some_and(Option::is_none) {
            r.error(
                "zone-without-risk",
                &format!("zones[{i}]"),
                format!(
                    "zone `{}` ({}) has no risk point: the four-colour map draws it grey (未评估)",
                    z.id, z.name
                ),
            );
        }
    }
}
