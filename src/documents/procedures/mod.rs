//! 岗位安全操作规程, one per post: what the post's risk points say (hazards, controls,
//! emergency actions), its protective equipment (`facts::ppe`), the equipment it works
//! with and the certificates it needs, joined with the texts of its kinds of work and of
//! its accident types (`topics`). The body is `content/procedures/procedure.md`.

pub mod topics;
mod work;

use serde_json::{Value, json};
use tera::Context;

use crate::documents::blocks::unique;
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Control, Document, Kind, Layout};
use crate::facts::EnterpriseFacts;
use crate::facts::machines::TruckPower;
use crate::facts::ppe::post_ppe;
use crate::facts::risk::Level;
use crate::render::engine::{Engines, TemplateError, escape_markdown};
use crate::site::model::{DocumentControl, EnterpriseFile, Equipment, Post, RiskPoint};
use topics::{ACCIDENTS, GENERAL, Parts, names_topic};
use work::PostWork;

/// What the procedures of one enterprise are built from.
pub struct ProcedureContext<'a> {
    pub enterprise_id: &'a str,
    pub enterprise: &'a EnterpriseFile,
    pub facts: &'a EnterpriseFacts,
    pub control: &'a DocumentControl,
    /// `documents::context::enterprise_context` of the same enterprise.
    pub base: &'a Value,
}

/// `PREFIX-ENTERPRISE-GC-NN`: the 规程 are numbered apart from the systems' NN.
pub fn procedure_number(control: &DocumentControl, enterprise_id: &str, number: usize) -> String {
    format!(
        "{}-{}-GC-{number:02}",
        control.number_prefix,
        enterprise_id.to_ascii_uppercase()
    )
}

pub fn procedures(
    engines: &Engines,
    cx: &ProcedureContext,
) -> Result<Vec<Document>, TemplateError> {
    let mut context = Context::from_serialize(cx.base).map_err(|err| TemplateError::Render {
        name: "context".to_string(),
        message: err.to_string(),
    })?;
    let e = cx.enterprise;
    let mut out = Vec::with_capacity(e.posts.len());
    for (i, post) in e.posts.iter().enumerate() {
        let title = format!("{}安全操作规程", post.name);
        let control = Control {
            number: procedure_number(cx.control, cx.enterprise_id, i + 1),
            version: cx.control.version.clone(),
            prepared_by: e.zone_owner(&post.zone),
            reviewed_by: e.enterprise.safety_officer.name.clone(),
            approved_by: e.enterprise.principal.name.clone(),
            issued_on: e.issued_on(),
            effective_on: e.issued_on(),
        };
        let work = PostWork::of(e, post);
        let controls = PostControls::of(e, post, &work);
        context.insert("doc", &json!({"title": title, "number": control.number}));
        context.insert("post", &post_data(cx, post, &work, &controls));
        let parts = parts(engines, &context, &work, &controls, post_accidents(e, post))?;
        context.insert("parts", &parts);
        let body = engines.render_content("procedures/procedure.md", &context)?;
        let mut doc = Document::of_enterprise(
            Kind::Procedure,
            title,
            cx.enterprise_id,
            format!("procedure-{}", post.id),
            Layout::Portrait,
            to_blocks(&body),
        );
        doc.control = Some(control);
        out.push(doc);
    }
    Ok(out)
}

fn post_points<'e>(e: &'e EnterpriseFile, post: &Post) -> Vec<&'e RiskPoint> {
    e.risk_points
        .iter()
        .filter(|p| p.posts.contains(&post.id))
        .collect()
}

/// The people of the post and what their certificates say.
fn post_people<'e>(
    e: &'e EnterpriseFile,
    post: &Post,
) -> impl Iterator<Item = &'e crate::site::model::Member> {
    e.teams
        .iter()
        .flat_map(|t| &t.members)
        .filter(move |m| m.post == post.id)
}

/// The engineering checks and the management rules and bans of the post's risk points,
/// without those that are another post's work (`PostWork::is_others`).
struct PostControls {
    checks: Vec<String>,
    rules: Vec<String>,
    bans: Vec<String>,
}

impl PostControls {
    fn of(e: &EnterpriseFile, post: &Post, work: &PostWork) -> PostControls {
        let points = post_points(e, post);
        let all = |f: fn(&RiskPoint) -> &Vec<String>| {
            unique(
                points
                    .iter()
                    .flat_map(|p| f(p).iter().cloned())
                    .filter(|c| !work.is_others(c)),
            )
        };
        // A rule forbidding something goes to 禁止事项; "执行…操作规程" is this document
        // itself, "持证上岗" its first rule.
        let (bans, rules) = all(|p| &p.controls.management)
            .into_iter()
            .filter(|m| !m.contains("操作规程") && !m.contains("持证上岗"))
            .partition(|m| ["严禁", "禁止", "不得"].iter().any(|w| m.contains(w)));
        PostControls {
            checks: all(|p| &p.controls.engineering),
            rules,
            bans,
        }
    }
}

/// User text as a Markdown item of a part, the way the template ends an item.
fn item(text: &str) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = escape_markdown(text, &mut out);
    format!("{}；", String::from_utf8_lossy(&out))
}

fn post_accidents(e: &EnterpriseFile, post: &Post) -> Vec<String> {
    unique(
        post_points(e, post)
            .into_iter()
            .flat_map(|p| p.accidents.iter().cloned()),
    )
}

