//! PDFs through the typst CLI: text, fonts, the pack's bookmarks, hostile text printed
//! literally, determinism, and a clear hint when typst is missing.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The example is built with PDFs once for all tests of this file.
fn example_out() -> &'static Path {
    example_built()
}

#[test]
fn every_system_has_a_pdf_naming_the_enterprise_and_its_principal() {
    let out = example_out();
    let m = manifest(out);
    let systems = docs(&m, "ruifeng", "system");
    assert_eq!(systems.len(), 16);
    for d in &systems {
        let pdf = out.join(d["files"]["pdf"].as_str().expect("pdf listed"));
        let text = pdf_text(&pdf);
        let title = d["title"].as_str().unwrap();
        assert!(
            text.contains("永康市瑞丰电动工具有限公司"),
            "{title}: enterprise name"
        );
        assert!(text.contains(title), "{title}: title");
        assert!(
            text.contains(d["number"].as_str().unwrap()),
            "{title}: document number"
        );
    }
    let duty = pdf_text(&out.join("ruifeng/system-01-responsibility.pdf"));
    assert!(duty.contains("应国强") && duty.contains("胡晓燕") && duty.contains("超过一百人"));
    assert!(
        !duty.contains("ZA-AQ-RUIFENG-16"),
        "a document's header shows its own number only"
    );
}

#[test]
fn pdfs_embed_a_cjk_font() {
    let out = example_out();
    let fonts = Command::new("pdffonts")
        .arg(out.join("ruifeng/system-03-inspection.pdf"))
        .output()
        .expect("pdffonts");
    let listing = String::from_utf8_lossy(&fonts.stdout);
    let cjk: Vec<&str> = listing.lines().filter(|l| l.contains("CJK")).collect();
    assert!(!cjk.is_empty(), "no CJK font:\n{listing}");
    assert!(
        cjk.iter()
            .all(|l| l.split_whitespace().filter(|w| *w == "yes").count() >= 2),
        "CJK fonts are embedded and subset:\n{listing}"
    );
}

#[test]
fn the_pack_has_a_cover_a_contents_page_and_a_bookmark_per_document() {
    let out = example_out();
    let m = manifest(out);
    let packs = docs(&m, "ruifeng", "pack");
    assert_eq!(packs.len(), 1);
    let pack = out.join(packs[0]["files"]["pdf"].as_str().unwrap());
    let toc = pack_bookmarks(&pack);
    let titles: Vec<&str> = toc.iter().map(|t| t.0.as_str()).collect();
    let documents: Vec<&str> = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["enterprise"] == "ruifeng" && d["kind"] != "pack" && d["kind"] != "index")
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    let kinds: std::collections::BTreeSet<&str> = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["enterprise"] == "ruifeng")
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "system",
        "ledger",
        "risk-map",
        "zone-board",
        "post-card",
        "notice-board",
        "service-plan",
        "badge",
    ] {
        assert!(kinds.contains(kind), "the pack holds {kind}");
    }
    assert_eq!(titles, documents, "one bookmark per document, in order");
    assert!(
        toc.windows(2).all(|w| w[0].1 < w[1].1),
        "bookmarks point at increasing pages"
    );
    let text = pdf_text(&pack);
    assert!(
        text.contains("正安安全托管文件包") && text.contains("目录"),
        "cover and contents"
    );
    // Continuous page numbers: folios — 1 — … — N — with none missing.
    let folios: Vec<usize> = text
        .split('—')
        .filter_map(|part| part.parse::<usize>().ok())
        .collect();
    let highest = folios.iter().copied().max().unwrap_or(0);
    assert!(highest > 60, "folios run through the pack: {highest}");
    assert!(
        (1..=highest).all(|n| folios.contains(&n)),
        "no folio is missing up to {highest}"
    );
}

/// Bytes of the CID-keyed CFF font programs a PDF embeds.
fn font_program_bytes(pdf: &Path) -> usize {
    let doc = lopdf::Document::load(pdf).expect("PDF parses");
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|n| n.as_name()).ok() == Some(b"CIDFontType0C"))
        .map(|s| s.content.len())
        .sum()
}

/// The folio printed on a page (— N —), if any.
fn folio(page: &str) -> Option<usize> {
    page.lines()
        .map(|l| l.replace(' ', ""))
        .find_map(|l| l.strip_prefix('—')?.strip_suffix('—')?.parse().ok())
}

