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
use crate::facts::work::{HazardousWork, WorkKind, hazardous_work};
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

/// Who signs a permit, in the order of the work (GB 30871-2022 附录): each signs and writes
/// the time. The approver's line is `approval`'s; 动火 adds the shift leader's check.
const BEFORE_APPROVAL: [&str; 6] = [
    "作业申请人",
    "作业负责人",
    "监护人",
    "安全交底人",
    "接受交底人",
    "所在单位负责人",
];

/// Who approves each kind (and 动火 level), as the 危险作业安全管理制度 names them:
/// (level, approver) pairs, and how the signature line names the approver.
fn approval(kind: WorkKind, e: &EnterpriseFile) -> (Vec<(String, String)>, String) {
    let principal = e.enterprise.principal.name.clone();
    let production = e.production_head();
    match kind {
        WorkKind::HotWork => (
            vec![
                ("特级动火".into(), format!("主要负责人{principal}")),
                (
                    "一级动火".into(),
                    format!("安全管理人员{}", e.enterprise.safety_officer.name),
                ),
                ("二级动火".into(), format!("生产负责人{production}")),
            ],
            "动火审批人".into(),
        ),
        WorkKind::ConfinedSpace => (
            vec![(
                "有限空间作业".into(),
                format!("主要负责人{principal}或者其书面委托人"),
            )],
            "审批人（主要负责人或其书面委托人）".into(),
        ),
        WorkKind::TemporaryPower => (
            vec![("临时用电".into(), "设备管理部门负责人".into())],
            "审批人".into(),
        ),
        WorkKind::Height | WorkKind::Lifting => (
            vec![(
                kind.name().to_string() + "作业",
                format!("生产负责人{production}"),
            )],
            "审批人".into(),
        ),
    }
}

/// The signature lines of a permit, in the order of the work.
fn signers(kind: WorkKind, approver: String) -> Vec<String> {
    let mut out: Vec<String> = BEFORE_APPROVAL.iter().map(|s| s.to_string()).collect();
    out.push(approver);
    if kind == WorkKind::HotWork {
        out.push("动火前岗位当班班长验票".into());
    }
    out.push("完工验收人".into());
    out
}

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
    let title = work.kind.title();
    let places: Vec<Value> = work
        .places
        .iter()
        .map(|p| json!({"zone": e.zone_name(&p.zone), "what": p.what, "note": p.note}))
        .collect();
    let (approvers, approver) = approval(work.kind, e);
    let approvers: Vec<Value> = approvers
        .iter()
        .map(|(level, who)| json!({"level": level, "who": who}))
        .collect();
    context.insert("doc", &json!({"title": title}));
    context.insert(
        "permit",
        &json!({"kind": work.kind.name(), "title": title, "places": places,
                "conditions": work.conditions, "approvers": approvers}),
    );
    let body = engines.render_content(&format!("permits/{}.md", work.kind.slug()), context)?;
    let mut blocks = to_blocks(&body);
    // The last heading (审批与验收) and what follows it stay on one page with the signatures.
    let tail = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
        .unwrap_or(blocks.len());
    let mut kept = blocks.split_off(tail);
    // Two signers a line, each with the time, so that the block stays short.
    let signers = signers(work.kind, approver);
    kept.extend(signers.chunks(2).map(|pair| {
        Block::Signatures {
            labels: pair
                .iter()
                .flat_map(|signer| [format!("{signer}（签字）"), "时间".to_string()])
                .collect(),
        }
    }));
    blocks.push(Block::Keep { blocks: kept });
    Ok(Document::of_enterprise(
        Kind::WorkPermit,
        title,
        cx.enterprise_id,
        format!("work-permit-{}", work.kind.slug()),
        Layout::Portrait,
        blocks,
    ))
}
