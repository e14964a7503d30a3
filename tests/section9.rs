//! Spec §9, the enterprise documents after the systems: whichever of their kinds the
//! manifest lists, each has a bookmark in the pack, in §9's order right after the
//! systems, its own PDF naming the enterprise, a DOCX, and the enterprise's date; and their
//! pages break where a reader expects (a heading with its table, a short table whole).

mod common;

use common::*;

/// The kinds of spec §9, in their pack order.
const SECTION9: [&str; 11] = [
    "release-order",
    "responsibility-letter",
    "procedure",
    "training-plan",
    "training-sign-in",
    "induction-card",
    "work-permit",
    "hazard-notice",
    "contractor-agreement",
    "emergency-special",
    "emergency-onsite",
];

fn rank(kind: &str) -> Option<usize> {
    SECTION9.iter().position(|k| *k == kind)
}

#[test]
fn every_section9_document_is_bookmarked_after_the_systems_in_order() {
    let out = example_built();
    let m = manifest(out);
    let mut seen = std::collections::BTreeSet::new();
    for enterprise in ["ruifeng", "jinshun"] {
        let mine: Vec<&serde_json::Value> = m["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .filter(|d| d["enterprise"] == enterprise && d["kind"] != "pack")
            .collect();
        let pack = docs(&m, enterprise, "pack");
        let pdf = out.join(pack[0]["files"]["pdf"].as_str().expect("pack pdf"));
        let outline = pack_bookmarks(&pdf);
        let titles: Vec<&str> = outline.iter().map(|t| t.0.as_str()).collect();
        let systems = mine.iter().filter(|d| d["kind"] == "system").count();
        let section9: Vec<&&serde_json::Value> = mine
            .iter()
            .filter(|d| rank(d["kind"].as_str().unwrap_or_default()).is_some())
            .collect();
        // Right after the systems, in §9's kind order.
        for (i, d) in section9.iter().enumerate() {
            let title = d["title"].as_str().expect("title");
            assert_eq!(
                titles.get(systems + i),
                Some(&title),
                "{enterprise}: {title}"
            );
        }
        let ranks: Vec<usize> = section9
            .iter()
            .filter_map(|d| rank(d["kind"].as_str().unwrap_or_default()))
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        let name = m["enterprises"]
            .as_array()
            .expect("enterprises")
            .iter()
            .find(|e| e["id"] == enterprise)
            .and_then(|e| e["name"].as_str())
            .expect("enterprise name")
            .to_string();
        let system_date = mine
            .iter()
            .find(|d| d["kind"] == "system")
            .expect("a system")["date"]
            .clone();
        for d in section9 {
            let title = d["title"].as_str().expect("title");
            let pdf = out.join(d["files"]["pdf"].as_str().expect("pdf"));
            assert!(pdf_text(&pdf).contains(&name), "{title} PDF names {name}");
            assert!(
                out.join(d["files"]["docx"].as_str().expect("docx"))
                    .is_file(),
                "{title}"
            );
            // A sign-in sheet is dated by its training (spec §6); the rest by issued_on.
            if d["kind"] != "training-sign-in" {
                assert_eq!(
                    d["date"], system_date,
                    "{title} carries enterprise.issued_on"
                );
            }
            seen.insert(d["kind"].as_str().expect("kind").to_string());
        }
    }
    for kind in ["emergency-special", "emergency-onsite"] {
        assert!(seen.contains(kind), "the example builds {kind}");
    }
}

/// The text of each page of a built document's PDF, white space removed.
fn pages_of(out: &std::path::Path, doc: &serde_json::Value) -> Vec<String> {
    let pdf = out.join(doc["files"]["pdf"].as_str().expect("pdf"));
    let count = lopdf::Document::load(&pdf).expect("pdf").get_pages().len() as u32;
    (1..=count).map(|page| pdf_page_text(&pdf, page)).collect()
}

#[test]
fn headings_keep_with_their_tables_and_short_tables_and_card_levels_stay_whole() {
    let out = example_built();
    let m = manifest(out);
    // The 修订记录 heading is on the page of its table, in forms and procedures alike.
    for id in ["ruifeng", "jinshun"] {
        for kind in ["responsibility-letter", "procedure", "training-plan"] {
            for doc in docs(&m, id, kind) {
                for page in pages_of(out, doc) {
                    if page.contains("修订记录") {
                        assert!(page.contains("修订人/批准人"), "{}: {page}", doc["title"]);
                    }
                }
            }
        }
    }
    // A sign-in sheet's 7 attendees are on one page.
    let sheet = docs(&m, "jinshun", "training-sign-in")
        .into_iter()
        .find(|d| d["date"] == "2026-05-06")
        .expect("sheet");
    let names = [
        "邵国平",
        "谢东",
        "何志勇",
        "蒋丽",
        "吕强",
        "应海军",
        "王小兵",
    ];
    assert!(
        pages_of(out, sheet)
            .iter()
            .any(|p| names.iter().all(|n| p.contains(n))),
        "the attendees split across pages"
    );
    // Each level of the 三级安全教育卡 is on one page with its signature line.
    let card = pages_of(out, docs(&m, "ruifeng", "induction-card")[0]);
    for level in ["公司级安全教育", "车间级安全教育", "班组级安全教育"] {
        let page = card.iter().find(|p| p.contains(level)).expect(level);
        let rest = page.split(level).nth(1).unwrap_or_default();
        assert!(
            rest.contains("教育时间") && rest.contains("受教育人（签字）"),
            "{level} split: {page}"
        );
    }
}
