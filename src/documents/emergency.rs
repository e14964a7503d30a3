//! What the 事故应急救援预案 (GB/T 29639-2020 综合应急预案) needs besides the common
//! context: who commands, who leads each working group, the contact list and the
//! evacuation of each zone. Every name comes from the input.

pub mod accidents;
pub mod plans;
pub mod scope;

use serde::Serialize;
use serde_json::{Value, json};

use crate::documents::blocks::unique;
use crate::facts::EnterpriseFacts;
use crate::facts::risk::Level;
use crate::site::model::{Agency, EnterpriseFile};

/// A working group of the 应急指挥部. `keywords` are the department words that suit its
/// work, strongest first (设备/动力 → 抢险, 仓储 → 后勤, 安全 → 疏散/通讯).
struct GroupSpec {
    id: &'static str,
    name: &'static str,
    keywords: &'static [&'static str],
    /// Where its duties go when too few people are named: the first group kept.
    hosts: &'static [&'static str],
}

/// In the order groups are kept when fewer leaders than groups are named.
const GROUPS: [GroupSpec; 5] = [
    GroupSpec {
        id: "rescue",
        name: "抢险救援组",
        keywords: &[
            "设备", "动力", "机修", "维修", "工程", "生产", "制造", "车间", "运营",
        ],
        hosts: &[],
    },
    GroupSpec {
        id: "evacuation",
        name: "警戒疏散组",
        keywords: &["安全", "保卫", "安保", "行政", "综合"],
        hosts: &["rescue"],
    },
    GroupSpec {
        id: "medical",
        name: "医疗救护组",
        keywords: &["人事", "人力", "行政", "综合", "办公"],
        hosts: &["evacuation", "rescue"],
    },
    GroupSpec {
        id: "communication",
        name: "通讯联络组",
        keywords: &["安全", "办公", "综合", "行政"],
        hosts: &["evacuation", "rescue"],
    },
    GroupSpec {
        id: "logistics",
        name: "后勤保障组",
        keywords: &["仓储", "物流", "仓库", "后勤", "采购", "供应"],
        hosts: &["rescue"],
    },
];

/// Someone the input names who could lead a group.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    name: String,
    /// What the input says the person is: 设备动力部负责人, 压铸班班长 …
    role: String,
    /// Words matched against a group's keywords: the person's department, and 安全 for
    /// the safety officer. A zone or team name says nothing of the person's trade.
    field: String,
    commander: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    /// Ids of the groups whose duties it carries: its own first, then merged ones.
    pub covers: Vec<&'static str>,
    pub name: String,
    pub leader: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Organisation {
    pub commander: String,
    pub deputies: Vec<String>,
    pub groups: Vec<Group>,
    /// Fewer people are named than there are groups: some groups were merged.
    pub merged: bool,
}

/// 总指挥 the principal; 副总指挥 the 分管生产负责人 and the safety officer; each group
/// led by a different person, matched to the group by department. With fewer people
/// than groups, groups are merged rather than one person leading two.
pub fn organisation(e: &EnterpriseFile) -> Organisation {
    let principal = e.enterprise.principal.name.clone();
    let deputies: Vec<String> = unique(
        [
            e.production_head(),
            e.enterprise.safety_officer.name.clone(),
        ]
        .into_iter()
        .filter(|n| *n != principal),
    );
    let candidates = candidates(e, &principal, &deputies);
    let kept = candidates.len().clamp(1, GROUPS.len());
    let mut groups: Vec<(Vec<&GroupSpec>, Option<usize>)> =
        GROUPS[..kept].iter().map(|g| (vec![g], None)).collect();
    for dropped in &GROUPS[kept..] {
        let host = dropped
            .hosts
            .iter()
            .find_map(|h| groups.iter().position(|(specs, _)| specs[0].id == *h))
            .unwrap_or(0);
        groups[host].0.push(dropped);
    }
    assign(&mut groups, &candidates);
    let single = groups.len() == 1;
    let groups = groups
        .into_iter()
        .map(|(specs, leader)| {
            let (leader, role) = leader.map_or_else(
                || (principal.clone(), "主要负责人".to_string()),
                |i| (candidates[i].name.clone(), candidates[i].role.clone()),
            );
            let name = if single && specs.len() > 1 {
                "应急救援组".to_string()
            } else {
                specs[0].name.to_string()
            };
            Group {
                covers: specs.iter().map(|s| s.id).collect(),
                name,
                leader,
                role,
            }
        })
        .collect();
    Organisation {
        commander: principal,
        deputies,
        groups,
        merged: kept < GROUPS.len(),
    }
}

