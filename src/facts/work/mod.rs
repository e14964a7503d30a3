//! The 危险作业 an enterprise has, of the five kinds anquan issues permits for (GB 30871-2022:
//! 动火, 有限空间 (受限空间 in GB 30871; 有限空间 in 应急管理部令第13号, which governs 工贸
//! enterprises), 高处, 临时用电, 吊装), judged from what the input names: its risk points
//! (name, hazards, controls), equipment, zones, posts and the certificates of its people.
//! A kind with no evidence gets no permit; each piece of evidence is a place where the
//! work happens, printed on the permit so the applicant finds it listed.

mod hazard_places;

use serde::Serialize;

use crate::site::model::{EnterpriseFile, SpecialCategory};
pub use hazard_places::dust_zones;
use hazard_places::{Extra, conditions, explosive_places, fire_places};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WorkKind {
    HotWork,
    ConfinedSpace,
    Height,
    TemporaryPower,
    Lifting,
}

impl WorkKind {
    /// In the order GB 30871-2022 lists them.
    pub const ALL: [WorkKind; 5] = [
        WorkKind::HotWork,
        WorkKind::ConfinedSpace,
        WorkKind::Height,
        WorkKind::Lifting,
        WorkKind::TemporaryPower,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WorkKind::HotWork => "动火",
            WorkKind::ConfinedSpace => "有限空间",
            WorkKind::Height => "高处",
            WorkKind::TemporaryPower => "临时用电",
            WorkKind::Lifting => "吊装",
        }
    }

    /// The form's title: 工贸 enterprises approve 有限空间 work on an 审批表 (部令第13号).
    pub fn title(self) -> String {
        match self {
            WorkKind::ConfinedSpace => "有限空间作业审批表".to_string(),
            _ => format!("{}安全作业票", self.name()),
        }
    }

    /// File stem of the permit and of its text in `content/permits/`.
    pub fn slug(self) -> &'static str {
        match self {
            WorkKind::HotWork => "hot-work",
            WorkKind::ConfinedSpace => "confined-space",
            WorkKind::Height => "height",
            WorkKind::TemporaryPower => "temporary-power",
            WorkKind::Lifting => "lifting",
        }
    }

    /// Words that show the work is done. 高处 needs the work itself (登高, 脚手架 …): a
    /// 高处坠落 accident type alone may be a fall from a dock edge under 2 m (GB/T 3608).
    /// 储气罐 is not 储罐, and a 除尘装置 on a machine is not an enterable 除尘器.
    fn words(self) -> &'static [&'static str] {
        match self {
            WorkKind::HotWork => &[
                "动火",
                "电焊",
                "气焊",
                "焊接",
                "焊机",
                "焊工",
                "气割",
                "切割",
                "热切割",
            ],
            WorkKind::ConfinedSpace => &[
                "有限空间",
                "受限空间",
                "污水池",
                "污水井",
                "储罐",
                "贮罐",
                "地坑",
                "窨井",
                "地沟",
                "管沟",
                "化粪池",
                "沉淀池",
                "集水井",
                "除尘器",
                "反应釜",
                "料仓",
            ],
            WorkKind::Height => &[
                "登高",
                "高处作业",
                "高空作业",
                "脚手架",
                "屋面",
                "屋顶",
                "梯子",
                "人字梯",
                "升降平台",
                "高空车",
            ],
            WorkKind::TemporaryPower => &["临时用电", "临时线路", "临时电源", "临时接电"],
            WorkKind::Lifting => &[
                "起重", "行车", "吊车", "天车", "吊装", "吊运", "起吊", "葫芦", "吊具",
            ],
        }
    }
}

/// One place where a kind of work happens: the zone (id), what shows it there, and why it
/// needs more care when found by its risk (火灾、其他爆炸风险).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub zone: String,
    pub what: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HazardousWork {
    pub kind: WorkKind,
    pub places: Vec<Place>,
    /// What the places have that calls for measures of its own (`hazard_places`):
    /// `dust-collector`, `vessel`, `agitator`, `sewer`, `gas`, `dust`, and for 临时用电 in an
    /// explosive atmosphere `explosive` with `explosive-gas` and/or `explosive-dust`.
    pub conditions: Vec<&'static str>,
}

/// Something of the input that may show hazardous work: where it is, how the permit names
/// it, and the texts to search.
struct Evidence {
    zone: String,
    what: String,
    texts: Vec<String>,
    /// Also shows 临时用电: a post of electricians, or a 电工 certificate.
    electrician: bool,
    crane: bool,
}

fn evidence(e: &EnterpriseFile) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for p in &e.risk_points {
        let c = &p.controls;
        let texts = std::iter::once(&p.name)
            .chain(&p.hazards)
            .chain(&c.engineering)
            .chain(&c.management)
            .cloned()
            .collect();
        out.push(Evidence {
            zone: p.zone.clone(),
            what: format!("{} {}", p.id, p.name),
            texts,
            electrician: false,
            crane: false,
        });
    }
    for q in &e.equipment {
        let what = match &q.reg_no {
            Some(no) => format!("{}（{no}）", q.name),
            None => q.name.clone(),
        };
        out.push(Evidence {
            zone: q.zone.clone(),
            what,
            texts: vec![q.name.clone()],
            electrician: false,
            crane: q.category == Some(SpecialCategory::起重机械),
        });
    }
    for z in &e.zones {
        out.push(Evidence {
            zone: z.id.clone(),
            what: z.name.clone(),
            texts: vec![z.name.clone()],
            electrician: false,
            crane: false,
        });
    }
    for post in &e.posts {
        let certificates: Vec<String> = e
            .teams
            .iter()
            .flat_map(|t| &t.members)
            .filter(|m| m.post == post.id)
            .flat_map(|m| m.certificates.iter().cloned())
            .collect();
        let electrician =
            post.name.contains("电工") || certificates.iter().any(|c| c.contains("电工"));
        let mut texts = vec![post.name.clone()];
        texts.extend(certificates);
        out.push(Evidence {
            zone: post.zone.clone(),
            what: format!("{}岗位", post.name),
            texts,
            electrician,
            crane: false,
        });
    }
    out
}

