//! Ledgers of what has happened: meetings, inspections, trainings, investments.

use super::{Cell, Ledger, LedgerContext, text};

fn number(rows: &mut [Vec<Cell>]) {
    for (i, row) in rows.iter_mut().enumerate() {
        row.insert(0, Cell::Number((i + 1) as f64));
    }
}

/// 会议类型 from the topic, as the minutes name it.
fn meeting_kind(topic: &str) -> &'static str {
    if topic.contains("委员会") || topic.contains("安委会") {
        "安委会会议"
    } else if topic.contains("例会") {
        "月度例会"
    } else if topic.contains("班前") {
        "班前会"
    } else {
        "专题会议"
    }
}

pub fn meetings(cx: &LedgerContext) -> Ledger {
    let mut rows: Vec<Vec<Cell>> = cx
        .enterprise
        .records
        .meetings
        .iter()
        .map(|m| {
            vec![
                Cell::Date(m.date),
                text(m.place.clone().unwrap_or_default()),
                text(meeting_kind(&m.topic)),
                text(m.host.clone()),
                text(m.recorder.clone().unwrap_or_default()),
                text(m.attendees.join("、")),
                text(m.topic.clone()),
                text(m.decisions.join("；")),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]
        })
        .collect();
    number(&mut rows);
    Ledger::new(
        "安全生产会议记录台账",
        "meetings",
        vec![
            "序号",
            "日期",
            "地点",
            "会议类型",
            "主持人",
            "记录人",
            "参会人（签到）",
            "议题",
            "决议",
            "责任人",
            "期限",
            "落实情况",
        ],
        rows,
    )
}

pub fn inspections(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let mut rows = Vec::new();
    for inspection in &e.records.inspections {
        if inspection.findings.is_empty() {
            rows.push(vec![
                Cell::Date(inspection.date),
                text(inspection.kind.clone()),
                text("全厂"),
                text(inspection.inspector.clone()),
                text("未发现隐患"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ]);
            continue;
        }
        for issue in &inspection.findings {
            // A finding recorded at the diagnosis visit gives place, measure and dates.
            let known = e.service.findings.iter().find(|f| &f.issue == issue);
            let zone = known.and_then(|f| e.zones.iter().find(|z| z.id == f.zone));
            rows.push(vec![
                Cell::Date(inspection.date),
                text(inspection.kind.clone()),
                text(zone.map_or(String::new(), |z| z.name.clone())),
                text(inspection.inspector.clone()),
                text(issue.clone()),
                text("一般"),
                text(known.map_or(String::new(), |f| f.advice.clone())),
                text(zone.map_or(String::new(), |z| z.owner.clone())),
                known.map_or(Cell::Empty, |f| Cell::Date(f.due)),
                known
                    .and_then(|f| f.closed_on)
                    .map_or(Cell::Empty, Cell::Date),
                Cell::Empty,
                Cell::Empty,
            ]);
        }
    }
    Ledger::new(
        "安全生产检查记录台账",
        "inspections",
        vec![
            "日期",
            "检查类型",
            "区域/部位",
            "检查人",
            "隐患描述",
            "隐患等级",
            "整改措施",
            "整改责任人",
            "整改期限",
            "完成日期",
            "复查人/结果",
            "被查部门负责人签字",
        ],
        rows,
    )
}

/// 培训类型 from the topic (三级/年度/转岗/复工/四新/特种作业/负责人).
fn training_kind(topic: &str) -> &'static str {
    if topic.contains("三级") || topic.contains("新员工") || topic.contains("入职") {
        "三级教育"
    } else if topic.contains("复工") {
        "复工培训"
    } else if topic.contains("转岗") {
        "转岗培训"
    } else if topic.contains("特种作业") || topic.contains("复审") {
        "特种作业"
    } else if topic.contains("负责人") {
        "负责人培训"
    } else {
        "专项培训"
    }
}

pub fn trainings(cx: &LedgerContext) -> Ledger {
    let rows: Vec<Vec<Cell>> = cx
        .enterprise
        .records
        .trainings
        .iter()
        .map(|t| {
            vec![
                Cell::Date(t.date),
                text(training_kind(&t.topic)),
                text(t.topic.clone()),
                Cell::Number(t.hours),
                text(t.trainer.clone()),
                text(t.attendees.join("、")),
                Cell::Number(t.attendees.len() as f64),
                text("闭卷考试"),
                Cell::Empty,
            ]
        })
        .collect();
    Ledger::new(
        "安全生产教育培训记录台账",
        "trainings",
        vec![
            "日期",
            "培训类型",
            "培训内容",
            "学时",
            "授课人",
            "参加人员",
            "人数",
            "考核方式",
            "考核结果",
        ],
        rows,
    )
}

pub fn investments(cx: &LedgerContext) -> Ledger {
    let mut running = 0.0;
    let rows: Vec<Vec<Cell>> = cx
        .enterprise
        .records
        .investments
        .iter()
        .map(|i| {
            running += i.amount;
            vec![
                Cell::Date(i.date),
                text(i.voucher.clone().unwrap_or_default()),
                text(i.category.clone()),
                text(i.item.clone()),
                Cell::Amount(i.amount),
                Cell::Amount(running),
                text(i.handler.clone().unwrap_or_default()),
                text(i.approver.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let year = cx.enterprise.service.start.0.format("%Y");
    Ledger::new("安全生产投入费用使用台账", "investments", vec![
            "日期",
            "凭证号",
            "费用类别",
            "项目",
            "金额（元）",
            "累计（元）",
            "经办人",
            "审批人",
        ], rows)
        .with_preface(format!(
            "{year} 年度安全生产费用提取：上一年度营业收入 ________ 万元，提取标准 ________（财资〔2022〕136号），本年度应提取 ________ 万元，实际提取 ________ 万元。"
        ))
        .with_total(4)
}
