//! Bounds on every number and period that sizes work: a value past one is a located
//! `invalid-value` found by `check` in milliseconds, not minutes of scheduling, a
//! gigabyte of memory or a typst abort late in `build`.

use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::model::{Config, EnterpriseFile};

/// A contract runs at most this many years: every date rule and the service calendar
/// walk its days; 托管 contracts are signed for one to three years.
pub const MAX_CONTRACT_YEARS: u32 = 10;

/// A site plan is at most this many units across (metres: 10 km is a large park).
const MAX_PLAN_SIZE: f64 = 10_000.0;

/// Fees and amounts in 元: ten billion is past any real contract or investment.
const MAX_AMOUNT: f64 = 1e10;

/// A month has at most 31 visits; a year at most 366 trainings or drills.
const MAX_PER_MONTH: u32 = 31;
const MAX_PER_YEAR: u32 = 366;

pub(super) fn config_bounds(r: &mut Reporter, config: &Config) {
    let theme = &config.build.theme;
    let plain = !theme.is_empty()
        && !theme.starts_with('.')
        && theme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if !plain {
        r.error(
            Rule::InvalidValue,
            "build.theme",
            msg!("theme-not-a-name", theme = theme),
        );
    }
    let Some(risk) = &config.risk else { return };
    for (key, bounds) in [("lec", risk.lec), ("ls", risk.ls)] {
        let Some(b) = bounds else { continue };
        for (level, value) in [("重大", b.重大), ("较大", b.较大), ("一般", b.一般)] {
            amount(r, &format!("risk.{key}.{level}"), value, f64::MAX);
        }
    }
}

pub(super) fn enterprise_bounds(r: &mut Reporter, e: &EnterpriseFile) {
    let plan = &e.enterprise.site;
    amount(r, "enterprise.site.width", plan.width, MAX_PLAN_SIZE);
    amount(r, "enterprise.site.height", plan.height, MAX_PLAN_SIZE);
    for (i, zone) in e.zones.iter().enumerate() {
        let at = format!("zones[{i}]");
        let mut points: Vec<(String, f64, f64)> = Vec::new();
        if let Some([x, y, w, h]) = zone.rect {
            points.push((format!("{at}.rect"), x, y));
            points.push((format!("{at}.rect"), x + w, y + h));
        }
        for (j, [x, y]) in zone.polygon.iter().flatten().enumerate() {
            points.push((format!("{at}.polygon[{j}]"), *x, *y));
        }
        let outside = points.iter().find(|(_, x, y)| {
            !(x.is_finite() && y.is_finite())
                || *x < 0.0
                || *y < 0.0
                || *x > plan.width
                || *y > plan.height
        });
        if let Some((path, x, y)) = outside {
            r.error(
                Rule::InvalidValue,
                path,
                msg!(
                    "zone-outside-plan",
                    zone = &zone.id,
                    x = x.to_string(),
                    y = y.to_string(),
                    width = plan.width.to_string(),
                    height = plan.height.to_string(),
                    unit = &plan.unit
                ),
            );
        }
    }
    let service = &e.service;
    amount(r, "service.fee", service.fee, MAX_AMOUNT);
    let limit = service
        .start
        .0
        .checked_add_months(chrono::Months::new(12 * MAX_CONTRACT_YEARS));
    if limit.is_some_and(|limit| service.end.0 > limit) {
        r.error(
            Rule::InvalidValue,
            "service.end",
            msg!(
                "contract-too-long",
                start = service.start.to_string(),
                end = service.end.to_string(),
                years = MAX_CONTRACT_YEARS
            ),
        );
    }
    let f = &service.frequency;
    let at = "service.frequency";
    count(
        r,
        &format!("{at}.site_visits_per_month"),
        f.site_visits_per_month,
        MAX_PER_MONTH,
    );
    count(
        r,
        &format!("{at}.inspections_per_month"),
        f.inspections_per_month,
        MAX_PER_MONTH,
    );
    count(
        r,
        &format!("{at}.trainings_per_year"),
        f.trainings_per_year,
        MAX_PER_YEAR,
    );
    count(
        r,
        &format!("{at}.drills_per_year"),
        f.drills_per_year,
        MAX_PER_YEAR,
    );
    for (i, t) in e.records.trainings.iter().enumerate() {
        amount(r, &format!("records.trainings[{i}].hours"), t.hours, 1000.0);
    }
    for (i, inv) in e.records.investments.iter().enumerate() {
        amount(
            r,
            &format!("records.investments[{i}].amount"),
            inv.amount,
            MAX_AMOUNT,
        );
    }
}

/// A finite number from 0 to `max`.
fn amount(r: &mut Reporter, path: &str, value: f64, max: f64) {
    if !(value.is_finite() && (0.0..=max).contains(&value)) {
        let value = value.to_string();
        let message = if max == f64::MAX {
            msg!("number-not-finite", value = value)
        } else {
            msg!("number-out-of-range", value = value, max = max.to_string())
        };
        r.error(Rule::InvalidValue, path, message);
    }
}

fn count(r: &mut Reporter, path: &str, value: u32, max: u32) {
    if value > max {
        r.error(
            Rule::InvalidValue,
            path,
            msg!("count-too-large", value = value, max = max),
        );
    }
}
