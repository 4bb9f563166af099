//! Geography: municipality and province boundaries (CBS, RD New metres), turned into small
//! map geometry for the layouts.
//!
//! Coordinates are projected once into *map units*: x to the east, y downwards (as on a page),
//! scaled so the whole country is [`MAP_WIDTH`] units wide, rounded to whole units. RD New is a
//! conformal projection for the Netherlands, so keeping the aspect ratio keeps the map true.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;

/// Width of the whole country in map units (one unit ≈ 264 m).
pub const MAP_WIDTH: f64 = 1000.0;

/// A ring as a flat list of map coordinates: `[x0, y0, x1, y1, …]`, closed implicitly.
pub type Ring = Vec<i32>;

/// A vertex.
type Point = (i32, i32);
/// An edge between two vertices.
type Edge = (Point, Point);

/// The boundaries, projected.
#[derive(Debug, Clone, Default)]
pub struct Geo {
    /// Map height in units, for the country's aspect ratio.
    pub height: i32,
    /// Outer rings of each municipality, by CBS code.
    pub municipalities: HashMap<String, Vec<Ring>>,
    /// The same rings in RD New metres (x east, y **north**), as in the source: the detail map
    /// of a region is drawn at a scale where a map unit (264 m) would show as jagged borders.
    pub metres: HashMap<String, Vec<Ring>>,
    /// Province outer rings (the light base map of the country).
    pub provinces: Vec<Ring>,
    /// Province holes: enclosed waters, drawn in the water tone over the land.
    pub waters: Vec<Ring>,
    /// From RD New metres to map units.
    pub projection: Projection,
    /// The same boundaries simplified for small maps, made on first use (see [`Geo::small`]).
    small: OnceLock<SmallMaps>,
    /// The municipalities in metres, indexed for detail maps, made on first use.
    metre_index: OnceLock<MetreIndex>,
    /// The base map simplified for locator insets, made on first use (see [`Geo::inset`]).
    inset: OnceLock<InsetMap>,
}

impl Geo {
    /// The municipalities in metres with their bounding boxes and shared edges, for the
    /// detail maps: made once, when first asked for, and shared by every region's map.
    pub fn metre_index(&self) -> &MetreIndex {
        self.metre_index.get_or_init(|| {
            let mut codes: Vec<&String> = self.metres.keys().collect();
            codes.sort();
            let bboxes = codes
                .iter()
                .map(|c| {
                    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
                    for p in self.metres[*c].iter().flat_map(|r| r.chunks_exact(2)) {
                        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
                        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
                    }
                    b
                })
                .collect();
            let topology = Topology::new(
                codes
                    .iter()
                    .enumerate()
                    .flat_map(|(i, c)| self.metres[*c].iter().map(move |r| (i, r))),
            );
            MetreIndex {
                position: codes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| ((*c).clone(), i))
                    .collect(),
                bboxes,
                topology,
            }
        })
    }

    /// The boundaries simplified for small maps, with shared borders kept shared. Made when
    /// first asked for, so `check` and other runs that draw no map do not pay for it.
    pub fn small(&self) -> &SmallMaps {
        self.small.get_or_init(|| small_maps(self))
    }

    /// The provinces and waters simplified for a locator inset, with shared borders kept
    /// shared. Made when first asked for.
    pub fn inset(&self) -> &InsetMap {
        self.inset.get_or_init(|| {
            let land_and_water = self.provinces.iter().chain(&self.waters);
            let mut provinces = crate::simplify::rings(land_and_water, INSET_TOLERANCE);
            let waters = provinces.split_off(self.provinces.len());
            InsetMap { provinces, waters }
        })
    }
}

/// The base map for the locator insets of the detail maps (about 26 mm wide): simplified
/// with a tolerance of [`INSET_TOLERANCE`] map units. Each region page draws it once, and
/// every point costs the layout and the PDF export.
#[derive(Debug, Clone, Default)]
pub struct InsetMap {
    /// Province outer rings.
    pub provinces: Vec<Ring>,
    /// Enclosed waters.
    pub waters: Vec<Ring>,
}

