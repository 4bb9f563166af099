//! Stage 1 (load): which geography files to read, as `[geography]` in `publication.toml`
//! names them (the year's municipality list and boundaries).
//!
//! The table is read even when the rest of `publication.toml` has a mistake, so that one
//! `check` run still checks the regions' municipality names.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use super::raw::{RawGeography, RawPublication};
use crate::diagnostics::Diagnostic;
use crate::msg;

/// The geography files to load, project-relative; `None` where the table names none (or
/// names a path that leaves the project, already reported).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GeoFiles {
    /// The official municipality list (CSV).
    pub list: Option<PathBuf>,
    /// The municipality boundaries (GeoJSON).
    pub municipalities: Option<PathBuf>,
    /// The province boundaries (GeoJSON).
    pub provinces: Option<PathBuf>,
}

/// The `[geography]` table: from the parsed publication, or, when `publication.toml` did not
/// parse as a whole, from its text (the table alone, ignoring the rest).
pub fn table(publication: Option<&RawPublication>, text: Option<&str>) -> Option<RawGeography> {
    if let Some(p) = publication {
        return p.geography.clone();
    }
    #[derive(Deserialize)]
    struct Only {
        geography: Option<RawGeography>,
    }
    toml::from_str::<Only>(text?).ok()?.geography
}

/// The files `geography` names. A path that is absolute or uses `..` is reported (in
/// `publication`, the file the table is in) and left out.
pub fn files(
    publication: &Path,
    geography: &RawGeography,
    diagnostics: &mut Vec<Diagnostic>,
) -> GeoFiles {
    let mut path = |value: &toml::Spanned<String>| {
        let text = value.get_ref();
        if text.is_empty() || leaves_project(text) {
            diagnostics.push(
                Diagnostic::error(
                    "path-outside-project",
                    msg!("path-outside-project-geography", path = text),
                )
                .at(
                    publication,
                    value.span(),
                    msg!("path-outside-project-geography.label"),
                )
                .with_help(msg!("path-outside-project-geography.help")),
            );
            return None;
        }
        Some(PathBuf::from(text))
    };
    let list = path(&geography.municipality_list);
    let municipalities = geography.municipality_boundaries.as_ref().map(&mut path);
    let provinces = geography.province_boundaries.as_ref().map(&mut path);
    // The maps need both; one refused is reported, not followed by "only one is named".
    let (municipalities, provinces) = match (municipalities, provinces) {
        (Some(None), _) | (_, Some(None)) => (None, None),
        (m, p) => (m.flatten(), p.flatten()),
    };
    GeoFiles {
        list,
        municipalities,
        provinces,
    }
}

/// Whether a project-relative path written in content leaves the project: absolute, rooted
/// (`/`, `\\`), a drive prefix, or any `..`. The one rule for every path content names.
pub fn leaves_project(text: &str) -> bool {
    let relative = Path::new(text);
    relative.is_absolute()
        || text.starts_with(['/', '\\'])
        || relative
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "[geography]\nyear = 2026\nmunicipality-list = \"content/geo/gemeenten-2026.csv\"\nmunicipality-boundaries = \"../gemeenten.geojson\"\n";

    #[test]
    fn reads_the_table_when_the_rest_does_not_parse() {
        let text = format!("title = 3\nunknown = true\n{TABLE}");
        let geography = table(None, Some(&text)).expect("the table alone parses");
        assert_eq!(*geography.year.get_ref(), 2026);
        assert!(table(None, Some("title = \"x\"\n")).is_none());
        assert!(table(None, Some("[geography\n")).is_none());
    }

    #[test]
    fn refuses_paths_that_leave_the_project() {
        let geography = table(None, Some(TABLE)).unwrap();
        let mut diagnostics = Vec::new();
        let files = files(
            Path::new("content/publication.toml"),
            &geography,
            &mut diagnostics,
        );
        assert_eq!(
            files.list.as_deref(),
            Some(Path::new("content/geo/gemeenten-2026.csv"))
        );
        assert_eq!(files.municipalities, None);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "path-outside-project");
        assert_eq!(
            &TABLE[diagnostics[0].span.clone().unwrap()],
            "\"../gemeenten.geojson\""
        );
    }
}
