use std::path::{Path, PathBuf};

use serde_json::json;

use super::*;
use crate::documents::context::enterprise_context;
use crate::documents::emergency::accidents::CLASSES;
use crate::documents::model::plain_text;
use crate::facts::{Site, derive};
use crate::site::date::Date;
use crate::site::load::load_site;

fn site(root: &Path) -> Site {
    let loaded = load_site(root).unwrap_or_else(|f| panic!("{f:?}"));
    derive(loaded, Date::parse("2026-11-23").expect("date"))
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("example")
}

/// The emergency documents of one enterprise of `site`, its data changed by `edit`.
fn build(
    site: &Site,
    id: &str,
    edit: impl Fn(&mut EnterpriseFile),
) -> Result<Vec<Document>, TemplateError> {
    let (loaded, facts) = site
        .enterprises()
        .find(|(l, _)| l.id == id)
        .expect("enterprise");
    let mut e = loaded.data.clone();
    edit(&mut e);
    let config = &site.loaded.config;
    let engines = Engines::new(&site.loaded.root, &config.build.theme).expect("engines");
    let base = enterprise_context(&e, facts, &config.agency, "2026-11-23");
    emergency_documents(&engines, id, &e, facts, &config.document_control, &base)
}

fn text(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                out.push_str(&plain_text(content))
            }
            Block::List { items, .. } => {
                for item in items {
                    out.push_str(&text(&Document {
                        blocks: item.clone(),
                        ..doc.clone()
                    }));
                }
            }
            Block::Table { rows, .. } => {
                for cell in rows.iter().flatten() {
                    out.push_str(&plain_text(cell));
                    out.push('|');
                }
            }
            Block::Signatures { labels } => out.push_str(&labels.join(" ")),
            Block::Keep { blocks } => out.push_str(&text(&Document {
                blocks: blocks.clone(),
                ..doc.clone()
            })),
            _ => {}
        }
        out.push('\n');
    }
    out
}

#[test]
fn one_special_plan_per_accident_type_and_one_scheme_per_post_of_a_severe_risk() {
    let site = site(&example());
    let docs = build(&site, "ruifeng", |_| {}).expect("builds");
    let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
    // R01 (机械伤害, 灼烫), R02 (其他爆炸, 灼烫, 火灾), R05 (其他爆炸, 火灾): GB 6441 order.
    assert_eq!(
        titles,
        [
            "机械伤害事故专项应急预案",
            "灼烫事故专项应急预案",
            "火灾事故专项应急预案",
            "其他爆炸事故专项应急预案",
            "压铸工岗位现场处置方案",
            "喷粉工岗位现场处置方案",
        ]
    );
    let numbers: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.control.as_ref().map(|c| c.number.as_str()))
        .collect();
    assert_eq!(numbers[0], "ZA-AQ-RUIFENG-14-ZX01");
    assert_eq!(numbers[4], "ZA-AQ-RUIFENG-14-XC01");
    // jinshun's risks are all 一般: no special plan, no onsite scheme.
    assert!(build(&site, "jinshun", |_| {}).expect("builds").is_empty());
}

#[test]
fn a_special_plan_names_its_points_people_forms_and_supplies() {
    let site = site(&example());
    let docs = build(&site, "ruifeng", |_| {}).expect("builds");
    let explosion = text(&docs[3]);
    for needle in [
        "R05|静电喷粉作业|喷粉车间|重大",
        "R02|熔铝炉熔化作业|压铸车间|较大",
        "抢险救援组（组长程立新）",
        "警戒疏散组（组长楼志刚）",
        "粉尘爆炸后不得用压缩空气吹扫",
        "关闭燃气总阀",
        "熔融金属泄漏、喷溅时严禁用水",
        "推车式干粉灭火器 35kg|2|喷粉车间",
        "《压铸工岗位现场处置方案》、《喷粉工岗位现场处置方案》",
        "ZA-AQ-RUIFENG-14",
        "签发人 应国强（总经理）",
    ] {
        assert!(explosion.contains(needle), "lacks {needle}:\n{explosion}");
    }
    // The machinery plan knows the die-casting machine is hydraulic, and nothing of dust.
    let machinery = text(&docs[0]);
    assert!(
        machinery.contains("释放蓄能器和液压系统压力"),
        "{machinery}"
    );
    assert!(machinery.contains("压铸机（冷室压铸机）"), "{machinery}");
    assert!(!machinery.contains("粉尘"), "{machinery}");
}

/// The 机械伤害 text of the 压铸工 scheme (R01 as the example has it, or edited into
/// another machine): its risk description and onsite steps.
fn machinery_onsite(edit: impl Fn(&mut EnterpriseFile)) -> String {
    let site = site(&example());
    let docs = build(&site, "ruifeng", edit).expect("builds");
    let scheme = docs
        .iter()
        .find(|d| d.title == "压铸工岗位现场处置方案")
        .expect("scheme");
    let text = text(scheme);
    let part = |from: &str, to: &str| {
        let start = text.find(from).expect(from);
        let end = start + text[start..].find(to).expect(to);
        text[start..end].to_string()
    };
    part("（一）机械伤害", "（二）灼烫") + &part("1．机械伤害", "2．灼烫")
}

