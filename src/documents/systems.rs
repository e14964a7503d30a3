//! The sixteen management systems (制度, 第十七条): fourteen always, 危险化学品使用安全管理制度
//! when the enterprise has chemicals, and 互联互保安全管理制度.

use serde_json::{Value, json};
use tera::Context;

use crate::documents::markdown::to_blocks;
use crate::documents::model::{Control, Document, Kind, Layout};
use crate::render::engine::{Engines, TemplateError};
use crate::site::date::Date;
use crate::site::model::{DocumentControl, EnterpriseFile};

pub struct SystemSpec {
    /// Document number suffix NN: fixed, so numbers do not shift when one is absent.
    pub number: u8,
    pub slug: &'static str,
    pub title: &'static str,
    pub only_with_chemicals: bool,
}

const fn system(number: u8, slug: &'static str, title: &'static str) -> SystemSpec {
    SystemSpec {
        number,
        slug,
        title,
        only_with_chemicals: false,
    }
}

pub const SYSTEMS: [SystemSpec; 16] = [
    system(1, "responsibility", "安全生产责任制度"),
    system(2, "meetings", "安全生产会议制度"),
    system(3, "inspection", "安全生产检查制度"),
    system(4, "training", "安全生产教育培训管理制度"),
    system(5, "investment", "安全生产投入管理制度"),
    system(6, "equipment", "设备设施安全管理制度"),
    system(7, "hazardous-work", "危险作业安全管理制度"),
    system(8, "fire", "防火安全管理制度"),
    system(9, "ppe", "个体防护用品管理制度"),
    system(10, "housekeeping", "生产定置清洁管理制度"),
    system(11, "occupational-health", "职业健康管理制度"),
    system(12, "accidents", "安全生产事故管理制度"),
    system(13, "contractors", "相关方安全管理制度"),
    system(14, "emergency-plan", "事故应急救援预案"),
    SystemSpec {
        number: 15,
        slug: "chemicals",
        title: "危险化学品使用安全管理制度",
        only_with_chemicals: true,
    },
    system(16, "mutual-protection", "互联互保安全管理制度"),
];

/// `PREFIX-ENTERPRISE-NN`, e.g. AD-AQ-HENGDA-01.
pub fn document_number(control: &DocumentControl, enterprise_id: &str, number: u8) -> String {
    format!(
        "{}-{}-{number:02}",
        control.number_prefix,
        enterprise_id.to_ascii_uppercase()
    )
}

/// Renders every system that applies to the enterprise. `base` is its context
/// (`documents::context::enterprise_context`).
pub fn systems(
    engines: &Engines,
    enterprise_id: &str,
    e: &EnterpriseFile,
    control: &DocumentControl,
    base: &Value,
) -> Result<Vec<Document>, TemplateError> {
    let applicable: Vec<&SystemSpec> = SYSTEMS
        .iter()
        .filter(|s| !s.only_with_chemicals || !e.chemicals.is_empty())
        .collect();
    let index: Vec<Value> = applicable
        .iter()
        .map(|s| json!({"title": s.title, "number": document_number(control, enterprise_id, s.number), "slug": s.slug}))
        .collect();
    let mut context = Context::from_serialize(base).map_err(|e| TemplateError::Render {
        name: "context".to_string(),
        message: e.to_string(),
    })?;
    context.insert("systems", &index);
    let mut out = Vec::with_capacity(applicable.len());
    for spec in applicable {
        let control = system_control(control, enterprise_id, spec, e);
        context.insert(
            "doc",
            &json!({"title": spec.title, "number": control.number}),
        );
        let markdown = engines.render_content(&format!("systems/{}.md", spec.slug), &context)?;
        out.push(Document {
            kind: Kind::System,
            title: spec.title.to_string(),
            enterprise: Some(enterprise_id.to_string()),
            slug: format!("system-{:02}-{}", spec.number, spec.slug),
            control: Some(control),
            layout: Layout::Portrait,
            members: Vec::new(),
            date: None,
            date_line: None,
            sheet: None,
            blocks: to_blocks(&markdown),
        });
    }
    Ok(out)
}

fn system_control(
    control: &DocumentControl,
    enterprise_id: &str,
    spec: &SystemSpec,
    e: &EnterpriseFile,
) -> Control {
    let number = document_number(control, enterprise_id, spec.number);
    enterprise_control(control, number, e)
}

/// The control block of an enterprise document: prepared by the safety officer, reviewed
/// by the production head, approved by the principal, issued and effective on
/// `enterprise.issued_on`.
pub fn enterprise_control(
    control: &DocumentControl,
    number: String,
    e: &EnterpriseFile,
) -> Control {
    let issued: Date = e.issued_on();
    Control {
        number,
        version: control.version.clone(),
        prepared_by: e.enterprise.safety_officer.name.clone(),
        reviewed_by: e.production_head(),
        approved_by: e.enterprise.principal.name.clone(),
        issued_on: issued,
        effective_on: issued,
    }
}
