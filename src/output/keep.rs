//! What of OUT is the user's, and what earlier builds left behind. OUT is replaced whole
//! by a build, so everything in it that anquan did not write (`.git/`, `CNAME`, notes)
//! moves into the new output first; what anquan wrote is known from the last manifest's
//! `written` list. Staging and trash folders are named after OUT and the process that
//! made them, so a build removes those of earlier builds that died, and no others.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// Whether `rel` (read from a manifest, or about to be written) is a plain relative path
/// that cannot leave OUT: `/`-separated normal components only.
pub fn is_safe_rel(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.contains(['\\', '\0'])
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// What OUT's last manifest says anquan wrote. Read apart from the typed
/// [`Manifest`](crate::output::manifest::Manifest) and with less asked of it (formats and
/// kinds as plain text), so that a manifest this version cannot read whole (another
/// version's, or a damaged entry) carries nothing over and still keeps the user's files.
#[derive(Debug, Deserialize)]
pub struct Claims {
    generator: String,
    /// `None` in a manifest from before the list, or from `watch`.
    #[serde(default)]
    written: Option<Vec<String>>,
    #[serde(default)]
    documents: Vec<ClaimedDocument>,
}

#[derive(Debug, Deserialize)]
struct ClaimedDocument {
    #[serde(default)]
    files: BTreeMap<String, String>,
}

/// OUT's manifest when anquan wrote it; `None` when there is none, or it is not anquan's.
pub fn claims(out: &Path) -> Option<Claims> {
    let text = crate::output::carry::manifest_text(out)?;
    let claims: Claims = serde_json::from_str(&text).ok()?;
    claims.generator.starts_with("anquan").then_some(claims)
}

impl Claims {
    /// Whether the manifest lists every file its build wrote.
    pub fn lists_written(&self) -> bool {
        self.written.is_some()
    }
}

/// The files the last build in `out` says it wrote. A manifest from before the `written`
/// list (or one written by `watch`) names its documents' files; the stylesheet, the
/// images under `assets/` and the index are anquan's too. Paths are input: one that
/// could leave OUT is ignored.
pub fn written_by_anquan(out: &Path, claims: &Claims) -> BTreeSet<String> {
    let mut ours: BTreeSet<String> = ["manifest.json", "index.html", "style.css"]
        .into_iter()
        .map(str::to_string)
        .collect();
    let listed = claims.written.iter().flatten();
    let documents = claims.documents.iter().flat_map(|d| d.files.values());
    ours.extend(listed.chain(documents).filter(|p| is_safe_rel(p)).cloned());
    if !claims.lists_written() {
        ours.extend(crate::output::carry::files_under(out, "assets"));
    }
    ours
}

/// Paths in `out` (relative, `/`-separated) that anquan did not write: a folder that
/// holds none of anquan's files is listed as one entry. Links are never followed.
pub fn foreign_entries(out: &Path, ours: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    collect_foreign(out, "", ours, &mut found);
    found
}

fn collect_foreign(dir: &Path, prefix: &str, ours: &BTreeSet<String>, found: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            found.push(format!("{prefix}{}", entry.file_name().to_string_lossy()));
            continue;
        };
        let rel = format!("{prefix}{name}");
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let folder = format!("{rel}/");
        // `ours` is sorted: the first path at or after `folder` tells whether any is under it.
        let holds_ours = ours
            .range(folder.clone()..)
            .next()
            .is_some_and(|p| p.starts_with(&folder));
        if is_dir && holds_ours {
            collect_foreign(&entry.path(), &folder, ours, found);
        } else if !ours.contains(&rel) && !is_leftover_name(&rel) {
            found.push(rel);
        }
    }
}

/// anquan's temp files inside OUT (`watch` writes through `.anquan-*` temp files).
fn is_leftover_name(rel: &str) -> bool {
    rel.rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with(".anquan-"))
}

