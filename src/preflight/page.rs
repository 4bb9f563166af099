//! Preflight of one page: its boxes, its annotations and actions, its transparency group, and
//! (through [`super::content`]) what it paints — including whether colour that reaches the
//! trim edge has the bleed to run into.

use lopdf::{Dictionary, Document, ObjectId};

use super::content::Walker;
use super::objects::{self, get, get_name, inherited, mm, overlaps, rect, within};
use super::{Finding, Options};

/// The bleed a print shop needs where colour reaches the trim edge.
const BLEED_MM: f64 = 3.0;
/// Rounding allowed when comparing the bleed (points).
const BLEED_TOLERANCE: f64 = 0.1;
/// Colour within this distance of the trim edge (points) reaches it.
const TOUCH: f64 = 0.5;

/// Every check of one page (1-based `number`).
pub fn check(
    doc: &Document,
    page: ObjectId,
    number: usize,
    options: &Options,
    findings: &mut Vec<Finding>,
) {
    let Some(dict) = doc.objects.get(&page).and_then(|o| o.as_dict().ok()) else {
        findings.push(
            Finding::error("unreadable-page", "the page object cannot be read")
                .on_page(number)
                .in_object(Some(page))
                .with_help("the file is damaged: export it again"),
        );
        return;
    };
    let boxes = boxes(doc, page, dict, number, findings);
    annotations(doc, dict, boxes.as_ref(), number, findings);
    if dict.has(b"AA") {
        findings.push(
            Finding::error(
                "action",
                "the page runs actions when it is opened or closed (/AA)",
            )
            .on_page(number)
            .in_object(Some(page))
            .with_help("export without interactive features"),
        );
    }
    let resources = inherited(doc, page, b"Resources").and_then(|r| objects::dict(doc, r));
    let default_rgb = resources
        .and_then(|r| get(doc, r, b"ColorSpace"))
        .and_then(|c| objects::dict(doc, c))
        .is_some_and(|c| c.has(b"DefaultRGB"));
    let mut walker = Walker::new(doc, number, options, default_rgb);
    walker.group(dict, Some(page));
    walker.page(page, resources);
    findings.extend(walker.findings.drain(..).map(|f| f.in_object_or(page)));
    if let (Some(b), Some(painted)) = (boxes, walker.painted) {
        bleed(&b, painted, number, page, findings);
    }
}

impl Finding {
    /// Points at `page` when the finding names no object of its own.
    fn in_object_or(mut self, page: ObjectId) -> Self {
        if self.object.is_none() {
            self.object = Some(page);
        }
        self
    }
}

/// A page's boxes (default user space).
struct Boxes {
    media: [f64; 4],
    bleed: [f64; 4],
    trim: [f64; 4],
}

/// Presence and nesting of the page boxes: TrimBox (or ArtBox) ⊆ BleedBox ⊆ MediaBox.
fn boxes(
    doc: &Document,
    page: ObjectId,
    dict: &Dictionary,
    number: usize,
    findings: &mut Vec<Finding>,
) -> Option<Boxes> {
    let error = |code: &'static str, message: String, help: &str| {
        Finding::error(code, message)
            .on_page(number)
            .in_object(Some(page))
            .with_help(help)
    };
    let Some(media) = inherited(doc, page, b"MediaBox").and_then(|b| rect(doc, b)) else {
        findings.push(error(
            "no-media-box",
            "the page has no MediaBox".into(),
            "the file is damaged: export it again",
        ));
        return None;
    };
    let crop = inherited(doc, page, b"CropBox")
        .and_then(|b| rect(doc, b))
        .unwrap_or(media);
    let own = |key: &[u8]| dict.get(key).ok().and_then(|b| rect(doc, b));
    // BleedBox defaults to the CropBox, which defaults to the MediaBox (PDF 32000-1, 14.11.2).
    let bleed = own(b"BleedBox").unwrap_or(crop);
    let trim = match (own(b"TrimBox"), own(b"ArtBox")) {
        (Some(trim), Some(_)) => {
            findings.push(
                Finding::warning("trim-and-art-box", "the page has both a TrimBox and an ArtBox")
                    .on_page(number)
                    .in_object(Some(page))
                    .with_help("PDF/X wants one of them; the TrimBox (the finished size) is the one the print shop uses"),
            );
            trim
        }
        (Some(trim), None) | (None, Some(trim)) => trim,
        (None, None) => {
            findings.push(error(
                "no-trim-box",
                "the page has no TrimBox: the finished size is unknown".into(),
                "export with the document's page size as trim (in most programs: PDF/X export with 'use document bleed settings')",
            ));
            return None;
        }
    };
    if !within(bleed, media) {
        findings.push(error(
            "box-nesting",
            "the BleedBox reaches outside the MediaBox".into(),
            "export again; the bleed must lie within the page",
        ));
    }
    if !within(trim, bleed) {
        findings.push(error(
            "box-nesting",
            "the TrimBox reaches outside the BleedBox".into(),
            "export again; the finished size must lie within the bleed",
        ));
    }
    Some(Boxes { media, bleed, trim })
}

