//! Validation of images referenced from content: the path stays inside the project, the file
//! exists and decodes within safe limits, and it has alternative text.

use std::path::Path;

use crate::content::problems::{io_note, io_reason};
use crate::content::raw::RawImage;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::Image;
use crate::msg;

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
        super::files::FileKind::Image,
        diagnostics,
    )?;
    let alt = raw
        .alt
        .as_ref()
        .map(|a| a.get_ref().trim().to_string())
        .unwrap_or_default();
    if alt.is_empty() {
        let d = Diagnostic::error("missing-alt-text", msg!("missing-alt-text"))
            .with_help(msg!("missing-alt-text.help"));
        diagnostics.push(match &raw.alt {
            Some(a) => d.at(file, a.span(), msg!("missing-alt-text.label-empty")),
            None => d.at(file, span.clone(), msg!("missing-alt-text.label-missing")),
        });
    }
    let (width, height) = match probe(&real) {
        Ok(size) => size,
        Err(problem) => {
            let d = Diagnostic::error(
                "bad-image",
                msg!("bad-image", path = value, reason = problem.reason()),
            )
            .at(file, span, msg!("bad-image.label"))
            .with_help(msg!("bad-image.help", max = MAX_SIDE));
            diagnostics.push(match problem.note() {
                Some(note) => d.with_note(note),
                None => d,
            });
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

/// Why an image cannot be used.
#[derive(Debug)]
enum Problem {
    /// The file cannot be read.
    Io(std::io::Error),
    /// A JPEG without its end-of-image marker.
    Truncated,
    /// Neither PNG nor JPEG.
    NotPngOrJpeg,
    /// Over the decode limits.
    TooLarge,
    /// The decoder refused it; its own words.
    Damaged(String),
}

impl Problem {
    /// The reason in the reader's words.
    fn reason(&self) -> Msg {
        match self {
            Problem::Io(err) => io_reason(err),
            Problem::Truncated => msg!("bad-image.truncated"),
            Problem::NotPngOrJpeg => msg!("bad-image.not-png-or-jpeg"),
            Problem::TooLarge => msg!("bad-image.too-large"),
            Problem::Damaged(_) => msg!("bad-image.damaged"),
        }
    }

    /// The library's own words, where ours could not say what is wrong.
    fn note(&self) -> Option<Msg> {
        match self {
            Problem::Io(err) => io_note(err),
            Problem::Damaged(detail) => Some(Msg::verbatim(detail.clone())),
            _ => None,
        }
    }
}

impl From<image::ImageError> for Problem {
    fn from(err: image::ImageError) -> Self {
        match err {
            image::ImageError::IoError(err) => Problem::Io(err),
            image::ImageError::Limits(_) => Problem::TooLarge,
            image::ImageError::Unsupported(_) => Problem::NotPngOrJpeg,
            other => Problem::Damaged(other.to_string()),
        }
    }
}

/// Reads the header and decodes the image within limits, so corrupt files and decompression
/// bombs are refused here rather than in the middle of a build.
fn probe(path: &Path) -> Result<(u32, u32), Problem> {
    let mut reader = image::ImageReader::open(path)
        .map_err(Problem::Io)?
        .with_guessed_format()
        .map_err(Problem::Io)?;
    // JPEG decoders quietly fill a truncated file with grey; a complete JPEG ends with EOI.
    if reader.format() == Some(image::ImageFormat::Jpeg) {
        let bytes = std::fs::read(path).map_err(Problem::Io)?;
        let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
        if !bytes[..end].ends_with(&[0xFF, 0xD9]) {
            return Err(Problem::Truncated);
        }
    }
    if !matches!(
        reader.format(),
        Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)
    ) {
        return Err(Problem::NotPngOrJpeg);
    }
    reader.limits(decode_limits());
    // Decode fully: a truncated or corrupt file fails here, and the limits stop bombs before
    // they allocate.
    let decoded = reader.decode()?;
    Ok((decoded.width(), decoded.height()))
}
