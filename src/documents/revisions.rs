//! The 修订记录 of a document (spec §13): a table of its releases (版本, 日期, 修订内容,
//! 修订人/批准人) after its body, and its released version in its control block or date
//! line. Boards, cards, badges and the other one-sheet, signed or filled-in documents
//! (the 发布令, letters and agreements, permits, sign-in sheets, induction cards and
//! notice cards) carry the version in their control block or date line only: a table
//! would push a sheet off its page, and a signed or filled-in copy is not revised, it is
//! replaced by the next release's.

use crate::documents::blocks::{KEEP_AT_MOST_ROWS, header, heading, text};
use crate::documents::model::{Block, Document, Inline, Kind};
use crate::site::date::Date;

/// One row of the 修订记录.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionRow {
    pub version: String,
    pub date: Date,
    pub changes: Vec<String>,
    /// 修订人/批准人.
    pub by: String,
}

/// Rows printed blank when the document was never released, to be filled by hand.
const BLANK_ROWS: usize = 3;

/// Does this kind of document print its 修订记录 as a table?
pub fn has_revision_table(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::ZoneBoard
            | Kind::PostCard
            | Kind::NoticeBoard
            | Kind::Badge
            | Kind::RiskMap
            | Kind::ServiceNotice
            | Kind::PairAgreement
            | Kind::ReleaseOrder
            | Kind::ResponsibilityLetter
            | Kind::TrainingSignIn
            | Kind::InductionCard
            | Kind::WorkPermit
            | Kind::HazardNotice
            | Kind::ContractorAgreement
            | Kind::VisitRecord
            | Kind::RectificationNotice
            | Kind::ServiceReport
            | Kind::Pack
            | Kind::Index
    )
}

/// Gives the document its released version and, where its kind has one, its 修订记录.
pub fn apply(doc: &mut Document, released: Option<&str>, rows: &[RevisionRow]) {
    if let Some(version) = released {
        match (&mut doc.control, &mut doc.date_line) {
            (Some(control), _) => control.version = version.to_string(),
            (None, Some(line)) => line.push_str(&format!("　版本：{version}")),
            (None, None) => {}
        }
    }
    if has_revision_table(doc.kind) {
        doc.blocks.extend(revision_blocks(rows));
    }
}

/// The heading and the table; blank rows where there is no release yet. Kept on one page
/// while the table is short, so that the heading never stands alone at a page's foot and
/// a few rows do not run onto a page of their own.
pub fn revision_blocks(rows: &[RevisionRow]) -> Vec<Block> {
    let cell = |s: &str| text(s);
    let mut body: Vec<Vec<Vec<Inline>>> = rows
        .iter()
        .map(|r| {
            vec![
                cell(&r.version),
                cell(&r.date.to_string()),
                cell(&r.changes.join("；")),
                cell(&r.by),
            ]
        })
        .collect();
    if body.is_empty() {
        body = vec![vec![Vec::new(); 4]; BLANK_ROWS];
    }
    let short = body.len() <= KEEP_AT_MOST_ROWS;
    let blocks = vec![
        heading("修订记录"),
        Block::Table {
            header: header(&["版本", "日期", "修订内容", "修订人/批准人"]),
            rows: body,
        },
    ];
    if short {
        vec![Block::Keep { blocks }]
    } else {
        blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::{Layout, plain_text};

    fn doc(kind: Kind) -> Document {
        let mut d = Document::of_enterprise(
            kind,
            "t".into(),
            "x",
            "s".into(),
            Layout::Portrait,
            Vec::new(),
        );
        d.date_line = Some("发布日期：2026年3月20日".into());
        d
    }

    /// The table of the last block, a 修订记录 kept on one page with its heading.
    fn kept_table(d: &Document) -> Option<&Block> {
        match d.blocks.last() {
            Some(Block::Keep { blocks }) if matches!(blocks[0], Block::Heading { .. }) => {
                blocks.get(1)
            }
            _ => None,
        }
    }

    #[test]
    fn a_long_history_is_not_held_on_one_page() {
        let row = RevisionRow {
            version: "A/0".into(),
            date: Date::parse("2026-03-20").expect("date"),
            changes: vec!["首次发布".into()],
            by: String::new(),
        };
        let blocks = revision_blocks(&vec![row; KEEP_AT_MOST_ROWS + 1]);
        assert!(matches!(
            &blocks[..],
            [Block::Heading { .. }, Block::Table { .. }]
        ));
    }

    #[test]
    fn a_register_gets_its_table_and_a_card_only_its_version() {
        let row = RevisionRow {
            version: "A/1".into(),
            date: Date::parse("2026-11-23").expect("date"),
            changes: vec!["风险点 R03 等级 低→较大".into(), "年度复评".into()],
            by: "胡晓燕/应国强".into(),
        };
        let mut register = doc(Kind::RiskRegister);
        apply(&mut register, Some("A/1"), std::slice::from_ref(&row));
        let Some(Block::Table { rows, .. }) = kept_table(&register) else {
            panic!("no table");
        };
        let cells: Vec<String> = rows[0].iter().map(|c| plain_text(c)).collect();
        assert_eq!(
            cells,
            [
                "A/1",
                "2026-11-23",
                "风险点 R03 等级 低→较大；年度复评",
                "胡晓燕/应国强"
            ]
        );
        assert_eq!(
            register.date_line.as_deref(),
            Some("发布日期：2026年3月20日　版本：A/1")
        );
        let mut card = doc(Kind::PostCard);
        apply(&mut card, Some("A/1"), &[row]);
        assert!(card.blocks.is_empty());
        assert!(card.date_line.unwrap_or_default().ends_with("版本：A/1"));
    }

    #[test]
    fn signed_and_filled_in_forms_carry_only_their_version() {
        for kind in [
            Kind::ReleaseOrder,
            Kind::ResponsibilityLetter,
            Kind::TrainingSignIn,
            Kind::InductionCard,
            Kind::WorkPermit,
            Kind::HazardNotice,
            Kind::ContractorAgreement,
        ] {
            let mut form = doc(kind);
            apply(&mut form, Some("A/0"), &[]);
            assert!(form.blocks.is_empty(), "{kind:?} got a 修订记录");
            assert!(form.date_line.is_some_and(|l| l.ends_with("版本：A/0")));
        }
        for kind in [Kind::Procedure, Kind::TrainingPlan, Kind::EmergencySpecial] {
            let mut plan = doc(kind);
            apply(&mut plan, None, &[]);
            assert!(!plan.blocks.is_empty(), "{kind:?} lost its 修订记录");
        }
    }

    #[test]
    fn never_released_prints_blank_rows_to_fill_by_hand() {
        let mut ledger = doc(Kind::Ledger);
        apply(&mut ledger, None, &[]);
        let Some(Block::Table { rows, .. }) = kept_table(&ledger) else {
            panic!("no table");
        };
        assert_eq!(rows.len(), BLANK_ROWS);
        assert_eq!(ledger.date_line.as_deref(), Some("发布日期：2026年3月20日"));
    }
}
