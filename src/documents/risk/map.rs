//! The four-colour map document: the SVG and a table of zones and their levels.

use super::*;
use crate::render::svg::{MapInput, MapZone, Shape, risk_map_svg};

pub(super) fn risk_map(e: &EnterpriseFile, cx: &RiskContext) -> Document {
    let zones: Vec<MapZone> = e
        .zones
        .iter()
        .map(|z| {
            let level = cx.facts.zone_levels.get(&z.id).copied().flatten();
            let markers = e
                .risk_points
                .iter()
                .filter(|p| p.zone == z.id)
                .map(|p| {
                    (
                        p.id.clone(),
                        cx.facts
                            .grade_of(&p.id)
                            .map_or(UNASSESSED_FILL, |g| g.level.colour())
                            .to_string(),
                    )
                })
                .collect();
            let shape = match (&z.rect, &z.polygon) {
                (Some(r), _) => Shape::Rect(*r),
                (None, Some(p)) => Shape::Polygon(p.clone()),
                (None, None) => Shape::Rect([0.0, 0.0, 0.0, 0.0]),
            };
            MapZone {
                id: z.id.clone(),
                name: z.name.clone(),
                level: level_name(level).to_string(),
                fill: level.map_or(UNASSESSED_FILL, Level::colour).to_string(),
                ink: level.map_or("#000000", Level::ink).to_string(),
                shape,
                markers,
            }
        })
        .collect();
    let mut legend: Vec<(String, String)> = Level::ALL
        .iter()
        .map(|l| {
            (
                format!("{}风险（{}）", l.name(), l.colour_name()),
                l.colour().to_string(),
            )
        })
        .collect();
    if zones.iter().any(|z| z.level == "未评估") {
        legend.push(("未评估".to_string(), UNASSESSED_FILL.to_string()));
    }
    let title = format!("{}安全风险四色分布图", e.enterprise.name);
    let svg = risk_map_svg(&MapInput {
        title: title.clone(),
        site_width: e.enterprise.site.width,
        site_height: e.enterprise.site.height,
        unit: e.enterprise.site.unit.clone(),
        zones,
        legend,
        footer: format!(
            "绘制：{}　日期：{}　图中圆点为风险点编号",
            cx.agency_name,
            cx.date.chinese()
        ),
        background: cx.background.clone(),
    });
    let rows: Vec<Vec<Vec<Inline>>> = e
        .zones
        .iter()
        .map(|z| {
            let level = cx.facts.zone_levels.get(&z.id).copied().flatten();
            let points: Vec<String> = e
                .risk_points
                .iter()
                .filter(|p| p.zone == z.id)
                .map(|p| {
                    format!(
                        "{} {}（{}）",
                        p.id,
                        p.name,
                        cx.facts
                            .grade_of(&p.id)
                            .map_or("未评估", |g| g.level.name())
                    )
                })
                .collect();
            vec![
                t(z.name.clone()),
                vec![badge(level)],
                t(if points.is_empty() {
                    "—".into()
                } else {
                    points.join("；")
                }),
                t(z.owner.clone()),
            ]
        })
        .collect();
    let blocks = vec![
        Block::Figure {
            svg,
            caption: title,
        },
        Block::Paragraph {
            content: t(
                "区域按其风险点的最高风险等级着色（从严从高）：红色为重大风险，橙色为较大风险，黄色为一般风险，蓝色为低风险；灰色区域尚未开展风险评价。",
            ),
        },
        Block::Table {
            header: vec![t("区域"), t("风险等级"), t("风险点"), t("区域负责人")],
            rows,
        },
    ];
    doc(
        Kind::RiskMap,
        "安全风险四色分布图".to_string(),
        cx,
        "risk-map".into(),
        Layout::Landscape,
        blocks,
    )
}
