//! Validation of images referenced from content: the path stays inside the project, the file
//! exists and decodes within safe limits, and it has alternative text.

use std::path::Path;

use crate::content::raw::RawImage;
use crate::diagnostics::Diagnostic;
use crate::model::Image;

/// Largest image side accepted, in pixels: far above print needs, far below a decompression bomb.
pub const MAX_SIDE: u32 = 12_000;
/// Largest decoded size accepted, in bytes.
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// The limits every decode of a content image runs under, here and at build time.
pub fn decode_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// Checks one image reference from the content file `file`.
pub fn image(
    root: &Path,
    file: &Path,
    raw: &RawImage,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Image> {
    let value = raw.path.get_ref();
    let span = raw.path.span();
    let relative = Path::new(value);
    let real = super::files::project_file(
        root,
        file,
        &raw.path,
        &super::files::FileKind {
            name: "image",
            folder: "content/images/",
            example: "content/images/foto.jpg",
        },
        diagnostics,
    )?;
    let alt = raw
        .alt
        .as_ref()
        .map(|a| a.get_ref().trim().to_string())
        .unwrap_or_default();
    if alt.is_empty() {
        let d = Diagnostic::error("missing-alt-text", "image has no alternative text")
            .with_help("add alt = \"…\": one sentence saying what the image shows, for readers who cannot see it");
        diagnostics.push(match &raw.alt {
            Some(a) => d.at(file, a.span(), "empty"),
            None => d.at(file, span.clone(), "this image needs alt = \"…\""),
        });
    }
    let (width, height) = match probe(&real) {
        Ok(size) => size,
        Err(message) => {
            diagnostics.push(
                Diagnostic::error(
                    "bad-image",
                    format!("image \"{value}\" cannot be used: {message}"),
                )
                .at(file, span, "this file")
                .with_help("use a PNG or JPEG file, at most 12000 pixels on each side"),
            );
            return None;
        }
    };
    if alt.is_empty() {
        return None;
    }
    Some(Image {
        path: relative.to_string_lossy().replace('\\', "/"),
        alt,
        credit: raw.credit.clone(),
        width,
        height,
    })
}

/// Reads the header and decodes the image within limits, so corrupt files and decompression
/// bombs are refused here rather than in the middle of a build.
fn probe(path: &Path) -> Result<(u32, u32), String> {
    let mut reader = image::ImageReader::open(path)
        .map_err(|e| e.to_string())?
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    // JPEG decoders quietly fill a truncated file with grey; a complete JPEG ends with EOI.
    if reader.format() == Some(image::ImageFormat::Jpeg) {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
        if !bytes[..end].ends_with(&[0xFF, 0xD9]) {
            return Err("the JPEG file is truncated (no end-of-image marker)".into());
        }
    }
    if !matches!(
        reader.format(),
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)
    ) {
        return Err("not a PNG or JPEG file".into());
    }
    reader.limits(decode_limits());
    // Decode fully: a truncated or corrupt file fails here, and the limits stop bombs before
    // they allocate.
    let decoded = reader.decode().map_err(|e| e.to_string())?;
    Ok((decoded.width(), decoded.height()))
}
