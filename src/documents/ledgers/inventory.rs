//! Ledgers of what the enterprise has: equipment, PPE, occupational hazards, emergency
//! supplies — with the dates that fall due. A cell the input does not give stays blank;
//! each computed column is explained in the ledger's preface.

use chrono::{Days, Months, NaiveDate};

use super::{Cell, Ledger, LedgerContext, text};
use crate::facts::calendar::WorkCalendar;
use crate::facts::ppe::{hazard_protection, post_ppe};
use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, Equipment, EquipmentStatus};

fn add_months(date: Date, months: u32) -> Date {
    Date(
        date.0
            .checked_add_months(Months::new(months))
            .unwrap_or(date.0),
    )
}

/// 状态: a special equipment's inspection overdue or due within 30 days (unless it is out
/// of use), else the status the input gives.
fn equipment_status(q: &Equipment, date: Date) -> Cell {
    let soon = add_months(date, 1);
    let out_of_use = matches!(
        q.status,
        Some(EquipmentStatus::停用 | EquipmentStatus::报废)
    );
    match q.next_inspection {
        Some(next) if q.special && !out_of_use && next < date => {
            Cell::Alert(format!("超期未检，应于 {next} 前检验"))
        }
        Some(next) if q.special && !out_of_use && next <= soon => {
            Cell::Alert(format!("{next} 到期，需申报检验"))
        }
        _ => text(q.status.map_or("", EquipmentStatus::name)),
    }
}

/// 操作人员及证号: the named operators with the certificates their team entry lists.
fn operators(e: &EnterpriseFile, q: &Equipment) -> String {
    q.operators
        .iter()
        .map(|name| {
            let certificates = e
                .teams
                .iter()
                .flat_map(|t| &t.members)
                .find(|m| &m.name == name)
                .map_or_else(Vec::new, |m| m.certificates.clone());
            if certificates.is_empty() {
                name.clone()
            } else {
                format!("{name}（{}）", certificates.join("、"))
            }
        })
        .collect::<Vec<_>>()
        .join("；")
}

pub fn equipment(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let rows: Vec<Vec<Cell>> = e
        .equipment
        .iter()
        .map(|q| {
            let category = match (q.special, q.category) {
                (_, Some(c)) => c.name(),
                (true, None) => "特种设备",
                (false, None) => "一般设备",
            };
            let date = |d: Option<Date>| d.map_or(Cell::Empty, Cell::Date);
            vec![
                text(q.name.clone()),
                text(category),
                text(q.model.clone()),
                text(q.code.clone().unwrap_or_default()),
                text(q.reg_no.clone().unwrap_or_default()),
                text(e.zone_name(&q.zone)),
                date(q.commissioned_on),
                date(q.inspected_on),
                date(q.next_inspection),
                Cell::Empty,
                text(operators(e, q)),
                text(e.zone_owner(&q.zone)),
                equipment_status(q, cx.date),
            ]
        })
        .collect();
    Ledger::new(
        "设备（特种设备）管理台账",
        "equipment",
        vec![
            "设备名称",
            "类别",
            "型号规格",
            "设备代码",
            "使用登记证编号",
            "使用地点",
            "投用日期",
            "检验日期",
            "下次检验日期",
            "安全附件校验",
            "操作人员及证号",
            "责任人",
            "状态",
        ],
        rows,
    )
    .with_preface(format!(
        "责任人为设备所在区域的负责人；特种设备的下次检验日期已过或在一个月内到期的，状态栏按台账日期（{}）提示。",
        cx.date
    ))
}

