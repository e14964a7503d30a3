//! The four-colour risk map (安全风险四色分布图) as SVG: zones drawn to scale in their level's
//! colour, names and levels on the fill, risk-point markers, legend, north arrow, scale
//! bar, title, date and author. Every zone shape carries `id="zone-ID"` and `data-level`.

use std::fmt::Write;

use crate::render::blocks_html::escape_into;

/// Canvas size in SVG units; the drawing keeps the site's proportions inside it.
const WIDTH: f64 = 1000.0;
const DRAW_LEFT: f64 = 40.0;
const DRAW_TOP: f64 = 90.0;
const DRAW_WIDTH: f64 = 920.0;
const DRAW_MAX_HEIGHT: f64 = 560.0;
const FONT: &str = "SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

pub enum Shape {
    Rect([f64; 4]),
    Polygon(Vec<[f64; 2]>),
}

pub struct MapZone {
    pub id: String,
    pub name: String,
    /// 重大 / 较大 / 一般 / 低 / 未评估
    pub level: String,
    pub fill: String,
    pub ink: String,
    pub shape: Shape,
    /// (risk point id, fill colour) markers drawn inside the zone.
    pub markers: Vec<(String, String)>,
}

pub struct MapInput {
    pub title: String,
    pub site_width: f64,
    pub site_height: f64,
    pub unit: String,
    pub zones: Vec<MapZone>,
    /// (label, fill) rows of the legend.
    pub legend: Vec<(String, String)>,
    /// Footer: who drew it and when.
    pub footer: String,
    /// A site plan drawn under the zones, as a data URI.
    pub background: Option<String>,
}

