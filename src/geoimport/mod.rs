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
use crate::model::Model;
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
            Diagnostic::error("no-boundaries", "the content has no boundaries to compare with")
                .in_file("content/publication.toml")
                .with_help("name the current year's municipality-boundaries and province-boundaries in [geography]"),
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
        Box::new(Diagnostic::error(
            "write-failed",
            format!("cannot make the list: {e}"),
        ))
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
                    format!("cannot read {}: {e}", slash(&region.file)),
                )
                .in_file(&region.file),
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
                        format!("the province \"{p}\" is not in the {year} boundaries"),
                    )
                    .in_file(&region.file)
                    .with_help("name the region's provinces as the new province file does"),
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
                Diagnostic::warning("municipality-in-no-region", format!("{} ({}) will be in no region", n.name, n.code))
                    .with_help("if it belongs to a region, add it to that region's municipalities after the import"),
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
            Diagnostic::error(
                "cannot-update",
                format!("cannot update {}: {e}", display_path(file)),
            )
            .in_file(file)
            .with_help("the file changed since it was checked; run the import again"),
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
                Diagnostic::error(
                    "unreadable-file",
                    format!("cannot read {}: {e}", display_path(file)),
                )
                .in_file(file),
            )
        })
}

/// Reads and parses one boundary file.
fn read_division(path: &Path, kind: Kind) -> Result<Division, Box<Diagnostic>> {
    let unreadable = |e: String| {
        Box::new(
            Diagnostic::error(
                "unreadable-file",
                format!("cannot read {}: {e}", display_path(path)),
            )
            .in_file(path),
        )
    };
    let size = fs::metadata(path)
        .map_err(|e| unreadable(e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "{} MB is more than the {} MB a boundary file may have",
            size / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Box::new(
            Diagnostic::error(
                "bad-boundaries",
                format!("{} is not GeoJSON: not UTF-8 text", display_path(path)),
            )
            .in_file(path),
        )
    })?;
    read::parse(path, &text, kind)
}

/// A diagnostic about one of the project's own files, named project-relative.
fn project_file(mut d: Box<Diagnostic>, relative: &Path) -> Box<Diagnostic> {
    d.file = Some(relative.to_path_buf());
    d.help.push(
        "the content's own boundaries must read too; restore them from the repository".into(),
    );
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
                        format!("{} ({}) lies in no province", m.name, m.code),
                    )
                    .in_file(file)
                    .with_help(
                        "give municipalities and provinces of the same year and coordinate system",
                    ),
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
                    format!(
                        "{} ({}) is gone in {year}, and none of its area is in the new boundaries",
                        g.name, g.code
                    ),
                )
                .with_help("check that the file covers the whole country"),
            );
            continue;
        };
        let mut d = Diagnostic::note(
            "municipality-gone",
            format!(
                "{} ({}) is gone in {year}: {} % of its area is in {} ({})",
                g.name, g.code, s.percent, s.name, s.code
            ),
        );
        if g.into.len() > 1 {
            let rest: Vec<String> = g.into[1..]
                .iter()
                .map(|s| format!("{} {} %", s.name, s.percent))
                .collect();
            d = d.with_note(format!("the rest lies in {}", rest.join(", ")));
        }
        if s.percent < 90 {
            d.severity = crate::diagnostics::Severity::Warning;
            d.code = "municipality-split";
            d = d.with_help(format!("{} is proposed for the regions that named {}; check whether the other parts belong to other regions", s.name, g.name));
        }
        out.push(d);
    }
    for r in &c.renamed {
        out.push(Diagnostic::note(
            "municipality-renamed",
            format!(
                "{} is called \"{}\" from {year} (was \"{}\" in {old_year})",
                r.code, r.new_name, r.old_name
            ),
        ));
    }
    for n in &c.new {
        let from: Vec<String> = n
            .from
            .iter()
            .map(|s| format!("{} ({} %)", s.name, s.percent))
            .collect();
        let mut d = Diagnostic::note(
            "municipality-new",
            format!("{} ({}) is new in {year}", n.name, n.code),
        );
        if !from.is_empty() {
            d = d.with_note(format!("its area was {} in {old_year}", from.join(", ")));
        }
        out.push(d);
    }
    out
}

/// The report on one line of a region file.
fn line_report(file: &Path, e: &NameEdit, year: i32) -> Diagnostic {
    let written = &e.written;
    match &e.change {
        NameChange::Merged { name, percent, .. } => Diagnostic::warning(
            "gone-municipality",
            format!("\"{written}\" is gone in {year}"),
        )
        .at(
            file,
            e.span.clone(),
            format!("merged into {name} ({percent} % of its area)"),
        )
        .with_help(format!("write \"{name}\" (--apply does)")),
        NameChange::MergedListed { name, percent } => Diagnostic::warning(
            "gone-municipality",
            format!("\"{written}\" is gone in {year}"),
        )
        .at(
            file,
            e.span.clone(),
            format!(
                "merged into {name} ({percent} % of its area), which this region lists already"
            ),
        )
        .with_help("remove this line (--apply does)"),
        NameChange::Renamed { name } => Diagnostic::warning(
            "renamed-municipality",
            format!("\"{written}\" is called \"{name}\" from {year}"),
        )
        .at(file, e.span.clone(), "renamed")
        .with_help(format!("write \"{name}\" (--apply does)")),
        NameChange::Vanished => Diagnostic::error(
            "gone-municipality",
            format!("\"{written}\" is gone in {year}"),
        )
        .at(
            file,
            e.span.clone(),
            "none of its area is in the new boundaries",
        )
        .with_help("remove it or name its successor by hand"),
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
                    format!("this text names the {old_year} division"),
                )
                .at(file, start..start + old.len(), format!("still {old_year}"))
                .with_help(format!(
                    "if it describes the maps or the municipalities, make it {year} by hand"
                )),
            );
        }
        offset += line.len();
    }
    out
}
