//! Numbers a reader copies as one piece must not break across lines: registration
//! numbers (起17浙G2231), badge and contract numbers (YK-FD-2026-003), credit codes and
//! dates. One pattern serves both renderers: HTML wraps each match in a no-wrap span,
//! the typst template boxes it (the pattern reaches typst in data.json).

use std::sync::LazyLock;

use regex::Regex;

/// A Chinese registration number (a character, digits, a province, a letter, digits), or
/// a run of letters, digits, `-`, `/` and `.` that holds a digit. Words without digits
/// are left to break as the language does.
pub const NO_BREAK_PATTERN: &str = r"\p{Han}\d+\p{Han}[A-Z]\d+|[A-Za-z0-9./-]*[0-9][A-Za-z0-9./-]*";

/// Shorter matches cannot break anyway: HTML marks only these.
const MARKED_FROM_CHARS: usize = 6;

static NO_BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(NO_BREAK_PATTERN).ok());

/// Splits text into (piece, keep-together) runs, in order: the matches HTML marks.
pub fn split(text: &str) -> Vec<(&str, bool)> {
    split_where(text, |m| m.chars().count() >= MARKED_FROM_CHARS)
}

/// Splits text at the matches `keep` accepts.
pub fn split_where(text: &str, keep: impl Fn(&str) -> bool) -> Vec<(&str, bool)> {
    let Some(re) = NO_BREAK.as_ref() else {
        return vec![(text, false)];
    };
    let mut out = Vec::new();
    let mut last = 0;
    for m in re.find_iter(text) {
        if !keep(m.as_str()) {
            continue;
        }
        if m.start() > last {
            out.push((&text[last..m.start()], false));
        }
        out.push((m.as_str(), true));
        last = m.end();
    }
    if last < text.len() || out.is_empty() {
        out.push((&text[last..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_kept_whole() {
        let kept = |t: &str| -> Vec<String> {
            split(t)
                .into_iter()
                .filter(|(_, keep)| *keep)
                .map(|(p, _)| p.to_string())
                .collect()
        };
        assert_eq!(kept("叉车（车11浙G3317）已检"), ["车11浙G3317"]);
        assert_eq!(kept("陈静（YK-FD-2026-003）"), ["YK-FD-2026-003"]);
        assert_eq!(kept("代码 91330784MA2E7R4K69"), ["91330784MA2E7R4K69"]);
        assert_eq!(kept("共 12 人"), Vec::<String>::new());
        assert_eq!(kept("<script> GB/T 29639-2020"), ["29639-2020"]);
        let all: String = split("a 起17浙G2231 b").iter().map(|(p, _)| *p).collect();
        assert_eq!(all, "a 起17浙G2231 b");
    }
}
