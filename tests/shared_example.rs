//! The shared example site (../shared/examples/jinhua), when present beside the checkout.

mod common;

use common::*;

#[test]
fn jinhua_builds_with_its_enterprise_in_every_system() {
    let Some(site) = jinhua() else {
        eprintln!("../shared/examples/jinhua not found: skipped");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    build_html(&site, &out);
    let m = manifest(&out);
    let systems = docs(&m, "hengda", "system");
    assert_eq!(systems.len(), 16, "chemicals present: sixteen systems");
    for d in &systems {
        let html = read(&out.join(d["files"]["html"].as_str().unwrap()));
        assert!(
            html.contains("金华市恒达五金制品有限公司"),
            "{}",
            d["title"]
        );
    }
    let duty = text(&doc_html(&out, &m, "hengda", "安全生产责任制度"));
    assert!(duty.contains("王建华") && duty.contains("李红") && duty.contains("AD-AQ-HENGDA-01"));
    let pairs = text(&doc_html(&out, &m, "hengda", "互联互保安全管理制度"));
    assert!(pairs.contains("黄志明、何斌、马丽"));
    let equipment = text(&doc_html(&out, &m, "hengda", "设备设施安全管理制度"));
    assert!(equipment.contains("起17浙G0123"));
}
