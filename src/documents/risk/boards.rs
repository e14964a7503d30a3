//! 车间风险公告牌 per zone and 岗位安全风险告知卡 per post, each on one sheet: the level band
//! with the name in large type, the safety signs in a row, what the board says, and the
//! emergency phones in large type at the foot.

use super::*;
use crate::documents::model::Block;
use crate::documents::sheet::{on_sheet, signs_block};
use crate::facts::ppe::{post_ppe, posts_issued_ppe};
use crate::signs::select::{SignSources, signs_for};
use crate::site::model::RiskPoint;

/// What the risk points of a zone or a post add up to.
struct Points<'e> {
    points: Vec<&'e RiskPoint>,
    accidents: Vec<String>,
    hazards: Vec<String>,
    emergency: Vec<String>,
}

impl<'e> Points<'e> {
    fn new(points: Vec<&'e RiskPoint>) -> Points<'e> {
        let all = |f: fn(&RiskPoint) -> &Vec<String>| {
            unique(points.iter().flat_map(|p| f(p).iter().cloned()))
        };
        Points {
            accidents: all(|p| &p.accidents),
            hazards: all(|p| &p.hazards),
            emergency: all(|p| &p.controls.emergency),
            points,
        }
    }

    /// The signs: of the accident types and hazards, the mandatory signs of exactly `ppe`,
    /// and those of the emergency supplies of `zone`.
    fn signs(&self, e: &EnterpriseFile, zone: &str, ppe: &[String]) -> Block {
        let supplies: Vec<String> = e
            .emergency_supplies
            .iter()
            .filter(|s| s.zone == zone)
            .map(|s| s.name.clone())
            .collect();
        signs_block(&signs_for(&SignSources {
            accidents: &self.accidents,
            hazards: &self.hazards,
            ppe,
            supplies: &supplies,
        }))
    }
}

fn phones(e: &EnterpriseFile, cx: &RiskContext, slug: &str) -> Block {
    let phones = [
        ("企业应急电话", e.enterprise.emergency_phone.as_str()),
        ("火警", "119"),
        ("急救", "120"),
        ("报警", "110"),
    ];
    cx.print.phones(
        cx.enterprise_id,
        slug,
        phones
            .iter()
            .map(|(l, n)| (l.to_string(), n.to_string()))
            .collect(),
    )
}

fn or_dash(v: &[String], sep: &str) -> String {
    if v.is_empty() {
        "—".to_string()
    } else {
        v.join(sep)
    }
}

pub(crate) fn zone_board(e: &EnterpriseFile, cx: &RiskContext, zone_id: &str) -> Document {
    let zone = e.zones.iter().find(|z| z.id == zone_id);
    let (name, owner) = zone.map_or(("", ""), |z| (z.name.as_str(), z.owner.as_str()));
    let level = cx.facts.zone_levels.get(zone_id).copied().flatten();
    let at = Points::new(e.risk_points.iter().filter(|p| p.zone == zone_id).collect());
    let rows: Vec<Vec<Vec<Inline>>> = at
        .points
        .iter()
        .map(|p| {
            let grade = cx.facts.grade_of(&p.id);
            let mut measures = p.controls.engineering.clone();
            measures.extend(p.controls.management.iter().cloned());
            vec![
                t(format!("{} {}", p.id, p.name)),
                vec![badge(grade.map(|g| g.level))],
                t(p.accidents.join("、")),
                t(measures.join("；")),
                t(p.responsible.clone()),
            ]
        })
        .collect();
    // The protective equipment issued to the zone's posts, and the mandatory signs of
    // exactly that: a posted 必须戴… for an item never issued orders what no worker has
    // (the gap is `ppe-unissued` for the consultant, and the procedure names it).
    let posts = e.posts.iter().filter(|p| p.zone == zone_id);
    let ppe = posts_issued_ppe(e, posts.map(|p| p.id.as_str()));
    let slug = format!("zone-board-{zone_id}");
    let mut blocks = vec![
        head("车间风险公告牌", level, name),
        at.signs(e, zone_id, &ppe),
        Block::Panel {
            rows: vec![
                ("区域责任人".into(), t(owner)),
                ("可能导致的事故".into(), t(or_dash(&at.accidents, "、"))),
            ],
        },
    ];
    if rows.is_empty() {
        blocks.push(Block::Paragraph {
            content: t("本区域尚未辨识风险点，应组织开展风险辨识和评价。"),
        });
    } else {
        blocks.push(heading("风险点及管控措施"));
        blocks.push(Block::Table {
            header: ["风险点", "等级", "事故类型", "主要管控措施", "责任人"]
                .iter()
                .map(|h| t(*h))
                .collect(),
            rows,
        });
        blocks.push(heading("主要危险有害因素"));
        blocks.push(list(&at.hazards));
        blocks.push(heading("应急处置措施"));
        blocks.push(list(&at.emergency));
    }
    if !ppe.is_empty() {
        blocks.push(heading("须穿戴的防护用品"));
        blocks.push(Block::Paragraph {
            content: t(ppe.join("、")),
        });
    }
    blocks.push(phones(e, cx, &slug));
    let board = doc(
        Kind::ZoneBoard,
        format!("车间风险公告牌（{name}）"),
        cx,
        slug,
        Layout::Sheet,
        blocks,
    );
    on_sheet(board, cx.print.board)
}

pub(crate) fn post_card(e: &EnterpriseFile, cx: &RiskContext, post_id: &str) -> Document {
    let post = e.posts.iter().find(|p| p.id == post_id);
    let name = post.map_or("", |p| p.name.as_str());
    let zone_id = post.map_or("", |p| p.zone.as_str());
    let level = cx.facts.post_levels.get(post_id).copied().flatten();
    let at = Points::new(
        e.risk_points
            .iter()
            .filter(|p| p.posts.iter().any(|x| x == post_id))
            .collect(),
    );
    let people: Vec<String> = e
        .teams
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| m.post == post_id)
        .map(|m| m.name.clone())
        .collect();
    let mut rules: Vec<String> = unique(at.points.iter().flat_map(|p| {
        p.controls
            .engineering
            .iter()
            .chain(&p.controls.management)
            .cloned()
    }));
    rules.extend(unique(
        at.points
            .iter()
            .flat_map(|p| p.controls.training.iter().cloned()),
    ));
    // Issued items only, as on the zone board.
    let ppe = post_ppe(e, post_id).issued_items();
    let responsible = unique(at.points.iter().map(|p| p.responsible.clone()));
    let slug = format!("post-card-{post_id}");
    let blocks = vec![
        head("岗位安全风险告知卡", level, name),
        at.signs(e, zone_id, &ppe),
        Block::Panel {
            rows: vec![
                ("作业区域".into(), t(e.zone_name(zone_id))),
                ("在岗人员".into(), t(or_dash(&people, "、"))),
                ("主要危险有害因素".into(), t(or_dash(&at.hazards, "；"))),
                ("易发生事故类型".into(), t(or_dash(&at.accidents, "、"))),
                ("须穿戴的防护用品".into(), t(or_dash(&ppe, "、"))),
                ("责任人".into(), t(or_dash(&responsible, "、"))),
            ],
        },
        heading("安全操作要点"),
        list(&rules),
        heading("应急处置措施"),
        list(&at.emergency),
        Block::Signatures {
            labels: vec!["告知人".into(), "接受人".into(), "日期".into()],
        },
        phones(e, cx, &slug),
    ];
    let card = doc(
        Kind::PostCard,
        format!("岗位安全风险告知卡（{name}）"),
        cx,
        slug,
        Layout::Sheet,
        blocks,
    );
    on_sheet(card, cx.print.card)
}

/// The coloured head of a board or card: what it is, the name, its level.
fn head(kicker: &str, level: Option<Level>, name: &str) -> Block {
    let (fill, ink) = level.map_or((UNASSESSED_FILL, "#000000"), |l| (l.colour(), l.ink()));
    Block::Head {
        kicker: kicker.into(),
        name: name.into(),
        level: level.map_or("未评估".to_string(), |l| {
            format!("{}风险（{}）", l.name(), l.colour_name())
        }),
        fill: fill.into(),
        ink: ink.into(),
    }
}
