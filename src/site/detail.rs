//! Render target "site" (stage 4): a region's detail map as inline SVG, drawn from the same
//! view data as the printed map ([`crate::view::detail`]): one of its windows, every label
//! where the engine placed it, the scale bar and the locator of the Netherlands.
//!
//! The SVG's user unit is the view's frame unit, a tenth of a millimetre of the printed map,
//! so the rings are written as they come and the stylesheet gives the PDF's line widths in
//! those units (`.map-detail` in `layouts/site/assets/style.css`). Colours are classes, as on
//! the other maps.
//!
//! The labels were placed for Inter at the printed sizes, with widths from the font
//! ([`crate::view::textwidth`]). A browser sets them in the site's font stack, which may be
//! another face: each line is drawn at Inter's baseline in its line box and fitted to the
//! width the placer measured (`textLength`, glyphs and spacing adjusted), so every line keeps
//! inside the box the placer kept free of other labels, whatever face the reader has.

use std::fmt::Write;

use super::html::{Html, escape};
use super::map::push_polylines;
use crate::geo::Ring;
use crate::view::detail::{DetailMap, KeyEntry, UNITS_PER_MM, Window};
use crate::view::labels::{Label, LabelKind, MM_PER_PT};
use crate::view::maps::BaseMap;
use crate::view::textwidth::{self, Weight};
use crate::view::{collation_key, dutch_list, municipalities_phrase};

/// Size on screen, CSS pixels per millimetre of the printed map: the map's width and height
/// attributes (the stylesheet shrinks it to a narrower column). At 6 px the smallest label
/// (5.5 pt) is 11.7 px and a full-width map (170 mm) 1020 px wide.
pub const PX_PER_MM: f64 = 6.0;

/// Frame units per point.
const UNITS_PER_PT: f64 = MM_PER_PT * UNITS_PER_MM;

/// The locator inset: the country's base map with the region highlighted.
#[derive(Debug, Clone, Copy)]
pub struct Locator<'a> {
    /// The base map (the simplified one, as in the PDF's inset).
    pub base: &'a BaseMap<'a>,
    /// The region's rings in map units.
    pub region: &'a [&'a Ring],
}

/// A number with at most one decimal, without a trailing `.0`.
fn num(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    // No "-0" in the markup.
    if r == 0.0 { 0.0 } else { r }
}

/// The weight the PDF sets a label in (`detail-label` in `layouts/style.typ`).
fn weight(kind: LabelKind) -> Weight {
    match kind {
        LabelKind::Neighbour | LabelKind::Scale => Weight::Regular,
        LabelKind::Municipality | LabelKind::Number | LabelKind::Province => Weight::SemiBold,
    }
}

/// The class of a label's group: `label-municipality`, `label-number`, …
fn kind_name(kind: LabelKind) -> &'static str {
    match kind {
        LabelKind::Municipality => "municipality",
        LabelKind::Number => "number",
        LabelKind::Province => "province",
        LabelKind::Neighbour => "neighbour",
        LabelKind::Scale => "scale",
    }
}

/// One label: a group of its lines (a number with its white box), `top` frame units below
/// the frame's top.
fn push_label(out: &mut String, label: &Label, top: f64) {
    let weight = weight(label.kind);
    let ascender = textwidth::line_metrics(weight).ascender * label.size * UNITS_PER_PT;
    let _ = write!(
        out,
        "<g class=\"label-{}\" font-size=\"{}\">",
        kind_name(label.kind),
        num(label.size * UNITS_PER_PT),
    );
    if label.kind == LabelKind::Number {
        let r = &label.rect;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
            num(r.x * UNITS_PER_MM),
            num(r.y * UNITS_PER_MM + top),
            num(r.w * UNITS_PER_MM),
            num(r.h * UNITS_PER_MM),
            num(UNITS_PER_PT),
        );
    }
    for line in &label.lines {
        let width = textwidth::width(&line.text, weight, label.size) * UNITS_PER_PT;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
            num(line.x * UNITS_PER_MM),
            num(line.y * UNITS_PER_MM + top + ascender),
            num(width),
            escape(&line.text),
        );
    }
    out.push_str("</g>");
}

