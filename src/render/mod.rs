//! Renderers: one per output format, each walking the same documents.

pub mod blocks_html;
mod boards_html;
pub mod bundle;
pub mod chart;
pub mod docx;
pub mod engine;
pub mod figures;
pub mod fonts;
pub mod html;
pub mod ics;
pub mod nobreak;
pub mod pdf;
pub mod svg;
pub mod typst;
pub mod xlsx;
