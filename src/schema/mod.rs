//! JSON Schemas (draft 2020-12) of `anquan.yaml` and of an enterprise file, for editors
//! (spec §12). They are derived by `schemars` from the types the loader deserializes, so
//! they follow every key, default and `deny_unknown_fields` of the model; `fields` adds
//! what the validator checks beyond types (phones, accident types, factor tables), and
//! `descriptions.yaml` the Chinese help shown on hover.

pub mod editor;
pub mod fields;

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::i18n::{Catalog, Lang};
use crate::site::model::{Config, EnterpriseFile};
use crate::site::yaml_index::NAMING_KEYS;

/// The Chinese description of each key, by type and key (`_` for the file itself).
type Descriptions = BTreeMap<String, BTreeMap<String, String>>;

const DESCRIPTIONS: &str = include_str!("descriptions.yaml");

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("src/schema/descriptions.yaml: {0}")]
    Descriptions(String),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
}

/// Which file a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    Site,
    Enterprise,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 2] = [SchemaKind::Site, SchemaKind::Enterprise];

    /// The schema's file name in a site's `schemas/` folder.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Site => "site.json",
            SchemaKind::Enterprise => "enterprise.json",
        }
    }

    /// The YAML files the schema is for, as globs relative to the site.
    pub fn globs(self) -> &'static [&'static str] {
        match self {
            SchemaKind::Site => &["anquan.yaml"],
            SchemaKind::Enterprise => &["enterprises/*.yaml", "enterprises/*.yml"],
        }
    }

    fn title(self) -> &'static str {
        match self {
            SchemaKind::Site => "anquan.yaml",
            SchemaKind::Enterprise => "enterprises/ID.yaml",
        }
    }
}

/// The schema of `kind`, with Chinese descriptions.
pub fn schema(kind: SchemaKind) -> Result<Value, SchemaError> {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = match kind {
        SchemaKind::Site => generator.into_root_schema_for::<Config>(),
        SchemaKind::Enterprise => generator.into_root_schema_for::<EnterpriseFile>(),
    }
    .to_value();
    let descriptions: Descriptions = serde_saphyr::from_str(DESCRIPTIONS)
        .map_err(|err| SchemaError::Descriptions(err.to_string()))?;
    // The doc comments are English notes for Rust readers: the hover text is Chinese.
    strip_descriptions(&mut schema);
    describe(&mut schema, &descriptions);
    widen_text(&mut schema);
    require_text(&mut schema);
    if let Value::Object(root) = &mut schema {
        root.insert("title".into(), kind.title().into());
    }
    Ok(schema)
}

/// The schema as pretty JSON with a final newline: what `anquan schema` prints and
/// `anquan init` writes.
pub fn schema_text(kind: SchemaKind) -> Result<String, SchemaError> {
    let mut text = serde_json::to_string_pretty(&schema(kind)?)?;
    text.push('\n');
    Ok(text)
}

fn strip_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("description").is_some_and(Value::is_string) {
                map.remove("description");
            }
            map.values_mut().for_each(strip_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_descriptions),
        _ => {}
    }
}

/// Sets the description of each property of the root type and of every definition.
fn describe(schema: &mut Value, descriptions: &Descriptions) {
    let Value::Object(root) = schema else {
        return;
    };
    let root_type = root
        .get("title")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(texts) = root_type.and_then(|name| descriptions.get(&name)) {
        describe_object(root, texts);
        if let Some(text) = texts.get("_") {
            root.insert("description".into(), text.clone().into());
        }
    }
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if let (Value::Object(def), Some(texts)) = (def, descriptions.get(name)) {
                describe_object(def, texts);
            }
        }
    }
}

fn describe_object(object: &mut Map<String, Value>, texts: &BTreeMap<String, String>) {
    let Some(Value::Object(properties)) = object.get_mut("properties") else {
        return;
    };
    for (key, property) in properties.iter_mut() {
        if let (Value::Object(property), Some(text)) = (property, texts.get(key)) {
            property.insert("description".into(), text.clone().into());
        }
    }
}

/// The loader reads a bare number as text (`model: 5000`, `badge_no: 2026003`): a text
/// key without a format of its own takes a number too.
fn widen_text(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let constrained = ["pattern", "enum", "const", "format"]
                .iter()
                .any(|k| map.contains_key(*k));
            if !constrained && let Some(kind) = map.get_mut("type") {
                widen_type(kind);
            }
            map.values_mut().for_each(widen_text);
        }
        Value::Array(items) => items.iter_mut().for_each(widen_text),
        _ => {}
    }
}

/// Names and ids must hold text, as `check` says (`yaml_index::NAMING_KEYS`): a text
/// property of those names gets a pattern that a blank value fails.
fn require_text(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                for (key, property) in properties.iter_mut() {
                    let Value::Object(property) = property else {
                        continue;
                    };
                    let text = property.get("type").is_some_and(|t| {
                        t == "string"
                            || t.as_array()
                                .is_some_and(|a| a.iter().any(|k| k == "string"))
                    });
                    if NAMING_KEYS.contains(&key.as_str())
                        && text
                        && !property.contains_key("pattern")
                    {
                        property.insert("pattern".into(), "\\S".into());
                        let hint = Catalog::new(Lang::Zh).say("value-blank");
                        property.insert("patternErrorMessage".into(), hint.into());
                    }
                }
            }
            map.values_mut().for_each(require_text);
        }
        Value::Array(items) => items.iter_mut().for_each(require_text),
        _ => {}
    }
}

fn widen_type(kind: &mut Value) {
    match kind {
        Value::String(s) if s == "string" => {
            *kind = Value::Array(vec!["string".into(), "number".into()]);
        }
        Value::Array(kinds)
            if kinds.iter().any(|k| k == "string") && !kinds.iter().any(|k| k == "number") =>
        {
            kinds.insert(1, "number".into());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
