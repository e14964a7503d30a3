//! The DOCX files of one enterprise: one per document that has a PDF, and the pack.

use std::path::PathBuf;

use super::BuildError;
use crate::documents::model::Document;
use crate::facts::Site;
use crate::output::writer::Sink;
use crate::render::docx::{Cover, DocxRenderer, PACK_DOCX};
use crate::site::load::LoadedEnterprise;
use crate::site::paths::resolve_in_site;

/// A document's DOCX file name inside the enterprise folder.
pub fn docx_name(doc: &Document) -> String {
    format!("{}.docx", doc.slug)
}

/// The photos the documents show, as (site-relative path, file); missing ones are
/// left out and print as an empty photo box.
pub fn document_assets(site: &Site, docs: &[Document]) -> Vec<(String, PathBuf)> {
    docs.iter()
        .flat_map(|d| d.assets())
        .filter_map(|rel| {
            resolve_in_site(&site.loaded.root, rel)
                .ok()
                .map(|abs| (rel.to_string(), abs))
        })
        .collect()
}

/// Writes every document's DOCX and the pack; returns how many files.
pub fn write_docx(
    site: &Site,
    renderer: &DocxRenderer,
    loaded: &LoadedEnterprise,
    docs: &[Document],
    sink: &dyn Sink,
) -> Result<usize, BuildError> {
    let id = &loaded.id;
    let name = &loaded.data.enterprise.name;
    let photos = document_assets(site, docs);
    for doc in docs {
        let bytes = renderer.document(doc, name, &photos)?;
        sink.write(&format!("{id}/{}", docx_name(doc)), &bytes)?;
    }
    let config = &site.loaded.config;
    let date = site.date.chinese();
    let cover = Cover {
        title: &config.build.title,
        enterprise: name,
        agency: &config.agency.name,
        date: &date,
    };
    let bytes = renderer.pack(&cover, docs, &photos)?;
    sink.write(&format!("{id}/{PACK_DOCX}"), &bytes)?;
    Ok(docs.len() + 1)
}
