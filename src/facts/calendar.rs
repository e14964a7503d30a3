//! Working days (weekends, statutory holidays and 调休 working weekends of
//! `document_control`) and the service schedule of the contract (第十六条 frequencies).

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use crate::site::date::Date;
use crate::site::model::{DocumentControl, Service};

#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    pub fn new(control: &DocumentControl) -> WorkCalendar {
        WorkCalendar {
            holidays: control.holidays.iter().map(|d| d.0).collect(),
            workdays: control.workdays.iter().map(|d| d.0).collect(),
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.workdays.contains(&day) {
            return true;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not later).
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        let mut count = 0;
        let mut day = from.0;
        while day < to.0 {
            day = day.succ_opt().unwrap_or(day);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }

    fn working_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum ServiceKind {
    现场服务,
    安全检查,
    安全培训,
    应急演练,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServiceEvent {
    pub date: Date,
    pub kind: ServiceKind,
}

/// Every visit, inspection, training and drill of the contract, on working days.
/// Each month (clipped to the contract) gets its visits spread evenly over its working
/// days, the first of them being the inspections; trainings and drills are spread over
/// the whole period at the yearly rate, on visit days where possible.
pub fn service_schedule(service: &Service, calendar: &WorkCalendar) -> Vec<ServiceEvent> {
    let (start, end) = (service.start.0, service.end.0);
    let mut events = Vec::new();
    let mut month_start = start;
    while month_start <= end {
        let next_month = first_of_next_month(month_start);
        let month_end = next_month.pred_opt().unwrap_or(next_month).min(end);
        let days = calendar.working_days(month_start, month_end);
        let visits = service
            .frequency
            .site_visits_per_month
            .max(service.frequency.inspections_per_month) as usize;
        for (i, day) in spread(&days, visits).into_iter().enumerate() {
            let kind = if i < service.frequency.inspections_per_month as usize {
                ServiceKind::安全检查
            } else {
                ServiceKind::现场服务
            };
            events.push(ServiceEvent {
                date: Date(day),
                kind,
            });
        }
        month_start = next_month;
    }
    let all_days = calendar.working_days(start, end);
    let months = months_between(start, end);
    for (kind, per_year) in [
        (ServiceKind::安全培训, service.frequency.trainings_per_year),
        (ServiceKind::应急演练, service.frequency.drills_per_year),
    ] {
        let count = (f64::from(per_year) * months as f64 / 12.0).ceil() as usize;
        // Offset by a week so that a training is not on the first visit of the contract.
        let offset = all_days.len().min(5);
        for day in spread(&all_days[offset..], count) {
            events.push(ServiceEvent {
                date: Date(day),
                kind,
            });
        }
    }
    events.sort_by_key(|e| (e.date, e.kind));
    events
}

/// `count` days picked evenly from `days`: the first day of each equal share.
fn spread(days: &[NaiveDate], count: usize) -> Vec<NaiveDate> {
    if days.is_empty() || count == 0 {
        return Vec::new();
    }
    let count = count.min(days.len());
    (0..count).map(|i| days[i * days.len() / count]).collect()
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
mod tests {
    use super::*;
    use crate::site::model::{Contact, Frequency};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn calendar() -> WorkCalendar {
        let control = DocumentControl {
            holidays: vec![d("2026-10-01"), d("2026-10-02"), d("2026-10-05")],
            workdays: vec![d("2026-10-10")],
            ..DocumentControl::default()
        };
        WorkCalendar::new(&control)
    }

    #[test]
    fn weekends_holidays_and_adjusted_saturdays() {
        let c = calendar();
        assert!(c.is_working_day(d("2026-09-30").0)); // Wednesday
        assert!(!c.is_working_day(d("2026-10-01").0)); // holiday Thursday
        assert!(!c.is_working_day(d("2026-10-03").0)); // Saturday
        assert!(c.is_working_day(d("2026-10-10").0)); // 调休 Saturday
        // Mon 2026-09-28 → Mon 2026-10-12: 10 weekdays, less 3 holidays, plus the 调休 Saturday.
        assert_eq!(c.working_days_between(d("2026-09-28"), d("2026-10-12")), 8);
        assert_eq!(c.working_days_between(d("2026-10-12"), d("2026-10-12")), 0);
    }

    fn service(start: &str, end: &str, f: [u32; 4]) -> Service {
        Service {
            contract_no: "T".into(),
            signed_on: d(start),
            start: d(start),
            end: d(end),
            fee: 15000.0,
            counselors: vec![],
            contact: Contact {
                name: "甲".into(),
                phone: "13800000000".into(),
            },
            scope: vec![],
            plan_issued_on: d(start),
            frequency: Frequency {
                site_visits_per_month: f[0],
                inspections_per_month: f[1],
                trainings_per_year: f[2],
                drills_per_year: f[3],
            },
            findings: vec![],
        }
    }

    #[test]
    fn schedule_meets_the_frequencies_on_working_days() {
        let c = calendar();
        let events = service_schedule(&service("2026-01-10", "2026-12-31", [2, 1, 2, 1]), &c);
        for month in 1..=12 {
            let in_month: Vec<&ServiceEvent> = events
                .iter()
                .filter(|e| e.date.0.month() == month)
                .collect();
            let visits = in_month
                .iter()
                .filter(|e| matches!(e.kind, ServiceKind::现场服务 | ServiceKind::安全检查))
                .count();
            let inspections = in_month
                .iter()
                .filter(|e| e.kind == ServiceKind::安全检查)
                .count();
            assert_eq!((visits, inspections), (2, 1), "month {month}");
        }
        assert_eq!(
            events
                .iter()
                .filter(|e| e.kind == ServiceKind::安全培训)
                .count(),
            2
        );
        assert_eq!(
            events
                .iter()
                .filter(|e| e.kind == ServiceKind::应急演练)
                .count(),
            1
        );
        assert!(events.iter().all(|e| c.is_working_day(e.date.0)));
        assert!(
            events
                .iter()
                .all(|e| e.date >= d("2026-01-10") && e.date <= d("2026-12-31"))
        );
    }

    #[test]
    fn months_of_a_contract() {
        assert_eq!(months_between(d("2026-03-01").0, d("2027-02-28").0), 12);
        assert_eq!(months_between(d("2026-01-10").0, d("2026-12-31").0), 12);
    }
}
