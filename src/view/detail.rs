//! Stage 3 (view): the detail map of one region, as data the layouts only draw.
//!
//! The frame is fitted to the region's municipalities (with a margin) and has a fixed width on
//! the page; the layout may choose among a few window heights ([`Window`]) to fill its page,
//! all at the same scale, so the rings are given once. Everything is in millimetres on the
//! printed map, rings in whole tenths of a millimetre ([`UNITS_PER_MM`]), y downwards, and
//! every border once ([`crate::geo::Topology`]):
//!
//! - the land in the frame and the region, each dissolved from its municipalities, the
//!   municipalities that also belong to another region of one of its sectors (drawn hatched,
//!   as on the overview maps), the borders between the region's municipalities, and those
//!   between neighbouring regions (named where their name fits);
//! - for a region described by provinces, the provinces' outlines and names;
//! - per window: every label placed ([`super::labels`]), a scale bar in kilometres, and the
//!   corner where the locator of the Netherlands goes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::labels::{self, Area, Label, LabelKind, Name, Placer, Rect};
use super::textwidth::{self, Weight};
use super::{collation_key, dutch_list};
use crate::geo::{self, Geo, Ring};
use crate::model::{Model, Region};

/// Frame units per millimetre: rings are in whole tenths of a millimetre of the printed map.
pub const UNITS_PER_MM: f64 = 10.0;

/// The size of a layout's detail map and its type sizes.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Width on the page, mm.
    pub width_mm: f64,
    /// Window heights the layout chooses from, tallest first, mm. The region is fitted to the
    /// last (smallest).
    pub heights_mm: &'static [f64],
    /// The size for a region whose page also carries a story in full (which needs room), if
    /// it differs.
    pub story: Option<&'static Spec>,
    /// Sizes for the names of the region's municipalities, largest first, pt.
    pub label_sizes: &'static [f64],
    /// Sizes for the names of provinces, pt.
    pub province_sizes: &'static [f64],
    /// Sizes for the names of neighbouring regions, pt.
    pub neighbour_sizes: &'static [f64],
    /// Size of the numbers that stand in for names, pt.
    pub number_size: f64,
    /// Width of the locator inset, mm.
    pub inset_mm: f64,
    /// Largest scale, mm per km: a region of one small municipality is not blown up.
    pub max_mm_per_km: f64,
}

/// The region page in the publication: the full text width (170 mm); on a page with a story,
/// eight columns beside the municipalities ([`PAGE_BESIDE`]).
pub const PAGE: Spec = Spec {
    width_mm: 170.0,
    heights_mm: &[132.0, 108.0, 84.0],
    story: Some(&PAGE_BESIDE),
    label_sizes: &[7.5, 6.5, 5.5],
    province_sizes: &[11.0, 9.0],
    neighbour_sizes: &[7.0],
    number_size: 6.0,
    inset_mm: 26.0,
    max_mm_per_km: 9.0,
};

/// A region page with a story in full: eight of the twelve grid columns (111.8 mm), beside
/// the list of municipalities, so the map keeps its height.
pub const PAGE_BESIDE: Spec = Spec {
    width_mm: 111.83,
    heights_mm: &[96.0, 80.0, 64.0],
    story: None,
    label_sizes: &[7.0, 6.25, 5.5],
    province_sizes: &[10.0, 9.0],
    neighbour_sizes: &[6.5],
    number_size: 6.0,
    inset_mm: 20.0,
    max_mm_per_km: 9.0,
};

/// The fact sheet: eight of its twelve grid columns (111.8 mm), beside the municipality list.
pub const SHEET: Spec = Spec {
    width_mm: 111.83,
    heights_mm: &[130.0, 112.0, 94.0, 76.0],
    story: None,
    label_sizes: &[6.5, 5.75, 5.0],
    province_sizes: &[9.0, 8.0],
    neighbour_sizes: &[6.0],
    number_size: 5.5,
    inset_mm: 20.0,
    max_mm_per_km: 6.0,
};

/// The detail map of a region.
#[derive(Debug, Serialize)]
pub struct DetailMap<'a> {
    /// Width on the page, mm.
    pub width_mm: f64,
    /// Width of the frame in frame units (tenths of a millimetre).
    pub width: i32,
    /// Height of the frame (the tallest window) in frame units.
    pub height: i32,
    /// The land in the frame (every municipality's, dissolved), clipped to it: drawn muted.
    pub land: Vec<Ring>,
    /// The region (its municipalities dissolved): drawn in the region's tint, and stroked
    /// last as its outline.
    pub fill: Vec<Ring>,
    /// The region's municipalities that also belong to another region of one of its sectors,
    /// dissolved (drawn hatched over the fill).
    pub shared: Vec<Ring>,
    /// Names of the shared municipalities, alphabetical.
    pub shared_names: Vec<&'a str>,
    /// Borders between the region's municipalities, open polylines, each once.
    pub inner: Vec<Vec<i32>>,
    /// Borders between neighbouring regions (not those inside one), clipped to the frame.
    pub borders: Vec<Vec<i32>>,
    /// Outlines of the provinces of a region described by provinces.
    pub provinces: Vec<Vec<i32>>,
    /// Alternative text.
    pub alt: String,
    /// The heights the layout may choose, tallest first, each with its labels.
    pub windows: Vec<Window<'a>>,
}

