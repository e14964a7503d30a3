//! What the agency owed by a date and what its visits record (第十六条, spec §10): the full
//! contract months elapsed, and per kind of work the number required and the number done.
//! One computation for the `service-behind` rule and the 托管服务工作报告.

use chrono::{Datelike, Months};

use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, SiteFinding, Visit, VisitKind};

/// 第十六条: each month at least 2 visits (现场办公), 1 of them an inspection; each year
/// at least 2 trainings and 1 drill. A contract may ask for more, never for less.
pub const MIN_VISITS_PER_MONTH: u32 = 2;
pub const MIN_INSPECTIONS_PER_MONTH: u32 = 1;
pub const MIN_TRAININGS_PER_YEAR: u32 = 2;
pub const MIN_DRILLS_PER_YEAR: u32 = 1;

/// One contract month: from the start's day of the month to the day before it a month on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub first: Date,
    pub last: Date,
}

impl Month {
    /// `2026-05` for a calendar month, else its two ends.
    pub fn label(&self) -> String {
        if self.first.0.day() == 1 {
            self.first.0.format("%Y-%m").to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }

    fn holds(&self, d: Date) -> bool {
        (self.first..=self.last).contains(&d)
    }
}

/// What is counted: every visit, inspections among them, trainings, drills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Visits,
    Inspections,
    Trainings,
    Drills,
}

impl Work {
    pub const ALL: [Work; 4] = [
        Work::Visits,
        Work::Inspections,
        Work::Trainings,
        Work::Drills,
    ];

    /// How the report names it.
    pub fn label(self) -> &'static str {
        match self {
            Work::Visits => "现场服务（现场办公）",
            Work::Inspections => "安全生产检查",
            Work::Trainings => "全员安全教育培训",
            Work::Drills => "应急演练",
        }
    }

    /// The catalogue id of the noun a message names it by.
    pub fn message_id(self) -> &'static str {
        match self {
            Work::Visits => "word-visits",
            Work::Inspections => "word-inspections",
            Work::Trainings => "word-trainings",
            Work::Drills => "word-drills",
        }
    }

    fn counts(self, v: &Visit) -> bool {
        match self {
            Work::Visits => true,
            Work::Inspections => v.kind == VisitKind::Inspection,
            Work::Trainings => v.kind == VisitKind::Training,
            Work::Drills => v.kind == VisitKind::Drill,
        }
    }

    fn monthly(self) -> bool {
        matches!(self, Work::Visits | Work::Inspections)
    }
}

/// One kind of work by a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub work: Work,
    /// 第十六条's rate (a month or a year).
    pub statutory: u32,
    /// The contract's rate.
    pub contract: u32,
    /// Owed for the full months elapsed: per month, or pro rata over the year rounded down.
    pub required: u32,
    /// Recorded by the date.
    pub done: u32,
    /// Full months with fewer than the monthly rate, and how many they had (visits and
    /// inspections only).
    pub short_months: Vec<(Month, u32)>,
}

impl Tally {
    pub fn rate(&self) -> u32 {
        self.statutory.max(self.contract)
    }

    pub fn is_behind(&self) -> bool {
        self.done < self.required || !self.short_months.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Progress {
    /// The full contract months that ended before the date.
    pub months: Vec<Month>,
    pub tallies: Vec<Tally>,
}

/// The progress of the contract of `e` on `date`; `None` when visits are not recorded.
pub fn progress(e: &EnterpriseFile, date: Date) -> Option<Progress> {
    let visits: Vec<&Visit> = e
        .service
        .visits
        .as_ref()?
        .iter()
        .filter(|v| v.date <= date)
        .collect();
    let months = full_months(e.service.start, e.service.end, date);
    let f = &e.service.frequency;
    let rates = [
        (Work::Visits, MIN_VISITS_PER_MONTH, f.site_visits_per_month),
        (
            Work::Inspections,
            MIN_INSPECTIONS_PER_MONTH,
            f.inspections_per_month,
        ),
        (
            Work::Trainings,
            MIN_TRAININGS_PER_YEAR,
            f.trainings_per_year,
        ),
        (Work::Drills, MIN_DRILLS_PER_YEAR, f.drills_per_year),
    ];
    let tallies = rates
        .into_iter()
        .map(|(work, statutory, contract)| {
            let mut t = Tally {
                work,
                statutory,
                contract,
                required: 0,
                done: visits.iter().filter(|v| work.counts(v)).count() as u32,
                short_months: Vec::new(),
            };
            let n = months.len() as u32;
            if work.monthly() {
                t.required = t.rate() * n;
                t.short_months = months
                    .iter()
                    .map(|m| {
                        let held = visits.iter().filter(|v| m.holds(v.date) && work.counts(v));
                        (*m, held.count() as u32)
                    })
                    .filter(|(_, held)| *held < t.rate())
                    .collect();
            } else {
                t.required = t.rate() * n / 12;
            }
            t
        })
        .collect();
    Some(Progress { months, tallies })
}

/// The contract months from `start` that ended before `date` (and by the contract's end).
pub fn full_months(start: Date, end: Date, date: Date) -> Vec<Month> {
    let mut months = Vec::new();
    for k in 0.. {
        let (Some(first), Some(next)) = (
            start.0.checked_add_months(Months::new(k)),
            start.0.checked_add_months(Months::new(k + 1)),
        ) else {
            break;
        };
        let Some(last) = next.pred_opt() else { break };
        if last >= date.0 || last > end.0 {
            break;
        }
        months.push(Month {
            first: Date(first),
            last: Date(last),
        });
    }
    months
}

/// The date a finding was notified to the enterprise: the first recorded visit that names
/// it, else the technical service plan, which lists the hazards found before it (第十五条).
pub fn notified_on(e: &EnterpriseFile, finding: &SiteFinding) -> Date {
    e.service
        .visits
        .iter()
        .flatten()
        .filter(|v| v.findings.contains(&finding.issue))
        .map(|v| v.date)
        .min()
        .unwrap_or(e.service.plan_issued_on)
}

#[cfg(test)]
#[path = "visits_tests.rs"]
mod tests;