/// Appends a path of `class` if there is anything to draw.
fn path(out: &mut String, class: &str, lines: &[Vec<i32>], close: bool) {
    let refs: Vec<&Ring> = lines.iter().collect();
    if refs.iter().all(|l| l.len() < 4) {
        return;
    }
    let _ = write!(out, "<path class=\"{class}\" d=\"");
    push_polylines(out, &refs, close);
    out.push_str("\"/>");
}

/// The locator in the inset's box (`inset`, frame units): the country as the PDF's
/// `region-drawing` draws it, 3.5 % padding on each side, the window marked.
fn push_locator(out: &mut String, locator: &Locator, window: &Window, top: f64) {
    let r = &window.inset;
    let (x, y, w, h) = (
        r.x * UNITS_PER_MM,
        r.y * UNITS_PER_MM + top,
        r.w * UNITS_PER_MM,
        r.h * UNITS_PER_MM,
    );
    let base = locator.base;
    let pad = w * 0.035;
    // Frame units per map unit.
    let k = (w - 2.0 * pad) / f64::from(base.width.max(1));
    let _ = write!(
        out,
        "<rect class=\"inset-water\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(x),
        num(y),
        num(w),
        num(h)
    );
    // Line widths in map units, so they are the PDF's once scaled.
    let stroke = |pt: f64| (pt * UNITS_PER_PT / k * 100.0).round() / 100.0;
    let _ = write!(
        out,
        "<g class=\"inset\" transform=\"translate({} {}) scale({})\">",
        num(x + pad),
        num(y + pad),
        (k * 10_000.0).round() / 10_000.0,
    );
    let land: Vec<&Ring> = base.land.iter().collect();
    let water: Vec<&Ring> = base.water.iter().collect();
    for (class, rings, width) in [
        ("inset-land", &land, Some(0.3)),
        ("inset-water", &water, None),
        ("inset-region", &locator.region.to_vec(), Some(0.8)),
    ] {
        if rings.is_empty() {
            continue;
        }
        let _ = write!(out, "<path class=\"{class}\"");
        if let Some(pt) = width {
            let _ = write!(out, " stroke-width=\"{}\"", stroke(pt));
        }
        out.push_str(" d=\"");
        push_polylines(out, rings, true);
        out.push_str("\"/>");
    }
    let [ex, ey, ew, eh] = window.extent;
    // At least a point wide, as in the PDF, so a small window still shows.
    let min = UNITS_PER_PT / k;
    let _ = write!(
        out,
        "<rect class=\"inset-extent\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" stroke-width=\"{}\"/></g>",
        num(ex),
        num(ey),
        num(ew.max(min)),
        num(eh.max(min)),
        stroke(0.6),
    );
    let _ = write!(
        out,
        "<rect class=\"inset-frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(x),
        num(y),
        num(w),
        num(h)
    );
}