/// One window of the frame: the map at one height.
#[derive(Debug, Serialize)]
pub struct Window<'a> {
    /// Height on the page, mm.
    pub height_mm: f64,
    /// Where the window starts in the frame, mm from its top (the rings are drawn shifted up
    /// by this much and clipped to the window).
    pub top_mm: f64,
    /// Every label, placed (mm from the window's top-left).
    pub labels: Vec<Label>,
    /// The municipalities shown by number, in the order of their numbers (alphabetical).
    pub key: Vec<KeyEntry<'a>>,
    /// The scale bar.
    pub scale: ScaleBar,
    /// Where the locator of the Netherlands goes (mm in the window).
    pub inset: Rect,
    /// The window on the map of the country, in map units (`geo`): x, y, width, height.
    pub extent: [f64; 4],
}

/// A municipality shown by its number.
#[derive(Debug, Serialize)]
pub struct KeyEntry<'a> {
    /// The number on the map.
    pub number: usize,
    /// Its official name.
    pub name: &'a str,
}

/// A scale bar: a bar `length_mm` long whose left end is at (`x`, `y`). Its length in words
/// ("10 km") is among the window's labels (kind `scale`), above the bar.
#[derive(Debug, Serialize)]
pub struct ScaleBar {
    /// Left end, mm.
    pub x: f64,
    /// Height of the bar's axis, mm.
    pub y: f64,
    /// Length, mm.
    pub length_mm: f64,
    /// Kilometres the bar stands for.
    pub km: f64,
}

/// For every municipality (gazetteer index), the regions it belongs to.
pub fn membership(model: &Model) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (r, region) in model.regions.iter().enumerate() {
        for &m in &region.municipalities {
            out.entry(m).or_default().push(r);
        }
    }
    out
}

/// From RD New metres to millimetres in the frame (y down).
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Centre of the frame, metres.
    cx: f64,
    cy: f64,
    /// mm per metre.
    k: f64,
    /// Frame size, mm.
    width: f64,
    height: f64,
}

impl Frame {
    fn to_mm(self, x: f64, y: f64) -> (f64, f64) {
        (
            self.width / 2.0 + (x - self.cx) * self.k,
            self.height / 2.0 - (y - self.cy) * self.k,
        )
    }

    fn to_metres(self, x: f64, y: f64) -> (f64, f64) {
        (
            self.cx + (x - self.width / 2.0) / self.k,
            self.cy - (y - self.height / 2.0) / self.k,
        )
    }

    /// A ring in metres → frame units, consecutive repeats dropped.
    fn ring(self, ring: &[i32]) -> Ring {
        let pts: Vec<(f64, f64)> = ring
            .chunks_exact(2)
            .map(|p| {
                let (x, y) = self.to_mm(f64::from(p[0]), f64::from(p[1]));
                (x * UNITS_PER_MM, y * UNITS_PER_MM)
            })
            .collect();
        to_units(&pts)
    }
}

/// Points → whole frame units, consecutive repeats dropped.
fn to_units(pts: &[(f64, f64)]) -> Ring {
    let mut out = Vec::with_capacity(pts.len() * 2);
    let mut last = None;
    for &(x, y) in pts {
        let p = (x.round() as i32, y.round() as i32);
        if last != Some(p) {
            out.extend([p.0, p.1]);
            last = Some(p);
        }
    }
    out
}

/// Rings in metres as an [`Area`] in the frame (mm from the frame's top-left).
fn metre_area<'a>(rings: impl IntoIterator<Item = &'a Ring>, frame: Frame) -> Area {
    Area::new(rings.into_iter().map(|r| {
        r.chunks_exact(2)
            .map(|p| frame.to_mm(f64::from(p[0]), f64::from(p[1])))
            .collect()
    }))
}

