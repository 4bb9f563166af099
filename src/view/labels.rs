//! Stage 3 (view): placing the names on a detail map so that none collide.
//!
//! Works in millimetres on the map as printed, y downwards, with text widths from the font
//! ([`super::textwidth`]). Each name is tried at its label point first, then moved a little,
//! then on two lines or abbreviated, then smaller; a name that still does not fit inside its
//! area without touching another label gets a number, explained in the key under the map.
//! Every placed box lies inside the map frame and overlaps no other box: the layout draws the
//! text at exactly these positions (`tests/suite/maps.rs` checks it on the laid-out pages).

use serde::Serialize;

use super::textwidth::{self, Weight};

/// A rectangle in millimetres: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// The centre, four corners and four edge midpoints.
    fn samples(&self) -> [(f64, f64); 9] {
        let (x0, y0, x1, y1) = (self.x, self.y, self.x + self.w, self.y + self.h);
        let (xm, ym) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        [
            (xm, ym),
            (x0, y0),
            (x1, y0),
            (x0, y1),
            (x1, y1),
            (xm, y0),
            (xm, y1),
            (x0, ym),
            (x1, ym),
        ]
    }
}

/// One line of a label: its text and the top-left corner of its line box (ascender to
/// descender), in millimetres from the map's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelLine {
    /// The text.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Top of the line box.
    pub y: f64,
}

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    /// A municipality of the region.
    Municipality,
    /// A number standing in for a municipality's name (see the key).
    Number,
    /// A province of a region described by provinces.
    Province,
    /// A neighbouring region, over its municipalities.
    Neighbour,
    /// The length of the scale bar ("10 km").
    Scale,
}

/// A placed label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// What it names.
    pub kind: LabelKind,
    /// Type size in pt.
    pub size: f64,
    /// Its lines, each placed.
    pub lines: Vec<LabelLine>,
    /// The box reserved for it (the lines plus a little air; a number's white box).
    pub rect: Rect,
}

/// Air kept around every label, mm: covers rounding and the odd glyph that kerns wider.
const PADDING: f64 = 0.3;
/// Space between the lines of a label, mm: the line boxes (ascender to descender) do not touch.
const LINE_GAP: f64 = 0.1;
/// Labels keep this far from the frame's edge, mm.
const EDGE: f64 = 1.0;
/// How many of the nearest moves are "near the anchor" (within about 2.5 mm).
const NEAR: usize = 60;
/// Millimetres per point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// An area a label belongs to: polygons in millimetres on the map, each with its bounding box
/// so that most points are ruled out without walking the polygon.
/// A polygon with its bounding box `[x0, y0, x1, y1]`.
type Polygon = ([f64; 4], Vec<(f64, f64)>);

#[derive(Debug, Clone, Default)]
pub struct Area {
    polygons: Vec<Polygon>,
    bbox: [f64; 4],
}

impl Area {
    /// The area of these rings (points in mm, closed implicitly).
    pub fn new(rings: impl IntoIterator<Item = Vec<(f64, f64)>>) -> Self {
        let mut all = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        let polygons = rings
            .into_iter()
            .filter(|pts| pts.len() >= 3)
            .map(|pts| {
                let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
                for &(x, y) in &pts {
                    b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
                }
                all = [
                    all[0].min(b[0]),
                    all[1].min(b[1]),
                    all[2].max(b[2]),
                    all[3].max(b[3]),
                ];
                (b, pts)
            })
            .collect();
        Self {
            polygons,
            bbox: all,
        }
    }

