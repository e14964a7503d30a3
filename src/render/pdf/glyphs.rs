//! Which glyphs a set of pages draws, font by font, and each CID font's program cut down
//! to them: a document cut out of the pack carries only its own glyphs, not the pack's
//! whole font subset.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::cff;
use super::copy::{entry, resolve_dict};

/// CIDs drawn, per font program (the /FontFile3 stream of a CID-keyed font).
pub type GlyphUse = BTreeMap<ObjectId, BTreeSet<u16>>;

/// The CIDs that `pages` draw, per font program, through forms and patterns too.
pub fn glyphs_used(doc: &Document, pages: &[ObjectId]) -> GlyphUse {
    let mut scan = Scan {
        doc,
        used: GlyphUse::new(),
        visited: HashSet::new(),
    };
    for &page in pages {
        let Ok(dict) = doc.get_dictionary(page) else {
            continue;
        };
        let resources = dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r));
        scan.content(&doc.get_page_content(page), resources, None);
    }
    scan.used
}

struct Scan<'d> {
    doc: &'d Document,
    used: GlyphUse,
    /// Forms and patterns already scanned.
    visited: HashSet<ObjectId>,
}

impl<'d> Scan<'d> {
    /// `font`: the font in force where the content is drawn (a form inherits its caller's).
    fn content(&mut self, bytes: &[u8], resources: Option<&'d Dictionary>, font: Option<ObjectId>) {
        // The font is graphics state: q saves it and Q restores it.
        let mut font = font;
        let mut saved = Vec::new();
        // A stream that does not parse to its end is scanned as far as it parses: typst
        // writes well-formed streams, and a glyph missed would only print blank.
        for op in Content::decode_iter(bytes).map_while(Result::ok) {
            match op.operator.as_str() {
                "q" => saved.push(font),
                "Q" => font = saved.pop().flatten(),
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|name| name.as_name().ok())
                        .and_then(|name| self.font_program(resources?, name));
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if let Some(program) = font {
                        let set = self.used.entry(program).or_default();
                        for operand in &op.operands {
                            add_cids(set, operand);
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = op.operands.first().and_then(|n| n.as_name().ok()) {
                        self.xobject(resources, name, font);
                    }
                }
                _ => {}
            }
        }
        // Tiling patterns draw content of their own.
        let patterns = resources.and_then(|r| entry(self.doc, r, b"Pattern"));
        if let Some(Object::Dictionary(patterns)) = patterns {
            for (_, pattern) in patterns.iter() {
                if let Object::Reference(id) = pattern {
                    self.stream(*id, resources, None);
                }
            }
        }
    }

    fn xobject(&mut self, resources: Option<&'d Dictionary>, name: &[u8], font: Option<ObjectId>) {
        let Some(xobjects) = resources.and_then(|r| entry(self.doc, r, b"XObject")) else {
            return;
        };
        let Ok(dict) = xobjects.as_dict() else {
            return;
        };
        if let Ok(Object::Reference(id)) = dict.get(name) {
            self.stream(*id, resources, font);
        }
    }

    /// A form or a tiling pattern: its own content with its own resources (or the caller's).
    fn stream(&mut self, id: ObjectId, inherited: Option<&'d Dictionary>, font: Option<ObjectId>) {
        if !self.visited.insert(id) {
            return;
        }
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        let pattern = stream.dict.get(b"PatternType").is_ok();
        if subtype != Some(b"Form".as_slice()) && !pattern {
            return;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(self.doc, r));
        if let Ok(bytes) = stream.decompressed_content() {
            self.content(&bytes, own.or(inherited), font);
        }
    }

    /// The /FontFile3 of a Type0 font with a CID-keyed CFF program, by resource name.
    fn font_program(&self, resources: &'d Dictionary, name: &[u8]) -> Option<ObjectId> {
        let fonts = entry(self.doc, resources, b"Font")?.as_dict().ok()?;
        let font = resolve_dict(self.doc, fonts.get(name).ok()?)?;
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            return None;
        }
        let descendants = entry(self.doc, font, b"DescendantFonts")?.as_array().ok()?;
        let cid_font = resolve_dict(self.doc, descendants.first()?)?;
        let descriptor = resolve_dict(self.doc, cid_font.get(b"FontDescriptor").ok()?)?;
        let program = descriptor.get(b"FontFile3").ok()?.as_reference().ok()?;
        let subtype = self
            .doc
            .get_object(program)
            .ok()?
            .as_stream()
            .ok()?
            .dict
            .get(b"Subtype");
        (subtype.and_then(Object::as_name).ok() == Some(b"CIDFontType0C".as_slice()))
            .then_some(program)
    }
}

/// Two-byte codes of a shown string (Identity-H: code = CID), in a TJ array too.
fn add_cids(set: &mut BTreeSet<u16>, operand: &Object) {
    match operand {
        Object::String(bytes, _) => {
            set.extend(
                bytes
                    .chunks_exact(2)
                    .map(|pair| u16::from_be_bytes([pair[0], pair[1]])),
            );
        }
        Object::Array(items) => items.iter().for_each(|item| add_cids(set, item)),
        _ => {}
    }
}

/// The CFF programs of the pack, decompressed once for all documents.
pub fn font_programs(doc: &Document, used: &[&GlyphUse]) -> BTreeMap<ObjectId, Vec<u8>> {
    let ids: BTreeSet<ObjectId> = used.iter().flat_map(|u| u.keys().copied()).collect();
    ids.into_iter()
        .filter_map(|id| {
            let stream = doc.get_object(id).ok()?.as_stream().ok()?;
            Some((id, stream.decompressed_content().ok()?))
        })
        .collect()
}

/// A font program stream keeping only `cids`; None (copy unchanged) when the program is
/// not one cff::keep_glyphs can cut.
pub fn cut_program(program: &[u8], original: &Stream, cids: &BTreeSet<u16>) -> Option<Object> {
    let cut = cff::keep_glyphs(program, cids).ok()?;
    let mut dict = original.dict.clone();
    dict.remove(b"DecodeParms");
    // Left uncompressed: deflating every document's fonts would cost more time than the
    // pack's layout allows (spec §11), for about 15% of the files' size.
    dict.remove(b"Filter");
    let mut stream = Stream::new(dict, cut);
    stream.allows_compression = false;
    Some(Object::Stream(stream))
}
