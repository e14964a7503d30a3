//! The one place where a path named in the site becomes a file path: it must stay inside
//! the site folder, links included.

use std::path::{Component, Path, PathBuf};

use crate::i18n::Message;
use crate::msg;

/// Resolves `rel` (as written in YAML) inside `root`, or says why it cannot be used.
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
    let joined = root.join(rel_path);
    if !joined.is_file() {
        return Err(msg!("path-missing", path = rel));
    }
    // A symlink could still lead outside: compare canonical forms.
    let canonical_root = root
        .canonicalize()
        .map_err(|e| msg!("path-unresolved", path = ".", error = e.to_string()))?;
    let canonical = joined
        .canonicalize()
        .map_err(|e| msg!("path-unresolved", path = rel, error = e.to_string()))?;
    if !canonical.starts_with(&canonical_root) {
        return Err(msg!("path-outside", path = rel));
    }
    Ok(canonical)
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
}
