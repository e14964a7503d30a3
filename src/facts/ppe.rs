//! 个体防护用品 per post, from the two places the input names them, kept apart: the
//! `ppe` rules (配备标准: what the enterprise issues, with a replacement cycle) and the
//! `controls.ppe` of the risk points naming the post (what the risk assessment requires).
//! An item only a control names is not issued: documents that list or order what a
//! worker wears (cards, boards, ledgers, the 配备标准) show the issued items only, and
//! those that instruct the worker name the rest as still to be issued, so no document
//! tells a worker to wear what the 发放台账 never gives out.

use serde::Serialize;

use crate::site::model::{EnterpriseFile, OccupationalHazard};

/// An item a `ppe` rule issues to the post (or to `all`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedPpe {
    pub item: String,
    pub cycle_months: u32,
}

/// An item a risk point's `controls.ppe` requires of the post that no `ppe` rule issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnissuedPpe {
    pub item: String,
    /// The risk points requiring it, by id.
    pub points: Vec<String>,
}

/// The protective equipment of one post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PostPpe {
    /// The `ppe` rules naming the post or `all`, in input order, each item once.
    pub issued: Vec<IssuedPpe>,
    /// Required by its risk points' controls but not issued, in the points' order.
    pub unissued: Vec<UnissuedPpe>,
}

impl PostPpe {
    pub fn issued_items(&self) -> Vec<String> {
        self.issued.iter().map(|p| p.item.clone()).collect()
    }

    pub fn unissued_items(&self) -> Vec<String> {
        self.unissued.iter().map(|p| p.item.clone()).collect()
    }
}

/// What the post is issued and what its risk points require beyond that.
pub fn post_ppe(e: &EnterpriseFile, post_id: &str) -> PostPpe {
    let mut out = PostPpe::default();
    let rules = e
        .ppe
        .iter()
        .filter(|r| r.posts.iter().any(|p| p == "all" || p == post_id));
    for rule in rules {
        if !out.issued.iter().any(|known| known.item == rule.item) {
            out.issued.push(IssuedPpe {
                item: rule.item.clone(),
                cycle_months: rule.cycle_months,
            });
        }
    }
    let points = e
        .risk_points
        .iter()
        .filter(|p| p.posts.iter().any(|x| x == post_id));
    for point in points {
        for item in &point.controls.ppe {
            if out.issued.iter().any(|known| &known.item == item) {
                continue;
            }
            match out.unissued.iter_mut().find(|known| &known.item == item) {
                Some(known) => known.points.push(point.id.clone()),
                None => out.unissued.push(UnissuedPpe {
                    item: item.clone(),
                    points: vec![point.id.clone()],
                }),
            }
        }
    }
    out
}

/// The items issued to several posts (a zone's), each once.
pub fn posts_issued_ppe<'a>(
    e: &EnterpriseFile,
    post_ids: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for post in post_ids {
        for item in post_ppe(e, post).issued_items() {
            if !items.contains(&item) {
                items.push(item);
            }
        }
    }
    items
}

/// GB 2894-2008 指令标志 by words of the item's name, first match wins (安全帽 before 帽,
/// 防毒 before 口罩). 工作服 is GB/T 11651's 一般防护服, hence 必须穿防护服.
const MANDATORY_SIGNS: [(&[&str], &str); 12] = [
    (&["安全带"], "必须系安全带"),
    (&["救生衣"], "必须穿救生衣"),
    (&["安全帽"], "必须戴安全帽"),
    (&["工作帽", "防护帽"], "必须戴防护帽"),
    (&["遮光", "焊接面罩", "电焊面罩"], "必须佩戴遮光护目镜"),
    (
        &["护目镜", "防护眼镜", "防冲击眼镜", "眼罩"],
        "必须戴防护眼镜",
    ),
    (&["防毒"], "必须戴防毒面具"),
    (&["防尘", "颗粒物"], "必须戴防尘口罩"),
    (&["耳塞", "耳罩", "护耳", "护听"], "必须戴护耳器"),
    (&["手套"], "必须戴防护手套"),
    (&["鞋", "靴"], "必须穿防护鞋"),
    (&["服"], "必须穿防护服"),
];

