//! Stage 3 (view): how wide a map label will be, from the advance widths of the font the
//! layouts set labels in, so labels can be placed here and the layouts only draw them.
//!
//! The layouts set map labels in Inter (`layouts/style.typ`), which the project ships in
//! `fonts/`. The same two files are compiled into the engine: the view stage reads no files,
//! and `check` and the tests see exactly the widths a build sees. Widths are the sum of the
//! glyphs' advances without kerning; Inter's kerning only ever narrows these labels, so a
//! label drawn by Typst fits the box reserved for it here (`tests/suite/maps.rs` checks that on the
//! laid-out pages).

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::layout::Abs;
use typst::text::{Font, FontInstance, FontVariations};

/// The weights map labels are set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Inter Regular: names of neighbouring regions, the scale bar.
    Regular,
    /// Inter SemiBold: the region's own municipalities, provinces, key numbers.
    SemiBold,
}

/// Vertical extent of a line of text, in em: from the ascender above the baseline to the
/// descender below it. The layouts set labels with `top-edge: "ascender"` and
/// `bottom-edge: "descender"`, so a label's line box is exactly this high.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineMetrics {
    /// Ascender, above the baseline.
    pub ascender: f64,
    /// Descender, below the baseline (positive).
    pub descender: f64,
}

impl LineMetrics {
    /// Height of a line box at `size` (pt), in pt.
    pub fn height(&self, size: f64) -> f64 {
        (self.ascender + self.descender) * size
    }
}

/// The two label faces, parsed once per process, with the advances of the first code points
/// (Latin, where place names live) looked up once.
struct Faces {
    regular: Option<FontInstance>,
    semibold: Option<FontInstance>,
    regular_advances: Vec<f64>,
    semibold_advances: Vec<f64>,
}

/// Code points whose advances are looked up once (Basic Latin to Latin Extended-B).
const CACHED: u32 = 0x250;

/// The advance of `c` in `face`, in em; a character without a glyph counts as a wide one
/// (0.7 em), so an unexpected name gets too much room rather than too little.
fn advance(face: &FontInstance, c: char) -> f64 {
    face.ttf()
        .glyph_index(c)
        .and_then(|g| face.x_advance(g.0))
        .map_or(0.7, |a| a.get())
}

static REGULAR: &[u8] = include_bytes!("../../fonts/Inter-Regular.otf");
static SEMIBOLD: &[u8] = include_bytes!("../../fonts/Inter-SemiBold.otf");

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let instance = |data: &'static [u8]| {
            let font = Font::new(Bytes::new(data), 0)?;
            let variant = font.info().variant;
            Some(font.instantiate(variant, Abs::pt(10.0), &FontVariations::default()))
        };
        let regular = instance(REGULAR);
        let semibold = instance(SEMIBOLD);
        let table = |face: &Option<FontInstance>| match face {
            Some(face) => (0..CACHED)
                .map(|c| char::from_u32(c).map_or(0.7, |c| advance(face, c)))
                .collect(),
            None => Vec::new(),
        };
        Faces {
            regular_advances: table(&regular),
            semibold_advances: table(&semibold),
            regular,
            semibold,
        }
    })
}

fn face(weight: Weight) -> Option<&'static FontInstance> {
    let f = faces();
    match weight {
        Weight::Regular => f.regular.as_ref(),
        Weight::SemiBold => f.semibold.as_ref(),
    }
}

/// Width of `text` set at `size` pt in `weight`, in pt. A character without a glyph counts as
/// a wide one (0.7 em), so an unexpected name gets too much room rather than too little.
pub fn width(text: &str, weight: Weight, size: f64) -> f64 {
    let Some(face) = face(weight) else {
        return text.chars().count() as f64 * 0.7 * size;
    };
    let f = faces();
    let table = match weight {
        Weight::Regular => &f.regular_advances,
        Weight::SemiBold => &f.semibold_advances,
    };
    let em: f64 = text
        .chars()
        .map(|c| match table.get(c as usize) {
            Some(a) => *a,
            None => advance(face, c),
        })
        .sum();
    em * size
}

/// Ascender and descender of the label face.
pub fn line_metrics(weight: Weight) -> LineMetrics {
    match face(weight) {
        Some(face) => {
            let m = face.metrics();
            LineMetrics {
                ascender: m.ascender.get(),
                descender: -m.descender.get(),
            }
        }
        // Inter's own values, should the embedded font ever fail to parse.
        None => LineMetrics {
            ascender: 0.96875,
            descender: 0.2421875,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let narrow = width("iiii", Weight::Regular, 10.0);
        let wide = width("MMMM", Weight::Regular, 10.0);
        assert!(narrow > 5.0 && narrow < wide, "{narrow} {wide}");
        // Semibold is wider than regular, and width scales with the size.
        assert!(width("Zwolle", Weight::SemiBold, 10.0) > width("Zwolle", Weight::Regular, 10.0));
        let a = width("Zwolle", Weight::Regular, 7.0);
        let b = width("Zwolle", Weight::Regular, 14.0);
        assert!((b - 2.0 * a).abs() < 1e-9);
        let m = line_metrics(Weight::Regular);
        assert!(m.ascender > 0.9 && m.descender > 0.2, "{m:?}");
    }
}
