//! Stage 4 (render): view JSON + layout → a laid-out Typst document.
//!
//! A [`Renderer`] is made once per process: it loads the fonts, fixes the date and keeps one
//! standard library per set of `sys.inputs`. Each document then gets its own light
//! [`DocumentWorld`]; Typst's memo caches are process-wide, so the layout's parsing, evaluation
//! and shaping are shared between documents compiled in the same process.

pub mod draw;
pub mod fonts;
pub mod glyphs;
pub mod labels;
pub mod world;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::FileId;
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};
use typst_layout::PagedDocument;

use crate::Error;
use crate::Profile;
use crate::diagnostics::{Diagnostic, Sources};
use crate::i18n::Msg;
use crate::msg;
pub use fonts::Fonts;
use world::{DocumentWorld, ProjectFiles, file_id, library};

/// Virtual path at which a document's view JSON is served. It never exists on disk, and is
/// the same for every document so the standard library (built from `sys.inputs`) is shared.
pub const DATA_PATH: &str = "/.drukwerk/data.json";

/// Virtual path of the build's maps ([`crate::view::maps::MapsView`]), given to the layouts
/// as `sys.inputs.maps`: the same file for every document of a build, so `layouts/maps.typ`
/// decodes it and draws the maps once, and a recompile after a content edit reuses that.
pub const MAPS_PATH: &str = "/.drukwerk/maps.json";

/// Compiles documents; one per process (a long-lived driver keeps it between builds).
#[derive(Clone)]
pub struct Renderer {
    root: PathBuf,
    project: Arc<ProjectFiles>,
    fonts: Arc<Fonts>,
    today: Datetime,
    libraries: Arc<Mutex<Libraries>>,
    /// Whether the engine draws the maps' geometry ([`draw`]); otherwise the layouts do.
    engine_draws: bool,
    /// Whether this renderer lays the same documents out again and again, keeping Typst's
    /// caches (`serve`): the layouts then favour fewer layout passes over less work in the
    /// first one ([`Renderer::for_relayout`]).
    relayout: bool,
    /// The last maps file handed to Typst: the same bytes keep the same `Bytes` (whose hash
    /// Typst computes once, and checks on every compile that reads the file).
    maps: Arc<Mutex<Option<LastMaps>>>,
}

/// The standard library per edition, way of drawing the maps and [`Renderer::for_relayout`]
/// (its `sys.inputs` differ).
type Libraries = HashMap<(Profile, bool, bool), Arc<LazyHash<Library>>>;

/// A maps file: the `Bytes` Typst was given for it (as it is when the layouts draw the maps,
/// without the points when the engine does, see [`without_points`]), and the file as the
/// engine reads it.
struct LastMaps {
    bytes: Bytes,
    without_points: std::sync::OnceLock<Bytes>,
    decoded: Arc<Decoded>,
}

impl LastMaps {
    /// What Typst reads of this maps file.
    fn for_typst(&self, engine_draws: bool) -> Bytes {
        if engine_draws {
            self.without_points
                .get_or_init(|| Bytes::new(without_points(&self.decoded.json)))
                .clone()
        } else {
            self.bytes.clone()
        }
    }
}

/// The keys under which the maps file holds geometry: a list of rings or lines, each a flat
/// list of coordinates (`docs/data-contract.md`).
const GEOMETRY: [&[u8]; 8] = [
    b"rings",
    b"land",
    b"water",
    b"provinces",
    b"fill",
    b"shared",
    b"inner",
    b"borders",
];

