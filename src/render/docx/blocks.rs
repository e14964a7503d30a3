//! Blocks → Word paragraphs and tables: the same walk as `blocks_html` and the typst
//! `blocks`. Every string passes `xml_text`; docx-rs escapes the rest.

use std::path::PathBuf;

use docx_rs::{
    AlignmentType, BreakType, LineSpacing, Paragraph, Run, Shading, ShdType, Table, TableCell,
    WidthType,
};

use super::images::{Rasterizer, photo_png, picture};
use super::package::xml_text;
use super::page::{self, HEADING, TypeSizes, fonts};
use super::tables::{column_widths, grid, lengths};
use crate::documents::model::{Block, Inline, Layout, PersonCard};

mod keep;
mod sheet;

/// A body element of a file or a pack section.
pub enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// A heading on a board or card: 6 pt before, 3 pt after, single line.
fn sheet_heading_spacing() -> LineSpacing {
    LineSpacing::new()
        .before(120)
        .after(60)
        .line(240)
        .line_rule(docx_rs::LineSpacingType::Auto)
}

/// Header cells and panel labels: a light grey ground.
const HEADER_FILL: &str = "EDEDED";

/// The state of one file's walk: its layout, pictures so far, where photos are.
pub struct Walk<'a> {
    pub layout: Layout,
    pub rasterizer: &'a Rasterizer,
    /// Site-relative photo path → file.
    pub photos: &'a [(String, PathBuf)],
    /// Pictures placed so far (their ids must be unique in the file).
    pub pictures: usize,
    pub items: Vec<Item>,
}

/// Type of a run: the size, and bold or italic as the inline runs say.
#[derive(Clone, Copy)]
struct Ink {
    size: usize,
    bold: bool,
    italic: bool,
}

impl Ink {
    fn plain(size: usize) -> Ink {
        Ink {
            size,
            bold: false,
            italic: false,
        }
    }
}

fn run(text: &str, ink: Ink) -> Run {
    let mut run = Run::new().add_text(xml_text(text)).size(ink.size);
    if ink.bold {
        run = run.bold();
    }
    if ink.italic {
        run = run.italic();
    }
    run
}

/// A colour given as `#RRGGBB`, as Word writes it; anything else is no colour.
fn hex(colour: &str) -> Option<String> {
    let digits = colour.strip_prefix('#')?;
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| digits.to_ascii_uppercase())
}

fn shading(fill: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill)
}

fn add_inlines(mut paragraph: Paragraph, runs: &[Inline], ink: Ink) -> Paragraph {
    for inline in runs {
        paragraph = match inline {
            Inline::Text { text } | Inline::Code { text } => paragraph.add_run(run(text, ink)),
            Inline::Strong { content } => {
                add_inlines(paragraph, content, Ink { bold: true, ..ink })
            }
            Inline::Emph { content } => add_inlines(
                paragraph,
                content,
                Ink {
                    italic: true,
                    ..ink
                },
            ),
            Inline::Break => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Inline::Badge {
                text,
                fill,
                ink: colour,
            } => {
                let mut badge = run(&format!(" {text} "), ink);
                if let Some(fill) = hex(fill) {
                    badge = badge.shading(shading(&fill));
                }
                if let Some(colour) = hex(colour) {
                    badge = badge.color(colour);
                }
                paragraph.add_run(badge)
            }
        };
    }
    paragraph
}

/// A body paragraph: two characters of first-line indent, as the PDF sets it.
fn body_paragraph(runs: &[Inline], ink: Ink) -> Paragraph {
    add_inlines(
        Paragraph::new()
            .first_line_chars(200)
            .line_spacing(LineSpacing::new().after(80)),
        runs,
        ink,
    )
}

fn cell_paragraph(runs: &[Inline], ink: Ink) -> Paragraph {
    add_inlines(Paragraph::new(), runs, ink)
}

fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph)
        .width(width, WidthType::Dxa)
}