/// Simplification tolerance for [`InsetMap`], in map units: 0.15 mm on an inset 26 mm wide
/// (a map unit is 0.024 mm there), as [`SMALL_TOLERANCE`] is on a map 50 mm wide.
pub const INSET_TOLERANCE: f64 = 6.0;

/// Boundaries for maps about 50 mm wide (a fact sheet's, a region page's): simplified with a
/// tolerance of [`SMALL_TOLERANCE`] map units, 0.15 mm at that size (thinner than the
/// borders drawn), which leaves about 60 % of the points.
#[derive(Debug, Clone, Default)]
pub struct SmallMaps {
    /// Municipality outer rings, by CBS code.
    pub municipalities: HashMap<String, Vec<Ring>>,
    /// Province outer rings.
    pub provinces: Vec<Ring>,
    /// Enclosed waters.
    pub waters: Vec<Ring>,
}

/// The municipalities in metres, indexed for detail maps (see [`Geo::metre_index`]).
#[derive(Debug, Clone)]
pub struct MetreIndex {
    /// Each municipality's position in this index, by CBS code (codes sorted).
    pub position: HashMap<String, usize>,
    /// Bounding box of each municipality, `[x0, y0, x1, y1]` in metres, by position.
    pub bboxes: Vec<[f64; 4]>,
    /// The edges of all municipalities, each ring's group its municipality's position.
    pub topology: Topology,
}

/// Simplification tolerance for [`SmallMaps`], in map units.
pub const SMALL_TOLERANCE: f64 = 3.0;

#[derive(Deserialize)]
struct FeatureCollection {
    bbox: [f64; 4],
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    code: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

impl Geometry {
    /// Polygons as (outer ring, holes).
    fn polygons(self) -> Vec<Vec<Vec<[f64; 2]>>> {
        match self {
            Geometry::Polygon(p) => vec![p],
            Geometry::MultiPolygon(m) => m,
        }
    }
}

/// The projection from RD New metres to map units.
#[derive(Debug, Clone, Copy, Default)]
pub struct Projection {
    min_x: f64,
    max_y: f64,
    scale: f64,
}

impl Projection {
    /// A point in RD New metres (y north) → map units (y down), unrounded.
    pub fn to_map(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.min_x) * self.scale, (self.max_y - y) * self.scale)
    }

    fn ring(&self, points: &[[f64; 2]]) -> Ring {
        self.ring_with(points, |p| {
            (
                ((p[0] - self.min_x) * self.scale).round() as i32,
                ((self.max_y - p[1]) * self.scale).round() as i32,
            )
        })
    }

    /// A ring kept in metres (the source's own whole metres), y to the north.
    fn metres(&self, points: &[[f64; 2]]) -> Ring {
        self.ring_with(points, |p| (p[0].round() as i32, p[1].round() as i32))
    }

    fn ring_with(&self, points: &[[f64; 2]], project: impl Fn(&[f64; 2]) -> (i32, i32)) -> Ring {
        let mut out = Vec::with_capacity(points.len() * 2);
        let mut last: Option<(i32, i32)> = None;
        for p in points {
            let (x, y) = project(p);
            // Consecutive points that round to the same unit add nothing at map size.
            if last != Some((x, y)) {
                out.extend([x, y]);
                last = Some((x, y));
            }
        }
        out
    }
}

/// The last boundaries parsed, kept by a long-lived driver so that a content change does not
/// parse (and simplify) the unchanged boundary files again.
#[derive(Debug, Default)]
pub struct GeoCache {
    /// A hash of the two files' text, and what was made of them.
    last: Mutex<Option<(u128, Arc<Geo>)>>,
}

impl GeoCache {
    /// [`parse`], or the result of the previous call when the files are unchanged.
    pub fn parse(&self, municipalities: &str, provinces: &str) -> Result<Arc<Geo>, GeoError> {
        let key = typst::utils::hash128(&(municipalities, provinces));
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, geo)) = last.as_ref()
            && *k == key
        {
            return Ok(geo.clone());
        }
        let geo = Arc::new(parse(municipalities, provinces)?);
        *last = Some((key, geo.clone()));
        Ok(geo)
    }
}

