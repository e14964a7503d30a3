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
    /// A 托管服务现场记录: the date of its visit.
    Visit,
    /// A 隐患整改通知单: the day the finding was notified (`facts::visits::notified_on`:
    /// the first recorded visit naming it, else `plan_issued_on`); its 回执 is judged at
    /// the build date.
    Notified,
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
        Kind::Ledger | Kind::ServiceCalendar | Kind::ServiceReport | Kind::Pack | Kind::Index => {
            DatedBy::Build
        }
        Kind::VisitRecord => DatedBy::Visit,
        Kind::RectificationNotice => DatedBy::Notified,
    }
}

/// The date itself, for an enterprise and a build date. A visit record or a notice is
/// dated by its own event, which its builder sets on the document (`stamp` keeps it); the
/// build date stands in here, as nothing after it is known.
pub fn date_of(by: DatedBy, e: &EnterpriseFile, build: Date) -> Date {
    match by {
        DatedBy::PlanIssued => e.service.plan_issued_on,
        DatedBy::ServiceStart => e.service.start,
        DatedBy::EnterpriseIssued => e.issued_on(),
        DatedBy::Build | DatedBy::Visit | DatedBy::Notified => build,
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
        Kind::VisitRecord => "服务日期",
        Kind::RectificationNotice => "通知日期",
        Kind::ServiceReport => "报告日期",
        _ => "编制日期",
    }
}

/// Gives every document its date and its printed date line.
pub fn stamp(docs: &mut [Document], e: &EnterpriseFile, build: Date) {
    for doc in docs {
        let date = match (dated_by(doc.kind), doc.date) {
            (DatedBy::Visit | DatedBy::Notified, Some(own)) => own,
            (by, _) => date_of(by, e, build),
        };
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
        assert_eq!(on(Kind::ServiceReport), "2026-11-23");
    }

    #[test]
    fn visit_records_and_notices_keep_their_own_dates() {
        let text = include_str!("../../example/enterprises/ruifeng.yaml");
        let e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        let build = Date::parse("2026-11-23").expect("date");
        let visit = Date::parse("2026-03-10").expect("date");
        let mut docs = [
            Kind::VisitRecord,
            Kind::RectificationNotice,
            Kind::ServiceReport,
        ]
        .map(|k| {
            let mut d = Document::of_enterprise(
                k,
                "t".into(),
                "x",
                "s".into(),
                crate::documents::model::Layout::Portrait,
                Vec::new(),
            );
            d.date = Some(visit);
            d
        });
        stamp(&mut docs, &e, build);
        let dates: Vec<Option<Date>> = docs.iter().map(|d| d.date).collect();
        assert_eq!(dates, [Some(visit), Some(visit), Some(build)]);
        assert_eq!(
            docs[0].date_line.as_deref(),
            Some("服务日期：2026年3月10日")
        );
    }
}
