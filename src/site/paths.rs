//! The one place where a path named in the site becomes a file path: it must stay inside
//! the site folder, links included.

use std::path::{Component, Path, PathBuf};

use crate::i18n::Message;
use crate::msg;
use crate::site::guard;

/// Resolves `rel` (as written in YAML) inside `root`, or says why it cannot be used: it
/// must name a regular file inside the site, links resolved, of at most
/// `guard::MAX_IMAGE_BYTES` (every named path is a photo or a plan).
pub fn resolve_in_site(root: &Path, rel: &str) -> Result<PathBuf, Message> {
    let rel_path = Path::new(rel);
    if rel.trim().is_empty() {
        return Err(msg!("path-empty"));
    }
    if rel_path.is_absolute()
        || rel_path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(msg!("path-not-relative", path = rel));
    }
    guard::checked_file(root, &root.join(rel_path), rel, guard::MAX_IMAGE_BYTES)
        .map_err(|e| e.message())
}

/// Whether a resolved file is a picture a page, a PDF and a Word file can show: a PNG or
/// JPEG whose header reads, or an SVG. Checked by `check`, so that a text file named
/// `.png` fails there, located, and not late inside typst.
pub fn check_image(path: &Path, rel: &str) -> Result<(), Message> {
    let not_image = || msg!("image-invalid", path = rel);
    let is_svg = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("svg"));
    if is_svg {
        // Already checked to be under `guard::MAX_IMAGE_BYTES`.
        let bytes = std::fs::read(path).map_err(|_| not_image())?;
        return if String::from_utf8_lossy(&bytes).contains("<svg") {
            Ok(())
        } else {
            Err(not_image())
        };
    }
    let reader = image::ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|_| not_image())?;
    match reader.format() {
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg) => {}
        _ => return Err(not_image()),
    }
    reader
        .into_dimensions()
        .map(|_| ())
        .map_err(|_| not_image())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escapes_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.png"), b"x").unwrap();
        assert!(resolve_in_site(dir.path(), "a.png").is_ok());
        assert!(resolve_in_site(dir.path(), "../a.png").unwrap_err().id == "path-not-relative");
        assert!(resolve_in_site(dir.path(), "/etc/passwd").is_err());
        assert!(resolve_in_site(dir.path(), "b.png").unwrap_err().id == "path-missing");
    }

    #[cfg(unix)]
    #[test]
    fn rejects_links_that_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("h.png")).unwrap();
        assert!(resolve_in_site(dir.path(), "h.png").unwrap_err().id == "path-outside");
    }

    #[test]
    fn a_directory_is_named_as_such_and_text_is_no_image() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("p.png")).unwrap();
        let err = resolve_in_site(dir.path(), "p.png").unwrap_err();
        assert_eq!(err.id, "path-directory");
        std::fs::write(dir.path().join("t.png"), b"hello").unwrap();
        let path = resolve_in_site(dir.path(), "t.png").unwrap();
        assert_eq!(check_image(&path, "t.png").unwrap_err().id, "image-invalid");
    }
}
