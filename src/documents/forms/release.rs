//! 安全生产管理制度发布令: issues the systems as built (their numbers, titles, versions and
//! effective date) under the principal's name. Text: `content/forms/release-order.md`.

use serde_json::json;

use super::{Body, FormsContext};
use crate::documents::model::{Document, Kind};
use crate::render::engine::TemplateError;

pub(super) fn release_order(
    body: &Body,
    cx: &FormsContext,
    systems: &[Document],
) -> Result<Document, TemplateError> {
    let built: Vec<&Document> = systems.iter().filter(|d| d.kind == Kind::System).collect();
    // The systems take effect together; their control blocks say when.
    let effective = built
        .iter()
        .find_map(|d| d.control.as_ref().map(|c| c.effective_on))
        .unwrap_or_else(|| cx.issued.issued_on());
    let number = cx.control("FB").number;
    let order = json!({
        "number": number,
        "count": built.len(),
        "effective": effective.chinese(),
        "issued": cx.issued.issued_on().chinese(),
    });
    let blocks = body.render("release-order", &[("order", order)])?;
    Ok(cx.document(
        Kind::ReleaseOrder,
        "安全生产管理制度发布令".into(),
        "release-order".into(),
        blocks,
    ))
}