#[test]
fn the_contents_page_numbers_are_the_folios_where_documents_start() {
    let out = example_out();
    let pack = out.join("ruifeng/pack.pdf");
    let bookmarks = pack_bookmarks(&pack);
    let pages = pdf_pages(&pack);
    // The contents pages: "title . . . . N", the title possibly on a line of its own.
    let entries: Vec<(String, usize)> = pages[1..]
        .iter()
        .take_while(|p| p.contains(". . ."))
        .flat_map(|p| p.lines())
        .filter_map(|line| {
            let (title, rest) = line.split_once(" . ")?;
            let n = rest
                .trim_end()
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()?;
            Some((title.trim().to_string(), n))
        })
        .collect();
    assert!(
        entries.len() * 2 > bookmarks.len(),
        "contents parsed: {entries:?}"
    );
    let mut checked = 0;
    for (title, n) in &entries {
        let Some((_, page)) = bookmarks.iter().find(|(t, _)| t == title) else {
            continue;
        };
        // The cover has no folio; the contents start at — 1 —.
        assert_eq!(
            page - 1,
            *n,
            "{title}: contents say {n}, bookmark page {page}"
        );
        if let Some(printed) = folio(&pages[page - 1]) {
            assert_eq!(printed, *n, "{title}: folio of its first page");
            checked += 1;
        }
    }
    assert!(checked > 40, "folios checked: {checked}");
}

#[test]
fn a_document_is_its_pages_of_the_pack_with_its_own_folios_and_bookmarks() {
    let out = example_out();
    let pack = out.join("ruifeng/pack.pdf");
    let bookmarks = pack_bookmarks(&pack);
    let title = "安全生产检查制度";
    let at = bookmarks
        .iter()
        .position(|(t, _)| t == title)
        .expect("bookmarked");
    let pack_pages = bookmarks[at + 1].1 - bookmarks[at].1;
    let pdf = out.join("ruifeng/system-03-inspection.pdf");
    let pages = pdf_pages(&pdf);
    assert_eq!(pages.len(), pack_pages, "as many pages as in the pack");
    let folios: Vec<Option<usize>> = pages.iter().map(|p| folio(p)).collect();
    let expected: Vec<Option<usize>> = (1..=pack_pages).map(Some).collect();
    assert_eq!(folios, expected, "its own folios from — 1 —");
    let outline = lopdf::Document::load(&pdf).unwrap().get_toc().unwrap().toc;
    assert_eq!(outline[0].title, title, "the title is the first bookmark");
    assert!(
        outline
            .iter()
            .any(|t| t.level == 2 && t.title.contains("目的")),
        "its headings under it: {outline:?}"
    );
    // Its fonts hold its own glyphs, not the pack's whole subsets.
    let pack_fonts = font_program_bytes(&pack);
    assert!(
        font_program_bytes(&pdf) * 3 < pack_fonts,
        "fonts cut to the document's glyphs"
    );
    assert!(
        font_program_bytes(&out.join("ruifeng/notice-board.pdf")) * 10 < pack_fonts,
        "a board carries a few glyphs"
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("安全生产检查制度 · 永康市瑞丰电动工具有限公司"),
        "its own title: {info}"
    );
}

#[test]
fn hostile_text_is_printed_literally() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    let hostile = r##"金华#read("/etc/passwd") <script> $x$ *b* ] [有限公司"##;
    let yaml = format!("name: '{hostile}'");
    fs::write(
        &file,
        read(&file).replace("name: 金华市最小示例有限公司", &yaml),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_all(&site, &out);
    let text = pdf_text(&out.join("mini/system-01-responsibility.pdf"));
    let literal: String = hostile.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        text.contains(&literal),
        "name not printed literally: {text:.300}"
    );
    assert!(!text.contains("root:x:0:0"), "a file was read into the PDF");
}

#[test]
fn two_builds_with_pdfs_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let site = repo().join("tests/fixtures/minimal");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_all(&site, &a);
    build_all(&site, &b);
    let pdfs: Vec<PathBuf> = fs::read_dir(a.join("mini"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    let m = manifest(&a);
    let listed = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["files"].get("pdf").is_some())
        .count();
    assert_eq!(pdfs.len(), listed, "every PDF written is listed");
    assert!(
        pdfs.len() >= 20,
        "systems, map, register, board, card, pack"
    );
    for pdf in pdfs {
        let name = pdf.file_name().unwrap();
        assert!(
            fs::read(&pdf).unwrap() == fs::read(b.join("mini").join(name)).unwrap(),
            "{name:?} differs"
        );
    }
    assert_eq!(
        read(&a.join("manifest.json")),
        read(&b.join("manifest.json"))
    );
}

#[test]
fn a_missing_typst_fails_with_the_install_hint_and_keeps_the_output() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let before = read(&out.join("manifest.json"));
    let env = [("ANQUAN_TYPST", "/nonexistent/typst")];
    let result = anquan_with_env(
        &["build", path(&site), "-o", path(&out), "--date", DATE],
        &env,
    );
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("cargo install --locked typst-cli@0.15.1"),
        "{stderr}"
    );
    assert!(stderr.contains("anquan doctor"), "{stderr}");
    assert_eq!(read(&out.join("manifest.json")), before);
    let doctor = anquan_with_env(&["doctor", path(&site)], &env);
    assert_eq!(doctor.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&doctor.stdout).contains("typst-cli@0.15.1"));
}

#[test]
fn doctor_finds_typst_and_fonts() {
    let out = anquan(&["doctor", path(&example())]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("typst 0.15") && text.contains("CJK font"),
        "{text}"
    );
}

