//! Which signs a board or card shows: the signs of its GB 6441 accident types, of words in
//! its hazards and of its emergency supplies, and the mandatory signs of exactly its
//! protective equipment (`facts::ppe`). Ordered as boards hang them: 禁止, 警告, 指令,
//! 提示, then the fire-equipment signs.

use super::{Sign, sign_named};
use crate::facts::ppe::mandatory_signs;

/// GB 6441-1986 accident types → the signs that warn of them.
const BY_ACCIDENT: &[(&str, &[&str])] = &[
    ("物体打击", &["当心落物"]),
    ("车辆伤害", &["当心车辆"]),
    ("机械伤害", &["当心机械伤人"]),
    ("起重伤害", &["当心吊物", "禁止停留"]),
    ("触电", &["当心触电"]),
    ("淹溺", &["当心落水"]),
    ("灼烫", &["当心烫伤"]),
    ("火灾", &["禁止烟火", "当心火灾"]),
    ("高处坠落", &["当心坠落"]),
    ("坍塌", &["当心塌方"]),
    ("冒顶片帮", &["当心塌方"]),
    ("放炮", &["当心爆炸"]),
    ("火药爆炸", &["当心爆炸"]),
    ("瓦斯爆炸", &["禁止烟火", "当心爆炸"]),
    ("锅炉爆炸", &["当心爆炸"]),
    ("容器爆炸", &["当心爆炸"]),
    ("其他爆炸", &["禁止烟火", "当心爆炸"]),
    ("中毒和窒息", &["当心中毒", "当心缺氧"]),
];

/// Words of a hazard → the sign it calls for, beyond those of the accident types.
const BY_HAZARD: &[(&[&str], &str)] = &[
    (&["叉车", "货叉"], "当心叉车"),
    (&["粉尘"], "注意防尘"),
    (&["高温"], "当心高温表面"),
    (&["弧光", "电焊", "焊接"], "当心弧光"),
    (&["腐蚀", "酸液", "碱液"], "当心腐蚀"),
    (&["有毒", "中毒"], "当心中毒"),
    (&["有限空间", "缺氧"], "当心缺氧"),
    (&["漏电", "带电"], "当心触电"),
    (&["手伸入"], "当心伤手"),
    (&["湿滑", "滑倒"], "当心滑倒"),
    (&["吊装", "吊物"], "当心吊物"),
    (&["噪声"], "噪声有害"),
    (&["高温作业", "热辐射"], "注意高温"),
];

/// Words of an occupational hazard factor → its 警告标识 (GBZ 158-2003 附录 B).
const BY_FACTOR: &[(&[&str], &str)] = &[
    (&["噪声"], "噪声有害"),
    (&["高温", "热辐射"], "注意高温"),
    (&["粉尘", "烟尘"], "注意防尘"),
    (&["苯", "有毒", "一氧化碳", "硫化氢"], "当心中毒"),
    (&["电焊弧光", "紫外辐射"], "当心弧光"),
];

/// The warning signs of an occupational hazard factor (a 职业病危害告知卡's), in table order.
pub fn factor_signs(factor: &str) -> Vec<&'static Sign> {
    BY_FACTOR
        .iter()
        .filter(|(words, _)| words.iter().any(|w| factor.contains(w)))
        .filter_map(|(_, sign)| sign_named(sign))
        .collect()
}

/// Words of an emergency supply → the sign that marks where it is.
const BY_SUPPLY: &[(&[&str], &str)] = &[
    (&["推车式"], "推车式灭火器"),
    (&["灭火器"], "手提式灭火器"),
    (&["消火栓"], "消火栓箱"),
    (&["急救"], "急救点"),
];

/// What a board or card is about.
pub struct SignSources<'a> {
    pub accidents: &'a [String],
    pub hazards: &'a [String],
    pub ppe: &'a [String],
    pub supplies: &'a [String],
}

pub fn signs_for(sources: &SignSources) -> Vec<&'static Sign> {
    let mut names: Vec<String> = Vec::new();
    for accident in sources.accidents {
        match BY_ACCIDENT.iter().find(|(a, _)| a == accident) {
            Some((_, signs)) => names.extend(signs.iter().map(|s| s.to_string())),
            None => names.push("注意安全".into()),
        }
    }
    let by_words = |texts: &[String], table: &[(&[&str], &str)]| -> Vec<String> {
        table
            .iter()
            .filter(|(words, _)| texts.iter().any(|t| words.iter().any(|w| t.contains(w))))
            .map(|(_, sign)| sign.to_string())
            .collect()
    };
    names.extend(by_words(sources.hazards, BY_HAZARD));
    names.extend(mandatory_signs(sources.ppe));
    names.extend(by_words(sources.supplies, BY_SUPPLY));
    let mut signs: Vec<&'static Sign> = Vec::new();
    for sign in names.iter().filter_map(|n| sign_named(n)) {
        if !signs.iter().any(|s| s.text == sign.text) {
            signs.push(sign);
        }
    }
    // Stable: within a kind, the order of the sources.
    signs.sort_by_key(|s| s.kind);
    signs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(signs: &[&Sign]) -> Vec<&'static str> {
        signs.iter().map(|s| s.text).collect()
    }

    #[test]
    fn every_sign_the_tables_name_is_drawn() {
        let named = BY_ACCIDENT
            .iter()
            .flat_map(|(_, s)| s.iter().copied())
            .chain(BY_HAZARD.iter().map(|(_, s)| *s))
            .chain(BY_SUPPLY.iter().map(|(_, s)| *s))
            .chain(BY_FACTOR.iter().map(|(_, s)| *s));
        for name in named.chain(["注意安全"]) {
            assert!(sign_named(name).is_some(), "{name}");
        }
    }

    #[test]
    fn heat_and_noise_have_their_gbz_158_warnings() {
        assert_eq!(texts(&factor_signs("高温")), ["注意高温"]);
        assert_eq!(texts(&factor_signs("噪声")), ["噪声有害"]);
        assert_eq!(texts(&factor_signs("铝尘（铝合金粉尘）")), ["注意防尘"]);
        for sign in factor_signs("高温").into_iter().chain(factor_signs("噪声")) {
            let svg = super::super::sign_svg(sign);
            let parsed = roxmltree::Document::parse(&svg).expect("svg");
            assert!(
                parsed.descendants().any(|n| n.has_tag_name("path")),
                "{svg}"
            );
            assert!(svg.contains(sign.text) && svg.contains("#FFD100"), "{svg}");
        }
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let board = signs_for(&SignSources {
            accidents: &s(&["物体打击"]),
            hazards: &s(&["砂轮破裂", "噪声"]),
            ppe: &[],
            supplies: &[],
        });
        assert_eq!(texts(&board), ["当心落物", "噪声有害"]);
    }

    #[test]
    fn prohibitions_first_then_warnings_mandatory_and_equipment() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let signs = signs_for(&SignSources {
            accidents: &s(&["火灾", "机械伤害", "未列明"]),
            hazards: &s(&["叉车撞击货架"]),
            ppe: &s(&["耳塞", "反光背心"]),
            supplies: &s(&["干粉灭火器 4kg"]),
        });
        assert_eq!(
            texts(&signs),
            [
                "禁止烟火",
                "当心火灾",
                "当心机械伤人",
                "注意安全",
                "当心叉车",
                "必须戴护耳器",
                "手提式灭火器"
            ]
        );
    }
}
