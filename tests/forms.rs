//! The forms of spec §9 that go with the systems: 发布令, 目标责任书, 培训计划, 签到表,
//! 三级安全教育卡, 相关方安全管理协议 — counts, content read from the built systems,
//! dates, PDF text, DOCX files and the pack's bookmarks.

mod common;

use std::fs;

use common::*;

const FORM_KINDS: [&str; 6] = [
    "release-order",
    "responsibility-letter",
    "training-plan",
    "training-sign-in",
    "induction-card",
    "contractor-agreement",
];

fn html_of(out: &std::path::Path, doc: &serde_json::Value) -> String {
    text(&read(
        &out.join(doc["files"]["html"].as_str().expect("html")),
    ))
}

#[test]
fn one_of_each_form_per_enterprise_a_letter_per_department_and_team_a_sheet_per_training() {
    let out = example_built();
    let m = manifest(out);
    for (id, letters, sheets) in [
        (
            "ruifeng",
            5 + 4,
            vec!["2026-03-16", "2026-06-22", "2026-09-01", "2026-12-01"],
        ),
        ("jinshun", 2 + 1, vec!["2026-05-06", "2026-10-15"]),
    ] {
        for kind in [
            "release-order",
            "training-plan",
            "induction-card",
            "contractor-agreement",
        ] {
            assert_eq!(docs(&m, id, kind).len(), 1, "{id}: one {kind}");
        }
        assert_eq!(docs(&m, id, "responsibility-letter").len(), letters, "{id}");
        let dates: Vec<&str> = docs(&m, id, "training-sign-in")
            .iter()
            .map(|d| d["date"].as_str().unwrap())
            .collect();
        // Held trainings by their records (a visit of the same day adds no sheet), then
        // every one the schedule plans, a day already past too (the plan lists it).
        assert_eq!(
            dates, sheets,
            "{id}: a sign-in sheet per training, dated by it"
        );
    }
    let issued = |kind: &str| docs(&m, "ruifeng", kind)[0]["date"].clone();
    for kind in [
        "release-order",
        "training-plan",
        "induction-card",
        "contractor-agreement",
    ] {
        assert_eq!(
            issued(kind),
            "2026-03-20",
            "{kind} carries enterprise.issued_on"
        );
    }
    assert_eq!(
        docs(&m, "ruifeng", "training-plan")[0]["number"],
        "ZA-AQ-RUIFENG-PX"
    );
}

#[test]
fn every_form_has_a_pdf_naming_the_enterprise_a_docx_and_a_bookmark() {
    let out = example_built();
    let m = manifest(out);
    for (id, name) in [
        ("ruifeng", "永康市瑞丰电动工具有限公司"),
        ("jinshun", "永康市金顺物流仓储有限公司"),
    ] {
        let pack = out.join(docs(&m, id, "pack")[0]["files"]["pdf"].as_str().unwrap());
        let toc = pack_bookmarks(&pack);
        let bookmarks: Vec<&str> = toc.iter().map(|t| t.0.as_str()).collect();
        for kind in FORM_KINDS {
            for doc in docs(&m, id, kind) {
                let title = doc["title"].as_str().unwrap();
                let pdf = out.join(doc["files"]["pdf"].as_str().unwrap());
                assert!(
                    pdf_text(&pdf).contains(name),
                    "{id}: {title} PDF names {name}"
                );
                assert!(
                    out.join(doc["files"]["docx"].as_str().unwrap()).is_file(),
                    "{title} docx"
                );
                assert!(
                    bookmarks.contains(&title),
                    "{id}: the pack has a bookmark for {title}"
                );
            }
        }
    }
}

#[test]
fn the_release_order_issues_the_systems_as_built() {
    let out = example_built();
    let m = manifest(out);
    let order = html_of(out, docs(&m, "ruifeng", "release-order")[0]);
    let systems = docs(&m, "ruifeng", "system");
    assert_eq!(systems.len(), 16);
    for s in systems {
        let number = s["number"].as_str().unwrap();
        let title = s["title"].as_str().unwrap();
        assert!(
            order.contains(number) && order.contains(title),
            "lists {number} {title}"
        );
    }
    for needle in [
        "文号：ZA-AQ-RUIFENG-FB",
        "共 16 项",
        "自2026年3月20日起施行",
        "总经理 应国强（签字）",
        "永康市瑞丰电动工具有限公司（盖章）",
    ] {
        assert!(order.contains(needle), "the release order lacks {needle}");
    }
}

