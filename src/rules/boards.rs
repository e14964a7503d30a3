//! `board-overflow` (warning): a zone board or post card whose content would have to shrink
//! below readable type to fit one sheet of its print size. The PDF still fits it on one
//! sheet; the warning names the board and the part to cut.

use crate::diag::{Reporter, Rule};
use crate::documents::model::{Document, Kind};
use crate::documents::risk::RiskContext;
use crate::documents::risk::boards::{post_card, zone_board};
use crate::documents::sheet::{BODY_PT, Fit, MIN_SCALE, Print, fit};
use crate::facts::EnterpriseFacts;
use crate::i18n::Message;
use crate::msg;
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
        r.warning(Rule::BoardOverflow, at, message(doc, paper, &fit));
    }
}

fn message(doc: &Document, paper: Paper, fit: &Fit) -> Message {
    let size_key = match doc.kind {
        Kind::PostCard => "card_size",
        _ => "board_size",
    };
    let (part, items, lines) = fit.largest.as_ref().map_or((String::new(), 0, 0), |p| {
        (p.label.to_string(), p.items, p.lines.round() as i64)
    });
    msg!(
        "board-overflow",
        title = &doc.title,
        paper = paper.name(),
        size = format!("{:.1}", fit.scale * BODY_PT),
        minimum = format!("{:.1}", MIN_SCALE * BODY_PT),
        part = part,
        items = items,
        lines = lines,
        key = size_key
    )
}
