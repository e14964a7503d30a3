//! 年度安全生产教育培训计划: the hours the 安全生产教育培训管理制度 states (`rules` of the
//! context), the agency's trainings of the service schedule as known on the plan's date,
//! a topic per post from its risk points, and the certificate holders' 复审.
//! Text: `content/forms/training-plan.md`.

use chrono::Datelike;
use serde_json::{Value, json};

use super::{Body, FormsContext};
use crate::documents::blocks::unique;
use crate::documents::model::{Document, Kind};
use crate::facts::calendar::ServiceKind;
use crate::facts::ppe::post_ppe;
use crate::render::engine::TemplateError;
use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, VisitKind};

/// Words of a 特种设备作业人员证 (TSG Z6001-2019); other certificates are 特种作业操作证.
const EQUIPMENT_WORDS: [&str; 8] = [
    "叉车",
    "起重",
    "锅炉",
    "司炉",
    "压力容器",
    "电梯",
    "场（厂）内",
    "气瓶",
];

pub(super) fn training_plan(body: &Body, cx: &FormsContext) -> Result<Document, TemplateError> {
    let e = cx.issued;
    let plan = json!({
        "from": e.service.start.chinese(),
        "to": e.service.end.chinese(),
        "agency": agency_trainings(cx),
        "held": held_before(cx),
        "posts": post_topics(cx),
        "reviews": reviews(e),
    });
    let mut doc = cx.document(
        Kind::TrainingPlan,
        "年度安全生产教育培训计划".into(),
        "training-plan".into(),
        body.render("training-plan", &[("plan", plan)])?,
    );
    doc.control = Some(cx.control("PX"));
    Ok(doc)
}

/// The trainings of the service schedule from the plan's date on, each with what it
/// teaches where a record or a training visit of its day says so (blank otherwise). A
/// training recorded after the plan's date stands in the row of the slot it took, as the
/// plan's 计划, so that the plan and the sign-in sheets list the same trainings.
fn agency_trainings(cx: &FormsContext) -> Vec<Value> {
    let on = cx.issued.issued_on();
    cx.facts
        .schedule
        .iter()
        .filter(|event| event.kind == ServiceKind::安全培训 && event.date >= on)
        .map(|event| json!({"date": event.date.chinese(), "topic": topic_on(cx, event.date)}))
        .collect()
}

/// What the training of `date` teaches: its record's topic, else its visit's content.
fn topic_on(cx: &FormsContext, date: Date) -> String {
    let e = cx.enterprise;
    let recorded = e.records.trainings.iter().find(|r| r.date == date);
    let visited = || {
        e.service
            .visits
            .iter()
            .flatten()
            .find(|v| v.kind == VisitKind::Training && v.date == date)
            .map(|v| v.content.clone())
    };
    recorded
        .map(|r| r.topic.clone())
        .or_else(visited)
        .unwrap_or_default()
}

/// The trainings recorded this year before the plan's date: 已完成, on their own line.
fn held_before(cx: &FormsContext) -> Vec<Value> {
    let on = cx.issued.issued_on();
    cx.issued
        .records
        .trainings
        .iter()
        .filter(|r| r.date < on && r.date.0.year() == on.0.year())
        .map(|r| {
            json!({"date": r.date.chinese(), "topic": r.topic,
                   "hours": super::letters::number_text(r.hours)})
        })
        .collect()
}

/// Per post: its people, its risk points with their levels, the training its controls
/// name, its hazards and protective equipment.
fn post_topics(cx: &FormsContext) -> Vec<Value> {
    let e = cx.issued;
    e.posts
        .iter()
        .map(|post| {
            let points: Vec<_> = e
                .risk_points
                .iter()
                .filter(|r| r.posts.contains(&post.id))
                .collect();
            let risks: Vec<String> = points
                .iter()
                .map(|r| match cx.facts.grade_of(&r.id) {
                    Some(g) => format!("{}（{}）", r.name, g.level.name()),
                    None => r.name.clone(),
                })
                .collect();
            let people = e
                .teams
                .iter()
                .flat_map(|t| &t.members)
                .filter(|m| m.post == post.id)
                .count();
            let ppe = post_ppe(e, &post.id);
            json!({
                "name": post.name, "zone": e.zone_name(&post.zone), "people": people,
                "risks": risks,
                "topics": unique(points.iter().flat_map(|r| r.controls.training.iter().cloned())),
                "hazards": unique(points.iter().flat_map(|r| r.hazards.iter().cloned())),
                "ppe": ppe.issued_items(),
                "ppe_unissued": ppe.unissued_items(),
            })
        })
        .collect()
}

/// One row per certificate held: who, which, and the 复审 rule of its kind.
fn reviews(e: &EnterpriseFile) -> Vec<Value> {
    e.teams
        .iter()
        .flat_map(|t| &t.members)
        .flat_map(|m| {
            m.certificates.iter().map(move |c| {
                let equipment = EQUIPMENT_WORDS.iter().any(|w| c.contains(w));
                json!({"name": m.name, "post": e.post_name(&m.post), "certificate": c,
                       "equipment": equipment})
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forklift_licence_is_special_equipment_and_an_electricians_is_not() {
        let text = include_str!("../../../example/enterprises/ruifeng.yaml");
        let e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        let rows = reviews(&e);
        let kind = |name: &str| {
            rows.iter()
                .find(|r| r["name"] == name)
                .map(|r| r["equipment"].as_bool())
        };
        assert_eq!(kind("马俊"), Some(Some(true)));
        assert_eq!(kind("葛文斌"), Some(Some(false)));
        assert_eq!(rows.len(), 4);
    }
}