/// An annotation's kind, its place (`inside the trim`) and whether that is an error.
type AnnotationKey = (String, &'static str, bool);

/// Annotations: only printer's marks and trap networks belong in a print file. Reported once
/// per page for each kind and place, with the count.
fn annotations(
    doc: &Document,
    page: &Dictionary,
    boxes: Option<&Boxes>,
    number: usize,
    findings: &mut Vec<Finding>,
) {
    let Some(annots) = get(doc, page, b"Annots").and_then(|a| a.as_array().ok()) else {
        return;
    };
    let mut found: Vec<(AnnotationKey, (usize, Option<ObjectId>))> = Vec::new();
    for annot in annots.iter().take(100_000) {
        let Some(dict) = objects::dict(doc, annot) else {
            continue;
        };
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"(unknown)");
        if matches!(subtype, b"PrinterMark" | b"TrapNet") {
            continue;
        }
        let kind = String::from_utf8_lossy(subtype).to_lowercase();
        let area = dict.get(b"Rect").ok().and_then(|r| rect(doc, r));
        let (place, error) = match (area, boxes) {
            (Some(a), Some(b)) if overlaps(a, b.trim) => ("inside the trim", true),
            (Some(a), Some(b)) if overlaps(a, b.bleed) => ("in the bleed", true),
            (Some(_), Some(_)) => ("outside the bleed", false),
            _ => ("on the page", true),
        };
        let key = (kind, place, error);
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, (count, _))) => *count += 1,
            None => found.push((key, (1, annot.as_reference().ok()))),
        }
    }
    for ((kind, place, error), (count, first)) in found {
        let message = match count {
            1 => format!("{kind} annotation {place}"),
            n => format!("{n} {kind} annotations {place}"),
        };
        let help = match kind.as_str() {
            "link" => "export without links (links belong in the web edition)",
            "widget" => "flatten the form fields before sending",
            _ => "remove the annotation, or flatten it into the page if it should print",
        };
        let finding = if error {
            Finding::error("annotation", message)
        } else {
            Finding::warning("annotation", message)
        };
        findings.push(finding.on_page(number).in_object(first).with_help(help));
    }
}

/// Where colour reaches a trim edge, the bleed on that side must be at least 3 mm.
fn bleed(b: &Boxes, painted: [f64; 4], number: usize, page: ObjectId, findings: &mut Vec<Finding>) {
    // Only what is on the sheet counts.
    let p = [
        painted[0].max(b.media[0]),
        painted[1].max(b.media[1]),
        painted[2].min(b.media[2]),
        painted[3].min(b.media[3]),
    ];
    if p[0] >= p[2] || p[1] >= p[3] {
        return;
    }
    let t = b.trim;
    let sides = [
        ("left", p[0] <= t[0] + TOUCH, t[0] - b.bleed[0]),
        ("bottom", p[1] <= t[1] + TOUCH, t[1] - b.bleed[1]),
        ("right", p[2] >= t[2] - TOUCH, b.bleed[2] - t[2]),
        ("top", p[3] >= t[3] - TOUCH, b.bleed[3] - t[3]),
    ];
    let short: Vec<String> = sides
        .iter()
        .filter(|(_, touches, bleed)| *touches && *bleed < BLEED_MM * 72.0 / 25.4 - BLEED_TOLERANCE)
        .map(|(side, _, bleed)| format!("{side} ({:.1} mm)", mm(*bleed).max(0.0)))
        .collect();
    if !short.is_empty() {
        findings.push(
            Finding::error(
                "bleed",
                format!("colour reaches the trim edge with less than 3 mm bleed: {}", short.join(", ")),
            )
            .on_page(number)
            .in_object(Some(page))
            .with_help("let backgrounds and pictures that touch the edge run 3 mm past it, and export with 3 mm bleed"),
        );
    }
}
