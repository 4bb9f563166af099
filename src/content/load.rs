//! Stage 1 (load): read every content file, keep its text for diagnostics, deserialise it.
//!
//! Loading never stops at the first bad file: each file that cannot be read or parsed becomes a
//! diagnostic, and the rest are still loaded so one `check` run reports everything.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::geography::{self, GeoFiles};
use super::layer::Layer;
use super::raw::{RawCase, RawGeography, RawPublication, RawRegion, RawTheme};
use crate::diagnostics::{Diagnostic, Sources};
use crate::suggest::did_you_mean;

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
            Diagnostic::error("missing-content", "no content/ folder in the project")
                .with_help("run drukwerk in the project folder, or pass --root DIR"),
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
            Diagnostic::error("empty-content", "content/ has no content files")
                .with_help("start with content/publication.toml and one file per region in content/regions/; see docs/content-format.md"),
        );
        return content;
    }
    if layer.is_file(root, publication) {
        content.publication = load_toml(root, layer, publication, sources, diagnostics);
    } else {
        diagnostics.push(
            Diagnostic::error("missing-file", "content/publication.toml is missing")
                .with_help("every project needs a publication.toml with title, lede, year and date; see docs/content-format.md"),
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
            Diagnostic::error("empty-content", "content/regions/ has no regions")
                .with_help("add one TOML file per region, see docs/content-format.md"),
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
            diagnostics.push(
                Diagnostic::error(
                    "unreadable-file",
                    format!("cannot read {}: {err}", path.display()),
                )
                .in_file(path),
            );
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
                Diagnostic::error("not-utf8", "file is not valid UTF-8")
                    .at(path, offset..offset + 1, "this byte is not UTF-8")
                    .with_help(
                        "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)",
                    ),
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
            Diagnostic::error("empty-file", "file is empty")
                .in_file(path)
                .with_help("fill it in (see docs/content-format.md) or delete it"),
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
    toml::from_str::<T>(text).map_err(|err| Box::new(toml_diagnostic(path, text, &err)))
}

/// Turns a TOML/serde error into a diagnostic with a suggestion where one can be made.
fn toml_diagnostic(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().to_string();
    let span = err.span().unwrap_or(0..0);
    if let Some((field, expected)) = parse_unknown_field(&message) {
        let mut d = Diagnostic::error("unknown-field", format!("unknown field `{field}`")).at(
            path,
            span,
            "not a field here",
        );
        if let Some(best) = did_you_mean(&field, expected.iter().map(String::as_str)) {
            d = d.with_help(format!("did you mean `{best}`?"));
        }
        return d.with_note(format!("known fields: {}", expected.join(", ")));
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        // serde points at the whole table; point at its first line instead of underlining pages.
        let span = first_line(text, span);
        return Diagnostic::error("missing-field", format!("missing field `{field}`"))
            .at(path, span, format!("this table needs `{field}`"))
            .with_help(format!("add `{field} = …` (see docs/content-format.md)"));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.rsplit_once("expected ").map_or("", |(_, e)| e);
        let label = match expected {
            "i64" | "i32" | "u32" | "u64" | "a number" => "expected a whole number, without quotes",
            "a string" => "expected text in quotes",
            "a sequence" => "expected a list: [\"…\", \"…\"]",
            "a boolean" => "expected true or false",
            _ => "wrong type",
        };
        return Diagnostic::error("wrong-type", message).at(path, span, label);
    }
    if message.starts_with("duplicate key") {
        return Diagnostic::error("duplicate-key", message).at(path, span, "defined again here");
    }
    Diagnostic::error("toml-syntax", format!("invalid TOML: {message}"))
        .at(path, span, "here")
        .with_help("check quotes, brackets and `=` around this position")
}

/// The first line of a span, so a table-wide error underlines one line.
fn first_line(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = span.start.min(text.len());
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end.min(span.end.max(start))
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((field.to_string(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_message_is_parsed() {
        let (field, expected) = parse_unknown_field(
            "unknown field `municiplaities`, expected one of `id`, `name`, `municipalities`",
        )
        .unwrap();
        assert_eq!(field, "municiplaities");
        assert_eq!(expected, ["id", "name", "municipalities"]);
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let text = "id = \"x\"\nname = \"X\"\nsectors = [\"po\"]\nmuniciplaities = []\n[figures]\n";
        let err = toml::from_str::<RawRegion>(text).unwrap_err();
        let d = toml_diagnostic(Path::new("r.toml"), text, &err);
        assert_eq!(d.code, "unknown-field");
        assert_eq!(
            crate::i18n::texts(&d.help, crate::i18n::Lang::En),
            ["did you mean `municipalities`?"]
        );
        assert_eq!(&text[d.span.unwrap()], "municiplaities");
    }

    #[test]
    fn missing_field_is_reported() {
        let text = "id = \"x\"\nsectors = [\"po\"]\n[figures]\n";
        let err = toml::from_str::<RawRegion>(text).unwrap_err();
        let d = toml_diagnostic(Path::new("r.toml"), text, &err);
        assert_eq!(d.code, "missing-field");
        let message = d.message.text(crate::i18n::Lang::En);
        assert!(message.contains("`name`"), "{message}");
    }

    #[test]
    fn wrong_type_is_reported() {
        let text = "id = \"x\"\nname = \"X\"\nsectors = \"po\"\n[figures]\n";
        let err = toml::from_str::<RawRegion>(text).unwrap_err();
        let d = toml_diagnostic(Path::new("r.toml"), text, &err);
        assert_eq!(d.code, "wrong-type");
        assert_eq!(&text[d.span.unwrap()], "\"po\"");
    }

    #[test]
    fn syntax_error_is_located() {
        let text = "id = \"x\nname = 3\n";
        let err = toml::from_str::<RawRegion>(text).unwrap_err();
        let d = toml_diagnostic(Path::new("r.toml"), text, &err);
        assert_eq!(d.code, "toml-syntax");
        assert!(d.span.is_some());
    }
}
