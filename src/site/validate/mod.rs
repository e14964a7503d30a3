//! Validation after deserializing: value formats (`invalid-value`) and references
//! (`dangling-reference`), each located by file, line, column and key path.

mod accidents;
mod bounds;
mod contacts;
mod enterprise;
mod folders;
mod ledgers;
mod targets;
mod visits;

use std::collections::BTreeSet;

use crate::diag::{Finding, Reporter, Rule};
use crate::i18n::Arg;
use crate::msg;
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
        id(&mut r, &format!("{at}.id"), &c.id, "word-counselor");
        if !seen.insert(c.id.as_str()) {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.id"),
                msg!("id-twice", what = Arg::Word("word-counselor"), id = &c.id),
            );
        }
        if !is_mobile(&c.phone) {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.phone"),
                msg!("counselor-phone-not-mobile", phone = &c.phone),
            );
        }
        if let Some(photo) = &c.photo {
            site_path(&mut r, site, &format!("{at}.photo"), photo);
        }
        non_empty(
            &mut r,
            &format!("{at}.badge_no"),
            &c.badge_no,
            "word-badge-no",
        );
    }
    let prefix = &config.document_control.number_prefix;
    if prefix.is_empty()
        || !prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        r.error(
            Rule::InvalidValue,
            "document_control.number_prefix",
            msg!("number-prefix-invalid", prefix = prefix),
        );
    }
    calendar_days(&mut r, config);
    if let Some(url) = &config.build.base_url
        && !is_base_url(url)
    {
        r.error(
            Rule::InvalidValue,
            "build.base_url",
            msg!("base-url-invalid", url = url),
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
                    Rule::InvalidValue,
                    &format!("{at}.workdays[{i}]"),
                    msg!("day-holiday-and-workday", day = day.to_string()),
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
            Rule::InvalidValue,
            path,
            msg!("phone-invalid", phone = value),
        );
    }
}

/// `what` is the catalogue id of a noun (`word-zone`), said in the message's language.
pub(super) fn id(r: &mut Reporter, path: &str, value: &str, what: &'static str) {
    if !is_valid_id(value) {
        r.error(
            Rule::InvalidValue,
            path,
            msg!("id-invalid", what = Arg::Word(what), id = value),
        );
    }
}

pub(super) fn non_empty(r: &mut Reporter, path: &str, value: &str, what: &'static str) {
    if value.trim().is_empty() {
        r.error(
            Rule::InvalidValue,
            path,
            msg!("value-empty", what = Arg::Word(what)),
        );
    }
}

pub(super) fn site_path(r: &mut Reporter, site: &LoadedSite, path: &str, rel: &str) {
    let checked = resolve_in_site(&site.root, rel)
        .and_then(|real| crate::site::paths::check_image(&real, rel));
    if let Err(why) = checked {
        let rule = if why.id == "path-missing" {
            Rule::DanglingReference
        } else {
            Rule::InvalidValue
        };
        r.error(rule, path, why);
    }
}

/// Checks ids in a list (format, uniqueness) and returns the set for references.
pub(super) fn unique_ids<'a>(
    r: &mut Reporter,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    what: &'static str,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for (i, value) in ids.enumerate() {
        let path = format!("{list}[{i}].id");
        id(r, &path, value, what);
        if !seen.insert(value) {
            r.error(
                Rule::InvalidValue,
                &path,
                msg!("id-twice", what = Arg::Word(what), id = value),
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
    what: &'static str,
) {
    if !known.contains(target) {
        let choices: Vec<&str> = known.iter().copied().collect();
        r.error(
            Rule::DanglingReference,
            path,
            msg!(
                "reference-dangling",
                what = Arg::Word(what),
                target = target,
                known = choices.join(", ")
            ),
        );
    }
}
