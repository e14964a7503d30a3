//! Working days: weekends, the State Council's holidays and 调休 working weekends (the
//! built-in table of `facts::holidays`), with the days the site adds or overrides
//! (`calendar:`, and the older `document_control.holidays/workdays`); and the service
//! schedule of the contract (`schedule`).

mod schedule;

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::facts::holidays::{self, Notice};
use crate::site::date::Date;
use crate::site::model::{CalendarInput, DocumentControl};

pub use schedule::{ServiceEvent, ServiceKind, months_between, service_schedule};

#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
    /// Years of which the site lists at least one day: it knows their arrangement.
    site_years: BTreeSet<i32>,
}

/// Where a year's non-working days come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum YearSource {
    /// The State Council's notice, built in (the site may override single days).
    Notice(Notice),
    /// The site's own list of days (`calendar:` in anquan.yaml).
    Site,
    /// The 调休 arrangement is not published: statutory days and weekends only.
    StatutoryOnly,
    /// Nothing is known: weekends only.
    WeekendsOnly,
}

impl YearSource {
    /// Whether the year's 调休 arrangement is known.
    pub fn is_complete(self) -> bool {
        matches!(self, YearSource::Notice(_) | YearSource::Site)
    }
}

impl WorkCalendar {
    /// The built-in table, then `document_control`'s days, then `calendar:`'s: a later
    /// source wins for the days it lists.
    pub fn new(control: &DocumentControl, site: &CalendarInput) -> WorkCalendar {
        let mut calendar = WorkCalendar::default();
        for year in holidays::OFFICIAL_YEARS {
            calendar.holidays.extend(year.holidays());
            calendar.workdays.extend(year.workdays());
        }
        for (holidays, workdays) in [
            (&control.holidays, &control.workdays),
            (&site.holidays, &site.workdays),
        ] {
            for day in holidays {
                calendar.workdays.remove(&day.0);
                calendar.holidays.insert(day.0);
                calendar.site_years.insert(day.0.year());
            }
            for day in workdays {
                calendar.holidays.remove(&day.0);
                calendar.workdays.insert(day.0);
                calendar.site_years.insert(day.0.year());
            }
        }
        calendar
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

    /// The working days from `from` to `to`, both included.
    pub fn working_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .collect()
    }

    pub fn source_of(&self, year: i32) -> YearSource {
        match holidays::official_year(year) {
            Some(official) => match official.notice {
                Some(notice) => YearSource::Notice(notice),
                None if self.site_years.contains(&year) => YearSource::Site,
                None => YearSource::StatutoryOnly,
            },
            None if self.site_years.contains(&year) => YearSource::Site,
            None => YearSource::WeekendsOnly,
        }
    }

    /// Each year that the period `from..=to` touches, with its source.
    pub fn years(&self, from: Date, to: Date) -> Vec<(i32, YearSource)> {
        (from.0.year()..=to.0.year())
            .map(|y| (y, self.source_of(y)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn site(holidays: &[&str], workdays: &[&str]) -> CalendarInput {
        CalendarInput {
            holidays: holidays.iter().map(|s| d(s)).collect(),
            workdays: workdays.iter().map(|s| d(s)).collect(),
        }
    }

    #[test]
    fn the_official_table_is_built_in() {
        let c = WorkCalendar::new(&DocumentControl::default(), &CalendarInput::default());
        assert!(c.is_working_day(d("2026-09-30").0)); // Wednesday
        assert!(!c.is_working_day(d("2026-10-01").0)); // 国庆节
        assert!(!c.is_working_day(d("2026-10-03").0)); // Saturday
        assert!(c.is_working_day(d("2026-10-10").0)); // 调休 Saturday
        assert!(!c.is_working_day(d("2027-02-08").0)); // 初三, statutory only
        // Mon 2026-09-28 → Mon 2026-10-12: 10 weekdays, less 5 (10-01..10-07 on weekdays),
        // plus the 调休 Saturday 10-10.
        assert_eq!(c.working_days_between(d("2026-09-28"), d("2026-10-12")), 6);
        assert_eq!(c.working_days_between(d("2026-10-12"), d("2026-10-12")), 0);
        assert!(c.source_of(2026).is_complete());
        assert_eq!(c.source_of(2027), YearSource::StatutoryOnly);
        assert_eq!(c.source_of(2028), YearSource::WeekendsOnly);
    }

    #[test]
    fn the_site_adds_and_overrides_days() {
        let control = DocumentControl {
            holidays: vec![d("2026-10-12")],
            ..DocumentControl::default()
        };
        // calendar: turns the 调休 Saturday into a day off, 10-12 (document_control's
        // holiday) back into a working day, and lists 2028.
        let c = WorkCalendar::new(
            &control,
            &site(&["2026-10-10", "2028-01-03"], &["2026-10-12", "2028-01-08"]),
        );
        assert!(!c.is_working_day(d("2026-10-10").0));
        assert!(c.is_working_day(d("2026-10-12").0));
        assert!(!c.is_working_day(d("2028-01-03").0));
        assert!(c.is_working_day(d("2028-01-08").0));
        assert_eq!(c.source_of(2028), YearSource::Site);
        let only_control = WorkCalendar::new(&control, &CalendarInput::default());
        assert!(!only_control.is_working_day(d("2026-10-12").0));
        assert_eq!(
            only_control
                .years(d("2026-03-01"), d("2028-02-28"))
                .iter()
                .map(|(y, s)| (*y, s.is_complete()))
                .collect::<Vec<_>>(),
            [(2026, true), (2027, false), (2028, false)]
        );
    }
}
