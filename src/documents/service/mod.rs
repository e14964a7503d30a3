//! The agency's own documents for a client (第十五条, 第十六条, 第二十条): the notice board,
//! the service notice, the technical service plan, the service calendar and a badge per
//! serving counselor.

mod calendar;
mod plan;
mod records;
mod report;

pub use records::RecordsContext;

use crate::documents::blocks::{heading as h, paragraph as p, text as t};
use crate::documents::model::{Block, Document, Inline, Kind, Layout, PersonCard};
use crate::documents::sheet::{Print, on_sheet};
use crate::facts::EnterpriseFacts;
use crate::facts::calendar::{ServiceEvent, ServiceKind};
use crate::facts::risk::Level;
use crate::render::engine::{Engines, TemplateError};
use crate::site::date::Date;
use crate::site::model::{Agency, Counselor, EnterpriseFile};

pub struct ServiceContext<'a> {
    pub enterprise_id: &'a str,
    pub enterprise: &'a EnterpriseFile,
    pub facts: &'a EnterpriseFacts,
    pub agency: &'a Agency,
    pub schedule: &'a [ServiceEvent],
    pub date: Date,
    /// Sheet sizes and the published address of the notice board.
    pub print: Print<'a>,
}

const BOARD_BLUE: &str = "#0B3D91";

/// The service documents each see the enterprise as it was on their own date (spec §6).
pub struct ServiceContexts<'a> {
    /// The notice board, the service notice and the badges: `service.start`.
    pub at_start: ServiceContext<'a>,
    /// The technical service plan: `service.plan_issued_on`.
    pub at_plan: ServiceContext<'a>,
    /// The service calendar: the build date.
    pub at_build: ServiceContext<'a>,
}

pub fn service_documents(cx: &ServiceContexts) -> Vec<Document> {
    let start = &cx.at_start;
    let mut docs = vec![
        notice_board(start),
        service_notice(start),
        plan::service_plan(&cx.at_plan),
        calendar::service_calendar(&cx.at_build),
    ];
    docs.extend(start.facts.counselors.iter().map(|c| badge(start, c)));
    docs
}

/// The agency's records (spec §10): a record per visit, a notice per finding, the report.
pub fn record_documents(
    engines: &Engines,
    cx: &RecordsContext,
) -> Result<Vec<Document>, TemplateError> {
    let mut docs = records::visit_records(cx);
    docs.extend(records::rectification_notices(engines, cx)?);
    docs.extend(report::service_report(engines, cx)?);
    Ok(docs)
}

fn doc(
    cx: &ServiceContext,
    kind: Kind,
    title: String,
    slug: String,
    layout: Layout,
    blocks: Vec<Block>,
) -> Document {
    Document::of_enterprise(kind, title, cx.enterprise_id, slug, layout, blocks)
}

fn frequency_text(e: &EnterpriseFile) -> String {
    let f = &e.service.frequency;
    format!(
        "每月现场服务不少于 {} 次（其中安全检查 {} 次），每年安全培训 {} 次、应急演练 {} 次",
        f.site_visits_per_month, f.inspections_per_month, f.trainings_per_year, f.drills_per_year
    )
}

fn counselor_card(c: &Counselor, with_phone: bool) -> PersonCard {
    let mut lines = vec![
        ("姓名".to_string(), c.name.clone()),
        ("工作证号".to_string(), c.badge_no.clone()),
    ];
    if with_phone {
        lines.push(("手机".to_string(), c.phone.clone()));
    }
    PersonCard {
        photo: c.photo.clone(),
        lines,
    }
}

fn notice_board(cx: &ServiceContext) -> Document {
    let e = cx.enterprise;
    let s = &e.service;
    let blocks = vec![
        Block::Band {
            text: "安全生产社会化服务公示牌".into(),
            fill: BOARD_BLUE.into(),
            ink: "#FFFFFF".into(),
        },
        Block::Panel {
            rows: vec![
                ("被托管单位".into(), t(e.enterprise.name.clone())),
                (
                    "主要负责人".into(),
                    t(format!(
                        "{}（{}）　{}",
                        e.enterprise.principal.name,
                        e.enterprise.principal.title,
                        e.enterprise.principal.phone
                    )),
                ),
                (
                    "企业联系人".into(),
                    t(format!("{}　{}", s.contact.name, s.contact.phone)),
                ),
                ("服务机构".into(), t(cx.agency.name.clone())),
                ("服务内容".into(), t(s.scope.join("、"))),
                ("服务频次".into(), t(frequency_text(e))),
                (
                    "服务期限".into(),
                    t(format!(
                        "{}至{}（合同编号 {}）",
                        s.start.chinese(),
                        s.end.chinese(),
                        s.contract_no
                    )),
                ),
            ],
        },
        h("服务人员"),
        Block::Cards {
            cards: cx
                .facts
                .counselors
                .iter()
                .map(|c| counselor_card(c, true))
                .collect(),
        },
        Block::Panel {
            rows: vec![("属地监管部门".into(), t(cx.agency.regulator.clone()))],
        },
        p("依据《安全生产服务机构社会化服务自律管理办法》第二十条公示，接受企业职工和社会监督。"),
        cx.print.phones(
            cx.enterprise_id,
            "notice-board",
            vec![
                ("企业投诉电话".into(), cx.agency.complaint_phone.clone()),
                ("服务机构电话".into(), cx.agency.phone.clone()),
            ],
        ),
    ];
    let board = doc(
        cx,
        Kind::NoticeBoard,
        "服务公示牌".into(),
        "notice-board".into(),
        Layout::Sheet,
        blocks,
    );
    on_sheet(board, cx.print.board)
}