    /// Whether the point lies inside the area (even-odd rule per polygon).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let inside_box = |b: &[f64; 4]| x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3];
        inside_box(&self.bbox)
            && self.polygons.iter().any(|(b, pts)| {
                if !inside_box(b) {
                    return false;
                }
                let mut inside = false;
                let mut j = pts.len() - 1;
                for i in 0..pts.len() {
                    let ((xi, yi), (xj, yj)) = (pts[i], pts[j]);
                    if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = i;
                }
                inside
            })
    }

    /// The middle of the part of the area's bounding box inside the rectangle from (`x0`,
    /// `y0`) to (`x1`, `y1`), if any: where to start looking for room for a name.
    pub fn visible_centre(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Option<(f64, f64)> {
        let b = &self.bbox;
        let (l, t, r, d) = (b[0].max(x0), b[1].max(y0), b[2].min(x1), b[3].min(y1));
        (l < r && t < d).then_some(((l + r) / 2.0, (t + d) / 2.0))
    }

    /// Whether a `w` × `h` rectangle could fit inside the area's bounding box.
    fn may_fit(&self, w: f64, h: f64) -> bool {
        w <= self.bbox[2] - self.bbox[0] && h <= self.bbox[3] - self.bbox[1]
    }

    /// Whether the point lies within the area's bounding box.
    fn may_contain(&self, x: f64, y: f64) -> bool {
        let b = &self.bbox;
        x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3]
    }

    /// Whether `rect` lies within the area's bounding box.
    fn may_hold(&self, rect: &Rect) -> bool {
        let b = &self.bbox;
        rect.x >= b[0] && rect.y >= b[1] && rect.x + rect.w <= b[2] && rect.y + rect.h <= b[3]
    }
}

/// What a label says and how it may be set.
#[derive(Debug, Clone, Copy)]
pub struct Name<'a> {
    /// What it names.
    pub kind: LabelKind,
    /// The ways it may be written, each a list of lines, preferred first ([`forms`]).
    pub forms: &'a [Vec<String>],
    /// The sizes it may take, pt, largest first.
    pub sizes: &'a [f64],
    /// Its weight.
    pub weight: Weight,
}

/// Where labels may go: the map frame, less what is already taken.
#[derive(Debug, Clone)]
pub struct Placer {
    width: f64,
    height: f64,
    /// Areas are looked at this much lower (mm) than the frame: a window of a taller map.
    area_dy: f64,
    taken: Vec<Rect>,
    offsets: Vec<(f64, f64)>,
}

impl Placer {
    /// An empty frame `width` × `height` mm, whose areas lie `area_dy` mm lower in their own
    /// coordinates (the frame is a window `area_dy` below the top of a taller one).
    pub fn new(width: f64, height: f64, area_dy: f64) -> Self {
        // Moves to try, nearest first: up to 6 mm sideways and 4.2 mm up or down.
        let mut offsets = Vec::new();
        for i in -8..=8 {
            for j in -7..=7 {
                offsets.push((f64::from(i) * 0.75, f64::from(j) * 0.6));
            }
        }
        offsets.sort_by(|a, b| {
            let da = a.0 * a.0 + 2.0 * a.1 * a.1;
            let db = b.0 * b.0 + 2.0 * b.1 * b.1;
            da.total_cmp(&db)
        });
        Self {
            width,
            height,
            area_dy,
            taken: Vec::new(),
            offsets,
        }
    }

    /// Marks a rectangle as taken (the locator inset, the scale bar).
    pub fn reserve(&mut self, rect: Rect) {
        self.taken.push(rect);
    }

    /// Is `rect` inside the frame and clear of everything taken?
    fn free(&self, rect: &Rect) -> bool {
        rect.x >= EDGE
            && rect.y >= EDGE
            && rect.x + rect.w <= self.width - EDGE
            && rect.y + rect.h <= self.height - EDGE
            && !self.taken.iter().any(|t| t.overlaps(rect))
    }

