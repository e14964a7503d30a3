//! `anquan release [DIR] --date D [--note TEXT]`: builds every document (no rendering),
//! compares it with the last release and appends a release to `revisions.yaml`.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Finding;
use crate::facts::Site;
use crate::pipeline::enterprise::documents_on;
use crate::pipeline::{BuildError, load_checked};
use crate::release::baseline_date;
use crate::release::file::{REVISIONS_FILE, Release, Revisions};
use crate::release::record::{EnterpriseInput, Signers, record_enterprise};
use crate::release::snapshot::snapshot;
use crate::render::engine::Engines;
use crate::site::date::Date;

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("the site has {} input error(s)", .0.iter().filter(|f| f.is_error()).count())]
    Invalid(Vec<Finding>),
    /// History is only appended to: a release before the last one would rewrite it.
    #[error("release date {date} is before the last release, {last}")]
    BeforeLast { date: Date, last: Date },
    #[error(transparent)]
    Build(#[from] BuildError),
    #[error("writing {path}: {message}")]
    Write { path: PathBuf, message: String },
}

/// A document this release revised.
#[derive(Debug, Clone)]
pub struct Revised {
    pub id: String,
    pub title: String,
    pub version: String,
    pub changes: Vec<String>,
}

#[derive(Debug, Default)]
pub struct ReleaseReport {
    /// False when nothing changed since the last release: nothing was recorded.
    pub written: bool,
    pub revised: Vec<Revised>,
    pub unchanged: usize,
    pub last: Option<Date>,
}

pub fn release(dir: &Path, date: Date, note: Option<&str>) -> Result<ReleaseReport, ReleaseError> {
    let (site, _) = load_checked(dir, date).map_err(ReleaseError::Invalid)?;
    let revisions = &site.loaded.revisions;
    let last = revisions.last().map(|r| r.date);
    if let Some(last) = last.filter(|l| date < *l) {
        return Err(ReleaseError::BeforeLast { date, last });
    }
    let enterprises = record_all(&site, date, note)?;
    let mut report = ReleaseReport {
        last,
        ..ReleaseReport::default()
    };
    for e in &enterprises {
        for d in &e.documents {
            if d.is_revision() {
                report.revised.push(Revised {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    version: d.version.clone(),
                    changes: d.changes.clone(),
                });
            } else {
                report.unchanged += 1;
            }
        }
    }
    if report.revised.is_empty() {
        return Ok(report);
    }
    let mut next = revisions.clone();
    next.releases.push(Release {
        date,
        note: note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        enterprises,
    });
    write(dir, &next)?;
    report.written = true;
    Ok(report)
}

fn record_all(
    site: &Site,
    date: Date,
    note: Option<&str>,
) -> Result<Vec<crate::release::file::EnterpriseRelease>, BuildError> {
    let config = &site.loaded.config;
    let engines = Engines::new(&site.loaded.root, &config.build.theme)?;
    let revisions = &site.loaded.revisions;
    let all: Vec<_> = site.enterprises().collect();
    all.par_iter()
        .map(|(loaded, facts)| {
            let now = documents_on(site, date, &engines, loaded, facts)?.docs;
            let then = match baseline_date(revisions, &loaded.id, date) {
                Some(day) => Some(documents_on(site, day, &engines, loaded, facts)?.docs),
                None => None,
            };
            let e = &loaded.data.enterprise;
            let counselor = facts.counselor_names().first().copied().unwrap_or_default();
            let input = EnterpriseInput {
                id: &loaded.id,
                now: &now,
                then: then.as_deref(),
                facts: snapshot(&loaded.data, facts),
                base: &config.document_control.version,
                note,
                signers: Signers {
                    enterprise: format!("{}/{}", e.safety_officer.name, e.principal.name),
                    agency: format!("{counselor}/{}", config.agency.principal),
                },
            };
            Ok(record_enterprise(revisions, input))
        })
        .collect()
}

/// Writes the file whole, under a temporary name then renamed, after reading it back: a
/// release never leaves a half-written or unreadable history.
fn write(dir: &Path, revisions: &Revisions) -> Result<(), ReleaseError> {
    let path = dir.join(REVISIONS_FILE);
    let fail = |message: String| ReleaseError::Write {
        path: path.clone(),
        message,
    };
    let text = super::yaml::to_yaml(revisions);
    serde_saphyr::from_str::<Revisions>(&text).map_err(|e| fail(e.to_string()))?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(e.to_string()))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| fail(e.to_string()))?;
    temp.persist(&path).map_err(|e| fail(e.to_string()))?;
    Ok(())
}

/// `unreleased-changes` for every enterprise whose documents changed since its last
/// release (`check --strict`): builds the documents, renders nothing.
pub fn unreleased(site: &Site) -> Result<Vec<Finding>, BuildError> {
    let revisions = &site.loaded.revisions;
    if revisions.releases.is_empty() {
        return Ok(Vec::new());
    }
    let engines = Engines::new(&site.loaded.root, &site.loaded.config.build.theme)?;
    let all: Vec<_> = site.enterprises().collect();
    let changes: Vec<Vec<crate::release::status::Change>> = all
        .par_iter()
        .map(|(loaded, facts)| {
            let docs =
                crate::pipeline::enterprise::enterprise_documents(site, &engines, loaded, facts)?;
            Ok(docs.release.changes().cloned().collect())
        })
        .collect::<Result<_, BuildError>>()?;
    let changes: Vec<_> = changes.into_iter().flatten().collect();
    Ok(crate::release::unreleased_findings(revisions, &changes))
}
