//! `build --shard K/N` and `merge`: merged shards are byte-identical to an unsharded
//! build, merge refuses shards that do not belong together; and the CI guide's workflows
//! parse.

#[path = "shards/ci_guide.rs"]
mod ci_guide;
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix");
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

fn assert_same_tree(full: &Path, merged: &Path) {
    let (a, b) = (tree(full), tree(merged));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "the merged site has other files");
    for (rel, bytes) in &a {
        assert!(bytes == &b[rel], "{rel} differs from the unsharded build");
    }
}

/// Builds shard `k/n` of `site` into `out` with extra flags (e.g. `--html`).
fn build_shard(site: &Path, out: &Path, k: u32, n: u32, flags: &[&str]) -> std::process::Output {
    let shard = format!("{k}/{n}");
    let mut args = vec![
        "build",
        path(site),
        "-o",
        path(out),
        "--shard",
        &shard,
        "-q",
    ];
    args.extend(flags);
    if !flags.contains(&"--date") {
        args.extend(["--date", DATE]);
    }
    let output = anquan(&args);
    assert!(
        output.status.success(),
        "shard {shard} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Builds `site` unsharded and as shards 1/n..n/n for each n, merges, compares.
fn merged_equals_full(site: &Path, counts: &[u32], flags: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let full = tmp.path().join("full");
    let mut args = vec!["build", path(site), "-o", path(&full), "--date", DATE, "-q"];
    args.extend(flags);
    assert!(anquan(&args).status.success());
    for &n in counts {
        let outs: Vec<PathBuf> = (1..=n)
            .map(|k| tmp.path().join(format!("{n}-{k}")))
            .collect();
        for (k, out) in (1..=n).zip(&outs) {
            build_shard(site, out, k, n, flags);
        }
        let merged = tmp.path().join(format!("merged-{n}"));
        let mut args = vec!["merge"];
        // In reverse: merge reads each shard's number from its manifest.
        args.extend(outs.iter().rev().map(|o| path(o)));
        args.extend(["-o", path(&merged)]);
        let output = anquan(&args);
        assert!(
            output.status.success(),
            "merge of {n} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_same_tree(&full, &merged);
    }
}

#[test]
fn merged_shards_of_the_example_equal_the_full_build() {
    // Of 3 shards one is empty (ruifeng is shard 1, jinshun shard 2).
    merged_equals_full(&example(), &[2, 3], &["--html"]);
}

#[test]
fn merged_shards_of_jinhua_equal_the_full_build() {
    let Some(site) = jinhua() else {
        eprintln!("skipped: ../shared/examples/jinhua is not there");
        return;
    };
    merged_equals_full(&site, &[2], &["--html"]);
}

#[test]
fn merged_shards_with_pdf_and_docx_equal_the_full_build() {
    merged_equals_full(&example(), &[2], &[]);
}

#[test]
fn a_shard_holds_its_share_and_says_which_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // A full output in OUT first: the shard must not carry the other enterprise over.
    build_html(&example(), &out);
    build_shard(&example(), &out, 1, 2, &["--html"]);
    assert!(out.join("jinshun/index.html").is_file());
    assert!(!out.join("ruifeng").exists(), "shard 1/2 kept ruifeng");
    let m = manifest(&out);
    assert_eq!(m["shard"], serde_json::json!({"index": 1, "count": 2}));
    assert_eq!(manifest_ids(&m), ["jinshun"]);
    // The agency index lists every enterprise with its document count, as a full build.
    let index = text(&read(&out.join("index.html")));
    assert!(index.contains("瑞丰") && index.contains("金顺"), "{index}");
    let full = tmp.path().join("full");
    build_html(&example(), &full);
    assert_eq!(
        read(&out.join("index.html")),
        read(&full.join("index.html"))
    );
    // A full build's manifest has no shard field.
    assert!(manifest(&full).get("shard").is_none());
}

/// Shards 1/2 and 2/2 of the example (HTML), built once for the refusal tests.
fn example_shards() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static SHARDS: std::sync::OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> =
        std::sync::OnceLock::new();
    SHARDS.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let (one, two) = (tmp.path().join("1"), tmp.path().join("2"));
        build_shard(&example(), &one, 1, 2, &["--html"]);
        build_shard(&example(), &two, 2, 2, &["--html"]);
        (tmp, one, two)
    })
}

/// Runs merge into a fresh folder and returns its stderr, asserting exit 1 and that
/// nothing was written.
fn merge_refuses(shards: &[&Path]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("merged");
    let mut args = vec!["merge"];
    args.extend(shards.iter().map(|s| path(s)));
    args.extend(["-o", path(&out)]);
    let output = anquan(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists(), "a refused merge wrote {}", out.display());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn merge_refuses_a_missing_or_repeated_shard() {
    let (_, one, two) = example_shards();
    let err = merge_refuses(&[one]);
    assert!(err.contains("shard 2 of 2 is missing"), "{err}");
    let err = merge_refuses(&[two, two]);
    assert!(err.contains("are both shard 2/2"), "{err}");
}

#[test]
fn merge_refuses_shards_of_other_dates_counts_or_sites() {
    let (tmp, one, two) = example_shards();
    let dated = tmp.path().join("dated");
    build_shard(
        &example(),
        &dated,
        2,
        2,
        &["--html", "--date", "2026-11-24"],
    );
    let err = merge_refuses(&[one, &dated]);
    assert!(
        err.contains("build dates 2026-11-23 and 2026-11-24"),
        "{err}"
    );

    let third = tmp.path().join("third");
    build_shard(&example(), &third, 3, 3, &["--html"]);
    let err = merge_refuses(&[one, two, &third]);
    assert!(err.contains("shards 1/2 and 3/3"), "{err}");

    // A shard whose enterprises have PDFs beside one without.
    let with_pdf = tmp.path().join("with-pdf");
    copy_dir(two, &with_pdf);
    let mut m = manifest(&with_pdf);
    for doc in m["documents"].as_array_mut().unwrap() {
        if doc["enterprise"].is_string() {
            doc["files"]["pdf"] = "x.pdf".into();
        }
    }
    fs::write(with_pdf.join("manifest.json"), m.to_string()).unwrap();
    let err = merge_refuses(&[one, &with_pdf]);
    assert!(err.contains("built with --html or --pdf"), "{err}");

    // A shared file written differently by two shards.
    let edited = tmp.path().join("edited");
    copy_dir(two, &edited);
    fs::write(edited.join("style.css"), "body {}").unwrap();
    let err = merge_refuses(&[one, &edited]);
    assert!(err.contains("style.css differs between"), "{err}");
}

#[test]
fn merge_refuses_a_full_build_and_a_foreign_folder() {
    let (tmp, one, _) = example_shards();
    let full = tmp.path().join("full-build");
    build_html(&example(), &full);
    let err = merge_refuses(&[one, &full]);
    assert!(err.contains("built without --shard"), "{err}");
    let foreign = tmp.path().join("foreign");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "x").unwrap();
    let err = merge_refuses(&[one, &foreign]);
    assert!(err.contains("no manifest.json written by anquan"), "{err}");
}

#[test]
fn shard_is_checked_as_k_of_n() {
    for bad in ["0/2", "3/2", "2", "x/y"] {
        let out = anquan(&["build", path(&example()), "--shard", bad, "--html"]);
        assert_eq!(out.status.code(), Some(2), "--shard {bad}");
    }
    let out = anquan(&[
        "build",
        path(&example()),
        "--shard",
        "1/2",
        "--only",
        "ruifeng",
    ]);
    assert_eq!(out.status.code(), Some(2), "--shard with --only");
}
