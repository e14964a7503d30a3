//! A watch session's PDF jobs: a job made moot by a newer change stops, and what it left
//! undone is taken up by the next job; an enterprise whose file is gone leaves the output;
//! an edit recompiles the documents it changed first, alone, before the pack.

mod common;

use std::fs;

use anquan::site::date::Date;
use anquan::watch::classify::ChangeSet;
use anquan::watch::session::Session;
use common::*;

#[test]
fn an_interrupted_pdf_job_is_finished_by_the_next() {
    let tmp = copy_site(&example());
    let site = tmp.path().join("site");
    let out = tmp.path().join("out");
    let date = Date::parse(DATE).unwrap();
    let (mut session, first) =
        Session::start(site.clone(), out.clone(), date, anquan::i18n::Lang::En)
            .expect("first build");
    let first_job = session.pdf_job(&first);

    // jinshun's file goes away before any PDF is written.
    fs::remove_file(site.join("enterprises/jinshun.yaml")).unwrap();
    let changes = ChangeSet {
        enterprises: ["jinshun".to_string()].into(),
        ..ChangeSet::default()
    };
    let second = session.rebuild(&changes).expect("rebuild");
    assert!(
        !out.join("jinshun").exists(),
        "a removed enterprise leaves the output"
    );
    assert_eq!(
        first_job.run(|_| ()).expect("job"),
        None,
        "the older job stops"
    );

    // The second rebuild touched no remaining enterprise, yet ruifeng's PDFs are due.
    let written = session.pdf_job(&second).run(|_| ()).expect("job");
    assert!(written.is_some_and(|w| w.total > 50), "{written:?}");
    assert_eq!(
        written.map(|w| w.changed),
        Some(0),
        "nothing compiled before: all at once"
    );
    assert!(out.join("ruifeng/pack.pdf").is_file());
    assert!(
        !out.join("jinshun").exists(),
        "no stale PDFs of the removed enterprise"
    );
    let m = manifest(&out);
    assert_eq!(m["enterprises"].as_array().unwrap().len(), 1);

    // One meeting's decision changes: the documents showing it come first, alone.
    let file = site.join("enterprises/ruifeng.yaml");
    let yaml = fs::read_to_string(&file).unwrap();
    let edited = yaml.replace(
        "开展夏季防暑降温专项检查",
        "开展夏季防暑降温及高温岗位专项检查",
    );
    assert_ne!(
        yaml, edited,
        "the example still has the meeting this test edits"
    );
    fs::write(&file, edited).unwrap();
    let changes = ChangeSet {
        enterprises: ["ruifeng".to_string()].into(),
        ..ChangeSet::default()
    };
    let third = session.rebuild(&changes).expect("rebuild");
    let meetings = out.join("ruifeng/ledger-meetings.pdf");
    let fresh_before_pack = std::cell::Cell::new(None);
    let written = session
        .pdf_job(&third)
        .run(|changed| {
            fresh_before_pack.set(Some((changed, pdf_text(&meetings), pdf_render(&meetings))))
        })
        .expect("job")
        .expect("not interrupted");
    let (changed, text, alone) = fresh_before_pack
        .take()
        .expect("changed documents came first");
    assert!(
        (1..=3).contains(&changed),
        "only the documents showing the meeting: {changed}"
    );
    assert!(text.contains("高温岗位专项检查"), "{text}");
    assert!(written.total > 50, "then the whole enterprise: {written:?}");
    // Compiled alone first, then cut out of the pack: the same pages, the same folios.
    assert_eq!(
        pdf_render(&meetings),
        alone,
        "the document cut from the pack looks as it did compiled alone"
    );
}
