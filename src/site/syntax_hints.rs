//! Where a YAML syntax error really is, when the parser notices it later: a tab is
//! reported at the end of the line before it, an unclosed quote where the next quote
//! finally ends the runaway string, often hundreds of lines below.

/// The first tab at or after `(line, column)` (1-based), where a "found a tab" error is.
pub fn tab_from(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .skip(line.saturating_sub(1))
        .find_map(|(i, l)| {
            let skip = if i + 1 == line {
                column.saturating_sub(1)
            } else {
                0
            };
            l.chars()
                .enumerate()
                .skip(skip)
                .find(|(_, c)| *c == '\t')
                .map(|(j, _)| (i + 1, j + 1))
        })
}

/// The first line before `line` whose value opens a quote it does not close: a quoted
/// value of this format fits on one line, so that is where a later error began.
pub fn unclosed_quote_before(text: &str, line: usize) -> Option<(usize, usize)> {
    text.lines()
        .take(line.saturating_sub(1))
        .enumerate()
        .find_map(|(i, l)| open_quote(l).map(|column| (i + 1, column)))
}

/// The column of a quote that opens a block value on this line and is not closed on it.
fn open_quote(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let body = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    let value = match body.find(": ") {
        Some(at) => body[at + 2..].trim_start(),
        None => body,
    };
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &value[1..];
    let closed = if quote == '"' {
        let mut escaped = false;
        rest.chars().any(|c| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end
        })
    } else {
        // `''` is a quote inside a single-quoted value; one `'` alone closes it.
        rest.replace("''", "").contains('\'')
    };
    if closed {
        return None;
    }
    let offset = line.len() - value.len();
    Some(line[..offset].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_tab_and_the_open_quote() {
        let text = "a:\n  b: x\n\tc: 1\n";
        assert_eq!(tab_from(text, 2, 7), Some((3, 1)));
        let text = "a:\n  b: \"x\n  c: 'it''s'\n  d: \"y\"\n";
        assert_eq!(unclosed_quote_before(text, 4), Some((2, 6)));
        assert_eq!(unclosed_quote_before("a: \"x\\\"y\"\nb: 'c'\n", 3), None);
        assert_eq!(
            unclosed_quote_before("- name: 'o''\nx: 1\n", 2),
            Some((1, 9))
        );
    }
}
