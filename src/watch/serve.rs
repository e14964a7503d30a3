//! The watch loop (notify, debounced) and the HTTP server (axum on 127.0.0.1 with live
//! reload). A broken edit shows its located errors over the last good pages, in the
//! browser and the terminal; the next good edit clears them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use axum::response::Response;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tower_http::services::ServeDir;
use tower_livereload::{LiveReloadLayer, Reloader};

use super::classify::{ChangeSet, classify};
use super::session::{Rebuilt, Session};
use crate::i18n::{Catalog, Lang};
use crate::msg;
use crate::pipeline::BuildError;
use crate::render::blocks_html::escape_into;
use crate::site::date::Date;

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("watching {path}: {source}")]
    Notify {
        path: PathBuf,
        source: notify::Error,
    },
    #[error("serving on 127.0.0.1:{port}: {source}")]
    Bind { port: u16, source: std::io::Error },
    #[error("starting the server: {0}")]
    Runtime(std::io::Error),
}

#[derive(Clone)]
pub struct WatchOptions {
    pub site: PathBuf,
    pub out: PathBuf,
    pub date: Date,
    pub lang: Lang,
    /// `Some` for `serve`: the port (0 picks a free one).
    pub port: Option<u16>,
    pub quiet: bool,
}

/// The located errors of the last failed rebuild, shown over every page until fixed,
/// and a version bumped by every rebuild. Pages poll the version as well as listening
/// for live reload: a reload sent while a page was still loading is not lost.
#[derive(Clone, Default)]
struct Overlay {
    error: Arc<RwLock<Option<String>>>,
    version: Arc<AtomicU64>,
}

impl Overlay {
    fn set(&self, error: Option<String>) {
        if let Ok(mut slot) = self.error.write() {
            *slot = error;
        }
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    fn get(&self) -> Option<String> {
        self.error.read().ok().and_then(|e| e.clone())
    }

    fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }
}

const STATE_PATH: &str = "/__anquan/state";

/// Prints a status line; a closed stdout (a pipe whose reader left) must not stop the
/// watcher, so write errors are ignored.
fn say(line: std::fmt::Arguments) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out
        .write_fmt(line)
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush());
}

fn describe(err: &BuildError, catalog: &Catalog) -> String {
    match err {
        BuildError::Invalid(findings) | BuildError::Strict(findings) => findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.line(catalog))
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

pub fn run(mut options: WatchOptions) -> Result<(), WatchError> {
    // Change events name real paths: a site or OUT given through a link is watched and
    // compared as where it leads, or no edit would be recognized.
    options.site = resolved(&options.site);
    options.out = resolved(&options.out);
    let overlay = Overlay::default();
    let livereload = LiveReloadLayer::new();
    let reloader = livereload.reloader();
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    // Editors that save by writing a temp file and renaming it show up as create/rename
    // events on the directory: watching the whole site recursively catches them.
    let mut debouncer = new_debouncer(Duration::from_millis(60), None, tx).map_err(|source| {
        WatchError::Notify {
            path: options.site.clone(),
            source,
        }
    })?;
    debouncer
        .watch(&options.site, RecursiveMode::Recursive)
        .map_err(|source| WatchError::Notify {
            path: options.site.clone(),
            source,
        })?;

    let worker = {
        let overlay = overlay.clone();
        let options = options.clone();
        std::thread::spawn(move || rebuild_loop(&options, &rx, &overlay, &reloader))
    };
    match options.port {
        Some(port) => serve(&options.out, port, overlay, livereload)?,
        None => {
            let _ = worker.join();
        }
    }
    drop(debouncer);
    Ok(())
}

/// `path` with links resolved, also when its last part does not exist yet.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    match (path.parent().map(Path::canonicalize), path.file_name()) {
        (Some(Ok(parent)), Some(name)) => parent.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

fn rebuild_loop(
    options: &WatchOptions,
    rx: &mpsc::Receiver<DebounceEventResult>,
    overlay: &Overlay,
    reloader: &Reloader,
) {
    let (site, out, quiet) = (options.site.as_path(), options.out.as_path(), options.quiet);
    let catalog = Catalog::new(options.lang);
    let absolute_site = site.canonicalize().unwrap_or_else(|_| site.to_path_buf());
    let absolute_out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let mut session: Option<Session> = None;
    let mut pending = ChangeSet {
        everything: true,
        ..ChangeSet::default()
    };
    loop {
        if !pending.is_empty() {
            let result = match session.as_mut() {
                Some(s) => s.rebuild(&pending),
                None => Session::start(
                    site.to_path_buf(),
                    out.to_path_buf(),
                    options.date,
                    options.lang,
                )
                .map(|(s, rebuilt)| {
                    session = Some(s);
                    rebuilt
                }),
            };
            pending = ChangeSet::default();
            match result {
                Ok(rebuilt) => {
                    overlay.set(None);
                    reloader.reload();
                    if !quiet {
                        let which = match rebuilt.enterprises.len() {
                            0 => catalog.say("watch-index"),
                            1..=4 => rebuilt.enterprises.join(", "),
                            n => catalog.text(&msg!("watch-enterprises", count = n)),
                        };
                        let line = msg!(
                            "watch-rebuilt",
                            which = which,
                            pages = rebuilt.pages,
                            ms = rebuilt.elapsed.as_millis().to_string()
                        );
                        say(format_args!("{}", catalog.text(&line)));
                    }
                    if let Some(s) = session.as_ref() {
                        spawn_pdfs(s, &rebuilt, quiet, options.lang);
                    }
                }
                Err(err) => {
                    let text = describe(&err, &catalog);
                    eprintln!(
                        "{}\nerror: {}",
                        crate::diag::terminal_lines(&text),
                        catalog.say("watch-kept")
                    );
                    // The first line is the overlay's heading, in the user's language.
                    overlay.set(Some(format!("{}\n{text}", catalog.say("overlay-heading"))));
                    reloader.reload();
                }
            }
        }
        let Ok(batch) = rx.recv() else { return };
        // Take everything already queued, so one save is one rebuild.
        for events in std::iter::once(batch).chain(rx.try_iter()) {
            for event in events.into_iter().flatten() {
                // Reading a file (as every rebuild does) is an event too: only writes count.
                if event.kind.is_access()
                    || matches!(
                        event.kind,
                        notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_))
                    )
                {
                    continue;
                }
                for path in &event.paths {
                    let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                    if let Some(change) = classify(&absolute_site, &absolute_out, &path) {
                        pending.add(change);
                    }
                }
            }
        }
    }
}

