//! The service calendar as iCalendar (RFC 5545), for a counselor's phone: one all-day
//! event per visit, inspection, training and drill, the same events as the printed
//! 服务计划. Recorded ones stay in, marked (已完成, STATUS:CONFIRMED), so that the
//! phone shows what was done on which day; planned ones are STATUS:TENTATIVE, since a
//! planned date may still move. UIDs and stamps are derived from the data, so the file
//! is the same on every build, and an event keeps its UID when other events change.

use std::collections::BTreeMap;

use chrono::{Days, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::documents::model::Kind;
use crate::facts::calendar::{ServiceEvent, ServiceKind};
use crate::render::bundle::{Artifact, Bundle, Format, RenderError, Rendered, Renderer, Target};
use crate::site::date::Date;

/// The 服务计划 as an iCalendar file beside its page.
pub struct CalendarFile;

impl Renderer for CalendarFile {
    fn format(&self) -> Format {
        Format::Ics
    }

    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let Some(n) = bundle
            .docs
            .iter()
            .position(|d| d.kind == Kind::ServiceCalendar)
        else {
            return Ok(Rendered::default());
        };
        let e = &bundle.enterprise.data;
        let counselors = bundle.facts.counselor_names();
        let input = IcsInput {
            enterprise_id: bundle.id(),
            enterprise_name: &e.enterprise.name,
            address: &e.enterprise.address,
            agency: &bundle.site.loaded.config.agency.name,
            counselors: &counselors.join("、"),
            contract_no: &e.service.contract_no,
            build_date: bundle.site.date,
        };
        let text = service_calendar_ics(&input, &bundle.facts.schedule);
        Ok(Rendered::of(vec![Artifact {
            target: Target::Document(n),
            bytes: text.into_bytes(),
        }]))
    }
}

pub struct IcsInput<'a> {
    pub enterprise_id: &'a str,
    pub enterprise_name: &'a str,
    pub address: &'a str,
    pub agency: &'a str,
    pub counselors: &'a str,
    pub contract_no: &'a str,
    pub build_date: Date,
}

/// User text made safe for an iCalendar TEXT value before the crate escapes `\\ ; , \n`
/// (RFC 5545 3.3.11): every line break (CR LF, bare CR, NEL, LS, PS) becomes one `\n`,
/// which is escaped, and other control characters are dropped, so no value can end its
/// line and start a property or an event of its own.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

pub fn service_calendar_ics(input: &IcsInput, schedule: &[ServiceEvent]) -> String {
    let name = ics_text(input.enterprise_name);
    let address = ics_text(input.address);
    let id = ics_text(input.enterprise_id).replace('\n', "");
    let stamp = Utc.from_utc_datetime(&input.build_date.0.and_time(NaiveTime::MIN));
    let mut calendar = Calendar::new();
    // The crate writes NAME unescaped (X-WR-CALNAME escaped): one line, nothing to escape.
    calendar.name(&format!("{} 安全托管服务计划", name.replace('\n', " ")));
    let mut seen: BTreeMap<(Date, ServiceKind), usize> = BTreeMap::new();
    for event in schedule {
        let n = seen.entry((event.date, event.kind)).or_default();
        *n += 1;
        let uid = format!(
            "{}-{}-{}-{n}@anquan",
            id,
            event.date,
            event.kind.names().slug
        );
        let summary = format!(
            "{}（{}）：{}",
            event.kind.label(),
            event.status_on(input.build_date),
            name
        );
        // All-day: DTEND is the next day, RFC 5545's exclusive end.
        let day = event.date.0;
        let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
        calendar.push(
            icalendar::Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .summary(&summary)
                .description(&ics_text(&format!(
                    "{}；服务人员：{}；合同 {}",
                    input.agency, input.counselors, input.contract_no
                )))
                .location(&address)
                .starts(day)
                .ends(next)
                // Done, past with no record (无记录), or still planned.
                .status(if event.done {
                    EventStatus::Confirmed
                } else if event.date < input.build_date {
                    EventStatus::Cancelled
                } else {
                    EventStatus::Tentative
                })
                .done(),
        );
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::DatePerhapsTime;

    #[test]
    fn no_text_adds_a_property_or_an_event() {
        let d = |s: &str| Date::parse(s).unwrap();
        let schedule = [ServiceEvent {
            date: d("2026-03-10"),
            kind: ServiceKind::安全检查,
            done: false,
        }];
        let hostile =
            "永康\rEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:x\u{b}\u{1b}[2J\u{85}A\u{2028}B\u{2029}C";
        let input = IcsInput {
            enterprise_id: "ruifeng",
            enterprise_name: hostile,
            address: hostile,
            agency: hostile,
            counselors: "陈静",
            contract_no: "ZA-1",
            build_date: d("2026-11-23"),
        };
        let text = service_calendar_ics(&input, &schedule);
        let starting = |p: &str| text.lines().filter(|l| l.starts_with(p)).count();
        assert_eq!(starting("BEGIN:VEVENT"), 1, "{text}");
        assert_eq!(starting("END:VEVENT"), 1, "{text}");
        assert_eq!(starting("SUMMARY"), 1, "{text}");
        let bad = |c: char| c.is_control() && c != '\r' && c != '\n';
        assert!(
            !text
                .chars()
                .any(|c| bad(c) || c == '\u{2028}' || c == '\u{2029}')
        );
        // Every CR is part of a CRLF line end.
        assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        assert_eq!(events.len(), 1);
        assert_eq!(
            events[0].get_location(),
            Some("永康\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:x[2J\nA\nB\nC")
        );
    }

    #[test]
    fn all_day_events_end_the_next_day_and_done_ones_are_marked() {
        let d = |s: &str| Date::parse(s).unwrap();
        let event = |date: &str, kind, done| ServiceEvent {
            date: d(date),
            kind,
            done,
        };
        let schedule = [
            event("2026-03-10", ServiceKind::安全检查, true),
            event("2026-12-31", ServiceKind::安全培训, false),
        ];
        let input = IcsInput {
            enterprise_id: "ruifeng",
            enterprise_name: "瑞丰",
            address: "永康",
            agency: "正安",
            counselors: "陈静",
            contract_no: "ZA-1",
            build_date: d("2026-11-23"),
        };
        let text = service_calendar_ics(&input, &schedule);
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<&icalendar::Event> = parsed
            .components
            .iter()
            .filter_map(|c| c.as_event())
            .collect();
        let dates = |e: &icalendar::Event| match (e.get_start(), e.get_end()) {
            (Some(DatePerhapsTime::Date(s)), Some(DatePerhapsTime::Date(e))) => (s, e),
            other => panic!("all-day dates expected: {other:?}"),
        };
        let (start, end) = dates(events[0]);
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-03-10".into(), "2026-03-11".into())
        );
        let (start, end) = dates(events[1]);
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-12-31".into(), "2027-01-01".into())
        );
        assert_eq!(events[0].get_summary(), Some("安全检查（已完成）：瑞丰"));
        assert_eq!(events[0].get_status(), Some(EventStatus::Confirmed));
        assert_eq!(events[1].get_summary(), Some("安全培训（计划）：瑞丰"));
        assert_eq!(events[1].get_status(), Some(EventStatus::Tentative));
        assert_eq!(
            events[1].get_uid(),
            Some("ruifeng-2026-12-31-training-1@anquan")
        );
    }
}