/// The maps file `json` with every ring and line under a [`GEOMETRY`] key emptied (`[]`), the
/// lists of them kept as long: what the layouts read when the engine draws the maps. They
/// never look at a point then (they pass where the rings are, and the engine draws them from
/// its own copy), but Typst would decode every coordinate into a value and hash the maps'
/// dictionaries with them whenever one is passed to a function. A single pass over the
/// bytes: strings are skipped as strings (a key is a key only outside of one).
fn without_points(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() / 2);
    let mut i = 0;
    // The last string read, while nothing but `:` and white space followed it: the key of a
    // list that opens next.
    let mut last_string: Option<(usize, usize)> = None;
    while i < json.len() {
        let b = json[i];
        match b {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < json.len() && json[j] != b'"' {
                    j += if json[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(json.len());
                out.extend_from_slice(&json[i..(end + 1).min(json.len())]);
                last_string = Some((start, end));
                i = end + 1;
                continue;
            }
            b'[' => {
                let key = last_string.take().map(|(s, e)| &json[s..e]);
                if key.is_some_and(|k| GEOMETRY.contains(&k)) && json.get(i + 1) == Some(&b'[') {
                    // A list of coordinate lists (numbers only, no strings, no nesting):
                    // keep each inner list's brackets and the commas between them.
                    out.push(b'[');
                    i += 1;
                    while i < json.len() && json[i] != b']' {
                        match json[i] {
                            b'[' => {
                                out.extend_from_slice(b"[]");
                                while i < json.len() && json[i] != b']' {
                                    i += 1;
                                }
                            }
                            c => out.push(c),
                        }
                        i += 1;
                    }
                    continue;
                }
            }
            b':' | b' ' | b'\n' | b'\t' | b'\r' => {
                out.push(b);
                i += 1;
                continue;
            }
            _ => {}
        }
        last_string = None;
        out.push(b);
        i += 1;
    }
    out
}

/// A maps file as the engine reads it to draw the maps' geometry ([`draw`]): decoded once, by
/// the first document that needs it.
struct Decoded {
    json: Arc<[u8]>,
    value: std::sync::OnceLock<Result<draw::Source, String>>,
}

impl Decoded {
    fn get(&self) -> Result<&draw::Source, draw::DrawError> {
        self.value
            .get_or_init(|| draw::Source::new(&self.json))
            .as_ref()
            .map_err(|e| draw::DrawError(format!("maps file: {e}")))
    }
}

/// A compiled document and what Typst warned about.
pub struct Compiled {
    /// The laid-out document.
    pub document: PagedDocument,
    /// Warnings from the layout.
    pub warnings: Vec<Diagnostic>,
}

impl Renderer {
    /// Loads the fonts from `root/fonts`. `today` is what the layouts see as the current date.
    pub fn new(root: &Path, today: chrono::NaiveDate) -> Result<Self, Error> {
        Self::with_fonts(root, Fonts::load(&root.join("fonts")), today)
    }

    /// Like [`Renderer::new`], with fonts read elsewhere (see [`Fonts::load_in_background`]).
    pub fn with_fonts(
        root: &Path,
        fonts: Result<Fonts, Error>,
        today: chrono::NaiveDate,
    ) -> Result<Self, Error> {
        let root = root.canonicalize().map_err(|e| {
            Error::Io(crate::msg!(
                "error-project-root",
                path = root.display().to_string(),
                reason = crate::content::problems::io_reason(&e)
            ))
        })?;
        let fonts = Arc::new(fonts?);
        let today = to_datetime(today);
        Ok(Self {
            project: Arc::new(ProjectFiles::new(&root)),
            root,
            fonts,
            today,
            libraries: Arc::new(Mutex::new(HashMap::new())),
            maps: Arc::new(Mutex::new(None)),
            engine_draws: true,
            relayout: false,
        })
    }

    /// The same renderer (files, fonts, libraries shared) with another date for `today()`.
    pub fn with_date(&self, today: chrono::NaiveDate) -> Self {
        Self {
            today: to_datetime(today),
            ..self.clone()
        }
    }

    /// The same renderer, but the layouts draw the maps' geometry themselves, as they do when
    /// Typst runs them alone (for comparing the two; see [`draw`]).
    pub fn with_maps_drawn_by_layouts(&self) -> Self {
        Self {
            engine_draws: false,
            ..self.clone()
        }
    }

