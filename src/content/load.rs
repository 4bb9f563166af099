//! Stage 1 (load): read every content file, keep its text for diagnostics, deserialise it.
//!
//! Loading never stops at the first bad file: each file that cannot be read or parsed becomes a
//! diagnostic, and the rest are still loaded so one `check` run reports everything.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::geography::{self, GeoFiles};
use super::layer::Layer;
use super::problems::{self, io_note, io_reason};
use super::raw::{RawCase, RawGeography, RawPublication, RawRegion, RawTheme};
use crate::diagnostics::{Diagnostic, Sources};
use crate::msg;

/// A deserialised content file and where it came from.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Path relative to the project root (`content/regions/zwolle.toml`).
    pub path: PathBuf,
    /// The parsed value.
    pub value: T,
}

/// Everything under `content/`, as written.
#[derive(Debug, Default)]
pub struct RawContent {
    /// `content/publication.toml`, if it loaded.
    pub publication: Option<Loaded<RawPublication>>,
    /// `content/themes/*.toml`, in file-name order.
    pub themes: Vec<Loaded<RawTheme>>,
    /// `content/cases/*.toml`, in file-name order.
    pub cases: Vec<Loaded<RawCase>>,
    /// `content/regions/*.toml`, in file-name order.
    pub regions: Vec<Loaded<RawRegion>>,
    /// The `[geography]` table of `publication.toml` (read even when the rest of that file
    /// has a mistake), naming the year and the files below.
    pub geography: Option<RawGeography>,
    /// The official municipality list (`[geography] municipality-list`), raw text.
    pub municipality_list: Option<Loaded<String>>,
    /// Municipality boundaries (`municipality-boundaries`), raw text, if named.
    pub municipality_boundaries: Option<Loaded<String>>,
    /// Province boundaries (`province-boundaries`), raw text, if named.
    pub province_boundaries: Option<Loaded<String>>,
    /// The layouts' palette (`layouts/palette.toml`), raw text, if the layouts have one.
    pub palette: Option<Loaded<String>>,
    /// Content files that could not be read or parsed (already reported). Validation uses them
    /// to avoid follow-up errors, such as "unknown region" for a region whose file is broken.
    pub broken: Vec<PathBuf>,
}

/// Relative path of the palette the layouts read (checked against the ink limit).
pub const PALETTE: &str = "layouts/palette.toml";

/// Loads all content under `root/content` from the disk. Problems are appended to
/// `diagnostics`; file texts are kept in `sources` so later stages can point into them.
pub fn load(root: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> RawContent {
    load_layered(root, &Layer::disk(), sources, diagnostics)
}

/// Like [`load`], reading every file through `layer` (the disk with unsaved texts laid over
/// it, in the editor).
pub fn load_layered(
    root: &Path,
    layer: &Layer,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawContent {
    let mut content = RawContent::default();
    let dir = root.join("content");
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::error("missing-content", msg!("missing-content"))
                .with_help(msg!("missing-content.help")),
        );
        return content;
    }
    let publication = Path::new("content/publication.toml");
    let has_content = layer.exists(root, publication)
        || ["themes", "cases", "regions"].iter().any(|d| {
            fs::read_dir(dir.join(d)).is_ok_and(|mut e| e.next().is_some())
                || !layer
                    .list(root, &Path::new("content").join(d), "toml")
                    .is_empty()
        });
    if !has_content {
        diagnostics.push(
            Diagnostic::error("empty-content", msg!("empty-content"))
                .with_help(msg!("empty-content.help")),
        );
        return content;
    }
    if layer.is_file(root, publication) {
        content.publication = load_toml(root, layer, publication, sources, diagnostics);
    } else {
        diagnostics.push(
            Diagnostic::error("missing-file", msg!("missing-publication"))
                .with_help(msg!("missing-publication.help")),
        );
    }
    let mut broken = Vec::new();
    content.themes = load_dir(
        root,
        layer,
        "content/themes",
        sources,
        diagnostics,
        &mut broken,
    );
    content.cases = load_dir(
        root,
        layer,
        "content/cases",
        sources,
        diagnostics,
        &mut broken,
    );
    content.regions = load_dir(
        root,
        layer,
        "content/regions",
        sources,
        diagnostics,
        &mut broken,
    );
    content.broken = broken;
    if content.regions.is_empty()
        && content
            .broken
            .iter()
            .all(|p| !p.starts_with("content/regions"))
    {
        diagnostics.push(
            Diagnostic::error("empty-content", msg!("empty-content-regions"))
                .with_help(msg!("empty-content-regions.help")),
        );
    }
    // The geography files are the ones `[geography]` names (without the table, validation
    // says what to add).
    content.geography = geography::table(
        content.publication.as_ref().map(|p| &p.value),
        sources.get(publication),
    );
    let files = match &content.geography {
        Some(g) => geography::files(publication, g, diagnostics),
        None => GeoFiles::default(),
    };
    for (path, slot) in [
        (&files.municipalities, &mut content.municipality_boundaries),
        (&files.provinces, &mut content.province_boundaries),
    ] {
        // Boundaries are optional; when named they must be readable. They are not kept in
        // `sources`: diagnostics never point into 150 kB of coordinates.
        if let Some(path) = path {
            let mut ignored = Sources::default();
            if let Some(text) = read_text(root, layer, path, &mut ignored, diagnostics) {
                *slot = Some(Loaded {
                    path: path.to_path_buf(),
                    value: text,
                });
            }
        }
    }
    // The palette belongs to the layouts, but its CMYK builds are checked with the content's
    // printing condition, so it is loaded (and kept for diagnostics) here.
    let palette = Path::new(PALETTE);
    if layer.exists(root, palette)
        && let Some(text) = read_text(root, layer, palette, sources, diagnostics)
    {
        sources.insert(palette, text.as_str());
        content.palette = Some(Loaded {
            path: palette.to_path_buf(),
            value: text,
        });
    }
    if let Some(list) = &files.list
        && let Some(text) = read_text(root, layer, list, sources, diagnostics)
    {
        content.municipality_list = Some(Loaded {
            path: list.to_path_buf(),
            value: text,
        })
    }
    content
}

