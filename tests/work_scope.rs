//! The 危险作业 of the example agree across documents: the 危险作业安全管理制度 lists the
//! places the permits list (facts::work) and none the data lacks; combustible dust and gas
//! are where hot work and temporary power need their measures; the department that
//! approves temporary power is one the enterprise has.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;

fn built() -> &'static (tempfile::TempDir, PathBuf, serde_json::Value) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf, serde_json::Value)> = OnceLock::new();
    BUILT.get_or_init(example_html)
}

fn doc(enterprise: &str, title: &str) -> String {
    let (_tmp, out, m) = built();
    text(&doc_html(out, m, enterprise, title))
}

const SYSTEM: &str = "危险作业安全管理制度";

#[test]
fn the_system_lists_the_places_of_the_permits_and_none_the_data_lacks() {
    let system = doc("ruifeng", SYSTEM);
    for want in [
        "滤筒除尘器（喷粉车间）",
        "R04 砂轮打磨作业（机加工车间）",
        "需要进行高处作业时，按本制度办理高处安全作业票",
        "设备动力部负责人程立新",
    ] {
        assert!(system.contains(want), "{want}");
    }
    for invented in [
        "货架顶层",
        "地坑",
        "储罐",
        "污水池",
        "清理模具",
        "设备管理部门",
    ] {
        assert!(!system.contains(invented), "{invented}");
    }
    // The warehouse has none of the five: each is stated as a rule, with no place.
    let system = doc("jinshun", SYSTEM);
    for kind in [
        "动火作业",
        "有限空间作业",
        "高处作业",
        "吊装作业",
        "临时用电",
    ] {
        let rule = format!("本公司目前无此类作业；需要进行{kind}时");
        assert!(system.contains(&rule), "{rule}");
    }
    for invented in [
        "货架顶层",
        "除尘器",
        "储罐",
        "模具",
        "设备焊接切割",
        "上表所列场所以外",
    ] {
        assert!(!system.contains(invented), "{invented}");
    }
    let agreement = doc("jinshun", "相关方安全管理协议");
    assert!(agreement.contains("甲方目前没有需要办理作业票的危险作业"));
}

#[test]
fn combustible_metal_dust_is_a_place_for_hot_work_and_temporary_power() {
    let hot = doc("ruifeng", "动火安全作业票");
    assert!(hot.contains("R04 砂轮打磨作业（粉尘爆炸风险）"), "{hot}");
    let power = doc("ruifeng", "临时用电安全作业票");
    assert!(power.contains("R04 砂轮打磨作业（可燃性粉尘爆炸危险场所"));
    assert!(power.contains("在可燃性粉尘场所接线前已停止产尘作业"));
}

#[test]
fn temporary_power_analyses_gas_where_the_air_may_hold_gas_or_vapour() {
    let power = doc("ruifeng", "临时用电安全作业票");
    for want in [
        "可燃气体分析",
        "分析时间",
        "分析点",
        "分析人",
        "燃气爆炸危险场所",
    ] {
        assert!(power.contains(want), "{want}");
    }
    // An explosion-hazard place is named by its atmosphere, never by the accident type.
    assert!(!power.contains("（爆炸危险场所"), "{power}");
    assert!(power.contains("临时用电由设备动力部负责人程立新审批"));
    assert!(!power.contains("设备管理部门"));
}

#[test]
fn piped_gas_is_used_not_stored_and_is_shut_off_not_moved() {
    let hot = doc("ruifeng", "动火安全作业票");
    assert!(hot.contains("天然气（易燃气体，使用场所）"), "{hot}");
    assert!(hot.contains("脱模剂（易燃液体，储存、使用场所）"));
    let fire = doc("ruifeng", "火灾事故专项应急预案");
    assert!(fire.contains("关闭燃气总阀"), "{fire}");
    assert!(!fire.contains("天然气、脱模剂"), "{fire}");
    assert!(fire.contains("转移着火点附近的可燃物和脱模剂"), "{fire}");
    // The systems keep no storage rules for it either.
    let chemicals = doc("ruifeng", "危险化学品使用安全管理制度");
    assert!(
        chemicals.contains("管道供气不储存：定期检查管道"),
        "{chemicals}"
    );
    let housekeeping = doc("ruifeng", "生产定置清洁管理制度");
    assert!(
        housekeeping.contains("脱模剂、切削液等化学品存放于指定区域"),
        "{housekeeping}"
    );
    assert!(!housekeeping.contains("天然气"), "{housekeeping}");
}

#[test]
fn equipment_is_managed_by_a_department_the_enterprise_has() {
    let ruifeng = doc("ruifeng", "设备设施安全管理制度");
    for want in [
        "设备动力部负责建立设备台账",
        "由设备动力部、使用部门和安全环保部共同验收",
        "追究设备动力部负责人的责任",
    ] {
        assert!(ruifeng.contains(want), "{want}");
    }
    // The warehouse has no such department: the safety officer's role, named once.
    let jinshun = doc("jinshun", "设备设施安全管理制度");
    assert!(
        jinshun.contains("由使用部门和安全生产管理人员共同验收"),
        "{jinshun}"
    );
    for system in ["设备设施安全管理制度", "相关方安全管理制度", SYSTEM] {
        for e in ["ruifeng", "jinshun"] {
            let text = doc(e, system);
            assert!(!text.contains("设备管理部门"), "{e} {system}");
            assert!(!text.contains("互联互保 4.6"), "{e} {system}");
        }
    }
}
