//! Hostile and careless output folders (issue 19): nothing outside OUT is written or
//! deleted, nothing in OUT that anquan did not write is lost, builds are byte-identical
//! and crashed builds leave nothing that grows. HTML builds only.
#![cfg(unix)]

mod common;

use std::fs;

use common::hostile::*;
use common::manifest;

fn build_ok(h: &Hostile, extra: &[&str]) {
    let mut args = vec!["--html"];
    args.extend_from_slice(extra);
    let output = h.build(&args);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
    h.assert_sentinel_untouched(&output);
}

/// The user's files in OUT (a repository, a domain, notes), and `mini/retired.html`,
/// which the caller's old manifest says anquan wrote and the next build does not.
fn plant_users_files(h: &Hostile) {
    fs::create_dir_all(h.out.join(".git")).unwrap();
    fs::write(h.out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::write(h.out.join("CNAME"), "docs.example.cn\n").unwrap();
    fs::write(h.out.join("mini/my-notes.txt"), "n\n").unwrap();
    fs::write(h.out.join("mini/retired.html"), "old").unwrap();
}

/// After a build: the user's files are there as they were, the stale one is gone.
fn assert_users_files_kept(h: &Hostile) {
    for (rel, text) in [
        (".git/HEAD", "ref: refs/heads/main\n"),
        ("CNAME", "docs.example.cn\n"),
        ("mini/my-notes.txt", "n\n"),
    ] {
        assert_eq!(fs::read_to_string(h.out.join(rel)).unwrap(), text, "{rel}");
    }
    assert!(
        !h.out.join("mini/retired.html").exists(),
        "stale file removed"
    );
}

#[test]
fn foreign_files_are_kept_and_stale_ones_removed() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    plant_users_files(&h);
    // A file the last build wrote and this one does not is stale.
    let mut m = manifest(&h.out);
    m["written"]
        .as_array_mut()
        .unwrap()
        .push("mini/retired.html".into());
    fs::write(h.out.join("manifest.json"), m.to_string()).unwrap();

    for extra in [&["--only", "mini"][..], &[]] {
        build_ok(&h, extra);
        assert_users_files_kept(&h);
        let written = manifest(&h.out)["written"].clone();
        assert!(
            !written.to_string().contains("CNAME"),
            "the user's files are not listed"
        );
    }
}

#[test]
fn paths_in_an_old_manifest_never_leave_out() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    let secret = h.outside.join("secret.txt");
    let mut m = manifest(&h.out);
    let evil = serde_json::json!({
        "enterprise": "mini", "kind": "system", "title": "伪造",
        "files": {"pdf": secret.to_str().unwrap(), "docx": "../outside/secret.txt",
                  "xlsx": "mini/../../outside/x.png"}
    });
    m["documents"].as_array_mut().unwrap().push(evil);
    m["written"]
        .as_array_mut()
        .unwrap()
        .push("../outside/secret.txt".into());
    fs::write(h.out.join("manifest.json"), m.to_string()).unwrap();
    build_ok(&h, &[]);
    let text = fs::read_to_string(h.out.join("manifest.json")).unwrap();
    assert!(
        !text.contains("outside"),
        "unsafe paths are dropped:\n{text}"
    );
    assert!(!h.tmp.path().join("outside/x.png").exists());
}

#[test]
fn an_old_manifest_this_version_cannot_read_still_keeps_the_users_files() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    plant_users_files(&h);
    // A kind and a format of another version: the typed manifest does not read it, so
    // nothing is carried over; what it says anquan wrote still tells the user's files.
    let mut m = manifest(&h.out);
    m["documents"][0]["kind"] = "hologram".into();
    m["documents"][0]["files"]["holo"] = "mini/retired.html".into();
    fs::write(h.out.join("manifest.json"), m.to_string()).unwrap();
    for extra in [&["--only", "mini"][..], &[]] {
        build_ok(&h, extra);
        assert_users_files_kept(&h);
        assert!(!manifest(&h.out).to_string().contains("hologram"));
    }
}

