//! Validation after deserializing: value formats (`invalid-value`) and references
//! (`dangling-reference`), each located by file, line, column and key path.

mod bounds;
mod contacts;
mod enterprise;
mod folders;
mod ledgers;
mod visits;

use std::collections::BTreeSet;

use crate::diag::{Finding, Reporter};
use crate::site::load::LoadedSite;
use crate::site::model::Config;
use crate::site::paths::resolve_in_site;
use crate::site::values::{is_mobile, is_phone, is_valid_id};

/// Every input error of the site; empty when it may be built.
pub fn validate_site(site: &LoadedSite) -> Vec<Finding> {
    let mut findings = Vec::new();
    validate_config(site, &mut findings);
    let theme_is_a_name = !findings
        .iter()
        .any(|f| f.path.as_deref() == Some("build.theme"));
    if theme_is_a_name {
        folders::validate_folders(&site.root, &site.config.build.theme, &mut findings);
    }
    let counselor_ids: BTreeSet<&str> = site
        .config
        .counselors
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for enterprise in &site.enterprises {
        enterprise::validate_enterprise(site, enterprise, &counselor_ids, &mut findings);
    }
    findings
}

fn validate_config(site: &LoadedSite, findings: &mut Vec<Finding>) {
    let config = &site.config;
    let mut r = Reporter {
        file: &site.config_source.rel,
        index: &site.config_source.index,
        enterprise: None,
        findings,
    };
    bounds::config_bounds(&mut r, config);
    phone(&mut r, "agency.phone", &config.agency.phone);
    phone(
        &mut r,
        "agency.complaint_phone",
        &config.agency.complaint_phone,
    );
    let mut seen = BTreeSet::new();
    for (i, c) in config.counselors.iter().enumerate() {
        let at = format!("counselors[{i}]");
        id(&mut r, &format!("{at}.id"), &c.id, "counselor");
        if !seen.insert(c.id.as_str()) {
            r.error(
                "invalid-value",
                &format!("{at}.id"),
                format!("counselor id `{}` is used twice", c.id),
            );
        }
        if !is_mobile(&c.phone) {
            r.error(
                "invalid-value",
                &format!("{at}.phone"),
                format!("`{}` is not a mainland mobile number (1[3-9] + 9 digits); the notice board prints it", c.phone),
            );
        }
        if let Some(photo) = &c.photo {
            site_path(&mut r, site, &format!("{at}.photo"), photo);
        }
        non_empty(
            &mut r,
            &format!("{at}.badge_no"),
            &c.badge_no,
            "badge number",
        );
    }
    let prefix = &config.document_control.number_prefix;
    if prefix.is_empty()
        || !prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        r.error(
            "invalid-value",
            "document_control.number_prefix",
            format!("`{prefix}` cannot start a document number: use ASCII letters, digits and `-`"),
        );
    }
    calendar_days(&mut r, config);
    if let Some(url) = &config.build.base_url
        && !is_base_url(url)
    {
        r.error(
            "invalid-value",
            "build.base_url",
            format!("`{url}` is not an http:// or https:// address without spaces: the QR codes of boards and cards point there"),
        );
    }
}

fn is_base_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && r.chars().all(|c| c.is_ascii_graphic())
    })
}

/// A day may be a holiday or a working day, not both: of `calendar:`, and of
/// `document_control` (the older place for the same lists).
fn calendar_days(r: &mut Reporter, config: &Config) {
    for (at, holidays, workdays) in [
        (
            "calendar",
            &config.calendar.holidays,
            &config.calendar.workdays,
        ),
        (
            "document_control",
            &config.document_control.holidays,
            &config.document_control.workdays,
        ),
    ] {
        for (i, day) in workdays.iter().enumerate() {
            if holidays.contains(day) {
                r.error(
                    "invalid-value",
                    &format!("{at}.workdays[{i}]"),
                    format!("{day} is listed both as a holiday and as a working day"),
                );
            }
        }
    }
}

pub(super) fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| crate::facts::risk::num(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn phone(r: &mut Reporter, path: &str, value: &str) {
    if !is_phone(value) {
        r.error(
            "invalid-value",
            path,
            format!("`{value}` is not a phone number: a mobile (1[3-9] + 9 digits) or a landline such as 0579-82345678"),
        );
    }
}

pub(super) fn id(r: &mut Reporter, path: &str, value: &str, what: &str) {
    if !is_valid_id(value) {
        r.error(
            "invalid-value",
            path,
            format!("{what} id `{value}`: use ASCII letters, digits and `-`"),
        );
    }
}

pub(super) fn non_empty(r: &mut Reporter, path: &str, value: &str, what: &str) {
    if value.trim().is_empty() {
        r.error("invalid-value", path, format!("the {what} is empty"));
    }
}

pub(super) fn site_path(r: &mut Reporter, site: &LoadedSite, path: &str, rel: &str) {
    let checked = resolve_in_site(&site.root, rel)
        .and_then(|real| crate::site::paths::check_image(&real, rel));
    if let Err(why) = checked {
        r.error(
            if why.contains("does not exist") {
                "dangling-reference"
            } else {
                "invalid-value"
            },
            path,
            why,
        );
    }
}

/// Checks ids in a list (format, uniqueness) and returns the set for references.
pub(super) fn unique_ids<'a>(
    r: &mut Reporter,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for (i, value) in ids.enumerate() {
        let path = format!("{list}[{i}].id");
        id(r, &path, value, what);
        if !seen.insert(value) {
            r.error(
                "invalid-value",
                &path,
                format!("{what} id `{value}` is used twice"),
            );
        }
    }
    seen
}

pub(super) fn reference(
    r: &mut Reporter,
    path: &str,
    target: &str,
    known: &BTreeSet<&str>,
    what: &str,
    owner: &str,
) {
    if !known.contains(target) {
        let choices: Vec<&str> = known.iter().copied().collect();
        r.error(
            "dangling-reference",
            path,
            format!(
                "{owner} refers to {what} `{target}`, which does not exist (known: {})",
                choices.join(", ")
            ),
        );
    }
}
