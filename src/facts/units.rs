//! What a department or team answers for, read from who owns which zone: a department's
//! zones are those its head owns, its risk points those in its zones; a team's risk points
//! are those of its zone and those of its members' posts in zones of the same owner (a
//! member who also works in another department's zone does not bring its points along).
//! The 安全生产责任制度 and the 目标责任书 both read these, so they agree.

use crate::site::model::{EnterpriseFile, RiskPoint, Team, Zone};

/// The zones `head` owns, in input order.
pub fn owned_zones<'a>(e: &'a EnterpriseFile, head: &str) -> Vec<&'a Zone> {
    e.zones.iter().filter(|z| z.owner == head).collect()
}

/// The risk points in the zones `head` owns, in input order.
pub fn owned_points<'a>(e: &'a EnterpriseFile, head: &str) -> Vec<&'a RiskPoint> {
    e.risk_points
        .iter()
        .filter(|r| e.zone_owner(&r.zone) == head)
        .collect()
}

/// The team's own risk points, in input order.
pub fn team_points<'a>(e: &'a EnterpriseFile, t: &Team) -> Vec<&'a RiskPoint> {
    let owner = e.zone_owner(&t.zone);
    e.risk_points
        .iter()
        .filter(|r| {
            r.zone == t.zone
                || e.zone_owner(&r.zone) == owner
                    && r.posts
                        .iter()
                        .any(|p| t.members.iter().any(|m| &m.post == p))
        })
        .collect()
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
    fn a_department_answers_for_every_point_in_its_zones() {
        let e = example("ruifeng");
        assert_eq!(
            ids(owned_points(&e, "吕建平")),
            ["R01", "R02", "R03", "R04", "R05", "R06", "R07"]
        );
        assert_eq!(ids(owned_points(&e, "程立新")), ["R09"]);
        assert_eq!(owned_zones(&e, "施丽娟").len(), 1);
    }

    #[test]
    fn a_team_takes_its_zone_and_its_posts_in_zones_of_the_same_owner() {
        let e = example("ruifeng");
        let team = |id: &str| e.teams.iter().find(|t| t.id == id).expect("team");
        // Sprayers work in the 喷粉车间, owned like the team's 装配车间 by 生产部.
        assert_eq!(
            ids(team_points(&e, team("coating-assembly"))),
            ["R05", "R06", "R07"]
        );
        // The electricians' 配电房 is 设备动力部's: not the 仓储动力班's point.
        assert_eq!(ids(team_points(&e, team("logistics"))), ["R08"]);
        assert!(team_has_certified_posts(&e, team("logistics")));
        assert!(!team_has_certified_posts(&e, team("diecast-1")));
        let j = example("jinshun");
        assert_eq!(ids(team_points(&j, &j.teams[0])), ["J01", "J02"]);
    }
}
