//! The 专项应急预案 (one per accident type of a 重大 or 较大 risk point) and the 现场处置方案
//! (one per post with such a risk), GB/T 29639-2020. Each frame is
//! `content/emergency/special.md` or `onsite.md`; the steps of each accident type are its
//! own text, `content/emergency/accidents/SLUG.md`, rendered once per part.

use crate::facts::machines::TruckPower;
use serde_json::{Value, json};
use tera::Context;

use super::accidents::{AccidentClass, class_of, features, text_file};
use super::scope::{
    onsite_posts, onsite_title, points_of_accident, points_of_post, severe_points,
    special_accidents, special_title,
};
use crate::documents::blocks::{push_closing, unique};
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout};
use crate::documents::systems::{SYSTEMS, document_number, enterprise_control};
use crate::facts::EnterpriseFacts;
use crate::facts::machines::{machine_kinds, machines_of_kind};
use crate::render::engine::{Engines, TemplateError};
use crate::site::model::{DocumentControl, EnterpriseFile, RiskPoint};

/// The parts of an accident type's text: 启动条件 and 处置措施 of the special plan; 风险描述,
/// 现场处置措施, 人员救护 and 注意事项 of an onsite scheme (the plan's 救护 too).
const SPECIAL_PARTS: [&str; 3] = ["trigger", "special", "rescue"];
const ONSITE_PARTS: [&str; 4] = ["risk", "onsite", "rescue", "cautions"];

/// What every plan and scheme of one enterprise shares.
struct Shared<'a> {
    engines: &'a Engines,
    enterprise_id: &'a str,
    e: &'a EnterpriseFile,
    control: &'a DocumentControl,
    base: &'a Value,
    /// `base` as a template context, converted once: tera values share their data, so
    /// each plan clones it cheaply instead of converting the whole enterprise again.
    base_context: Context,
    severe: Vec<&'a RiskPoint>,
    /// The 综合应急预案 the special plans belong to: its title and number.
    general: Value,
}

/// Every special plan, then every onsite scheme. `base` is the enterprise context
/// (`documents::context::enterprise_context`).
pub fn emergency_documents(
    engines: &Engines,
    enterprise_id: &str,
    e: &EnterpriseFile,
    facts: &EnterpriseFacts,
    control: &DocumentControl,
    base: &Value,
) -> Result<Vec<Document>, TemplateError> {
    let general = SYSTEMS.iter().find(|s| s.slug == "emergency-plan").map_or(
        Value::Null,
        |s| json!({"title": s.title, "number": document_number(control, enterprise_id, s.number)}),
    );
    let shared = Shared {
        engines,
        enterprise_id,
        e,
        control,
        base,
        base_context: Context::from_serialize(base).map_err(|e| TemplateError::Render {
            name: "context".to_string(),
            message: e.to_string(),
        })?,
        severe: severe_points(e, facts),
        general,
    };
    let mut docs = Vec::new();
    for (i, accident) in special_accidents(e, facts).iter().enumerate() {
        docs.push(special_plan(&shared, accident, i + 1)?);
    }
    for (i, post) in onsite_posts(e, facts).iter().enumerate() {
        docs.push(onsite_scheme(&shared, &post.id, i + 1)?);
    }
    Ok(docs)
}

fn special_plan(s: &Shared, accident: &str, n: usize) -> Result<Document, TemplateError> {
    let class = known_class(accident, &s.severe)?;
    let points = points_of_accident(&s.severe, accident);
    let mut view = accident_view(s, class, &points);
    let posts = unique(points.iter().flat_map(|p| p.posts.iter().cloned()));
    view["onsite"] = json!(
        onsite_posts_named(s, &posts)
            .iter()
            .map(|name| onsite_title(name))
            .collect::<Vec<_>>()
    );
    let title = special_title(accident);
    let number = format!("{}-ZX{n:02}", general_number(s));
    let mut context = context(s, &title, &number)?;
    let text = render_parts(s, &mut context, class, &view, &SPECIAL_PARTS)?;
    view["text"] = text;
    context.insert("plan", &view);
    let markdown = s.engines.render_content("emergency/special.md", &context)?;
    let signer = &s.e.enterprise.principal;
    let mut blocks = to_blocks(&markdown);
    push_closing(
        &mut blocks,
        Block::Signatures {
            labels: vec![
                format!("签发人 {}（{}）", signer.name, signer.title),
                "日期".into(),
            ],
        },
    );
    Ok(document(
        s,
        Kind::EmergencySpecial,
        title,
        format!("emergency-special-{}", class.slug),
        number,
        blocks,
    ))
}

