//! Stage 3 (view): the model → the data contract of one layout, serialised as JSON.
//!
//! Views are plain serialisable structs that borrow from the model; layouts never see internal
//! types. Numbers and dates are formatted here (Dutch conventions), so layouts only place text.
//! The contract is documented in `docs/data-contract.md` and snapshot-tested.

pub mod detail;
pub mod factsheet;
pub mod labels;
pub mod maps;
pub mod publication;
pub mod textwidth;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Case, CaseKind, Image, KeyFigure, Model, Region, Sector, Source};
use crate::richtext::Rich;

/// Version of the data contract; bump it when a field changes meaning or disappears.
pub const SCHEMA: u32 = 1;

/// Document metadata, shared by all layouts.
#[derive(Debug, Serialize)]
pub struct Meta<'a> {
    /// PDF title.
    pub title: String,
    /// PDF author.
    pub author: &'a str,
    /// PDF subject.
    pub subject: String,
    /// PDF keywords.
    pub keywords: &'a [String],
    /// Document language.
    pub lang: &'static str,
    /// Edition year.
    pub year: i32,
    /// Publication date in Dutch ("28 november 2026").
    pub date: String,
    /// Publication date, ISO 8601.
    pub date_iso: String,
}

impl<'a> Meta<'a> {
    fn new(model: &'a Model, title: String, subject: String) -> Self {
        let p = &model.publication;
        Meta {
            title,
            author: &p.author,
            subject,
            keywords: &p.keywords,
            lang: "nl",
            year: p.year,
            date: dutch_date(p.date),
            date_iso: p.date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A key figure with its value.
#[derive(Debug, Serialize)]
pub struct FigureView<'a> {
    /// Id.
    pub id: &'a str,
    /// Short label.
    pub label: &'a str,
    /// Full label.
    pub description: &'a str,
    /// The number.
    pub value: i64,
    /// The number in Dutch format (`144.052`).
    pub display: String,
}

impl<'a> FigureView<'a> {
    fn new(kf: &'a KeyFigure, value: i64) -> Self {
        FigureView {
            id: &kf.id,
            label: &kf.label,
            description: &kf.description,
            value,
            display: dutch_number(value),
        }
    }
}

/// An image as the layout places it.
#[derive(Debug, Serialize)]
pub struct ImageView<'a> {
    /// Root-absolute path the layout passes to `image()` (`/content/images/foto.jpg`).
    pub path: String,
    /// Alternative text.
    pub alt: &'a str,
    /// Credit line.
    pub credit: Option<&'a str>,
}

impl<'a> ImageView<'a> {
    /// The view of an optional image.
    pub fn of(image: &'a Option<Image>) -> Option<Self> {
        image.as_ref().map(|i| ImageView {
            path: format!("/{}", i.path),
            alt: &i.alt,
            credit: i.credit.as_deref(),
        })
    }
}

/// A sector badge.
#[derive(Debug, Serialize)]
pub struct SectorView {
    /// `po`.
    pub id: &'static str,
    /// `PO`.
    pub label: &'static str,
    /// `primair onderwijs`.
    pub name: &'static str,
}

impl From<Sector> for SectorView {
    fn from(s: Sector) -> Self {
        SectorView {
            id: s.id(),
            label: s.label(),
            name: s.name(),
        }
    }
}

/// A reference to a region page.
#[derive(Debug, Serialize)]
pub struct RegionRef<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Typst label of the region page.
    pub label: String,
}

impl<'a> RegionRef<'a> {
    fn new(region: &'a Region) -> Self {
        RegionRef {
            id: &region.id,
            name: &region.name,
            label: region_label(region),
        }
    }
}

/// A reference to a case (for region pages and fact sheets).
#[derive(Debug, Serialize)]
pub struct CaseRef<'a> {
    /// Id.
    pub id: &'a str,
    /// `case` or `story`.
    pub kind: &'static str,
    /// Title.
    pub title: &'a str,
    /// One-sentence summary.
    pub summary: &'a str,
    /// Short title of the theme.
    pub theme: &'a str,
    /// Id of the theme.
    pub theme_id: &'a str,
    /// Chapter number of the theme (for its accent colour).
    pub theme_number: usize,
    /// Typst label of the case heading.
    pub label: String,
}

impl<'a> CaseRef<'a> {
    fn new(model: &'a Model, case: &'a Case) -> Self {
        CaseRef {
            id: &case.id,
            kind: case.kind.id(),
            title: &case.title,
            summary: &case.summary,
            theme: &model.themes[case.theme].short_title,
            theme_id: &model.themes[case.theme].id,
            theme_number: model.themes[case.theme].number,
            label: case_label(case),
        }
    }
}

/// A region's themed story, in full.
#[derive(Debug, Serialize)]
pub struct StoryView<'a> {
    /// Id.
    pub id: &'a str,
    /// Always `story`.
    pub kind: &'static str,
    /// Title.
    pub title: &'a str,
    /// Short title of the theme.
    pub theme: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Text.
    pub body: &'a Rich,
    /// Typst label.
    pub label: String,
    /// Photo or logo.
    pub image: Option<ImageView<'a>>,
}

