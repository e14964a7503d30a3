//! A grouped bar chart as SVG (the 托管服务工作报告's required against done): two bars per
//! item, a value over each, the item's name under them, a legend. Text is XML-escaped.

use std::fmt::Write;

use crate::render::svg::text;

/// One item of the chart: its name and its two values.
pub struct Bars<'a> {
    pub label: &'a str,
    pub values: [u32; 2],
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const PLOT_TOP: f64 = 50.0;
const PLOT_BOTTOM: f64 = 260.0;
const LEFT: f64 = 40.0;
const COLOURS: [&str; 2] = ["#9E9E9E", "#0B3D91"];

/// `series` names the two bars of every item (e.g. 应完成, 已完成).
pub fn bar_chart_svg(title: &str, series: [&str; 2], items: &[Bars]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" font-family="Noto Sans CJK SC, sans-serif">"#
    );
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#FFFFFF"/>"##
    );
    text(
        &mut s,
        WIDTH / 2.0,
        24.0,
        15.0,
        "middle",
        "#000000",
        "bold",
        title,
    );
    for (i, (name, colour)) in series.iter().zip(COLOURS).enumerate() {
        let x = WIDTH - 200.0 + i as f64 * 100.0;
        let _ = writeln!(
            s,
            r#"<rect x="{x:.1}" y="34" width="12" height="12" fill="{colour}"/>"#
        );
        text(
            &mut s,
            x + 16.0,
            45.0,
            12.0,
            "start",
            "#000000",
            "normal",
            name,
        );
    }
    let max = items
        .iter()
        .flat_map(|b| b.values)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = PLOT_BOTTOM - PLOT_TOP - 20.0;
    let slot = (WIDTH - LEFT * 2.0) / items.len().max(1) as f64;
    let bar = (slot / 4.0).min(48.0);
    for (i, item) in items.iter().enumerate() {
        let centre = LEFT + slot * (i as f64 + 0.5);
        for (j, (value, colour)) in item.values.iter().zip(COLOURS).enumerate() {
            let h = height * f64::from(*value) / f64::from(max);
            let x = centre - bar + j as f64 * bar;
            let y = PLOT_BOTTOM - h;
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{colour}"/>"#,
                bar - 2.0
            );
            let label = value.to_string();
            text(
                &mut s,
                x + bar / 2.0 - 1.0,
                y - 4.0,
                12.0,
                "middle",
                "#000000",
                "normal",
                &label,
            );
        }
        text(
            &mut s,
            centre,
            PLOT_BOTTOM + 22.0,
            12.0,
            "middle",
            "#000000",
            "normal",
            item.label,
        );
    }
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{PLOT_BOTTOM}" x2="{:.1}" y2="{PLOT_BOTTOM}" stroke="#000000" stroke-width="1"/>"##,
        WIDTH - LEFT
    );
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_text_is_escaped() {
        let svg = bar_chart_svg(
            "A<B",
            ["应完成", "已完成"],
            &[
                Bars {
                    label: "检查&培训",
                    values: [8, 4],
                },
                Bars {
                    label: "演练",
                    values: [1, 0],
                },
            ],
        );
        assert!(svg.contains("A&lt;B") && svg.contains("检查&amp;培训"));
        assert!(svg.contains(r#"height="190.0""#), "the 8 fills the plot");
        assert!(svg.contains(r#"height="95.0""#), "the 4 is half of it");
        assert_eq!(svg.matches("<rect").count(), 1 + 2 + 4);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }
}
