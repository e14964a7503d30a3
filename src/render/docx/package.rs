//! Finishes docx-rs's package parts before they are zipped: paragraph ids (a
//! per-thread counter in docx-rs, so they depend on what the thread built before) are
//! renumbered from 1, header rows are marked to repeat, Normal becomes the default
//! style and the font table names the Chinese faces. docx-rs zips with zip 8 without
//! its `time` feature, so every entry carries the fixed 1980-01-01 timestamp (a test
//! below checks it): same parts, same bytes.

use docx_rs::XMLDocx;

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
