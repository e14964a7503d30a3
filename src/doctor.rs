//! `anquan doctor`: is typst there, in the right version, and are CJK fonts found?
//! Each missing piece comes with the one command that installs it.

use std::fmt::Write;
use std::path::Path;

use crate::i18n::Catalog;
use crate::msg;
use crate::render::fonts::FontSet;
use crate::render::typst::{TYPST_VERSION, Typst};

pub struct DoctorReport {
    pub ok: bool,
    pub text: String,
}

pub fn doctor(site_root: &Path, catalog: &Catalog) -> DoctorReport {
    let mut text = String::new();
    let mut ok = true;
    let typst = match Typst::locate(std::env::var("ANQUAN_TYPST").ok().as_deref()) {
        Ok(t) => {
            let pinned = if t.version == TYPST_VERSION {
                String::new()
            } else {
                catalog.text(&msg!("doctor-typst-untested", tested = TYPST_VERSION))
            };
            let found = msg!(
                "doctor-typst",
                version = t.version.as_str(),
                path = t.binary.display().to_string()
            );
            let _ = writeln!(text, "ok    {}{pinned}", catalog.text(&found));
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
            let count = msg!("doctor-fonts", count = fonts.files.len());
            let faces = msg!(
                "doctor-faces",
                title = f.title.join(", "),
                body = f.body.join(", "),
                heading = f.heading.join(", "),
                kai = f.kai.join(", ")
            );
            let _ = writeln!(text, "ok    {}", catalog.text(&count));
            let _ = writeln!(text, "      {}", catalog.text(&faces));
        }
        Some(Err(err)) => {
            ok = false;
            let _ = writeln!(text, "FAIL  {err}");
        }
        None => {
            let _ = writeln!(text, "skip  {}", catalog.say("doctor-fonts-skipped"));
        }
    }
    DoctorReport { ok, text }
}
