//! Builds the bundled example site into a temp dir and checks real content: titles,
//! names, legal numbers, manifest entries, escaping and byte-identical rebuilds.

mod common;

use std::fs;

use common::*;

#[test]
fn example_pack_is_complete_and_specific() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_html(&example(), &out);
    let m = manifest(&out);
    assert_eq!(
        m["generator"],
        format!("anquan {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(m["date"], DATE);
    assert_eq!(manifest_ids(&m), ["jinshun", "ruifeng"]);

    // ruifeng has chemicals: sixteen systems; jinshun has none: fifteen, without the chemicals one.
    let ruifeng = docs(&m, "ruifeng", "system");
    assert_eq!(ruifeng.len(), 16);
    assert!(
        ruifeng
            .iter()
            .any(|d| d["title"] == "危险化学品使用安全管理制度")
    );
    let jinshun = docs(&m, "jinshun", "system");
    assert_eq!(jinshun.len(), 15);
    assert!(
        !jinshun
            .iter()
            .any(|d| d["title"] == "危险化学品使用安全管理制度")
    );
    for title in [
        "安全生产责任制度",
        "事故应急救援预案",
        "互联互保安全管理制度",
        "生产定置清洁管理制度",
    ] {
        assert!(jinshun.iter().any(|d| d["title"] == title), "{title}");
    }
    assert_eq!(ruifeng[0]["number"], "ZA-AQ-RUIFENG-01");
    assert_eq!(ruifeng[15]["number"], "ZA-AQ-RUIFENG-16");
    assert!(
        m["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "index" && d["enterprise"].is_null())
    );

    for d in ruifeng.iter().chain(&jinshun) {
        let html = read(&out.join(d["files"]["html"].as_str().unwrap()));
        assert!(
            !html.contains("{{") && !html.contains("{%"),
            "leftover template syntax in {}",
            d["title"]
        );
        let body = text(&html);
        let han = body
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        assert!(
            han >= 1000,
            "{} of {} has only {han} Chinese characters",
            d["title"],
            d["enterprise"]
        );
    }
}

#[test]
fn systems_name_the_enterprise_its_people_and_the_law() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_html(&example(), &out);
    let m = manifest(&out);
    let page = |title: &str| text(&doc_html(&out, &m, "ruifeng", title));

    let duty = page("安全生产责任制度");
    for needle in [
        "永康市瑞丰电动工具有限公司",
        "应国强",
        "胡晓燕",
        "设备动力部",
        "压铸班",
        "楼志刚",
        "ZA-AQ-RUIFENG-01",
        "超过一百人",
    ] {
        assert!(duty.contains(needle), "安全生产责任制度 lacks {needle}");
    }
    // 27 employees: part-time staff allowed, no department required.
    let small = text(&doc_html(&out, &m, "jinshun", "安全生产责任制度"));
    assert!(small.contains("不超过一百人"));

    let equipment = page("设备设施安全管理制度");
    for needle in [
        "起17浙G2231",
        "车11浙G3317",
        "容3浙G5562",
        "2027-03-11",
        "三十日内",
    ] {
        assert!(
            equipment.contains(needle),
            "设备设施安全管理制度 lacks {needle}"
        );
    }
    let training = page("安全生产教育培训管理制度");
    assert!(training.contains("不少于 24 学时") && training.contains("不少于 32 学时"));
    assert!(training.contains("低压电工作业证"));
    let accidents = page("安全生产事故管理制度");
    assert!(accidents.contains("1 小时内") && accidents.contains("永康市应急管理局"));
    let plan = page("事故应急救援预案");
    assert!(plan.contains("0579-87651119") && plan.contains("静电喷粉作业"));
    let chemicals = page("危险化学品使用安全管理制度");
    assert!(chemicals.contains("74-82-8") && chemicals.contains("脱模剂"));
    let investment = page("安全生产投入管理制度");
    assert!(investment.contains("2.35%"), "machinery sliding scale");

    // The mutual-protection system lists the groups as written, and generated ones for jinshun.
    let pairs = page("互联互保安全管理制度");
    assert!(pairs.contains("朱伟明、周立群、李春生"));
    assert!(pairs.contains("20% 的罚款金额"));
    let generated = text(&doc_html(&out, &m, "jinshun", "互联互保安全管理制度"));
    assert!(generated.contains("谢东、何志勇"), "same post first");
    assert!(
        generated.contains("吕强、应海军、王小兵") || generated.contains("邵国平、蒋丽"),
        "{generated}"
    );
}

#[test]
fn index_and_enterprise_pages_link_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_html(&example(), &out);
    let index = read(&out.join("index.html"));
    assert!(index.contains("永康市瑞丰电动工具有限公司") && index.contains("陈静、方海"));
    assert!(index.contains("href=\"ruifeng/index.html\""));
    let page = read(&out.join("ruifeng/index.html"));
    for slug in [
        "system-01-responsibility.html",
        "system-16-mutual-protection.html",
        "system-15-chemicals.html",
    ] {
        assert!(page.contains(slug), "{slug}");
        assert!(out.join("ruifeng").join(slug).is_file());
    }
    assert!(
        page.contains("喷粉房泄爆口被杂物遮挡"),
        "open site findings are listed"
    );
    assert!(out.join("style.css").is_file());
}

