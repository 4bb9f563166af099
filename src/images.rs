//! Images from content, prepared per edition.
//!
//! Every image is decoded once (with limits, so bombs and corrupt files never reach Typst),
//! turned upright by its EXIF orientation, and re-encoded, which drops EXIF, GPS and other
//! metadata. After a document is laid out, the engine knows how large each image is placed,
//! so it can judge resolution honestly: the web edition is downsampled to at most
//! [`WEB_PPI`] at its placed size (and the document laid out again with the smaller files);
//! the print edition keeps every pixel and warns below [`PRINT_PPI`]. Processed bytes are
//! cached on disk by content hash, so an unchanged image is never processed twice.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use sha2::{Digest, Sha256};
use typst::foundations::Bytes;
use typst::layout::{FrameItem, Transform};
use typst::visualize::ImageKind;
use typst_layout::PagedDocument;

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::{Image, Model};
use crate::msg;

/// Highest resolution kept in the web edition, at the placed size.
pub const WEB_PPI: f64 = 200.0;
/// Lowest resolution accepted without a warning in the print edition.
pub const PRINT_PPI: f64 = 300.0;

/// Prepared images: root-absolute path (`/content/images/x.jpg`) → bytes to serve.
pub type Prepared = HashMap<String, Bytes>;

/// Where processed images are cached.
pub fn cache_dir(out_dir: &Path) -> PathBuf {
    out_dir.join(".cache").join("images")
}

/// Every image in the model.
pub fn all(model: &Model) -> Vec<&Image> {
    let mut out: Vec<&Image> = model.publication.cover_image.iter().collect();
    out.extend(model.cases.iter().filter_map(|c| c.image.as_ref()));
    out.extend(model.regions.iter().filter_map(|r| r.image.as_ref()));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    out
}

/// Why an image could not be processed: drukwerk's words, and the library's own as a detail.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What went wrong, in words (`image-damaged`, …).
    pub reason: Msg,
    /// The system's or the image library's own message, shown as a note.
    pub detail: String,
}

impl Problem {
    fn io(e: std::io::Error) -> Self {
        Problem {
            reason: msg!("image-unreadable"),
            detail: e.to_string(),
        }
    }

    fn image(e: image::ImageError) -> Self {
        let reason = match &e {
            image::ImageError::Unsupported(_) => msg!("image-unsupported"),
            image::ImageError::Limits(_) => msg!("image-too-large"),
            image::ImageError::IoError(_) => msg!("image-unreadable"),
            image::ImageError::Encoding(_) | image::ImageError::Parameter(_) => {
                msg!("image-encode")
            }
            image::ImageError::Decoding(_) => msg!("image-damaged"),
        };
        Problem {
            reason,
            detail: e.to_string(),
        }
    }

    /// The reason in the message and the library's words as a note.
    fn diagnose(self, d: Diagnostic) -> Diagnostic {
        d.with_note(Msg::verbatim(self.detail))
    }
}

/// The error for an image that cannot be decoded or re-encoded.
pub fn unprocessable(image: &Image, problem: Problem) -> Diagnostic {
    let d = Diagnostic::error(
        "bad-image",
        msg!(
            "render-bad-image",
            path = image.path.as_str(),
            reason = problem.reason.clone()
        ),
    )
    .with_help(msg!("render-bad-image.help"));
    problem.diagnose(d)
}

/// Widest image on the website, in pixels: twice its widest column (about 800 CSS px), so it
/// stays sharp on high-density screens.
pub const SITE_WIDTH: u32 = 1600;

/// An image for the website: oriented, without metadata, at most [`SITE_WIDTH`] pixels wide;
/// cached like the others.
pub fn for_site(root: &Path, image: &Image, cache: &Path) -> Result<Vec<u8>, Problem> {
    process(root, image, Some(SITE_WIDTH), cache)
}