pub fn ppe(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let member_of = |name: &str| {
        e.teams
            .iter()
            .find_map(|t| t.members.iter().find(|m| m.name == name).map(|m| (t, m)))
    };
    let mut rows = Vec::new();
    // Issues on record first, with the replacement date their post's cycle gives.
    for issue in &e.records.ppe_issues {
        let member = member_of(&issue.person);
        let post = member.map_or("", |(_, m)| m.post.as_str());
        let cycle = post_ppe(e, post)
            .issued
            .into_iter()
            .find(|p| p.item == issue.item)
            .map(|p| p.cycle_months);
        rows.push(vec![
            Cell::Date(issue.date),
            text(member.map_or(String::new(), |(t, _)| t.name.clone())),
            text(if post.is_empty() {
                String::new()
            } else {
                e.post_name(post)
            }),
            text(issue.person.clone()),
            text(issue.item.clone()),
            text(issue.spec.clone().unwrap_or_default()),
            Cell::Number(f64::from(issue.quantity)),
            match cycle.map(|c| add_months(issue.date, c)) {
                Some(next) if next < cx.date => Cell::Alert(format!("{next} 已到期")),
                Some(next) => Cell::Date(next),
                None => Cell::Empty,
            },
            Cell::Empty,
            text(issue.issuer.clone().unwrap_or_default()),
        ]);
    }
    // Then every member's item of the 配备标准 not yet on record: a line ready to issue
    // and sign. An item only a risk point requires is in no standard, so it has no line.
    for team in &e.teams {
        for member in &team.members {
            for item in post_ppe(e, &member.post).issued {
                let issued = e
                    .records
                    .ppe_issues
                    .iter()
                    .any(|i| i.person == member.name && i.item == item.item);
                if issued {
                    continue;
                }
                rows.push(vec![
                    Cell::Empty,
                    text(team.name.clone()),
                    text(e.post_name(&member.post)),
                    text(member.name.clone()),
                    text(item.item),
                    Cell::Empty,
                    Cell::Empty,
                    // A date once issued; the cycle itself is in the 配备标准.
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
        }
    }
    Ledger::new("个体防护用品发放台账", "ppe", vec!["发放日期", "部门/班组", "岗位", "姓名", "品名", "型号规格", "数量", "下次更换", "领用人签字", "发放人"], rows)
        .with_preface("已发放的记录在前，下次更换日期为发放日期加配备标准规定的更换周期，已过期的标出“已到期”；其后为按配备标准应发放、尚未登记发放的人员和用品，发放时填写日期和数量并由领用人签字。".to_string())
}

pub fn occupational_health(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let rows: Vec<Vec<Cell>> = e
        .occupational_hazards
        .iter()
        .map(|h| {
            let posts: Vec<String> = h.posts.iter().map(|p| e.post_name(p)).collect();
            vec![
                text(h.factor.clone()),
                text(e.zone_name(&h.zone)),
                text(posts.join("、")),
                Cell::Number(f64::from(h.exposed)),
                h.last_monitored.map_or(Cell::Empty, Cell::Date),
                // The interval depends on how serious the hazard is, which the input does not say.
                Cell::Empty,
                text(h.monitored_by.clone().unwrap_or_default()),
                text(h.result.clone().unwrap_or_default()),
                text(h.health_check.clone().unwrap_or_default()),
                text(hazard_protection(e, h).all().join("、")),
            ]
        })
        .collect();
    Ledger::new("职业卫生管理台账", "occupational-health", vec!["危害因素", "作业区域", "接触岗位", "接触人数", "最近检测日期", "下次检测日期", "检测机构", "检测结果（是否超标）", "职业健康检查", "防护设施及用品"], rows)
        .with_preface("下次检测日期由企业按《工作场所职业卫生管理规定》第二十条确定后填写（职业病危害严重的用人单位每年至少检测一次，职业病危害一般的每三年至少检测一次），以职业卫生技术服务机构的评价结论为准。防护设施及用品为风险点管控措施和岗位配备标准中针对该危害因素的部分。".to_string())
}

/// Check dates every `cycle` days from `start` to `end`, each moved to the next working
/// day when it falls on a weekend or holiday (dates moved past `end` are dropped).
fn check_dates(start: Date, end: Date, cycle: u32, calendar: &WorkCalendar) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = Vec::new();
    let mut nominal = start.0;
    while nominal <= end.0 {
        let working = nominal
            .iter_days()
            .take_while(|d| *d <= end.0)
            .find(|d| calendar.is_working_day(*d));
        if let Some(day) = working
            && dates.last() != Some(&day)
        {
            dates.push(day);
        }
        match nominal.checked_add_days(Days::new(u64::from(cycle.max(1)))) {
            Some(next) => nominal = next,
            None => break,
        }
    }
    dates
}

pub fn emergency_supplies(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let mut rows = Vec::new();
    // One line per scheduled check within the service period, to record each check.
    for s in &e.emergency_supplies {
        let date = |d: Option<Date>| d.map_or(Cell::Empty, Cell::Date);
        for day in check_dates(
            e.service.start,
            e.service.end,
            s.check_cycle_days,
            cx.calendar,
        ) {
            rows.push(vec![
                text(s.name.clone()),
                Cell::Number(f64::from(s.quantity)),
                text(e.zone_name(&s.zone)),
                date(s.equipped_on),
                date(s.expires_on),
                Cell::Date(Date(day)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                text(e.zone_owner(&s.zone)),
            ]);
        }
    }
    Ledger::new(
        "应急救援器材管理台账",
        "emergency-supplies",
        vec![
            "器材名称",
            "数量",
            "存放位置",
            "配备日期",
            "有效期",
            "计划检查日期",
            "检查结果",
            "检查人",
            "维护/更换",
            "责任人",
        ],
        rows,
    )
    .with_preface(format!(
        "检查日期自服务期开始（{}）按各器材的检查周期排定，至服务期结束（{}）止，遇休息日、法定节假日顺延至下一个工作日；责任人为存放区域的负责人。检查后填写结果并签名。",
        e.service.start, e.service.end
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::model::DocumentControl;

    fn day(s: &str) -> Date {
        Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn checks_move_to_the_next_working_day() {
        let control: DocumentControl =
            serde_saphyr::from_str("number_prefix: X\nholidays: [2028-10-02]\n").unwrap();
        let calendar = WorkCalendar::new(&control, &Default::default());
        // 2028 is past the built-in table. Sundays 10-01 and 10-08; Monday 10-02 is the
        // site's holiday; the last check moves past the end.
        let dates = check_dates(day("2028-10-01"), day("2028-10-15"), 7, &calendar);
        let shown: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, ["2028-10-03", "2028-10-09"]);
        assert!(dates.iter().all(|d| calendar.is_working_day(*d)));
    }
}
