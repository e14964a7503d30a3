//! Compliance rules (spec §5) over the derived site: one file per family of rules.
//! Findings here are reported, shown on the index pages, and stop a build only with --strict.

mod boards;
pub mod counselors;
mod pairs;
mod permits;
mod ppe;
mod risk;
pub mod service;

use crate::diag::{Finding, Reporter};
use crate::documents::dating::{DatedBy, date_of};
use crate::documents::sheet::Print;
use crate::facts::Site;

pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    let config = &site.loaded.config_source;
    counselors::check(
        site,
        &mut Reporter {
            file: &config.rel,
            index: &config.index,
            enterprise: None,
            findings: &mut findings,
        },
    );
    for (loaded, facts) in site.enterprises() {
        let mut r = Reporter {
            file: &loaded.source.rel,
            index: &loaded.source.index,
            enterprise: Some(&loaded.id),
            findings: &mut findings,
        };
        risk::check(&loaded.data, facts, &mut r);
        pairs::check(&loaded.data, facts, &mut r);
        ppe::check(&loaded.data, &mut r);
        ppe::check_hazards(&loaded.data, &mut r);
        permits::check(&loaded.data, &mut r);
        service::check(&loaded.data, &site.calendar, site.date, &mut r);
        let issued = date_of(DatedBy::EnterpriseIssued, &loaded.data, site.date);
        let print = Print::of(&site.loaded.config.build);
        boards::check(&loaded.id, &loaded.data, facts, print, issued, &mut r);
    }
    findings
}
