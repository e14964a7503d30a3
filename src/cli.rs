//! The command line's shape (clap), and its help in the user's language: English from
//! the doc comments, Chinese from the catalogue (`help-*` ids in `locales/zh.ftl`).

pub mod progress;

use std::path::PathBuf;

use anquan::output::shard::Shard;

use anquan::i18n::{Catalog, Lang};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "anquan",
    version,
    about = "安全托管文件包: YAML → the safety-compliance document pack, as HTML and PDF"
)]
pub struct Cli {
    /// Language of messages and help: zh (default) or en; also ANQUAN_LANG
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Scaffold a new site with a complete, valid example enterprise
    Init { dir: PathBuf },
    /// Scaffold enterprises/ID.yaml for a new client: the required keys to fill in
    New {
        id: String,
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
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
        /// Keep PDFs and DOCX across builds in CACHE_DIR (default: DIR/.anquan/cache, or $ANQUAN_CACHE)
        #[arg(long, value_name = "CACHE_DIR", conflicts_with = "no_cache")]
        cache: Option<PathBuf>,
        /// Make every file afresh, neither reading nor writing a cache (or ANQUAN_CACHE=off)
        #[arg(long)]
        no_cache: bool,
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
        /// Also report documents changed since the last release (unreleased-changes)
        #[arg(long)]
        strict: bool,
        #[arg(long)]
        date: Option<String>,
    },
    /// Record a release: documents whose content changed get their next version
    Release {
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Release date YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// A note on the release, added to each revised document's record
        #[arg(long)]
        note: Option<String>,
    },
    /// Print the JSON Schema of anquan.yaml (site) or of an enterprise file, for editors
    Schema {
        #[arg(value_enum)]
        file: SchemaFile,
    },
}

/// Which file `anquan schema` describes.
#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaFile {
    Site,
    Enterprise,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The language before clap parses: `--lang X` / `--lang=X` anywhere, else `ANQUAN_LANG`.
pub fn early_lang(args: &[String]) -> Lang {
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=").or_else(|| {
            (a == "--lang")
                .then(|| args.get(i + 1).map(String::as_str))
                .flatten()
        })
    });
    Lang::choose(flag, std::env::var("ANQUAN_LANG").ok().as_deref())
}

/// Parses the arguments, with help and clap's errors in `lang`.
pub fn parse(args: Vec<String>, lang: Lang) -> Cli {
    let command = localize(Cli::command(), lang);
    let matches = command.get_matches_from(args);
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    }
}

/// (subcommand, argument, catalogue id): the help text of each, in the user's language.
const HELP: &[(&str, &str, &str)] = &[
    ("", "", "help-about"),
    ("", "lang", "help-lang"),
    ("init", "", "help-init"),
    ("new", "", "help-new"),
    ("new", "id", "help-new-id"),
    ("new", "dir", "help-new-dir"),
    ("build", "", "help-build"),
    ("build", "out", "help-out"),
    ("build", "html", "help-build-html"),
    ("build", "pdf", "help-build-pdf"),
    ("build", "only", "help-build-only"),
    ("build", "strict", "help-build-strict"),
    ("build", "date", "help-date"),
    ("build", "quiet", "help-quiet"),
    ("build", "jobs", "help-build-jobs"),
    ("build", "cache", "help-build-cache"),
    ("build", "no_cache", "help-build-no-cache"),
    ("watch", "", "help-watch"),
    ("watch", "out", "help-out"),
    ("watch", "date", "help-date"),
    ("watch", "quiet", "help-quiet"),
    ("serve", "", "help-serve"),
    ("serve", "out", "help-out"),
    ("serve", "port", "help-serve-port"),
    ("serve", "date", "help-date"),
    ("serve", "quiet", "help-quiet"),
    ("doctor", "", "help-doctor"),
    ("build", "shard", "help-build-shard"),
    ("merge", "", "help-merge"),
    ("merge", "shards", "help-merge-shards"),
    ("merge", "out", "help-merge-out"),
    ("check", "", "help-check"),
    ("check", "format", "help-check-format"),
    ("check", "deny_warnings", "help-check-deny-warnings"),
    ("check", "strict", "help-check-strict"),
    ("check", "date", "help-date"),
    ("release", "", "help-release"),
    ("release", "date", "help-release-date"),
    ("release", "note", "help-release-note"),
    ("schema", "", "help-schema"),
    ("schema", "file", "help-schema-file"),
];

fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    let catalog = Catalog::new(lang);
    let say = |id: &'static str| catalog.say(id);
    let mut command = command;
    for (sub, arg, id) in HELP {
        let text = say(id);
        command = match (*sub, *arg) {
            ("", "") => command.about(text),
            ("", arg) => command.mut_arg(arg, |a| a.help(text)),
            (sub, "") => command.mut_subcommand(sub, |c| c.about(text)),
            (sub, arg) => command.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(text))),
        };
    }
    if lang == Lang::En {
        return command;
    }
    command = chinese_frame(command, &catalog);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |c| chinese_frame(c, &catalog));
    }
    command
}

/// clap's own words (usage, headings, the help and version flags) in Chinese.
fn chinese_frame(command: clap::Command, catalog: &Catalog) -> clap::Command {
    let heading = catalog.say("help-heading-options");
    let mut command = command
        .help_template(catalog.say("help-template"))
        .subcommand_help_heading(catalog.say("help-heading-commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(catalog.say("help-help")),
        );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(catalog.say("help-version")),
        );
    }
    command.mut_args(|a| {
        if a.is_positional() {
            a.help_heading(catalog.say("help-heading-arguments"))
        } else {
            a.help_heading(heading.clone())
        }
    })
}
