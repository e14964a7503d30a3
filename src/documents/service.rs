//! The agency's own documents for a client (第十五条, 第十六条, 第二十条): the notice board,
//! the service notice, the technical service plan, the service calendar and a badge per
//! serving counselor.

use chrono::Datelike;

use crate::documents::model::{Block, Document, Inline, Kind, Layout, PersonCard};
use crate::facts::EnterpriseFacts;
use crate::facts::calendar::{ServiceEvent, ServiceKind};
use crate::facts::risk::Level;
use crate::site::date::Date;
use crate::site::model::{Agency, Counselor, EnterpriseFile};

pub struct ServiceContext<'a> {
    pub enterprise_id: &'a str,
    pub enterprise: &'a EnterpriseFile,
    pub facts: &'a EnterpriseFacts,
    pub agency: &'a Agency,
    pub schedule: &'a [ServiceEvent],
    pub date: Date,
}

const BOARD_BLUE: &str = "#0B3D91";

pub fn service_documents(cx: &ServiceContext) -> Vec<Document> {
    let mut docs = vec![
        notice_board(cx),
        service_notice(cx),
        service_plan(cx),
        service_calendar(cx),
    ];
    docs.extend(cx.facts.counselors.iter().map(|c| badge(cx, c)));
    docs
}

fn doc(
    cx: &ServiceContext,
    kind: Kind,
    title: String,
    slug: String,
    layout: Layout,
    blocks: Vec<Block>,
) -> Document {
    Document {
        kind,
        title,
        enterprise: Some(cx.enterprise_id.to_string()),
        slug,
        control: None,
        layout,
        members: Vec::new(),
        blocks,
    }
}

fn t(text: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(text)]
}

fn p(text: impl Into<String>) -> Block {
    Block::Paragraph { content: t(text) }
}

fn h(text: &str) -> Block {
    Block::Heading {
        level: 2,
        content: t(text),
    }
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
            text: "安全生产托管服务公示牌".into(),
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
                        "{} 至 {}（合同编号 {}）",
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
            rows: vec![
                ("企业投诉电话".into(), t(cx.agency.complaint_phone.clone())),
                ("服务机构电话".into(), t(cx.agency.phone.clone())),
                ("属地监管部门".into(), t(cx.agency.regulator.clone())),
            ],
        },
        p("依据《安全生产服务机构社会化服务自律管理办法》第二十条公示，接受企业职工和社会监督。"),
    ];
    doc(
        cx,
        Kind::NoticeBoard,
        "服务公示牌".into(),
        "notice-board".into(),
        Layout::Portrait,
        blocks,
    )
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
            "根据双方于 {} 签订的安全生产托管服务合同（编号 {}），{}自 {} 起至 {} 止为{}提供安全生产托管服务。依据《安全生产服务机构社会化服务自律管理办法》第二十条，现将服务项目、服务内容、服务人员和服务时间书面告知如下：",
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
            "{} 至 {}。技术服务方案于 {} 出具。",
            s.start.chinese(),
            s.end.chinese(),
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