#[test]
fn a_die_casting_scheme_opens_the_mould_and_never_speaks_of_a_press() {
    let diecaster = machinery_onsite(|_| {});
    for needle in ["涉及冷室压铸机", "安全门", "点动开模", "压射冲头", "蓄能器"]
    {
        assert!(diecaster.contains(needle), "lacks {needle}:\n{diecaster}");
    }
    for press_word in ["光电保护", "滑块", "卡盘"] {
        assert!(
            !diecaster.contains(press_word),
            "{press_word}:\n{diecaster}"
        );
    }
}

#[test]
fn a_press_or_a_lathe_gets_its_own_machinery_text() {
    let into = |name: &'static str, hazards: &'static [&'static str], machine: &'static str| {
        move |e: &mut EnterpriseFile| {
            let r01 = e
                .risk_points
                .iter_mut()
                .find(|p| p.id == "R01")
                .expect("R01");
            r01.name = name.into();
            r01.hazards = hazards.iter().map(|h| h.to_string()).collect();
            let q = e
                .equipment
                .iter_mut()
                .find(|q| q.name == "冷室压铸机")
                .expect("machine");
            q.name = machine.into();
        }
    };
    let press = machinery_onsite(into(
        "冲床冲压作业",
        &["光电保护装置失效", "手伸入模具区"],
        "开式固定台压力机",
    ));
    for needle in ["涉及开式固定台压力机", "光电保护装置", "滑块", "安全垫块"]
    {
        assert!(press.contains(needle), "lacks {needle}:\n{press}");
    }
    assert!(
        !press.contains("压铸") && !press.contains("卡盘"),
        "{press}"
    );
    let lathe = machinery_onsite(into("数控车床加工", &["长发及袖口卷入"], "数控车床"));
    for needle in ["涉及数控车床", "卡盘", "不得通电点动反转", "切屑"] {
        assert!(lathe.contains(needle), "lacks {needle}:\n{lathe}");
    }
    assert!(
        !lathe.contains("滑块") && !lathe.contains("开模"),
        "{lathe}"
    );
}

#[test]
fn an_onsite_scheme_names_its_post_people_ppe_and_each_accident() {
    let site = site(&example());
    let docs = build(&site, "ruifeng", |_| {}).expect("builds");
    let sprayer = text(&docs[5]);
    for needle in [
        "喷粉车间喷粉工岗位（岗位人员：潘国华、钱永康）",
        "R05|静电喷粉作业|重大",
        "组长（喷涂装配班班组长）|金美华",
        "《其他爆炸事故专项应急预案》、《火灾事故专项应急预案》",
        "防静电工作服",
        "停止喷粉设备",
        "推车式干粉灭火器 35kg ×2",
        "潘国华||",
        "胡晓燕|13906791133",
    ] {
        assert!(sprayer.contains(needle), "lacks {needle}:\n{sprayer}");
    }
    // 喷粉工 has no 灼烫 or 机械伤害 risk of its own at 较大 or above.
    assert!(!sprayer.contains("机械伤害") && !sprayer.contains("（三）灼烫"));
}

/// Words only the text of that accident type would use: a text is never another's with
/// the name swapped.
const OWN_WORDS: [(&str, &str); 15] = [
    ("物体打击", "头部受伤"),
    ("车辆伤害", "驻车制动"),
    ("机械伤害", "断肢（指）"),
    ("起重伤害", "吊物"),
    ("触电", "脱离电源"),
    ("淹溺", "救生圈"),
    ("灼烫", "冲、脱、泡、盖、送"),
    ("火灾", "对准火焰根部"),
    ("高处坠落", "安全带"),
    ("坍塌", "二次坍塌"),
    ("锅炉爆炸", "缺水"),
    ("容器爆炸", "泄压"),
    ("其他爆炸", "二次爆炸"),
    ("中毒和窒息", "空气呼吸器"),
    ("其他伤害", "扭伤"),
];

/// What an accident text sees besides `plan` and `part`.
fn text_context() -> Context {
    let mut context = Context::new();
    context.insert(
        "enterprise",
        &json!({"emergency_phone": "0579-1", "address": "某地"}),
    );
    context.insert("safety_dept", "安全部");
    context.insert("assembly", "紧急集合点");
    let group = json!({"group": "组", "leader": "某人"});
    context.insert("duty", &json!({"rescue": group, "evacuation": group, "medical": group, "communication": group, "logistics": group}));
    context
}

#[test]
fn every_shipped_accident_type_has_its_own_text_in_every_part() {
    let engines = Engines::new(&example(), "default").expect("engines");
    let all: Vec<&str> = [
        "dust",
        "gas",
        "hydrogen",
        "vapour",
        "molten",
        "confined",
        "toxic",
        "chemical",
        "steam",
        "crane",
        "forklift",
        "compressed",
        "racks",
        "powder",
        "hot",
        "electrical",
    ]
    .to_vec();
    let mut seen: Vec<String> = Vec::new();
    for class in CLASSES {
        let file = text_file(&class);
        if !class.shipped {
            assert!(!engines.content.contains_template(&file), "{file}");
            continue;
        }
        let own = OWN_WORDS
            .iter()
            .find(|(name, _)| *name == class.name)
            .map(|(_, w)| *w)
            .unwrap_or_else(|| panic!("no words for {}", class.name));
        let mut texts = Vec::new();
        let every_kind = json!(
            ["die-casting", "press", "machine-tool", "grinder"]
                .map(|k| json!({"kind": k, "noun": "设备", "names": []}))
        );
        let every_id = json!(["die-casting", "press", "machine-tool", "grinder"]);
        for (features, kinds, ids) in [
            (Vec::new(), json!([]), json!([])),
            (all.clone(), every_kind, every_id),
        ] {
            let mut context = text_context();
            context.insert("plan", &json!({"accident": class.name, "names": ["作业"], "hazards": ["危险"],
                "zones": ["车间"], "owners": [{"owner": "某人", "zones": ["车间"]}], "features": features,
                "trucks": {"electric": false, "combustion": false},
                "risks": [{"name": "作业", "zone": "车间"}], "equipment": [], "chemicals": [], "supplies": [],
                "machines": {"boilers": [], "vessels": [], "cranes": [], "vehicles": [], "other": []},
                "machine_kinds": kinds, "machine_names": [], "machine_kind_ids": ids}));
            let mut whole = String::new();
            for part in ["trigger", "special", "rescue", "risk", "onsite", "cautions"] {
                context.insert("part", part);
                let out = engines.render_content(&file, &context).expect("renders");
                assert!(
                    out.trim().chars().count() > 40,
                    "{} {part}: {out}",
                    class.name
                );
                whole.push_str(&out);
            }
            assert!(whole.contains(own), "{} lacks {own}", class.name);
            texts.push(whole);
        }
        // Another class's text is never this one with the name swapped.
        assert!(
            texts.iter().all(|t| !seen.contains(t)),
            "{} repeats another text",
            class.name
        );
        seen.extend(texts);
    }
}

#[test]
fn every_accident_type_of_the_examples_severe_points_has_text() {
    let mut roots = vec![example()];
    let jinhua = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/examples/jinhua");
    if jinhua.join("anquan.yaml").is_file() {
        roots.push(jinhua);
    }
    for root in roots {
        let site = site(&root);
        for (loaded, facts) in site.enterprises() {
            for accident in special_accidents(&loaded.data, facts) {
                let class = class_of(&accident)
                    .unwrap_or_else(|| panic!("{}: {accident} is not GB 6441", loaded.id));
                assert!(class.shipped, "{}: no text for {accident}", loaded.id);
            }
            build(&site, &loaded.id, |_| {}).unwrap_or_else(|e| panic!("{}: {e}", loaded.id));
        }
    }
}

#[test]
fn a_type_without_text_fails_loudly_and_says_what_to_add() {
    let site = site(&example());
    let set = |accident: &'static str| {
        move |e: &mut EnterpriseFile| {
            let r05 = e
                .risk_points
                .iter_mut()
                .find(|p| p.id == "R05")
                .expect("R05");
            r05.accidents = vec![accident.to_string()];
        }
    };
    let mine = build(&site, "ruifeng", set("透水")).expect_err("no text for 透水");
    let message = mine.to_string();
    assert!(
        message.contains("透水") && message.contains("content/emergency/accidents/water-inrush.md"),
        "{message}"
    );
    let unknown = build(&site, "ruifeng", set("粉尘爆炸")).expect_err("not GB 6441");
    let message = unknown.to_string();
    assert!(
        message.contains("R05") && message.contains("GB 6441-1986"),
        "{message}"
    );
}

#[test]
fn an_electric_truck_is_switched_off_not_stalled() {
    let engines = Engines::new(&example(), "default").expect("engines");
    let file = "emergency/accidents/vehicle.md";
    let say = |electric: bool, combustion: bool| {
        let mut context = text_context();
        context.insert(
            "plan",
            &json!({"accident": "车辆伤害", "names": ["叉车作业"], "owners": [],
            "features": ["forklift"], "trucks": {"electric": electric, "combustion": combustion},
            "machines": {"vehicles": []}}),
        );
        ["trigger", "special", "onsite", "cautions"]
            .map(|part| {
                context.insert("part", part);
                engines.render_content(file, &context).expect("renders")
            })
            .concat()
    };
    let electric = say(true, false);
    assert!(
        electric.contains("断开电源") && electric.contains("电解液"),
        "{electric}"
    );
    assert!(
        !electric.contains("熄火") && !electric.contains("燃油"),
        "{electric}"
    );
    let combustion = say(false, true);
    assert!(
        combustion.contains("熄火") && combustion.contains("燃油泄漏"),
        "{combustion}"
    );
    assert!(!combustion.contains("断开电源"), "{combustion}");
    assert!(say(true, true).contains("熄火或者断开电源"));
}