impl Walk<'_> {
    fn sizes(&self) -> TypeSizes {
        page::type_sizes(self.layout)
    }

    fn is_sheet(&self) -> bool {
        page::one_sheet(self.layout)
    }

    fn body_ink(&self) -> Ink {
        Ink::plain(self.sizes().body)
    }

    fn table_ink(&self) -> Ink {
        Ink::plain(self.sizes().table)
    }

    pub fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn paragraph(&mut self, paragraph: Paragraph) {
        self.items.push(Item::Paragraph(Box::new(paragraph)));
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, content } => {
                // Body headings start at level 2 (the title is the document's).
                let style = match level {
                    0..=2 => "Heading1",
                    3 => "Heading2",
                    _ => "Heading3",
                };
                let ink = Ink::plain(self.sizes().heading);
                let mut paragraph = Paragraph::new().style(style);
                if self.is_sheet() {
                    // Single-spaced on a sheet: the style's 1.5 lines would push it over.
                    paragraph = paragraph.line_spacing(sheet_heading_spacing());
                }
                let paragraph = add_inlines(paragraph, content, ink);
                self.paragraph(paragraph.keep_next(true));
            }
            Block::Paragraph { content } => {
                self.paragraph(body_paragraph(content, self.body_ink()))
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items),
            Block::Table { header, rows } => self.table(header, rows),
            Block::Quote { blocks } => self.blocks(blocks),
            Block::Rule => self.paragraph(Paragraph::new()),
            Block::Figure { svg, caption } => self.figure(svg, caption),
            Block::Panel { rows } => self.panel(rows),
            Block::Band { text, fill, ink } => self.band(text, fill, ink),
            Block::Signatures { labels } => self.signatures(labels),
            Block::Keep { blocks } => self.keep(blocks),
            Block::Cards { cards } => self.cards(cards),
            Block::Head {
                kicker,
                name,
                level,
                fill,
                ink,
            } => self.head(kicker, name, level, fill, ink),
            Block::Signs { signs } => self.signs(signs),
            Block::Phones { phones, qr } => self.phones(phones, qr.as_ref()),
        }
    }

    /// Numbers as text ("3." or "•"), so an ordered list keeps its `start`.
    fn list(&mut self, ordered: bool, start: u64, items: &[Vec<Block>]) {
        for (n, item) in items.iter().enumerate() {
            let marker = if ordered {
                format!("{}. ", start + n as u64)
            } else {
                "• ".to_string()
            };
            let (first, rest) = match item.split_first() {
                Some((Block::Paragraph { content }, rest)) => (content.as_slice(), rest),
                _ => (&[][..], item.as_slice()),
            };
            let paragraph = Paragraph::new()
                .indent(
                    Some(640),
                    Some(docx_rs::SpecialIndentType::Hanging(320)),
                    None,
                    None,
                )
                .add_run(run(&marker, self.body_ink()));
            self.paragraph(add_inlines(paragraph, first, self.body_ink()));
            self.blocks(rest);
        }
    }

    fn table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let mut lens = vec![lengths(header)];
        lens.extend(rows.iter().map(|r| lengths(r)));
        let widths = column_widths(&lens, page::text_width(self.layout));
        let width = |i: usize| widths.get(i).copied().unwrap_or(0);
        let head = header
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let ink = Ink {
                    bold: true,
                    ..self.table_ink()
                };
                cell(
                    cell_paragraph(c, ink).align(AlignmentType::Center),
                    width(i),
                )
                .shading(shading(HEADER_FILL))
            })
            .collect();
        let body = rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(i, c)| cell(cell_paragraph(c, self.table_ink()), width(i)))
                    .collect()
            })
            .collect();
        self.items
            .push(Item::Table(Box::new(grid(Some(head), body, widths))));
    }

    fn figure(&mut self, svg: &str, caption: &str) {
        let width = page::text_width_mm(self.layout);
        // The height left on a page under the title: the map stays on one page.
        let max_height = if self.layout == Layout::Landscape {
            105.0
        } else {
            180.0
        };
        if let Some(png) = self.rasterizer.svg_png(svg, width) {
            self.pictures += 1;
            let pic = picture(png, self.pictures, width, max_height);
            self.paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_image(pic)),
            );
        }
        let caption = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run(caption, self.table_ink()));
        self.paragraph(caption);
    }

    fn panel(&mut self, rows: &[(String, Vec<Inline>)]) {
        let total = page::text_width(self.layout);
        let widths = vec![total / 4, total - total / 4];
        let label_ink = Ink {
            bold: true,
            ..self.table_ink()
        };
        let cells = rows
            .iter()
            .map(|(label, value)| {
                vec![
                    cell(cell_paragraph(&[Inline::text(label)], label_ink), widths[0])
                        .shading(shading(HEADER_FILL)),
                    cell(cell_paragraph(value, self.table_ink()), widths[1]),
                ]
            })
            .collect();
        self.items
            .push(Item::Table(Box::new(grid(None, cells, widths))));
    }

    /// A one-cell table in the level's colour: the head of a board or card.
    fn band(&mut self, text: &str, fill: &str, ink: &str) {
        let mut text_run = run(
            text,
            Ink {
                bold: true,
                ..self.body_ink()
            },
        )
        .fonts(fonts(&HEADING));
        if let Some(colour) = hex(ink) {
            text_run = text_run.color(colour);
        }
        let width = page::text_width(self.layout);
        let band = cell(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text_run),
            width,
        );
        self.full_width_cell(band, fill, width);
    }

    /// One cell across the text block, on the given fill colour.
    fn full_width_cell(&mut self, mut band: TableCell, fill: &str, width: usize) {
        if let Some(fill) = hex(fill) {
            band = band.shading(shading(&fill));
        }
        self.items.push(Item::Table(Box::new(grid(
            None,
            vec![vec![band]],
            vec![width],
        ))));
    }

    /// 签字：________  日期：________ on one line, editable.
    fn signatures(&mut self, labels: &[String]) {
        let before = if self.is_sheet() { 60 } else { 480 };
        let mut paragraph = Paragraph::new().line_spacing(LineSpacing::new().before(before));
        for (i, label) in labels.iter().enumerate() {
            if i > 0 {
                paragraph = paragraph.add_run(run("　　", self.body_ink()));
            }
            paragraph = paragraph
                .add_run(run(&format!("{label}："), self.body_ink()))
                .add_run(run("　　　　　　", self.body_ink()).underline("single"));
        }
        self.paragraph(paragraph);
    }

    /// One row per person: the photo (or an empty 照片 box) beside the label lines.
    fn cards(&mut self, cards: &[PersonCard]) {
        let total = page::text_width(self.layout);
        let widths = vec![total * 2 / 7, total - total * 2 / 7];
        let mut rows = Vec::with_capacity(cards.len());
        for card in cards {
            let png = card.photo.as_deref().and_then(|rel| {
                let (_, file) = self.photos.iter().find(|(r, _)| r == rel)?;
                photo_png(file)
            });
            let photo = match png {
                Some(png) => {
                    self.pictures += 1;
                    let pic = picture(png, self.pictures, 25.0, 33.0);
                    Paragraph::new().add_run(Run::new().add_image(pic))
                }
                None => cell_paragraph(&[Inline::text("照片")], self.table_ink()),
            };
            let mut lines = TableCell::new().width(widths[1], WidthType::Dxa);
            for (label, value) in &card.lines {
                let label = run(
                    &format!("{label}："),
                    Ink {
                        bold: true,
                        ..self.table_ink()
                    },
                );
                lines = lines.add_paragraph(
                    Paragraph::new()
                        .add_run(label.fonts(fonts(&HEADING)))
                        .add_run(run(value, self.table_ink())),
                );
            }
            let photo = cell(photo.align(AlignmentType::Center), widths[0]);
            rows.push(vec![photo, lines]);
        }
        self.items
            .push(Item::Table(Box::new(grid(None, rows, widths))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hex_colours_reach_the_file() {
        assert_eq!(hex("#e53935"), Some("E53935".to_string()));
        assert_eq!(hex("red\"/><w:t>"), None);
    }
}