fn service_plan(cx: &ServiceContext) -> Document {
    let e = cx.enterprise;
    let s = &e.service;
    let count = |l: Level| {
        cx.facts
            .grades
            .iter()
            .filter(|g| g.grade.level == l)
            .count()
    };
    let zone = |id: &str| {
        e.zones
            .iter()
            .find(|z| z.id == id)
            .map_or(id.to_string(), |z| z.name.clone())
    };
    let overdue: Vec<String> = e
        .equipment
        .iter()
        .filter(|q| q.special && q.next_inspection.is_some_and(|n| n < cx.date))
        .map(|q| format!("{}（{}）", q.name, q.reg_no.clone().unwrap_or_default()))
        .collect();
    let special = e.equipment.iter().filter(|q| q.special).count();
    let majors: Vec<String> = e
        .risk_points
        .iter()
        .filter(|r| {
            cx.facts
                .grade_of(&r.id)
                .is_some_and(|g| g.level <= Level::较大)
        })
        .map(|r| {
            format!(
                "{}（{}，{}）",
                r.name,
                zone(&r.zone),
                cx.facts.grade_of(&r.id).map_or("", |g| g.level.name())
            )
        })
        .collect();
    let r = &e.records;
    let mut diagnosis = vec![format!(
        "经现场诊断，企业共辨识风险点 {} 个，其中重大风险 {} 个、较大风险 {} 个、一般风险 {} 个、低风险 {} 个{}。",
        e.risk_points.len(),
        count(Level::重大),
        count(Level::较大),
        count(Level::一般),
        count(Level::低),
        if majors.is_empty() {
            String::new()
        } else {
            format!(
                "；较大以上风险为{}，是本服务期的管控重点",
                majors.join("、")
            )
        }
    )];
    diagnosis.push(format!(
        "在用特种设备 {special} 台{}；{}。",
        if overdue.is_empty() {
            "，均在检验有效期内".to_string()
        } else {
            format!(
                "，其中{}已超过下次检验日期，须立即停用并申报检验",
                overdue.join("、")
            )
        },
        if e.chemicals.is_empty() {
            "不涉及危险化学品".to_string()
        } else {
            format!(
                "使用危险化学品 {} 种（{}）",
                e.chemicals.len(),
                e.chemicals
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        }
    ));
    diagnosis.push(format!(
        "安全管理基础：已有会议记录 {} 次、检查记录 {} 次、培训记录 {} 次、安全投入记录 {} 笔、应急演练 {} 次；存在职业病危害因素 {} 项。现场检查发现隐患 {} 项，已整改 {} 项。",
        r.meetings.len(),
        r.inspections.len(),
        r.trainings.len(),
        r.investments.len(),
        r.drills.len(),
        e.occupational_hazards.len(),
        s.findings.len(),
        s.findings.iter().filter(|f| f.closed_on.is_some()).count()
    ));
    let findings: Vec<Vec<Vec<Inline>>> = s
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                t((i + 1).to_string()),
                t(zone(&f.zone)),
                t(f.issue.clone()),
                t(f.basis.clone()),
                t(f.advice.clone()),
                t(f.due.to_string()),
                t(f.closed_on
                    .map_or("未整改".to_string(), |c| format!("已整改（{c}）"))),
            ]
        })
        .collect();
    let photos: Vec<PersonCard> = s
        .findings
        .iter()
        .filter_map(|f| {
            f.photo.as_ref().map(|p| PersonCard {
                photo: Some(p.clone()),
                lines: vec![("隐患".into(), f.issue.clone())],
            })
        })
        .collect();
    let months = month_rows(cx.schedule);
    let total = |k: ServiceKind| {
        cx.schedule
            .iter()
            .filter(|x| x.kind == k)
            .count()
            .to_string()
    };
    let mut blocks = vec![
        h("一、企业基本情况"),
        Block::Panel {
            rows: vec![
                ("企业名称".into(), t(e.enterprise.name.clone())),
                (
                    "统一社会信用代码".into(),
                    t(e.enterprise.credit_code.clone()),
                ),
                ("地址".into(), t(e.enterprise.address.clone())),
                ("行业".into(), t(e.enterprise.industry.clone())),
                (
                    "从业人员".into(),
                    t(format!(
                        "{} 人，{} 个部门、{} 个班组",
                        e.enterprise.employees,
                        e.departments.len(),
                        e.teams.len()
                    )),
                ),
                (
                    "主要负责人".into(),
                    t(format!(
                        "{}（{}）{}",
                        e.enterprise.principal.name,
                        e.enterprise.principal.title,
                        e.enterprise.principal.phone
                    )),
                ),
                (
                    "安全管理人员".into(),
                    t(format!(
                        "{}（{}）",
                        e.enterprise.safety_officer.name, e.enterprise.safety_officer.certificate
                    )),
                ),
            ],
        },
        h("二、安全生产现状及问题诊断"),
    ];
    blocks.extend(diagnosis.into_iter().map(p));
    blocks.push(h("三、现场隐患及整改依据与建议"));
    if findings.is_empty() {
        blocks.push(p("诊断期间未发现需要列明的现场隐患。"));
    } else {
        blocks.push(Block::Table {
            header: [
                "序号",
                "区域",
                "隐患",
                "依据",
                "整改建议",
                "整改期限",
                "状态",
            ]
            .iter()
            .map(|x| t(*x))
            .collect(),
            rows: findings,
        });
    }
    if !photos.is_empty() {
        blocks.push(Block::Cards { cards: photos });
    }
    blocks.extend([
        h("四、服务工作计划"),
        Block::Table {
            header: ["服务项目", "频次", "服务期内次数"]
                .iter()
                .map(|x| t(*x))
                .collect(),
            rows: vec![
                vec![
                    t("现场服务（含安全检查）"),
                    t(format!("每月 {} 次", s.frequency.site_visits_per_month)),
                    t((cx
                        .schedule
                        .iter()
                        .filter(|x| matches!(x.kind, ServiceKind::现场服务 | ServiceKind::安全检查))
                        .count())
                    .to_string()),
                ],
                vec![
                    t("安全检查"),
                    t(format!("每月 {} 次", s.frequency.inspections_per_month)),
                    t(total(ServiceKind::安全检查)),
                ],
                vec![
                    t("安全培训"),
                    t(format!("每年 {} 次", s.frequency.trainings_per_year)),
                    t(total(ServiceKind::安全培训)),
                ],
                vec![
                    t("应急演练"),
                    t(format!("每年 {} 次", s.frequency.drills_per_year)),
                    t(total(ServiceKind::应急演练)),
                ],
            ],
        },
        Block::Table {
            header: ["月份", "现场服务", "安全检查", "安全培训", "应急演练"]
                .iter()
                .map(|x| t(*x))
                .collect(),
            rows: months,
        },
        p(format!(
            "服务人员：{}。本方案报{}备案。",
            cx.facts
                .counselors
                .iter()
                .map(|c| format!("{}（{}）", c.name, c.badge_no))
                .collect::<Vec<_>>()
                .join("、"),
            cx.agency.regulator
        )),
        p(format!("编制日期：{}", s.plan_issued_on.chinese())),
        Block::Signatures {
            labels: cx
                .facts
                .counselors
                .iter()
                .map(|c| format!("辅导员 {}", c.name))
                .chain([format!("机构负责人 {}", cx.agency.principal)])
                .collect(),
        },
    ]);
    doc(
        cx,
        Kind::ServicePlan,
        "安全生产技术服务方案".into(),
        "service-plan".into(),
        Layout::Portrait,
        blocks,
    )
}

