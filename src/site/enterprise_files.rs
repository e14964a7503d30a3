//! Which files of `enterprises/` are enterprises. Every YAML file there is either read or
//! reported: `.yml` and `.YAML` are read like `.yaml`, a hidden file or a name that is not
//! UTF-8 is an error, and two files giving one id (`x.yaml` and `x.yml`, or `X.yaml`,
//! which case-insensitive file systems and URLs would mix) are a `duplicate-id`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Finding, Rule};
use crate::msg;

/// An enterprise file: its site-relative name and the id it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnterpriseFileName {
    pub rel: String,
    pub id: String,
}

/// The enterprise files of `root/enterprises`, sorted by name, and the errors about the
/// rest of the folder's YAML files.
pub fn enterprise_files(root: &Path) -> (Vec<EnterpriseFileName>, Vec<Finding>) {
    let mut findings = Vec::new();
    let dir = root.join("enterprises");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(_) => return (Vec::new(), findings),
    };
    let mut names: Vec<std::ffi::OsString> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    names.sort();
    let mut by_id: BTreeMap<String, Vec<EnterpriseFileName>> = BTreeMap::new();
    for raw in names {
        let Some(name) = raw.to_str() else {
            let shown = raw.to_string_lossy();
            findings.push(Finding::file_error(
                Rule::InvalidValue,
                &format!("enterprises/{shown}"),
                msg!("file-name-not-utf8"),
            ));
            continue;
        };
        let Some(stem) = yaml_stem(name) else {
            continue;
        };
        let rel = format!("enterprises/{name}");
        if name.starts_with(".#") {
            continue; // an editor's lock file, a link to nowhere
        }
        if name.starts_with('.') {
            let suggested = format!("enterprises/{}.yaml", stem.trim_start_matches('.'));
            findings.push(Finding::file_error(
                Rule::InvalidValue,
                &rel,
                msg!("enterprise-file-hidden", suggested = suggested),
            ));
            continue;
        }
        by_id
            .entry(stem.to_lowercase())
            .or_default()
            .push(EnterpriseFileName {
                rel,
                id: stem.to_string(),
            });
    }
    let mut files = Vec::new();
    for (_, same) in by_id {
        if let [first, second, ..] = same.as_slice() {
            let mut finding = Finding::file_error(
                Rule::DuplicateId,
                &second.rel,
                msg!(
                    "duplicate-id",
                    first = &first.rel,
                    second = &second.rel,
                    id = &first.id
                ),
            );
            finding.enterprise = Some(first.id.clone());
            findings.push(finding);
        } else {
            files.extend(same);
        }
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    (files, findings)
}

/// `x.yaml`, `x.yml`, `x.YAML` → `x`; other names → None.
fn yaml_stem(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    (ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml")).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(names: &[&str]) -> (Vec<String>, Vec<(String, Rule, String)>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("enterprises")).unwrap();
        for name in names {
            std::fs::write(dir.path().join("enterprises").join(name), "x: 1").unwrap();
        }
        let (files, findings) = enterprise_files(dir.path());
        let english = crate::i18n::Catalog::new(crate::i18n::Lang::En);
        (
            files.into_iter().map(|f| f.id).collect(),
            findings
                .into_iter()
                .map(|f| (f.file, f.rule, english.text(&f.message)))
                .collect(),
        )
    }

    #[test]
    fn reads_every_spelling_of_yaml_and_reports_hidden_files() {
        let (ids, findings) =
            listed(&["a.yml", "b.YAML", "c.yaml", "notes.txt", ".yaml", ".d.yaml"]);
        assert_eq!(ids, ["a", "b", "c"]);
        let files: Vec<&str> = findings.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(files, ["enterprises/.d.yaml", "enterprises/.yaml"]);
    }

    #[test]
    fn one_id_is_one_file() {
        let (ids, findings) = listed(&["x.yaml", "x.yml", "Y.yaml", "y.yaml", "z.yaml"]);
        assert_eq!(ids, ["z"]);
        assert_eq!(findings.len(), 2);
        assert!(findings.iter().all(|f| f.1 == Rule::DuplicateId));
        assert!(
            findings[0]
                .2
                .contains("`enterprises/x.yaml` and `enterprises/x.yml`")
        );
        assert!(
            findings[1]
                .2
                .contains("`enterprises/Y.yaml` and `enterprises/y.yaml`")
        );
    }
}
