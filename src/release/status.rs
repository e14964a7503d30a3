//! Where each document stands against the last release: its released version, and whether
//! (and in what) its content changed since. A document's content is its title and blocks,
//! hashed as JSON; its date line, version and 修订记录 are not part of it.

use std::collections::BTreeSet;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::documents::model::Document;
use crate::release::file::{Facts, Revisions};
use crate::release::snapshot::{changes, names_in};

/// What a changed document's summary says when no fact it names explains the change
/// (the body text of a template, a record): its text was revised.
pub const TEXT_REVISED: &str = "正文修订";
pub const NEW_DOCUMENT: &str = "新增文件";
pub const WITHDRAWN: &str = "废止";

/// `ENTERPRISE/slug`: a document's id across releases.
pub fn doc_id(doc: &Document) -> String {
    format!("{}/{}", doc.enterprise.as_deref().unwrap_or("_"), doc.slug)
}

/// The document's content as JSON: what is hashed and searched for the facts it names.
pub fn content(doc: &Document) -> String {
    serde_json::to_string(&(&doc.title, &doc.blocks)).unwrap_or_default()
}

/// The first 16 hex digits of the content's SHA-256: enough to tell a change.
pub fn hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A document changed since the last release (or added, or withdrawn), as `changes.json`
/// lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub id: String,
    pub title: String,
    /// The version last released; `None` for a document new since then.
    pub from_version: Option<String>,
    pub summary: Vec<String>,
}

/// One document against the releases.
#[derive(Debug, Clone, Default)]
pub struct DocStatus {
    /// The version last released; `None` when never released.
    pub released: Option<String>,
    pub change: Option<Change>,
}

/// The documents of one enterprise as built now, and (when the last release is on another
/// day) as built on that release's day: a document that only moved with the calendar (a
/// ledger filled up to a later date) has not changed; one whose input changed has.
pub struct Assessed<'a> {
    pub enterprise: &'a str,
    pub now: &'a [Document],
    pub then: Option<&'a [Document]>,
    pub facts: &'a Facts,
}

/// Every document's status, and the documents the last release had that are gone now.
pub fn assess(revisions: &Revisions, a: &Assessed) -> (Vec<DocStatus>, Vec<Change>) {
    let Some((_, last)) = revisions.latest_enterprise(a.enterprise) else {
        return (vec![DocStatus::default(); a.now.len()], Vec::new());
    };
    let statuses = a
        .now
        .iter()
        .map(|doc| {
            let id = doc_id(doc);
            let released = revisions.latest(&id).filter(|(_, d)| !d.removed);
            let Some((_, entry)) = released else {
                let change = Change {
                    id,
                    title: doc.title.clone(),
                    from_version: None,
                    summary: vec![NEW_DOCUMENT.to_string()],
                };
                return DocStatus {
                    released: None,
                    change: Some(change),
                };
            };
            let then = a
                .then
                .and_then(|docs| docs.iter().find(|d| d.slug == doc.slug))
                .unwrap_or(doc);
            let change = (hash(&content(then)) != entry.hash).then(|| {
                let mut names: BTreeSet<String> = entry.names.iter().cloned().collect();
                names.extend(names_in(a.facts, &content(doc)));
                let mut summary = changes(&last.facts, a.facts, &names);
                if summary.is_empty() {
                    summary.push(TEXT_REVISED.to_string());
                }
                Change {
                    id: id.clone(),
                    title: doc.title.clone(),
                    from_version: Some(entry.version.clone()),
                    summary,
                }
            });
            DocStatus {
                released: Some(entry.version.clone()),
                change,
            }
        })
        .collect();
    let present: BTreeSet<String> = a.now.iter().map(doc_id).collect();
    let gone = last
        .documents
        .iter()
        .filter(|d| !d.removed && !present.contains(&d.id))
        .map(|d| Change {
            id: d.id.clone(),
            title: d.title.clone(),
            from_version: Some(d.version.clone()),
            summary: vec![WITHDRAWN.to_string()],
        })
        .collect();
    (statuses, gone)
}

/// The version after `version`: its last number counts up (`A/0` → `A/1`, `B/9` →
/// `B/10`, `第1版` → `第2版`); a version without a number gets `/1`.
pub fn next_version(version: &str) -> String {
    let chars: Vec<char> = version.chars().collect();
    let Some(end) = chars.iter().rposition(char::is_ascii_digit) else {
        return format!("{version}/1");
    };
    let start = chars[..end]
        .iter()
        .rposition(|c| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let digits: String = chars[start..=end].iter().collect();
    let number: u64 = digits.parse().unwrap_or(0);
    let head: String = chars[..start].iter().collect();
    let tail: String = chars[end + 1..].iter().collect();
    format!("{head}{}{tail}", number.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_their_last_number() {
        assert_eq!(next_version("A/0"), "A/1");
        assert_eq!(next_version("B/1"), "B/2");
        assert_eq!(next_version("B/9"), "B/10");
        assert_eq!(next_version("第1版"), "第2版");
        assert_eq!(next_version("A"), "A/1");
    }

    #[test]
    fn the_hash_is_sixteen_hex_digits_and_follows_the_content() {
        let a = hash("x");
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, hash("y"));
    }
}
