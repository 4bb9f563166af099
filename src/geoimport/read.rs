//! Reading a division: municipality (or province) boundaries as GeoJSON, the way PDOK serves
//! them and cartomap/nl publishes them (`statcode`/`statnaam`), or as the engine's own files
//! (`code`/`name`).
//!
//! Coordinates are RD New metres (EPSG:28992) or WGS84 degrees, which are reprojected to RD
//! New (see [`wgs84_to_rd`]); both are rounded to whole metres, as the shipped files are. The
//! input is never trusted: every shape problem is an error that says which feature, never a
//! panic.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value};

use crate::diagnostics::Diagnostic;
use crate::geo::Ring;
use crate::i18n::Msg;
use crate::msg;

/// What a file should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Municipalities: codes `GM` and four digits.
    Municipalities,
    /// Provinces: codes `PV` and two digits.
    Provinces,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Municipalities => "GM",
            Kind::Provinces => "PV",
        }
    }

    /// The kind as messages select on it: `{ $kind -> [municipalities] … *[other] … }`.
    fn key(self) -> &'static str {
        match self {
            Kind::Municipalities => "municipalities",
            Kind::Provinces => "provinces",
        }
    }
}

/// The coordinate system a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    /// Amersfoort / RD New, metres.
    RdNew,
    /// WGS84 longitude and latitude, reprojected to RD New.
    Wgs84,
}

/// One municipality or province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// CBS code (`GM0363`, `PV27`).
    pub code: String,
    /// Official CBS name.
    pub name: String,
    /// Polygons, each its outer ring and then its holes; rings in whole RD New metres
    /// (flat `[x0, y0, x1, y1, …]`, y north, not repeating the first point at the end).
    pub polygons: Vec<Vec<Ring>>,
}

/// A division: its areas sorted by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// The areas, sorted by code.
    pub areas: Vec<Area>,
    /// The coordinate system the file was in.
    pub crs: Crs,
}

impl Division {
    /// The area with this code.
    pub fn get(&self, code: &str) -> Option<&Area> {
        self.areas
            .binary_search_by(|a| a.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.areas[i])
    }

    /// Number of vertices in all rings.
    pub fn vertices(&self) -> usize {
        self.areas
            .iter()
            .flat_map(|a| a.polygons.iter().flatten())
            .map(|r| r.len() / 2)
            .sum()
    }
}

/// A plausible number of municipalities (342 in 2025; fewer every year, through mergers).
pub const MUNICIPALITY_COUNT: std::ops::RangeInclusive<usize> = 200..=450;
/// The number of provinces.
pub const PROVINCE_COUNT: std::ops::RangeInclusive<usize> = 12..=12;

/// RD New's extent (metres), with a margin: the Netherlands and its waters.
const RD_X: std::ops::RangeInclusive<f64> = -10_000.0..=300_000.0;
const RD_Y: std::ops::RangeInclusive<f64> = 280_000.0..=640_000.0;
/// The Netherlands in WGS84 degrees, with a margin.
const LON: std::ops::RangeInclusive<f64> = 2.5..=7.5;
const LAT: std::ops::RangeInclusive<f64> = 50.5..=54.0;