/// Why the boundary files cannot be used (validation words it for the user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeoError {
    /// The municipality boundaries are not the GeoJSON expected; serde_json's description.
    Municipalities(String),
    /// The province boundaries are not the GeoJSON expected; serde_json's description.
    Provinces(String),
    /// The municipality boundaries' `bbox` has no area.
    EmptyBbox,
}

/// Parses the municipality and province GeoJSON files.
pub fn parse(municipalities: &str, provinces: &str) -> Result<Geo, GeoError> {
    let m: FeatureCollection = serde_json::from_str(municipalities)
        .map_err(|e| GeoError::Municipalities(e.to_string()))?;
    let p: FeatureCollection =
        serde_json::from_str(provinces).map_err(|e| GeoError::Provinces(e.to_string()))?;
    let [min_x, min_y, max_x, max_y] = m.bbox;
    if max_x <= min_x || max_y <= min_y {
        return Err(GeoError::EmptyBbox);
    }
    let scale = MAP_WIDTH / (max_x - min_x);
    let projection = Projection {
        min_x,
        max_y,
        scale,
    };
    let mut geo = Geo {
        height: ((max_y - min_y) * scale).round() as i32,
        projection,
        ..Geo::default()
    };
    for feature in m.features {
        let outers: Vec<Vec<[f64; 2]>> = feature
            .geometry
            .polygons()
            .into_iter()
            .filter_map(|polygon| polygon.into_iter().next())
            .collect();
        let rings = outers
            .iter()
            .map(|outer| projection.ring(outer))
            .filter(|r| r.len() >= 6)
            .collect();
        let metres = outers
            .iter()
            .map(|outer| projection.metres(outer))
            .filter(|r| r.len() >= 6)
            .collect();
        geo.metres.insert(feature.properties.code.clone(), metres);
        geo.municipalities.insert(feature.properties.code, rings);
    }
    for feature in p.features {
        for polygon in feature.geometry.polygons() {
            let mut rings = polygon.iter().map(|r| projection.ring(r));
            if let Some(outer) = rings.next() {
                geo.provinces.push(outer);
            }
            geo.waters.extend(rings.filter(|r| r.len() >= 6));
        }
    }
    Ok(geo)
}

/// Simplifies every ring for small maps; municipalities and provinces each as one set, so
/// borders shared within a set stay shared.
fn small_maps(geo: &Geo) -> SmallMaps {
    // Sorted, so the result never depends on the hash map's order.
    let mut codes: Vec<&String> = geo.municipalities.keys().collect();
    codes.sort();
    let all = codes.iter().flat_map(|c| &geo.municipalities[*c]);
    let mut simplified = crate::simplify::rings(all, SMALL_TOLERANCE).into_iter();
    let municipalities = codes
        .iter()
        .map(|c| {
            let n = geo.municipalities[*c].len();
            ((*c).clone(), simplified.by_ref().take(n).collect())
        })
        .collect();
    let land_and_water = geo.provinces.iter().chain(&geo.waters);
    let mut simplified = crate::simplify::rings(land_and_water, SMALL_TOLERANCE);
    let waters = simplified.split_off(geo.provinces.len());
    SmallMaps {
        municipalities,
        provinces: simplified,
        waters,
    }
}

/// Signed area (shoelace) and centroid of a ring, in map units.
fn area_centroid(ring: &[i32]) -> (f64, f64, f64) {
    let n = ring.len() / 2;
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (x0, y0) = (ring[2 * i] as f64, ring[2 * i + 1] as f64);
        let j = (i + 1) % n;
        let (x1, y1) = (ring[2 * j] as f64, ring[2 * j + 1] as f64);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < f64::EPSILON {
        return (
            0.0,
            ring.first().copied().unwrap_or(0) as f64,
            ring.get(1).copied().unwrap_or(0) as f64,
        );
    }
    (a / 2.0, cx / (3.0 * a), cy / (3.0 * a))
}

