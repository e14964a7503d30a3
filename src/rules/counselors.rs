//! `counselor-load` (第二十一条), `counselor-qualification` (第十条),
//! `counselor-training` (第十一条): checked once per site, reported in anquan.yaml.

use chrono::Months;

use crate::diag::Reporter;
use crate::facts::Site;
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
                "counselor-load",
                &format!("{at}.id"),
                format!(
                    "{}（{}）serves {} enterprises; one counselor may serve at most {MAX_CLIENTS} (自律管理办法第二十一条)",
                    c.name,
                    c.id,
                    clients.len()
                ),
            );
        }
        let qualified = match c.education {
            Education::大专 | Education::本科 | Education::硕士 | Education::博士 => true,
            Education::高中 | Education::中专 => c.safety_years >= 5,
        };
        if !qualified {
            r.error(
                "counselor-qualification",
                &format!("{at}.education"),
                format!(
                    "{}: {:?} with {} years in safety management; a counselor needs 大专 or above, or 高中/中专 with at least 5 years (第十条)",
                    c.name, c.education, c.safety_years
                ),
            );
        }
        match c.trained_on {
            None => r.error(
                "counselor-training",
                &format!("{at}.name"),
                format!(
                    "{} has no `trained_on`: annual training and test are required (第十一条)",
                    c.name
                ),
            ),
            Some(trained) => {
                let valid_until = trained
                    .0
                    .checked_add_months(Months::new(12))
                    .unwrap_or(trained.0);
                if valid_until < site.date.0 {
                    r.error(
                        "counselor-training",
                        &format!("{at}.trained_on"),
                        format!(
                            "{} was last trained on {trained}, more than a year before {}: annual training and test are required (第十一条)",
                            c.name, site.date
                        ),
                    );
                }
            }
        }
    }
}
