//! 安全生产技术服务方案 (第十五条): basics, diagnosis, findings, the work plan, signatures.

use chrono::Datelike;

use super::*;

pub(super) fn service_plan(cx: &ServiceContext) -> Document {
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
    // Most severe first (重大 before 较大), then in input order.
    let mut severe: Vec<_> = e.risk_points.iter().collect();
    severe.sort_by_key(|r| cx.facts.grade_of(&r.id).map(|g| g.level));
    let majors: Vec<String> = severe
        .into_iter()
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
        "{}；{}。",
        special_equipment_status(e, cx.date),
        chemicals_status(e)
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
                t(match f.closed_on {
                    Some(c) => format!("已整改（{c}）"),
                    None if f.due < cx.date => "逾期未整改".to_string(),
                    None => "整改中".to_string(),
                }),
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
    let months = month_rows(cx.schedule, cx.date);
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
            "服务人员：{}。本方案报{}备查（第十五条）。",
            cx.facts
                .counselors
                .iter()
                .map(|c| format!("{}（{}）", c.name, c.badge_no))
                .collect::<Vec<_>>()
                .join("、"),
            cx.agency.regulator
        )),
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

/// The chemicals in use, those classed hazardous (危险化学品) named apart from the others
/// (`hazard_class: 一般化学品` is not one).
fn chemicals_status(e: &EnterpriseFile) -> String {
    let names = |hazardous: bool| -> Vec<&str> {
        e.chemicals
            .iter()
            .filter(|c| (c.hazard_class != "一般化学品") == hazardous)
            .map(|c| c.name.as_str())
            .collect()
    };
    let (hazardous, ordinary) = (names(true), names(false));
    match (hazardous.is_empty(), ordinary.is_empty()) {
        (true, true) => "不涉及危险化学品".to_string(),
        (true, false) => format!(
            "不涉及危险化学品，使用一般化学品（{}）",
            ordinary.join("、")
        ),
        (false, true) => format!(
            "使用危险化学品 {} 种（{}）",
            hazardous.len(),
            hazardous.join("、")
        ),
        (false, false) => format!(
            "使用危险化学品 {} 种（{}），另有一般化学品（{}）",
            hazardous.len(),
            hazardous.join("、"),
            ordinary.join("、")
        ),
    }
}

/// The special equipment as known on the plan's date: in date, overdue, or with no
/// inspection on record yet (never called valid without a date to show it).
fn special_equipment_status(e: &EnterpriseFile, date: Date) -> String {
    let special: Vec<_> = e.equipment.iter().filter(|q| q.special).collect();
    if special.is_empty() {
        return "无特种设备".to_string();
    }
    let named = |pick: &dyn Fn(Option<Date>) -> bool| -> Vec<String> {
        special
            .iter()
            .filter(|q| pick(q.next_inspection))
            .map(|q| match &q.reg_no {
                Some(no) => format!("{}（{no}）", q.name),
                None => q.name.clone(),
            })
            .collect()
    };
    let overdue = named(&|n| n.is_some_and(|n| n < date));
    let unknown = named(&|n| n.is_none());
    let valid = special.len() - overdue.len() - unknown.len();
    let mut parts = vec![format!("在用特种设备 {} 台", special.len())];
    if valid == special.len() {
        parts.push("均在检验有效期内".to_string());
    } else if valid > 0 {
        parts.push(format!("{valid} 台在检验有效期内"));
    }
    if !overdue.is_empty() {
        parts.push(format!(
            "{}已超过下次检验日期，须立即停用并申报检验",
            overdue.join("、")
        ));
    }
    if !unknown.is_empty() {
        parts.push(format!(
            "{}未提供定期检验记录，须查验检验报告和使用登记证",
            unknown.join("、")
        ));
    }
    parts.join("，")
}

/// One row per month: the days of each kind of service.
/// Days before the plan's date read 已完成 or 无记录, as known on that date.
fn month_rows(schedule: &[ServiceEvent], date: Date) -> Vec<Vec<Vec<Inline>>> {
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
                    .map(|e| match e.status_on(date) {
                        "计划" => format!("{}日", e.date.0.day()),
                        status => format!("{}日（{status}）", e.date.0.day()),
                    })
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
