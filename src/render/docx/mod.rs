//! The DOCX renderer: each document, and the pack, as a Word file that a client can
//! edit, stamp and file. It walks the same blocks as HTML and PDF; docx-rs writes the
//! OOXML, `package` makes the zip byte-identical.

mod blocks;
mod images;
mod package;
mod page;
mod tables;

use std::path::PathBuf;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, InstrText, LineSpacing, Paragraph, Run, Tab, TabLeaderType,
    TabValueType, TableCell, WidthType,
};

use self::blocks::{Item, Walk};
use self::images::Rasterizer;
use self::package::xml_text;
use self::page::{BODY, FOLIO_SIZE, TABLE_SIZE, TITLE, fonts};
use self::tables::grid;
use crate::documents::model::{Control, Document, Layout};
use crate::render::bundle::{Artifact, Bundle, Format, RenderError, Rendered, Renderer, Target};

#[derive(Debug, thiserror::Error)]
#[error("DOCX of “{document}”: {message}")]
pub struct DocxError {
    document: String,
    message: String,
}

/// What the pack's cover says.
pub struct Cover<'a> {
    pub title: &'a str,
    pub enterprise: &'a str,
    pub agency: &'a str,
    /// The build date, written out (2026年11月23日).
    pub date: &'a str,
}

/// Made once per build: the fonts the drawings are rasterized with.
pub struct DocxRenderer {
    rasterizer: Rasterizer,
    font_files: Vec<PathBuf>,
}

impl Renderer for DocxRenderer {
    fn format(&self) -> Format {
        Format::Docx
    }

    /// The documents, the cover, the pictures and the fonts its drawings use.
    fn cache_key(&self, bundle: &Bundle) -> Option<String> {
        let mut key = crate::cache::KeyBuilder::new("docx");
        key.add("docs", &serde_json::to_vec(bundle.docs).ok()?);
        let config = &bundle.site.loaded.config;
        for part in [&config.build.title, bundle.name(), &config.agency.name] {
            key.add("cover", part.as_bytes());
        }
        key.add("date", bundle.site.date.to_string().as_bytes());
        for (rel, source) in bundle.photos() {
            key.add(&rel, &std::fs::read(source).ok()?);
        }
        for font in &self.font_files {
            key.add_file_identity(font);
        }
        Some(key.finish())
    }

    /// Every document's DOCX, then the pack.
    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let photos = bundle.photos();
        let mut artifacts = Vec::with_capacity(bundle.docs.len() + 1);
        for (n, doc) in bundle.docs.iter().enumerate() {
            artifacts.push(Artifact {
                target: Target::Document(n),
                bytes: self.document(doc, bundle.name(), &photos)?,
            });
        }
        let config = &bundle.site.loaded.config;
        let date = bundle.site.date.chinese();
        let cover = Cover {
            title: &config.build.title,
            enterprise: bundle.name(),
            agency: &config.agency.name,
            date: &date,
        };
        artifacts.push(Artifact {
            target: Target::Pack,
            bytes: self.pack(&cover, bundle.docs, &photos)?,
        });
        Ok(Rendered::of(artifacts))
    }
}

impl DocxRenderer {
    pub fn new(font_files: &[PathBuf]) -> DocxRenderer {
        DocxRenderer {
            rasterizer: Rasterizer::new(font_files),
            font_files: font_files.to_vec(),
        }
    }

    /// One document as a DOCX file. `photos` maps site-relative paths to files.
    pub fn document(
        &self,
        doc: &Document,
        enterprise: &str,
        photos: &[(String, PathBuf)],
    ) -> Result<Vec<u8>, DocxError> {
        let items = self.items(doc, enterprise, photos, None);
        let docx = items.into_iter().fold(new_docx(), add_item);
        pack_bytes(page::last_section(docx, doc.layout), &doc.title)
    }

