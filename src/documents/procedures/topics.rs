//! What a 岗位安全操作规程 knows beyond the input: one text per kind of work or equipment
//! (`content/procedures/topics/SLUG.md`) and one per GB 6441 accident type
//! (`content/procedures/accidents/SLUG.md`), each split into the five parts of a procedure.
//! A post gets the topics of its own work (`work`), so a 司炉工 reads about the boiler's
//! pressure and water level, a 叉车司机 about the forks.

use crate::documents::fragments::sections;

/// A kind of work or equipment with its own text.
pub struct Topic {
    pub slug: &'static str,
    /// Words naming the work: in a post's name, its certificates, its equipment or its
    /// risk points' names.
    pub words: &'static [&'static str],
    /// The certificate the work requires by law, named when the post's people record none.
    pub certificate: Option<&'static str>,
}

impl Topic {
    /// Its place in [`TOPICS`], the order a procedure reads the topics in.
    pub fn order(&self) -> usize {
        TOPICS
            .iter()
            .position(|t| t.slug == self.slug)
            .unwrap_or(TOPICS.len())
    }
}

const fn topic(slug: &'static str, words: &'static [&'static str]) -> Topic {
    Topic {
        slug,
        words,
        certificate: None,
    }
}

/// 特种设备作业人员 (市场监管总局 2019 年第 3 号公告) and 特种作业 (原安监总局令第 30 号).
pub const TOPICS: [Topic; 20] = [
    Topic {
        slug: "boiler",
        words: &["锅炉", "司炉"],
        certificate: Some("特种设备安全管理和作业人员证（G1 工业锅炉司炉）"),
    },
    topic("diecasting", &["压铸"]),
    topic(
        "melting",
        // Not 熔化 alone: 熔化焊接与热切割作业 is a welder's certificate.
        &[
            "熔铝",
            "熔炼",
            "熔化炉",
            "熔化作业",
            "熔炉",
            "铝液",
            "铁水",
            "钢水",
        ],
    ),
    topic(
        "lathe",
        &["车床", "数控", "铣床", "钻床", "机床", "加工中心"],
    ),
    topic("grinding", &["砂轮", "打磨", "磨床", "抛光"]),
    topic("press", &["冲床", "冲压", "压力机", "剪板", "折弯"]),
    Topic {
        slug: "welding",
        words: &["焊"],
        certificate: Some("特种作业操作证（熔化焊接与热切割作业）"),
    },
    topic("powder-coating", &["喷粉", "粉末喷涂", "静电喷涂"]),
    topic("spray-painting", &["喷漆", "油漆", "稀释剂", "涂装"]),
    topic("curing-oven", &["固化炉", "烘道", "烘干炉", "烘箱"]),
    topic("assembly", &["装配", "电动工具"]),
    Topic {
        slug: "forklift",
        words: &["叉车"],
        certificate: Some("特种设备安全管理和作业人员证（N1 叉车司机）"),
    },
    topic("charging", &["充电", "蓄电池"]),
    topic("crane", &["起重", "行车", "吊运", "吊装", "葫芦"]),
    Topic {
        slug: "electrical",
        words: &["电工", "配电", "带电"],
        certificate: Some("特种作业操作证（低压电工作业）"),
    },
    topic("compressor", &["空压机", "空气压缩机", "储气罐"]),
    topic("loading", &["装卸工", "月台", "人工搬运"]),
    topic("racking", &["货架", "理货", "仓库管理"]),
    topic(
        "confined-space",
        &["有限空间", "受限空间", "污水池", "地坑", "储罐"],
    ),
    topic("office", &["文员", "办公"]),
];

/// The text of a post that no topic names.
pub const GENERAL: &str = "general";

/// GB 6441 accident types with an emergency text of their own.
pub const ACCIDENTS: [(&str, &str); 13] = [
    ("机械伤害", "machinery"),
    ("物体打击", "struck-by-object"),
    ("车辆伤害", "vehicle"),
    ("起重伤害", "lifting"),
    ("触电", "electric-shock"),
    ("灼烫", "burns"),
    ("火灾", "fire"),
    ("高处坠落", "fall"),
    ("坍塌", "collapse"),
    ("锅炉爆炸", "boiler-explosion"),
    ("容器爆炸", "vessel-explosion"),
    ("其他爆炸", "explosion"),
    ("中毒和窒息", "poisoning"),
];

/// The topics the texts name, in table order.
pub fn topics_of(texts: &[String]) -> Vec<&'static Topic> {
    TOPICS
        .iter()
        .filter(|t| t.words.iter().any(|w| texts.iter().any(|x| x.contains(w))))
        .collect()
}

/// Whether an equipment name belongs to one of the topics (a 数控车床 to 数控车工, not to
/// the 打磨工 of the same shop).
pub fn names_topic(name: &str, topics: &[&Topic]) -> bool {
    topics
        .iter()
        .any(|t| t.words.iter().any(|w| name.contains(w)))
}