/// The GB 2894 mandatory sign for a protective item, if the standard has one
/// (a face shield or a reflective vest has none).
pub fn mandatory_sign(item: &str) -> Option<&'static str> {
    MANDATORY_SIGNS
        .iter()
        .find(|(words, _)| words.iter().any(|w| item.contains(w)))
        .map(|(_, sign)| *sign)
}

/// Every mandatory sign an item can call for.
#[cfg(test)]
pub fn all_mandatory_signs() -> impl Iterator<Item = &'static str> {
    MANDATORY_SIGNS.iter().map(|(_, sign)| *sign)
}

/// The mandatory signs of a list of items, each once, in the items' order.
pub fn mandatory_signs(items: &[String]) -> Vec<String> {
    let mut signs: Vec<String> = Vec::new();
    for sign in items.iter().filter_map(|i| mandatory_sign(i)) {
        if !signs.iter().any(|s| s == sign) {
            signs.push(sign.to_string());
        }
    }
    signs
}

/// What protects against one kind of occupational hazard: words naming the factor, words
/// of the engineering controls against it and words of the protective items against it.
struct Protection {
    factor: &'static [&'static str],
    engineering: &'static [&'static str],
    ppe: &'static [&'static str],
    /// The item every exposed worker must be issued against it (its notice tells them to
    /// wear it), if any: heat stress and vibration are met by other measures first.
    needs: Option<&'static str>,
}

const PROTECTIONS: [Protection; 6] = [
    Protection {
        factor: &["噪声"],
        engineering: &["隔声", "消声", "吸声", "降噪", "减振"],
        ppe: &["耳塞", "耳罩", "护耳", "护听"],
        needs: Some("护耳器"),
    },
    Protection {
        factor: &["尘"],
        engineering: &["除尘", "吸尘", "通风", "排风", "湿式"],
        ppe: &["防尘", "颗粒物", "呼吸器"],
        needs: Some("防尘口罩"),
    },
    Protection {
        factor: &["高温", "热辐射"],
        engineering: &["降温", "隔热", "风扇", "空调", "送风"],
        // Heat stress, not contact burns: 隔热手套 and 隔热鞋 protect against the latter.
        ppe: &["隔热服", "防暑", "降温背心", "冰背心"],
        needs: None,
    },
    Protection {
        factor: &["弧光", "紫外", "红外", "激光"],
        engineering: &["遮光", "屏蔽"],
        ppe: &["遮光", "焊接面罩", "电焊面罩", "护目镜"],
        needs: Some("焊接面罩或者护目镜"),
    },
    Protection {
        factor: &["振动"],
        engineering: &["减振", "隔振"],
        ppe: &["防振"],
        needs: None,
    },
    Protection {
        factor: &[
            "毒",
            "苯",
            "甲醛",
            "氨",
            "硫化氢",
            "一氧化碳",
            "氯",
            "铅",
            "锰",
            "汞",
            "溶剂",
        ],
        engineering: &["通风", "排风", "排毒", "密闭"],
        ppe: &["防毒", "防化"],
        needs: Some("防毒面具"),
    },
];

fn protection_of(hazard: &OccupationalHazard) -> Option<&'static Protection> {
    PROTECTIONS
        .iter()
        .find(|k| k.factor.iter().any(|w| hazard.factor.contains(w)))
}

/// The item a hazard calls for and the exposed posts issued none of its kind (a 防尘口罩
/// against 电焊烟尘); `None` when it calls for none or every exposed post has one.
pub fn unprotected_posts(
    e: &EnterpriseFile,
    hazard: &OccupationalHazard,
) -> Option<(&'static str, Vec<String>)> {
    let kind = protection_of(hazard)?;
    let needs = kind.needs?;
    let posts: Vec<String> = hazard
        .posts
        .iter()
        .filter(|post| {
            !post_ppe(e, post)
                .issued
                .iter()
                .any(|p| kind.ppe.iter().any(|w| p.item.contains(w)))
        })
        .cloned()
        .collect();
    (!posts.is_empty()).then_some((needs, posts))
}

