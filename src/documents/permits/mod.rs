//! 危险作业票 (GB 30871-2022 forms), one blank form per kind of hazardous work the
//! enterprise has (`facts::work`), with the places where it happens listed; and the
//! 职业病危害告知卡 (GBZ 158), one per occupational hazard (`notices`). The forms' texts
//! are `content/permits/SLUG.md`, rendered as the form (`part` "form") and the notes after
//! it ("notes"); the signature lines are added here.

mod limits;
mod notices;

use serde_json::{Value, json};
use tera::Context;

use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Kind, Layout};
use crate::documents::sheet::Print;
use crate::facts::departments::equipment_approver;
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
            vec![("临时用电".into(), equipment_approver(e))],
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

/// Longest signer name that shares a line with another.
const SHORT_SIGNER: usize = 8;

/// Two signers a line, each with the time, so that the block stays short; a long name
/// (审批人（主要负责人或其书面委托人）) has a line of its own, so that its line to sign
/// on is not squeezed.
fn signature_rows(signers: &[String]) -> Vec<Vec<&String>> {
    let short = |s: &String| s.chars().count() <= SHORT_SIGNER;
    let mut rows: Vec<Vec<&String>> = Vec::new();
    for signer in signers {
        match rows.last_mut() {
            Some(row) if row.len() == 1 && short(row[0]) && short(signer) => row.push(signer),
            _ => rows.push(vec![signer]),
        }
    }
    rows
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
    let file = format!("permits/{}.md", work.kind.slug());
    context.insert("part", "form");
    let mut blocks = to_blocks(&engines.render_content(&file, context)?);
    // The last heading (审批与验收) and what follows it stay on one page with the signatures.
    let tail = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading { .. }))
        .unwrap_or(blocks.len());
    let mut kept = blocks.split_off(tail);
    kept.extend(
        signature_rows(&signers(work.kind, approver))
            .into_iter()
            .map(|row| Block::Signatures {
                labels: row
                    .iter()
                    .flat_map(|signer| [format!("{signer}（签字）"), "时间".to_string()])
                    .collect(),
            }),
    );
    blocks.push(Block::Keep { blocks: kept });
    // The basis and the places after the form, so that the form itself stays one sheet.
    context.insert("part", "notes");
    blocks.extend(to_blocks(&engines.render_content(&file, context)?));
    Ok(Document::of_enterprise(
        Kind::WorkPermit,
        title,
        cx.enterprise_id,
        format!("work-permit-{}", work.kind.slug()),
        Layout::Portrait,
        blocks,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_signer_names_sign_on_a_line_of_their_own() {
        let names = [
            "作业申请人",
            "作业负责人",
            "监护人",
            "动火前岗位当班班长验票",
            "完工验收人",
        ];
        let signers: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let rows: Vec<usize> = signature_rows(&signers).iter().map(Vec::len).collect();
        assert_eq!(rows, [2, 1, 1, 1]);
    }
}