/// The detail map in `window` as inline SVG: a picture (`role="img"`) labelled by its
/// `title` and described by `desc`. `id` must be unique on the page (it prefixes the ids of
/// the title, the description and the hatching).
pub fn detail_svg(
    map: &DetailMap,
    window: &Window,
    locator: Option<Locator>,
    title: &str,
    desc: &str,
    id: &str,
) -> Html {
    let id = escape(id);
    let top = window.top_mm * UNITS_PER_MM;
    let (w, h) = (f64::from(map.width), window.height_mm * UNITS_PER_MM);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg class=\"map-detail\" viewBox=\"0 {} {} {}\" width=\"{}\" height=\"{}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        num(top),
        num(w),
        num(h),
        (map.width_mm * PX_PER_MM).round(),
        (window.height_mm * PX_PER_MM).round(),
        escape(title),
        escape(desc),
    );
    // The hatching of the shared municipalities: 2.6 pt tiles with a 0.55 pt diagonal on the
    // region's tint, as `map-detail-hatch` in style.typ.
    if !map.shared.is_empty() {
        let t = num(2.6 * UNITS_PER_PT);
        let _ = write!(
            out,
            "<defs><pattern id=\"{id}-hatch\" width=\"{t}\" height=\"{t}\" patternUnits=\"userSpaceOnUse\">\
             <rect class=\"hatch-ground\" width=\"{t}\" height=\"{t}\"/>\
             <path class=\"hatch-line\" d=\"M0 0L{t} {t}\"/></pattern></defs>"
        );
    }
    let _ = write!(
        out,
        "<rect class=\"paper\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(top),
        num(w),
        num(h)
    );
    // The order of `detail-drawing` in style.typ.
    path(&mut out, "land", &map.land, true);
    path(&mut out, "borders", &map.borders, false);
    path(&mut out, "fill", &map.fill, true);
    if !map.shared.is_empty() {
        let _ = write!(out, "<g fill=\"url(#{id}-hatch)\">");
        path(&mut out, "shared", &map.shared, true);
        out.push_str("</g>");
    }
    path(&mut out, "inner", &map.inner, false);
    path(&mut out, "provinces", &map.provinces, false);
    path(&mut out, "outline", &map.fill, true);
    let _ = write!(
        out,
        "<rect class=\"frame\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(top),
        num(w),
        num(h)
    );
    // The scale bar in two halves, ink and white, 1.4 mm high on its axis.
    let bar = &window.scale;
    let half = bar.length_mm * UNITS_PER_MM / 2.0;
    let bar_h = 1.4 * UNITS_PER_MM;
    let (bx, by) = (
        bar.x * UNITS_PER_MM,
        bar.y * UNITS_PER_MM + top - bar_h / 2.0,
    );
    let _ = write!(
        out,
        "<g class=\"scale-bar\"><rect class=\"dark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\
         <rect class=\"light\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></g>",
        num(bx),
        num(by),
        num(half),
        num(bar_h),
        num(bx + half),
        num(by),
        num(half),
        num(bar_h),
    );
    if let Some(locator) = locator {
        push_locator(&mut out, &locator, window, top);
    }
    for label in &window.labels {
        push_label(&mut out, label, top);
    }
    out.push_str("</svg>");
    Html(out)
}

/// A label's text as one string: its lines joined, with no space after a line that ends in
/// a hyphen (the name was broken there).
pub fn label_text(label: &Label) -> String {
    let mut out = String::new();
    for line in &label.lines {
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(&line.text);
    }
    out
}

