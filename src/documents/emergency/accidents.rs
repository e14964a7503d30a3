//! The twenty accident classes of GB 6441-1986 《企业职工伤亡事故分类》, the content file
//! holding each one's response text, and the words that tell which form of an accident a
//! risk point means (a dust explosion, a gas explosion, a confined space …).

/// One GB 6441-1986 class and its text, `content/emergency/accidents/SLUG.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccidentClass {
    pub name: &'static str,
    pub slug: &'static str,
    /// Whether anquan ships its text. 冒顶片帮, 透水, 放炮, 火药爆炸 and 瓦斯爆炸 belong to
    /// mines and explosives works, not to 工贸 enterprises: a site supplies their text.
    pub shipped: bool,
}

const fn class(name: &'static str, slug: &'static str, shipped: bool) -> AccidentClass {
    AccidentClass {
        name,
        slug,
        shipped,
    }
}

/// In the order of the standard; special plans follow it.
pub const CLASSES: [AccidentClass; 20] = [
    class("物体打击", "struck-by-object", true),
    class("车辆伤害", "vehicle", true),
    class("机械伤害", "machinery", true),
    class("起重伤害", "lifting", true),
    class("触电", "electric-shock", true),
    class("淹溺", "drowning", true),
    class("灼烫", "burns", true),
    class("火灾", "fire", true),
    class("高处坠落", "fall-from-height", true),
    class("坍塌", "collapse", true),
    class("冒顶片帮", "roof-fall", false),
    class("透水", "water-inrush", false),
    class("放炮", "blasting", false),
    class("火药爆炸", "explosive", false),
    class("瓦斯爆炸", "firedamp", false),
    class("锅炉爆炸", "boiler-explosion", true),
    class("容器爆炸", "vessel-explosion", true),
    class("其他爆炸", "other-explosion", true),
    class("中毒和窒息", "poisoning", true),
    class("其他伤害", "other-injury", true),
];

pub fn class_of(name: &str) -> Option<&'static AccidentClass> {
    CLASSES.iter().find(|c| c.name == name.trim())
}

/// The content file of a class's text.
pub fn text_file(class: &AccidentClass) -> String {
    format!("emergency/accidents/{}.md", class.slug)
}

/// Forms of an accident that need their own steps, found by words in the names and
/// hazards of the risk points (`plan.features` in the texts). The kinds of machine are
/// `plan.machine_kinds` (`facts::machines`).
const FEATURES: [(&str, &[&str]); 16] = [
    ("dust", &["粉尘", "粉末", "粉料", "粉体"]),
    (
        "gas",
        &[
            "燃气",
            "天然气",
            "液化石油气",
            "液化气",
            "煤气",
            "可燃气",
            "沼气",
        ],
    ),
    ("hydrogen", &["氢气"]),
    (
        "vapour",
        &["溶剂", "稀释剂", "油漆", "涂料", "挥发", "蒸气", "易燃液体"],
    ),
    (
        "molten",
        &[
            "铝液", "铁水", "钢水", "铜液", "熔融", "熔液", "熔炼", "熔化",
        ],
    ),
    (
        "confined",
        &[
            "有限空间",
            "受限空间",
            "污水池",
            "储罐",
            "地坑",
            "窨井",
            "化粪池",
            "沉淀池",
            "罐内",
            "槽内",
        ],
    ),
    (
        "toxic",
        &[
            "中毒",
            "有毒",
            "硫化氢",
            "一氧化碳",
            "氨",
            "氯气",
            "苯",
            "有机溶剂",
        ],
    ),
    ("chemical", &["酸", "碱", "腐蚀"]),
    ("steam", &["蒸汽", "热水", "锅炉"]),
    ("crane", &["起重", "行车", "吊"]),
    ("forklift", &["叉车"]),
    ("racks", &["货架"]),
    ("compressed", &["储气罐", "压缩空气", "空压"]),
    ("powder", &["喷粉", "喷塑", "粉末涂"]),
    ("hot", &["高温", "炉体", "烘烤", "固化炉", "焊"]),
    (
        "electrical",
        &[
            "电气", "线路", "配电", "充电", "用电", "漏电", "焊机", "带电",
        ],
    ),
];

/// The forms the texts mention, in table order, each once.
pub fn features<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<&'static str> {
    FEATURES
        .iter()
        .filter(|(_, words)| texts.clone().any(|t| words.iter().any(|w| t.contains(w))))
        .map(|(tag, _)| *tag)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_twenty_classes_of_gb_6441_each_once() {
        let mut names: Vec<&str> = CLASSES.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 20);
        let text = include_str!("../../../content/systems/accidents.md");
        for c in CLASSES {
            assert!(text.contains(c.name), "{} is not named by 制度 12", c.name);
        }
        assert_eq!(CLASSES.iter().filter(|c| c.shipped).count(), 15);
    }

    #[test]
    fn forms_are_found_by_their_words() {
        let hazards = ["粉尘云遇静电火花爆炸", "炉体燃气泄漏", "铝液遇水爆炸"];
        assert_eq!(
            features(hazards.iter().copied()),
            ["dust", "gas", "molten", "hot"]
        );
        assert_eq!(
            features(["进入污水池清淤", "硫化氢中毒"].iter().copied()),
            ["confined", "toxic"]
        );
        assert_eq!(features(["静电喷粉作业"].iter().copied()), ["powder"]);
        assert!(features(["装配线作业"].iter().copied()).is_empty());
    }
}