#[test]
fn letters_take_targets_and_duties_from_what_the_system_prints() {
    let out = example_built();
    let m = manifest(out);
    let system = doc_html(out, &m, "ruifeng", "安全生产责任制度");
    let letter = text(&doc_html(
        out,
        &m,
        "ruifeng",
        "安全生产目标责任书（压铸班）",
    ));
    let department = text(&doc_html(
        out,
        &m,
        "ruifeng",
        "安全生产目标责任书（生产部）",
    ));
    for needle in ["工伤事故率控制在 1.5‰ 以内", "事故隐患整改率达到 100%"] {
        assert!(text(&system).contains(needle), "the system states {needle}");
        assert!(department.contains(needle), "the letter states {needle}");
    }
    // A team's targets are the team targets the system states, with no rate.
    assert!(text(&system).contains("杜绝生产安全死亡事故和轻伤以上事故"));
    assert!(letter.contains("杜绝生产安全死亡事故和轻伤以上事故") && !letter.contains("‰"));
    for needle in [
        // The 责任制度's words for this team, after its name.
        "班组长的职责是：每班召开班前会，交代当班风险（重点：铝合金压铸作业、熔铝炉熔化作业）",
        "生产部负责人吕建平（以下简称甲方）与压铸班班组长楼志刚（以下简称乙方）",
        "《安全生产责任制度》（ZA-AQ-RUIFENG-01）",
        "熔铝炉熔化作业",
        "自2026年3月20日起至2026年12月31日止",
        "甲方 吕建平（签字）",
        "乙方 楼志刚（签字）",
        "一票否决",
    ] {
        assert!(letter.contains(needle), "the 压铸班 letter lacks {needle}");
    }
    // The principal heads this department: no letter with himself, a commitment instead.
    let own = text(&doc_html(out, &m, "ruifeng", "主要负责人安全生产承诺书"));
    assert!(own.contains("承诺人 应国强（签字）") && !own.contains("甲方"));
    assert!(
        own.contains("负责安全生产工作的综合协调"),
        "the office's duty"
    );
    // No targets in the input: blanks to fill in, never a typical value.
    let blank = text(&doc_html(
        out,
        &m,
        "jinshun",
        "安全生产目标责任书（仓储运营部）",
    ));
    assert!(
        blank.contains("工伤事故率控制在 ________‰ 以内"),
        "a blank target"
    );
}

#[test]
fn the_training_plan_states_the_hours_of_the_training_system() {
    let out = example_built();
    let m = manifest(out);
    let system = text(&doc_html(out, &m, "ruifeng", "安全生产教育培训管理制度"));
    let plan = html_of(out, docs(&m, "ruifeng", "training-plan")[0]);
    for needle in [
        "不少于 32 学时",
        "不少于 12 学时",
        "不少于 24 学时",
        "不少于 8 学时",
    ] {
        assert!(
            system.contains(needle) && plan.contains(needle),
            "both state {needle}"
        );
    }
    for needle in [
        "《安全生产教育培训管理制度》（ZA-AQ-RUIFENG-04）",
        // The agency's trainings as known on 2026-03-20: one held, the rest planned.
        "粉尘防爆与动火作业安全",
        "已完成",
        "计划",
        // Topics per post from its risk points.
        "压铸岗位专项安全培训",
        "粉尘防爆专项培训",
        // 复审 by the kind of certificate.
        "N1 叉车司机证有效期四年，期满前申请复审",
        "低压电工作业证每三年复审一次",
    ] {
        assert!(plan.contains(needle), "the training plan lacks {needle}");
    }
}

/// The dates (2026年6月22日) in the rows of the plan's table of the agency's trainings.
fn planned_dates(plan: &str) -> Vec<String> {
    let part = plan.split("五、").nth(1).unwrap_or_default();
    let part = part.split("六、").next().unwrap_or_default();
    let date = regex::Regex::new(r"\d{4}年\d{1,2}月\d{1,2}日").unwrap();
    let held = part.split("编制本计划前已完成").next().unwrap_or_default();
    date.find_iter(held)
        .map(|m| m.as_str().to_string())
        .collect()
}

#[test]
fn the_plan_and_the_sign_in_sheets_list_the_same_trainings() {
    let out = example_built();
    let m = manifest(out);
    // jinshun: 2 a year, the one recorded after the plan's date in its row with its topic;
    // ruifeng: 4 a year, one held before the plan and three rows.
    for (id, rows, held) in [("jinshun", 2, 0), ("ruifeng", 3, 1)] {
        let plan = html_of(out, docs(&m, id, "training-plan")[0]);
        let dates = planned_dates(&plan);
        assert_eq!(dates.len(), rows, "{id}: {dates:?}");
        assert_eq!(plan.matches("（已完成）").count(), held, "{id}");
        let sheets: Vec<String> = docs(&m, id, "training-sign-in")
            .iter()
            .map(|d| html_of(out, d))
            .collect();
        for date in &dates {
            assert!(
                sheets
                    .iter()
                    .any(|s| s.contains(&format!("培训日期 {date}"))
                        || s.contains(&format!("培训日期{date}"))),
                "{id}: no sign-in sheet for the plan's {date}"
            );
        }
    }
    let jinshun = html_of(out, docs(&m, "jinshun", "training-plan")[0]);
    assert!(
        jinshun.contains("叉车与高位货架作业安全"),
        "the recorded topic"
    );
}

