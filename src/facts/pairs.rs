//! 互联互保 groups: the team's own `pairs`, or generated ones (互联互保 3.3: same zone and
//! post first, then same zone across posts, then across zones; one group of three where
//! the team is odd).

use serde::Serialize;

use crate::site::model::{EnterpriseFile, Post, Team};

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub members: Vec<String>,
    /// The zone id where each member works (by the member's post), in member order;
    /// empty for a name that is no member of the team.
    pub zones: Vec<String>,
}

impl Group {
    /// The zones the group works in, each once, in member order.
    pub fn distinct_zones(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for zone in &self.zones {
            if !zone.is_empty() && !out.contains(&zone.as_str()) {
                out.push(zone);
            }
        }
        out
    }
}

/// The zone where a team member works: the zone of the member's post.
pub fn member_zone<'a>(team: &Team, posts: &'a [Post], name: &str) -> Option<&'a str> {
    let member = team.members.iter().find(|m| m.name == name)?;
    posts
        .iter()
        .find(|p| p.id == member.post)
        .map(|p| p.zone.as_str())
}

/// The groups of a team: as written, or generated deterministically.
pub fn team_groups(team: &Team, posts: &[Post]) -> (Vec<Group>, bool) {
    let group = |members: Vec<String>| Group {
        zones: members
            .iter()
            .map(|n| member_zone(team, posts, n).unwrap_or_default().to_string())
            .collect(),
        members,
    };
    match &team.pairs {
        Some(pairs) => (pairs.iter().cloned().map(group).collect(), false),
        None => (generate(team, posts).into_iter().map(group).collect(), true),
    }
}

/// Who witnesses a group's agreement, and as what (e.g. 班组长, 喷粉车间负责人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Witness {
    pub role: String,
    pub name: String,
}

/// The team leader, unless he is in the group: nobody witnesses his own agreement. Then
/// the one above him who is not in it: the owner of a zone the group works in, the head of
/// production, the safety officer, the principal.
pub fn witness(e: &EnterpriseFile, team: &Team, group: &Group) -> Witness {
    let production = e.production_head();
    let production_role = e
        .departments
        .iter()
        .find(|d| d.head == production)
        .map_or_else(
            || "分管生产负责人".to_string(),
            |d| format!("{}负责人", d.name),
        );
    let mut candidates = vec![("班组长".to_string(), team.leader.clone())];
    candidates.extend(
        group
            .distinct_zones()
            .into_iter()
            .map(|z| (format!("{}负责人", e.zone_name(z)), e.zone_owner(z))),
    );
    candidates.extend([
        (production_role, production),
        (
            "安全管理人员".to_string(),
            e.enterprise.safety_officer.name.clone(),
        ),
    ]);
    let principal = &e.enterprise.principal;
    let (role, name) = candidates
        .into_iter()
        .find(|(_, name)| !name.is_empty() && !group.members.contains(name))
        .unwrap_or_else(|| ("主要负责人".to_string(), principal.name.clone()));
    Witness { role, name }
}

/// A member as the pairing sees it.
#[derive(Clone, Copy)]
struct Worker<'a> {
    name: &'a str,
    post: &'a str,
    zone: &'a str,
}

fn generate(team: &Team, posts: &[Post]) -> Vec<Vec<String>> {
    let workers: Vec<Worker> = team
        .members
        .iter()
        .map(|m| Worker {
            name: &m.name,
            post: &m.post,
            zone: member_zone(team, posts, &m.name).unwrap_or_default(),
        })
        .collect();
    let mut groups: Vec<Vec<Worker>> = Vec::new();
    // Same post, then same zone, then anyone: each pass pairs what the last one left.
    let single_per_post = pair_within(&workers, |w| w.post, &mut groups);
    let single_per_zone = pair_within(&single_per_post, |w| w.zone, &mut groups);
    let single = pair_within(&single_per_zone, |_| "", &mut groups);
    // An odd team: its one single makes a group of three (a team of one: a group of one).
    if let Some(&alone) = single.first() {
        match host(&groups, &alone).and_then(|i| groups.get_mut(i)) {
            Some(group) => group.push(alone),
            None => groups.push(vec![alone]),
        }
    }
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|w| w.name.to_string()).collect())
        .collect()
}

/// The group the odd one joins: one of its post, else of its zone, else the last.
fn host(groups: &[Vec<Worker>], alone: &Worker) -> Option<usize> {
    let all = |same: &dyn Fn(&Worker) -> bool| groups.iter().position(|g| g.iter().all(same));
    all(&|w| w.post == alone.post)
        .or_else(|| all(&|w| w.zone == alone.zone))
        .or(groups.len().checked_sub(1))
}

