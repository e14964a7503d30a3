//! The blocks of boards and cards as HTML: the level band, the signs, the phones and QR
//! code. Text is escaped here; the SVGs are anquan's own drawings, escaped where made.

use crate::documents::model::{QrCode, SignImage};
use crate::render::blocks_html::escape_into;

pub fn head(kicker: &str, name: &str, level: &str, fill: &str, ink: &str, out: &mut String) {
    out.push_str("<header class=\"board-head\" style=\"background:");
    escape_into(fill, out);
    out.push_str(";color:");
    escape_into(ink, out);
    out.push_str("\"><p class=\"kicker\">");
    escape_into(kicker, out);
    out.push_str("</p><p class=\"name\">");
    escape_into(name, out);
    out.push_str("</p><p class=\"level\">");
    escape_into(level, out);
    out.push_str("</p></header>\n");
}

pub fn signs(signs: &[SignImage], out: &mut String) {
    out.push_str("<div class=\"signs\">\n");
    for sign in signs {
        out.push_str("<figure class=\"sign\" data-sign=\"");
        escape_into(&sign.text, out);
        out.push_str("\">");
        out.push_str(&sign.svg);
        out.push_str("</figure>\n");
    }
    out.push_str("</div>\n");
}

pub fn phones(phones: &[(String, String)], qr: Option<&QrCode>, out: &mut String) {
    out.push_str("<footer class=\"phones\"><dl>");
    for (label, number) in phones {
        out.push_str("<div><dt>");
        escape_into(label, out);
        out.push_str("</dt><dd>");
        escape_into(number, out);
        out.push_str("</dd></div>");
    }
    out.push_str("</dl>");
    if let Some(qr) = qr {
        out.push_str("<figure class=\"qr\" data-url=\"");
        escape_into(&qr.url, out);
        out.push_str("\">");
        out.push_str(&qr.svg);
        out.push_str("<figcaption>扫码查看电子版</figcaption></figure>");
    }
    out.push_str("</footer>\n");
}