#[test]
fn pdf_only_builds_write_no_html() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let result = anquan(&[
        "build",
        path(&repo().join("tests/fixtures/minimal")),
        "-o",
        path(&out),
        "--pdf",
        "--date",
        DATE,
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(out.join("mini/pack.pdf").is_file());
    assert!(
        !out.join("index.html").exists()
            && !out.join("mini/system-01-responsibility.html").exists()
    );
    let m = manifest(&out);
    assert!(
        m["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["files"].get("html").is_none())
    );
}

#[test]
fn the_map_and_register_are_landscape_pdfs_and_boards_print_their_zone() {
    let out = example_out();
    let info = |name: &str| {
        let o = Command::new("pdfinfo")
            .arg(out.join("ruifeng").join(name))
            .output()
            .expect("pdfinfo");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(
        info("risk-map.pdf").contains("841.89 x 595.276"),
        "map is A4 landscape"
    );
    assert!(
        info("risk-register.pdf").contains("841.89 x 595.276"),
        "register is A4 landscape"
    );
    assert!(
        info("zone-board-coating.pdf").contains("595.276 x 841.89"),
        "boards are portrait"
    );
    let map = pdf_text(&out.join("ruifeng/risk-map.pdf"));
    for needle in [
        "永康市瑞丰电动工具有限公司安全风险四色分布图",
        "喷粉车间",
        "重大风险",
        "北",
    ] {
        assert!(map.contains(needle), "map PDF lacks {needle}");
    }
    let board = pdf_text(&out.join("ruifeng/zone-board-coating.pdf"));
    // The head of the board: what it is, then the zone in large type.
    assert!(board.contains("车间风险公告牌喷粉车间") && board.contains("粉尘云遇静电火花爆炸"));
}

#[test]
fn partial_builds_keep_the_rest_of_the_last_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let site = example();
    build_all(&site, &out);
    let full = manifest(&out);
    let count = |m: &serde_json::Value, format: &str| {
        m["documents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["files"].get(format).is_some())
            .count()
    };

    // Only one enterprise, only HTML: the other enterprise and every PDF stay.
    let only = anquan(&[
        "build",
        path(&site),
        "-o",
        path(&out),
        "--html",
        "--only",
        "jinshun",
        "--date",
        DATE,
    ]);
    assert!(
        only.status.success(),
        "{}",
        String::from_utf8_lossy(&only.stderr)
    );
    let after = manifest(&out);
    assert_eq!(after["enterprises"], full["enterprises"]);
    assert_eq!(
        count(&after, "pdf"),
        count(&full, "pdf"),
        "PDF entries are kept"
    );
    assert_eq!(
        count(&after, "html"),
        count(&full, "html"),
        "HTML entries are kept"
    );
    assert_eq!(
        count(&after, "docx"),
        count(&full, "docx"),
        "DOCX is written with the PDFs, so an HTML build keeps it"
    );
    assert!(out.join("jinshun/pack.docx").is_file());
    assert!(
        out.join("ruifeng/pack.pdf").is_file()
            && out.join("ruifeng/system-01-responsibility.html").is_file()
    );
    assert!(
        out.join("jinshun/pack.pdf").is_file(),
        "jinshun's PDFs stay too"
    );
    let index = read(&out.join("index.html"));
    assert!(
        index.contains("永康市瑞丰电动工具有限公司")
            && index.contains("永康市金顺物流仓储有限公司"),
        "the index lists both"
    );

    // Only PDFs: the pages stay.
    let pdf = anquan(&[
        "build",
        path(&site),
        "-o",
        path(&out),
        "--pdf",
        "--only",
        "jinshun",
        "--date",
        DATE,
    ]);
    assert!(pdf.status.success());
    assert!(
        out.join("index.html").is_file()
            && out.join("style.css").is_file()
            && out.join("jinshun/index.html").is_file()
    );
    assert_eq!(count(&manifest(&out), "html"), count(&full, "html"));
    // HTML of one, then PDF of one: together the whole build again.
    assert_eq!(manifest(&out), full);
}

#[test]
fn a_typst_error_names_the_document_and_keeps_the_output() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let out = tmp.path().join("out");
    build_all(&site, &out);
    let before = read(&out.join("manifest.json"));
    // A site override that extends the built-in document template and breaks on badges.
    fs::create_dir_all(site.join("templates/typst")).unwrap();
    fs::write(
        site.join("templates/typst/document.typ"),
        r#"#import "builtin/document.typ": styled, size, folio-sheets
#import "builtin/document.typ" as base
#let render-document(doc, data) = {
  if doc.kind == "badge" { panic("坏的工作牌") }
  base.render-document(doc, data)
}
"#,
    )
    .unwrap();
    let result = anquan(&["build", path(&site), "-o", path(&out), "--date", DATE]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("PDF of “辅导员工作牌（钱二）” (enterprise `mini`) failed"),
        "{stderr}"
    );
    assert!(stderr.contains("坏的工作牌"), "{stderr}");
    assert_eq!(
        read(&out.join("manifest.json")),
        before,
        "the last good output stays"
    );
}
