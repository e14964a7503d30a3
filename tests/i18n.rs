//! Chinese first (spec §12): `check` on every invalid and rule fixture in both languages
//! against snapshots in tests/snapshots/check-{zh,en}.txt (`UPDATE_SNAPSHOTS=1` rewrites
//! them), `--json` with `message` and `args`, and an index page with findings that has
//! no English sentence.

mod common;

use std::path::Path;

use common::*;

fn check_lines(site: &Path, lang: &str) -> String {
    let out = anquan_with_env(
        &["check", path(site), "--date", DATE],
        &[("ANQUAN_LANG", lang)],
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn snapshot(lang: &str) -> String {
    let mut text = String::new();
    for family in ["invalid", "rules"] {
        let dir = repo().join("tests/fixtures").join(family);
        let mut cases: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        cases.sort();
        for case in cases {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            text.push_str(&format!("## {family}/{name}\n"));
            text.push_str(&check_lines(&case, lang));
        }
    }
    text
}

#[test]
fn check_output_in_both_languages_matches_the_snapshots() {
    for lang in ["zh", "en"] {
        let got = snapshot(lang);
        let file = repo().join(format!("tests/snapshots/check-{lang}.txt"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, &got).unwrap();
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            got == want,
            "check output ({lang}) differs from {}:\n{got}",
            file.display()
        );
    }
}

#[test]
fn chinese_is_the_default_and_the_prefix_is_the_same_in_both() {
    let site = repo().join("tests/fixtures/rules/finding-overdue");
    let zh = String::from_utf8_lossy(
        &anquan(&["check", path(&site), "--date", DATE, "--lang", "zh"]).stderr,
    )
    .into_owned();
    let en = check_lines(&site, "en");
    let default = {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_anquan"));
        c.args(["check", path(&site), "--date", DATE])
            .env_remove("ANQUAN_LANG");
        String::from_utf8_lossy(&c.output().unwrap().stderr).into_owned()
    };
    assert_eq!(default, zh);
    assert!(
        zh.contains("至今未整改（《自律管理办法》第三十条）"),
        "{zh}"
    );
    assert!(en.contains("is not closed"), "{en}");
    let prefix = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.split_once(": ").map(|(p, _)| p.to_string()))
            .filter(|p| p.contains('['))
            .collect()
    };
    assert_eq!(prefix(&zh), prefix(&en));
    assert!(
        prefix(&zh)
            .iter()
            .any(|p| p.starts_with("warning[finding-overdue] enterprises/"))
    );
}

#[test]
fn json_gives_the_message_in_the_language_and_the_args_apart() {
    let site = repo().join("tests/fixtures/rules/finding-overdue");
    let out = anquan_with_env(
        &["check", path(&site), "--date", DATE, "--format", "json"],
        &[("ANQUAN_LANG", "zh")],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "finding-overdue")
        .unwrap();
    assert_eq!(finding["message_id"], "finding-overdue");
    let due = finding["args"]["due"].as_str().unwrap();
    let issue = finding["args"]["issue"].as_str().unwrap();
    let message = finding["message"].as_str().unwrap();
    assert_eq!(
        message,
        format!("隐患“{issue}”整改期限为 {due}，至今未整改（《自律管理办法》第三十条）")
    );
}

#[test]
fn the_index_of_a_site_with_findings_has_no_english_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let site = repo().join("example");
    let run = anquan_with_env(
        &[
            "build",
            path(&site),
            "-o",
            path(&out),
            "--date",
            DATE,
            "--html",
            "-q",
        ],
        &[("ANQUAN_LANG", "zh")],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("至今未整改"), "the index shows no finding");
    // Findings' words between tags: no run of three English words.
    let text = regex::Regex::new(r"<[^>]*>")
        .unwrap()
        .replace_all(&index, "\n");
    let english = regex::Regex::new(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b").unwrap();
    let hits: Vec<&str> = text.lines().filter(|l| english.is_match(l)).collect();
    assert!(hits.is_empty(), "English on the index: {hits:?}");
}
