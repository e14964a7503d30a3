//! Finishes docx-rs's package parts and zips them: paragraph ids (a per-thread
//! counter in docx-rs, so they depend on what the thread built before) are renumbered
//! from 1, header rows are marked to repeat, Normal becomes the default style and the
//! font table names the Chinese faces. The zip is written here, compressed (docx-rs
//! 0.4.22 stores its entries uncompressed), in a fixed order with one fixed timestamp:
//! same parts, same bytes.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// docx-rs has no `w:tblHeader`: header rows are built with `w:cantSplit` (which only
/// they carry), and this adds the repeat mark beside it.
const HEADER_ROW_MARK: &str = "<w:cantSplit />";
const HEADER_ROW: &str = "<w:cantSplit /><w:tblHeader />";
const NORMAL_STYLE: &str = r#"w:type="paragraph" w:styleId="Normal">"#;
const DEFAULT_NORMAL_STYLE: &str = r#"w:type="paragraph" w:styleId="Normal" w:default="1">"#;

/// Patches the parts of one file; `font_table` replaces docx-rs's fixed one.
pub fn finish(xml: &mut XMLDocx, font_table: &str) {
    let mut ids = ParaIds::default();
    xml.document = ids
        .renumber(&xml.document)
        .replace(HEADER_ROW_MARK, HEADER_ROW)
        .into_bytes();
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = ids.renumber(part).into_bytes();
    }
    for part in [&mut xml.footnotes, &mut xml.comments] {
        *part = ids.renumber(part).into_bytes();
    }
    xml.styles = String::from_utf8_lossy(&xml.styles)
        .replacen(NORMAL_STYLE, DEFAULT_NORMAL_STYLE, 1)
        .into_bytes();
    xml.font_table = font_table.as_bytes().to_vec();
}

/// The parts as a DOCX file, in docx-rs's order (the parts anquan never uses, task
/// panes, web extensions and custom XML, are left out).
pub fn zip(xml: XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // The zip epoch, 1980-01-01: the build date shows in the documents themselves.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (kind, bodies, rels) in [
        ("header", xml.headers, xml.header_rels),
        ("footer", xml.footers, xml.footer_rels),
    ] {
        let mut rels = rels.into_iter();
        for (i, body) in bodies.into_iter().enumerate() {
            parts.push((format!("word/{kind}{}.xml", i + 1), body));
            if let Some(rel) = rels.next() {
                parts.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), rel));
            }
        }
    }
    for (name, bytes) in parts {
        zip.start_file(name, options)?;
        zip.write_all(&bytes)?;
    }
    // PNG is deflated already: stored as it is, it costs no second compression.
    let stored = options.compression_method(CompressionMethod::Stored);
    for (name, png) in xml.media {
        zip.start_file(format!("word/media/{name}.png"), stored)?;
        zip.write_all(&png)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Paragraph ids numbered in the order they appear in the file.
#[derive(Default)]
struct ParaIds {
    next: u32,
}

impl ParaIds {
    fn renumber(&mut self, part: &[u8]) -> String {
        let text = String::from_utf8_lossy(part);
        let mut out = String::with_capacity(text.len());
        let mut rest: &str = &text;
        const KEY: &str = "w14:paraId=\"";
        while let Some(start) = rest.find(KEY) {
            let value = start + KEY.len();
            let Some(len) = rest[value..].find('"') else {
                break;
            };
            self.next += 1;
            out.push_str(&rest[..value]);
            out.push_str(&format!("{:08X}", self.next));
            rest = &rest[value + len..];
        }
        out.push_str(rest);
        out
    }
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
    fn paragraph_ids_count_from_one_across_parts() {
        let mut ids = ParaIds::default();
        let a = ids.renumber(br#"<w:p w14:paraId="0000002a"><w:p w14:paraId="00000007">"#);
        let b = ids.renumber(br#"<w:p w14:paraId="00000001">x"#);
        assert_eq!(
            a,
            r#"<w:p w14:paraId="00000001"><w:p w14:paraId="00000002">"#
        );
        assert_eq!(b, r#"<w:p w14:paraId="00000003">x"#);
    }

    #[test]
    fn drops_xml_invalid_characters_only() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\td\u{FFFF}<w:t>"), "abc\td<w:t>");
    }
}
