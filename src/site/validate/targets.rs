//! `enterprise.targets`: the yearly targets the 安全生产目标责任书 and the 安全生产责任制度
//! print must be rates a document can state.

use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::model::SafetyTargets;

pub(super) fn validate_targets(r: &mut Reporter, t: &SafetyTargets) {
    if let Some(rate) = t.injury_rate_permille
        && !(rate.is_finite() && (0.0..=1000.0).contains(&rate))
    {
        r.error(
            Rule::InvalidValue,
            "enterprise.targets.injury_rate_permille",
            msg!("target-permille-invalid", rate = rate.to_string()),
        );
    }
    if let Some(rate) = t.rectification_rate_percent
        && !(rate.is_finite() && rate > 0.0 && rate <= 100.0)
    {
        r.error(
            Rule::InvalidValue,
            "enterprise.targets.rectification_rate_percent",
            msg!("target-percent-invalid", rate = rate.to_string()),
        );
    }
}
