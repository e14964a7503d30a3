//! `Block::Keep` in Word: every paragraph of the group but the last keeps with the next, and
//! the rows of its tables do not split, so that Word moves the group to the next page whole.

use docx_rs::{Paragraph, Table, TableRow};

use super::*;

impl Walk<'_> {
    pub(super) fn keep(&mut self, blocks: &[Block]) {
        let start = self.items.len();
        self.blocks(blocks);
        let end = self.items.len();
        for (i, item) in self.items[start..].iter_mut().enumerate() {
            let last = start + i + 1 == end;
            match item {
                Item::Paragraph(p) if !last => {
                    let taken = std::mem::replace(&mut **p, Paragraph::new());
                    **p = taken.keep_next(true);
                }
                Item::Table(t) => {
                    let taken = std::mem::replace(&mut **t, Table::new(Vec::new()));
                    **t = unsplit(taken);
                }
                Item::Paragraph(_) => {}
            }
        }
    }
}

/// A table whose rows stay whole.
fn unsplit(mut table: Table) -> Table {
    for child in table.rows.iter_mut() {
        let docx_rs::TableChild::TableRow(row) = child;
        let taken = std::mem::replace(row, TableRow::new(Vec::new()));
        *row = taken.cant_split();
    }
    table
}
