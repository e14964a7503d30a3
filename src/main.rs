//! The command line: parse arguments, call the library, print, choose the exit status.
//! Exit 0 success, 1 invalid input or failed build, 2 bad usage (spec §1).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anquan::diag::{Finding, Severity};
use anquan::output::shard::Shard;
use anquan::pipeline::{self, BuildError, BuildOptions};
use clap::{Parser, Subcommand, ValueEnum};

/// Code of the command line only, beside `main.rs`.
mod cli {
    pub mod progress;
}
use cli::progress::progress_display;

#[derive(Parser)]
#[command(
    name = "anquan",
    version,
    about = "安全托管文件包: YAML → the safety-compliance document pack, as HTML and PDF"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scaffold a new site with a complete, valid example enterprise
    Init { dir: PathBuf },
    /// Validate, then write the pack into OUT (default DIR/public)
    Build {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Only the web site (HTML pages and what they link)
        #[arg(long)]
        html: bool,
        /// Only the PDFs
        #[arg(long)]
        pdf: bool,
        /// Build only these enterprises (repeatable)
        #[arg(long = "only", value_name = "ENTERPRISE_ID")]
        only: Vec<String>,
        /// Stop on compliance errors too
        #[arg(long)]
        strict: bool,
        /// Build date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)
        #[arg(long)]
        date: Option<String>,
        /// Print nothing but errors
        #[arg(short, long)]
        quiet: bool,
        /// Enterprises (and so typst processes) built at once; default: the number of cores
        #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Build the K-th of N shards of the enterprises (a stable split by id), for CI
        /// matrices; `anquan merge` joins the shards
        #[arg(long, value_name = "K/N", conflicts_with = "only")]
        shard: Option<Shard>,
    },
    /// Join the outputs of `build --shard K/N` into one site, as an unsharded build writes it
    Merge {
        /// The output folder of every shard
        #[arg(required = true, value_name = "SHARD_OUT")]
        shards: Vec<PathBuf>,
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Rebuild what each change touches (HTML first, PDFs after)
    Watch {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
        #[arg(long)]
        date: Option<String>,
        #[arg(short, long)]
        quiet: bool,
    },
    /// Watch, and serve OUT on 127.0.0.1 with live reload
    Serve {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// 0 picks a free port
        #[arg(long, default_value_t = 8000)]
        port: u16,
        #[arg(long)]
        date: Option<String>,
        #[arg(short, long)]
        quiet: bool,
    },
    /// Check the PDF tools: typst and the CJK fonts
    Doctor {
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Validate and run every compliance rule; writes nothing
    Check {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit 1 on warnings too
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Init { dir } => match anquan::init::init(&dir) {
            Ok(files) => {
                println!("wrote {} files into {}", files.len(), dir.display());
                println!("next: anquan build {}", dir.display());
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
            shard,
        } => {
            let date = match date_or_usage(date.as_deref()) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let out = out.unwrap_or_else(|| dir.join("public"));
            // Neither flag means everything.
            let (html, pdf) = if html || pdf {
                (html, pdf)
            } else {
                (true, true)
            };
            let progress = (!quiet).then(|| progress_display(&dir, shard));
            let options = BuildOptions {
                site: dir,
                out: out.clone(),
                only,
                strict,
                date,
                html,
                pdf,
                shard,
                progress: progress.as_ref().map(|p| p.callback()),
            };
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.map_or(0, usize::from))
                .build();
            let result = match pool {
                Ok(pool) => pool.install(|| pipeline::build(&options)),
                Err(err) => return fail(&format!("cannot start worker threads: {err}")),
            };
            match result {
                Ok(report) => {
                    print_findings(&report.findings, quiet);
                    for warning in &report.warnings {
                        eprintln!("warning: {warning}");
                    }
                    if !quiet {
                        let total: f64 = report.timings.iter().map(|t| t.1.as_secs_f64()).sum();
                        let steps: Vec<String> = report
                            .timings
                            .iter()
                            .map(|(s, d)| format!("{s} {:.0} ms", d.as_secs_f64() * 1000.0))
                            .collect();
                        let of_shard = shard.map(|s| format!(" (shard {s})")).unwrap_or_default();
                        println!(
                            "built {} HTML pages, {} PDFs and {} DOCX for {} enterprise(s){} into {} in {:.2} s ({}; DOCX {:.0} ms summed over enterprises)",
                            report.pages,
                            report.pdfs,
                            report.docx,
                            report.enterprises,
                            of_shard,
                            out.display(),
                            total,
                            steps.join(", "),
                            report.docx_time.as_secs_f64() * 1000.0
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(BuildError::Invalid(findings) | BuildError::Strict(findings)) => {
                    print_findings(&findings, false);
                    let errors = findings.iter().filter(|f| f.is_error()).count();
                    fail(&format!(
                        "{errors} error(s); nothing was written, {} is unchanged",
                        out.display()
                    ))
                }
                Err(err @ BuildError::Pdf(_)) => fail(&format!(
                    "{err}\n{} is unchanged; `anquan doctor` checks the PDF tools",
                    out.display()
                )),
                Err(err) => fail(&format!("{err}; {} is unchanged", out.display())),
            }
        }
        Command::Watch {
            dir,
            out,
            date,
            quiet,
        } => watch(dir, out, date, None, quiet),
        Command::Serve {
            dir,
            out,
            port,
            date,
            quiet,
        } => watch(dir, out, date, Some(port), quiet),
        Command::Merge { shards, out } => match anquan::output::merge::merge(&shards, &out) {
            Ok(files) => {
                println!(
                    "merged {} shards into {} ({files} files)",
                    shards.len(),
                    out.display()
                );
                ExitCode::SUCCESS
            }
            Err(err) => fail(&format!("{err}; {} is unchanged", out.display())),
        },
        Command::Doctor { dir } => {
            let report = anquan::doctor::doctor(&dir);
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
            date,
        } => {
            let date = match date_or_usage(date.as_deref()) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let findings = match pipeline::load_checked(&dir, date) {
                Ok((_, findings)) | Err(findings) => findings,
            };
            match format {
                Format::Json => {
                    let json = serde_json::json!({ "findings": findings });
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&json).unwrap_or_default()
                    );
                }
                Format::Text => {
                    print_findings(&findings, false);
                    eprintln!("{}", summary(&findings));
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
    }
}

fn watch(
    dir: PathBuf,
    out: Option<PathBuf>,
    date: Option<String>,
    port: Option<u16>,
    quiet: bool,
) -> ExitCode {
    let date = match date_or_usage(date.as_deref()) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = out.unwrap_or_else(|| dir.join("public"));
    let options = anquan::watch::serve::WatchOptions {
        site: dir,
        out,
        date,
        port,
        quiet,
    };
    match anquan::watch::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&err.to_string()),
    }
}

fn date_or_usage(flag: Option<&str>) -> Result<anquan::site::date::Date, ExitCode> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    anquan::build_date(flag, epoch.as_deref()).map_err(|why| {
        eprintln!("error: {why}");
        ExitCode::from(2)
    })
}

fn print_findings(findings: &[Finding], quiet: bool) {
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
            eprintln!("\x1b[{code}m{f}\x1b[0m");
        } else {
            eprintln!("{f}");
        }
    }
}

/// `N error(s), M warning(s)`, and the notes when there are any.
fn summary(findings: &[Finding]) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let mut line = format!(
        "{} error(s), {} warning(s)",
        count(Severity::Error),
        count(Severity::Warning)
    );
    let notes = count(Severity::Info);
    if notes > 0 {
        line.push_str(&format!(", {notes} note(s)"));
    }
    line
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(1)
}
