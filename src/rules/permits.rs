//! Gaps that make a 危险作业票 impossible to sign truthfully (warnings): confined-space
//! work with no gas detector or rescue gear among the emergency supplies, whose 审批表
//! asks for both; a crane no team member is named to operate, whose 吊装作业票 asks for a
//! certified operator.

use crate::diag::{Reporter, Rule};
use crate::facts::work::{WorkKind, hazardous_work};
use crate::msg;
use crate::site::model::{EnterpriseFile, SpecialCategory};

/// Names of a gas detector among the supplies (四合一 is the usual portable one).
const DETECTOR: [&str; 4] = ["气体检测", "四合一", "检测仪", "报警仪"];
/// Names of rescue gear for a confined space: breathing apparatus, a tripod with a winch.
const RESCUE: [&str; 2] = ["呼吸器", "三脚架"];

pub fn check(e: &EnterpriseFile, r: &mut Reporter) {
    confined_space_kit(e, r);
    crane_operators(e, r);
}

fn confined_space_kit(e: &EnterpriseFile, r: &mut Reporter) {
    let work = hazardous_work(e);
    let Some(confined) = work.iter().find(|w| w.kind == WorkKind::ConfinedSpace) else {
        return;
    };
    let has = |words: &[&str]| {
        e.emergency_supplies
            .iter()
            .any(|s| words.iter().any(|w| s.name.contains(w)))
    };
    let mut missing: Vec<&str> = Vec::new();
    if !has(&DETECTOR) {
        missing.push("气体检测仪");
    }
    if !has(&RESCUE) {
        missing.push("呼吸器或者三脚架");
    }
    if missing.is_empty() {
        return;
    }
    let places: Vec<&str> = confined.places.iter().map(|p| p.what.as_str()).collect();
    r.warning(
        Rule::ConfinedSpaceKit,
        "emergency_supplies",
        msg!(
            "confined-space-kit",
            places = places.join("、"),
            missing = missing.join("、")
        ),
    );
}

fn crane_operators(e: &EnterpriseFile, r: &mut Reporter) {
    for (i, q) in e.equipment.iter().enumerate() {
        if q.category != Some(SpecialCategory::起重机械) || !q.operators.is_empty() {
            continue;
        }
        r.warning(
            Rule::CraneWithoutOperator,
            &format!("equipment[{i}]"),
            msg!("crane-without-operator", name = &q.name),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;

    fn fired(e: &EnterpriseFile) -> Vec<String> {
        let mut findings: Vec<Finding> = Vec::new();
        let index = Default::default();
        let mut r = Reporter {
            file: "e.yaml",
            index: &index,
            enterprise: Some("e"),
            findings: &mut findings,
        };
        check(e, &mut r);
        findings.iter().map(|f| f.rule.to_string()).collect()
    }

    #[test]
    fn a_dust_collector_to_enter_needs_a_detector_and_rescue_gear_a_crane_an_operator() {
        let mut e = crate::facts::example_enterprise("ruifeng");
        assert_eq!(fired(&e), ["confined-space-kit", "crane-without-operator"]);
        e.emergency_supplies[0].name = "四合一气体检测仪".into();
        e.emergency_supplies[1].name = "正压式空气呼吸器".into();
        for q in &mut e.equipment {
            q.operators = vec!["吕建平".into()];
        }
        assert!(fired(&e).is_empty());
        // The warehouse enters nothing and lifts nothing.
        assert!(fired(&crate::facts::example_enterprise("jinshun")).is_empty());
    }
}
