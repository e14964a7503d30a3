//! The command line's signal handling: an interrupted build leaves no temp or staging
//! folder behind (the library never exits, so this lives with `main`).

use std::path::PathBuf;

/// On SIGINT or SIGTERM, removes this process's typst temp folders and the staging
/// folder beside `out`, then exits (130 or 143, as a shell reports the signal).
pub fn clean_up_on_signals(out: Option<PathBuf>) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        let code = runtime.block_on(interrupted());
        anquan::cleanup::remove_own_temp_dirs();
        if let Some(out) = &out {
            anquan::output::keep::remove_own_staging(out);
        }
        std::process::exit(code);
    });
}

#[cfg(unix)]
async fn interrupted() -> i32 {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => tokio::select! {
            _ = tokio::signal::ctrl_c() => 130,
            _ = term.recv() => 143,
        },
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
            130
        }
    }
}

#[cfg(not(unix))]
async fn interrupted() -> i32 {
    let _ = tokio::signal::ctrl_c().await;
    130
}
