//! Reads the site folder and deserializes every YAML file, collecting the errors of all
//! files rather than stopping at the first.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_saphyr::MessageFormatter;

use crate::diag::{Finding, Severity};
use crate::site::enterprise_files::enterprise_files;
use crate::site::guard::{self, GuardError};
use crate::site::model::{Config, EnterpriseFile};
use crate::site::syntax_hints;
use crate::site::yaml_index::{KeyIndex, MAX_VALUE_CHARS};

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
    if std::fs::symlink_metadata(root.join("anquan.yaml")).is_err() {
        return Err(vec![Finding::file_error(
            "io",
            "anquan.yaml",
            format!(
                "no anquan.yaml in {}: is this an anquan site? (`anquan init DIR` makes one)",
                root.display()
            ),
        )]);
    }
    let config = read_yaml::<Config>(root, "anquan.yaml", None, &mut findings);

    let mut enterprises = Vec::new();
    let (files, listing) = enterprise_files(root);
    if files.is_empty() && listing.is_empty() {
        findings.push(Finding::file_error(
            "io",
            "enterprises/",
            "no enterprise files: add enterprises/ID.yaml".to_string(),
        ));
    }
    findings.extend(listing);
    for file in files {
        if let Some((data, source)) =
            read_yaml::<EnterpriseFile>(root, &file.rel, Some(&file.id), &mut findings)
        {
            enterprises.push(LoadedEnterprise {
                id: file.id,
                data,
                source,
            });
        }
    }

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

fn read_yaml<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
    enterprise: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Option<(T, SourceFile)> {
    let text = match read_text(root, rel) {
        Ok(text) => text,
        Err(finding) => {
            let mut finding = *finding;
            finding.enterprise = enterprise.map(str::to_string);
            findings.push(finding);
            return None;
        }
    };
    let index = KeyIndex::build(&text);
    if !index.long_values.is_empty() {
        findings.extend(long_value_errors(&index, rel, enterprise));
        return None;
    }
    match serde_saphyr::from_str::<T>(&text) {
        Ok(value) => Some((
            value,
            SourceFile {
                rel: rel.to_string(),
                index,
            },
        )),
        Err(err) => {
            findings.push(locate_error(&err, rel, enterprise, &index, &text));
            None
        }
    }
}

fn long_value_errors<'a>(
    index: &'a KeyIndex,
    rel: &'a str,
    enterprise: Option<&'a str>,
) -> impl Iterator<Item = Finding> + 'a {
    index
        .long_values
        .iter()
        .map(move |&((line, column), chars)| Finding {
            severity: Severity::Error,
            rule: "invalid-value",
            message: format!(
                "a text value of {chars} characters: at most {MAX_VALUE_CHARS} are allowed"
            ),
            file: rel.to_string(),
            line: Some(line),
            column: Some(column),
            path: index.path_at(line, column).map(str::to_string),
            enterprise: enterprise.map(str::to_string),
        })
}

/// A YAML file's text, through the site's guard (inside the site, a regular file, under
/// the size limit) and checked to be UTF-8.
fn read_text(root: &Path, rel: &str) -> Result<String, Box<Finding>> {
    let bytes = guard::read_bytes(root, &root.join(rel), rel, guard::MAX_TEXT_FILE_BYTES).map_err(
        |err| {
            let rule = match err {
                GuardError::Missing(_) | GuardError::Unreadable { .. } => "io",
                _ => "invalid-value",
            };
            Box::new(Finding::file_error(rule, rel, err.to_string()))
        },
    )?;
    guard::utf8_text(bytes).map_err(|(line, column, message)| {
        let mut finding = Finding::file_error("yaml-syntax", rel, message);
        finding.line = Some(line);
        finding.column = Some(column);
        Box::new(finding)
    })
}

/// Turns a parser error into a finding with file, line, column, key path and a rule id.
fn locate_error(
    err: &serde_saphyr::Error,
    rel: &str,
    enterprise: Option<&str>,
    index: &KeyIndex,
    text: &str,
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
    let moved = better_position(&message, text, line, column);
    let (line, column, message) = match moved {
        Some((l, c, hint)) => (Some(l), Some(c), format!("{message} ({hint})")),
        None => (line, column, message),
    };
    let path = match (line, column, moved) {
        (Some(l), Some(c), None) => index.path_at(l, c).map(str::to_string),
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

/// Where a syntax error really is, when the parser reports it late (`syntax_hints`):
/// the position and what to say there.
fn better_position(
    message: &str,
    text: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> Option<(usize, usize, &'static str)> {
    let line = line?;
    let scanner_words = [
        "quote",
        "scalar",
        "trailing content",
        "did not find",
        "mapping values",
    ];
    if message.contains("found a tab") {
        let (l, c) = syntax_hints::tab_from(text, line, column.unwrap_or(1))?;
        return ((l, c) != (line, column.unwrap_or(0))).then_some((
            l,
            c,
            "indent with spaces, not tabs",
        ));
    }
    if scanner_words.iter().any(|w| message.contains(w)) {
        let (l, c) = syntax_hints::unclosed_quote_before(text, line)?;
        return Some((l, c, "this quote is not closed on its line"));
    }
    None
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
