//! `YYYY-MM-DD` dates as users write them.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Dates outside these years are typos (`0206`, `20266`), and beyond them spreadsheets
/// and the holiday tables have no answer.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// A calendar date written `YYYY-MM-DD`; anything else is rejected where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        // chrono accepts "2026-1-5"; the contract is the zero-padded form only.
        if text.len() != 10 || !text.starts_with(['1', '2']) {
            return None;
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
            .map(Date)
    }

    /// 2026年1月15日, as Chinese documents print dates.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.0.year(), self.0.month(), self.0.day())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// The tail of the parser's message for a bad date; the loader recognises it to word
/// the finding in the user's language (`date-invalid`, with `MIN_YEAR` and `MAX_YEAR`).
pub const NOT_A_DATE: &str =
    "is not a date: expected YYYY-MM-DD from 1900 to 2100, e.g. 2026-03-15";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` {NOT_A_DATE}")))
    }
}

/// Editors check the form; the loader also rejects a day that does not exist (02-30).
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "patternErrorMessage": "日期应写作 YYYY-MM-DD，如 2026-03-15",
        })
    }
}

/// `YYYY-MM-DD`, zero-padded, as [`Date::parse`] accepts it (ECMA-262 regex).
pub const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_zero_padded_iso_dates() {
        assert_eq!(Date::parse("2026-03-15").unwrap().to_string(), "2026-03-15");
        assert!(Date::parse("2026-3-15").is_none());
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("15.03.2026").is_none());
        assert!(Date::parse("1899-12-31").is_none());
        assert!(Date::parse("2101-01-01").is_none());
        assert!(Date::parse("-001-01-01").is_none());
        assert!(Date::parse("0001-01-01").is_none());
        assert!(Date::parse("1900-01-01").is_some());
        assert!(NOT_A_DATE.contains(&format!("from {MIN_YEAR} to {MAX_YEAR}")));
    }

    #[test]
    fn prints_chinese_dates_without_padding() {
        assert_eq!(Date::parse("2026-01-05").unwrap().chinese(), "2026年1月5日");
    }
}
