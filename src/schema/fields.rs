//! Schemas of the values the model keeps as text or numbers but the validator checks
//! further: phones, GB 6441 accident types, the factor tables of LEC and LS. Each says
//! what `site::values` and `site::validate` accept, from the same constants.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::facts::risk::{LEC_C, LEC_E, LEC_L, LS_FACTOR};
use crate::site::values::ACCIDENT_TYPES;

/// `values::is_mobile` after its normalising: spaces anywhere, an optional `+86`.
const MOBILE: &str = r"1\s*[3-9](\s*[0-9]){9}";
/// `values::is_landline`: 0 + a 2–3 digit area code, `-`, 7–8 digits.
const LANDLINE: &str = r"0(\s*[0-9]){2,3}\s*-(\s*[0-9]){7,8}";
/// `values::is_emergency_number`.
const EMERGENCY: [u16; 4] = [110, 119, 120, 122];

/// A mobile written without quotes is a YAML integer; the loader reads it as text.
const MOBILE_MIN: u64 = 13_000_000_000;
const MOBILE_MAX: u64 = 19_999_999_999;

fn anchored(alternatives: &[&str]) -> String {
    format!(r"^\s*(\+\s*8\s*6\s*)?({})\s*$", alternatives.join("|"))
}

fn phone_schema(alternatives: &[&str], hint: &str) -> Schema {
    json_schema!({
        "type": ["string", "integer"],
        "pattern": anchored(alternatives),
        // What VS Code's YAML extension says instead of "does not match the pattern …".
        "patternErrorMessage": hint,
        "minimum": MOBILE_MIN,
        "maximum": MOBILE_MAX,
    })
}

/// A counselor's phone: a mobile only (it goes on the notice board).
pub fn mobile(_: &mut SchemaGenerator) -> Schema {
    phone_schema(&[MOBILE], "应为手机号：1[3-9] 开头共 11 位")
}

/// A mobile or a landline.
pub fn phone(_: &mut SchemaGenerator) -> Schema {
    phone_schema(
        &[MOBILE, LANDLINE],
        "应为手机号（1[3-9] 开头共 11 位）或固定电话（如 0579-82345678）",
    )
}

/// An emergency contact's phone: a mobile, a landline, or 110, 119, 120, 122.
pub fn contact_phone(_: &mut SchemaGenerator) -> Schema {
    let numbers = EMERGENCY.map(|n| n.to_string());
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    let mut text = phone_schema(
        &[MOBILE, LANDLINE, &numbers.join("|")],
        "应为手机号、固定电话（如 0579-82345678）或 110、119、120、122",
    );
    text.insert("type".into(), json!("string"));
    text.remove("minimum");
    text.remove("maximum");
    json_schema!({
        "anyOf": [
            text,
            { "type": "integer", "minimum": MOBILE_MIN, "maximum": MOBILE_MAX },
            { "enum": EMERGENCY },
        ]
    })
}

/// `risk_points[].accidents`: the accident types of GB 6441-1986.
pub fn accident_types(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": { "type": "string", "enum": ACCIDENT_TYPES },
    })
}

/// Factor values as JSON numbers, whole ones without `.0` (`[10, 6, 0.5]`).
fn numbers(values: &[f64]) -> Value {
    values
        .iter()
        .map(|v| {
            if v.fract() == 0.0 {
                json!(*v as i64)
            } else {
                json!(v)
            }
        })
        .collect()
}

/// `assessment`: which factors each method needs, and their tables (domain.md §1).
/// A transform of the derived schema, since one flat struct serves both methods.
pub fn factor_tables(schema: &mut Schema) {
    let lec = json!({
        "if": { "properties": { "method": { "const": "LEC" } } },
        "then": {
            "properties": {
                "L": { "enum": numbers(&LEC_L) },
                "E": { "enum": numbers(&LEC_E) },
                "C": { "enum": numbers(&LEC_C) },
            },
            "required": ["E", "C"],
            "not": { "required": ["S"] },
        },
    });
    let ls = json!({
        "if": { "properties": { "method": { "const": "LS" } } },
        "then": {
            "properties": {
                "L": { "enum": numbers(&LS_FACTOR) },
                "S": { "enum": numbers(&LS_FACTOR) },
            },
            "required": ["S"],
            "not": { "anyOf": [{ "required": ["E"] }, { "required": ["C"] }] },
        },
    });
    schema.insert("allOf".into(), json!([lec, ls]));
}

/// The serde alias of a value with full-width parentheses: the same words with `(` `)`.
pub fn half_width_paren_aliases(schema: &mut Schema) {
    let Some(Value::Array(values)) = schema.get_mut("enum") else {
        return;
    };
    let aliases: Vec<Value> = values
        .iter()
        .filter_map(Value::as_str)
        .filter(|v| v.contains('（'))
        .map(|v| json!(v.replace('（', "(").replace('）', ")")))
        .collect();
    values.extend(aliases);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::values::{is_landline, is_mobile};

    fn matches(schema: &Schema, text: &str) -> bool {
        let pattern = schema.get("pattern").and_then(Value::as_str).unwrap();
        regex::Regex::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn phone_patterns_agree_with_the_validator() {
        let mut generator = SchemaGenerator::default();
        let (mobile, phone) = (mobile(&mut generator), phone(&mut generator));
        for text in [
            "13805791234",
            "+86 138 0579 1234",
            "12805791234",
            "1380579123",
            "0579-82345678",
            "010-1234567",
            "579-82345678",
            "0579 82345678",
            "0579 - 8234 5678",
            "+860579-82345678",
            "0579-823456789",
        ] {
            assert_eq!(matches(&mobile, text), is_mobile(text), "{text}");
            let either = is_mobile(text) || is_landline(text);
            assert_eq!(matches(&phone, text), either, "{text}");
        }
    }

    #[test]
    fn whole_factors_print_without_a_fraction() {
        assert_eq!(numbers(&[10.0, 0.5]), json!([10, 0.5]));
    }
}
