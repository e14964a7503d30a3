//! References and dates of the optional keys that fill ledger columns: an inspection
//! finding's zone, an equipment's operators, an emergency supply's dates.

use std::collections::BTreeSet;

use super::reference;
use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::model::EnterpriseFile;

pub(super) fn validate_ledger_inputs(r: &mut Reporter, e: &EnterpriseFile, zones: &BTreeSet<&str>) {
    for (i, inspection) in e.records.inspections.iter().enumerate() {
        for (j, finding) in inspection.findings.iter().enumerate() {
            if let Some(zone) = finding.detail().and_then(|d| d.zone.as_deref()) {
                reference(
                    r,
                    &format!("records.inspections[{i}].findings[{j}].zone"),
                    zone,
                    zones,
                    "word-zone",
                );
            }
        }
    }
    let members: BTreeSet<&str> = e
        .teams
        .iter()
        .flat_map(|t| &t.members)
        .map(|m| m.name.as_str())
        .collect();
    for (i, q) in e.equipment.iter().enumerate() {
        for (j, name) in q.operators.iter().enumerate() {
            reference(
                r,
                &format!("equipment[{i}].operators[{j}]"),
                name,
                &members,
                "word-team-member",
            );
        }
    }
    for (i, s) in e.emergency_supplies.iter().enumerate() {
        if let (Some(from), Some(until)) = (s.equipped_on, s.expires_on)
            && until <= from
        {
            r.error(
                Rule::InvalidValue,
                &format!("emergency_supplies[{i}].expires_on"),
                msg!(
                    "supply-expires-before-equipped",
                    name = &s.name,
                    expires = until.to_string(),
                    equipped = from.to_string()
                ),
            );
        }
    }
}
