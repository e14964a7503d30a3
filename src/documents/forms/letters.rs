//! 安全生产目标责任书, one per department and one per team: the targets (`enterprise.targets`,
//! printed alike in the 安全生产责任制度), the duties the built 安全生产责任制度 gives that
//! department or team, the risks it controls, assessment and signatures of both levels.
//! Text: `content/forms/responsibility-letter.md`.

use chrono::Datelike;
use serde_json::{Value, json};

use super::{Body, FormsContext};
use crate::documents::model::{Block, Document, Kind, plain_text};
use crate::facts::units::{
    owned_points, owned_zones, post_needs_certificate, team_has_certified_posts, team_points,
};
use crate::render::engine::TemplateError;
use crate::site::model::{EnterpriseFile, RiskPoint, SafetyTargets, Team};

/// The targets as the documents print them: `null` where the input gives none (a blank).
pub fn targets_context(t: &SafetyTargets) -> Value {
    json!({
        "injury_rate": t.injury_rate_permille.map(number_text),
        "rectification_rate": t.rectification_rate_percent.map(number_text),
    })
}

/// 1.5 → "1.5", 100 → "100", 0.25 → "0.25": as a rate is written.
pub(super) fn number_text(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One signing party: what they sign as, and who.
struct Party {
    role: String,
    name: String,
}

pub(super) fn responsibility_letters(
    body: &Body,
    cx: &FormsContext,
    systems: &[Document],
) -> Result<Vec<Document>, TemplateError> {
    let e = cx.issued;
    let system = systems
        .iter()
        .find(|d| d.slug == "system-01-responsibility")
        .map_or(&[][..], |d| d.blocks.as_slice());
    let principal = Party {
        role: format!("{}（主要负责人）", e.enterprise.principal.title),
        name: e.enterprise.principal.name.clone(),
    };
    let mut docs = Vec::new();
    for (i, d) in e.departments.iter().enumerate() {
        let holder = Party {
            role: format!("{}负责人", d.name),
            name: d.head.clone(),
        };
        let zones = owned_zones(e, &d.head);
        let certified = e
            .posts
            .iter()
            .any(|p| zones.iter().any(|z| z.id == p.zone) && post_needs_certificate(e, &p.id));
        let letter = json!({
            "unit": d.name, "level": "部门", "certified": certified,
            "duties": duty(system, &format!("{}（{}", d.name, d.head)),
            "risks": risks_of(cx, owned_points(e, &d.head)),
            "zones": zones.iter().map(|z| z.name.clone()).collect::<Vec<_>>(),
        });
        let slug = format!("responsibility-letter-department-{}", i + 1);
        // The principal cannot sign a letter with himself: he commits to the staff instead.
        if d.head == principal.name {
            docs.push(commitment(body, cx, letter, system, &holder, slug)?);
            continue;
        }
        let blocks = render(
            body,
            cx,
            letter,
            &principal,
            &holder,
            "responsibility-letter",
        )?;
        docs.push(cx.document(
            Kind::ResponsibilityLetter,
            format!("安全生产目标责任书（{}）", d.name),
            slug,
            blocks,
        ));
    }
    for t in &e.teams {
        let holder = Party {
            role: format!("{}班组长", t.name),
            name: t.leader.clone(),
        };
        let letter = json!({
            "unit": t.name, "level": "班组", "size": t.members.len(),
            "certified": team_has_certified_posts(e, t),
            "duties": duty(system, &format!("{}（{}，", t.name, t.leader)),
            "risks": risks_of(cx, team_points(e, t)),
        });
        let over = team_superior(e, t).unwrap_or(Party {
            role: principal.role.clone(),
            name: principal.name.clone(),
        });
        let blocks = render(body, cx, letter, &over, &holder, "responsibility-letter")?;
        docs.push(cx.document(
            Kind::ResponsibilityLetter,
            format!("安全生产目标责任书（{}）", t.name),
            format!("responsibility-letter-team-{}", t.id),
            blocks,
        ));
    }
    Ok(docs)
}

/// The 主要负责人安全生产承诺书: the principal commits to the staff and the supervising
/// authority to the targets and to his duties of 《安全生产法》第二十一条 as the
/// 安全生产责任制度 lists them under 主要负责人.
fn commitment(
    body: &Body,
    cx: &FormsContext,
    mut letter: Value,
    system: &[Block],
    holder: &Party,
    slug: String,
) -> Result<Document, TemplateError> {
    letter["principal_duties"] = json!(list_after(system, "（一）主要负责人"));
    let e = cx.issued;
    letter["certified"] = json!(e.posts.iter().any(|p| post_needs_certificate(e, &p.id)));
    let blocks = render(body, cx, letter, holder, holder, "principal-commitment")?;
    Ok(cx.document(
        Kind::ResponsibilityLetter,
        "主要负责人安全生产承诺书".into(),
        slug,
        blocks,
    ))
}

fn render(
    body: &Body,
    cx: &FormsContext,
    mut letter: Value,
    issuer: &Party,
    holder: &Party,
    template: &str,
) -> Result<Vec<Block>, TemplateError> {
    let issued = cx.issued.issued_on();
    // One cannot sign with oneself: a department its principal heads answers to the company.
    let issuer =
        (issuer.name != holder.name).then(|| json!({"role": issuer.role, "name": issuer.name}));
    letter["issuer"] = issuer.unwrap_or(Value::Null);
    letter["holder"] = json!({"role": holder.role, "name": holder.name});
    letter["from"] = json!(issued.chinese());
    letter["year"] = json!(issued.0.year());
    body.render(template, &[("letter", letter)])
}

/// Who a team leader signs with, as the 安全生产责任制度 has it (部门负责人与班组长): the
/// head of a department who owns the team's zone, when that is not the leader.
fn team_superior(e: &EnterpriseFile, t: &Team) -> Option<Party> {
    let owner = e.zone_owner(&t.zone);
    let department = e
        .departments
        .iter()
        .find(|d| d.head == owner && d.head != t.leader && d.head != e.enterprise.principal.name)?;
    Some(Party {
        role: format!("{}负责人", department.name),
        name: department.head.clone(),
    })
}

/// The risk points a letter names, with their levels, most severe first.
fn risks_of(cx: &FormsContext, points: Vec<&RiskPoint>) -> Vec<Value> {
    let mut risks: Vec<(u8, Value)> = points
        .into_iter()
        .filter_map(|r| {
            let grade = cx.facts.grade_of(&r.id)?;
            Some((
                grade.level as u8,
                json!({"name": r.name, "level": grade.level.name(), "zone": cx.issued.zone_name(&r.zone)}),
            ))
        })
        .collect();
    risks.sort_by_key(|(rank, _)| *rank);
    risks.into_iter().map(|(_, r)| r).collect()
}

/// The items of the first list after the heading starting with `heading`, as text.
fn list_after(blocks: &[Block], heading: &str) -> Vec<String> {
    let start = blocks.iter().position(
        |b| matches!(b, Block::Heading { content, .. } if plain_text(content).starts_with(heading)),
    );
    let items = start.and_then(|i| {
        blocks[i..].iter().find_map(|b| match b {
            Block::List { items, .. } => Some(items),
            _ => None,
        })
    });
    items
        .into_iter()
        .flatten()
        .map(|item| item.iter().map(block_text).collect::<String>())
        .collect()
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { content } => plain_text(content),
        _ => String::new(),
    }
}

