//! The print edition is PDF/X-4 (ISO 15930-7): its structure read back with lopdf, one test
//! per rule, on the publication (with and without crop marks) and a fact sheet.

use crate::common;

use std::sync::OnceLock;

use common::Project;
use lopdf::{Dictionary, Document, Object};

const PRINT: &str = "out/regionale-samenwerking-werkt-2026-print.pdf";
const MARKS: &str = "out-marks/regionale-samenwerking-werkt-2026-print.pdf";
const SHEET: &str = "out/factsheets/zwolle-print.pdf";
const ALL: [&str; 3] = [PRINT, MARKS, SHEET];

/// The real project's print edition: the publication (with and without crop marks) and one
/// fact sheet.
fn project() -> &'static Project {
    static P: OnceLock<Project> = OnceLock::new();
    P.get_or_init(|| {
        let p = Project::real();
        for args in [
            &["build", "--profile", "print", "--publication-only"][..],
            &[
                "build",
                "--profile",
                "print",
                "--publication-only",
                "--crop-marks",
                "--out",
                "out-marks",
            ][..],
            &["factsheet", "zwolle", "--profile", "print"][..],
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

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    match deref(doc, o) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn info(doc: &Document) -> &Dictionary {
    dict(doc, doc.trailer.get(b"Info").unwrap())
}

fn text(doc: &Document, d: &Dictionary, key: &[u8]) -> String {
    lopdf::decode_text_string(deref(doc, d.get(key).unwrap())).unwrap()
}

fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let stream = deref(doc, catalog.get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "the XMP stays uncompressed"
    );
    String::from_utf8(stream.content.clone()).unwrap()
}

fn xmp_value(xmp: &str, property: &str) -> String {
    drukwerk::preflight::xmp_property(xmp, property)
        .unwrap_or_else(|| panic!("{property} missing in the XMP"))
}

#[test]
fn version_is_pdf_1_6() {
    for path in ALL {
        let doc = load(path);
        assert_eq!(doc.version, "1.6", "{path}");
        let bytes = std::fs::read(project().root().join(path)).unwrap();
        assert!(bytes.starts_with(b"%PDF-1.6"), "{path}: header");
        assert!(
            !doc.catalog().unwrap().has(b"Version"),
            "{path}: no catalog /Version"
        );
    }
}

#[test]
fn exactly_one_pdfx_output_intent_with_the_profile_embedded() {
    for path in ALL {
        let doc = load(path);
        let intents = deref(&doc, doc.catalog().unwrap().get(b"OutputIntents").unwrap())
            .as_array()
            .unwrap();
        assert_eq!(intents.len(), 1, "{path}");
        let intent = dict(&doc, &intents[0]);
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFX");
        assert_eq!(text(&doc, intent, b"OutputConditionIdentifier"), "FOGRA39");
        assert_eq!(text(&doc, intent, b"RegistryName"), "http://www.color.org");
        let profile = deref(&doc, intent.get(b"DestOutputProfile").unwrap())
            .as_stream()
            .unwrap();
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
        assert_eq!(
            profile.decompressed_content().unwrap(),
            drukwerk::icc::DEFAULT_PROFILE,
            "{path}: the shipped FOGRA39 profile"
        );
    }
}

#[test]
fn xmp_identifies_pdfx_4_with_dates_and_identifiers() {
    for path in ALL {
        let doc = load(path);
        let xmp = xmp(&doc);
        assert_eq!(xmp_value(&xmp, "pdfxid:GTS_PDFXVersion"), "PDF/X-4");
        assert_eq!(xmp_value(&xmp, "pdf:Trapped"), "False");
        assert!(
            !xmp_value(&xmp, "dc:title").trim().is_empty(),
            "{path}: title"
        );
        for date in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
            assert_eq!(xmp_value(&xmp, date), "2026-11-28T00:00:00+00:00", "{date}");
        }
        assert!(xmp_value(&xmp, "xmpMM:DocumentID").starts_with("uuid:"));
        assert!(xmp_value(&xmp, "xmpMM:InstanceID").starts_with("uuid:"));
        assert_eq!(xmp_value(&xmp, "xmpMM:VersionID"), "1");
        assert_eq!(xmp_value(&xmp, "xmpMM:RenditionClass"), "default");
    }
}

#[test]
fn info_dictionary_is_in_step_with_the_xmp() {
    for path in ALL {
        let doc = load(path);
        let xmp = xmp(&doc);
        let info = info(&doc);
        assert_eq!(text(&doc, info, b"Title"), xmp_value(&xmp, "dc:title"));
        assert_eq!(text(&doc, info, b"Author"), xmp_value(&xmp, "dc:creator"));
        assert_eq!(
            text(&doc, info, b"Creator"),
            xmp_value(&xmp, "xmp:CreatorTool")
        );
        assert_eq!(
            text(&doc, info, b"Producer"),
            xmp_value(&xmp, "pdf:Producer")
        );
        assert_eq!(text(&doc, info, b"CreationDate"), "D:20261128000000+00'00'");
        assert_eq!(text(&doc, info, b"ModDate"), "D:20261128000000+00'00'");
        assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
        assert_eq!(text(&doc, info, b"GTS_PDFXVersion"), "PDF/X-4");
    }
}

#[test]
fn trim_and_bleed_boxes_nest_inside_the_media_box_on_every_page() {
    for path in ALL {
        let doc = load(path);
        for (n, page) in doc.get_pages() {
            let b = |k: &[u8]| drukwerk::print::page_box(&doc, page, k).unwrap();
            let (media, bleed, trim) = (b(b"MediaBox"), b(b"BleedBox"), b(b"TrimBox"));
            let inside = |a: [f64; 4], o: [f64; 4]| {
                a[0] >= o[0] - 0.01
                    && a[1] >= o[1] - 0.01
                    && a[2] <= o[2] + 0.01
                    && a[3] <= o[3] + 0.01
            };
            assert!(
                inside(trim, bleed),
                "{path} p{n}: trim {trim:?} in bleed {bleed:?}"
            );
            assert!(
                inside(bleed, media),
                "{path} p{n}: bleed {bleed:?} in media {media:?}"
            );
        }
    }
}

#[test]
fn nothing_interactive_no_annotations_actions_or_links() {
    for path in ALL {
        let doc = load(path);
        for (n, page) in doc.get_pages() {
            let d = doc.get_dictionary(page).unwrap();
            assert!(!d.has(b"Annots"), "{path} p{n}: annotations");
            assert!(!d.has(b"AA"), "{path} p{n}: page actions");
        }
        for (id, object) in &doc.objects {
            let Ok(d) = object.as_dict() else { continue };
            assert!(
                d.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"Annot")
                    && d.get(b"Subtype").and_then(|t| t.as_name()).ok() != Some(b"Link"),
                "{path}: annotation object {id:?}"
            );
            assert!(!d.has(b"URI") && !d.has(b"JS"), "{path}: action {id:?}");
        }
        let catalog = doc.catalog().unwrap();
        for key in [&b"OpenAction"[..], b"AA", b"AcroForm"] {
            assert!(
                !catalog.has(key),
                "{path}: catalog {}",
                String::from_utf8_lossy(key)
            );
        }
        // The bookmarks stay: destinations, not actions.
        if path != SHEET {
            assert!(catalog.has(b"Outlines"), "{path}: bookmarks kept");
        }
    }
}

