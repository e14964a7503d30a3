//! The build's progress display (command line only).

use std::io::IsTerminal;

use anquan::i18n::Catalog;
use anquan::msg;
use anquan::output::shard::Shard;

/// Build progress: an indicatif bar on a terminal once a build takes over a second,
/// plain lines otherwise.
pub struct ProgressDisplay {
    bar: indicatif::ProgressBar,
    terminal: bool,
}

pub fn progress_display(
    dir: &std::path::Path,
    shard: Option<Shard>,
    catalog: &Catalog,
) -> ProgressDisplay {
    let total = std::fs::read_dir(dir.join("enterprises"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| {
                    let path = e.path();
                    path.extension().is_some_and(|x| x == "yaml" || x == "yml")
                        && path
                            .file_stem()
                            .and_then(|id| id.to_str())
                            .is_some_and(|id| shard.is_none_or(|s| s.contains(id)))
                })
                .count()
        })
        .unwrap_or(0);
    let bar = indicatif::ProgressBar::hidden();
    bar.set_length(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(&catalog.say("progress-bar")) {
        bar.set_style(style.progress_chars("=> "));
    }
    ProgressDisplay {
        bar,
        terminal: std::io::stderr().is_terminal(),
    }
}

impl ProgressDisplay {
    pub fn callback(&self, catalog: &Catalog) -> anquan::pipeline::Progress {
        let bar = self.bar.clone();
        let lang = catalog.lang();
        let terminal = self.terminal;
        let started = std::time::Instant::now();
        std::sync::Arc::new(move |id: &str| {
            if terminal {
                if bar.is_hidden() && started.elapsed().as_secs_f64() > 1.0 {
                    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                }
                bar.set_message(id.to_string());
                bar.inc(1);
            } else {
                let line = Catalog::new(lang).text(&msg!("progress-built", id = id));
                eprintln!("{}", anquan::diag::terminal_safe(&line));
            }
        })
    }
}

impl Drop for ProgressDisplay {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
