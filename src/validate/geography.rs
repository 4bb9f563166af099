//! Validation of `[geography]` in `publication.toml`: the division's year and the source line
//! its maps carry. (Its paths were checked when the files were loaded.)

use std::path::{Path, PathBuf};

use crate::content::RawContent;
use crate::diagnostics::Diagnostic;
use crate::model::Geography;
use crate::msg;

/// The table as shipped with the 2025 files, shown to a project that has none.
const EXAMPLE: &str = "[geography]\nyear = 2025\nmunicipality-list = \"content/geo/gemeenten-2025.csv\"\nmunicipality-boundaries = \"content/geo/gemeenten-2025.geojson\"\nprovince-boundaries = \"content/geo/provincies-2025.geojson\"\nattribution = \"Gemeente- en provinciegrenzen 2025: © CBS, CBS Gebiedsindelingen via PDOK (CC BY 4.0); vereenvoudigd (cartomap/nl).\"";

/// The source line of the shipped 2025 files, suggested to boundaries without one.
const ATTRIBUTION: &str = "Gemeente- en provinciegrenzen 2025: © CBS, CBS Gebiedsindelingen via PDOK (CC BY 4.0); vereenvoudigd (cartomap/nl).";

/// The checked `[geography]`; `None` after reporting what is wrong (or, without a
/// `publication.toml`, silently: that is reported already).
pub fn geography(raw: &RawContent, diagnostics: &mut Vec<Diagnostic>) -> Option<Geography> {
    let publication = Path::new("content/publication.toml");
    let Some(g) = &raw.geography else {
        if raw.publication.is_some() {
            diagnostics.push(
                Diagnostic::error("missing-geography", msg!("missing-geography"))
                    .in_file(publication)
                    .with_help(msg!("missing-geography.help", example = EXAMPLE)),
            );
        }
        return None;
    };
    let mut ok = true;
    let year = *g.year.get_ref();
    if !(1900..=2200).contains(&year) {
        diagnostics.push(
            Diagnostic::error("bad-year", msg!("bad-year", year = year.to_string())).at(
                publication,
                g.year.span(),
                msg!("bad-year.label-division"),
            ),
        );
        ok = false;
    }
    let has_maps = g.municipality_boundaries.is_some() || g.province_boundaries.is_some();
    let attribution = g
        .attribution
        .as_ref()
        .map(|a| a.get_ref().trim().to_string())
        .unwrap_or_default();
    if has_maps && attribution.is_empty() {
        let d = Diagnostic::error("missing-attribution", msg!("missing-attribution"))
            .with_help(msg!("missing-attribution.help", example = ATTRIBUTION));
        let boundaries = g
            .municipality_boundaries
            .as_ref()
            .or(g.province_boundaries.as_ref());
        diagnostics.push(match (&g.attribution, boundaries) {
            (Some(a), _) => d.at(
                publication,
                a.span(),
                msg!("missing-attribution.label-empty"),
            ),
            (None, Some(b)) => d.at(
                publication,
                b.span(),
                msg!("missing-attribution.label-boundaries"),
            ),
            (None, None) => d.in_file(publication),
        });
        ok = false;
    }
    let path = |value: &toml::Spanned<String>| PathBuf::from(value.get_ref());
    ok.then(|| Geography {
        year: year as i32,
        municipality_list: path(&g.municipality_list),
        municipality_boundaries: g.municipality_boundaries.as_ref().map(path),
        province_boundaries: g.province_boundaries.as_ref().map(path),
        attribution,
    })
}
