//! 安全风险分级管控清单: every risk point, its grade and controls, by level.

use super::*;
use crate::site::model::RiskPoint;

/// The five kinds of control in one cell, a line each: five narrow columns would leave
/// a landscape page two characters per line.
fn controls_text(p: &RiskPoint) -> Vec<Inline> {
    let c = &p.controls;
    let kinds = [
        ("工程技术措施", &c.engineering),
        ("管理措施", &c.management),
        ("培训教育措施", &c.training),
        ("个体防护措施", &c.ppe),
        ("应急处置措施", &c.emergency),
    ];
    let mut out = Vec::new();
    for (label, items) in kinds.iter().filter(|(_, items)| !items.is_empty()) {
        if !out.is_empty() {
            out.push(Inline::Break);
        }
        out.push(Inline::Strong {
            content: t(format!("{label}：")),
        });
        out.push(Inline::text(items.join("；")));
    }
    out
}

pub(super) fn risk_register(e: &EnterpriseFile, cx: &RiskContext) -> Document {
    let mut points: Vec<&RiskPoint> = e.risk_points.iter().collect();
    points.sort_by_key(|p| (cx.facts.grade_of(&p.id).map(|g| g.level), p.id.clone()));
    let rows: Vec<Vec<Vec<Inline>>> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let grade = cx.facts.grade_of(&p.id);
            let level = grade.map(|g| g.level);
            let mut assessment = t(grade.map_or(String::new(), |g| g.formula.clone()));
            assessment.extend([Inline::Break, badge(level)]);
            vec![
                t((i + 1).to_string()),
                t(format!("{} {}", p.id, p.name)),
                t(format!(
                    "{}／{}",
                    e.zone_name(&p.zone),
                    post_names(e, &p.posts)
                )),
                t(p.hazards.join("；")),
                t(p.accidents.join("、")),
                assessment,
                t(level.map_or("", control_tier)),
                controls_text(p),
                t(responsible_department(e, p)),
                responsible(e, p, level),
            ]
        })
        .collect();
    let header = [
        "序号",
        "风险点",
        "区域／岗位",
        "主要危险有害因素",
        "可能导致的事故",
        "评价与等级",
        "管控层级",
        "管控措施",
        "责任部门",
        "责任人",
    ];
    let counts: Vec<String> = Level::ALL
        .iter()
        .map(|l| {
            format!(
                "{}风险 {} 项",
                l.name(),
                points
                    .iter()
                    .filter(|p| cx.facts.grade_of(&p.id).map(|g| g.level) == Some(*l))
                    .count()
            )
        })
        .collect();
    let blocks = vec![
        Block::Paragraph {
            content: t(format!(
                "本清单依据作业条件危险性评价法（LEC，D = L×E×C）和风险矩阵法（LS，R = L×S）对{}的 {} 个风险点进行评价分级：{}。清单按风险等级从高到低排列，实行分级管控：重大风险由公司级管控，主要负责人负责；较大风险由部门（车间）级管控；一般风险由班组级管控；低风险由岗位级管控。所列管控措施由责任人组织落实，{}每月检查落实情况；事故隐患和险情报告电话（企业应急值班）：{}。",
                e.enterprise.name,
                points.len(),
                counts.join("，"),
                e.departments
                    .iter()
                    .find(|d| d.name.contains("安全"))
                    .map_or("安全管理部门", |d| d.name.as_str()),
                e.enterprise.emergency_phone
            )),
        },
        Block::Table {
            header: header.iter().map(|h| t(*h)).collect(),
            rows,
        },
        Block::Signatures {
            labels: vec!["编制".into(), "审核".into(), "批准".into()],
        },
    ];
    doc(
        Kind::RiskRegister,
        "安全风险分级管控清单".to_string(),
        cx,
        "risk-register".into(),
        Layout::Landscape,
        blocks,
    )
}

/// 管控层级 of a level (domain.md §9, practice in Zhejiang and most provinces).
pub(super) fn control_tier(level: Level) -> &'static str {
    match level {
        Level::重大 => "公司级",
        Level::较大 => "部门（车间）级",
        Level::一般 => "班组级",
        Level::低 => "岗位级",
    }
}

/// The department headed by the responsible person, else by the zone's owner; blank
/// when neither heads one (never guessed).
fn responsible_department(e: &EnterpriseFile, p: &RiskPoint) -> String {
    let headed_by = |name: &str| e.departments.iter().find(|d| d.head == name);
    headed_by(&p.responsible)
        .or_else(|| headed_by(&e.zone_owner(&p.zone)))
        .map_or_else(String::new, |d| d.name.clone())
}

/// A 重大 risk is the principal's (公司级管控); the input's person stays as 具体负责人.
fn responsible(e: &EnterpriseFile, p: &RiskPoint, level: Option<Level>) -> Vec<Inline> {
    let principal = &e.enterprise.principal.name;
    if level != Some(Level::重大) || &p.responsible == principal {
        return t(p.responsible.clone());
    }
    vec![
        Inline::text(format!("{principal}（主要负责人）")),
        Inline::Break,
        Inline::text(format!("具体负责人：{}", p.responsible)),
    ]
}
