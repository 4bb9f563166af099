//! Render target "site" (stage 4): maps as inline SVG, drawn from the same view geometry as the
//! PDF maps ([`crate::view::maps`], rings in map units).
//!
//! Two maps: the overview of one sector, where every region is a link (keyboard reachable, named
//! for screen readers, with a visible focus from the stylesheet), and the country with a region
//! highlighted, a picture with a text alternative (for a region without an area; the others
//! get their detail map, [`super::detail`]). Colours are classes (`land`, `water`, `c0`…, `hl`), so the
//! palette lives in the site's stylesheet. Coordinates are whole map units and path data is
//! relative, which keeps an overview of 49 regions near 60 KB.

use std::fmt::Write;

use super::html::{Html, escape};
use crate::geo::Ring;
use crate::view::maps::{BaseMap, OverviewMap, RegionMap};

/// Appends SVG path data for rings: `M x y l dx dy … z` per ring, relative after the first
/// point, with no separator before a minus sign.
fn push_path(out: &mut String, rings: &[&Ring]) {
    push_polylines(out, rings, true);
}

/// Appends SVG path data for polylines (flat `[x, y, …]`), relative after each first point;
/// `close` ends each with `z` (rings), else they stay open (borders).
pub(super) fn push_polylines(out: &mut String, rings: &[&Ring], close: bool) {
    for ring in rings {
        // A single point would leave `l` without arguments, an error that stops the browser
        // drawing the rest of the path.
        if ring.len() < 4 {
            continue;
        }
        let mut points = ring.chunks_exact(2);
        let Some(first) = points.next() else { continue };
        let (mut x, mut y) = (first[0], first[1]);
        let _ = write!(out, "M{x} {y}l");
        let mut start = true;
        for p in points {
            let (dx, dy) = (p[0] - x, p[1] - y);
            if !start && dx >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dx}");
            if dy >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dy}");
            (x, y) = (p[0], p[1]);
            start = false;
        }
        if close {
            out.push('z');
        }
    }
}

/// SVG path data for rings: `M x y l dx dy … z` per ring, relative after the first point.
pub fn path_data(rings: &[&Ring]) -> String {
    let mut out = String::new();
    push_path(&mut out, rings);
    out
}

fn path(out: &mut String, class: &str, rings: &[&Ring]) {
    if rings.is_empty() {
        return;
    }
    let _ = write!(out, "<path class=\"{class}\" d=\"");
    push_path(out, rings);
    out.push_str("\"/>");
}

/// The land and enclosed waters under every map.
fn base_layers(out: &mut String, base: &BaseMap) {
    let land: Vec<&Ring> = base.land.iter().collect();
    let water: Vec<&Ring> = base.water.iter().collect();
    path(out, "land", &land);
    path(out, "water", &water);
}

/// An overview map of one sector as inline SVG: each region a link to `href(region id)`, named
/// "number. region name", numbered as in the text list the page puts beside it. `id` must be
/// unique on the page (it prefixes the ids of the title and description).
pub fn overview_svg(
    map: &OverviewMap,
    base: &BaseMap,
    id: &str,
    href: impl Fn(&str) -> String,
) -> Html {
    let id = escape(id);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg class=\"map map-overview\" viewBox=\"0 0 {} {}\" role=\"group\" \
         aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        base.width,
        base.height,
        escape(&map.title),
        escape(&map.alt),
    );
    base_layers(&mut out, base);
    for region in &map.regions {
        let name = format!("{}. {}", region.number, region.region.name);
        let _ = write!(
            out,
            "<a href=\"{}\" class=\"region c{}\" aria-label=\"{}\"><title>{}</title>",
            escape(&href(region.region.id)),
            region.colour,
            escape(&name),
            escape(&name),
        );
        let rings: Vec<&Ring> = region.rings.to_vec();
        path(&mut out, "area", &rings);
        out.push_str("</a>");
    }
    // Municipalities in more than one region of the sector: hatched, not a link (they belong
    // to several pages); the text list and the region pages name them.
    let overlaps: Vec<&Ring> = map
        .overlaps
        .iter()
        .flat_map(|o| o.rings.iter().copied())
        .collect();
    if !overlaps.is_empty() {
        let _ = write!(
            out,
            "<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect width=\"6\" height=\"6\" fill=\"#E6E7EA\"/>\
             <path d=\"M0 0v6\" stroke=\"#6E747E\" stroke-width=\"2\"/></pattern></defs>\
             <path class=\"overlap\" fill=\"url(#{id}-hatch)\" d=\""
        );
        push_path(&mut out, &overlaps);
        out.push_str("\"/>");
    }
    // Numbers on top, ignored by pointers and screen readers (the links carry the names).
    out.push_str("<g class=\"labels\" aria-hidden=\"true\">");
    for region in &map.regions {
        let (x, y) = region.label_at;
        let _ = write!(out, "<text x=\"{x}\" y=\"{y}\">{}</text>", region.number);
    }
    out.push_str("</g></svg>");
    Html(out)
}

/// What a region page's country map shows: the region's rings over the base map, framed by a
/// view box. Made from the region map of the publication ([`RegionMap`]); a region with an
/// area shows its detail map instead ([`super::detail::detail_svg`]).
#[derive(Debug)]
pub struct RegionMapData<'a> {
    /// The land and waters under the region.
    pub base: &'a BaseMap<'a>,
    /// The region's rings, highlighted.
    pub highlight: Vec<&'a Ring>,
    /// The part of the map shown: x, y, width, height in map units.
    pub view_box: (i32, i32, i32, i32),
    /// Short title of the picture.
    pub title: String,
    /// Text alternative: what the map shows.
    pub alt: &'a str,
}

impl<'a> RegionMapData<'a> {
    /// The whole country with the region highlighted, as in the publication.
    pub fn country(map: &'a RegionMap<'a>, base: &'a BaseMap<'a>, region_name: &str) -> Self {
        RegionMapData {
            base,
            highlight: map.rings.clone(),
            view_box: (0, 0, base.width, base.height),
            title: format!("Kaart: {region_name}"),
            alt: &map.alt,
        }
    }
}

/// A region's map as inline SVG: a picture (`role="img"`) with a title and a description.
pub fn region_svg(map: &RegionMapData, id: &str) -> Html {
    let id = escape(id);
    let (x, y, w, h) = map.view_box;
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<svg class=\"map map-region\" viewBox=\"{x} {y} {w} {h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&map.title),
        escape(map.alt),
    );
    base_layers(&mut out, map.base);
    path(&mut out, "hl", &map.highlight);
    out.push_str("</svg>");
    Html(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_data_is_relative_and_compact() {
        let a: Ring = vec![10, 20, 13, 18, 13, 25, 9, 25];
        let b: Ring = vec![0, 0, 1, 1, 0, 1];
        assert_eq!(path_data(&[&a, &b]), "M10 20l3-2 0 7-4 0zM0 0l1 1-1 0z");
        // A ring of fewer than two points draws nothing (a lone `l` would stop the path).
        assert_eq!(path_data(&[&vec![]]), "");
        assert_eq!(path_data(&[&vec![5, 5], &b]), "M0 0l1 1-1 0z");
        // Open polylines (borders) are not closed.
        let mut open = String::new();
        push_polylines(&mut open, &[&a], false);
        assert_eq!(open, "M10 20l3-2 0 7-4 0");
    }
}