    /// The same renderer, for a driver that lays the same documents out again after every
    /// edit and keeps Typst's caches between (`serve`). The layouts get `sys.inputs.relayout`:
    /// what only lists pages (the register) is then laid out in Typst's first pass too, which
    /// a recompile takes from the cache, and the book needs two passes; a build that lays it
    /// out once leaves it out of the first pass instead and takes a third, cheap one. The
    /// documents are the same either way.
    pub fn for_relayout(&self) -> Self {
        Self {
            relayout: true,
            ..self.clone()
        }
    }

    /// The same renderer with other fonts (files and libraries shared).
    pub fn with_other_fonts(&self, fonts: Fonts) -> Self {
        Self {
            fonts: Arc::new(fonts),
            ..self.clone()
        }
    }

    /// Forgets what was read from the project's files (layouts, images the layouts read), so
    /// the next compile sees them as they are on disk now.
    pub fn reload_files(&self) {
        self.project.reset();
    }

    /// The canonical project root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn library(&self, profile: Profile) -> Arc<LazyHash<Library>> {
        let mut map = self.libraries.lock().unwrap_or_else(|e| e.into_inner());
        let engine = self.engine_draws;
        let relayout = self.relayout;
        map.entry((profile, engine, relayout))
            .or_insert_with(|| {
                Arc::new(library(&[
                    ("data", DATA_PATH),
                    ("maps", MAPS_PATH),
                    ("profile", profile.id()),
                    // The engine draws the maps' geometry after layout (draw.rs).
                    ("draw", if engine { "engine" } else { "typst" }),
                    ("relayout", if relayout { "yes" } else { "no" }),
                ]))
            })
            .clone()
    }

    /// `maps` as Typst bytes and as the engine reads them: the same as last time when they
    /// are the same bytes.
    fn maps_bytes(&self, maps: &Arc<[u8]>) -> (Bytes, Arc<Decoded>) {
        let mut last = self.maps.lock().unwrap_or_else(|e| e.into_inner());
        match last.as_ref() {
            Some(known)
                if Arc::ptr_eq(&known.decoded.json, maps) || *known.decoded.json == **maps =>
            {
                (known.for_typst(self.engine_draws), known.decoded.clone())
            }
            _ => {
                let decoded = Arc::new(Decoded {
                    json: maps.clone(),
                    value: std::sync::OnceLock::new(),
                });
                let known = LastMaps {
                    bytes: Bytes::new(maps.clone()),
                    without_points: std::sync::OnceLock::new(),
                    decoded: decoded.clone(),
                };
                let bytes = known.for_typst(self.engine_draws);
                *last = Some(known);
                // The engine draws from the file after layout. Decoded on a thread of its own
                // meanwhile: Typst evaluates the layout on one core first, and the draw then
                // finds it ready (or waits for the rest; `OnceLock` decodes it once).
                if self.engine_draws {
                    let decoded = decoded.clone();
                    std::thread::spawn(move || {
                        let _ = decoded.get();
                    });
                }
                (bytes, decoded)
            }
        }
    }

    /// Compiles `layout` (root-relative, e.g. `layouts/publication.typ`) with `data` as its view
    /// JSON and `maps` as the build's maps. Layout errors come back as diagnostics pointing
    /// into `layouts/`, with the layout text added to `sources`.
    pub fn compile(
        &self,
        layout: &str,
        data: Vec<u8>,
        maps: &Arc<[u8]>,
        profile: Profile,
        images: &crate::images::Prepared,
        sources: &Mutex<Sources>,
    ) -> Result<Compiled, Vec<Diagnostic>> {
        let main = file_id(&format!("/{layout}")).ok_or_else(|| {
            vec![Diagnostic::error(
                "bad-layout-path",
                msg!("bad-layout-path", layout = layout),
            )]
        })?;
        let data_id = file_id(DATA_PATH)
            .ok_or_else(|| vec![Diagnostic::error("internal", msg!("internal-data-path"))])?;
        let maps_id = file_id(MAPS_PATH)
            .ok_or_else(|| vec![Diagnostic::error("internal", msg!("internal-data-path"))])?;
        let (maps_bytes, decoded) = self.maps_bytes(maps);
        // When the engine draws, it also reads the rank strips' values and hands each
        // region's figures over as a file of their own (see `draw::ViewParts`).
        let mut parts = if self.engine_draws {
            draw::ViewParts::new(&data).map_err(|e| {
                vec![
                    Diagnostic::error("internal", msg!("internal-draw"))
                        .with_note(Msg::verbatim(format!("view: {e}"))),
                ]
            })?
        } else {
            draw::ViewParts::default()
        };
        let mut overlay = HashMap::from([(data_id, Bytes::new(data)), (maps_id, maps_bytes)]);
        for (id, json) in std::mem::take(&mut parts.figures) {
            if let Some(file) = file_id(&draw::ViewParts::figures_path(&id)) {
                overlay.insert(file, Bytes::new(json));
            }
        }
        // Prepared images replace the files on disk at the same paths.
        for (path, bytes) in images {
            if let Some(id) = file_id(path) {
                overlay.insert(id, bytes.clone());
            }
        }
        let world = DocumentWorld::new(
            self.project.clone(),
            main,
            overlay,
            self.library(profile),
            self.fonts.clone(),
            self.today,
        );
        if let Err(err) = world.source(main) {
            return Err(vec![
                Diagnostic::error("missing-layout", msg!("missing-layout", layout = layout))
                    .with_help(msg!("missing-layout.help"))
                    // Typst's words for what went wrong with the file.
                    .with_note(Msg::verbatim(err.to_string())),
            ]);
        }
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let warnings = convert(&world, &warnings, sources);
        match output {
            Ok(document) => {
                match draw::draw(document, || decoded.get(), &parts.strips, &self.fonts) {
                    Ok(document) => Ok(Compiled { document, warnings }),
                    Err(e) => Err(vec![
                        Diagnostic::error("internal", msg!("internal-draw"))
                            .with_note(Msg::verbatim(e.0)),
                    ]),
                }
            }
            Err(errors) => {
                let mut all = convert(&world, &errors, sources);
                all.extend(warnings);
                Err(all)
            }
        }
    }
}

