//! What the 危险作业票 of the example say: the governing rule and the measures of each
//! place (a dust collector, combustible dust, gas), every place where the work can happen,
//! the approvers the 危险作业安全管理制度 names, and the signature block on one page.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;

fn built() -> &'static (tempfile::TempDir, PathBuf, serde_json::Value) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf, serde_json::Value)> = OnceLock::new();
    BUILT.get_or_init(example_html)
}

fn permit(title: &str) -> String {
    let (_tmp, out, m) = built();
    text(&doc_html(out, m, "ruifeng", title))
}

#[test]
fn a_dust_collector_is_entered_under_the_rule_for_industrial_confined_spaces() {
    let form = permit("有限空间作业审批表");
    for want in [
        "应急管理部令第 13 号",
        "GB 30871-2022",
        "除尘器风机已停止运行，脉冲清灰和卸灰阀",
        "上锁挂牌",
        "清空灰斗",
        "防静电工作服",
        "不产生火花的工具",
        "粉尘浓度",
        "审批人（主要负责人或其书面委托人）",
        "主要负责人应国强或者其书面委托人",
    ] {
        assert!(form.contains(want), "{want}");
    }
    for chemical_plant in ["插入盲板", "搅拌器", "受限空间"] {
        assert!(!form.contains(chemical_plant), "{chemical_plant}");
    }
}

#[test]
fn hot_work_lists_every_fire_place_and_the_dust_measures_of_gb_15577() {
    let form = permit("动火安全作业票");
    for want in [
        "压铸车间",
        "R02 熔铝炉熔化作业",
        "脱模剂（易燃液体",
        "GB 15577-2018",
        "积尘",
        "安全交底人",
        "接受交底人",
        "动火前岗位当班班长验票",
        "特级动火由主要负责人应国强审批",
        "二级动火由生产负责人吕建平审批",
    ] {
        assert!(form.contains(want), "{want}");
    }
    for chemical_plant in ["蒸汽吹扫", "水封", "污水井", "消防蒸汽带"] {
        assert!(!form.contains(chemical_plant), "{chemical_plant}");
    }
    // The 制度 names the same approvers per level.
    let (_tmp, out, m) = built();
    let system = text(&doc_html(out, m, "ruifeng", "危险作业安全管理制度"));
    assert!(
        system.contains("特级：应国强；一级：胡晓燕；二级：吕建平"),
        "{system}"
    );
}

#[test]
fn temporary_power_reaches_the_explosive_places_and_locks_out_the_supply() {
    let form = permit("临时用电安全作业票");
    for want in [
        "喷粉车间",
        "爆炸危险场所",
        "防爆等级",
        "上级开关已断电，上锁",
        "穿越机动车道不低于 5 m",
    ] {
        assert!(form.contains(want), "{want}");
    }
}

/// The one PDF build of this binary: the example with 登高 work added to R09, so that
/// ruifeng has all five permits.
#[test]
fn every_permit_is_one_sheet_front_and_back_and_no_signature_line_starts_a_page() {
    let tmp = copy_site(&example());
    let site = tmp.path().join("site");
    let yaml = site.join("enterprises/ruifeng.yaml");
    let text = read(&yaml).replace(
        "hazards: [带电作业, 储气罐超压]",
        "hazards: [带电作业, 储气罐超压, 登高检修照明线路]",
    );
    std::fs::write(&yaml, text).expect("write");
    let out = tmp.path().join("out");
    build_with(&site, &out, &["--pdf", "--only", "ruifeng", "--no-cache"]);
    let dir = out.join("ruifeng");
    let pdfs = |prefix: &str| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.starts_with(prefix) && name.ends_with(".pdf")
            })
            .collect();
        found.sort();
        found
    };
    let permits = pdfs("work-permit-");
    assert_eq!(permits.len(), 5, "{permits:?}");
    for pdf in &permits {
        let pages = lopdf::Document::load(pdf).expect("pdf").get_pages().len();
        assert!(pages <= 2, "{}: {pages} pages", pdf.display());
    }
    // 高处作业 is graded by the height bands of GB/T 3608-2008, to be ticked.
    let height = pdf_text(&dir.join("work-permit-height.pdf"));
    assert!(
        height.contains("□2m≤h≤5m") && height.contains("□h＞30m"),
        "{height}"
    );
    // A letter's or sign-in sheet's first line to sign shares its page with the sentence
    // before it.
    let signed: Vec<PathBuf> = [pdfs("responsibility-letter-"), pdfs("training-sign-in-")].concat();
    assert!(signed.len() > 3);
    for pdf in &signed {
        let pages = lopdf::Document::load(pdf).expect("pdf").get_pages().len() as u32;
        let (page, at) = (1..=pages)
            .find_map(|p| {
                let t = pdf_page_text(pdf, p);
                t.find("（签字）").map(|at| (t, at))
            })
            .unwrap_or_else(|| panic!("{}: no signature", pdf.display()));
        assert!(page[..at].contains('。'), "{}: {page}", pdf.display());
    }
}
