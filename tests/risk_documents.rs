//! 第十九条 risk documents of the bundled example: the four-colour map (SVG attributes,
//! colours), the register, a board per zone and a card per post.

mod common;

use std::fs;

use common::*;

#[test]
fn one_map_one_register_a_board_per_zone_a_card_per_post() {
    let (_tmp, out, m) = example_html();
    assert_eq!(docs(&m, "ruifeng", "risk-map").len(), 1);
    assert_eq!(docs(&m, "ruifeng", "risk-register").len(), 1);
    assert_eq!(docs(&m, "ruifeng", "zone-board").len(), 6);
    assert_eq!(docs(&m, "ruifeng", "post-card").len(), 7);
    assert_eq!(docs(&m, "jinshun", "zone-board").len(), 3);
    let map = docs(&m, "ruifeng", "risk-map")[0];
    assert_eq!(map["title"], "安全风险四色分布图");
    assert!(out.join(map["files"]["svg"].as_str().unwrap()).is_file());
    let titles: Vec<&str> = docs(&m, "ruifeng", "zone-board")
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"车间风险公告牌（喷粉车间）"), "{titles:?}");
    let cards: Vec<&str> = docs(&m, "ruifeng", "post-card")
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert!(cards.contains(&"岗位安全风险告知卡（压铸工）"), "{cards:?}");
}

