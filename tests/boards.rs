//! Boards and cards for the print shop (spec §7): one sheet each at its print size, in PDF;
//! the QR code of the page reads back as its URL; too much content is `board-overflow`
//! and still fits one sheet.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// `pdfinfo` of a PDF: its page count and page size in points.
fn pages_and_size(pdf: &Path) -> (u32, f64, f64) {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("{name} in {info}"))
            .trim()
            .to_string()
    };
    let pages = field("Pages:").parse().expect("a page count");
    let size = field("Page size:");
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (pages, numbers[0], numbers[1])
}

/// mm → pt, to compare with pdfinfo's page size.
fn pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

fn assert_sheet(pdf: &Path, width_mm: f64, height_mm: f64) {
    let (pages, w, h) = pages_and_size(pdf);
    assert_eq!(pages, 1, "{} runs onto a second page", pdf.display());
    assert!(
        (w - pt(width_mm)).abs() < 1.0 && (h - pt(height_mm)).abs() < 1.0,
        "{}: {w} × {h} pt, not {width_mm} × {height_mm} mm",
        pdf.display()
    );
}

fn pdf_of(out: &Path, doc: &serde_json::Value) -> std::path::PathBuf {
    out.join(doc["files"]["pdf"].as_str().expect("a PDF"))
}

#[test]
fn every_board_and_card_of_the_example_is_one_a4_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    build_all(&example(), &out);
    let m: serde_json::Value = serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    let mut sheets = 0;
    for enterprise in ["ruifeng", "jinshun"] {
        for kind in ["zone-board", "post-card", "notice-board"] {
            for doc in docs(&m, enterprise, kind) {
                assert_sheet(&pdf_of(&out, doc), 210.0, 297.0);
                sheets += 1;
            }
        }
        for badge in docs(&m, enterprise, "badge") {
            assert_sheet(&pdf_of(&out, badge), 90.0, 130.0);
        }
    }
    assert_eq!(sheets, 6 + 7 + 1 + 3 + 3 + 1);
}

/// The minimal fixture with `build:` settings and, optionally, a patched enterprise.
fn minimal_with(build: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let config = site.join("anquan.yaml");
    fs::write(&config, format!("{}\nbuild:\n{build}", read(&config))).unwrap();
    (tmp, site)
}

#[test]
fn board_and_card_sizes_set_the_sheets_and_the_qr_code_reads_as_the_page_url() {
    let (tmp, site) = minimal_with(
        "  board_size: A3\n  card_size: A5\n  base_url: https://aq.example.cn/packs/\n",
    );
    let out = tmp.path().join("out");
    build_all(&site, &out);
    assert_sheet(&out.join("mini/zone-board-shop.pdf"), 297.0, 420.0);
    assert_sheet(&out.join("mini/notice-board.pdf"), 297.0, 420.0);
    assert_sheet(&out.join("mini/post-card-press.pdf"), 148.0, 210.0);
    let png = tmp.path().join("card");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-singlefile"])
        .arg(out.join("mini/post-card-press.pdf"))
        .arg(&png)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let scanned = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(png.with_extension("png"))
        .output()
        .expect("zbarimg (zbar-tools) is installed");
    assert_eq!(
        String::from_utf8_lossy(&scanned.stdout).trim(),
        "https://aq.example.cn/packs/mini/post-card-press.html"
    );
    // The HTML page carries the same code, as vector.
    let html = read(&out.join("mini/post-card-press.html"));
    assert!(html.contains(
        r#"<figure class="qr" data-url="https://aq.example.cn/packs/mini/post-card-press.html"><svg"#
    ));
    assert!(html.contains("@page { size: A5 portrait"));
}

#[test]
fn a_post_with_thirty_controls_is_board_overflow_and_still_one_sheet() {
    let (tmp, site) = minimal_with("  formats: [html, pdf]\n");
    let file = site.join("enterprises/mini.yaml");
    let controls: Vec<String> = (1..=30)
        .map(|i| format!("作业前检查光电保护装置、双手按钮和急停按钮是否完好有效（第{i}项）"))
        .collect();
    let text = read(&file).replace(
        "      engineering: [光电保护装置]",
        &format!(
            "      engineering: [光电保护装置]\n      management: [{}]",
            controls.join(", ")
        ),
    );
    fs::write(&file, text).unwrap();
    let check = anquan(&["check", path(&site), "--date", DATE]);
    let report = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    let line = report
        .lines()
        .find(|l| l.starts_with("warning[board-overflow]") && l.contains("posts[0]"))
        .unwrap_or_else(|| panic!("no board-overflow at posts[0]:\n{report}"));
    for needle in [
        "岗位安全风险告知卡（冲床工）",
        "A4",
        "安全操作要点 (31 items",
    ] {
        assert!(line.contains(needle), "{needle} not in {line}");
    }
    let out = tmp.path().join("out");
    build_all(&site, &out);
    assert_sheet(&out.join("mini/post-card-press.pdf"), 210.0, 297.0);
    assert!(pdf_text(&out.join("mini/post-card-press.pdf")).contains("第30项"));
}
