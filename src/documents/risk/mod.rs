//! 第十九条 risk documents: the four-colour map, the register (分级管控清单), a board per
//! zone (车间风险公告牌) and a card per post (岗位安全风险告知卡), built from the facts.

pub(crate) mod boards;
mod map;
mod register;

use base64::Engine as _;

use crate::documents::blocks::{heading, text as t, unique};
use crate::documents::model::{Block, Document, Inline, Kind, Layout};
use crate::documents::sheet::Print;
use crate::facts::EnterpriseFacts;
use crate::facts::risk::Level;
use crate::site::date::Date;
use crate::site::model::EnterpriseFile;

const UNASSESSED_FILL: &str = "#BDBDBD";

/// What the risk documents need besides the enterprise itself.
pub struct RiskContext<'a> {
    pub enterprise_id: &'a str,
    pub facts: &'a EnterpriseFacts,
    pub agency_name: &'a str,
    pub date: Date,
    /// The site plan as a data URI, when `site.background` is set.
    pub background: Option<String>,
    /// Sheet sizes and the published address of the boards and cards.
    pub print: Print<'a>,
}

/// Reads a site-plan image (already resolved inside the site) as a data URI.
pub fn background_uri(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let mime = match path
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

pub fn risk_documents(e: &EnterpriseFile, cx: &RiskContext) -> Vec<Document> {
    let mut docs = vec![map::risk_map(e, cx), register::risk_register(e, cx)];
    docs.extend(e.zones.iter().map(|z| boards::zone_board(e, cx, &z.id)));
    docs.extend(e.posts.iter().map(|p| boards::post_card(e, cx, &p.id)));
    docs
}

fn doc(
    kind: Kind,
    title: String,
    cx: &RiskContext,
    slug: String,
    layout: Layout,
    blocks: Vec<Block>,
) -> Document {
    Document::of_enterprise(kind, title, cx.enterprise_id, slug, layout, blocks)
}

fn level_name(level: Option<Level>) -> &'static str {
    level.map_or("未评估", Level::name)
}

fn badge(level: Option<Level>) -> Inline {
    match level {
        Some(l) => Inline::Badge {
            text: format!("{}风险", l.name()),
            fill: l.colour().into(),
            ink: l.ink().into(),
        },
        None => Inline::Badge {
            text: "未评估".into(),
            fill: UNASSESSED_FILL.into(),
            ink: "#000000".into(),
        },
    }
}

fn list(items: &[String]) -> Block {
    Block::List {
        ordered: false,
        start: 1,
        items: items
            .iter()
            .map(|i| {
                vec![Block::Paragraph {
                    content: t(i.clone()),
                }]
            })
            .collect(),
    }
}

fn post_names(e: &EnterpriseFile, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            e.posts
                .iter()
                .find(|p| &p.id == id)
                .map_or(id.as_str(), |p| p.name.as_str())
        })
        .collect::<Vec<_>>()
        .join("、")
}
