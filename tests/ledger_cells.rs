//! Ledgers hold only what the input says (spec §6): every non-empty cell of every ledger
//! of the bundled example, read back from the XLSX workbook, is a value of the YAML (or
//! a list of them), or a value computed from them in a column named here.

mod common;

use std::collections::BTreeSet;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use common::*;
use serde_json::Value;

/// Every scalar of a YAML file, as text.
fn leaves(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => map.values().for_each(|x| leaves(x, out)),
        Value::Array(items) => items.iter().for_each(|x| leaves(x, out)),
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Number(n) => {
            out.insert(n.to_string());
        }
        Value::Bool(b) => {
            out.insert(b.to_string());
        }
        Value::Null => {}
    }
}

fn yaml(path: &std::path::Path) -> Value {
    serde_saphyr::from_str(&read(path)).expect("example YAML parses")
}

fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) if s.is_empty() => None,
        Data::String(s) => Some(s.clone()),
        Data::Float(f) if f.fract() == 0.0 => Some(format!("{f:.0}")),
        Data::Float(f) => Some(f.to_string()),
        Data::Int(i) => Some(i.to_string()),
        // Excel day numbers count from 1899-12-30.
        Data::DateTime(d) => NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(d.as_f64() as u64)))
            .map(|d| d.to_string()),
        other => Some(other.to_string()),
    }
}

fn is_date(s: &str) -> bool {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// Values a column may compute from the input (each stated in its ledger's preface).
fn computed(sheet: &str, column: &str, value: &str, input: &BTreeSet<String>) -> bool {
    let number = value.parse::<f64>().is_ok();
    let between = |before: &str, after: &str| {
        value
            .strip_prefix(before)
            .and_then(|v| v.strip_suffix(after))
            .is_some_and(|inner| input.contains(inner))
    };
    match (sheet, column) {
        (_, "序号") | ("安全生产教育培训记录台账", "人数") => number,
        ("安全生产投入费用使用台账", "累计（元）") => number,
        // An open finding past its deadline at the ledger's date.
        ("安全生产检查记录台账", "完成日期") => {
            is_date(value) || value == "逾期未整改"
        }
        // A date from an issue and its cycle, flagged once past; never the cycle itself.
        ("个体防护用品发放台账", "下次更换") => {
            is_date(value) || value.strip_suffix(" 已到期").is_some_and(is_date)
        }
        ("应急救援器材管理台账", "计划检查日期") => {
            is_date(value)
                && is_working_day(NaiveDate::parse_from_str(value, "%Y-%m-%d").expect("a date"))
        }
        ("设备（特种设备）管理台账", "类别") => {
            ["一般设备", "特种设备"].contains(&value)
        }
        ("设备（特种设备）管理台账", "状态") => {
            between("超期未检，应于 ", " 前检验") || between("", " 到期，需申报检验")
        }
        ("安全生产检查记录台账", "隐患描述") => value == "未发现隐患",
        _ => false,
    }
}

/// The value itself, or a list of input values joined by 、 or ；, an operator written
/// `name（certificate）`.
fn from_input(value: &str, input: &BTreeSet<String>) -> bool {
    input.contains(value)
        || value
            .split(['、', '；', '（', '）'])
            .filter(|piece| !piece.is_empty())
            .all(|piece| input.contains(piece))
}

#[test]
fn every_ledger_cell_comes_from_the_input() {
    let (_tmp, out, _m) = example_html();
    let config = yaml(&example().join("anquan.yaml"));
    let mut checked = 0;
    let mut wrong = Vec::new();
    for enterprise in ["ruifeng", "jinshun"] {
        let mut input = BTreeSet::new();
        leaves(&config, &mut input);
        leaves(
            &yaml(&example().join(format!("enterprises/{enterprise}.yaml"))),
            &mut input,
        );
        let mut book: Xlsx<_> =
            open_workbook(out.join(format!("{enterprise}/ledgers.xlsx"))).expect("workbook opens");
        for sheet in book.sheet_names() {
            let range = book.worksheet_range(&sheet).expect("sheet");
            let rows: Vec<&[Data]> = range.rows().collect();
            // The header is the first full row after the title (and the preface lines).
            let header_at = (1..rows.len())
                .find(|&i| rows[i].iter().all(|c| cell_text(c).is_some()))
                .expect("a header row");
            let header: Vec<String> = rows[header_at].iter().filter_map(cell_text).collect();
            for row in &rows[header_at + 1..] {
                if row.first().and_then(cell_text).as_deref() == Some("合计") {
                    continue;
                }
                for (column, cell) in header.iter().zip(row.iter()) {
                    let Some(value) = cell_text(cell) else {
                        continue;
                    };
                    checked += 1;
                    if !from_input(&value, &input) && !computed(&sheet, column, &value, &input) {
                        wrong.push(format!("{enterprise} {sheet} {column}: {value}"));
                    }
                }
            }
        }
    }
    assert!(checked > 600, "only {checked} cells were read");
    assert!(
        wrong.is_empty(),
        "cells not found in the input:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_typical_value_is_not_in_the_input() {
    // The check above must be able to fail: a filler value is no YAML scalar.
    let mut input = BTreeSet::new();
    leaves(
        &yaml(&example().join("enterprises/jinshun.yaml")),
        &mut input,
    );
    for filler in ["闭卷考试", "上岗前/在岗期间/离岗时", "全厂", "专项培训"] {
        assert!(!from_input(filler, &input), "{filler}");
    }
}