#[test]
fn no_encryption_javascript_or_embedded_files() {
    for path in ALL {
        let doc = load(path);
        assert!(!doc.trailer.has(b"Encrypt"), "{path}: encrypted");
        if let Ok(names) = doc.catalog().unwrap().get(b"Names") {
            let names = dict(&doc, names);
            assert!(
                !names.has(b"JavaScript") && !names.has(b"EmbeddedFiles"),
                "{path}"
            );
        }
    }
}

#[test]
fn every_font_is_embedded() {
    for path in ALL {
        let doc = load(path);
        let descriptors: Vec<&Dictionary> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
            .collect();
        assert!(!descriptors.is_empty(), "{path}");
        for d in descriptors {
            assert!(
                d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"),
                "{path}: {:?} not embedded",
                d.get(b"FontName")
            );
        }
    }
}

/// The family name of a colour space object.
fn family(doc: &Document, cs: &Object) -> String {
    match deref(doc, cs) {
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        Object::Array(a) => {
            String::from_utf8_lossy(deref(doc, &a[0]).as_name().unwrap()).into_owned()
        }
        other => panic!("colour space {other:?}"),
    }
}

#[test]
fn colour_only_as_cmyk_gray_separation_or_icc_based() {
    const ALLOWED: [&str; 6] = [
        "DeviceCMYK",
        "DeviceGray",
        "Separation",
        "ICCBased",
        "Pattern",
        "DeviceN",
    ];
    for path in ALL {
        let doc = load(path);
        let mut seen = 0;
        for object in doc.objects.values() {
            let d = match object {
                Object::Dictionary(d) => d,
                Object::Stream(s) => &s.dict,
                _ => continue,
            };
            // Resource colour spaces, images and shadings.
            if let Ok(spaces) = d.get(b"ColorSpace")
                && matches!(deref(&doc, spaces), Object::Dictionary(_))
            {
                for (_, cs) in dict(&doc, spaces).iter() {
                    let f = family(&doc, cs);
                    assert!(ALLOWED.contains(&f.as_str()), "{path}: colour space {f}");
                    seen += 1;
                }
            } else if let Ok(cs) = d.get(b"ColorSpace") {
                let f = family(&doc, cs);
                assert!(
                    ALLOWED.contains(&f.as_str()),
                    "{path}: image or shading in {f}"
                );
                seen += 1;
            }
            // Transparency groups blend in CMYK or an ICC space, never DeviceRGB.
            if let Ok(group) = d.get(b"Group")
                && let Ok(cs) = dict(&doc, group).get(b"CS")
            {
                let f = family(&doc, cs);
                assert!(
                    f != "DeviceRGB" && f != "CalRGB",
                    "{path}: group blends in {f}"
                );
            }
        }
        let _ = seen;
    }
}

