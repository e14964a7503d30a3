//! The catalogues agree with each other and with the code: every id the code uses is in
//! both, and every id in a catalogue is used by some code.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use regex::Regex;

use super::catalog::{EN, ZH};
use super::*;
use crate::diag::Rule;

fn ids(source: &str) -> BTreeSet<String> {
    if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
        panic!("catalogue does not parse: {errors:?}");
    }
    let entry = Regex::new(r"(?m)^([a-z][a-z0-9-]*) =").unwrap();
    let ids: Vec<String> = entry
        .captures_iter(source)
        .map(|c| c[1].to_string())
        .collect();
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "an id is defined twice");
    unique
}

/// The Rust sources (library and command line), without this test.
fn sources() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter(|e| !e.path().ends_with("i18n/tests.rs"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn both_catalogues_have_the_same_ids() {
    let (zh, en) = (ids(ZH), ids(EN));
    let only_zh: Vec<_> = zh.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    assert!(only_zh.is_empty(), "missing in en.ftl: {only_zh:?}");
    assert!(only_en.is_empty(), "missing in zh.ftl: {only_en:?}");
}

#[test]
fn every_id_the_code_uses_is_translated() {
    let code = sources();
    let used = Regex::new(r#"(?:msg!\(\s*|say\(|Word\()"([a-z0-9-]+)""#).unwrap();
    let words = Regex::new(r#""(word-[a-z-]+)""#).unwrap();
    let (zh, en) = (ids(ZH), ids(EN));
    let mut seen = 0;
    for id in used
        .captures_iter(&code)
        .chain(words.captures_iter(&code))
        .map(|c| c[1].to_string())
    {
        seen += 1;
        assert!(zh.contains(&id), "`{id}` is not in zh.ftl");
        assert!(en.contains(&id), "`{id}` is not in en.ftl");
    }
    assert!(seen > 80, "the scan found only {seen} uses");
}

#[test]
fn every_catalogue_id_is_used_by_code() {
    let code = sources();
    let unused: Vec<String> = ids(ZH)
        .into_iter()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "ids no code uses: {unused:?}");
}

#[test]
fn every_rule_has_a_kebab_id() {
    let kebab = Regex::new("^[a-z]+(-[a-z]+)*$").unwrap();
    let ids: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(ids.len(), Rule::ALL.len());
    assert!(ids.iter().all(|id| kebab.is_match(id)));
    assert_eq!(
        serde_json::to_value(Rule::FindingOverdue).unwrap(),
        "finding-overdue"
    );
}

#[test]
fn a_finding_reads_as_a_chinese_professional_writes_it() {
    let m = msg!(
        "finding-overdue",
        issue = "喷粉房泄爆口被杂物遮挡",
        due = "2026-04-10"
    );
    assert_eq!(
        Catalog::new(Lang::Zh).text(&m),
        "隐患“喷粉房泄爆口被杂物遮挡”整改期限为 2026-04-10，至今未整改（《自律管理办法》第三十条）"
    );
    assert_eq!(
        Catalog::new(Lang::En).text(&m),
        "hazard “喷粉房泄爆口被杂物遮挡” was due to be rectified by 2026-04-10 and is not closed (第三十条)"
    );
}

#[test]
fn nouns_and_parts_are_said_in_the_catalogue_language() {
    let m = msg!("id-twice", what = Arg::Word("word-zone"), id = "paint");
    assert_eq!(Catalog::new(Lang::Zh).text(&m), "区域 ID `paint` 重复使用");
    assert_eq!(
        Catalog::new(Lang::En).text(&m),
        "zone id `paint` is used twice"
    );
    let parts = Arg::Parts(vec![msg!("holiday-weekends-only", years = "2027"); 2]);
    let m = msg!(
        "service-behind",
        date = "d",
        months = 1usize,
        first = "a",
        last = "b",
        shortfalls = parts
    );
    assert!(
        Catalog::new(Lang::Zh)
            .text(&m)
            .ends_with("2027 年仅按周末；2027 年仅按周末")
    );
}

#[test]
fn every_message_formats_without_leftover_placeables() {
    // A message given none of its arguments shows `{$name}`: with all of them, none.
    for lang in [Lang::Zh, Lang::En] {
        let catalog = Catalog::new(lang);
        for id in ids(ZH) {
            let id: &'static str = Box::leak(id.into_boxed_str());
            let text = catalog.say(id);
            assert!(!text.is_empty(), "{id} is empty in {lang:?}");
        }
    }
}

#[test]
fn language_choice() {
    assert_eq!(Lang::choose(None, None), Lang::Zh);
    assert_eq!(Lang::choose(Some("en"), Some("zh")), Lang::En);
    assert_eq!(Lang::choose(None, Some("en_US.UTF-8")), Lang::En);
    assert_eq!(Lang::choose(Some("fr"), None), Lang::Zh);
}
