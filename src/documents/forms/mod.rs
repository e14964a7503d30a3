//! The enterprise's forms and agreements of spec §9 that go with the systems: the
//! 安全生产管理制度发布令, a 安全生产目标责任书 per department and team, the
//! 年度安全生产教育培训计划, a 培训签到表 per training, the 三级安全教育卡 and the
//! 相关方安全管理协议. Their texts are `content/forms/*.md`; here only the data, read
//! from the built systems (numbers, titles, duties) so that they never disagree.

mod letters;
mod release;
mod sign_in;
mod training;

use serde_json::{Value, json};
use tera::Context;

use crate::documents::blocks::{keep_sections, keep_short_tables, push_closing, text};
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Control, Document, Kind, Layout, plain_text};
use crate::documents::systems::SYSTEMS;
use crate::facts::calendar::WorkCalendar;
use crate::facts::work::hazardous_work;
use crate::facts::{EnterpriseFacts, Site};
use crate::render::engine::{Engines, TemplateError};
use crate::site::date::Date;
use crate::site::load::LoadedEnterprise;
use crate::site::model::{Counselor, DocumentControl, EnterpriseFile};

pub use letters::targets_context;

/// What the forms of one enterprise are built from.
pub struct FormsContext<'a> {
    pub enterprise_id: &'a str,
    /// Everything recorded: a sign-in sheet of a recorded training reads its record.
    pub enterprise: &'a EnterpriseFile,
    /// As known on `enterprise.issued_on`, the date of the plan, letters and agreement.
    pub issued: &'a EnterpriseFile,
    pub facts: &'a EnterpriseFacts,
    /// `documents::context::enterprise_context` of `issued`.
    pub base: &'a Value,
    pub control: &'a DocumentControl,
    pub counselors: &'a [Counselor],
    pub calendar: &'a WorkCalendar,
    /// The build date: trainings after it are planned, not held.
    pub date: Date,
}

impl<'a> FormsContext<'a> {
    pub fn new(
        site: &'a Site,
        loaded: &'a LoadedEnterprise,
        facts: &'a EnterpriseFacts,
        issued: &'a EnterpriseFile,
        base: &'a Value,
    ) -> FormsContext<'a> {
        FormsContext {
            enterprise_id: &loaded.id,
            enterprise: &loaded.data,
            issued,
            facts,
            base,
            control: &site.loaded.config.document_control,
            counselors: &site.loaded.config.counselors,
            calendar: &site.calendar,
            date: site.date,
        }
    }

    /// A portrait document of this enterprise.
    fn document(&self, kind: Kind, title: String, slug: String, blocks: Vec<Block>) -> Document {
        Document::of_enterprise(
            kind,
            title,
            self.enterprise_id,
            slug,
            Layout::Portrait,
            blocks,
        )
    }

    /// The control block of a controlled form: numbered `PREFIX-ENTERPRISE-CODE` (letters,
    /// so never one of the systems' 01–16), prepared, reviewed and approved as the systems are.
    fn control(&self, code: &str) -> Control {
        let issued = self.issued.issued_on();
        Control {
            number: format!(
                "{}-{}-{code}",
                self.control.number_prefix,
                self.enterprise_id.to_ascii_uppercase()
            ),
            version: self.control.version.clone(),
            prepared_by: self.issued.enterprise.safety_officer.name.clone(),
            reviewed_by: self.issued.production_head(),
            approved_by: self.issued.enterprise.principal.name.clone(),
            issued_on: issued,
            effective_on: issued,
        }
    }
}

/// Every form, in pack order. `systems` are the enterprise's built systems.
pub fn form_documents(
    engines: &Engines,
    cx: &FormsContext,
    systems: &[Document],
) -> Result<Vec<Document>, TemplateError> {
    let body = Body::new(engines, cx, systems)?;
    let mut docs = vec![release::release_order(&body, cx, systems)?];
    docs.extend(letters::responsibility_letters(&body, cx, systems)?);
    docs.push(training::training_plan(&body, cx)?);
    docs.extend(sign_in::sign_in_sheets(&body, cx)?);
    let mut card = vec![trainee_panel()];
    // One person's card: each level is filled in and signed as one, on one page.
    card.extend(keep_sections(body.render("induction-card", &[])?));
    docs.push(cx.document(
        Kind::InductionCard,
        "三级安全教育卡".into(),
        "induction-card".into(),
        card,
    ));
    docs.push(cx.document(
        Kind::ContractorAgreement,
        "相关方安全管理协议".into(),
        "contractor-agreement".into(),
        body.render("contractor-agreement", &[])?,
    ));
    Ok(docs)
}

/// The trainee's particulars on the 三级安全教育卡, to fill in by hand.
fn trainee_panel() -> Block {
    let blank = |label: &str| (label.to_string(), Vec::new());
    Block::Panel {
        rows: vec![
            blank("姓名"),
            blank("性别"),
            blank("出生年月"),
            blank("身份证号码"),
            blank("文化程度"),
            (
                "用工形式".to_string(),
                text("□合同制　□被派遣　□实习　□其他"),
            ),
            blank("入职日期"),
            blank("车间（区域）"),
            blank("班组及岗位"),
        ],
    }
}

/// Renders `content/forms/NAME.md` over the enterprise's context, with the built systems
/// (`systems`: title, number, version; `system_no`: number by the system's name, e.g.
/// `system_no.training`) and `safety_signer` (who signs for safety).
struct Body<'a> {
    engines: &'a Engines,
    context: Context,
}

