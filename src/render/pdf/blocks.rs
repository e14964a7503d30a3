//! The blocks as typst reads them in data.json: what the template would otherwise work
//! out itself, once per run and per pass, is worked out here once.
//!
//! - Numbers kept on one line (`render::nobreak`) arrive as text runs of their own marked
//!   `keep`, which the template boxes. A show rule over a document's whole text would run
//!   the regex on every text in every layout pass: a tenth of the pack's typst time.
//! - A table carries the length of each column's longest cell (`longest`), by which the
//!   template shares the width among the columns.

use serde_json::{Map, Value, json};

use crate::render::nobreak;

/// Rewrites the blocks of one document, in place.
pub fn prepare(blocks: &mut Value) {
    match blocks {
        Value::Array(items) => {
            for item in items.iter_mut() {
                prepare(item);
            }
            if items.iter().any(is_text_run) {
                *items = std::mem::take(items)
                    .into_iter()
                    .flat_map(split_run)
                    .collect();
            }
        }
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("table") {
                let longest = longest_cells(map);
                map.insert("longest".to_string(), longest);
            }
            for value in map.values_mut() {
                prepare(value);
            }
        }
        _ => {}
    }
}

fn is_text_run(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("text")
        && value.get("text").is_some_and(Value::is_string)
}

/// A text run as runs of plain text and numbers kept whole. Only a number with a break
/// opportunity in it (`-`, `/`, `.`, a Chinese character) is marked: letters and digits
/// alone never break (UAX #14), and every box costs typst a layout of its own.
fn split_run(run: Value) -> Vec<Value> {
    let Some(text) = run
        .get("text")
        .and_then(Value::as_str)
        .filter(|_| is_text_run(&run))
    else {
        return vec![run];
    };
    let pieces = nobreak::split_where(text, |m| !m.chars().all(|c| c.is_ascii_alphanumeric()));
    if pieces.iter().all(|(_, keep)| !keep) {
        return vec![run];
    }
    pieces
        .into_iter()
        .map(|(piece, keep)| match keep {
            true => json!({"type": "text", "text": piece, "keep": true}),
            false => json!({"type": "text", "text": piece}),
        })
        .collect()
}

/// Per column, the length in characters of its longest cell, header included.
fn longest_cells(table: &Map<String, Value>) -> Value {
    let header = table.get("header").and_then(Value::as_array);
    let rows = table.get("rows").and_then(Value::as_array);
    let columns = header.map_or(0, Vec::len);
    let all_rows = header
        .into_iter()
        .chain(rows.into_iter().flatten().filter_map(Value::as_array));
    let mut longest = vec![0usize; columns];
    for row in all_rows {
        for (column, cell) in row.iter().take(columns).enumerate() {
            longest[column] = longest[column].max(run_length(cell));
        }
    }
    json!(longest)
}

/// The characters of inline runs; a line break counts as one.
fn run_length(runs: &Value) -> usize {
    let Some(runs) = runs.as_array() else {
        return 0;
    };
    runs.iter()
        .map(
            |run| match (run.get("text").and_then(Value::as_str), run.get("content")) {
                (Some(text), _) => text.chars().count(),
                (None, Some(content)) => run_length(content),
                (None, None) => 1,
            },
        )
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_could_break_become_runs_of_their_own() {
        let mut blocks = json!([{"type": "paragraph", "content": [
            {"type": "text", "text": "叉车（车11浙G3317）编号 YK-FD-2026-003，代码 91330784MA2E7R4K69"},
            {"type": "strong", "content": [{"type": "text", "text": "GB/T 29639-2020"}]},
        ]}]);
        prepare(&mut blocks);
        let runs = &blocks[0]["content"];
        let kept: Vec<&str> = runs
            .as_array()
            .into_iter()
            .flatten()
            .chain(
                runs[runs.as_array().map_or(0, Vec::len) - 1]["content"]
                    .as_array()
                    .into_iter()
                    .flatten(),
            )
            .filter(|r| r.get("keep") == Some(&Value::Bool(true)))
            .filter_map(|r| r["text"].as_str())
            .collect();
        // The credit code has no break opportunity: it stays in the plain text.
        assert_eq!(kept, ["车11浙G3317", "YK-FD-2026-003", "29639-2020"]);
        let all: String = runs
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["text"].as_str())
            .collect();
        assert_eq!(
            all,
            "叉车（车11浙G3317）编号 YK-FD-2026-003，代码 91330784MA2E7R4K69"
        );
    }

    #[test]
    fn a_table_knows_its_longest_cells() {
        let cell = |t: &str| json!([{"type": "text", "text": t}]);
        let mut blocks = json!([{"type": "table",
            "header": [cell("序号"), cell("内容")],
            "rows": [[cell("1"), cell("检查配电房")], [cell("12"), json!([{"type": "strong", "content": [{"type": "text", "text": "动火作业"}]}, {"type": "break"}])]],
        }]);
        prepare(&mut blocks);
        assert_eq!(blocks[0]["longest"], json!([2, 5]));
    }
}