/// Decodes, orients and re-encodes every image at full resolution.
pub fn prepare(root: &Path, images: &[&Image], cache: &Path) -> Result<Prepared, Vec<Diagnostic>> {
    let mut out = Prepared::new();
    let mut errors = Vec::new();
    for image in images {
        match process(root, image, None, cache) {
            Ok(bytes) => {
                out.insert(format!("/{}", image.path), Bytes::new(bytes));
            }
            Err(e) => errors.push(unprocessable(image, e)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Reads, orients, optionally shrinks to `max_width` pixels, and re-encodes one image;
/// cached by (source bytes, max width).
fn process(
    root: &Path,
    image: &Image,
    max_width: Option<u32>,
    cache: &Path,
) -> Result<Vec<u8>, Problem> {
    let source = std::fs::read(root.join(&image.path)).map_err(Problem::io)?;
    let mut hasher = Sha256::new();
    hasher.update(&source);
    hasher.update(max_width.unwrap_or(0).to_le_bytes());
    let key = crate::jobs::hex(&hasher.finalize());
    let cached = cache.join(&key);
    if let Ok(bytes) = std::fs::read(&cached) {
        return Ok(bytes);
    }
    let mut reader = ImageReader::new(Cursor::new(&source))
        .with_guessed_format()
        .map_err(Problem::io)?;
    reader.limits(crate::validate::image_decode_limits());
    let format = reader.format();
    let mut decoder = reader.into_decoder().map_err(Problem::image)?;
    let orientation = decoder.orientation().map_err(Problem::image)?;
    let mut decoded = DynamicImage::from_decoder(decoder).map_err(Problem::image)?;
    decoded.apply_orientation(orientation);
    if let Some(width) = max_width.filter(|w| *w < decoded.width()) {
        let height = ((decoded.height() as f64) * width as f64 / decoded.width() as f64)
            .round()
            .max(1.0) as u32;
        decoded = decoded.resize_exact(width, height, image::imageops::FilterType::Lanczos3);
    }
    let bytes = encode(&decoded, format)?;
    // A cache that cannot be written only costs time next run.
    if std::fs::create_dir_all(cache).is_ok() {
        let _ = crate::export::write_atomic(&cached, &bytes);
    }
    Ok(bytes)
}

/// Photos (JPEG, no alpha) stay JPEG; everything else becomes PNG. Re-encoding writes pixels
/// only: no EXIF, no GPS, no colour-profile surprises.
fn encode(image: &DynamicImage, source: Option<ImageFormat>) -> Result<Vec<u8>, Problem> {
    let mut out = Cursor::new(Vec::new());
    if source == Some(ImageFormat::Jpeg) && !image.color().has_alpha() {
        let rgb = image.to_rgb8();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        rgb.write_with_encoder(encoder).map_err(Problem::image)?;
    } else {
        image
            .write_to(&mut out, ImageFormat::Png)
            .map_err(Problem::image)?;
    }
    Ok(out.into_inner())
}

/// How one image is placed in a laid-out document: its pixels and the largest size (in
/// inches) it is shown at.
#[derive(Debug, Clone, Copy)]
struct Placement {
    pixels: (u32, u32),
    inches: (f64, f64),
}

impl Placement {
    /// Effective resolution: the lower of the two axes.
    fn ppi(&self) -> f64 {
        (self.pixels.0 as f64 / self.inches.0).min(self.pixels.1 as f64 / self.inches.1)
    }
}

/// Finds each prepared image in the document (by its bytes) and where it is largest.
fn placements(document: &PagedDocument, prepared: &Prepared) -> HashMap<String, Placement> {
    let by_hash: HashMap<[u8; 32], &String> = prepared
        .iter()
        .map(|(path, bytes)| (Sha256::digest(bytes.as_slice()).into(), path))
        .collect();
    let mut out: HashMap<String, Placement> = HashMap::new();
    for page in document.pages() {
        crate::render::for_each_item(
            &page.frame,
            Transform::identity(),
            &mut |item, transform| {
                let FrameItem::Image(image, size, _) = item else {
                    return;
                };
                // The placed size after scaling by the enclosing groups.
                let w = size.x.to_pt()
                    * (transform.sx.get().powi(2) + transform.ky.get().powi(2)).sqrt();
                let h = size.y.to_pt()
                    * (transform.kx.get().powi(2) + transform.sy.get().powi(2)).sqrt();
                let ImageKind::Raster(raster) = image.kind() else {
                    return;
                };
                let hash: [u8; 32] = Sha256::digest(raster.data().as_slice()).into();
                let Some(path) = by_hash.get(&hash) else {
                    return;
                };
                let placed = Placement {
                    pixels: (raster.width(), raster.height()),
                    inches: (w / 72.0, h / 72.0),
                };
                let entry = out.entry((*path).clone()).or_insert(placed);
                if placed.ppi() < entry.ppi() {
                    *entry = placed;
                }
            },
        );
    }
    out
}

/// Print: a warning for every image below [`PRINT_PPI`] at its placed size.
pub fn print_warnings(document: &PagedDocument, prepared: &Prepared) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = placements(document, prepared)
        .into_iter()
        .filter(|(_, p)| p.ppi() < PRINT_PPI - 0.5)
        .map(|(path, p)| {
            let whole = |v: f64| v.round() as i64;
            Diagnostic::warning(
                "low-resolution-image",
                msg!(
                    "low-resolution-image",
                    path = path.trim_start_matches('/'),
                    ppi = whole(p.ppi())
                ),
            )
            .in_file(path.trim_start_matches('/'))
            .with_help(msg!(
                "low-resolution-image.help",
                width = whole((p.inches.0 * PRINT_PPI).ceil()),
                height = whole((p.inches.1 * PRINT_PPI).ceil()),
                target = whole(PRINT_PPI)
            ))
        })
        .collect();
    // Sorted by the English text: the same order whichever language is shown.
    out.sort_by_key(|d| d.message.text(crate::i18n::Lang::En));
    out
}

/// Web: the images that are sharper than [`WEB_PPI`] where they are placed, shrunk to it.
/// Returns `None` when nothing needs shrinking (the document can be exported as it is).
pub fn web_downsampled(
    root: &Path,
    images: &[&Image],
    document: &PagedDocument,
    prepared: &Prepared,
    cache: &Path,
) -> Result<Option<Prepared>, Vec<Diagnostic>> {
    let placed = placements(document, prepared);
    let mut changed = false;
    let mut out = prepared.clone();
    for image in images {
        let path = format!("/{}", image.path);
        let Some(p) = placed.get(&path) else { continue };
        if p.ppi() <= WEB_PPI * 1.05 {
            continue;
        }
        let width = ((p.pixels.0 as f64) * WEB_PPI / p.ppi()).round().max(1.0) as u32;
        let bytes = process(root, image, Some(width), cache).map_err(|problem| {
            let d = Diagnostic::error(
                "bad-image",
                msg!(
                    "bad-image-resize",
                    path = image.path.as_str(),
                    reason = problem.reason.clone()
                ),
            );
            vec![problem.diagnose(d)]
        })?;
        out.insert(path, Bytes::new(bytes));
        changed = true;
    }
    Ok(changed.then_some(out))
}
