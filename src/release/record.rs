//! What one release records of one enterprise: every document's version, hash and the
//! facts it names, and for each document it revises, what changed and who signed it.

use crate::documents::model::{Document, Kind};
use crate::release::file::{DocumentRelease, EnterpriseRelease, Facts, Revisions};
use crate::release::snapshot::names_in;
use crate::release::status::{
    Assessed, DocStatus, WITHDRAWN, assess, content, doc_id, hash, next_version,
};

/// What the 修订记录 prints as 修订人/批准人: the enterprise's safety officer and principal
/// for its own documents, the counselor and the agency's principal for the agency's.
pub struct Signers {
    pub enterprise: String,
    pub agency: String,
}

/// The first row of every 修订记录.
pub const FIRST_ISSUE: &str = "首次发布";

/// What a release does to one enterprise.
pub struct EnterpriseInput<'a> {
    pub id: &'a str,
    pub now: &'a [Document],
    pub then: Option<&'a [Document]>,
    pub facts: Facts,
    /// `document_control.version`: where a new document starts.
    pub base: &'a str,
    pub note: Option<&'a str>,
    pub signers: Signers,
}

pub fn record_enterprise(revisions: &Revisions, input: EnterpriseInput) -> EnterpriseRelease {
    let (statuses, withdrawn) = assess(
        revisions,
        &Assessed {
            enterprise: input.id,
            now: input.now,
            then: input.then,
            facts: &input.facts,
        },
    );
    let mut documents: Vec<DocumentRelease> = input
        .now
        .iter()
        .zip(&statuses)
        .map(|(doc, status)| document_entry(revisions, &input, doc, status))
        .collect();
    documents.extend(withdrawn.iter().map(|change| {
        let last = revisions.latest(&change.id).map(|(_, d)| d);
        DocumentRelease {
            id: change.id.clone(),
            title: change.title.clone(),
            version: change.from_version.clone().unwrap_or_default(),
            hash: last.map(|d| d.hash.clone()).unwrap_or_default(),
            changes: with_note(vec![WITHDRAWN.to_string()], input.note),
            by: Some(input.signers.enterprise.clone()),
            names: Vec::new(),
            removed: true,
        }
    }));
    EnterpriseRelease {
        id: input.id.to_string(),
        facts: input.facts,
        documents,
    }
}

fn document_entry(
    revisions: &Revisions,
    input: &EnterpriseInput,
    doc: &Document,
    status: &DocStatus,
) -> DocumentRelease {
    let text = content(doc);
    let mut entry = DocumentRelease {
        id: doc_id(doc),
        title: doc.title.clone(),
        version: String::new(),
        hash: hash(&text),
        changes: Vec::new(),
        by: None,
        names: names_in(&input.facts, &text),
        removed: false,
    };
    let (version, changes) = match (&status.released, &status.change) {
        (Some(version), None) => (version.clone(), Vec::new()),
        (Some(version), Some(change)) => (next_version(version), change.summary.clone()),
        // New, or back after it was withdrawn: it goes on from its last version.
        (None, _) => match revisions.latest(&entry.id) {
            Some((_, old)) => (next_version(&old.version), vec![FIRST_ISSUE.to_string()]),
            None => (input.base.to_string(), vec![FIRST_ISSUE.to_string()]),
        },
    };
    entry.version = version;
    if !changes.is_empty() {
        entry.changes = with_note(changes, input.note);
        entry.by = Some(signer(doc, &input.signers));
    }
    entry
}

fn with_note(mut changes: Vec<String>, note: Option<&str>) -> Vec<String> {
    if let Some(note) = note.map(str::trim).filter(|n| !n.is_empty())
        && !changes.iter().any(|c| c == note)
    {
        changes.push(note.to_string());
    }
    changes
}

fn signer(doc: &Document, signers: &Signers) -> String {
    if let Some(c) = &doc.control {
        return format!("{}/{}", c.prepared_by, c.approved_by);
    }
    let agency = matches!(
        doc.kind,
        Kind::ServicePlan
            | Kind::ServiceCalendar
            | Kind::ServiceNotice
            | Kind::NoticeBoard
            | Kind::Badge
            | Kind::VisitRecord
            | Kind::RectificationNotice
            | Kind::ServiceReport
    );
    if agency {
        signers.agency.clone()
    } else {
        signers.enterprise.clone()
    }
}