/// 防护设施及用品 against one hazard: the engineering controls of the risk points at its
/// posts whose hazards name the factor, and the items issued to its posts that protect
/// against it (噪声 → 耳塞, 粉尘 → 防尘口罩 …). Empty when the factor is not in the table.
/// Kept apart: a 告知卡 says what the post has (设施) and what its people wear (用品).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HazardProtection {
    pub engineering: Vec<String>,
    pub ppe: Vec<String>,
}

impl HazardProtection {
    /// Both, facilities first, each once.
    pub fn all(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for measure in self.engineering.iter().chain(&self.ppe) {
            if !out.contains(measure) {
                out.push(measure.clone());
            }
        }
        out
    }
}

pub fn hazard_protection(e: &EnterpriseFile, hazard: &OccupationalHazard) -> HazardProtection {
    let Some(kind) = protection_of(hazard) else {
        return HazardProtection::default();
    };
    let names = |text: &str, words: &[&str]| words.iter().any(|w| text.contains(w));
    let at_posts = |posts: &[String]| posts.iter().any(|p| hazard.posts.contains(p));
    let mut protection = HazardProtection::default();
    let engineering = e
        .risk_points
        .iter()
        .filter(|p| at_posts(&p.posts) && p.hazards.iter().any(|h| names(h, kind.factor)))
        .flat_map(|p| p.controls.engineering.iter())
        .filter(|c| names(c, kind.engineering));
    for measure in engineering {
        if !protection.engineering.contains(measure) {
            protection.engineering.push(measure.clone());
        }
    }
    let items = hazard
        .posts
        .iter()
        .flat_map(|post| post_ppe(e, post).issued)
        .map(|p| p.item)
        .filter(|i| names(i, kind.ppe));
    for item in items {
        if !protection.ppe.contains(&item) {
            protection.ppe.push(item);
        }
    }
    protection
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_and_required_items_stay_apart() {
        let text = include_str!("../../example/enterprises/jinshun.yaml");
        let mut e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        e.ppe.retain(|r| r.item != "护目镜" && r.item != "防滑手套");
        let forklift = post_ppe(&e, "forklift");
        assert_eq!(forklift.issued_items(), ["安全帽", "劳保鞋", "反光背心"]);
        assert_eq!(forklift.issued[0].cycle_months, 24);
        assert_eq!(
            forklift.unissued,
            [
                UnissuedPpe {
                    item: "防滑手套".into(),
                    points: vec!["J02".into()]
                },
                UnissuedPpe {
                    item: "护目镜".into(),
                    points: vec!["J03".into()]
                },
            ]
        );
        // A zone's items are what its posts are issued.
        let highbay = posts_issued_ppe(&e, ["forklift", "picker"].into_iter());
        assert_eq!(highbay, ["安全帽", "劳保鞋", "反光背心"]);
    }

    #[test]
    fn items_map_to_the_standard_names() {
        for (item, sign) in [
            ("安全帽", Some("必须戴安全帽")),
            ("工作帽", Some("必须戴防护帽")),
            ("护目镜", Some("必须戴防护眼镜")),
            ("焊接面罩", Some("必须佩戴遮光护目镜")),
            ("防尘口罩", Some("必须戴防尘口罩")),
            ("防毒口罩", Some("必须戴防毒面具")),
            ("耳塞", Some("必须戴护耳器")),
            ("隔热手套", Some("必须戴防护手套")),
            ("绝缘鞋", Some("必须穿防护鞋")),
            ("防静电工作服", Some("必须穿防护服")),
            ("安全带", Some("必须系安全带")),
            ("防烫面罩", None),
            ("反光背心", None),
        ] {
            assert_eq!(mandatory_sign(item), sign, "{item}");
        }
    }

    #[test]
    fn signs_are_unique_and_follow_the_items() {
        let items = ["绝缘手套", "防割手套", "耳塞", "反光背心"].map(String::from);
        assert_eq!(mandatory_signs(&items), ["必须戴防护手套", "必须戴护耳器"]);
    }
}