#[test]
fn crop_marks_lie_outside_the_bleed_box() {
    let plain = load(PRINT);
    let marks = load(MARKS);
    let (p, m) = (
        *plain.get_pages().values().next().unwrap(),
        *marks.get_pages().values().next().unwrap(),
    );
    let b = |doc: &Document, page, k: &[u8]| drukwerk::print::page_box(doc, page, k).unwrap();
    assert_eq!(b(&plain, p, b"BleedBox"), b(&marks, m, b"BleedBox"));
    assert_eq!(b(&plain, p, b"TrimBox"), b(&marks, m, b"TrimBox"));
    let (media, bleed) = (b(&marks, m, b"MediaBox"), b(&marks, m, b"BleedBox"));
    assert!(
        media[0] < bleed[0] && media[2] > bleed[2],
        "room for the marks"
    );
}

/// The minimal project with `profile` as `content/print/<name>` and `[print]` (its body
/// after the table header) added to its publication.toml.
fn with_profile(name: &str, profile: &[u8], print: &str) -> Project {
    let p = Project::minimal();
    std::fs::create_dir_all(p.root().join("content/print")).unwrap();
    std::fs::write(p.root().join("content/print").join(name), profile).unwrap();
    let publication = p.read("content/publication.toml");
    p.write(
        "content/publication.toml",
        &format!("{publication}\n[print]\n{print}"),
    );
    p
}

