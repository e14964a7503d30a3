//! The one gate every site file passes before anquan reads it: it must lie inside the
//! site folder once links are resolved, be a regular file (a FIFO or a device is refused
//! without being opened) and stay under a size limit, so that no input can make a
//! build read outside the site, hang or fill memory.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::i18n::{Catalog, Lang, Message};
use crate::msg;

/// YAML files (`anquan.yaml`, an enterprise), templates and content bodies. The largest
/// real enterprise file is about 30 KiB; 2 MiB leaves room for years of records.
pub const MAX_TEXT_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Photos and site plans: a phone photo is 3–8 MB; 20 MB refuses only what is no photo.
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a site file was not read. Messages name the file as the site names it, never
/// what a link points to or what the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuardError {
    Outside(String),
    Missing(String),
    Directory(String),
    Special(String),
    TooLarge { name: String, size: u64, limit: u64 },
    Unreadable { name: String, reason: String },
}

impl GuardError {
    /// What to tell the user, in their language (a finding's message).
    pub fn message(&self) -> Message {
        match self {
            GuardError::Outside(name) => msg!("path-outside", path = name),
            GuardError::Missing(name) => msg!("path-missing", path = name),
            GuardError::Directory(name) => msg!("path-directory", path = name),
            GuardError::Special(name) => msg!("path-special", path = name),
            GuardError::TooLarge { name, size, limit } => msg!(
                "file-too-large",
                path = name,
                size = size.to_string(),
                limit = limit.to_string()
            ),
            GuardError::Unreadable { name, reason } => {
                msg!("path-unreadable", path = name, reason = reason)
            }
        }
    }
}

/// In English, for the errors of a build (which carry no catalogue).
impl fmt::Display for GuardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Catalog::new(Lang::En).text(&self.message()))
    }
}

impl std::error::Error for GuardError {}

/// The site folder with links resolved, for comparing resolved paths against.
pub fn canonical_root(root: &Path) -> Result<PathBuf, GuardError> {
    root.canonicalize().map_err(|e| GuardError::Unreadable {
        name: root.display().to_string(),
        reason: e.kind().to_string(),
    })
}

/// Resolves `path` (inside `root`, named `name` in messages) and checks that it stays in
/// the site and is a regular file no larger than `limit`. Nothing is opened.
pub fn checked_file(
    root: &Path,
    path: &Path,
    name: &str,
    limit: u64,
) -> Result<PathBuf, GuardError> {
    let real = resolve_inside(root, path, name)?;
    let meta = fs::metadata(&real).map_err(|e| unreadable(name, &e))?;
    if meta.is_dir() {
        return Err(GuardError::Directory(name.to_string()));
    }
    if !meta.is_file() {
        return Err(GuardError::Special(name.to_string()));
    }
    if meta.len() > limit {
        return Err(GuardError::TooLarge {
            name: name.to_string(),
            size: meta.len(),
            limit,
        });
    }
    Ok(real)
}

/// Resolves `path` and checks that it stays inside `root`; it may be a directory.
pub fn resolve_inside(root: &Path, path: &Path, name: &str) -> Result<PathBuf, GuardError> {
    if fs::symlink_metadata(path).is_err() {
        return Err(GuardError::Missing(name.to_string()));
    }
    let root = canonical_root(root)?;
    // A link to nothing is missing; one that cannot be followed (into a folder we may
    // not enter) is not a file of the site either way.
    let real = path.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => GuardError::Missing(name.to_string()),
        _ => GuardError::Outside(name.to_string()),
    })?;
    if !real.starts_with(&root) {
        return Err(GuardError::Outside(name.to_string()));
    }
    Ok(real)
}

/// Reads a checked file, never more than `limit` bytes even if it grows meanwhile.
pub fn read_bytes(root: &Path, path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, GuardError> {
    let real = checked_file(root, path, name, limit)?;
    let file = fs::File::open(&real).map_err(|e| unreadable(name, &e))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(name, &e))?;
    if bytes.len() as u64 > limit {
        return Err(GuardError::TooLarge {
            name: name.to_string(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Why bytes are not UTF-8 text, located: `(line, column, message)`.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, (usize, usize, Message)> {
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // Valid up to here, so this slice is text.
        let before = String::from_utf8_lossy(good);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column, msg!("file-not-utf8"))
    })
}

fn unreadable(name: &str, err: &std::io::Error) -> GuardError {
    GuardError::Unreadable {
        name: name.to_string(),
        reason: err.kind().to_string(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_links_out_fifos_directories_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir(&root).unwrap();
        fs::write(dir.path().join("secret"), b"top secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("a.yaml")).unwrap();
        let err = read_bytes(&root, &root.join("a.yaml"), "a.yaml", 100).unwrap_err();
        assert_eq!(err, GuardError::Outside("a.yaml".into()));
        assert!(!err.to_string().contains("secret"));

        let fifo = root.join("f.yaml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert_eq!(
            checked_file(&root, &fifo, "f.yaml", 100),
            Err(GuardError::Special("f.yaml".into()))
        );
        fs::create_dir(root.join("d.png")).unwrap();
        assert_eq!(
            checked_file(&root, &root.join("d.png"), "d.png", 100),
            Err(GuardError::Directory("d.png".into()))
        );
        fs::write(root.join("big"), vec![b'x'; 101]).unwrap();
        assert!(matches!(
            read_bytes(&root, &root.join("big"), "big", 100),
            Err(GuardError::TooLarge { size: 101, .. })
        ));
        fs::write(root.join("in"), b"ok").unwrap();
        std::os::unix::fs::symlink(root.join("in"), root.join("link")).unwrap();
        assert_eq!(
            read_bytes(&root, &root.join("link"), "link", 100).unwrap(),
            b"ok"
        );
    }

    #[test]
    fn locates_the_first_byte_that_is_not_utf8() {
        let (line, column, _) = utf8_text(b"a: 1\nb: x\xff\n".to_vec()).unwrap_err();
        assert_eq!((line, column), (2, 5));
    }
}
