//! Every page laid out once: typst lays out an enterprise's pack, and each document's PDF
//! is cut out of it here: its pages, the resources they draw with, its fonts cut down to
//! its own glyphs, its part of the pack's outline as bookmarks, and its own folios.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, StringFormat};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::copy::{Copier, resolve, resolve_dict};
use super::glyphs::{self, GlyphUse};
use super::stamp::Folios;

#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    #[error("reading the PDF typst wrote: {0}")]
    Pdf(#[from] lopdf::Error),
    #[error("the pack typst wrote does not match its documents: {0}")]
    Shape(String),
}

/// What typst wrote for one enterprise.
pub struct LaidOut<'a> {
    pub pack: &'a [u8],
    /// Folios numbered through the pack, page for page.
    pub running_folios: &'a [u8],
    /// Folios numbered within each document, page for page.
    pub own_folios: &'a [u8],
}

/// One document of the pack, in the pack's order.
pub struct Part<'a> {
    pub file: &'a str,
    /// The PDF's title (document info).
    pub title: String,
}

/// The finished pack and each document's PDF, as (file name, bytes): the pack last.
pub fn split(
    laid_out: &LaidOut,
    parts: &[Part],
    pack_file: &str,
) -> Result<Vec<(String, Vec<u8>)>, SplitError> {
    let pack = Document::load_mem(laid_out.pack)?;
    let running = Document::load_mem(laid_out.running_folios)?;
    let own = Document::load_mem(laid_out.own_folios)?;
    let pages: Vec<ObjectId> = pack.get_pages().into_values().collect();
    let outline = read_outline(&pack)?;
    if outline.len() != parts.len() {
        return Err(SplitError::Shape(format!(
            "{} bookmarks for {} documents",
            outline.len(),
            parts.len()
        )));
    }
    for folios in [&running, &own] {
        let count = folios.get_pages().len();
        if count != pages.len() {
            return Err(SplitError::Shape(format!(
                "{count} folio pages for {} pages",
                pages.len()
            )));
        }
    }
    let ranges = page_ranges(&pages, &outline)?;
    let uses: Vec<GlyphUse> = ranges
        .par_iter()
        .map(|range| glyphs::glyphs_used(&pack, &pages[range.clone()]))
        .collect();
    let programs = glyphs::font_programs(&pack, &uses.iter().collect::<Vec<_>>());
    let id_seed = pack.trailer.get(b"ID").ok().cloned();
    let mut files: Vec<(String, Vec<u8>)> = parts
        .par_iter()
        .zip(ranges.par_iter())
        .zip(outline.par_iter().zip(uses.par_iter()))
        .map(|((part, range), (bookmark, used))| {
            let cut = Cut {
                pack: &pack,
                pages: &pages[range.clone()],
                first: range.start,
                used,
                programs: &programs,
            };
            let mut doc = cut.document(&own, bookmark, &part.title);
            set_id(&mut doc, id_seed.as_ref(), part.file);
            save(doc).map(|bytes| (part.file.to_string(), bytes))
        })
        .collect::<Result<_, _>>()?;
    // The pack is typst's file with its folios appended as an incremental update: only
    // the stamped pages and the folio forms are written, not the pack's 20,000 objects.
    let mut update = Document::new_from_prev(&pack);
    let mut folios = Folios::new(&running);
    for (index, &page) in pages.iter().enumerate() {
        folios.stamp(&mut update, Some(&pack), page, index);
    }
    let mut stamped = IncrementalDocument::create_from(laid_out.pack.to_vec(), pack);
    stamped.new_document = update;
    let mut bytes = Vec::new();
    stamped
        .save_to(&mut bytes)
        .map_err(|e| SplitError::Shape(format!("writing the pack: {e}")))?;
    // Freeing the pack's objects takes tens of milliseconds: not on the build's path.
    rayon::spawn(move || drop(stamped));
    files.push((pack_file.to_string(), bytes));
    Ok(files)
}

/// A bookmark of the pack: its title, where it points, and the headings under it.
struct Bookmark {
    title: Object,
    /// The destination array: the page, then the view (/XYZ left top zoom).
    dest: Vec<Object>,
    children: Vec<Bookmark>,
}

impl Bookmark {
    fn page(&self) -> Option<ObjectId> {
        self.dest.first()?.as_reference().ok()
    }
}

fn read_outline(doc: &Document) -> Result<Vec<Bookmark>, SplitError> {
    let root = doc
        .catalog()?
        .get(b"Outlines")
        .ok()
        .and_then(|o| resolve_dict(doc, o))
        .ok_or_else(|| SplitError::Shape("no outline".to_string()))?;
    Ok(bookmarks(doc, root, 0))
}

