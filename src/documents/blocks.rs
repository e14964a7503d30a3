//! Small constructors shared by the documents built in Rust (risk, service, pairs).

use crate::documents::model::{Block, Document, Inline, Kind, Layout};

/// One text run.
pub fn text(value: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(value)]
}

pub fn paragraph(value: impl Into<String>) -> Block {
    Block::Paragraph {
        content: text(value),
    }
}

/// A chapter heading (一、…), the first level under a document's title.
pub fn heading(value: &str) -> Block {
    Block::Heading {
        level: 2,
        content: text(value),
    }
}

/// A table header from labels.
pub fn header(labels: &[&str]) -> Vec<Vec<Inline>> {
    labels.iter().map(|l| text(*l)).collect()
}

impl Document {
    /// A document of one enterprise without a control block (boards, cards, plans…).
    pub fn of_enterprise(
        kind: Kind,
        title: String,
        enterprise_id: &str,
        slug: String,
        layout: Layout,
        blocks: Vec<Block>,
    ) -> Document {
        Document {
            kind,
            title,
            enterprise: Some(enterprise_id.to_string()),
            slug,
            control: None,
            layout,
            members: Vec::new(),
            date: None,
            date_line: None,
            sheet: None,
            blocks,
        }
    }
}

/// The items in first-seen order, each once.
pub fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// An amount of money as a Chinese document prints it: whole yuan without decimals
/// (24000), otherwise two decimals (1650.50); never "24000.0".
pub fn yuan(amount: f64) -> String {
    if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_print_as_a_document_writes_them() {
        assert_eq!(super::yuan(24000.0), "24000");
        assert_eq!(super::yuan(1650.5), "1650.50");
        assert_eq!(super::yuan(0.0), "0");
    }
}

/// A block that would fill more of a page than this is never kept together.
const KEEP_AT_MOST_ROWS: usize = 20;

/// Appends a closing block (a signature line) kept on one page with the block before it,
/// so that it never stands alone at the top of a page; a long table is not held back.
pub fn push_closing(blocks: &mut Vec<Block>, closing: Block) {
    let short = match blocks.last() {
        Some(Block::Table { rows, .. }) => rows.len() <= KEEP_AT_MOST_ROWS,
        Some(Block::List { items, .. }) => items.len() <= KEEP_AT_MOST_ROWS,
        Some(Block::Paragraph { .. } | Block::Heading { .. }) => true,
        _ => false,
    };
    match blocks.pop() {
        Some(last) if short => blocks.push(Block::Keep {
            blocks: vec![last, closing],
        }),
        Some(last) => blocks.extend([last, closing]),
        None => blocks.push(closing),
    }
}

#[cfg(test)]
mod closing_tests {
    use super::*;

    #[test]
    fn a_signature_line_keeps_with_a_short_block_before_it() {
        let sign = Block::Signatures {
            labels: vec!["批准人".into()],
        };
        let mut blocks = vec![paragraph("正文")];
        push_closing(&mut blocks, sign.clone());
        assert!(matches!(&blocks[..], [Block::Keep { blocks }] if blocks.len() == 2));
        let long = Block::Table {
            header: header(&["姓名"]),
            rows: vec![vec![text("某人")]; KEEP_AT_MOST_ROWS + 1],
        };
        let mut blocks = vec![long];
        push_closing(&mut blocks, sign);
        assert_eq!(blocks.len(), 2);
    }
}