/// The five parts: the post's bans, the texts of its topics (or the general one) and of
/// its accident types, then its rules; each item once.
fn parts(
    engines: &Engines,
    context: &Context,
    work: &PostWork,
    controls: &PostControls,
    accidents: Vec<String>,
) -> Result<Parts, TemplateError> {
    let mut names: Vec<String> = work
        .topics
        .iter()
        .map(|t| format!("procedures/topics/{}.md", t.slug))
        .collect();
    if names.is_empty() {
        names.push(format!("procedures/topics/{GENERAL}.md"));
    }
    names.extend(accidents.iter().filter_map(|a| {
        ACCIDENTS
            .iter()
            .find(|(name, _)| name == a)
            .map(|(_, slug)| format!("procedures/accidents/{slug}.md"))
    }));
    let mut parts = Parts::default();
    for ban in &controls.bans {
        parts.push("禁止事项", item(ban));
    }
    for name in names {
        parts.add_fragment(&engines.render_content(&name, context)?);
    }
    // A check (每月检查货架垂直度…) is done before work, other rules during it.
    for rule in &controls.rules {
        let part = if is_check(rule) {
            "作业前"
        } else {
            "作业中"
        };
        parts.push(part, item(rule));
    }
    Ok(parts)
}

/// Whether a rule orders a check or test of something (检查, 点检, 校验, 检测).
fn is_check(rule: &str) -> bool {
    ["检查", "点检", "校验", "检测"]
        .iter()
        .any(|w| rule.contains(w))
}

/// The post as its procedure sees it.
fn post_data(
    cx: &ProcedureContext,
    post: &Post,
    work: &PostWork,
    controls: &PostControls,
) -> Value {
    let e = cx.enterprise;
    let points = post_points(e, post);
    let all = |f: fn(&RiskPoint) -> &Vec<String>| {
        unique(points.iter().flat_map(|p| f(p).iter().cloned()))
    };
    let mut certificates =
        unique(post_people(e, post).flat_map(|m| m.certificates.iter().cloned()));
    if certificates.is_empty() {
        certificates = work
            .topics
            .iter()
            .filter_map(|t| t.certificate.map(String::from))
            .collect();
    }
    let equipment = post_equipment(e, post, work);
    let risks: Vec<Value> = points
        .iter()
        .map(|p| {
            let level = cx.facts.grade_of(&p.id).map_or("未评估", |g| g.level.name());
            json!({"id": p.id, "name": p.name, "level": level, "hazards": p.hazards, "accidents": p.accidents})
        })
        .collect();
    let level = cx.facts.post_levels.get(&post.id).copied().flatten();
    let ppe = post_ppe(e, &post.id);
    json!({
        "name": post.name,
        "zone": e.zone_name(&post.zone),
        "level": level.map_or("未评估", Level::name),
        "people": post_people(e, post).map(|m| m.name.as_str()).collect::<Vec<_>>(),
        "risks": risks,
        "hazards": all(|p| &p.hazards),
        "accidents": post_accidents(e, post),
        "checks": controls.checks,
        "training": all(|p| &p.controls.training),
        // One action per risk point: its steps belong together, in their order.
        "emergency": points.iter().filter(|p| !p.controls.emergency.is_empty())
            .map(|p| format!("{}：{}", p.name, p.controls.emergency.join("，"))).collect::<Vec<_>>(),
        "ppe": ppe.issued_items(),
        "ppe_unissued": ppe.unissued_items(),
        "certificates": certificates,
        "equipment": equipment.iter().map(|q| format!("{}（{}）", q.name, q.model)).collect::<Vec<_>>(),
        "forklift": truck_power(&equipment),
        "gas": has_gas_supply(&points, &equipment),
    })
}

/// The post's trucks by their names. A post that drives none (a 理货员, a 装卸工) meets
/// the enterprise's trucks and the carriers' lorries alike, so its text names both ways
/// of stopping.
fn truck_power(equipment: &[&Equipment]) -> TruckPower {
    let own = TruckPower::of(equipment.iter().map(|q| q.name.as_str()));
    if own.electric || own.combustion {
        own
    } else {
        TruckPower {
            electric: true,
            combustion: true,
        }
    }
}

/// Words of a fuel gas or compressed-air supply that a 切断气源 step shuts.
const GAS_WORDS: [&str; 9] = [
    "燃气",
    "天然气",
    "液化石油气",
    "煤气",
    "压缩空气",
    "储气",
    "空压",
    "乙炔",
    "喷粉",
];

/// Whether the post works with a gas supply, by its risk points and equipment.
fn has_gas_supply(points: &[&RiskPoint], equipment: &[&Equipment]) -> bool {
    let mut texts = points
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.hazards))
        .chain(equipment.iter().map(|q| &q.name));
    texts.any(|t| GAS_WORDS.iter().any(|w| t.contains(w)))
}

/// The equipment the post's people operate, and the equipment of its kinds of work where
/// it works: in its zone or at a risk point of its own (the 叉车充电机 of the charging
/// area), not the 数控车床 beside an 打磨工.
fn post_equipment<'e>(e: &'e EnterpriseFile, post: &Post, work: &PostWork) -> Vec<&'e Equipment> {
    let mut zones = vec![post.zone.as_str()];
    zones.extend(
        post_points(e, post)
            .into_iter()
            .filter(|p| p.posts.len() == 1)
            .map(|p| p.zone.as_str()),
    );
    e.equipment
        .iter()
        .filter(|q| {
            let operated = q
                .operators
                .iter()
                .any(|o| post_people(e, post).any(|m| &m.name == o));
            operated || (zones.contains(&q.zone.as_str()) && names_topic(&q.name, &work.topics))
        })
        .collect()
}
