//! `member-unpaired`, `pair-size` (互联互保 3.2): every member in exactly one group of two,
//! or three where the team is odd; `pair-cross-zone` (互联互保 3.3): partners work in the
//! same zone.

use std::collections::BTreeMap;

use crate::diag::{Reporter, Rule};
use crate::facts::EnterpriseFacts;
use crate::msg;
use crate::site::model::EnterpriseFile;

pub fn check(e: &EnterpriseFile, facts: &EnterpriseFacts, r: &mut Reporter) {
    membership(e, facts, r);
    cross_zone(e, facts, r);
}

/// A group whose members work in different zones: written so, or generated because
/// no zone had a partner left (a warning: the team may well work so, but should say so).
fn cross_zone(e: &EnterpriseFile, facts: &EnterpriseFacts, r: &mut Reporter) {
    for (i, (team, groups)) in e.teams.iter().zip(&facts.groups).enumerate() {
        for (g, group) in groups.groups.iter().enumerate() {
            if group.distinct_zones().len() < 2 {
                continue;
            }
            let where_each: Vec<String> = group
                .members
                .iter()
                .zip(&group.zones)
                .map(|(name, zone)| format!("{name}（{}）", e.zone_name(zone)))
                .collect();
            let who = where_each.join("、");
            let (at, message) = if groups.generated {
                (
                    format!("teams[{i}].members"),
                    msg!("pair-cross-zone-generated", team = &team.id, who = who),
                )
            } else {
                (
                    format!("teams[{i}].pairs[{g}]"),
                    msg!("pair-cross-zone", team = &team.id, who = who),
                )
            };
            r.warning(Rule::PairCrossZone, &at, message);
        }
    }
}

fn membership(e: &EnterpriseFile, facts: &EnterpriseFacts, r: &mut Reporter) {
    for (i, (team, groups)) in e.teams.iter().zip(&facts.groups).enumerate() {
        let at = if groups.generated {
            format!("teams[{i}].members")
        } else {
            format!("teams[{i}].pairs")
        };
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for (g, group) in groups.groups.iter().enumerate() {
            for name in &group.members {
                *count.entry(name.as_str()).or_default() += 1;
            }
            let size = group.members.len();
            if size == 1 || size >= 4 {
                let place = if groups.generated {
                    at.clone()
                } else {
                    format!("{at}[{g}]")
                };
                r.error(
                    Rule::PairSize,
                    &place,
                    msg!(
                        "pair-size",
                        team = &team.id,
                        size = size,
                        who = group.members.join("、")
                    ),
                );
            }
        }
        // Groups of three only where the team is odd, and then only one (互联互保 practice).
        if !groups.generated {
            let in_team = |g: &crate::facts::pairs::Group| {
                g.members
                    .iter()
                    .filter(|n| team.members.iter().any(|m| &m.name == *n))
                    .count()
            };
            let triads: Vec<usize> = groups
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| in_team(g) == 3)
                .map(|(i, _)| i)
                .collect();
            let allowed = usize::from(team.members.len() % 2 == 1);
            for &g in triads.iter().skip(allowed) {
                r.error(
                    Rule::PairSize,
                    &format!("{at}[{g}]"),
                    msg!(
                        "pair-size-three",
                        team = &team.id,
                        members = team.members.len(),
                        who = groups.groups[g].members.join("、")
                    ),
                );
            }
        }
        for m in &team.members {
            match count.get(m.name.as_str()).copied().unwrap_or(0) {
                1 => {}
                0 => r.error(
                    Rule::MemberUnpaired,
                    &at,
                    msg!("member-unpaired", name = &m.name, team = &team.id),
                ),
                n => r.error(
                    Rule::MemberUnpaired,
                    &at,
                    msg!(
                        "member-in-groups",
                        name = &m.name,
                        team = &team.id,
                        groups = n
                    ),
                ),
            }
        }
    }
}
