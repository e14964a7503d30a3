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
        write!(f, "{severity}[{}] {}", self.rule, self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(path) = &self.path {
            write!(f, " {path}")?;
        }
        write!(f, ": {}", self.message)
    }
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
