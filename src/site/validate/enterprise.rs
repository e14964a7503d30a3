//! Values and references inside one enterprise file.

use std::collections::{BTreeMap, BTreeSet};

use super::accidents::validate_accident_types;
use super::ledgers::validate_ledger_inputs;
use super::visits::validate_visits;
use super::{list, phone, reference, site_path, unique_ids};
use crate::diag::{Finding, Reporter, Rule};
use crate::facts::risk::{LEC_C, LEC_E, LEC_L, LS_FACTOR};
use crate::msg;
use crate::site::load::{LoadedEnterprise, LoadedSite};
use crate::site::model::{Assessment, Method};
use crate::site::values::{check_credit_code, is_valid_id};

pub(super) fn validate_enterprise(
    site: &LoadedSite,
    loaded: &LoadedEnterprise,
    counselor_ids: &BTreeSet<&str>,
    findings: &mut Vec<Finding>,
) {
    let e = &loaded.data;
    let mut r = Reporter {
        file: &loaded.source.rel,
        index: &loaded.source.index,
        enterprise: Some(&loaded.id),
        findings,
    };
    super::bounds::enterprise_bounds(&mut r, &loaded.data);
    if !is_valid_id(&loaded.id) {
        r.error(
            Rule::InvalidValue,
            "enterprise",
            msg!("enterprise-id-invalid", id = &loaded.id),
        );
    }
    if let Err(why) = check_credit_code(&e.enterprise.credit_code) {
        r.error(Rule::InvalidValue, "enterprise.credit_code", why);
    }
    if e.enterprise.employees == 0 {
        r.error(
            Rule::InvalidValue,
            "enterprise.employees",
            msg!("employees-zero"),
        );
    }
    phone(
        &mut r,
        "enterprise.principal.phone",
        &e.enterprise.principal.phone,
    );
    phone(
        &mut r,
        "enterprise.safety_officer.phone",
        &e.enterprise.safety_officer.phone,
    );
    phone(
        &mut r,
        "enterprise.emergency_phone",
        &e.enterprise.emergency_phone,
    );
    phone(&mut r, "service.contact.phone", &e.service.contact.phone);
    super::contacts::validate_emergency(&mut r, &e.enterprise);
    super::targets::validate_targets(&mut r, &e.enterprise.targets);
    let plan = &e.enterprise.site;
    if !(plan.width > 0.0 && plan.height > 0.0) {
        r.error(
            Rule::InvalidValue,
            "enterprise.site",
            msg!("site-size-invalid"),
        );
    }
    if let Some(bg) = &plan.background {
        site_path(&mut r, site, "enterprise.site.background", bg);
    }

    let zones = unique_ids(
        &mut r,
        "zones",
        e.zones.iter().map(|z| z.id.as_str()),
        "word-zone",
    );
    for (i, z) in e.zones.iter().enumerate() {
        let at = format!("zones[{i}]");
        match (&z.rect, &z.polygon) {
            (Some(rect), None) if rect[2] > 0.0 && rect[3] > 0.0 => {}
            (Some(_), None) => r.error(
                Rule::InvalidValue,
                &format!("{at}.rect"),
                msg!("zone-rect-invalid"),
            ),
            (None, Some(points)) if points.len() >= 3 => {}
            (None, Some(_)) => r.error(
                Rule::InvalidValue,
                &format!("{at}.polygon"),
                msg!("zone-polygon-short"),
            ),
            _ => r.error(
                Rule::InvalidValue,
                &at,
                msg!("zone-shape-missing", zone = &z.id),
            ),
        }
    }
    let posts = unique_ids(
        &mut r,
        "posts",
        e.posts.iter().map(|p| p.id.as_str()),
        "word-post",
    );
    for (i, p) in e.posts.iter().enumerate() {
        reference(
            &mut r,
            &format!("posts[{i}].zone"),
            &p.zone,
            &zones,
            "word-zone",
        );
    }
    unique_ids(
        &mut r,
        "teams",
        e.teams.iter().map(|t| t.id.as_str()),
        "word-team",
    );
    let mut member_teams: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, t) in e.teams.iter().enumerate() {
        let at = format!("teams[{i}]");
        reference(&mut r, &format!("{at}.zone"), &t.zone, &zones, "word-zone");
        if !t.members.iter().any(|m| m.name == t.leader) {
            r.error(
                Rule::DanglingReference,
                &format!("{at}.leader"),
                msg!("team-leader-not-member", team = &t.id, leader = &t.leader),
            );
        }
        for (j, m) in t.members.iter().enumerate() {
            reference(
                &mut r,
                &format!("{at}.members[{j}].post"),
                &m.post,
                &posts,
                "word-post",
            );
            if let Some(other) = member_teams.insert(m.name.as_str(), t.id.as_str()) {
                r.error(
                    Rule::InvalidValue,
                    &format!("{at}.members[{j}].name"),
                    msg!("member-name-twice", name = &m.name, team = other),
                );
            }
        }
    }
    for (i, t) in e.teams.iter().enumerate() {
        for (g, group) in t.pairs.iter().flatten().enumerate() {
            for (k, name) in group.iter().enumerate() {
                let path = format!("teams[{i}].pairs[{g}][{k}]");
                if t.members.iter().any(|m| &m.name == name) {
                    continue;
                }
                match member_teams.get(name.as_str()) {
                    Some(other) => r.error(
                        Rule::PairCrossTeam,
                        &path,
                        msg!("pair-cross-team", name = name, team = &t.id, other = *other),
                    ),
                    None => r.error(
                        Rule::DanglingReference,
                        &path,
                        msg!("pair-member-unknown", name = name, team = &t.id),
                    ),
                }
            }
        }
    }

    unique_ids(
        &mut r,
        "risk_points",
        e.risk_points.iter().map(|p| p.id.as_str()),
        "word-risk-point",
    );
    for (i, p) in e.risk_points.iter().enumerate() {
        let at = format!("risk_points[{i}]");
        reference(&mut r, &format!("{at}.zone"), &p.zone, &zones, "word-zone");
        for (j, post) in p.posts.iter().enumerate() {
            reference(
                &mut r,
                &format!("{at}.posts[{j}]"),
                post,
                &posts,
                "word-post",
            );
        }
        validate_accident_types(&mut r, &at, &p.accidents);
        assessment(&mut r, &format!("{at}.assessment"), &p.assessment);
    }
    for (i, q) in e.equipment.iter().enumerate() {
        let at = format!("equipment[{i}]");
        reference(&mut r, &format!("{at}.zone"), &q.zone, &zones, "word-zone");
        if q.special {
            for (key, missing) in [
                ("reg_no", q.reg_no.is_none()),
                ("inspected_on", q.inspected_on.is_none()),
                ("next_inspection", q.next_inspection.is_none()),
            ] {
                if missing {
                    r.error(
                        Rule::InvalidValue,
                        &at,
                        msg!("special-equipment-key", name = &q.name, key = key),
                    );
                }
            }
        }
        if let (Some(a), Some(b)) = (q.inspected_on, q.next_inspection)
            && b <= a
        {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.next_inspection"),
                msg!(
                    "inspection-dates-order",
                    next = b.to_string(),
                    last = a.to_string()
                ),
            );
        }
    }
    for (i, c) in e.chemicals.iter().enumerate() {
        reference(
            &mut r,
            &format!("chemicals[{i}].zone"),
            &c.zone,
            &zones,
            "word-zone",
        );
    }
    for (i, p) in e.ppe.iter().enumerate() {
        for (j, post) in p.posts.iter().enumerate() {
            if post != "all" {
                reference(
                    &mut r,
                    &format!("ppe[{i}].posts[{j}]"),
                    post,
                    &posts,
                    "word-post",
                );
            }
        }
        if p.cycle_months == 0 {
            r.error(
                Rule::InvalidValue,
                &format!("ppe[{i}].cycle_months"),
                msg!("ppe-cycle-zero"),
            );
        }
    }
    for (i, h) in e.occupational_hazards.iter().enumerate() {
        reference(
            &mut r,
            &format!("occupational_hazards[{i}].zone"),
            &h.zone,
            &zones,
            "word-zone",
        );
        for (j, post) in h.posts.iter().enumerate() {
            reference(
                &mut r,
                &format!("occupational_hazards[{i}].posts[{j}]"),
                post,
                &posts,
                "word-post",
            );
        }
    }
    for (i, s) in e.emergency_supplies.iter().enumerate() {
        reference(
            &mut r,
            &format!("emergency_supplies[{i}].zone"),
            &s.zone,
            &zones,
            "word-zone",
        );
        if s.check_cycle_days == 0 {
            r.error(
                Rule::InvalidValue,
                &format!("emergency_supplies[{i}].check_cycle_days"),
                msg!("supply-cycle-zero"),
            );
        }
    }
    let service = &e.service;
    if service.end < service.start {
        r.error(
            Rule::InvalidValue,
            "service.end",
            msg!(
                "service-ends-before-start",
                end = service.end.to_string(),
                start = service.start.to_string()
            ),
        );
    }
    if service.counselors.is_empty() {
        r.error(
            Rule::InvalidValue,
            "service.counselors",
            msg!("service-counselors-empty"),
        );
    }
    for (i, c) in service.counselors.iter().enumerate() {
        reference(
            &mut r,
            &format!("service.counselors[{i}]"),
            c,
            counselor_ids,
            "word-counselor-ref",
        );
    }
    for (i, f) in service.findings.iter().enumerate() {
        let at = format!("service.findings[{i}]");
        reference(&mut r, &format!("{at}.zone"), &f.zone, &zones, "word-zone");
        if let Some(photo) = &f.photo {
            site_path(&mut r, site, &format!("{at}.photo"), photo);
        }
    }
    validate_visits(&mut r, site, e, counselor_ids);
    validate_ledger_inputs(&mut r, e, &zones);
}

