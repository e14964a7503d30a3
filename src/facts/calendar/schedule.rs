//! The service schedule of a contract (第十六条): every visit, inspection, training and
//! drill, planned on working days, with what `records` already holds counted as done.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use super::WorkCalendar;
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum ServiceKind {
    现场服务,
    安全检查,
    安全培训,
    应急演练,
}

/// How a kind of event is named: in lines, in a month grid cell, in an iCalendar UID, and
/// when recorded (an inspection is completed, a training or drill held).
pub struct KindNames {
    pub label: &'static str,
    pub short: &'static str,
    pub slug: &'static str,
    pub done: &'static str,
}

impl ServiceKind {
    pub fn names(self) -> KindNames {
        let (label, short, slug, done) = match self {
            ServiceKind::现场服务 => ("现场服务", "服务", "visit", "已完成"),
            ServiceKind::安全检查 => ("安全检查", "检查", "inspection", "已完成"),
            ServiceKind::安全培训 => ("安全培训", "培训", "training", "已完成"),
            ServiceKind::应急演练 => ("应急演练", "演练", "drill", "已完成"),
        };
        KindNames {
            label,
            short,
            slug,
            done,
        }
    }

    pub fn label(self) -> &'static str {
        self.names().label
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceEvent {
    pub date: Date,
    pub kind: ServiceKind,
    /// Taken from `records` (its real date), not planned.
    pub done: bool,
}

impl ServiceEvent {
    /// 计划, or 已完成 for a recorded one.
    pub fn status_label(&self) -> &'static str {
        if self.done {
            self.kind.names().done
        } else {
            "计划"
        }
    }

    /// The status as a document dated `date` states it: a planned day already past with
    /// nothing recorded is 无记录, neither done nor still a plan (spec §6).
    pub fn status_on(&self, date: Date) -> &'static str {
        if !self.done && self.date < date {
            "无记录"
        } else {
            self.status_label()
        }
    }
}

/// Every visit, inspection, training and drill of the contract of `e`.
///
/// Each month (clipped to the contract) gets its visits spread evenly over its working
/// days, inspections first; each contract year (12 months from `service.start`) gets its
/// trainings and drills at the yearly rate. A recorded event takes the planned slot
/// nearest to it, so only the remainder is planned. Drills start no earlier than the
/// 事故应急救援预案 (`e.issued_on()`). Only `e.records` is read for what is done, so a view
/// of `e` without later records gives the schedule as known on an earlier date.
pub fn service_schedule(e: &EnterpriseFile, calendar: &WorkCalendar) -> Vec<ServiceEvent> {
    let s = &e.service;
    let (start, end) = (s.start.0, s.end.0);
    let recorded = |dates: &mut dyn Iterator<Item = Date>| -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = dates
            .map(|d| d.0)
            .filter(|d| (start..=end).contains(d))
            .collect();
        days.sort();
        days
    };
    let inspections = recorded(&mut e.records.inspections.iter().map(|r| r.date));
    let trainings = recorded(&mut e.records.trainings.iter().map(|r| r.date));
    let drills = recorded(&mut e.records.drills.iter().map(|r| r.date));
    let mut events = monthly_visits(e, calendar, &inspections);
    let f = &s.frequency;
    let yearly = [
        (
            ServiceKind::安全培训,
            f.trainings_per_year,
            start,
            &trainings,
        ),
        (
            ServiceKind::应急演练,
            f.drills_per_year,
            e.issued_on().0,
            &drills,
        ),
    ];
    for (kind, per_year, earliest, done) in yearly {
        let plan = YearlyPlan {
            kind,
            per_year,
            earliest,
        };
        events.extend(plan.events(start, end, calendar, done));
    }
    events.sort_by_key(|e| (e.date, e.kind, e.done));
    events
}

