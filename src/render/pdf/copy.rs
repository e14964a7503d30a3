//! Deep copy of PDF objects from one lopdf document into another, following references
//! but never back up the tree (a page's /Parent, an annotation's /P, structure links), so
//! that copying a page brings only what the page draws.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// Keys that point back up the tree or into the pack's structure tree: a copied page gets
/// a new parent and the cut-out document carries no structure tree.
const NOT_FOLLOWED: [&[u8]; 5] = [b"Parent", b"P", b"StructParent", b"StructParents", b"Pg"];

/// Replaces an object of the source by another while copying (a font program cut down to
/// the glyphs the target uses).
pub type Substitute<'s> = &'s dyn Fn(ObjectId, &Object) -> Option<Object>;

pub struct Copier<'s> {
    pub source: &'s Document,
    /// Source object → its copy in the target.
    copied: HashMap<ObjectId, ObjectId>,
    substitute: Option<Substitute<'s>>,
}

impl<'s> Copier<'s> {
    pub fn new(source: &'s Document, substitute: Option<Substitute<'s>>) -> Copier<'s> {
        Copier {
            source,
            copied: HashMap::new(),
            substitute,
        }
    }

    /// The copy of a source object in `target`, made once.
    pub fn copy_id(&mut self, target: &mut Document, id: ObjectId) -> ObjectId {
        if let Some(&done) = self.copied.get(&id) {
            return done;
        }
        let new_id = target.new_object_id();
        self.copied.insert(id, new_id);
        let object = match self.source.get_object(id) {
            Ok(object) => match self.substitute.and_then(|s| s(id, object)) {
                Some(replaced) => replaced,
                None => self.copy(target, object),
            },
            Err(_) => Object::Null,
        };
        target.objects.insert(new_id, object);
        new_id
    }

    /// Makes `copy` the copy of `source`, before the copy is filled in: references to a
    /// page from its own annotations then lead to it.
    pub fn record(&mut self, source: ObjectId, copy: ObjectId) {
        self.copied.insert(source, copy);
    }

    /// Whether a source object was copied, and as what.
    pub fn copied(&self, id: ObjectId) -> Option<ObjectId> {
        self.copied.get(&id).copied()
    }

    pub fn copy(&mut self, target: &mut Document, object: &Object) -> Object {
        match object {
            Object::Reference(id) => Object::Reference(self.copy_id(target, *id)),
            Object::Array(items) => {
                Object::Array(items.iter().map(|o| self.copy(target, o)).collect())
            }
            Object::Dictionary(dict) => Object::Dictionary(self.copy_dict(target, dict)),
            Object::Stream(stream) => {
                let mut copy =
                    Stream::new(self.copy_dict(target, &stream.dict), stream.content.clone());
                // Already filtered as the pack has it: written as is.
                copy.allows_compression = false;
                Object::Stream(copy)
            }
            other => other.clone(),
        }
    }

    pub fn copy_dict(&mut self, target: &mut Document, dict: &Dictionary) -> Dictionary {
        let mut copy = Dictionary::new();
        for (key, value) in dict.iter() {
            if !NOT_FOLLOWED.contains(&key.as_slice()) {
                copy.set(key.clone(), self.copy(target, value));
            }
        }
        copy
    }
}

/// A dictionary entry, following one reference.
pub fn resolve<'d>(doc: &'d Document, object: &'d Object) -> Option<&'d Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

pub fn resolve_dict<'d>(doc: &'d Document, object: &'d Object) -> Option<&'d Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

pub fn entry<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    resolve(doc, dict.get(key).ok()?)
}