/// Unsigned area of a ring, in square units of its coordinates.
pub fn area(ring: &[i32]) -> f64 {
    area_centroid(ring).0.abs()
}

/// Is the point inside the ring (even-odd rule)?
pub fn contains(ring: &[i32], x: f64, y: f64) -> bool {
    let n = ring.len() / 2;
    let mut inside = false;
    let mut j = n.saturating_sub(1);
    for i in 0..n {
        let (xi, yi) = (ring[2 * i] as f64, ring[2 * i + 1] as f64);
        let (xj, yj) = (ring[2 * j] as f64, ring[2 * j + 1] as f64);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// A point to put a region's label on: the area-weighted centroid when it falls inside the
/// region, otherwise the centroid of its largest polygon when that is inside it, otherwise
/// the point of the largest polygon farthest from its edges (a bent shape, such as Rotterdam
/// along the river, has both centroids outside).
pub fn label_point(rings: &[&Ring]) -> (i32, i32) {
    let mut total = 0.0;
    let (mut sx, mut sy) = (0.0, 0.0);
    let mut largest: Option<(f64, f64, f64, &Ring)> = None;
    for ring in rings {
        let (a, cx, cy) = area_centroid(ring);
        let a = a.abs();
        total += a;
        sx += cx * a;
        sy += cy * a;
        if largest.is_none_or(|l| a > l.0) {
            largest = Some((a, cx, cy, ring));
        }
    }
    if total > 0.0 {
        let (x, y) = (sx / total, sy / total);
        if rings.iter().any(|r| contains(r, x, y)) {
            return (x.round() as i32, y.round() as i32);
        }
    }
    let Some((_, x, y, ring)) = largest else {
        return (0, 0);
    };
    let (x, y) = if contains(ring, x, y) {
        (x, y)
    } else {
        pole_of_inaccessibility(ring, 0.5)
    };
    (x.round() as i32, y.round() as i32)
}

/// The point inside a ring farthest from its edges, to within `precision` (the "polylabel"
/// search: squares over the ring, refined where a square could still hold a farther point).
fn pole_of_inaccessibility(ring: &[i32], precision: f64) -> (f64, f64) {
    let points: Vec<(f64, f64)> = ring
        .chunks_exact(2)
        .map(|p| (f64::from(p[0]), f64::from(p[1])))
        .collect();
    if points.len() < 3 {
        return points.first().copied().unwrap_or((0.0, 0.0));
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in &points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    // Signed distance from a point to the ring's edges: positive inside.
    let distance = |x: f64, y: f64| {
        let mut best = f64::MAX;
        for i in 0..points.len() {
            let (ax, ay) = points[i];
            let (bx, by) = points[(i + 1) % points.len()];
            let (dx, dy) = (bx - ax, by - ay);
            let length = dx * dx + dy * dy;
            let t = if length > 0.0 {
                (((x - ax) * dx + (y - ay) * dy) / length).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (px, py) = (ax + t * dx - x, ay + t * dy - y);
            best = best.min(px * px + py * py);
        }
        let d = best.sqrt();
        if contains(ring, x, y) { d } else { -d }
    };
    // A square: centre, half size, distance of the centre, and the most any point in it can
    // have (its centre's distance plus its half diagonal).
    struct Cell {
        x: f64,
        y: f64,
        h: f64,
        d: f64,
        max: f64,
    }
    impl PartialEq for Cell {
        fn eq(&self, other: &Self) -> bool {
            self.max.total_cmp(&other.max).is_eq()
        }
    }
    impl Eq for Cell {}
    impl PartialOrd for Cell {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Cell {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.max.total_cmp(&other.max)
        }
    }
    let cell = |x: f64, y: f64, h: f64| {
        let d = distance(x, y);
        Cell {
            x,
            y,
            h,
            d,
            max: d + h * std::f64::consts::SQRT_2,
        }
    };
    let size = (x1 - x0).min(y1 - y0);
    if size <= 0.0 {
        return points[0];
    }
    let h = size / 2.0;
    let mut queue = std::collections::BinaryHeap::new();
    let mut x = x0;
    while x < x1 {
        let mut y = y0;
        while y < y1 {
            queue.push(cell(x + h, y + h, h));
            y += size;
        }
        x += size;
    }
    let (cx, cy, _) = area_centroid(ring);
    let mut best = cell(cx, cy, 0.0);
    // Bounded, so a degenerate ring can never make the search run away.
    let mut budget = 20_000;
    while budget > 0 {
        budget -= 1;
        // The square that could hold the farthest point.
        let Some(c) = queue.pop() else {
            break;
        };
        if c.d > best.d {
            best = Cell { ..c };
        }
        if c.max - best.d <= precision {
            continue;
        }
        let h = c.h / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(cell(c.x + dx, c.y + dy, h));
        }
    }
    (best.x, best.y)
}

/// The borders of a set of rings that share vertices along common borders, as polylines
/// (flat `[x0, y0, x1, y1, …]`, open; a closed border repeats its first point at the end):
/// `(outer, inner)`. An edge that only one ring of the set has is on the set's outline; one that
/// two rings have is a border between them, returned once. Dissolving this way needs no polygon
/// union: the source keeps shared borders identical (see [`neighbours`]).
pub fn borders<'a>(rings: impl IntoIterator<Item = &'a Ring>) -> (Vec<Vec<i32>>, Vec<Vec<i32>>) {
    // Edges in the order they are met (deterministic), each with how often it occurs.
    let mut order: Vec<(Point, Point)> = Vec::new();
    let mut count: HashMap<(Point, Point), usize> = HashMap::new();
    for ring in rings {
        let pts: Vec<Point> = vertices(ring).collect();
        let n = pts.len();
        for i in 0..n {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            if a == b {
                continue;
            }
            let key = if a < b { (a, b) } else { (b, a) };
            let c = count.entry(key).or_insert(0);
            if *c == 0 {
                order.push((a, b));
            }
            *c += 1;
        }
    }
    let (once, more): (Vec<Edge>, Vec<Edge>) = order.into_iter().partition(|&(a, b)| {
        let key = if a < b { (a, b) } else { (b, a) };
        count[&key] == 1
    });
    (chain(&once), chain(&more))
}

/// The edges of a set of rings that share vertices along common borders, each ring tagged
/// with a group (a region, say), for drawing a map with each border once: the loops around a
/// union of groups (to fill it), and the borders between or within groups (to stroke them).
/// Rings are taken counter-clockwise in their own coordinates (turned if need be), so the loops
/// around a union run counter-clockwise too and holes clockwise: filled with the non-zero rule,
/// they come out right.
#[derive(Debug, Clone)]
pub struct Topology {
    /// Directed edges, as walked by their ring, with the ring's group.
    edges: Vec<(Point, Point, usize)>,
    /// For each edge, the other ring's edge on the same border (walked the other way), if
    /// exactly one other ring has it.
    twin: Vec<Option<usize>>,
}

impl Topology {
    /// The edges of `rings`, each with its group.
    pub fn new<'a>(rings: impl IntoIterator<Item = (usize, &'a Ring)>) -> Self {
        let mut edges = Vec::new();
        for (group, ring) in rings {
            let mut pts: Vec<(i32, i32)> = vertices(ring).collect();
            if area_centroid(ring).0 < 0.0 {
                pts.reverse();
            }
            let n = pts.len();
            for i in 0..n {
                let (a, b) = (pts[i], pts[(i + 1) % n]);
                if a != b {
                    edges.push((a, b, group));
                }
            }
        }
        // Edges on the same border sort next to each other (sorting is cheaper than hashing
        // here: a fact sheet builds this for the whole country).
        let mut keys: Vec<(Edge, usize)> = edges
            .iter()
            .enumerate()
            .map(|(i, &(a, b, _))| (if a < b { (a, b) } else { (b, a) }, i))
            .collect();
        keys.sort_unstable();
        let mut twin = vec![None; edges.len()];
        let mut i = 0;
        while i < keys.len() {
            let mut j = i + 1;
            while j < keys.len() && keys[j].0 == keys[i].0 {
                j += 1;
            }
            if j - i == 2 {
                let (a, b) = (keys[i].1, keys[i + 1].1);
                twin[a] = Some(b);
                twin[b] = Some(a);
            }
            i = j;
        }
        Self { edges, twin }
    }

    /// Closed loops (flat rings) around the union of the groups `inside` accepts: the edges of
    /// those groups that no other ring of them shares.
    pub fn loops(&self, inside: impl Fn(usize) -> bool) -> Vec<Ring> {
        let outer: Vec<Edge> = self
            .edges
            .iter()
            .zip(&self.twin)
            .filter(|((_, _, g), twin)| inside(*g) && twin.is_none_or(|t| !inside(self.edges[t].2)))
            .map(|(&(a, b, _), _)| (a, b))
            .collect();
        let mut from: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
        for (i, (a, _)) in outer.iter().enumerate() {
            from.entry(*a).or_default().push(i);
        }
        let mut used = vec![false; outer.len()];
        let mut out = Vec::new();
        for start in 0..outer.len() {
            if used[start] {
                continue;
            }
            used[start] = true;
            let origin = outer[start].0;
            let mut ring = vec![origin];
            let mut at = outer[start].1;
            while at != origin {
                ring.push(at);
                let Some(&next) = from.get(&at).and_then(|es| es.iter().find(|&&e| !used[e]))
                else {
                    break;
                };
                used[next] = true;
                at = outer[next].1;
            }
            if ring.len() >= 3 {
                out.push(ring.into_iter().flat_map(|(x, y)| [x, y]).collect());
            }
        }
        out
    }

    /// Borders shared by two rings whose groups `between` accepts, each once, as polylines.
    pub fn lines(&self, between: impl Fn(usize, usize) -> bool) -> Vec<Vec<i32>> {
        let edges: Vec<Edge> = self
            .edges
            .iter()
            .zip(&self.twin)
            .enumerate()
            .filter_map(|(i, (&(a, b, g), twin))| {
                let t = (*twin)?;
                (i < t && between(g, self.edges[t].2)).then_some((a, b))
            })
            .collect();
        chain(&edges)
    }
}

