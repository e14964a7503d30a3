//! Pictures for Word: anquan's SVG drawings rasterized with resvg, site photos
//! re-encoded as PNG (the one format docx-rs embeds).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use docx_rs::Pic;

/// A picture ready to embed: PNG bytes and their pixel size.
#[derive(Clone)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// English Metric Units per millimetre, the unit of a picture's size in OOXML.
const EMU_PER_MM: f64 = 36_000.0;
/// Drawings are rasterized for print: about 300 dots per inch at their printed width.
const PRINT_DPI: f64 = 300.0;

/// Holds the fonts resvg draws text with, loaded once per build, and the drawings
/// rasterized so far: the map is in its own file and in the pack.
pub struct Rasterizer {
    options: resvg::usvg::Options<'static>,
    done: Mutex<HashMap<(String, u64), Option<Png>>>,
}

impl Rasterizer {
    /// `font_files` are the CJK faces the PDFs use, so the map reads the same.
    pub fn new(font_files: &[PathBuf]) -> Rasterizer {
        let mut db = resvg::usvg::fontdb::Database::new();
        for file in font_files {
            // A face that cannot be read is skipped: another one draws the text.
            let _ = db.load_font_file(file);
        }
        let mut options = resvg::usvg::Options {
            fontdb: Arc::new(db),
            ..Default::default()
        };
        options.font_family = "Noto Sans CJK SC".to_string();
        Rasterizer {
            options,
            done: Mutex::default(),
        }
    }

    /// `svg` at `width_mm` printed width; `None` when it is not a drawing.
    pub fn svg_png(&self, svg: &str, width_mm: f64) -> Option<Png> {
        let key = (svg.to_string(), (width_mm * 100.0) as u64);
        if let Some(png) = self
            .done
            .lock()
            .ok()
            .and_then(|done| done.get(&key).cloned())
        {
            return png;
        }
        let png = self.rasterize(svg, width_mm);
        if let Ok(mut done) = self.done.lock() {
            done.insert(key, png.clone());
        }
        png
    }

    fn rasterize(&self, svg: &str, width_mm: f64) -> Option<Png> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options).ok()?;
        let size = tree.size();
        let width = (width_mm / 25.4 * PRINT_DPI).round().max(1.0) as u32;
        let scale = width as f32 / size.width();
        let height = (size.height() * scale).round().max(1.0) as u32;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)?;
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        let transform = resvg::tiny_skia::Transform::from_scale(scale, scale);
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        let bytes = pixmap.encode_png().ok()?;
        Some(Png {
            bytes,
            width,
            height,
        })
    }
}

/// A photo file (PNG or JPEG) as PNG; `None` when it is missing or unreadable, so the
/// card shows an empty photo box as the PDF does.
pub fn photo_png(path: &Path) -> Option<Png> {
    let bytes = std::fs::read(path).ok()?;
    let image = image::load_from_memory(&bytes).ok()?;
    let (width, height) = (image.width(), image.height());
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).ok()?;
    Some(Png {
        bytes: out.into_inner(),
        width,
        height,
    })
}

/// The picture at `width_mm` wide (its height kept in proportion, capped at
/// `max_height_mm`). `id` must be unique in the file: docx-rs's own counter is global
/// to the process, so files built in parallel would differ from build to build.
pub fn picture(png: Png, id: usize, width_mm: f64, max_height_mm: f64) -> Pic {
    let ratio = f64::from(png.height) / f64::from(png.width.max(1));
    let (mut w, mut h) = (width_mm, width_mm * ratio);
    if h > max_height_mm {
        (w, h) = (max_height_mm / ratio, max_height_mm);
    }
    Pic::new_with_dimensions(png.bytes, png.width, png.height)
        .id(format!("rIdImage{id}"))
        .size((w * EMU_PER_MM) as u32, (h * EMU_PER_MM) as u32)
}