/// Clips a ring (frame units) to a rectangle (Sutherland–Hodgman). A concave ring may come
/// back with edges along the rectangle's sides: the rectangle is a little larger than the
/// window, so those lie outside what the layout shows.
fn clip(ring: &[i32], x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = ring
        .chunks_exact(2)
        .map(|p| (f64::from(p[0]), f64::from(p[1])))
        .collect();
    // Each side as (is the point inside?, where the segment crosses it).
    type Side = (
        Box<dyn Fn((f64, f64)) -> bool>,
        Box<dyn Fn((f64, f64), (f64, f64)) -> (f64, f64)>,
    );
    let sides: [Side; 4] = [
        (
            Box::new(move |p| p.0 >= x0),
            Box::new(move |a, b| (x0, a.1 + (b.1 - a.1) * (x0 - a.0) / (b.0 - a.0))),
        ),
        (
            Box::new(move |p| p.0 <= x1),
            Box::new(move |a, b| (x1, a.1 + (b.1 - a.1) * (x1 - a.0) / (b.0 - a.0))),
        ),
        (
            Box::new(move |p| p.1 >= y0),
            Box::new(move |a, b| (a.0 + (b.0 - a.0) * (y0 - a.1) / (b.1 - a.1), y0)),
        ),
        (
            Box::new(move |p| p.1 <= y1),
            Box::new(move |a, b| (a.0 + (b.0 - a.0) * (y1 - a.1) / (b.1 - a.1), y1)),
        ),
    ];
    for (inside, cross) in &sides {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        for i in 0..pts.len() {
            let a = pts[(i + pts.len() - 1) % pts.len()];
            let b = pts[i];
            match (inside(a), inside(b)) {
                (true, true) => out.push(b),
                (true, false) => out.push(cross(a, b)),
                (false, true) => {
                    out.push(cross(a, b));
                    out.push(b);
                }
                (false, false) => {}
            }
        }
        pts = out;
    }
    pts
}

/// Simplification tolerance for the land's outline, in frame units: 0.4 mm on the page,
/// where the region's 1.4 pt outline covers it when they meet.
const CONTEXT_TOLERANCE: f64 = 4.0;
/// Simplification tolerance for the borders between neighbouring regions (thin white lines
/// on the land, meeting other lines only at their ends, which stay): 1 mm.
const BORDER_TOLERANCE: f64 = 10.0;