/// Joins edges into as few polylines as possible: a polyline runs on through every point where
/// exactly two of the edges meet.
fn chain(edges: &[Edge]) -> Vec<Vec<i32>> {
    let mut at: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, (a, b)) in edges.iter().enumerate() {
        at.entry(*a).or_default().push(i);
        at.entry(*b).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut out = Vec::new();
    // Walks from `point` along unused edges while the way on is unambiguous.
    let walk = |start: (i32, i32), used: &mut Vec<bool>, line: &mut Vec<(i32, i32)>| {
        let mut point = start;
        loop {
            let here = &at[&point];
            if here.len() != 2 {
                break;
            }
            let Some(&next) = here.iter().find(|&&e| !used[e]) else {
                break;
            };
            used[next] = true;
            let (a, b) = edges[next];
            point = if a == point { b } else { a };
            line.push(point);
        }
    };
    for i in 0..edges.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let (a, b) = edges[i];
        let mut forward = vec![a, b];
        walk(b, &mut used, &mut forward);
        let mut backward = Vec::new();
        if forward.last() != Some(&a) {
            walk(a, &mut used, &mut backward);
        }
        let line: Vec<(i32, i32)> = backward.into_iter().rev().chain(forward).collect();
        out.push(line.into_iter().flat_map(|(x, y)| [x, y]).collect());
    }
    out
}

