//! Spec §9, the enterprise documents after the systems: whichever of their kinds the
//! manifest lists, each has a bookmark in the pack, in §9's order right after the
//! systems, its own PDF naming the enterprise, a DOCX, and the enterprise's date.

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
        let outline = lopdf::Document::load(&pdf)
            .expect("pack parses")
            .get_toc()
            .expect("pack has an outline");
        let titles: Vec<&str> = outline.toc.iter().map(|t| t.title.as_str()).collect();
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
