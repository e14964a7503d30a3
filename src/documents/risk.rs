//! 第十九条 risk documents: the four-colour map, the register (分级管控清单), a board per
//! zone (车间风险公告牌) and a card per post (岗位安全风险告知卡), built from the facts.

use base64::Engine as _;

use crate::documents::model::{Block, Document, Inline, Kind, Layout};
use crate::facts::EnterpriseFacts;
use crate::facts::risk::Level;
use crate::render::svg::{MapInput, MapZone, Shape, risk_map_svg};
use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, RiskPoint};

const UNASSESSED_FILL: &str = "#BDBDBD";

/// What the risk documents need besides the enterprise itself.
pub struct RiskContext<'a> {
    pub enterprise_id: &'a str,
    pub facts: &'a EnterpriseFacts,
    pub agency_name: &'a str,
    pub date: Date,
    /// The site plan as a data URI, when `site.background` is set.
    pub background: Option<String>,
}

/// Reads a site-plan image (already resolved inside the site) as a data URI.
pub fn background_uri(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let mime = match path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

pub fn risk_documents(e: &EnterpriseFile, cx: &RiskContext) -> Vec<Document> {
    let mut docs = vec![risk_map(e, cx), risk_register(e, cx)];
    docs.extend(e.zones.iter().map(|z| zone_board(e, cx, &z.id)));
    docs.extend(e.posts.iter().map(|p| post_card(e, cx, &p.id)));
    docs
}

fn doc(
    kind: Kind,
    title: String,
    cx: &RiskContext,
    slug: String,
    layout: Layout,
    blocks: Vec<Block>,
) -> Document {
    Document {
        kind,
        title,
        enterprise: Some(cx.enterprise_id.to_string()),
        slug,
        control: None,
        layout,
        members: Vec::new(),
        blocks,
    }
}

fn level_name(level: Option<Level>) -> &'static str {
    level.map_or("未评估", Level::name)
}

fn badge(level: Option<Level>) -> Inline {
    match level {
        Some(l) => Inline::Badge {
            text: format!("{}风险", l.name()),
            fill: l.colour().into(),
            ink: l.ink().into(),
        },
        None => Inline::Badge {
            text: "未评估".into(),
            fill: UNASSESSED_FILL.into(),
            ink: "#000000".into(),
        },
    }
}

fn band(level: Option<Level>, text: String) -> Block {
    match level {
        Some(l) => Block::Band {
            text,
            fill: l.colour().into(),
            ink: l.ink().into(),
        },
        None => Block::Band {
            text,
            fill: UNASSESSED_FILL.into(),
            ink: "#000000".into(),
        },
    }
}

fn t(text: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(text)]
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 2,
        content: t(text),
    }
}

fn list(items: &[String]) -> Block {
    Block::List {
        ordered: false,
        items: items
            .iter()
            .map(|i| {
                vec![Block::Paragraph {
                    content: t(i.clone()),
                }]
            })
            .collect(),
    }
}

fn zone_name<'a>(e: &'a EnterpriseFile, id: &str) -> &'a str {
    e.zones
        .iter()
        .find(|z| z.id == id)
        .map_or("", |z| z.name.as_str())
}

fn post_names(e: &EnterpriseFile, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            e.posts
                .iter()
                .find(|p| &p.id == id)
                .map_or(id.as_str(), |p| p.name.as_str())
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// GB 2894 safety signs for the accident types of GB 6441 (practice of 告知卡).
pub fn signs_for(accidents: &[String]) -> Vec<String> {
    let mut signs = Vec::new();
    for a in accidents {
        let names: &[&str] = match a.as_str() {
            "机械伤害" => &["当心机械伤人"],
            "触电" => &["当心触电", "禁止合闸"],
            "火灾" => &["禁止烟火", "当心火灾"],
            "灼烫" => &["当心烫伤"],
            "车辆伤害" => &["当心车辆", "限速行驶"],
            "物体打击" => &["当心落物", "必须戴安全帽"],
            "高处坠落" => &["当心坠落", "必须系安全带"],
            "中毒和窒息" => &["当心中毒", "注意通风"],
            "其他爆炸" | "容器爆炸" | "锅炉爆炸" => &["当心爆炸", "禁止烟火"],
            "起重伤害" => &["当心吊物", "禁止停留"],
            "坍塌" => &["当心坍塌"],
            "淹溺" => &["当心落水"],
            _ => &["注意安全"],
        };
        signs.extend(names.iter().map(|n| n.to_string()));
    }
    unique(signs.into_iter())
}

fn risk_map(e: &EnterpriseFile, cx: &RiskContext) -> Document {
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

fn risk_register(e: &EnterpriseFile, cx: &RiskContext) -> Document {
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
                t(zone_name(e, &p.zone)),
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

fn phones(e: &EnterpriseFile) -> Vec<Inline> {
    t(format!(
        "企业应急电话 {}　火警 119　急救 120　报警 110",
        e.enterprise.emergency_phone
    ))
}

fn zone_board(e: &EnterpriseFile, cx: &RiskContext, zone_id: &str) -> Document {
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
        band(
            level,
            format!(
                "{name}　{}",
                level.map_or("未评估".to_string(), |l| format!(
                    "{}风险（{}）",
                    l.name(),
                    l.colour_name()
                ))
            ),
        ),
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
    blocks.push(heading("安全警示标志"));
    blocks.push(Block::Paragraph {
        content: t(signs_for(&accidents).join("　")),
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

fn post_card(e: &EnterpriseFile, cx: &RiskContext, post_id: &str) -> Document {
    let post = e.posts.iter().find(|p| p.id == post_id);
    let name = post.map_or("", |p| p.name.as_str());
    let zone = post.map_or("", |p| zone_name(e, &p.zone));
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
    let ppe = unique(
        points
            .iter()
            .flat_map(|p| p.controls.ppe.iter().cloned())
            .chain(
                e.ppe
                    .iter()
                    .filter(|r| r.posts.iter().any(|p| p == "all" || p == post_id))
                    .map(|r| r.item.clone()),
            ),
    );
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
        band(
            level,
            format!(
                "{name}　{}",
                level.map_or("未评估".to_string(), |l| format!(
                    "{}风险（{}）",
                    l.name(),
                    l.colour_name()
                ))
            ),
        ),
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
                ("安全警示标志".into(), t(signs_for(&accidents).join("　"))),
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
