//! Facts derived once per build from the validated site: risk grades, zone and post
//! levels, 互保 groups, serving counselors. Documents read facts, never raw YAML alone.

pub mod as_of;
pub mod calendar;
pub mod departments;
pub mod holidays;
pub mod machines;
pub mod pairs;
pub mod ppe;
pub mod risk;
pub mod units;
pub mod visits;
pub mod work;

use std::collections::BTreeMap;

/// An enterprise of the bundled example, for the facts' unit tests.
#[cfg(test)]
pub(crate) fn example_enterprise(name: &str) -> EnterpriseFile {
    let text = match name {
        "ruifeng" => include_str!("../../example/enterprises/ruifeng.yaml"),
        _ => include_str!("../../example/enterprises/jinshun.yaml"),
    };
    serde_saphyr::from_str(text).expect("example")
}

use serde::Serialize;

use crate::site::date::Date;
use crate::site::load::{LoadedEnterprise, LoadedSite};
use crate::site::model::{Counselor, EnterpriseFile};
use pairs::Group;
use risk::{Grade, Level, Thresholds};

#[derive(Debug, Clone, Serialize)]
pub struct GradedRisk {
    pub id: String,
    pub grade: Grade,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamGroups {
    pub team: String,
    pub groups: Vec<Group>,
    pub generated: bool,
}

/// Everything derived for one enterprise.
#[derive(Debug, Clone, Serialize)]
pub struct EnterpriseFacts {
    pub id: String,
    pub grades: Vec<GradedRisk>,
    /// zone id → its highest level; `None` = 未评估.
    pub zone_levels: BTreeMap<String, Option<Level>>,
    pub post_levels: BTreeMap<String, Option<Level>>,
    pub groups: Vec<TeamGroups>,
    pub counselors: Vec<Counselor>,
    /// Every visit, inspection, training and drill of the contract.
    pub schedule: Vec<calendar::ServiceEvent>,
    /// Each year of the contract and where its non-working days come from.
    pub contract_years: Vec<(i32, calendar::YearSource)>,
}

impl EnterpriseFacts {
    /// The names of the counselors serving it, in order.
    pub fn counselor_names(&self) -> Vec<&str> {
        self.counselors.iter().map(|c| c.name.as_str()).collect()
    }

    pub fn grade_of(&self, risk_id: &str) -> Option<&Grade> {
        self.grades
            .iter()
            .find(|g| g.id == risk_id)
            .map(|g| &g.grade)
    }
}

/// The whole site, validated, with its facts: what renderers consume.
#[derive(Debug, Clone)]
pub struct Site {
    pub loaded: LoadedSite,
    pub facts: Vec<EnterpriseFacts>,
    pub thresholds: Thresholds,
    /// Working days: the built-in holiday table with the site's own days.
    pub calendar: calendar::WorkCalendar,
    pub date: Date,
}

impl Site {
    pub fn enterprises(&self) -> impl Iterator<Item = (&LoadedEnterprise, &EnterpriseFacts)> {
        self.loaded.enterprises.iter().zip(&self.facts)
    }
}

pub fn derive(loaded: LoadedSite, date: Date) -> Site {
    let thresholds = Thresholds::from_input(loaded.config.risk.as_ref());
    let work =
        calendar::WorkCalendar::new(&loaded.config.document_control, &loaded.config.calendar);
    let facts = loaded
        .enterprises
        .iter()
        .map(|e| {
            enterprise_facts(
                &e.id,
                &e.data,
                &loaded.config.counselors,
                &thresholds,
                &work,
            )
        })
        .collect();
    Site {
        loaded,
        facts,
        thresholds,
        calendar: work,
        date,
    }
}

fn enterprise_facts(
    id: &str,
    e: &EnterpriseFile,
    all_counselors: &[Counselor],
    thresholds: &Thresholds,
    work: &calendar::WorkCalendar,
) -> EnterpriseFacts {
    let grades: Vec<GradedRisk> = e
        .risk_points
        .iter()
        .filter_map(|p| {
            risk::grade(&p.assessment, thresholds).map(|grade| GradedRisk {
                id: p.id.clone(),
                grade,
            })
        })
        .collect();
    let level_of = |p_id: &str| grades.iter().find(|g| g.id == p_id).map(|g| g.grade.level);
    // Level order puts 重大 first, so the minimum is the most severe (从严从高).
    let zone_levels = e
        .zones
        .iter()
        .map(|z| {
            let level = e
                .risk_points
                .iter()
                .filter(|p| p.zone == z.id)
                .filter_map(|p| level_of(&p.id))
                .min();
            (z.id.clone(), level)
        })
        .collect();
    let post_levels = e
        .posts
        .iter()
        .map(|post| {
            let level = e
                .risk_points
                .iter()
                .filter(|p| p.posts.contains(&post.id))
                .filter_map(|p| level_of(&p.id))
                .min();
            (post.id.clone(), level)
        })
        .collect();
    let groups = e
        .teams
        .iter()
        .map(|t| {
            let (groups, generated) = pairs::team_groups(t, &e.posts);
            TeamGroups {
                team: t.id.clone(),
                groups,
                generated,
            }
        })
        .collect();
    let counselors = e
        .service
        .counselors
        .iter()
        .filter_map(|cid| all_counselors.iter().find(|c| &c.id == cid).cloned())
        .collect();
    EnterpriseFacts {
        id: id.to_string(),
        grades,
        zone_levels,
        post_levels,
        groups,
        counselors,
        schedule: calendar::service_schedule(e, work),
        contract_years: work.years(e.service.start, e.service.end),
    }
}
