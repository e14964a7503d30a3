//! The command line: parse arguments, call the library, print, choose the exit status.
//! Exit 0 success, 1 invalid input or failed build, 2 bad usage (spec §1).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anquan::diag::{Finding, Severity};
use anquan::i18n::{Catalog, Lang};
use anquan::msg;
use anquan::pipeline::{self, BuildError, BuildOptions};
use anquan::schema::SchemaKind;
use cli::progress::progress_display;
use cli::{Command, Format, SchemaFile};

mod cli;
mod cli_release;
mod signals;

fn main() -> ExitCode {
    let code = run();
    signals::wait_if_interrupted();
    code
}

fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = cli::early_lang(&args);
    let cli = cli::parse(args, lang);
    let lang = Lang::choose(
        cli.lang.as_deref(),
        std::env::var("ANQUAN_LANG").ok().as_deref(),
    );
    let catalog = Catalog::new(lang);
    match cli.command {
        Command::Init { dir } => match anquan::init::init(&dir) {
            Ok(files) => {
                let dir = dir.display().to_string();
                let wrote = msg!("init-wrote", count = files.len(), dir = dir.as_str());
                println!("{}", catalog.text(&wrote));
                println!("{}", catalog.text(&msg!("init-next", dir = dir)));
                println!("{}", catalog.text(&msg!("init-editor")));
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err.to_string()),
        },
        Command::New { id, dir } => match anquan::init::new_enterprise(&dir, &id) {
            Ok(path) => {
                let wrote = msg!("new-wrote", path = path.display().to_string());
                println!("{}", catalog.text(&wrote));
                ExitCode::SUCCESS
            }
            Err(err) => fail(&err.to_string()),
        },
        Command::Build {
            dir,
            out,
            html,
            pdf,
            only,
            strict,
            date,
            quiet,
            jobs,
            cache,
            no_cache,
            shard,
        } => {
            let cache = cache_dir(&dir, cache, no_cache);
            let date = match date_or_usage(date.as_deref(), &catalog) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let out = out.unwrap_or_else(|| dir.join("public"));
            signals::clean_up_on_signals(Some(out.clone()));
            // Neither flag means everything.
            let (html, pdf) = if html || pdf {
                (html, pdf)
            } else {
                (true, true)
            };
            let progress = (!quiet).then(|| progress_display(&dir, shard, &catalog));
            let options = BuildOptions {
                site: dir,
                out,
                only,
                strict,
                date,
                html,
                pdf,
                progress: progress.as_ref().map(|p| p.callback(&catalog)),
                lang,
                cache,
                shard,
            };
            build(&options, jobs, quiet, &catalog)
        }
        Command::Watch {
            dir,
            out,
            date,
            quiet,
        } => watch(dir, out, date, None, quiet, &catalog),
        Command::Serve {
            dir,
            out,
            port,
            date,
            quiet,
        } => watch(dir, out, date, Some(port), quiet, &catalog),
        Command::Merge { shards, out } => match anquan::output::merge::merge(&shards, &out) {
            Ok(files) => {
                let done = msg!(
                    "merge-done",
                    shards = shards.len(),
                    out = out.display().to_string(),
                    files = files
                );
                println!("{}", catalog.text(&done));
                ExitCode::SUCCESS
            }
            Err(err) => {
                let why = msg!(
                    "merge-failed",
                    error = err.to_string(),
                    out = out.display().to_string()
                );
                fail(&catalog.text(&why))
            }
        },
        Command::Doctor { dir } => {
            let report = anquan::doctor::doctor(&dir, &catalog);
            print!("{}", report.text);
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Check {
            dir,
            format,
            deny_warnings,
            strict,
            date,
        } => check(
            &dir,
            format,
            (deny_warnings, strict),
            date.as_deref(),
            &catalog,
        ),
        Command::Release { dir, date, note } => {
            cli_release::release(&dir, &date, note.as_deref(), &catalog)
        }
        Command::Schema { file } => {
            let kind = match file {
                SchemaFile::Site => SchemaKind::Site,
                SchemaFile::Enterprise => SchemaKind::Enterprise,
            };
            match anquan::schema::schema_text(kind) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(err) => fail(&err.to_string()),
            }
        }
    }
}

