//! Built-in content, templates, themes and the example site, embedded in the binary,
//! and the layered lookup (site, then theme, then built-in) over them.

use std::fs;
use std::path::Path;

use include_dir::{Dir, DirEntry, include_dir};
use walkdir::WalkDir;

use crate::site::guard;

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
/// Each passes the site's guard: a link leaving the site, a pipe or an oversized file is
/// an error naming it.
pub fn site_files(root: &Path, sub: &str) -> std::io::Result<Vec<(String, String)>> {
    let base = root.join(sub);
    let mut out = Vec::new();
    if fs::symlink_metadata(&base).is_err() {
        return Ok(out);
    }
    let real_base = guard::resolve_inside(root, &base, sub).map_err(std::io::Error::other)?;
    if !real_base.is_dir() {
        return Ok(out);
    }
    for entry in WalkDir::new(&real_base)
        .sort_by_file_name()
        .follow_links(false)
    {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&real_base)
            .unwrap_or(entry.path());
        let rel = rel.to_string_lossy().replace('\\', "/");
        let name = format!("{sub}/{rel}");
        let bytes = guard::read_bytes(root, entry.path(), &name, guard::MAX_TEXT_FILE_BYTES)
            .map_err(std::io::Error::other)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| std::io::Error::other(format!("`{name}` is not UTF-8 text")))?;
        out.push((rel, text));
    }
    Ok(out)
}

/// The theme stylesheet: the site's `themes/NAME/style.css`, else the built-in theme's.
pub fn stylesheet(root: &Path, theme: &str) -> std::io::Result<String> {
    let rel = format!("themes/{theme}/style.css");
    let site_css = root.join(&rel);
    if fs::symlink_metadata(&site_css).is_ok() {
        let bytes = guard::read_bytes(root, &site_css, &rel, guard::MAX_TEXT_FILE_BYTES)
            .map_err(std::io::Error::other)?;
        return String::from_utf8(bytes)
            .map_err(|_| std::io::Error::other(format!("`{rel}` is not UTF-8 text")));
    }
    let builtin = THEMES
        .get_file(format!("{theme}/style.css"))
        .or_else(|| THEMES.get_file("default/style.css"))
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    Ok(builtin.to_string())
}
