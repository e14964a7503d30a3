//! 服务计划: a month grid and one line per service date, planned or done.

use chrono::Datelike;

use super::*;
use crate::facts::calendar::YearSource;
use crate::facts::holidays::STATUTORY_BASIS;

/// Marks a done event in the month grid.
const DONE_MARK: &str = "√";

pub(super) fn service_calendar(cx: &ServiceContext) -> Document {
    let s = &cx.enterprise.service;
    let mut blocks = vec![
        p(format!(
            "服务期 {} 至 {}，{}。",
            s.start,
            s.end,
            frequency_text(cx.enterprise)
        )),
        p(working_day_note(&cx.facts.contract_years)),
        p(format!(
            "“计划”为拟安排日期；“已完成”为已记录的实际日期，月历中以“{DONE_MARK}”标出；“无记录”为截至{}已过而尚无记录的计划日期，须补录或补做。日历文件 service-calendar.ics 可导入手机日历。",
            cx.date.chinese()
        )),
    ];
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
            .map(|e| {
                vec![p(format!(
                    "{} {}（{}）",
                    e.date,
                    e.kind.label(),
                    e.status_on(cx.date)
                ))]
            })
            .collect();
        blocks.push(Block::List {
            ordered: false,
            start: 1,
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

/// Which days were taken out, year by year, and on what basis: true only as far as the
/// holiday data reaches.
fn working_day_note(years: &[(i32, YearSource)]) -> String {
    let joined = |wanted: &dyn Fn(YearSource) -> bool| -> String {
        years
            .iter()
            .filter(|(_, source)| wanted(*source))
            .map(|(y, _)| format!("{y}年"))
            .collect::<Vec<_>>()
            .join("、")
    };
    let citations: Vec<String> = years
        .iter()
        .filter_map(|(_, source)| match source {
            YearSource::Notice(notice) => Some(notice.citation()),
            _ => None,
        })
        .collect();
    let basis = if citations.is_empty() {
        String::new()
    } else {
        format!("（依据{}）", citations.join("、"))
    };
    let complete = joined(&|s| s.is_complete());
    if years.iter().all(|(_, s)| s.is_complete()) {
        return format!("计划日期均为工作日：已扣除周末和法定节假日，计入调休上班日{basis}。");
    }
    let mut parts = Vec::new();
    if !complete.is_empty() {
        parts.push(format!(
            "{complete}已扣除周末和法定节假日，计入调休上班日{basis}"
        ));
    }
    let statutory = joined(&|s| s == YearSource::StatutoryOnly);
    if !statutory.is_empty() {
        parts.push(format!(
            "{statutory}的放假调休安排尚未公布，暂只扣除周末和{STATUTORY_BASIS}规定的法定节假日"
        ));
    }
    let weekends = joined(&|s| s == YearSource::WeekendsOnly);
    if !weekends.is_empty() {
        parts.push(format!("{weekends}的放假调休安排尚未公布，暂只扣除周末"));
    }
    format!(
        "计划日期均为工作日：{}。国务院办公厅公布后，按公布的安排调整。",
        parts.join("；")
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
        let marks: Vec<String> = schedule
            .iter()
            .filter(|e| e.date.0 == day)
            .map(|e| {
                let mark = if e.done { DONE_MARK } else { "" };
                format!("{}{mark}", e.kind.names().short)
            })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::holidays::official_year;

    fn notice(year: i32) -> YearSource {
        YearSource::Notice(official_year(year).and_then(|y| y.notice).unwrap())
    }

    #[test]
    fn the_note_says_what_was_taken_out_and_only_that() {
        let all = working_day_note(&[(2025, notice(2025)), (2026, notice(2026))]);
        assert!(
            all.contains("已扣除周末和法定节假日，计入调休上班日"),
            "{all}"
        );
        assert!(all.contains("国办发明电〔2024〕12号") && all.contains("国办发明电〔2025〕7号"));
        assert!(!all.contains("尚未公布"));
        let partial = working_day_note(&[
            (2026, notice(2026)),
            (2027, YearSource::StatutoryOnly),
            (2028, YearSource::WeekendsOnly),
        ]);
        assert!(
            partial.contains("2026年已扣除周末和法定节假日")
                && partial.contains("2027年的放假调休安排尚未公布，暂只扣除周末和《全国年节及纪念日放假办法》规定的法定节假日")
                && partial.contains("2028年的放假调休安排尚未公布，暂只扣除周末。"),
            "{partial}"
        );
        let site = working_day_note(&[(2028, YearSource::Site)]);
        assert_eq!(
            site,
            "计划日期均为工作日：已扣除周末和法定节假日，计入调休上班日。"
        );
    }
}
