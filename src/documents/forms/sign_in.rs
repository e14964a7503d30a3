//! 培训签到表, one per training: held (a `records.trainings` entry or a visit of kind 培训,
//! one sheet when both tell of the same day) with its attendees written in, or planned by
//! the service schedule (any date: the training plan lists them all), with blank rows.
//! Each is dated by its training. Text: `content/forms/training-sign-in.md`.

use serde_json::json;

use super::{Body, FormsContext, role_of};
use crate::documents::blocks::text as t;
use crate::documents::model::{Block, Document, Kind};
use crate::facts::calendar::ServiceKind;
use crate::render::engine::TemplateError;
use crate::site::date::Date;
use crate::site::model::VisitKind;

/// Rows to sign on for a training whose attendees are not known yet.
const BLANK_ROWS: usize = 20;

#[derive(Debug, Default)]
struct Training {
    date: Option<Date>,
    topic: Option<String>,
    hours: Option<f64>,
    trainer: Option<String>,
    kind: Option<&'static str>,
    assessment: Option<String>,
    attendees: Vec<String>,
    /// Given by the agency (a visit of kind 培训, or planned by the service schedule).
    by_agency: bool,
}

pub(super) fn sign_in_sheets(
    body: &Body,
    cx: &FormsContext,
) -> Result<Vec<Document>, TemplateError> {
    let trainings = trainings(cx);
    let mut docs = Vec::with_capacity(trainings.len());
    for (i, training) in trainings.iter().enumerate() {
        let Some(date) = training.date else { continue };
        let same_day = trainings[..i]
            .iter()
            .filter(|x| x.date == Some(date))
            .count();
        let slug = match same_day {
            0 => format!("training-sign-in-{date}"),
            n => format!("training-sign-in-{date}-{}", n + 1),
        };
        let attendees: Vec<_> = training
            .attendees
            .iter()
            .map(|name| json!({"name": name, "role": role_of(cx.enterprise, name)}))
            .collect();
        let sheet = json!({
            "attendees": attendees,
            "blank_rows": if attendees.is_empty() { BLANK_ROWS } else { 0 },
        });
        let mut blocks = vec![panel(cx, training, date)];
        blocks.extend(body.render("training-sign-in", &[("sheet", sheet)])?);
        let mut doc = cx.document(
            Kind::TrainingSignIn,
            format!("培训签到表（{}）", date.chinese()),
            slug,
            blocks,
        );
        doc.date = Some(date);
        docs.push(doc);
    }
    Ok(docs)
}

/// The trainings held by the build date and all those the schedule plans, in date order.
fn trainings(cx: &FormsContext) -> Vec<Training> {
    let e = cx.enterprise;
    let mut out: Vec<Training> = e
        .records
        .trainings
        .iter()
        .filter(|r| r.date <= cx.date)
        .map(|r| Training {
            // A training its trainer gave as one of the agency's counselors.
            by_agency: cx.counselors.iter().any(|c| c.name == r.trainer),
            date: Some(r.date),
            topic: Some(r.topic.clone()),
            hours: Some(r.hours),
            trainer: Some(r.trainer.clone()),
            kind: r.kind.map(|k| k.name()),
            assessment: r.assessment.clone(),
            attendees: r.attendees.clone(),
        })
        .collect();
    let visits = e.service.visits.iter().flatten();
    for v in visits.filter(|v| v.kind == VisitKind::Training && v.date <= cx.date) {
        match out.iter_mut().find(|x| x.date == Some(v.date)) {
            Some(held) => {
                held.by_agency = true;
                if held.attendees.is_empty() {
                    held.attendees = v.attendees.clone();
                }
            }
            None => out.push(Training {
                date: Some(v.date),
                topic: Some(v.content.clone()),
                trainer: Some(counselor_names(cx, &v.counselors)),
                attendees: v.attendees.clone(),
                by_agency: true,
                ..Training::default()
            }),
        }
    }
    // Every training the schedule plans, past ones too: the training plan lists them all,
    // and a sheet is the form to fill for one held but not yet recorded.
    let planned = cx
        .facts
        .schedule
        .iter()
        .filter(|event| event.kind == ServiceKind::安全培训 && !event.done);
    for event in planned {
        if !out.iter().any(|x| x.date == Some(event.date)) {
            out.push(Training {
                date: Some(event.date),
                by_agency: true,
                ..Training::default()
            });
        }
    }
    out.sort_by_key(|x| x.date);
    out
}

fn counselor_names(cx: &FormsContext, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            cx.counselors
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// 培训日期, 主题, 类型, 学时, 授课人, 组织单位, 地点, 考核方式和结果: what is known, blank
/// otherwise.
fn panel(cx: &FormsContext, training: &Training, date: Date) -> Block {
    let e = cx.enterprise;
    // The safety department where there is one, else the enterprise itself.
    let own = e
        .departments
        .iter()
        .find(|d| d.name.contains("安全"))
        .map_or_else(|| e.enterprise.name.clone(), |d| d.name.clone());
    let organiser = if training.by_agency {
        format!(
            "{}、{own}",
            cx.base["agency"]["name"].as_str().unwrap_or_default()
        )
    } else {
        own
    };
    let kind = training
        .kind
        .or(training.by_agency.then_some("托管服务机构安全培训"));
    let row =
        |label: &str, value: Option<String>| (label.to_string(), t(value.unwrap_or_default()));
    Block::Panel {
        rows: vec![
            row("单位", Some(e.enterprise.name.clone())),
            row("培训日期", Some(date.chinese())),
            row("培训主题", training.topic.clone()),
            row("培训类型", kind.map(str::to_string)),
            row("学时", training.hours.map(super::letters::number_text)),
            row("授课人", training.trainer.clone()),
            row("组织单位", Some(organiser)),
            row("培训地点", None),
            row("考核方式", training.assessment.clone()),
            // Written by hand once the attendees are assessed: the record's summary
            // (「5 人合格」) would stand above blank signature and score columns.
            row("考核结果", None),
        ],
    }
}
