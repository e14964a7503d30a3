//! The PDF renderer: documents → JSON → one sandboxed typst run per enterprise that
//! writes each document's PDF and the bookmarked pack (bundle export).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde::Serialize;
use serde_json::json;

use crate::assets::{self, TEMPLATES};
use crate::cache::KeyBuilder;
use crate::documents::model::Document;
use crate::render::bundle::{
    Artifact, Bundle, Format, PACK_PDF, RenderError, Rendered, Renderer, Target,
};
use crate::render::fonts::{FontError, FontSet};
use crate::render::typst::{Typst, TypstError};
use crate::site::date::Date;
use crate::site::model::Agency;

mod blocks;
mod cff;
mod copy;
mod glyphs;
mod partial;
mod split;
mod stamp;

/// The folio documents typst writes beside the pack: no document file starts with `_`.
const RUNNING_FOLIOS: &str = "_folios-running.pdf";
const OWN_FOLIOS: &str = "_folios-own.pdf";

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Typst(#[from] TypstError),
    #[error(transparent)]
    Fonts(#[from] FontError),
    #[error("PDF of enterprise `{enterprise}` failed:\n  {}", .messages.join("\n  "))]
    Compile {
        enterprise: String,
        messages: Vec<String>,
    },
    #[error("PDF of “{document}” (enterprise `{enterprise}`) failed:\n  {}", .messages.join("\n  "))]
    Document {
        enterprise: String,
        document: String,
        messages: Vec<String>,
    },
    #[error("preparing the PDF sandbox: {0}")]
    Io(#[from] std::io::Error),
    #[error("PDF of enterprise `{enterprise}`: {source}")]
    Split {
        enterprise: String,
        source: split::SplitError,
    },
}

/// Made once per build: typst, fonts and the typst templates.
pub struct PdfRenderer {
    typst: Typst,
    fonts: FontSet,
    /// Resolved templates (site, theme, built-in) as (relative name, bytes); the built-in
    /// ones are also available under `builtin/` so that an override can import them.
    templates: Vec<(String, Vec<u8>)>,
    timestamp: i64,
}

/// What one typst run reads for an enterprise.
struct TypstInput<'b> {
    enterprise_id: String,
    enterprise_name: String,
    documents: Vec<(&'b Document, String)>,
    data: Vec<u8>,
    assets: Vec<(String, std::path::PathBuf)>,
    /// Whether typst writes the pack too.
    pack: bool,
}

/// One PDF written for an enterprise: file name inside the enterprise folder.
pub struct PdfFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

pub struct RenderedPdfs {
    pub files: Vec<PdfFile>,
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
struct BundleData<'a> {
    enterprise: serde_json::Value,
    agency: &'a Agency,
    date: String,
    date_cn: String,
    /// `None` when only some documents are compiled (`watch`): no pack then.
    pack: Option<&'static str>,
    pack_title: &'a str,
    /// The folio documents typst writes beside the pack, which anquan stamps from.
    folios: serde_json::Value,
    fonts: &'a crate::render::fonts::Families,
    /// Text the template keeps on one line (`render::nobreak`).
    nobreak: &'static str,
    documents: Vec<serde_json::Value>,
}

impl PdfRenderer {
    pub fn new(site_root: &Path, theme: &str, date: Date) -> Result<PdfRenderer, PdfError> {
        let typst = Typst::locate(std::env::var("ANQUAN_TYPST").ok().as_deref())?;
        let fonts = FontSet::discover(site_root, &typst)?;
        let mut templates: Vec<(String, Vec<u8>)> = Vec::new();
        for (rel, bytes) in assets::embedded_files(&TEMPLATES) {
            if let Some(name) = rel.strip_prefix("typst/") {
                templates.push((name.to_string(), bytes.to_vec()));
                templates.push((format!("builtin/{name}"), bytes.to_vec()));
            }
        }
        for layer in [
            format!("themes/{theme}/templates/typst"),
            "templates/typst".to_string(),
        ] {
            for (rel, text) in assets::site_files(site_root, &layer)? {
                templates.retain(|(n, _)| n != &rel);
                templates.push((rel, text.into_bytes()));
            }
        }
        let timestamp = date
            .0
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        Ok(PdfRenderer {
            typst,
            fonts,
            templates,
            timestamp,
        })
    }

    /// The CJK font files the PDFs use (the DOCX drawings are rasterized with them).
    pub fn font_files(&self) -> &[std::path::PathBuf] {
        &self.fonts.files
    }

    pub fn typst_version(&self) -> &str {
        &self.typst.version
    }

    /// What typst reads for one enterprise: each document with its file name, data.json,
    /// and the pictures. `only` keeps just those documents (by index) and leaves out the
    /// pack.
    fn input<'b>(
        &self,
        bundle: &'b Bundle,
        only: Option<&BTreeSet<usize>>,
    ) -> Result<TypstInput<'b>, RenderError> {
        let documents = planned_documents(bundle, only)?;
        let data = BundleData {
            pack: only.is_none().then_some(PACK_PDF),
            documents: documents
                .iter()
                .map(|(_, doc, file)| document_json(doc, file))
                .collect(),
            ..self.common_data(bundle)
        };
        Ok(TypstInput {
            enterprise_id: bundle.id().to_string(),
            enterprise_name: bundle.name().to_string(),
            data: serde_json::to_vec(&data).map_err(|e| RenderError::File {
                file: format!("{}/data.json", bundle.id()),
                message: e.to_string(),
            })?,
            documents: documents
                .into_iter()
                .map(|(_, doc, file)| (doc, file))
                .collect(),
            assets: bundle.photos(),
            pack: only.is_none(),
        })
    }

    /// data.json without documents: what every document of the enterprise reads.
    fn common_data<'b>(&'b self, bundle: &'b Bundle) -> BundleData<'b> {
        let config = &bundle.site.loaded.config;
        let date = bundle.site.date;
        BundleData {
            enterprise: json!({"id": bundle.id(), "name": bundle.name()}),
            agency: &config.agency,
            date: date.to_string(),
            date_cn: date.chinese(),
            pack: Some(PACK_PDF),
            pack_title: &config.build.title,
            folios: json!({"running": RUNNING_FOLIOS, "own": OWN_FOLIOS}),
            fonts: &self.fonts.families,
            nobreak: crate::render::nobreak::NO_BREAK_PATTERN,
            documents: Vec::new(),
        }
    }

    /// Compiles every document of one enterprise, plus its pack.
    fn render_enterprise(&self, input: &TypstInput) -> Result<RenderedPdfs, PdfError> {
        let enterprise_id = input.enterprise_id.as_str();
        let documents = &input.documents;
        let assets = &input.assets;
        // The sandbox holds only generated files and copies: typst may read nothing else.
        let root = tempfile::Builder::new()
            .prefix(&crate::cleanup::temp_prefix("typst"))
            .tempdir()?;
        for (name, bytes) in &self.templates {
            let path = root.path().join(name);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(path, bytes)?;
        }
        // Copies, not links: typst follows links inside its root.
        for (rel, source) in assets {
            let target = root.path().join(rel);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::copy(source, target)?;
        }
        fs::write(root.path().join("data.json"), &input.data)?;
        let out = root.path().join("out");
        let diagnostics =
            self.typst
                .compile_bundle(root.path(), &out, self.fonts.dir(), self.timestamp)?;
        // Name the document that fails, not just the template line: compile each alone.
        let failure = if diagnostics.errors.is_empty() {
            None
        } else {
            Some(
                self.failing_document(root.path(), enterprise_id, documents)?
                    .unwrap_or(PdfError::Compile {
                        enterprise: enterprise_id.to_string(),
                        messages: diagnostics.errors.clone(),
                    }),
            )
        };
        // For template authors: keep what typst saw (data.json, templates, out/).
        if let Some(keep) = std::env::var_os("ANQUAN_KEEP_TYPST_ROOT") {
            let target = Path::new(&keep).join(enterprise_id);
            let _ = fs::remove_dir_all(&target);
            let _ = fs::create_dir_all(Path::new(&keep));
            let _ = fs::rename(root.path(), &target).or_else(|_| copy_tree(root.path(), &target));
        }
        if let Some(err) = failure {
            return Err(err);
        }
        let out = match std::env::var_os("ANQUAN_KEEP_TYPST_ROOT") {
            Some(keep) => Path::new(&keep).join(enterprise_id).join("out"),
            None => out,
        };
        let files = if input.pack {
            self.cut_pack(&out, input)?
        } else {
            let mut files = Vec::with_capacity(documents.len());
            for (_, name) in documents {
                let bytes = fs::read(out.join(name))?;
                files.push(PdfFile {
                    name: name.clone(),
                    bytes,
                });
            }
            files
        };
        // Warnings do not fail the build, but they are passed on, never swallowed.
        let warnings = diagnostics
            .warnings
            .into_iter()
            .map(|w| format!("PDF of `{enterprise_id}`: {w}"))
            .collect();
        Ok(RenderedPdfs { files, warnings })
    }
}

