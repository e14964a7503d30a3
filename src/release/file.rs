//! `revisions.yaml`: the releases of a site, kept with it (spec §13). Each release records,
//! per enterprise, every document's version and content hash and a snapshot of the facts
//! the documents were built from. The file only grows: a release is appended, never edited.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{Finding, Reporter, Rule};
use crate::msg;
use crate::site::date::Date;
use crate::site::load::SourceFile;

/// The file's name in the site folder.
pub const REVISIONS_FILE: &str = "revisions.yaml";

/// category (风险点, 岗位 …) → item key → field → value.
pub type Facts = BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revisions {
    #[serde(default)]
    pub releases: Vec<Release>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub date: Date,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub enterprises: Vec<EnterpriseRelease>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseRelease {
    pub id: String,
    #[serde(default)]
    pub facts: Facts,
    #[serde(default)]
    pub documents: Vec<DocumentRelease>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRelease {
    /// `ENTERPRISE/slug`, e.g. `ruifeng/risk-register`.
    pub id: String,
    pub title: String,
    pub version: String,
    /// The first 16 hex digits of the SHA-256 of the title and blocks.
    pub hash: String,
    /// What this release changed in it; empty when it kept its version.
    #[serde(default)]
    pub changes: Vec<String>,
    /// 修订人/批准人 of this revision, as its 修订记录 row prints them.
    #[serde(default)]
    pub by: Option<String>,
    /// The facts the document named (`风险点/R01`), to tell later which changes concern it.
    #[serde(default)]
    pub names: Vec<String>,
    /// The document is no longer part of the pack since this release.
    #[serde(default)]
    pub removed: bool,
}

impl DocumentRelease {
    /// Did this release revise the document (first issue, new version or withdrawal)?
    pub fn is_revision(&self) -> bool {
        !self.changes.is_empty()
    }
}

impl Revisions {
    pub fn last(&self) -> Option<&Release> {
        self.releases.last()
    }

    /// The latest entry of a document, with the date of its release.
    pub fn latest(&self, doc_id: &str) -> Option<(&Release, &DocumentRelease)> {
        self.releases.iter().rev().find_map(|r| {
            r.enterprises
                .iter()
                .flat_map(|e| &e.documents)
                .find(|d| d.id == doc_id)
                .map(|d| (r, d))
        })
    }

    /// The entries that revised a document, oldest first, each with its release.
    pub fn history<'a>(
        &'a self,
        doc_id: &'a str,
    ) -> impl Iterator<Item = (&'a Release, &'a DocumentRelease)> + 'a {
        self.releases.iter().filter_map(move |r| {
            r.enterprises
                .iter()
                .flat_map(|e| &e.documents)
                .find(|d| d.id == doc_id && d.is_revision())
                .map(|d| (r, d))
        })
    }

    /// The enterprise as its latest release recorded it.
    pub fn latest_enterprise(&self, id: &str) -> Option<(&Release, &EnterpriseRelease)> {
        self.releases
            .iter()
            .rev()
            .find_map(|r| r.enterprises.iter().find(|e| e.id == id).map(|e| (r, e)))
    }
}

/// Reads `DIR/revisions.yaml` when there is one; its errors join the site's findings.
pub fn load(root: &Path, findings: &mut Vec<Finding>) -> Option<Revisions> {
    if !root.join(REVISIONS_FILE).is_file() {
        return Some(Revisions::default());
    }
    let (revisions, source) =
        crate::site::load::read_yaml::<Revisions>(root, REVISIONS_FILE, None, findings)?;
    let before = findings.len();
    validate(&revisions, &source, findings);
    (findings.len() == before).then_some(revisions)
}

/// What the parser cannot see: releases in date order, hashes and versions well formed.
fn validate(revisions: &Revisions, source: &SourceFile, findings: &mut Vec<Finding>) {
    let mut r = Reporter {
        file: &source.rel,
        index: &source.index,
        enterprise: None,
        findings,
    };
    for (n, pair) in revisions.releases.windows(2).enumerate() {
        if pair[1].date < pair[0].date {
            let path = format!("releases[{}].date", n + 1);
            let why = msg!(
                "release-out-of-order",
                date = pair[1].date.to_string(),
                last = pair[0].date.to_string()
            );
            r.error(Rule::InvalidValue, &path, why);
        }
    }
    for (n, release) in revisions.releases.iter().enumerate() {
        for (m, e) in release.enterprises.iter().enumerate() {
            for (k, d) in e.documents.iter().enumerate() {
                let at = format!("releases[{n}].enterprises[{m}].documents[{k}]");
                if d.hash.len() != 16 || !d.hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                    let why = msg!("release-hash-invalid", value = d.hash.as_str());
                    r.error(Rule::InvalidValue, &format!("{at}.hash"), why);
                }
                if d.version.trim().is_empty() {
                    let why = msg!("release-version-empty");
                    r.error(Rule::InvalidValue, &format!("{at}.version"), why);
                }
            }
        }
    }
}
