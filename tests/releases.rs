//! Releases and revision history (spec §13, issue 18): on a copy of the example, release,
//! change one risk point's factors, build, release again, and read what changed.

mod common;

use std::fs;
use std::path::Path;

use common::{anquan, copy_site, manifest, path, read, text};

fn run_ok(args: &[&str]) -> String {
    let out = anquan(args);
    assert!(
        out.status.success(),
        "{args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn release(site: &Path, date: &str, note: Option<&str>) -> String {
    let mut args = vec!["release", path(site), "--date", date];
    if let Some(note) = note {
        args.extend(["--note", note]);
    }
    run_ok(&args)
}

fn build_html(site: &Path, out: &Path, date: &str) -> String {
    run_ok(&[
        "build",
        path(site),
        "-o",
        path(out),
        "--html",
        "--date",
        date,
    ])
}

/// `changes.json`: the changed documents' ids, and the summary of one of them.
fn changes(out: &Path) -> Vec<(String, Vec<String>)> {
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.join("changes.json"))).expect("changes.json");
    json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            let summary = d["summary"].as_array().expect("summary");
            let summary = summary.iter().map(|s| s.as_str().unwrap_or("").to_string());
            (
                d["id"].as_str().unwrap_or("").to_string(),
                summary.collect(),
            )
        })
        .collect()
}

fn version(out: &Path, file: &str) -> String {
    let m = manifest(out);
    let doc = m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["files"]["html"] == file || d["files"]["pdf"] == file)
        .unwrap_or_else(|| panic!("{file} not in the manifest"));
    doc["version"].as_str().unwrap_or("").to_string()
}

/// R03 (数控车床加工) goes from D = 1×6×7 = 42 (低) to 1×6×40 = 240 (较大).
fn raise_r03(site: &Path) {
    let file = site.join("enterprises/ruifeng.yaml");
    let yaml = read(&file);
    let before = "assessment: {method: LEC, L: 1, E: 6, C: 7}";
    assert_eq!(yaml.matches(before).count(), 1, "R03's assessment");
    let after = "assessment: {method: LEC, L: 1, E: 6, C: 40}";
    fs::write(&file, yaml.replace(before, after)).expect("write");
}