/// Everything about one region, as the region page and the fact sheet show it.
#[derive(Debug, Serialize)]
pub struct RegionView<'a, S: Serialize> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Line under the name, as published.
    pub subtitle: Option<&'a str>,
    /// Typst label of the region page.
    pub label: String,
    /// Sector badges.
    pub sectors: Vec<SectorView>,
    /// The key figures.
    pub figures: Vec<FigureView<'a>>,
    /// Municipality names, alphabetical (empty when described by provinces).
    pub municipalities: Vec<&'a str>,
    /// Province names, for a region described by provinces.
    pub provinces: &'a [String],
    /// The region's stories (in full in the publication, as references on fact sheets).
    pub stories: Vec<S>,
    /// The theme cases about this region.
    pub cases: Vec<CaseRef<'a>>,
    /// Photo or logo.
    pub image: Option<ImageView<'a>>,
    /// Where the region stands among all regions. (Its maps are in the maps file, by `id`:
    /// [`maps::MapsView`].)
    pub context: Option<maps::Context>,
}

impl<'a, S: Serialize> RegionView<'a, S> {
    /// The region at `index`.
    fn new(model: &'a Model, index: usize, story: impl Fn(&'a Case) -> S) -> Self {
        let region = &model.regions[index];
        let municipalities = if region.provinces.is_empty() {
            municipality_names(model, region)
        } else {
            Vec::new()
        };
        RegionView {
            id: &region.id,
            name: &region.name,
            subtitle: region.subtitle.as_deref(),
            label: region_label(region),
            sectors: region
                .sectors
                .iter()
                .copied()
                .map(SectorView::from)
                .collect(),
            figures: model
                .key_figures
                .iter()
                .zip(&region.figures)
                .map(|(kf, v)| FigureView::new(kf, *v))
                .collect(),
            municipalities,
            provinces: &region.provinces,
            stories: model
                .cases_of(index)
                .filter(|c| c.kind == CaseKind::Story)
                .map(story)
                .collect(),
            cases: model
                .cases_of(index)
                .filter(|c| c.kind == CaseKind::Case)
                .map(|c| CaseRef::new(model, c))
                .collect(),
            image: ImageView::of(&region.image),
            context: maps::context(model, index),
        }
    }
}

/// A source at the back.
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    /// Title.
    pub title: &'a str,
    /// Publisher.
    pub publisher: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// Note.
    pub note: Option<&'a str>,
}

impl<'a> From<&'a Source> for SourceView<'a> {
    fn from(s: &'a Source) -> Self {
        SourceView {
            title: &s.title,
            publisher: s.publisher.as_deref(),
            url: s.url.as_deref(),
            note: s.note.as_deref(),
        }
    }
}

/// The Typst label of a region page.
pub fn region_label(region: &Region) -> String {
    format!("region-{}", region.id)
}

/// The Typst label of a case heading.
pub fn case_label(case: &Case) -> String {
    format!("case-{}", case.id)
}

/// A region's municipality names in Dutch alphabetical order.
pub fn municipality_names<'a>(model: &'a Model, region: &Region) -> Vec<&'a str> {
    let mut names: Vec<&str> = region
        .municipalities
        .iter()
        .map(|&i| model.municipality(i).name.as_str())
        .collect();
    names.sort_by_key(|n| collation_key(n));
    names
}

/// "a, b en c".
pub fn dutch_list<S: AsRef<str>>(items: &[S]) -> String {
    crate::i18n::list(items, crate::i18n::Lang::Nl)
}

/// "3 gemeenten: a, b en c" ("1 gemeente: a"), as the maps' text alternatives say it.
pub fn municipalities_phrase<S: AsRef<str>>(names: &[S]) -> String {
    let noun = if names.len() == 1 {
        "gemeente"
    } else {
        "gemeenten"
    };
    format!("{} {noun}: {}", names.len(), dutch_list(names))
}

/// Formats an integer the Dutch way: `144052` → `144.052`, `-1500` → `-1.500`.
pub fn dutch_number(value: i64) -> String {
    crate::i18n::number(value, crate::i18n::Lang::Nl)
}

/// Formats a date the Dutch way: `28 november 2026`.
pub fn dutch_date(date: NaiveDate) -> String {
    crate::i18n::date(date, crate::i18n::Lang::Nl)
}

/// Sort key for Dutch place names: case and diacritics ignored, and a leading `'s-` or `'t `
/// skipped, so `'s-Gravenhage` sorts under G as Dutch indexes do.
pub fn collation_key(name: &str) -> String {
    let trimmed = ["'s-", "’s-", "'t ", "’t "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    crate::suggest::fold(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dutch_numbers() {
        assert_eq!(dutch_number(0), "0");
        assert_eq!(dutch_number(999), "999");
        assert_eq!(dutch_number(1000), "1.000");
        assert_eq!(dutch_number(144052), "144.052");
        assert_eq!(dutch_number(1234567), "1.234.567");
        assert_eq!(dutch_number(-1500), "-1.500");
    }

    #[test]
    fn lists_in_dutch() {
        assert_eq!(dutch_list::<&str>(&[]), "");
        assert_eq!(dutch_list(&["a".to_string()]), "a");
        assert_eq!(dutch_list(&["a", "b", "c"]), "a, b en c");
        assert_eq!(municipalities_phrase(&["Urk"]), "1 gemeente: Urk");
        assert_eq!(
            municipalities_phrase(&["Epe", "Urk"]),
            "2 gemeenten: Epe en Urk"
        );
    }

    #[test]
    fn formats_dutch_dates() {
        assert_eq!(
            dutch_date(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()),
            "28 november 2026"
        );
        assert_eq!(
            dutch_date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()),
            "1 maart 2025"
        );
    }

    #[test]
    fn collates_dutch_names() {
        let mut names = vec!["Zwolle", "'s-Gravenhage", "Amsterdam", "Ede"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, ["Amsterdam", "Ede", "'s-Gravenhage", "Zwolle"]);
    }
}
