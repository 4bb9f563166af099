//! Preflight of one page: its boxes, its annotations and actions, its transparency group, and
//! (through [`super::content`]) what it paints — including whether colour that reaches the
//! trim edge has the bleed to run into.

use lopdf::{Dictionary, Document, ObjectId};

use super::content::Walker;
use super::objects::{self, get, get_name, inherited, mm, overlaps, rect, within};
use super::{Finding, Options};
use crate::i18n::Msg;
use crate::msg;

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
            Finding::error("unreadable-page", msg!("preflight-unreadable-page"))
                .on_page(number)
                .in_object(Some(page))
                .with_help(msg!("preflight-damaged-export-again")),
        );
        return;
    };
    let boxes = boxes(doc, page, dict, number, findings);
    annotations(doc, dict, boxes.as_ref(), number, findings);
    if dict.has(b"AA") {
        findings.push(
            Finding::error("action", msg!("preflight-page-actions"))
                .on_page(number)
                .in_object(Some(page))
                .with_help(msg!("preflight-document-actions.help")),
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
    let error = |code: &'static str, message: Msg, help: Msg| {
        Finding::error(code, message)
            .on_page(number)
            .in_object(Some(page))
            .with_help(help)
    };
    let Some(media) = inherited(doc, page, b"MediaBox").and_then(|b| rect(doc, b)) else {
        findings.push(error(
            "no-media-box",
            msg!("preflight-no-media-box"),
            msg!("preflight-damaged-export-again"),
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
                Finding::warning("trim-and-art-box", msg!("preflight-trim-and-art-box"))
                    .on_page(number)
                    .in_object(Some(page))
                    .with_help(msg!("preflight-trim-and-art-box.help")),
            );
            trim
        }
        (Some(trim), None) | (None, Some(trim)) => trim,
        (None, None) => {
            findings.push(error(
                "no-trim-box",
                msg!("preflight-no-trim-box"),
                msg!("preflight-no-trim-box.help"),
            ));
            return None;
        }
    };
    if !within(bleed, media) {
        findings.push(error(
            "box-nesting",
            msg!("preflight-bleed-outside-media"),
            msg!("preflight-bleed-outside-media.help"),
        ));
    }
    if !within(trim, bleed) {
        findings.push(error(
            "box-nesting",
            msg!("preflight-trim-outside-bleed"),
            msg!("preflight-trim-outside-bleed.help"),
        ));
    }
    Some(Boxes { media, bleed, trim })
}

/// An annotation's kind, its place (`trim`, `bleed`, `outside`, `page`: a key of the message
/// `preflight-annotation`) and whether that is an error.
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
            (Some(a), Some(b)) if overlaps(a, b.trim) => ("trim", true),
            (Some(a), Some(b)) if overlaps(a, b.bleed) => ("bleed", true),
            (Some(_), Some(_)) => ("outside", false),
            _ => ("page", true),
        };
        let key = (kind, place, error);
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, (count, _))) => *count += 1,
            None => found.push((key, (1, annot.as_reference().ok()))),
        }
    }
    for ((kind, place, error), (count, first)) in found {
        let help = match kind.as_str() {
            "link" => msg!("preflight-annotation-link"),
            "widget" => msg!("preflight-annotation-widget"),
            _ => msg!("preflight-annotation-other"),
        };
        let message = msg!(
            "preflight-annotation",
            count = count,
            kind = kind,
            place = place
        );
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
    let short: Vec<Msg> = sides
        .iter()
        .filter(|(_, touches, bleed)| *touches && *bleed < BLEED_MM * 72.0 / 25.4 - BLEED_TOLERANCE)
        .map(|(side, _, bleed)| {
            msg!(
                "preflight-bleed-side",
                side = *side,
                mm = crate::i18n::Arg::Dec(mm(*bleed).max(0.0), 1)
            )
        })
        .collect();
    // `left (1.2 mm), top (0.0 mm)`: the sides joined from the last one back.
    let sides = short
        .into_iter()
        .rev()
        .reduce(|rest, first| msg!("preflight-list", first = first, rest = rest));
    if let Some(sides) = sides {
        findings.push(
            Finding::error("bleed", msg!("preflight-bleed", sides = sides))
                .on_page(number)
                .in_object(Some(page))
                .with_help(msg!("preflight-bleed.help")),
        );
    }
}
