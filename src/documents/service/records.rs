//! The agency's records of its work (spec §10): a 托管服务现场记录 per visit and a
//! 隐患整改通知单 with its 回执 per finding. Each is dated by its own event and shows the
//! enterprise as known then; a notice's 回执 is judged at the build date. The notice's
//! text is `content/service/rectification-notice.md`.

use serde_json::json;
use tera::Context;

use crate::documents::blocks::{header, heading as h, paragraph as p, text as t};
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout, PersonCard};
use crate::facts::as_of::as_of;
use crate::facts::visits::notified_on;
use crate::render::engine::{Engines, TemplateError};
use crate::site::date::Date;
use crate::site::model::{Agency, Counselor, EnterpriseFile, SiteFinding, Visit};

/// What the records of one enterprise are built from.
pub struct RecordsContext<'a> {
    pub enterprise_id: &'a str,
    /// The enterprise with everything recorded: each document takes its own view.
    pub enterprise: &'a EnterpriseFile,
    /// The agency's counselors (`anquan.yaml`), by which visits name theirs.
    pub counselors: &'a [Counselor],
    pub agency: &'a Agency,
    /// The build date: visits after it have not happened.
    pub date: Date,
}

impl RecordsContext<'_> {
    pub(super) fn names(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                self.counselors
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.clone(), |c| format!("{}（{}）", c.name, c.badge_no))
            })
            .collect::<Vec<_>>()
            .join("、")
    }

    fn document(
        &self,
        kind: Kind,
        title: String,
        slug: String,
        date: Date,
        blocks: Vec<Block>,
    ) -> Document {
        let mut doc = Document::of_enterprise(
            kind,
            title,
            self.enterprise_id,
            slug,
            Layout::Portrait,
            blocks,
        );
        doc.date = Some(date);
        doc
    }

    /// The visits made by the build date, in date order.
    fn visits(&self) -> Vec<&Visit> {
        let mut visits: Vec<&Visit> = self
            .enterprise
            .service
            .visits
            .iter()
            .flatten()
            .filter(|v| v.date <= self.date)
            .collect();
        visits.sort_by_key(|v| v.date);
        visits
    }
}

/// A finding's state as a document dated `on` states it.
fn status(f: &SiteFinding, on: Date) -> String {
    match f.closed_on {
        Some(closed) if closed <= on => format!("已整改（{}）", closed),
        _ if f.due < on => "逾期未整改".to_string(),
        _ => "整改中".to_string(),
    }
}

/// A photo with what it shows.
fn photo_card(path: &str, caption: &str) -> PersonCard {
    PersonCard {
        photo: Some(path.to_string()),
        lines: vec![("照片".to_string(), caption.to_string())],
    }
}

pub fn visit_records(cx: &RecordsContext) -> Vec<Document> {
    let visits = cx.visits();
    visits
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let same_day = visits.iter().filter(|w| w.date == v.date).count();
            let earlier = visits[..i].iter().filter(|w| w.date == v.date).count();
            let slug = if same_day > 1 {
                format!("visit-{}-{}", v.date, earlier + 1)
            } else {
                format!("visit-{}", v.date)
            };
            // Two visits on one day are told apart by their kind.
            let title = if same_day > 1 {
                format!("托管服务现场记录（{} {}）", v.date.chinese(), v.kind.name())
            } else {
                format!("托管服务现场记录（{}）", v.date.chinese())
            };
            cx.document(Kind::VisitRecord, title, slug, v.date, visit_blocks(cx, v))
        })
        .collect()
}

fn visit_blocks(cx: &RecordsContext, v: &Visit) -> Vec<Block> {
    let e = as_of(cx.enterprise, v.date);
    let s = &e.service;
    let mut rows = vec![
        ("被服务单位".to_string(), t(e.enterprise.name.clone())),
        ("合同编号".to_string(), t(s.contract_no.clone())),
        ("服务日期".to_string(), t(v.date.chinese())),
        ("服务类型".to_string(), t(v.kind.name())),
        ("服务人员".to_string(), t(cx.names(&v.counselors))),
        (
            "企业联系人".to_string(),
            t(format!("{}　{}", s.contact.name, s.contact.phone)),
        ),
    ];
    if !v.attendees.is_empty() {
        rows.push((
            "参加人员".to_string(),
            t(format!(
                "{}（共 {} 人）",
                v.attendees.join("、"),
                v.attendees.len()
            )),
        ));
    }
    let mut blocks = vec![
        Block::Panel { rows },
        h("一、服务内容"),
        p(v.content.clone()),
    ];
    blocks.push(h("二、隐患排查情况"));
    let found: Vec<&SiteFinding> = v
        .findings
        .iter()
        .filter_map(|issue| s.findings.iter().find(|f| &f.issue == issue))
        .collect();
    if found.is_empty() {
        blocks.push(p("本次服务未记录事故隐患。"));
    } else {
        blocks.push(Block::Table {
            header: header(&["序号", "隐患", "区域", "整改期限", "状态"]),
            rows: found
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    vec![
                        t((i + 1).to_string()),
                        t(f.issue.clone()),
                        t(e.zone_name(&f.zone)),
                        t(f.due.to_string()),
                        t(status(f, v.date)),
                    ]
                })
                .collect(),
        });
    }
    let photos: Vec<PersonCard> = found
        .iter()
        .filter_map(|f| f.photo.as_deref().map(|ph| photo_card(ph, &f.issue)))
        .chain(v.photos.iter().map(|ph| photo_card(ph, "现场照片")))
        .collect();
    if !photos.is_empty() {
        blocks.push(h("三、现场照片"));
        blocks.push(Block::Cards { cards: photos });
    }
    blocks.push(sign(&["服务人员（签字）", "企业确认（签字）"]));
    blocks
}

