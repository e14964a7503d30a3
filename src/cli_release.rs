//! `anquan release` and the build's list of documents changed since the last release:
//! what they print.

use std::process::ExitCode;

use anquan::i18n::Catalog;
use anquan::msg;
use anquan::pipeline;

use crate::{date_or_usage, fail, print_findings, summary};

/// The documents changed since the last release, a line each.
pub fn print_changes(report: &pipeline::BuildReport, catalog: &Catalog) {
    let Some(since) = report.last_release.filter(|_| !report.changes.is_empty()) else {
        return;
    };
    let head = msg!(
        "build-changed",
        count = report.changes.len(),
        since = since.to_string()
    );
    println!("{}", catalog.text(&head));
    for c in &report.changes {
        let from = match &c.from_version {
            Some(v) => v.clone(),
            None => catalog.text(&msg!("changed-new")),
        };
        let line = msg!(
            "changed-line",
            id = c.id.as_str(),
            title = c.title.as_str(),
            from = from,
            summary = c.summary.join("；")
        );
        println!("  {}", catalog.text(&line));
    }
}

pub fn release(
    dir: &std::path::Path,
    date: &str,
    note: Option<&str>,
    catalog: &Catalog,
) -> ExitCode {
    use anquan::release::command::{ReleaseError, release};
    let date = match date_or_usage(Some(date), catalog) {
        Ok(d) => d,
        Err(code) => return code,
    };
    match release(dir, date, note) {
        Ok(report) if !report.written => {
            let last = report.last.map(|d| d.to_string()).unwrap_or_default();
            println!("{}", catalog.text(&msg!("release-nothing", last = last)));
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for r in &report.revised {
                let line = msg!(
                    "release-revised",
                    id = r.id.as_str(),
                    title = r.title.as_str(),
                    version = r.version.as_str(),
                    changes = r.changes.join("；")
                );
                println!("  {}", catalog.text(&line));
            }
            let done = msg!(
                "release-done",
                date = date.to_string(),
                revised = report.revised.len(),
                unchanged = report.unchanged,
                file = dir
                    .join(anquan::release::file::REVISIONS_FILE)
                    .display()
                    .to_string()
            );
            println!("{}", catalog.text(&done));
            ExitCode::SUCCESS
        }
        Err(ReleaseError::Invalid(findings)) => {
            print_findings(&findings, false, catalog);
            eprintln!("{}", summary(&findings, catalog));
            ExitCode::from(1)
        }
        Err(ReleaseError::BeforeLast { date, last }) => {
            let why = msg!(
                "release-before-last",
                date = date.to_string(),
                last = last.to_string()
            );
            fail(&catalog.text(&why))
        }
        Err(err) => fail(&catalog.text(&msg!("release-failed", error = err.to_string()))),
    }
}
