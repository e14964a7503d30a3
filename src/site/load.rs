//! Reads the site folder and deserializes every YAML file, collecting the errors of all
//! files rather than stopping at the first.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_saphyr::MessageFormatter;

use crate::diag::{Finding, Rule, Severity};
use crate::i18n::Message;
use crate::msg;
use crate::site::date::{MAX_YEAR, MIN_YEAR, NOT_A_DATE};
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
    /// `revisions.yaml`: the releases so far (none when the file is absent).
    pub revisions: crate::release::file::Revisions,
}

impl LoadedSite {
    /// The enterprise ids, in file order.
    pub fn ids(&self) -> Vec<String> {
        self.enterprises.iter().map(|e| e.id.clone()).collect()
    }

    /// Drops the key indexes, which serve only to locate findings: once the site is
    /// checked they are dead weight (about 80 KB per enterprise, a third of the heap of
    /// a 1,000-client build).
    pub fn drop_key_indexes(&mut self) {
        self.config_source.index = KeyIndex::default();
        for e in &mut self.enterprises {
            e.source.index = KeyIndex::default();
        }
    }
}

/// Loads `root`. `Err` holds every error found; none of them panics.
pub fn load_site(root: &Path) -> Result<LoadedSite, Vec<Finding>> {
    let mut findings = Vec::new();
    if std::fs::symlink_metadata(root.join("anquan.yaml")).is_err() {
        return Err(vec![Finding::file_error(
            Rule::Io,
            "anquan.yaml",
            msg!("site-not-found", dir = root.display().to_string()),
        )]);
    }
    let config = read_yaml::<Config>(root, "anquan.yaml", None, &mut findings);

    let mut enterprises = Vec::new();
    let (files, listing) = enterprise_files(root);
    if files.is_empty() && listing.is_empty() {
        findings.push(Finding::file_error(
            Rule::Io,
            "enterprises/",
            msg!("no-enterprises"),
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

    // In id order, not file-name order (`a-b.yaml` sorts before `a.yaml`): the index,
    // the manifest and `merge` all list enterprises by id.
    enterprises.sort_by(|a, b| a.id.cmp(&b.id));
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

pub(crate) fn read_yaml<T: DeserializeOwned>(
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
    findings.extend(blank_name_errors(&index, rel, enterprise));
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

/// Values longer than `MAX_VALUE_CHARS`: refused before deserializing.
fn long_value_errors(index: &KeyIndex, rel: &str, enterprise: Option<&str>) -> Vec<Finding> {
    index
        .long_values
        .iter()
        .map(|&(at, chars)| {
            let path = index.path_at(at.0, at.1).map(str::to_string);
            let message = msg!("value-too-long", chars = chars, max = MAX_VALUE_CHARS);
            value_error(rel, enterprise, at, path, message)
        })
        .collect()
}

/// Blank names and ids (`name: ""`), which deserialize as strings.
fn blank_name_errors(index: &KeyIndex, rel: &str, enterprise: Option<&str>) -> Vec<Finding> {
    index
        .blank_names
        .iter()
        .map(|(at, path)| {
            value_error(
                rel,
                enterprise,
                *at,
                Some(path.clone()),
                msg!("value-blank"),
            )
        })
        .collect()
}

fn value_error(
    rel: &str,
    enterprise: Option<&str>,
    (line, column): (usize, usize),
    path: Option<String>,
    message: crate::i18n::Message,
) -> Finding {
    Finding {
        severity: Severity::Error,
        rule: Rule::InvalidValue,
        message,
        file: rel.to_string(),
        line: Some(line),
        column: Some(column),
        path,
        enterprise: enterprise.map(str::to_string),
    }
}

/// A YAML file's text, through the site's guard (inside the site, a regular file, under
/// the size limit) and checked to be UTF-8.
fn read_text(root: &Path, rel: &str) -> Result<String, Box<Finding>> {
    let bytes = guard::read_bytes(root, &root.join(rel), rel, guard::MAX_TEXT_FILE_BYTES).map_err(
        |err| {
            let rule = match err {
                GuardError::Missing(_) | GuardError::Unreadable { .. } => Rule::Io,
                _ => Rule::InvalidValue,
            };
            Box::new(Finding::file_error(rule, rel, err.message()))
        },
    )?;
    guard::utf8_text(bytes).map_err(|(line, column, message)| {
        let mut finding = Finding::file_error(Rule::YamlSyntax, rel, message);
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
    let location = err.location();
    let (line, column) = match location {
        Some(loc) => (Some(loc.line() as usize), Some(loc.column() as usize)),
        None => (None, None),
    };
    let detail = serde_saphyr::UserMessageFormatter
        .format_message(plain)
        .into_owned();
    let moved = better_position(&detail, text, line, column);
    let (line, column) = match &moved {
        Some((l, c, _)) => (Some(*l), Some(*c)),
        None => (line, column),
    };
    let path = match (line, column, &moved) {
        (Some(l), Some(c), None) => index.path_at(l, c).map(str::to_string),
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
        message: match moved {
            Some((_, _, hinted)) => hinted,
            None => explain(plain, rule),
        },
        file: rel.to_string(),
        line,
        column,
        path,
        enterprise: enterprise.map(str::to_string),
    }
}

/// Where a syntax error really is, when the parser reports it late (`syntax_hints`):
/// the position, and the parser's `message` with a hint of what to do there.
fn better_position(
    message: &str,
    text: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> Option<(usize, usize, Message)> {
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
        return ((l, c) != (line, column.unwrap_or(0)))
            .then(|| (l, c, msg!("yaml-tab", detail = message)));
    }
    if scanner_words.iter().any(|w| message.contains(w)) {
        let (l, c) = syntax_hints::unclosed_quote_before(text, line)?;
        return Some((l, c, msg!("yaml-unclosed-quote", detail = message)));
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
        // `name:` with nothing after it: YAML reads null, where text is required.
        E::NullIntoString { .. } => msg!("value-null"),
        E::Message { msg, .. } if msg.ends_with(NOT_A_DATE) => {
            let text = msg.trim_end_matches(NOT_A_DATE).trim().trim_matches('`');
            msg!(
                "date-invalid",
                value = text,
                min = MIN_YEAR.to_string(),
                max = MAX_YEAR.to_string()
            )
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
