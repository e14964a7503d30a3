//! The eight ledgers as one XLSX workbook per enterprise (rust_xlsxwriter): a sheet per
//! ledger, title row, bold frozen header repeated on every printed page, dates as Excel
//! dates, amounts as numbers with a SUM formula, landscape A4.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};

use crate::documents::ledgers::{Cell, Ledger};
use crate::render::bundle::{Artifact, Bundle, RenderError, Rendered, Renderer, Target};
use crate::site::date::Date;

/// The eight ledgers of an enterprise as one workbook.
pub struct LedgerWorkbook;

impl Renderer for LedgerWorkbook {
    fn format(&self) -> crate::render::bundle::Format {
        crate::render::bundle::Format::Xlsx
    }

    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let bytes = workbook(bundle.name(), bundle.ledgers, bundle.site.date).map_err(|err| {
            RenderError::File {
                file: format!("{}/ledgers.xlsx", bundle.id()),
                message: err.to_string(),
            }
        })?;
        Ok(Rendered::of(vec![Artifact {
            target: Target::Ledgers,
            bytes,
        }]))
    }
}

const A4: u8 = 9;

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let d = date.0;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Column width in Excel units: CJK characters count double.
fn display_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

pub fn workbook(
    enterprise_name: &str,
    ledgers: &[Ledger],
    date: Date,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date keeps the file byte-identical across builds.
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{enterprise_name} 安全生产台账"))
            .set_creation_datetime(&excel_date(date)?),
    );
    let border = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let header = border
        .clone()
        .set_bold()
        .set_background_color("#EDEDED")
        .set_align(FormatAlign::Center);
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let date_format = border.clone().set_num_format("yyyy-mm-dd");
    let amount = border.clone().set_num_format("#,##0.00");
    let alert = border.clone().set_font_color("#C00000").set_bold();

    for ledger in ledgers {
        let sheet = book.add_worksheet();
        sheet.set_name(ledger.title)?;
        let last_col = (ledger.header.len() - 1) as u16;
        sheet.merge_range(
            0,
            0,
            0,
            last_col,
            &format!("{enterprise_name}　{}", ledger.title),
            &title,
        )?;
        let mut row: u32 = 1;
        for line in &ledger.preface {
            sheet.merge_range(row, 0, row, last_col, line, &Format::new().set_text_wrap())?;
            sheet.set_row_height(row, 32)?;
            row += 1;
        }
        let header_row = row;
        let mut widths: Vec<f64> = ledger
            .header
            .iter()
            .map(|h| display_width(h) + 2.0)
            .collect();
        for (col, h) in ledger.header.iter().enumerate() {
            sheet.write_string_with_format(header_row, col as u16, *h, &header)?;
        }
        let first_data = header_row + 1;
        for (i, cells) in ledger.rows.iter().enumerate() {
            let r = first_data + i as u32;
            for (col, cell) in cells.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Empty => sheet.write_blank(r, c, &border)?,
                    Cell::Text(t) => sheet.write_string_with_format(r, c, t, &border)?,
                    Cell::Alert(t) => sheet.write_string_with_format(r, c, t, &alert)?,
                    Cell::Date(d) => {
                        sheet.write_datetime_with_format(r, c, &excel_date(*d)?, &date_format)?
                    }
                    Cell::Number(n) => sheet.write_number_with_format(r, c, *n, &border)?,
                    Cell::Amount(a) => sheet.write_number_with_format(r, c, *a, &amount)?,
                };
                let w = match cell {
                    Cell::Date(_) => 12.0,
                    other => display_width(&other.text()) + 2.0,
                };
                widths[col] = widths[col].max(w.min(24.0));
            }
        }
        let blank_start = first_data + ledger.rows.len() as u32;
        let blank_end = blank_start + ledger.blank_rows() as u32;
        for r in blank_start..blank_end {
            for col in 0..=last_col {
                sheet.write_blank(r, col, &border)?;
            }
        }
        if let Some(column) = ledger.total {
            // The total stays a formula, so rows written by hand are added too.
            sheet.write_string_with_format(blank_end, 0, "合计", &header)?;
            let letter = char::from(b'A' + column as u8);
            let sum = format!("=SUM({letter}{}:{letter}{})", first_data + 1, blank_end);
            // The computed total is stored too, for viewers that do not recalculate.
            let total = ledger.total_value().unwrap_or(0.0);
            let formula = Formula::new(sum.as_str()).set_result(format!("{total}"));
            sheet.write_formula_with_format(blank_end, column as u16, formula, &amount)?;
        }
        for (col, w) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *w)?;
        }
        sheet.set_freeze_panes(first_data, 0)?;
        sheet.set_repeat_rows(header_row, header_row)?;
        sheet.set_landscape();
        sheet.set_paper_size(A4);
        sheet.set_print_fit_to_pages(1, 0);
    }
    book.save_to_buffer()
}