#[test]
fn the_print_shops_profile_from_print_is_embedded() {
    // A stand-in for the shop's profile: the default with another creation year in its
    // header, so the bytes differ from the built-in one.
    let mut shop = drukwerk::icc::DEFAULT_PROFILE.to_vec();
    shop[24..26].copy_from_slice(&2027u16.to_be_bytes());
    let p = with_profile(
        "shop.icc",
        &shop,
        "profile = \"content/print/shop.icc\"\ncondition = \"FOGRA51\"\ncondition-name = \"PSO Coated v3\"\n",
    );
    let run = p.run(&["build", "--profile", "print", "--publication-only"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = Document::load(p.root().join("out/kleine-proefpublicatie-2026-print.pdf")).unwrap();
    let intents = deref(&doc, doc.catalog().unwrap().get(b"OutputIntents").unwrap())
        .as_array()
        .unwrap();
    let intent = dict(&doc, &intents[0]);
    assert_eq!(text(&doc, intent, b"OutputConditionIdentifier"), "FOGRA51");
    assert_eq!(text(&doc, intent, b"OutputCondition"), "PSO Coated v3");
    let profile = deref(&doc, intent.get(b"DestOutputProfile").unwrap())
        .as_stream()
        .unwrap();
    assert_eq!(profile.decompressed_content().unwrap(), shop);
}

#[test]
fn a_profile_that_is_not_for_cmyk_output_is_refused_by_check() {
    let mut screen = drukwerk::icc::DEFAULT_PROFILE.to_vec();
    screen[12..16].copy_from_slice(b"mntr");
    screen[16..20].copy_from_slice(b"RGB ");
    let p = with_profile(
        "screen.icc",
        &screen,
        "profile = \"content/print/screen.icc\"\ncondition = \"sRGB\"\n",
    );
    let run = p.run(&["check", "--content-only"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[not-a-cmyk-output-profile]")
            && run.stderr.contains("content/publication.toml:"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_palette_colour_over_the_ink_limit_is_named_by_check() {
    let p = Project::minimal();
    let palette = p.read("layouts/palette.toml");
    p.write(
        "layouts/palette.toml",
        &palette.replace("cmyk = [94, 74, 16, 34]", "cmyk = [94, 74, 66, 84]"),
    );
    let run = p.run(&["check", "--content-only"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[ink-limit]: palette colour `brand` needs 318 % ink")
            && run.stderr.contains("layouts/palette.toml:"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// `drukwerk preflight`: passes the print edition, fails PDFs made wrong on purpose.
// ---------------------------------------------------------------------------------------------

use drukwerk::i18n::Lang;
use drukwerk::preflight::{self, Options, Report};

fn preflight_file(path: &std::path::Path) -> Report {
    preflight::check(&std::fs::read(path).unwrap(), &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn preflight_passes_the_print_edition() {
    for path in ALL {
        let report = preflight_file(&project().root().join(path));
        assert!(report.passed(), "{path}: {:#?}", report.findings);
        assert_eq!(report.version, "1.6");
        // Not even a warning: every image is sharp enough, every colour has its bleed.
        assert_eq!(report.findings, vec![], "{path}");
    }
}

#[test]
fn preflight_fails_the_web_edition_for_the_reasons_a_print_shop_would() {
    let p = Project::minimal();
    let run = p.run(&["build", "--publication-only"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = preflight_file(&p.root().join("out/kleine-proefpublicatie-2026.pdf"));
    assert!(!report.passed());
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    for expected in [
        "pdf-version",
        "no-output-intent",
        "no-pdfx-id",
        "no-trim-box",
        "annotation",
    ] {
        assert!(codes.contains(&expected), "{expected} not in {codes:?}");
    }
}

/// The fact sheet's print edition, changed by `spoil` and saved.
fn spoiled(spoil: impl FnOnce(&mut Document)) -> Vec<u8> {
    let mut doc = load(SHEET);
    spoil(&mut doc);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn first_page(doc: &Document) -> lopdf::ObjectId {
    *doc.get_pages().values().next().unwrap()
}

/// Draws `ops` on the first page, after its own content.
fn append_content(doc: &mut Document, ops: &[u8]) {
    let page = first_page(doc);
    let stream = doc.add_object(lopdf::Stream::new(Dictionary::new(), ops.to_vec()));
    let d = doc.get_dictionary_mut(page).unwrap();
    let mut contents = match d.get(b"Contents").unwrap().clone() {
        Object::Array(a) => a,
        other => vec![other],
    };
    contents.push(Object::Reference(stream));
    d.set("Contents", Object::Array(contents));
}

/// Asserts that the spoiled file fails with `code` (on page 1 when `on_page`).
fn fails_with(bytes: &[u8], code: &str, on_page: bool) -> drukwerk::preflight::Finding {
    let report = preflight::check(bytes, &Options::default()).unwrap();
    assert!(!report.passed(), "{code}: passed");
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", report.findings))
        .clone();
    assert_eq!(finding.severity, drukwerk::preflight::Severity::Error);
    if on_page {
        assert_eq!(finding.page, Some(1), "{finding:?}");
        assert!(finding.object.is_some(), "{finding:?}");
    }
    assert!(!finding.help.is_empty());
    finding
}

#[test]
fn preflight_finds_an_rgb_fill() {
    let bytes = spoiled(|doc| {
        append_content(doc, b"q 1 0 0 rg 100 100 50 50 re f Q");
    });
    fails_with(&bytes, "device-rgb", true);
}

#[test]
fn preflight_finds_a_font_that_is_not_embedded() {
    let bytes = spoiled(|doc| {
        for object in doc.objects.values_mut() {
            if let Object::Dictionary(d) = object
                && d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
            {
                d.remove(b"FontFile2");
                d.remove(b"FontFile3");
                d.remove(b"FontFile");
            }
        }
    });
    let f = fails_with(&bytes, "font-not-embedded", true);
    let message = f.message.text(Lang::En);
    assert!(message.contains("Inter"), "{message}");
}

#[test]
fn preflight_finds_a_page_without_trim_box() {
    let bytes = spoiled(|doc| {
        let page = first_page(doc);
        doc.get_dictionary_mut(page).unwrap().remove(b"TrimBox");
    });
    fails_with(&bytes, "no-trim-box", true);
}

#[test]
fn preflight_finds_a_link_annotation() {
    let bytes = spoiled(|doc| {
        let page = first_page(doc);
        let mut link = Dictionary::new();
        link.set("Type", Object::Name(b"Annot".to_vec()));
        link.set("Subtype", Object::Name(b"Link".to_vec()));
        link.set("Rect", vec![100.into(), 100.into(), 200.into(), 120.into()]);
        let link = doc.add_object(link);
        doc.get_dictionary_mut(page)
            .unwrap()
            .set("Annots", vec![Object::Reference(link)]);
    });
    let f = fails_with(&bytes, "annotation", true);
    assert_eq!(f.message.text(Lang::En), "link annotation inside the trim");
    assert_eq!(
        f.message.text(Lang::Nl),
        "link-annotatie binnen het eindformaat"
    );
}

#[test]
fn preflight_finds_a_missing_output_intent() {
    let bytes = spoiled(|doc| {
        doc.catalog_mut().unwrap().remove(b"OutputIntents");
    });
    fails_with(&bytes, "no-output-intent", false);
}

#[test]
fn preflight_finds_encryption() {
    let bytes = spoiled(|doc| {
        let version = lopdf::encryption::EncryptionVersion::V2 {
            document: &*doc,
            owner_password: "drukker",
            user_password: "",
            key_length: 128,
            permissions: lopdf::encryption::Permissions::all(),
        };
        let state = lopdf::encryption::EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
    });
    fails_with(&bytes, "encrypted", false);
}

#[test]
fn preflight_finds_ink_over_the_limit_and_low_resolution_images() {
    // A rich black of 360 % and a 60 × 60 px image placed 50 mm wide (30 ppi).
    let bytes = spoiled(|doc| {
        let page = first_page(doc);
        let image = doc.add_object(lopdf::Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Image".to_vec())),
                ("Width", 60.into()),
                ("Height", 60.into()),
                ("ColorSpace", Object::Name(b"DeviceGray".to_vec())),
                ("BitsPerComponent", 8.into()),
            ]),
            vec![128; 3600],
        ));
        let resources = doc.get_page_resources(page).unwrap();
        let resources_id = resources.1[0];
        let r = doc.get_dictionary_mut(resources_id).unwrap();
        let mut xobjects = r
            .get(b"XObject")
            .ok()
            .and_then(|x| x.as_dict().ok())
            .cloned()
            .unwrap_or_default();
        xobjects.set("Spoiled", image);
        r.set("XObject", xobjects);
        append_content(
            doc,
            b"q 0.9 0.9 0.9 0.9 k 100 100 50 50 re f Q q 141.7 0 0 141.7 200 200 cm /Spoiled Do Q",
        );
    });
    let ink = fails_with(&bytes, "ink-coverage", true);
    let message = ink.message.text(Lang::En);
    assert!(message.contains("360 %"), "{message}");
    let image = fails_with(&bytes, "image-resolution", true);
    let message = image.message.text(Lang::En);
    assert!(message.contains("30 ppi"), "{message}");
}

#[test]
fn preflight_command_exit_codes_and_output() {
    let root = project().root();
    let good = root.join(SHEET);
    let bad = root.join("spoiled.pdf");
    std::fs::write(
        &bad,
        spoiled(|doc| {
            doc.catalog_mut().unwrap().remove(b"OutputIntents");
        }),
    )
    .unwrap();
    let junk = root.join("not-a.pdf");
    std::fs::write(&junk, b"Dit is geen PDF.").unwrap();
    let truncated = root.join("truncated.pdf");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();

    let s = |p: &std::path::Path| p.to_string_lossy().into_owned();
    let run = project().run(&["preflight", &s(&good)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("passes the PDF/X-4 preflight (0 errors, 0 warnings)"),
        "{}",
        run.stderr
    );

    let run = project().run(&["preflight", &s(&good), &s(&bad)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[no-output-intent]: no PDF/X output intent"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("spoiled.pdf: document"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("= help: export as PDF/X-4"),
        "{}",
        run.stderr
    );

    for unreadable in [&junk, &truncated] {
        let run = project().run(&["preflight", &s(&good), &s(unreadable), &s(&bad)]);
        assert_eq!(run.code, 2, "{}: {}", unreadable.display(), run.stderr);
        assert!(run.stderr.contains("error[unreadable]"), "{}", run.stderr);
    }

    let run = project().run(&["--format", "json", "preflight", &s(&bad)]);
    assert_eq!(run.code, 1);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["code"], "no-output-intent");
    assert_eq!(lines[0]["severity"], "error");
    assert!(lines[0]["file"].as_str().unwrap().ends_with("spoiled.pdf"));
    let summary = lines.last().unwrap();
    assert_eq!(summary["passed"], false);
    assert_eq!(summary["readable"], true);
    assert!(summary["pages"].as_u64().unwrap() >= 1);
}

/// The same report in Dutch with `--lang nl`: every finding, its place, its advice and the
/// summary line, with the codes unchanged.
#[test]
fn preflight_report_in_dutch() {
    let root = project().root();
    let good = root.join(SHEET);
    let bad = root.join("spoiled-nl.pdf");
    std::fs::write(
        &bad,
        spoiled(|doc| {
            doc.catalog_mut().unwrap().remove(b"OutputIntents");
            append_content(doc, b"q 1 0 0 rg 100 100 50 50 re f Q");
        }),
    )
    .unwrap();
    let junk = root.join("geen-pdf.pdf");
    std::fs::write(&junk, b"Dit is geen PDF.").unwrap();
    let s = |p: &std::path::Path| p.to_string_lossy().into_owned();

    let run = project().run(&["--lang", "nl", "preflight", &s(&good)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("voldoet aan de PDF/X-4-preflight (0 fouten, 0 waarschuwingen)"),
        "{}",
        run.stderr
    );

    let run = project().run(&["--lang", "nl", "preflight", &s(&bad), &s(&junk)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "fout[no-output-intent]: geen PDF/X-output intent: het bestand zegt niet voor welke drukconditie",
        "spoiled-nl.pdf: document",
        "= tip: exporteer als PDF/X-4 met het uitvoerprofiel van de drukkerij",
        "fout[device-rgb]: DeviceRGB-kleur (kleur ingesteld met rg/RG)",
        "spoiled-nl.pdf: pagina 1, object ",
        "voldoet niet aan de PDF/X-4-preflight (2 fouten, 0 waarschuwingen)",
        "fout[unreadable]: geen PDF-bestand (geen %PDF-kop)",
        "geen-pdf.pdf: kan niet worden gecontroleerd",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // No English words of drukwerk's own: only codes, PDF names and file names.
    for english in [
        "error", "warning", "help:", "page ", "pages", "passes", "fails", "cannot",
    ] {
        assert!(
            !run.stderr.contains(english),
            "{english:?} in\n{}",
            run.stderr
        );
    }

    let run = project().run(&["--lang", "nl", "--format", "json", "preflight", &s(&bad)]);
    assert_eq!(run.code, 1);
    let first: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["code"], "no-output-intent");
    assert_eq!(first["severity"], "error");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("geen PDF/X-output intent"),
        "{first}"
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// The fact sheet, and the same file with its streams decompressed (so that mutations
    /// reach the content-stream interpreter instead of only breaking the compression).
    fn seeds() -> &'static [Vec<u8>; 2] {
        static S: OnceLock<[Vec<u8>; 2]> = OnceLock::new();
        S.get_or_init(|| {
            let packed = std::fs::read(project().root().join(SHEET)).unwrap();
            let mut doc = load(SHEET);
            doc.decompress();
            let mut plain = Vec::new();
            doc.save_to(&mut plain).unwrap();
            [packed, plain]
        })
    }

    proptest! {
        // 96 cases in every `cargo test`; PREFLIGHT_CASES=5000 for a longer run.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PREFLIGHT_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96),
            ..ProptestConfig::default()
        })]

        /// Overwritten bytes, cut-off files and repeated slices: the preflight answers with a
        /// report or an error, never a panic.
        #[test]
        fn on_mutated_pdfs(
            seed in 0usize..2,
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
            cut in proptest::option::of(any::<prop::sample::Index>()),
            repeat in proptest::option::of((any::<prop::sample::Index>(), 1usize..400)),
        ) {
            let mut bytes = seeds()[seed].clone();
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            if let Some((at, len)) = repeat {
                let i = at.index(bytes.len());
                let slice = bytes[i..(i + len).min(bytes.len())].to_vec();
                bytes.splice(i..i, slice);
            }
            if let Some(at) = cut {
                bytes.truncate(at.index(bytes.len()).max(1));
            }
            if let Ok(report) = preflight::check(&bytes, &Options::default()) {
                prop_assert!(report.findings.iter().all(|f| f.page.is_none_or(|p| p >= 1 && p <= report.pages)));
            }
        }
    }
}
