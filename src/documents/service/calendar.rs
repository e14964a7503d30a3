//! 服务计划: a month grid and one line per service date.

use chrono::Datelike;

use super::*;

fn short(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::现场服务 => "服务",
        ServiceKind::安全检查 => "检查",
        ServiceKind::安全培训 => "培训",
        ServiceKind::应急演练 => "演练",
    }
}

pub(super) fn service_calendar(cx: &ServiceContext) -> Document {
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
