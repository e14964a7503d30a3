//! `anquan doctor`: is typst there, in the right version, and are CJK fonts found?
//! Each missing piece comes with the one command that installs it.

use std::fmt::Write;
use std::path::Path;

use crate::render::fonts::FontSet;
use crate::render::typst::{TYPST_VERSION, Typst};

pub struct DoctorReport {
    pub ok: bool,
    pub text: String,
}

pub fn doctor(site_root: &Path) -> DoctorReport {
    let mut text = String::new();
    let mut ok = true;
    let typst = match Typst::locate(std::env::var("ANQUAN_TYPST").ok().as_deref()) {
        Ok(t) => {
            let pinned = if t.version == TYPST_VERSION {
                ""
            } else {
                " (tested with 0.15.1)"
            };
            let _ = writeln!(
                text,
                "ok    typst {} at {}{pinned}",
                t.version,
                t.binary.display()
            );
            Some(t)
        }
        Err(err) => {
            ok = false;
            let _ = writeln!(text, "FAIL  {err}");
            None
        }
    };
    match typst.as_ref().map(|t| FontSet::discover(site_root, t)) {
        Some(Ok(fonts)) => {
            let f = &fonts.families;
            let _ = writeln!(text, "ok    {} CJK font files", fonts.files.len());
            let _ = writeln!(
                text,
                "      title: {}; body: {}; headings: {}; 楷体: {}",
                f.title.join(", "),
                f.body.join(", "),
                f.heading.join(", "),
                f.kai.join(", ")
            );
        }
        Some(Err(err)) => {
            ok = false;
            let _ = writeln!(text, "FAIL  {err}");
        }
        None => {
            let _ = writeln!(text, "skip  fonts: needs typst first");
        }
    }
    DoctorReport { ok, text }
}
