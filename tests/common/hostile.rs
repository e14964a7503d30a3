//! A generated variant of the minimal site for the hostile-input tests (issue 19): the
//! site, a sentinel file outside it that must stay unread and unchanged, and OUT.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use super::{DATE, anquan, copy_site, path, repo};

pub const SECRET: &str = "SENTINEL-7f3a-outside-the-site";

pub struct Hostile {
    pub tmp: tempfile::TempDir,
    pub site: PathBuf,
    pub out: PathBuf,
    pub outside: PathBuf,
}

impl Hostile {
    pub fn new() -> Hostile {
        let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
        let site = tmp.path().join("site");
        let outside = tmp.path().join("outside");
        fs::create_dir_all(&outside).expect("mkdir outside");
        fs::write(outside.join("secret.txt"), SECRET).expect("sentinel");
        let out = tmp.path().join("public");
        Hostile {
            tmp,
            site,
            out,
            outside,
        }
    }

    pub fn enterprise(&self) -> PathBuf {
        self.site.join("enterprises/mini.yaml")
    }

    /// Replaces `from` (which must occur) by `to` in a site file.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let file = self.site.join(rel);
        let text = fs::read_to_string(&file).expect("read site file");
        assert!(text.contains(from), "{rel} has no `{from}`");
        fs::write(&file, text.replacen(from, to, 1)).expect("write site file");
    }

    pub fn check(&self) -> Output {
        anquan(&["check", path(&self.site), "--date", DATE])
    }

    pub fn build(&self, extra: &[&str]) -> Output {
        let mut args = vec![
            "build",
            path(&self.site),
            "-o",
            path(&self.out),
            "--date",
            DATE,
        ];
        args.extend_from_slice(extra);
        anquan(&args)
    }

    /// `anquan check` exits 1 naming each of `needles`, and never shows the sentinel.
    pub fn assert_check_fails(&self, needles: &[&str]) -> String {
        let output = self.check();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(1),
            "check must exit 1:\n{stderr}"
        );
        for needle in needles {
            assert!(stderr.contains(needle), "no `{needle}` in:\n{stderr}");
        }
        self.assert_sentinel_untouched(&output);
        stderr
    }

    pub fn assert_sentinel_untouched(&self, output: &Output) {
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!all.contains(SECRET), "the sentinel was echoed:\n{all}");
        let sentinel = self.outside.join("secret.txt");
        assert_eq!(fs::read_to_string(&sentinel).expect("sentinel"), SECRET);
        let others: Vec<_> = fs::read_dir(&self.outside)
            .expect("outside")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(others.len(), 1, "nothing is written outside: {others:?}");
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[cfg(unix)]
pub fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).expect("symlink");
}
