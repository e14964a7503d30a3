//! The one place where a path named in the site becomes a file path: it must stay inside
//! the site folder, links included.

use std::path::{Component, Path, PathBuf};

/// Resolves `rel` (as written in YAML) inside `root`, or says why it cannot be used.
pub fn resolve_in_site(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let rel_path = Path::new(rel);
    if rel.trim().is_empty() {
        return Err("the path is empty".to_string());
    }
    if rel_path.is_absolute()
        || rel_path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(format!(
            "`{rel}` must be a relative path inside the site, without `..`"
        ));
    }
    let joined = root.join(rel_path);
    if !joined.is_file() {
        return Err(format!("`{rel}` does not exist in the site folder"));
    }
    // A symlink could still lead outside: compare canonical forms.
    let canonical_root = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve the site folder: {e}"))?;
    let canonical = joined
        .canonicalize()
        .map_err(|e| format!("cannot resolve `{rel}`: {e}"))?;
    if !canonical.starts_with(&canonical_root) {
        return Err(format!("`{rel}` leads outside the site folder"));
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
        assert!(
            resolve_in_site(dir.path(), "../a.png")
                .unwrap_err()
                .contains("..")
        );
        assert!(resolve_in_site(dir.path(), "/etc/passwd").is_err());
        assert!(
            resolve_in_site(dir.path(), "b.png")
                .unwrap_err()
                .contains("does not exist")
        );
    }

    #[cfg(unix)]
    #[test]
    fn rejects_links_that_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("h.png")).unwrap();
        assert!(
            resolve_in_site(dir.path(), "h.png")
                .unwrap_err()
                .contains("outside")
        );
    }
}
