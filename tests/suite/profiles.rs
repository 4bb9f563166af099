//! The two editions: web (PDF/UA-1 + PDF/A-2a, tagged, Dutch) and print (trim, bleed, crop
//! marks, CMYK palette, embedded fonts). Read back with lopdf, so no system tools are needed.

use crate::common;

use std::sync::OnceLock;

use common::Project;
use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};

const MM: f64 = 72.0 / 25.4;

/// The real project built in both editions (publication and fact sheets) once.
fn project() -> &'static Project {
    static P: OnceLock<Project> = OnceLock::new();
    P.get_or_init(|| {
        let p = Project::real();
        for args in [
            &["build"][..],
            &["build", "--profile", "print"][..],
            &[
                "build",
                "--profile",
                "print",
                "--crop-marks",
                "--out",
                "out-marks",
                "--publication-only",
            ][..],
        ] {
            let run = p.run(args);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        }
        p
    })
}

fn load(path: &str) -> Document {
    Document::load(project().root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const WEB: &str = "out/regionale-samenwerking-werkt-2026.pdf";
const PRINT: &str = "out/regionale-samenwerking-werkt-2026-print.pdf";
const SHEET_WEB: &str = "out/factsheets/zwolle.pdf";
const SHEET_PRINT: &str = "out/factsheets/zwolle-print.pdf";

fn page_box(doc: &Document, page: ObjectId, name: &[u8]) -> Option<[f64; 4]> {
    drukwerk::print::page_box(doc, page, name)
}

fn close(a: [f64; 4], b: [f64; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05)
}

#[test]
fn both_editions_live_side_by_side() {
    let root = project().root();
    for f in [
        WEB,
        PRINT,
        SHEET_WEB,
        SHEET_PRINT,
        "out/manifest.json",
        "out/manifest-print.json",
    ] {
        assert!(root.join(f).is_file(), "{f} missing");
    }
}

#[test]
fn print_pages_have_a4_trim_and_3mm_bleed() {
    for path in [PRINT, SHEET_PRINT] {
        let doc = load(path);
        for (n, page) in doc.get_pages() {
            let trim = page_box(&doc, page, b"TrimBox")
                .unwrap_or_else(|| panic!("{path} p{n}: no TrimBox"));
            let bleed = page_box(&doc, page, b"BleedBox")
                .unwrap_or_else(|| panic!("{path} p{n}: no BleedBox"));
            let media = page_box(&doc, page, b"MediaBox").unwrap();
            assert!(
                ((trim[2] - trim[0]) - 210.0 * MM).abs() < 0.05,
                "{path} p{n}: trim width {trim:?}"
            );
            assert!(
                ((trim[3] - trim[1]) - 297.0 * MM).abs() < 0.05,
                "{path} p{n}: trim height {trim:?}"
            );
            let expected = [
                trim[0] - 3.0 * MM,
                trim[1] - 3.0 * MM,
                trim[2] + 3.0 * MM,
                trim[3] + 3.0 * MM,
            ];
            assert!(
                close(bleed, expected),
                "{path} p{n}: bleed {bleed:?}, expected {expected:?}"
            );
            assert!(
                close(media, bleed),
                "{path} p{n}: without --crop-marks the MediaBox is the BleedBox"
            );
        }
    }
}

#[test]
fn crop_marks_only_with_the_flag() {
    let doc = Document::load(
        project()
            .root()
            .join("out-marks/regionale-samenwerking-werkt-2026-print.pdf"),
    )
    .unwrap();
    for (n, page) in doc.get_pages() {
        let media = page_box(&doc, page, b"MediaBox").unwrap();
        let bleed = page_box(&doc, page, b"BleedBox").unwrap();
        assert!(
            media[0] < bleed[0] - 5.0 * MM && media[2] > bleed[2] + 5.0 * MM,
            "p{n}: room for marks"
        );
        let ops = operations(&doc, page);
        assert!(
            ops.iter().any(|(op, _)| op == "SCN"),
            "p{n}: marks drawn in a separation colour"
        );
    }
    let plain = load(PRINT);
    let first = *plain.get_pages().values().next().unwrap();
    assert!(
        !operations(&plain, first).iter().any(|(op, _)| op == "SCN"),
        "no marks without the flag"
    );
    // The registration colour is the separation "All" (it prints on every plate).
    let registration = doc.objects.values().any(|o| {
        o.as_array().is_ok_and(|a| {
            a.len() == 4
                && a[0].as_name().ok() == Some(&b"Separation"[..])
                && a[1].as_name().ok() == Some(&b"All"[..])
                && a[2].as_name().ok() == Some(&b"DeviceCMYK"[..])
        })
    });
    assert!(registration, "no Separation /All colour space");
}

/// Content-stream operators of a page: (operator, operands as text).
fn operations(doc: &Document, page: ObjectId) -> Vec<(String, Vec<String>)> {
    let content = doc.get_page_content(page);
    Content::decode(&content)
        .map(|c| {
            c.operations
                .into_iter()
                .map(|o| {
                    (
                        o.operator,
                        o.operands
                            .iter()
                            .map(|x| match x.as_name() {
                                Ok(n) => String::from_utf8_lossy(n).into_owned(),
                                Err(_) => format!("{x:?}"),
                            })
                            .collect(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Colour spaces a page's content selects with `cs`/`CS`, resolved to their family name.
fn colour_space_families(doc: &Document, page: ObjectId) -> Vec<String> {
    // Resources are inline or referenced (Typst references them).
    let (inline, referenced) = doc.get_page_resources(page).unwrap();
    let resources = inline.or_else(|| {
        referenced
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
    });
    let spaces = resources
        .and_then(|r| r.get(b"ColorSpace").ok())
        .and_then(|o| match o {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    let mut out = Vec::new();
    for (op, operands) in operations(doc, page) {
        if op != "cs" && op != "CS" {
            continue;
        }
        let name = operands[0]
            .trim_start_matches("/")
            .trim_matches('"')
            .to_string();
        let family = spaces
            .and_then(|s| s.get(name.as_bytes()).ok())
            .map(|o| match o {
                Object::Reference(id) => doc.get_object(*id).ok().cloned(),
                other => Some(other.clone()),
            })
            .and_then(|o| o)
            .and_then(|o| match o {
                Object::Array(a) => a
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .map(|n| String::from_utf8_lossy(n).into_owned()),
                Object::Name(n) => Some(String::from_utf8_lossy(&n).into_owned()),
                _ => None,
            })
            .unwrap_or(name);
        out.push(family);
    }
    out
}

#[test]
fn print_palette_is_cmyk_not_rgb() {
    for path in [PRINT, SHEET_PRINT] {
        let doc = load(path);
        for (n, page) in doc.get_pages() {
            let ops = operations(&doc, page);
            assert!(
                !ops.iter().any(|(op, _)| op == "rg" || op == "RG"),
                "{path} p{n}: DeviceRGB colour"
            );
            for family in colour_space_families(&doc, page) {
                assert!(
                    family != "ICCBased" && family != "DeviceRGB" && family != "CalRGB",
                    "{path} p{n}: {family}"
                );
            }
            // Colour is set: every page that paints anything carries CMYK operators (k/K)
            // for its palette colours (a blank page before the back cover paints nothing).
            let paints = ops
                .iter()
                .any(|(op, _)| ["TJ", "Tj", "f", "f*", "S", "B", "B*"].contains(&op.as_str()));
            assert!(
                !paints || ops.iter().any(|(op, _)| op == "k" || op == "K"),
                "{path} p{n}: no CMYK colour at all"
            );
        }
    }
    // The web edition, by contrast, is sRGB.
    let web = load(WEB);
    let first = *web.get_pages().values().next().unwrap();
    assert!(
        colour_space_families(&web, first)
            .iter()
            .any(|f| f == "ICCBased"),
        "web uses sRGB"
    );
}

#[test]
fn every_font_is_embedded() {
    for path in [WEB, PRINT, SHEET_WEB, SHEET_PRINT] {
        let doc = load(path);
        let mut fonts = 0;
        for (_, object) in doc.objects.iter() {
            let Ok(dict) = object.as_dict() else { continue };
            if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor") {
                continue;
            }
            fonts += 1;
            assert!(
                dict.has(b"FontFile") || dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "{path}: font {:?} not embedded",
                dict.get(b"FontName")
            );
        }
        assert!(
            fonts >= 2,
            "{path}: expected the Inter faces, found {fonts} fonts"
        );
    }
}

fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    String::from_utf8_lossy(
        &stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone()),
    )
    .into_owned()
}

#[test]
fn web_edition_claims_pdf_ua_1_and_pdf_a_2a() {
    for path in [WEB, SHEET_WEB] {
        let doc = load(path);
        let xmp = xmp(&doc);
        assert!(
            xmp.contains("pdfuaid:part") && xmp.contains('1'),
            "{path}: no PDF/UA id in XMP"
        );
        assert!(
            xmp.contains("<pdfuaid:part>1</pdfuaid:part>") || xmp.contains("pdfuaid:part=\"1\""),
            "{path}: PDF/UA part 1"
        );
        assert!(
            xmp.contains("<pdfaid:part>2</pdfaid:part>") || xmp.contains("pdfaid:part=\"2\""),
            "{path}: PDF/A part 2"
        );
        assert!(
            xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>")
                || xmp.contains("pdfaid:conformance=\"A\""),
            "{path}: PDF/A conformance A"
        );
        let catalog = doc.catalog().unwrap();
        let lang = lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
        assert!(lang.starts_with("nl"), "{path}: /Lang {lang}");
        let mark_info = catalog.get(b"MarkInfo").unwrap();
        let mark_info = match mark_info {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            other => other.as_dict().unwrap(),
        };
        assert!(
            mark_info.get(b"Marked").unwrap().as_bool().unwrap(),
            "{path}: /MarkInfo /Marked"
        );
        assert!(catalog.has(b"StructTreeRoot"), "{path}: no structure tree");
    }
}

/// Walks the structure tree and returns (tag, has non-empty /Alt) of every element.
fn struct_elements(doc: &Document) -> Vec<(String, bool)> {
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut out = Vec::new();
    let mut stack = vec![Object::Reference(root)];
    while let Some(object) = stack.pop() {
        let object = match object {
            Object::Reference(id) => match doc.get_object(id) {
                Ok(o) => o.clone(),
                Err(_) => continue,
            },
            other => other,
        };
        match object {
            Object::Array(items) => stack.extend(items),
            Object::Dictionary(d) => {
                if let Ok(tag) = d.get(b"S").and_then(|s| s.as_name()) {
                    let alt = d
                        .get(b"Alt")
                        .ok()
                        .and_then(|a| lopdf::decode_text_string(a).ok())
                        .is_some_and(|a| !a.trim().is_empty());
                    out.push((String::from_utf8_lossy(tag).into_owned(), alt));
                }
                if let Ok(k) = d.get(b"K") {
                    stack.push(k.clone());
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn web_edition_has_headings_and_alt_text_on_every_figure() {
    for path in [WEB, SHEET_WEB] {
        let doc = load(path);
        let elements = struct_elements(&doc);
        assert!(
            elements.iter().any(|(t, _)| t.starts_with('H')),
            "{path}: no headings in the structure"
        );
        let figures: Vec<_> = elements.iter().filter(|(t, _)| t == "Figure").collect();
        for (_, alt) in &figures {
            assert!(alt, "{path}: a Figure without /Alt");
        }
    }
}

#[test]
fn web_edition_has_working_internal_links() {
    let doc = load(WEB);
    let mut internal = 0;
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Link")
            && (dict.has(b"Dest") || dict.get(b"A").is_ok())
        {
            internal += 1;
        }
    }
    assert!(
        internal >= 49 + 10,
        "contents, case→region and index links: found {internal}"
    );
}
