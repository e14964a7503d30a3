//! `anquan serve` on a free loopback port: an edit shows up in the served page, a broken
//! edit shows its located error over the last good page while the server stays up, and
//! the next good edit clears it.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Kills the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(url: &str) -> Option<String> {
    // Straight to the loopback server, whatever proxy the environment names.
    let agent = ureq::Agent::config_builder()
        .proxy(None)
        .build()
        .new_agent();
    let mut response = agent.get(url).call().ok()?;
    response.body_mut().read_to_string().ok()
}

/// Polls `url` until `ready` holds for its body, for at most ten seconds.
fn wait_for(url: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        if let Some(body) = get(url)
            && ready(&body)
        {
            return body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_reloads_shows_errors_and_recovers() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let mut child = Command::new(env!("CARGO_BIN_EXE_anquan"))
        .args(["serve", path(&site), "--port", "0", "--date", DATE])
        .env("ANQUAN_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start anquan serve");
    let stdout = child.stdout.take().unwrap();
    let _server = Server(child);
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    // Keep reading, as a terminal would: the server's status lines go somewhere.
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .expect("serving line")
        .to_string();
    let page = format!("{base}mini/system-01-responsibility.html");

    wait_for(&page, "the first build", |b| {
        b.contains("金华市最小示例有限公司")
    });
    let file = site.join("enterprises/mini.yaml");
    fs::write(
        &file,
        read(&file).replace("金华市最小示例有限公司", "金华市改名示例有限公司"),
    )
    .unwrap();
    let edited = Instant::now();
    wait_for(&page, "the edit", |b| b.contains("金华市改名示例有限公司"));
    eprintln!("edit shown after {} ms", edited.elapsed().as_millis());

    fs::write(
        &file,
        read(&file).replace("employees: 12", "employees: many"),
    )
    .unwrap();
    let broken = wait_for(&page, "the error overlay", |b| b.contains("anquan-error"));
    assert!(
        broken.contains("enterprises/mini.yaml:6:14 enterprise.employees"),
        "located error"
    );
    assert!(
        broken.contains("金华市改名示例有限公司"),
        "the last good page stays under the overlay"
    );
    assert!(
        get(&format!("{base}index.html")).is_some_and(|b| b.contains("anquan-error")),
        "every page shows it"
    );

    fs::write(
        &file,
        read(&file).replace("employees: many", "employees: 13"),
    )
    .unwrap();
    let fixed = wait_for(&page, "recovery", |b| !b.contains("anquan-error"));
    assert!(fixed.contains("13 人"), "the fixed edit is built");
}
