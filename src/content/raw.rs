//! Stage 1 (load): the content files as written, deserialised with spans kept.
//!
//! These structs mirror the TOML one to one (`deny_unknown_fields`, kebab-case keys). They are not
//! checked beyond what serde checks; `validate` turns them into the [`crate::model`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// `content/publication.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPublication {
    /// Title on the cover and in the PDF metadata.
    pub title: Spanned<String>,
    /// Cover lede (rich text).
    pub lede: Spanned<String>,
    /// Edition year shown on the cover.
    pub year: Spanned<i64>,
    /// Publication date; also the PDF timestamp.
    pub date: Spanned<toml::value::Datetime>,
    /// PDF author.
    pub author: String,
    /// PDF subject, one sentence.
    pub subject: String,
    /// PDF keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The chapter "Inleiding" (rich text).
    pub intro: Spanned<String>,
    /// Inside-cover colophon (rich text).
    pub colophon: Spanned<String>,
    /// The ABC&S chapter.
    pub abc: RawAbc,
    /// Definitions of the key figures every region carries.
    pub key_figures: Vec<RawKeyFigure>,
    /// Sources listed at the back.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// Optional cover illustration.
    pub cover_image: Option<RawImage>,
    /// The printing condition of the print edition; the built-in FOGRA39 default without it.
    pub print: Option<RawPrint>,
    /// The municipal division the content uses: its year and files. Required (an `Option`
    /// so that its absence gets a message that shows the table to add).
    pub geography: Option<RawGeography>,
}

/// The `[geography]` table: the CBS municipal division (of 1 January of `year`) that region
/// files name municipalities from, and the boundaries the maps are drawn with.
/// `drukwerk geo import` writes a new year's files and switches these values.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawGeography {
    /// The year of the division (`2025`: the municipalities as of 1 January 2025).
    pub year: Spanned<i64>,
    /// The official list (`code,name,province_code,province_name`), project-relative.
    pub municipality_list: Spanned<String>,
    /// Municipality boundaries (GeoJSON, RD New); without them there are no maps.
    pub municipality_boundaries: Option<Spanned<String>>,
    /// Province boundaries (GeoJSON, RD New), the maps' base; needed with the municipalities'.
    pub province_boundaries: Option<Spanned<String>>,
    /// The source line printed with every map (the boundaries' licence asks for it).
    pub attribution: Option<Spanned<String>>,
}

/// The `[print]` table: the printing condition the print edition is made for (its PDF/X-4
/// output intent) and the ink limit the palette must respect.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPrint {
    /// Path of the CMYK output ICC profile, relative to the project root.
    pub profile: Option<Spanned<String>>,
    /// The output condition identifier (`FOGRA39`), as registered at the registry.
    pub condition: Option<Spanned<String>>,
    /// The condition in words (`Offset, coated paper`).
    pub condition_name: Option<Spanned<String>>,
    /// The registry the identifier belongs to (`http://www.color.org`).
    pub registry: Option<Spanned<String>>,
    /// Total area coverage limit in percent (sum of C, M, Y and K), 300 when not given.
    pub max_coverage: Option<Spanned<i64>>,
}

/// An image placed in the publication: a file under the project root and its alternative text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawImage {
    /// Path relative to the project root (`content/images/zwolle.jpg`).
    pub path: Spanned<String>,
    /// Alternative text for screen readers; required (checked in validation, so the error can
    /// say why).
    pub alt: Option<Spanned<String>>,
    /// Photographer or rights holder.
    pub credit: Option<String>,
}

/// The `[abc]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAbc {
    /// Chapter title.
    pub title: String,
    /// One-line lede.
    pub lede: String,
    /// Optional body (rich text).
    pub body: Option<Spanned<String>>,
    /// The four pillars, in order.
    pub pillars: Vec<RawPillar>,
}

/// One `[[abc.pillars]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPillar {
    /// The letter (A, B, C, S).
    pub letter: String,
    /// Pillar title.
    pub title: String,
    /// Optional explanation (rich text).
    pub text: Option<Spanned<String>>,
}

/// One `[[key-figures]]` definition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawKeyFigure {
    /// Key used in each region's `[figures]` table.
    pub id: Spanned<String>,
    /// Short label under the number.
    pub label: String,
    /// Full label as published.
    pub description: String,
    /// The sector this figure belongs to, if any (used by data-quality checks).
    pub sector: Option<Spanned<String>>,
}

/// One `[[sources]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSource {
    /// Title of the source.
    pub title: String,
    /// Who publishes it.
    pub publisher: Option<String>,
    /// Where to find it.
    pub url: Option<Spanned<String>>,
    /// Licence, date or other remark.
    pub note: Option<String>,
}

/// `content/themes/*.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTheme {
    /// Stable id, referenced by cases.
    pub id: Spanned<String>,
    /// Chapter label, running head and contents entry.
    pub short_title: Spanned<String>,
    /// Full chapter title.
    pub title: Spanned<String>,
    /// One-line teaser.
    pub lede: String,
    /// Intro text (rich text).
    pub body: Spanned<String>,
    /// Heading above the learnings.
    pub learnings_title: Option<String>,
    /// Numbered learnings or lines of approach.
    #[serde(default)]
    pub learnings: Vec<RawLearning>,
}

/// One `[[learnings]]` entry of a theme.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawLearning {
    /// Short title in bold.
    pub title: String,
    /// Explanation (rich text).
    pub text: Spanned<String>,
}

/// `content/cases/*.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCase {
    /// Stable id.
    pub id: Spanned<String>,
    /// `case` (theme chapter) or `story` (on the region page).
    pub kind: Spanned<String>,
    /// Id of the theme.
    pub theme: Spanned<String>,
    /// Id of the region.
    pub region: Spanned<String>,
    /// Case title.
    pub title: Spanned<String>,
    /// One sentence for fact sheets and region pages.
    pub summary: Spanned<String>,
    /// The story (rich text).
    pub body: Spanned<String>,
    /// Optional photo or logo.
    pub image: Option<RawImage>,
}

/// `content/regions/*.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRegion {
    /// Stable slug id.
    pub id: Spanned<String>,
    /// Display name exactly as published.
    pub name: Spanned<String>,
    /// Optional line printed under the name, as published ("(Lingewaard, Overbetuwe en Arnhem)").
    pub subtitle: Option<Spanned<String>>,
    /// Sectors: `po`, `vo`, `mbo`.
    pub sectors: Spanned<Vec<Spanned<String>>>,
    /// Official municipality names.
    #[serde(default)]
    pub municipalities: Option<Spanned<Vec<Spanned<String>>>>,
    /// Official province names, for a region described by provinces.
    #[serde(default)]
    pub provinces: Option<Spanned<Vec<Spanned<String>>>>,
    /// Key figure values by key-figure id.
    pub figures: Spanned<BTreeMap<Spanned<String>, Spanned<i64>>>,
    /// Acknowledged data-quality warnings.
    #[serde(default)]
    pub allow: Vec<RawAllow>,
    /// Optional photo or logo.
    pub image: Option<RawImage>,
}

/// One `[[allow]]` entry: a warning acknowledged in the content, with a reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAllow {
    /// The warning code (`identical-figures`).
    pub lint: Spanned<String>,
    /// Why it is acceptable.
    pub reason: Spanned<String>,
}
