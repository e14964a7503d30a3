//! Partial builds (`--only`, `--html`, `--pdf`) keep what they do not rebuild: the other
//! enterprises and the other format of the last output are copied into the staging
//! folder and merged into the new manifest, so a partial build never deletes anything.

use std::path::Path;

use serde_json::Value;
use walkdir::WalkDir;

use crate::output::keep::is_safe_rel;
use crate::output::writer::{OutputError, Sink};

/// What a build rebuilds.
pub struct Scope<'a> {
    /// Enterprise ids; empty means all.
    pub enterprises: &'a [String],
    /// Every enterprise of the site now: one whose file is gone is not carried over.
    pub known: &'a [String],
    pub html: bool,
    pub pdf: bool,
}

impl Scope<'_> {
    pub fn is_full(&self) -> bool {
        self.enterprises.is_empty() && self.html && self.pdf
    }

    fn rebuilt(&self, enterprise: Option<&str>) -> bool {
        match enterprise {
            Some(id) => self.enterprises.is_empty() || self.enterprises.iter().any(|e| e == id),
            None => true,
        }
    }

    fn builds(&self, format: &str) -> bool {
        if format == "pdf" { self.pdf } else { self.html }
    }
}

/// OUT's `manifest.json` as text, when it is a regular file of sane size (not a link, a
/// pipe or a device planted there).
pub fn manifest_text(out: &Path) -> Option<String> {
    const MAX_MANIFEST_BYTES: u64 = 64 * 1024 * 1024;
    let path = out.join("manifest.json");
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

/// The last output's manifest, when OUT holds one written by anquan.
pub fn previous_manifest(out: &Path) -> Option<Value> {
    let text = manifest_text(out)?;
    let manifest: Value = serde_json::from_str(&text).ok()?;
    manifest["generator"]
        .as_str()
        .is_some_and(|g| g.starts_with("anquan"))
        .then_some(manifest)
}

fn same_document(a: &Value, b: &Value) -> bool {
    a["enterprise"] == b["enterprise"] && a["kind"] == b["kind"] && a["title"] == b["title"]
}

/// Copies into `sink` what `scope` did not rebuild and merges its entries into `manifest`.
pub fn carry_over(
    out: &Path,
    previous: &Value,
    scope: &Scope,
    sink: &dyn Sink,
    manifest: &mut Value,
) -> Result<(), OutputError> {
    let mut documents: Vec<Value> = manifest["documents"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut copies: Vec<String> = Vec::new();
    for old in previous["documents"].as_array().into_iter().flatten() {
        let enterprise = old["enterprise"].as_str();
        if enterprise.is_some_and(|id| !scope.known.iter().any(|k| k == id)) {
            continue;
        }
        let kept: Vec<(String, Value)> = old["files"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(format, _)| !(scope.rebuilt(enterprise) && scope.builds(format)))
            // Paths from the old manifest are input: one that could leave OUT is dropped.
            .filter(|(_, path)| path.as_str().is_some_and(is_safe_rel))
            .map(|(f, p)| (f.clone(), p.clone()))
            .collect();
        if kept.is_empty() {
            continue;
        }
        copies.extend(
            kept.iter()
                .filter_map(|(_, p)| p.as_str().map(str::to_string)),
        );
        match documents.iter_mut().find(|d| same_document(d, old)) {
            Some(doc) => {
                for (format, path) in kept {
                    doc["files"][format] = path;
                }
            }
            None => {
                let mut doc = old.clone();
                doc["files"] = Value::Object(kept.into_iter().collect());
                documents.push(doc);
            }
        }
    }
    if !scope.html {
        // The pages of the last output still need their stylesheet and images.
        copies.push("style.css".to_string());
        copies.extend(files_under(out, "assets"));
    }
    copies.sort();
    copies.dedup();
    for rel in copies {
        let from = out.join(&rel);
        let regular = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_file());
        if regular && is_safe_rel(&rel) {
            sink.copy(&from, &rel)?;
        }
    }
    // Group by enterprise (agency-level first), keeping each one's order.
    documents.sort_by(|a, b| a["enterprise"].as_str().cmp(&b["enterprise"].as_str()));
    let mut enterprises: Vec<Value> = manifest["enterprises"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for old in previous["enterprises"].as_array().into_iter().flatten() {
        let known = old["id"]
            .as_str()
            .is_some_and(|id| scope.known.iter().any(|k| k == id));
        if known && !enterprises.iter().any(|e| e["id"] == old["id"]) {
            enterprises.push(old.clone());
        }
    }
    enterprises.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    manifest["documents"] = Value::Array(documents);
    manifest["enterprises"] = Value::Array(enterprises);
    Ok(())
}

pub fn files_under(out: &Path, folder: &str) -> Vec<String> {
    WalkDir::new(out.join(folder))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(out)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}