fn bookmarks(doc: &Document, parent: &Dictionary, depth: usize) -> Vec<Bookmark> {
    let mut items = Vec::new();
    let mut next = parent.get(b"First").ok().and_then(|o| resolve_dict(doc, o));
    // Depth and length bounds: a malformed outline cannot loop.
    while let Some(item) = next.filter(|_| depth < 16 && items.len() < 100_000) {
        let dest = item
            .get(b"Dest")
            .ok()
            .and_then(|d| resolve(doc, d))
            .and_then(|d| d.as_array().ok())
            .cloned()
            .unwrap_or_default();
        items.push(Bookmark {
            title: item.get(b"Title").cloned().unwrap_or(Object::Null),
            dest,
            children: bookmarks(doc, item, depth + 1),
        });
        next = item.get(b"Next").ok().and_then(|o| resolve_dict(doc, o));
    }
    items
}

/// Each document's pages: from the page its bookmark points at to the next one's.
fn page_ranges(
    pages: &[ObjectId],
    outline: &[Bookmark],
) -> Result<Vec<std::ops::Range<usize>>, SplitError> {
    let index: BTreeMap<ObjectId, usize> =
        pages.iter().enumerate().map(|(n, &id)| (id, n)).collect();
    let starts: Vec<usize> = outline
        .iter()
        .map(|b| b.page().and_then(|p| index.get(&p).copied()))
        .collect::<Option<_>>()
        .ok_or_else(|| SplitError::Shape("a bookmark points at no page".to_string()))?;
    let mut ends: Vec<usize> = starts.iter().skip(1).copied().collect();
    ends.push(pages.len());
    if starts.iter().zip(&ends).any(|(s, e)| s >= e) {
        return Err(SplitError::Shape(
            "documents do not follow each other".to_string(),
        ));
    }
    Ok(starts.into_iter().zip(ends).map(|(s, e)| s..e).collect())
}

/// One document's share of the pack.
struct Cut<'p> {
    pack: &'p Document,
    pages: &'p [ObjectId],
    /// The pack index of its first page (the folio documents are indexed like the pack).
    first: usize,
    used: &'p GlyphUse,
    programs: &'p BTreeMap<ObjectId, Vec<u8>>,
}

impl Cut<'_> {
    fn document(&self, own_folios: &Document, bookmark: &Bookmark, title: &str) -> Document {
        let mut doc = Document::with_version("1.7");
        let substitute = |id: ObjectId, object: &Object| {
            let cids = self.used.get(&id)?;
            glyphs::cut_program(self.programs.get(&id)?, object.as_stream().ok()?, cids)
        };
        let mut copier = Copier::new(self.pack, Some(&substitute));
        let mut folios = Folios::new(own_folios);
        let pages_id = doc.new_object_id();
        let mut kids = Vec::with_capacity(self.pages.len());
        for (n, &page) in self.pages.iter().enumerate() {
            let Ok(dict) = self.pack.get_dictionary(page) else {
                continue;
            };
            let id = doc.new_object_id();
            copier.record(page, id);
            let own = with_inherited(self.pack, dict);
            let mut copy =
                copier.copy_dict(&mut doc, &without_links_out(&own, self.pack, self.pages));
            copy.set("Parent", Object::Reference(pages_id));
            doc.objects.insert(id, Object::Dictionary(copy));
            folios.stamp(&mut doc, None, id, self.first + n);
            kids.push(Object::Reference(id));
        }
        let mut pages = Dictionary::new();
        pages.set("Type", Object::Name(b"Pages".to_vec()));
        pages.set("Count", Object::Integer(kids.len() as i64));
        pages.set("Kids", Object::Array(kids));
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(pages_id));
        if let Ok(pack_catalog) = self.pack.catalog() {
            for key in [b"Lang".as_slice(), b"ViewerPreferences"] {
                if let Ok(value) = pack_catalog.get(key) {
                    catalog.set(key.to_vec(), value.clone());
                }
            }
        }
        let outline = write_outline(&mut doc, std::slice::from_ref(bookmark), &copier);
        if let Some(outline) = outline {
            catalog.set("Outlines", Object::Reference(outline));
        }
        let catalog_id = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog_id));
        let info = self.info(title);
        let info_id = doc.add_object(info);
        doc.trailer.set("Info", Object::Reference(info_id));
        doc
    }

    /// The pack's document info with the document's own title.
    fn info(&self, title: &str) -> Dictionary {
        let mut info = self
            .pack
            .trailer
            .get(b"Info")
            .ok()
            .and_then(|i| resolve_dict(self.pack, i))
            .cloned()
            .unwrap_or_default();
        info.set(
            "Title",
            Object::String(utf16_text(title), StringFormat::Hexadecimal),
        );
        info
    }
}