fn monthly_visits(
    e: &EnterpriseFile,
    calendar: &WorkCalendar,
    inspections: &[NaiveDate],
) -> Vec<ServiceEvent> {
    let f = &e.service.frequency;
    let visits = f.site_visits_per_month.max(f.inspections_per_month) as usize;
    let mut events = Vec::new();
    let mut month_start = e.service.start.0;
    while month_start <= e.service.end.0 {
        let next_month = first_of_next_month(month_start);
        let month_end = next_month
            .pred_opt()
            .unwrap_or(next_month)
            .min(e.service.end.0);
        let done: Vec<NaiveDate> = inspections
            .iter()
            .copied()
            .filter(|d| (month_start..=month_end).contains(d))
            .collect();
        let slots = spread(&calendar.working_days(month_start, month_end), visits);
        let inspections_left = (f.inspections_per_month as usize).saturating_sub(done.len());
        events.extend(done_events(ServiceKind::安全检查, &done));
        for (i, day) in unclaimed(slots, &done).into_iter().enumerate() {
            let kind = if i < inspections_left {
                ServiceKind::安全检查
            } else {
                ServiceKind::现场服务
            };
            events.push(planned(day, kind));
        }
        month_start = next_month;
    }
    events
}

/// Trainings or drills: a number a year, none before `earliest`.
struct YearlyPlan {
    kind: ServiceKind,
    per_year: u32,
    earliest: NaiveDate,
}

impl YearlyPlan {
    fn events(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        calendar: &WorkCalendar,
        done: &[NaiveDate],
    ) -> Vec<ServiceEvent> {
        let mut events = done_events(self.kind, done);
        // What a contract year could not hold (all of it before `earliest`) moves on.
        let mut carried = 0;
        let mut year_start = start;
        while year_start <= end {
            let next_year = year_start
                .checked_add_months(Months::new(12))
                .unwrap_or(end.succ_opt().unwrap_or(end));
            let year_end = next_year.pred_opt().unwrap_or(next_year).min(end);
            // A contract year not starting on the 1st touches 13 months: it is still a year.
            let months = months_between(year_start, year_end).min(12);
            let required = (f64::from(self.per_year * months) / 12.0).ceil() as usize + carried;
            let done_here: Vec<NaiveDate> = done
                .iter()
                .copied()
                .filter(|d| (year_start..=year_end).contains(d))
                .collect();
            let days = calendar.working_days(year_start.max(self.earliest), year_end);
            if days.is_empty() {
                carried = required.saturating_sub(done_here.len());
            } else {
                carried = 0;
                // A week in, so that the first of them is not on the first visit.
                let offset = days.len().saturating_sub(required).min(5);
                let slots = spread(&days[offset..], required);
                events.extend(
                    unclaimed(slots, &done_here)
                        .into_iter()
                        .map(|d| planned(d, self.kind)),
                );
            }
            year_start = next_year;
        }
        events
    }
}

fn planned(day: NaiveDate, kind: ServiceKind) -> ServiceEvent {
    ServiceEvent {
        date: Date(day),
        kind,
        done: false,
    }
}

fn done_events(kind: ServiceKind, days: &[NaiveDate]) -> Vec<ServiceEvent> {
    days.iter()
        .map(|d| ServiceEvent {
            date: Date(*d),
            kind,
            done: true,
        })
        .collect()
}

/// `count` days picked evenly from `days`: the first day of each equal share.
fn spread(days: &[NaiveDate], count: usize) -> Vec<NaiveDate> {
    if days.is_empty() || count == 0 {
        return Vec::new();
    }
    let count = count.min(days.len());
    (0..count).map(|i| days[i * days.len() / count]).collect()
}

/// The slots left once each done day has taken the slot nearest to it (the earlier on a tie).
fn unclaimed(mut slots: Vec<NaiveDate>, done: &[NaiveDate]) -> Vec<NaiveDate> {
    for day in done {
        let nearest = slots
            .iter()
            .enumerate()
            .min_by_key(|(_, s)| ((**s - *day).num_days().abs(), **s))
            .map(|(i, _)| i);
        if let Some(i) = nearest {
            slots.remove(i);
        }
    }
    slots
}

fn first_of_next_month(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(day.checked_add_days(Days::new(31)).unwrap_or(day))
}

/// Calendar months the period touches (a contract of 2026-03-01..2027-02-28 is 12).
pub fn months_between(start: NaiveDate, end: NaiveDate) -> u32 {
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1;
    months.max(0) as u32
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