fn service_notice(cx: &ServiceContext) -> Document {
    let e = cx.enterprise;
    let s = &e.service;
    let staff: Vec<Vec<Vec<Inline>>> = cx
        .facts
        .counselors
        .iter()
        .map(|c| {
            vec![
                t(c.name.clone()),
                t(c.badge_no.clone()),
                t(format!("{:?}", c.education)),
                t(c.major.clone()),
                t(c.phone.clone()),
            ]
        })
        .collect();
    let blocks = vec![
        p(format!("{}、{}：", e.enterprise.name, cx.agency.regulator)),
        p(format!(
            "根据{}与{}于{}签订的安全生产托管服务合同（编号 {}），{}自{}起至{}止为{}提供安全生产托管服务。依据《安全生产服务机构社会化服务自律管理办法》第二十条，现将服务项目、服务内容、服务人员和服务时间书面告知如下：",
            cx.agency.name,
            e.enterprise.name,
            s.signed_on.chinese(),
            s.contract_no,
            cx.agency.name,
            s.start.chinese(),
            s.end.chinese(),
            e.enterprise.name
        )),
        h("一、服务项目与内容"),
        Block::List {
            ordered: false,
            start: 1,
            items: s.scope.iter().map(|x| vec![p(x.clone())]).collect(),
        },
        p(
            "具体包括：协助建立健全安全生产责任制和规章制度，开展安全风险辨识评估和隐患排查，开展安全生产教育培训，指导应急预案编制和应急演练，协助建立安全生产台账。",
        ),
        h("二、服务频次"),
        p(format!(
            "{}；服务期内共安排 {} 次现场服务，详见《服务计划》。",
            frequency_text(e),
            cx.schedule
                .iter()
                .filter(|x| matches!(x.kind, ServiceKind::现场服务 | ServiceKind::安全检查))
                .count()
        )),
        h("三、服务人员"),
        Block::Table {
            header: ["姓名", "工作证号", "学历", "专业", "联系电话"]
                .iter()
                .map(|x| t(*x))
                .collect(),
            rows: staff,
        },
        h("四、服务时间"),
        p(format!(
            "{}至{}。《安全生产技术服务方案》自服务协议生效后 30 个工作日内出具并报{}备查（第十五条），计划于{}出具。",
            s.start.chinese(),
            s.end.chinese(),
            cx.agency.regulator,
            s.plan_issued_on.chinese()
        )),
        h("五、监督"),
        p(format!(
            "服务期间如对服务质量有意见，请拨打投诉电话 {}（{}）。",
            cx.agency.complaint_phone, cx.agency.name
        )),
        Block::Signatures {
            labels: vec![format!("{}（盖章）", cx.agency.name), "日期".into()],
        },
    ];
    doc(
        cx,
        Kind::ServiceNotice,
        "服务告知书".into(),
        "service-notice".into(),
        Layout::Portrait,
        blocks,
    )
}

fn badge(cx: &ServiceContext, c: &Counselor) -> Document {
    let mut card = counselor_card(c, false);
    card.lines.push(("专业".into(), c.major.clone()));
    card.lines
        .push(("服务企业".into(), cx.enterprise.enterprise.name.clone()));
    // 第二十条.2 names the badge after the city whose 办法 it is.
    let title = format!(
        "《{}“安全生产托管”辅导员》工作牌",
        cx.agency.city.as_deref().unwrap_or_default()
    );
    let blocks = vec![
        Block::Paragraph {
            content: vec![Inline::Strong { content: t(title) }],
        },
        Block::Band {
            text: cx.agency.name.clone(),
            fill: BOARD_BLUE.into(),
            ink: "#FFFFFF".into(),
        },
        Block::Cards { cards: vec![card] },
        p(format!("监督电话 {}", cx.agency.complaint_phone)),
    ];
    doc(
        cx,
        Kind::Badge,
        format!("辅导员工作牌（{}）", c.name),
        format!("badge-{}", c.id),
        Layout::Card,
        blocks,
    )
}
