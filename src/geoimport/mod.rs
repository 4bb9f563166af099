//! `drukwerk geo import`: a new year's municipal division brought into the content, beside the
//! pipeline like `figures`.
//!
//! `read` parses the boundaries as PDOK and cartomap/nl publish them (RD New or WGS84,
//! `statcode`/`statnaam`), refusing anything else with a reason; `compare` finds what became
//! of every municipality the content uses (gone and where its area went, renamed, new), by
//! locating sample points of one division in the other; `apply` turns that into edits of the
//! region files and of `[geography]`; `write` makes the year's files in the engine's shape.
//! [`plan`] puts them together into everything an import would write and report, so the
//! command can show it, write nothing (`--dry-run`) or write it all at once.

pub mod apply;
pub mod compare;
pub mod read;
pub mod write;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, display_path};
use crate::geo::Ring;
use crate::i18n::Msg;
use crate::model::Model;
use crate::msg;
use apply::{NameChange, NameEdit, Switch};
use compare::{Comparison, Locator};
use read::{Division, Kind};
use write::ListRow;

/// Largest boundary file read (PDOK's most detailed national file is tens of megabytes).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The municipality boundaries (GeoJSON).
    pub municipalities: PathBuf,
    /// The province boundaries, when they are imported too.
    pub provinces: Option<PathBuf>,
    /// The year of the division (1 January).
    pub year: i32,
}

/// Everything an import would write and report.
#[derive(Debug)]
pub struct Plan {
    /// The new year.
    pub year: i32,
    /// The year the content uses.
    pub old_year: i32,
    /// Municipalities and provinces read.
    pub counts: (usize, usize),
    /// The coordinate system the municipalities came in.
    pub crs: read::Crs,
    /// Vertices before and after simplification, and the tolerance in metres, when the input
    /// was denser than the files the content uses.
    pub simplified: Option<(usize, usize, f64)>,
    /// What changed.
    pub comparison: Comparison,
    /// The report: the division's changes and every region line they touch.
    pub diagnostics: Vec<Diagnostic>,
    /// The year's files (project-relative path, bytes), and whether each differs from what
    /// is on disk.
    pub files: Vec<(PathBuf, Vec<u8>, bool)>,
    /// The region files to edit (project-relative), with their edits.
    pub regions: Vec<(PathBuf, Vec<NameEdit>)>,
    /// The new `[geography]` values.
    pub switch: Switch,
}

impl Plan {
    /// Lines in region files that change.
    pub fn changed_lines(&self) -> usize {
        self.regions
            .iter()
            .flat_map(|(_, e)| e)
            .filter(|e| e.change != NameChange::Vanished)
            .count()
    }
}

/// The attribution for a year's boundaries from CBS via PDOK, simplified by cartomap/nl:
/// the line the shipped 2025 files carry, with the years of this import.
pub fn attribution(municipalities: i32, provinces: i32) -> String {
    let what = if provinces == municipalities {
        format!("Gemeente- en provinciegrenzen {provinces}")
    } else {
        format!("Gemeentegrenzen {municipalities}, provinciegrenzen {provinces}")
    };
    format!(
        "{what}: © CBS, CBS Gebiedsindelingen via PDOK (CC BY 4.0); vereenvoudigd (cartomap/nl)."
    )
}

