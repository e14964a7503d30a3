//! DOCX files: every one opens with python-docx and names its title and enterprise,
//! systems use Word's heading styles and as many tables as their HTML, pages are A4,
//! builds are byte-identical, hostile text is literal, LibreOffice converts them.

mod common;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The example is built (HTML, PDF and DOCX) once for the tests of this file.
fn example_out() -> &'static Path {
    example_built()
}

/// Runs a python-docx script on `files`; its stdout, or a panic with its stderr.
fn python_docx(script: &str, files: &[PathBuf]) -> String {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python-docx (installed by scripts/setup.sh) failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Per file: the text of every paragraph and table cell (one JSON line per file).
const DUMP: &str = r#"
import docx, json, sys
for path in sys.argv[1:]:
    d = docx.Document(path)
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    print(json.dumps({
        "path": path,
        "text": "\n".join([p.text for p in d.paragraphs] + cells),
        "headings": [p.style.name for p in d.paragraphs if p.style is not None and p.style.name.startswith("Heading")],
        "tables": len(d.tables),
        "page": [d.sections[-1].page_width, d.sections[-1].page_height],
    }, ensure_ascii=False))
"#;

fn dump(files: &[PathBuf]) -> Vec<serde_json::Value> {
    python_docx(DUMP, files)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// (title, kind, file) of every DOCX in the manifest.
fn docx_files(out: &Path) -> Vec<(String, String, PathBuf)> {
    let m = manifest(out);
    m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| {
            let file = d["files"]["docx"].as_str()?;
            Some((
                d["title"].as_str()?.to_string(),
                d["kind"].as_str()?.to_string(),
                out.join(file),
            ))
        })
        .collect()
}

#[test]
fn every_docx_opens_and_names_its_title_and_enterprise() {
    let out = example_out();
    let files = docx_files(out);
    let pdfs = manifest(out)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["files"]["pdf"].is_string())
        .count();
    assert_eq!(files.len(), pdfs, "every document with a PDF has a DOCX");
    let paths: Vec<PathBuf> = files.iter().map(|f| f.2.clone()).collect();
    let dumps = dump(&paths);
    assert_eq!(dumps.len(), files.len());
    for ((title, kind, path), d) in files.iter().zip(&dumps) {
        let text = d["text"].as_str().unwrap();
        let enterprise = if path.starts_with(out.join("ruifeng")) {
            "永康市瑞丰电动工具有限公司"
        } else {
            "金顺"
        };
        if kind != "pack" {
            assert!(
                text.contains(title.as_str()),
                "{}: no title {title}",
                path.display()
            );
        }
        assert!(
            text.contains(enterprise),
            "{}: no enterprise",
            path.display()
        );
    }
}

#[test]
fn systems_use_heading_styles_and_the_tables_of_their_html() {
    let out = example_out();
    let system = out.join("ruifeng/system-01-responsibility.docx");
    let d = &dump(std::slice::from_ref(&system))[0];
    let headings: Vec<&str> = d["headings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    assert!(
        headings.iter().filter(|h| **h == "Heading 1").count() >= 3,
        "{headings:?}"
    );
    let html = read(&out.join("ruifeng/system-01-responsibility.html"));
    // The HTML prints the control block as a table too.
    assert_eq!(
        d["tables"].as_u64().unwrap() as usize,
        html.matches("<table").count(),
        "tables in the DOCX and the HTML"
    );
}

/// `word/document.xml` of a DOCX.
fn document_xml(path: &Path) -> String {
    part(path, "word/document.xml")
}

/// One part of a DOCX, as text.
fn part(path: &Path, name: &str) -> String {
    let file = fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn pages_are_a4_portrait_or_landscape_and_header_rows_repeat() {
    let out = example_out();
    let system = document_xml(&out.join("ruifeng/system-01-responsibility.docx"));
    assert!(
        system.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4 portrait"
    );
    assert!(system.contains(r#"w:top="2098""#) && system.contains(r#"w:left="1587""#));
    let footer = part(
        &out.join("ruifeng/system-01-responsibility.docx"),
        "word/footer1.xml",
    );
    assert!(
        footer.contains(">PAGE<") && footer.contains("— "),
        "— N — in the footer"
    );
    let register = document_xml(&out.join("ruifeng/risk-register.docx"));
    assert!(register.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape""#));
    assert!(
        register.contains("<w:tblHeader />"),
        "the header row repeats"
    );
    let pack = document_xml(&out.join("ruifeng/pack.docx"));
    assert!(pack.contains("TOC"), "a table of contents field");
    assert!(
        pack.matches("<w:sectPr").count() > 40,
        "a section per document"
    );
    let map = out.join("ruifeng/risk-map.docx");
    let mut zip = zip::ZipArchive::new(fs::File::open(map).unwrap()).unwrap();
    assert!(
        (0..zip.len()).any(|i| zip.by_index(i).unwrap().name().unwrap().ends_with(".png")),
        "the map is embedded as a picture"
    );
}

#[test]
fn two_builds_give_byte_identical_docx() {
    let tmp = tempfile::tempdir().unwrap();
    let again = tmp.path().join("public");
    build_all(&example(), &again);
    for (_, _, path) in docx_files(example_out()) {
        let rel = path.strip_prefix(example_out()).unwrap();
        assert!(
            fs::read(&path).unwrap() == fs::read(again.join(rel)).unwrap(),
            "{} differs between builds",
            rel.display()
        );
    }
}

#[test]
fn hostile_text_is_written_literally_and_the_file_stays_valid() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    // Control characters are tested in `render::docx` (the PDF map rejects them).
    let yaml = r#"name: "金华<w:t>]]></w:t>&amp;有限公司""#;
    fs::write(
        &file,
        read(&file).replace("name: 金华市最小示例有限公司", yaml),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_all(&site, &out);
    let paths = vec![
        out.join("mini/system-01-responsibility.docx"),
        out.join("mini/pack.docx"),
    ];
    for d in dump(&paths) {
        let text = d["text"].as_str().unwrap();
        assert!(
            text.contains("金华<w:t>]]></w:t>&amp;有限公司"),
            "name not literal: {text:.200}"
        );
    }
}

#[test]
fn libreoffice_converts_a_system_the_register_and_a_post_card_on_one_page() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!(
            "skipped: soffice (libreoffice-writer-nogui, installed by scripts/setup.sh) is missing"
        );
        return;
    }
    let out = example_out();
    let tmp = tempfile::tempdir().unwrap();
    let names = ["system-01-responsibility", "risk-register", "post-card-cnc"];
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            tmp.path().display()
        ))
        .args(names.map(|n| out.join(format!("ruifeng/{n}.docx"))))
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    for name in names {
        let pdf = tmp.path().join(format!("{name}.pdf"));
        let text = pdf_text(&pdf);
        assert!(
            text.contains("永康市瑞丰电动工具有限公司"),
            "{name}: {text:.200}"
        );
        // A card prints on one sheet from Word too.
        if name.starts_with("post-card") {
            let pages = lopdf::Document::load(&pdf).expect("pdf").get_pages().len();
            assert_eq!(pages, 1, "{name} runs over a page");
        }
    }
}
