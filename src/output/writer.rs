//! Writes a build into a staging folder beside OUT and swaps it in at the end, so that a
//! failed build leaves the last good output untouched and nothing half-written is seen.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::TempDir;

use crate::output::keep;
use crate::output::manifest::Manifest;

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("refusing to write `{0}`: not a plain relative path inside the output folder")]
    UnsafePath(String),
    #[error(
        "{0} exists and is not an anquan output (no manifest.json from anquan): refusing to replace it; choose another -o folder or remove it"
    )]
    Foreign(PathBuf),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where a build writes: a staging folder swapped in at the end (`build`), or the live
/// output folder, file by file and atomically (`watch`).
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError>;

    /// Copies a site file (already resolved inside the site) into the output.
    fn copy(&self, from: &Path, rel: &str) -> Result<(), OutputError> {
        let bytes = fs::read(from).map_err(io(from))?;
        self.write(rel, &bytes)
    }

    /// Puts a file anquan made earlier (a verified cache entry's) into the output: a
    /// staging folder links it, which costs no bytes written.
    fn share(&self, from: &Path, rel: &str) -> Result<(), OutputError> {
        self.copy(from, rel)
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        Staging::write(self, rel, bytes)
    }

    /// A hard link, or a copy where the cache lies on another file system. The output
    /// never changes a file in place (a build swaps in new folders, `watch` renames new
    /// files over), and a cache hit checks every byte: a linked file edited by hand is
    /// found and rebuilt, never served.
    fn share(&self, from: &Path, rel: &str) -> Result<(), OutputError> {
        let path = self.dir.path().join(safe(rel)?);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        if fs::hard_link(from, &path).is_err() {
            fs::copy(from, &path).map_err(io(&path))?;
        }
        if let Ok(mut written) = self.written.lock() {
            written.insert(rel.to_string());
        }
        Ok(())
    }
}

/// The live output folder: each file is written to a temp file beside it and renamed,
/// so a browser never reads half a page.
pub struct LiveDir {
    pub root: PathBuf,
}

impl Sink for LiveDir {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.root.join(safe(rel)?);
        let parent = path
            .parent()
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        // Unchanged files are left alone, so watchers and browsers see only real changes.
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        let mut temp = tempfile::Builder::new()
            .prefix(".anquan-")
            .tempfile_in(&parent)
            .map_err(io(&parent))?;
        std::io::Write::write_all(&mut temp, bytes).map_err(io(&path))?;
        temp.persist(&path).map_err(|e| OutputError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        Ok(())
    }
}

pub struct Staging {
    dir: TempDir,
    /// OUT with links resolved: a linked OUT keeps its link, the swap happens at its target.
    out: PathBuf,
    /// Every file written, for the manifest's `written` list.
    written: Mutex<BTreeSet<String>>,
}