/// A polyline (frame units) simplified with Douglas–Peucker, its ends kept.
fn simplify_line(line: &[i32], tolerance: f64) -> Vec<i32> {
    let pts: Vec<(i32, i32)> = line.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    if pts.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let ((ax, ay), (bx, by)) = (pts[a], pts[b]);
        let (ax, ay, bx, by) = (f64::from(ax), f64::from(ay), f64::from(bx), f64::from(by));
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = dx * dx + dy * dy;
        let (mut far, mut distance) = (a, -1.0);
        for (i, &(px, py)) in pts.iter().enumerate().take(b).skip(a + 1) {
            let (px, py) = (f64::from(px), f64::from(py));
            let t = if len2 == 0.0 {
                0.0
            } else {
                (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
            };
            let d = (px - ax - t * dx).hypot(py - ay - t * dy);
            if d > distance {
                (far, distance) = (i, d);
            }
        }
        if distance > tolerance {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .flat_map(|(p, _)| [p.0, p.1])
        .collect()
}

/// A ring (frame units) simplified: as a polyline from its first point round to it again.
fn simplify_ring(ring: &[i32], tolerance: f64) -> Ring {
    if ring.len() < 8 {
        return ring.to_vec();
    }
    let mut closed = ring.to_vec();
    closed.extend_from_slice(&ring[..2]);
    let mut out = simplify_line(&closed, tolerance);
    out.truncate(out.len() - 2);
    if out.len() < 6 { ring.to_vec() } else { out }
}

/// Clips a polyline (frame units) to a rectangle: the runs inside it (Liang–Barsky per
/// segment), rounded to whole units.
fn clip_line(line: &[i32], x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Vec<i32>> {
    let pts: Vec<(f64, f64)> = line
        .chunks_exact(2)
        .map(|p| (f64::from(p[0]), f64::from(p[1])))
        .collect();
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for seg in pts.windows(2) {
        let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
        let (dx, dy) = (bx - ax, by - ay);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        let mut visible = true;
        for (p, q) in [(-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)] {
            if p == 0.0 {
                if q < 0.0 {
                    visible = false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        if !visible || t0 > t1 {
            if run.len() >= 2 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
            continue;
        }
        let a = (ax + t0 * dx, ay + t0 * dy);
        let b = (ax + t1 * dx, ay + t1 * dy);
        if run.last() != Some(&a) {
            if run.len() >= 2 {
                out.push(std::mem::take(&mut run));
            }
            run = vec![a];
        }
        run.push(b);
        if t1 < 1.0 {
            out.push(std::mem::take(&mut run));
        }
    }
    if run.len() >= 2 {
        out.push(run);
    }
    out.iter()
        .map(|r| to_units(r))
        .filter(|r| r.len() >= 4)
        .collect()
}

/// Bounding box of rings (flat), or `None` for no points.
fn bbox<'a>(rings: impl IntoIterator<Item = &'a Ring>) -> Option<[f64; 4]> {
    let mut b: Option<[f64; 4]> = None;
    for ring in rings {
        for p in ring.chunks_exact(2) {
            let (x, y) = (f64::from(p[0]), f64::from(p[1]));
            let v = b.get_or_insert([x, y, x, y]);
            v[0] = v[0].min(x);
            v[1] = v[1].min(y);
            v[2] = v[2].max(x);
            v[3] = v[3].max(y);
        }
    }
    b
}

/// A corner of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Corner {
    TopRight,
    TopLeft,
    BottomRight,
    BottomLeft,
}

impl Corner {
    const ALL: [Corner; 4] = [
        Corner::TopRight,
        Corner::TopLeft,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];

    /// A `w` × `h` rectangle in this corner of a `width` × `height` window.
    fn rect(self, width: f64, height: f64, w: f64, h: f64) -> Rect {
        let x = match self {
            Corner::TopLeft | Corner::BottomLeft => 0.0,
            _ => width - w,
        };
        let y = match self {
            Corner::TopLeft | Corner::TopRight => 0.0,
            _ => height - h,
        };
        Rect { x, y, w, h }
    }
}

/// Share of a rectangle (sampled on a grid) that lies in `area`.
fn coverage(rect: &Rect, area: &Area) -> f64 {
    let n = 8;
    let mut hits = 0;
    for i in 0..n {
        for j in 0..n {
            let x = rect.x + rect.w * (f64::from(i) + 0.5) / f64::from(n);
            let y = rect.y + rect.h * (f64::from(j) + 0.5) / f64::from(n);
            if area.contains(x, y) {
                hits += 1;
            }
        }
    }
    f64::from(hits) / f64::from(n * n)
}

/// Kilometres for a scale bar at most `max_mm` long, at `mm_per_km`.
fn scale_km(mm_per_km: f64, max_mm: f64) -> f64 {
    [100.0, 50.0, 25.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5]
        .into_iter()
        .find(|km| km * mm_per_km <= max_mm)
        .unwrap_or(0.5)
}

/// "10 km", "0,5 km".
fn km_label(km: f64) -> String {
    if km.fract() == 0.0 {
        format!("{km:.0} km")
    } else {
        format!("{km} km").replace('.', ",")
    }
}

/// The detail map of `region` (index `index`) for a layout of `spec`; `None` for a region
/// without municipalities or a project without boundaries.
pub fn detail_map<'a>(
    model: &'a Model,
    index: usize,
    membership: &BTreeMap<usize, Vec<usize>>,
    spec: &Spec,
) -> Option<DetailMap<'a>> {
    let geo = model.geo.as_ref()?;
    let metre_index = geo.metre_index();
    let region = &model.regions[index];
    let rings_of = |m: usize| {
        geo.metres
            .get(&model.municipality(m).code)
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let all: Vec<&Ring> = region
        .municipalities
        .iter()
        .flat_map(|&m| rings_of(m))
        .collect();
    let [bx0, by0, bx1, by1] = bbox(all.iter().copied())?;
    let has_story = model
        .cases_of(index)
        .any(|c| c.kind == crate::model::CaseKind::Story);
    let spec = match spec.story {
        Some(beside) if has_story => beside,
        _ => spec,
    };
    let width = spec.width_mm;
    let heights = spec.heights_mm;
    let tallest = *heights.first()?;
    let smallest = *heights.last()?;

    // Fit the region into the smallest window with a margin, then zoom out until the locator
    // finds a corner free of the region in every window.
    let margin = 0.06;
    let mut k = ((width * (1.0 - 2.0 * margin)) / (bx1 - bx0).max(1.0))
        .min((smallest * (1.0 - 2.0 * margin)) / (by1 - by0).max(1.0))
        .min(spec.max_mm_per_km / 1000.0);
    let inset_h = spec.inset_mm * (0.93 * f64::from(geo.height) / geo::MAP_WIDTH + 0.07);
    let mut frame;
    let mut corners;
    let mut tries = 0;
    loop {
        frame = Frame {
            cx: (bx0 + bx1) / 2.0,
            cy: (by0 + by1) / 2.0,
            k,
            width,
            height: tallest,
        };
        let area = metre_area(all.iter().copied(), frame);
        corners = heights
            .iter()
            .map(|&h| {
                let top = (tallest - h) / 2.0;
                let mut best = (f64::MAX, Corner::TopRight);
                for corner in Corner::ALL {
                    let mut rect = corner.rect(width, h, spec.inset_mm, inset_h);
                    rect.y += top;
                    let c = coverage(&rect, &area);
                    if c < best.0 {
                        best = (c, corner);
                    }
                }
                best
            })
            .collect::<Vec<_>>();
        tries += 1;
        if corners.iter().all(|(c, _)| *c == 0.0) || tries >= 8 {
            break;
        }
        k *= 0.92;
    }

    // Which municipality is hatched, and which region a neighbour is named by: the one
    // sharing most sectors with this region.
    let shares_sector = |other: &Region| other.sectors.iter().any(|s| region.sectors.contains(s));
    let is_shared = |m: usize| {
        membership.get(&m).is_some_and(|rs| {
            rs.iter()
                .any(|&r| r != index && shares_sector(&model.regions[r]))
        })
    };
    let counterpart = |m: usize| -> Option<usize> {
        let shared_sectors = |r: usize| {
            model.regions[r]
                .sectors
                .iter()
                .filter(|s| region.sectors.contains(s))
                .count()
        };
        membership
            .get(&m)?
            .iter()
            .copied()
            .filter(|&r| r != index && shared_sectors(r) > 0)
            .max_by_key(|&r| (shared_sectors(r), std::cmp::Reverse(r)))
    };

    // Every municipality that reaches into the frame, with its group: the region, a
    // neighbour named by region r (1 + r), or a group of its own for a neighbour of no such
    // region. Groups are kept by position in the metre index.
    const REGION: usize = 0;
    let pad = 2.0;
    let (mx0, my1) = frame.to_metres(-pad, -pad);
    let (mx1, my0) = frame.to_metres(width + pad, tallest + pad);
    let (ux0, uy0) = (-pad * UNITS_PER_MM, -pad * UNITS_PER_MM);
    let (ux1, uy1) = ((width + pad) * UNITS_PER_MM, (tallest + pad) * UNITS_PER_MM);
    let mut group: Vec<Option<usize>> = vec![None; metre_index.bboxes.len()];
    // Neighbouring regions (by index) and the rings of their municipalities in the frame.
    let mut neighbours: BTreeMap<usize, Vec<&Ring>> = BTreeMap::new();
    for (m, municipality) in model.gazetteer.all().iter().enumerate() {
        let Some(&position) = metre_index.position.get(&municipality.code) else {
            continue;
        };
        if region.municipalities.contains(&m) {
            group[position] = Some(REGION);
            continue;
        }
        let [x0, y0, x1, y1] = metre_index.bboxes[position];
        if x1 < mx0 || x0 > mx1 || y1 < my0 || y0 > my1 {
            continue;
        }
        group[position] = Some(match counterpart(m) {
            Some(r) => {
                neighbours.entry(r).or_default().extend(rings_of(m));
                1 + r
            }
            None => 1 + model.regions.len() + m,
        });
    }

    // Each border drawn once: the land as loops round everything, the region as loops round
    // its municipalities, white lines between them and between neighbouring regions (the
    // borders inside a neighbouring region are left out: it is context, named as a whole).
    let topology = &metre_index.topology;
    let clipped_ring = |r: &Ring| to_units(&clip(&frame.ring(r), ux0, uy0, ux1, uy1));
    // The context (land and the borders between neighbouring regions) is simplified a little
    // further: every point costs the layout a few microseconds, and these lines are
    // background (they meet the region's lines only at their ends, which stay).
    let land: Vec<Ring> = topology
        .loops(|p| group[p].is_some())
        .iter()
        .map(|r| simplify_ring(&clipped_ring(r), CONTEXT_TOLERANCE))
        .filter(|r| r.len() >= 6)
        .collect();
    let fill: Vec<Ring> = topology
        .loops(|p| group[p] == Some(REGION))
        .iter()
        .map(|r| frame.ring(r))
        .collect();
    let inner: Vec<Vec<i32>> = topology
        .lines(|a, b| group[a] == Some(REGION) && group[b] == Some(REGION))
        .iter()
        .map(|l| frame.ring(l))
        .collect();
    let borders: Vec<Vec<i32>> = topology
        .lines(|a, b| match (group[a], group[b]) {
            (Some(x), Some(y)) => x != y && x != REGION && y != REGION,
            _ => false,
        })
        .iter()
        .flat_map(|l| clip_line(&frame.ring(l), ux0, uy0, ux1, uy1))
        .map(|l| simplify_line(&l, BORDER_TOLERANCE))
        .collect();
    let mut hatched = vec![false; group.len()];
    let mut shared_names = Vec::new();
    for &m in &region.municipalities {
        if is_shared(m) {
            if let Some(&p) = metre_index.position.get(&model.municipality(m).code) {
                hatched[p] = true;
            }
            shared_names.push(model.municipality(m).name.as_str());
        }
    }
    shared_names.sort_by_key(|n| collation_key(n));
    let shared: Vec<Ring> = topology
        .loops(|p| hatched[p])
        .iter()
        .map(|r| frame.ring(r))
        .collect();

    // Provinces of a region described by them: each dissolved from its municipalities.
    let mut provinces = Vec::new();
    let mut province_items = Vec::new();
    for name in &region.provinces {
        let rings: Vec<&Ring> = region
            .municipalities
            .iter()
            .filter(|&&m| &model.municipality(m).province == name)
            .flat_map(|&m| rings_of(m))
            .collect();
        let (outer, _) = geo::borders(rings.iter().copied());
        provinces.extend(outer.iter().map(|l| frame.ring(l)));
        province_items.push(Item::of(name, &rings, frame));
    }

    // What is named: the region's municipalities (smallest first: they have the least room)
    // or its provinces, and the neighbouring regions (largest first).
    let mut names: Vec<Item> = if region.provinces.is_empty() {
        region
            .municipalities
            .iter()
            .map(|&m| {
                let rings: Vec<&Ring> = rings_of(m).iter().collect();
                Item::of(&model.municipality(m).name, &rings, frame)
            })
            .collect()
    } else {
        Vec::new()
    };
    names.sort_by(|a, b| a.size.total_cmp(&b.size).then(a.name.cmp(b.name)));
    let mut neighbour_items: Vec<(usize, Item)> = neighbours
        .iter()
        .map(|(&r, rings)| (r, Item::of(&model.regions[r].name, rings, frame)))
        .collect();
    neighbour_items.sort_by(|a, b| b.1.size.total_cmp(&a.1.size).then(a.0.cmp(&b.0)));
    let region_area = metre_area(all.iter().copied(), frame);

    // The smallest window first: it is the most crowded, and the other windows start from its
    // labels, moved with the window (most stay where they are, which keeps the windows alike
    // and saves the search). Those are independent of each other: placed in parallel.
    use rayon::prelude::*;
    let make = |i: usize, seed: Option<&Seed<'a>>| {
        let height = heights[i];
        window(
            WindowInput {
                geo,
                spec,
                frame,
                height,
                top: (tallest - height) / 2.0,
                inset_corner: corners[i].1,
                inset_h,
                region_area: &region_area,
                names: &names,
                provinces: &province_items,
                neighbours: &neighbour_items,
            },
            seed,
        )
    };
    let last = heights.len() - 1;
    let (smallest_window, seed) = make(last, None);
    let mut windows: Vec<Window> = (0..last)
        .into_par_iter()
        .map(|i| make(i, Some(&seed)).0)
        .collect();
    windows.push(smallest_window);

    Some(DetailMap {
        width_mm: width,
        width: (width * UNITS_PER_MM).round() as i32,
        height: (tallest * UNITS_PER_MM).round() as i32,
        land,
        fill,
        shared,
        alt: alt(model, region, &shared_names),
        shared_names,
        inner,
        borders,
        provinces,
        windows,
    })
}

/// Something to name on the map: its name, its area and label point in the frame (mm), and
/// its size (to order by).
struct Item<'a> {
    name: &'a str,
    area: Area,
    anchor: (f64, f64),
    size: f64,
}

impl<'a> Item<'a> {
    fn of(name: &'a str, rings: &[&Ring], frame: Frame) -> Self {
        let (x, y) = geo::label_point(rings);
        Item {
            name,
            area: metre_area(rings.iter().copied(), frame),
            anchor: frame.to_mm(f64::from(x), f64::from(y)),
            size: rings.iter().map(|r| geo::area(r)).sum(),
        }
    }
}

/// The labels of one window, by what they name, and the window's top (mm), for the next
/// window to start from.
struct Seed<'m> {
    top: f64,
    /// The region's municipalities or provinces.
    labels: Vec<(&'m str, Label)>,
    /// Neighbouring regions' labels, by region index.
    neighbours: Vec<(usize, Label)>,
}

/// What one window's labels are made from.
struct WindowInput<'a, 'm> {
    geo: &'m Geo,
    spec: &'a Spec,
    frame: Frame,
    height: f64,
    top: f64,
    inset_corner: Corner,
    inset_h: f64,
    region_area: &'a Area,
    names: &'a [Item<'m>],
    provinces: &'a [Item<'m>],
    neighbours: &'a [(usize, Item<'m>)],
}

