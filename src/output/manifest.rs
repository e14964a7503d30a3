//! `OUT/manifest.json` (spec §4): every document with its files, relative to OUT. Built as
//! a typed value from (kind, format, file) and read back the same way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::documents::model::Kind;
use crate::output::shard::Shard;
use crate::render::bundle::{Bundle, Format, Plan, Target};

#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub date: String,
    pub enterprises: Vec<ManifestEnterprise>,
    pub documents: Vec<ManifestDocument>,
    /// Every file the build wrote, relative to OUT and sorted: what the next build may
    /// replace or remove. Everything else in OUT is the user's and is kept (`keep`).
    /// `watch` leaves it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub written: Vec<String>,
    /// Which shard of a `build --shard K/N` this output is; absent in a full or merged
    /// build. Listed last so that a shard's manifest differs from the full one only here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<Shard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEnterprise {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestDocument {
    pub enterprise: Option<String>,
    pub kind: Kind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// format → path relative to OUT; a BTreeMap keeps the key order stable.
    pub files: BTreeMap<Format, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    /// The document's own date (spec §6).
    pub date: Option<String>,
    /// Its released version (spec §13), else the base version it would be released at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut bytes = Vec::new();
        match self.write_json(&mut bytes) {
            Ok(()) => String::from_utf8(bytes).unwrap_or_else(|_| "{}\n".to_string()),
            Err(_) => "{}\n".to_string(),
        }
    }

    /// `to_json`'s bytes, streamed: a city's manifest runs to tens of MB.
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// The manifest entries of one enterprise: each document with the files the plan gives
/// it, then the pack and the enterprise page when the plan has them.
pub fn bundle_entries(bundle: &Bundle, plan: &Plan) -> Vec<ManifestDocument> {
    let id = bundle.id();
    let base = &bundle.site.loaded.config.document_control.version;
    let files_of = |wanted: &dyn Fn(Target) -> bool| -> BTreeMap<Format, String> {
        plan.files
            .iter()
            .filter(|p| wanted(p.target))
            .map(|p| (p.format, plan.path(p)))
            .collect()
    };
    let mut entries: Vec<ManifestDocument> = bundle
        .docs
        .iter()
        .enumerate()
        .map(|(n, doc)| ManifestDocument {
            enterprise: Some(id.to_string()),
            kind: doc.kind,
            title: doc.title.clone(),
            number: doc.control.as_ref().map(|c| c.number.clone()),
            files: files_of(&|t| {
                t == Target::Document(n) || (t == Target::Ledgers && doc.kind == Kind::Ledger)
            }),
            members: (!doc.members.is_empty()).then(|| doc.members.clone()),
            date: doc.date.map(|d| d.to_string()),
            version: Some(
                bundle
                    .release
                    .documents
                    .get(n)
                    .and_then(|s| s.released.clone())
                    .unwrap_or_else(|| base.clone()),
            ),
        })
        .collect();
    let date = Some(bundle.site.date.to_string());
    let whole = |kind, title: String, target| ManifestDocument {
        enterprise: Some(id.to_string()),
        kind,
        title,
        number: None,
        files: files_of(&|t| t == target),
        members: None,
        date: date.clone(),
        version: None,
    };
    let pack_title = format!(
        "{}（{}）",
        bundle.site.loaded.config.build.title,
        bundle.name()
    );
    entries.push(whole(Kind::Pack, pack_title, Target::Pack));
    entries.push(whole(Kind::Index, bundle.name().to_string(), Target::Page));
    entries.retain(|e| !(matches!(e.kind, Kind::Pack | Kind::Index) && e.files.is_empty()));
    entries
}
