//! Findings: input errors and compliance findings, located in the site's files.

use std::fmt;

use serde::Serialize;

use crate::site::yaml_index::KeyIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Something a consultant should know (a check that was skipped): never fails a build
    /// or `check`, not even with `--deny-warnings`.
    Info,
}

/// One thing `check` reports. `rule` ids are part of the contract (spec §5); input
/// problems found by the parser use `yaml-syntax`, `unknown-key`, `missing-key`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    pub message: String,
    /// Relative to the site folder, with `/` separators.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub path: Option<String>,
    pub enterprise: Option<String>,
}

impl Finding {
    /// An error about a whole file (no line: it was not read, or not as YAML).
    pub fn file_error(rule: &'static str, file: &str, message: String) -> Finding {
        Finding {
            severity: Severity::Error,
            rule,
            message,
            file: file.to_string(),
            line: None,
            column: None,
            path: None,
            enterprise: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Does this finding stop a build? Input errors do; compliance findings only with --strict.
    pub fn is_input_error(&self) -> bool {
        self.is_error()
            && matches!(
                self.rule,
                "yaml-syntax"
                    | "unknown-key"
                    | "missing-key"
                    | "invalid-value"
                    | "dangling-reference"
                    | "duplicate-id"
                    | "io"
            )
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        write!(f, "{severity}[{}] {}", self.rule, terminal_safe(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(path) = &self.path {
            write!(f, " {}", terminal_safe(path))?;
        }
        write!(f, ": {}", terminal_safe(&self.message))
    }
}

/// Text for a terminal: control characters (ESC, CR, line feeds, C1), line and paragraph
/// separators and bidirectional overrides are shown as `\u{1b}`, so no input can clear
/// the screen, set the title, move the cursor or forge a line of its own.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Multi-line text (a typst diagnostic) for a terminal: each line made safe, line feeds kept.
pub fn terminal_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| terminal_safe(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Collects findings for one source file, locating each by key path.
pub struct Reporter<'a> {
    pub file: &'a str,
    pub index: &'a KeyIndex,
    pub enterprise: Option<&'a str>,
    pub findings: &'a mut Vec<Finding>,
}

impl Reporter<'_> {
    pub fn report(&mut self, severity: Severity, rule: &'static str, path: &str, message: String) {
        let at = self.index.value_at(path);
        self.findings.push(Finding {
            severity,
            rule,
            message,
            file: self.file.to_string(),
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
            path: Some(path.to_string()),
            enterprise: self.enterprise.map(str::to_string),
        });
    }

    pub fn error(&mut self, rule: &'static str, path: &str, message: String) {
        self.report(Severity::Error, rule, path, message);
    }

    pub fn warning(&mut self, rule: &'static str, path: &str, message: String) {
        self.report(Severity::Warning, rule, path, message);
    }

    pub fn info(&mut self, rule: &'static str, path: &str, message: String) {
        self.report(Severity::Info, rule, path, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_cannot_clear_the_screen_or_forge_a_line() {
        assert_eq!(terminal_safe("张三"), "张三");
        assert_eq!(
            terminal_safe("a\u{1b}[2J\u{1b}]0;t\u{7}\rb\nerror[x]\u{2028}"),
            "a\\u{1b}[2J\\u{1b}]0;t\\u{7}\\u{d}b\\u{a}error[x]\\u{2028}"
        );
    }
}
