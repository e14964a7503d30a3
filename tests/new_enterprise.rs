//! `anquan new ID` (issue 17): a new client's file, with the required keys to fill; filled
//! in, the site checks and builds. It never overwrites, in any spelling of the id.

mod common;

use std::fs;

use common::*;

/// What a consultant types into the blanks of the template, in order.
const FILLED: [&str; 27] = [
    "金华市新托管机械有限公司",
    "91330702MA28K3P5XK",
    "金华市测试路 9 号",
    "机械制造",
    "孙三",
    "总经理",
    "13900000001",
    "李四",
    "13900000002",
    "安全管理人员合格证",
    "0579-80000119",
    "生产部",
    "周五",
    "生产车间",
    "周五",
    "冲床工",
    "生产班",
    "吴六",
    "吴六",
    "郑七",
    "冲压作业",
    "光电保护失效",
    "光电保护装置",
    "周五",
    "T-009",
    "李四",
    "13900000002",
];

#[test]
fn a_new_enterprise_filled_in_checks_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert!(anquan(&["init", path(&site)]).status.success());
    let new = anquan(&["new", "acme", "--dir", path(&site)]);
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let file = site.join("enterprises/acme.yaml");
    let template = fs::read_to_string(&file).unwrap();
    assert!(template.starts_with("# yaml-language-server: $schema=../schemas/enterprise.json"));
    assert!(template.contains("必填"));

    // As written, `check` says what is missing, located in the new file.
    let blank = anquan(&["check", path(&site), "--date", DATE]);
    assert!(!blank.status.success());
    assert!(String::from_utf8_lossy(&blank.stderr).contains("enterprises/acme.yaml:"));

    let blanks = template.matches("\"\"").count();
    assert_eq!(
        blanks,
        FILLED.len(),
        "the test fills every blank of the template"
    );
    let mut filled = template.clone();
    for value in FILLED {
        filled = filled.replacen("\"\"", &format!("\"{value}\""), 1);
    }
    let filled = filled.replacen("counselors: []", "counselors: [chenjing]", 1);
    fs::write(&file, filled).unwrap();
    let out = tmp.path().join("out");
    let built = anquan(&[
        "build",
        path(&site),
        "-o",
        path(&out),
        "--html",
        "--date",
        DATE,
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = fs::read_to_string(out.join("acme/index.html")).unwrap();
    assert!(page.contains("金华市新托管机械有限公司"));
}

#[test]
fn new_never_overwrites_and_checks_the_id() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert!(anquan(&["init", path(&site)]).status.success());
    let before = fs::read(site.join("enterprises/ruifeng.yaml")).unwrap();
    for id in ["ruifeng", "RuiFeng"] {
        let again = anquan(&["new", id, "--dir", path(&site)]);
        assert_eq!(again.status.code(), Some(1), "{id}");
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    }
    assert_eq!(
        fs::read(site.join("enterprises/ruifeng.yaml")).unwrap(),
        before
    );
    let bad = anquan(&["new", "../evil", "--dir", path(&site)]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(!tmp.path().join("evil.yaml").exists());
}