/// The neighbouring regions named in a window, by their full names where the label matches
/// one of `regions` (the map leaves out the word "Onderwijsregio"), alphabetical.
pub fn neighbours_named(window: &Window, regions: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = window
        .labels
        .iter()
        .filter(|l| l.kind == LabelKind::Neighbour)
        .map(|l| {
            let text = label_text(l);
            // A line ending in a hyphen broke a word, or the name has one before a space
            // ("Duin- en Bollenstreek").
            let spaced = l
                .lines
                .iter()
                .map(|line| line.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            regions
                .iter()
                .find(|r| {
                    let short = r.strip_prefix("Onderwijsregio ").unwrap_or(r);
                    short == text || short == spaced
                })
                .map_or(text, |r| (*r).to_string())
        })
        .collect();
    out.sort_by_key(|n| collation_key(n));
    out.dedup();
    out
}

/// What the map shows, for its `<desc>`: the region and its municipalities (or provinces),
/// how each is marked, the hatched ones, the neighbouring regions named on it, the scale and
/// the locator.
pub fn description(
    region: &str,
    municipalities: &[&str],
    provinces: &[String],
    shared: &[&str],
    window: &Window,
    neighbours: &[String],
) -> String {
    let mut out = format!("Kaart van {region} en omgeving. ");
    if provinces.is_empty() {
        let _ = write!(
            out,
            "De regio, lichtblauw met een donkere rand, bestaat uit {}. ",
            municipalities_phrase(municipalities),
        );
        out.push_str(&numbered(&window.key));
    } else {
        let names: Vec<&str> = provinces.iter().map(String::as_str).collect();
        let _ = write!(
            out,
            "De regio, lichtblauw met een donkere rand, bestaat uit de provincies {}, elk met naam en met een gestreepte grens. ",
            dutch_list(&names),
        );
    }
    match shared {
        [] => {}
        [one] => {
            let _ = write!(out, "Gearceerd: {one} hoort ook bij een andere regio. ");
        }
        many => {
            let _ = write!(
                out,
                "Gearceerd: {} horen ook bij een andere regio. ",
                dutch_list(many)
            );
        }
    }
    let names: Vec<&str> = neighbours.iter().map(String::as_str).collect();
    match names.as_slice() {
        [] => out.push_str("Daaromheen in grijs de gemeenten van andere regio's. "),
        [one] => {
            let _ = write!(
                out,
                "Daaromheen in grijs andere regio's, met de naam van {one}. "
            );
        }
        many => {
            let _ = write!(
                out,
                "Daaromheen in grijs andere regio's, met de namen van {}. ",
                dutch_list(many)
            );
        }
    }
    if let Some(scale) = window.labels.iter().find(|l| l.kind == LabelKind::Scale) {
        let _ = write!(out, "Een schaalbalk geeft {} aan. ", label_text(scale));
    }
    out.push_str("Een kleine kaart van Nederland toont waar de regio ligt.");
    out
}

/// How the municipalities are marked: by name, and the numbered ones with their numbers.
fn numbered(key: &[KeyEntry]) -> String {
    if key.is_empty() {
        return "Elke gemeente staat op de kaart met haar naam. ".to_string();
    }
    let entries: Vec<String> = key
        .iter()
        .map(|k| format!("{} {}", k.number, k.name))
        .collect();
    let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
    format!(
        "Elke gemeente staat op de kaart met haar naam of, waar die niet past, met een nummer uit de lijst van gemeenten: {}. ",
        dutch_list(&entries)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::detail::ScaleBar;
    use crate::view::labels::{LabelLine, Rect};

    fn label(kind: LabelKind, lines: &[(&str, f64, f64)]) -> Label {
        Label {
            kind,
            size: 7.5,
            lines: lines
                .iter()
                .map(|(t, x, y)| LabelLine {
                    text: (*t).to_string(),
                    x: *x,
                    y: *y,
                })
                .collect(),
            rect: Rect {
                x: 1.0,
                y: 2.0,
                w: 30.0,
                h: 8.0,
            },
        }
    }

    fn window(labels: Vec<Label>) -> Window<'static> {
        Window {
            height_mm: 50.0,
            top_mm: 5.0,
            labels,
            key: vec![KeyEntry {
                number: 1,
                name: "Voorschoten",
            }],
            scale: ScaleBar {
                x: 3.0,
                y: 47.0,
                length_mm: 20.0,
                km: 10.0,
            },
            inset: Rect {
                x: 80.0,
                y: 0.0,
                w: 20.0,
                h: 24.0,
            },
            extent: [100.0, 200.0, 50.0, 40.0],
        }
    }

    fn map(windows: Vec<Window<'static>>) -> DetailMap<'static> {
        DetailMap {
            width_mm: 100.0,
            width: 1000,
            height: 600,
            land: vec![vec![0, 0, 1000, 0, 1000, 600, 0, 600]],
            fill: vec![vec![100, 100, 500, 100, 500, 500]],
            shared: vec![vec![100, 100, 300, 100, 300, 300]],
            shared_names: vec!["Leiden"],
            inner: vec![vec![300, 100, 300, 500]],
            borders: vec![],
            provinces: vec![],
            alt: String::new(),
            windows,
        }
    }

    #[test]
    fn labels_sit_on_inters_baseline_at_the_measured_width() {
        let l = label(LabelKind::Municipality, &[("'s-Gravenhage", 10.0, 20.0)]);
        let w = window(vec![l]);
        let m = map(vec![]);
        let svg = detail_svg(&m, &w, None, "Kaart", "Beschrijving", "kaart").0;
        // The window starts 5 mm down the frame: the view box and every label follow it.
        assert!(svg.contains("viewBox=\"0 50 1000 500\""), "{svg}");
        assert!(svg.contains("width=\"600\" height=\"300\""), "{svg}");
        let ascender = textwidth::line_metrics(Weight::SemiBold).ascender * 7.5 * UNITS_PER_PT;
        let width = textwidth::width("'s-Gravenhage", Weight::SemiBold, 7.5) * UNITS_PER_PT;
        let expected = format!(
            "<text x=\"100\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">&#x27;s-Gravenhage</text>",
            num(200.0 + 50.0 + ascender),
            num(width)
        );
        assert!(svg.contains(&expected), "{expected} not in {svg}");
        assert!(svg.contains("<g class=\"label-municipality\" font-size=\"26.5\">"));
        // Hatching only where something is shared, with an id of this map.
        assert!(svg.contains("<pattern id=\"kaart-hatch\""));
        assert!(svg.contains("fill=\"url(#kaart-hatch)\""));
        // Open borders stay open; rings close.
        assert!(
            svg.contains("<path class=\"inner\" d=\"M300 100l0 400\"/>"),
            "{svg}"
        );
        assert!(svg.contains("<path class=\"fill\" d=\"M100 100l400 0 0 400z\"/>"));
    }

    #[test]
    fn content_in_labels_and_text_is_escaped() {
        let l = label(LabelKind::Municipality, &[("<script>", 1.0, 1.0)]);
        let svg = detail_svg(&map(vec![]), &window(vec![l]), None, "a\"b", "<c>", "k").0;
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("<title id=\"k-title\">a&quot;b</title>"));
        assert!(svg.contains("<desc id=\"k-desc\">&lt;c&gt;</desc>"));
    }

    #[test]
    fn numbers_get_their_box_and_the_locator_its_window() {
        let n = label(LabelKind::Number, &[("1", 2.0, 3.0)]);
        let base = BaseMap {
            width: 1000,
            height: 1200,
            land: &[],
            water: &[],
            attribution: "",
        };
        let ring: Ring = vec![10, 10, 20, 10, 20, 20];
        let region = [&ring];
        let locator = Locator {
            base: &base,
            region: &region,
        };
        let svg = detail_svg(&map(vec![]), &window(vec![n]), Some(locator), "t", "d", "k").0;
        assert!(svg.contains("<g class=\"label-number\""));
        assert!(
            svg.contains("<rect x=\"10\" y=\"70\" width=\"300\" height=\"80\""),
            "{svg}"
        );
        // The inset: 200 units wide, 3.5 % padding, the country 186 units wide.
        assert!(
            svg.contains("transform=\"translate(807 57) scale(0.186)\""),
            "{svg}"
        );
        assert!(svg.contains("<rect class=\"inset-extent\" x=\"100\" y=\"200\""));
        assert!(svg.contains("<path class=\"inset-region\""));
    }

    #[test]
    fn the_description_names_what_the_map_shows() {
        let mut neighbour = label(
            LabelKind::Neighbour,
            &[("Groene", 1.0, 1.0), ("Hart", 1.0, 4.0)],
        );
        neighbour.size = 7.0;
        let other = label(
            LabelKind::Neighbour,
            &[("Noord-", 1.0, 1.0), ("Holland", 1.0, 4.0)],
        );
        let scale = label(LabelKind::Scale, &[("10 km", 1.0, 1.0)]);
        let duin = label(
            LabelKind::Neighbour,
            &[("Leiden, Duin-", 1.0, 1.0), ("en Bollenstreek", 1.0, 4.0)],
        );
        let w = window(vec![neighbour, other, duin, scale]);
        let regions = [
            "Onderwijsregio Groene Hart",
            "Onderwijsregio Noord-Holland",
            "Leiden, Duin- en Bollenstreek",
            "Zwolle",
        ];
        let named = neighbours_named(&w, &regions);
        assert_eq!(
            named,
            [
                "Leiden, Duin- en Bollenstreek",
                "Onderwijsregio Groene Hart",
                "Onderwijsregio Noord-Holland"
            ]
        );
        let d = description(
            "Onderwijsregio Haaglanden",
            &["Delft", "Voorschoten"],
            &[],
            &["Delft"],
            &w,
            &named,
        );
        assert!(d.starts_with("Kaart van Onderwijsregio Haaglanden en omgeving."));
        assert!(d.contains("2 gemeenten: Delft en Voorschoten."));
        assert!(d.contains("nummer uit de lijst van gemeenten: 1 Voorschoten."));
        assert!(d.contains("Gearceerd: Delft hoort ook bij een andere regio."));
        assert!(d.contains(
            "met de namen van Leiden, Duin- en Bollenstreek, Onderwijsregio Groene Hart en Onderwijsregio Noord-Holland."
        ));
        assert!(d.contains("schaalbalk geeft 10 km aan"));
    }
}
