//! Places where a kind of work, once the enterprise has it, needs more care than elsewhere:
//! 动火 where fire or explosion is a risk or flammables are kept, 临时用电 where the air may
//! be explosive; and the conditions of a permit's places that call for measures of their
//! own (a dust collector to enter, combustible dust, gas pipes …).

use crate::site::model::{Chemical, EnterpriseFile, RiskPoint};

/// Gases whose pipes, burners or leaks can make the air explosive.
const GAS: [&str; 6] = ["燃气", "天然气", "液化气", "煤气", "可燃气", "氢气"];

/// Dusts that burn whether or not the input says so (GB 15577-2018 附录 A; 应急管理部令
/// 第6号《工贸企业粉尘防爆安全规定》): metal, powder coating, wood, grain, coal, plastic.
const COMBUSTIBLE_DUST: [&str; 14] = [
    "铝尘",
    "铝粉",
    "铝合金粉尘",
    "镁尘",
    "镁粉",
    "镁合金粉尘",
    "粉末涂料",
    "喷粉",
    "木粉尘",
    "木粉",
    "面粉",
    "淀粉",
    "煤粉",
    "塑料粉尘",
];

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

/// Whether a risk point's hazards name a dust that can explode: a dust cloud it says
/// explodes, or a dust that always can. 铝液遇水爆炸 is a steam explosion, not a dust's.
fn combustible_dust(p: &RiskPoint) -> bool {
    let dust = |h: &String| h.contains("粉尘") || h.contains("粉末");
    p.hazards
        .iter()
        .any(|h| COMBUSTIBLE_DUST.iter().any(|w| h.contains(w)) || (dust(h) && h.contains("爆")))
}

/// Whether a risk point has gas pipes or burners that can leak into an explosive mixture.
fn fuel_gas(p: &RiskPoint) -> bool {
    names(&p.hazards, &GAS) || names(&p.controls.engineering, &GAS)
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
        .filter(|h| COMBUSTIBLE_DUST.iter().any(|w| h.factor.contains(w)))
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
        .filter(|p| fire_or_explosion(p) || combustible_dust(p))
        .map(|p| {
            // A dust's explosion is named as such; another (铝液遇水) stays 爆炸.
            let explosion = if combustible_dust(p) {
                "粉尘爆炸"
            } else {
                "爆炸"
            };
            let mut risks: Vec<&str> = p
                .accidents
                .iter()
                .filter(|a| *a == "火灾" || *a == "其他爆炸")
                .map(|a| {
                    if a == "其他爆炸" {
                        explosion
                    } else {
                        "火灾"
                    }
                })
                .collect();
            if !risks.contains(&explosion) && combustible_dust(p) {
                risks.push(explosion);
            }
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
            let note = format!("{}，{}", c.hazard_class, chemical_use(c));
            (c.zone.clone(), c.name.clone(), note, vec![c.name.clone()])
        });
    points.chain(chemicals).collect()
}

/// Where a chemical is only used, not kept: 管道供气不储存 stores nothing.
fn chemical_use(c: &Chemical) -> &'static str {
    if c.is_stored() {
        "储存、使用场所"
    } else {
        "使用场所"
    }
}

/// Where the air may be explosive, so that temporary power must be explosion-proof: by
/// the atmosphere (combustible dust, fuel gas, flammable-liquid vapour), never by the
/// accident type alone. Each with its tag, `explosive-dust` or `explosive-gas`.
pub fn explosive_places(e: &EnterpriseFile) -> Vec<(Extra, &'static str)> {
    let points = e.risk_points.iter().filter_map(|p| {
        let (atmosphere, tag) = if combustible_dust(p) {
            ("可燃性粉尘", "explosive-dust")
        } else if fuel_gas(p) {
            ("燃气", "explosive-gas")
        } else {
            return None;
        };
        let note = format!("{atmosphere}爆炸危险场所，临时用电须符合防爆要求");
        let place = (
            p.zone.clone(),
            format!("{} {}", p.id, p.name),
            note,
            point_texts(p),
        );
        Some((place, tag))
    });
    let vapours = e
        .chemicals
        .iter()
        .filter(|c| c.hazard_class.contains("易燃液体"))
        .map(|c| {
            let note = "易燃液体蒸气爆炸危险场所，临时用电须符合防爆要求".to_string();
            let place = (c.zone.clone(), c.name.clone(), note, vec![c.name.clone()]);
            (place, "explosive-gas")
        });
    points.chain(vapours).collect()
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
        assert!(!combustible_dust(&point(&["铝液遇水爆炸"], &["其他爆炸"])));
        assert!(combustible_dust(&point(
            &["粉尘云遇静电火花爆炸"],
            &["火灾"]
        )));
        assert!(!combustible_dust(&point(&["粉尘吸入"], &["其他伤害"])));
    }

    #[test]
    fn explosive_air_comes_from_dust_gas_or_vapour_not_from_the_accident_type() {
        let mut e = example();
        e.chemicals.clear();
        e.risk_points = vec![
            point(&["铝液遇水爆炸", "炉体高温"], &["其他爆炸", "火灾"]),
            point(&["天然气泄漏"], &["灼烫"]),
            point(&["铝合金粉尘"], &["机械伤害"]),
        ];
        for (i, p) in e.risk_points.iter_mut().enumerate() {
            p.id = format!("R{i}");
            p.controls.engineering.clear();
        }
        let tags: Vec<(String, &str)> = explosive_places(&e)
            .into_iter()
            .map(|((_, what, _, _), tag)| (what, tag))
            .collect();
        let names: Vec<&str> = tags
            .iter()
            .map(|(w, _)| w.split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(names, ["R1", "R2"]);
        assert_eq!(tags[0].1, "explosive-gas");
        assert_eq!(tags[1].1, "explosive-dust");
    }

    #[test]
    fn piped_gas_is_used_where_it_is_not_stored() {
        let mut e = example();
        e.chemicals = vec![Chemical {
            name: "天然气".into(),
            cas: "74-82-8".into(),
            hazard_class: "易燃气体".into(),
            max_storage: "管道供气不储存".into(),
            zone: "highbay".into(),
        }];
        e.risk_points.clear();
        let notes: Vec<String> = fire_places(&e).into_iter().map(|(_, _, n, _)| n).collect();
        assert_eq!(notes, ["易燃气体，使用场所"]);
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
