//! The blocks of a board or card (`Layout::Sheet`) in Word: the head band, the row of
//! safety signs as pictures with their text, and the emergency phones with the QR code.
//! Word has no "fit one sheet": these stay editable and flow like the rest.

use docx_rs::{AlignmentType, Paragraph, Run};

use super::*;
use crate::documents::model::{QrCode, SignImage};

/// Signs per row, each about 24 mm wide on an A4 text block.
const SIGNS_PER_ROW: usize = 6;
const SIGN_MM: f64 = 22.0;
const QR_MM: f64 = 28.0;

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
        let band = cell(line(kicker, BODY_SIZE), width)
            .add_paragraph(line(name, BODY_SIZE * 2))
            .add_paragraph(line(level, BODY_SIZE));
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

    /// The emergency numbers in large type, then the QR code of the board's page.
    pub(super) fn phones(&mut self, phones: &[(String, String)], qr: Option<&QrCode>) {
        let large = Ink {
            size: BODY_SIZE * 3 / 2,
            bold: true,
            italic: false,
        };
        for (label, number) in phones {
            self.paragraph(
                Paragraph::new()
                    .add_run(run(&format!("{label}："), Ink::body()))
                    .add_run(run(number, large)),
            );
        }
        if let Some(qr) = qr {
            let picture = self.picture_paragraph(&qr.svg, QR_MM);
            self.paragraph(picture);
            self.paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(run(&qr.url, Ink::table())),
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
