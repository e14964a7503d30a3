//! Helpers shared by the end-to-end tests: run the real binary on real sites.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const DATE: &str = "2026-11-23";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example() -> PathBuf {
    repo().join("example")
}

/// The shared example site, when the checkout has `../shared` beside it.
pub fn jinhua() -> Option<PathBuf> {
    let dir = repo().join("../shared/examples/jinhua");
    dir.join("anquan.yaml").is_file().then_some(dir)
}

pub fn anquan(args: &[&str]) -> Output {
    anquan_with_env(args, &[])
}

/// Runs anquan in English (`ANQUAN_LANG=en`, which `env` may override): most tests check
/// what messages say in English; tests/i18n.rs checks the Chinese default.
pub fn anquan_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_anquan"));
    // English messages (tests/i18n.rs checks the Chinese default), and every build from
    // scratch unless a test asks for the cache (`--cache DIR`).
    command
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("ANQUAN_LANG", "en")
        .env("ANQUAN_CACHE", "off");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run anquan")
}

/// Builds `site` (HTML and PDF) into `out`, asserting success.
pub fn build_all(site: &Path, out: &Path) -> Output {
    let output = anquan(&["build", path(site), "-o", path(out), "--date", DATE]);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The example built with every format once per test binary (HTML, PDF, DOCX).
pub fn example_built() -> &'static Path {
    static OUT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("public");
        build_all(&example(), &out);
        (tmp, out)
    });
    out
}

/// pdftotext of a PDF with all white space removed (CJK text is often split by spaces).
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The pack's top-level bookmarks, one per document: (title, page from 1).
pub fn pack_bookmarks(pack: &Path) -> Vec<(String, usize)> {
    let toc = lopdf::Document::load(pack)
        .expect("pack parses")
        .get_toc()
        .expect("pack has an outline");
    toc.toc
        .into_iter()
        .filter(|t| t.level == 1)
        .map(|t| (t.title, t.page))
        .collect()
}

/// The same of one page (from 1).
pub fn pdf_page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    pdftotext(pdf, &["-f", &n, "-l", &n])
}

/// Each page rendered by pdftoppm (30 dpi, grey, PGM bytes): to compare how PDFs look.
pub fn pdf_render(pdf: &Path) -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().expect("tempdir");
    let status = Command::new("pdftoppm")
        .args(["-r", "30", "-gray"])
        .arg(pdf)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success(), "pdftoppm {}", pdf.display());
    let mut pages: Vec<_> = fs::read_dir(dir.path())
        .expect("pages")
        .map(|e| e.expect("page").path())
        .collect();
    pages.sort();
    pages.iter().map(|p| fs::read(p).expect("page")).collect()
}

/// pdftotext of each page, white space kept (lines, dot leaders), empty pages included.
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-q"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends every page with a form feed, the last one too.
    pages.pop();
    pages
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(["-q"])
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Copies a site into a fresh temp dir, so tests never write into the repository.
pub fn copy_site(src: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(src, &tmp.path().join("site"));
    tmp
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(src).expect("prefix");
        if rel.starts_with("public") {
            continue;
        }
        let target = dst.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Builds `site` (HTML) into `out` and returns the output, asserting success.
pub fn build_html(site: &Path, out: &Path) -> Output {
    build_with(site, out, &["--html"])
}

/// Builds `site` into `out` with these options, asserting success.
pub fn build_with(site: &Path, out: &Path, options: &[&str]) -> Output {
    let mut args = vec!["build", path(site), "-o", path(out), "--date", DATE];
    args.extend_from_slice(options);
    let output = anquan(&args);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

pub fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&read(&out.join("manifest.json"))).expect("manifest is JSON")
}

/// The ids of the manifest's `enterprises`, in its order.
pub fn manifest_ids(m: &serde_json::Value) -> Vec<&str> {
    m["enterprises"]
        .as_array()
        .expect("enterprises")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect()
}

/// Documents of one enterprise and kind in the manifest.
pub fn docs<'a>(
    m: &'a serde_json::Value,
    enterprise: &str,
    kind: &str,
) -> Vec<&'a serde_json::Value> {
    m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter(|d| d["enterprise"] == enterprise && d["kind"] == kind)
        .collect()
}

/// The HTML of the document with this title.
pub fn doc_html(out: &Path, m: &serde_json::Value, enterprise: &str, title: &str) -> String {
    let doc = m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["enterprise"] == enterprise && d["title"] == title)
        .unwrap_or_else(|| panic!("no document {title} for {enterprise}"));
    read(&out.join(doc["files"]["html"].as_str().expect("html path")))
}

/// Text of an HTML page with tags removed, for content assertions.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Builds the bundled example (HTML) into a temp dir: (the dir, OUT, the manifest).
pub fn example_html() -> (tempfile::TempDir, PathBuf, serde_json::Value) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build_html(&example(), &out);
    let m = manifest(&out);
    (tmp, out, m)
}

/// Working days by the notices, written out here independently of the built-in table:
/// 2026 (国办发明电〔2025〕7号) and 2027's statutory 春节 days.
pub fn is_working_day(day: chrono::NaiveDate) -> bool {
    use chrono::{Datelike, Weekday};
    let s = day.to_string();
    let adjusted = [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ];
    let off = [
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
        ("2027-01-01", "2027-01-01"),
        ("2027-02-05", "2027-02-08"),
    ];
    if adjusted.contains(&s.as_str()) {
        return true;
    }
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        && !off
            .iter()
            .any(|(a, b)| *a <= s.as_str() && s.as_str() <= *b)
}
pub mod hostile;