/// The kinds of hazardous work the enterprise has, each with its places, in the order of
/// `WorkKind::ALL`; a kind without evidence is left out.
pub fn hazardous_work(e: &EnterpriseFile) -> Vec<HazardousWork> {
    let all = evidence(e);
    WorkKind::ALL
        .iter()
        .filter_map(|&kind| {
            let shown: Vec<&Evidence> = all.iter().filter(|ev| shows(ev, kind)).collect();
            if shown.is_empty() {
                return None;
            }
            let mut places: Vec<Place> = Vec::new();
            let mut texts: Vec<String> = Vec::new();
            let found = shown
                .iter()
                .map(|ev| (ev.zone.clone(), ev.what.clone(), None, ev.texts.clone()));
            let mut atmospheres: Vec<&'static str> = Vec::new();
            let extra: Vec<Extra> = match kind {
                WorkKind::HotWork => fire_places(e),
                WorkKind::TemporaryPower => explosive_places(e)
                    .into_iter()
                    .map(|(place, tag)| {
                        if !atmospheres.contains(&tag) {
                            atmospheres.push(tag);
                        }
                        place
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let extra = extra
                .into_iter()
                .map(|(zone, what, note, texts)| (zone, what, Some(note), texts));
            for (zone, what, note, more) in found.chain(extra) {
                texts.extend(more);
                match places.iter_mut().find(|p| p.zone == zone && p.what == what) {
                    Some(known) => known.note = known.note.take().or(note),
                    None => places.push(Place { zone, what, note }),
                }
            }
            let zones: Vec<&str> = places.iter().map(|p| p.zone.as_str()).collect();
            let mut conditions = conditions(e, &zones, &texts);
            if !atmospheres.is_empty() {
                conditions.push("explosive");
                conditions.extend(atmospheres);
            }
            Some(HazardousWork {
                kind,
                places,
                conditions,
            })
        })
        .collect()
}

fn shows(ev: &Evidence, kind: WorkKind) -> bool {
    // A 原料仓库 is a warehouse, not a 料仓 (silo) to enter.
    let named = ev.texts.iter().any(|t| {
        let t = t.replace("仓库", "库");
        kind.words().iter().any(|w| t.contains(w))
    });
    named
        || (kind == WorkKind::TemporaryPower && ev.electrician)
        || (kind == WorkKind::Lifting && ev.crane)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> EnterpriseFile {
        crate::facts::example_enterprise(name)
    }

    fn kinds(e: &EnterpriseFile) -> Vec<&'static str> {
        hazardous_work(e).iter().map(|w| w.kind.name()).collect()
    }

    #[test]
    fn the_power_tool_maker_welds_lifts_enters_its_dust_collector_and_wires_temporarily() {
        let e = example("ruifeng");
        assert_eq!(kinds(&e), ["动火", "有限空间", "吊装", "临时用电"]);
        let work = hazardous_work(&e);
        let lifting = &work[2].places;
        assert_eq!(lifting[0].zone, "diecast");
        assert!(lifting[0].what.starts_with("电动单梁起重机"), "{lifting:?}");
        let power = &work[3].places;
        assert_eq!(power[0].what, "电工岗位");
        // 喷粉 is an explosive atmosphere: temporary power there must be explosion-proof.
        assert!(
            power
                .iter()
                .any(|p| p.zone == "coating" && p.note.is_some())
        );
        // 动火 in the die-casting shop meets the gas-fired furnace and the release agent.
        let hot = &work[0];
        for what in ["R02 熔铝炉熔化作业", "脱模剂"] {
            assert!(
                hot.places
                    .iter()
                    .any(|p| p.what == what && p.zone == "diecast"),
                "{what}"
            );
        }
        assert!(hot.conditions.contains(&"dust") && hot.conditions.contains(&"gas"));
        let confined = &work[1];
        assert!(confined.conditions.contains(&"dust-collector"));
        assert!(
            !confined.conditions.contains(&"sewer") && !confined.conditions.contains(&"agitator")
        );
    }

    #[test]
    fn the_warehouse_has_no_hazardous_work_a_dock_edge_is_not_work_at_height() {
        let e = example("jinshun");
        assert!(
            e.risk_points
                .iter()
                .any(|p| p.accidents.iter().any(|a| a == "高处坠落"))
        );
        assert_eq!(kinds(&e), Vec::<&str>::new());
    }

    #[test]
    fn each_kind_is_judged_from_its_own_words() {
        let mut e = example("jinshun");
        e.zones[0].name = "污水池".into();
        e.risk_points[0].hazards.push("登高检修照明".into());
        e.equipment[0].name = "电动葫芦".into();
        e.risk_points[1]
            .controls
            .management
            .push("管道切割前办理作业票".into());
        assert_eq!(kinds(&e), ["动火", "有限空间", "高处", "吊装"]);
        e.equipment[0].name = "储气罐".into();
        e.zones[0].name = "除尘装置旁".into();
        e.zones[1].name = "原料仓库".into();
        assert_eq!(kinds(&e), ["动火", "高处"]);
    }
}
