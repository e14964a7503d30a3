//! Hostile and careless input (issue 19), what `check` must say: nothing outside the site
//! is read, every value is bounded, every enterprise file is read or reported, and every
//! message is located and safe for a terminal. Each case is a variant of the minimal site.
#![cfg(unix)]

mod common;

use std::fs;
use std::time::{Duration, Instant};

use common::hostile::*;

#[test]
fn a_yaml_link_leaving_the_site_is_named_never_followed() {
    let h = Hostile::new();
    link(
        &h.outside.join("secret.txt"),
        &h.site.join("enterprises/linked.yaml"),
    );
    h.assert_check_fails(&[
        "error[invalid-value] enterprises/linked.yaml",
        "leads outside the site folder",
    ]);
    fs::remove_file(h.site.join("enterprises/linked.yaml")).unwrap();
    // A link to a whole enterprise outside is refused too, though it would parse.
    let elsewhere = h.tmp.path().join("elsewhere.yaml");
    fs::copy(h.enterprise(), &elsewhere).unwrap();
    link(&elsewhere, &h.site.join("enterprises/other.yaml"));
    h.assert_check_fails(&["enterprises/other.yaml", "outside the site"]);
}

#[test]
fn a_fifo_or_a_device_is_refused_at_once() {
    let h = Hostile::new();
    let fifo = h.site.join("enterprises/pipe.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    h.assert_check_fails(&["enterprises/pipe.yaml", "not a regular file"]);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "a FIFO must not hang"
    );
    fs::remove_file(&fifo).unwrap();
    // A link to /dev/zero leaves the site (and is no regular file): never read.
    link(
        std::path::Path::new("/dev/zero"),
        &h.site.join("enterprises/zero.yaml"),
    );
    h.assert_check_fails(&["enterprises/zero.yaml"]);
}

#[test]
fn a_theme_is_a_name_and_its_folder_stays_inside() {
    let h = Hostile::new();
    let config = "anquan.yaml";
    fs::write(
        h.site.join(config),
        fs::read_to_string(h.site.join(config)).unwrap() + "build:\n  theme: ../../outside\n",
    )
    .unwrap();
    h.assert_check_fails(&[
        "error[invalid-value] anquan.yaml:",
        "build.theme",
        "not a path",
    ]);
    let output = h.build(&["--html"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!h.out.exists());

    h.edit(config, "theme: ../../outside", "theme: mine");
    fs::create_dir(h.site.join("themes")).unwrap();
    link(&h.outside, &h.site.join("themes/mine"));
    h.assert_check_fails(&["themes/mine", "outside the site"]);
    let output = h.build(&["--html"]);
    assert_eq!(output.status.code(), Some(1));
    h.assert_sentinel_untouched(&output);
}

#[test]
fn a_template_link_leaving_the_site_is_an_error() {
    let h = Hostile::new();
    fs::create_dir_all(h.site.join("content")).unwrap();
    link(
        &h.outside.join("secret.txt"),
        &h.site.join("content/notice.md"),
    );
    h.assert_check_fails(&["error[invalid-value] content/notice.md", "outside the site"]);
}

#[test]
fn one_id_is_one_enterprise() {
    let h = Hostile::new();
    fs::copy(h.enterprise(), h.site.join("enterprises/mini.yml")).unwrap();
    h.assert_check_fails(&[
        "error[duplicate-id] enterprises/mini.yml",
        "`enterprises/mini.yaml` and `enterprises/mini.yml`",
    ]);
    fs::rename(
        h.site.join("enterprises/mini.yml"),
        h.site.join("enterprises/Mini.yaml"),
    )
    .unwrap();
    h.assert_check_fails(&["`enterprises/Mini.yaml` and `enterprises/mini.yaml`"]);
}

#[test]
fn a_duplicate_id_is_a_rule_and_a_message_in_both_languages() {
    let h = Hostile::new();
    fs::copy(h.enterprise(), h.site.join("enterprises/mini.yml")).unwrap();
    let args = ["check", common::path(&h.site), "--date", common::DATE];
    let zh = common::anquan_with_env(&args, &[("ANQUAN_LANG", "zh")]);
    assert_eq!(zh.status.code(), Some(1));
    assert!(
        stderr(&zh).contains(
            "error[duplicate-id] enterprises/mini.yml: `enterprises/mini.yaml` 和 `enterprises/mini.yml` 对应同一个企业 ID `mini`"
        ),
        "{}",
        stderr(&zh)
    );
    let json = common::anquan(&[&args[..], &["--format", "json"]].concat());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "duplicate-id");
    assert_eq!(finding["message_id"], "duplicate-id");
    assert_eq!(finding["args"]["second"], "enterprises/mini.yml");
}

#[test]
fn no_enterprise_file_is_skipped_in_silence() {
    let h = Hostile::new();
    fs::rename(h.enterprise(), h.site.join("enterprises/mini.YAML")).unwrap();
    let output = h.check();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    fs::write(h.site.join("enterprises/.yaml"), "x: 1\n").unwrap();
    h.assert_check_fails(&["error[invalid-value] enterprises/.yaml", "hidden file"]);
}