/// The vertices of a ring, as a set of points (for adjacency).
fn vertices(ring: &[i32]) -> impl Iterator<Item = (i32, i32)> + '_ {
    ring.chunks_exact(2).map(|p| (p[0], p[1]))
}

/// Which groups touch: two groups (lists of municipality codes) are neighbours when their
/// boundaries share at least two vertices. The source keeps shared borders identical
/// (topology-preserving simplification), so shared vertices mean a shared border.
pub fn neighbours(geo: &Geo, groups: &[Vec<&str>]) -> Vec<HashSet<usize>> {
    let mut owners: HashMap<(i32, i32), HashSet<usize>> = HashMap::new();
    for (g, codes) in groups.iter().enumerate() {
        for code in codes {
            for ring in geo.municipalities.get(*code).into_iter().flatten() {
                for v in vertices(ring) {
                    owners.entry(v).or_default().insert(g);
                }
            }
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for groups in owners.values() {
        let list: Vec<usize> = groups.iter().copied().collect();
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                *shared.entry(((*a).min(*b), (*a).max(*b))).or_default() += 1;
            }
        }
    }
    let mut out = vec![HashSet::new(); groups.len()];
    for ((a, b), count) in shared {
        if count >= 2 {
            out[a].insert(b);
            out[b].insert(a);
        }
    }
    out
}

