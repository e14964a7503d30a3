//! Which kinds of work (`topics::TOPICS`) are a post's own. A post's own name, its
//! people's certificates and the equipment they operate name its work; so does a risk
//! point naming only this post. A risk point several posts share (月台装卸作业 of the
//! 装卸工 and the 叉车司机) names the work of each of them: its kinds of work go to the
//! posts whose own name, certificates or equipment do not already place that work with
//! another post on the point. So the 装卸工 keeps 人工搬运 and the 月台调节板, the 理货员
//! the racking and its 登高车, and the 叉车司机 who works beside them reads of neither;
//! a shared point whose work no post claims (焊接作业 of a 钳工 and a 维修工) gives it to all.

use super::topics::{Topic, names_topic, topics_of};
use crate::site::model::{EnterpriseFile, Post, RiskPoint};

/// The kinds of work of one post.
pub struct PostWork {
    /// Its own topics, in table order.
    pub topics: Vec<&'static Topic>,
    /// Topics of the other posts on its shared risk points that are not its own: a
    /// control of such a point that names one (每月检查货架垂直度) is that post's work.
    pub others: Vec<&'static Topic>,
}

impl PostWork {
    pub fn of(e: &EnterpriseFile, post: &Post) -> PostWork {
        let mut topics = topics_of(&own_texts(e, &post.id));
        let mut claimed: Vec<&'static Topic> = Vec::new();
        for point in points_of(e, &post.id) {
            let of_others: Vec<&'static Topic> = point
                .posts
                .iter()
                .filter(|p| **p != post.id)
                .flat_map(|p| topics_of(&own_texts(e, p)))
                .collect();
            for topic in topics_of(std::slice::from_ref(&point.name)) {
                if !contains(&of_others, topic) && !contains(&topics, topic) {
                    topics.push(topic);
                }
            }
            claimed.extend(of_others);
        }
        topics.sort_by_key(|t| t.order());
        let mut others: Vec<&'static Topic> = Vec::new();
        for topic in claimed {
            if !contains(&topics, topic) && !contains(&others, topic) {
                others.push(topic);
            }
        }
        PostWork { topics, others }
    }

    /// Whether a control of one of the post's risk points is another post's work.
    pub fn is_others(&self, text: &str) -> bool {
        names_topic(text, &self.others) && !names_topic(text, &self.topics)
    }
}

fn contains(topics: &[&Topic], topic: &Topic) -> bool {
    topics.iter().any(|t| t.slug == topic.slug)
}

fn points_of<'e>(e: &'e EnterpriseFile, post_id: &str) -> impl Iterator<Item = &'e RiskPoint> {
    e.risk_points
        .iter()
        .filter(move |p| p.posts.iter().any(|x| x == post_id))
}

/// What names a post's work by itself: its name, its people's certificates, the names of
/// the equipment they operate and of the risk points naming this post alone.
fn own_texts(e: &EnterpriseFile, post_id: &str) -> Vec<String> {
    let members: Vec<_> = e
        .teams
        .iter()
        .flat_map(|t| &t.members)
        .filter(|m| m.post == post_id)
        .collect();
    let operated_by_them = |operators: &[String]| {
        operators
            .iter()
            .any(|o| members.iter().any(|m| &m.name == o))
    };
    let mut texts = vec![e.post_name(post_id)];
    texts.extend(members.iter().flat_map(|m| m.certificates.iter().cloned()));
    texts.extend(
        e.equipment
            .iter()
            .filter(|q| operated_by_them(&q.operators))
            .map(|q| q.name.clone()),
    );
    texts.extend(
        points_of(e, post_id)
            .filter(|p| p.posts.len() == 1)
            .map(|p| p.name.clone()),
    );
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slugs(topics: &[&Topic]) -> Vec<&'static str> {
        topics.iter().map(|t| t.slug).collect()
    }

    #[test]
    fn a_shared_risk_point_gives_its_work_to_the_post_whose_work_it_is() {
        let text = include_str!("../../../example/enterprises/jinshun.yaml");
        let e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        let post = |id: &str| e.posts.iter().find(|p| p.id == id).expect("post");
        let forklift = PostWork::of(&e, post("forklift"));
        assert_eq!(slugs(&forklift.topics), ["forklift", "charging"]);
        assert_eq!(slugs(&forklift.others), ["racking", "loading"]);
        assert!(forklift.is_others("每月检查货架垂直度和横梁锁扣"));
        assert!(!forklift.is_others("装卸前确认车辆熄火并垫好轮挡"));
        assert_eq!(slugs(&PostWork::of(&e, post("picker")).topics), ["racking"]);
        assert_eq!(slugs(&PostWork::of(&e, post("loader")).topics), ["loading"]);
    }
}
