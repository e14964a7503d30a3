//! The map of the 安全风险四色分布图 as an SVG file beside its page (spec §4: `svg`).

use crate::render::bundle::{
    Artifact, Bundle, Format, RenderError, Rendered, Renderer, Target, figure_of,
};

pub struct SvgFigures;

impl Renderer for SvgFigures {
    fn format(&self) -> Format {
        Format::Svg
    }

    fn render(&self, bundle: &Bundle) -> Result<Rendered, RenderError> {
        let artifacts = bundle
            .docs
            .iter()
            .enumerate()
            .filter_map(|(n, doc)| {
                figure_of(doc).map(|svg| Artifact {
                    target: Target::Document(n),
                    bytes: svg.as_bytes().to_vec(),
                })
            })
            .collect();
        Ok(Rendered::of(artifacts))
    }
}