#[test]
fn dates_contracts_and_numbers_are_bounded() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "end: 2026-12-31",
            "end: 2099-12-31",
            &["service.end", "more than 10 years"],
        ),
        (
            "start: 2026-01-10",
            "start: 0001-01-10",
            &["service.start", "from 1900 to 2100"],
        ),
        (
            "signed_on: 2026-01-05",
            "signed_on: -001-01-01",
            &["service.signed_on"],
        ),
        ("fee: 15000", "fee: .inf", &["service.fee", "out of range"]),
        ("fee: 15000", "fee: .nan", &["service.fee", "out of range"]),
        ("fee: 15000", "fee: -1", &["service.fee", "out of range"]),
        (
            "rect: [0, 0, 40, 20]",
            "rect: [0, 0, 1e308, 20]",
            &["zones[0].rect", "outside the site plan"],
        ),
        ("width: 40", "width: 1e308", &["enterprise.site.width"]),
        (
            "site_visits_per_month: 2",
            "site_visits_per_month: 4000000",
            &["site_visits_per_month"],
        ),
    ];
    for (from, to, needles) in cases {
        let h = Hostile::new();
        h.edit("enterprises/mini.yaml", from, to);
        let start = Instant::now();
        let stderr = h.assert_check_fails(needles);
        assert!(
            stderr.contains("enterprises/mini.yaml:"),
            "located: {stderr}"
        );
        assert!(start.elapsed() < Duration::from_secs(5), "{to}: slow");
    }
}

#[test]
fn record_amounts_and_dates_are_checked_by_check() {
    let h = Hostile::new();
    let records = "records:\n  investments:\n    - {date: 1899-12-31, item: 护栏, category: 安全设施, amount: 100}\n    - {date: 2026-03-01, item: 护栏, category: 安全设施, amount: -5}\n";
    fs::write(
        h.enterprise(),
        fs::read_to_string(h.enterprise()).unwrap() + records,
    )
    .unwrap();
    h.assert_check_fails(&["records.investments[0].date", "1899-12-31"]);
    h.edit("enterprises/mini.yaml", "1899-12-31", "2026-02-01");
    h.assert_check_fails(&["records.investments[1].amount", "out of range"]);
}

#[test]
fn oversized_files_and_values_are_refused_located() {
    let h = Hostile::new();
    let long = "安".repeat(6000);
    h.edit(
        "enterprises/mini.yaml",
        "address: 金华市测试路 2 号",
        &format!("address: {long}"),
    );
    h.assert_check_fails(&[
        "enterprises/mini.yaml:4:",
        "enterprise.address",
        "6000 characters",
    ]);
    let huge = format!("# {}\n", "x".repeat(3 * 1024 * 1024));
    fs::write(h.enterprise(), huge).unwrap();
    h.assert_check_fails(&["enterprises/mini.yaml", "over the limit"]);
}

#[test]
fn photos_are_real_images_inside_the_site() {
    let h = Hostile::new();
    fs::create_dir_all(h.site.join("static/dir.png")).unwrap();
    fs::write(h.site.join("static/note.png"), "not a picture").unwrap();
    h.edit(
        "anquan.yaml",
        "    trained_on: 2026-06-01",
        "    trained_on: 2026-06-01\n    photo: static/note.png",
    );
    h.assert_check_fails(&[
        "counselors[0].photo",
        "`static/note.png` is not a PNG, JPEG or SVG image",
    ]);
    h.edit("anquan.yaml", "static/note.png", "static/dir.png");
    h.assert_check_fails(&["counselors[0].photo", "is a directory"]);
}

#[test]
fn findings_cannot_drive_the_terminal() {
    let h = Hostile::new();
    h.edit(
        "enterprises/mini.yaml",
        "emergency_phone: 0579-80000119",
        "emergency_phone: \"\\e[2J\\e]0;owned\\a\\rerror[forged]\"",
    );
    let stderr = h.assert_check_fails(&["enterprise.emergency_phone", "\\u{1b}[2J"]);
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\r') && !stderr.contains('\u{7}'));
    assert!(!stderr.lines().any(|l| l.starts_with("error[forged]")));
    // The same in Chinese: the translated message is escaped too.
    let args = ["check", common::path(&h.site), "--date", common::DATE];
    let zh = common::anquan_with_env(&args, &[("ANQUAN_LANG", "zh")]).stderr;
    let zh = String::from_utf8_lossy(&zh);
    assert!(
        zh.contains("不是有效电话号码") && zh.contains("\\u{1b}[2J"),
        "{zh}"
    );
    assert!(!zh.contains('\u{1b}') && !zh.contains('\r') && !zh.contains('\u{7}'));
    assert!(!zh.lines().any(|l| l.starts_with("error[forged]")));
}

#[test]
fn errors_name_the_right_line() {
    let h = Hostile::new();
    // Non-UTF-8 bytes on line 4.
    let mut bytes = fs::read(h.enterprise()).unwrap();
    let at = bytes
        .windows(9)
        .position(|w| w == "测试路".as_bytes())
        .unwrap();
    bytes.splice(at..at, [0xff, 0xfe]);
    fs::write(h.enterprise(), &bytes).unwrap();
    h.assert_check_fails(&["enterprises/mini.yaml:4:", "not UTF-8"]);

    let h = Hostile::new();
    h.edit(
        "enterprises/mini.yaml",
        "  employees: 12",
        "\temployees: 12",
    );
    h.assert_check_fails(&["enterprises/mini.yaml:6:"]);

    let h = Hostile::new();
    h.edit(
        "enterprises/mini.yaml",
        "  employees: 12",
        "  employees: \"12",
    );
    h.assert_check_fails(&["enterprises/mini.yaml:6:"]);

    let h = Hostile::new();
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.yaml");
    fs::write(h.site.join("enterprises").join(name), "x: 1").unwrap();
    h.assert_check_fails(&["enterprises/bad\u{fffd}.yaml", "not UTF-8"]);
}

use std::os::unix::ffi::OsStrExt;
