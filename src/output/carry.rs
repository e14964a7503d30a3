//! Partial builds (`--only`, `--html`, `--pdf`) keep what they do not rebuild: the other
//! enterprises and the other format of the last output are copied into the staging
//! folder and merged into the new manifest, so a partial build never deletes anything.

use std::path::Path;

use std::collections::BTreeMap;

use walkdir::WalkDir;

use crate::documents::model::Kind;
use crate::output::keep::is_safe_rel;
use crate::output::manifest::{Manifest, ManifestDocument};
use crate::output::writer::{OutputError, Sink};
use crate::render::bundle::Format;

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

    /// PDF builds write PDF and DOCX; HTML builds the rest.
    fn builds(&self, format: Format) -> bool {
        match format {
            Format::Pdf | Format::Docx => self.pdf,
            _ => self.html,
        }
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

/// The last output's manifest, when OUT holds one written by anquan that this version
/// can read; an unreadable one carries nothing over (what in OUT is the user's is then
/// still told apart by `keep::claims`, which reads less).
pub fn previous_manifest(out: &Path) -> Option<Manifest> {
    let text = manifest_text(out)?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    manifest.generator.starts_with("anquan").then_some(manifest)
}

/// What makes two manifest entries the same document: enterprise, kind and title.
type DocumentKey = (Option<String>, Kind, String);

fn document_key(d: &ManifestDocument) -> DocumentKey {
    (d.enterprise.clone(), d.kind, d.title.clone())
}

/// Copies into `sink` what `scope` did not rebuild and merges its entries into `manifest`.
pub fn carry_over(
    out: &Path,
    previous: &Manifest,
    scope: &Scope,
    sink: &dyn Sink,
    manifest: &mut Manifest,
) -> Result<(), OutputError> {
    let mut copies: Vec<String> = Vec::new();
    // Looked up once per old document: a linear search is quadratic at city scale.
    let mut position: BTreeMap<DocumentKey, usize> = manifest
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (document_key(d), i))
        .collect();
    for old in &previous.documents {
        let enterprise = old.enterprise.as_deref();
        if enterprise.is_some_and(|id| !scope.known.iter().any(|k| k == id)) {
            continue;
        }
        let kept: BTreeMap<Format, String> = old
            .files
            .iter()
            .filter(|(format, _)| !(scope.rebuilt(enterprise) && scope.builds(**format)))
            // Paths from the old manifest are input: one that could leave OUT is dropped.
            .filter(|(_, path)| is_safe_rel(path))
            .map(|(f, p)| (*f, p.clone()))
            .collect();
        if kept.is_empty() {
            continue;
        }
        copies.extend(kept.values().cloned());
        match position.get(&document_key(old)) {
            Some(&i) => manifest.documents[i].files.extend(kept),
            None => {
                position.insert(document_key(old), manifest.documents.len());
                manifest.documents.push(ManifestDocument {
                    files: kept,
                    ..old.clone()
                });
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
    let real_out = out.canonicalize().ok();
    for rel in copies {
        let from = out.join(&rel);
        let regular = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_file());
        // A folder on the way may be a link: what is copied must really lie in OUT.
        let inside = || {
            let real = from.canonicalize().ok();
            real.zip(real_out.as_ref())
                .is_some_and(|(real, root)| real.starts_with(root))
        };
        if regular && is_safe_rel(&rel) && inside() {
            sink.copy(&from, &rel)?;
        }
    }
    // Group by enterprise (agency-level first), keeping each one's order.
    manifest
        .documents
        .sort_by(|a, b| a.enterprise.cmp(&b.enterprise));
    for old in &previous.enterprises {
        let known = scope.known.iter().any(|k| k == &old.id);
        if known && !manifest.enterprises.iter().any(|e| e.id == old.id) {
            manifest.enterprises.push(old.clone());
        }
    }
    manifest.enterprises.sort_by(|a, b| a.id.cmp(&b.id));
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
