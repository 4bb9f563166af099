//! `drukwerk geo import` through the real binary, on boundaries made here from the shipped
//! 2025 files: a "2026" in which Rheden and Rozendaal merge into a new municipality (their
//! polygons joined) and "Nuenen, Gerwen en Nederwetten" is renamed; the 2025 files onto
//! themselves; the same in WGS84; every kind of bad input; and a property test on the reader.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{Project, repo, run_at};
use drukwerk::geoimport::read::{self, Kind};
use proptest::prelude::*;
use serde_json::{Value, json};

const RHEDEN: &str = "GM0275";
const ROZENDAAL: &str = "GM0277";
const NUENEN: &str = "GM0820";
const MERGED: (&str, &str) = ("GM1999", "Veluwezoom");
const RENAMED: &str = "Nuenen";

/// The shipped 2025 municipality boundaries.
fn shipped() -> Value {
    serde_json::from_str(
        &fs::read_to_string(repo().join("content/geo/gemeenten-2025.geojson")).unwrap(),
    )
    .unwrap()
}

/// A feature as PDOK serves it: `statcode`, `statnaam` and some properties we do not use.
fn pdok_feature(code: &str, name: &str, geometry: Value) -> Value {
    json!({
        "type": "Feature",
        "properties": {"statcode": code, "statnaam": name, "jrstatcode": format!("2026{code}"), "rubriek": "gemeente"},
        "geometry": geometry,
    })
}

/// The ring of a Polygon feature, flat `[x0, y0, …]` without the closing point.
fn ring_of(feature: &Value) -> Vec<i32> {
    assert_eq!(feature["geometry"]["type"], "Polygon");
    let points = feature["geometry"]["coordinates"][0].as_array().unwrap();
    let mut ring: Vec<i32> = points[..points.len() - 1]
        .iter()
        .flat_map(|p| [p[0].as_i64().unwrap() as i32, p[1].as_i64().unwrap() as i32])
        .collect();
    ring.shrink_to_fit();
    ring
}

/// The 2025 boundaries as a "2026": Rheden and Rozendaal joined into one polygon (their shared
/// border dissolved), Nuenen renamed, everything else the same, in PDOK's shape (unsorted,
/// pretty-printed, `statcode`/`statnaam`, no `bbox`).
fn boundaries_2026() -> String {
    let shipped = shipped();
    let features = shipped["features"].as_array().unwrap();
    let find = |code: &str| {
        features
            .iter()
            .find(|f| f["properties"]["code"] == code)
            .unwrap()
    };
    let rings = [ring_of(find(RHEDEN)), ring_of(find(ROZENDAAL))];
    let (outline, inner) = drukwerk::geo::borders(&rings);
    assert_eq!(
        outline.len(),
        1,
        "the two share one border, so the union is one ring"
    );
    assert!(!inner.is_empty(), "they are neighbours");
    let merged: Vec<Value> = outline[0]
        .chunks_exact(2)
        .map(|p| json!([p[0], p[1]]))
        .collect();
    let mut out: Vec<Value> = Vec::new();
    for f in features.iter().rev() {
        let code = f["properties"]["code"].as_str().unwrap();
        let name = f["properties"]["name"].as_str().unwrap();
        match code {
            RHEDEN | ROZENDAAL => {}
            NUENEN => out.push(pdok_feature(code, RENAMED, f["geometry"].clone())),
            _ => out.push(pdok_feature(code, name, f["geometry"].clone())),
        }
    }
    out.push(pdok_feature(
        MERGED.0,
        MERGED.1,
        json!({"type": "Polygon", "coordinates": [merged]}),
    ));
    serde_json::to_string_pretty(&json!({
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": out,
    }))
    .unwrap()
}

/// Every file under `content/`, by path.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let key = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(key, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&root.join("content"), root, &mut out);
    out
}

