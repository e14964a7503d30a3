//! A risk point's `accidents`: the accident types of GB 6441-1986, nothing else, so that
//! the boards and the register name them as the standard does.

use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::values::ACCIDENT_TYPES;

pub(super) fn validate_accident_types(r: &mut Reporter, at: &str, accidents: &[String]) {
    for (i, accident) in accidents.iter().enumerate() {
        if !ACCIDENT_TYPES.contains(&accident.as_str()) {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.accidents[{i}]"),
                msg!(
                    "accident-type-unknown",
                    accident = accident,
                    allowed = ACCIDENT_TYPES.join("、")
                ),
            );
        }
    }
}
