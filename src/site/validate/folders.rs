//! The site's optional folders (`templates/`, `content/`, `fonts/`, the theme) checked by
//! `check` as the build will read them: every file inside the site once links are
//! resolved, regular, and under the size limit.

use std::path::Path;

use walkdir::WalkDir;

use crate::diag::{Finding, Rule};
use crate::site::guard;

pub(super) fn validate_folders(root: &Path, theme: &str, findings: &mut Vec<Finding>) {
    let theme_dir = format!("themes/{theme}");
    let folders = [
        ("templates", guard::MAX_TEXT_FILE_BYTES),
        ("content", guard::MAX_TEXT_FILE_BYTES),
        (theme_dir.as_str(), guard::MAX_TEXT_FILE_BYTES),
        // Fonts are large; they are only kept inside the site.
        ("fonts", u64::MAX),
    ];
    for (sub, limit) in folders {
        let base = root.join(sub);
        if std::fs::symlink_metadata(&base).is_err() {
            continue;
        }
        let real = match guard::resolve_inside(root, &base, sub) {
            Ok(real) => real,
            Err(err) => {
                findings.push(Finding::file_error(Rule::InvalidValue, sub, err.message()));
                continue;
            }
        };
        for entry in WalkDir::new(&real).sort_by_file_name().into_iter() {
            let Ok(entry) = entry else { continue };
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(&real).unwrap_or(entry.path());
            let name = format!("{sub}/{}", rel.to_string_lossy().replace('\\', "/"));
            if let Err(err) = guard::checked_file(root, entry.path(), &name, limit) {
                findings.push(Finding::file_error(
                    Rule::InvalidValue,
                    &name,
                    err.message(),
                ));
            }
        }
    }
}