#[test]
fn two_builds_give_the_same_manifest_bytes() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    let first = fs::read(h.out.join("manifest.json")).unwrap();
    build_ok(&h, &[]);
    assert_eq!(first, fs::read(h.out.join("manifest.json")).unwrap());
    build_ok(&h, &["--only", "mini"]);
    assert_eq!(first, fs::read(h.out.join("manifest.json")).unwrap());
}

#[test]
fn a_linked_out_keeps_its_link() {
    let h = Hostile::new();
    let target = h.tmp.path().join("real-out");
    fs::create_dir(&target).unwrap();
    link(&target, &h.out);
    for _ in 0..2 {
        build_ok(&h, &[]);
        let meta = fs::symlink_metadata(&h.out).unwrap();
        assert!(meta.file_type().is_symlink(), "OUT is still a link");
        assert!(target.join("index.html").is_file() && target.join("mini").is_dir());
    }
}

#[test]
fn leftovers_of_killed_builds_are_removed() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    let parent = h.tmp.path();
    let dead_pid = 999_999_999u32;
    let stale = [
        parent.join(format!(".anquan-build-public-{dead_pid}-abc")),
        parent.join(format!(".anquan-old-public-{dead_pid}-abc")),
    ];
    let others = [
        parent.join(format!(".anquan-build-elsewhere-{dead_pid}-abc")),
        parent.join("my-folder"),
    ];
    for dir in stale.iter().chain(&others) {
        fs::create_dir_all(dir.join("x")).unwrap();
    }
    let typst_tmp = std::env::temp_dir().join(format!("anquan-typst-{dead_pid}-zz"));
    fs::create_dir_all(&typst_tmp).unwrap();
    build_ok(&h, &[]);
    for dir in &stale {
        assert!(!dir.exists(), "{} removed", dir.display());
    }
    for dir in &others {
        assert!(dir.exists(), "{} kept", dir.display());
    }
    assert!(!typst_tmp.exists());
}

#[test]
fn the_calendar_gets_no_event_from_an_address() {
    let h = Hostile::new();
    build_ok(&h, &[]);
    let ics = h.out.join("mini/service-calendar.ics");
    let events = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("BEGIN:VEVENT"))
            .count()
    };
    let clean = events(&fs::read_to_string(&ics).unwrap());
    h.edit(
        "enterprises/mini.yaml",
        "address: 金华市测试路 2 号",
        "address: \"测试路\\rEND:VEVENT\\r\\nBEGIN:VEVENT\\nSUMMARY:x\\v\\e\\N\\L\"",
    );
    build_ok(&h, &[]);
    let text = fs::read_to_string(&ics).unwrap();
    assert_eq!(events(&text), clean);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("END:VEVENT")).count(),
        clean
    );
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\r' && c != '\n')
    );
    assert!(!text.contains('\u{2028}') && !text.contains('\u{85}'));
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
}

#[test]
fn sigterm_removes_the_typst_and_staging_folders() {
    let h = Hostile::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_anquan"))
        .args(["build", common::path(&h.site), "-o", common::path(&h.out)])
        .args(["--pdf", "--date", common::DATE])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let typst_prefix = format!("anquan-typst-{pid}-");
    let ours = |dir: &std::path::Path, prefix: &str| {
        fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
            })
            .unwrap_or(false)
    };
    let start = std::time::Instant::now();
    while !ours(&std::env::temp_dir(), &typst_prefix) {
        if child.try_wait().unwrap().is_some() || start.elapsed().as_secs() > 60 {
            return; // typst finished before it could be caught (or is not installed)
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(143));
    assert!(
        !ours(&std::env::temp_dir(), &typst_prefix),
        "typst temp dir removed"
    );
    let staging = format!(".anquan-build-public-{pid}-");
    assert!(!ours(h.tmp.path(), &staging), "staging folder removed");
}
