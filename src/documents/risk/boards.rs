//! 车间风险公告牌 per zone and 岗位安全风险告知卡 per post.

use super::*;
use crate::facts::ppe::{mandatory_signs, post_ppe, posts_ppe};
use crate::site::model::RiskPoint;

/// The warning and prohibition signs of the accident types, then the GB 2894 mandatory
/// signs of exactly the protective equipment listed (never a sign without its item).
fn signs(accidents: &[String], ppe: &[String]) -> String {
    let mut all = signs_for(accidents);
    all.extend(mandatory_signs(ppe));
    all.join("　")
}

fn phones(e: &EnterpriseFile) -> Vec<Inline> {
    t(format!(
        "企业应急电话 {}　火警 119　急救 120　报警 110",
        e.enterprise.emergency_phone
    ))
}

pub(super) fn zone_board(e: &EnterpriseFile, cx: &RiskContext, zone_id: &str) -> Document {
    let zone = e.zones.iter().find(|z| z.id == zone_id);
    let (name, owner) = zone.map_or(("", ""), |z| (z.name.as_str(), z.owner.as_str()));
    let level = cx.facts.zone_levels.get(zone_id).copied().flatten();
    let points: Vec<&RiskPoint> = e.risk_points.iter().filter(|p| p.zone == zone_id).collect();
    let accidents = unique(points.iter().flat_map(|p| p.accidents.iter().cloned()));
    let hazards = unique(points.iter().flat_map(|p| p.hazards.iter().cloned()));
    let emergency = unique(
        points
            .iter()
            .flat_map(|p| p.controls.emergency.iter().cloned()),
    );
    let rows: Vec<Vec<Vec<Inline>>> = points
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
    let mut blocks = vec![
        level_band(level, name),
        Block::Panel {
            rows: vec![
                ("区域".into(), t(name)),
                ("风险等级".into(), vec![badge(level)]),
                ("责任人".into(), t(owner)),
                (
                    "可能导致的事故".into(),
                    t(if accidents.is_empty() {
                        "—".into()
                    } else {
                        accidents.join("、")
                    }),
                ),
                ("报告电话".into(), phones(e)),
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
        blocks.push(list(&hazards));
        blocks.push(heading("应急处置措施"));
        blocks.push(list(&emergency));
    }
    // The zone's posts' protective equipment, and the mandatory signs of exactly that.
    let ppe = posts_ppe(
        e,
        e.posts
            .iter()
            .filter(|p| p.zone == zone_id)
            .map(|p| p.id.as_str()),
    );
    if !ppe.is_empty() {
        blocks.push(heading("须穿戴的防护用品"));
        blocks.push(Block::Paragraph {
            content: t(ppe.join("、")),
        });
    }
    blocks.push(heading("安全警示标志"));
    blocks.push(Block::Paragraph {
        content: t(signs(&accidents, &ppe)),
    });
    doc(
        Kind::ZoneBoard,
        format!("车间风险公告牌（{name}）"),
        cx,
        format!("zone-board-{zone_id}"),
        Layout::Portrait,
        blocks,
    )
}

pub(super) fn post_card(e: &EnterpriseFile, cx: &RiskContext, post_id: &str) -> Document {
    let post = e.posts.iter().find(|p| p.id == post_id);
    let name = post.map_or("", |p| p.name.as_str());
    let zone = post.map_or_else(String::new, |p| e.zone_name(&p.zone));
    let level = cx.facts.post_levels.get(post_id).copied().flatten();
    let points: Vec<&RiskPoint> = e
        .risk_points
        .iter()
        .filter(|p| p.posts.iter().any(|x| x == post_id))
        .collect();
    let people: Vec<&str> = e
        .teams
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| m.post == post_id)
        .map(|m| m.name.as_str())
        .collect();
    let accidents = unique(points.iter().flat_map(|p| p.accidents.iter().cloned()));
    let hazards = unique(points.iter().flat_map(|p| p.hazards.iter().cloned()));
    let mut rules: Vec<String> = unique(points.iter().flat_map(|p| {
        p.controls
            .engineering
            .iter()
            .chain(&p.controls.management)
            .cloned()
    }));
    rules.extend(unique(
        points
            .iter()
            .flat_map(|p| p.controls.training.iter().cloned()),
    ));
    let ppe: Vec<String> = post_ppe(e, post_id).into_iter().map(|p| p.item).collect();
    let emergency = unique(
        points
            .iter()
            .flat_map(|p| p.controls.emergency.iter().cloned()),
    );
    let responsible = unique(points.iter().map(|p| p.responsible.clone()));
    let or_dash = |v: &[String], sep: &str| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(sep)
        }
    };
    let blocks = vec![
        level_band(level, name),
        Block::Panel {
            rows: vec![
                ("岗位/作业名称".into(), t(name)),
                ("作业区域".into(), t(zone)),
                ("风险等级".into(), vec![badge(level)]),
                (
                    "在岗人员".into(),
                    t(if people.is_empty() {
                        "—".into()
                    } else {
                        people.join("、")
                    }),
                ),
                ("主要危险有害因素".into(), t(or_dash(&hazards, "；"))),
                ("易发生事故类型".into(), t(or_dash(&accidents, "、"))),
                ("须穿戴的防护用品".into(), t(or_dash(&ppe, "、"))),
                ("安全警示标志".into(), t(signs(&accidents, &ppe))),
                ("责任人".into(), t(or_dash(&responsible, "、"))),
                ("应急电话".into(), phones(e)),
            ],
        },
        heading("安全操作要点"),
        list(&rules),
        heading("应急处置措施"),
        list(&emergency),
        Block::Signatures {
            labels: vec!["告知人".into(), "接受人".into(), "日期".into()],
        },
    ];
    doc(
        Kind::PostCard,
        format!("岗位安全风险告知卡（{name}）"),
        cx,
        format!("post-card-{post_id}"),
        Layout::Portrait,
        blocks,
    )
}

/// The coloured head of a board or card: the name and its level.
fn level_band(level: Option<Level>, name: &str) -> Block {
    let label = level.map_or("未评估".to_string(), |l| {
        format!("{}风险（{}）", l.name(), l.colour_name())
    });
    band(level, format!("{name}　{label}"))
}