/// Converts Typst diagnostics into ours, pointing into the layout files. Typst's message and
/// hints are Typst's words and stay as they are (in English); drukwerk adds, in the reader's
/// language, that this is Typst's message about a layout, and where each step of the trace is.
pub fn convert(
    world: &DocumentWorld,
    diagnostics: &[SourceDiagnostic],
    sources: &Mutex<Sources>,
) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .map(|d| {
            let message = Msg::verbatim(d.message.to_string());
            let mut out = match d.severity {
                TypstSeverity::Error => Diagnostic::error("layout", message),
                TypstSeverity::Warning => Diagnostic::warning("layout", message),
            };
            let frame = match locate(world, d.span, sources) {
                Some((path, range)) => {
                    let frame = msg!("layout-typst", file = &path);
                    out = out.at(path, range, Msg::empty());
                    frame
                }
                None => msg!("layout-typst-somewhere"),
            };
            for hint in &d.hints {
                out = out.with_help(Msg::verbatim(hint.v.to_string()));
            }
            out = out.with_note(frame);
            for point in &d.trace {
                let what = point.v.to_string();
                let note = match locate(world, point.span.into(), sources) {
                    Some((p, r)) => {
                        let s = sources.lock().unwrap_or_else(|e| e.into_inner());
                        let (line, col) = s.line_col(&p, r.start).unwrap_or((0, 0));
                        // `layouts/x.typ:12:5`: a place, not a number to group.
                        let place =
                            format!("{}:{line}:{col}", crate::diagnostics::display_path(&p));
                        msg!("layout-trace", what = what, place = place)
                    }
                    None => Msg::verbatim(what),
                };
                out = out.with_note(note);
            }
            out
        })
        .collect()
}

/// File and byte range of a Typst span; remembers the file's text for rendering.
fn locate(
    world: &DocumentWorld,
    span: typst::syntax::DiagSpan,
    sources: &Mutex<Sources>,
) -> Option<(PathBuf, std::ops::Range<usize>)> {
    let id: FileId = span.id()?;
    let range = world.range(span)?;
    let name = world.name(id);
    let text = match world.source(id) {
        Ok(source) => source.text().to_string(),
        Err(_) => String::from_utf8_lossy(world.file(id).ok()?.as_slice()).into_owned(),
    };
    let path = PathBuf::from(name);
    let mut s = sources.lock().unwrap_or_else(|e| e.into_inner());
    if s.get(&path).is_none() {
        s.insert(path.clone(), text);
    }
    Some((path, range))
}

