//! `service.visits` (spec §10): a full year of visits passes `service-behind`, a month
//! taken out is named; one visit record per visit and one notice per finding; the
//! 托管服务工作报告's numbers are the fixture's, counted by hand below.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// A year after the contract (2026-01-01..2026-12-31): all twelve months are full.
const AFTER: &str = "2027-01-04";

/// The weekday on or after `month`-`day` in 2026.
fn weekday(month: u32, day: u32) -> String {
    use chrono::Datelike;
    let mut d = chrono::NaiveDate::from_ymd_opt(2026, month, day).unwrap();
    while d.weekday().number_from_monday() > 5 {
        d = d.succ_opt().unwrap();
    }
    d.to_string()
}

/// The rule fixture `service-behind` with a calendar-year contract, two findings and, per
/// month except `skip`, an inspection and a 现场服务; two trainings and a drill.
fn year_site(skip: Option<u32>) -> tempfile::TempDir {
    let tmp = copy_site(&repo().join("tests/fixtures/rules/service-behind"));
    let file = tmp.path().join("site/enterprises/mini.yaml");
    let text = read(&file);
    let head = text.split("  visits:").next().unwrap();
    let mut yaml = head.replace("start: 2026-01-10", "start: 2026-01-01");
    yaml.push_str("  findings:\n");
    yaml.push_str("    - {zone: shop, issue: 冲床防护罩缺失, basis: GB 27607-2011, advice: 加装防护罩, due: 2026-02-28, closed_on: 2026-02-20}\n");
    yaml.push_str("    - {zone: shop, issue: 配电箱门未上锁, basis: GB 50054-2011, advice: 加锁并专人管理, due: 2027-03-01}\n");
    yaml.push_str("  visits:\n");
    for month in (1..=12).filter(|m| Some(*m) != skip) {
        let findings = if month == 2 {
            "[冲床防护罩缺失]"
        } else {
            "[]"
        };
        yaml.push_str(&format!(
            "    - {{date: {}, counselors: [qian], kind: 安全检查, content: 月度检查, findings: {findings}}}\n",
            weekday(month, 8)
        ));
        yaml.push_str(&format!(
            "    - {{date: {}, counselors: [qian], kind: 现场服务, content: 指导台账}}\n",
            weekday(month, 22)
        ));
    }
    for (date, kind) in [
        ("2026-03-18", "培训"),
        ("2026-09-16", "培训"),
        ("2026-06-17", "演练"),
    ] {
        yaml.push_str(&format!(
            "    - {{date: {date}, counselors: [qian], kind: {kind}, content: 全员, attendees: [李四, 王五]}}\n"
        ));
    }
    fs::write(&file, yaml).unwrap();
    tmp
}

fn findings(site: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = anquan(&["check", path(site), "--format", "json", "--date", AFTER]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    (
        out.status.code(),
        json["findings"].as_array().unwrap().clone(),
    )
}

#[test]
fn a_full_year_passes_and_a_missing_month_is_named() {
    let full = year_site(None);
    let (code, all) = findings(&full.path().join("site"));
    assert_eq!(code, Some(0), "{all:?}");
    assert!(all.iter().all(|f| f["rule"] != "service-behind"), "{all:?}");
    assert!(all.iter().all(|f| f["rule"] != "visits-unrecorded"));

    let gap = year_site(Some(5));
    let (code, all) = findings(&gap.path().join("site"));
    assert_eq!(code, Some(1));
    let behind: Vec<_> = all
        .iter()
        .filter(|f| f["rule"] == "service-behind")
        .collect();
    assert_eq!(behind.len(), 1, "{all:?}");
    let message = behind[0]["message"].as_str().unwrap();
    assert!(message.contains("in 2026-05 (0)"), "{message}");
    assert!(
        !message.contains("2026-04") && !message.contains("2026-06"),
        "{message}"
    );
}

#[test]
fn without_visits_a_note_is_given_and_nothing_fails() {
    let site = repo().join("tests/fixtures/rules/finding-overdue");
    let (code, all) = findings(&site);
    assert_eq!(code, Some(0));
    let notes: Vec<_> = all.iter().filter(|f| f["severity"] == "info").collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["rule"], "visits-unrecorded");
    let strict = anquan(&["check", path(&site), "--deny-warnings", "--date", AFTER]);
    // finding-overdue is a warning; with it gone only the note would remain.
    assert_eq!(strict.status.code(), Some(1));
    let quiet = copy_site(&site);
    let file = quiet.path().join("site/enterprises/mini.yaml");
    fs::write(
        &file,
        read(&file).replace("due: 2026-05-01", "due: 2027-05-01"),
    )
    .unwrap();
    let strict = anquan(&[
        "check",
        path(&quiet.path().join("site")),
        "--deny-warnings",
        "--date",
        AFTER,
    ]);
    assert_eq!(strict.status.code(), Some(0), "a note never fails a check");
    assert!(String::from_utf8_lossy(&strict.stderr).contains("1 note(s)"));
}