/// One notice per finding notified by the build date, in the order of `service.findings`.
pub fn rectification_notices(
    engines: &Engines,
    cx: &RecordsContext,
) -> Result<Vec<Document>, TemplateError> {
    let e = cx.enterprise;
    let mut docs = Vec::new();
    for (i, finding) in e.service.findings.iter().enumerate() {
        let notified = notified_on(e, finding);
        if notified > cx.date {
            continue;
        }
        let number = format!("{}-ZG{:02}", e.service.contract_no, i + 1);
        let mut blocks = notice_blocks(engines, cx, finding, notified, &number)?;
        blocks.extend(receipt_blocks(cx, finding));
        docs.push(cx.document(
            Kind::RectificationNotice,
            format!("隐患整改通知单（{}）", finding.issue),
            format!("rectification-notice-{:02}", i + 1),
            notified,
            blocks,
        ));
    }
    Ok(docs)
}

fn notice_blocks(
    engines: &Engines,
    cx: &RecordsContext,
    finding: &SiteFinding,
    notified: Date,
    number: &str,
) -> Result<Vec<Block>, TemplateError> {
    let e = cx.enterprise;
    let visit = e
        .service
        .visits
        .iter()
        .flatten()
        .find(|v| v.date == notified && v.findings.contains(&finding.issue));
    let counselors = visit.map_or(&e.service.counselors, |v| &v.counselors);
    let mut context = Context::new();
    context.insert(
        "notice",
        &json!({
            "number": number,
            "enterprise": e.enterprise.name,
            "agency": cx.agency.name,
            "date": notified.chinese(),
            "visit_kind": visit.map(|v| v.kind.name()),
            "counselors": cx.names(counselors),
            "zone": e.zone_name(&finding.zone),
            "issue": finding.issue,
            "basis": finding.basis,
            "advice": finding.advice,
            "due": finding.due.chinese(),
        }),
    );
    let body = engines.render_content("service/rectification-notice.md", &context)?;
    let mut blocks = to_blocks(&body);
    if let Some(photo) = &finding.photo {
        blocks.push(Block::Cards {
            cards: vec![photo_card(photo, &finding.issue)],
        });
    }
    blocks.push(sign(&["辅导员（签字）", "服务机构（盖章）"]));
    blocks.push(sign(&["签收人（签字）", "签收日期"]));
    Ok(blocks)
}

/// The 回执 as known at the build date: the day it was closed, or a blank line for it.
/// What the enterprise did is its own to write: always a blank line.
fn receipt_blocks(cx: &RecordsContext, finding: &SiteFinding) -> Vec<Block> {
    let closed = finding.closed_on.filter(|d| *d <= cx.date);
    let mut rows = vec![
        ("隐患".to_string(), t(finding.issue.clone())),
        ("整改期限".to_string(), t(finding.due.chinese())),
    ];
    // One line each, wide enough to write on; signers two to a row.
    let mut lines = vec![sign(&["整改措施及完成情况"])];
    match closed {
        Some(day) => rows.push(("整改完成日期".to_string(), t(day.chinese()))),
        None => lines.push(sign(&["整改完成日期"])),
    }
    lines.push(sign(&["企业负责人（签字）", "企业（盖章）"]));
    lines.push(sign(&["复查人（签字）", "复查日期"]));
    vec![
        Block::Rule,
        h("隐患整改回执"),
        p(format!("{}：", cx.agency.name)),
        Block::Panel { rows },
    ]
    .into_iter()
    .chain(lines)
    .collect()
}

/// A row of signature lines.
pub(super) fn sign(labels: &[&str]) -> Block {
    Block::Signatures {
        labels: labels.iter().map(|l| l.to_string()).collect(),
    }
}
