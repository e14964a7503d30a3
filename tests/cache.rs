//! The build cache (spec §11): a warm build is byte-identical to a cold one and runs no
//! typst; a changed enterprise alone is recompiled; a damaged entry is rebuilt.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn build_pdf(site: &Path, out: &Path, cache: &Path) -> String {
    let output = anquan(&[
        "build",
        path(site),
        "-o",
        path(out),
        "--pdf",
        "--date",
        DATE,
        "--cache",
        path(cache),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}

/// Every file under `dir`, relative, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = fs::read_dir(cache.join("entries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn warm_builds_match_cold_ones_and_only_changes_are_recompiled() {
    let tmp = copy_site(&example());
    let site = tmp.path().join("site");
    let cache = tmp.path().join("cache");
    let (cold, warm) = (tmp.path().join("cold"), tmp.path().join("warm"));

    let first = build_pdf(&site, &cold, &cache);
    assert!(!first.contains("came from the cache"), "{first}");
    // Per enterprise, one entry for its PDFs and one for its DOCX.
    assert_eq!(entries(&cache).len(), 4);

    let second = build_pdf(&site, &warm, &cache);
    assert!(
        second.contains("the PDFs of 2 enterprise(s) came from the cache"),
        "{second}"
    );
    assert!(tree(&cold) == tree(&warm), "a warm build is byte-identical");

    // A hit links the entry's files into the output: a file of the output changed in
    // place changes the entry too, and the next build finds it by its sums.
    let served = warm.join("ruifeng/pack.pdf");
    let mut bytes = fs::read(&served).unwrap();
    bytes[100] ^= 0xff;
    fs::OpenOptions::new()
        .write(true)
        .open(&served)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
        .unwrap();
    let linked = std::os::unix::fs::MetadataExt::nlink(&fs::metadata(&served).unwrap()) > 1;
    let after_edit = build_pdf(&site, &warm, &cache);
    // (Where the cache lies on another file system the hit copies, and the entry stays whole.)
    let hits = if linked { 1 } else { 2 };
    assert!(
        after_edit.contains(&format!(
            "the PDFs of {hits} enterprise(s) came from the cache"
        )),
        "{after_edit}"
    );
    assert!(tree(&cold) == tree(&warm), "the edited file was rebuilt");

    // A damaged entry is found by its sums and rebuilt, never served.
    for entry in entries(&cache) {
        let pack = entry.join("pack.pdf");
        if pack.is_file() {
            let mut bytes = fs::read(&pack).unwrap();
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0xff;
            fs::write(&pack, bytes).unwrap();
            break;
        }
    }
    let third = build_pdf(&site, &warm, &cache);
    assert!(
        third.contains("the PDFs of 1 enterprise(s) came from the cache"),
        "{third}"
    );
    assert!(tree(&cold) == tree(&warm), "the damaged entry was rebuilt");

    // One client changes: only its PDFs are compiled again.
    let file = site.join("enterprises/jinshun.yaml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("仓储有限公司", "仓储股份有限公司", 1)).unwrap();
    let fourth = build_pdf(&site, &warm, &cache);
    assert!(
        fourth.contains("the PDFs of 1 enterprise(s) came from the cache"),
        "{fourth}"
    );
    let pack = fs::read(warm.join("jinshun/pack.pdf")).unwrap();
    assert_ne!(pack, fs::read(cold.join("jinshun/pack.pdf")).unwrap());
}
