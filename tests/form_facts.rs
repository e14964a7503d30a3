//! The forms say what the enterprise's data says and nothing else: a plan plans from its
//! own date on, letters follow who owns which zone, the agreement names only the permits
//! the pack has, the release order lists every system and procedure. HTML only.

mod common;

use common::*;

fn section<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("no {from}"));
    let rest = &text[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[test]
fn a_training_plan_plans_from_its_own_date_and_lists_what_was_held_before() {
    let (_tmp, out, m) = example_html();
    let jinshun = text(&doc_html(&out, &m, "jinshun", "年度安全生产教育培训计划"));
    let agency = section(&jinshun, "五、托管服务机构培训", "六、");
    // Dated 2026-04-28: the schedule's 2026-04-17 is before it and is not listed.
    assert!(!agency.contains("2026年4月17日"), "{agency}");
    assert!(!agency.contains("无记录") && agency.contains("2026年10月15日"));
    let ruifeng = text(&doc_html(&out, &m, "ruifeng", "年度安全生产教育培训计划"));
    let agency = section(&ruifeng, "五、托管服务机构培训", "六、");
    assert!(
        agency.contains("2026年3月16日“粉尘防爆与动火作业安全”4 学时（已完成）"),
        "{agency}"
    );
    assert!(!agency.contains("无记录"));
}

#[test]
fn letters_and_the_system_follow_who_owns_which_zone() {
    let (_tmp, out, m) = example_html();
    let production = text(&doc_html(
        &out,
        &m,
        "ruifeng",
        "安全生产目标责任书（生产部）",
    ));
    for point in ["砂轮打磨作业", "数控车床加工", "装配线作业", "静电喷粉作业"]
    {
        assert!(production.contains(point), "生产部 answers for {point}");
    }
    let logistics = text(&doc_html(
        &out,
        &m,
        "ruifeng",
        "安全生产目标责任书（仓储动力班）",
    ));
    // Its electricians work at the 配电房 of 设备动力部: the team answers for that point too.
    assert!(logistics.contains("叉车装卸作业") && logistics.contains("配电及空压机运行"));
    assert!(logistics.contains("持证上岗") && logistics.contains("岗位安全责任书"));
    // jinshun's 叉车电池充电 (林小燕's 充电区, she heads no department) is the forklift
    // drivers': in the 仓储班's letter and its department's.
    for unit in ["仓储班", "仓储运营部"] {
        let letter = text(&doc_html(
            &out,
            &m,
            "jinshun",
            &format!("安全生产目标责任书（{unit}）"),
        ));
        assert!(letter.contains("叉车电池充电"), "{unit}");
    }
    let diecast = text(&doc_html(
        &out,
        &m,
        "ruifeng",
        "安全生产目标责任书（压铸班）",
    ));
    assert!(
        !diecast.contains("持证上岗"),
        "no certified post in the team"
    );

    let system = text(&doc_html(&out, &m, "ruifeng", "安全生产责任制度"));
    let deputy = section(&system, "（二）分管生产负责人", "（三）");
    assert!(
        deputy.contains("压铸车间") && !deputy.contains("成品仓库") && !deputy.contains("空压机房")
    );
    assert!(system.contains("仓储物流部（施丽娟）：主管区域：成品仓库。"));
    assert!(system.contains("设备动力部（程立新）：主管区域：空压机房及配电房。"));

    // The principal heads 总经理办公室: a commitment, named so in the manifest.
    let titles: Vec<&str> = docs(&m, "ruifeng", "responsibility-letter")
        .iter()
        .filter_map(|d| d["title"].as_str())
        .collect();
    assert!(titles.contains(&"主要负责人安全生产承诺书"), "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("总经理办公室")));
    let commitment = text(&doc_html(&out, &m, "ruifeng", "主要负责人安全生产承诺书"));
    for needle in [
        "第二十一条",
        "及时、如实报告生产安全事故",
        "工伤事故率控制在 1.5‰ 以内",
        "承诺人 应国强（签字）",
    ] {
        assert!(commitment.contains(needle), "the commitment lacks {needle}");
    }
}

#[test]
fn the_agreement_names_only_the_permits_the_pack_has_and_the_fire_load() {
    let (_tmp, out, m) = example_html();
    let permits = |id: &str| -> Vec<String> {
        docs(&m, id, "work-permit")
            .iter()
            .filter_map(|d| d["title"].as_str().map(str::to_string))
            .collect()
    };
    let ruifeng = text(&doc_html(&out, &m, "ruifeng", "相关方安全管理协议"));
    let clause = section(&ruifeng, "三、危险作业", "四、");
    assert!(!permits("ruifeng").iter().any(|t| t.contains("高处")));
    assert!(!clause.contains("高处作业") && clause.contains("其他危险作业按国家标准办理审批"));
    assert!(clause.contains("动火作业") && clause.contains("吊装作业"));
    let jinshun = text(&doc_html(&out, &m, "jinshun", "相关方安全管理协议"));
    let clause = section(&jinshun, "三、危险作业", "四、");
    assert!(permits("jinshun").is_empty());
    for absent in ["吊装", "有限空间", "受限空间"] {
        assert!(
            !clause.contains(absent),
            "jinshun has no {absent}: {clause}"
        );
    }
    assert!(clause.contains("高位货架库存放货物，是甲方的主要火灾荷载"));
    assert!(clause.contains("严禁使用明火"));
}

#[test]
fn the_release_order_issues_systems_and_procedures_and_explains_a_gap() {
    let (_tmp, out, m) = example_html();
    let title = "安全生产管理制度和岗位安全操作规程发布令";
    let jinshun = text(&doc_html(&out, &m, "jinshun", title));
    for procedure in docs(&m, "jinshun", "procedure") {
        let number = procedure["number"].as_str().expect("number");
        assert!(jinshun.contains(number), "the order lists {number}");
    }
    assert!(jinshun.contains("注：ZA-AQ-JINSHUN-15《危险化学品使用安全管理制度》：本公司不使用"));
    let ruifeng = text(&doc_html(&out, &m, "ruifeng", title));
    assert!(ruifeng.contains("ZA-AQ-RUIFENG-GC-07") && !ruifeng.contains("不适用"));
}

#[test]
fn the_induction_card_and_the_training_system_teach_what_articles_14_to_16_list() {
    let (_tmp, out, m) = example_html();
    let card = text(&doc_html(&out, &m, "ruifeng", "三级安全教育卡"));
    let system = text(&doc_html(&out, &m, "ruifeng", "安全生产教育培训管理制度"));
    for item in [
        "本单位安全生产规章制度和劳动纪律",
        "工作环境及危险因素",
        "所从事工种可能遭受的职业伤害和伤亡事故",
        "所从事工种的安全职责、操作技能及强制性标准",
        "自救互救、急救方法、疏散和现场紧急情况的处理",
        "安全设备设施、个人防护用品的使用和维护",
        "本车间安全生产状况及规章制度",
        "预防事故和职业危害的措施及应注意的安全事项",
        "岗位之间工作衔接配合的安全与职业卫生事项",
    ] {
        assert!(card.contains(item), "the card lacks {item}");
        assert!(system.contains(item), "the training system lacks {item}");
    }
}
