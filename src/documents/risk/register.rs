//! 安全风险分级管控清单: every risk point, its grade and controls, by level.

use super::*;
use crate::site::model::RiskPoint;

fn controls_text(
    p: &RiskPoint,
    pick: fn(&crate::site::model::Controls) -> &Vec<String>,
) -> Vec<Inline> {
    let items = pick(&p.controls);
    t(if items.is_empty() {
        "—".to_string()
    } else {
        items.join("；")
    })
}

pub(super) fn risk_register(e: &EnterpriseFile, cx: &RiskContext) -> Document {
    let mut points: Vec<&RiskPoint> = e.risk_points.iter().collect();
    points.sort_by_key(|p| (cx.facts.grade_of(&p.id).map(|g| g.level), p.id.clone()));
    let rows: Vec<Vec<Vec<Inline>>> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let grade = cx.facts.grade_of(&p.id);
            vec![
                t((i + 1).to_string()),
                t(format!("{} {}", p.id, p.name)),
                t(e.zone_name(&p.zone)),
                t(post_names(e, &p.posts)),
                t(p.hazards.join("；")),
                t(p.accidents.join("、")),
                t(grade.map_or(String::new(), |g| g.formula.clone())),
                vec![badge(grade.map(|g| g.level))],
                controls_text(p, |c| &c.engineering),
                controls_text(p, |c| &c.management),
                controls_text(p, |c| &c.training),
                controls_text(p, |c| &c.ppe),
                controls_text(p, |c| &c.emergency),
                t(p.responsible.clone()),
            ]
        })
        .collect();
    let header = [
        "序号",
        "风险点",
        "区域",
        "岗位",
        "主要危险有害因素",
        "可能导致的事故",
        "评价",
        "等级",
        "工程技术措施",
        "管理措施",
        "培训教育措施",
        "个体防护措施",
        "应急处置措施",
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
                "本清单依据作业条件危险性评价法（LEC，D = L×E×C）和风险矩阵法（LS，R = L×S）对{}的 {} 个风险点进行评价分级：{}。清单按风险等级从高到低排列，所列管控措施由责任人组织落实，{}每月检查落实情况；监督电话：{}。",
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
