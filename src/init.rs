//! `anquan init DIR`: writes the bundled example site, which builds without error, set up
//! for editors (`schema::editor`): schemas, a modeline atop each YAML file, VS Code
//! settings; and a `.gitignore` that keeps the build cache out of version control.

use std::fs;
use std::path::{Path, PathBuf};

use crate::assets::{EXAMPLE, embedded_files};
use crate::schema::SchemaError;
use crate::schema::editor::{editor_files, with_modeline};

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} already holds files: init writes only into a new or empty folder")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Schema(#[from] SchemaError),
}

/// Writes the example site into `dir` and returns the files written (relative).
pub fn init(dir: &Path) -> Result<Vec<String>, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    if dir.exists() && fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
        return Err(InitError::NotEmpty(dir.to_path_buf()));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    // A build of the example in the checkout leaves its output and cache there: not part
    // of the example.
    let example = embedded_files(&EXAMPLE)
        .into_iter()
        .filter(|(rel, _)| !rel.starts_with("public/") && !rel.starts_with(".anquan/"));
    for (rel, bytes) in example {
        let bytes = match std::str::from_utf8(bytes) {
            Ok(text) => with_modeline(&rel, text).into_bytes(),
            Err(_) => bytes.to_vec(),
        };
        files.push((rel, bytes));
    }
    for (rel, text) in editor_files()? {
        files.push((rel, text.into_bytes()));
    }
    // The build cache (`.anquan/cache`) is no part of the site's history.
    files.push((".gitignore".into(), b".anquan/\n".to_vec()));
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, bytes).map_err(io(&path))?;
        written.push(rel);
    }
    let gitignore = dir.join(".gitignore");
    ignore_cache(&gitignore).map_err(io(&gitignore))?;
    written.push(".gitignore".to_string());
    Ok(written)
}

/// The line that keeps the build cache (`SITE/.anquan/`) out of version control.
pub const CACHE_IGNORE: &str = ".anquan/";

/// Adds `.anquan/` to a `.gitignore`, creating it if need be; a file that ignores the
/// folder already is left as it is.
pub fn ignore_cache(gitignore: &Path) -> std::io::Result<()> {
    let text = match fs::read_to_string(gitignore) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(err),
    };
    let ignored = text.lines().map(str::trim).any(|line| {
        let line = line.trim_start_matches('/');
        line == CACHE_IGNORE || line == ".anquan"
    });
    if ignored {
        return Ok(());
    }
    let mut updated = text;
    if !updated.is_empty() && !updated.ends_with('\n') {
        updated.push('\n');
    }
    updated.push_str(CACHE_IGNORE);
    updated.push('\n');
    fs::write(gitignore, updated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitignore_is_created_appended_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        ignore_cache(&path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), ".anquan/\n");
        ignore_cache(&path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), ".anquan/\n");

        fs::write(&path, "public/\n*.swp").unwrap();
        ignore_cache(&path).unwrap();
        ignore_cache(&path).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "public/\n*.swp\n.anquan/\n"
        );

        fs::write(&path, "/.anquan\n").unwrap();
        ignore_cache(&path).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "/.anquan\n");
    }

    #[test]
    fn init_writes_the_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let files = init(&site).unwrap();
        assert!(files.iter().any(|f| f == ".gitignore"));
        assert_eq!(
            fs::read_to_string(site.join(".gitignore")).unwrap(),
            ".anquan/\n"
        );
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("`{0}` is not an enterprise id (letters, digits and hyphens)")]
    BadId(String),
    #[error("{0} already exists: `anquan new` never overwrites a file")]
    Exists(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `anquan new ID`: writes `DIR/enterprises/ID.yaml`, the required keys with Chinese
/// comments and the schema modeline, to be filled in. Refuses an id already taken in
/// any spelling (`ID.yml`, `Id.YAML` …), since those would be one enterprise twice.
pub fn new_enterprise(dir: &Path, id: &str) -> Result<PathBuf, NewError> {
    if !crate::site::values::is_valid_id(id) {
        return Err(NewError::BadId(id.to_string()));
    }
    let folder = dir.join("enterprises");
    if let Ok(entries) = fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            let stem = name
                .strip_suffix(".yaml")
                .or_else(|| name.strip_suffix(".yml"));
            if stem == Some(id.to_lowercase().as_str()) {
                return Err(NewError::Exists(entry.path()));
            }
        }
    }
    let template = crate::assets::CONTENT
        .get_file("new/enterprise.yaml")
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default()
        .replace("{{ID}}", id);
    let rel = format!("enterprises/{id}.yaml");
    let text = crate::schema::editor::with_modeline(&rel, &template);
    let path = dir.join(&rel);
    let io = |source| NewError::Io {
        path: path.clone(),
        source,
    };
    fs::create_dir_all(&folder).map_err(io)?;
    // create_new: a file that appeared meanwhile is not overwritten either.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    Ok(path)
}
