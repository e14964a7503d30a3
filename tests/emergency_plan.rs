//! The 事故应急救援预案 (GB/T 29639-2020 综合应急预案) of the bundled example: distinct
//! group leaders, the outside numbers and contacts, evacuation; and its input keys.

mod common;

use std::fs;

use common::*;

fn plan(enterprise: &str) -> String {
    let (_tmp, out, m) = example_html();
    text(&doc_html(&out, &m, enterprise, "事故应急救援预案"))
}

#[test]
fn each_group_has_its_own_leader_and_the_principal_commands() {
    let body = plan("ruifeng");
    assert!(body.contains("总指挥：应国强"), "{body}");
    assert!(body.contains("副总指挥：吕建平、胡晓燕"));
    let groups = body
        .split("主要职责")
        .nth(1)
        .and_then(|s| s.split("各工作组组员").next())
        .expect("the group table");
    let leaders: Vec<&str> = [
        "抢险救援组",
        "警戒疏散组",
        "医疗救护组",
        "通讯联络组",
        "后勤保障组",
    ]
    .iter()
    .map(|g| {
        let row = groups
            .split(g)
            .nth(1)
            .unwrap_or_else(|| panic!("{g} missing"));
        // Neither 副总指挥 (吕建平, 胡晓燕) leads a group.
        ["程立新", "金美华", "楼志刚", "朱伟明", "施丽娟"]
            .into_iter()
            .find(|n| row.starts_with(n))
            .unwrap_or_else(|| panic!("{g} led by an unexpected person: {row:.40}"))
    })
    .collect();
    let mut distinct = leaders.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 5, "{leaders:?}");
    assert!(
        !body.contains("同时承担"),
        "five people are named: nothing merged"
    );
}

#[test]
fn outside_numbers_the_regulator_and_the_yaml_contacts_are_listed() {
    let body = plan("ruifeng");
    let annex = body.rsplit("附件3").next().expect("the contact annex");
    for needle in [
        "119",
        "120",
        "110",
        "永康市应急管理局0579-87138110",
        "永康市第一人民医院0579-87136120",
        "经济开发区消防救援站0579-87012119",
        "0579-87651119",
        "13906791122",
    ] {
        assert!(annex.contains(needle), "contacts lack {needle}: {annex}");
    }
    assert!(body.contains("紧急集合点（办公楼前广场）"));
    assert!(body.contains("第三十三条") && body.contains("每半年至少组织一次现场处置方案演练"));
    // jinshun names neither contacts nor an assembly point: nothing is invented.
    let small = plan("jinshun");
    assert!(small.contains("本公司疏散示意图标明的紧急集合点"));
    assert!(small.contains("永康市应急管理局") && small.contains("119"));
    assert!(
        small.contains("同时承担"),
        "two people for five groups: merged"
    );
}

#[test]
fn a_malformed_contact_phone_is_located() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    let yaml = read(&file).replace(
        "  emergency_phone: 0579-80000119\n",
        "  emergency_phone: 0579-80000119\n  emergency_contacts:\n    - {name: 园区消防站, phone: 119}\n    - {name: 中心医院, phone: 8255-2222}\n",
    );
    fs::write(&file, yaml).unwrap();
    let out = anquan(&["check", path(&site), "--date", DATE]);
    let stderr =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("enterprise.emergency_contacts[1].phone") && stderr.contains("8255-2222"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("emergency_contacts[0]"),
        "119 is allowed: {stderr}"
    );
}

#[test]
fn the_general_plan_names_the_special_plans_and_onsite_schemes_that_exist() {
    let body = plan("ruifeng");
    let system = body
        .split("预案体系与衔接")
        .nth(1)
        .and_then(|s| s.split("二、应急组织机构及职责").next())
        .expect("section 预案体系与衔接");
    for title in [
        "《机械伤害事故专项应急预案》",
        "《灼烫事故专项应急预案》",
        "《火灾事故专项应急预案》",
        "《其他爆炸事故专项应急预案》",
        "《压铸工岗位现场处置方案》",
        "《喷粉工岗位现场处置方案》",
    ] {
        assert!(system.contains(title), "lacks {title}: {system}");
    }
    // jinshun's risks are all 一般: it says so instead of naming plans that do not exist.
    let small = plan("jinshun");
    assert!(small.contains("未编制专项应急预案和现场处置方案"));
    assert!(!small.contains("事故专项应急预案》"));
}
