//! Which special plans and onsite schemes an enterprise needs (GB/T 29639-2020): a 专项应急预案
//! per accident type of a 重大 or 较大 risk point, a 现场处置方案 per post with such a risk.

use crate::documents::blocks::unique;
use crate::documents::emergency::accidents::CLASSES;
use crate::facts::EnterpriseFacts;
use crate::facts::risk::Level;
use crate::site::model::{EnterpriseFile, Post, RiskPoint};

/// The risk points graded 重大 or 较大, in input order.
pub fn severe_points<'a>(e: &'a EnterpriseFile, facts: &EnterpriseFacts) -> Vec<&'a RiskPoint> {
    e.risk_points
        .iter()
        .filter(|p| {
            facts
                .grade_of(&p.id)
                .is_some_and(|g| matches!(g.level, Level::重大 | Level::较大))
        })
        .collect()
}

/// The accident types of the severe points: GB 6441 classes in the standard's order, then
/// any other name in input order (which has no text, and fails the build loudly).
pub fn special_accidents(e: &EnterpriseFile, facts: &EnterpriseFacts) -> Vec<String> {
    let named = unique(
        severe_points(e, facts)
            .into_iter()
            .flat_map(|p| p.accidents.iter().map(|a| a.trim().to_string())),
    );
    let rank = |a: &String| {
        CLASSES
            .iter()
            .position(|c| c.name == a)
            .unwrap_or(CLASSES.len())
    };
    let mut ordered = named;
    // Stable: names outside the standard keep their input order at the end.
    ordered.sort_by_key(rank);
    ordered
}

/// The posts named by a severe point, in input order.
pub fn onsite_posts<'a>(e: &'a EnterpriseFile, facts: &EnterpriseFacts) -> Vec<&'a Post> {
    let severe = severe_points(e, facts);
    e.posts
        .iter()
        .filter(|post| severe.iter().any(|p| p.posts.contains(&post.id)))
        .collect()
}

/// The severe points of one accident type, or of one post.
pub fn points_of_accident<'a>(severe: &[&'a RiskPoint], accident: &str) -> Vec<&'a RiskPoint> {
    severe
        .iter()
        .filter(|p| p.accidents.iter().any(|a| a.trim() == accident))
        .copied()
        .collect()
}

pub fn points_of_post<'a>(severe: &[&'a RiskPoint], post: &str) -> Vec<&'a RiskPoint> {
    severe
        .iter()
        .filter(|p| p.posts.iter().any(|x| x == post))
        .copied()
        .collect()
}

pub fn special_title(accident: &str) -> String {
    format!("{accident}事故专项应急预案")
}

pub fn onsite_title(post_name: &str) -> String {
    format!("{post_name}岗位现场处置方案")
}
