//! The PDFs (and DOCX) after a watch rebuild, on a background thread. First the documents
//! the edit changed, alone, so that the one being looked at is fresh within a second or
//! two; then each pending enterprise whole (pack and DOCX). A newer rebuild makes the job
//! moot: it stops, and what it left undone stays pending for the next job.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::session::{DOCUMENT_QUIET_PERIOD, Fingerprints, PDF_QUIET_PERIOD};
use crate::facts::{EnterpriseFacts, Site};
use crate::output::writer::LiveDir;
use crate::pipeline::BuildError;
use crate::pipeline::enterprise::{
    EnterpriseDocs, enterprise_documents, render_all, write_rendered,
};
use crate::render::bundle::{Bundle, Format, Plan, Renderer};
use crate::render::docx::DocxRenderer;
use crate::render::engine::Engines;
use crate::render::pdf::PdfRenderer;
use crate::site::load::LoadedEnterprise;

/// PDFs to write after a rebuild.
pub struct PdfJob {
    pub(super) site: Arc<Site>,
    pub(super) enterprises: Vec<String>,
    pub(super) pending: Arc<Mutex<BTreeSet<String>>>,
    pub(super) made_from: Arc<Mutex<Fingerprints>>,
    pub(super) out: PathBuf,
    pub(super) generation: Arc<AtomicU64>,
    pub(super) started_at: u64,
}

/// What a finished job wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfsWritten {
    /// PDFs of changed documents, written before the whole enterprises.
    pub changed: usize,
    /// Every PDF written, the changed ones and packs included.
    pub total: usize,
}

/// One enterprise's documents with the plan of its PDF and DOCX files and the
/// fingerprint of each document's typst input.
struct Prepared<'s> {
    loaded: &'s LoadedEnterprise,
    facts: &'s EnterpriseFacts,
    docs: EnterpriseDocs,
    plan: Plan,
    fingerprints: Vec<u64>,
}

impl Prepared<'_> {
    fn bundle<'b>(&'b self, site: &'b Site) -> Bundle<'b> {
        Bundle {
            site,
            enterprise: self.loaded,
            facts: self.facts,
            docs: &self.docs.docs,
            ledgers: &self.docs.ledgers,
            context: &self.docs.context,
            findings: &[],
            plan: &self.plan,
            release: &self.docs.release,
        }
    }
}

impl PdfJob {
    fn current(&self) -> bool {
        self.generation.load(Ordering::SeqCst) == self.started_at
    }

    /// Waits until `until`; false when a newer rebuild came meanwhile.
    fn quiet_until(&self, until: Instant) -> bool {
        while Instant::now() < until {
            if !self.current() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        self.current()
    }

    /// Returns what was written, or `Ok(None)` when a newer rebuild made the job moot.
    /// `on_changed` hears how many changed documents' PDFs are fresh, before the rest.
    pub fn run(self, on_changed: impl Fn(usize)) -> Result<Option<PdfsWritten>, BuildError> {
        // Typing usually comes in bursts: wait for a quiet moment, so that typst does not
        // compete with the next HTML rebuild for the cores.
        let started = Instant::now();
        if !self.quiet_until(started + DOCUMENT_QUIET_PERIOD) || self.enterprises.is_empty() {
            return Ok(None);
        }
        let site = &self.site;
        let config = &site.loaded.config;
        let renderer = PdfRenderer::new(&site.loaded.root, &config.build.theme, site.date)?;
        let engines = Engines::new(&site.loaded.root, &config.build.theme)?;
        let live = LiveDir {
            root: self.out.clone(),
        };
        let mut prepared = Vec::new();
        for (loaded, facts) in site
            .enterprises()
            .filter(|(e, _)| self.enterprises.contains(&e.id))
        {
            let docs = enterprise_documents(site, &engines, loaded, facts)?;
            let plan = Plan::new(&loaded.id, &[Format::Pdf, Format::Docx], &docs.docs);
            let mut enterprise = Prepared {
                loaded,
                facts,
                docs,
                plan,
                fingerprints: Vec::new(),
            };
            enterprise.fingerprints = renderer.document_fingerprints(&enterprise.bundle(site))?;
            prepared.push(enterprise);
        }
        let Some(changed) = self.changed_documents(&renderer, &prepared, &live)? else {
            return Ok(None);
        };
        if changed > 0 {
            on_changed(changed);
        }
        if !self.quiet_until(started + PDF_QUIET_PERIOD) {
            return Ok(None);
        }
        let docx = DocxRenderer::new(renderer.font_files());
        let mut total = changed;
        for enterprise in &prepared {
            if !self.current() {
                return Ok(None);
            }
            let bundle = enterprise.bundle(site);
            let renderers: [&dyn Renderer; 2] = [&renderer, &docx];
            let rendered = render_all(&bundle, &renderers, None)?;
            // A change during the compile (an enterprise removed, say) makes these stale.
            if !self.current() {
                return Ok(None);
            }
            total += write_rendered(&bundle, rendered, &live)?.of(Format::Pdf);
            self.remember(enterprise, None);
            if let Ok(mut pending) = self.pending.lock() {
                pending.remove(&enterprise.loaded.id);
            }
        }
        Ok(Some(PdfsWritten { changed, total }))
    }

    /// Compiles alone the documents whose fingerprint differs from what their PDF on disk
    /// was made from. An enterprise with no PDFs made in this session yet is left to the
    /// whole compile. `None` when a newer rebuild came meanwhile.
    fn changed_documents(
        &self,
        renderer: &PdfRenderer,
        prepared: &[Prepared],
        live: &LiveDir,
    ) -> Result<Option<usize>, BuildError> {
        let mut written = 0;
        for enterprise in prepared {
            let bundle = enterprise.bundle(&self.site);
            let fingerprints = &enterprise.fingerprints;
            let changed: BTreeSet<usize> = {
                let Ok(made_from) = self.made_from.lock() else {
                    continue;
                };
                let Some(known) = made_from.get(&enterprise.loaded.id) else {
                    continue;
                };
                (0..fingerprints.len())
                    .filter(|&n| {
                        let file = enterprise.plan.name(Format::Pdf, pdf_target(n));
                        file.and_then(|f| known.get(f)) != Some(&fingerprints[n])
                    })
                    .collect()
            };
            if changed.is_empty() || changed.len() == fingerprints.len() {
                continue;
            }
            let compile = Instant::now();
            let rendered = renderer.render_documents(&bundle, &changed)?;
            if !self.current() {
                return Ok(None);
            }
            let rendered = vec![(Format::Pdf, rendered, compile.elapsed())];
            written += write_rendered(&bundle, rendered, live)?.of(Format::Pdf);
            self.remember(enterprise, Some(&changed));
        }
        Ok(Some(written))
    }

    /// Records what the PDFs just written were made from (all, or the `only` ones).
    fn remember(&self, enterprise: &Prepared, only: Option<&BTreeSet<usize>>) {
        let Ok(mut made_from) = self.made_from.lock() else {
            return;
        };
        let known = made_from
            .entry(enterprise.loaded.id.clone())
            .or_insert_with(BTreeMap::new);
        if only.is_none() {
            known.clear();
        }
        for (n, fingerprint) in enterprise.fingerprints.iter().enumerate() {
            if only.is_none_or(|only| only.contains(&n))
                && let Some(file) = enterprise.plan.name(Format::Pdf, pdf_target(n))
            {
                known.insert(file.to_string(), *fingerprint);
            }
        }
    }
}

fn pdf_target(n: usize) -> crate::render::bundle::Target {
    crate::render::bundle::Target::Document(n)
}