    /// Places `name` inside `area`, trying its forms at each size, near `anchor` (mm).
    /// Returns `None` when no form fits: `require` is the share of the label's sample points
    /// that must lie in the area (1.0: the whole label; less lets a name hang over its border).
    pub fn place(
        &mut self,
        name: &Name,
        anchor: (f64, f64),
        area: &Area,
        require: f64,
    ) -> Option<Label> {
        let Name {
            kind,
            forms,
            sizes,
            weight,
        } = *name;
        // Largest size first. At each size the whole name inside its area, nearest the anchor,
        // in the preferred form; failing that, the first partial fit at this size (most of the
        // name over its area) is taken rather than a smaller size; only a size where nothing
        // fits at all moves on to the next.
        for &size in sizes {
            let mut fallback: Option<Label> = None;
            for lines in forms {
                let block = Block::new(lines, weight, size);
                let whole = block.rect_at(0.0, 0.0);
                if require >= 1.0 && !area.may_fit(whole.w, whole.h) {
                    continue;
                }
                // A name that must fit whole looks on a coarser grid; once a partial fit is in
                // hand, a whole one is only looked for near the anchor.
                let stride = if require >= 1.0 { 2 } else { 1 };
                for (n, &(dx, dy)) in self.offsets.iter().enumerate().step_by(stride) {
                    if fallback.is_some() && n > NEAR {
                        break;
                    }
                    let rect = block.rect_at(anchor.0 + dx, anchor.1 + dy);
                    // The same rectangle in the areas' coordinates.
                    let there = Rect {
                        y: rect.y + self.area_dy,
                        ..rect
                    };
                    let samples = there.samples();
                    let whole_possible = area.may_hold(&there);
                    // Once a partial fit is in hand, only a whole one is of interest.
                    if (!whole_possible && (require >= 1.0 || fallback.is_some()))
                        || !area.may_contain(samples[0].0, samples[0].1)
                        || !self.free(&rect)
                        || !area.contains(samples[0].0, samples[0].1)
                    {
                        continue;
                    }
                    let mut inside = 1;
                    for (i, &(x, y)) in samples.iter().enumerate().skip(1) {
                        if area.contains(x, y) {
                            inside += 1;
                        } else if fallback.is_some()
                            || f64::from(inside + 9 - i as u32 - 1) < require * 9.0
                        {
                            break;
                        }
                    }
                    if inside == 9 {
                        let label = block.label(kind, rect);
                        self.taken.push(label.rect);
                        return Some(label);
                    }
                    if fallback.is_none() && f64::from(inside) >= require * 9.0 {
                        fallback = Some(block.label(kind, rect));
                    }
                }
            }
            if let Some(label) = fallback {
                self.taken.push(label.rect);
                return Some(label);
            }
        }
        None
    }

    /// Takes `label` exactly where it is, if that spot is free (a label placed for another
    /// window of the same map, moved with the window).
    pub fn keep(&mut self, label: &Label) -> bool {
        if self.free(&label.rect) {
            self.taken.push(label.rect);
            true
        } else {
            false
        }
    }

    /// Places a number marker (a box `width` × `height` mm) near `anchor`: inside `area` if it
    /// can, else the nearest free spot. The text is filled in later ([`number_label`]).
    pub fn place_marker(
        &mut self,
        width: f64,
        height: f64,
        anchor: (f64, f64),
        area: &Area,
    ) -> Option<Rect> {
        let at = |dx: f64, dy: f64| Rect {
            x: anchor.0 + dx - width / 2.0,
            y: anchor.1 + dy - height / 2.0,
            w: width,
            h: height,
        };
        let inside = self.offsets.iter().map(|&(dx, dy)| at(dx, dy)).find(|r| {
            self.free(r) && area.contains(r.x + r.w / 2.0, r.y + r.h / 2.0 + self.area_dy)
        });
        // Further out, in rings, when the area itself is full.
        let outside = || {
            (1..40).find_map(|k| {
                let d = f64::from(k) * 0.8;
                [
                    (d, 0.0),
                    (-d, 0.0),
                    (0.0, d),
                    (0.0, -d),
                    (d, d),
                    (-d, d),
                    (d, -d),
                    (-d, -d),
                ]
                .into_iter()
                .map(|(dx, dy)| at(dx, dy))
                .find(|r| self.free(r))
            })
        };
        let rect = inside.or_else(outside)?;
        self.taken.push(rect);
        Some(rect)
    }
}

/// A label's lines measured at one size.
struct Block {
    lines: Vec<(String, f64)>,
    size: f64,
    line_height: f64,
}

impl Block {
    fn new(lines: &[String], weight: Weight, size: f64) -> Self {
        let metrics = textwidth::line_metrics(weight);
        Self {
            lines: lines
                .iter()
                .map(|l| (l.clone(), textwidth::width(l, weight, size) * MM_PER_PT))
                .collect(),
            size,
            line_height: metrics.height(size) * MM_PER_PT,
        }
    }

    fn width(&self) -> f64 {
        self.lines.iter().map(|(_, w)| *w).fold(0.0, f64::max)
    }

