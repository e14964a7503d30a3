//! The State Council's published holiday schedules (法定节假日 and 调休 working
//! weekends), one entry per year, each with the notice it comes from. Years whose notice
//! is not yet published carry only the statutory days fixed by
//! 《全国年节及纪念日放假办法》, which any later notice keeps.

use chrono::NaiveDate;
use serde::Serialize;

/// The 国务院办公厅 notice that publishes a year's arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub title: &'static str,
    /// 文号, e.g. 国办发明电〔2025〕7号.
    pub number: &'static str,
    /// (year, month, day) of the notice.
    pub issued: (i32, u32, u32),
}

/// One festival's days off: name, first and last day as (month, day), and the number
/// of days the notice states (共N天), checked against the range by a test.
pub type Break = (&'static str, (u32, u32), (u32, u32), u32);

#[derive(Debug, Clone, Copy)]
pub struct OfficialYear {
    pub year: i32,
    /// `None`: the arrangement is not published; `breaks` then holds the statutory days only.
    pub notice: Option<Notice>,
    pub breaks: &'static [Break],
    /// Weekend days worked in exchange (调休上班), as (month, day).
    pub workdays: &'static [(u32, u32)],
}

/// The law that fixes the statutory days, named where a year has nothing else.
pub const STATUTORY_BASIS: &str = "《全国年节及纪念日放假办法》";

pub const OFFICIAL_YEARS: &[OfficialYear] = &[
    OfficialYear {
        year: 2024,
        notice: Some(Notice {
            title: "国务院办公厅关于2024年部分节假日安排的通知",
            number: "国办发明电〔2023〕7号",
            issued: (2023, 10, 25),
        }),
        breaks: &[
            ("元旦", (1, 1), (1, 1), 1),
            ("春节", (2, 10), (2, 17), 8),
            ("清明节", (4, 4), (4, 6), 3),
            ("劳动节", (5, 1), (5, 5), 5),
            ("端午节", (6, 10), (6, 10), 1),
            ("中秋节", (9, 15), (9, 17), 3),
            ("国庆节", (10, 1), (10, 7), 7),
        ],
        workdays: &[
            (2, 4),
            (2, 18),
            (4, 7),
            (4, 28),
            (5, 11),
            (9, 14),
            (9, 29),
            (10, 12),
        ],
    },
    OfficialYear {
        year: 2025,
        notice: Some(Notice {
            title: "国务院办公厅关于2025年部分节假日安排的通知",
            number: "国办发明电〔2024〕12号",
            issued: (2024, 11, 12),
        }),
        breaks: &[
            ("元旦", (1, 1), (1, 1), 1),
            ("春节", (1, 28), (2, 4), 8),
            ("清明节", (4, 4), (4, 6), 3),
            ("劳动节", (5, 1), (5, 5), 5),
            ("端午节", (5, 31), (6, 2), 3),
            ("国庆节、中秋节", (10, 1), (10, 8), 8),
        ],
        workdays: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
    },
    OfficialYear {
        year: 2026,
        notice: Some(Notice {
            title: "国务院办公厅关于2026年部分节假日安排的通知",
            number: "国办发明电〔2025〕7号",
            issued: (2025, 11, 4),
        }),
        breaks: &[
            ("元旦", (1, 1), (1, 3), 3),
            ("春节", (2, 15), (2, 23), 9),
            ("清明节", (4, 4), (4, 6), 3),
            ("劳动节", (5, 1), (5, 5), 5),
            ("端午节", (6, 19), (6, 21), 3),
            ("中秋节", (9, 25), (9, 27), 3),
            ("国庆节", (10, 1), (10, 7), 7),
        ],
        workdays: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
    },
    // Not yet published: the statutory days of the 2024 revision of the 放假办法 (元旦 1,
    // 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) on 2027's dates:
    // 除夕 2027-02-05, 清明 04-05, 端午 06-09, 中秋 09-15.
    OfficialYear {
        year: 2027,
        notice: None,
        breaks: &[
            ("元旦", (1, 1), (1, 1), 1),
            ("春节", (2, 5), (2, 8), 4),
            ("清明节", (4, 5), (4, 5), 1),
            ("劳动节", (5, 1), (5, 2), 2),
            ("端午节", (6, 9), (6, 9), 1),
            ("中秋节", (9, 15), (9, 15), 1),
            ("国庆节", (10, 1), (10, 3), 3),
        ],
        workdays: &[],
    },
];

pub fn official_year(year: i32) -> Option<&'static OfficialYear> {
    OFFICIAL_YEARS.iter().find(|y| y.year == year)
}

impl OfficialYear {
    /// Every day off of the year's breaks.
    pub fn holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.breaks.iter().flat_map(move |(_, from, to, _)| {
            let first = self.date(*from);
            let last = self.date(*to);
            first
                .into_iter()
                .flat_map(|d| d.iter_days())
                .take_while(move |d| last.is_some_and(|l| *d <= l))
        })
    }

    pub fn workdays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.workdays.iter().filter_map(|md| self.date(*md))
    }

    fn date(&self, (month, day): (u32, u32)) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, month, day)
    }
}

impl Notice {
    /// 《title》（number）, as a document cites it.
    pub fn citation(&self) -> String {
        format!("《{}》（{}）", self.title, self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    #[test]
    fn every_break_has_the_days_its_notice_states_and_every_workday_is_a_weekend() {
        for year in OFFICIAL_YEARS {
            for (name, from, to, days) in year.breaks {
                let first = year.date(*from).unwrap();
                let last = year.date(*to).unwrap();
                assert_eq!(
                    (last - first).num_days() + 1,
                    i64::from(*days),
                    "{} {name}",
                    year.year
                );
            }
            for day in year.workdays() {
                assert!(
                    matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                    "{day} is a 调休 working day, so a weekend day"
                );
            }
            let total: u32 = year.breaks.iter().map(|b| b.3).sum();
            assert_eq!(year.holidays().count() as u32, total, "{}", year.year);
        }
    }

    #[test]
    fn the_2026_notice_day_by_day() {
        let y = official_year(2026).unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let holidays: Vec<NaiveDate> = y.holidays().collect();
        for day in ["2026-01-03", "2026-02-15", "2026-02-23", "2026-10-07"] {
            assert!(holidays.contains(&d(day)), "{day}");
        }
        assert!(!holidays.contains(&d("2026-02-24")));
        assert_eq!(
            y.workdays().map(|w| w.to_string()).collect::<Vec<_>>(),
            [
                "2026-01-04",
                "2026-02-14",
                "2026-02-28",
                "2026-05-09",
                "2026-09-20",
                "2026-10-10"
            ]
        );
        assert_eq!(
            y.notice.unwrap().citation(),
            "《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号）"
        );
        assert!(official_year(2027).unwrap().notice.is_none());
        assert!(official_year(2028).is_none());
    }
}