impl<'a> Body<'a> {
    fn new(
        engines: &'a Engines,
        cx: &FormsContext,
        systems: &[Document],
    ) -> Result<Body<'a>, TemplateError> {
        let mut context = Context::from_serialize(cx.base).map_err(|e| TemplateError::Render {
            name: "context".to_string(),
            message: e.to_string(),
        })?;
        let built: Vec<Value> = systems
            .iter()
            .filter(|d| d.kind == Kind::System)
            .filter_map(|d| {
                let c = d.control.as_ref()?;
                Some(
                    json!({"title": d.title, "number": c.number, "version": c.version,
                            "effective": c.effective_on.chinese()}),
                )
            })
            .collect();
        let numbers: serde_json::Map<String, Value> = SYSTEMS
            .iter()
            .filter_map(|spec| {
                let slug = format!("system-{:02}-{}", spec.number, spec.slug);
                let doc = systems.iter().find(|d| d.slug == slug)?;
                let number = doc.control.as_ref()?.number.clone();
                Some((spec.slug.replace('-', "_"), Value::String(number)))
            })
            .collect();
        // Who signs for safety on a form: the safety department's head, else the safety officer.
        let safety_signer = cx
            .issued
            .departments
            .iter()
            .find(|d| d.name.contains("安全"))
            .map_or_else(
                || "安全生产管理人员".to_string(),
                |d| format!("{}负责人", d.name),
            );
        context.insert("safety_signer", &safety_signer);
        // The permits the pack has: the agreement names these and no other kind.
        let permits: Vec<Value> = hazardous_work(cx.issued)
            .iter()
            .map(|w| json!({"name": w.kind.name(), "slug": w.kind.slug()}))
            .collect();
        context.insert("permits", &permits);
        context.insert("systems", &built);
        context.insert("system_no", &numbers);
        Ok(Body { engines, context })
    }

    fn render(&self, name: &str, data: &[(&str, Value)]) -> Result<Vec<Block>, TemplateError> {
        let mut context = self.context.clone();
        for (key, value) in data {
            context.insert(key.to_string(), value);
        }
        let markdown = self
            .engines
            .render_content(&format!("forms/{name}.md"), &context)?;
        Ok(signature_lines(keep_short_tables(to_blocks(&markdown))))
    }
}

/// What starts a paragraph of signature lines in a form's Markdown:
/// `签字栏：甲方（签字）｜日期` gives a line to sign for each label.
const SIGNATURE_MARK: &str = "签字栏：";

/// Turns the `签字栏：` paragraphs of a rendered body into signature blocks, kept on one
/// page together and with the block before them, so that no signature line starts a page
/// alone.
fn signature_lines(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let Some(labels) = signature_labels(&block) else {
            out.push(block);
            continue;
        };
        let signatures = Block::Signatures { labels };
        match out.last_mut() {
            Some(Block::Keep { blocks })
                if matches!(blocks.last(), Some(Block::Signatures { .. })) =>
            {
                blocks.push(signatures)
            }
            Some(last @ Block::Signatures { .. }) => {
                let first = std::mem::replace(last, Block::Rule);
                *last = Block::Keep {
                    blocks: vec![first, signatures],
                };
            }
            _ => push_closing(&mut out, signatures),
        }
    }
    out
}

/// The labels of a `签字栏：` paragraph.
fn signature_labels(block: &Block) -> Option<Vec<String>> {
    let Block::Paragraph { content } = block else {
        return None;
    };
    plain_text(content)
        .strip_prefix(SIGNATURE_MARK)
        .map(|rest| {
            rest.split('｜')
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        })
}

/// The role a person has at the enterprise, for a form that lists them: their post, else
/// the department they head, else the principal's title; empty when none is known.
fn role_of(e: &EnterpriseFile, name: &str) -> String {
    let post = e.member_post(name);
    if !post.is_empty() {
        return post;
    }
    if let Some(d) = e.departments.iter().find(|d| d.head == name) {
        return format!("{}负责人", d.name);
    }
    if e.enterprise.principal.name == name {
        return e.enterprise.principal.title.clone();
    }
    if e.enterprise.safety_officer.name == name {
        return "安全生产管理人员".to_string();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::Inline;

    #[test]
    fn a_signature_paragraph_becomes_lines_to_sign() {
        let blocks = signature_lines(to_blocks(
            "正文。\n\n签字栏：甲方（签字）｜ 日期 ｜\n\n签字栏不在段首。\n",
        ));
        let text = |t: &str| Block::Paragraph {
            content: vec![Inline::text(t)],
        };
        // The line to sign stays on a page with the paragraph before it.
        assert_eq!(
            blocks,
            [
                Block::Keep {
                    blocks: vec![
                        text("正文。"),
                        Block::Signatures {
                            labels: vec!["甲方（签字）".into(), "日期".into()]
                        }
                    ]
                },
                text("签字栏不在段首。"),
            ]
        );
    }

    #[test]
    fn consecutive_signature_lines_are_kept_together() {
        let blocks = signature_lines(to_blocks(
            "本责任书自签字之日起生效。\n\n签字栏：甲方｜日期\n\n签字栏：乙方｜日期\n",
        ));
        let [Block::Keep { blocks: kept }] = blocks.as_slice() else {
            panic!("{blocks:?}");
        };
        assert_eq!(kept.len(), 3);
        assert!(matches!(kept[2], Block::Signatures { .. }));
    }

    #[test]
    fn people_are_named_by_post_or_office() {
        let text = include_str!("../../../example/enterprises/ruifeng.yaml");
        let e: EnterpriseFile = serde_saphyr::from_str(text).expect("example");
        assert_eq!(role_of(&e, "胡海波"), "压铸工");
        assert_eq!(role_of(&e, "胡晓燕"), "安全环保部负责人");
        assert_eq!(role_of(&e, "无名氏"), "");
    }
}
