//! Reads the site folder and deserializes every YAML file, collecting the errors of all
//! files rather than stopping at the first.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_saphyr::MessageFormatter;
use walkdir::WalkDir;

use crate::diag::{Finding, Rule, Severity};
use crate::i18n::Message;
use crate::msg;
use crate::site::date::NOT_A_DATE;
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
    /// `revisions.yaml`: the releases so far (none when the file is absent).
    pub revisions: crate::release::file::Revisions,
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
            msg!("site-not-found", dir = root.display().to_string()),
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
        findings.push(plain_error("enterprises/", msg!("no-enterprises")));
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

    let revisions = crate::release::file::load(root, &mut findings);
    match (config, revisions) {
        (Some((config, config_source)), Some(revisions)) if findings.is_empty() => Ok(LoadedSite {
            root: root.to_path_buf(),
            config,
            config_source,
            enterprises,
            revisions,
        }),
        _ => Err(findings),
    }
}

fn plain_error(file: &str, message: Message) -> Finding {
    Finding {
        severity: Severity::Error,
        rule: Rule::Io,
        message,
        file: file.to_string(),
        line: None,
        column: None,
        path: None,
        enterprise: None,
    }
}

pub(crate) fn read_yaml<T: DeserializeOwned>(
    root: &Path,
    rel: &str,
    enterprise: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Option<(T, SourceFile)> {
    let text = match fs::read_to_string(root.join(rel)) {
        Ok(text) => text,
        Err(err) => {
            findings.push(plain_error(
                rel,
                msg!("file-unreadable", error = err.to_string()),
            ));
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
        E::SerdeUnknownField { .. } => Rule::UnknownKey,
        E::SerdeMissingField { .. } => Rule::MissingKey,
        E::ExternalMessage { .. }
        | E::Eof { .. }
        | E::MultipleDocuments { .. }
        | E::DuplicateMappingKey { .. }
        | E::UnknownAnchor { .. }
        | E::ContainerEndMismatch { .. } => Rule::YamlSyntax,
        _ if path.is_none() => Rule::YamlSyntax,
        _ => Rule::InvalidValue,
    };
    // A missing key is reported where its mapping is: name the mapping, not a sibling.
    let path = match (rule, path) {
        (Rule::MissingKey, Some(p)) => Some(parent_path(&p).to_string()),
        (_, p) => p,
    };
    Finding {
        severity: Severity::Error,
        rule,
        message: explain(plain, rule),
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

/// The parser's error as a message: the common cases in the user's words, the rest
/// with the parser's own (English) text as `detail`.
fn explain(plain: &serde_saphyr::Error, rule: Rule) -> Message {
    use serde_saphyr::Error as E;
    match plain {
        E::SerdeUnknownField {
            field, expected, ..
        } => msg!(
            "unknown-key",
            key = field.as_str(),
            expected = expected.join(", ")
        ),
        E::SerdeMissingField { field, .. } => msg!("missing-key", key = *field),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => msg!(
            "unknown-variant",
            value = variant.as_str(),
            expected = expected.join(", ")
        ),
        E::DuplicateMappingKey { key, .. } => {
            msg!("duplicate-key", key = key.as_deref().unwrap_or("?"))
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => msg!(
            "invalid-type",
            kind = value_kind(expected),
            found = unexpected.as_str(),
            expected = expected.as_str()
        ),
        E::Message { msg, .. } if msg.ends_with(NOT_A_DATE) => {
            let text = msg.trim_end_matches(NOT_A_DATE).trim().trim_matches('`');
            msg!("date-invalid", value = text)
        }
        _ => {
            let detail = serde_saphyr::UserMessageFormatter
                .format_message(plain)
                .into_owned();
            match (rule, value_kind(&detail)) {
                (Rule::YamlSyntax, _) => msg!("yaml-syntax", detail = detail),
                (_, "other") => msg!("value-invalid", detail = detail),
                (_, kind) => msg!("value-wrong-kind", kind = kind),
            }
        }
    }
}

/// Serde's name of the expected type, as a catalogue selector: `whole`, `number`,
/// `boolean`, `text`, `list`, `mapping`, or `other`.
fn value_kind(expected: &str) -> &'static str {
    let e = expected.to_ascii_lowercase();
    const KINDS: &[(&str, &[&str])] = &[
        (
            "whole",
            &["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"],
        ),
        ("number", &["f64", "f32", "float", "number"]),
        ("boolean", &["bool"]),
        ("text", &["string", "str", "char"]),
        (
            "list",
            &["sequence", "seq", "vec", "tuple", "array", "list"],
        ),
        ("mapping", &["struct", "map"]),
    ];
    KINDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| e.contains(w)))
        .map_or("other", |(kind, _)| kind)
}