    /// Every document in one file: a cover, a table of contents (a TOC field, listed
    /// already so that it reads before Word updates it), each document in its own
    /// section, on its own page size.
    pub fn pack(
        &self,
        cover: &Cover,
        docs: &[Document],
        photos: &[(String, PathBuf)],
    ) -> Result<Vec<u8>, DocxError> {
        let mut docx = new_docx();
        let mut section = page::cover_section();
        for paragraph in cover_page(cover) {
            section = section.add_paragraph(paragraph);
        }
        docx = docx.add_section(section);
        for paragraph in contents(docs) {
            docx = docx.add_paragraph(paragraph);
        }
        let mut layout = Layout::Portrait;
        for (n, doc) in docs.iter().enumerate() {
            // Each section's properties close it: the page before a document is set by
            // the section that ends there.
            let items = self.items(doc, cover.enterprise, photos, Some(n));
            if n == 0 {
                docx = docx.add_section(page::section(Layout::Portrait));
            }
            if n + 1 < docs.len() {
                let mut section = page::section(doc.layout);
                for item in items {
                    section = match item {
                        Item::Paragraph(p) => section.add_paragraph(*p),
                        Item::Table(t) => section.add_table(*t),
                    };
                }
                docx = docx.add_section(section);
            } else {
                docx = items.into_iter().fold(docx, add_item);
            }
            layout = doc.layout;
        }
        pack_bytes(page::last_section(docx, layout), cover.title)
    }

    /// The head (enterprise, title, control block or date) and the body of a document;
    /// `in_pack` numbers the title's bookmark for the table of contents.
    fn items(
        &self,
        doc: &Document,
        enterprise: &str,
        photos: &[(String, PathBuf)],
        in_pack: Option<usize>,
    ) -> Vec<Item> {
        let mut walk = Walk {
            layout: doc.layout,
            rasterizer: &self.rasterizer,
            photos,
            pictures: 0,
            items: Vec::new(),
        };
        // A board or card names its enterprise and date at its foot, as the PDF does,
        // leaving the sheet's height to the band, the signs and the measures.
        let sheet = doc.layout == Layout::Sheet;
        if !page::one_sheet(doc.layout) {
            walk.items
                .push(Item::Paragraph(Box::new(centred(enterprise, FOLIO_SIZE))));
        }
        let sizes = page::type_sizes(doc.layout);
        let mut title = Paragraph::new().style("Title");
        if sheet {
            title = title.line_spacing(LineSpacing::new().before(0).after(120));
        }
        let mut title = title.add_run(Run::new().add_text(xml_text(&doc.title)).size(sizes.title));
        if let Some(n) = in_pack {
            title = title
                .add_bookmark_start(n + 1, bookmark(n))
                .add_bookmark_end(n + 1);
        }
        walk.items.push(Item::Paragraph(Box::new(title)));
        if let Some(control) = &doc.control {
            walk.items
                .push(Item::Table(Box::new(control_table(control, doc.layout))));
        }
        let date_line = |text: &str| {
            let paragraph = Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(xml_text(text)).size(sizes.table));
            Item::Paragraph(Box::new(paragraph))
        };
        let dated = doc
            .control
            .is_none()
            .then_some(doc.date_line.as_deref())
            .flatten();
        if let (Some(line), false) = (dated, sheet) {
            walk.items.push(date_line(line));
        }
        walk.blocks(&doc.blocks);
        if let (Some(line), true) = (dated, sheet) {
            walk.items.push(date_line(&format!("{enterprise}　{line}")));
        }
        // A file or section must not end on a table; after a paragraph an empty one
        // would only push a full sheet onto a second page.
        if !matches!(walk.items.last(), Some(Item::Paragraph(_))) {
            walk.items.push(Item::Paragraph(Box::default()));
        }
        walk.items
    }
}

/// 目录: a TOC field over the documents' titles (style Title), its entries written
/// already (Word refreshes the page numbers; LibreOffice fills them on opening). Each
/// field character is a run of its own, as Word writes them.
fn contents(docs: &[Document]) -> Vec<Paragraph> {
    let field = |kind| Run::new().add_field_char(kind, false);
    let instr = |text: String| Run::new().add_instr_text(InstrText::Unsupported(text));
    let heading = Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text("目　录"));
    let mut paragraphs = vec![heading];
    let tab = Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(page::text_width(Layout::Portrait));
    for (n, doc) in docs.iter().enumerate() {
        let mut entry = Paragraph::new().add_tab(tab.clone());
        if n == 0 {
            entry = entry
                .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
                .add_run(instr(r#"TOC \h \z \t "Title,1""#.to_string()))
                .add_run(field(FieldCharType::Separate));
        }
        entry = entry
            .add_run(Run::new().add_text(xml_text(&doc.title)))
            .add_run(Run::new().add_tab())
            .add_run(field(FieldCharType::Begin))
            .add_run(instr(format!("PAGEREF {} \\h", bookmark(n))))
            .add_run(field(FieldCharType::Separate))
            .add_run(field(FieldCharType::End));
        paragraphs.push(entry);
    }
    paragraphs.push(Paragraph::new().add_run(field(FieldCharType::End)));
    paragraphs
}

fn bookmark(n: usize) -> String {
    format!("_Toc_doc{:03}", n + 1)
}

fn new_docx() -> Docx {
    // docProps carry no time of their own: a fixed date keeps builds identical.
    page::styles(Docx::new())
        .created_at("2000-01-01T00:00:00Z")
        .updated_at("2000-01-01T00:00:00Z")
}

fn add_item(docx: Docx, item: Item) -> Docx {
    match item {
        Item::Paragraph(p) => docx.add_paragraph(*p),
        Item::Table(t) => docx.add_table(*t),
    }
}

fn centred(text: &str, size: usize) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(
        Run::new()
            .add_text(xml_text(text))
            .size(size)
            .fonts(fonts(&BODY)),
    )
}