pub fn risk_map_svg(map: &MapInput) -> String {
    let scale = (DRAW_WIDTH / map.site_width).min(DRAW_MAX_HEIGHT / map.site_height);
    let draw_w = map.site_width * scale;
    let draw_h = map.site_height * scale;
    let left = DRAW_LEFT + (DRAW_WIDTH - draw_w) / 2.0;
    let legend_top = DRAW_TOP + draw_h + 30.0;
    // Legend and north arrow share the row under the plan; the footer goes below both.
    let height = legend_top + 95.0;
    let px = |x: f64| left + x * scale;
    let py = |y: f64| DRAW_TOP + y * scale;

    let mut s = String::with_capacity(8192);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0}" width="{WIDTH}" height="{height:.0}" role="img" aria-labelledby="map-title" font-family="{FONT}">"#
    );
    s.push_str("<title id=\"map-title\">");
    escape_into(&map.title, &mut s);
    s.push_str(
        "</title>\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n",
    );
    text(
        &mut s,
        WIDTH / 2.0,
        48.0,
        28.0,
        "middle",
        "#000000",
        "bold",
        &map.title,
    );

    // The site boundary, and the plan under the zones.
    let _ = writeln!(
        s,
        r##"<rect x="{left:.1}" y="{DRAW_TOP:.1}" width="{draw_w:.1}" height="{draw_h:.1}" fill="#F5F5F5" stroke="#333333" stroke-width="2"/>"##
    );
    let opacity = if let Some(uri) = &map.background {
        s.push_str(&format!(r#"<image x="{left:.1}" y="{DRAW_TOP:.1}" width="{draw_w:.1}" height="{draw_h:.1}" preserveAspectRatio="none" href=""#));
        escape_into(uri, &mut s);
        s.push_str("\"/>\n");
        0.6
    } else {
        1.0
    };

    for zone in &map.zones {
        let mut id = String::new();
        escape_into(&zone.id, &mut id);
        let mut level = String::new();
        escape_into(&zone.level, &mut level);
        let common = format!(
            r##"id="zone-{id}" data-level="{level}" fill="{}" fill-opacity="{opacity}" stroke="#333333" stroke-width="1.5""##,
            zone.fill
        );
        let (cx, cy, w, h) = match &zone.shape {
            Shape::Rect([x, y, w, h]) => {
                let _ = write!(
                    s,
                    r#"<rect {common} x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}">"#,
                    px(*x),
                    py(*y),
                    w * scale,
                    h * scale
                );
                (px(x + w / 2.0), py(y + h / 2.0), w * scale, h * scale)
            }
            Shape::Polygon(points) => {
                let list: Vec<String> = points
                    .iter()
                    .map(|[x, y]| format!("{:.1},{:.1}", px(*x), py(*y)))
                    .collect();
                let _ = write!(s, r#"<polygon {common} points="{}">"#, list.join(" "));
                let (min_x, max_x) = bounds(points.iter().map(|p| p[0]));
                let (min_y, max_y) = bounds(points.iter().map(|p| p[1]));
                let n = points.len() as f64;
                let (mx, my) = (
                    points.iter().map(|p| p[0]).sum::<f64>() / n,
                    points.iter().map(|p| p[1]).sum::<f64>() / n,
                );
                (
                    px(mx),
                    py(my),
                    (max_x - min_x) * scale,
                    (max_y - min_y) * scale,
                )
            }
        };
        s.push_str("<title>");
        escape_into(
            &format!("{}：{}", zone.name, level_label(&zone.level)),
            &mut s,
        );
        s.push_str(if matches!(zone.shape, Shape::Rect(_)) {
            "</title></rect>\n"
        } else {
            "</title></polygon>\n"
        });

        // Name and level, sized to fit the zone.
        let chars = zone.name.chars().count().max(4) as f64;
        let size = (w * 0.8 / chars).clamp(9.0, 24.0).min(h / 4.0).max(9.0);
        text(
            &mut s,
            cx,
            cy - size * 0.3,
            size,
            "middle",
            &zone.ink,
            "bold",
            &zone.name,
        );
        text(
            &mut s,
            cx,
            cy + size * 0.9,
            size * 0.75,
            "middle",
            &zone.ink,
            "normal",
            level_label(&zone.level),
        );
        // Markers in a row under the level, wrapped to the zone's width.
        let per_row = ((w - 10.0) / 46.0).floor().max(1.0) as usize;
        for (i, (risk_id, fill)) in zone.markers.iter().enumerate() {
            let (row, col) = (i / per_row, i % per_row);
            let count = zone.markers.len().min(per_row) as f64;
            let mx = cx - (count - 1.0) * 23.0 + col as f64 * 46.0;
            let my = cy + size * 1.9 + row as f64 * 22.0;
            marker(&mut s, mx, my, fill);
            text(
                &mut s,
                mx + 13.0,
                my + 4.5,
                13.0,
                "start",
                &zone.ink,
                "normal",
                risk_id,
            );
        }
    }

    scale_bar(
        &mut s,
        left,
        DRAW_TOP + draw_h + 18.0,
        scale,
        map.site_width,
        &map.unit,
    );
    // Legend.
    let mut x = left;
    for (label, fill) in &map.legend {
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{:.1}" width="26" height="16" fill="{fill}" stroke="#333333"/>"##,
            legend_top + 10.0
        );
        text(
            &mut s,
            x + 32.0,
            legend_top + 23.0,
            14.0,
            "start",
            "#000000",
            "normal",
            label,
        );
        x += 40.0 + label.chars().count() as f64 * 15.0;
    }
    // Outside the plan, so that it never hides (or sits on) a zone.
    let arrow_x = (left + draw_w - 12.0).max(x + 10.0).min(WIDTH - 15.0);
    north_arrow(&mut s, arrow_x, legend_top + 2.0);
    text(
        &mut s,
        left + draw_w,
        legend_top + 80.0,
        12.0,
        "end",
        "#333333",
        "normal",
        &map.footer,
    );
    s.push_str("</svg>\n");
    s
}

fn level_label(level: &str) -> &str {
    match level {
        "重大" => "重大风险",
        "较大" => "较大风险",
        "一般" => "一般风险",
        "低" => "低风险",
        _ => "未评估",
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn text(
    s: &mut String,
    x: f64,
    y: f64,
    size: f64,
    anchor: &str,
    fill: &str,
    weight: &str,
    content: &str,
) {
    let _ = write!(
        s,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}" text-anchor="{anchor}" fill="{fill}" font-weight="{weight}">"#
    );
    escape_into(content, s);
    s.push_str("</text>\n");
}

/// A risk point: its level's colour inside a white ring with a black edge, so that it
/// stays visible on a zone of the same colour.
fn marker(s: &mut String, x: f64, y: f64, fill: &str) {
    let _ = write!(
        s,
        r##"<circle class="marker-ring" cx="{x:.1}" cy="{y:.1}" r="9.5" fill="#FFFFFF" stroke="#000000" stroke-width="1.2"/><circle class="marker" cx="{x:.1}" cy="{y:.1}" r="6" fill="{fill}" stroke="#000000" stroke-width="0.8"/>"##
    );
}

fn north_arrow(s: &mut String, x: f64, y: f64) {
    let _ = write!(
        s,
        r##"<g aria-label="指北针"><polygon points="{x:.1},{:.1} {:.1},{:.1} {x:.1},{:.1} {:.1},{:.1}" fill="#000000" stroke="#000000"/>"##,
        y,
        x + 9.0,
        y + 30.0,
        y + 22.0,
        x - 9.0,
        y + 30.0
    );
    text(s, x, y + 46.0, 14.0, "middle", "#000000", "bold", "北");
    s.push_str("</g>\n");
}

/// A bar of a round length (1, 2 or 5 × 10ⁿ site units) near a fifth of the site width.
fn scale_bar(s: &mut String, x: f64, y: f64, scale: f64, site_width: f64, unit: &str) {
    let target = site_width / 5.0;
    let magnitude = 10f64.powf(target.log10().floor());
    let length = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .rfind(|l| *l <= target)
        .unwrap_or(magnitude);
    let bar = length * scale;
    let _ = write!(
        s,
        r##"<g aria-label="比例尺"><rect x="{x:.1}" y="{:.1}" width="{:.1}" height="6" fill="#000000"/><rect x="{:.1}" y="{:.1}" width="{:.1}" height="6" fill="#FFFFFF" stroke="#000000"/>"##,
        y,
        bar / 2.0,
        x + bar / 2.0,
        y,
        bar / 2.0
    );
    text(s, x, y - 4.0, 11.0, "middle", "#000000", "normal", "0");
    text(
        s,
        x + bar,
        y - 4.0,
        11.0,
        "middle",
        "#000000",
        "normal",
        &format!("{} {unit}", crate::facts::risk::num(length)),
    );
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests;
