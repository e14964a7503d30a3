//! For `anquan watch`: compile only the documents an edit changed, without the pack, so
//! that the edited document's PDF is fresh in a fraction of the enterprise's time. The
//! whole enterprise (pack included) is compiled afterwards, as in a build.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{PdfRenderer, document_json, planned_documents};
use crate::render::bundle::{Artifact, Bundle, RenderError, Rendered, Target};

impl PdfRenderer {
    /// One fingerprint per document of what data.json holds for it: the part every
    /// document reads (enterprise, agency, date, fonts) and the document itself. Templates,
    /// fonts and pictures are not in it: a watch session forgets the fingerprints when one
    /// of those changes. Fingerprints are compared within one process only.
    pub fn document_fingerprints(&self, bundle: &Bundle) -> Result<Vec<u64>, RenderError> {
        let common =
            serde_json::to_vec(&self.common_data(bundle)).map_err(|e| json_error(bundle, &e))?;
        planned_documents(bundle, None)?
            .into_iter()
            .map(|(_, doc, file)| {
                let document = serde_json::to_vec(&document_json(doc, &file))
                    .map_err(|e| json_error(bundle, &e))?;
                let mut hasher = DefaultHasher::new();
                common.hash(&mut hasher);
                document.hash(&mut hasher);
                Ok(hasher.finish())
            })
            .collect()
    }

    /// The PDFs of the documents `only` (indexes into the bundle's documents), no pack.
    pub fn render_documents(
        &self,
        bundle: &Bundle,
        only: &BTreeSet<usize>,
    ) -> Result<Rendered, RenderError> {
        let input = self.input(bundle, Some(only))?;
        let rendered = self.render_enterprise(&input)?;
        Ok(Rendered {
            artifacts: only
                .iter()
                .zip(rendered.files)
                .map(|(&n, file)| Artifact {
                    target: Target::Document(n),
                    bytes: file.bytes,
                })
                .collect(),
            warnings: rendered.warnings,
            ..Rendered::default()
        })
    }
}

fn json_error(bundle: &Bundle, error: &serde_json::Error) -> RenderError {
    RenderError::File {
        file: format!("{}/data.json", bundle.id()),
        message: error.to_string(),
    }
}