/// Gives each group the best-suited free candidate: people who are not 副总指挥 first
/// (a deputy commander directs, and cannot also lead a group on the scene), by
/// department (stronger keyword first), then anyone left of them; deputies only where
/// too few others are named.
fn assign(groups: &mut [(Vec<&GroupSpec>, Option<usize>)], candidates: &[Candidate]) {
    let mut taken = vec![false; candidates.len()];
    for (deputies_too, by_field) in [(false, true), (false, false), (true, true), (true, false)] {
        for (specs, leader) in groups.iter_mut().filter(|(_, l)| l.is_none()) {
            let best = candidates
                .iter()
                .enumerate()
                .filter(|(i, c)| !taken[*i] && (deputies_too || !c.commander))
                .map(|(i, c)| (affinity(specs, c), !c.commander, std::cmp::Reverse(i), i))
                .filter(|(score, ..)| !by_field || *score > 0)
                .max();
            if let Some((.., i)) = best {
                taken[i] = true;
                *leader = Some(i);
            }
        }
    }
}

fn affinity(specs: &[&GroupSpec], c: &Candidate) -> usize {
    specs
        .iter()
        .flat_map(|s| {
            s.keywords
                .iter()
                .enumerate()
                .map(move |(i, k)| (s.keywords.len() - i, k))
        })
        .filter(|(_, k)| c.field.contains(**k))
        .map(|(score, _)| score)
        .max()
        .unwrap_or(0)
}

/// Department heads, the safety officer, zone owners and team leaders, once each and in
/// that order, without the principal (who is 总指挥).
fn candidates(e: &EnterpriseFile, principal: &str, deputies: &[String]) -> Vec<Candidate> {
    let department_of = |name: &str| {
        e.departments
            .iter()
            .filter(|d| d.head == name)
            .map(|d| d.name.as_str())
            .collect::<String>()
    };
    let officer = &e.enterprise.safety_officer.name;
    let mut people: Vec<(String, String)> = Vec::new();
    for d in &e.departments {
        people.push((d.head.clone(), format!("{}负责人", d.name)));
    }
    people.push((officer.clone(), "安全管理人员".into()));
    for z in &e.zones {
        people.push((z.owner.clone(), format!("{}负责人", z.name)));
    }
    for t in &e.teams {
        people.push((t.leader.clone(), format!("{}班组长", t.name)));
    }
    let mut out: Vec<Candidate> = Vec::new();
    for (name, role) in people {
        if name == principal || name.trim().is_empty() || out.iter().any(|c| c.name == name) {
            continue;
        }
        let mut field = department_of(&name);
        if &name == officer {
            field.push_str("安全");
        }
        out.push(Candidate {
            commander: deputies.contains(&name),
            name,
            role,
            field,
        });
    }
    out
}