/// Places the labels of one window; `seed`: another window's, tried first where they were.
/// Returns the window and the seed it makes.
fn window<'m>(w: WindowInput<'_, 'm>, seed: Option<&Seed<'m>>) -> (Window<'m>, Seed<'m>) {
    let spec = w.spec;
    let width = spec.width_mm;
    // Areas are in the frame: the placer looks at them `top` lower than the window.
    let mut placer = Placer::new(width, w.height, w.top);
    let in_window = |(x, y): (f64, f64)| (x, y - w.top);

    // The locator, and the scale bar in the freer bottom corner of the other two.
    let inset = w
        .inset_corner
        .rect(width, w.height, spec.inset_mm, w.inset_h);
    placer.reserve(Rect {
        x: inset.x - 1.0,
        y: inset.y - 1.0,
        w: inset.w + 2.0,
        h: inset.h + 2.0,
    });
    let mm_per_km = w.frame.k * 1000.0;
    let km = scale_km(mm_per_km, width * 0.22);
    let length = km * mm_per_km;
    let text = km_label(km);
    let size = 6.5;
    let metrics = textwidth::line_metrics(Weight::Regular);
    let text_w = textwidth::width(&text, Weight::Regular, size) * labels::MM_PER_PT;
    let text_h = metrics.height(size) * labels::MM_PER_PT;
    let bar_w = length.max(text_w);
    let left_or_right = [Corner::BottomLeft, Corner::BottomRight]
        .into_iter()
        .filter(|c| *c != w.inset_corner)
        .min_by(|a, b| {
            let cover = |c: &Corner| {
                let mut rect = c.rect(width, w.height, bar_w + 4.0, text_h + 6.0);
                rect.y += w.top;
                coverage(&rect, w.region_area)
            };
            cover(a).total_cmp(&cover(b))
        })
        .unwrap_or(Corner::BottomLeft);
    let x = match left_or_right {
        Corner::BottomRight => width - 3.0 - bar_w,
        _ => 3.0,
    };
    let bar_y = w.height - 3.0;
    let text_y = bar_y - 1.6 - text_h;
    let scale_label = Label {
        kind: LabelKind::Scale,
        size,
        lines: vec![labels::LabelLine {
            text,
            x: (x * 100.0).round() / 100.0,
            y: (text_y * 100.0).round() / 100.0,
        }],
        rect: Rect {
            x: x - 0.5,
            y: text_y - 0.5,
            w: bar_w + 1.0,
            h: bar_y + 1.5 - text_y,
        },
    };
    placer.reserve(scale_label.rect);

    // Where the other window put a label, if that spot is free here too.
    let keep = |placer: &mut Placer, label: Option<&Label>, from: Option<&Seed>| {
        let (label, from) = (label?, from?);
        let moved = label.moved(from.top - w.top);
        placer.keep(&moved).then_some(moved)
    };

    // The region's municipalities, or its provinces.
    let mut labels = Vec::new();
    let mut numbered: Vec<(&str, Rect)> = Vec::new();
    let mut made = Seed {
        top: w.top,
        labels: Vec::new(),
        neighbours: Vec::new(),
    };
    let (marker_w, marker_h) = labels::marker_size(spec.number_size);
    for item in w.names {
        let before = seed.and_then(|s| s.labels.iter().find(|(n, _)| *n == item.name));
        if let Some(label) = keep(&mut placer, before.map(|(_, l)| l), seed) {
            made.labels.push((item.name, label.clone()));
            match label.kind {
                LabelKind::Number => numbered.push((item.name, label.rect)),
                _ => labels.push(label),
            }
            continue;
        }
        let anchor = in_window(item.anchor);
        match placer.place(
            &Name {
                kind: LabelKind::Municipality,
                forms: &labels::forms(item.name, Weight::SemiBold),
                sizes: spec.label_sizes,
                weight: Weight::SemiBold,
            },
            anchor,
            &item.area,
            0.6,
        ) {
            Some(label) => {
                made.labels.push((item.name, label.clone()));
                labels.push(label);
            }
            None => {
                if let Some(rect) = placer.place_marker(marker_w, marker_h, anchor, &item.area) {
                    made.labels
                        .push((item.name, labels::number_label("", spec.number_size, rect)));
                    numbered.push((item.name, rect));
                }
            }
        }
    }
    for item in w.provinces {
        if let Some(label) = placer.place(
            &Name {
                kind: LabelKind::Province,
                forms: &labels::forms(item.name, Weight::SemiBold),
                sizes: spec.province_sizes,
                weight: Weight::SemiBold,
            },
            in_window(item.anchor),
            &item.area,
            1.0,
        ) {
            labels.push(label);
        }
    }
    numbered.sort_by_key(|(name, _)| collation_key(name));
    let mut key = Vec::new();
    for (i, (name, rect)) in numbered.into_iter().enumerate() {
        labels.push(labels::number_label(
            &(i + 1).to_string(),
            spec.number_size,
            rect,
        ));
        key.push(KeyEntry {
            number: i + 1,
            name,
        });
    }

    // Neighbouring regions, largest first, where the whole name fits: searched from the
    // middle of the part that shows in this window.
    for (r, item) in w.neighbours {
        let before = seed.and_then(|s| s.neighbours.iter().find(|(n, _)| n == r));
        if let Some(label) = keep(&mut placer, before.map(|(_, l)| l), seed) {
            made.neighbours.push((*r, label.clone()));
            labels.push(label);
            continue;
        }
        let Some(anchor) = item
            .area
            .visible_centre(0.0, w.top, width, w.top + w.height)
        else {
            continue;
        };
        if let Some(label) = placer.place(
            &Name {
                kind: LabelKind::Neighbour,
                forms: &neighbour_forms(item.name),
                sizes: spec.neighbour_sizes,
                weight: Weight::Regular,
            },
            in_window(anchor),
            &item.area,
            1.0,
        ) {
            made.neighbours.push((*r, label.clone()));
            labels.push(label);
        }
    }
    labels.push(scale_label);

    // The window on the country map, for the locator's frame.
    let (x0, y0) = w.frame.to_metres(0.0, w.top);
    let (x1, y1) = w.frame.to_metres(width, w.top + w.height);
    // Cut to the country map: a window wider than the country (a large region on a low map)
    // would otherwise frame more than the locator shows.
    let (mx0, my0) = w.geo.projection.to_map(x0, y0);
    let (mx1, my1) = w.geo.projection.to_map(x1, y1);
    let (map_w, map_h) = (geo::MAP_WIDTH, f64::from(w.geo.height));
    let (mx0, my0) = (mx0.clamp(0.0, map_w), my0.clamp(0.0, map_h));
    let (mx1, my1) = (mx1.clamp(0.0, map_w), my1.clamp(0.0, map_h));
    let r1 = |v: f64| (v * 10.0).round() / 10.0;
    let r2 = |v: f64| (v * 100.0).round() / 100.0;
    let window = Window {
        height_mm: w.height,
        top_mm: r2(w.top),
        labels,
        key,
        scale: ScaleBar {
            x: r2(x),
            y: r2(bar_y),
            length_mm: r2(length),
            km,
        },
        inset,
        extent: [r1(mx0), r1(my0), r1(mx1 - mx0), r1(my1 - my0)],
    };
    (window, made)
}

