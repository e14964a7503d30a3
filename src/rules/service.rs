//! `service-frequency` (第十六条), `service-plan-late` (第十五条), `service-fee-low`
//! (第二十二条), `inspection-overdue`, `finding-overdue`, `holiday-data-missing`,
//! `service-behind` (第十六条, against `service.visits`) and `finding-without-photo` (第十五条).

use crate::diag::Reporter;
use crate::facts::calendar::{WorkCalendar, YearSource};
use crate::facts::holidays::STATUTORY_BASIS;
use crate::facts::visits::{Tally, progress};
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

/// The plan is due within this many working days of signing (第十五条).
pub const PLAN_WORKING_DAYS: u32 = 30;
/// The suggested minimum fee in yuan (第二十二条).
pub const MIN_FEE: f64 = 15000.0;

pub fn check(e: &EnterpriseFile, calendar: &WorkCalendar, date: Date, r: &mut Reporter) {
    let f = &e.service.frequency;
    for (key, value, minimum, unit) in [
        (
            "site_visits_per_month",
            f.site_visits_per_month,
            2,
            "site visits a month",
        ),
        (
            "inspections_per_month",
            f.inspections_per_month,
            1,
            "inspection a month",
        ),
        (
            "trainings_per_year",
            f.trainings_per_year,
            2,
            "trainings a year",
        ),
        ("drills_per_year", f.drills_per_year, 1, "drill a year"),
    ] {
        if value < minimum {
            r.error(
                "service-frequency",
                &format!("service.frequency.{key}"),
                format!("{value} is below the minimum of {minimum} {unit} (自律管理办法第十六条)"),
            );
        }
    }
    let days = calendar.working_days_between(e.service.signed_on, e.service.plan_issued_on);
    if days > PLAN_WORKING_DAYS {
        r.error(
            "service-plan-late",
            "service.plan_issued_on",
            format!(
                "the technical service plan was issued {days} working days after the agreement was signed ({}); it is due within {PLAN_WORKING_DAYS} (第十五条)",
                e.service.signed_on
            ),
        );
    }
    holiday_data(e, calendar, r);
    behind(e, date, r);
    if e.service.fee < MIN_FEE {
        r.warning(
            "service-fee-low",
            "service.fee",
            format!(
                "fee {} yuan is below the suggested minimum of 15000 (第二十二条)",
                crate::facts::risk::num(e.service.fee)
            ),
        );
    }
    for (i, q) in e.equipment.iter().enumerate() {
        if let (true, Some(next)) = (q.special, q.next_inspection)
            && next < date
        {
            r.warning(
                    "inspection-overdue",
                    &format!("equipment[{i}].next_inspection"),
                    format!("special equipment {}（{}）was due for inspection on {next}: it may not be used until inspected (特种设备安全法第四十条)", q.name, q.reg_no.as_deref().unwrap_or("")),
                );
        }
    }
    for (i, finding) in e.service.findings.iter().enumerate() {
        if finding.photo.is_none() {
            r.warning(
                "finding-without-photo",
                &format!("service.findings[{i}]"),
                format!(
                    "hazard “{}” has no photo: the plan's list of site hazards is to carry photos (第十五条); add `photo:`",
                    finding.issue
                ),
            );
        }
        if finding.closed_on.is_none() && finding.due < date {
            r.warning(
                "finding-overdue",
                &format!("service.findings[{i}].due"),
                format!(
                    "hazard “{}” was due to be rectified by {} and is not closed",
                    finding.issue, finding.due
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
        r.info(
            "visits-not-recorded",
            "service",
            "`service.visits` is not given: whether the visits, inspections, trainings and drills of 第十六条 were made is not checked (service-behind)".to_string(),
        );
        return;
    };
    let (Some(first), Some(last)) = (progress.months.first(), progress.months.last()) else {
        return;
    };
    let span = format!(
        "the {} full month(s) {} to {}",
        progress.months.len(),
        first.label(),
        last.label()
    );
    let missing: Vec<String> = progress
        .tallies
        .iter()
        .filter(|t| t.is_behind())
        .map(|t| format!("{}: {}", t.work.english(), shortfall(t)))
        .collect();
    if !missing.is_empty() {
        r.error(
            "service-behind",
            "service.visits",
            format!(
                "by {date}, for {span}, the visits record too little (自律管理办法第十六条): {}",
                missing.join("; ")
            ),
        );
    }
}

fn shortfall(t: &Tally) -> String {
    if t.short_months.is_empty() {
        return format!(
            "{} recorded, {} required ({} a year, pro rata, rounded down)",
            t.done,
            t.required,
            t.rate()
        );
    }
    let months: Vec<String> = t
        .short_months
        .iter()
        .map(|(m, held)| format!("{} ({held})", m.label()))
        .collect();
    format!("fewer than {} a month in {}", t.rate(), months.join(", "))
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
        used.push(format!(
            "in {} only weekends and the statutory days of {STATUTORY_BASIS}",
            statutory.join(", ")
        ));
    }
    if !weekends.is_empty() {
        used.push(format!("in {} only weekends", weekends.join(", ")));
    }
    let unknown: Vec<String> = statutory.into_iter().chain(weekends).collect();
    r.warning(
        "holiday-data-missing",
        "service.end",
        format!(
            "the contract runs to {} into {}, whose holiday arrangement (放假调休) anquan does not know: {} are taken out as non-working days; once the State Council publishes the arrangement, list its days in anquan.yaml under `calendar: {{holidays: [...], workdays: [...]}}`",
            e.service.end,
            unknown.join(", "),
            used.join(", and ")
        ),
    );
}
