//! 安全生产管理制度和岗位安全操作规程发布令: issues the systems and the procedures as built
//! (their numbers, titles, versions and effective date) under the principal's name; a
//! system left out keeps its number and the order says why. Text: `content/forms/release-order.md`.

use serde_json::json;

use super::{Body, FormsContext};
use crate::documents::model::{Document, Kind};
use crate::documents::systems::{SYSTEMS, document_number};
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
    let procedures: Vec<_> = systems
        .iter()
        .filter(|d| d.kind == Kind::Procedure)
        .filter_map(|d| {
            let c = d.control.as_ref()?;
            Some(json!({"title": d.title, "number": c.number, "version": c.version}))
        })
        .collect();
    // A system the enterprise does not need keeps its number; the order says why it is absent.
    let absent: Vec<_> = SYSTEMS
        .iter()
        .filter(|spec| spec.only_with_chemicals && cx.issued.chemicals.is_empty())
        .map(|spec| json!({"number": document_number(cx.control, cx.enterprise_id, spec.number), "title": spec.title}))
        .collect();
    let order = json!({
        "number": number,
        "count": built.len(),
        "procedures": procedures,
        "absent": absent,
        "effective": effective.chinese(),
        "issued": cx.issued.issued_on().chinese(),
    });
    let blocks = body.render("release-order", &[("order", order)])?;
    Ok(cx.document(
        Kind::ReleaseOrder,
        "安全生产管理制度和岗位安全操作规程发布令".into(),
        "release-order".into(),
        blocks,
    ))
}