/// Reads the new boundaries and works out everything the import would do, writing nothing.
/// `model` is the checked content. An `Err` is a problem with the input or the project that
/// stops the import; problems found while comparing are in the plan's diagnostics.
pub fn plan(root: &Path, model: &Model, options: &Options) -> Result<Plan, Box<Diagnostic>> {
    let geography = &model.geography;
    let old_year = geography.year;
    let year = options.year;
    let (Some(old_m_path), Some(old_p_path)) = (
        &geography.municipality_boundaries,
        &geography.province_boundaries,
    ) else {
        return Err(Box::new(
            Diagnostic::error("no-boundaries", msg!("geo-no-boundaries"))
                .in_file("content/publication.toml")
                .with_help(msg!("geo-no-boundaries.help")),
        ));
    };
    let mut new = read_division(&options.municipalities, Kind::Municipalities)?;
    read::check_count(&options.municipalities, &new, Kind::Municipalities)?;
    let old = read_division(&root.join(old_m_path), Kind::Municipalities)
        .map_err(|d| project_file(d, old_m_path))?;
    let (mut provinces, province_year) = match &options.provinces {
        Some(path) => {
            let p = read_division(path, Kind::Provinces)?;
            read::check_count(path, &p, Kind::Provinces)?;
            (p, Some(year))
        }
        None => {
            let p = read_division(&root.join(old_p_path), Kind::Provinces)
                .map_err(|d| project_file(d, old_p_path))?;
            (p, None)
        }
    };
    let simplified = simplify_if_dense(&mut new, old.vertices());
    if options.provinces.is_some()
        && let Ok(old_provinces) = read_division(&root.join(old_p_path), Kind::Provinces)
    {
        simplify_if_dense(&mut provinces, old_provinces.vertices());
    }
    let rows = list_rows(&options.municipalities, &new, &provinces)?;
    let comparison = compare::compare(&old, &new);

    // The year's files, in the engine's shape.
    let bbox = write::bbox(&new);
    let list = write::list(&rows).map_err(|e| {
        Box::new(
            Diagnostic::error("write-failed", msg!("geo-list-failed"))
                .with_note(Msg::verbatim(e.to_string())),
        )
    })?;
    let list_path = PathBuf::from(format!("content/geo/gemeenten-{year}.csv"));
    let m_path = PathBuf::from(format!("content/geo/gemeenten-{year}.geojson"));
    let p_path = PathBuf::from(format!("content/geo/provincies-{year}.geojson"));
    let mut files = vec![
        (list_path.clone(), list.into_bytes()),
        (m_path.clone(), write::geojson(&new, bbox).into_bytes()),
    ];
    if options.provinces.is_some() {
        files.push((
            p_path.clone(),
            write::geojson(&provinces, bbox).into_bytes(),
        ));
    }
    let files: Vec<(PathBuf, Vec<u8>, bool)> = files
        .into_iter()
        .map(|(path, bytes)| {
            let differs = !fs::read(root.join(&path)).is_ok_and(|old| old == bytes);
            (path, bytes, differs)
        })
        .collect();
    let slash = display_path;
    let old_province_year = old_year_of(old_p_path).unwrap_or(old_year);
    let switch = Switch {
        year,
        municipality_list: slash(&list_path),
        municipality_boundaries: slash(&m_path),
        province_boundaries: options.provinces.as_ref().map(|_| slash(&p_path)),
        attribution: attribution(year, province_year.unwrap_or(old_province_year)),
    };

    let mut diagnostics = division_report(&comparison, old_year, year);
    let mut regions = Vec::new();
    let mut listed_after: HashSet<String> = HashSet::new();
    let province_names: HashSet<&str> = provinces.areas.iter().map(|a| a.name.as_str()).collect();
    for region in &model.regions {
        let text = read_text(root, &region.file)?;
        let edits = apply::name_edits(&text, &model.gazetteer, &comparison).map_err(|e| {
            Box::new(
                Diagnostic::error(
                    "cannot-update",
                    msg!("geo-unreadable-file", file = slash(&region.file)),
                )
                .in_file(&region.file)
                .with_note(Msg::verbatim(e.to_string())),
            )
        })?;
        for e in &edits {
            diagnostics.push(line_report(&region.file, e, year));
        }
        // What the region lists after the edits, to find new municipalities in no region.
        for &i in &region.municipalities {
            let code = &model.gazetteer.get(i).code;
            if new.get(code).is_some() {
                listed_after.insert(code.clone());
            }
        }
        for e in &edits {
            if let NameChange::Merged { code, .. } = &e.change {
                listed_after.insert(code.clone());
            }
        }
        for p in &region.provinces {
            if !province_names.contains(p.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-province",
                        msg!(
                            "geo-unknown-province",
                            province = p,
                            year = year.to_string()
                        ),
                    )
                    .in_file(&region.file)
                    .with_help(msg!("geo-unknown-province.help")),
                );
            }
        }
        if !edits.is_empty() {
            regions.push((region.file.clone(), edits));
        }
    }
    for n in &comparison.new {
        if !listed_after.contains(&n.code) && !model.regions.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "municipality-in-no-region",
                    msg!("geo-in-no-region", name = &n.name, code = &n.code),
                )
                .with_help(msg!("geo-in-no-region.help")),
            );
        }
    }
    if year != old_year {
        diagnostics.extend(year_in_text(root, old_year, year));
    }
    // The division's changes first, then by file and position, as check orders them.
    diagnostics.sort_by(|a, b| {
        (a.file.is_some(), &a.file, a.span.as_ref().map(|s| s.start)).cmp(&(
            b.file.is_some(),
            &b.file,
            b.span.as_ref().map(|s| s.start),
        ))
    });
    Ok(Plan {
        year,
        old_year,
        counts: (new.areas.len(), provinces.areas.len()),
        crs: new.crs,
        simplified,
        comparison,
        diagnostics,
        files,
        regions,
        switch,
    })
}

