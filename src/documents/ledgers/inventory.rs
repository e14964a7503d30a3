//! Ledgers of what the enterprise has: equipment, PPE, occupational hazards, emergency
//! supplies — with the dates that fall due.

use chrono::{Days, Months};

use super::{Cell, Ledger, LedgerContext, text};
use crate::site::date::Date;

fn add_months(date: Date, months: u32) -> Date {
    Date(
        date.0
            .checked_add_months(Months::new(months))
            .unwrap_or(date.0),
    )
}

/// 特种设备 category from the equipment name (TSG catalogue wording).
fn special_kind(name: &str) -> &'static str {
    if name.contains("起重") || name.contains("行车") || name.contains("升降") {
        "起重机械"
    } else if name.contains("叉车") || name.contains("车辆") {
        "场（厂）内专用机动车辆"
    } else if name.contains("锅炉") {
        "锅炉"
    } else if name.contains("罐") || name.contains("容器") || name.contains("釜") {
        "压力容器"
    } else if name.contains("气瓶") {
        "气瓶"
    } else if name.contains("电梯") {
        "电梯"
    } else {
        "特种设备"
    }
}

pub fn equipment(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let soon = Date(
        cx.date
            .0
            .checked_add_days(Days::new(30))
            .unwrap_or(cx.date.0),
    );
    let rows: Vec<Vec<Cell>> = e
        .equipment
        .iter()
        .map(|q| {
            // Certified operators: members whose certificate names the equipment's kind.
            let key = if q.name.contains("叉车") {
                "叉车"
            } else if q.name.contains("起重") {
                "起重"
            } else {
                "\u{0}"
            };
            let operators: Vec<String> = e
                .teams
                .iter()
                .flat_map(|t| &t.members)
                .filter(|m| m.certificates.iter().any(|c| c.contains(key)))
                .map(|m| format!("{}（{}）", m.name, m.certificates.join("、")))
                .collect();
            let status = match q.next_inspection {
                Some(next) if q.special && next < cx.date => {
                    Cell::Alert(format!("超期未检，应于 {next} 前检验"))
                }
                Some(next) if q.special && next <= soon => {
                    Cell::Alert(format!("{next} 到期，需申报检验"))
                }
                _ => text("在用"),
            };
            vec![
                text(q.name.clone()),
                text(if q.special {
                    special_kind(&q.name)
                } else {
                    "一般设备"
                }),
                text(q.model.clone()),
                Cell::Empty,
                text(q.reg_no.clone().unwrap_or_default()),
                text(e.zone_name(&q.zone)),
                Cell::Empty,
                q.inspected_on.map_or(Cell::Empty, Cell::Date),
                q.next_inspection.map_or(Cell::Empty, Cell::Date),
                Cell::Empty,
                text(operators.join("；")),
                text(e.zone_owner(&q.zone)),
                status,
            ]
        })
        .collect();
    Ledger::new(
        "设备(特种设备)管理台账",
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
}

pub fn ppe(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let mut rows = Vec::new();
    // Issues on record first, with the replacement date their cycle gives.
    for issue in &e.records.ppe_issues {
        let member = e.teams.iter().find_map(|t| {
            t.members
                .iter()
                .find(|m| m.name == issue.person)
                .map(|m| (t, m))
        });
        let post = member.map(|(_, m)| m.post.as_str()).unwrap_or("");
        let rule = e
            .ppe
            .iter()
            .find(|r| r.item == issue.item && r.posts.iter().any(|p| p == "all" || p == post));
        rows.push(vec![
            Cell::Date(issue.date),
            text(member.map_or(String::new(), |(t, _)| t.name.clone())),
            text(e.post_name(post)),
            text(issue.person.clone()),
            text(issue.item.clone()),
            Cell::Empty,
            Cell::Number(f64::from(issue.quantity)),
            rule.map_or(Cell::Empty, |r| {
                Cell::Date(add_months(issue.date, r.cycle_months))
            }),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    // Then every member's entitlement not yet on record: a line ready to issue and sign.
    for team in &e.teams {
        for member in &team.members {
            for rule in e
                .ppe
                .iter()
                .filter(|r| r.posts.iter().any(|p| p == "all" || p == &member.post))
            {
                let issued = e
                    .records
                    .ppe_issues
                    .iter()
                    .any(|i| i.person == member.name && i.item == rule.item);
                if issued {
                    continue;
                }
                rows.push(vec![
                    Cell::Empty,
                    text(team.name.clone()),
                    text(e.post_name(&member.post)),
                    text(member.name.clone()),
                    text(rule.item.clone()),
                    Cell::Empty,
                    Cell::Empty,
                    text(format!("每 {} 个月", rule.cycle_months)),
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
        }
    }
    Ledger::new("个体防护用品发放台账", "ppe", vec!["发放日期", "部门/班组", "岗位", "姓名", "品名", "型号规格", "数量", "下次更换", "领用人签字", "发放人"], rows)
        .with_preface("已发放的记录在前，其后为按配备标准应发放的人员和用品，发放时填写日期和数量并由领用人签字。".to_string())
}

pub fn occupational_health(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let rows: Vec<Vec<Cell>> = e
        .occupational_hazards
        .iter()
        .map(|h| {
            let posts: Vec<String> = h.posts.iter().map(|p| e.post_name(p)).collect();
            let protection: Vec<String> = e
                .ppe
                .iter()
                .filter(|r| r.posts.iter().any(|p| h.posts.contains(p)))
                .map(|r| r.item.clone())
                .collect();
            let next = h.last_monitored.map(|last| add_months(last, 12));
            vec![
                text(h.factor.clone()),
                text(e.zone_name(&h.zone)),
                text(posts.join("、")),
                Cell::Number(f64::from(h.exposed)),
                h.last_monitored.map_or(Cell::Empty, Cell::Date),
                match next {
                    Some(next) if next < cx.date => Cell::Alert(format!("{next} 已到期")),
                    Some(next) => Cell::Date(next),
                    None => Cell::Empty,
                },
                Cell::Empty,
                Cell::Empty,
                text("上岗前/在岗期间/离岗时"),
                text(protection.join("、")),
            ]
        })
        .collect();
    Ledger::new("职业卫生管理台账", "occupational-health", vec!["危害因素", "作业区域", "接触岗位", "接触人数", "最近检测日期", "下次检测日期", "检测机构", "检测结果（是否超标）", "职业健康检查", "防护设施及用品"], rows)
        .with_preface("下次检测日期按每年一次计；职业病危害一般的用人单位可每三年检测一次，以职业卫生技术服务机构的评价结论为准。".to_string())
}

pub fn emergency_supplies(cx: &LedgerContext) -> Ledger {
    let e = cx.enterprise;
    let mut rows = Vec::new();
    // One line per scheduled check within the service period, to record each check.
    for s in &e.emergency_supplies {
        let mut day = e.service.start.0;
        while day <= e.service.end.0 {
            rows.push(vec![
                text(s.name.clone()),
                Cell::Number(f64::from(s.quantity)),
                text(e.zone_name(&s.zone)),
                Cell::Empty,
                Cell::Empty,
                Cell::Date(Date(day)),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                text(e.zone_owner(&s.zone)),
            ]);
            match day.checked_add_days(Days::new(u64::from(s.check_cycle_days.max(1)))) {
                Some(next) => day = next,
                None => break,
            }
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
        "检查日期按各器材的检查周期排定（服务期 {} 至 {}），检查后填写结果并签名。",
        e.service.start, e.service.end
    ))
}
