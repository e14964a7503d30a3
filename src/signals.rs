//! The command line's signal handling: an interrupted build leaves no temp or staging
//! folder behind (the library never exits, so this lives with `main`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set when a signal arrived: the process then ends from the signal's thread, once it
/// has cleaned up, and not from `main` (whose build may fail meanwhile, its folders gone).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

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
        INTERRUPTED.store(true, Ordering::SeqCst);
        // The build's threads run on while this one cleans up: one may be filling a
        // folder just removed, and make it again. Remove until a round finds none.
        for _ in 0..20 {
            let mut removed = anquan::cleanup::remove_own_temp_dirs();
            if let Some(out) = &out {
                removed += anquan::output::keep::remove_own_staging(out);
            }
            if removed == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        std::process::exit(code);
    });
}

/// Called by `main` before it returns: after a signal, waits for the signal's thread to
/// finish cleaning up and end the process with the signal's status.
pub fn wait_if_interrupted() {
    if INTERRUPTED.load(Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
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
