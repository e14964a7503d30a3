//! Folios stamped onto laid-out pages. typst lays the pack out once without folios, and
//! two folio documents that mirror it page for page: one numbered through the pack, one
//! numbered per document. Their pages become form XObjects drawn on the pack's pages and
//! on the documents cut from it, marked as pagination artifacts for the tagged pack.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::copy::{Copier, resolve_dict};

/// The resource name of the folio form on a stamped page.
const FOLIO: &[u8] = b"AqFolio";

pub struct Folios<'s> {
    pages: Vec<ObjectId>,
    copier: Copier<'s>,
    /// In the target: the q and Q streams wrapped around a stamped page's own content, and
    /// the stream that draws the folio form.
    streams: Option<[ObjectId; 3]>,
}

impl<'s> Folios<'s> {
    pub fn new(folios: &'s Document) -> Folios<'s> {
        Folios {
            pages: folios.get_pages().into_values().collect(),
            copier: Copier::new(folios, None),
            streams: None,
        }
    }

    /// Draws the folio of page `index` of the folio document on `page` of `target`. A
    /// folio page with no text (the cover) stamps nothing. `base` is the document the
    /// page lives in when `target` is an incremental update of it.
    pub fn stamp(
        &mut self,
        target: &mut Document,
        base: Option<&Document>,
        page: ObjectId,
        index: usize,
    ) {
        let source = self.copier.source;
        let Some(&folio_page) = self.pages.get(index) else {
            return;
        };
        let content = source.get_page_content(folio_page);
        if !content.windows(2).any(|w| w == b"BT") {
            return;
        }
        let Ok(folio) = source.get_dictionary(folio_page) else {
            return;
        };
        let mut form = Dictionary::new();
        form.set("Type", Object::Name(b"XObject".to_vec()));
        form.set("Subtype", Object::Name(b"Form".to_vec()));
        if let Ok(media_box) = folio.get(b"MediaBox") {
            form.set("BBox", media_box.clone());
        }
        if let Ok(resources) = folio.get(b"Resources") {
            let copied = self.copier.copy(target, resources);
            form.set("Resources", copied);
        }
        let stream = Stream::new(form, content);
        let form_id = target.add_object(Object::Stream(stream));
        let streams = self.streams(target);
        add_form(target, base, page, form_id, streams);
    }

    fn streams(&mut self, target: &mut Document) -> [ObjectId; 3] {
        *self.streams.get_or_insert_with(|| {
            let draw: &[u8] =
                b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC q /AqFolio Do Q EMC\n";
            [b"q\n".as_slice(), b"Q\n", draw]
                .map(|bytes| target.add_object(Stream::new(Dictionary::new(), bytes.to_vec())))
        })
    }
}

/// Adds the form to the page's resources (a copy of them: typst may share one resource
/// dictionary among pages) and draws it after the page's own content.
fn add_form(
    target: &mut Document,
    base: Option<&Document>,
    page: ObjectId,
    form: ObjectId,
    [open, close, draw]: [ObjectId; 3],
) {
    let reader: &Document = base.unwrap_or(target);
    let Ok(dict) = reader.get_dictionary(page) else {
        return;
    };
    let mut dict = dict.clone();
    let mut resources = dict
        .get(b"Resources")
        .ok()
        .and_then(|r| resolve_dict(reader, r))
        .cloned()
        .unwrap_or_default();
    let mut xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| resolve_dict(reader, x))
        .cloned()
        .unwrap_or_default();
    xobjects.set(FOLIO, Object::Reference(form));
    resources.set("XObject", Object::Dictionary(xobjects));
    let mut contents = vec![Object::Reference(open)];
    match dict.get(b"Contents") {
        Ok(Object::Array(parts)) => contents.extend(parts.iter().cloned()),
        Ok(one) => contents.push(one.clone()),
        Err(_) => {}
    }
    contents.extend([Object::Reference(close), Object::Reference(draw)]);
    dict.set("Resources", Object::Dictionary(resources));
    dict.set("Contents", Object::Array(contents));
    target.objects.insert(page, Object::Dictionary(dict));
}