/// The five parts of a procedure.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Parts {
    pub before: Vec<String>,
    pub during: Vec<String>,
    pub after: Vec<String>,
    pub forbidden: Vec<String>,
    pub emergency: Vec<String>,
    /// The words of every item, part by part in field order: a procedure compares each
    /// new item with all it holds, so they are counted once, not at every comparison.
    #[serde(skip)]
    words: [Vec<Words>; 5],
}

impl Parts {
    /// Adds the items of a rendered fragment (`documents::fragments`): `### 作业前` …
    /// `### 应急处置`.
    pub fn add_fragment(&mut self, markdown: &str) {
        for (title, items) in sections(markdown) {
            for item in items {
                self.push(&title, item);
            }
        }
    }

    /// Adds an item (Markdown) to the part of this title, unless the procedure already
    /// says the same: two topics, or a topic and a control, often do, with other
    /// punctuation or in fewer words. Of two that say the same the fuller stays, in its
    /// own part. A title that is no part is ignored.
    pub fn push(&mut self, title: &str, item: String) {
        let Some(target) = PART_TITLES.iter().position(|t| *t == title) else {
            return;
        };
        let new = Words::of(&item);
        let mut parts = [
            &mut self.before,
            &mut self.during,
            &mut self.after,
            &mut self.forbidden,
            &mut self.emergency,
        ];
        for (part, words) in parts.iter_mut().zip(self.words.iter_mut()) {
            let Some(i) = words.iter().position(|known| says_the_same(known, &new)) else {
                continue;
            };
            if words[i].len() >= new.len() {
                return;
            }
            part.remove(i);
            words.remove(i);
            break;
        }
        parts[target].push(item);
        self.words[target].push(new);
    }
}

/// The titles of the five parts, in the order of `Parts`' fields.
const PART_TITLES: [&str; 5] = ["作业前", "作业中", "作业后", "禁止事项", "应急处置"];

/// An item's words (without white space, punctuation and Markdown escapes), with the
/// characters and the pairs of adjacent characters they hold.
#[derive(Debug, Clone, PartialEq)]
struct Words {
    text: String,
    chars: Vec<char>,
    /// Sorted and deduplicated, for lookups.
    char_set: Vec<char>,
    pair_set: Vec<(char, char)>,
    /// One bit per character, hashed into 64: a quick, never wrong "not in" test.
    bits: u64,
}

