//! The index page's map: every region of a sector as a link, drawn as inline SVG from the same
//! geometry and colouring as the publication's overview maps.

use std::fmt::Write;

use crate::model::Model;
use crate::view::maps;

/// Fill colours by colour index (the overview maps' palette, web edition).
const COLOURS: [&str; 6] = [
    "#7fb8da", "#f2b872", "#9dcf8f", "#d9a6d6", "#f0e08a", "#a7b3e8",
];

/// One `<svg>` per sector, each region an `<a>` to its preview with its name as text
/// alternative; `None` when the project has no boundaries.
pub fn svg(model: &Model) -> Option<String> {
    let geo = model.geo.as_ref()?;
    let small = geo.small();
    let mut out = String::new();
    for overview in maps::overviews(model) {
        let sector = overview.sector.id;
        let _ = write!(
            out,
            "<svg class=\"map\" data-sector=\"{sector}\" viewBox=\"0 0 {} {}\" role=\"group\" aria-labelledby=\"map-{sector}-title\"><title id=\"map-{sector}-title\">{}</title>",
            crate::geo::MAP_WIDTH as i32,
            geo.height,
            escape(&overview.title),
        );
        for ring in &small.provinces {
            let _ = write!(out, "<path class=\"land\" d=\"{}\"/>", path(ring));
        }
        for r in &overview.regions {
            let (_, region) = match model.region(r.region.id) {
                Some(found) => found,
                None => continue,
            };
            let _ = write!(
                out,
                "<a href=\"/preview/factsheets/{id}\" data-region=\"{id}\" aria-label=\"{name}\"><path fill=\"{fill}\" d=\"",
                id = escape(&region.id),
                name = escape(&region.name),
                fill = COLOURS[r.colour % COLOURS.len()],
            );
            for &m in &region.municipalities {
                let code = &model.municipality(m).code;
                for ring in small.municipalities.get(code).into_iter().flatten() {
                    out.push_str(&path(ring));
                }
            }
            out.push_str("\"/></a>");
        }
        out.push_str("</svg>");
    }
    Some(out)
}

/// A ring as compact path data: the first point absolute, then relative steps.
fn path(ring: &[i32]) -> String {
    let mut d = String::new();
    let mut last = (0, 0);
    for (i, p) in ring.chunks_exact(2).enumerate() {
        let (x, y) = (p[0], p[1]);
        if i == 0 {
            let _ = write!(d, "M{x} {y}l");
        } else {
            let _ = write!(d, "{} {} ", x - last.0, y - last.1);
        }
        last = (x, y);
    }
    d.push('z');
    d
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
