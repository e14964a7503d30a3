//! Random mutations of an enterprise file (issue 19): a value of the wrong type, a huge
//! or non-finite number, control characters, deep nesting, a long text. Every result is
//! a located error or a build: never a panic, never more than 10 s.

mod common;

use std::fs;
use std::time::{Duration, Instant};

use anquan::pipeline::{BuildOptions, build, load_checked};
use anquan::site::date::Date;
use proptest::prelude::*;

const CASES: u32 = 128;

fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[1, 2, 3]".to_string()),
        Just("{a: 1, b: [x]}".to_string()),
        Just("true".to_string()),
        Just("~".to_string()),
        Just("\"\"".to_string()),
        Just(".inf".to_string()),
        Just("-.inf".to_string()),
        Just(".nan".to_string()),
        Just("1e308".to_string()),
        Just("-1e308".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("-1".to_string()),
        Just("0001-01-01".to_string()),
        Just("9999-12-31".to_string()),
        Just("\"\\e[2J\\0\\r\\nBEGIN:VEVENT\\u2028\"".to_string()),
        Just("&a [1]".to_string()),
        Just("*nowhere".to_string()),
        (1usize..400).prop_map(|depth| format!("{}1{}", "[".repeat(depth), "]".repeat(depth))),
        (1usize..8000).prop_map(|n| format!("\"{}\"", "险".repeat(n))),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| format!("{x:e}")),
        "[ -~]{0,40}".prop_map(|s| format!("{s:?}")),
    ]
}

/// Replaces the value of the `line`-th `key: value` line of `text` by `value`.
fn mutate(text: &str, line: usize, value: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(": "))
        .collect();
    let target = candidates[line % candidates.len()];
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i == target {
            let at = l.find(": ").unwrap_or(l.len());
            out.push_str(&l[..at]);
            out.push_str(": ");
            out.push_str(value);
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_mutation_is_a_located_error_or_a_build(line in 0usize..200, value in hostile_value()) {
        let tmp = common::copy_site(&common::repo().join("tests/fixtures/minimal"));
        let site = tmp.path().join("site");
        let file = site.join("enterprises/mini.yaml");
        let text = fs::read_to_string(&file).unwrap();
        fs::write(&file, mutate(&text, line, &value)).unwrap();
        let date = Date::parse(common::DATE).unwrap();
        let start = Instant::now();
        match load_checked(&site, date) {
            Err(findings) => {
                let located = findings.iter().any(|f| {
                    f.is_error() && f.file == "enterprises/mini.yaml" && f.line.is_some()
                });
                prop_assert!(located, "no located error: {findings:?}");
            }
            Ok(_) => {
                let options = BuildOptions {
                    site: site.clone(),
                    out: tmp.path().join("out"),
                    only: Vec::new(),
                    strict: false,
                    date,
                    html: true,
                    pdf: false,
                    progress: None,
                    cache: None,
                    lang: anquan::i18n::Lang::En,
                    shard: None,
                };
                let built = build(&options);
                prop_assert!(built.is_ok(), "passed check, failed build: {:?}", built.err());
            }
        }
        prop_assert!(start.elapsed() < Duration::from_secs(10), "{value}: {:?}", start.elapsed());
    }
}