/// One row per month: the days of each kind of service.
fn month_rows(schedule: &[ServiceEvent]) -> Vec<Vec<Vec<Inline>>> {
    let mut months: Vec<(i32, u32)> = schedule
        .iter()
        .map(|e| (e.date.0.year(), e.date.0.month()))
        .collect();
    months.dedup();
    months
        .into_iter()
        .map(|(y, m)| {
            let days = |k: ServiceKind| {
                let list: Vec<String> = schedule
                    .iter()
                    .filter(|e| e.kind == k && e.date.0.year() == y && e.date.0.month() == m)
                    .map(|e| format!("{}日", e.date.0.day()))
                    .collect();
                t(if list.is_empty() {
                    "—".to_string()
                } else {
                    list.join("、")
                })
            };
            vec![
                t(format!("{y}年{m}月")),
                days(ServiceKind::现场服务),
                days(ServiceKind::安全检查),
                days(ServiceKind::安全培训),
                days(ServiceKind::应急演练),
            ]
        })
        .collect()
}

fn short(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::现场服务 => "服务",
        ServiceKind::安全检查 => "检查",
        ServiceKind::安全培训 => "培训",
        ServiceKind::应急演练 => "演练",
    }
}

fn service_calendar(cx: &ServiceContext) -> Document {
    let s = &cx.enterprise.service;
    let mut blocks = vec![p(format!(
        "服务期 {} 至 {}，{}。计划日期均为工作日（已扣除周末和法定节假日，计入调休上班日）；日历文件 service-calendar.ics 可导入手机日历。",
        s.start,
        s.end,
        frequency_text(cx.enterprise)
    ))];
    let mut months: Vec<(i32, u32)> = cx
        .schedule
        .iter()
        .map(|e| (e.date.0.year(), e.date.0.month()))
        .collect();
    months.dedup();
    for (y, m) in months {
        blocks.push(h(&format!("{y}年{m}月")));
        blocks.push(month_grid(cx.schedule, y, m));
        let lines: Vec<Vec<Block>> = cx
            .schedule
            .iter()
            .filter(|e| e.date.0.year() == y && e.date.0.month() == m)
            .map(|e| vec![p(format!("{} {:?}", e.date, e.kind))])
            .collect();
        blocks.push(Block::List {
            ordered: false,
            items: lines,
        });
    }
    doc(
        cx,
        Kind::ServiceCalendar,
        "服务计划".into(),
        "service-calendar".into(),
        Layout::Portrait,
        blocks,
    )
}

/// A month as a table of weeks, Monday first; service days are marked.
fn month_grid(schedule: &[ServiceEvent], year: i32, month: u32) -> Block {
    let Some(first) = chrono::NaiveDate::from_ymd_opt(year, month, 1) else {
        return p("");
    };
    let mut rows = Vec::new();
    let mut week: Vec<Vec<Inline>> =
        vec![Vec::new(); first.weekday().num_days_from_monday() as usize];
    for day in first.iter_days().take_while(|d| d.month() == month) {
        let marks: Vec<&str> = schedule
            .iter()
            .filter(|e| e.date.0 == day)
            .map(|e| short(e.kind))
            .collect();
        let mut cell = t(day.day().to_string());
        if !marks.is_empty() {
            cell.push(Inline::Break);
            cell.push(Inline::Strong {
                content: t(marks.join("、")),
            });
        }
        week.push(cell);
        if week.len() == 7 {
            rows.push(std::mem::take(&mut week));
        }
    }
    if !week.is_empty() {
        week.resize(7, Vec::new());
        rows.push(week);
    }
    Block::Table {
        header: ["一", "二", "三", "四", "五", "六", "日"]
            .iter()
            .map(|x| t(*x))
            .collect(),
        rows,
    }
}

fn badge(cx: &ServiceContext, c: &Counselor) -> Document {
    let mut card = counselor_card(c, false);
    card.lines.push(("专业".into(), c.major.clone()));
    card.lines
        .push(("服务企业".into(), cx.enterprise.enterprise.name.clone()));
    let blocks = vec![
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
