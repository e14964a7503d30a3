//! 互联互保 groups: the team's own `pairs`, or generated ones (same post first, then
//! same zone, one group of three where the team is odd).

use serde::Serialize;

use crate::site::model::{Post, Team};

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub members: Vec<String>,
}

/// The groups of a team: as written, or generated deterministically.
pub fn team_groups(team: &Team, posts: &[Post]) -> (Vec<Group>, bool) {
    if let Some(pairs) = &team.pairs {
        let groups = pairs.iter().map(|g| Group { members: g.clone() }).collect();
        return (groups, false);
    }
    (generate(team, posts), true)
}

fn generate(team: &Team, posts: &[Post]) -> Vec<Group> {
    // Members by post, posts in order of first appearance in the team.
    let mut by_post: Vec<(&str, Vec<&str>)> = Vec::new();
    for m in &team.members {
        match by_post.iter_mut().find(|(p, _)| *p == m.post) {
            Some((_, names)) => names.push(&m.name),
            None => by_post.push((&m.post, vec![&m.name])),
        }
    }
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut leftovers: Vec<(&str, &str)> = Vec::new(); // (zone, name)
    for (post, names) in &by_post {
        for chunk in names.chunks(2) {
            if chunk.len() == 2 {
                groups.push(chunk.to_vec());
            } else {
                let zone = posts
                    .iter()
                    .find(|p| p.id == *post)
                    .map_or("", |p| p.zone.as_str());
                leftovers.push((zone, chunk[0]));
            }
        }
    }
    // Same zone next: a stable sort keeps post order within a zone.
    leftovers.sort_by_key(|(zone, _)| *zone);
    for chunk in leftovers.chunks(2) {
        groups.push(chunk.iter().map(|(_, n)| *n).collect());
    }
    // An odd team: its last single joins the previous group, making one group of three.
    if groups.len() >= 2 && groups.last().is_some_and(|g| g.len() == 1) {
        let single = groups.pop().unwrap_or_default();
        if let Some(last) = groups.last_mut() {
            last.extend(single);
        }
    }
    groups
        .into_iter()
        .map(|g| Group {
            members: g.into_iter().map(str::to_string).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::model::Member;

    fn team(members: &[(&str, &str)]) -> Team {
        Team {
            id: "t".into(),
            name: "班".into(),
            zone: "z".into(),
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

    fn posts() -> Vec<Post> {
        ["a", "b", "c"]
            .iter()
            .map(|p| Post {
                id: p.to_string(),
                name: p.to_string(),
                zone: if *p == "c" { "z2".into() } else { "z1".into() },
            })
            .collect()
    }

    #[test]
    fn covers_everyone_once_for_sizes_one_to_nine() {
        let names = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"];
        let post_cycle = ["a", "b", "a", "c", "b", "a", "c", "a", "b"];
        for size in 1..=9 {
            let members: Vec<(&str, &str)> = (0..size).map(|i| (names[i], post_cycle[i])).collect();
            let (groups, generated) = team_groups(&team(&members), &posts());
            assert!(generated);
            let mut all: Vec<String> = groups.iter().flat_map(|g| g.members.clone()).collect();
            all.sort();
            let mut want: Vec<String> = members.iter().map(|m| m.0.to_string()).collect();
            want.sort();
            assert_eq!(all, want, "size {size}");
            let triads = groups.iter().filter(|g| g.members.len() == 3).count();
            assert_eq!(
                triads,
                usize::from(size % 2 == 1 && size > 1),
                "size {size}: {groups:?}"
            );
            assert!(groups.iter().all(|g| g.members.len() >= 2 || size == 1));
        }
    }

    #[test]
    fn pairs_same_post_first() {
        let (groups, _) = team_groups(
            &team(&[("甲", "a"), ("乙", "b"), ("丙", "a"), ("丁", "b")]),
            &posts(),
        );
        assert_eq!(groups[0].members, ["甲", "丙"]);
        assert_eq!(groups[1].members, ["乙", "丁"]);
    }
}