#[test]
fn user_text_is_escaped_everywhere() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    let file = site.join("enterprises/mini.yaml");
    let hostile = r#"name: "金华<script>alert(1)</script> *b* | #x {{ 1 }}""#;
    fs::write(
        &file,
        read(&file).replace("name: 金华市最小示例有限公司", hostile),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let m = manifest(&out);
    let html = doc_html(&out, &m, "mini", "安全生产责任制度");
    assert!(!html.contains("<script>alert"), "raw script tag in output");
    assert!(
        html.contains("金华&lt;script&gt;alert(1)&lt;&#x2F;script&gt; *b* | #x {{ 1 }}")
            || html.contains("金华&lt;script&gt;alert(1)&lt;/script&gt; *b* | #x {{ 1 }}"),
        "name printed literally"
    );
    let index = read(&out.join("index.html"));
    assert!(!index.contains("<script>alert"));
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build_html(&example(), &a);
    build_html(&example(), &b);
    let files = |root: &std::path::Path| {
        let mut v: Vec<_> = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 30);
    assert_eq!(fa.len(), fb.len());
    for ((pa, ca), (pb, cb)) in fa.iter().zip(&fb) {
        assert_eq!(pa, pb);
        assert!(ca == cb, "{} differs between builds", pa.display());
    }
}

#[test]
fn init_writes_a_site_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("newsite");
    let out = anquan(&["init", path(&site)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(site.join("anquan.yaml").is_file() && site.join("enterprises/ruifeng.yaml").is_file());
    let check = anquan(&["check", path(&site), "--date", DATE]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    build_html(&site, &site.join("public"));
    // A second init into a non-empty folder refuses rather than overwrite.
    assert_eq!(anquan(&["init", path(&site)]).status.code(), Some(1));
}

#[test]
fn a_site_template_overrides_and_extends_the_builtin() {
    let tmp = copy_site(&repo().join("tests/fixtures/minimal"));
    let site = tmp.path().join("site");
    fs::create_dir_all(site.join("templates/html")).unwrap();
    fs::write(
        site.join("templates/html/base.html"),
        r#"{% extends "builtin/html/base.html" %}{% block head %}<meta name="x-site" content="定制">{% endblock head %}{% block title %}定制 · {{ super() }}{% endblock title %}"#,
    )
    .unwrap();
    fs::create_dir_all(site.join("content/systems")).unwrap();
    fs::write(
        site.join("content/systems/meetings.md"),
        "## 一、本厂会议\n\n{{ enterprise.name }}每周一开会。\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_html(&site, &out);
    let m = manifest(&out);
    let meetings = doc_html(&out, &m, "mini", "安全生产会议制度");
    assert!(
        meetings.contains(r#"<meta name="x-site" content="定制">"#),
        "documents use the site's base"
    );
    assert!(
        meetings.contains("<title>安全生产会议制度"),
        "a document's own title block still wins"
    );
    assert!(
        read(&out.join("index.html")).contains("<title>定制 · 安全托管文件包</title>"),
        "super() reaches the built-in"
    );
    assert!(text(&meetings).contains("金华市最小示例有限公司每周一开会。"));
    let duty = doc_html(&out, &m, "mini", "安全生产责任制度");
    assert!(
        text(&duty).contains("全员安全生产责任制"),
        "other systems keep the built-in body"
    );
}

#[test]
fn check_passes_on_the_example_and_prints_json() {
    let out = anquan(&[
        "check",
        path(&example()),
        "--format",
        "json",
        "--date",
        DATE,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("only JSON on stdout");
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] != "error")
    );
}
