//! The eight ledgers (台账, 第十八条): one typed table each, filled from `records` and the
//! enterprise data, with blank rows to write on. The same table becomes a document
//! (HTML, PDF) and a worksheet of the enterprise's XLSX workbook.

mod inventory;
mod records;

use crate::documents::model::{Block, Document, Inline, Kind, Layout};
use crate::facts::calendar::WorkCalendar;
use crate::facts::risk::num;
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

/// A cell as typed as the spreadsheet needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Date(Date),
    Number(f64),
    /// Money, in yuan.
    Amount(f64),
    /// Something to act on (overdue inspection): shown in red.
    Alert(String),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Alert(t) => t.clone(),
            Cell::Date(d) => d.to_string(),
            Cell::Number(n) => num(*n),
            Cell::Amount(a) => format!("{a:.2}"),
        }
    }
}

pub fn text(value: impl Into<String>) -> Cell {
    let value = value.into();
    if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value)
    }
}

#[derive(Debug, Clone)]
pub struct Ledger {
    pub title: &'static str,
    pub slug: &'static str,
    /// Lines printed above the table (the year's extraction for 投入, say).
    pub preface: Vec<String>,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// A column summed in a 合计 row (index into `header`).
    pub total: Option<usize>,
}

/// Enough blank rows to write on: at least eight, and the table filled to a multiple of 16.
pub fn blank_rows_for(filled: usize) -> usize {
    let minimum = filled + 8;
    minimum.div_ceil(16) * 16 - filled
}

pub struct LedgerContext<'a> {
    pub enterprise: &'a EnterpriseFile,
    pub date: Date,
    /// The site's working days: planned checks fall on them.
    pub calendar: &'a WorkCalendar,
}

/// The eight ledgers, in the order of 第十八条 and the spec.
pub fn ledgers(cx: &LedgerContext) -> Vec<Ledger> {
    vec![
        records::meetings(cx),
        records::inspections(cx),
        records::trainings(cx),
        inventory::equipment(cx),
        inventory::ppe(cx),
        records::investments(cx),
        inventory::occupational_health(cx),
        inventory::emergency_supplies(cx),
    ]
}

impl Ledger {
    pub fn new(
        title: &'static str,
        slug: &'static str,
        header: Vec<&'static str>,
        rows: Vec<Vec<Cell>>,
    ) -> Ledger {
        Ledger {
            title,
            slug,
            preface: Vec::new(),
            header,
            rows,
            total: None,
        }
    }

    pub fn with_preface(mut self, line: String) -> Ledger {
        self.preface.push(line);
        self
    }

    pub fn with_total(mut self, column: usize) -> Ledger {
        self.total = Some(column);
        self
    }

    /// Empty rows after the data (and the total), to fill by hand.
    pub fn blank_rows(&self) -> usize {
        blank_rows_for(self.rows.len() + usize::from(self.total.is_some()))
    }

    pub fn total_value(&self) -> Option<f64> {
        let column = self.total?;
        Some(
            self.rows
                .iter()
                .filter_map(|r| match r.get(column) {
                    Some(Cell::Amount(a) | Cell::Number(a)) => Some(*a),
                    _ => None,
                })
                // A fold from +0.0: an empty f64 sum is -0.0, printed "-0.00".
                .fold(0.0, |sum, a| sum + a),
        )
    }

    /// The ledger as a document: preface, the table with its blank rows and total.
    pub fn to_document(&self, enterprise_id: &str) -> Document {
        let cell = |c: &Cell| -> Vec<Inline> {
            match c {
                Cell::Alert(t) => vec![Inline::Badge {
                    text: t.clone(),
                    fill: "#FF0000".into(),
                    ink: "#FFFFFF".into(),
                }],
                other => vec![Inline::text(other.text())],
            }
        };
        let mut rows: Vec<Vec<Vec<Inline>>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(cell).collect())
            .collect();
        rows.extend((0..self.blank_rows()).map(|_| vec![Vec::new(); self.header.len()]));
        // The total closes the table, below the rows to fill by hand (as in the workbook).
        if let (Some(column), Some(total)) = (self.total, self.total_value()) {
            let mut row = vec![Vec::new(); self.header.len()];
            row[0] = vec![Inline::text("合计")];
            row[column] = vec![Inline::text(format!("{total:.2}"))];
            rows.push(row);
        }
        let mut blocks: Vec<Block> = self
            .preface
            .iter()
            .map(|p| Block::Paragraph {
                content: vec![Inline::text(p.clone())],
            })
            .collect();
        blocks.push(Block::Table {
            header: self.header.iter().map(|h| vec![Inline::text(*h)]).collect(),
            rows,
        });
        Document {
            kind: Kind::Ledger,
            title: self.title.to_string(),
            enterprise: Some(enterprise_id.to_string()),
            slug: format!("ledger-{}", self.slug),
            control: None,
            layout: Layout::Landscape,
            members: Vec::new(),
            date: None,
            date_line: None,
            sheet: None,
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_total_is_zero() {
        let ledger = Ledger::new("t", "t", vec!["日期", "金额"], Vec::new()).with_total(1);
        assert_eq!(
            ledger.total_value().map(|t| format!("{t:.2}")),
            Some("0.00".to_string())
        );
    }

    #[test]
    fn blank_rows_fill_to_a_page() {
        assert_eq!(blank_rows_for(0), 16);
        assert_eq!(blank_rows_for(3), 13);
        assert_eq!(blank_rows_for(9), 23);
        assert_eq!(blank_rows_for(16), 16);
    }
}
