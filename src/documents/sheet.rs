//! One sheet per board or card: how much the content takes at the A4 design size, how far
//! its type must shrink to fit its print size, and whether that is still readable
//! (`board-overflow`). The PDF and HTML layouts set the type at the scale found here; the
//! PDF also measures what typst laid out and shrinks further if needed, so a board never
//! runs onto a second page.

use crate::documents::model::{
    Block, Document, Inline, Layout, QrCode, Sheet, SignImage, plain_text,
};
use crate::signs::{Sign, sign_svg};
use crate::site::model::{BuildSettings, Paper};

/// The A4 design: 10 mm margins, body text of 12 pt on lines of 6.35 mm, 44 characters
/// across the full width.
pub const BODY_PT: f64 = 12.0;
const MARGIN_MM: f64 = 10.0;
const LINE_MM: f64 = 6.35;
const FULL_LINE: f64 = 44.0;
/// Body text below 五号 (10.5 pt, the smallest body size of printed notices) is too small
/// for a board read on a wall: overflow.
pub const MIN_SCALE: f64 = 10.5 / BODY_PT;
/// Signs 20 mm wide (26 mm high with their text), eight to a row.
const SIGNS_PER_ROW: usize = 8;
const SIGN_ROW_MM: f64 = 29.0;

/// How a board's content fits its sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The type size relative to the A4 design, paper size included.
    pub scale: f64,
    /// The part that takes the most room: its label, how many items, how many lines.
    pub largest: Option<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub label: String,
    pub items: usize,
    pub lines: f64,
}

impl Fit {
    pub fn overflows(&self) -> bool {
        self.scale < MIN_SCALE
    }
}

/// Lines a text takes on lines of `width` characters.
fn lines(text: &str, width: f64) -> f64 {
    let chars = text.chars().count() as f64;
    (chars / width).ceil().max(1.0)
}

fn runs(r: &[Inline]) -> String {
    plain_text(r)
}

/// What one block takes: fixed millimetres (bands, signs) and lines of body text.
fn measure(block: &Block) -> (f64, f64) {
    match block {
        Block::Head { .. } => (32.0, 0.0),
        Block::Band { .. } => (16.0, 0.0),
        Block::Heading { .. } => (0.0, 1.5),
        Block::Paragraph { content } => (0.0, lines(&runs(content), FULL_LINE)),
        Block::List { items, .. } => {
            let text = |item: &Vec<Block>| item.iter().map(measure).map(|(_, l)| l).sum::<f64>();
            (0.0, items.iter().map(text).sum())
        }
        Block::Panel { rows } => (
            0.0,
            rows.iter()
                .map(|(_, v)| lines(&runs(v), FULL_LINE * 0.72) + 0.25)
                .sum(),
        ),
        Block::Table { header, rows } => (0.0, table_lines(header, rows)),
        Block::Signs { signs } => (
            signs.len().div_ceil(SIGNS_PER_ROW) as f64 * SIGN_ROW_MM,
            0.0,
        ),
        Block::Phones { .. } => (28.0, 0.0),
        Block::Signatures { .. } => (0.0, 2.5),
        Block::Cards { cards } => (cards.len().div_ceil(2) as f64 * 40.0, 0.0),
        Block::Figure { .. } => (120.0, 0.0),
        Block::Quote { blocks } | Block::Keep { blocks } => blocks
            .iter()
            .map(measure)
            .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1)),
        Block::Rule => (2.0, 0.0),
    }
}

/// Columns share the width in proportion to their longest cell, as the PDF table does.
fn table_lines(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> f64 {
    let longest: Vec<f64> = (0..header.len())
        .map(|i| {
            std::iter::once(&header[i])
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .map(|c| runs(c).chars().count() as f64)
                .fold(1.0, f64::max)
                .min(30.0)
        })
        .collect();
    let total: f64 = longest.iter().sum();
    let widths: Vec<f64> = longest
        .iter()
        .map(|l| (FULL_LINE * 0.85 * l / total).max(3.0))
        .collect();
    let row_lines = |row: &Vec<Vec<Inline>>| {
        row.iter()
            .zip(&widths)
            .map(|(cell, w)| lines(&runs(cell), *w))
            .fold(1.0, f64::max)
            + 0.3
    };
    row_lines(&header.to_vec()) + rows.iter().map(row_lines).sum::<f64>()
}

/// The fit of `blocks` on `paper`: the whole board scales by k (its width grows by 1/k, so
/// its text takes k times the lines): k·fixed + k²·text ≤ height.
pub fn fit(blocks: &[Block], paper: Paper) -> Fit {
    let (width, height) = paper.mm();
    let factor = width / Paper::A4.mm().0;
    let usable = height / factor - 2.0 * MARGIN_MM;
    let (fixed, text) = blocks
        .iter()
        .map(measure)
        .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
    let text_mm = text * LINE_MM;
    let k = if text_mm <= 0.0 {
        usable / fixed.max(1.0)
    } else {
        (-fixed + (fixed * fixed + 4.0 * text_mm * usable).sqrt()) / (2.0 * text_mm)
    };
    Fit {
        scale: k.min(1.0) * factor,
        largest: largest_part(blocks),
    }
}

/// The section (a heading and what follows it, or a panel row) with the most lines.
fn largest_part(blocks: &[Block]) -> Option<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut label = String::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } => label = runs(content),
            Block::Panel { rows } => parts.extend(rows.iter().map(|(l, v)| Part {
                label: l.clone(),
                items: runs(v).split(['；', '、']).count(),
                lines: lines(&runs(v), FULL_LINE * 0.72),
            })),
            Block::List { items, .. } => parts.push(Part {
                label: label.clone(),
                items: items.len(),
                lines: measure(block).1,
            }),
            Block::Table { rows, .. } => parts.push(Part {
                label: label.clone(),
                items: rows.len(),
                lines: measure(block).1,
            }),
            _ => {}
        }
    }
    parts.into_iter().max_by(|a, b| a.lines.total_cmp(&b.lines))
}

