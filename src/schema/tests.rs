use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::*;

fn both() -> Vec<Value> {
    SchemaKind::ALL.map(|k| schema(k).unwrap()).to_vec()
}

/// (type, key) of every property of the root types and the definitions.
fn keys(schema: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let mut add = |name: &str, def: &Value| {
        for key in def["properties"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys())
        {
            out.insert((name.to_string(), key.clone()));
        }
    };
    let root = match schema["title"].as_str() {
        Some("anquan.yaml") => "Config",
        _ => "EnterpriseFile",
    };
    add(root, schema);
    for (name, def) in schema["$defs"].as_object().into_iter().flatten() {
        add(name, def);
    }
    out
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_key_has_a_chinese_description_and_every_description_a_key() {
    let descriptions: Descriptions = serde_saphyr::from_str(DESCRIPTIONS).unwrap();
    let mut described = BTreeSet::new();
    for schema in both() {
        for (name, key) in keys(&schema) {
            let text = descriptions.get(&name).and_then(|t| t.get(&key));
            assert!(
                text.is_some_and(|t| has_cjk(t)),
                "{name}.{key} has no Chinese description"
            );
            described.insert((name, key));
        }
    }
    for (name, texts) in &descriptions {
        for key in texts.keys().filter(|k| *k != "_") {
            let pair = (name.clone(), key.clone());
            assert!(described.contains(&pair), "{name}.{key} describes no key");
        }
    }
}

#[test]
fn no_english_doc_comment_leaks_into_the_schema() {
    fn walk(value: &Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("description") {
                    assert!(has_cjk(text), "English description: {text}");
                }
                map.values().for_each(walk);
            }
            Value::Array(items) => items.iter().for_each(walk),
            _ => {}
        }
    }
    both().iter().for_each(walk);
}

#[test]
fn the_schemas_follow_serde() {
    let [site, enterprise] = SchemaKind::ALL.map(|k| schema(k).unwrap());
    assert_eq!(
        site["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(site["additionalProperties"], false);
    let required = |v: &Value| v["required"].as_array().cloned().unwrap_or_default();
    assert_eq!(required(&site), [json!("agency"), json!("counselors")]);
    assert_eq!(
        site["$defs"]["DocumentControl"]["properties"]["number_prefix"]["default"],
        "AQ"
    );
    let assessment = &enterprise["$defs"]["Assessment"];
    assert!(
        assessment["properties"]["L"].is_object() && assessment["properties"]["level"].is_object()
    );
    assert_eq!(required(assessment), [json!("method"), json!("L")]);
    assert_eq!(
        enterprise["$defs"]["VisitKind"]["enum"],
        json!(["现场服务", "安全检查", "培训", "演练", "诊断"])
    );
    // What the validator checks beyond the type (`employees-zero`, `site-size-invalid`).
    assert_eq!(
        enterprise["$defs"]["Enterprise"]["properties"]["employees"]["minimum"],
        1
    );
    assert_eq!(
        enterprise["$defs"]["SitePlan"]["properties"]["width"]["exclusiveMinimum"],
        0
    );
    let category = enterprise["$defs"]["SpecialCategory"]["enum"]
        .as_array()
        .unwrap();
    assert!(category.contains(&json!("场(厂)内专用机动车辆")));
    // A plain text key takes a bare number too; a date does not.
    let equipment = &enterprise["$defs"]["Equipment"]["properties"];
    assert_eq!(equipment["model"]["type"], json!(["string", "number"]));
    assert_eq!(
        equipment["commissioned_on"]["type"],
        json!(["string", "null"])
    );
    assert!(equipment["commissioned_on"]["pattern"].is_string());
}

#[test]
fn output_is_stable() {
    for kind in SchemaKind::ALL {
        assert_eq!(schema_text(kind).unwrap(), schema_text(kind).unwrap());
    }
}
