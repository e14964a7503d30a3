//! Tables for Word: bordered, full width, columns sized to their content, header
//! rows that repeat on every page.

use docx_rs::{Table, TableCell, TableRow};

use crate::documents::model::{Inline, plain_text};

/// Twips one character of table text takes (五号, 10.5 pt), and a cell's padding.
const TABLE_CHAR: usize = 210;
const CELL_PADDING: usize = 420;
/// Columns up to this many characters (序号, 等级, names, dates) fit their content.
const SHORT_COLUMN: usize = 12;
/// Characters a line that a text column keeps at least.
const LONG_COLUMN_MIN: usize = 6;

/// Column widths in twips: short columns get what they need, so that nothing breaks
/// inside a word or a number; text columns share the rest, as in the PDF.
pub fn column_widths(rows: &[Vec<usize>], total: usize) -> Vec<usize> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let longest: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .max()
                .copied()
                .unwrap_or(1)
                .max(2)
        })
        .collect();
    let natural = |chars: usize| chars * TABLE_CHAR + CELL_PADDING;
    let is_short = |chars: usize| chars <= SHORT_COLUMN;
    let fixed: usize = longest
        .iter()
        .filter(|&&l| is_short(l))
        .map(|&l| natural(l))
        .sum();
    let shared: usize = longest
        .iter()
        .filter(|&&l| !is_short(l))
        .map(|&l| l.min(60))
        .sum();
    if shared == 0 {
        // Only short columns: full width, in proportion to their content.
        return longest
            .iter()
            .map(|&l| total * natural(l) / fixed.max(1))
            .collect();
    }
    // Each text column keeps room for a few characters a line: short columns give way.
    let floor = longest.iter().filter(|&&l| !is_short(l)).count() * natural(LONG_COLUMN_MIN);
    let room = total.saturating_sub(floor).max(1);
    let scale = |w: usize| if fixed > room { w * room / fixed } else { w };
    let rest = total.saturating_sub(scale(fixed));
    longest
        .iter()
        .map(|&l| {
            if is_short(l) {
                scale(natural(l))
            } else {
                rest * l.min(60) / shared.max(1)
            }
        })
        .collect()
}

/// A bordered full-width table; `header` rows repeat on every page.
pub fn grid(
    header: Option<Vec<TableCell>>,
    rows: Vec<Vec<TableCell>>,
    widths: Vec<usize>,
) -> Table {
    let mut all = Vec::with_capacity(rows.len() + 1);
    if let Some(cells) = header {
        // Marked for `package::normalize`, which makes it repeat (w:tblHeader).
        all.push(TableRow::new(cells).cant_split());
    }
    all.extend(rows.into_iter().map(TableRow::new));
    Table::new(all).set_grid(widths)
}

pub fn lengths(cells: &[Vec<Inline>]) -> Vec<usize> {
    cells
        .iter()
        .map(|c| plain_text(c).chars().count())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_columns_fit_and_long_ones_share() {
        let widths = column_widths(&[vec![2, 40, 30], vec![1, 10, 5]], 9000);
        // 序号 gets two characters and padding; the text columns share the rest, 4 : 3.
        assert_eq!(widths, vec![840, 4662, 3497]);
    }

    #[test]
    fn text_columns_keep_room_when_short_ones_are_many() {
        let row = vec![10, 10, 10, 10, 10, 10, 40];
        let widths = column_widths(&[row], 8845);
        assert!(widths[6] >= 6 * TABLE_CHAR + CELL_PADDING, "{widths:?}");
        assert!(widths.iter().sum::<usize>() <= 8845);
    }
}
