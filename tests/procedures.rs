//! 岗位安全操作规程, 危险作业票 and 职业病危害告知卡 (spec §9): one procedure per post naming
//! its hazards and protective equipment, permits only where such work exists, a notice
//! per occupational hazard; each in the PDF and in the pack's outline.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;

/// The example with a boiler house added to jinshun: a 司炉工 with a gas boiler, an
/// electric hoist, a factor without a known limit, and documents issued after the
/// noise was measured.
fn fixture() -> &'static (tempfile::TempDir, PathBuf, serde_json::Value) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf, serde_json::Value)> = OnceLock::new();
    BUILT.get_or_init(build_fixture)
}

fn build_fixture() -> (tempfile::TempDir, PathBuf, serde_json::Value) {
    let tmp = copy_site(&example());
    let site = tmp.path().join("site");
    let file = site.join("enterprises/jinshun.yaml");
    let yaml = read(&file)
        .replace(
            "  emergency_phone: 0579-87239119\n",
            "  emergency_phone: 0579-87239119\n  issued_on: 2026-07-01\n",
        )
        .replace(
            "  - {id: office, name: 办公及充电区, rect: [60, 35, 40, 25], owner: 林小燕}\n",
            "  - {id: office, name: 办公及充电区, rect: [60, 35, 40, 25], owner: 林小燕}\n  \
             - {id: boilers, name: 锅炉房, rect: [0, 0, 10, 10], owner: 邵国平}\n",
        )
        .replace(
            "  - {id: picker, name: 理货员, zone: highbay}\n",
            "  - {id: picker, name: 理货员, zone: highbay}\n  - {id: stoker, name: 司炉工, zone: boilers}\n",
        )
        .replace(
            "      - {name: 王小兵, post: loader}\n",
            "      - {name: 王小兵, post: loader}\n      - {name: 蒋海, post: stoker}\n",
        )
        .replace(
            "equipment:\n",
            "equipment:\n  - {name: 燃气蒸汽锅炉, special: true, category: 锅炉, model: WNS2-1.25-Q, zone: boilers,\n     reg_no: 锅11浙G0001, inspected_on: 2026-05-01, next_inspection: 2027-04-30}\n  \
             - {name: 电动葫芦, special: true, category: 起重机械, model: CD1-2t, zone: dock,\n     reg_no: 起17浙G0002, inspected_on: 2026-05-01, next_inspection: 2027-04-30}\n",
        )
        .replace(
            "risk_points:\n",
            "risk_points:\n  - id: J00\n    name: 燃气锅炉运行\n    zone: boilers\n    posts: [stoker]\n    \
             hazards: [锅炉缺水, 安全阀失效超压]\n    accidents: [锅炉爆炸, 灼烫]\n    \
             assessment: {method: LEC, L: 1, E: 6, C: 40}\n    controls:\n      \
             ppe: [隔热手套]\n      emergency: [立即停炉]\n    responsible: 邵国平\n",
        )
        .replace(
            "occupational_hazards:\n",
            "occupational_hazards:\n  - {factor: 矽尘, zone: dock, posts: [loader], exposed: 3}\n",
        );
    fs::write(&file, yaml).expect("write fixture");
    let out = tmp.path().join("public");
    build_html(&site, &out);
    let m = manifest(&out);
    (tmp, out, m)
}

fn body(out: &Path, doc: &serde_json::Value) -> String {
    text(&read(
        &out.join(doc["files"]["html"].as_str().expect("html")),
    ))
}