impl Renderer for PdfRenderer {
    fn format(&self) -> Format {
        Format::Pdf
    }

    /// One typst run writes every document's PDF and the pack.
    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let input = self.input(bundle, None)?;
        let rendered = self.render_enterprise(&input)?;
        let targets = (0..input.documents.len())
            .map(Target::Document)
            .chain([Target::Pack]);
        Ok(Rendered {
            artifacts: targets
                .zip(rendered.files)
                .map(|(target, file)| Artifact {
                    target,
                    bytes: file.bytes,
                })
                .collect(),
            warnings: rendered.warnings,
            ..Rendered::default()
        })
    }

    /// typst, the templates, the fonts, data.json and the pictures decide the PDFs.
    fn cache_key(&self, bundle: &Bundle) -> Option<String> {
        let input = self.input(bundle, None).ok()?;
        let mut key = KeyBuilder::new("pdf");
        key.add("typst", self.typst.version.as_bytes())
            .add("timestamp", &self.timestamp.to_le_bytes());
        for (name, bytes) in &self.templates {
            key.add(name, bytes);
        }
        for font in &self.fonts.files {
            key.add_file_identity(font);
        }
        key.add("data", &input.data);
        for (rel, source) in &input.assets {
            key.add(rel, &fs::read(source).ok()?);
        }
        Some(key.finish())
    }
}

