//! The 托管服务工作报告 (spec §10), as of the build date: what 第十六条 and the contract
//! required for the full months elapsed against what the visits record (a table and a bar
//! chart), the findings notified, closed and overdue, the trainings and drills held. Its
//! text is `content/service/service-report.md`; the numbers come from `facts::visits`.

use serde_json::{Value, json};
use tera::Context;

use super::records::{RecordsContext, sign};
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout};
use crate::facts::as_of::as_of;
use crate::facts::visits::{Month, Progress, Tally, Work, notified_on, progress};
use crate::render::chart::{Bars, bar_chart_svg};
use crate::render::engine::{Engines, TemplateError};
use crate::site::model::{EnterpriseFile, Visit, VisitKind};

/// The report, or nothing when the visits are not recorded (there is nothing to report).
pub fn service_report(
    engines: &Engines,
    cx: &RecordsContext,
) -> Result<Option<Document>, TemplateError> {
    let e = as_of(cx.enterprise, cx.date);
    let Some(progress) = progress(&e, cx.date) else {
        return Ok(None);
    };
    let mut context = Context::new();
    context.insert("report", &report_data(cx, &e, &progress));
    let body = engines.render_content("service/service-report.md", &context)?;
    let mut blocks = to_blocks(&body);
    // The chart illustrates the first table, the frequencies.
    let at = blocks
        .iter()
        .position(|b| matches!(b, Block::Table { .. }))
        .map_or(blocks.len(), |i| i + 1);
    blocks.insert(at, chart(&progress, cx));
    blocks.push(sign(&["编制人（签字）", "机构负责人（签字）"]));
    blocks.push(sign(&["服务机构（盖章）", "日期"]));
    let mut doc = Document::of_enterprise(
        Kind::ServiceReport,
        "托管服务工作报告".to_string(),
        cx.enterprise_id,
        "service-report".to_string(),
        Layout::Portrait,
        blocks,
    );
    doc.date = Some(cx.date);
    Ok(Some(doc))
}

fn chart(progress: &Progress, cx: &RecordsContext) -> Block {
    let items: Vec<Bars> = progress
        .tallies
        .iter()
        .map(|t| Bars {
            label: short_label(t.work),
            values: [t.required, t.done],
        })
        .collect();
    let caption = format!("截至{}服务频次完成情况", cx.date.chinese());
    Block::Figure {
        svg: bar_chart_svg(&caption, ["应完成", "已完成"], &items),
        caption,
    }
}

fn short_label(work: Work) -> &'static str {
    match work {
        Work::Visits => "现场服务",
        Work::Inspections => "安全检查",
        Work::Trainings => "安全培训",
        Work::Drills => "应急演练",
    }
}

fn rate_text(t: &Tally, rate: u32) -> String {
    match t.work {
        Work::Visits | Work::Inspections => format!("每月 {rate} 次"),
        Work::Trainings | Work::Drills => format!("每年 {rate} 次"),
    }
}

/// 达到要求, or what is missing and in which months.
fn result_text(t: &Tally) -> String {
    if !t.short_months.is_empty() {
        let months: Vec<String> = t
            .short_months
            .iter()
            .map(|(m, held)| format!("{} 仅 {held} 次", m.label()))
            .collect();
        months.join("；")
    } else if t.done < t.required {
        format!("差 {} 次", t.required - t.done)
    } else {
        "达到要求".to_string()
    }
}

fn report_data(cx: &RecordsContext, e: &EnterpriseFile, progress: &Progress) -> Value {
    let s = &e.service;
    let rows: Vec<Value> = progress
        .tallies
        .iter()
        .map(|t| {
            json!({"work": t.work.label(), "statutory": rate_text(t, t.statutory),
                   "contract": rate_text(t, t.contract), "required": t.required,
                   "done": t.done, "result": result_text(t)})
        })
        .collect();
    let behind: Vec<String> = progress
        .tallies
        .iter()
        .filter(|t| t.is_behind())
        .map(|t| {
            format!(
                "{}：应完成 {} 次，已完成 {} 次（{}）",
                t.work.label(),
                t.required,
                t.done,
                result_text(t)
            )
        })
        .collect();
    let notified: Vec<_> = s
        .findings
        .iter()
        .map(|f| (f, notified_on(cx.enterprise, f)))
        .filter(|(_, on)| *on <= cx.date)
        .collect();
    let closed = notified
        .iter()
        .filter(|(f, _)| f.closed_on.is_some())
        .count();
    let overdue = notified
        .iter()
        .filter(|(f, _)| f.closed_on.is_none() && f.due < cx.date)
        .count();
    let finding_rows: Vec<Value> = notified
        .iter()
        .map(|(f, on)| {
            let status = match f.closed_on {
                Some(d) => format!("已整改（{d}）"),
                None if f.due < cx.date => "逾期未整改".to_string(),
                None => "整改中".to_string(),
            };
            json!({"issue": f.issue, "zone": e.zone_name(&f.zone), "notified": on.to_string(),
                   "due": f.due.to_string(), "status": status})
        })
        .collect();
    let mut held: Vec<&Visit> = s
        .visits
        .iter()
        .flatten()
        .filter(|v| matches!(v.kind, VisitKind::Training | VisitKind::Drill))
        .collect();
    held.sort_by_key(|v| v.date);
    let held: Vec<Value> = held
        .iter()
        .map(|v| {
            let attendees = if v.attendees.is_empty() {
                String::new()
            } else {
                v.attendees.len().to_string()
            };
            json!({"date": v.date.to_string(), "kind": v.kind.name(), "content": v.content,
                   "attendees": attendees})
        })
        .collect();
    let (first, last) = (progress.months.first(), progress.months.last());
    json!({
        "enterprise": e.enterprise.name, "agency": cx.agency.name, "contract_no": s.contract_no,
        "start": s.start.chinese(), "end": s.end.chinese(), "date": cx.date.chinese(),
        "months": progress.months.len(),
        "first_month": first.map(Month::label), "last_month": last.map(Month::label),
        "counselors": cx.names(&s.counselors),
        "rows": rows, "behind": behind,
        "findings": {"found": notified.len(), "closed": closed,
                     "open": notified.len() - closed, "overdue": overdue},
        "finding_rows": finding_rows, "held": held,
    })
}