/// Pairs workers with the same key, keys in order of first appearance; returns the
/// one left over of each key, in the same order.
fn pair_within<'a>(
    workers: &[Worker<'a>],
    key: fn(&Worker<'a>) -> &'a str,
    groups: &mut Vec<Vec<Worker<'a>>>,
) -> Vec<Worker<'a>> {
    let mut by_key: Vec<(&str, Vec<Worker>)> = Vec::new();
    for w in workers {
        match by_key.iter_mut().find(|(k, _)| *k == key(w)) {
            Some((_, same)) => same.push(*w),
            None => by_key.push((key(w), vec![*w])),
        }
    }
    let mut left = Vec::new();
    for (_, same) in by_key {
        for chunk in same.chunks(2) {
            match chunk {
                [a, b] => groups.push(vec![*a, *b]),
                [a] => left.push(*a),
                _ => {}
            }
        }
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::model::Member;

    fn team(members: &[(&str, &str)]) -> Team {
        Team {
            id: "t".into(),
            name: "班".into(),
            zone: "z1".into(),
            leader: members.first().map_or(String::new(), |m| m.0.to_string()),
            members: members
                .iter()
                .map(|(n, p)| Member {
                    name: n.to_string(),
                    post: p.to_string(),
                    certificates: vec![],
                })
                .collect(),
            pairs: None,
        }
    }

    /// Posts a and b work in zone z1, c and d in zone z2.
    fn posts() -> Vec<Post> {
        ["a", "b", "c", "d"]
            .iter()
            .map(|p| Post {
                id: p.to_string(),
                name: p.to_string(),
                zone: if "ab".contains(p) { "z1" } else { "z2" }.into(),
            })
            .collect()
    }

    fn generated(members: &[(&str, &str)]) -> Vec<Vec<String>> {
        let (groups, generated) = team_groups(&team(members), &posts());
        assert!(generated);
        groups.into_iter().map(|g| g.members).collect()
    }

    #[test]
    fn covers_everyone_once_for_sizes_one_to_nine() {
        let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"];
        let post_cycle = ["a", "b", "a", "c", "b", "a", "c", "a", "b"];
        for size in 1..=9 {
            let members: Vec<(&str, &str)> = (0..size).map(|i| (names[i], post_cycle[i])).collect();
            let groups = generated(&members);
            let mut all: Vec<String> = groups.iter().flatten().cloned().collect();
            all.sort();
            let mut want: Vec<String> = members.iter().map(|m| m.0.to_string()).collect();
            want.sort();
            assert_eq!(all, want, "size {size}");
            let triads = groups.iter().filter(|g| g.len() == 3).count();
            assert_eq!(
                triads,
                usize::from(size % 2 == 1 && size > 1),
                "size {size}: {groups:?}"
            );
            assert!(groups.iter().all(|g| g.len() >= 2 || size == 1));
        }
    }

    #[test]
    fn pairs_same_post_first() {
        let groups = generated(&[("甲", "a"), ("乙", "b"), ("丙", "a"), ("丁", "b")]);
        assert_eq!(groups, [["甲", "丙"], ["乙", "丁"]]);
    }

    #[test]
    fn then_same_zone_across_posts_then_across_zones() {
        // 甲 (a, z1) and 丙 (c, z2) come first, but each has a partner in their own zone.
        let groups = generated(&[("甲", "a"), ("丙", "c"), ("乙", "b"), ("丁", "d")]);
        assert_eq!(groups, [["甲", "乙"], ["丙", "丁"]]);
        // Only what no zone can pair crosses zones.
        let groups = generated(&[("甲", "a"), ("乙", "a"), ("丙", "b"), ("丁", "c")]);
        assert_eq!(groups, [["甲", "乙"], ["丙", "丁"]]);
        let (groups, _) = team_groups(
            &team(&[("甲", "a"), ("乙", "a"), ("丙", "b"), ("丁", "c")]),
            &posts(),
        );
        assert_eq!(groups[1].distinct_zones(), ["z1", "z2"]);
        assert_eq!(groups[0].distinct_zones(), ["z1"]);
    }

    #[test]
    fn the_odd_one_joins_its_post_then_its_zone() {
        let groups = generated(&[
            ("甲", "c"),
            ("乙", "c"),
            ("丙", "a"),
            ("丁", "a"),
            ("戊", "a"),
        ]);
        assert_eq!(groups, [vec!["甲", "乙"], vec!["丙", "丁", "戊"]]);
        let groups = generated(&[
            ("甲", "a"),
            ("乙", "a"),
            ("丙", "c"),
            ("丁", "c"),
            ("戊", "b"),
        ]);
        assert_eq!(groups, [vec!["甲", "乙", "戊"], vec!["丙", "丁"]]);
    }

    #[test]
    fn written_pairs_carry_each_members_zone() {
        let mut t = team(&[("甲", "a"), ("乙", "c")]);
        t.pairs = Some(vec![vec!["甲".into(), "乙".into(), "外人".into()]]);
        let (groups, generated) = team_groups(&t, &posts());
        assert!(!generated);
        assert_eq!(groups[0].zones, ["z1", "z2", ""]);
        assert_eq!(groups[0].distinct_zones(), ["z1", "z2"]);
    }

    fn ruifeng() -> EnterpriseFile {
        serde_saphyr::from_str(include_str!("../../example/enterprises/ruifeng.yaml"))
            .expect("example")
    }

    fn witness_of(e: &EnterpriseFile, team: &str, members: &[&str]) -> Witness {
        let team = e.teams.iter().find(|t| t.id == team).expect("team");
        let mut team = team.clone();
        team.pairs = Some(vec![members.iter().map(|m| m.to_string()).collect()]);
        let (groups, _) = team_groups(&team, &e.posts);
        witness(e, &team, &groups[0])
    }

    #[test]
    fn a_leader_does_not_witness_his_own_agreement() {
        let e = ruifeng();
        let named = |w: Witness| format!("{} {}", w.role, w.name);
        assert_eq!(
            named(witness_of(&e, "diecast-1", &["徐建军", "吴小龙"])),
            "班组长 楼志刚"
        );
        // The leader's pair: the owner of the zone they work in.
        assert_eq!(
            named(witness_of(&e, "coating-assembly", &["金美华", "杜红梅"])),
            "装配车间负责人 吕建平"
        );
        // The leader owns the zone too: the head of production.
        assert_eq!(
            named(witness_of(&e, "logistics", &["施丽娟", "马俊"])),
            "生产部负责人 吕建平"
        );
        // And if he is in it as well: the safety officer.
        let mut e = e;
        e.teams[3].members[1].name = "吕建平".into();
        assert_eq!(
            named(witness_of(&e, "logistics", &["施丽娟", "吕建平"])),
            "安全管理人员 胡晓燕"
        );
    }
}