/// A document the plan has no file for: the plan and the renderer disagree.
pub fn unplanned(bundle: &Bundle, doc: &Document) -> RenderError {
    RenderError::File {
        file: format!("{}/{}", bundle.id(), doc.slug),
        message: "no file planned for this document".to_string(),
    }
}

/// The documents to compile (all, or those of `only`) with their index and PDF name.
fn planned_documents<'b>(
    bundle: &'b Bundle,
    only: Option<&BTreeSet<usize>>,
) -> Result<Vec<(usize, &'b Document, String)>, RenderError> {
    bundle
        .docs
        .iter()
        .enumerate()
        .filter(|(n, _)| only.is_none_or(|only| only.contains(n)))
        .map(|(n, doc)| {
            let name = bundle.plan.name(Format::Pdf, Target::Document(n));
            name.map(|name| (n, doc, name.to_string()))
                .ok_or_else(|| unplanned(bundle, doc))
        })
        .collect()
}

/// One document as the typst templates read it.
fn document_json(doc: &Document, file: &str) -> serde_json::Value {
    let mut blocks = json!(doc.blocks);
    blocks::prepare(&mut blocks);
    json!({"file": file, "title": doc.title, "kind": doc.kind, "control": doc.control, "layout": doc.layout, "date_line": doc.date_line, "sheet": doc.sheet, "blocks": blocks})
}

impl PdfRenderer {
    /// Each document's PDF cut out of the pack typst laid out, and the pack with its folios.
    fn cut_pack(&self, out: &Path, input: &TypstInput) -> Result<Vec<PdfFile>, PdfError> {
        // A site's own main.typ may predate the folio documents: say what it must write.
        let read = |name: &str| {
            fs::read(out.join(name)).map_err(|_| PdfError::Split {
                enterprise: input.enterprise_id.clone(),
                source: split::SplitError::Shape(format!(
                    "typst/main.typ wrote no `{name}`: it must write the pack and the two folio documents `data.folios` names"
                )),
            })
        };
        let (pack, running_folios, own_folios) =
            (read(PACK_PDF)?, read(RUNNING_FOLIOS)?, read(OWN_FOLIOS)?);
        let laid_out = split::LaidOut {
            pack: &pack,
            running_folios: &running_folios,
            own_folios: &own_folios,
        };
        let parts: Vec<split::Part> = input
            .documents
            .iter()
            .map(|(doc, file)| split::Part {
                file,
                title: format!("{} · {}", doc.title, input.enterprise_name),
            })
            .collect();
        let files =
            split::split(&laid_out, &parts, PACK_PDF).map_err(|source| PdfError::Split {
                enterprise: input.enterprise_id.clone(),
                source,
            })?;
        Ok(files
            .into_iter()
            .map(|(name, bytes)| PdfFile { name, bytes })
            .collect())
    }

    /// The first document that fails to compile on its own, with typst's messages.
    fn failing_document(
        &self,
        root: &Path,
        enterprise_id: &str,
        documents: &[(&Document, String)],
    ) -> Result<Option<PdfError>, PdfError> {
        for (index, (doc, _)) in documents.iter().enumerate() {
            // Only an index of ours goes into the source: the document itself is data.
            let source = format!(
                "#import \"document.typ\": styled, render-document\n#let data = json(\"data.json\")\n#let doc = data.documents.at({index})\n#show: styled.with(data, number: if doc.control != none {{ doc.control.number }} else {{ \"\" }})\n#render-document(doc, data)\n"
            );
            fs::write(root.join("single.typ"), source)?;
            let diagnostics =
                self.typst
                    .compile_single(root, "single.typ", self.fonts.dir(), self.timestamp)?;
            if !diagnostics.errors.is_empty() {
                return Ok(Some(PdfError::Document {
                    enterprise: enterprise_id.to_string(),
                    document: doc.title.clone(),
                    messages: diagnostics.errors,
                }));
            }
        }
        Ok(None)
    }
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(std::io::Error::other)?;
        let target = to.join(
            entry
                .path()
                .strip_prefix(from)
                .map_err(std::io::Error::other)?,
        );
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
