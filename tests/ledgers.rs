//! The eight ledgers of the bundled example: rows from records and data, blank rows,
//! and the XLSX workbook read back (sheet names, typed dates and amounts, the total).

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;

const LEDGERS: [&str; 8] = [
    "安全生产会议记录台账",
    "安全生产检查记录台账",
    "安全生产教育培训记录台账",
    "设备（特种设备）管理台账",
    "个体防护用品发放台账",
    "安全生产投入费用使用台账",
    "职业卫生管理台账",
    "应急救援器材管理台账",
];

#[test]
fn eight_ledgers_share_one_workbook() {
    let (_tmp, out, m) = example_html();
    for enterprise in ["ruifeng", "jinshun"] {
        let ledgers = docs(&m, enterprise, "ledger");
        let titles: Vec<&str> = ledgers
            .iter()
            .map(|d| d["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, LEDGERS);
        let workbook = format!("{enterprise}/ledgers.xlsx");
        assert!(
            ledgers
                .iter()
                .all(|d| d["files"]["xlsx"] == workbook.as_str())
        );
        assert!(out.join(&workbook).is_file());
    }
}

#[test]
fn rows_come_from_records_and_data() {
    let (_tmp, out, m) = example_html();
    let page = |title: &str| text(&doc_html(&out, &m, "ruifeng", title));
    let meetings = page("安全生产会议记录台账");
    assert!(
        meetings.contains("2026 年度安全生产委员会第一次会议")
            && meetings.contains("安委会会议")
            && meetings.contains("安全例会"),
        "会议类型 is the recorded kind"
    );
    let inspections = page("安全生产检查记录台账");
    for needle in [
        "3 号压铸机安全门联锁失效",
        "压铸车间",
        "修复联锁装置并纳入每班点检",
        "2026-03-25",
        "压铸车间降温风扇不足",
    ] {
        assert!(inspections.contains(needle), "inspections lack {needle}");
    }
    let trainings = page("安全生产教育培训记录台账");
    assert!(
        trainings.contains("粉尘防爆与动火作业安全")
            && trainings.contains("潘国华、钱永康、金美华、杜红梅、胡晓燕")
    );
    let equipment = page("设备（特种设备）管理台账");
    for needle in [
        "起17浙G2231",
        "起重机械",
        "场（厂）内专用机动车辆",
        "压力容器",
        "施丽娟（N1 叉车司机证）",
        "超期未检，应于 2026-11-01 前检验",
        "一般设备",
    ] {
        assert!(equipment.contains(needle), "equipment lacks {needle}");
    }
    let ppe = page("个体防护用品发放台账");
    assert!(
        ppe.contains("胡海波") && ppe.contains("2026-04-02 已到期"),
        "issued on 03-02, monthly cycle"
    );
    assert!(
        ppe.contains("KN95 折叠式") && ppe.contains("阻燃工作服"),
        "optional spec; items named only by a control are scheduled too"
    );
    assert!(
        ppe.contains("葛文斌") && ppe.contains("绝缘手套") && !ppe.contains("每 6 个月"),
        "entitlements not yet issued: a line to fill in, the cycle stays in the 配备标准"
    );
    assert!(
        meetings.contains("办公楼三楼会议室"),
        "optional place and recorder fill their columns"
    );
    let money = page("安全生产投入费用使用台账");
    assert!(money.contains("记-2026-03-118"), "optional voucher");
    assert!(money.contains("6450.00") && money.contains("12950.00") && money.contains("合计"));
    let health = page("职业卫生管理台账");
    assert!(
        health.contains("其他粉尘（聚酯粉末）")
            && health.contains("2026-05-18")
            && !health.contains("2027-05-18")
    );
    let supplies = doc_html(&out, &m, "ruifeng", "应急救援器材管理台账");
    // 洗眼器 checked weekly from Sunday 2026-03-01 to Sunday 2027-02-28: 53 nominal
    // dates, each moved to the working day after; the last would fall after the period.
    assert_eq!(supplies.matches("<td>洗眼器</td>").count(), 52);
    let cell = |date: &str| format!(r#"<td><span class="nb">{date}</span></td>"#);
    assert!(supplies.contains(&cell("2026-03-02")) && !supplies.contains(&cell("2026-03-01")));
    // Blank rows to write on follow the data.
    assert!(
        doc_html(&out, &m, "ruifeng", "安全生产会议记录台账")
            .matches("<tr><td></td><td></td>")
            .count()
            >= 8
    );
}

#[test]
fn the_workbook_has_typed_cells() {
    let (_tmp, out, _m) = example_html();
    let mut book: Xlsx<_> =
        open_workbook(out.join("ruifeng/ledgers.xlsx")).expect("workbook opens");
    assert_eq!(book.sheet_names(), LEDGERS.map(String::from).to_vec());

    let equipment = book.worksheet_range("设备（特种设备）管理台账").unwrap();
    // Title, preface, header, then the rows.
    let names: Vec<String> = equipment
        .rows()
        .skip(3)
        .filter_map(|r| r.first().map(|c| c.to_string()))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(
        names,
        [
            "冷室压铸机",
            "数控车床",
            "静电喷粉房",
            "滤筒除尘器",
            "电动单梁起重机",
            "内燃平衡重式叉车",
            "储气罐"
        ]
    );
    let crane = equipment
        .rows()
        .find(|r| r.first().is_some_and(|c| *c == "电动单梁起重机"))
        .unwrap();
    assert!(
        matches!(crane[7], Data::DateTime(_)),
        "inspection date is an Excel date: {:?}",
        crane[7]
    );

    let money = book.worksheet_range("安全生产投入费用使用台账").unwrap();
    let first = money
        .rows()
        .find(|r| r.iter().any(|c| *c == "压铸机安全门联锁修复"))
        .unwrap();
    assert_eq!(first[4], Data::Float(4800.0));
    assert!(matches!(first[0], Data::DateTime(_)));
    let formulas = book.worksheet_formula("安全生产投入费用使用台账").unwrap();
    assert!(
        formulas.rows().flatten().any(|f| f.starts_with("SUM(E")),
        "the total is a SUM formula"
    );
}
