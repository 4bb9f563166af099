//! Stage 2 (validate): raw content → [`Model`], collecting every problem on the way.
//!
//! Validation never stops at the first problem: each rule adds diagnostics (with file, span and a
//! suggested fix) and carries on, so one run lists everything. A [`Model`] comes out only when
//! there are no errors; warnings travel along with it.

mod files;
mod geography;
mod images;
pub use images::decode_limits as image_decode_limits;
mod print;
mod publication;
mod regions;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use crate::content::RawContent;
use crate::diagnostics::{Diagnostic, Severity};
use crate::gazetteer::Gazetteer;
use crate::geo::{Geo, GeoCache, GeoError};
use crate::i18n::Msg;
use crate::model::{Case, CaseKind, Model};
use crate::msg;
use crate::richtext;
use crate::suggest::did_you_mean;

/// Warnings that content may acknowledge with `[[allow]] lint = "…"` in a region file.
pub const ALLOWABLE_LINTS: &[&str] = &[
    "identical-figures",
    "duplicate-municipality",
    "figures-contradict-sectors",
    "no-municipalities",
];

/// Validates raw content. Appends problems to `diagnostics`; returns the model when there are no
/// errors (among the new diagnostics or the ones already there, such as load errors).
pub fn validate(root: &Path, raw: RawContent, diagnostics: &mut Vec<Diagnostic>) -> Option<Model> {
    validate_with(root, raw, &GeoCache::default(), diagnostics)
}

/// Like [`validate`], with the boundaries parsed at most once per version of the files: a
/// long-lived driver (serve) keeps `cache` between runs.
pub fn validate_with(
    root: &Path,
    raw: RawContent,
    cache: &GeoCache,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Model> {
    let geography = geography::geography(&raw, diagnostics);
    let gazetteer = gazetteer(&raw, diagnostics);
    let publication = raw
        .publication
        .as_ref()
        .and_then(|p| publication::publication(root, &p.path, &p.value, diagnostics));
    // Without publication.toml the key figures are unknown: region figures are then not
    // checked, rather than reported as unknown one by one.
    let key_figures = raw
        .publication
        .as_ref()
        .map(|p| publication::key_figures(&p.path, &p.value, diagnostics));
    if let Some(palette) = &raw.palette {
        let limit = publication
            .as_ref()
            .map_or(crate::model::DEFAULT_MAX_COVERAGE, |p| p.print.max_coverage);
        print::palette(palette, limit, diagnostics);
    }
    let themes = publication::themes(&raw.themes, diagnostics);
    let regions = match &gazetteer {
        Some(g) => {
            let all_loaded = !raw.broken.iter().any(|p| p.starts_with("content/regions"));
            regions::regions(
                root,
                &raw.regions,
                all_loaded,
                key_figures.as_deref(),
                g,
                diagnostics,
            )
        }
        None => Vec::new(),
    };
    let theme_ids: Vec<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    let region_ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
    let broken = broken_ids(&raw);
    let known = Known {
        themes: &theme_ids,
        regions: &region_ids,
        broken: &broken,
    };
    let cases = cases(root, &raw, &known, diagnostics);
    let geo = match &gazetteer {
        Some(g) => geo(&raw, g, cache, diagnostics),
        None => None,
    };
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return None;
    }
    Some(Model {
        publication: publication?,
        key_figures: key_figures?,
        themes,
        cases,
        regions,
        gazetteer: gazetteer?,
        geography: geography?,
        geo,
    })
}

fn gazetteer(raw: &RawContent, diagnostics: &mut Vec<Diagnostic>) -> Option<Gazetteer> {
    let Some(list) = &raw.municipality_list else {
        // load() already reported why the file could not be read.
        return None;
    };
    // The list is only loaded when `[geography]` names it.
    let year = raw.geography.as_ref().map_or(0, |g| *g.year.get_ref());
    match Gazetteer::parse(&list.value) {
        Ok(g) => Some(g.of(i32::try_from(year).unwrap_or(0), &list.path)),
        Err(err) => {
            let mut d = Diagnostic::error(
                "bad-municipality-list",
                msg!(
                    "bad-municipality-list",
                    file = &list.path,
                    problem = err.problem()
                ),
            )
            .in_file(&list.path)
            .with_help(msg!("bad-municipality-list.help"));
            // The CSV reader's own words, when they say more than "line 4".
            if let Some(detail) = err.detail {
                d = d.with_note(Msg::verbatim(detail));
            }
            diagnostics.push(d);
            None
        }
    }
}