/// The JSON lines of a run with `--format json`.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// What the test expects a region file to become: the first of Rheden/Rozendaal becomes the
/// merged municipality, the second line goes, Nuenen gets its new name; nothing else changes.
fn expected_region(text: &str) -> String {
    let mut merged_seen = false;
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let item = line.trim().trim_end_matches(',');
        if item == "\"Rheden\"" || item == "\"Rozendaal\"" {
            if !merged_seen {
                out.push_str(&line.replace(item, &format!("\"{}\"", MERGED.1)));
                merged_seen = true;
            }
        } else if item == "\"Nuenen, Gerwen en Nederwetten\"" {
            out.push_str(&line.replace(item, &format!("\"{RENAMED}\"")));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[test]
fn a_merger_and_a_rename_are_found_proposed_and_applied() {
    let p = Project::real();
    p.write("import/gemeenten-2026.geojson", &boundaries_2026());
    let before = snapshot(p.root());
    let file = p.root().join("import/gemeenten-2026.geojson");
    let file = file.to_str().unwrap();

    // The dry run reports and writes nothing.
    let run = p.run(&[
        "--format",
        "json",
        "geo",
        "import",
        file,
        "--year",
        "2026",
        "--dry-run",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stderr, run.stdout);
    assert_eq!(snapshot(p.root()), before, "a dry run writes nothing");
    let report = json_lines(&run.stdout);
    let of = |code: &str| -> Vec<&Value> { report.iter().filter(|d| d["code"] == code).collect() };
    let gone = of("municipality-gone");
    assert_eq!(gone.len(), 2, "{report:#?}");
    for (d, name) in gone.iter().zip(["Rheden (GM0275)", "Rozendaal (GM0277)"]) {
        let message = d["message"].as_str().unwrap();
        assert!(message.starts_with(name), "{message}");
        assert!(
            message.contains("100 % of its area is in Veluwezoom (GM1999)"),
            "{message}"
        );
    }
    let renamed = of("municipality-renamed");
    assert_eq!(renamed.len(), 1);
    assert!(
        renamed[0]["message"]
            .as_str()
            .unwrap()
            .contains("GM0820 is called \"Nuenen\"")
    );
    let new = of("municipality-new");
    assert_eq!(new.len(), 1);
    assert!(
        new[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Veluwezoom (GM1999) is new in 2026")
    );
    assert!(of("municipality-split").is_empty() && of("municipality-in-no-region").is_empty());

    // Every region line that names them, with the change proposed, and no other line.
    let mut lines: Vec<(String, String, String)> = report
        .iter()
        .filter(|d| d["code"] == "gone-municipality" || d["code"] == "renamed-municipality")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["help"][0].as_str().unwrap().to_string(),
            )
        })
        .collect();
    lines.sort();
    let expected = [
        (
            "achterhoek-veluwezoom",
            "\"Rheden\" is gone in 2026",
            "remove this line (--apply does)",
        ),
        (
            "achterhoek-veluwezoom",
            "\"Rozendaal\" is gone in 2026",
            "write \"Veluwezoom\" (--apply does)",
        ),
        (
            "arnhem-en-omstreken-vo",
            "\"Rheden\" is gone in 2026",
            "write \"Veluwezoom\" (--apply does)",
        ),
        (
            "brabant-oost",
            "\"Nuenen, Gerwen en Nederwetten\" is called \"Nuenen\" from 2026",
            "write \"Nuenen\" (--apply does)",
        ),
        (
            "brabant-oost-vo-mbo",
            "\"Nuenen, Gerwen en Nederwetten\" is called \"Nuenen\" from 2026",
            "write \"Nuenen\" (--apply does)",
        ),
        (
            "mbo-onderwijsregio-gelderland",
            "\"Rheden\" is gone in 2026",
            "write \"Veluwezoom\" (--apply does)",
        ),
        (
            "mbo-onderwijsregio-gelderland",
            "\"Rozendaal\" is gone in 2026",
            "remove this line (--apply does)",
        ),
        (
            "oost-nederland",
            "\"Rheden\" is gone in 2026",
            "write \"Veluwezoom\" (--apply does)",
        ),
        (
            "oost-nederland",
            "\"Rozendaal\" is gone in 2026",
            "remove this line (--apply does)",
        ),
    ];
    let mut expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(f, m, h)| {
            (
                format!("content/regions/{f}.toml"),
                m.to_string(),
                h.to_string(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(lines, expected);
    // The colophon and sources still say 2025: reported, not changed.
    assert!(!of("geography-year-in-text").is_empty());
    assert!(
        of("geography-year-in-text")
            .iter()
            .all(|d| d["file"] == "content/publication.toml")
    );

    // --apply: the year's files, exactly those lines, the publication switched, and check.
    let run = p.run(&["geo", "import", file, "--year", "2026", "--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("compared with 2025: 2 gone, 1 renamed, 1 new, 339 unchanged"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("checked 49 regions: 0 errors"),
        "{}",
        run.stderr
    );
    let after = snapshot(p.root());
    for (path, bytes) in &before {
        let now = after.get(path).unwrap_or_else(|| panic!("{path} is gone"));
        let text = String::from_utf8(bytes.clone()).unwrap_or_default();
        if path.starts_with("content/regions/") {
            assert_eq!(
                String::from_utf8_lossy(now),
                expected_region(&text),
                "{path}"
            );
        } else if path == "content/publication.toml" {
            let switched = text
                .replace("year = 2025\n", "year = 2026\n")
                .replace("gemeenten-2025.", "gemeenten-2026.")
                .replace(
                    "attribution = \"Gemeente- en provinciegrenzen 2025:",
                    "attribution = \"Gemeentegrenzen 2026, provinciegrenzen 2025:",
                );
            assert_eq!(String::from_utf8_lossy(now), switched);
        } else {
            assert_eq!(now, bytes, "{path} is unchanged");
        }
    }
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(
        added,
        [
            "content/geo/gemeenten-2026.csv",
            "content/geo/gemeenten-2026.geojson"
        ]
    );
    let list = p.read("content/geo/gemeenten-2026.csv");
    assert_eq!(
        list.lines().count(),
        342,
        "341 municipalities and the header"
    );
    assert!(list.contains("\nGM1999,Veluwezoom,PV25,Gelderland\n"));
    assert!(list.contains("\nGM0820,Nuenen,PV30,Noord-Brabant\n"));
    assert!(!list.contains("Rheden") && !list.contains("Rozendaal"));

    // The build draws the merged municipality on the region's map, by its new name.
    let run = p.run(&[
        "factsheet",
        "achterhoek-veluwezoom",
        "--emit-data",
        "out/data",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data: Value =
        serde_json::from_str(&p.read("out/data/factsheets/achterhoek-veluwezoom.json")).unwrap();
    let maps: Value = serde_json::from_str(&p.read("out/data/maps.json")).unwrap();
    let region_maps = &maps["regions"]["achterhoek-veluwezoom"];
    let codes = &region_maps["map"]["codes"];
    assert!(
        codes.as_array().unwrap().contains(&json!(MERGED.0)),
        "{codes}"
    );
    assert!(
        !codes
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == RHEDEN || c == ROZENDAAL),
        "{codes}"
    );
    assert!(
        maps["geo"]["attribution"]
            .as_str()
            .unwrap()
            .starts_with("Gemeentegrenzen 2026")
    );
    fn strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            Value::Object(o) => o.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(&data["region"], &mut all);
    strings(region_maps, &mut all);
    assert!(
        all.iter().any(|s| s == MERGED.1),
        "the detail map names the merged municipality"
    );
    assert!(!all.iter().any(|s| s == "Rheden" || s == "Rozendaal"));
    // In the PDF: more often than in the region's own name ("Achterhoek Veluwezoom").
    let text = common::Pdf::open(&p.root().join("out/factsheets/achterhoek-veluwezoom.pdf")).text();
    assert!(
        text.matches("Veluwezoom").count() > text.matches("AchterhoekVeluwezoom").count(),
        "the map names it: {text}"
    );
}

#[test]
fn the_shipped_files_onto_themselves_change_nothing() {
    let p = Project::real();
    let before = snapshot(p.root());
    let run = run_at(
        p.root(),
        &[
            "geo",
            "import",
            "content/geo/gemeenten-2025.geojson",
            "--provinces",
            "content/geo/provincies-2025.geojson",
            "--year",
            "2025",
            "--apply",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no changes: the same municipalities as in 2025 (342 unchanged)"),
        "{}",
        run.stderr
    );
    for file in [
        "gemeenten-2025.csv",
        "gemeenten-2025.geojson",
        "provincies-2025.geojson",
    ] {
        assert!(
            run.stderr
                .contains(&format!("unchanged content/geo/{file}")),
            "{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("warning["), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("checked 49 regions: 0 errors, 0 warnings"),
        "{}",
        run.stderr
    );
    assert_eq!(
        snapshot(p.root()),
        before,
        "every content file byte for byte as it was"
    );
}

#[test]
fn wgs84_is_reprojected_and_gives_the_same_division() {
    let p = Project::real();
    let mut shipped = shipped();
    let object = shipped.as_object_mut().unwrap();
    object.remove("crs");
    object.remove("bbox");
    for f in object["features"].as_array_mut().unwrap() {
        let to_wgs84 = |ring: &Value| -> Value {
            ring.as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let (lat, lon) =
                        read::rd_to_wgs84(p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
                    json!([(lon * 1e7).round() / 1e7, (lat * 1e7).round() / 1e7])
                })
                .collect()
        };
        let geometry = &mut f["geometry"];
        let polygons: Vec<Value> = match geometry["type"].as_str().unwrap() {
            "Polygon" => vec![geometry["coordinates"].clone()],
            _ => geometry["coordinates"].as_array().unwrap().clone(),
        };
        let converted: Vec<Value> = polygons
            .iter()
            .map(|poly| poly.as_array().unwrap().iter().map(to_wgs84).collect())
            .collect();
        geometry["coordinates"] = if geometry["type"] == "Polygon" {
            converted[0].clone()
        } else {
            Value::Array(converted)
        };
    }
    p.write(
        "import/wgs84.geojson",
        &serde_json::to_string(&shipped).unwrap(),
    );
    let run = run_at(
        p.root(),
        &[
            "geo",
            "import",
            "import/wgs84.geojson",
            "--year",
            "2025",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("342 municipalities in 12 provinces (WGS84, reprojected to RD New)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no changes"), "{}", run.stderr);
    // And the reprojected points are within a metre or two of the originals.
    let text = fs::read_to_string(p.root().join("import/wgs84.geojson")).unwrap();
    let division = read::parse(Path::new("wgs84.geojson"), &text, Kind::Municipalities).unwrap();
    let original = shipped_division();
    for (a, b) in division.areas.iter().zip(&original.areas) {
        assert_eq!(a.code, b.code);
        let (ra, rb) = (&a.polygons[0][0], &b.polygons[0][0]);
        assert!(
            ra.iter().zip(rb).all(|(x, y)| (x - y).abs() <= 2),
            "{}",
            a.name
        );
    }
}

fn shipped_division() -> read::Division {
    let text = fs::read_to_string(repo().join("content/geo/gemeenten-2025.geojson")).unwrap();
    read::parse(
        Path::new("gemeenten-2025.geojson"),
        &text,
        Kind::Municipalities,
    )
    .unwrap()
}

/// Bad input: a clear error with its code, exit 1, and nothing written.
#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let shipped = shipped();
    let features = shipped["features"].as_array().unwrap();
    let with = |features: Vec<Value>| {
        serde_json::to_string(&json!({"type": "FeatureCollection", "features": features})).unwrap()
    };
    let mut duplicate = features.clone();
    duplicate[5]["properties"]["code"] = features[4]["properties"]["code"].clone();
    let mut no_code = features.clone();
    no_code[3]["properties"] = json!({"naam": "Ergens"});
    let mut empty = features.clone();
    empty[7]["geometry"]["coordinates"] = json!([]);
    let mut crossing = features.clone();
    crossing[9]["geometry"] = json!({"type": "Polygon", "coordinates": [[[150000, 450000], [151000, 451000], [151000, 450000], [150000, 451000], [150000, 450000]]]});
    let provinces = fs::read_to_string(repo().join("content/geo/provincies-2025.geojson")).unwrap();
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "not-json",
            "gemeente;code\nGM0014;Groningen\n".into(),
            "bad-boundaries",
            "not GeoJSON",
        ),
        (
            "no-statcode",
            with(no_code),
            "bad-boundaries",
            "no `statcode`",
        ),
        (
            "duplicate",
            with(duplicate),
            "bad-boundaries",
            "occurs twice",
        ),
        ("empty", with(empty), "bad-boundaries", "empty geometry"),
        (
            "crossing",
            with(crossing),
            "bad-boundaries",
            "crosses itself",
        ),
        (
            "provinces",
            provinces,
            "wrong-division",
            "holds provinces, not municipalities",
        ),
        (
            "count",
            with(features[..100].to_vec()),
            "implausible-count",
            "has 100 municipalities",
        ),
    ];
    let p = Project::real();
    let before = snapshot(p.root());
    for (name, text, code, message) in cases {
        let path = format!("import/{name}.geojson");
        p.write(&path, &text);
        for mode in ["--dry-run", "--apply"] {
            let run = run_at(
                p.root(),
                &[
                    "--format", "json", "geo", "import", &path, "--year", "2026", mode,
                ],
            );
            assert_eq!(run.code, 1, "{name}: {}", run.stdout);
            let lines = json_lines(&run.stdout);
            assert_eq!(lines.len(), 1, "{name}: {lines:#?}");
            assert_eq!(lines[0]["code"], code, "{name}: {lines:#?}");
            assert!(
                lines[0]["message"].as_str().unwrap().contains(message),
                "{name}: {lines:#?}"
            );
            assert_eq!(snapshot(p.root()), before, "{name}: nothing written");
        }
    }
    // Provinces given where municipalities are expected, the other way round.
    let run = run_at(
        p.root(),
        &[
            "geo",
            "import",
            "content/geo/gemeenten-2025.geojson",
            "--provinces",
            "content/geo/gemeenten-2025.geojson",
            "--year",
            "2026",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("holds municipalities, not provinces"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(p.root()), before);
}

// ---------------------------------------------------------------------------------------------
// The reader never panics.

/// Numbers as they come: RD-like, WGS84-like, zero, huge, negative, fractional.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0i64..300_000).prop_map(|n| json!(n)),
        (300_000i64..640_000).prop_map(|n| json!(n)),
        (2.0f64..8.0).prop_map(|n| json!(n)),
        (50.0f64..54.0).prop_map(|n| json!(n)),
        Just(json!(0)),
        Just(json!(1e300)),
        Just(json!(-1.5e-300)),
        Just(json!(i64::MIN)),
        Just(json!(u64::MAX)),
    ]
}

/// Any JSON, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        "[a-zA-Z0-9 ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A ring: a few positions, sometimes closed.
fn ring() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((number(), number()), 0..7),
        any::<bool>(),
    )
        .prop_map(|(points, close)| {
            let mut ring: Vec<Value> = points.iter().map(|(x, y)| json!([x, y])).collect();
            if close && let Some(first) = ring.first().cloned() {
                ring.push(first);
            }
            Value::Array(ring)
        })
}

/// A geometry: polygons of rings, the wrong type, or any JSON.
fn geometry() -> impl Strategy<Value = Value> {
    let polygon = prop::collection::vec(ring(), 0..3)
        .prop_map(Value::Array)
        .boxed();
    prop_oneof![
        polygon
            .clone()
            .prop_map(|c| json!({"type": "Polygon", "coordinates": c})),
        prop::collection::vec(polygon, 0..3)
            .prop_map(|c| json!({"type": "MultiPolygon", "coordinates": c})),
        any_json().prop_map(|c| json!({"type": "Polygon", "coordinates": c})),
        any_json().prop_map(|c| json!({"type": "Point", "coordinates": c})),
        any_json(),
    ]
}

/// A feature: CBS-like or odd properties and a geometry.
fn feature() -> impl Strategy<Value = Value> {
    let code = prop_oneof![
        (0u32..10).prop_map(|n| json!(format!("GM000{n}"))),
        (20u32..32).prop_map(|n| json!(format!("PV{n}"))),
        any_json(),
    ];
    (code, "[A-Za-z' ()-]{0,10}", geometry(), any::<bool>()).prop_map(
        |(code, name, geometry, cbs)| {
            let properties = if cbs {
                json!({"statcode": code, "statnaam": name})
            } else {
                json!({"code": code, "name": name})
            };
            json!({"type": "Feature", "properties": properties, "geometry": geometry})
        },
    )
}

/// A FeatureCollection, with or without a coordinate system.
fn collection() -> impl Strategy<Value = Value> {
    let crs = prop_oneof![
        Just(None),
        Just(Some(
            json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}})
        )),
        Just(Some(
            json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})
        )),
        any_json().prop_map(Some),
    ];
    (prop::collection::vec(feature(), 0..5), crs, any_json()).prop_map(|(features, crs, extra)| {
        let mut c = json!({"type": "FeatureCollection", "features": features, "extra": extra});
        if let Some(crs) = crs {
            c["crs"] = crs;
        }
        c
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any GeoJSON-shaped input: an error or a division, never a panic; a division compares
    /// with itself and with the shipped one without change or panic.
    #[test]
    fn the_reader_never_panics(value in prop_oneof![collection(), any_json()]) {
        let text = value.to_string();
        for kind in [Kind::Municipalities, Kind::Provinces] {
            if let Ok(division) = read::parse(Path::new("x.geojson"), &text, kind) {
                prop_assert!(!division.areas.is_empty());
                let _ = read::check_count(Path::new("x.geojson"), &division, kind);
                prop_assert!(drukwerk::geoimport::compare::compare(&division, &division).is_empty());
                let _ = drukwerk::geoimport::compare::compare(&division, &SHIPPED);
                let _ = drukwerk::geoimport::write::geojson(&division, drukwerk::geoimport::write::bbox(&division));
            }
        }
    }

    /// Any text, cut anywhere: never a panic.
    #[test]
    fn truncated_files_never_panic(cut in 0usize..4000) {
        let text = &*TRUNCATED;
        let cut = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let _ = read::parse(Path::new("x.geojson"), &text[..cut], Kind::Municipalities);
    }
}

static SHIPPED: std::sync::LazyLock<read::Division> = std::sync::LazyLock::new(shipped_division);
static TRUNCATED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let text = fs::read_to_string(repo().join("content/geo/provincies-2025.geojson")).unwrap();
    text.chars().take(4000).collect()
});

/// The report in Dutch: years are not grouped as numbers (2025, not 2.025), words are Dutch.
#[test]
fn reports_in_dutch() {
    let p = Project::real();
    let run = run_at(
        p.root(),
        &[
            "--lang",
            "nl",
            "geo",
            "import",
            "content/geo/gemeenten-2025.geojson",
            "--year",
            "2025",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "2025: 342 gemeenten in 12 provincies (RD New)",
        "geen wijzigingen: dezelfde gemeenten als in 2025 (342 ongewijzigd)",
        "proefdraai: niets geschreven",
    ] {
        assert!(run.stderr.contains(line), "{line}:\n{}", run.stderr);
    }
}
