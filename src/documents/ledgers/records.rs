//! Ledgers of what has happened: meetings, inspections, trainings, investments.

use super::{Cell, Ledger, LedgerContext, text};
use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, InspectionFinding};

fn number(rows: &mut [Vec<Cell>]) {
    for (i, row) in rows.iter_mut().enumerate() {
        row.insert(0, Cell::Number((i + 1) as f64));
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
                text(m.kind.map_or("", |k| k.name())),
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
        let head = [Cell::Date(inspection.date), text(inspection.kind.clone())];
        if inspection.findings.is_empty() {
            let mut row = head.to_vec();
            row.extend([Cell::Empty, text(inspection.inspector.clone())]);
            row.push(text("未发现隐患"));
            row.extend(std::iter::repeat_n(Cell::Empty, 7));
            rows.push(row);
            continue;
        }
        for finding in &inspection.findings {
            let mut row = head.to_vec();
            row.extend(finding_cells(e, cx.date, &inspection.inspector, finding));
            rows.push(row);
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
    .with_preface(
        "检查记录未注明区域、整改措施、期限或完成日期的隐患，取技术服务方案所列同一隐患的记录。"
            .to_string(),
    )
}

/// 区域/部位 to 被查部门负责人签字 of one finding: what the record says, else what the
/// diagnosis visit recorded of the same issue (`service.findings`), else blank.
fn finding_cells(
    e: &EnterpriseFile,
    today: Date,
    inspector: &str,
    finding: &InspectionFinding,
) -> Vec<Cell> {
    let detail = finding.detail();
    let known = e
        .service
        .findings
        .iter()
        .find(|f| f.issue == finding.issue());
    let zone = detail
        .and_then(|d| d.zone.as_deref())
        .or(known.map(|f| f.zone.as_str()));
    let date = |d: Option<Date>| d.map_or(Cell::Empty, Cell::Date);
    let measure = detail
        .and_then(|d| d.measure.clone())
        .or(known.map(|f| f.advice.clone()));
    let due = detail.and_then(|d| d.due).or(known.map(|f| f.due));
    let closed = detail
        .and_then(|d| d.closed_on)
        .or(known.and_then(|f| f.closed_on));
    vec![
        zone.map_or(Cell::Empty, |z| text(e.zone_name(z))),
        text(inspector),
        text(finding.issue()),
        text(detail.map_or("", |d| d.level.name())),
        text(measure.unwrap_or_default()),
        text(
            detail
                .and_then(|d| d.responsible.clone())
                .unwrap_or_default(),
        ),
        date(due),
        match (closed, due) {
            (Some(closed), _) => Cell::Date(closed),
            // Judged at the ledger's date: past its deadline and not closed.
            (None, Some(due)) if due < today => Cell::Alert("逾期未整改".to_string()),
            (None, _) => Cell::Empty,
        },
        Cell::Empty,
        Cell::Empty,
    ]
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
                text(t.kind.map_or("", |k| k.name())),
                text(t.topic.clone()),
                Cell::Number(t.hours),
                text(t.trainer.clone()),
                text(t.attendees.join("、")),
                Cell::Number(t.attendees.len() as f64),
                text(t.assessment.clone().unwrap_or_default()),
                text(t.result.clone().unwrap_or_default()),
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
