//! `OUT/manifest.json` (spec §4): every document with its files, relative to OUT.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub generator: String,
    pub date: String,
    pub enterprises: Vec<ManifestEnterprise>,
    pub documents: Vec<ManifestDocument>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestEnterprise {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestDocument {
    pub enterprise: Option<String>,
    pub kind: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// format → path relative to OUT; a BTreeMap keeps the key order stable.
    pub files: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<String>>,
    /// The document's own date (spec §6).
    pub date: Option<String>,
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        text.push('\n');
        text
    }
}
