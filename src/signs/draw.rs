//! A sign as SVG: its shape and colours by kind (GB 2894-2008 4.1–4.4), its symbol, and its
//! text in a band under it (5.2: white on red, blue and green; black on white for warnings).

use std::fmt::Write;

use super::{Sign, SignKind};
use crate::render::blocks_html::escape_into;

const RED: &str = "#E60012";
const YELLOW: &str = "#FFD100";
const BLUE: &str = "#005BAC";
const GREEN: &str = "#009944";
const BLACK: &str = "#000000";
const WHITE: &str = "#FFFFFF";
const FONT: &str = "SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/// The sign drawn 100 wide and 130 high: the sign itself in the top 100, its text below.
pub fn sign_svg(sign: &Sign) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 130" width="100" height="130" role="img" aria-label=""#);
    escape_into(sign.text, &mut out);
    let _ = write!(out, r#"" font-family="{FONT}">"#);
    let (ground, ink, placement) = match sign.kind {
        SignKind::Prohibition => {
            let _ = write!(out, r#"<circle cx="50" cy="50" r="46" fill="{WHITE}"/>"#);
            (WHITE, BLACK, "translate(21 21) scale(.58)")
        }
        SignKind::Warning => {
            let _ = write!(
                out,
                r#"<polygon points="50,3 2,93 98,93" fill="{BLACK}" stroke="{BLACK}" stroke-width="4" stroke-linejoin="round"/><polygon points="50,15 11,88 89,88" fill="{YELLOW}"/>"#
            );
            (YELLOW, BLACK, "translate(27 41) scale(.46)")
        }
        SignKind::Mandatory => {
            let _ = write!(out, r#"<circle cx="50" cy="50" r="47" fill="{BLUE}"/>"#);
            (BLUE, WHITE, "translate(19 19) scale(.62)")
        }
        SignKind::Information => {
            let _ = write!(
                out,
                r#"<rect x="3" y="3" width="94" height="94" fill="{GREEN}"/>"#
            );
            (GREEN, WHITE, "translate(14 14) scale(.72)")
        }
        SignKind::Fire => {
            let _ = write!(
                out,
                r#"<rect x="3" y="3" width="94" height="94" fill="{RED}"/>"#
            );
            (RED, WHITE, "translate(14 14) scale(.72)")
        }
    };
    let _ = write!(
        out,
        r#"<g transform="{placement}" fill="{ink}" stroke="{ink}" stroke-width="0">"#
    );
    let hole = format!("\"{ground}\"");
    for (drawing, transform) in sign.symbol {
        let _ = write!(out, r#"<g transform="{transform}">"#);
        out.push_str(&drawing.replace("\"BG\"", &hole));
        out.push_str("</g>");
    }
    out.push_str("</g>");
    if sign.kind == SignKind::Prohibition {
        // The ring and the bar (upper left to lower right) over the symbol.
        let _ = write!(
            out,
            r#"<circle cx="50" cy="50" r="42" fill="none" stroke="{RED}" stroke-width="8"/><line x1="20.3" y1="20.3" x2="79.7" y2="79.7" stroke="{RED}" stroke-width="8"/>"#
        );
    }
    text_band(sign, &mut out);
    out.push_str("</svg>");
    out
}

fn text_band(sign: &Sign, out: &mut String) {
    let (fill, ink, border) = match sign.kind {
        SignKind::Prohibition | SignKind::Fire => (RED, WHITE, "none"),
        SignKind::Warning => (WHITE, BLACK, BLACK),
        SignKind::Mandatory => (BLUE, WHITE, "none"),
        SignKind::Information => (GREEN, WHITE, "none"),
    };
    let chars = sign.text.chars().count().max(1) as f64;
    let size = (92.0 / chars).min(15.0);
    let _ = write!(
        out,
        r#"<rect x="1" y="104" width="98" height="25" fill="{fill}" stroke="{border}" stroke-width="1.5"/><text x="50" y="{:.1}" font-size="{size:.1}" font-weight="bold" text-anchor="middle" fill="{ink}">"#,
        116.5 + size * 0.36
    );
    escape_into(sign.text, out);
    out.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::super::SIGNS;
    use super::*;

    #[test]
    fn every_sign_is_well_formed_svg_with_its_text() {
        for sign in SIGNS {
            let svg = sign_svg(sign);
            let parsed = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{}: {e}\n{svg}", sign.text));
            let texts: Vec<&str> = parsed
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect();
            assert_eq!(texts, [sign.text], "{}", sign.text);
            assert!(!svg.contains("\"BG\""), "{}", sign.text);
        }
    }
}

#[cfg(test)]
mod sheet {
    /// `ANQUAN_SIGN_SHEET=path cargo test --lib sign_sheet` writes every sign on one page.
    #[test]
    fn sign_sheet() {
        let Ok(path) = std::env::var("ANQUAN_SIGN_SHEET") else {
            return;
        };
        let mut html = String::from("<html><body style='display:flex;flex-wrap:wrap;gap:8px'>");
        for s in super::super::SIGNS {
            html.push_str(&super::sign_svg(s));
        }
        std::fs::write(path, html).unwrap();
    }
}
