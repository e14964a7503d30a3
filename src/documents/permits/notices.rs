//! 职业病危害告知卡 (GBZ 158-2003), one per occupational hazard of the enterprise, on one
//! sheet of `build.card_size`: the factor, where and who is exposed, 健康危害, 理化特性,
//! the exposure limit, the last monitoring, 防护措施, 应急处理, its warning signs and the
//! phones. What a factor is and does comes from `content/notices/SLUG.md`; a factor with
//! no text leaves those lines blank to be filled in.

use serde_json::json;
use tera::Context;

use super::PermitContext;
use super::limits::exposure_limit;
use crate::documents::blocks::text;
use crate::documents::fragments::{section, sections};
use crate::documents::markdown::to_blocks;
use crate::documents::model::{Block, Document, Inline, Kind, Layout};
use crate::documents::sheet::{on_sheet, signs_block};
use crate::facts::ppe::{hazard_protection, mandatory_signs};
use crate::render::engine::{Engines, TemplateError};
use crate::signs::select::factor_signs;
use crate::signs::sign_named;
use crate::site::model::OccupationalHazard;

/// Kinds of factor with a text, by words of the factor's name; first match wins.
const TEXTS: [(&[&str], &str); 5] = [
    (&["噪声"], "noise"),
    (&["高温"], "heat"),
    (&["电焊烟尘", "焊接烟尘"], "welding-fume"),
    (&["苯"], "benzene"),
    (&["尘"], "dust"),
];

/// A line left to fill in by hand.
const BLANK: &str = "＿＿＿＿＿＿＿＿＿＿＿＿";

/// The head band of the card: GB 2893 yellow, as a warning sign's.
const WARNING_FILL: &str = "#FFD100";

fn text_of(factor: &str) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(words, _)| words.iter().any(|w| factor.contains(w)))
        .map(|(_, slug)| *slug)
}

pub fn notices(
    engines: &Engines,
    context: &Context,
    cx: &PermitContext,
) -> Result<Vec<Document>, TemplateError> {
    let mut out = Vec::new();
    for (i, hazard) in cx.enterprise.occupational_hazards.iter().enumerate() {
        let knowledge = match text_of(&hazard.factor) {
            Some(slug) => {
                let mut context = context.clone();
                context.insert("factor", &json!({"name": hazard.factor}));
                sections(&engines.render_content(&format!("notices/{slug}.md"), &context)?)
            }
            None => Vec::new(),
        };
        out.push(notice(cx, i + 1, hazard, &knowledge));
    }
    Ok(out)
}

/// Markdown items as inline runs: one paragraph, the items one after another.
fn runs(items: &[String]) -> Vec<Inline> {
    if items.is_empty() {
        return text(BLANK);
    }
    to_blocks(&items.join(""))
        .into_iter()
        .flat_map(|b| match b {
            Block::Paragraph { content } => content,
            _ => Vec::new(),
        })
        .collect()
}

fn notice(
    cx: &PermitContext,
    number: usize,
    hazard: &OccupationalHazard,
    knowledge: &[(String, Vec<String>)],
) -> Document {
    let e = cx.enterprise;
    let posts: Vec<String> = hazard.posts.iter().map(|p| e.post_name(p)).collect();
    let protection = hazard_protection(e, hazard);
    let mut rows: Vec<(String, Vec<Inline>)> = vec![
        ("作业场所".into(), text(e.zone_name(&hazard.zone))),
        (
            "接触岗位".into(),
            text(format!(
                "{}（接触人数 {}）",
                posts.join("、"),
                hazard.exposed
            )),
        ),
        ("健康危害".into(), runs(section(knowledge, "健康危害"))),
    ];
    let properties = section(knowledge, "理化特性");
    if !properties.is_empty() {
        rows.push(("理化特性".into(), runs(properties)));
    }
    rows.push((
        "职业接触限值".into(),
        text(exposure_limit(&hazard.factor).unwrap_or(BLANK)),
    ));
    rows.push(("检测结果".into(), text(monitoring(hazard))));
    // What the post has, then what its people wear (a fan is not issued to anyone), each
    // on its own line before the general measures.
    let facilities = (!protection.engineering.is_empty())
        .then(|| format!("本岗位防护设施：{}。", protection.engineering.join("；")));
    let issued = (!protection.ppe.is_empty())
        .then(|| format!("本岗位配发防护用品：{}。", protection.ppe.join("、")));
    let mut measures: Vec<Inline> = [facilities, issued]
        .into_iter()
        .flatten()
        .flat_map(|line| [Inline::text(line), Inline::Break])
        .collect();
    measures.extend(runs(section(knowledge, "防护措施")));
    rows.push(("防护措施".into(), measures));
    rows.push(("应急处理".into(), runs(section(knowledge, "应急处理"))));
    let slug = format!("hazard-notice-{number:02}");
    let blocks = vec![
        Block::Head {
            kicker: "职业病危害告知卡".into(),
            name: hazard.factor.clone(),
            level: "注意防护".into(),
            fill: WARNING_FILL.into(),
            ink: "#000000".into(),
        },
        signs(
            &hazard.factor,
            section(knowledge, "警示标识"),
            &protection.all(),
        ),
        Block::Panel { rows },
        cx.print.phones(cx.enterprise_id, &slug, phones(cx)),
    ];
    let card = Document::of_enterprise(
        Kind::HazardNotice,
        format!("职业病危害告知卡（{}）", hazard.factor),
        cx.enterprise_id,
        slug,
        Layout::Sheet,
        blocks,
    );
    on_sheet(card, cx.print.card)
}

/// The last monitoring known on the card's date; a blank line before the first one.
fn monitoring(hazard: &OccupationalHazard) -> String {
    let Some(date) = hazard.last_monitored else {
        return format!("检测日期：{BLANK}　检测结果：{BLANK}");
    };
    let mut line = format!("检测日期：{}", date.chinese());
    line.push_str(&format!(
        "　检测结果：{}",
        hazard.result.as_deref().unwrap_or(BLANK)
    ));
    if let Some(by) = &hazard.monitored_by {
        line.push_str(&format!("　检测机构：{by}"));
    }
    line
}

/// The factor's own warning signs (GBZ 158-2003), those its text names, then the
/// mandatory signs of the items that protect against it; 注意安全 when there are none.
fn signs(factor: &str, named: &[String], protection: &[String]) -> Block {
    let mut names: Vec<String> = named.to_vec();
    names.extend(mandatory_signs(protection));
    let mut found = factor_signs(factor);
    for sign in names.iter().filter_map(|n| sign_named(n)) {
        if !found.iter().any(|s| s.text == sign.text) {
            found.push(sign);
        }
    }
    if found.is_empty() {
        found.extend(sign_named("注意安全"));
    }
    signs_block(&found)
}

/// 急救电话 and 职业卫生咨询电话: the enterprise's own, the safety officer (who keeps the
/// occupational-health records under the 职业健康管理制度) and 120.
fn phones(cx: &PermitContext) -> Vec<(String, String)> {
    let e = &cx.enterprise.enterprise;
    vec![
        ("急救电话".into(), "120".into()),
        ("企业应急电话".into(), e.emergency_phone.clone()),
        (
            format!("职业卫生咨询（{}）", e.safety_officer.name),
            e.safety_officer.phone.clone(),
        ),
    ]
}
