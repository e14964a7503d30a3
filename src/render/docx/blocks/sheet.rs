//! The blocks of a board or card (`Layout::Sheet`) in Word: the head band, the row of
//! safety signs as pictures with their text, and the emergency phones with the QR code.
//! Word has no "fit one sheet": these stay editable and flow like the rest, in the
//! smaller type of `page::type_sizes`, signs eight to a row and the phones in one row,
//! so that a usual board or card prints on one page from Word too.

use docx_rs::{AlignmentType, Paragraph, Run};

use super::*;
use crate::documents::model::{QrCode, SignImage};

/// Signs per row, each about 23 mm wide on an A4 text block: a board's usual seven or
/// eight signs take one row, as on the PDF.
const SIGNS_PER_ROW: usize = 8;
const SIGN_MM: f64 = 18.0;
const QR_MM: f64 = 24.0;

impl Walk<'_> {
    /// A one-cell table in the level's colour: what the board is, the name large, the level.
    pub(super) fn head(&mut self, kicker: &str, name: &str, level: &str, fill: &str, ink: &str) {
        let line = |text: &str, size: usize| {
            let mut r = run(
                text,
                Ink {
                    size,
                    bold: true,
                    italic: false,
                },
            )
            .fonts(fonts(&HEADING));
            if let Some(colour) = hex(ink) {
                r = r.color(colour);
            }
            Paragraph::new().align(AlignmentType::Center).add_run(r)
        };
        let width = page::text_width(self.layout);
        let body = self.sizes().body;
        let band = cell(line(kicker, body), width)
            .add_paragraph(line(name, body * 2))
            .add_paragraph(line(level, body));
        self.full_width_cell(band, fill, width);
    }

    /// The signs in rows of six, each its pictogram with its text.
    pub(super) fn signs(&mut self, signs: &[SignImage]) {
        let width = page::text_width(self.layout) / SIGNS_PER_ROW;
        let rows: Vec<Vec<TableCell>> = signs
            .chunks(SIGNS_PER_ROW)
            .map(|chunk| {
                let mut row: Vec<TableCell> = chunk
                    .iter()
                    // The sign's SVG carries its text under the pictogram (GB 2894).
                    .map(|sign| cell(self.picture_paragraph(&sign.svg, SIGN_MM), width))
                    .collect();
                // Full rows keep the grid square.
                row.resize_with(SIGNS_PER_ROW, || cell(Paragraph::new(), width));
                row
            })
            .collect();
        if !rows.is_empty() {
            self.items.push(Item::Table(Box::new(grid(
                None,
                rows,
                vec![width; SIGNS_PER_ROW],
            ))));
        }
    }

    /// The emergency numbers in one row of cells, label over number in large type (the
    /// PDF's phone band), the QR code of the board's page in the last cell, its URL under.
    pub(super) fn phones(&mut self, phones: &[(String, String)], qr: Option<&QrCode>) {
        let large = Ink {
            size: self.sizes().body * 3 / 2,
            bold: true,
            italic: false,
        };
        let total = page::text_width(self.layout);
        let qr_width = if qr.is_some() {
            page::twips(QR_MM + 8.0) as usize
        } else {
            0
        };
        // The enterprise's own number is the long one: two shares of the row.
        let shares = phones.len() + 1;
        let share = (total - qr_width) / shares.max(1);
        let mut widths: Vec<usize> = (0..phones.len())
            .map(|i| if i == 0 { share * 2 } else { share })
            .collect();
        let mut row: Vec<TableCell> = phones
            .iter()
            .zip(&widths)
            .map(|((label, number), width)| {
                cell(
                    Paragraph::new().add_run(run(label, self.table_ink())),
                    *width,
                )
                .add_paragraph(Paragraph::new().add_run(run(number, large)))
            })
            .collect();
        if let Some(qr) = qr {
            row.push(cell(self.picture_paragraph(&qr.svg, QR_MM), qr_width));
            widths.push(qr_width);
        }
        if !row.is_empty() {
            self.items
                .push(Item::Table(Box::new(grid(None, vec![row], widths))));
        }
        if let Some(qr) = qr {
            self.paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(run(&qr.url, self.table_ink())),
            );
        }
    }

    /// A centred picture of an SVG drawn by anquan (empty if it cannot be rasterized).
    fn picture_paragraph(&mut self, svg: &str, width_mm: f64) -> Paragraph {
        let paragraph = Paragraph::new().align(AlignmentType::Center);
        match self.rasterizer.svg_png(svg, width_mm) {
            Some(png) => {
                self.pictures += 1;
                let pic = picture(png, self.pictures, width_mm, width_mm * 1.6);
                paragraph.add_run(Run::new().add_image(pic))
            }
            None => paragraph,
        }
    }
}
