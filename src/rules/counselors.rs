//! `counselor-load` (第二十一条), `counselor-qualification` (第十条),
//! `counselor-training` (第十一条): checked once per site, reported in anquan.yaml.

use chrono::Months;

use crate::diag::{Reporter, Rule};
use crate::facts::Site;
use crate::msg;
use crate::site::model::Education;

/// At most this many client enterprises per counselor (第二十一条).
pub const MAX_CLIENTS: usize = 40;

pub fn check(site: &Site, r: &mut Reporter) {
    for (i, c) in site.loaded.config.counselors.iter().enumerate() {
        let at = format!("counselors[{i}]");
        let clients: Vec<&str> = site
            .loaded
            .enterprises
            .iter()
            .filter(|e| e.data.service.counselors.contains(&c.id))
            .map(|e| e.id.as_str())
            .collect();
        if clients.len() > MAX_CLIENTS {
            r.error(
                Rule::CounselorLoad,
                &format!("{at}.id"),
                msg!(
                    "counselor-load",
                    name = &c.name,
                    id = &c.id,
                    clients = clients.len(),
                    max = MAX_CLIENTS
                ),
            );
        }
        let qualified = match c.education {
            Education::大专 | Education::本科 | Education::硕士 | Education::博士 => true,
            Education::高中 | Education::中专 => c.safety_years >= 5,
        };
        if !qualified {
            r.error(
                Rule::CounselorQualification,
                &format!("{at}.education"),
                msg!(
                    "counselor-qualification",
                    name = &c.name,
                    education = c.education.label(),
                    years = c.safety_years
                ),
            );
        }
        match c.trained_on {
            None => r.error(
                Rule::CounselorTraining,
                &format!("{at}.name"),
                msg!("counselor-training-missing", name = &c.name),
            ),
            Some(trained) => {
                let valid_until = trained
                    .0
                    .checked_add_months(Months::new(12))
                    .unwrap_or(trained.0);
                if valid_until < site.date.0 {
                    r.error(
                        Rule::CounselorTraining,
                        &format!("{at}.trained_on"),
                        msg!(
                            "counselor-training-expired",
                            name = &c.name,
                            trained = trained.to_string(),
                            date = site.date.to_string()
                        ),
                    );
                }
            }
        }
    }
}
