//! Blocks → HTML fragments. Every text run is escaped here; templates insert the result
//! with `| safe`.

use std::fmt::Write;

use crate::documents::model::{Block, Inline};
use crate::render::boards_html;

/// `assets` is the URL prefix under which the site's images are copied (`../assets/`).
pub fn blocks_to_html(blocks: &[Block], assets: &str) -> String {
    let mut out = String::with_capacity(4096);
    for block in blocks {
        block_html(block, assets, &mut out);
    }
    out
}

fn block_html(block: &Block, assets: &str, out: &mut String) {
    match block {
        Block::Heading { level, content } => {
            let level = (*level).clamp(2, 6);
            let _ = write!(out, "<h{level}>");
            inlines(content, out);
            let _ = writeln!(out, "</h{level}>");
        }
        Block::Paragraph { content } => {
            out.push_str("<p>");
            inlines(content, out);
            out.push_str("</p>\n");
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            let tag = if *ordered { "ol" } else { "ul" };
            if *ordered && *start != 1 {
                let _ = writeln!(out, "<ol start=\"{start}\">");
            } else {
                let _ = writeln!(out, "<{tag}>");
            }
            for item in items {
                out.push_str("<li>");
                // A single paragraph in an item is written without <p>, as a tight list.
                match item.as_slice() {
                    [Block::Paragraph { content }] => inlines(content, out),
                    blocks => blocks.iter().for_each(|b| block_html(b, assets, out)),
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table { header, rows } => {
            out.push_str("<div class=\"table-wrap\"><table>\n<thead><tr>");
            for cell in header {
                out.push_str("<th>");
                inlines(cell, out);
                out.push_str("</th>");
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push_str("<td>");
                    inlines(cell, out);
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody></table></div>\n");
        }
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            blocks.iter().for_each(|b| block_html(b, assets, out));
            out.push_str("</blockquote>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
        Block::Figure { svg, caption } => {
            // The SVG is anquan's own drawing, its texts escaped where it was made.
            out.push_str("<figure class=\"map\">\n");
            out.push_str(svg);
            out.push_str("<figcaption>");
            escape_into(caption, out);
            out.push_str("</figcaption></figure>\n");
        }
        Block::Panel { rows } => {
            out.push_str("<table class=\"panel\">\n");
            for (label, value) in rows {
                out.push_str("<tr><th>");
                escape_into(label, out);
                out.push_str("</th><td>");
                inlines(value, out);
                out.push_str("</td></tr>\n");
            }
            out.push_str("</table>\n");
        }
        Block::Band { text, fill, ink } => {
            out.push_str("<div class=\"band\" style=\"background:");
            escape_into(fill, out);
            out.push_str(";color:");
            escape_into(ink, out);
            out.push_str("\">");
            escape_into(text, out);
            out.push_str("</div>\n");
        }
        Block::Cards { cards } => {
            out.push_str("<div class=\"cards\">\n");
            for card in cards {
                out.push_str("<div class=\"card\">");
                match &card.photo {
                    Some(path) => {
                        out.push_str("<img class=\"photo\" src=\"");
                        escape_into(assets, out);
                        escape_into(path, out);
                        out.push_str("\" alt=\"照片\">");
                    }
                    None => out.push_str("<div class=\"photo empty\">照片</div>"),
                }
                out.push_str("<dl>");
                for (label, value) in &card.lines {
                    out.push_str("<dt>");
                    escape_into(label, out);
                    out.push_str("</dt><dd>");
                    escape_into(value, out);
                    out.push_str("</dd>");
                }
                out.push_str("</dl></div>\n");
            }
            out.push_str("</div>\n");
        }
        Block::Head {
            kicker,
            name,
            level,
            fill,
            ink,
        } => boards_html::head(kicker, name, level, fill, ink, out),
        Block::Signs { signs } => boards_html::signs(signs, out),
        Block::Phones { phones, qr } => boards_html::phones(phones, qr.as_ref(), out),
        Block::Keep { blocks } => {
            out.push_str("<div class=\"keep\">\n");
            for b in blocks {
                block_html(b, assets, out);
            }
            out.push_str("</div>\n");
        }
        Block::Signatures { labels } => {
            out.push_str("<p class=\"signatures\">");
            for label in labels {
                out.push_str("<span>");
                escape_into(label, out);
                out.push_str("：</span>");
            }
            out.push_str("</p>\n");
        }
    }
}

fn inlines(runs: &[Inline], out: &mut String) {
    for run in runs {
        match run {
            Inline::Text { text } => text_into(text, out),
            Inline::Strong { content } => {
                out.push_str("<strong>");
                inlines(content, out);
                out.push_str("</strong>");
            }
            Inline::Emph { content } => {
                out.push_str("<em>");
                inlines(content, out);
                out.push_str("</em>");
            }
            Inline::Code { text } => {
                out.push_str("<code>");
                escape_into(text, out);
                out.push_str("</code>");
            }
            Inline::Break => out.push_str("<br>"),
            Inline::Badge { text, fill, ink } => {
                out.push_str("<span class=\"badge\" style=\"background:");
                escape_into(fill, out);
                out.push_str(";color:");
                escape_into(ink, out);
                out.push_str("\">");
                escape_into(text, out);
                out.push_str("</span>");
            }
        }
    }
}

/// The one HTML escaper for text built in Rust.
/// Escaped text, with numbers that must not break kept on one line.
fn text_into(text: &str, out: &mut String) {
    for (piece, keep) in crate::render::nobreak::split(text) {
        if keep {
            out.push_str("<span class=\"nb\">");
            escape_into(piece, out);
            out.push_str("</span>");
        } else {
            escape_into(piece, out);
        }
    }
}

/// Escaped for HTML and SVG (XML) text and attributes. Control characters other than tab
/// and line ends are dropped: XML forbids them, and an SVG holding one does not parse.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        let mut out = String::new();
        escape_into("甲\u{1}乙\u{7f}\t丙", &mut out);
        assert_eq!(out, "甲乙\t丙");
    }

    #[test]
    fn escapes_every_text_run() {
        let html = blocks_to_html(
            &[Block::Paragraph {
                content: vec![
                    Inline::text("<script>\"x\"&"),
                    Inline::Strong {
                        content: vec![Inline::text("甲")],
                    },
                ],
            }],
            "",
        );
        assert_eq!(
            html,
            "<p>&lt;script&gt;&quot;x&quot;&amp;<strong>甲</strong></p>\n"
        );
    }
}
