//! A watch session's PDF jobs: a job made moot by a newer change stops, and what it left
//! undone is taken up by the next job; an enterprise whose file is gone leaves the output.

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
    assert_eq!(first_job.run().expect("job"), None, "the older job stops");

    // The second rebuild touched no remaining enterprise, yet ruifeng's PDFs are due.
    let written = session.pdf_job(&second).run().expect("job");
    assert!(written.is_some_and(|n| n > 50), "{written:?}");
    assert!(out.join("ruifeng/pack.pdf").is_file());
    assert!(
        !out.join("jinshun").exists(),
        "no stale PDFs of the removed enterprise"
    );
    let m = manifest(&out);
    assert_eq!(m["enterprises"].as_array().unwrap().len(), 1);
}