/// Loads every `*.toml` file in a folder, sorted by file name.
fn load_dir<T: DeserializeOwned>(
    root: &Path,
    layer: &Layer,
    dir: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    broken: &mut Vec<PathBuf>,
) -> Vec<Loaded<T>> {
    let paths = layer.list(root, Path::new(dir), "toml");
    let mut out = Vec::new();
    for path in paths {
        match load_toml(root, layer, &path, sources, diagnostics) {
            Some(loaded) => out.push(loaded),
            None => broken.push(path),
        }
    }
    out
}

/// Reads a file as UTF-8 text, reporting unreadable, non-UTF-8 and empty files.
fn read_text(
    root: &Path,
    layer: &Layer,
    path: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let bytes = match layer.read(root, path) {
        Ok(bytes) => bytes,
        Err(err) => {
            let d = Diagnostic::error(
                "unreadable-file",
                msg!("content-unreadable", file = path, reason = io_reason(&err)),
            )
            .in_file(path);
            diagnostics.push(match io_note(&err) {
                Some(note) => d.with_note(note),
                None => d,
            });
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            // Show the file with the bad byte replaced, pointing at it; the offset is still
            // right because everything before it is valid.
            sources.insert(path, String::from_utf8_lossy(err.as_bytes()).into_owned());
            diagnostics.push(
                Diagnostic::error("not-utf8", msg!("not-utf8"))
                    .at(path, offset..offset + 1, msg!("not-utf8.label"))
                    .with_help(msg!("not-utf8.help")),
            );
            return None;
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("empty-file", msg!("empty-file"))
                .in_file(path)
                .with_help(msg!("empty-file.help")),
        );
        return None;
    }
    Some(text)
}

/// Reads and deserialises one TOML file.
fn load_toml<T: DeserializeOwned>(
    root: &Path,
    layer: &Layer,
    path: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Loaded<T>> {
    let text = read_text(root, layer, path, sources, diagnostics)?;
    sources.insert(path, text.as_str());
    match parse_toml::<T>(path, &text) {
        Ok(value) => Some(Loaded {
            path: path.to_path_buf(),
            value,
        }),
        Err(d) => {
            diagnostics.push(*d);
            None
        }
    }
}

/// Parses the text of one content file (named `path` in the diagnostic). Never panics, whatever
/// the text; the error says where and what, with a suggestion where one can be made.
pub fn parse_toml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Box<Diagnostic>> {
    toml::from_str::<T>(text).map_err(|err| Box::new(problems::toml_diagnostic(path, text, &err)))
}
