//! The 预案's inputs in `enterprise`: outside contacts and the assembly point.

use crate::diag::Reporter;
use crate::site::model::Enterprise;
use crate::site::values::{is_emergency_number, is_phone};

pub(super) fn validate_emergency(r: &mut Reporter, e: &Enterprise) {
    for (i, c) in e.emergency_contacts.iter().enumerate() {
        let at = format!("enterprise.emergency_contacts[{i}]");
        super::non_empty(r, &format!("{at}.name"), &c.name, "contact's name");
        if !is_phone(&c.phone) && !is_emergency_number(&c.phone) {
            r.error(
                "invalid-value",
                &format!("{at}.phone"),
                format!("`{}` is not a phone number: a mobile (1[3-9] + 9 digits), a landline such as 0579-82345678, or 110, 119, 120, 122", c.phone),
            );
        }
        if let Some(role) = &c.role {
            super::non_empty(r, &format!("{at}.role"), role, "contact's role");
        }
    }
    if let Some(place) = &e.assembly_point {
        super::non_empty(r, "enterprise.assembly_point", place, "assembly point");
    }
}