/// Colours a graph so neighbours differ (DSatur: most-constrained first). Returns a colour
/// index per node; uses as few colours as it can, never more than the nodes need.
pub fn colour(neighbours: &[HashSet<usize>]) -> Vec<usize> {
    let n = neighbours.len();
    let mut colour: Vec<Option<usize>> = vec![None; n];
    for _ in 0..n {
        // Pick the uncoloured node with the most distinct neighbour colours, then most neighbours,
        // then lowest index (deterministic).
        let next = (0..n).filter(|&i| colour[i].is_none()).max_by_key(|&i| {
            let saturation: HashSet<usize> =
                neighbours[i].iter().filter_map(|&j| colour[j]).collect();
            (saturation.len(), neighbours[i].len(), usize::MAX - i)
        });
        let Some(i) = next else { break };
        let used: HashSet<usize> = neighbours[i].iter().filter_map(|&j| colour[j]).collect();
        colour[i] = (0..).find(|c| !used.contains(c));
    }
    colour.into_iter().map(|c| c.unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bent_shape_gets_its_label_inside() {
        // A U: both centroids fall in the gap between the arms.
        let u: Ring = vec![
            0, 0, 30, 0, 30, 100, 20, 100, 20, 10, 10, 10, 10, 100, 0, 100,
        ];
        let (x, y) = label_point(&[&u]);
        assert!(
            contains(&u, f64::from(x), f64::from(y)),
            "({x}, {y}) is outside"
        );
        // In the base or an arm, not on an edge: the U's parts are 10 wide.
        let (cx, cy, _) = area_centroid(&u);
        assert!(!contains(&u, cx, cy), "the test shape is not bent enough");
        let (px, py) = pole_of_inaccessibility(&u, 0.5);
        assert!(
            px > 2.0 && px < 28.0 && py > 2.0,
            "({px}, {py}) hugs an edge"
        );
    }

    fn square(x: i32, y: i32) -> Ring {
        vec![x, y, x + 10, y, x + 10, y + 10, x, y + 10]
    }

    /// A province whose coast has a notch 5 map units deep: the small maps keep it (it is
    /// more than their tolerance), the locator inset drops it, and every ring stays.
    #[test]
    fn the_inset_base_map_is_coarser_than_the_small_one() {
        let geo = Geo {
            provinces: vec![vec![
                0, 0, 100, 0, 100, 100, 55, 100, 50, 95, 45, 100, 0, 100,
            ]],
            waters: vec![vec![20, 20, 30, 20, 30, 30, 20, 30]],
            ..Geo::default()
        };
        let has_notch = |rings: &[Ring]| {
            rings
                .iter()
                .any(|r| r.chunks_exact(2).any(|p| p == [50, 95]))
        };
        assert!(
            has_notch(&geo.small().provinces),
            "{:?}",
            geo.small().provinces
        );
        assert!(
            !has_notch(&geo.inset().provinces),
            "{:?}",
            geo.inset().provinces
        );
        assert_eq!(geo.inset().provinces.len(), 1);
        assert_eq!(
            geo.inset().waters,
            geo.waters,
            "a small square keeps its corners"
        );
    }

    #[test]
    fn centroid_of_a_square() {
        let r = square(0, 0);
        assert_eq!(label_point(&[&r]), (5, 5));
    }

    #[test]
    fn neighbours_share_an_edge_not_a_corner() {
        let mut geo = Geo::default();
        geo.municipalities.insert("a".into(), vec![square(0, 0)]);
        geo.municipalities.insert("b".into(), vec![square(10, 0)]);
        geo.municipalities.insert("c".into(), vec![square(20, 10)]);
        let n = neighbours(&geo, &[vec!["a"], vec!["b"], vec!["c"]]);
        assert!(n[0].contains(&1));
        assert!(!n[0].contains(&2));
        assert!(!n[1].contains(&2), "b and c only share a corner");
    }

    #[test]
    fn colouring_separates_neighbours() {
        // A triangle needs three colours; a fourth node touching one needs none new.
        let n: Vec<HashSet<usize>> =
            vec![[1, 2].into(), [0, 2].into(), [0, 1, 3].into(), [2].into()];
        let c = colour(&n);
        for (i, ns) in n.iter().enumerate() {
            for j in ns {
                assert_ne!(c[i], c[*j]);
            }
        }
        assert!(c.iter().all(|&x| x < 3));
    }

    #[test]
    fn borders_split_outline_from_inner_borders() {
        // Two squares side by side: the outline goes round both, the shared edge is inner.
        let (outer, inner) = borders([&square(0, 0), &square(10, 0)]);
        assert_eq!(inner, vec![vec![10, 0, 10, 10]]);
        assert_eq!(outer.len(), 1, "{outer:?}");
        let line = &outer[0];
        assert_eq!(
            line.len() / 2,
            7,
            "six edges and the closing point: {line:?}"
        );
        assert_eq!(line[..2], line[line.len() - 2..], "closed");
        // A lone ring is all outline.
        let (outer, inner) = borders([&square(0, 0)]);
        assert!(inner.is_empty());
        assert_eq!(outer[0].len() / 2, 5);
    }

    #[test]
    fn topology_fills_unions_and_draws_each_border_once() {
        // Three squares in a row, groups 0, 0, 1.
        let rings = [square(0, 0), square(10, 0), square(20, 0)];
        let topo = Topology::new([(0, &rings[0]), (0, &rings[1]), (1, &rings[2])]);
        // The union of everything: one loop round all three, counter-clockwise.
        let land = topo.loops(|_| true);
        assert_eq!(land.len(), 1);
        assert_eq!(land[0].len() / 2, 8, "{land:?}");
        assert!(area_centroid(&land[0]).0 > 0.0);
        assert_eq!(area(&land[0]), 300.0);
        // Group 0 alone: the first two squares.
        let zero = topo.loops(|g| g == 0);
        assert_eq!(zero.len(), 1);
        assert_eq!(area(&zero[0]), 200.0);
        // The border inside group 0, and the one between the groups.
        assert_eq!(
            topo.lines(|a, b| a == 0 && b == 0),
            vec![vec![10, 0, 10, 10]]
        );
        assert_eq!(topo.lines(|a, b| a != b), vec![vec![20, 0, 20, 10]]);
        // A clockwise ring is turned: the loop is the same.
        let mut cw = square(0, 0);
        cw = cw.chunks(2).rev().flat_map(|p| p.to_vec()).collect();
        assert!(area_centroid(&cw).0 < 0.0);
        assert!(area_centroid(&Topology::new([(0, &cw)]).loops(|_| true)[0]).0 > 0.0);
    }

    #[test]
    fn projects_with_y_down() {
        let p = Projection {
            min_x: 0.0,
            max_y: 100.0,
            scale: 1.0,
        };
        assert_eq!(
            p.ring(&[[0.0, 100.0], [10.0, 0.0], [10.0, 0.0]]),
            vec![0, 0, 10, 100]
        );
    }
}