fn assessment(r: &mut Reporter, at: &str, a: &Assessment) {
    let factor = |r: &mut Reporter,
                  key: &str,
                  value: Option<f64>,
                  allowed: &[f64],
                  method: &str| match value {
        None => r.error(
            Rule::InvalidValue,
            at,
            msg!("factor-missing", method = method, key = key),
        ),
        Some(v) if !allowed.contains(&v) => r.error(
            Rule::InvalidValue,
            &format!("{at}.{key}"),
            msg!(
                "factor-not-in-table",
                method = method,
                key = key,
                value = crate::facts::risk::num(v),
                allowed = list(allowed)
            ),
        ),
        Some(_) => {}
    };
    match a.method {
        Method::Lec => {
            factor(r, "L", Some(a.l), &LEC_L, "LEC");
            factor(r, "E", a.e, &LEC_E, "LEC");
            factor(r, "C", a.c, &LEC_C, "LEC");
            if a.s.is_some() {
                r.error(
                    Rule::InvalidValue,
                    &format!("{at}.S"),
                    msg!("factor-s-in-lec"),
                );
            }
        }
        Method::Ls => {
            factor(r, "L", Some(a.l), &LS_FACTOR, "LS");
            factor(r, "S", a.s, &LS_FACTOR, "LS");
            if a.e.is_some() || a.c.is_some() {
                r.error(Rule::InvalidValue, at, msg!("factor-ec-in-ls"));
            }
        }
    }
}
