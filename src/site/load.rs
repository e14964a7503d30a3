//! Reads the site folder and deserializes every YAML file, collecting the errors of all
//! files rather than stopping at the first.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_saphyr::MessageFormatter;
use walkdir::WalkDir;

use crate::diag::{Finding, Severity};
use crate::site::model::{Config, EnterpriseFile};
use crate::site::yaml_index::KeyIndex;

/// A YAML file as read: its site-relative name, text and key index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub rel: String,
    pub index: KeyIndex,
}

#[derive(Debug, Clone)]
pub struct LoadedEnterprise {
    /// The file name without `.yaml`.
    pub id: String,
    pub data: EnterpriseFile,
    pub source: SourceFile,
}

#[derive(Debug, Clone)]
pub struct LoadedSite {
    pub root: PathBuf,
    pub config: Config,
    pub config_source: SourceFile,
    pub enterprises: Vec<LoadedEnterprise>,
}

impl LoadedSite {
    /// The enterprise ids, in file order.
    pub fn ids(&self) -> Vec<String> {
        self.enterprises.iter().map(|e| e.id.clone()).collect()
    }
}

/// Loads `root`. `Err` holds every error found; none of them panics.
pub fn load_site(root: &Path) -> Result<LoadedSite, Vec<Finding>> {
    let mut findings = Vec::new();
    let config_path = root.join("anquan.yaml");
    if !config_path.is_file() {
        return Err(vec![plain_error(
            "anquan.yaml",
            format!(
                "no anquan.yaml in {}: is this an anquan site? (`anquan init DIR` makes one)",
                root.display()
            ),
        )]);
    }
    let config = read_yaml::<Config>(root, "anquan.yaml", None, &mut findings);

    let mut enterprises = Vec::new();
    let dir = root.join("enterprises");
    let mut files: Vec<PathBuf> = WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        findings.push(plain_error(
            "enterprises/",
            "no enterprise files: add enterprises/ID.yaml".to_string(),
        ));
    }
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let rel = format!("enterprises/{name}");
        let id = name
            .trim_end_matches(".yaml")
            .trim_end_matches(".yml")
            .to_string();
        if let Some((data, source)) =
            read_yaml::<EnterpriseFile>(root, &rel, Some(&id), &mut findings)
        {
            enterprises.push(LoadedEnterprise { id, data, source });
        }
    }

    // In id order, not file-name order (`a-b.yaml` sorts before `a.yaml`): the index,
    // the manifest and `merge` all list enterprises by id.
    enterprises.sort_by(|a, b| a.id.cmp(&b.id));
    match config {
        Some((config, config_source)) if findings.is_empty() => Ok(LoadedSite {
            root: root.to_path_buf(),
            config,
            config_source,
            enterprises,
        }),
        _ => Err(findings),
    }
}

fn plain_error(file: &str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        rule: "io",
        message,
        file: file.to_string(),
        line: None,
        column: None,
        path: None,
        enterprise: None,
    }
}

fn read_yaml<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
    enterprise: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Option<(T, SourceFile)> {
    let text = match fs::read_to_string(root.join(rel)) {
        Ok(text) => text,
        Err(err) => {
            findings.push(plain_error(rel, format!("cannot read: {err}")));
            return None;
        }
    };
    let index = KeyIndex::build(&text);
    match serde_saphyr::from_str::<T>(&text) {
        Ok(value) => Some((
            value,
            SourceFile {
                rel: rel.to_string(),
                index,
            },
        )),
        Err(err) => {
            findings.push(locate_error(&err, rel, enterprise, &index));
            None
        }
    }
}

/// Turns a parser error into a finding with file, line, column, key path and a rule id.
fn locate_error(
    err: &serde_saphyr::Error,
    rel: &str,
    enterprise: Option<&str>,
    index: &KeyIndex,
) -> Finding {
    let plain = err.without_snippet();
    let message = serde_saphyr::UserMessageFormatter
        .format_message(plain)
        .into_owned();
    let location = err.location();
    let (line, column) = match location {
        Some(loc) => (Some(loc.line() as usize), Some(loc.column() as usize)),
        None => (None, None),
    };
    let path = match (line, column) {
        (Some(l), Some(c)) => index.path_at(l, c).map(str::to_string),
        _ => None,
    };
    use serde_saphyr::Error as E;
    let rule = match plain {
        E::SerdeUnknownField { .. } => "unknown-key",
        E::SerdeMissingField { .. } => "missing-key",
        E::ExternalMessage { .. }
        | E::Eof { .. }
        | E::MultipleDocuments { .. }
        | E::DuplicateMappingKey { .. }
        | E::UnknownAnchor { .. }
        | E::ContainerEndMismatch { .. } => "yaml-syntax",
        _ if path.is_none() => "yaml-syntax",
        _ => "invalid-value",
    };
    // A missing key is reported where its mapping is: name the mapping, not a sibling.
    let path = match (rule, path) {
        ("missing-key", Some(p)) => Some(parent_path(&p).to_string()),
        (_, p) => p,
    };
    Finding {
        severity: Severity::Error,
        rule,
        message: explain(&message),
        file: rel.to_string(),
        line,
        column,
        path,
        enterprise: enterprise.map(str::to_string),
    }
}

/// `a.b[2].c` → `a.b[2]`; `a` → `` (the document root).
fn parent_path(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// Serde's words for types, said the way a YAML author thinks of them.
fn explain(message: &str) -> String {
    let replacements = [
        ("invalid u32", "expected a whole number"),
        ("missing field", "missing required key"),
        ("invalid f64", "expected a number"),
        ("expected u32", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("invalid bool", "expected true or false"),
        ("expected string scalar", "expected a text value"),
    ];
    let mut out = message.to_string();
    for (from, to) in replacements {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}
