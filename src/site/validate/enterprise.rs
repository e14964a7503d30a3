//! Values and references inside one enterprise file.

use std::collections::{BTreeMap, BTreeSet};

use super::ledgers::validate_ledger_inputs;
use super::visits::validate_visits;
use super::{list, phone, reference, site_path, unique_ids};
use crate::diag::{Finding, Reporter};
use crate::facts::risk::{LEC_C, LEC_E, LEC_L, LS_FACTOR};
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
            "invalid-value",
            "enterprise",
            format!(
                "the file name `{}` is the enterprise id: use ASCII letters, digits and `-`",
                loaded.id
            ),
        );
    }
    if let Err(why) = check_credit_code(&e.enterprise.credit_code) {
        r.error("invalid-value", "enterprise.credit_code", why);
    }
    if e.enterprise.employees == 0 {
        r.error(
            "invalid-value",
            "enterprise.employees",
            "an enterprise has at least one employee".to_string(),
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
    let plan = &e.enterprise.site;
    if !(plan.width > 0.0 && plan.height > 0.0) {
        r.error(
            "invalid-value",
            "enterprise.site",
            "site width and height must be greater than 0".to_string(),
        );
    }
    if let Some(bg) = &plan.background {
        site_path(&mut r, site, "enterprise.site.background", bg);
    }

    let zones = unique_ids(
        &mut r,
        "zones",
        e.zones.iter().map(|z| z.id.as_str()),
        "zone",
    );
    for (i, z) in e.zones.iter().enumerate() {
        let at = format!("zones[{i}]");
        match (&z.rect, &z.polygon) {
            (Some(rect), None) if rect[2] > 0.0 && rect[3] > 0.0 => {}
            (Some(_), None) => r.error(
                "invalid-value",
                &format!("{at}.rect"),
                "rect is [x, y, w, h] with w and h above 0".to_string(),
            ),
            (None, Some(points)) if points.len() >= 3 => {}
            (None, Some(_)) => r.error(
                "invalid-value",
                &format!("{at}.polygon"),
                "a polygon needs at least 3 points".to_string(),
            ),
            _ => r.error(
                "invalid-value",
                &at,
                format!("zone `{}` needs exactly one of `rect` or `polygon`", z.id),
            ),
        }
    }
    let posts = unique_ids(
        &mut r,
        "posts",
        e.posts.iter().map(|p| p.id.as_str()),
        "post",
    );
    for (i, p) in e.posts.iter().enumerate() {
        reference(
            &mut r,
            &format!("posts[{i}].zone"),
            &p.zone,
            &zones,
            "zone",
            &format!("post `{}`", p.id),
        );
    }
    unique_ids(
        &mut r,
        "teams",
        e.teams.iter().map(|t| t.id.as_str()),
        "team",
    );
    let mut member_teams: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, t) in e.teams.iter().enumerate() {
        let at = format!("teams[{i}]");
        reference(
            &mut r,
            &format!("{at}.zone"),
            &t.zone,
            &zones,
            "zone",
            &format!("team `{}`", t.id),
        );
        if !t.members.iter().any(|m| m.name == t.leader) {
            r.error(
                "dangling-reference",
                &format!("{at}.leader"),
                format!(
                    "team `{}` leader `{}` is not one of its members",
                    t.id, t.leader
                ),
            );
        }
        for (j, m) in t.members.iter().enumerate() {
            reference(
                &mut r,
                &format!("{at}.members[{j}].post"),
                &m.post,
                &posts,
                "post",
                &format!("member `{}`", m.name),
            );
            if let Some(other) = member_teams.insert(m.name.as_str(), t.id.as_str()) {
                r.error(
                    "invalid-value",
                    &format!("{at}.members[{j}].name"),
                    format!("`{}` is already a member of team `{other}`: names must be unique, since pairs name people", m.name),
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
                        "pair-cross-team",
                        &path,
                        format!("`{name}` is paired in team `{}` but is a member of team `{other}` (互联互保 3.2: partners work in the same team)", t.id),
                    ),
                    None => r.error(
                        "dangling-reference",
                        &path,
                        format!("pair member `{name}` of team `{}` is not a member of any team", t.id),
                    ),
                }
            }
        }
    }

    unique_ids(
        &mut r,
        "risk_points",
        e.risk_points.iter().map(|p| p.id.as_str()),
        "risk point",
    );
    for (i, p) in e.risk_points.iter().enumerate() {
        let at = format!("risk_points[{i}]");
        let owner = format!("risk point `{}`", p.id);
        reference(
            &mut r,
            &format!("{at}.zone"),
            &p.zone,
            &zones,
            "zone",
            &owner,
        );
        for (j, post) in p.posts.iter().enumerate() {
            reference(
                &mut r,
                &format!("{at}.posts[{j}]"),
                post,
                &posts,
                "post",
                &owner,
            );
        }
        assessment(&mut r, &format!("{at}.assessment"), &p.assessment);
    }
    for (i, q) in e.equipment.iter().enumerate() {
        let at = format!("equipment[{i}]");
        reference(
            &mut r,
            &format!("{at}.zone"),
            &q.zone,
            &zones,
            "zone",
            &format!("equipment `{}`", q.name),
        );
        if q.special {
            for (key, missing) in [
                ("reg_no", q.reg_no.is_none()),
                ("inspected_on", q.inspected_on.is_none()),
                ("next_inspection", q.next_inspection.is_none()),
            ] {
                if missing {
                    r.error(
                        "invalid-value",
                        &at,
                        format!(
                            "special equipment `{}` needs `{key}` (使用登记 and 定期检验)",
                            q.name
                        ),
                    );
                }
            }
        }
        if let (Some(a), Some(b)) = (q.inspected_on, q.next_inspection)
            && b <= a
        {
            r.error(
                "invalid-value",
                &format!("{at}.next_inspection"),
                format!("next inspection {b} is not after the last one {a}"),
            );
        }
    }
    for (i, c) in e.chemicals.iter().enumerate() {
        reference(
            &mut r,
            &format!("chemicals[{i}].zone"),
            &c.zone,
            &zones,
            "zone",
            &format!("chemical `{}`", c.name),
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
                    "post",
                    &format!("PPE `{}`", p.item),
                );
            }
        }
        if p.cycle_months == 0 {
            r.error(
                "invalid-value",
                &format!("ppe[{i}].cycle_months"),
                "a replacement cycle is at least 1 month".to_string(),
            );
        }
    }
    for (i, h) in e.occupational_hazards.iter().enumerate() {
        let owner = format!("hazard `{}`", h.factor);
        reference(
            &mut r,
            &format!("occupational_hazards[{i}].zone"),
            &h.zone,
            &zones,
            "zone",
            &owner,
        );
        for (j, post) in h.posts.iter().enumerate() {
            reference(
                &mut r,
                &format!("occupational_hazards[{i}].posts[{j}]"),
                post,
                &posts,
                "post",
                &owner,
            );
        }
    }
    for (i, s) in e.emergency_supplies.iter().enumerate() {
        reference(
            &mut r,
            &format!("emergency_supplies[{i}].zone"),
            &s.zone,
            &zones,
            "zone",
            &format!("supply `{}`", s.name),
        );
        if s.check_cycle_days == 0 {
            r.error(
                "invalid-value",
                &format!("emergency_supplies[{i}].check_cycle_days"),
                "a check cycle is at least 1 day".to_string(),
            );
        }
    }
    let service = &e.service;
    if service.end < service.start {
        r.error(
            "invalid-value",
            "service.end",
            format!(
                "the service ends ({}) before it starts ({})",
                service.end, service.start
            ),
        );
    }
    if service.counselors.is_empty() {
        r.error(
            "invalid-value",
            "service.counselors",
            "name at least one counselor serving this enterprise".to_string(),
        );
    }
    for (i, c) in service.counselors.iter().enumerate() {
        reference(
            &mut r,
            &format!("service.counselors[{i}]"),
            c,
            counselor_ids,
            "counselor in anquan.yaml",
            "the service",
        );
    }
    for (i, f) in service.findings.iter().enumerate() {
        let at = format!("service.findings[{i}]");
        reference(
            &mut r,
            &format!("{at}.zone"),
            &f.zone,
            &zones,
            "zone",
            "finding",
        );
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
            "invalid-value",
            at,
            format!("{method} needs the factor `{key}`"),
        ),
        Some(v) if !allowed.contains(&v) => r.error(
            "invalid-value",
            &format!("{at}.{key}"),
            format!(
                "{method} {key} = {v} is not in the table; allowed: {}",
                list(allowed)
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
                    "invalid-value",
                    &format!("{at}.S"),
                    "S belongs to the LS method; LEC uses L, E and C".to_string(),
                );
            }
        }
        Method::Ls => {
            factor(r, "L", Some(a.l), &LS_FACTOR, "LS");
            factor(r, "S", a.s, &LS_FACTOR, "LS");
            if a.e.is_some() || a.c.is_some() {
                r.error(
                    "invalid-value",
                    at,
                    "E and C belong to the LEC method; LS uses L and S".to_string(),
                );
            }
        }
    }
}
