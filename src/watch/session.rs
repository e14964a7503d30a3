//! A watch session: a first build, then rebuilds of only what a change touches, written
//! file by file into the live output folder. HTML first; PDFs after, in the background,
//! abandoned when a newer change arrives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::classify::ChangeSet;
use super::pdf_job::PdfJob;
use crate::facts::Site;
use crate::i18n::Lang;
use crate::output::writer::{LiveDir, Sink, ensure_ours};
use crate::pipeline::enterprise::{
    Counts, EnterpriseBuild, EnterpriseOutput, Renderers, build_enterprise,
};
use crate::pipeline::{BuildError, load_checked, write_index, write_site_files};
use crate::render::bundle::Format;
use crate::render::engine::Engines;
use crate::render::figures::SvgFigures;
use crate::render::html::{HtmlPages, PageCommon};
use crate::render::ics::CalendarFile;
use crate::render::xlsx::LedgerWorkbook;
use crate::site::date::Date;

/// How long the site must stay unchanged before the documents an edit changed are
/// compiled: short, since they are few and the user is looking at one of them.
pub const DOCUMENT_QUIET_PERIOD: Duration = Duration::from_millis(300);
/// How long the site must stay unchanged before whole enterprises (packs, DOCX) are
/// compiled.
pub const PDF_QUIET_PERIOD: Duration = Duration::from_millis(1500);

/// Per enterprise, per PDF file name: the fingerprint of what its PDF on disk was made
/// from (`PdfRenderer::document_fingerprints`).
pub(super) type Fingerprints = BTreeMap<String, BTreeMap<String, u64>>;

pub struct Session {
    pub site_dir: PathBuf,
    pub out: PathBuf,
    pub date: Date,
    pub lang: Lang,
    /// The last good output of each enterprise, by id.
    outputs: BTreeMap<String, EnterpriseOutput>,
    /// Bumped by every rebuild; a PDF job of an older generation stops.
    generation: Arc<AtomicU64>,
    /// Enterprises whose PDFs are not up to date: what an interrupted job left stays here
    /// for the next one.
    pdf_pending: Arc<Mutex<BTreeSet<String>>>,
    /// What the PDFs on disk were made from; forgotten when templates, fonts or pictures
    /// change, since those are not in the fingerprints.
    pdf_made_from: Arc<Mutex<Fingerprints>>,
}

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    pub enterprises: Vec<String>,
    pub pages: usize,
    pub elapsed: Duration,
    pub warnings: usize,
    site: Arc<Site>,
}

impl Session {
    /// The first build: HTML of everything, with the PDFs listed for the job that follows.
    /// Like `build`, it refuses an output folder that anquan did not write.
    pub fn start(
        site_dir: PathBuf,
        out: PathBuf,
        date: Date,
        lang: Lang,
    ) -> Result<(Session, Rebuilt), BuildError> {
        ensure_ours(&out)?;
        let mut session = Session {
            site_dir,
            out,
            date,
            lang,
            outputs: BTreeMap::new(),
            generation: Arc::new(AtomicU64::new(0)),
            pdf_pending: Arc::default(),
            pdf_made_from: Arc::default(),
        };
        let all = ChangeSet {
            everything: true,
            ..ChangeSet::default()
        };
        let rebuilt = session.rebuild(&all)?;
        Ok((session, rebuilt))
    }

    /// Rebuilds the HTML a change set touches. Input errors leave the output untouched.
    pub fn rebuild(&mut self, changes: &ChangeSet) -> Result<Rebuilt, BuildError> {
        let started = Instant::now();
        self.generation.fetch_add(1, Ordering::SeqCst);
        let (site, findings) =
            load_checked(&self.site_dir, self.date).map_err(BuildError::Invalid)?;
        let config = &site.loaded.config;
        let engines = Engines::new(&site.loaded.root, &config.build.theme)?;
        let common = PageCommon::for_site(&site, self.lang);
        let live = LiveDir {
            root: self.out.clone(),
        };

        // Enterprises whose file is gone leave the output.
        let present = site.loaded.ids();
        let gone: Vec<String> = self
            .outputs
            .keys()
            .filter(|id| !present.contains(id))
            .cloned()
            .collect();
        for id in &gone {
            self.outputs.remove(id);
            let _ = std::fs::remove_dir_all(self.out.join(id));
        }
        let targets: Vec<String> = present
            .iter()
            .filter(|id| {
                changes.everything
                    || changes.enterprises.contains(*id)
                    || !self.outputs.contains_key(*id)
            })
            .cloned()
            .collect();
        if changes.everything || changes.statics {
            write_site_files(&site, &live)?;
            if let Ok(mut made_from) = self.pdf_made_from.lock() {
                made_from.clear();
            }
        }
        let counts = Mutex::new(Counts::default());
        let pages = HtmlPages {
            engines: &engines,
            common: &common,
        };
        // PDFs and DOCX are written by the job that follows: pages link them already.
        let enterprise_build = EnterpriseBuild {
            site: &site,
            engines: &engines,
            sink: &live,
            renderers: Renderers {
                now: vec![&pages, &SvgFigures, &LedgerWorkbook, &CalendarFile],
                later: vec![Format::Pdf, Format::Docx],
            },
            findings: &findings,
            counts: &counts,
            cache: None,
        };
        let built: Vec<Result<EnterpriseOutput, BuildError>> = site
            .enterprises()
            .filter(|(e, _)| targets.contains(&e.id))
            .collect::<Vec<_>>()
            .par_iter()
            .map(|(e, f)| build_enterprise(&enterprise_build, e, f))
            .collect();
        for output in built {
            let output = output?;
            self.outputs.insert(output.entry.id.clone(), output);
        }
        let ordered: Vec<EnterpriseOutput> = present
            .iter()
            .filter_map(|id| self.outputs.get(id).cloned())
            .collect();
        let manifest = write_index(
            &site,
            &engines,
            &common,
            &findings,
            ordered,
            &[],
            true,
            &live,
        )?;
        live.write("manifest.json", manifest.to_json().as_bytes())?;
        let counts = counts.into_inner().unwrap_or_default();
        let enterprises = if changes.statics && !changes.everything {
            present.clone()
        } else {
            targets
        };
        if let Ok(mut pending) = self.pdf_pending.lock() {
            pending.extend(enterprises.iter().cloned());
            pending.retain(|id| present.contains(id));
        }
        Ok(Rebuilt {
            enterprises,
            pages: counts.of(Format::Html) + 1,
            elapsed: started.elapsed(),
            warnings: findings.iter().filter(|f| f.is_warning()).count(),
            site: Arc::new(site),
        })
    }

    /// The PDF job of a rebuild; run it on a background thread.
    pub fn pdf_job(&self, rebuilt: &Rebuilt) -> PdfJob {
        PdfJob {
            site: Arc::clone(&rebuilt.site),
            enterprises: self
                .pdf_pending
                .lock()
                .map(|p| p.iter().cloned().collect())
                .unwrap_or_default(),
            pending: Arc::clone(&self.pdf_pending),
            made_from: Arc::clone(&self.pdf_made_from),
            out: self.out.clone(),
            generation: Arc::clone(&self.generation),
            started_at: self.generation.load(Ordering::SeqCst),
        }
    }
}