fn build(options: &BuildOptions, jobs: Option<u16>, quiet: bool, catalog: &Catalog) -> ExitCode {
    let out = options.out.display().to_string();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, usize::from))
        .build();
    let result = match pool {
        Ok(pool) => pool.install(|| pipeline::build(options)),
        Err(err) => {
            let why = msg!("threads-failed", error = err.to_string());
            return fail(&catalog.text(&why));
        }
    };
    match result {
        Ok(report) => {
            print_findings(&report.findings, quiet, catalog);
            for warning in &report.warnings {
                eprintln!("warning: {}", anquan::diag::terminal_lines(warning));
            }
            if !quiet {
                cli_release::print_changes(&report, catalog);
                println!("{}", catalog.text(&built_summary(&report, &out)));
                if let Some(shard) = options.shard {
                    let of = msg!("build-shard", shard = shard.to_string());
                    println!("{}", catalog.text(&of));
                }
                if report.pdfs_cached > 0 {
                    let cached = msg!("build-cached", enterprises = report.pdfs_cached);
                    println!("{}", catalog.text(&cached));
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid(findings) | BuildError::Strict(findings)) => {
            print_findings(&findings, false, catalog);
            let errors = findings.iter().filter(|f| f.is_error()).count();
            let why = msg!("build-invalid", errors = errors, out = out);
            fail(&catalog.text(&why))
        }
        Err(err @ BuildError::Pdf(_)) => {
            let why = msg!("build-pdf-failed", error = err.to_string(), out = out);
            fail(&catalog.text(&why))
        }
        Err(err) => {
            let why = msg!("build-failed", error = err.to_string(), out = out);
            fail(&catalog.text(&why))
        }
    }
}

/// `--cache DIR`, else `ANQUAN_CACHE` (a folder, or `off`), else `SITE/.anquan/cache`;
/// `--no-cache` turns it off.
fn cache_dir(site: &std::path::Path, flag: Option<PathBuf>, off: bool) -> Option<PathBuf> {
    if off {
        return None;
    }
    if let Some(dir) = flag {
        return Some(dir);
    }
    match std::env::var_os("ANQUAN_CACHE") {
        Some(v) if v == "off" => None,
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => Some(site.join(".anquan").join("cache")),
    }
}

/// `built N HTML pages, … in 1.23 s (load 12 ms, …)`.
fn built_summary(report: &pipeline::BuildReport, out: &str) -> anquan::i18n::Message {
    let total: f64 = report.timings.iter().map(|t| t.1.as_secs_f64()).sum();
    let steps: Vec<String> = report
        .timings
        .iter()
        .map(|(s, d)| format!("{s} {:.0} ms", d.as_secs_f64() * 1000.0))
        .collect();
    msg!(
        "build-done",
        pages = report.pages,
        pdfs = report.pdfs,
        docx = report.docx,
        enterprises = report.enterprises,
        out = out,
        seconds = format!("{total:.2}"),
        steps = steps.join(", "),
        pdf_ms = format!("{:.0}", report.pdf_time.as_secs_f64() * 1000.0),
        docx_ms = format!("{:.0}", report.docx_time.as_secs_f64() * 1000.0)
    )
}

/// `(deny_warnings, strict)`: exit 1 on warnings; also look for unreleased changes.
fn check(
    dir: &std::path::Path,
    format: Format,
    (deny_warnings, strict): (bool, bool),
    date: Option<&str>,
    catalog: &Catalog,
) -> ExitCode {
    let date = match date_or_usage(date, catalog) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let findings = match pipeline::load_checked(dir, date) {
        Ok((site, mut findings)) => {
            if strict {
                match anquan::release::command::unreleased(&site) {
                    Ok(more) => findings.extend(more),
                    Err(err) => return fail(&err.to_string()),
                }
            }
            findings
        }
        Err(findings) => findings,
    };
    match format {
        Format::Json => {
            let list: Vec<serde_json::Value> =
                findings.iter().map(|f| f.localized(catalog)).collect();
            let json = serde_json::json!({ "findings": list });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Text => {
            print_findings(&findings, false, catalog);
            eprintln!("{}", summary(&findings, catalog));
        }
    }
    let fails = findings
        .iter()
        .any(|f| f.is_error() || (deny_warnings && f.is_warning()));
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn watch(
    dir: PathBuf,
    out: Option<PathBuf>,
    date: Option<String>,
    port: Option<u16>,
    quiet: bool,
    catalog: &Catalog,
) -> ExitCode {
    let date = match date_or_usage(date.as_deref(), catalog) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = out.unwrap_or_else(|| dir.join("public"));
    signals::clean_up_on_signals(None);
    let options = anquan::watch::serve::WatchOptions {
        site: dir,
        out,
        date,
        port,
        quiet,
        lang: catalog.lang(),
    };
    match anquan::watch::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err.to_string()),
    }
}

pub(crate) fn date_or_usage(
    flag: Option<&str>,
    catalog: &Catalog,
) -> Result<anquan::site::date::Date, ExitCode> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    anquan::build_date(flag, epoch.as_deref()).map_err(|why| {
        eprintln!("error: {}", catalog.text(&why));
        ExitCode::from(2)
    })
}

pub(crate) fn print_findings(findings: &[Finding], quiet: bool, catalog: &Catalog) {
    let colour = std::io::stderr().is_terminal();
    for f in findings {
        if quiet && !f.is_error() {
            continue;
        }
        if colour {
            let code = match f.severity {
                Severity::Error => "31",
                Severity::Warning => "33",
                Severity::Info => "36",
            };
            eprintln!("\x1b[{code}m{}\x1b[0m", f.line(catalog));
        } else {
            eprintln!("{}", f.line(catalog));
        }
    }
}

/// `N error(s), M warning(s)`, and the notes when there are any.
pub(crate) fn summary(findings: &[Finding], catalog: &Catalog) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    catalog.text(&msg!(
        "check-summary",
        errors = count(Severity::Error),
        warnings = count(Severity::Warning),
        notes = count(Severity::Info)
    ))
}

/// `error: …`: the prefix stays English in every language, like the findings' (for scripts).
pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("error: {}", anquan::diag::terminal_lines(message));
    ExitCode::from(1)
}