    /// The padded box of the block centred on (x, y).
    fn rect_at(&self, x: f64, y: f64) -> Rect {
        let w = self.width() + 2.0 * PADDING;
        let n = self.lines.len() as f64;
        let h = n * self.line_height + (n - 1.0).max(0.0) * LINE_GAP + 2.0 * PADDING;
        Rect {
            x: x - w / 2.0,
            y: y - h / 2.0,
            w,
            h,
        }
    }

    /// The label in `rect` (from [`Block::rect_at`]): lines centred, stacked.
    fn label(&self, kind: LabelKind, rect: Rect) -> Label {
        let centre = rect.x + rect.w / 2.0;
        let lines = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, (text, w))| LabelLine {
                text: text.clone(),
                x: round(centre - w / 2.0),
                y: round(rect.y + PADDING + i as f64 * (self.line_height + LINE_GAP)),
            })
            .collect();
        Label {
            kind,
            size: self.size,
            lines,
            rect: rounded(rect),
        }
    }
}

impl Label {
    /// The same label `dy` mm lower.
    pub fn moved(&self, dy: f64) -> Label {
        Label {
            kind: self.kind,
            size: self.size,
            lines: self
                .lines
                .iter()
                .map(|l| LabelLine {
                    text: l.text.clone(),
                    x: l.x,
                    y: round(l.y + dy),
                })
                .collect(),
            rect: Rect {
                y: self.rect.y + dy,
                ..self.rect
            },
        }
    }
}

/// A number marker's label: `text` centred in the marker's box.
pub fn number_label(text: &str, size: f64, rect: Rect) -> Label {
    let block = Block::new(&[text.to_string()], Weight::SemiBold, size);
    let w = block.width();
    Label {
        kind: LabelKind::Number,
        size,
        lines: vec![LabelLine {
            text: text.to_string(),
            x: round(rect.x + (rect.w - w) / 2.0),
            y: round(rect.y + (rect.h - block.line_height) / 2.0),
        }],
        rect: rounded(rect),
    }
}

/// Size of a number marker's box for numbers up to two digits, mm.
pub fn marker_size(size: f64) -> (f64, f64) {
    let block = Block::new(&["88".to_string()], Weight::SemiBold, size);
    (block.width() + 1.2, block.line_height + 0.4)
}

/// The ways a name may be written on the map, preferred first: as is, on two lines (broken
/// after a hyphen or at a space, as evenly as possible), and without a province suffix
/// such as "(ZH.)", which the map's region makes clear (the list under the map keeps it).
pub fn forms(name: &str, weight: Weight) -> Vec<Vec<String>> {
    let mut out = vec![vec![name.to_string()]];
    let short = name
        .rfind(" (")
        .filter(|_| name.ends_with(')'))
        .map(|i| name[..i].to_string());
    for text in std::iter::once(name.to_string()).chain(short.clone()) {
        if let Some(two) = two_lines(&text, weight) {
            out.push(two);
        }
    }
    if let Some(short) = short {
        out.insert(1, vec![short]);
    }
    out
}

