//! 互联互保 documents: the roster of protection groups (互保对象一览表) and one agreement
//! (互保联保协议书) per group, from the same groups as the 互联互保安全管理制度. Their text
//! is `content/pairs/roster.md` and `content/pairs/agreement.md`; here only the data.

use serde_json::{Value, json};
use tera::Context;

use crate::documents::blocks::unique;
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout};
use crate::facts::EnterpriseFacts;
use crate::facts::pairs::{Group, witness};
use crate::render::engine::{Engines, TemplateError};
use crate::site::model::{EnterpriseFile, Team};

/// 甲方, 乙方, 丙方 … by a party's place in the group.
const PARTIES: [&str; 6] = ["甲方", "乙方", "丙方", "丁方", "戊方", "己方"];

/// The roster, then each team's agreements in group order. `base` is the enterprise's
/// context (`documents::context::enterprise_context`).
pub fn pair_documents(
    engines: &Engines,
    enterprise_id: &str,
    e: &EnterpriseFile,
    facts: &EnterpriseFacts,
    base: &Value,
) -> Result<Vec<Document>, TemplateError> {
    let mut context = Context::from_serialize(base).map_err(|err| TemplateError::Render {
        name: "context".to_string(),
        message: err.to_string(),
    })?;
    let teams: Vec<Value> = e
        .teams
        .iter()
        .zip(&facts.groups)
        .map(|(team, groups)| roster_team(e, team, &groups.groups))
        .collect();
    context.insert("pair_teams", &teams);
    let roster = engines.render_content("pairs/roster.md", &context)?;
    let mut docs = vec![Document::of_enterprise(
        Kind::PairRoster,
        "互保对象一览表".into(),
        enterprise_id,
        "pair-roster".into(),
        Layout::Portrait,
        to_blocks(&roster),
    )];
    for (team, groups) in e.teams.iter().zip(&facts.groups) {
        for (i, group) in groups.groups.iter().enumerate() {
            context.insert("pair", &agreement_data(e, team, i + 1, group));
            let body = engines.render_content("pairs/agreement.md", &context)?;
            let mut blocks = to_blocks(&body);
            blocks.extend(signatures(e, team, group));
            let mut agreement = Document::of_enterprise(
                Kind::PairAgreement,
                format!("互保联保协议书（{}）", group.members.join("、")),
                enterprise_id,
                format!("pair-agreement-{}-{}", team.id, i + 1),
                Layout::Portrait,
                blocks,
            );
            agreement.members = group.members.clone();
            docs.push(agreement);
        }
    }
    Ok(docs)
}

/// The zones a group works in, by name: where its members' posts are, not the team's zone.
fn zone_names<S: AsRef<str>>(e: &EnterpriseFile, zones: &[S]) -> String {
    zones
        .iter()
        .map(|z| e.zone_name(z.as_ref()))
        .collect::<Vec<_>>()
        .join("、")
}

fn roster_team(e: &EnterpriseFile, team: &Team, groups: &[Group]) -> Value {
    let team_zones = unique(
        groups
            .iter()
            .flat_map(Group::distinct_zones)
            .map(str::to_string),
    );
    let rows: Vec<Value> = groups
        .iter()
        .map(|g| {
            let members: Vec<String> = g
                .members
                .iter()
                .map(|m| format!("{m}（{}）", e.member_post(m)))
                .collect();
            json!({"members": members.join("、"), "size": g.members.len(),
                   "zones": zone_names(e, &g.distinct_zones())})
        })
        .collect();
    json!({"name": team.name, "leader": team.leader, "size": team.members.len(),
           "zones": zone_names(e, &team_zones), "groups": rows})
}

fn agreement_data(e: &EnterpriseFile, team: &Team, number: usize, group: &Group) -> Value {
    let members: Vec<Value> = group
        .members
        .iter()
        .zip(&group.zones)
        .enumerate()
        .map(|(i, (name, zone))| {
            json!({"party": PARTIES.get(i).copied().unwrap_or("其他方"), "name": name,
                   "post": e.member_post(name), "zone": e.zone_name(zone)})
        })
        .collect();
    let from = e.issued_on();
    json!({
        "team": team.name, "leader": team.leader, "number": number,
        "leader_in_pair": group.members.contains(&team.leader),
        "members": members, "names": group.members.join("、"),
        "zones": zone_names(e, &group.distinct_zones()),
        "from": from.chinese(),
        "witness": witness(e, team, group),
    })
}

/// A line per party and one for the witness (whose role the text names), each signed
/// and dated.
fn signatures(e: &EnterpriseFile, team: &Team, group: &Group) -> Vec<Block> {
    let w = witness(e, team, group);
    group
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let party = PARTIES.get(i).copied().unwrap_or("其他方");
            format!("{party} {m}（签字）")
        })
        .chain([format!("见证人 {}（签字）", w.name)])
        .map(|signer| Block::Signatures {
            labels: vec![signer, "日期".to_string()],
        })
        .collect()
}
