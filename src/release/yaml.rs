//! Writes `revisions.yaml` by hand: one fixed layout (a document or fact per line, keys in
//! a stable order), so that the same releases always give the same bytes and a diff of
//! the file reads as what changed.

use std::fmt::Write;

use crate::release::file::{DocumentRelease, EnterpriseRelease, Release, Revisions};
use crate::site::date::Date;

const HEADER: &str = "# 发布与修订记录：由 `anquan release` 追加，随站点一并提交；请勿手工修改已有的发布。\n\
# Releases and revision history, appended by `anquan release`; commit it with the site.\n";

pub fn to_yaml(revisions: &Revisions) -> String {
    let mut out = String::from(HEADER);
    out.push_str("releases:\n");
    for release in &revisions.releases {
        write_release(&mut out, release);
    }
    out
}

fn write_release(out: &mut String, release: &Release) {
    let _ = writeln!(out, "  - date: {}", release.date);
    if let Some(note) = &release.note {
        let _ = writeln!(out, "    note: {}", scalar(note));
    }
    out.push_str("    enterprises:\n");
    for e in &release.enterprises {
        write_enterprise(out, e);
    }
}

fn write_enterprise(out: &mut String, e: &EnterpriseRelease) {
    let _ = writeln!(out, "      - id: {}", scalar(&e.id));
    out.push_str("        facts:\n");
    for (category, items) in &e.facts {
        let _ = writeln!(out, "          {}:", scalar(category));
        for (key, fields) in items {
            let pairs: Vec<(String, String)> =
                fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let _ = writeln!(out, "            {}: {}", scalar(key), flow_map(&pairs));
        }
    }
    out.push_str("        documents:\n");
    for d in &e.documents {
        let _ = writeln!(out, "          - {}", document(d));
    }
}

fn document(d: &DocumentRelease) -> String {
    let mut pairs = vec![
        ("id".to_string(), scalar(&d.id)),
        ("title".to_string(), scalar(&d.title)),
        ("version".to_string(), scalar(&d.version)),
        ("hash".to_string(), scalar(&d.hash)),
    ];
    if d.removed {
        pairs.push(("removed".to_string(), "true".to_string()));
    }
    if !d.changes.is_empty() {
        pairs.push(("changes".to_string(), flow_seq(&d.changes)));
    }
    if let Some(by) = &d.by {
        pairs.push(("by".to_string(), scalar(by)));
    }
    if !d.names.is_empty() {
        pairs.push(("names".to_string(), flow_seq(&d.names)));
    }
    let body: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// `{k: v, …}` with every value made a safe scalar.
fn flow_map(pairs: &[(String, String)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {}", scalar(k), scalar(v)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

fn flow_seq(items: &[String]) -> String {
    let body: Vec<String> = items.iter().map(|s| scalar(s)).collect();
    format!("[{}]", body.join(", "))
}

/// The text as a plain scalar where YAML reads it back as the same string (dates, versions,
/// Chinese text), else double-quoted JSON, which is valid YAML.
pub fn scalar(text: &str) -> String {
    if is_plain(text) {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
    }
}

fn is_plain(text: &str) -> bool {
    const SPECIAL: &str = ",[]{}#&*!|>'\"%@`:\\";
    const WORDS: [&str; 10] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let Some(first) = text.chars().next() else {
        return false;
    };
    if Date::parse(text).is_some() {
        return true;
    }
    text.trim() == text
        && !text.chars().any(|c| c.is_control() || SPECIAL.contains(c))
        && !first.is_ascii_digit()
        && !"-?+.".contains(first)
        && !WORDS.contains(&text.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "A/0",
            "2026-03-20",
            "0123abcd0123abcd",
            "true",
            "风险点 R01 等级 较大→重大",
            "a: b",
            "x, y",
            "[1]",
            " lead",
            "-1",
            "#c",
            "",
            "3 号压铸机",
            "引号\"与\\反斜杠",
        ] {
            let yaml = format!("v: {}\n", scalar(text));
            let back: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).expect(&yaml);
            assert_eq!(back["v"], text, "{yaml}");
        }
        assert_eq!(scalar("A/0"), "A/0");
        assert_eq!(scalar("2026-03-20"), "2026-03-20");
        assert_eq!(scalar("true"), "\"true\"");
    }
}
