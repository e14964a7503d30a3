//! The facts a release keeps of an enterprise, compact and by stable key, and what
//! changed between two such snapshots, worded as a 修订记录 says it
//! (`风险点 R05 等级 较大→重大`, `新增岗位 司炉工`, `删除设备 分汽缸`).

use std::collections::{BTreeMap, BTreeSet};

use crate::facts::EnterpriseFacts;
use crate::facts::risk::Level;
use crate::release::file::Facts;
use crate::site::model::EnterpriseFile;

const RISK: &str = "风险点";
const PEOPLE: &str = "人员";
/// A value longer than this is not quoted in a change line: it says only which field changed.
const SHORT: usize = 24;

type Fields = BTreeMap<String, String>;

/// One item's fields from (name, value) pairs.
fn fields<const N: usize>(pairs: [(&str, String); N]) -> Fields {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The snapshot of one enterprise.
pub fn snapshot(e: &EnterpriseFile, facts: &EnterpriseFacts) -> Facts {
    let zone_name = |id: &str| {
        e.zones
            .iter()
            .find(|z| z.id == id)
            .map_or_else(|| id.to_string(), |z| z.name.clone())
    };
    let post_name = |id: &str| {
        e.posts
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let mut out = Facts::new();
    let mut put = |category: &str, key: &str, item: Fields| {
        out.entry(category.to_string())
            .or_default()
            .insert(key.to_string(), item);
    };
    let e0 = &e.enterprise;
    put(
        PEOPLE,
        "主要负责人",
        fields([("姓名", e0.principal.name.clone())]),
    );
    put(
        PEOPLE,
        "安全管理人员",
        fields([("姓名", e0.safety_officer.name.clone())]),
    );
    put(
        PEOPLE,
        "托管辅导员",
        fields([("姓名", facts.counselor_names().join("、"))]),
    );
    put(
        "企业",
        "企业",
        fields([
            ("名称", e0.name.clone()),
            ("从业人员", e0.employees.to_string()),
        ]),
    );
    for d in &e.departments {
        put("部门", &d.name, fields([("负责人", d.head.clone())]));
    }
    // A zone and a post take the highest level of their risk points (spec §5): a board or
    // a card changes with it even where it does not name the point.
    let level = |l: Option<&Option<Level>>| {
        l.copied()
            .flatten()
            .map_or("未评估", Level::name)
            .to_string()
    };
    for z in &e.zones {
        let item = fields([
            ("名称", z.name.clone()),
            ("负责人", z.owner.clone()),
            ("风险等级", level(facts.zone_levels.get(&z.id))),
        ]);
        put("区域", &z.id, item);
    }
    for p in &e.posts {
        let item = fields([
            ("名称", p.name.clone()),
            ("区域", zone_name(&p.zone)),
            ("风险等级", level(facts.post_levels.get(&p.id))),
        ]);
        put("岗位", &p.id, item);
    }
    for t in &e.teams {
        let members: Vec<&str> = t.members.iter().map(|m| m.name.as_str()).collect();
        let item = fields([
            ("名称", t.name.clone()),
            ("班组长", t.leader.clone()),
            ("成员", members.join("、")),
        ]);
        put("班组", &t.id, item);
    }
    for p in &e.risk_points {
        let grade = facts.grade_of(&p.id);
        let posts: Vec<String> = p.posts.iter().map(|id| post_name(id)).collect();
        let c = &p.controls;
        let controls = [
            &c.engineering,
            &c.management,
            &c.training,
            &c.ppe,
            &c.emergency,
        ]
        .map(|list| list.join("、"))
        .join("；");
        let item = fields([
            ("名称", p.name.clone()),
            ("区域", zone_name(&p.zone)),
            ("岗位", posts.join("、")),
            (
                "等级",
                grade.map_or_else(String::new, |g| g.level.name().to_string()),
            ),
            (
                "评价",
                grade.map_or_else(String::new, |g| short_formula(&g.formula)),
            ),
            ("危险有害因素", p.hazards.join("、")),
            ("事故类型", p.accidents.join("、")),
            ("管控措施", controls),
            ("责任人", p.responsible.clone()),
        ]);
        put(RISK, &p.id, item);
    }
    for q in &e.equipment {
        let item = fields([
            ("型号", q.model.clone()),
            ("区域", zone_name(&q.zone)),
            (
                "类别",
                q.category
                    .map_or_else(String::new, |c| c.name().to_string()),
            ),
            ("使用登记证编号", q.reg_no.clone().unwrap_or_default()),
        ]);
        put("设备", &q.name, item);
    }
    for c in &e.chemicals {
        let item = fields([
            ("危险性类别", c.hazard_class.clone()),
            ("最大储存量", c.max_storage.clone()),
            ("区域", zone_name(&c.zone)),
        ]);
        put("化学品", &c.name, item);
    }
    out
}

/// `D = L×E×C = 1×6×7 = 42` → `D=1×6×7=42`: the factors and the score, short enough to
/// quote old and new in one change line.
fn short_formula(formula: &str) -> String {
    let compact: String = formula.chars().filter(|c| !c.is_whitespace()).collect();
    let parts: Vec<&str> = compact.split('=').collect();
    match parts.as_slice() {
        [name, _, factors, score] => format!("{name}={factors}={score}"),
        _ => compact,
    }
}

/// The words by which a document names an item: a risk point by its code and name, a
/// person by name, anything else by its name (or its key, when that is the name).
fn tokens<'a>(category: &str, key: &'a str, item: &'a Fields) -> Vec<&'a str> {
    let mut words: Vec<&str> = ["名称", "姓名"]
        .iter()
        .filter_map(|f| item.get(*f).map(String::as_str))
        .flat_map(|v| v.split('、'))
        .filter(|w| !w.is_empty())
        .collect();
    if category == RISK || words.is_empty() {
        words.push(key);
    }
    words
}

/// The items a document's text names, as `category/key`.
pub fn names_in(facts: &Facts, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (category, items) in facts {
        for (key, item) in items {
            if tokens(category, key, item).iter().any(|w| text.contains(w)) {
                out.push(format!("{category}/{key}"));
            }
        }
    }
    out
}

/// How a change line names an item: a risk point by its code, a person by role, anything
/// else by its name.
fn label(category: &str, key: &str, item: &Fields) -> String {
    match (category, item.get("名称")) {
        (RISK, _) | (PEOPLE, _) | (_, None) => key.to_string(),
        (_, Some(name)) => name.clone(),
    }
}

/// Every change from `old` to `new` that concerns one of `names`, in a stable order.
pub fn changes(old: &Facts, new: &Facts, names: &BTreeSet<String>) -> Vec<String> {
    let empty = BTreeMap::new();
    let mut categories: Vec<&String> = old.keys().chain(new.keys()).collect();
    categories.sort_by_key(|c| (rank(c), c.as_str()));
    categories.dedup();
    let mut out = Vec::new();
    for category in categories {
        let (was, now) = (
            old.get(category).unwrap_or(&empty),
            new.get(category).unwrap_or(&empty),
        );
        let keys: BTreeSet<&String> = was.keys().chain(now.keys()).collect();
        for key in keys {
            if !names.contains(&format!("{category}/{key}")) {
                continue;
            }
            match (was.get(key), now.get(key)) {
                (None, Some(item)) => {
                    out.push(format!("新增{category} {}", full(category, key, item)))
                }
                (Some(item), None) => {
                    out.push(format!("删除{category} {}", full(category, key, item)))
                }
                (Some(a), Some(b)) => out.extend(field_changes(category, key, a, b)),
                (None, None) => {}
            }
        }
    }
    out
}

/// An added or removed item: a risk point by code and name, anything else by its label.
fn full(category: &str, key: &str, item: &Fields) -> String {
    match (category, item.get("名称")) {
        (RISK, Some(name)) => format!("{key} {name}"),
        _ => label(category, key, item),
    }
}

/// The order of a 修订记录's lines: risk points first, then where and who.
fn rank(category: &str) -> usize {
    const ORDER: [&str; 9] = [
        RISK,
        "区域",
        "岗位",
        "设备",
        "化学品",
        "部门",
        "班组",
        PEOPLE,
        "企业",
    ];
    ORDER
        .iter()
        .position(|c| *c == category)
        .unwrap_or(ORDER.len())
}

/// One line per changed item: `风险点 R03 等级 低→较大，评价 D=1×6×7=42→D=1×6×40=240`.
fn field_changes(category: &str, key: &str, a: &Fields, b: &Fields) -> Option<String> {
    let mut fields: Vec<&String> = a.keys().chain(b.keys()).collect();
    // The level first: it is what an inspector looks for.
    fields.sort_by_key(|f| (!f.contains("等级"), f.as_str()));
    fields.dedup();
    let subject = match category {
        PEOPLE => key.to_string(),
        _ => format!("{category} {}", label(category, key, a)),
    };
    let parts: Vec<String> = fields
        .into_iter()
        .filter_map(|f| {
            let (old, new) = (
                a.get(f).map_or("", String::as_str),
                b.get(f).map_or("", String::as_str),
            );
            if old == new {
                return None;
            }
            let what = if category == PEOPLE {
                String::new()
            } else {
                format!("{f} ")
            };
            let short = old.chars().count() <= SHORT && new.chars().count() <= SHORT;
            Some(match (short, old.is_empty(), new.is_empty()) {
                (true, false, false) => format!("{what}{old}→{new}"),
                (true, true, false) => format!("{what}增补为 {new}"),
                _ => format!("{}修订", what.trim_end()),
            })
        })
        .collect();
    (!parts.is_empty()).then(|| format!("{subject} {}", parts.join("，")))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn facts(rows: &[Row]) -> Facts {
        let mut out = Facts::new();
        for (category, key, pairs) in rows {
            let item = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            out.entry(category.to_string())
                .or_default()
                .insert(key.to_string(), item);
        }
        out
    }

    #[test]
    fn changes_are_worded_as_a_revision_record_says_them() {
        let old = facts(&[
            (RISK, "D-01", &[("名称", "锅炉运行"), ("等级", "较大")]),
            ("设备", "分汽缸", &[("型号", "FQ-1")]),
            (PEOPLE, "主要负责人", &[("姓名", "应国强")]),
        ]);
        let new = facts(&[
            (RISK, "D-01", &[("名称", "锅炉运行"), ("等级", "重大")]),
            ("岗位", "boiler", &[("名称", "司炉工")]),
            (PEOPLE, "主要负责人", &[("姓名", "王强")]),
        ]);
        let all: BTreeSet<String> = [
            "风险点/D-01",
            "设备/分汽缸",
            "岗位/boiler",
            "人员/主要负责人",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            changes(&old, &new, &all),
            [
                "风险点 D-01 等级 较大→重大",
                "新增岗位 司炉工",
                "删除设备 分汽缸",
                "主要负责人 应国强→王强"
            ]
        );
        let only_risk: BTreeSet<String> = ["风险点/D-01".to_string()].into();
        assert_eq!(
            changes(&old, &new, &only_risk),
            ["风险点 D-01 等级 较大→重大"]
        );
    }

    #[test]
    fn a_formula_is_kept_as_its_factors_and_score() {
        assert_eq!(short_formula("D = L×E×C = 1×6×7 = 42"), "D=1×6×7=42");
        assert_eq!(short_formula("R = L×S = 3×3 = 9"), "R=3×3=9");
    }

    #[test]
    fn a_document_names_risk_points_by_code_and_others_by_name() {
        let f = facts(&[
            (RISK, "R01", &[("名称", "铝合金压铸作业")]),
            ("岗位", "cnc", &[("名称", "数控车工")]),
            ("部门", "生产部", &[("负责人", "吕建平")]),
        ]);
        assert_eq!(
            names_in(&f, "R01 压铸；生产部"),
            ["部门/生产部", "风险点/R01"]
        );
        assert_eq!(names_in(&f, "cnc 数控车工"), ["岗位/cnc"]);
    }
}
