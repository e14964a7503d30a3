//! anquan: YAML describing client enterprises → the safety-compliance document pack of a
//! safety service agency (安全生产服务机构), as a static HTML site.
//!
//! The pipeline: [`site`] loads and validates, [`facts`] derives, [`documents`] builds the
//! format-neutral documents, [`render`] turns them into HTML, [`output`] writes and swaps.

pub mod assets;
pub mod cache;
pub mod cleanup;
pub mod diag;
pub mod doctor;
pub mod documents;
pub mod facts;
pub mod i18n;
pub mod init;
pub mod output;
pub mod pipeline;
pub mod release;
pub mod render;
pub mod rules;
pub mod schema;
pub mod signs;
pub mod site;
pub mod watch;

/// `anquan 0.1.0`, as the manifest's `generator`.
pub const GENERATOR: &str = concat!("anquan ", env!("CARGO_PKG_VERSION"));

use chrono::{DateTime, Local};
use site::date::Date;

/// The build date: `--date`, else `SOURCE_DATE_EPOCH`, else today (spec §1).
pub fn build_date(
    flag: Option<&str>,
    source_date_epoch: Option<&str>,
) -> Result<Date, i18n::Message> {
    if let Some(text) = flag {
        return Date::parse(text).ok_or_else(|| msg!("date-flag-invalid", value = text));
    }
    if let Some(epoch) = source_date_epoch {
        let secs: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| msg!("epoch-not-number", value = epoch))?;
        let time = DateTime::from_timestamp(secs, 0)
            .ok_or_else(|| msg!("epoch-out-of-range", value = epoch))?;
        return Ok(Date(time.date_naive()));
    }
    Ok(Date(Local::now().date_naive()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_flag_wins_over_epoch() {
        assert_eq!(
            build_date(Some("2026-11-23"), Some("0"))
                .unwrap()
                .to_string(),
            "2026-11-23"
        );
        assert_eq!(
            build_date(None, Some("1795392000")).unwrap().to_string(),
            "2026-11-23"
        );
        assert!(build_date(Some("23.11.2026"), None).is_err());
        assert!(build_date(None, Some("soon")).is_err());
    }
}