fn spawn_pdfs(session: &Session, rebuilt: &Rebuilt, quiet: bool, lang: Lang) {
    let job = session.pdf_job(rebuilt);
    let changed = move |count: usize| {
        if !quiet {
            let line = Catalog::new(lang).text(&msg!("watch-pdfs-changed", count = count));
            say(format_args!("{line}"));
        }
    };
    std::thread::spawn(move || match job.run(changed) {
        Ok(Some(written)) if !quiet => {
            let line = Catalog::new(lang).text(&msg!("watch-pdfs", count = written.total));
            say(format_args!("{line}"));
        }
        Ok(_) => {}
        Err(err) => eprintln!("PDF: {}", crate::diag::terminal_lines(&err.to_string())),
    });
}

fn serve(
    out: &Path,
    port: u16,
    overlay: Overlay,
    livereload: LiveReloadLayer,
) -> Result<(), WatchError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(WatchError::Runtime)?;
    runtime.block_on(async move {
        let state = overlay.clone();
        let app = Router::new()
            .route(
                STATE_PATH,
                axum::routing::get(move || async move { state.version().to_string() }),
            )
            .fallback_service(ServeDir::new(out).append_index_html_on_directories(true))
            .layer(middleware::from_fn_with_state(overlay, show_errors))
            .layer(livereload);
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|source| WatchError::Bind { port, source })?;
        let bound = listener.local_addr().map(|a| a.port()).unwrap_or(port);
        say(format_args!(
            "serving http://127.0.0.1:{bound}/ (Ctrl-C to stop)"
        ));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(WatchError::Runtime)
    })
}

/// Whether a segment of a URL path names more than 255 bytes once percent-decoded.
fn has_overlong_segment(path: &str) -> bool {
    path.split('/')
        .any(|segment| segment.len() - 2 * segment.matches('%').count() > 255)
}

/// Puts the located errors over HTML pages (and over a missing page) while they last, and
/// gives every page the version it was served at.
async fn show_errors(State(overlay): State<Overlay>, mut request: Request, next: Next) -> Response {
    // A development server answers afresh: a cached page (304) would hide the overlay
    // and carry an old version.
    if has_overlong_segment(request.uri().path()) {
        // No file has such a name (NAME_MAX is 255 bytes); the file system would answer
        // with an error that the file server turns into a 500.
        return StatusCode::NOT_FOUND.into_response();
    }
    request.headers_mut().remove(header::IF_MODIFIED_SINCE);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let error = overlay.get();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let missing = response.status() == StatusCode::NOT_FOUND && error.is_some();
    if !is_html && !missing {
        return response;
    }
    let version = overlay.version();
    let (mut parts, body) = response.into_parts();
    let page = if is_html {
        axum::body::to_bytes(body, 64 << 20)
            .await
            .unwrap_or_default()
    } else {
        Default::default()
    };
    let page = String::from_utf8_lossy(&page);
    let mut extra = format!(
        "<script>(function(){{var v=\"{version}\";setInterval(function(){{fetch(\"{STATE_PATH}\").then(function(r){{return r.text()}}).then(function(t){{if(t!==v)location.reload()}}).catch(function(){{}})}},1000)}})();</script>"
    );
    if let Some(error) = &error {
        let (heading, details) = error.split_once('\n').unwrap_or((error, ""));
        extra.push_str(
            "<div id=\"anquan-error\" style=\"position:fixed;inset:0 0 auto 0;z-index:9999;max-height:60vh;overflow:auto;background:#7f0000;color:#fff;font:14px/1.5 monospace;padding:1rem 1.5rem;white-space:pre-wrap\"><strong>anquan: ",
        );
        escape_into(heading, &mut extra);
        extra.push_str("</strong>\n");
        escape_into(details, &mut extra);
        extra.push_str("</div>");
    }
    let html = match page.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &page[..at], &page[at..]),
        None => format!(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>anquan</title></head><body>{extra}</body></html>"
        ),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if parts.status == StatusCode::NOT_FOUND {
        parts.status = StatusCode::OK;
    }
    Response::from_parts(parts, Body::from(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_linked_site_is_watched_where_it_leads() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
        let real = real.canonicalize().unwrap();
        assert_eq!(resolved(&dir.path().join("link")), real);
        assert_eq!(
            resolved(&dir.path().join("link/public")),
            real.join("public")
        );
    }

    #[test]
    fn a_segment_past_255_bytes_is_overlong() {
        let long = "a".repeat(256);
        assert!(has_overlong_segment(&format!("/x/{long}")));
        assert!(!has_overlong_segment(&format!("/{}", "a".repeat(255))));
        assert!(!has_overlong_segment(&format!(
            "/{}",
            "%E5%AE%89".repeat(60)
        )));
    }
}