#[test]
fn counts_per_kind_follow_the_posts_the_work_and_the_hazards() {
    let (_tmp, out, m) = fixture();
    for (id, posts, permits, notices) in [
        (
            "ruifeng",
            7,
            vec![
                "动火安全作业票",
                "有限空间作业审批表",
                "吊装安全作业票",
                "临时用电安全作业票",
            ],
            4,
        ),
        ("jinshun", 4, vec!["吊装安全作业票"], 2),
    ] {
        assert_eq!(docs(m, id, "procedure").len(), posts, "{id}");
        let titles: Vec<&str> = docs(m, id, "work-permit")
            .iter()
            .map(|d| d["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, permits, "{id}");
        assert_eq!(docs(m, id, "hazard-notice").len(), notices, "{id}");
        for d in docs(m, id, "procedure") {
            assert!(d["number"].as_str().unwrap().contains("-GC-"), "{d}");
            assert_eq!(
                d["date"],
                if id == "jinshun" {
                    "2026-07-01"
                } else {
                    "2026-03-20"
                }
            );
        }
    }
    let hoist = body(out, docs(m, "jinshun", "work-permit")[0]);
    assert!(
        hoist.contains("装卸月台") && hoist.contains("电动葫芦"),
        "{hoist}"
    );
}

#[test]
fn each_procedure_names_its_posts_hazards_and_protective_equipment() {
    let (_tmp, out, m) = fixture();
    for id in ["ruifeng", "jinshun"] {
        let e: anquan::site::model::EnterpriseFile = serde_saphyr::from_str(&read(
            &out.join("../site/enterprises").join(format!("{id}.yaml")),
        ))
        .expect("yaml");
        for post in &e.posts {
            let name = &post.name;
            let doc = docs(m, id, "procedure")
                .into_iter()
                .find(|d| d["title"] == format!("{name}安全操作规程"))
                .unwrap_or_else(|| panic!("{id}: no procedure for {name}"));
            let page = body(out, doc);
            let main = page.split("一、适用范围").nth(1).expect("body");
            assert!(
                main.chars().count() >= 400,
                "{name}: {}",
                main.chars().count()
            );
            for part in ["作业前", "作业中", "作业后", "禁止事项", "应急处置"] {
                assert!(main.contains(part), "{name}: {part}");
            }
            for point in &e.risk_points {
                let mine = point.posts.contains(&post.id);
                for hazard in &point.hazards {
                    assert_eq!(main.contains(hazard.as_str()), mine, "{name}: {hazard}");
                }
            }
            for rule in &e.ppe {
                if rule.posts.iter().any(|p| p == "all" || p == &post.id) {
                    assert!(main.contains(rule.item.as_str()), "{name}: {}", rule.item);
                }
            }
        }
    }
}

#[test]
fn a_boiler_attendants_procedure_is_about_the_boiler() {
    let (_tmp, out, m) = fixture();
    let page = text(&doc_html(out, m, "jinshun", "司炉工安全操作规程"));
    for needle in [
        "燃气蒸汽锅炉（WNS2-1.25-Q）",
        "水位表",
        "最高允许工作压力",
        "安全阀",
        "严禁向锅炉内进水",
        "G1 工业锅炉司炉",
        "隔热手套",
        "燃气锅炉运行：立即停炉",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
    // Nothing of the other posts' work.
    for other in ["叉车", "货叉", "砂轮"] {
        assert!(!page.contains(other), "{other}");
    }
    // A 理货员 is threatened by forklifts (叉车撞击货架立柱) but drives none.
    let picker = text(&doc_html(out, m, "jinshun", "理货员安全操作规程"));
    assert!(picker.contains("叉车撞击货架立柱") && picker.contains("攀爬货架"));
    assert!(
        !picker.contains("N1") && !picker.contains("货叉离地"),
        "{picker}"
    );
    let lathe = text(&doc_html(out, m, "ruifeng", "数控车工安全操作规程"));
    assert!(lathe.contains("数控车床（CK6140）") && lathe.contains("卡盘"));
    let grinder = text(&doc_html(out, m, "ruifeng", "打磨工安全操作规程"));
    assert!(!grinder.contains("数控车床（") && grinder.contains("砂轮"));
}

#[test]
fn a_notice_has_the_limit_the_monitoring_known_then_and_blanks_for_the_unknown() {
    let (_tmp, out, m) = fixture();
    let noise = text(&doc_html(out, m, "jinshun", "职业病危害告知卡（噪声）"));
    assert!(noise.contains("85 dB(A)") && noise.contains("GBZ 2.2-2007"));
    assert!(noise.contains("检测日期：2026年6月10日"), "{noise}");
    assert!(noise.contains("必须戴护耳器") && noise.contains("120"));
    let silica = text(&doc_html(out, m, "jinshun", "职业病危害告知卡（矽尘）"));
    assert!(silica.contains("职业接触限值＿＿"), "no limit is guessed");
    assert!(silica.contains("检测日期：＿＿"));
    // ruifeng's documents date from before its monitoring: the line is blank there.
    let dust = text(&doc_html(
        out,
        m,
        "ruifeng",
        "职业病危害告知卡（铝尘（铝合金粉尘））",
    ));
    assert!(dust.contains("PC-TWA 3 mg/m³") && dust.contains("注意防尘"));
    assert!(
        dust.contains("GB 15577-2018") && !dust.contains("湿式作业"),
        "{dust}"
    );
    assert!(!dust.contains("2026年5月18日"));
}

#[test]
fn each_is_in_the_pdf_and_the_packs_outline() {
    let out = example_built();
    let m = manifest(out);
    for id in ["ruifeng", "jinshun"] {
        let name = if id == "ruifeng" {
            "永康市瑞丰电动工具有限公司"
        } else {
            "永康市金顺物流仓储有限公司"
        };
        let pack = out.join(docs(&m, id, "pack")[0]["files"]["pdf"].as_str().unwrap());
        let outline = pack_bookmarks(&pack);
        let titles: Vec<&str> = outline.iter().map(|t| t.0.as_str()).collect();
        for kind in ["procedure", "work-permit", "hazard-notice"] {
            for d in docs(&m, id, kind) {
                let title = d["title"].as_str().unwrap();
                assert!(titles.contains(&title), "{id}: {title} in the outline");
                let pdf = out.join(d["files"]["pdf"].as_str().unwrap());
                assert!(pdf_text(&pdf).contains(name), "{id}: {title}");
                assert!(d["files"]["docx"].is_string(), "{title} has a DOCX");
            }
        }
    }
}

/// What a procedure's items say, without punctuation and white space.
fn items(html: &str) -> Vec<String> {
    html.split("<li>")
        .skip(1)
        .filter_map(|rest| rest.split("</li>").next())
        .map(|item| text(item).chars().filter(|c| c.is_alphanumeric()).collect())
        .collect()
}

#[test]
fn a_forklift_driver_reads_of_its_own_truck_and_not_of_the_posts_beside_it() {
    let (_tmp, out, m) = fixture();
    // jinshun's 叉车司机 shares 月台装卸作业 with the 装卸工 and 高位货架存取作业 with the
    // 理货员, and drives an 电动平衡重式叉车 charged at a charging point of its own.
    let electric = text(&doc_html(out, m, "jinshun", "叉车司机安全操作规程"));
    for other in [
        "月台调节板",
        "人工搬运时",
        "登高车",
        "货架垂直度",
        "加注燃油",
        "燃油",
        "尾气",
        "熄火、拉紧手制动，保护现场",
        // No fuel gas or compressed air at a charging point.
        "电源、气源",
    ] {
        assert!(!electric.contains(other), "{other}:\n{electric}");
    }
    for own in [
        "检查蓄电池电量",
        "驶回充电区充电",
        "叉车充电机（CZ-48V）",
        "先连接蓄电池插头",
        "货叉离地",
        "装卸前确认车辆熄火并垫好轮挡",
        "停车、断开电源",
        "关闭电源并拔下钥匙",
    ] {
        assert!(electric.contains(own), "{own}:\n{electric}");
    }
    // The 装卸工 and the 理货员 keep their work.
    let loader = text(&doc_html(out, m, "jinshun", "装卸工安全操作规程"));
    assert!(loader.contains("月台调节板") && loader.contains("人工搬运时"));
    let picker = text(&doc_html(out, m, "jinshun", "理货员安全操作规程"));
    assert!(picker.contains("登高车") && picker.contains("货架垂直度"));
    // The 理货员 drives none: the trucks and lorries around it stop either way.
    assert!(
        picker.contains("立即停车（内燃车辆熄火、电动车辆断开电源）"),
        "{picker}"
    );
    // It runs no machine: its hand-over is of the work, not of equipment.
    assert!(
        picker.contains("如实填写交接班记录") && !picker.contains("设备运行"),
        "{picker}"
    );
    // A post card lists its risk points' controls whole: the 叉车司机 works at the racks.
    let card = text(&doc_html(
        out,
        m,
        "jinshun",
        "岗位安全风险告知卡（叉车司机）",
    ));
    assert!(card.contains("货架下方"), "{card}");
    // ruifeng's 内燃平衡重式叉车: fuel and exhaust, no battery.
    let combustion = text(&doc_html(out, m, "ruifeng", "叉车司机安全操作规程"));
    assert!(combustion.contains("加注燃油时熄火") && combustion.contains("尾气积聚"));
    assert!(!combustion.contains("蓄电池"), "{combustion}");
    assert!(combustion.contains("熄火并拔下钥匙") && !combustion.contains("关闭电源并拔下钥匙"));
    // The 压铸工's furnace burns natural gas: its supply is shut too.
    let diecaster = text(&doc_html(out, m, "ruifeng", "压铸工安全操作规程"));
    assert!(diecaster.contains("切断电源、气源"), "{diecaster}");
    // After an explosion people leave upwind (not 「不得逆风返回」).
    let onsite = text(&doc_html(out, m, "ruifeng", "喷粉工岗位现场处置方案"));
    assert!(onsite.contains("向上风向迅速撤离") && !onsite.contains("逆风"));
}

#[test]
fn no_procedure_says_the_same_thing_twice() {
    let (_tmp, out, m) = fixture();
    let mut read_any = 0;
    for id in ["ruifeng", "jinshun"] {
        for doc in docs(m, id, "procedure") {
            let said = items(&read(&out.join(doc["files"]["html"].as_str().unwrap())));
            for (i, item) in said.iter().enumerate() {
                assert!(!said[..i].contains(item), "{}: {item}", doc["title"]);
            }
            read_any += said.len();
        }
    }
    assert!(read_any > 300, "{read_any} items");
}

#[test]
fn of_two_items_that_say_the_same_only_the_fuller_stays() {
    let (_tmp, out, m) = fixture();
    for (id, title, weaker, fuller) in [
        (
            "ruifeng",
            "压铸工",
            "熔炉区严禁存放积水",
            "严禁在熔炉区域存放积水",
        ),
        (
            "ruifeng",
            "压铸工",
            "开模取件必须停机",
            "调整模具前必须停机",
        ),
        (
            "ruifeng",
            "压铸工",
            "投料前铝锭预热烘干",
            "在投料前预热烘干",
        ),
        (
            "ruifeng",
            "喷粉工",
            "严禁未经审批动火；",
            "严禁未经审批在喷粉区域动火",
        ),
        ("ruifeng", "喷粉工", "点火前炉膛吹扫", "对炉膛进行吹扫"),
        (
            "ruifeng",
            "叉车司机",
            "严禁货叉载人；",
            "严禁货叉载人，严禁人员站在货叉上",
        ),
        (
            "jinshun",
            "理货员",
            "严禁人员在货架下方停留",
            "严禁在货架下方停留或者休息",
        ),
        (
            "jinshun",
            "装卸工",
            "装卸前确认车辆熄火并垫好轮挡",
            "装卸前确认运输车辆停稳",
        ),
    ] {
        let html = text(&doc_html(out, m, id, &format!("{title}安全操作规程")));
        assert!(
            html.contains(fuller) && !html.contains(weaker),
            "{id} {title}: {weaker}"
        );
    }
    // A periodic check is done before work; the lead-in lists measures, not facilities.
    let picker = text(&doc_html(out, m, "jinshun", "理货员安全操作规程"));
    let before = picker.split("作业中").next().unwrap_or_default();
    assert!(before.contains("每月检查货架垂直度和横梁锁扣"), "{picker}");
    assert!(picker.contains("检查确认下列安全措施落实") && !picker.contains("安全设施完好有效"));
}

#[test]
fn a_welders_certificate_is_no_melting_furnace() {
    let Some(jinhua) = jinhua() else { return };
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build_html(&jinhua, &out);
    let m = manifest(&out);
    // 熔化焊接与热切割作业 names welding, not 熔化.
    let welder = text(&doc_html(&out, &m, "hengda", "电焊工安全操作规程"));
    assert!(
        welder.contains("遮光屏") && !welder.contains("铝液"),
        "{welder}"
    );
}
