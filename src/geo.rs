//! Geography: municipality and province boundaries (CBS 2025, RD New metres), turned into small
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

/// The boundaries, projected.
#[derive(Debug, Clone, Default)]
pub struct Geo {
    /// Map height in units, for the country's aspect ratio.
    pub height: i32,
    /// Outer rings of each municipality, by CBS code.
    pub municipalities: HashMap<String, Vec<Ring>>,
    /// Province outer rings (the light base map of the country).
    pub provinces: Vec<Ring>,
    /// Province holes: enclosed waters, drawn in the water tone over the land.
    pub waters: Vec<Ring>,
    /// The same boundaries simplified for small maps, made on first use (see [`Geo::small`]).
    small: OnceLock<SmallMaps>,
}

impl Geo {
    /// The boundaries simplified for small maps, with shared borders kept shared. Made when
    /// first asked for, so `check` and other runs that draw no map do not pay for it.
    pub fn small(&self) -> &SmallMaps {
        self.small.get_or_init(|| small_maps(self))
    }
}

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
#[derive(Debug, Clone, Copy)]
struct Projection {
    min_x: f64,
    max_y: f64,
    scale: f64,
}

impl Projection {
    fn ring(&self, points: &[[f64; 2]]) -> Ring {
        let mut out = Vec::with_capacity(points.len() * 2);
        let mut last: Option<(i32, i32)> = None;
        for p in points {
            let x = ((p[0] - self.min_x) * self.scale).round() as i32;
            let y = ((self.max_y - p[1]) * self.scale).round() as i32;
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
    pub fn parse(&self, municipalities: &str, provinces: &str) -> Result<Arc<Geo>, String> {
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

/// Parses the municipality and province GeoJSON files. Errors are messages for a diagnostic.
pub fn parse(municipalities: &str, provinces: &str) -> Result<Geo, String> {
    let m: FeatureCollection =
        serde_json::from_str(municipalities).map_err(|e| format!("gemeenten-2025.geojson: {e}"))?;
    let p: FeatureCollection =
        serde_json::from_str(provinces).map_err(|e| format!("provincies-2025.geojson: {e}"))?;
    let [min_x, min_y, max_x, max_y] = m.bbox;
    if max_x <= min_x || max_y <= min_y {
        return Err("gemeenten-2025.geojson: the bbox is empty".into());
    }
    let scale = MAP_WIDTH / (max_x - min_x);
    let projection = Projection {
        min_x,
        max_y,
        scale,
    };
    let mut geo = Geo {
        height: ((max_y - min_y) * scale).round() as i32,
        ..Geo::default()
    };
    for feature in m.features {
        let rings = feature
            .geometry
            .polygons()
            .into_iter()
            .filter_map(|polygon| polygon.first().map(|outer| projection.ring(outer)))
            .filter(|r| r.len() >= 6)
            .collect();
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

/// Is the point inside the ring (even-odd rule)?
fn contains(ring: &[i32], x: f64, y: f64) -> bool {
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
/// region, otherwise the centroid of its largest polygon.
pub fn label_point(rings: &[&Ring]) -> (i32, i32) {
    let mut total = 0.0;
    let (mut sx, mut sy) = (0.0, 0.0);
    let mut largest: Option<(f64, f64, f64)> = None;
    for ring in rings {
        let (a, cx, cy) = area_centroid(ring);
        let a = a.abs();
        total += a;
        sx += cx * a;
        sy += cy * a;
        if largest.is_none_or(|l| a > l.0) {
            largest = Some((a, cx, cy));
        }
    }
    if total > 0.0 {
        let (x, y) = (sx / total, sy / total);
        if rings.iter().any(|r| contains(r, x, y)) {
            return (x.round() as i32, y.round() as i32);
        }
    }
    largest.map_or((0, 0), |(_, x, y)| (x.round() as i32, y.round() as i32))
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

    fn square(x: i32, y: i32) -> Ring {
        vec![x, y, x + 10, y, x + 10, y + 10, x, y + 10]
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
