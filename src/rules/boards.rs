//! `board-overflow` (warning): a zone board or post card whose content would have to shrink
//! below readable type to fit one sheet of its print size. The PDF still fits it on one
//! sheet; the warning names the board and the part to cut.

use crate::diag::Reporter;
use crate::documents::model::{Document, Kind};
use crate::documents::risk::RiskContext;
use crate::documents::risk::boards::{post_card, zone_board};
use crate::documents::sheet::{BODY_PT, Fit, MIN_SCALE, Print, fit};
use crate::facts::EnterpriseFacts;
use crate::site::date::Date;
use crate::site::model::{EnterpriseFile, Paper};

pub fn check(
    id: &str,
    e: &EnterpriseFile,
    facts: &EnterpriseFacts,
    print: Print,
    date: Date,
    r: &mut Reporter,
) {
    let cx = RiskContext {
        enterprise_id: id,
        facts,
        agency_name: "",
        date,
        background: None,
        print,
    };
    for (i, z) in e.zones.iter().enumerate() {
        let board = zone_board(e, &cx, &z.id);
        report(r, &format!("zones[{i}]"), &board, print.board);
    }
    for (i, p) in e.posts.iter().enumerate() {
        let card = post_card(e, &cx, &p.id);
        report(r, &format!("posts[{i}]"), &card, print.card);
    }
}

fn report(r: &mut Reporter, at: &str, doc: &Document, paper: Paper) {
    let fit = fit(&doc.blocks, paper);
    if fit.overflows() {
        r.warning("board-overflow", at, message(doc, paper, &fit));
    }
}

fn message(doc: &Document, paper: Paper, fit: &Fit) -> String {
    let cut = fit.largest.as_ref().map_or(String::new(), |p| {
        format!(
            "; cut {} ({} items, about {:.0} lines) to what workers must read there",
            p.label, p.items, p.lines
        )
    });
    let size_key = match doc.kind {
        Kind::PostCard => "card_size",
        _ => "board_size",
    };
    format!(
        "{} has too much text for one {} sheet: its body text would shrink to {:.1} pt, below 五号 ({:.1} pt), the smallest a board is read at{cut}, or choose a larger build.{size_key}",
        doc.title,
        paper.name(),
        fit.scale * BODY_PT,
        MIN_SCALE * BODY_PT,
    )
}