/// A page with the attributes it inherits from the page tree (ISO 32000-1, 7.7.3.4) set
/// on itself: a cut-out page leaves the pack's tree behind.
fn with_inherited(pack: &Document, original: &Dictionary) -> Dictionary {
    let mut page = original.clone();
    let mut parent = original
        .get(b"Parent")
        .ok()
        .and_then(|p| resolve_dict(pack, p));
    // Bounded: a malformed tree cannot loop.
    for _ in 0..64 {
        let Some(node) = parent else { break };
        for key in [b"Resources".as_slice(), b"MediaBox", b"CropBox", b"Rotate"] {
            if page.get(key).is_err()
                && let Ok(value) = node.get(key)
            {
                page.set(key.to_vec(), value.clone());
            }
        }
        parent = node.get(b"Parent").ok().and_then(|p| resolve_dict(pack, p));
    }
    page
}

/// A page without the link annotations that lead to pages outside the document (the
/// pack's contents page has them; a document's own pages normally none).
fn without_links_out(page: &Dictionary, pack: &Document, inside: &[ObjectId]) -> Dictionary {
    let mut page = page.clone();
    let Some(Object::Array(annots)) = page
        .get(b"Annots")
        .ok()
        .and_then(|a| resolve(pack, a))
        .cloned()
    else {
        return page;
    };
    let kept: Vec<Object> = annots
        .into_iter()
        .filter(|annot| {
            let Some(dict) = resolve_dict(pack, annot) else {
                return false;
            };
            let action = dict.get(b"A").ok().and_then(|a| resolve_dict(pack, a));
            let goto = action
                .and_then(|a| a.get(b"D").ok())
                .or_else(|| dict.get(b"Dest").ok());
            match goto.and_then(|d| resolve(pack, d)) {
                None => true,
                Some(Object::Array(dest)) => dest
                    .first()
                    .and_then(|p| p.as_reference().ok())
                    .is_some_and(|p| inside.contains(&p)),
                // Named destinations live in the pack's name tree.
                Some(_) => false,
            }
        })
        .collect();
    if kept.is_empty() {
        page.remove(b"Annots");
    } else {
        page.set("Annots", Object::Array(kept));
    }
    page
}

/// Writes bookmarks whose pages were copied; returns the outline dictionary.
fn write_outline(doc: &mut Document, roots: &[Bookmark], copier: &Copier) -> Option<ObjectId> {
    let outline_id = doc.new_object_id();
    let (first, last, count) = write_items(doc, roots, outline_id, copier, true)?;
    let mut outline = Dictionary::new();
    outline.set("Type", Object::Name(b"Outlines".to_vec()));
    outline.set("First", Object::Reference(first));
    outline.set("Last", Object::Reference(last));
    outline.set("Count", Object::Integer(count));
    doc.objects.insert(outline_id, Object::Dictionary(outline));
    Some(outline_id)
}

/// The items of one level: (first, last, visible count). The document's title is open,
/// its headings closed.
fn write_items(
    doc: &mut Document,
    items: &[Bookmark],
    parent: ObjectId,
    copier: &Copier,
    open: bool,
) -> Option<(ObjectId, ObjectId, i64)> {
    let items: Vec<(&Bookmark, ObjectId)> = items
        .iter()
        .filter_map(|b| Some((b, copier.copied(b.page()?)?)))
        .collect();
    let ids: Vec<ObjectId> = items.iter().map(|_| doc.new_object_id()).collect();
    let mut visible = 0;
    for (n, ((bookmark, page), &id)) in items.iter().zip(&ids).enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", bookmark.title.clone());
        item.set("Parent", Object::Reference(parent));
        let mut dest = bookmark.dest.clone();
        dest[0] = Object::Reference(*page);
        item.set("Dest", Object::Array(dest));
        if n > 0 {
            item.set("Prev", Object::Reference(ids[n - 1]));
        }
        if let Some(next) = ids.get(n + 1) {
            item.set("Next", Object::Reference(*next));
        }
        visible += 1;
        if let Some((first, last, count)) = write_items(doc, &bookmark.children, id, copier, false)
        {
            item.set("First", Object::Reference(first));
            item.set("Last", Object::Reference(last));
            let children = bookmark.children.len() as i64;
            item.set(
                "Count",
                Object::Integer(if open { count } else { -children }),
            );
            if open {
                visible += count;
            }
        }
        doc.objects.insert(id, Object::Dictionary(item));
    }
    Some((*ids.first()?, *ids.last()?, visible))
}

fn utf16_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// A file identifier from the pack's and the file's name: the same input, the same bytes.
fn set_id(doc: &mut Document, pack_id: Option<&Object>, file: &str) {
    let mut hash = Sha256::new();
    if let Some(Object::Array(parts)) = pack_id
        && let Some(Object::String(bytes, _)) = parts.first()
    {
        hash.update(bytes);
    }
    hash.update(file.as_bytes());
    let id = Object::String(hash.finalize()[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

fn save(mut doc: Document) -> Result<Vec<u8>, SplitError> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| SplitError::Shape(format!("writing a PDF: {e}")))?;
    Ok(bytes)
}