/// The rows of the first table of a page, each as its cells' text joined by `|`.
fn table_rows(html: &str) -> Vec<String> {
    let table = html
        .split("<table")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    table
        .split("<tr")
        .skip(1)
        .map(|row| {
            row.split("</td>")
                .map(|cell| text(&format!("<{cell}")).trim().to_string())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn records_notices_and_the_report_agree_with_the_input() {
    let tmp = year_site(None);
    let out = tmp.path().join("public");
    let built = anquan(&[
        "build",
        path(&tmp.path().join("site")),
        "-o",
        path(&out),
        "--html",
        "--date",
        AFTER,
        "-q",
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let m = manifest(&out);
    // 12 × (inspection + 现场服务) + 2 trainings + 1 drill.
    assert_eq!(docs(&m, "mini", "visit-record").len(), 27);
    let notices = docs(&m, "mini", "rectification-notice");
    assert_eq!(notices.len(), 2);
    // Found on the February inspection, else notified with the plan (2026-02-10).
    assert_eq!(notices[0]["date"], weekday(2, 8));
    assert_eq!(notices[1]["date"], "2026-02-10");
    let closed = text(&read(
        &out.join(notices[0]["files"]["html"].as_str().unwrap()),
    ));
    assert!(closed.contains("隐患整改回执") && closed.contains("2026年2月20日"));
    let open = text(&read(
        &out.join(notices[1]["files"]["html"].as_str().unwrap()),
    ));
    assert!(open.contains("整改完成日期：") && !open.contains("2026年2月20日"));

    let report = docs(&m, "mini", "service-report");
    assert_eq!(report.len(), 1);
    assert_eq!(report[0]["date"], AFTER);
    let html = read(&out.join(report[0]["files"]["html"].as_str().unwrap()));
    // By hand: 12 full months; visits 2 a month → 24 owed, 27 made (every kind is a
    // visit); inspections 12 of 12; trainings 2 a year → 2, made 2; drills 1 → 1, made 1.
    let rows = table_rows(&html);
    assert_eq!(
        rows[1..],
        [
            "现场服务（现场办公）|每月 2 次|每月 2 次|24|27|达到要求",
            "安全生产检查|每月 1 次|每月 1 次|12|12|达到要求",
            "全员安全教育培训|每年 2 次|每年 2 次|2|2|达到要求",
            "应急演练|每年 1 次|每年 1 次|1|1|达到要求",
        ]
    );
    let body = text(&html);
    assert!(body.contains("合同已履行 12 个整月"), "{body}");
    assert!(
        body.contains("共书面通知事故隐患 2 项，已整改 1 项，正在整改 1 项，其中逾期未整改 0 项")
    );
    assert!(html.contains("<svg") && html.contains("应完成"));
}

#[test]
fn the_agency_index_shows_visits_made_against_visits_owed() {
    let (_tmp, out, _) = example_html();
    let index = text(&read(&out.join("index.html")));
    // ruifeng: 18 visits by 2026-11-23, 8 full months × 2 owed; jinshun records none.
    assert!(index.contains("18 / 16"), "{index}");
    assert!(index.contains("未记录"));
}
