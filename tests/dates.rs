//! Spec §6: every document carries its own date and knows only what was known then.

mod common;

use common::*;

/// The minimal site with records on both sides of its plan date (2026-02-10) and of its
/// issue date for the enterprise's own documents (2026-03-01).
fn straddling_site() -> tempfile::TempDir {
    let site = copy_site(&repo().join("tests/fixtures/minimal"));
    let file = site.path().join("site/enterprises/mini.yaml");
    let yaml = read(&file).replace(
        "  site: {width: 40, height: 20, unit: m}",
        "  site: {width: 40, height: 20, unit: m}\n  issued_on: 2026-03-01",
    );
    let extra = r#"
  findings:
    - {zone: shop, issue: 冲床光电保护失效, basis: GB 27607-2011, advice: 更换光电保护装置, due: 2026-02-28, closed_on: 2026-02-20}
records:
  inspections:
    - {date: 2026-01-20, kind: 诊断检查, inspector: 钱一, findings: [冲床光电保护失效]}
    - {date: 2026-02-25, kind: 二月综合检查, inspector: 钱一, findings: [配电箱门未关闭]}
    - {date: 2026-06-15, kind: 夏季专项检查, inspector: 钱一, findings: [车间通风不良]}
  trainings:
    - {date: 2026-01-25, topic: 冲压岗位三级安全教育, hours: 8, trainer: 钱一, attendees: [吴六, 郑七]}
    - {date: 2026-05-12, topic: 机械伤害应急处置培训, hours: 2, trainer: 钱一, attendees: [吴六, 郑七]}
  drills:
    - {date: 2026-06-30, scenario: 机械伤害现场处置演练, participants: 12}
"#;
    std::fs::write(&file, format!("{yaml}{extra}")).expect("write");
    site
}

#[test]
fn every_document_has_the_date_of_its_kind() {
    let site = straddling_site();
    let out = site.path().join("public");
    build_html(&site.path().join("site"), &out);
    let m = manifest(&out);
    let date_of = |kind: &str| -> Vec<String> {
        docs(&m, "mini", kind)
            .iter()
            .map(|d| {
                d["date"]
                    .as_str()
                    .expect("every document is dated")
                    .to_string()
            })
            .collect()
    };
    for (kind, want) in [
        ("service-plan", "2026-02-10"),
        ("service-notice", "2026-01-10"),
        ("notice-board", "2026-01-10"),
        ("badge", "2026-01-10"),
        ("system", "2026-03-01"),
        ("risk-register", "2026-03-01"),
        ("pair-agreement", "2026-03-01"),
        ("ledger", DATE),
        ("service-calendar", DATE),
    ] {
        let dates = date_of(kind);
        assert!(!dates.is_empty(), "{kind}");
        assert!(dates.iter().all(|d| d == want), "{kind}: {dates:?}");
    }
    // The date is printed on the page too.
    let plan = text(&doc_html(&out, &m, "mini", "安全生产技术服务方案"));
    assert!(plan.contains("编制日期：2026年2月10日"), "{plan}");
}

#[test]
fn the_plan_shows_none_of_the_later_records() {
    let site = straddling_site();
    let out = site.path().join("public");
    build_html(&site.path().join("site"), &out);
    let m = manifest(&out);
    let plan = text(&doc_html(&out, &m, "mini", "安全生产技术服务方案"));
    // Known on 2026-02-10: one inspection and one training; the finding closed on
    // 2026-02-20 was still being rectified.
    assert!(plan.contains("检查记录 1 次、培训记录 1 次"), "{plan}");
    assert!(plan.contains("应急演练 0 次"), "{plan}");
    assert!(plan.contains("整改中"), "{plan}");
    assert!(!plan.contains("已整改（2026-02-20）"), "{plan}");
    assert!(!plan.contains("2026-02-20"), "{plan}");

    // The systems (2026-03-01) know the February inspection, not the summer ones.
    let systems = docs(&m, "mini", "system");
    let all: String = systems
        .iter()
        .map(|d| read(&out.join(d["files"]["html"].as_str().expect("html"))))
        .collect();
    for later in [
        "夏季专项检查",
        "车间通风不良",
        "机械伤害应急处置培训",
        "2026-06-30",
    ] {
        assert!(
            !all.contains(later),
            "a system dated 2026-03-01 shows {later}"
        );
    }

    // The ledgers, dated at the build, hold every record.
    let ledger = text(&doc_html(&out, &m, "mini", "安全生产检查记录台账"));
    assert!(ledger.contains("车间通风不良"), "{ledger}");
}
