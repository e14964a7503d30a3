//! What was known on a date (spec §6): a view of an enterprise in which every record,
//! inspection, rectification and measurement dated after that day is absent, so that a
//! document dated then neither shows nor counts it, and judges no status at another date.
//! Planned dates (a finding's `due`, the next inspection of an inspection already made,
//! the service calendar) stay: they were known in advance.

use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, InspectionFinding};

pub fn as_of(e: &EnterpriseFile, date: Date) -> EnterpriseFile {
    let mut view = e.clone();
    let known = |d: &Date| *d <= date;
    let r = &mut view.records;
    r.meetings.retain(|x| known(&x.date));
    r.inspections.retain(|x| known(&x.date));
    for finding in r.inspections.iter_mut().flat_map(|x| x.findings.iter_mut()) {
        if let InspectionFinding::Detailed(detail) = finding
            && detail.closed_on.as_ref().is_some_and(|d| !known(d))
        {
            detail.closed_on = None;
        }
    }
    r.trainings.retain(|x| known(&x.date));
    r.investments.retain(|x| known(&x.date));
    r.ppe_issues.retain(|x| known(&x.date));
    r.drills.retain(|x| known(&x.date));
    // Equipment commissioned and supplies equipped later were not there yet.
    view.equipment
        .retain(|q| q.commissioned_on.as_ref().is_none_or(known));
    view.emergency_supplies
        .retain(|s| s.equipped_on.as_ref().is_none_or(known));
    for q in &mut view.equipment {
        // The next inspection date comes from the inspection: unknown before it was made.
        if q.inspected_on.as_ref().is_some_and(|d| !known(d)) {
            q.inspected_on = None;
            q.next_inspection = None;
        }
    }
    if let Some(visits) = &mut view.service.visits {
        visits.retain(|v| known(&v.date));
    }
    for f in &mut view.service.findings {
        if f.closed_on.as_ref().is_some_and(|d| !known(d)) {
            f.closed_on = None;
        }
    }
    for h in &mut view.occupational_hazards {
        // The monitoring's agency and result come with it.
        if h.last_monitored.as_ref().is_some_and(|d| !known(d)) {
            h.last_monitored = None;
            h.monitored_by = None;
            h.result = None;
        }
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> EnterpriseFile {
        let text = include_str!("../../example/enterprises/ruifeng.yaml");
        serde_saphyr::from_str(text).expect("the example parses")
    }

    #[test]
    fn later_records_are_unknown() {
        let e = example();
        let day = Date::parse("2026-03-20").expect("date");
        let v = as_of(&e, day);
        assert!(v.records.inspections.iter().all(|x| x.date <= day));
        assert!(v.records.inspections.len() < e.records.inspections.len());
        assert!(v.records.drills.is_empty());
        let visits = v.service.visits.as_ref().expect("visits");
        assert!(visits.iter().all(|x| x.date <= day) && visits.len() == 2);
        // Closed on 2026-03-25: still open on the 20th, but its due date stays.
        let f = &v.service.findings[0];
        assert_eq!(f.closed_on, None);
        assert_eq!(f.due, e.service.findings[0].due);
        // The air receiver was inspected on 2026-06-20: nothing of it is known in March.
        let tank = v
            .equipment
            .iter()
            .find(|q| q.name == "储气罐")
            .expect("tank");
        assert_eq!((tank.inspected_on, tank.next_inspection), (None, None));
        assert!(
            v.occupational_hazards
                .iter()
                .all(|h| h.last_monitored.is_none())
        );
    }

    #[test]
    fn nothing_is_lost_at_a_later_date() {
        let e = example();
        let v = as_of(&e, Date::parse("2027-12-31").expect("date"));
        assert_eq!(v.records.inspections.len(), e.records.inspections.len());
        assert_eq!(
            v.service
                .findings
                .iter()
                .filter(|f| f.closed_on.is_some())
                .count(),
            2
        );
    }
}