/// A neighbouring region's name as it may be written: without the word "Onderwijsregio"
/// that most regions' names begin with (the map is about onderwijsregio's), on one line or
/// two.
fn neighbour_forms(name: &str) -> Vec<Vec<String>> {
    let short = name.strip_prefix("Onderwijsregio ").unwrap_or(name);
    labels::forms(short, Weight::Regular)
        .into_iter()
        .filter(|form| form.concat().len() >= short.len() - 1)
        .collect()
}

/// Alternative text of the detail map.
fn alt(model: &Model, region: &Region, shared: &[&str]) -> String {
    let area = if region.provinces.is_empty() {
        super::municipalities_phrase(&super::municipality_names(model, region))
    } else {
        let p: Vec<&str> = region.provinces.iter().map(String::as_str).collect();
        format!("de provincies {}", dutch_list(&p))
    };
    let shared = match shared {
        [] => String::new(),
        [one] => format!(" Gearceerd: {one} hoort ook bij een andere regio."),
        many => format!(
            " Gearceerd: {} horen ook bij een andere regio.",
            dutch_list(many)
        ),
    };
    format!(
        "Kaart van {} en omgeving met {area}, elk met naam of nummer.{shared} Omliggende gemeenten van andere regio's zijn grijs. Een kleine kaart van Nederland toont waar de regio ligt.",
        region.name
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_keeps_what_is_inside() {
        let square = vec![0, 0, 100, 0, 100, 100, 0, 100];
        let out = clip(&square, 50.0, -10.0, 200.0, 200.0);
        let xs: Vec<f64> = out.iter().map(|p| p.0).collect();
        assert!(xs.iter().all(|x| *x >= 50.0), "{out:?}");
        assert_eq!(out.len(), 4);
        assert!(clip(&square, 200.0, 200.0, 300.0, 300.0).is_empty());
    }

    #[test]
    fn lines_are_cut_at_the_frame() {
        // In, out, in again: two runs.
        let line = vec![0, 5, 20, 5, 20, 15, 0, 15];
        let runs = clip_line(&line, -1.0, 0.0, 10.0, 20.0);
        assert_eq!(runs, vec![vec![0, 5, 10, 5], vec![10, 15, 0, 15]]);
        assert!(clip_line(&line, 30.0, 30.0, 40.0, 40.0).is_empty());
    }

    #[test]
    fn scale_bars_use_round_lengths() {
        assert_eq!(scale_km(4.0, 37.0), 5.0);
        assert_eq!(scale_km(0.5, 37.0), 50.0);
        assert_eq!(km_label(10.0), "10 km");
        assert_eq!(km_label(0.5), "0,5 km");
    }
}
