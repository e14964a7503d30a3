//! What kind of machine a risk point works at, so that a 机械伤害 response names the right
//! moving parts and the right way to free a trapped limb: a die-casting machine opens its
//! mould by hand after the pressure is released, a lathe's chuck is turned back by hand
//! only after the power is off, a press's ram is raised and blocked. Found by words of
//! the point's name and hazards first, else of the equipment in its zone.

use serde::Serialize;

use crate::site::model::{EnterpriseFile, RiskPoint};

/// How forklifts and other 场内机动车辆 are powered, by the words of their names
/// (电动平衡重式叉车, 内燃平衡重式叉车): texts speak of the battery and charging, or of fuel,
/// exhaust and refuelling, or of both where the names say neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TruckPower {
    pub electric: bool,
    pub combustion: bool,
}

impl TruckPower {
    /// From equipment names; only names of trucks (叉车, 牵引车, 搬运车) count.
    pub fn of<'a>(names: impl Iterator<Item = &'a str>) -> TruckPower {
        let mut power = TruckPower::default();
        for name in names.filter(|n| ["叉车", "牵引车", "搬运车"].iter().any(|w| n.contains(w)))
        {
            power.electric |= ["电动", "蓄电池", "锂电"].iter().any(|w| name.contains(w));
            power.combustion |= ["内燃", "柴油", "汽油", "液化石油气", "天然气"]
                .iter()
                .any(|w| name.contains(w));
        }
        power
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MachineKind {
    /// 压铸机: 合模, 压射, 安全门, 压射冲头, 蓄能器.
    DieCasting,
    /// 冲压设备 (压力机, 冲床, 折弯机): 滑块, 光电保护, 双手按钮.
    Press,
    /// 金属切削机床 (车、铣、钻、镗床, 数控机床): 主轴, 卡盘, 防护门, 切屑.
    MachineTool,
    /// 砂轮机 and 磨削、打磨: 砂轮, 托架, 防护罩.
    Grinder,
}

impl MachineKind {
    /// What the texts call a machine of this kind when the input names none.
    pub fn noun(self) -> &'static str {
        match self {
            MachineKind::DieCasting => "压铸机",
            MachineKind::Press => "压力机",
            MachineKind::MachineTool => "机床",
            MachineKind::Grinder => "砂轮机",
        }
    }
}

/// The words of each kind; a name may match several (a 数控磨床 is both a 机床 and a
/// grinder), and each kind is then answered for.
const WORDS: [(MachineKind, &[&str]); 4] = [
    (MachineKind::DieCasting, &["压铸"]),
    (
        MachineKind::Press,
        &["冲床", "冲压", "压力机", "折弯机", "剪板机"],
    ),
    (
        MachineKind::MachineTool,
        &[
            "机床",
            "车床",
            "铣床",
            "钻床",
            "镗床",
            "刨床",
            "数控",
            "加工中心",
        ],
    ),
    (MachineKind::Grinder, &["砂轮", "磨床", "打磨", "抛光"]),
];

/// The kinds these texts name, in table order, each once.
pub fn kinds_in<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<MachineKind> {
    WORDS
        .iter()
        .filter(|(_, words)| texts.clone().any(|t| words.iter().any(|w| t.contains(w))))
        .map(|(kind, _)| *kind)
        .collect()
}

/// The machines these risk points work at: by their own names and hazards, else by the
/// equipment of their zones. Empty when neither names a known kind (a conveyor, a mixer):
/// the texts then speak of 设备 in general.
pub fn machine_kinds(e: &EnterpriseFile, points: &[&RiskPoint]) -> Vec<MachineKind> {
    let mut kinds = Vec::new();
    for point in points {
        let own =
            std::iter::once(point.name.as_str()).chain(point.hazards.iter().map(String::as_str));
        let mut found = kinds_in(own);
        if found.is_empty() {
            let zone = e
                .equipment
                .iter()
                .filter(|q| q.zone == point.zone)
                .map(|q| q.name.as_str());
            found = kinds_in(zone);
        }
        kinds.extend(found);
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The equipment of these zones that is of this kind, by name.
pub fn machines_of_kind<'a>(
    e: &'a EnterpriseFile,
    zones: &[String],
    kind: MachineKind,
) -> Vec<&'a str> {
    e.equipment
        .iter()
        .filter(|q| zones.contains(&q.zone))
        .map(|q| q.name.as_str())
        .filter(|name| kinds_in(std::iter::once(*name)).contains(&kind))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_found_by_their_words() {
        use MachineKind::*;
        assert_eq!(kinds_in(["铝合金压铸作业"].into_iter()), [DieCasting]);
        assert_eq!(kinds_in(["冲床冲压作业"].into_iter()), [Press]);
        assert_eq!(kinds_in(["数控车床加工"].into_iter()), [MachineTool]);
        assert_eq!(kinds_in(["砂轮打磨作业"].into_iter()), [Grinder]);
        assert_eq!(kinds_in(["数控磨床"].into_iter()), [MachineTool, Grinder]);
        assert!(kinds_in(["皮带输送机"].into_iter()).is_empty());
    }

    #[test]
    fn a_point_that_names_no_machine_takes_its_zones() {
        let text = include_str!("../../example/enterprises/ruifeng.yaml");
        let mut e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        let of = |e: &EnterpriseFile, id: &str| {
            let point = e.risk_points.iter().find(|p| p.id == id).expect("point");
            machine_kinds(e, &[point])
        };
        assert_eq!(of(&e, "R01"), [MachineKind::DieCasting]);
        // 砂轮打磨 in the machining hall is a grinder, not the hall's lathe.
        assert_eq!(of(&e, "R04"), [MachineKind::Grinder]);
        let r01 = e
            .risk_points
            .iter_mut()
            .find(|p| p.id == "R01")
            .expect("R01");
        r01.name = "设备维修".into();
        r01.hazards = vec!["模具区挤压".into()];
        assert_eq!(of(&e, "R01"), [MachineKind::DieCasting]);
        assert_eq!(
            machines_of_kind(&e, &["diecast".into()], MachineKind::DieCasting),
            ["冷室压铸机"]
        );
        // 装配线 names none and its zone has none: 设备 in general.
        assert!(of(&e, "R07").is_empty());
    }
}