impl Words {
    fn of(item: &str) -> Words {
        let text = same_words(item);
        let chars: Vec<char> = text.chars().collect();
        let mut char_set = chars.clone();
        char_set.sort_unstable();
        char_set.dedup();
        let mut pair_set: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pair_set.sort_unstable();
        pair_set.dedup();
        Words {
            bits: chars.iter().fold(0, |bits, c| bits | char_bit(*c)),
            text,
            chars,
            char_set,
            pair_set,
        }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    fn holds_char(&self, c: char) -> bool {
        self.char_set.binary_search(&c).is_ok()
    }

    fn holds_pair(&self, pair: (char, char)) -> bool {
        self.pair_set.binary_search(&pair).is_ok()
    }
}

fn char_bit(c: char) -> u64 {
    1 << (u32::from(c).wrapping_mul(0x9E37_79B9) >> 26)
}

/// Whether two items say the same: one holds the other's words, or the shorter's
/// characters (four in five) and its character pairs (one in two) are nearly all in
/// the longer, as 「熔炉区严禁存放积水」 in 「严禁在熔炉区域存放积水、易燃物和与生产无关的
/// 物品」.
fn says_the_same(known: &Words, new: &Words) -> bool {
    let (short, long) = if known.len() <= new.len() {
        (known, new)
    } else {
        (new, known)
    };
    // From two characters on, a shorter item held whole passes the test below as well.
    if short.len() < 2 {
        return long.text.contains(short.text.as_str());
    }
    // Each bit of the shorter missing from the longer is a character not in it: more
    // than one in five of them and the test below must fail.
    if (short.bits & !long.bits).count_ones() as usize * 5 > short.len() {
        return false;
    }
    let in_long = short.chars.iter().filter(|c| long.holds_char(**c)).count();
    let pairs = short.chars.windows(2);
    let pairs_in_long = pairs
        .clone()
        .filter(|w| long.holds_pair((w[0], w[1])))
        .count();
    in_long * 5 >= short.len() * 4 && pairs_in_long * 2 >= pairs.len()
}

/// The words of an item without white space, punctuation and Markdown escapes.
fn same_words(item: &str) -> String {
    const CJK_PUNCTUATION: &str = "，。；：、！？“”‘’（）《》【】〔〕…—·　";
    item.chars()
        .filter(|c| {
            !c.is_whitespace() && !c.is_ascii_punctuation() && !CJK_PUNCTUATION.contains(*c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_split_into_the_five_parts_each_item_once() {
        let mut parts = Parts::default();
        parts.add_fragment(
            "### 作业前\n\n- 检查压力表；\n- 检查水位表；\n\n### 禁止事项\n- 严禁超压运行；\n",
        );
        parts.add_fragment(
            "### 作业前\n- 检查压力表。\n### 其他\n- 不属于任何部分\n### 应急处置\n- 立即停炉；",
        );
        // The same words with other punctuation and spacing, in another part.
        parts.push("作业中", "检查 水位表;".to_string());
        assert_eq!(parts.before, ["检查压力表；", "检查水位表；"]);
        assert_eq!(parts.forbidden, ["严禁超压运行；"]);
        assert_eq!(parts.emergency, ["立即停炉；"]);
        assert!(parts.during.is_empty() && parts.after.is_empty());
    }

    #[test]
    fn of_two_items_that_say_the_same_the_fuller_stays() {
        let mut parts = Parts::default();
        parts.push("禁止事项", "熔炉区严禁存放积水；".into());
        parts.push("禁止事项", "严禁货叉载人；".into());
        parts.add_fragment(
            "### 作业前\n- 铝锭等炉料、回炉料和扒渣工具在投料前预热烘干；\n\
             ### 作业中\n- 取件、清理模具前必须停机，确认动模停止运动后方可进行；\n\
             ### 禁止事项\n- 严禁货叉载人，严禁人员站在货叉上；\n\
             - 严禁在熔炉区域存放积水、易燃物；\n- 严禁超压运行；\n",
        );
        parts.push("作业中", "开模取件必须停机；".into());
        parts.push("作业中", "投料前铝锭预热烘干；".into());
        parts.push("作业中", "检查压力表；".into());
        assert_eq!(
            parts.forbidden,
            [
                "严禁货叉载人，严禁人员站在货叉上；",
                "严禁在熔炉区域存放积水、易燃物；",
                "严禁超压运行；"
            ]
        );
        assert_eq!(parts.before.len(), 1);
        assert_eq!(parts.during.len(), 2, "{:?}", parts.during);
    }

    /// The test as first written, over strings: the counted words must agree with it.
    fn says_the_same_by_strings(a: &str, b: &str) -> bool {
        let (a, b) = (same_words(a), same_words(b));
        let (short, long) = if a.chars().count() <= b.chars().count() {
            (a, b)
        } else {
            (b, a)
        };
        if long.contains(short.as_str()) {
            return true;
        }
        let chars: Vec<char> = short.chars().collect();
        if chars.len() < 2 {
            return false;
        }
        let in_long = chars.iter().filter(|c| long.contains(**c)).count();
        let pairs = chars.windows(2);
        let pairs_in_long = pairs
            .clone()
            .filter(|w| long.contains(&w.iter().collect::<String>()))
            .count();
        in_long * 5 >= chars.len() * 4 && pairs_in_long * 2 >= pairs.len()
    }

    #[test]
    fn counted_words_agree_with_the_string_test_on_every_bundled_item() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/procedures");
        let mut items: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .flat_map(|e| {
                std::fs::read_to_string(e.path())
                    .unwrap_or_default()
                    .lines()
                    .filter_map(|l| l.strip_prefix("- ").map(str::to_string))
                    .collect::<Vec<_>>()
            })
            .collect();
        items.truncate(240);
        items.extend([
            "区".to_string(),
            String::new(),
            "熔炉区严禁存放积水".to_string(),
        ]);
        assert!(items.len() > 100, "{} items", items.len());
        let words: Vec<Words> = items.iter().map(|i| Words::of(i)).collect();
        let mut same = 0;
        for (a, wa) in items.iter().zip(&words) {
            for (b, wb) in items.iter().zip(&words) {
                let expected = says_the_same_by_strings(a, b);
                assert_eq!(says_the_same(wa, wb), expected, "{a} / {b}");
                same += usize::from(expected);
            }
        }
        // Not only each item with itself.
        assert!(same > items.len(), "{same}");
    }

    #[test]
    fn a_boiler_attendant_gets_the_boiler_and_a_lathe_is_not_a_grinders() {
        let texts = ["司炉工".to_string(), "燃气锅炉运行".to_string()];
        let slugs: Vec<&str> = topics_of(&texts).iter().map(|t| t.slug).collect();
        assert_eq!(slugs, ["boiler"]);
        let grinder = topics_of(&["打磨工".to_string(), "砂轮破裂".to_string()]);
        assert!(!names_topic("数控车床", &grinder));
        assert!(names_topic("砂轮机", &grinder));
    }

    #[test]
    fn every_topic_and_accident_has_its_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/procedures");
        let slugs = TOPICS.iter().map(|t| format!("topics/{}.md", t.slug));
        let accidents = ACCIDENTS.iter().map(|(_, s)| format!("accidents/{s}.md"));
        for rel in slugs
            .chain(accidents)
            .chain([format!("topics/{GENERAL}.md")])
        {
            assert!(dir.join(&rel).is_file(), "content/procedures/{rel}");
        }
    }
}