fn onsite_scheme(s: &Shared, post_id: &str, n: usize) -> Result<Document, TemplateError> {
    let points = points_of_post(&s.severe, post_id);
    let post_name = s.e.post_name(post_id);
    let title = onsite_title(&post_name);
    let number = format!("{}-XC{n:02}", general_number(s));
    let mut context = context(s, &title, &number)?;
    let accidents = unique(
        points
            .iter()
            .flat_map(|p| p.accidents.iter().map(|a| a.trim().to_string())),
    );
    let mut by_accident = Vec::new();
    for accident in &accidents {
        let class = known_class(accident, &s.severe)?;
        let mine = points_of_accident(&points, accident);
        let view = accident_view(s, class, &mine);
        let text = render_parts(s, &mut context, class, &view, &ONSITE_PARTS)?;
        by_accident
            .push(json!({"name": accident, "special": special_title(accident), "text": text}));
    }
    let scheme = scheme_view(s, post_id, &points, by_accident);
    context.insert("scheme", &scheme);
    let markdown = s.engines.render_content("emergency/onsite.md", &context)?;
    let mut blocks = to_blocks(&markdown);
    push_closing(
        &mut blocks,
        Block::Signatures {
            labels: vec![
                format!("批准人 {}（主要负责人）", s.e.enterprise.principal.name),
                "日期".into(),
            ],
        },
    );
    Ok(document(
        s,
        Kind::EmergencyOnsite,
        title,
        format!("emergency-onsite-{post_id}"),
        number,
        blocks,
    ))
}

/// The GB 6441 class of an accident name, or an error naming the risk point and the file
/// a site must add: a 较大 risk is never left with a generic plan.
fn known_class(
    accident: &str,
    severe: &[&RiskPoint],
) -> Result<&'static AccidentClass, TemplateError> {
    let at = points_of_accident(severe, accident)
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match class_of(accident) {
        Some(class) => Ok(class),
        None => Err(TemplateError::Render {
            name: "emergency/special.md".into(),
            message: format!(
                "risk point {at}: accident type `{accident}` is not one of the 20 classes of GB 6441-1986 (物体打击 … 其他伤害), so no 专项应急预案 can be written for it; name its class (e.g. 其他爆炸 for a dust explosion)"
            ),
        }),
    }
}

