use chrono::Weekday;

use super::*;
use crate::facts::holidays::OFFICIAL_YEARS;
use crate::site::model::{
    CalendarInput, DocumentControl, DrillRecord, InspectionRecord, TrainingRecord,
};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The minimal fixture's enterprise with the given contract period.
fn enterprise(start: &str, end: &str) -> EnterpriseFile {
    let yaml = include_str!("../../../tests/fixtures/minimal/enterprises/mini.yaml");
    let mut e: EnterpriseFile = serde_saphyr::from_str(yaml).unwrap();
    e.service.start = d(start);
    e.service.end = d(end);
    e.service.plan_issued_on = d(start);
    e
}

fn official() -> WorkCalendar {
    WorkCalendar::new(&DocumentControl::default(), &CalendarInput::default())
}

fn count(events: &[ServiceEvent], kind: ServiceKind, year: Option<i32>) -> usize {
    events
        .iter()
        .filter(|e| e.kind == kind && year.is_none_or(|y| e.date.0.year() == y))
        .count()
}

/// Every month of the contract has its visits and inspections; every planned event is
/// on a day that the published notices make a working day, inside the contract.
fn assert_monthly_and_on_official_working_days(events: &[ServiceEvent], e: &EnterpriseFile) {
    let months = months_between(e.service.start.0, e.service.end.0);
    let mut month = e.service.start.0.with_day(1).unwrap();
    for _ in 0..months {
        let in_month: Vec<&ServiceEvent> = events
            .iter()
            .filter(|x| (x.date.0.year(), x.date.0.month()) == (month.year(), month.month()))
            .collect();
        let visits = in_month
            .iter()
            .filter(|x| matches!(x.kind, ServiceKind::现场服务 | ServiceKind::安全检查))
            .count();
        let inspections = in_month
            .iter()
            .filter(|x| x.kind == ServiceKind::安全检查)
            .count();
        assert_eq!((visits, inspections), (2, 1), "{month}");
        month = first_of_next_month(month);
    }
    for event in events.iter().filter(|x| !x.done) {
        let day = event.date.0;
        assert!(e.service.start <= event.date && event.date <= e.service.end);
        for year in OFFICIAL_YEARS.iter().filter(|y| y.year == day.year()) {
            assert!(!year.holidays().any(|h| h == day), "{day} is a holiday");
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            assert!(!weekend || year.workdays().any(|w| w == day), "{day}");
        }
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        assert!(
            !weekend || day.year() <= 2026,
            "{day} is an ordinary weekend"
        );
    }
}

#[test]
fn schedule_meets_the_frequencies_on_working_days() {
    let e = enterprise("2026-01-10", "2026-12-31");
    let events = service_schedule(&e, &official());
    assert_monthly_and_on_official_working_days(&events, &e);
    assert_eq!(count(&events, ServiceKind::安全培训, None), 2);
    assert_eq!(count(&events, ServiceKind::应急演练, None), 1);
    assert!(events.iter().all(|x| !x.done));
}

#[test]
fn a_march_to_february_contract_and_a_two_year_one_avoid_every_holiday() {
    let e = enterprise("2026-03-01", "2027-02-28");
    let events = service_schedule(&e, &official());
    assert_monthly_and_on_official_working_days(&events, &e);
    assert_eq!(count(&events, ServiceKind::安全培训, None), 2);
    let e = enterprise("2024-01-01", "2025-12-31");
    let events = service_schedule(&e, &official());
    assert_monthly_and_on_official_working_days(&events, &e);
    for year in [2024, 2025] {
        assert_eq!(
            count(&events, ServiceKind::安全培训, Some(year)),
            2,
            "{year}"
        );
        assert_eq!(
            count(&events, ServiceKind::应急演练, Some(year)),
            1,
            "{year}"
        );
    }
}

#[test]
fn no_drill_before_the_emergency_plan() {
    let mut e = enterprise("2026-01-10", "2026-12-31");
    e.service.frequency.drills_per_year = 2;
    e.enterprise.issued_on = Some(d("2026-09-01"));
    let drills: Vec<Date> = service_schedule(&e, &official())
        .into_iter()
        .filter(|x| x.kind == ServiceKind::应急演练)
        .map(|x| x.date)
        .collect();
    assert_eq!(drills.len(), 2);
    assert!(drills.iter().all(|x| *x >= d("2026-09-01")), "{drills:?}");
    // A plan issued after the first contract year: that year's drill moves to the next.
    let mut e = enterprise("2024-01-01", "2025-12-31");
    e.enterprise.issued_on = Some(d("2025-01-02"));
    let drills: Vec<Date> = service_schedule(&e, &official())
        .into_iter()
        .filter(|x| x.kind == ServiceKind::应急演练)
        .map(|x| x.date)
        .collect();
    assert_eq!(drills.len(), 2);
    assert!(drills.iter().all(|x| *x >= d("2025-01-02")), "{drills:?}");
}

#[test]
fn recorded_events_count_as_done_and_only_the_rest_is_planned() {
    let mut e = enterprise("2026-03-01", "2027-02-28");
    e.service.frequency.trainings_per_year = 4;
    let training = |date: &str| TrainingRecord {
        date: d(date),
        topic: "粉尘防爆".into(),
        hours: 4.0,
        trainer: "陈静".into(),
        attendees: vec![],
        kind: None,
        assessment: None,
        result: None,
    };
    // 2026-02-20 lies before the contract and does not count.
    e.records.trainings = vec![
        training("2026-03-16"),
        training("2026-06-22"),
        training("2026-02-20"),
    ];
    e.records.inspections = vec![InspectionRecord {
        date: d("2026-04-21"),
        kind: "月度综合检查".into(),
        inspector: "陈静".into(),
        findings: vec![],
    }];
    e.records.drills = vec![DrillRecord {
        date: d("2026-05-26"),
        scenario: "粉尘爆炸应急疏散".into(),
        participants: 80,
    }];
    let events = service_schedule(&e, &official());
    assert_monthly_and_on_official_working_days(&events, &e);
    let trainings: Vec<(String, bool)> = events
        .iter()
        .filter(|x| x.kind == ServiceKind::安全培训)
        .map(|x| (x.date.to_string(), x.done))
        .collect();
    assert_eq!(trainings.len(), 4, "{trainings:?}");
    assert!(trainings.contains(&("2026-03-16".into(), true)));
    assert!(trainings.contains(&("2026-06-22".into(), true)));
    assert_eq!(trainings.iter().filter(|t| !t.1).count(), 2);
    let april: Vec<&ServiceEvent> = events
        .iter()
        .filter(|x| x.date.0.month() == 4 && x.date.0.year() == 2026)
        .filter(|x| x.kind != ServiceKind::安全培训)
        .collect();
    assert!(
        april
            .iter()
            .any(|x| x.kind == ServiceKind::安全检查 && x.done)
    );
    assert!(
        april
            .iter()
            .all(|x| x.done || x.kind == ServiceKind::现场服务)
    );
    let drills: Vec<&ServiceEvent> = events
        .iter()
        .filter(|x| x.kind == ServiceKind::应急演练)
        .collect();
    assert_eq!(drills.len(), 1, "the recorded drill is the year's one");
    assert_eq!(drills[0].status_label(), "已完成");
}
