//! The year's files in the shape the engine reads (and the shipped 2025 files have):
//! GeoJSON with `code`/`name`, one feature per line, sorted by code, RD New whole metres,
//! a `crs` member and the map's `bbox`; and the list `code,name,province_code,province_name`.

use std::fmt::Write;

use super::read::{Area, Division};
use crate::geo::Ring;

/// The bounding box of a division, `[min x, min y, max x, max y]` in metres.
pub fn bbox(division: &Division) -> [i32; 4] {
    let mut b = [i32::MAX, i32::MAX, i32::MIN, i32::MIN];
    for p in division
        .areas
        .iter()
        .flat_map(|a| a.polygons.iter().flatten())
        .flat_map(|r| r.chunks_exact(2))
    {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    b
}

/// GeoJSON text of a division. `bbox` is the map's frame: the municipalities' box, in the
/// province file too (the engine projects both with it).
pub fn geojson(division: &Division, bbox: [i32; 4]) -> String {
    let mut out = String::new();
    out.push_str(
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},",
    );
    let _ = write!(
        out,
        "\"bbox\":[{},{},{},{}],\n\"features\":[\n",
        bbox[0], bbox[1], bbox[2], bbox[3]
    );
    for (i, area) in division.areas.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        feature(&mut out, area);
    }
    out.push_str("\n]}\n");
    out
}

fn feature(out: &mut String, area: &Area) {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let _ = write!(
        out,
        "{{\"type\":\"Feature\",\"properties\":{{\"code\":{},\"name\":{}}},\"geometry\":",
        quoted(&area.code),
        quoted(&area.name)
    );
    let polygon = |out: &mut String, rings: &[Ring]| {
        out.push('[');
        for (k, ring) in rings.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('[');
            // Closed, as GeoJSON wants: the first point again at the end.
            let points = ring.chunks_exact(2).chain(ring.chunks_exact(2).take(1));
            for (j, p) in points.enumerate() {
                if j > 0 {
                    out.push(',');
                }
                let _ = write!(out, "[{},{}]", p[0], p[1]);
            }
            out.push(']');
        }
        out.push(']');
    };
    match area.polygons.as_slice() {
        [one] => {
            out.push_str("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(out, one);
        }
        many => {
            out.push_str("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (k, p) in many.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                polygon(out, p);
            }
            out.push(']');
        }
    }
    out.push_str("}}");
}

/// One row of the municipality list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    /// CBS code.
    pub code: String,
    /// CBS name.
    pub name: String,
    /// Province code.
    pub province_code: String,
    /// Province name.
    pub province_name: String,
}

/// The list as CSV (UTF-8, LF, quoted only where needed), rows in the order given.
pub fn list(rows: &[ListRow]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(["code", "name", "province_code", "province_name"])?;
    for r in rows {
        writer.write_record([&r.code, &r.name, &r.province_code, &r.province_name])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
