//! Images in content: upright, stripped of metadata, downsampled for the web, checked for
//! print resolution, and refused when corrupt or too large. The images are made here.

use crate::common;

use std::io::Cursor;

use common::Project;
use image::{ImageEncoder, RgbImage};

/// A JPEG of `w` × `h` pixels (a gradient, so it is not trivially compressible) with an EXIF
/// block saying "rotate 90° clockwise to display" (orientation 6) and a GPS-like marker.
fn jpeg_with_exif(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    // TIFF header (big endian), one IFD entry: Orientation (0x0112), SHORT, 1, value 6.
    let mut exif = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0".to_vec();
    exif.extend_from_slice(b"SECRET-GPS-52.37N-4.89E");
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The minimal project with an image on its case.
fn project_with_case_image(file: &str, bytes: &[u8]) -> Project {
    let p = Project::minimal();
    std::fs::create_dir_all(p.root().join("content/images")).unwrap();
    std::fs::write(p.root().join("content/images").join(file), bytes).unwrap();
    let case = p.read("content/cases/01-noord.toml")
        + &format!(
            "\n[image]\npath = \"content/images/{file}\"\nalt = \"Leraren in gesprek\"\ncredit = \"Foto: test\"\n"
        );
    p.write("content/cases/01-noord.toml", &case);
    p
}

/// (width, height, filter) of every image XObject in a PDF.
fn pdf_images(path: &std::path::Path) -> Vec<(i64, i64, String)> {
    let doc = lopdf::Document::load(path).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .map(|s| {
            let filter = s
                .dict
                .get(b"Filter")
                .ok()
                .map(|f| format!("{f:?}"))
                .unwrap_or_default();
            (
                s.dict.get(b"Width").unwrap().as_i64().unwrap(),
                s.dict.get(b"Height").unwrap().as_i64().unwrap(),
                filter,
            )
        })
        .collect()
}

#[test]
fn web_images_are_upright_stripped_and_no_sharper_than_200_ppi() {
    let p = project_with_case_image("foto.jpg", &jpeg_with_exif(3000, 2000));
    let run = p.run(&["build", "--publication-only"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf_path = p.root().join("out/kleine-proefpublicatie-2026.pdf");
    let images = pdf_images(&pdf_path);
    let (w, h, _) = *images
        .iter()
        .max_by_key(|i| i.0 * i.1)
        .expect("the photo is in the PDF");
    // Orientation 6: the 3000 × 2000 landscape file is a portrait photo.
    assert!(h > w, "EXIF orientation applied: {w} × {h}");
    // Downsampled: the layout places it at most about A4 text width (≈ 6.7 in) → ≤ ~1400 px.
    assert!(w < 2000 && h < 3000, "downsampled for the web: {w} × {h}");
    let bytes = std::fs::read(&pdf_path).unwrap();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("SECRET-GPS"),
        "EXIF metadata stripped"
    );
    // The processed image is cached: a second build reuses it and gives the same bytes.
    assert!(
        p.root()
            .join("out/.cache/images")
            .read_dir()
            .unwrap()
            .count()
            >= 1
    );
    let again = p.run(&["build", "--publication-only", "--out", "out2"]);
    assert_eq!(again.code, 0);
    let second = std::fs::read(p.root().join("out2/kleine-proefpublicatie-2026.pdf")).unwrap();
    assert_eq!(bytes, second);
}

#[test]
fn print_keeps_resolution_and_warns_below_300_ppi() {
    let p = project_with_case_image("klein.png", &png(240, 160));
    let run = p.run(&["build", "--publication-only", "--profile", "print"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning[low-resolution-image]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/images/klein.png"),
        "names the image: {}",
        run.stderr
    );
    assert!(run.stderr.contains(" ppi"), "{}", run.stderr);
    let images = pdf_images(&p.root().join("out/kleine-proefpublicatie-2026-print.pdf"));
    assert!(
        images.iter().any(|(w, h, _)| (*w, *h) == (240, 160)),
        "print keeps every pixel: {images:?}"
    );
    // Under --deny-warnings the low resolution fails the build.
    let strict = p.run(&[
        "build",
        "--publication-only",
        "--profile",
        "print",
        "--deny-warnings",
        "--out",
        "strict",
    ]);
    assert_eq!(strict.code, 1);
}

#[test]
fn corrupt_and_oversized_images_are_refused_at_check() {
    let mut truncated = jpeg_with_exif(400, 300);
    truncated.truncate(truncated.len() / 3);
    let p = project_with_case_image("kapot.jpg", &truncated);
    let run = p.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-image]"), "{}", run.stderr);

    // Wider than the 12,000-pixel limit (a cheap file: one row).
    let p = project_with_case_image("breed.png", &png(12_001, 1));
    let run = p.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-image]"), "{}", run.stderr);

    // Not an image at all.
    let p = project_with_case_image("nep.png", b"dit is geen afbeelding");
    let run = p.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[bad-image]"), "{}", run.stderr);
}

#[test]
fn an_image_without_alt_text_is_an_error() {
    let p = Project::minimal();
    std::fs::create_dir_all(p.root().join("content/images")).unwrap();
    std::fs::write(p.root().join("content/images/a.png"), png(10, 10)).unwrap();
    let case =
        p.read("content/cases/01-noord.toml") + "\n[image]\npath = \"content/images/a.png\"\n";
    p.write("content/cases/01-noord.toml", &case);
    let run = p.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error[missing-alt-text]"),
        "{}",
        run.stderr
    );
}

/// The print edition's resolution warning in Dutch, with Dutch numbers and the image named.
#[test]
fn the_low_resolution_warning_reads_in_dutch() {
    let p = project_with_case_image("klein.png", &png(240, 160));
    let run = p.run(&[
        "--lang",
        "nl",
        "build",
        "--publication-only",
        "--profile",
        "print",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for expected in [
        "waarschuwing[low-resolution-image]: afbeelding \"content/images/klein.png\" wordt gedrukt op ",
        " ppi",
        "= tip: lever voor de drukeditie minstens ",
        " pixels aan (300 ppi op het geplaatste formaat)",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("prints at"), "{}", run.stderr);
}
