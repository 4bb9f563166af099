//! Stage 5 (export), finishing: the print edition made PDF/X-4, which Typst 0.15 cannot write.
//!
//! Typst exports PDF 1.6 with a TrimBox (the layout sets a bleed), but no BleedBox, no crop
//! marks and no output intent. This stage reads the exported PDF with lopdf and, per page, sets
//! the BleedBox (the page as Typst laid it out: trim plus bleed) and, on request, enlarges the
//! MediaBox to hold crop marks drawn in the registration colour outside the bleed; then
//! [`pdfx`] removes what is interactive and adds the output intent and the PDF/X metadata.

mod pdfx;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::model::PrintCondition;

/// What the finishing needs besides the PDF.
#[derive(Debug, Clone)]
pub struct Finishing<'a> {
    /// Draw crop marks outside the bleed.
    pub crop_marks: bool,
    /// The printing condition: output intent profile and identifiers.
    pub condition: &'a PrintCondition,
    /// The build's timestamp (seconds since the epoch), for the metadata dates.
    pub timestamp: i64,
    /// The job name, the title's fallback.
    pub ident: &'a str,
}

/// Millimetres to PostScript points.
fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

/// Gap between the bleed edge and a crop mark.
const MARK_GAP_MM: f64 = 1.0;
/// Length of a crop mark.
const MARK_LENGTH_MM: f64 = 6.0;
/// Room added around the bleed box for the marks.
const MARK_AREA_MM: f64 = MARK_GAP_MM + MARK_LENGTH_MM + 2.0;
/// Resource name of the registration colour space.
const REGISTRATION: &[u8] = b"DrukwerkRegistration";

/// Makes Typst's PDF a PDF/X-4 print file: BleedBox (and crop marks) on every page, nothing
/// interactive, the output intent and the PDF/X metadata.
pub fn finish(pdf: &[u8], finishing: &Finishing) -> Result<Vec<u8>, String> {
    let mut doc =
        Document::load_mem(pdf).map_err(|e| format!("cannot read the exported PDF: {e}"))?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let registration = finishing.crop_marks.then(|| registration_colour(&mut doc));
    for &page in &pages {
        let media = page_box(&doc, page, b"MediaBox").ok_or("a page has no MediaBox")?;
        let trim = page_box(&doc, page, b"TrimBox").unwrap_or(media);
        let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
        dict.set("BleedBox", rect(media));
        if let Some(cs) = registration {
            let m = mm(MARK_AREA_MM);
            let outer = [media[0] - m, media[1] - m, media[2] + m, media[3] + m];
            dict.set("MediaBox", rect(outer));
            dict.set("CropBox", rect(outer));
            add_colour_space(&mut doc, page, cs)?;
            let content = marks(media, trim);
            let id = doc.add_object(Stream::new(Dictionary::new(), content));
            append_content(&mut doc, page, id)?;
        }
    }
    pdfx::remove_interactive(&mut doc, &pages)?;
    pdfx::add_output_intent(&mut doc, finishing.condition)?;
    pdfx::set_metadata(&mut doc, pdf, finishing)?;
    // Links and their actions are gone; their objects go with them.
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(out)
}

fn rect(r: [f64; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Real(*v as f32)).collect())
}

/// A page box as [x0, y0, x1, y1], looked up on the page (Typst writes boxes per page).
pub fn page_box(doc: &Document, page: ObjectId, name: &[u8]) -> Option<[f64; 4]> {
    let dict = doc.get_dictionary(page).ok()?;
    let array = match dict.get(name).ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
        other => other.as_array().ok()?,
    };
    let v: Vec<f64> = array
        .iter()
        .filter_map(|o| o.as_float().ok().map(f64::from))
        .collect();
    (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
}

/// The registration colour: a Separation "All" that prints on every plate.
fn registration_colour(doc: &mut Document) -> ObjectId {
    let mut function = Dictionary::new();
    function.set("FunctionType", 2);
    function.set("Domain", vec![0.into(), 1.into()]);
    function.set("C0", vec![0.into(), 0.into(), 0.into(), 0.into()]);
    function.set("C1", vec![1.into(), 1.into(), 1.into(), 1.into()]);
    function.set("N", 1);
    let function = doc.add_object(function);
    doc.add_object(Object::Array(vec![
        Object::Name(b"Separation".to_vec()),
        Object::Name(b"All".to_vec()),
        Object::Name(b"DeviceCMYK".to_vec()),
        Object::Reference(function),
    ]))
}

