//! Places where a kind of work, once the enterprise has it, needs more care than elsewhere:
//! 动火 where fire or explosion is a risk or flammables are kept, 临时用电 where the air may
//! be explosive; and the conditions of a permit's places that call for measures of their
//! own (a dust collector to enter, combustible dust, gas pipes …).

use crate::site::model::{EnterpriseFile, RiskPoint};

/// Words of a hazard that make an atmosphere explosive: dust clouds, gas, vapour.
const EXPLOSIVE: [&str; 12] = [
    "粉尘",
    "粉末",
    "铝尘",
    "燃气",
    "天然气",
    "液化气",
    "煤气",
    "可燃气",
    "氢气",
    "蒸气",
    "溶剂",
    "稀释剂",
];

/// Metal dusts that burn whether or not the input says so (GB 15577-2018 附录 A).
const METAL_DUST: [&str; 6] = ["铝尘", "铝粉", "铝合金粉尘", "镁尘", "镁粉", "镁合金粉尘"];

/// Conditions of a permit's places, by words of what shows the work there.
const CONDITIONS: [(&str, &[&str]); 5] = [
    ("dust-collector", &["除尘器"]),
    ("vessel", &["储罐", "贮罐", "反应釜", "料仓", "容器"]),
    ("agitator", &["反应釜", "搅拌"]),
    (
        "sewer",
        &[
            "污水",
            "窨井",
            "地沟",
            "管沟",
            "化粪池",
            "集水井",
            "沉淀池",
            "水封",
        ],
    ),
    ("gas", &["燃气", "天然气", "液化气", "煤气", "可燃气"]),
];

fn names(texts: &[String], words: &[&str]) -> bool {
    texts.iter().any(|t| words.iter().any(|w| t.contains(w)))
}

fn fire_or_explosion(p: &RiskPoint) -> bool {
    p.accidents.iter().any(|a| a == "火灾" || a == "其他爆炸")
}

/// Whether a risk point's hazards name a dust that can explode: one it says explodes, or a
/// metal dust that always can.
fn combustible_dust(p: &RiskPoint) -> bool {
    let dust = |h: &String| h.contains("粉尘") || h.contains("粉末") || h.contains("铝尘");
    let says_it_explodes =
        p.accidents.iter().any(|a| a == "其他爆炸") || p.hazards.iter().any(|h| h.contains("爆"));
    p.hazards
        .iter()
        .any(|h| METAL_DUST.iter().any(|w| h.contains(w)) || (dust(h) && says_it_explodes))
}

/// The zones with combustible dust, from the risk points and the occupational hazards.
pub fn dust_zones(e: &EnterpriseFile) -> Vec<String> {
    let points = e
        .risk_points
        .iter()
        .filter(|p| combustible_dust(p))
        .map(|p| &p.zone);
    let hazards = e
        .occupational_hazards
        .iter()
        .filter(|h| METAL_DUST.iter().any(|w| h.factor.contains(w)))
        .map(|h| &h.zone);
    let mut zones: Vec<String> = Vec::new();
    for z in points.chain(hazards) {
        if !zones.contains(z) {
            zones.push(z.clone());
        }
    }
    zones
}

/// (zone, what, note, texts) of a place found by its risk.
pub type Extra = (String, String, String, Vec<String>);

fn point_texts(p: &RiskPoint) -> Vec<String> {
    std::iter::once(&p.name)
        .chain(&p.hazards)
        .chain(&p.controls.engineering)
        .cloned()
        .collect()
}

/// Where 动火 needs the most care: risk points of fire or explosion, and the flammable
/// chemicals where they are kept or used (as the 危险作业安全管理制度 names them).
pub fn fire_places(e: &EnterpriseFile) -> Vec<Extra> {
    let points = e
        .risk_points
        .iter()
        .filter(|p| fire_or_explosion(p))
        .map(|p| {
            let risks: Vec<&str> = p
                .accidents
                .iter()
                .map(String::as_str)
                .filter(|a| *a == "火灾" || *a == "其他爆炸")
                .collect();
            let note = format!("{}风险", risks.join("、"));
            (
                p.zone.clone(),
                format!("{} {}", p.id, p.name),
                note,
                point_texts(p),
            )
        });
    let chemicals = e
        .chemicals
        .iter()
        .filter(|c| c.hazard_class.contains("易燃"))
        .map(|c| {
            let note = format!("{}，储存、使用场所", c.hazard_class);
            (c.zone.clone(), c.name.clone(), note, vec![c.name.clone()])
        });
    points.chain(chemicals).collect()
}

/// Where the air may be explosive, so that temporary power must be explosion-proof.
pub fn explosive_places(e: &EnterpriseFile) -> Vec<Extra> {
    e.risk_points
        .iter()
        .filter(|p| fire_or_explosion(p) && names(&p.hazards, &EXPLOSIVE))
        .map(|p| {
            let note = "爆炸危险场所，临时用电须符合防爆要求".to_string();
            (
                p.zone.clone(),
                format!("{} {}", p.id, p.name),
                note,
                point_texts(p),
            )
        })
        .collect()
}

/// The conditions that the texts of a permit's places show, and `dust` when one of its
/// zones has combustible dust.
pub fn conditions(e: &EnterpriseFile, zones: &[&str], texts: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = CONDITIONS
        .iter()
        .filter(|(_, words)| names(texts, words))
        .map(|(tag, _)| *tag)
        .collect();
    let dusty = dust_zones(e);
    if zones.iter().any(|z| dusty.iter().any(|d| d == z)) {
        out.push("dust");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> EnterpriseFile {
        serde_saphyr::from_str(include_str!("../../../example/enterprises/jinshun.yaml"))
            .expect("example")
    }

    fn point(hazards: &[&str], accidents: &[&str]) -> RiskPoint {
        let mut p = example().risk_points[0].clone();
        p.hazards = hazards.iter().map(|s| s.to_string()).collect();
        p.accidents = accidents.iter().map(|s| s.to_string()).collect();
        p
    }

    #[test]
    fn dust_burns_when_it_is_metal_or_the_point_says_it_explodes() {
        assert!(combustible_dust(&point(&["铝合金粉尘"], &["机械伤害"])));
        assert!(combustible_dust(&point(
            &["粉尘云遇静电火花爆炸"],
            &["火灾"]
        )));
        assert!(!combustible_dust(&point(&["粉尘吸入"], &["其他伤害"])));
    }

    #[test]
    fn conditions_follow_the_words_of_the_places() {
        let e = example();
        let texts = ["滤筒除尘器".to_string(), "燃气管道".to_string()];
        assert_eq!(
            conditions(&e, &["highbay"], &texts),
            ["dust-collector", "gas"]
        );
        assert!(conditions(&e, &[], &["污水池".to_string()]).contains(&"sewer"));
    }
}
