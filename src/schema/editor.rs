//! What `anquan init` writes so that an editor checks the YAML as one types: the schemas
//! in the site's `schemas/` (committed with the site; the loader reads only `anquan.yaml`
//! and `enterprises/`), a `yaml-language-server` modeline atop each YAML file, and VS
//! Code's `.vscode/settings.json` mapping the same files to the same schemas.

use serde_json::json;

use super::{SchemaError, SchemaKind, schema_text};

/// The site folder that holds the schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// The schema of a site file (`anquan.yaml`, `enterprises/ID.yaml`), if it has one.
pub fn kind_of(rel: &str) -> Option<SchemaKind> {
    let yaml = rel.ends_with(".yaml") || rel.ends_with(".yml");
    match rel.rsplit_once('/') {
        None if rel == "anquan.yaml" => Some(SchemaKind::Site),
        Some(("enterprises", _)) if yaml => Some(SchemaKind::Enterprise),
        _ => None,
    }
}

/// The first line of a YAML file at `rel`: its schema, relative to the file.
pub fn modeline(kind: SchemaKind, rel: &str) -> String {
    let up = "../".repeat(rel.matches('/').count());
    format!(
        "# yaml-language-server: $schema={up}{SCHEMA_DIR}/{}\n",
        kind.file_name()
    )
}

/// `text` with the modeline of `rel` as its first line (once).
pub fn with_modeline(rel: &str, text: &str) -> String {
    match kind_of(rel) {
        Some(kind) if !text.starts_with("# yaml-language-server:") => modeline(kind, rel) + text,
        _ => text.to_string(),
    }
}

/// The files besides the YAML: (site-relative path, contents).
pub fn editor_files() -> Result<Vec<(String, String)>, SchemaError> {
    let mut files = Vec::new();
    let mut associations = serde_json::Map::new();
    for kind in SchemaKind::ALL {
        let path = format!("{SCHEMA_DIR}/{}", kind.file_name());
        associations.insert(format!("./{path}"), json!(kind.globs()));
        files.push((path, schema_text(kind)?));
    }
    let settings = json!({ "yaml.schemas": associations });
    let extensions = json!({ "recommendations": ["redhat.vscode-yaml"] });
    for (path, value) in [
        (".vscode/settings.json", settings),
        (".vscode/extensions.json", extensions),
    ] {
        files.push((
            path.to_string(),
            serde_json::to_string_pretty(&value)? + "\n",
        ));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modelines_point_up_to_the_site_schemas() {
        assert_eq!(
            with_modeline("anquan.yaml", "agency:\n"),
            "# yaml-language-server: $schema=schemas/site.json\nagency:\n"
        );
        let ruifeng = with_modeline("enterprises/ruifeng.yaml", "enterprise:\n");
        assert!(
            ruifeng.starts_with("# yaml-language-server: $schema=../schemas/enterprise.json\n")
        );
        assert_eq!(with_modeline("enterprises/a.yml", &ruifeng), ruifeng);
        assert_eq!(with_modeline("static/x.yaml", "a: 1\n"), "a: 1\n");
        assert_eq!(kind_of("enterprises/sub/x.yaml"), None);
    }

    #[test]
    fn settings_map_the_globs_to_the_schemas() {
        let files = editor_files().unwrap();
        let settings = &files
            .iter()
            .find(|f| f.0 == ".vscode/settings.json")
            .unwrap()
            .1;
        let settings: serde_json::Value = serde_json::from_str(settings).unwrap();
        assert_eq!(
            settings["yaml.schemas"]["./schemas/site.json"],
            json!(["anquan.yaml"])
        );
        assert_eq!(
            settings["yaml.schemas"]["./schemas/enterprise.json"][0],
            "enterprises/*.yaml"
        );
    }
}
