//! Built-in content, templates, themes and the example site, embedded in the binary,
//! and the layered lookup (site, then theme, then built-in) over them.

use std::fs;
use std::path::Path;

use include_dir::{Dir, DirEntry, include_dir};
use walkdir::WalkDir;

pub static CONTENT: Dir = include_dir!("$CARGO_MANIFEST_DIR/content");
pub static TEMPLATES: Dir = include_dir!("$CARGO_MANIFEST_DIR/templates");
pub static THEMES: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes");
pub static EXAMPLE: Dir = include_dir!("$CARGO_MANIFEST_DIR/example");

/// Every file of an embedded folder, as (relative path with `/`, bytes), sorted.
pub fn embedded_files(dir: &'static Dir<'static>) -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for entry in dir.entries() {
            match entry {
                DirEntry::Dir(d) => walk(d, out),
                DirEntry::File(f) => {
                    out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()))
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every file below `root/sub` in the site, as (path relative to `root/sub`, text), sorted.
/// Links are not followed: an override must live inside the site.
pub fn site_files(root: &Path, sub: &str) -> std::io::Result<Vec<(String, String)>> {
    let base = root.join(sub);
    let mut out = Vec::new();
    if !base.is_dir() {
        return Ok(out);
    }
    for entry in WalkDir::new(&base).sort_by_file_name().follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        out.push((rel, fs::read_to_string(entry.path())?));
    }
    Ok(out)
}

/// The theme stylesheet: the site's `themes/NAME/style.css`, else the built-in theme's.
pub fn stylesheet(root: &Path, theme: &str) -> std::io::Result<String> {
    let site_css = root.join("themes").join(theme).join("style.css");
    if site_css.is_file() {
        return fs::read_to_string(site_css);
    }
    let builtin = THEMES
        .get_file(format!("{theme}/style.css"))
        .or_else(|| THEMES.get_file("default/style.css"))
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    Ok(builtin.to_string())
}
