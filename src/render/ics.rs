//! The service calendar as iCalendar (RFC 5545), for a counselor's phone: one all-day
//! event per visit, inspection, training and drill. UIDs and stamps are derived from the
//! data, so the file is the same on every build.

use chrono::{NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike};

use crate::facts::calendar::ServiceEvent;
use crate::site::date::Date;

pub struct IcsInput<'a> {
    pub enterprise_id: &'a str,
    pub enterprise_name: &'a str,
    pub address: &'a str,
    pub agency: &'a str,
    pub counselors: &'a str,
    pub contract_no: &'a str,
    pub build_date: Date,
}

pub fn service_calendar_ics(input: &IcsInput, schedule: &[ServiceEvent]) -> String {
    let stamp = Utc.from_utc_datetime(&input.build_date.0.and_time(NaiveTime::MIN));
    let mut calendar = Calendar::new();
    calendar.name(&format!("{} 安全托管服务计划", input.enterprise_name));
    for (i, event) in schedule.iter().enumerate() {
        let summary = format!("{:?}：{}", event.kind, input.enterprise_name);
        let uid = format!("{}-{}-{}@anquan", input.enterprise_id, event.date, i);
        calendar.push(
            icalendar::Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .summary(&summary)
                .description(&format!(
                    "{}；服务人员：{}；合同 {}",
                    input.agency, input.counselors, input.contract_no
                ))
                .location(input.address)
                .all_day(event.date.0)
                .done(),
        );
    }
    calendar.done().to_string()
}
