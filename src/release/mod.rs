//! Releases and revision history (spec §13): `anquan release` records every document's
//! version and content hash in `revisions.yaml`; a build gives each document its released
//! version and 修订记录, and tells which documents changed since the last release.

pub mod command;
pub mod file;
mod record;
pub mod snapshot;
pub mod status;
mod yaml;

use std::collections::BTreeMap;

use crate::diag::{Finding, Rule, Severity};
use crate::documents::model::Document;
use crate::documents::revisions::{RevisionRow, apply};
use crate::msg;
use crate::site::date::Date;
use file::{Facts, Revisions};
use status::{Assessed, Change, DocStatus, assess, doc_id};

/// One enterprise's documents against the last release.
#[derive(Debug, Clone, Default)]
pub struct EnterpriseStatus {
    /// Parallel to the documents.
    pub documents: Vec<DocStatus>,
    /// Documents the last release had that the pack no longer has.
    pub withdrawn: Vec<Change>,
}

impl EnterpriseStatus {
    /// Every change since the last release, in pack order, withdrawn documents last.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.documents
            .iter()
            .filter_map(|s| s.change.as_ref())
            .chain(&self.withdrawn)
    }

    pub fn is_changed(&self, n: usize) -> bool {
        self.documents.get(n).is_some_and(|s| s.change.is_some())
    }
}

/// The day to build the documents on again to tell what changed: the enterprise's last
/// release, when that is not the build date itself.
pub fn baseline_date(revisions: &Revisions, enterprise: &str, build: Date) -> Option<Date> {
    revisions
        .latest_enterprise(enterprise)
        .map(|(r, _)| r.date)
        .filter(|d| *d != build)
}

/// Gives each document its released version and 修订记录; returns where each stands.
/// `then` holds the same documents built on the last release's day (see `baseline_date`).
pub fn attach(
    revisions: &Revisions,
    enterprise: &str,
    docs: &mut [Document],
    then: Option<&[Document]>,
    facts: &Facts,
) -> EnterpriseStatus {
    let (documents, withdrawn) = assess(
        revisions,
        &Assessed {
            enterprise,
            now: docs,
            then,
            facts,
        },
    );
    for (doc, status) in docs.iter_mut().zip(&documents) {
        let id = doc_id(doc);
        let rows: Vec<RevisionRow> = revisions
            .history(&id)
            .map(|(release, d)| RevisionRow {
                version: d.version.clone(),
                date: release.date,
                changes: d.changes.clone(),
                by: d.by.clone().unwrap_or_default(),
            })
            .collect();
        apply(doc, status.released.as_deref(), &rows);
    }
    EnterpriseStatus {
        documents,
        withdrawn,
    }
}

/// `OUT/changes.json`: the documents changed since the last release.
pub fn changes_json(since: Option<Date>, changes: &[Change]) -> String {
    let value = serde_json::json!({
        "since": since.map(|d| d.to_string()),
        "documents": changes,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

/// `unreleased-changes` (warning; `build --strict`, `check --strict`): an enterprise whose
/// documents changed since its last release.
pub fn unreleased_findings(revisions: &Revisions, changes: &[Change]) -> Vec<Finding> {
    let mut by_enterprise: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        let enterprise = change.id.split('/').next().unwrap_or_default();
        by_enterprise.entry(enterprise).or_default().push(change);
    }
    by_enterprise
        .into_iter()
        .map(|(enterprise, list)| {
            let since = revisions
                .latest_enterprise(enterprise)
                .map(|(r, _)| r.date.to_string())
                .unwrap_or_default();
            let titles: Vec<&str> = list.iter().map(|c| c.title.as_str()).collect();
            Finding {
                severity: Severity::Warning,
                rule: Rule::UnreleasedChanges,
                message: msg!(
                    "unreleased-changes",
                    count = list.len(),
                    since = since,
                    titles = titles.join("、")
                ),
                file: file::REVISIONS_FILE.to_string(),
                line: None,
                column: None,
                path: None,
                enterprise: Some(enterprise.to_string()),
            }
        })
        .collect()
}