/// A dictionary's entry `key` (cloned), if there is one.
fn entry(doc: &Document, dict: ObjectId, key: &[u8]) -> Result<Option<Object>, String> {
    Ok(doc
        .get_dictionary(dict)
        .map_err(|e| e.to_string())?
        .get(key)
        .ok()
        .cloned())
}

/// The dictionary an entry holds inline, or a new one if it is missing.
fn inline_or_new(entry: Option<Object>) -> Dictionary {
    match entry {
        Some(Object::Dictionary(d)) => d,
        _ => Dictionary::new(),
    }
}

/// Adds the registration colour space to a page's resources.
fn add_colour_space(doc: &mut Document, page: ObjectId, cs: ObjectId) -> Result<(), String> {
    let resources_id = match entry(doc, page, b"Resources")? {
        Some(Object::Reference(id)) => id,
        // Inline (or missing) resources become an object of their own, so the colour space
        // can be added in one place below.
        other => {
            let id = doc.add_object(inline_or_new(other));
            doc.get_dictionary_mut(page)
                .map_err(|e| e.to_string())?
                .set("Resources", id);
            id
        }
    };
    match entry(doc, resources_id, b"ColorSpace")? {
        Some(Object::Reference(id)) => {
            doc.get_dictionary_mut(id)
                .map_err(|e| e.to_string())?
                .set(REGISTRATION, cs);
        }
        // Inline (or missing) colour spaces: the dictionary, with "All" added, goes back in.
        other => {
            let mut d = inline_or_new(other);
            d.set(REGISTRATION, cs);
            doc.get_dictionary_mut(resources_id)
                .map_err(|e| e.to_string())?
                .set("ColorSpace", d);
        }
    }
    Ok(())
}

/// Appends a content stream to a page (after Typst's, so the marks are drawn on top).
fn append_content(doc: &mut Document, page: ObjectId, stream: ObjectId) -> Result<(), String> {
    let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
    let contents = dict.get(b"Contents").ok().cloned();
    let list = match contents {
        Some(Object::Array(mut a)) => {
            a.push(Object::Reference(stream));
            a
        }
        Some(other) => vec![other, Object::Reference(stream)],
        None => vec![Object::Reference(stream)],
    };
    dict.set("Contents", Object::Array(list));
    Ok(())
}

/// Crop marks at the four trim corners, starting just outside the bleed.
fn marks(bleed: [f64; 4], trim: [f64; 4]) -> Vec<u8> {
    let gap = mm(MARK_GAP_MM);
    let len = mm(MARK_LENGTH_MM);
    let mut ops = format!(
        "q /{} CS 1 SCN 0.25 w 0 J\n",
        String::from_utf8_lossy(REGISTRATION)
    );
    let [bx0, by0, bx1, by1] = bleed;
    let [tx0, ty0, tx1, ty1] = trim;
    let mut line = |x0: f64, y0: f64, x1: f64, y1: f64| {
        ops.push_str(&format!("{x0:.3} {y0:.3} m {x1:.3} {y1:.3} l S\n"));
    };
    for (tx, left) in [(tx0, true), (tx1, false)] {
        for (ty, bottom) in [(ty0, true), (ty1, false)] {
            // Horizontal mark on the trim line, outside the bleed to the left or right.
            let (hx0, hx1) = if left {
                (bx0 - gap - len, bx0 - gap)
            } else {
                (bx1 + gap, bx1 + gap + len)
            };
            line(hx0, ty, hx1, ty);
            // Vertical mark on the trim line, outside the bleed above or below.
            let (vy0, vy1) = if bottom {
                (by0 - gap - len, by0 - gap)
            } else {
                (by1 + gap, by1 + gap + len)
            };
            line(tx, vy0, tx, vy1);
        }
    }
    ops.push_str("Q\n");
    ops.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_stay_outside_the_bleed() {
        let bleed = [0.0, 0.0, 612.0, 858.9];
        let trim = [8.5, 8.5, 603.5, 850.4];
        let text = String::from_utf8(marks(bleed, trim)).unwrap();
        let lines: Vec<Vec<f64>> = text
            .lines()
            .filter(|l| l.ends_with(" l S"))
            .map(|l| l.split(' ').filter_map(|t| t.parse().ok()).collect())
            .collect();
        assert_eq!(lines.len(), 8);
        for l in &lines {
            let (x0, y0, x1, y1) = (l[0], l[1], l[2], l[3]);
            let inside = |x: f64, y: f64| x > 0.0 && x < 612.0 && y > 0.0 && y < 858.9;
            assert!(
                !inside(x0, y0) && !inside(x1, y1),
                "mark inside the bleed: {l:?}"
            );
        }
    }
}
