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
    Ok(written)
}
