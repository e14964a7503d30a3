//! What a department or team answers for. A unit's risk points are those in its zones
//! (a department's: the zones its head owns; a team's: its own zone), those at which its
//! people work (a post one of them holds) and those one of its people is responsible
//! for. A department's people are its head and the teams in its zones. The
//! 安全生产责任制度 and the 目标责任书 both read these, so they agree and no point is
//! left out of every letter.

use crate::site::model::{EnterpriseFile, RiskPoint, Team, Zone};

/// The zones `head` owns, in input order.
pub fn owned_zones<'a>(e: &'a EnterpriseFile, head: &str) -> Vec<&'a Zone> {
    e.zones.iter().filter(|z| z.owner == head).collect()
}

/// The department's risk points, in input order: in the zones `head` owns, or at a post
/// or in the charge of someone of the teams in those zones (or of the head).
pub fn owned_points<'a>(e: &'a EnterpriseFile, head: &str) -> Vec<&'a RiskPoint> {
    let teams: Vec<&Team> = e
        .teams
        .iter()
        .filter(|t| e.zone_owner(&t.zone) == head)
        .collect();
    e.risk_points
        .iter()
        .filter(|r| {
            e.zone_owner(&r.zone) == head
                || r.responsible == head
                || teams.iter().any(|t| works_at_or_answers_for(t, r))
        })
        .collect()
}

/// The team's risk points, in input order: in its zone, or at a post or in the charge of
/// one of its people.
pub fn team_points<'a>(e: &'a EnterpriseFile, t: &Team) -> Vec<&'a RiskPoint> {
    e.risk_points
        .iter()
        .filter(|r| r.zone == t.zone || works_at_or_answers_for(t, r))
        .collect()
}

/// Whether someone of the team holds one of the point's posts or is responsible for it.
fn works_at_or_answers_for(t: &Team, r: &RiskPoint) -> bool {
    t.leader == r.responsible
        || t.members
            .iter()
            .any(|m| m.name == r.responsible || r.posts.contains(&m.post))
}

/// Whether a post is one whose people need a certificate: someone in it holds one.
pub fn post_needs_certificate(e: &EnterpriseFile, post: &str) -> bool {
    e.teams
        .iter()
        .flat_map(|t| &t.members)
        .any(|m| m.post == post && !m.certificates.is_empty())
}

/// Whether the team has a post whose people need a certificate.
pub fn team_has_certified_posts(e: &EnterpriseFile, t: &Team) -> bool {
    t.members.iter().any(|m| post_needs_certificate(e, &m.post))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> EnterpriseFile {
        crate::facts::example_enterprise(name)
    }

    fn ids(points: Vec<&RiskPoint>) -> Vec<&str> {
        points.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn a_department_answers_for_its_zones_and_its_teams_posts() {
        let e = example("ruifeng");
        assert_eq!(
            ids(owned_points(&e, "吕建平")),
            ["R01", "R02", "R03", "R04", "R05", "R06", "R07"]
        );
        assert_eq!(ids(owned_points(&e, "程立新")), ["R09"]);
        // Its 仓储动力班 has the electricians of the 配电房.
        assert_eq!(ids(owned_points(&e, "施丽娟")), ["R08", "R09"]);
        assert_eq!(owned_zones(&e, "施丽娟").len(), 1);
        // 叉车电池充电 is in 林小燕's zone, she heads no department: the forklift drivers'.
        let j = example("jinshun");
        assert_eq!(ids(owned_points(&j, "邵国平")), ["J01", "J02", "J03"]);
    }

    #[test]
    fn a_team_takes_its_zone_and_its_members_posts_and_charges() {
        let e = example("ruifeng");
        let team = |id: &str| e.teams.iter().find(|t| t.id == id).expect("team");
        // Sprayers work in the 喷粉车间, owned like the team's 装配车间 by 生产部.
        assert_eq!(
            ids(team_points(&e, team("coating-assembly"))),
            ["R05", "R06", "R07"]
        );
        // Its electricians work at the 配电房 of 设备动力部.
        assert_eq!(ids(team_points(&e, team("logistics"))), ["R08", "R09"]);
        assert!(team_has_certified_posts(&e, team("logistics")));
        assert!(!team_has_certified_posts(&e, team("diecast-1")));
        let j = example("jinshun");
        // Its forklift drivers charge the batteries in 林小燕's 充电区.
        assert_eq!(ids(team_points(&j, &j.teams[0])), ["J01", "J02", "J03"]);
    }
}
