//! Makes docx-rs's zip byte-identical across builds and fills in what the crate does
//! not write: every entry gets one fixed timestamp, paragraph ids (a per-thread counter
//! in docx-rs) are renumbered from 1, and header rows are marked to repeat.

use std::io::{Cursor, Read, Write};

use regex::Regex;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// docx-rs has no `w:tblHeader`: header rows are built with `w:cantSplit` (which only
/// they carry), and this adds the repeat mark beside it.
const HEADER_ROW_MARK: &str = "<w:cantSplit />";
const HEADER_ROW: &str = "<w:cantSplit /><w:tblHeader />";

const NORMAL_STYLE: &str = r#"w:type="paragraph" w:styleId="Normal">"#;
const DEFAULT_NORMAL_STYLE: &str = r#"w:type="paragraph" w:styleId="Normal" w:default="1">"#;

/// Re-packs `raw` (a DOCX from docx-rs) deterministically, with `font_table` as
/// `word/fontTable.xml` (docx-rs writes a fixed one that names no Chinese face).
pub fn normalize(raw: &[u8], font_table: &str) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(raw))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len())));
    // 1980-01-01, the zip epoch: the build date already shows in the document itself.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let para_id = Regex::new(r#"w14:paraId="[0-9A-Fa-f]*""#).map_err(std::io::Error::other)?;
    let mut next_id = 0u32;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name()?.to_string();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes)?;
        if name == "word/fontTable.xml" {
            bytes = font_table.as_bytes().to_vec();
        } else if name == "word/styles.xml"
            && let Ok(text) = std::str::from_utf8(&bytes)
        {
            // docx-rs does not mark Normal as the default paragraph style.
            bytes = text
                .replacen(NORMAL_STYLE, DEFAULT_NORMAL_STYLE, 1)
                .into_bytes();
        } else if name.starts_with("word/")
            && name.ends_with(".xml")
            && let Ok(text) = std::str::from_utf8(&bytes)
        {
            {
                let renumbered = para_id.replace_all(text, |_: &regex::Captures| {
                    next_id += 1;
                    format!(r#"w14:paraId="{next_id:08X}""#)
                });
                bytes = renumbered.replace(HEADER_ROW_MARK, HEADER_ROW).into_bytes();
            }
        }
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Text as XML 1.0 allows it: control characters other than tab and line breaks are
/// dropped (docx-rs escapes `<`, `&` and quotes, but would write these as they are).
pub fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !((c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_xml_invalid_characters_only() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\td\u{FFFF}<w:t>"), "abc\td<w:t>");
    }
}