/// The 预案's own context: organisation, contacts, evacuation by zone.
pub fn plan_context(e: &EnterpriseFile, facts: &EnterpriseFacts, agency: &Agency) -> Value {
    let org = organisation(e);
    let level_counts: serde_json::Map<String, Value> = Level::ALL
        .iter()
        .map(|l| {
            let n = e
                .risk_points
                .iter()
                .filter(|p| facts.grade_of(&p.id).map(|g| g.level) == Some(*l))
                .count();
            (l.name().to_string(), json!(n))
        })
        .collect();
    // Which group (and leader) carries each duty, merged or not: `duty.evacuation.leader`.
    let duty: serde_json::Map<String, Value> = GROUPS
        .iter()
        .filter_map(|spec| {
            let g = org.groups.iter().find(|g| g.covers.contains(&spec.id))?;
            Some((
                spec.id.to_string(),
                json!({"group": g.name, "leader": g.leader}),
            ))
        })
        .collect();
    json!({
        "organisation": org,
        "duty": duty,
        "level_counts": level_counts,
        "extra_contacts": e.enterprise.emergency_contacts.iter()
            .filter(|c| c.name != agency.regulator).map(|c| c.name.as_str()).collect::<Vec<_>>(),
        "contacts": contacts(e, agency),
        "evacuation": evacuation(e),
        "assembly_point": e.enterprise.assembly_point,
        // The plans and schemes of the 预案体系 (GB/T 29639-2020), by title.
        "special_plans": scope::special_accidents(e, facts).iter().map(|a| scope::special_title(a)).collect::<Vec<_>>(),
        "onsite_schemes": scope::onsite_posts(e, facts).iter().map(|p| scope::onsite_title(&p.name)).collect::<Vec<_>>(),
    })
}

/// 有关应急部门、机构或人员的联系方式: inside the enterprise, the agency, outside help.
fn contacts(e: &EnterpriseFile, agency: &Agency) -> Value {
    let ent = &e.enterprise;
    let mut internal = vec![
        json!({"who": format!("总指挥（{}）", ent.principal.title), "name": ent.principal.name, "phone": ent.principal.phone}),
        json!({"who": "安全管理人员", "name": ent.safety_officer.name, "phone": ent.safety_officer.phone}),
        json!({"who": "公司应急值班电话", "name": "", "phone": ent.emergency_phone}),
    ];
    let contact = &e.service.contact;
    if contact.name != ent.principal.name && contact.name != ent.safety_officer.name {
        internal.push(json!({"who": "企业联系人", "name": contact.name, "phone": contact.phone}));
    }
    let regulator = ent
        .emergency_contacts
        .iter()
        .find(|c| c.name == agency.regulator);
    let mut external = vec![
        json!({"name": "消防救援（火警）", "phone": "119", "role": "火灾、爆炸及被困人员救援"}),
        json!({"name": "医疗急救", "phone": "120", "role": "伤员急救、转运"}),
        json!({"name": "公安报警", "phone": "110", "role": "治安、警戒及交通管制"}),
        json!({"name": agency.regulator, "phone": regulator.map_or("", |c| c.phone.as_str()),
               "role": regulator.and_then(|c| c.role.as_deref()).unwrap_or("属地应急管理部门，接收事故报告")}),
    ];
    external.extend(
        ent.emergency_contacts
            .iter()
            .filter(|c| c.name != agency.regulator)
            .map(|c| json!({"name": c.name, "phone": c.phone, "role": c.role.as_deref().unwrap_or("")})),
    );
    json!({
        "internal": internal,
        "agency": {"name": agency.name, "phone": agency.phone},
        "external": external,
    })
}

/// For each zone: who leads its evacuation, what can happen there, the first actions of
/// its risk points, and the supplies kept there.
fn evacuation(e: &EnterpriseFile) -> Vec<Value> {
    e.zones
        .iter()
        .map(|z| {
            let points = || e.risk_points.iter().filter(|p| p.zone == z.id);
            let accidents = unique(points().flat_map(|p| p.accidents.iter().cloned()));
            let actions = unique(points().flat_map(|p| p.controls.emergency.iter().cloned()));
            let supplies: Vec<String> = e
                .emergency_supplies
                .iter()
                .filter(|s| s.zone == z.id)
                .map(|s| format!("{} ×{}", s.name, s.quantity))
                .collect();
            json!({"name": z.name, "owner": z.owner, "accidents": accidents,
                   "actions": actions, "supplies": supplies})
        })
        .collect()
}

#[cfg(test)]
mod tests;