/// Visits every item of a laid-out frame, groups included, with the transform from the item's
/// own coordinates to the frame's (the positions and transforms of the enclosing groups and the
/// item's position), for checks that read the document after layout.
pub fn for_each_item(
    frame: &typst::layout::Frame,
    transform: typst::layout::Transform,
    visit: &mut dyn FnMut(&typst::layout::FrameItem, typst::layout::Transform),
) {
    for (pos, item) in frame.items() {
        let here = transform.pre_concat(typst::layout::Transform::translate(pos.x, pos.y));
        if let typst::layout::FrameItem::Group(group) = item {
            for_each_item(&group.frame, here.pre_concat(group.transform), visit);
        } else {
            visit(item, here);
        }
    }
}

fn to_datetime(date: chrono::NaiveDate) -> Datetime {
    use chrono::Datelike;
    Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
        .unwrap_or(Datetime::from_ymd(1970, 1, 1).expect("1970-01-01 is a valid date"))
}

#[cfg(test)]
mod tests {
    use super::without_points;

    fn stripped(json: &str) -> serde_json::Value {
        serde_json::from_slice(&without_points(json.as_bytes())).expect("still JSON")
    }

    #[test]
    fn the_layouts_get_the_maps_without_their_points_and_nothing_else_changed() {
        let json = r#"{"geo":{"width":1000,"land":[[1,2,3,4,5,6],[7,8,9,10,11,12]],"water":[]},"overviews":[{"alt":"a \"rings\":[[1,2]] b","regions":[{"rings":[[1,2,3,4,5,6],[]],"label_at":[3,4],"number":1}],"overlaps":[{"rings":[[1,2,3,4,5,6]],"regions":[1,2]}]}],"regions":{"x":{"page":{"fill":[[1,2,3,4,5,6]],"inner":[[1,2,3,4]],"windows":[{"extent":[1,2,3,4],"labels":[{"text":"Ede","x":1.5}]}]}}}}"#;
        let expected: serde_json::Value = serde_json::from_str(
            r#"{"geo":{"width":1000,"land":[[],[]],"water":[]},"overviews":[{"alt":"a \"rings\":[[1,2]] b","regions":[{"rings":[[],[]],"label_at":[3,4],"number":1}],"overlaps":[{"rings":[[]],"regions":[1,2]}]}],"regions":{"x":{"page":{"fill":[[]],"inner":[[]],"windows":[{"extent":[1,2,3,4],"labels":[{"text":"Ede","x":1.5}]}]}}}}"#,
        )
        .unwrap();
        assert_eq!(stripped(json), expected);
    }

    #[test]
    fn the_real_maps_lose_only_their_points() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let model = crate::project::check(root)
            .model
            .expect("the shipped content checks");
        let maps = crate::jobs::Maps::new(&model).expect("maps");
        let full: serde_json::Value = serde_json::from_slice(&maps.bytes).unwrap();
        let without = stripped(std::str::from_utf8(&maps.bytes).unwrap());
        assert!(without_points(&maps.bytes).len() * 4 < maps.bytes.len() * 3);
        // Emptying every coordinate list of the full file gives the same.
        fn empty_points(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(o) => o.iter_mut().for_each(|(k, v)| {
                    if super::GEOMETRY.contains(&k.as_bytes())
                        && let serde_json::Value::Array(lists) = v
                    {
                        lists.iter_mut().for_each(|l| *l = serde_json::json!([]));
                    } else {
                        empty_points(v);
                    }
                }),
                serde_json::Value::Array(a) => a.iter_mut().for_each(empty_points),
                _ => {}
            }
        }
        let mut expected = full;
        empty_points(&mut expected);
        assert_eq!(without, expected);
    }
}
