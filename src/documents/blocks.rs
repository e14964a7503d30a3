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
pub const KEEP_AT_MOST_ROWS: usize = 20;

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

/// A table this short is never split across pages: a few rows carried over would stand
/// on a page of their own.
const KEEP_WHOLE_ROWS: usize = 12;

/// Keeps each short table on one page, with the heading or paragraph that leads into it.
pub fn keep_short_tables(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let short = matches!(&block, Block::Table { rows, .. } if rows.len() <= KEEP_WHOLE_ROWS);
        if !short {
            out.push(block);
            continue;
        }
        let kept = match out.pop() {
            Some(lead @ (Block::Heading { .. } | Block::Paragraph { .. })) => vec![lead, block],
            Some(other) => {
                out.push(other);
                vec![block]
            }
            None => vec![block],
        };
        out.push(Block::Keep { blocks: kept });
    }
    out
}

/// Keeps each section (a heading and what follows it up to the next heading) on one
/// page: for a short form whose parts are each filled in as one (a level of the
/// 三级安全教育卡).
pub fn keep_sections(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut section: Option<Vec<Block>> = None;
    for block in blocks {
        if matches!(block, Block::Heading { .. }) {
            if let Some(kept) = section.take() {
                out.push(Block::Keep { blocks: kept });
            }
            section = Some(vec![block]);
        } else if let Some(kept) = section.as_mut() {
            kept.push(block);
        } else {
            out.push(block);
        }
    }
    if let Some(kept) = section {
        out.push(Block::Keep { blocks: kept });
    }
    out
}

#[cfg(test)]
mod keep_tests {
    use super::*;

    #[test]
    fn a_short_table_keeps_with_its_lead_and_a_long_one_may_split() {
        let table = |n: usize| Block::Table {
            header: header(&["姓名"]),
            rows: vec![vec![text("某人")]; n],
        };
        let blocks = keep_short_tables(vec![paragraph("参加人员："), table(7), table(13)]);
        assert!(
            matches!(&blocks[..], [Block::Keep { blocks }, Block::Table { .. }] if blocks.len() == 2)
        );
    }

    #[test]
    fn each_section_is_kept_whole() {
        let blocks = keep_sections(vec![
            paragraph("说明"),
            heading("一、公司级"),
            paragraph("内容"),
            heading("二、车间级"),
            paragraph("内容"),
            paragraph("时间"),
        ]);
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[2], Block::Keep { blocks } if blocks.len() == 3));
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