/// Parses the boundaries, if the project has them, and checks they cover every municipality.
fn geo(
    raw: &RawContent,
    gazetteer: &Gazetteer,
    cache: &GeoCache,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Arc<Geo>> {
    let (municipalities, provinces) = match (&raw.municipality_boundaries, &raw.province_boundaries)
    {
        (Some(m), Some(p)) => (m, p),
        (None, None) => return None,
        (Some(file), None) | (None, Some(file)) => {
            diagnostics.push(
                Diagnostic::error("incomplete-geo", msg!("incomplete-geo"))
                    .in_file(&file.path)
                    .with_help(msg!("incomplete-geo.help")),
            );
            return None;
        }
    };
    let geo = match cache.parse(&municipalities.value, &provinces.value) {
        Ok(geo) => geo,
        Err(err) => {
            let (file, message, detail) = match err {
                GeoError::Municipalities(detail) => (
                    &municipalities.path,
                    msg!("bad-geo-municipalities"),
                    Some(detail),
                ),
                GeoError::Provinces(detail) => {
                    (&provinces.path, msg!("bad-geo-provinces"), Some(detail))
                }
                GeoError::EmptyBbox => (&municipalities.path, msg!("bad-geo-bbox"), None),
            };
            let d = Diagnostic::error("bad-geo", message)
                .in_file(file)
                .with_help(msg!("bad-geo-municipalities.help"));
            // serde_json's words (with line and column) as a note: they say where.
            diagnostics.push(match detail {
                Some(detail) => d.with_note(Msg::verbatim(detail)),
                None => d,
            });
            return None;
        }
    };
    let missing: Vec<&str> = gazetteer
        .all()
        .iter()
        .filter(|m| geo.municipalities.get(&m.code).is_none_or(|r| r.is_empty()))
        .map(|m| m.name.as_str())
        .collect();
    if !missing.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                "incomplete-geo",
                msg!("incomplete-geo-missing", count = missing.len()),
            )
            .in_file(&municipalities.path)
            .with_note(msg!("incomplete-geo-missing.note", names = &missing))
            .with_help(msg!("incomplete-geo-missing.help")),
        );
        return None;
    }
    Some(geo)
}

/// Validates cases: ids, kinds and references to themes and regions.
fn cases(
    root: &Path,
    raw: &RawContent,
    known: &Known,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Case> {
    let mut ids = IdRegistry::new(msg!("validate-what-case"));
    let mut out = Vec::new();
    for file in &raw.cases {
        let c = &file.value;
        let path = &file.path;
        let id_ok = ids.register(path, &c.id, diagnostics);
        let kind = match c.kind.get_ref().as_str() {
            "case" => Some(CaseKind::Case),
            "story" => Some(CaseKind::Story),
            other => {
                let mut d = Diagnostic::error("unknown-kind", msg!("unknown-kind", kind = other))
                    .at(path, c.kind.span(), msg!("unknown-kind.label"));
                if let Some(best) = did_you_mean(other, ["case", "story"]) {
                    d = d.with_help(msg!("validate-did-you-mean", name = best));
                }
                diagnostics.push(d);
                None
            }
        };
        let theme = resolve(
            path,
            &c.theme,
            Target::Theme,
            known.themes,
            known.broken,
            diagnostics,
        );
        let region = resolve(
            path,
            &c.region,
            Target::Region,
            known.regions,
            known.broken,
            diagnostics,
        );
        let image = c
            .image
            .as_ref()
            .map(|i| images::image(root, path, i, diagnostics));
        if let (true, Some(kind), Some(theme), Some(region)) = (id_ok, kind, theme, region) {
            out.push(Case {
                id: c.id.get_ref().clone(),
                kind,
                theme,
                region,
                title: required_text(path, &c.title, "title", diagnostics),
                summary: required_text(path, &c.summary, "summary", diagnostics),
                body: richtext::parse(c.body.get_ref()),
                image: image.flatten(),
            });
        }
    }
    out
}

/// What a reference points at.
#[derive(Debug, Clone, Copy)]
enum Target {
    Theme,
    Region,
}

/// Resolves a reference by id, reporting unknown ids with the closest known one.
fn resolve(
    path: &Path,
    reference: &Spanned<String>,
    what: Target,
    known: &[&str],
    broken: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let id = reference.get_ref();
    if let Some(i) = known.iter().position(|k| k == id) {
        return Some(i);
    }
    if broken.contains(id) {
        // The target exists but has errors of its own, already reported.
        return None;
    }
    let (code, message, label, list) = match what {
        Target::Theme => (
            "unknown-theme",
            msg!("validate-unknown-theme", id = id),
            msg!("validate-unknown-theme.label"),
            msg!("validate-unknown-theme.help"),
        ),
        Target::Region => (
            "unknown-region",
            msg!("validate-unknown-region", id = id),
            msg!("validate-unknown-region.label"),
            msg!("validate-unknown-region.help"),
        ),
    };
    let mut d = Diagnostic::error(code, message).at(path, reference.span(), label);
    match did_you_mean(id, known.iter().copied()) {
        Some(best) => d = d.with_help(msg!("validate-did-you-mean", name = best)),
        None => d = d.with_help(list),
    }
    diagnostics.push(d);
    None
}

/// A text field that must say something: an empty or blank one is an error at the field (a
/// nameless region or an untitled case would print as a gap in the publication).
pub fn required_text(
    path: &Path,
    raw: &Spanned<String>,
    field: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let value = raw.get_ref();
    if value.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("empty-text", msg!("empty-text", field = field))
                .at(path, raw.span(), msg!("empty-text.label"))
                .with_help(msg!("empty-text.help", field = field)),
        );
    }
    value.clone()
}