/// The most even break of `text` into two lines, after a hyphen or at a space.
fn two_lines(text: &str, weight: Weight) -> Option<Vec<String>> {
    let mut best: Option<(f64, Vec<String>)> = None;
    for (i, c) in text.char_indices() {
        let (first, second) = match c {
            '-' => (&text[..=i], &text[i + 1..]),
            ' ' => (&text[..i], &text[i + 1..]),
            _ => continue,
        };
        if first.trim().is_empty() || second.trim().is_empty() || first == "'s-" {
            continue;
        }
        let widest =
            textwidth::width(first, weight, 10.0).max(textwidth::width(second, weight, 10.0));
        if best.as_ref().is_none_or(|(w, _)| widest < *w) {
            best = Some((widest, vec![first.to_string(), second.to_string()]));
        }
    }
    best.map(|(_, lines)| lines)
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Rounded outward, so the rounded box still holds what it held.
fn rounded(r: Rect) -> Rect {
    let x = (r.x * 100.0).floor() / 100.0;
    let y = (r.y * 100.0).floor() / 100.0;
    Rect {
        x,
        y,
        w: ((r.x + r.w) * 100.0).ceil() / 100.0 - x,
        h: ((r.y + r.h) * 100.0).ceil() / 100.0 - y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, a: f64) -> Area {
        Area::new([vec![(x, y), (x + a, y), (x + a, y + a), (x, y + a)]])
    }

    fn everywhere() -> Area {
        square(-1000.0, -1000.0, 3000.0)
    }

    #[test]
    fn names_at_the_same_point_move_apart() {
        let mut p = Placer::new(100.0, 60.0, 0.0);
        let forms = forms("Zwolle", Weight::SemiBold);
        let name = Name {
            kind: LabelKind::Municipality,
            forms: &forms,
            sizes: &[7.0],
            weight: Weight::SemiBold,
        };
        let a = p.place(&name, (50.0, 30.0), &everywhere(), 1.0).unwrap();
        let b = p.place(&name, (50.0, 30.0), &everywhere(), 1.0).unwrap();
        assert!(!a.rect.overlaps(&b.rect), "{a:?} {b:?}");
        // The first is exactly at its point.
        assert!((a.rect.x + a.rect.w / 2.0 - 50.0).abs() < 0.02);
    }

    #[test]
    fn a_name_too_long_for_its_area_breaks_shrinks_or_gives_up() {
        let mut p = Placer::new(100.0, 60.0, 0.0);
        let name = "Leidschendam-Voorburg";
        let forms = forms(name, Weight::SemiBold);
        assert_eq!(forms[1], vec!["Leidschendam-", "Voorburg"]);
        // 24 mm square: one line at 7 pt is about 33 mm, two lines fit.
        let area = square(40.0, 20.0, 24.0);
        let label = p
            .place(
                &Name {
                    kind: LabelKind::Municipality,
                    forms: &forms,
                    sizes: &[7.0, 6.0],
                    weight: Weight::SemiBold,
                },
                (52.0, 32.0),
                &area,
                1.0,
            )
            .unwrap();
        assert_eq!(label.lines.len(), 2);
        // 3 mm square: nothing fits, the caller gives it a number.
        let tiny = square(10.0, 10.0, 3.0);
        assert!(
            p.place(
                &Name {
                    kind: LabelKind::Municipality,
                    forms: &forms,
                    sizes: &[7.0, 6.0],
                    weight: Weight::SemiBold
                },
                (11.5, 11.5),
                &tiny,
                1.0
            )
            .is_none()
        );
        let (w, h) = marker_size(6.0);
        let marker = p.place_marker(w, h, (11.5, 11.5), &tiny).unwrap();
        assert!(tiny.contains(marker.x + marker.w / 2.0, marker.y + marker.h / 2.0));
    }

    #[test]
    fn labels_stay_inside_the_frame() {
        // Anchored in the corner: the label moves in until it keeps its distance from the edge.
        let mut p = Placer::new(30.0, 10.0, 0.0);
        let label = p
            .place(
                &Name {
                    kind: LabelKind::Municipality,
                    forms: &forms("Amsterdam", Weight::SemiBold),
                    sizes: &[7.0],
                    weight: Weight::SemiBold,
                },
                (4.0, 2.0),
                &everywhere(),
                0.0,
            )
            .unwrap();
        let r = label.rect;
        assert!(r.x >= EDGE - 0.01 && r.y >= EDGE - 0.01, "{label:?}");
        assert!(r.x + r.w <= 30.0 - EDGE + 0.01 && r.y + r.h <= 10.0 - EDGE + 0.01);
        // Nothing fits a frame smaller than the name.
        let mut small = Placer::new(10.0, 10.0, 0.0);
        let forms = forms("Amsterdam", Weight::SemiBold);
        let none = small.place(
            &Name {
                kind: LabelKind::Municipality,
                forms: &forms,
                sizes: &[7.0],
                weight: Weight::SemiBold,
            },
            (5.0, 5.0),
            &everywhere(),
            0.0,
        );
        assert!(none.is_none());
    }

    #[test]
    fn province_suffixes_can_be_dropped() {
        let f = forms("Rijswijk (ZH.)", Weight::SemiBold);
        assert_eq!(f[0], vec!["Rijswijk (ZH.)"]);
        assert_eq!(f[1], vec!["Rijswijk"]);
        assert!(f.contains(&vec!["Rijswijk".to_string(), "(ZH.)".to_string()]));
    }
}