/// What an accident's text sees as `plan`: its risk points (as the enterprise context
/// gives them), their zones, posts and owners, the forms the hazards name, and the
/// equipment, chemicals and emergency supplies of those zones.
fn accident_view(s: &Shared, class: &AccidentClass, points: &[&RiskPoint]) -> Value {
    let ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    let risks = of_base(s.base, "risks", |r| ids.contains(&str_of(r, "id")));
    let zones = unique(points.iter().map(|p| s.e.zone_name(&p.zone)));
    // Each owner once, with the zones in their charge.
    let zone_ids = unique(points.iter().map(|p| p.zone.clone()));
    let owners: Vec<Value> = unique(zone_ids.iter().map(|z| s.e.zone_owner(z)))
        .into_iter()
        .map(|owner| {
            let theirs = zone_ids.iter().filter(|z| s.e.zone_owner(z) == owner);
            json!({"owner": owner, "zones": theirs.map(|z| s.e.zone_name(z)).collect::<Vec<_>>()})
        })
        .collect();
    let in_zones = |key: &str| {
        of_base(s.base, key, |x| {
            zones.iter().any(|z| z == str_of(x, "zone"))
        })
    };
    let words = points
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.hazards))
        .map(String::as_str);
    let equipment = [
        in_zones("special_equipment"),
        in_zones("ordinary_equipment"),
    ]
    .concat();
    let machines = equipment_by_kind(s.e, &zone_ids);
    // The machines a 机械伤害 text speaks of, by kind, with those of the zones named.
    let kinds = machine_kinds(s.e, points);
    let named: Vec<(_, Vec<&str>)> = kinds
        .iter()
        .map(|kind| (*kind, machines_of_kind(s.e, &zone_ids, *kind)))
        .collect();
    let machine_kinds: Vec<Value> = named
        .iter()
        .map(|(kind, names)| json!({"kind": kind, "noun": kind.noun(), "names": names}))
        .collect();
    let machine_names = unique(
        named
            .iter()
            .flat_map(|(_, n)| n.iter().map(|x| x.to_string())),
    );
    json!({
        "accident": class.name,
        "risks": risks,
        "names": points.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        "zones": zones,
        "owners": owners,
        "posts": unique(points.iter().flat_map(|p| p.posts.iter().map(|x| s.e.post_name(x)))),
        "responsible": unique(points.iter().map(|p| p.responsible.clone())),
        "hazards": unique(points.iter().flat_map(|p| p.hazards.iter().cloned())),
        "features": features(words),
        "trucks": TruckPower::of(equipment.iter().map(|q| str_of(q, "name"))),
        "equipment": equipment,
        "machines": machines,
        "machine_kinds": machine_kinds,
        "machine_names": machine_names,
        "machine_kind_ids": kinds,
        "chemicals": in_zones("chemicals"),
        "supplies": in_zones("emergency_supplies"),
        "general": s.general,
    })
}

/// What a machine is, by words of its name or 特种设备 category, first match wins; the
/// texts name cranes in a lifting plan, vessels in a vessel plan, and so on.
const EQUIPMENT_KINDS: [(&str, &[&str]); 4] = [
    ("boilers", &["锅炉"]),
    ("vessels", &["压力容器", "储气罐", "气瓶", "储罐"]),
    ("cranes", &["起重", "行车", "葫芦"]),
    ("vehicles", &["叉车", "机动车", "堆垛车", "车辆"]),
];

/// The equipment of these zones by kind (`boilers`, `vessels`, `cranes`, `vehicles`, and
/// `other` for the production machines), each `{name, model, reg_no}`.
fn equipment_by_kind(e: &EnterpriseFile, zone_ids: &[String]) -> Value {
    let mut kinds = serde_json::Map::new();
    for key in ["boilers", "vessels", "cranes", "vehicles", "other"] {
        kinds.insert(key.to_string(), json!([]));
    }
    for q in e.equipment.iter().filter(|q| zone_ids.contains(&q.zone)) {
        let category = q.category.map_or("", |c| c.name());
        let kind = EQUIPMENT_KINDS
            .iter()
            .find(|(_, words)| {
                words
                    .iter()
                    .any(|w| q.name.contains(w) || category.contains(w))
            })
            .map_or("other", |(kind, _)| *kind);
        if let Some(Value::Array(list)) = kinds.get_mut(kind) {
            list.push(json!({"name": q.name, "model": q.model, "reg_no": q.reg_no.as_deref().unwrap_or("")}));
        }
    }
    Value::Object(kinds)
}