/// The region files' and `publication.toml`'s new bytes (absolute path, bytes), for the files
/// that change; nothing is written here, so one file that cannot be edited stops the import
/// before any file is touched.
pub fn edited_files(root: &Path, plan: &Plan) -> Result<Vec<(PathBuf, Vec<u8>)>, Box<Diagnostic>> {
    let mut out = Vec::new();
    let failed = |file: &Path, e: String| {
        Box::new(
            Diagnostic::error("cannot-update", msg!("geo-cannot-update", file = file))
                .in_file(file)
                .with_help(msg!("geo-cannot-update.help"))
                .with_note(Msg::verbatim(e)),
        )
    };
    for (file, edits) in &plan.regions {
        let (bom, text) = split_bom(
            fs::read_to_string(root.join(file)).map_err(|e| failed(file, e.to_string()))?,
        );
        let edited = apply::apply_names(&text, edits).map_err(|e| failed(file, e.to_string()))?;
        if edited != text {
            out.push((root.join(file), format!("{bom}{edited}").into_bytes()));
        }
    }
    let publication = Path::new("content/publication.toml");
    let (bom, text) = split_bom(
        fs::read_to_string(root.join(publication))
            .map_err(|e| failed(publication, e.to_string()))?,
    );
    let switched = apply::switch_publication(&text, &plan.switch)
        .map_err(|e| failed(publication, e.to_string()))?;
    if switched != text {
        out.push((
            root.join(publication),
            format!("{bom}{switched}").into_bytes(),
        ));
    }
    Ok(out)
}

fn split_bom(text: String) -> (&'static str, String) {
    match text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body.to_string()),
        None => ("", text),
    }
}

/// A file of the project as text (without BOM), for edits.
fn read_text(root: &Path, file: &Path) -> Result<String, Box<Diagnostic>> {
    fs::read_to_string(root.join(file))
        .map(|t| split_bom(t).1)
        .map_err(|e| {
            Box::new(
                Diagnostic::error("unreadable-file", msg!("geo-unreadable-file", file = file))
                    .in_file(file)
                    .with_note(Msg::verbatim(e.to_string())),
            )
        })
}

