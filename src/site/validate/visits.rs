//! `service.visits`: dates within the contract, counselors and findings that resolve,
//! photos inside the site.

use std::collections::BTreeSet;

use super::{non_empty, reference, site_path};
use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::load::LoadedSite;
use crate::site::model::EnterpriseFile;

pub(super) fn validate_visits(
    r: &mut Reporter,
    site: &LoadedSite,
    e: &EnterpriseFile,
    counselor_ids: &BTreeSet<&str>,
) {
    let service = &e.service;
    let issues: BTreeSet<&str> = service.findings.iter().map(|f| f.issue.as_str()).collect();
    for (i, visit) in service.visits.iter().flatten().enumerate() {
        let at = format!("service.visits[{i}]");
        if visit.date < service.signed_on || visit.date > service.end {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.date"),
                msg!(
                    "visit-outside-contract",
                    date = visit.date.to_string(),
                    signed = service.signed_on.to_string(),
                    end = service.end.to_string()
                ),
            );
        }
        if visit.counselors.is_empty() {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.counselors"),
                msg!("visit-counselors-empty"),
            );
        }
        for (j, c) in visit.counselors.iter().enumerate() {
            let path = format!("{at}.counselors[{j}]");
            reference(r, &path, c, counselor_ids, "word-counselor-ref");
        }
        non_empty(
            r,
            &format!("{at}.content"),
            &visit.content,
            "word-visit-content",
        );
        for (j, issue) in visit.findings.iter().enumerate() {
            let path = format!("{at}.findings[{j}]");
            reference(r, &path, issue, &issues, "word-finding-ref");
        }
        for (j, photo) in visit.photos.iter().enumerate() {
            site_path(r, site, &format!("{at}.photos[{j}]"), photo);
        }
    }
}
