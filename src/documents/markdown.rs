//! Markdown (after tera) → blocks. Raw HTML in the Markdown is kept as literal text,
//! never passed through.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::documents::model::{Block, Inline};

enum Frame {
    Root(Vec<Block>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Quote(Vec<Block>),
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
        in_head: bool,
    },
}

enum InlineFrame {
    Paragraph,
    Heading(u8),
    Cell,
    Strong,
    Emph,
}

struct Builder {
    frames: Vec<Frame>,
    inline: Vec<(InlineFrame, Vec<Inline>)>,
}

pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder {
        frames: vec![Frame::Root(Vec::new())],
        inline: Vec::new(),
    };
    for event in Parser::new_ext(markdown, options) {
        b.event(event);
    }
    b.close_implicit_paragraph();
    match b.frames.pop() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    }
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.push_inline(Inline::text(t.into_string()))
            }
            Event::Code(t) => self.push_inline(Inline::Code {
                text: t.into_string(),
            }),
            Event::SoftBreak => self.push_inline(Inline::text("")),
            Event::HardBreak => self.push_inline(Inline::Break),
            Event::Rule => self.push_block(Block::Rule),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.close_implicit_paragraph();
                self.inline.push((InlineFrame::Paragraph, Vec::new()));
            }
            Tag::Heading { level, .. } => self
                .inline
                .push((InlineFrame::Heading(level as u8), Vec::new())),
            Tag::List(start) => {
                self.close_implicit_paragraph();
                self.frames.push(Frame::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items: Vec::new(),
                });
            }
            Tag::Item => self.frames.push(Frame::Item(Vec::new())),
            Tag::BlockQuote(_) => self.frames.push(Frame::Quote(Vec::new())),
            Tag::Table(_) => self.frames.push(Frame::Table {
                header: vec![],
                rows: vec![],
                row: vec![],
                in_head: false,
            }),
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.frames.last_mut() {
                    *in_head = true;
                }
            }
            Tag::TableCell => self.inline.push((InlineFrame::Cell, Vec::new())),
            Tag::Strong => self.inline.push((InlineFrame::Strong, Vec::new())),
            Tag::Emphasis => self.inline.push((InlineFrame::Emph, Vec::new())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Strong
            | TagEnd::Emphasis
            | TagEnd::TableCell => self.close_inline(),
            TagEnd::Item => {
                self.close_implicit_paragraph();
                if let Some(Frame::Item(blocks)) = self.frames.pop()
                    && let Some(Frame::List { items, .. }) = self.frames.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) = self.frames.pop()
                {
                    self.push_block(Block::List {
                        ordered,
                        start,
                        items,
                    });
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_implicit_paragraph();
                if let Some(Frame::Quote(blocks)) = self.frames.pop() {
                    self.push_block(Block::Quote { blocks });
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Frame::Table {
                    header,
                    rows,
                    row,
                    in_head,
                }) = self.frames.last_mut()
                {
                    let cells = std::mem::take(row);
                    if *in_head {
                        *header = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { header, rows, .. }) = self.frames.pop() {
                    self.push_block(Block::Table { header, rows });
                }
            }
            _ => {}
        }
    }

    fn push_inline(&mut self, run: Inline) {
        if self.inline.is_empty() {
            // Tight list items carry text without a paragraph.
            self.inline.push((InlineFrame::Paragraph, Vec::new()));
        }
        if let Some((_, runs)) = self.inline.last_mut() {
            // Soft breaks inside Chinese text join lines without a space.
            if let (Inline::Text { text }, Some(Inline::Text { text: prev })) =
                (&run, runs.last_mut())
            {
                prev.push_str(text);
                return;
            }
            if matches!(&run, Inline::Text { text } if text.is_empty()) {
                return;
            }
            runs.push(run);
        }
    }

    fn close_inline(&mut self) {
        let Some((frame, runs)) = self.inline.pop() else {
            return;
        };
        match frame {
            InlineFrame::Paragraph => self.push_block(Block::Paragraph { content: runs }),
            InlineFrame::Heading(level) => self.push_block(Block::Heading {
                level,
                content: runs,
            }),
            InlineFrame::Cell => {
                if let Some(Frame::Table { row, .. }) = self.frames.last_mut() {
                    row.push(runs);
                }
            }
            InlineFrame::Strong => self.push_inline(Inline::Strong { content: runs }),
            InlineFrame::Emph => self.push_inline(Inline::Emph { content: runs }),
        }
    }

    fn close_implicit_paragraph(&mut self) {
        while matches!(self.inline.last(), Some((InlineFrame::Paragraph, _))) {
            self.close_inline();
        }
    }

    fn push_block(&mut self, block: Block) {
        if let Some(Frame::Root(blocks) | Frame::Item(blocks) | Frame::Quote(blocks)) =
            self.frames.last_mut()
        {
            blocks.push(block)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::plain_text;

    #[test]
    fn a_list_resumed_after_a_table_goes_on_counting() {
        let md = "1. 甲\n2. 乙\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n3. 丙\n4. 丁\n";
        let starts: Vec<u64> = to_blocks(md)
            .iter()
            .filter_map(|b| match b {
                Block::List { start, .. } => Some(*start),
                _ => None,
            })
            .collect();
        assert_eq!(starts, [1, 3]);
    }

    #[test]
    fn headings_paragraphs_lists_tables() {
        let md = "## 一、目的\n\n为加强**安全**管理，\n制定本制度。\n\n1. 甲\n2. 乙\n\n| 岗位 | 人数 |\n|---|---|\n| 冲床 | 4 |\n";
        let blocks = to_blocks(md);
        assert_eq!(blocks.len(), 4, "{blocks:?}");
        assert!(
            matches!(&blocks[0], Block::Heading { level: 2, content } if plain_text(content) == "一、目的")
        );
        match &blocks[1] {
            Block::Paragraph { content } => {
                assert_eq!(plain_text(content), "为加强安全管理，制定本制度。")
            }
            other => panic!("{other:?}"),
        }
        match &blocks[2] {
            Block::List {
                ordered: true,
                start: 1,
                items,
            } => assert_eq!(items.len(), 2),
            other => panic!("{other:?}"),
        }
        match &blocks[3] {
            Block::Table { header, rows } => {
                assert_eq!(plain_text(&header[0]), "岗位");
                assert_eq!(plain_text(&rows[0][1]), "4");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn raw_html_stays_text() {
        let blocks = to_blocks("<script>alert(1)</script>\n\n甲 <b>乙</b>");
        let all: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { content } => Some(plain_text(content)),
                _ => None,
            })
            .collect();
        assert!(all.iter().any(|t| t.contains("<b>乙</b>")), "{blocks:?}");
    }
}
