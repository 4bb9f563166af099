//! Reading objects of an untrusted PDF: every lookup may fail, every reference may dangle or
//! loop, every number may be of the wrong type. These helpers return `None` for all of that.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::limits;

/// The object behind `object`, following references (at most [`limits::MAX_REFERENCES`]).
pub fn resolve<'a>(doc: &'a Document, mut object: &'a Object) -> Option<&'a Object> {
    for _ in 0..limits::MAX_REFERENCES {
        match object {
            Object::Reference(id) => object = doc.objects.get(id)?,
            other => return Some(other),
        }
    }
    None
}

/// The dictionary behind `object` (a stream's dictionary too).
pub fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match resolve(doc, object)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The stream behind `object`.
pub fn stream<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Stream> {
    match resolve(doc, object)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// The entry `key` of a dictionary, resolved.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

/// The id an entry refers to, when it is a reference.
pub fn id(dict: &Dictionary, key: &[u8]) -> Option<ObjectId> {
    dict.get(key).ok()?.as_reference().ok()
}

/// A name's bytes.
pub fn name(object: &Object) -> Option<&[u8]> {
    object.as_name().ok()
}

/// The name `key` of a dictionary, resolved.
pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    name(get(doc, dict, key)?)
}

/// A number (integer or real).
pub fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

/// The number `key` of a dictionary, resolved.
pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f64> {
    number(get(doc, dict, key)?)
}

/// A rectangle, normalised so that x0 ≤ x1 and y0 ≤ y1.
pub fn rect(doc: &Document, object: &Object) -> Option<[f64; 4]> {
    let array = resolve(doc, object)?.as_array().ok()?;
    if array.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, item) in v.iter_mut().zip(array) {
        *slot = number(resolve(doc, item)?)?;
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// A text string, decoded.
pub fn text(doc: &Document, object: &Object) -> Option<String> {
    lopdf::decode_text_string(resolve(doc, object)?).ok()
}

/// A stream's content, decompressed within the limit. `None` when it cannot be decoded.
pub fn content(stream: &Stream) -> Option<Vec<u8>> {
    if stream.dict.get(b"Filter").is_err() {
        return Some(stream.content.clone());
    }
    stream
        .decompressed_content_with_limit(limits::MAX_STREAM_BYTES)
        .ok()
}

/// An inheritable page attribute (`MediaBox`, `CropBox`, `Resources`, `Rotate`), looked up on
/// the page and then on its ancestors.
pub fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.objects.get(&page)?.as_dict().ok()?;
    for _ in 0..limits::MAX_REFERENCES {
        if let Some(value) = get(doc, node, key) {
            return Some(value);
        }
        node = dict(doc, node.get(b"Parent").ok()?)?;
    }
    None
}

/// Rectangle `a` lies within `b` (with a small tolerance for rounding).
pub fn within(a: [f64; 4], b: [f64; 4]) -> bool {
    const TOLERANCE: f64 = 0.05;
    a[0] >= b[0] - TOLERANCE
        && a[1] >= b[1] - TOLERANCE
        && a[2] <= b[2] + TOLERANCE
        && a[3] <= b[3] + TOLERANCE
}

/// Rectangles `a` and `b` overlap.
pub fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Points to millimetres.
pub fn mm(points: f64) -> f64 {
    points * 25.4 / 72.0
}
