//! The 预案's inputs in `enterprise`: outside contacts and the assembly point.

use crate::diag::{Reporter, Rule};
use crate::msg;
use crate::site::model::Enterprise;
use crate::site::values::{is_emergency_number, is_phone};

pub(super) fn validate_emergency(r: &mut Reporter, e: &Enterprise) {
    for (i, c) in e.emergency_contacts.iter().enumerate() {
        let at = format!("enterprise.emergency_contacts[{i}]");
        super::non_empty(r, &format!("{at}.name"), &c.name, "word-contact-name");
        if !is_phone(&c.phone) && !is_emergency_number(&c.phone) {
            r.error(
                Rule::InvalidValue,
                &format!("{at}.phone"),
                msg!("contact-phone-invalid", phone = &c.phone),
            );
        }
        if let Some(role) = &c.role {
            super::non_empty(r, &format!("{at}.role"), role, "word-contact-role");
        }
    }
    if let Some(place) = &e.assembly_point {
        super::non_empty(r, "enterprise.assembly_point", place, "word-assembly-point");
    }
}
