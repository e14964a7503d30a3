use super::*;

fn example() -> EnterpriseFile {
    let text = include_str!("../../example/enterprises/ruifeng.yaml");
    serde_saphyr::from_str(text).expect("the example parses")
}

fn day(text: &str) -> Date {
    Date::parse(text).expect("date")
}

#[test]
fn full_months_end_before_the_date_and_by_the_contract() {
    let months = full_months(day("2026-03-01"), day("2027-02-28"), day("2026-11-23"));
    let labels: Vec<String> = months.iter().map(Month::label).collect();
    assert_eq!(labels.first().map(String::as_str), Some("2026-03"));
    assert_eq!(labels.last().map(String::as_str), Some("2026-10"));
    assert_eq!(months.len(), 8);
    // Mid-month starts: a month runs to the day before, and is named by its ends.
    let months = full_months(day("2026-01-31"), day("2026-12-31"), day("2026-03-31"));
    assert_eq!(months.len(), 2);
    assert_eq!(months[0].label(), "2026-01-31–2026-02-27");
    // The last day itself is not over yet.
    assert_eq!(
        full_months(day("2026-03-01"), day("2027-02-28"), day("2026-03-31")).len(),
        0
    );
}

#[test]
fn the_example_is_not_behind_and_trainings_are_pro_rata() {
    let e = example();
    let p = progress(&e, day("2026-11-23")).expect("visits are recorded");
    let t: Vec<(u32, u32)> = p.tallies.iter().map(|t| (t.required, t.done)).collect();
    // 8 months: 2 visits and 1 inspection a month; 4 trainings and 2 drills a year → 8·4/12, 8·2/12.
    assert_eq!(t, [(16, 18), (8, 9), (2, 2), (1, 1)]);
    assert!(p.tallies.iter().all(|t| !t.is_behind()));
    // Before the May drill the drill is not yet owed (4·2/12 rounds down to 0).
    let p = progress(&e, day("2026-07-05")).expect("visits");
    assert_eq!((p.tallies[3].required, p.tallies[3].done), (0, 1));
}

#[test]
fn a_finding_is_notified_by_the_first_visit_naming_it() {
    let mut e = example();
    let f = e.service.findings[2].clone();
    assert_eq!(notified_on(&e, &f), day("2026-03-10"));
    e.service.visits = None;
    assert_eq!(notified_on(&e, &f), e.service.plan_issued_on);
    assert!(progress(&e, day("2026-11-23")).is_none());
}
