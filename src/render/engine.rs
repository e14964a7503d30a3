//! The two tera environments of a build, made once: one for HTML layouts (HTML-escaped),
//! one for Markdown document bodies (Markdown-escaped, so user text stays literal).
//!
//! Layers: a site file `templates/X` (or `content/X`) is named `X`; the site theme's
//! `themes/T/templates/X` is `theme/X`; the built-in one is `builtin/X`. Tera's fallback
//! prefixes resolve `X` in that order, and a site file can `{% extends "builtin/X" %}`.

use std::io::Write;
use std::path::Path;

use tera::{Context, Tera};

use crate::assets::{self, CONTENT, TEMPLATES};

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("cannot read the site's {folder}: {source}")]
    Read {
        folder: String,
        source: std::io::Error,
    },
    #[error("template `{name}`: {message}")]
    Parse { name: String, message: String },
    #[error("rendering `{name}`: {message}")]
    Render { name: String, message: String },
}

pub struct Engines {
    pub html: Tera,
    pub content: Tera,
}

impl Engines {
    pub fn new(site_root: &Path, theme: &str) -> Result<Engines, TemplateError> {
        let mut html = layered(
            site_root,
            &format!("themes/{theme}/templates"),
            "templates",
            assets::embedded_files(&TEMPLATES),
            &[".html"],
            |_| {},
        )?;
        html.set_escape_fn(tera::escape_html);
        let mut content = layered(
            site_root,
            &format!("themes/{theme}/content"),
            "content",
            assets::embedded_files(&CONTENT),
            &[".md"],
            |tera| {
                tera.register_filter("cn", |n: i64, _: tera::Kwargs, _: &tera::State| {
                    chinese_numeral(n)
                })
            },
        )?;
        content.set_escape_fn(escape_markdown);
        Ok(Engines { html, content })
    }

    pub fn render_html(&self, name: &str, context: &Context) -> Result<String, TemplateError> {
        render(&self.html, name, context)
    }

    pub fn render_content(&self, name: &str, context: &Context) -> Result<String, TemplateError> {
        render(&self.content, name, context)
    }
}

fn render(tera: &Tera, name: &str, context: &Context) -> Result<String, TemplateError> {
    tera.render(name, context)
        .map_err(|e| TemplateError::Render {
            name: name.to_string(),
            message: chain(&e),
        })
}

fn layered(
    root: &Path,
    theme_dir: &str,
    site_dir: &str,
    builtin: Vec<(String, &'static [u8])>,
    escaped: &[&'static str],
    configure: impl FnOnce(&mut Tera),
) -> Result<Tera, TemplateError> {
    let mut tera = Tera::new();
    // Filters must exist before templates are added: tera checks them at parse time.
    configure(&mut tera);
    tera.set_fallback_prefixes(["theme/", "builtin/"])
        .map_err(|e| TemplateError::Parse {
            name: site_dir.to_string(),
            message: chain(&e),
        })?;
    tera.autoescape_on(escaped.to_vec());
    let read = |folder: &str| {
        assets::site_files(root, folder).map_err(|source| TemplateError::Read {
            folder: folder.to_string(),
            source,
        })
    };
    let mut all: Vec<(String, String)> = Vec::new();
    for (rel, bytes) in builtin {
        all.push((
            format!("builtin/{rel}"),
            String::from_utf8_lossy(bytes).into_owned(),
        ));
    }
    for (rel, text) in read(theme_dir)? {
        all.push((format!("theme/{rel}"), text));
    }
    all.extend(read(site_dir)?);
    tera.add_raw_templates(all.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| TemplateError::Parse {
            name: site_dir.to_string(),
            message: chain(&e),
        })?;
    Ok(tera)
}

/// An error with its causes, on one line.
fn chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

/// 1 → 一, 12 → 十二, 25 → 二十五: numbering of （一） headings in official documents.
pub fn chinese_numeral(n: i64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// Backslash-escapes Markdown punctuation so that user text is printed, never interpreted
/// (a name with `*` or `|` must not become emphasis or break a table).
pub fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '<' | '>' | '&' | '~' | '$' | '"' | '\'' => {
                buf.push('\\');
                buf.push(c);
            }
            '\n' | '\r' => buf.push(' '),
            _ => buf.push(c),
        }
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 25, 100]
            .iter()
            .map(|n| chinese_numeral(*n))
            .collect();
        assert_eq!(got, ["一", "九", "十", "十一", "二十", "二十五", "100"]);
    }

    #[test]
    fn markdown_escape_keeps_text_literal() {
        let mut out = Vec::new();
        escape_markdown("*b* | <script> #x", &mut out).unwrap();
        let escaped = String::from_utf8(out).unwrap();
        let blocks =
            crate::documents::markdown::to_blocks(&format!("| a |\n|---|\n| {escaped} |\n"));
        match &blocks[0] {
            crate::documents::model::Block::Table { rows, .. } => {
                assert_eq!(
                    crate::documents::model::plain_text(&rows[0][0]),
                    "*b* | <script> #x"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