/// The pack's cover: enterprise, title, agency and date, no folio.
fn cover_page(cover: &Cover) -> Vec<Paragraph> {
    let gap = |twips: u32| Paragraph::new().line_spacing(docx_rs::LineSpacing::new().before(twips));
    vec![
        gap(2400),
        centred(cover.enterprise, 36),
        gap(600),
        Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new()
                .add_text(xml_text(cover.title))
                .size(72)
                .bold()
                .fonts(fonts(&TITLE)),
        ),
        gap(5000),
        centred(cover.agency, 32),
        centred(cover.date, FOLIO_SIZE),
    ]
}

/// 文件编号, 版本, 编制/审核/批准, 发布/实施日期 as a real four-column table.
fn control_table(c: &Control, layout: Layout) -> docx_rs::Table {
    let total = page::text_width(layout);
    let widths = vec![total / 6, total / 3, total / 6, total - total * 2 / 3];
    let cell = |text: &str, column: usize| {
        TableCell::new()
            .add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(xml_text(text)).size(TABLE_SIZE)),
            )
            .width(widths[column], WidthType::Dxa)
    };
    let (issued, effective) = (c.issued_on.to_string(), c.effective_on.to_string());
    let rows = [
        ["文件编号", c.number.as_str(), "版本", c.version.as_str()],
        ["编制", &c.prepared_by, "审核", &c.reviewed_by],
        ["批准", &c.approved_by, "发布日期", &issued],
        ["实施日期", &effective, "受控状态", "受控"],
    ]
    .iter()
    .map(|row| row.iter().enumerate().map(|(i, t)| cell(t, i)).collect())
    .collect();
    grid(None, rows, widths.clone())
}

fn pack_bytes(docx: Docx, title: &str) -> Result<Vec<u8>, DocxError> {
    let mut xml = docx.build();
    package::finish(&mut xml, &page::font_table_xml());
    package::zip(xml).map_err(|err| DocxError {
        document: title.to_string(),
        message: err.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::documents::model::{Block, Inline, Kind};

    #[test]
    fn hostile_text_is_escaped_and_control_characters_dropped() {
        let hostile = "<w:t>]]>&amp;\u{1}\u{1b}甲";
        let doc = Document {
            kind: Kind::System,
            title: hostile.to_string(),
            enterprise: None,
            slug: "x".to_string(),
            control: None,
            layout: Layout::Portrait,
            members: Vec::new(),
            date: None,
            date_line: None,
            sheet: None,
            blocks: vec![Block::Paragraph {
                content: vec![Inline::text(hostile)],
            }],
        };
        let bytes = DocxRenderer::new(&[]).document(&doc, hostile, &[]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.unwrap())).unwrap();
        let mut xml = String::new();
        let mut part = zip.by_name("word/document.xml").unwrap();
        part.read_to_string(&mut xml).unwrap();
        assert!(xml.contains("&lt;w:t&gt;]]&gt;&amp;amp;甲"), "{xml:.2000}");
        assert!(!xml.contains('\u{1}') && !xml.contains('\u{1b}'));
        assert!(!xml.contains("<w:t>]]>"));
        drop(part);
        // Determinism: no entry carries the time it was written.
        for i in 0..zip.len() {
            let entry = zip.by_index(i).unwrap();
            let stamp = entry
                .last_modified()
                .map(|t| (t.year(), t.month(), t.day()));
            assert_eq!(stamp, Some((1980, 1, 1)), "{:?}", entry.name());
        }
    }
}
