//! Every site under tests/fixtures/invalid has one defect; `anquan check` must report it
//! with file, line, column and key path exactly as in its expected.txt, and `build` must
//! fail without writing anything. Set ANQUAN_BLESS=1 to rewrite the expectations.

mod common;

use std::fs;

use common::*;

#[test]
fn each_defect_is_located() {
    let dir = repo().join("tests/fixtures/invalid");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "expected at least ten invalid sites");
    let bless = std::env::var_os("ANQUAN_BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let out = anquan(&["check", path(case), "--date", DATE]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: check must exit 1",
            case.display()
        );
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let expected_path = case.join("expected.txt");
        if bless {
            fs::write(&expected_path, &stderr).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if stderr != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- got\n{stderr}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_failed_build_leaves_the_last_good_output() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let before = read(&out.join("manifest.json"));

    let file = site.join("enterprises/mini.yaml");
    let broken = read(&file).replace("employees: 12", "employees: many");
    fs::write(&file, broken).unwrap();
    let result = anquan(&[
        "build",
        path(&site),
        "-o",
        path(&out),
        "--html",
        "--date",
        DATE,
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("enterprises/mini.yaml:6:14 enterprise.employees"),
        "{stderr}"
    );
    assert_eq!(
        read(&out.join("manifest.json")),
        before,
        "the last good output is untouched"
    );
    let stray: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".anquan"))
        .collect();
    assert!(stray.is_empty(), "staging folders left behind: {stray:?}");
}

#[test]
fn errors_of_several_files_are_all_reported() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let config = site.join("anquan.yaml");
    fs::write(&config, read(&config).replace("13800000001", "12345")).unwrap();
    let file = site.join("enterprises/mini.yaml");
    fs::write(&file, read(&file).replace("zone: shop}", "zone: nowhere}")).unwrap();
    let out = anquan(&["check", path(&site), "--format", "json", "--date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is only JSON");
    let findings = json["findings"].as_array().unwrap();
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["file"].as_str().unwrap()))
        .collect();
    assert!(
        rules.contains(&("invalid-value", "anquan.yaml")),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("dangling-reference", "enterprises/mini.yaml")),
        "{rules:?}"
    );
    let dangling = findings
        .iter()
        .find(|f| f["rule"] == "dangling-reference")
        .unwrap();
    assert_eq!(dangling["line"], 16);
    assert_eq!(dangling["enterprise"], "mini");
    assert_eq!(dangling["severity"], "error");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        anquan(&["build", "--date", "tomorrow"]).status.code(),
        Some(2)
    );
    assert_eq!(anquan(&["frobnicate"]).status.code(), Some(2));
}
