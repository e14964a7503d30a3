//! `service-frequency` (第十六条), `service-plan-late` (第十五条), `service-fee-low`
//! (第二十二条), `inspection-overdue`, `finding-overdue`, `holiday-data-missing`,
//! `service-behind` (第十六条, against `service.visits`) and `finding-without-photo` (第十五条).

use crate::diag::{Reporter, Rule};
use crate::facts::calendar::{WorkCalendar, YearSource};
use crate::facts::holidays::STATUTORY_BASIS;
use crate::facts::visits::{Tally, progress};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

/// The plan is due within this many working days of signing (第十五条).
pub const PLAN_WORKING_DAYS: u32 = 30;
/// The suggested minimum fee in yuan (第二十二条).
pub const MIN_FEE: f64 = 15000.0;

pub fn check(e: &EnterpriseFile, calendar: &WorkCalendar, date: Date, r: &mut Reporter) {
    let f = &e.service.frequency;
    for (key, value, minimum) in [
        ("site_visits_per_month", f.site_visits_per_month, 2),
        ("inspections_per_month", f.inspections_per_month, 1),
        ("trainings_per_year", f.trainings_per_year, 2),
        ("drills_per_year", f.drills_per_year, 1),
    ] {
        if value < minimum {
            r.error(
                Rule::ServiceFrequency,
                &format!("service.frequency.{key}"),
                msg!(
                    "service-frequency",
                    key = key,
                    value = value,
                    minimum = minimum
                ),
            );
        }
    }
    let days = calendar.working_days_between(e.service.signed_on, e.service.plan_issued_on);
    if days > PLAN_WORKING_DAYS {
        r.error(
            Rule::ServicePlanLate,
            "service.plan_issued_on",
            msg!(
                "service-plan-late",
                days = days,
                signed = e.service.signed_on.to_string(),
                limit = PLAN_WORKING_DAYS
            ),
        );
    }
    holiday_data(e, calendar, r);
    behind(e, date, r);
    if e.service.fee < MIN_FEE {
        r.warning(
            Rule::ServiceFeeLow,
            "service.fee",
            msg!(
                "service-fee-low",
                fee = crate::facts::risk::num(e.service.fee)
            ),
        );
    }
    for (i, q) in e.equipment.iter().enumerate() {
        if let (true, Some(next)) = (q.special, q.next_inspection)
            && next < date
        {
            r.warning(
                Rule::InspectionOverdue,
                &format!("equipment[{i}].next_inspection"),
                msg!(
                    "inspection-overdue",
                    name = &q.name,
                    reg_no = q.reg_no.as_deref().unwrap_or(""),
                    due = next.to_string()
                ),
            );
        }
    }
    for (i, finding) in e.service.findings.iter().enumerate() {
        if finding.photo.is_none() {
            r.warning(
                Rule::FindingWithoutPhoto,
                &format!("service.findings[{i}]"),
                msg!("finding-without-photo", issue = &finding.issue),
            );
        }
        if finding.closed_on.is_none() && finding.due < date {
            r.warning(
                Rule::FindingOverdue,
                &format!("service.findings[{i}].due"),
                msg!(
                    "finding-overdue",
                    issue = &finding.issue,
                    due = finding.due.to_string()
                ),
            );
        }
    }
}

/// `service-behind`: fewer visits, inspections, trainings or drills recorded by `date`
/// than 第十六条 or the contract asks for the full months elapsed. Without
/// `service.visits` nothing is judged, and a note says so.
fn behind(e: &EnterpriseFile, date: Date, r: &mut Reporter) {
    let Some(progress) = progress(e, date) else {
        r.info(Rule::VisitsUnrecorded, "service", msg!("visits-unrecorded"));
        return;
    };
    let (Some(first), Some(last)) = (progress.months.first(), progress.months.last()) else {
        return;
    };
    let missing: Vec<Message> = progress
        .tallies
        .iter()
        .filter(|t| t.is_behind())
        .map(shortfall)
        .collect();
    if !missing.is_empty() {
        r.error(
            Rule::ServiceBehind,
            "service.visits",
            msg!(
                "service-behind",
                date = date.to_string(),
                months = progress.months.len(),
                first = first.label(),
                last = last.label(),
                shortfalls = Arg::Parts(missing)
            ),
        );
    }
}

fn shortfall(t: &Tally) -> Message {
    let work = t.work.message_id();
    if t.short_months.is_empty() {
        return msg!(
            "service-behind-total",
            work = Arg::Word(work),
            done = t.done,
            required = t.required,
            rate = t.rate()
        );
    }
    let months: Vec<String> = t
        .short_months
        .iter()
        .map(|(m, held)| format!("{} ({held})", m.label()))
        .collect();
    msg!(
        "service-behind-months",
        work = Arg::Word(work),
        rate = t.rate(),
        months = months.join(", ")
    )
}

/// `holiday-data-missing`: the contract reaches into years whose 调休 arrangement is
/// neither built in nor given by the site, so their working days are a guess.
fn holiday_data(e: &EnterpriseFile, calendar: &WorkCalendar, r: &mut Reporter) {
    let years = calendar.years(e.service.start, e.service.end);
    let list = |wanted: YearSource| -> Vec<String> {
        years
            .iter()
            .filter(|(_, source)| *source == wanted)
            .map(|(y, _)| y.to_string())
            .collect()
    };
    let statutory = list(YearSource::StatutoryOnly);
    let weekends = list(YearSource::WeekendsOnly);
    if statutory.is_empty() && weekends.is_empty() {
        return;
    }
    let mut used = Vec::new();
    if !statutory.is_empty() {
        used.push(msg!(
            "holiday-statutory-only",
            years = statutory.join(", "),
            basis = STATUTORY_BASIS
        ));
    }
    if !weekends.is_empty() {
        used.push(msg!("holiday-weekends-only", years = weekends.join(", ")));
    }
    let unknown: Vec<String> = statutory.into_iter().chain(weekends).collect();
    r.warning(
        Rule::HolidayDataMissing,
        "service.end",
        msg!(
            "holiday-data-missing",
            end = e.service.end.to_string(),
            years = unknown.join(", "),
            used = Arg::Parts(used)
        ),
    );
}