/// Reads and parses one boundary file.
fn read_division(path: &Path, kind: Kind) -> Result<Division, Box<Diagnostic>> {
    let unreadable = |why: Msg| {
        Box::new(
            Diagnostic::error("unreadable-file", msg!("geo-unreadable-file", file = path))
                .in_file(path)
                .with_note(why),
        )
    };
    let size = fs::metadata(path)
        .map_err(|e| unreadable(Msg::verbatim(e.to_string())))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(unreadable(msg!(
            "geo-file-too-large",
            megabytes = size / 1_000_000,
            max = MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = fs::read(path).map_err(|e| unreadable(Msg::verbatim(e.to_string())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Box::new(
            Diagnostic::error("bad-boundaries", msg!("geo-not-utf8", file = path)).in_file(path),
        )
    })?;
    read::parse(path, &text, kind)
}

/// A diagnostic about one of the project's own files, named project-relative.
fn project_file(mut d: Box<Diagnostic>, relative: &Path) -> Box<Diagnostic> {
    d.file = Some(relative.to_path_buf());
    d.help.push(crate::msg!("geo-own-boundaries-unreadable"));
    d
}

/// The year in a file name such as `provincies-2025.geojson`.
fn old_year_of(path: &Path) -> Option<i32> {
    let stem = path.file_stem()?.to_str()?;
    stem.rsplit('-').next()?.parse().ok()
}

/// The list rows: each municipality with the province that holds most of its area.
fn list_rows(
    file: &Path,
    municipalities: &Division,
    provinces: &Division,
) -> Result<Vec<ListRow>, Box<Diagnostic>> {
    let locator = Locator::new(provinces);
    municipalities
        .areas
        .iter()
        .map(|m| {
            let shares = locator.shares(m);
            let p = shares.first().ok_or_else(|| {
                Box::new(
                    Diagnostic::error(
                        "no-province",
                        msg!("geo-no-province", name = &m.name, code = &m.code),
                    )
                    .in_file(file)
                    .with_help(msg!("geo-no-province.help")),
                )
            })?;
            Ok(ListRow {
                code: m.code.clone(),
                name: m.name.clone(),
                province_code: p.code.clone(),
                province_name: p.name.clone(),
            })
        })
        .collect()
}

/// Tolerances tried, in metres, when the input is much denser than the content's files.
const TOLERANCES: [f64; 7] = [5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0];

/// Simplifies a division much denser than `reference` vertices (PDOK's own file, say) with
/// the engine's topology-keeping simplifier (`simplify.rs`), at the smallest tolerance that
/// brings it near the reference. cartomap/nl's files, which the shipped ones are, are left as
/// they are. Returns (before, after, tolerance) when it simplified.
fn simplify_if_dense(division: &mut Division, reference: usize) -> Option<(usize, usize, f64)> {
    let before = division.vertices();
    if reference == 0 || before <= reference * 2 {
        return None;
    }
    let rings: Vec<&Ring> = division
        .areas
        .iter()
        .flat_map(|a| a.polygons.iter().flatten())
        .collect();
    let mut chosen = None;
    for tolerance in TOLERANCES {
        let simplified = crate::simplify::rings(rings.iter().copied(), tolerance);
        let after: usize = simplified.iter().map(|r| r.len() / 2).sum();
        chosen = Some((simplified, after, tolerance));
        if after * 10 <= reference * 12 {
            break;
        }
    }
    let (simplified, after, tolerance) = chosen?;
    let mut simplified = simplified.into_iter();
    for ring in division
        .areas
        .iter_mut()
        .flat_map(|a| a.polygons.iter_mut().flatten())
    {
        if let Some(r) = simplified.next() {
            *ring = r;
        }
    }
    Some((before, after, tolerance))
}

/// Notes on the division's changes: gone (and where to), renamed, new.
fn division_report(c: &Comparison, old_year: i32, year: i32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for g in &c.gone {
        let Some(s) = g.successor() else {
            out.push(
                Diagnostic::error(
                    "municipality-vanished",
                    msg!(
                        "geo-municipality-vanished",
                        name = &g.name,
                        code = &g.code,
                        year = year.to_string()
                    ),
                )
                .with_help(msg!("geo-municipality-vanished.help")),
            );
            continue;
        };
        let mut d = Diagnostic::note(
            "municipality-gone",
            msg!(
                "geo-municipality-gone",
                name = &g.name,
                code = &g.code,
                year = year.to_string(),
                percent = s.percent,
                successor = &s.name,
                successor_code = &s.code
            ),
        );
        if g.into.len() > 1 {
            let rest: Vec<Msg> = g.into[1..]
                .iter()
                .map(|s| msg!("geo-share", name = &s.name, percent = s.percent))
                .collect();
            d = d.with_note(msg!("geo-municipality-gone.rest", rest = joined(rest)));
        }
        if s.percent < 90 {
            d.severity = crate::diagnostics::Severity::Warning;
            d.code = "municipality-split";
            d = d.with_help(msg!(
                "geo-municipality-gone.split",
                successor = &s.name,
                name = &g.name
            ));
        }
        out.push(d);
    }
    for r in &c.renamed {
        out.push(Diagnostic::note(
            "municipality-renamed",
            msg!(
                "geo-municipality-renamed",
                code = &r.code,
                name = &r.new_name,
                year = year.to_string(),
                old_name = &r.old_name,
                old_year = old_year.to_string()
            ),
        ));
    }
    for n in &c.new {
        let from: Vec<Msg> = n
            .from
            .iter()
            .map(|s| msg!("geo-share-in-brackets", name = &s.name, percent = s.percent))
            .collect();
        let mut d = Diagnostic::note(
            "municipality-new",
            msg!(
                "geo-municipality-new",
                name = &n.name,
                code = &n.code,
                year = year.to_string()
            ),
        );
        if !from.is_empty() {
            d = d.with_note(msg!(
                "geo-municipality-new.from",
                from = joined(from),
                old_year = old_year.to_string()
            ));
        }
        out.push(d);
    }
    out
}

/// Messages joined the reader's language's way: `a, b en c` (each item is made into text in
/// the same language as the whole).
fn joined(mut items: Vec<Msg>) -> Msg {
    match items.len() {
        0 => Msg::empty(),
        1 => items.remove(0),
        2 => {
            let last = items.remove(1);
            msg!("geo-list-and", first = items.remove(0), last = last)
        }
        _ => {
            let first = items.remove(0);
            msg!("geo-list-comma", first = first, rest = joined(items))
        }
    }
}

/// The report on one line of a region file.
fn line_report(file: &Path, e: &NameEdit, year: i32) -> Diagnostic {
    let written = e.written.as_str();
    let year = year.to_string();
    let gone = || msg!("geo-gone-municipality", name = written, year = &year);
    match &e.change {
        NameChange::Merged { name, percent, .. } => {
            Diagnostic::warning("gone-municipality", gone())
                .at(
                    file,
                    e.span.clone(),
                    msg!("geo-merged-into", name = name, percent = *percent),
                )
                .with_help(msg!("geo-write-successor", name = name))
        }
        NameChange::MergedListed { name, percent } => {
            Diagnostic::warning("gone-municipality", gone())
                .at(
                    file,
                    e.span.clone(),
                    msg!("geo-merged-into-listed", name = name, percent = *percent),
                )
                .with_help(msg!("geo-remove-line"))
        }
        NameChange::Renamed { name } => Diagnostic::warning(
            "renamed-municipality",
            msg!(
                "geo-renamed-municipality",
                name = written,
                new_name = name,
                year = &year
            ),
        )
        .at(file, e.span.clone(), msg!("geo-renamed-municipality.label"))
        .with_help(msg!("geo-write-successor", name = name)),
        NameChange::Vanished => Diagnostic::error("gone-municipality", gone())
            .at(file, e.span.clone(), msg!("geo-vanished.label"))
            .with_help(msg!("geo-vanished.help")),
    }
}

/// Lines of `publication.toml` outside `[geography]` that name the old division's year next
/// to boundaries or a division (the colophon, the sources): text only a person can update.
fn year_in_text(root: &Path, old_year: i32, year: i32) -> Vec<Diagnostic> {
    let file = Path::new("content/publication.toml");
    let Ok(text) = read_text(root, file) else {
        return Vec::new();
    };
    let old = old_year.to_string();
    let words = ["grenzen", "indeling", "gemeenten", "gemeente", "cbs"];
    let mut out = Vec::new();
    let mut offset = 0;
    let mut in_geography = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_geography = trimmed.starts_with("[geography]");
        }
        let lower = line.to_lowercase();
        if !in_geography
            && let Some(at) = line.find(&old)
            && words.iter().any(|w| lower.contains(w))
        {
            let start = offset + at;
            out.push(
                Diagnostic::warning(
                    "geography-year-in-text",
                    msg!("geo-year-in-text", old_year = &old),
                )
                .at(
                    file,
                    start..start + old.len(),
                    msg!("geo-year-in-text.label", old_year = &old),
                )
                .with_help(msg!("geo-year-in-text.help", year = year.to_string())),
            );
        }
        offset += line.len();
    }
    out
}