#[test]
fn sign_in_sheets_are_filled_from_records_or_left_blank() {
    let out = example_built();
    let m = manifest(out);
    let sheet = |date: &str| {
        let doc = docs(&m, "ruifeng", "training-sign-in")
            .into_iter()
            .find(|d| d["date"] == date)
            .unwrap();
        html_of(out, doc)
    };
    let held = sheet("2026-03-16");
    for needle in [
        "粉尘防爆与动火作业安全",
        "陈静",
        "潘国华",
        "喷粉工",
        "胡晓燕",
        "参加培训 5 人",
    ] {
        assert!(
            held.contains(needle),
            "the held training's sheet lacks {needle}"
        );
    }
    // No result above blank signature and score columns: 考核结果 is written by hand.
    assert!(!held.contains("人合格"), "a sign-in sheet prints no result");
    let planned = sheet("2026-12-01");
    assert!(planned.contains("托管服务机构安全培训") && planned.contains("应到"));
    assert!(!planned.contains("潘国华"), "no names before the training");
    assert!(planned.contains("20"), "twenty blank rows");
}

#[test]
fn the_induction_card_and_the_contractor_agreement_are_the_enterprises_own() {
    let out = example_built();
    let m = manifest(out);
    let card = html_of(out, docs(&m, "ruifeng", "induction-card")[0]);
    for needle in [
        "三级合计不少于 24 学时（《生产经营单位安全培训规定》第十三条）",
        "公司级安全教育（永康市瑞丰电动工具有限公司）",
        "□压铸车间（吕建平）",
        "□仓储动力班（施丽娟）",
        "受教育人（签字）",
    ] {
        assert!(card.contains(needle), "the card lacks {needle}");
    }
    let agreement = html_of(out, docs(&m, "ruifeng", "contractor-agreement")[0]);
    for needle in [
        "甲方（发包方）",
        "《危险作业安全管理制度》（ZA-AQ-RUIFENG-07）",
        "使用甲方电动单梁起重机的",
        "在天然气、脱模剂使用或者储存区域动火前进行可燃气体检测",
        "甲方岗位工与乙方作业人员配合或者监管作业时，实行互联互保（《互联互保安全管理制度》“三、工作要求”第 3 项）",
        "及时制止纠正乙方人员的各类违章行为（《互联互保安全管理制度》“六、互联互保安全职责”第 6 项）",
        "有限空间作业：严格执行“先通风、再检测、后作业”",
        "第一百零三条",
        "乙方（盖章）",
    ] {
        assert!(agreement.contains(needle), "the agreement lacks {needle}");
    }
    // The seed's numbering and the chemical plants' word (GB 30871) are not the enterprise's.
    for stray in ["互联互保 3.3", "互联互保 4.6", "受限空间"] {
        assert!(!agreement.contains(stray), "the agreement says {stray}");
    }
    // jinshun has no crane and no chemicals: neither is named.
    let other = html_of(out, docs(&m, "jinshun", "contractor-agreement")[0]);
    assert!(!other.contains("使用甲方") && !other.contains("可燃气体检测"));
}

#[test]
fn a_training_visit_gives_a_sheet_and_targets_must_be_rates() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    let original = read(&file);
    let with_visit = original.replace(
        "  frequency:",
        "  visits:\n    - {date: 2026-03-12, counselors: [qian], kind: 培训, content: 冲压安全培训, attendees: [吴六, 郑七]}\n  frequency:",
    );
    fs::write(&file, &with_visit).unwrap();
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let m = manifest(&out);
    let sheet = docs(&m, "mini", "training-sign-in")
        .into_iter()
        .find(|d| d["date"] == "2026-03-12")
        .expect("a sheet for the visit's training");
    let html = html_of(&out, sheet);
    assert!(html.contains("冲压安全培训") && html.contains("吴六") && html.contains("冲床工"));

    let bad = with_visit.replace(
        "  site: {width: 40",
        "  targets: {injury_rate_permille: 1500}\n  site: {width: 40",
    );
    fs::write(&file, bad).unwrap();
    let check = anquan(&["check", path(&site), "--date", DATE]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr.contains("invalid-value")
            && stderr.contains("enterprise.targets.injury_rate_permille"),
        "{stderr}"
    );
}