/// The ids references may point at.
struct Known<'a> {
    themes: &'a [&'a str],
    regions: &'a [&'a str],
    /// Ids (or file stems) of theme and region files that exist but did not validate.
    broken: &'a [String],
}

/// Ids of theme and region files that failed: their declared id when the file parsed, their
/// file stem when it did not (the convention is that the two agree).
fn broken_ids(raw: &RawContent) -> Vec<String> {
    let mut out: Vec<String> = raw
        .broken
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|stem| {
            stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-')
                .to_string()
        })
        .collect();
    out.extend(raw.regions.iter().map(|r| r.value.id.get_ref().clone()));
    out.extend(raw.themes.iter().map(|t| t.value.id.get_ref().clone()));
    out
}

/// Checks ids for format and uniqueness, remembering where each was defined.
struct IdRegistry {
    /// What the ids name (`validate-what-case`).
    what: Msg,
    seen: HashMap<String, (PathBuf, Range<usize>)>,
}

impl IdRegistry {
    fn new(what: Msg) -> Self {
        Self {
            what,
            seen: HashMap::new(),
        }
    }

    /// Registers an id; returns false (and reports) when it is malformed or taken.
    fn register(
        &mut self,
        path: &Path,
        id: &Spanned<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let value = id.get_ref();
        if !is_slug(value) {
            diagnostics.push(
                Diagnostic::error(
                    "bad-id",
                    msg!("bad-id", what = self.what.clone(), id = value),
                )
                .at(path, id.span(), msg!("bad-id.label"))
                .with_help(msg!("bad-id.help", slug = slugify(value))),
            );
            return false;
        }
        if let Some((other, _)) = self.seen.get(value) {
            diagnostics.push(
                Diagnostic::error(
                    "duplicate-id",
                    msg!("duplicate-id", what = self.what.clone(), id = value),
                )
                .at(path, id.span(), msg!("duplicate-id.label"))
                .with_note(msg!("duplicate-id.note", file = other))
                .with_help(msg!("duplicate-id.help")),
            );
            return false;
        }
        self.seen
            .insert(value.clone(), (path.to_path_buf(), id.span()));
        true
    }
}

/// `true` for `zwolle`, `noord-nederland-po`; false for `Zwolle`, `a--b`, `-a`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Makes a slug from any text (`Noord-Nederland (po)` → `noord-nederland-po`).
pub fn slugify(text: &str) -> String {
    let folded: String = crate::suggest::fold_keep_spaces(text);
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("noord-nederland-po"));
        assert!(!is_slug("Zwolle"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Noord-Nederland (po)"), "noord-nederland-po");
        assert_eq!(slugify("Súdwest Fryslân"), "sudwest-fryslan");
    }
}
