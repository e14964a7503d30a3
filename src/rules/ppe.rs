//! `ppe-unissued` (warning): a risk point's `controls.ppe` requires an item of a post
//! that no `ppe` rule issues to it, or an occupational hazard calls for an item (护耳器
//! against 噪声) that no `ppe` rule issues to a post exposed to it. The procedures then
//! say the item is still to be issued and the cards, boards and ledgers leave it out
//! (`facts::ppe`); the consultant either adds the item to the 配备标准 or corrects the
//! control.

use crate::diag::{Reporter, Rule};
use crate::facts::ppe::{post_ppe, unprotected_posts};
use crate::msg;
use crate::site::model::EnterpriseFile;

pub fn check(e: &EnterpriseFile, r: &mut Reporter) {
    for (i, point) in e.risk_points.iter().enumerate() {
        for (j, item) in point.controls.ppe.iter().enumerate() {
            let without: Vec<String> = point
                .posts
                .iter()
                .filter(|post| post_ppe(e, post).unissued.iter().any(|u| &u.item == item))
                .map(|post| e.post_name(post))
                .collect();
            if without.is_empty() {
                continue;
            }
            r.warning(
                Rule::PpeUnissued,
                &format!("risk_points[{i}].controls.ppe[{j}]"),
                msg!(
                    "ppe-unissued",
                    point = &point.id,
                    name = &point.name,
                    item = item,
                    posts = without.join("、")
                ),
            );
        }
    }
}

pub fn check_hazards(e: &EnterpriseFile, r: &mut Reporter) {
    for (i, hazard) in e.occupational_hazards.iter().enumerate() {
        let Some((item, posts)) = unprotected_posts(e, hazard) else {
            continue;
        };
        let names: Vec<String> = posts.iter().map(|p| e.post_name(p)).collect();
        r.warning(
            Rule::PpeUnissued,
            &format!("occupational_hazards[{i}].posts"),
            msg!(
                "ppe-unissued-hazard",
                factor = &hazard.factor,
                item = item,
                posts = names.join("、")
            ),
        );
    }
}
