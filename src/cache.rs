//! The build cache (spec §11): files that take long to make (an enterprise's PDFs, its
//! DOCX), stored under a hash of everything that decides them, so that a build whose
//! input did not change copies them instead of running typst again.
//!
//! An entry is a folder named by its key, holding the files and a `SUMS` list (BLAKE3 and
//! size of each). It is written under a temporary name and renamed into place, so a killed
//! build leaves no half entry; every hit is checked against `SUMS`, so a damaged entry is
//! rebuilt, never served. `state.json` counts builds and when each entry was last used:
//! entries unused for `KEEP_BUILDS` builds are pruned, then the oldest until the cache is
//! under `MAX_BYTES`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Entries no build used in this many builds are pruned.
pub const KEEP_BUILDS: u64 = 20;
/// The cache is kept under this size (oldest entries go first).
pub const MAX_BYTES: u64 = 4 << 30;
const SUMS: &str = "SUMS";

#[derive(Debug, thiserror::Error)]
#[error("cache {path}: {source}")]
pub struct CacheError {
    path: PathBuf,
    source: std::io::Error,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> CacheError + '_ {
    move |source| CacheError {
        path: path.to_path_buf(),
        source,
    }
}

/// A hash of everything that decides a cached file: each part is labelled and
/// length-prefixed, so that no two different inputs run together into one.
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    pub fn new(kind: &str) -> KeyBuilder {
        let mut builder = KeyBuilder(Sha256::new());
        builder.add("kind", kind.as_bytes());
        builder.add("generator", crate::GENERATOR.as_bytes());
        builder.add("program", program_identity().as_bytes());
        builder
    }

    pub fn add(&mut self, label: &str, bytes: &[u8]) -> &mut Self {
        for part in [label.as_bytes(), bytes] {
            self.0.update((part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
        self
    }

    /// A file by its path, size and modification time: font files are large and change
    /// only by being replaced.
    pub fn add_file_identity(&mut self, path: &Path) -> &mut Self {
        let meta = fs::metadata(path).ok();
        let modified = meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let size = meta.map_or(0, |m| m.len());
        let identity = format!("{}\0{size}\0{modified}", path.display());
        self.add("file", identity.as_bytes())
    }

    pub fn finish(&self) -> String {
        hex(&self.0.clone().finalize())
    }
}

/// The BLAKE3 sum of the running anquan itself, read once: the files also depend on
/// its own code (the PDF cutter, the DOCX writer), which the version number does not
/// follow between releases, so a rebuilt anquan never serves an older one's files.
fn program_identity() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        std::env::current_exe()
            .and_then(fs::read)
            .map(|bytes| blake3::hash(&bytes).to_hex().to_string())
            // Unreadable: the version alone, as before.
            .unwrap_or_default()
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// Builds that opened this cache so far.
    builds: u64,
    /// key → the build that last used it.
    used: BTreeMap<String, u64>,
}

/// One build's view of the cache.
pub struct Cache {
    dir: PathBuf,
    build: u64,
    state: Mutex<State>,
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
}

/// A file of a verified entry: its name and where it lies in the cache.
pub type CachedFile = (String, PathBuf);

impl Cache {
    /// Opens (creating) the cache and counts this build. A missing or unreadable state
    /// starts a new count; the entries stay, checked as they are used.
    pub fn open(dir: &Path) -> Result<Cache, CacheError> {
        fs::create_dir_all(dir.join("entries")).map_err(io_error(dir))?;
        let mut state: State = fs::read(dir.join("state.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        state.builds += 1;
        Ok(Cache {
            dir: dir.to_path_buf(),
            build: state.builds,
            state: Mutex::new(state),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        })
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join("entries").join(key)
    }

    fn touch(&self, key: &str) {
        if let Ok(mut state) = self.state.lock() {
            state.used.insert(key.to_string(), self.build);
        }
    }

    /// The entry's files, when every one matches its sum; `None` (and the entry removed)
    /// otherwise.
    pub fn get(&self, key: &str) -> Option<Vec<CachedFile>> {
        let dir = self.entry(key);
        let files = read_verified(&dir);
        match &files {
            Some(_) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                self.touch(key);
            }
            None => {
                self.misses.fetch_add(1, Ordering::Relaxed);
                if dir.exists() {
                    let _ = fs::remove_dir_all(&dir);
                }
            }
        }
        files
    }

    /// Stores files under the key: written aside, then renamed into place.
    pub fn put(&self, key: &str, files: &[(&str, &[u8])]) -> Result<(), CacheError> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmp = self
            .dir
            .join("tmp")
            .join(format!("{key}.{}.{n}", std::process::id()));
        fs::create_dir_all(&tmp).map_err(io_error(&tmp))?;
        let mut sums = String::new();
        for (name, bytes) in files {
            fs::write(tmp.join(name), bytes).map_err(io_error(&tmp))?;
            let _ = writeln!(
                sums,
                "{}  {}  {name}",
                blake3::hash(bytes).to_hex(),
                bytes.len()
            );
        }
        // SUMS last: an entry without it is never read.
        fs::write(tmp.join(SUMS), sums).map_err(io_error(&tmp))?;
        let target = self.entry(key);
        let _ = fs::remove_dir_all(&target);
        if fs::rename(&tmp, &target).is_err() {
            // Another build stored the same key meanwhile: theirs is as good.
            let _ = fs::remove_dir_all(&tmp);
        }
        self.touch(key);
        Ok(())
    }

    /// Records this build's use and prunes; returns how many entries were removed.
    pub fn finish(&self) -> Result<usize, CacheError> {
        let mut state = match self.state.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        let _ = fs::remove_dir_all(self.dir.join("tmp"));
        let removed = prune(&self.dir.join("entries"), &mut state, self.build)?;
        let path = self.dir.join("state.json");
        let tmp = self.dir.join("state.json.tmp");
        let text = serde_json::to_vec(&*state).map_err(|e| CacheError {
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        fs::write(&tmp, text).map_err(io_error(&tmp))?;
        fs::rename(&tmp, &path).map_err(io_error(&path))?;
        Ok(removed)
    }
}

/// The files of an entry folder, each checked against `SUMS`.
fn read_verified(dir: &Path) -> Option<Vec<CachedFile>> {
    let sums = fs::read_to_string(dir.join(SUMS)).ok()?;
    let mut files = Vec::new();
    for line in sums.lines() {
        let mut parts = line.splitn(3, "  ");
        let (sum, size, name) = (parts.next()?, parts.next()?, parts.next()?);
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return None;
        }
        let path = dir.join(name);
        let (read, digest) = sum_of_file(&path).ok()?;
        if read.to_string() != size || digest != sum {
            return None;
        }
        files.push((name.to_string(), path));
    }
    Some(files)
}

/// A file's size and BLAKE3 sum, read in blocks (entries are served by path, not held
/// in memory). BLAKE3 rather than SHA-256: every hit reads its entry whole, about 14 MB
/// per enterprise, and BLAKE3 sums that several times faster.
fn sum_of_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut hasher = blake3::Hasher::new();
    let read = std::io::copy(&mut fs::File::open(path)?, &mut hasher)?;
    Ok((read, hasher.finalize().to_hex().to_string()))
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Removes entries unused for `KEEP_BUILDS` builds, then the least recently used until
/// the rest fit in `MAX_BYTES`.
fn prune(entries: &Path, state: &mut State, build: u64) -> Result<usize, CacheError> {
    let mut present: Vec<(u64, String, u64)> = Vec::new();
    for entry in fs::read_dir(entries).map_err(io_error(entries))? {
        let entry = entry.map_err(io_error(entries))?;
        let key = entry.file_name().to_string_lossy().to_string();
        // An entry the state does not know (a lost state file) counts as used now.
        let last = *state.used.entry(key.clone()).or_insert(build);
        present.push((last, key, dir_size(&entry.path())));
    }
    state
        .used
        .retain(|key, _| present.iter().any(|(_, k, _)| k == key));
    present.sort();
    let mut total: u64 = present.iter().map(|(_, _, size)| size).sum();
    let mut removed = 0;
    for (last, key, size) in present {
        if last + KEEP_BUILDS > build && total <= MAX_BYTES {
            continue;
        }
        let _ = fs::remove_dir_all(entries.join(&key));
        state.used.remove(&key);
        total -= size;
        removed += 1;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_served_whole_or_not_at_all() {
        let tmp = tempfile::tempdir().expect("tmp");
        let cache = Cache::open(tmp.path()).expect("open");
        let key = KeyBuilder::new("pdf").add("data", b"x").finish();
        assert!(cache.get(&key).is_none());
        cache
            .put(&key, &[("a.pdf", b"%PDF-a"), ("b.pdf", b"%PDF-b")])
            .expect("put");
        let files = cache.get(&key).expect("hit");
        assert_eq!(files[1].0, "b.pdf");
        assert_eq!(fs::read(&files[1].1).expect("read"), b"%PDF-b");
        // A damaged file: the entry is dropped, not served.
        fs::write(
            tmp.path().join("entries").join(&key).join("a.pdf"),
            b"%PDF-?",
        )
        .expect("w");
        assert!(cache.get(&key).is_none());
        assert!(!tmp.path().join("entries").join(&key).exists());
    }

    #[test]
    fn keys_differ_with_any_input() {
        let key = |a: &[u8], b: &[u8]| KeyBuilder::new("pdf").add("a", a).add("b", b).finish();
        assert_ne!(key(b"ab", b"c"), key(b"a", b"bc"));
        assert_eq!(key(b"a", b"b"), key(b"a", b"b"));
    }

    #[test]
    fn unused_entries_are_pruned_after_keep_builds() {
        let tmp = tempfile::tempdir().expect("tmp");
        let first = Cache::open(tmp.path()).expect("open");
        first.put("old", &[("a.pdf", b"1")]).expect("put");
        first.finish().expect("finish");
        for _ in 0..KEEP_BUILDS - 1 {
            let cache = Cache::open(tmp.path()).expect("open");
            assert_eq!(cache.finish().expect("finish"), 0);
        }
        let cache = Cache::open(tmp.path()).expect("open");
        assert_eq!(cache.finish().expect("finish"), 1);
        assert!(!tmp.path().join("entries/old").exists());
    }
}
