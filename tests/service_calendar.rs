//! The service calendar of the example (ruifeng, 2026-03-01..2027-02-28): the .ics
//! parsed back, the frequencies of 第十六条 month by month, planned dates on working
//! days only, recorded events marked done, no drill before the 预案.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

#[test]
fn the_service_calendar_parses_and_meets_the_frequencies() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_html(&example(), &out);
    let text = read(&out.join("ruifeng/service-calendar.ics"));
    let calendar: icalendar::Calendar = text.parse().expect("the .ics parses");
    let mut per_month: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut trainings = 0;
    let mut drills = 0;
    for event in calendar.components.iter().filter_map(|c| c.as_event()) {
        use icalendar::{Component, DatePerhapsTime};
        let summary = event.get_summary().unwrap_or_default().to_string();
        let (start, end) = match (event.get_start(), event.get_end()) {
            (Some(DatePerhapsTime::Date(s)), Some(DatePerhapsTime::Date(e))) => (s, e),
            other => panic!("all-day events only: {other:?}"),
        };
        assert_eq!(end, start.succ_opt().unwrap(), "DTEND is the next day");
        assert!(event.get_uid().is_some_and(|u| u.starts_with("ruifeng-")));
        let done = summary.contains("（已完成）");
        let status = event.get_status();
        assert_eq!(
            status == Some(icalendar::EventStatus::Confirmed),
            done,
            "{summary}"
        );
        // On the build date (2026-11-23) a past day with no record is no longer a plan.
        let past = start.to_string().as_str() < "2026-11-23";
        if !done {
            let want = if past {
                "（无记录）"
            } else {
                "（计划）"
            };
            assert!(summary.contains(want), "{start} {summary}");
            assert_eq!(
                status == Some(icalendar::EventStatus::Cancelled),
                past,
                "{summary}"
            );
        }
        if !done {
            assert!(is_working_day(start), "{start} {summary}");
        }
        if summary.starts_with("安全培训") {
            trainings += 1;
        } else if summary.starts_with("应急演练") {
            drills += 1;
            // The 事故应急救援预案 of ruifeng is dated plan_issued_on, 2026-03-20.
            assert!(start.to_string().as_str() >= "2026-03-20", "{start}");
        } else {
            per_month
                .entry(start.format("%Y-%m").to_string())
                .or_default()
                .push(summary);
        }
    }
    // ruifeng: 2026-03 .. 2027-02, 2 visits (1 inspection) a month, 4 trainings and 2 drills a year.
    assert_eq!(per_month.len(), 12);
    for (month, visits) in &per_month {
        assert_eq!(visits.len(), 2, "{month}");
        assert_eq!(
            visits.iter().filter(|s| s.starts_with("安全检查")).count(),
            1,
            "{month}"
        );
    }
    assert_eq!((trainings, drills), (4, 2));
    let m = manifest(&out);
    let calendar_doc = docs(&m, "ruifeng", "service-calendar")[0];
    assert_eq!(calendar_doc["files"]["ics"], "ruifeng/service-calendar.ics");
    let page = text_of(&out, calendar_doc);
    for line in [
        // records.inspections 2026-03-10 is March's inspection: the other visit is planned.
        "2026-03-02 现场服务（无记录）",
        "2027-01-18 现场服务（计划）",
        "2026-03-10 安全检查（已完成）",
        "2026-03-16 安全培训（已完成）",
        "2026-05-26 应急演练（已完成）",
        "国办发明电〔2025〕7号",
        "2027年的放假调休安排尚未公布",
    ] {
        assert!(page.contains(line), "{line}");
    }
}

fn text_of(out: &Path, doc: &serde_json::Value) -> String {
    common::text(&read(&out.join(doc["files"]["html"].as_str().unwrap())))
}