#[test]
fn a_changed_risk_point_revises_the_documents_that_name_it_and_no_others() {
    let tmp = copy_site(&common::example());
    let site = tmp.path().join("site");
    let out = tmp.path().join("public");
    release(&site, "2026-03-20", None);
    let first = read(&site.join("revisions.yaml"));
    assert!(first.contains("id: ruifeng/risk-register"), "{first}");

    raise_r03(&site);
    let stdout = build_html(&site, &out, "2026-11-23");
    let changed = changes(&out);
    let ids: Vec<&str> = changed.iter().map(|(id, _)| id.as_str()).collect();
    for id in [
        "ruifeng/risk-register",
        "ruifeng/risk-map",
        "ruifeng/zone-board-machining",
        "ruifeng/post-card-cnc",
        "ruifeng/system-14-emergency-plan",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    for id in [
        "ruifeng/ledger-meetings",
        "ruifeng/zone-board-diecast",
        "ruifeng/post-card-forklift",
    ] {
        assert!(!ids.contains(&id), "{id} listed in {ids:?}");
    }
    assert!(
        !ids.iter().any(|id| id.starts_with("jinshun/system")),
        "{ids:?}"
    );
    let register = &changed[ids
        .iter()
        .position(|i| *i == "ruifeng/risk-register")
        .unwrap_or(0)]
    .1;
    assert!(
        register[0].starts_with("风险点 R03 等级 低→较大"),
        "{register:?}"
    );
    assert!(stdout.contains("ruifeng/risk-register"), "{stdout}");
    assert_eq!(version(&out, "ruifeng/risk-register.html"), "A/0");
    let page = read(&out.join("ruifeng/index.html"));
    assert!(
        page.contains("class=\"changed\""),
        "the enterprise page tags changed documents"
    );

    // check reports the unreleased changes with --strict only.
    let strict = anquan(&["check", path(&site), "--strict", "--date", "2026-11-23"]);
    assert!(
        String::from_utf8_lossy(&strict.stderr)
            .contains("warning[unreleased-changes] revisions.yaml")
    );
    let plain = anquan(&["check", path(&site), "--date", "2026-11-23"]);
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("unreleased-changes"));

    release(&site, "2026-11-23", Some("年度风险辨识复评"));
    build_html(&site, &out, "2026-11-23");
    assert_eq!(version(&out, "ruifeng/risk-register.html"), "A/1");
    assert_eq!(version(&out, "ruifeng/post-card-cnc.html"), "A/1");
    assert_eq!(version(&out, "ruifeng/ledger-meetings.html"), "A/0");
    assert_eq!(version(&out, "ruifeng/post-card-forklift.html"), "A/0");
    assert!(changes(&out).is_empty());
    // Cells joined without space: the 修订记录 reads version, date, what changed, who.
    let register: String = text(&read(&out.join("ruifeng/risk-register.html")))
        .split_whitespace()
        .collect();
    for row in [
        "A/02026-03-20首次发布胡晓燕/应国强",
        "A/12026-11-23风险点R03等级低→较大",
        "年度风险辨识复评",
    ] {
        assert!(
            register.contains(row),
            "{row} not in the register's 修订记录"
        );
    }
    let card = read(&out.join("ruifeng/post-card-cnc.html"));
    assert!(
        card.contains("版本：A/1") && !card.contains("修订记录"),
        "a card carries its version in its date line"
    );
    let system: String = text(&read(&out.join("ruifeng/system-01-responsibility.html")))
        .split_whitespace()
        .collect();
    assert!(
        system.contains("版本A/1"),
        "the control block shows the released version"
    );

    // Nothing changed: nothing bumps, nothing is written.
    let kept = read(&site.join("revisions.yaml"));
    let said = release(&site, "2026-11-30", None);
    assert!(said.contains("nothing changed"), "{said}");
    assert_eq!(read(&site.join("revisions.yaml")), kept);

    // A release before the last one would rewrite history.
    let earlier = anquan(&["release", path(&site), "--date", "2026-11-01"]);
    assert_eq!(earlier.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&earlier.stderr).contains("before the last release"));
    assert_eq!(read(&site.join("revisions.yaml")), kept);

    // The PDF prints the version the manifest gives.
    let pdf_out = tmp.path().join("pdf");
    run_ok(&[
        "build",
        path(&site),
        "-o",
        path(&pdf_out),
        "--pdf",
        "--only",
        "ruifeng",
        "--date",
        "2026-11-23",
    ]);
    for (file, wanted) in [
        ("ruifeng/risk-register.pdf", "A/1"),
        ("ruifeng/system-02-meetings.pdf", "A/1"),
        ("ruifeng/ledger-meetings.pdf", "A/0"),
    ] {
        assert_eq!(version(&pdf_out, file), wanted, "{file}");
        let pdf = common::pdf_text(&pdf_out.join(file));
        assert!(
            pdf.contains(wanted) && pdf.contains("修订记录"),
            "{file}: {wanted} not printed"
        );
    }
}

#[test]
fn a_damaged_revisions_file_is_a_located_error() {
    let tmp = copy_site(&common::example());
    let site = tmp.path().join("site");
    let out = tmp.path().join("public");
    let damaged = "releases:\n  - date: 2026-03-20\n    enterprises:\n      - id: ruifeng\n        documents:\n          - {id: ruifeng/risk-map, title: 图, version: A/0, hsh: 0123456789abcdef}\n";
    fs::write(site.join("revisions.yaml"), damaged).expect("write");
    let built = anquan(&[
        "build",
        path(&site),
        "-o",
        path(&out),
        "--html",
        "--date",
        "2026-11-23",
    ]);
    assert_eq!(built.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(
        stderr.contains("error[unknown-key] revisions.yaml:6:")
            && stderr.contains("releases[0].enterprises[0].documents[0]"),
        "{stderr}"
    );

    let disordered = "releases:\n  - date: 2026-11-23\n  - date: 2026-03-20\n";
    fs::write(site.join("revisions.yaml"), disordered).expect("write");
    let released = anquan(&["release", path(&site), "--date", "2026-12-01"]);
    assert_eq!(released.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&released.stderr);
    assert!(
        stderr.contains("error[invalid-value] revisions.yaml:3:")
            && stderr.contains("releases[1].date"),
        "{stderr}"
    );
}