impl Staging {
    /// Prepares a staging folder next to `out` (same file system, so the swap is a rename),
    /// after removing what earlier builds of `out` left when they were killed.
    pub fn new(out: &Path) -> Result<Staging, OutputError> {
        let out = resolve_link(out)?;
        if out.exists() && !is_replaceable(&out) {
            return Err(OutputError::Foreign(out));
        }
        let parent = parent_of(&out);
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        keep::remove_leftovers(&out);
        let dir = tempfile::Builder::new()
            .prefix(&keep::work_prefix("build", &out, std::process::id()))
            .tempdir_in(&parent)
            .map_err(io(&parent))?;
        Ok(Staging {
            dir,
            out,
            written: Mutex::new(BTreeSet::new()),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` at `rel` (with `/` separators) inside the staging folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.dir.path().join(safe(rel)?);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, bytes).map_err(io(&path))?;
        if let Ok(mut written) = self.written.lock() {
            written.insert(rel.to_string());
        }
        Ok(())
    }

    /// Every file written so far, sorted.
    pub fn written(&self) -> Vec<String> {
        self.written
            .lock()
            .map(|w| w.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Writes `manifest.json`, last: its `written` list names every file of the build,
    /// carried-over files and the manifest itself included.
    pub fn write_manifest(&self, manifest: &mut Manifest) -> Result<(), OutputError> {
        let mut written = self.written();
        written.push("manifest.json".to_string());
        written.sort();
        written.dedup();
        manifest.written = written;
        let path = self.dir.path().join("manifest.json");
        fs::File::create(&path)
            .and_then(|file| manifest.write_json(file))
            .map_err(io(&path))
    }

    /// Replaces OUT with the staged build, keeping whatever in OUT anquan did not write,
    /// as OUT's manifest tells (`keep::claims`, which also reads a manifest this version
    /// cannot read whole).
    pub fn commit(self) -> Result<(), OutputError> {
        let staged = self.dir.keep();
        let out = self.out;
        if !out.exists() {
            return fs::rename(&staged, &out).map_err(io(&out));
        }
        let foreign = keep::claims(&out).map_or_else(Vec::new, |claims| {
            keep::foreign_entries(&out, &keep::written_by_anquan(&out, &claims))
        });
        let moved = keep::move_foreign(&out, &staged, &foreign).map_err(io(&out))?;
        let trash = tempfile::Builder::new()
            .prefix(&keep::work_prefix("old", &out, std::process::id()))
            .tempdir_in(parent_of(&out))
            .map_err(io(&out))?;
        let old = trash.path().join("old");
        let swapped = fs::rename(&out, &old).and_then(|()| {
            fs::rename(&staged, &out).inspect_err(|_| {
                // Put the last good output back before reporting.
                let _ = fs::rename(&old, &out);
            })
        });
        if let Err(source) = swapped {
            let _ = keep::move_foreign(&staged, &out, &moved);
            let _ = fs::remove_dir_all(&staged);
            return Err(OutputError::Io { path: out, source });
        }
        drop(trash); // removes the previous output
        Ok(())
    }
}

fn parent_of(out: &Path) -> PathBuf {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// OUT itself, or where it links to: the link stays, its target is replaced.
fn resolve_link(out: &Path) -> Result<PathBuf, OutputError> {
    let is_link = fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        out.canonicalize().map_err(io(out))
    } else {
        Ok(out.to_path_buf())
    }
}

fn safe(rel: &str) -> Result<&str, OutputError> {
    if keep::is_safe_rel(rel) {
        Ok(rel)
    } else {
        Err(OutputError::UnsafePath(rel.to_string()))
    }
}

/// Refuses an OUT folder that holds files not written by anquan.
pub fn ensure_ours(out: &Path) -> Result<(), OutputError> {
    if out.exists() && !is_replaceable(out) {
        return Err(OutputError::Foreign(out.to_path_buf()));
    }
    fs::create_dir_all(out).map_err(io(out))
}

/// OUT may be replaced when it is empty or was written by anquan.
fn is_replaceable(out: &Path) -> bool {
    if !out.is_dir() {
        return false;
    }
    let empty = fs::read_dir(out)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if empty {
        return true;
    }
    keep::claims(out).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_in_and_drops_on_failure() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let s = Staging::new(&out).unwrap();
        s.write("a/b.html", b"1").unwrap();
        s.write("manifest.json", b"{\"generator\": \"anquan 0\"}")
            .unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/b.html")).unwrap(), b"1");

        // A build that fails is dropped: OUT keeps the last good output.
        let s = Staging::new(&out).unwrap();
        s.write("a/b.html", b"2").unwrap();
        drop(s);
        assert_eq!(fs::read(out.join("a/b.html")).unwrap(), b"1");
        let leftovers = fs::read_dir(root.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no staging folder is left behind");
    }

    #[test]
    fn refuses_a_foreign_folder() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("thesis.docx"), b"x").unwrap();
        assert!(matches!(
            Staging::new(root.path()),
            Err(OutputError::Foreign(_))
        ));
    }
}
