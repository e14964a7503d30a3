//! `anquan schema` and what `init` writes for editors (spec §12): the schemas accept every
//! valid site we have and reject what the loader rejects.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{DATE, anquan, copy_site, example, jinhua, path, read, repo};
use serde_json::Value;

fn schema(file: &str) -> Value {
    let out = anquan(&["schema", file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("schema output is JSON")
}

/// A validator that also checks `format: date` (2026-02-30 is no date).
fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("a valid 2020-12 schema")
}

struct Validators {
    site: jsonschema::Validator,
    enterprise: jsonschema::Validator,
}

impl Validators {
    fn new() -> Self {
        Validators {
            site: validator(&schema("site")),
            enterprise: validator(&schema("enterprise")),
        }
    }

    /// The schema's errors for one file of a site, as "path: message".
    fn errors(&self, site: &Path, rel: &str) -> Vec<String> {
        let yaml: Value =
            serde_saphyr::from_str(&read(&site.join(rel))).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let validator = if rel == "anquan.yaml" {
            &self.site
        } else {
            &self.enterprise
        };
        validator
            .iter_errors(&yaml)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }
}

/// `anquan.yaml` and every enterprise file of a site, relative.
fn yaml_files(site: &Path) -> Vec<String> {
    let mut files = vec!["anquan.yaml".to_string()];
    let mut enterprises: Vec<PathBuf> = fs::read_dir(site.join("enterprises"))
        .expect("enterprises/")
        .map(|e| e.expect("entry").path())
        .collect();
    enterprises.sort();
    for p in enterprises {
        let name = p.file_name().and_then(|n| n.to_str()).expect("name");
        files.push(format!("enterprises/{name}"));
    }
    files
}

fn sites_under(dir: &Path) -> Vec<PathBuf> {
    let mut sites: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    sites.sort();
    sites
}

#[test]
fn schemas_are_draft_2020_12() {
    for file in ["site", "enterprise"] {
        let schema = schema(file);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(
            jsonschema::meta::is_valid(&schema),
            "{file}: not a valid schema"
        );
        assert_eq!(schema["additionalProperties"], false);
    }
}

#[test]
fn every_valid_site_we_have_passes() {
    let v = Validators::new();
    let mut sites = vec![example(), repo().join("tests/fixtures/minimal")];
    sites.extend(sites_under(&repo().join("tests/fixtures/rules")));
    sites.extend(jinhua());
    let mut checked = 0;
    for site in &sites {
        for rel in yaml_files(site) {
            let errors = v.errors(site, &rel);
            assert!(
                errors.is_empty(),
                "{}/{rel}:\n{}",
                site.display(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} files checked");
}

/// The invalid fixtures whose one defect is in a value's form or a key: the schema
/// rejects the file `check` names, and only that file.
#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let v = Validators::new();
    for case in [
        "bad-date",
        "bad-phone",
        "education",
        "finding-key",
        "finding-level",
        "lec-factor",
        "missing-key",
        "unknown-key",
        "wrong-type",
    ] {
        let site = repo().join("tests/fixtures/invalid").join(case);
        let expected = read(&site.join("expected.txt"));
        for rel in yaml_files(&site) {
            let named = expected.contains(&format!(" {rel}:"));
            let errors = v.errors(&site, &rel);
            assert_eq!(!errors.is_empty(), named, "{case} {rel}: {errors:?}");
        }
    }
}

/// Breaks the example one way; both the schema and `anquan check` reject it.
fn broken(file: &str, from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = copy_site(&example());
    let site = tmp.path().join("site");
    let target = site.join(file);
    let text = read(&target);
    assert!(text.contains(from), "{file} has no `{from}`");
    fs::write(&target, text.replacen(from, to, 1)).expect("write");
    (tmp, site)
}

#[test]
fn mutations_fail_both_the_schema_and_check() {
    let v = Validators::new();
    let ruifeng = "enterprises/ruifeng.yaml";
    for (file, from, to, at, key) in [
        (
            ruifeng,
            "kind: 培训",
            "kind: 巡查",
            "/service/visits/1/kind",
            "service.visits[1].kind",
        ),
        (
            ruifeng,
            "date: 2026-03-16",
            "date: 2026-3-16",
            "/service/visits/1/date",
            "service.visits[1].date",
        ),
        (
            ruifeng,
            "industry:",
            "industy:",
            "/enterprise",
            "enterprise.industy",
        ),
        (
            ruifeng,
            "[机械伤害, 灼烫]",
            "[机械伤害, 烫伤]",
            "/risk_points/0/accidents/1",
            "risk_points[0].accidents[1]",
        ),
        (
            ruifeng,
            "L: 3, E: 6",
            "L: 4, E: 6",
            "/risk_points/0/assessment/L",
            "risk_points[0].assessment.L",
        ),
        (
            ruifeng,
            "employees: 118",
            "employees: 一百",
            "/enterprise/employees",
            "enterprise.employees",
        ),
        (
            ruifeng,
            "name: 压铸工,",
            "name: \"  \",",
            "/posts/0/name",
            "posts[0].name",
        ),
        (
            "anquan.yaml",
            "phone: 13757912345",
            "phone: 0579-87123456",
            "/counselors/0/phone",
            "counselors[0].phone",
        ),
        (
            "anquan.yaml",
            "education: 本科",
            "education: 本科生",
            "/counselors/0/education",
            "counselors[0].education",
        ),
    ] {
        let (_tmp, site) = broken(file, from, to);
        let errors = v.errors(&site, file);
        assert!(
            errors.iter().any(|e| e.starts_with(at)),
            "`{to}`: schema errors {errors:?}"
        );
        let check = anquan(&["check", path(&site), "--date", DATE]);
        let said = String::from_utf8_lossy(&check.stderr);
        assert_eq!(check.status.code(), Some(1), "`{to}` passes check");
        assert!(
            said.contains(&format!(" {key}: ")),
            "`{to}`: check says {said}"
        );
    }
}

#[test]
fn init_wires_the_schemas_up_for_editors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    assert!(anquan(&["init", path(&site)]).status.success());
    let first_line = |rel: &str| {
        read(&site.join(rel))
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        first_line("anquan.yaml"),
        "# yaml-language-server: $schema=schemas/site.json"
    );
    for rel in yaml_files(&site).iter().skip(1) {
        assert_eq!(
            first_line(rel),
            "# yaml-language-server: $schema=../schemas/enterprise.json"
        );
    }
    for file in ["site", "enterprise"] {
        let written: Value =
            serde_json::from_str(&read(&site.join(format!("schemas/{file}.json"))))
                .expect("schema file is JSON");
        assert_eq!(written, schema(file));
    }
    let settings: Value = serde_json::from_str(&read(&site.join(".vscode/settings.json")))
        .expect("settings are JSON");
    assert_eq!(
        settings["yaml.schemas"]["./schemas/site.json"][0],
        "anquan.yaml"
    );
    assert_eq!(
        settings["yaml.schemas"]["./schemas/enterprise.json"][0],
        "enterprises/*.yaml"
    );
    assert_eq!(read(&site.join(".gitignore")), ".anquan/\n");
    // The modeline is a comment: the site still loads, and its files pass their schemas.
    let check = anquan(&["check", path(&site), "--date", DATE]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let v = Validators::new();
    for rel in yaml_files(&site) {
        assert!(v.errors(&site, &rel).is_empty(), "{rel}");
    }
}

/// The schema node a value stands under: `$ref` followed, `Option`'s null branch passed by.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    if let Some(name) = node["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return resolve(root, &root["$defs"][name]);
    }
    match node["anyOf"].as_array() {
        Some(branches) => branches
            .iter()
            .map(|b| resolve(root, b))
            .find(|b| b["properties"].is_object() || b["items"].is_object())
            .unwrap_or(node),
        None => node,
    }
}

/// Every key of `value` is a property of `node` with a description.
fn keys_described(root: &Value, node: &Value, value: &Value, at: &str, missing: &mut Vec<String>) {
    let node = resolve(root, node);
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let property = &node["properties"][key];
                if property["description"].as_str().is_none_or(str::is_empty) {
                    missing.push(format!("{at}.{key}"));
                }
                keys_described(root, property, inner, &format!("{at}.{key}"), missing);
            }
        }
        Value::Array(items) => {
            for item in items {
                keys_described(root, &node["items"], item, &format!("{at}[]"), missing);
            }
        }
        _ => {}
    }
}

#[test]
fn every_key_of_docs_input_md_is_described_in_the_schema() {
    let docs = read(&repo().join("docs/input.md"));
    let blocks: Vec<&str> = docs
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert!(blocks.len() >= 2, "docs/input.md lost its YAML blocks");
    let mut missing = Vec::new();
    for (block, file) in blocks.iter().zip(["site", "enterprise"]) {
        let value: Value = serde_saphyr::from_str(block).expect("docs/input.md YAML parses");
        let schema = schema(file);
        keys_described(&schema, &schema, &value, file, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "keys of docs/input.md without a description: {missing:?}"
    );
}