/// The post, its people, team leaders, zone owner, PPE and the supplies of its zone.
fn scheme_view(s: &Shared, post_id: &str, points: &[&RiskPoint], accidents: Vec<Value>) -> Value {
    let post = s.e.posts.iter().find(|p| p.id == post_id);
    let zone_id = post.map_or("", |p| p.zone.as_str());
    let zone = s.e.zone_name(zone_id);
    let people: Vec<&str> =
        s.e.teams
            .iter()
            .flat_map(|t| &t.members)
            .filter(|m| m.post == post_id)
            .map(|m| m.name.as_str())
            .collect();
    let teams: Vec<Value> =
        s.e.teams
            .iter()
            .filter(|t| t.members.iter().any(|m| m.post == post_id))
            .map(|t| json!({"name": t.name, "leader": t.leader, "phone": phone_of(s.e, &t.leader)}))
            .collect();
    let name = s.e.post_name(post_id);
    let ppe = of_base(s.base, "ppe_by_post", |p| str_of(p, "post") == name);
    let ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    json!({
        "post": name,
        "zone": zone,
        "zone_owner": s.e.zone_owner(zone_id),
        "zone_owner_phone": phone_of(s.e, &s.e.zone_owner(zone_id)),
        "people": people,
        "teams": teams,
        "risks": of_base(s.base, "risks", |r| ids.contains(&str_of(r, "id"))),
        "accidents": accidents,
        "ppe": ppe.first().map_or(Value::Null, |p| p["items"].clone()),
        "ppe_unissued": ppe.first().map_or(Value::Null, |p| p["unissued"].clone()),
        "supplies": of_base(s.base, "emergency_supplies", |x| str_of(x, "zone") == zone),
        "general": s.general,
    })
}

/// Renders the named parts of an accident type's text with `plan` set to `view`.
fn render_parts(
    s: &Shared,
    context: &mut Context,
    class: &AccidentClass,
    view: &Value,
    parts: &[&str],
) -> Result<Value, TemplateError> {
    let file = text_file(class);
    if !s.engines.content.contains_template(&file) {
        return Err(TemplateError::Render {
            name: file.clone(),
            message: format!(
                "anquan has no response text for {} (GB 6441-1986), a class of mines and explosives works; add content/{file} to the site",
                class.name
            ),
        });
    }
    context.insert("plan", view);
    let mut out = serde_json::Map::new();
    for part in parts {
        context.insert("part", part);
        let text = s.engines.render_content(&file, context)?;
        out.insert((*part).to_string(), Value::String(text));
    }
    Ok(Value::Object(out))
}

fn context(s: &Shared, title: &str, number: &str) -> Result<Context, TemplateError> {
    let mut context = s.base_context.clone();
    context.insert("doc", &json!({"title": title, "number": number}));
    // Who carries each duty (merged groups included) and where people gather.
    context.insert("duty", &s.base["emergency"]["duty"]);
    let assembly = match s.e.enterprise.assembly_point.as_deref() {
        Some(point) => format!("紧急集合点（{point}）"),
        None => "紧急集合点".to_string(),
    };
    context.insert("assembly", &assembly);
    Ok(context)
}

fn document(
    s: &Shared,
    kind: Kind,
    title: String,
    slug: String,
    number: String,
    blocks: Vec<Block>,
) -> Document {
    let mut doc =
        Document::of_enterprise(kind, title, s.enterprise_id, slug, Layout::Portrait, blocks);
    doc.control = Some(enterprise_control(s.control, number, s.e));
    doc
}

fn general_number<'a>(s: &'a Shared) -> &'a str {
    s.general["number"].as_str().unwrap_or_default()
}

/// The onsite schemes' post names among these post ids, in input order.
fn onsite_posts_named(s: &Shared, post_ids: &[String]) -> Vec<String> {
    s.e.posts
        .iter()
        .filter(|p| post_ids.contains(&p.id))
        .map(|p| p.name.clone())
        .collect()
}

/// A person's phone where the input gives one (principal, safety officer, contact);
/// empty otherwise, to be filled in by hand.
fn phone_of(e: &EnterpriseFile, name: &str) -> String {
    let ent = &e.enterprise;
    [
        (&ent.principal.name, &ent.principal.phone),
        (&ent.safety_officer.name, &ent.safety_officer.phone),
        (&e.service.contact.name, &e.service.contact.phone),
    ]
    .into_iter()
    .find(|(n, _)| *n == name)
    .map_or_else(String::new, |(_, phone)| phone.clone())
}

/// The entries of an array of the enterprise context that pass `keep`.
fn of_base(base: &Value, key: &str, keep: impl Fn(&Value) -> bool) -> Vec<Value> {
    base[key]
        .as_array()
        .map(|items| items.iter().filter(|x| keep(x)).cloned().collect())
        .unwrap_or_default()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

#[cfg(test)]
mod tests;