/// The duty the 安全生产责任制度 gives in its list item starting with `prefix` (a
/// department's or team's name and head), without the name: the words after `）：`.
fn duty(blocks: &[Block], prefix: &str) -> Option<String> {
    blocks.iter().find_map(|block| match block {
        Block::List { items, .. } => items.iter().find_map(|item| {
            let text = item.iter().find_map(|b| match b {
                Block::Paragraph { content } => Some(plain_text(content)),
                _ => None,
            })?;
            let rest = text.strip_prefix(prefix)?;
            // The name ends at its closing bracket: `压铸班（楼志刚，作业区域：压铸车间）：…`.
            rest.split_once("）：")
                .map(|(_, duty)| duty.trim().to_string())
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::markdown::to_blocks;

    #[test]
    fn a_duty_is_read_from_the_item_naming_the_unit() {
        let blocks = to_blocks(
            "- **生产部（吕建平）**：管生产必须管安全。\n- **压铸班（楼志刚，区域：压铸）**：班前会。\n",
        );
        assert_eq!(
            duty(&blocks, "生产部（吕建平").as_deref(),
            Some("管生产必须管安全。")
        );
        assert_eq!(
            duty(&blocks, "压铸班（楼志刚，").as_deref(),
            Some("班前会。")
        );
        assert_eq!(duty(&blocks, "仓储部（施丽娟"), None);
    }

    #[test]
    fn the_principals_duties_are_the_list_under_his_heading() {
        let blocks = to_blocks(
            "### （一）主要负责人（总经理应国强）\n\n依据：\n\n1. 建立责任制；\n2. 报告事故。\n\n### （二）其他\n\n1. 别的。\n",
        );
        assert_eq!(
            list_after(&blocks, "（一）主要负责人"),
            ["建立责任制；", "报告事故。"]
        );
        assert!(list_after(&blocks, "（九）").is_empty());
    }

    #[test]
    fn rates_print_as_written() {
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(100.0), "100");
        assert_eq!(number_text(0.25), "0.25");
        let none = targets_context(&SafetyTargets::default());
        assert!(none["injury_rate"].is_null());
    }
}
