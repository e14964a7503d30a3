//! Compliance rules (spec §5) over the derived site: one file per family of rules.
//! Findings here are reported, shown on the index pages, and stop a build only with --strict.

mod pairs;
mod risk;

use crate::diag::{Finding, Reporter};
use crate::facts::Site;

pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (loaded, facts) in site.enterprises() {
        let mut r = Reporter {
            file: &loaded.source.rel,
            index: &loaded.source.index,
            enterprise: Some(&loaded.id),
            findings: &mut findings,
        };
        risk::check(&loaded.data, facts, &mut r);
        pairs::check(&loaded.data, facts, &mut r);
    }
    findings
}
