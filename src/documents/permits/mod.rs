//! 危险作业票 (GB 30871-2022 forms), one blank form per kind of hazardous work the
//! enterprise has (`facts::work`), with the places where it happens listed; and the
//! 职业病危害告知卡 (GBZ 158), one per occupational hazard (`notices`). The forms' texts
//! are `content/permits/SLUG.md`; the signature lines are added here.

mod limits;
mod notices;

use serde_json::{Value, json};
use tera::Context;

use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout};
use crate::documents::sheet::Print;
use crate::facts::work::{HazardousWork, hazardous_work};
use crate::render::engine::{Engines, TemplateError};
use crate::site::model::EnterpriseFile;

pub use limits::exposure_limit;

/// What the permits and notices of one enterprise are built from.
pub struct PermitContext<'a> {
    pub enterprise_id: &'a str,
    /// The enterprise as known on `enterprise.issued_on` (spec §6).
    pub enterprise: &'a EnterpriseFile,
    pub print: Print<'a>,
    /// `documents::context::enterprise_context` of the same enterprise.
    pub base: &'a Value,
}

/// Who signs a permit, in the order of the work: each signs and writes the time.
const SIGNERS: [&str; 6] = [
    "作业申请人",
    "作业负责人",
    "监护人",
    "所在单位负责人",
    "审批人",
    "验收人",
];

/// The work permits, then the hazard notices.
pub fn permits_and_notices(
    engines: &Engines,
    cx: &PermitContext,
) -> Result<Vec<Document>, TemplateError> {
    let mut context = Context::from_serialize(cx.base).map_err(|err| TemplateError::Render {
        name: "context".to_string(),
        message: err.to_string(),
    })?;
    let mut docs = Vec::new();
    for work in hazardous_work(cx.enterprise) {
        docs.push(permit(engines, &mut context, cx, &work)?);
    }
    docs.extend(notices::notices(engines, &context, cx)?);
    Ok(docs)
}

fn permit(
    engines: &Engines,
    context: &mut Context,
    cx: &PermitContext,
    work: &HazardousWork,
) -> Result<Document, TemplateError> {
    let e = cx.enterprise;
    let title = format!("{}安全作业票", work.kind.name());
    let places: Vec<Value> = work
        .places
        .iter()
        .map(|p| json!({"zone": e.zone_name(&p.zone), "what": p.what}))
        .collect();
    context.insert("doc", &json!({"title": title}));
    context.insert(
        "permit",
        &json!({"kind": work.kind.name(), "places": places}),
    );
    let body = engines.render_content(&format!("permits/{}.md", work.kind.slug()), context)?;
    let mut blocks = to_blocks(&body);
    blocks.extend(SIGNERS.iter().map(|signer| Block::Signatures {
        labels: vec![format!("{signer}（签字）"), "时间".to_string()],
    }));
    Ok(Document::of_enterprise(
        Kind::WorkPermit,
        title,
        cx.enterprise_id,
        format!("work-permit-{}", work.kind.slug()),
        Layout::Portrait,
        blocks,
    ))
}