/// Reads a division from GeoJSON text; `file` names it in errors. The count is not checked
/// here (see [`check_count`]).
pub fn parse(file: &Path, text: &str, kind: Kind) -> Result<Division, Box<Diagnostic>> {
    let error = |message: Msg| Box::new(Diagnostic::error("bad-boundaries", message).in_file(file));
    let value: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| {
            Box::new(
                Diagnostic::error("bad-boundaries", msg!("geo-not-geojson"))
                    .in_file(file)
                    .with_help(msg!("geo-not-geojson.help"))
                    .with_note(Msg::verbatim(e.to_string())),
            )
        })?;
    let Some(object) = value.as_object() else {
        return Err(error(msg!("geo-not-geojson.no-object")));
    };
    match object.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {}
        Some("Topology") => {
            return Err(error(msg!("geo-topojson")).with_help_boxed(msg!("geo-topojson.help")));
        }
        Some(other) => {
            return Err(error(msg!(
                "geo-not-a-feature-collection",
                what = other,
                kind = kind.key()
            )));
        }
        None => {
            return Err(error(msg!("geo-not-geojson.no-type")));
        }
    }
    let declared = declared_crs(object).map_err(&error)?;
    let Some(features) = object.get("features").and_then(Value::as_array) else {
        return Err(error(msg!("geo-no-features-list")));
    };
    if features.is_empty() {
        return Err(error(msg!("geo-no-features", kind = kind.key())));
    }
    let mut raw = Vec::with_capacity(features.len());
    for (i, feature) in features.iter().enumerate() {
        let place = |message: Msg| {
            Box::new(
                Diagnostic::error("bad-boundaries", message)
                    .at_place(file, msg!("geo-place-feature", number = i + 1)),
            )
        };
        raw.push(feature_of(feature, kind, &place)?);
    }
    let crs = match declared {
        Some(crs) => crs,
        None => guess_crs(&raw).ok_or_else(|| {
            error(msg!("geo-unknown-coordinates"))
                .with_help_boxed(msg!("geo-unknown-coordinates.help"))
        })?,
    };
    check_extent(&raw, crs).map_err(&error)?;
    let mut areas = Vec::with_capacity(raw.len());
    for (i, feature) in raw.into_iter().enumerate() {
        let place = |problem: Msg| {
            Box::new(
                Diagnostic::error(
                    "bad-boundaries",
                    msg!(
                        "geo-invalid-geometry",
                        name = &feature.name,
                        code = &feature.code,
                        problem = problem
                    ),
                )
                .at_place(file, msg!("geo-place-feature", number = i + 1)),
            )
        };
        let mut polygons = Vec::with_capacity(feature.polygons.len());
        for polygon in feature.polygons {
            let mut rings = Vec::with_capacity(polygon.len());
            for (r, ring) in polygon.into_iter().enumerate() {
                let ring = to_metres(&ring, crs);
                if let Err(problem) = check_ring(&ring) {
                    return Err(place(problem));
                }
                rings.push(oriented(ring, r == 0));
            }
            polygons.push(rings);
        }
        areas.push(Area {
            code: feature.code,
            name: feature.name,
            polygons,
        });
    }
    areas.sort_by(|a, b| a.code.cmp(&b.code));
    let mut names = HashSet::new();
    for pair in areas.windows(2) {
        if pair[0].code == pair[1].code {
            return Err(error(msg!("geo-code-twice", code = &pair[0].code))
                .with_help_boxed(msg!("geo-code-twice.help")));
        }
    }
    for a in &areas {
        if !names.insert(a.name.as_str()) {
            return Err(error(msg!("geo-name-twice", name = &a.name)));
        }
    }
    check_kind(file, &areas, kind)?;
    Ok(Division { areas, crs })
}

/// Refuses a division whose count is not plausible for its kind.
pub fn check_count(file: &Path, division: &Division, kind: Kind) -> Result<(), Box<Diagnostic>> {
    let range = match kind {
        Kind::Municipalities => MUNICIPALITY_COUNT,
        Kind::Provinces => PROVINCE_COUNT,
    };
    let n = division.areas.len();
    if range.contains(&n) {
        return Ok(());
    }
    let expected = if range.start() == range.end() {
        msg!("geo-count-exactly", count = *range.start())
    } else {
        msg!("geo-count-range", from = *range.start(), to = *range.end())
    };
    Err(Box::new(
        Diagnostic::error(
            "implausible-count",
            msg!(
                "geo-implausible-count",
                file = file,
                count = n,
                kind = kind.key(),
                expected = expected
            ),
        )
        .in_file(file)
        .with_help(msg!("geo-implausible-count.help")),
    ))
}