/// Puts a document on one sheet of `paper`, its type set at the scale that fits.
pub fn on_sheet(mut doc: Document, paper: Paper) -> Document {
    let fit = fit(&doc.blocks, paper);
    doc.layout = Layout::Sheet;
    doc.sheet = Some(Sheet {
        paper,
        // At the readable minimum the PDF still shrinks further to stay on one sheet.
        scale: (fit.scale * 1000.0).round() / 1000.0,
    });
    doc
}

/// `build:` settings the boards and cards follow.
#[derive(Debug, Clone, Copy)]
pub struct Print<'a> {
    pub board: Paper,
    pub card: Paper,
    pub base_url: Option<&'a str>,
}

impl<'a> Print<'a> {
    pub fn of(build: &'a BuildSettings) -> Print<'a> {
        Print {
            board: build.board_size.paper(),
            card: build.card_size.paper(),
            base_url: build.base_url.as_deref(),
        }
    }

    /// The foot of a board: its phones, and the QR code of its page when published.
    pub fn phones(&self, enterprise: &str, slug: &str, phones: Vec<(String, String)>) -> Block {
        Block::Phones {
            phones,
            qr: self
                .base_url
                .and_then(|base| qr_code(&page_url(base, enterprise, slug))),
        }
    }
}

/// The signs as blocks, each drawn with its text.
pub fn signs_block(signs: &[&Sign]) -> Block {
    Block::Signs {
        signs: signs
            .iter()
            .map(|s| SignImage {
                text: s.text.to_string(),
                svg: sign_svg(s),
            })
            .collect(),
    }
}

/// The URL of a document's own HTML page: `base_url` + its path relative to OUT.
pub fn page_url(base_url: &str, enterprise: &str, slug: &str) -> String {
    format!(
        "{}/{enterprise}/{slug}.html",
        base_url.trim_end_matches('/')
    )
}

/// A QR code of `url` drawn as vector: one path of unit squares, a four-module quiet zone.
pub fn qr_code(url: &str) -> Option<QrCode> {
    let code =
        qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let side = width + 8;
    let mut path = String::with_capacity(width * width * 8);
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="{side}" height="{side}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#FFFFFF"/><path d="{path}" fill="#000000"/></svg>"##
    );
    Some(QrCode {
        url: url.to_string(),
        svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::blocks::text;

    fn list(n: usize, item: &str) -> Block {
        Block::List {
            ordered: false,
            start: 1,
            items: (0..n)
                .map(|_| {
                    vec![Block::Paragraph {
                        content: text(item),
                    }]
                })
                .collect(),
        }
    }

    #[test]
    fn a_short_board_keeps_the_design_size_and_scales_with_the_paper() {
        let blocks = vec![list(5, "执行冲床安全操作规程")];
        assert_eq!(fit(&blocks, Paper::A4).scale, 1.0);
        assert!((fit(&blocks, Paper::A3).scale - 297.0 / 210.0).abs() < 1e-9);
    }

    #[test]
    fn thirty_long_controls_overflow_a4_and_name_the_list() {
        let item = "作业前检查光电保护装置、双手按钮和急停按钮，确认有效后方可开机作业，严禁短接或拆除安全装置";
        let blocks = vec![
            Block::Head {
                kicker: "岗位安全风险告知卡".into(),
                name: "冲床工".into(),
                level: "一般风险（黄色）".into(),
                fill: "#FFFF00".into(),
                ink: "#000000".into(),
            },
            Block::Heading {
                level: 2,
                content: text("安全操作要点"),
            },
            list(30, item),
            Block::Phones {
                phones: Vec::new(),
                qr: None,
            },
        ];
        let a4 = fit(&blocks, Paper::A4);
        assert!(a4.overflows(), "{a4:?}");
        let part = a4.largest.expect("a part");
        assert_eq!((part.label.as_str(), part.items), ("安全操作要点", 30));
        // The same board on A1 is set larger in absolute terms.
        assert!(fit(&blocks, Paper::A1).scale > a4.scale);
    }

    #[test]
    fn urls_join_and_qr_codes_are_square_paths() {
        let url = page_url("https://ex.cn/packs/", "mini", "post-card-press");
        assert_eq!(url, "https://ex.cn/packs/mini/post-card-press.html");
        let qr = qr_code(&url).expect("encodes");
        assert!(qr.svg.starts_with("<svg") && qr.svg.contains("h1v1h-1z"));
    }
}
