use super::*;

fn zone(id: &str, shape: Shape, level: &str) -> MapZone {
    MapZone {
        id: id.into(),
        name: "冲压<车间>".into(),
        level: level.into(),
        fill: "#FF8C00".into(),
        ink: "#000000".into(),
        shape,
        markers: vec![("R01".into(), "#FF8C00".into())],
    }
}

fn map(zones: Vec<MapZone>) -> MapInput {
    MapInput {
        title: "甲公司安全风险四色分布图".into(),
        site_width: 100.0,
        site_height: 50.0,
        unit: "m".into(),
        zones,
        legend: vec![("较大风险".into(), "#FF8C00".into())],
        footer: "绘制：乙".into(),
        background: None,
    }
}

#[test]
fn zones_carry_id_and_level_and_escape_names() {
    let svg = risk_map_svg(&map(vec![zone(
        "a",
        Shape::Rect([0.0, 0.0, 50.0, 50.0]),
        "较大",
    )]));
    assert!(svg.contains(r#"id="zone-a" data-level="较大""#));
    assert!(svg.contains("冲压&lt;车间&gt;") && !svg.contains("冲压<车间>"));
    assert_eq!(svg.matches("id=\"zone-").count(), 1);
}

#[test]
fn polygons_scale_with_the_site() {
    // Site 100 × 50 → scale 9.2 (width-bound): (50, 0) lands at x = 40 + 460 = 500.
    let svg = risk_map_svg(&map(vec![zone(
        "p",
        Shape::Polygon(vec![[50.0, 0.0], [100.0, 0.0], [100.0, 50.0]]),
        "低",
    )]));
    assert!(
        svg.contains(r#"points="500.0,90.0 960.0,90.0 960.0,550.0""#),
        "{svg}"
    );
}

#[test]
fn scale_bar_is_round() {
    let mut s = String::new();
    scale_bar(&mut s, 0.0, 0.0, 9.2, 120.0, "m");
    assert!(s.contains(">20 m<"), "{s}");
}

/// (x, y, w, h) of every zone rect in the SVG.
fn zone_rects(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.split("<rect id=\"zone-")
        .skip(1)
        .map(|r| {
            let n = |key: &str| -> f64 {
                let from = r.find(&format!(" {key}=\"")).expect(key) + key.len() + 3;
                r[from..].split('"').next().unwrap().parse().unwrap()
            };
            (n("x"), n("y"), n("width"), n("height"))
        })
        .collect()
}

#[test]
fn markers_stay_visible_on_a_zone_of_their_own_colour() {
    // The zone and its marker are both orange: the marker needs its ring to be seen.
    let svg = risk_map_svg(&map(vec![zone(
        "a",
        Shape::Rect([0.0, 0.0, 100.0, 50.0]),
        "较大",
    )]));
    let markers: Vec<&str> = svg.split("<circle ").skip(1).collect();
    assert_eq!(markers.len(), 2, "a ring and a dot: {svg}");
    assert!(markers[0].starts_with(r##"class="marker-ring""##));
    assert!(markers[0].contains(r##"fill="#FFFFFF" stroke="#000000""##));
    assert!(markers[1].starts_with(r##"class="marker""##));
    assert!(markers[1].contains(r##"fill="#FF8C00" stroke="#000000""##));
}

#[test]
fn the_north_arrow_lies_outside_every_zone() {
    // Zones fill the whole site, so anything on the plan would sit on one.
    let svg = risk_map_svg(&map(vec![
        zone("a", Shape::Rect([0.0, 0.0, 50.0, 50.0]), "较大"),
        zone("b", Shape::Rect([50.0, 0.0, 50.0, 50.0]), "低"),
    ]));
    let arrow = svg
        .split(r#"<g aria-label="指北针"><polygon points=""#)
        .nth(1)
        .expect("arrow");
    let points: Vec<(f64, f64)> = arrow
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    let rects = zone_rects(&svg);
    assert_eq!(rects.len(), 2);
    for (px, py) in points {
        for (x, y, w, h) in &rects {
            let inside = px >= *x && px <= x + w && py >= *y && py <= y + h;
            assert!(!inside, "north arrow point ({px}, {py}) is on a zone");
        }
    }
}