/// A feature as read, before reprojection.
struct RawFeature {
    code: String,
    name: String,
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

fn feature_of(
    feature: &Value,
    kind: Kind,
    place: &dyn Fn(Msg) -> Box<Diagnostic>,
) -> Result<RawFeature, Box<Diagnostic>> {
    let Some(feature) = feature.as_object() else {
        return Err(place(msg!("geo-not-a-feature")));
    };
    let properties = feature
        .get("properties")
        .and_then(Value::as_object)
        .ok_or_else(|| place(msg!("geo-no-properties")))?;
    let text = |keys: [&str; 2]| {
        keys.iter()
            .find_map(|k| properties.get(*k).and_then(Value::as_str))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let code = text(["statcode", "code"]).ok_or_else(|| {
        place(msg!("geo-no-statcode"))
            .with_help_boxed(msg!("geo-no-statcode.help", kind = kind.key()))
    })?;
    let name =
        text(["statnaam", "name"]).ok_or_else(|| place(msg!("geo-no-statnaam", code = &code)))?;
    let geometry = feature
        .get("geometry")
        .and_then(Value::as_object)
        .ok_or_else(|| place(msg!("geo-no-geometry", name = &name, code = &code)))?;
    let coordinates = geometry.get("coordinates");
    let polygons = match (geometry.get("type").and_then(Value::as_str), coordinates) {
        (Some("Polygon"), Some(c)) => vec![polygon(c)],
        (Some("MultiPolygon"), Some(Value::Array(list))) => list.iter().map(polygon).collect(),
        (Some(t @ ("Polygon" | "MultiPolygon")), _) => {
            return Err(place(msg!(
                "geo-no-coordinates",
                name = &name,
                code = &code,
                geometry = t
            )));
        }
        (t, _) => {
            return Err(place(match t {
                Some(t) => msg!(
                    "geo-not-a-polygon",
                    name = &name,
                    code = &code,
                    geometry = t
                ),
                None => msg!("geo-geometry-without-type", name = &name, code = &code),
            }));
        }
    };
    let polygons: Option<Vec<_>> = polygons.into_iter().collect();
    let polygons =
        polygons.ok_or_else(|| place(msg!("geo-bad-coordinates", name = &name, code = &code)))?;
    if polygons.is_empty() || polygons.iter().any(|p| p.is_empty()) {
        return Err(place(msg!(
            "geo-empty-geometry",
            name = &name,
            code = &code
        )));
    }
    Ok(RawFeature {
        code,
        name,
        polygons,
    })
}

/// A Polygon's coordinates: rings of positions (`[x, y]` or `[x, y, z]`).
fn polygon(value: &Value) -> Option<Vec<Vec<[f64; 2]>>> {
    value
        .as_array()?
        .iter()
        .map(|ring| {
            ring.as_array()?
                .iter()
                .map(|p| match p.as_array()?.as_slice() {
                    [x, y, ..] => {
                        let (x, y) = (x.as_f64()?, y.as_f64()?);
                        (x.is_finite() && y.is_finite()).then_some([x, y])
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// The `crs` member, GeoJSON-2008 style, if there is one.
fn declared_crs(object: &Map<String, Value>) -> Result<Option<Crs>, Msg> {
    let Some(crs) = object.get("crs") else {
        return Ok(None);
    };
    let name = crs
        .pointer("/properties/name")
        .and_then(Value::as_str)
        .unwrap_or("");
    if name.ends_with("28992") || name.ends_with("::28992") {
        Ok(Some(Crs::RdNew))
    } else if name.ends_with("4326") || name.ends_with("CRS84") {
        Ok(Some(Crs::Wgs84))
    } else {
        Err(msg!("geo-unknown-crs", name = name))
    }
}

/// RD New or WGS84, from where the coordinates lie (RFC 7946 GeoJSON has no `crs`).
fn guess_crs(features: &[RawFeature]) -> Option<Crs> {
    let points = || {
        features
            .iter()
            .flat_map(|f| f.polygons.iter().flatten().flatten())
    };
    if points().all(|p| LON.contains(&p[0]) && LAT.contains(&p[1])) {
        Some(Crs::Wgs84)
    } else if points().all(|p| RD_X.contains(&p[0]) && RD_Y.contains(&p[1])) {
        Some(Crs::RdNew)
    } else {
        None
    }
}

/// Every coordinate lies in the Netherlands, in the system the file is in.
fn check_extent(features: &[RawFeature], crs: Crs) -> Result<(), Msg> {
    let (xs, ys, what) = match crs {
        Crs::RdNew => (RD_X, RD_Y, msg!("geo-crs-rd")),
        Crs::Wgs84 => (LON, LAT, msg!("geo-crs-wgs84-degrees")),
    };
    for f in features {
        if let Some(p) = f
            .polygons
            .iter()
            .flatten()
            .flatten()
            .find(|p| !xs.contains(&p[0]) || !ys.contains(&p[1]))
        {
            return Err(msg!(
                "geo-outside-netherlands",
                name = &f.name,
                code = &f.code,
                point = format!("[{}, {}]", p[0], p[1]),
                crs = what
            ));
        }
    }
    Ok(())
}

/// A ring in whole RD New metres, without the closing point and repeated points.
fn to_metres(ring: &[[f64; 2]], crs: Crs) -> Ring {
    let mut out: Ring = Vec::with_capacity(ring.len() * 2);
    for p in ring {
        let (x, y) = match crs {
            Crs::RdNew => (p[0], p[1]),
            Crs::Wgs84 => wgs84_to_rd(p[1], p[0]),
        };
        // In range: checked against the extent above.
        let (x, y) = (x.round() as i32, y.round() as i32);
        let n = out.len();
        if n < 2 || out[n - 2..] != [x, y] {
            out.extend([x, y]);
        }
    }
    if out.len() >= 4 && out[..2] == out[out.len() - 2..] {
        out.truncate(out.len() - 2);
    }
    out
}

/// Why a ring is not a valid polygon ring, if it is not.
fn check_ring(ring: &Ring) -> Result<(), Msg> {
    let n = ring.len() / 2;
    if n < 3 {
        return Err(msg!("geo-ring-too-few-points"));
    }
    if let Some((x, y)) = self_intersection(ring) {
        return Err(msg!(
            "geo-ring-crosses-itself",
            point = format!("[{x}, {y}]")
        ));
    }
    if crate::geo::area(ring) < 1.0 {
        return Err(msg!("geo-ring-without-area"));
    }
    Ok(())
}

/// A point where two edges of the ring cross (not at a shared end), if any. A sweep over the
/// edges sorted by their left end, so a ring of thousands of points stays quick.
fn self_intersection(ring: &Ring) -> Option<(i32, i32)> {
    let n = ring.len() / 2;
    let p = |i: usize| {
        (
            i64::from(ring[2 * (i % n)]),
            i64::from(ring[2 * (i % n) + 1]),
        )
    };
    let mut edges: Vec<usize> = (0..n).collect();
    let min_x = |e: usize| p(e).0.min(p(e + 1).0);
    let max_x = |e: usize| p(e).0.max(p(e + 1).0);
    edges.sort_by_key(|&e| min_x(e));
    for (k, &a) in edges.iter().enumerate() {
        for &b in &edges[k + 1..] {
            if min_x(b) > max_x(a) {
                break;
            }
            // Neighbouring edges share a point by construction.
            if (a + 1) % n == b || (b + 1) % n == a {
                continue;
            }
            if cross(p(a), p(a + 1), p(b), p(b + 1)) {
                let (x, y) = p(a);
                return Some((x as i32, y as i32));
            }
        }
    }
    None
}

/// Do segments ab and cd intersect (touching counts)?
fn cross(a: (i64, i64), b: (i64, i64), c: (i64, i64), d: (i64, i64)) -> bool {
    let orient = |p: (i64, i64), q: (i64, i64), r: (i64, i64)| {
        ((q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)).signum()
    };
    let on = |p: (i64, i64), q: (i64, i64), r: (i64, i64)| {
        r.0 >= p.0.min(q.0) && r.0 <= p.0.max(q.0) && r.1 >= p.1.min(q.1) && r.1 <= p.1.max(q.1)
    };
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    if o1 != o2 && o3 != o4 && o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0 {
        return true;
    }
    (o1 == 0 && on(a, b, c))
        || (o2 == 0 && on(a, b, d))
        || (o3 == 0 && on(c, d, a))
        || (o4 == 0 && on(c, d, b))
}

/// The ring turned to RFC 7946's winding: outer rings counter-clockwise, holes clockwise
/// (y north). Reversed in place, so the first point stays first.
fn oriented(ring: Ring, outer: bool) -> Ring {
    let signed: f64 = {
        let n = ring.len() / 2;
        (0..n)
            .map(|i| {
                let j = (i + 1) % n;
                f64::from(ring[2 * i]) * f64::from(ring[2 * j + 1])
                    - f64::from(ring[2 * j]) * f64::from(ring[2 * i + 1])
            })
            .sum()
    };
    if (signed > 0.0) == outer {
        return ring;
    }
    let mut points: Vec<[i32; 2]> = ring.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
    points[1..].reverse();
    points.into_iter().flatten().collect()
}

/// Codes of the right kind (a province file given as municipalities is refused).
fn check_kind(file: &Path, areas: &[Area], kind: Kind) -> Result<(), Box<Diagnostic>> {
    let well_formed = |code: &str, prefix: &str, digits: usize| {
        code.len() == prefix.len() + digits
            && code.starts_with(prefix)
            && code[prefix.len()..].bytes().all(|b| b.is_ascii_digit())
    };
    let digits = |k: Kind| if k == Kind::Municipalities { 4 } else { 2 };
    let other = if kind == Kind::Municipalities {
        Kind::Provinces
    } else {
        Kind::Municipalities
    };
    if areas
        .iter()
        .all(|a| well_formed(&a.code, other.prefix(), digits(other)))
    {
        return Err(Box::new(
            Diagnostic::error(
                "wrong-division",
                msg!("geo-wrong-division", file = file, kind = kind.key()),
            )
            .in_file(file)
            .with_help(match kind {
                Kind::Municipalities => msg!("geo-wrong-division.help-municipalities"),
                Kind::Provinces => msg!("geo-wrong-division.help-provinces"),
            }),
        ));
    }
    if let Some(a) = areas
        .iter()
        .find(|a| !well_formed(&a.code, kind.prefix(), digits(kind)))
    {
        return Err(Box::new(
            Diagnostic::error(
                "bad-boundaries",
                msg!(
                    "geo-not-a-cbs-code",
                    code = &a.code,
                    name = &a.name,
                    kind = kind.key()
                ),
            )
            .in_file(file)
            .with_help(msg!(
                "geo-not-a-cbs-code.help",
                kind = kind.key(),
                prefix = kind.prefix(),
                digits = digits(kind)
            )),
        ));
    }
    Ok(())
}

/// WGS84 latitude and longitude (degrees) → RD New (metres), with the approximation of
/// Schreutelkamp and Strang van Hees (2001), within about a metre in the Netherlands: enough
/// for boundaries rounded to whole metres and simplified to tens of metres.
pub fn wgs84_to_rd(lat: f64, lon: f64) -> (f64, f64) {
    const R: [(i32, i32, f64); 9] = [
        (0, 1, 190_094.945),
        (1, 1, -11_832.228),
        (2, 1, -114.221),
        (0, 3, -32.391),
        (1, 0, -0.705),
        (3, 1, -2.340),
        (1, 3, -0.608),
        (0, 2, -0.008),
        (2, 3, 0.148),
    ];
    const S: [(i32, i32, f64); 10] = [
        (1, 0, 309_056.544),
        (0, 2, 3_638.893),
        (2, 0, 73.077),
        (1, 2, -157.984),
        (3, 0, 59.788),
        (0, 1, 0.433),
        (2, 2, -6.439),
        (1, 1, -0.032),
        (0, 4, 0.092),
        (1, 4, -0.054),
    ];
    let dphi = 0.36 * (lat - 52.155_174_40);
    let dlam = 0.36 * (lon - 5.387_206_21);
    let sum = |terms: &[(i32, i32, f64)]| {
        terms
            .iter()
            .map(|&(p, q, c)| c * dphi.powi(p) * dlam.powi(q))
            .sum::<f64>()
    };
    (155_000.0 + sum(&R), 463_000.0 + sum(&S))
}

/// RD New (metres) → WGS84 latitude and longitude (degrees), the inverse approximation of
/// the same authors. Used to make WGS84 test input from the shipped files.
pub fn rd_to_wgs84(x: f64, y: f64) -> (f64, f64) {
    const K: [(i32, i32, f64); 11] = [
        (0, 1, 3_235.653_89),
        (2, 0, -32.582_97),
        (0, 2, -0.247_5),
        (2, 1, -0.849_78),
        (0, 3, -0.065_5),
        (2, 2, -0.017_09),
        (1, 0, -0.007_38),
        (4, 0, 0.005_3),
        (2, 3, -0.000_39),
        (4, 1, 0.000_33),
        (1, 1, -0.000_12),
    ];
    const L: [(i32, i32, f64); 12] = [
        (1, 0, 5_260.529_16),
        (1, 1, 105.946_84),
        (1, 2, 2.456_56),
        (3, 0, -0.818_85),
        (1, 3, 0.055_94),
        (3, 1, -0.056_07),
        (0, 1, 0.011_99),
        (3, 2, -0.002_56),
        (1, 4, 0.001_28),
        (0, 2, 0.000_22),
        (2, 0, -0.000_22),
        (5, 0, 0.000_26),
    ];
    let dx = (x - 155_000.0) * 1e-5;
    let dy = (y - 463_000.0) * 1e-5;
    let sum = |terms: &[(i32, i32, f64)]| {
        terms
            .iter()
            .map(|&(p, q, c)| c * dx.powi(p) * dy.powi(q))
            .sum::<f64>()
    };
    (
        52.155_174_40 + sum(&K) / 3600.0,
        5.387_206_21 + sum(&L) / 3600.0,
    )
}

/// `Box<Diagnostic>` with a help line added.
trait WithHelp {
    fn with_help_boxed(self, help: impl Into<crate::i18n::Msg>) -> Self;
}

impl WithHelp for Box<Diagnostic> {
    fn with_help_boxed(mut self, help: impl Into<crate::i18n::Msg>) -> Self {
        self.help.push(help.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, name: &str, x: i32, y: i32) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"statcode":"{code}","statnaam":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{x},{y1}],[{x1},{y1}],[{x1},{y}],[{x},{y}]]]}}}}"#,
            x1 = x + 1000,
            y1 = y + 1000
        )
    }

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn read(text: &str) -> Result<Division, Box<Diagnostic>> {
        parse(Path::new("in.geojson"), text, Kind::Municipalities)
    }

