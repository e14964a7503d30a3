//! Every document's own date (spec §6): one table from kind to date, applied in one place.

use crate::documents::model::{Document, Kind};
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

/// Which date a document of this kind carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatedBy {
    /// `service.plan_issued_on`: the 技术服务方案.
    PlanIssued,
    /// `service.start`: what the agency shows when the service begins.
    ServiceStart,
    /// `enterprise.issued_on` (default `plan_issued_on`): the enterprise's own documents.
    EnterpriseIssued,
    /// The build date: records kept up to now, and the plan of the remaining service.
    Build,
}

pub fn dated_by(kind: Kind) -> DatedBy {
    match kind {
        Kind::ServicePlan => DatedBy::PlanIssued,
        Kind::ServiceNotice | Kind::NoticeBoard | Kind::Badge => DatedBy::ServiceStart,
        Kind::System
        | Kind::RiskMap
        | Kind::RiskRegister
        | Kind::ZoneBoard
        | Kind::PostCard
        | Kind::PairRoster
        | Kind::PairAgreement => DatedBy::EnterpriseIssued,
        Kind::Ledger | Kind::ServiceCalendar | Kind::Index => DatedBy::Build,
    }
}

/// The date itself, for an enterprise and a build date.
pub fn date_of(by: DatedBy, e: &EnterpriseFile, build: Date) -> Date {
    match by {
        DatedBy::PlanIssued => e.service.plan_issued_on,
        DatedBy::ServiceStart => e.service.start,
        DatedBy::EnterpriseIssued => e.issued_on(),
        DatedBy::Build => build,
    }
}

/// How a document without a control block prints its date.
fn date_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Ledger => "填报截至",
        Kind::NoticeBoard | Kind::Badge => "公示日期",
        Kind::ServiceNotice => "告知日期",
        Kind::RiskMap | Kind::RiskRegister | Kind::ZoneBoard | Kind::PostCard => "发布日期",
        Kind::PairAgreement => "签订日期",
        _ => "编制日期",
    }
}

/// Gives every document its date and its printed date line.
pub fn stamp(docs: &mut [Document], e: &EnterpriseFile, build: Date) {
    for doc in docs {
        let date = date_of(dated_by(doc.kind), e, build);
        doc.date = Some(date);
        doc.date_line = Some(format!("{}：{}", date_label(doc.kind), date.chinese()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_the_notice_and_the_systems_have_their_own_dates() {
        let text = include_str!("../../example/enterprises/ruifeng.yaml");
        let e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        let build = Date::parse("2026-11-23").expect("date");
        let on = |k| date_of(dated_by(k), &e, build).to_string();
        assert_eq!(on(Kind::ServicePlan), "2026-03-20");
        assert_eq!(on(Kind::ServiceNotice), "2026-03-01");
        assert_eq!(on(Kind::System), e.issued_on().to_string());
        assert_eq!(on(Kind::Ledger), "2026-11-23");
    }
}