/// Moves each foreign entry of `from` to the same place in `to` (same file system), unless
/// the new output has a file there; returns what moved, so a failed swap can undo it.
pub fn move_foreign(from: &Path, to: &Path, entries: &[String]) -> std::io::Result<Vec<String>> {
    let mut moved = Vec::new();
    for rel in entries {
        let target = to.join(rel);
        if fs::symlink_metadata(&target).is_ok() {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::rename(from.join(rel), &target)?;
        moved.push(rel.clone());
    }
    Ok(moved)
}

/// The prefix of the staging and trash folders of the build of `out` by process `pid`.
pub fn work_prefix(kind: &str, out: &Path, pid: u32) -> String {
    format!("{}{pid}-", work_kind_prefix(kind, out))
}

fn work_kind_prefix(kind: &str, out: &Path) -> String {
    let name = out
        .file_name()
        .map_or_else(|| "out".to_string(), |n| n.to_string_lossy().into_owned());
    format!(".anquan-{kind}-{name}-")
}

/// Removes the staging (`build`) and trash (`old`) folders of `out` beside it whose
/// process has ended: they are what earlier builds left when they were killed. A build
/// killed between the two renames of its swap left OUT missing and the last output in
/// its trash folder: that is put back, not removed.
pub fn remove_leftovers(out: &Path) {
    let mut dirs = work_dirs(out, |pid| !process_alive(pid));
    // Trash first: it may hold the last output, which the user's files then rejoin.
    dirs.sort_by_key(|(kind, _)| *kind != "old");
    for (kind, path) in dirs {
        let last_output = path.join("old");
        if kind == "old" && !out.exists() && last_output.is_dir() {
            let _ = fs::rename(&last_output, out);
        }
        if kind == "build" {
            rescue_foreign(&path, out);
        }
        let _ = fs::remove_dir_all(path);
    }
}

/// A build killed during its swap may have moved the user's files into its staging
/// folder already: what its manifest does not list as written goes back to OUT.
fn rescue_foreign(staged: &Path, out: &Path) {
    let Some(claims) = claims(staged) else {
        return;
    };
    if out.is_dir() && claims.lists_written() {
        let entries = foreign_entries(staged, &written_by_anquan(staged, &claims));
        let _ = move_foreign(staged, out, &entries);
    }
}

/// Removes this process's staging folders of `out` (on SIGINT or SIGTERM); returns how
/// many it found. Its trash folder is left: during a swap it holds the last output, and
/// the next build sees to it.
pub fn remove_own_staging(out: &Path) -> usize {
    let me = std::process::id();
    let mut found = 0;
    for (kind, path) in work_dirs(out, |pid| pid == me) {
        if kind == "build" {
            found += 1;
            let _ = fs::remove_dir_all(path);
        }
    }
    found
}

/// The work folders of `out` beside it whose process `pick` chooses, with their kind.
fn work_dirs(out: &Path, pick: impl Fn(u32) -> bool) -> Vec<(&'static str, PathBuf)> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = fs::read_dir(&parent) else {
        return Vec::new();
    };
    let kinds = ["build", "old"].map(|k| (k, work_kind_prefix(k, out)));
    let mut found = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, rest)) = kinds
            .iter()
            .find_map(|(k, p)| name.strip_prefix(p.as_str()).map(|rest| (*k, rest)))
        else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && pid.is_some_and(&pick) {
            found.push((kind, entry.path()));
        }
    }
    found
}

/// Linux says through /proc; elsewhere a process is taken as ended unless it is us.
pub fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths_stay_inside() {
        assert!(is_safe_rel("ruifeng/system-01.pdf"));
        for bad in [
            "",
            "/etc/x",
            "../x",
            "a/../../x",
            "a\\..\\x",
            "./a",
            "a//b/..",
        ] {
            assert!(!is_safe_rel(bad), "{bad}");
        }
    }

    #[test]
    fn lists_foreign_files_and_folders_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        for (rel, body) in [
            ("manifest.json", "{}"),
            ("e/a.html", "1"),
            ("e/notes.txt", "mine"),
            ("CNAME", "x"),
            (".git/HEAD", "ref"),
            ("assets/p.png", "p"),
        ] {
            fs::create_dir_all(out.join(rel).parent().unwrap()).unwrap();
            fs::write(out.join(rel), body).unwrap();
        }
        let claims = |json: &str| -> Claims { serde_json::from_str(json).unwrap() };
        let previous =
            claims(r#"{"generator": "anquan 0", "written": ["e/a.html", "../../evil"]}"#);
        let ours = written_by_anquan(out, &previous);
        assert!(!ours.contains("../../evil"));
        assert_eq!(
            foreign_entries(out, &ours),
            [".git", "CNAME", "assets", "e/notes.txt"]
        );
        // An old manifest without the list: the images are anquan's.
        let ours = written_by_anquan(out, &claims(r#"{"generator": "anquan 0"}"#));
        assert_eq!(foreign_entries(out, &ours), [".git", "CNAME", "e",]);
        // Documents' files count, also of a kind or format this version does not know;
        // one that would leave OUT does not.
        let old = r#"{"generator": "anquan 0", "documents": [{"kind": "future",
            "files": {"hologram": "e/a.html", "pdf": "/etc/passwd"}}]}"#;
        let ours = written_by_anquan(out, &claims(old));
        assert!(ours.contains("e/a.html") && !ours.contains("/etc/passwd"));
        assert_eq!(
            foreign_entries(out, &ours),
            [".git", "CNAME", "e/notes.txt"]
        );
    }

    #[test]
    fn removes_only_dead_builds_of_this_out() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let dead = dir.path().join(".anquan-build-public-999999999-abc");
        let old = dir.path().join(".anquan-old-public-999999999-abc");
        let live = dir
            .path()
            .join(work_prefix("build", &out, std::process::id()) + "x");
        let other = dir.path().join(".anquan-build-site2-999999999-abc");
        for d in [&dead, &old, &live, &other] {
            fs::create_dir(d).unwrap();
        }
        fs::create_dir(old.join("old")).unwrap();
        fs::write(old.join("old/index.html"), "last").unwrap();
        // The dead build had moved the user's CNAME into its staging folder.
        let manifest = r#"{"generator": "anquan 0", "written": ["index.html", "manifest.json"]}"#;
        fs::write(dead.join("manifest.json"), manifest).unwrap();
        fs::write(dead.join("index.html"), "new").unwrap();
        fs::write(dead.join("CNAME"), "mine").unwrap();
        remove_leftovers(&out);
        assert!(!dead.exists() && !old.exists());
        assert!(live.exists() && other.exists());
        // OUT was missing: the last output in the trash folder is put back.
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "last");
        assert_eq!(fs::read_to_string(out.join("CNAME")).unwrap(), "mine");
    }
}