    #[test]
    fn reads_statcode_and_turns_rings_counter_clockwise() {
        let d = read(&collection(&[
            square("GM0002", "B", 100_000, 400_000),
            square("GM0001", "A", 101_000, 400_000),
        ]))
        .unwrap();
        assert_eq!(d.crs, Crs::RdNew);
        assert_eq!(d.areas[0].code, "GM0001", "sorted by code");
        let ring = &d.areas[0].polygons[0][0];
        assert_eq!(ring.len(), 8, "the closing point is dropped");
        assert_eq!(ring[..2], [101_000, 400_000], "the first point stays first");
        assert!(crate::geo::area(ring) > 0.0);
        let (x0, y0, x1, y1) = (ring[0], ring[1], ring[2], ring[3]);
        assert!(
            (x1 - x0, y1 - y0) == (1000, 0),
            "counter-clockwise: east first, {x0},{y0} → {x1},{y1}"
        );
    }

    #[test]
    fn refuses_bad_input_with_a_reason() {
        let cases = [
            ("[1, 2]", "not GeoJSON"),
            ("{\"type\":\"Topology\"}", "TopoJSON"),
            (&collection(&[]), "no municipalities"),
            (&collection(&[square("GM0001", "A", 0, 400_000), square("GM0001", "B", 5000, 400_000)]), "occurs twice"),
            (&collection(&[square("PV20", "Groningen", 0, 400_000)]), "holds provinces"),
            (&collection(&[square("XX", "A", 0, 400_000)]), "not a CBS code"),
            (&collection(&[square("GM0001", "A", 0, 4)]), "neither RD New"),
            (&collection(&[square("GM0001", "A", 0, 400_000).replace("statcode", "id")]), "no `statcode`"),
            (&collection(&[r#"{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[]}}"#.to_string()]), "empty geometry"),
            (&collection(&[r#"{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},"geometry":{"type":"Point","coordinates":[1,2]}}"#.to_string()]), "not a Polygon"),
            (&collection(&[r#"{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[100000,400000],[103000,401000],[103000,400000],[100000,402000],[100000,400000]]]}}"#.to_string()]), "crosses itself"),
            (&collection(&[r#"{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[100000,400000],[101000,400000],[102000,400000],[100000,400000]]]}}"#.to_string()]), "no area"),
        ];
        for (text, expected) in cases {
            let err = read(text).expect_err(text);
            let message = err.message.text(crate::i18n::Lang::En);
            assert!(message.contains(expected), "{text}: {message}");
        }
    }

    #[test]
    fn reprojects_wgs84() {
        // Amersfoort, the origin of RD New, and the Westertoren (rdnaptrans' example).
        let (x, y) = wgs84_to_rd(52.155_174_40, 5.387_206_21);
        assert!((x - 155_000.0).abs() < 0.01 && (y - 463_000.0).abs() < 0.01);
        let (x, y) = wgs84_to_rd(52.374_532_53, 4.883_525_59);
        assert!(
            (x - 120_700.723).abs() < 1.0 && (y - 487_525.501).abs() < 1.0,
            "{x} {y}"
        );
        for (x, y) in [
            (13_565.0, 306_960.0),
            (277_529.0, 619_172.0),
            (120_700.0, 487_525.0),
        ] {
            let (lat, lon) = rd_to_wgs84(x, y);
            let (x2, y2) = wgs84_to_rd(lat, lon);
            assert!(
                (x - x2).abs() < 1.0 && (y - y2).abs() < 1.0,
                "{x},{y} → {x2},{y2}"
            );
        }
        let text = collection(&[r#"{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[5.38,52.15],[5.39,52.15],[5.39,52.16],[5.38,52.15]]]}}"#.to_string()]);
        let d = read(&text).unwrap();
        assert_eq!(d.crs, Crs::Wgs84);
        let x = d.areas[0].polygons[0][0][0];
        assert!((154_000..155_000).contains(&x), "{x}");
    }
}
