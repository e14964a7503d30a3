//! Findings: input errors and compliance findings, located in the site's files.

use serde::Serialize;

use crate::i18n::{Catalog, Message};
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

/// Declares [`Rule`] with its kebab-case ids, in one place.
macro_rules! rules {
    ($($variant:ident = $id:literal,)*) => {
        /// What a finding is about. The ids are part of the contract (spec §5) and the
        /// same in every language; input problems found by the parser are `yaml-syntax`,
        /// `unknown-key`, `missing-key`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub const ALL: &[Rule] = &[$(Rule::$variant,)*];

            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }
        }
    };
}

rules! {
    YamlSyntax = "yaml-syntax",
    UnknownKey = "unknown-key",
    MissingKey = "missing-key",
    InvalidValue = "invalid-value",
    DanglingReference = "dangling-reference",
    DuplicateId = "duplicate-id",
    Io = "io",
    PairCrossTeam = "pair-cross-team",
    PairCrossZone = "pair-cross-zone",
    PairSize = "pair-size",
    MemberUnpaired = "member-unpaired",
    BoardOverflow = "board-overflow",
    CounselorLoad = "counselor-load",
    CounselorQualification = "counselor-qualification",
    CounselorTraining = "counselor-training",
    RiskLevelMismatch = "risk-level-mismatch",
    RiskWithoutControls = "risk-without-controls",
    ZoneWithoutRisk = "zone-without-risk",
    PpeUnissued = "ppe-unissued",
    ConfinedSpaceKit = "confined-space-kit",
    CraneWithoutOperator = "crane-without-operator",
    ServiceFrequency = "service-frequency",
    ServicePlanLate = "service-plan-late",
    ServiceFeeLow = "service-fee-low",
    InspectionOverdue = "inspection-overdue",
    FindingWithoutPhoto = "finding-without-photo",
    FindingOverdue = "finding-overdue",
    VisitsUnrecorded = "visits-unrecorded",
    ServiceBehind = "service-behind",
    HolidayDataMissing = "holiday-data-missing",
    UnreleasedChanges = "unreleased-changes",
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One thing `check` reports: where, which rule, and a message held as data (id and
/// arguments) until a [`Catalog`] puts it into words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: Rule,
    pub message: Message,
    /// Relative to the site folder, with `/` separators.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub path: Option<String>,
    pub enterprise: Option<String>,
}

impl Finding {
    /// An error about a whole file (no line: it was not read, or not as YAML).
    pub fn file_error(rule: Rule, file: &str, message: Message) -> Finding {
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
                Rule::YamlSyntax
                    | Rule::UnknownKey
                    | Rule::MissingKey
                    | Rule::InvalidValue
                    | Rule::DanglingReference
                    | Rule::DuplicateId
                    | Rule::Io
            )
    }

    /// `error[rule] file:line:col key.path: message`. The part before the message is
    /// the same in every language, for scripts; only the message is translated.
    pub fn line(&self, catalog: &Catalog) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let mut line = format!("{severity}[{}] {}", self.rule, terminal_safe(&self.file));
        if let Some(at) = self.line {
            line.push_str(&format!(":{at}"));
            if let Some(column) = self.column {
                line.push_str(&format!(":{column}"));
            }
        }
        if let Some(path) = &self.path {
            line.push(' ');
            line.push_str(&terminal_safe(path));
        }
        line.push_str(": ");
        // The translated text too: arguments (names, values) come from the input.
        line.push_str(&terminal_safe(&catalog.text(&self.message)));
        line
    }

    /// The finding as JSON and page templates see it: `message` in the catalogue's
    /// language, `message_id` and `args` apart.
    pub fn localized(&self, catalog: &Catalog) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "rule": self.rule,
            "message": catalog.text(&self.message),
            "message_id": self.message.id,
            "args": catalog.args_json(&self.message),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "enterprise": self.enterprise,
        })
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
    pub fn report(&mut self, severity: Severity, rule: Rule, path: &str, message: Message) {
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

    pub fn error(&mut self, rule: Rule, path: &str, message: Message) {
        self.report(Severity::Error, rule, path, message);
    }

    pub fn warning(&mut self, rule: Rule, path: &str, message: Message) {
        self.report(Severity::Warning, rule, path, message);
    }

    pub fn info(&mut self, rule: Rule, path: &str, message: Message) {
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