#[test]
fn zones_take_the_colour_of_their_highest_risk() {
    let (_tmp, out, _m) = example_html();
    let svg = read(&out.join("ruifeng/risk-map.svg"));
    // R05 静电喷粉 3×6×40 = 720 → 重大; R06 in the same zone is 一般: the zone is red.
    assert!(
        svg.contains(r##"id="zone-coating" data-level="重大" fill="#FF0000""##),
        "{svg:.2000}"
    );
    // R01 3×6×15 = 270 and R02 1×6×40 = 240 → 较大, orange.
    assert!(svg.contains(r##"id="zone-diecast" data-level="较大" fill="#FF8C00""##));
    // R03 1×6×7 = 42 (低) and R04 LS 3×3 = 9 (一般) → 一般, yellow.
    assert!(svg.contains(r##"id="zone-machining" data-level="一般" fill="#FFFF00""##));
    assert!(svg.contains(r##"id="zone-assembly" data-level="低" fill="#0070C0""##));
    // The warehouse is a polygon: still one element with the attributes.
    assert!(svg.contains(r#"<polygon id="zone-warehouse" data-level="一般""#));
    assert_eq!(svg.matches(r#" id="zone-"#).count(), 6);
    for needle in [
        "安全风险四色分布图",
        "重大风险（红色）",
        "低风险（蓝色）",
        "指北针",
        "比例尺",
        "20 m",
        "2026年3月20日", // its own date (spec §6), not the build date
    ] {
        assert!(svg.contains(needle), "map lacks {needle}");
    }
}

#[test]
fn a_zone_without_risk_points_is_grey_and_reported() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    let text = read(&file).replace(
        "  - {id: shop, name: 生产车间, rect: [0, 0, 40, 20], owner: 周五}",
        "  - {id: shop, name: 生产车间, rect: [0, 0, 30, 20], owner: 周五}\n  - {id: store, name: 仓库, rect: [30, 0, 10, 20], owner: 周五}",
    );
    fs::write(&file, text).unwrap();
    let out = tmp.path().join("out");
    let result = build_html(&site, &out);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("error[zone-without-risk]") && stderr.contains("zones[1]"),
        "{stderr}"
    );
    let svg = read(&out.join("mini/risk-map.svg"));
    assert!(svg.contains(r##"id="zone-store" data-level="未评估" fill="#BDBDBD""##));
    assert!(svg.contains(">未评估<"), "legend names the grey");
}

#[test]
fn the_register_lists_every_point_by_level_with_its_controls() {
    let (_tmp, out, m) = example_html();
    let html = doc_html(&out, &m, "ruifeng", "安全风险分级管控清单");
    let body = text(&html);
    let order: Vec<usize> = [
        "R05 静电喷粉作业",
        "R01 铝合金压铸作业",
        "R04 砂轮打磨作业",
        "R07 装配线作业",
    ]
    .iter()
    .map(|p| body.find(p).unwrap_or_else(|| panic!("{p} missing")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "sorted by level: {order:?}"
    );
    for needle in [
        "D = L×E×C = 3×6×40 = 720",
        "R = L×S = 3×3 = 9",
        "喷粉房设置泄爆口和火花探测装置",
        "防静电工作服",
        "重大风险 1 项",
    ] {
        assert!(body.contains(needle), "register lacks {needle}");
    }
    // The register's own table: the 修订记录 after it has rows of its own.
    let register = html.split("修订记录").next().unwrap_or_default();
    assert_eq!(
        register.matches("<tr>").count(),
        1 + 9,
        "header and nine risk points"
    );
}

#[test]
fn boards_and_cards_carry_hazards_controls_signs_and_phones() {
    let (_tmp, out, m) = example_html();
    let board = text(&doc_html(&out, &m, "ruifeng", "车间风险公告牌（喷粉车间）"));
    for needle in [
        "重大风险（红色）",
        "粉尘云遇静电火花爆炸",
        "切断电源",
        "当心爆炸",
        "禁止烟火",
        "0579-87651119",
        "吕建平",
    ] {
        assert!(board.contains(needle), "board lacks {needle}");
    }
    let card = text(&doc_html(
        &out,
        &m,
        "ruifeng",
        "岗位安全风险告知卡（压铸工）",
    ));
    // The post takes the highest level of the points naming it: R01 and R02 are 较大.
    for needle in [
        "较大风险（橙色）",
        "楼志刚、胡海波、徐建军、吴小龙",
        "高温铝液飞溅",
        "隔热手套",
        "工作服",
        "当心烫伤",
        "立即停机并切断液压动力",
        "告知人",
        "接受人",
        "火警119", // 火警 and 119 in large type, one under the other
    ] {
        assert!(card.contains(needle), "card lacks {needle}");
    }
    let clerkless = text(&doc_html(
        &out,
        &m,
        "jinshun",
        "岗位安全风险告知卡（理货员）",
    ));
    assert!(clerkless.contains("一般风险"), "J01 LS 3×4 = 12 → 一般");
}

#[test]
fn a_site_plan_is_drawn_under_semi_transparent_zones() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    fs::create_dir_all(site.join("static")).unwrap();
    fs::copy(
        example().join("static/photos/chenjing.png"),
        site.join("static/plan.png"),
    )
    .unwrap();
    let file = site.join("enterprises/mini.yaml");
    fs::write(
        &file,
        read(&file).replace("unit: m}", "unit: m, background: static/plan.png}"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let svg = read(&out.join("mini/risk-map.svg"));
    assert!(
        svg.contains("<image ") && svg.contains("href=\"data:image/png;base64,"),
        "the plan is embedded"
    );
    assert!(
        svg.contains(r##"id="zone-shop" data-level="一般" fill="#FFFF00" fill-opacity="0.6""##)
    );
}

#[test]
fn the_register_names_control_tiers_departments_and_the_principal_for_major_risks() {
    let (_tmp, out, m) = example_html();
    let html = doc_html(&out, &m, "ruifeng", "安全风险分级管控清单");
    for header in [
        "<th>管控层级</th>",
        "<th>责任部门</th>",
        "<th>管控措施</th>",
    ] {
        assert!(html.contains(header), "register lacks {header}");
    }
    let rows: Vec<String> = html.split("<tr>").skip(2).map(text).collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| r.contains(id))
            .unwrap_or_else(|| panic!("{id} missing"))
            .clone()
    };
    // R05 is 重大: 公司级, the principal answers for it, 吕建平 still does the work.
    let major = row("R05 静电喷粉作业");
    assert!(major.contains("公司级"), "{major}");
    assert!(major.contains("应国强（主要负责人）") && major.contains("具体负责人：吕建平"));
    assert!(major.contains("生产部"), "吕建平 heads 生产部: {major}");
    assert!(row("R01 铝合金压铸作业").contains("部门（车间）级"));
    assert!(row("R04 砂轮打磨作业").contains("班组级"));
    let low = row("R03 数控车床加工");
    assert!(low.contains("岗位级"));
    // 朱伟明 heads no department: the zone owner's (吕建平, 生产部) is taken.
    assert!(
        low.contains("生产部") && !low.contains("主要负责人"),
        "{low}"
    );
    assert!(row("R08 叉车装卸作业").contains("仓储物流部"));
}

#[test]
fn the_badge_is_named_after_the_city_as_article_twenty_says() {
    let (_tmp, out, m) = example_html();
    let badge = text(&read(
        &out.join(
            docs(&m, "ruifeng", "badge")[0]["files"]["html"]
                .as_str()
                .expect("html"),
        ),
    ));
    assert!(
        badge.contains("《金华市“安全生产托管”辅导员》工作牌"),
        "{badge}"
    );
}
