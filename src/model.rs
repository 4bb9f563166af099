//! Stage 2 (validate → model): the publication as checked, immutable data with ids resolved.
//!
//! A [`Model`] can only be made by [`crate::validate::validate`], so render code never re-checks:
//! every reference points at something that exists, every municipality is official.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::gazetteer::{Gazetteer, Municipality};
use crate::geo::Geo;
use crate::richtext::Rich;

/// The validated publication.
#[derive(Debug, Clone)]
pub struct Model {
    /// Title page, intro, ABC&S, colophon, sources.
    pub publication: Publication,
    /// The key figures every region carries, in display order.
    pub key_figures: Vec<KeyFigure>,
    /// Theme chapters, in order.
    pub themes: Vec<Theme>,
    /// Cases and regional stories, in order.
    pub cases: Vec<Case>,
    /// Regions, ordered by name.
    pub regions: Vec<Region>,
    /// The official municipality list the regions refer to.
    pub gazetteer: Gazetteer,
    /// The municipal division the list and the boundaries are of: its year and files.
    pub geography: Geography,
    /// Boundaries for maps; `None` when the project ships none. Shared, so a long-lived
    /// driver parses them once and keeps them across content changes.
    pub geo: Option<Arc<Geo>>,
}

/// The municipal division the content uses (`[geography]` in `publication.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Geography {
    /// The year: CBS's division of 1 January of this year.
    pub year: i32,
    /// The official municipality list, project-relative.
    pub municipality_list: PathBuf,
    /// The municipality boundaries, when the project has maps.
    pub municipality_boundaries: Option<PathBuf>,
    /// The province boundaries, when the project has maps.
    pub province_boundaries: Option<PathBuf>,
    /// The source line printed with the maps (empty without boundaries).
    pub attribution: String,
}

/// Publication-wide text and metadata.
#[derive(Debug, Clone)]
pub struct Publication {
    /// Title.
    pub title: String,
    /// Cover lede.
    pub lede: Rich,
    /// Edition year.
    pub year: i32,
    /// Publication date.
    pub date: NaiveDate,
    /// PDF author.
    pub author: String,
    /// PDF subject.
    pub subject: String,
    /// PDF keywords.
    pub keywords: Vec<String>,
    /// The chapter "Inleiding".
    pub intro: Rich,
    /// Colophon.
    pub colophon: Rich,
    /// The ABC&S chapter.
    pub abc: Abc,
    /// Sources.
    pub sources: Vec<Source>,
    /// Cover illustration.
    pub cover_image: Option<Image>,
    /// The printing condition of the print edition.
    pub print: PrintCondition,
}

/// The printing condition the print edition is made for: its PDF/X-4 output intent and ink
/// limit. Checked: the profile is a readable CMYK output profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCondition {
    /// The profile's project-relative path; `None` for the built-in default.
    pub profile_path: Option<String>,
    /// The ICC profile, embedded as the output intent's `DestOutputProfile`.
    pub profile: std::sync::Arc<[u8]>,
    /// The profile's own description, if it has one.
    pub profile_description: Option<String>,
    /// `OutputConditionIdentifier` (`FOGRA39`).
    pub condition: String,
    /// `OutputCondition`, the condition in words.
    pub condition_name: Option<String>,
    /// `RegistryName` (`http://www.color.org`).
    pub registry: String,
    /// Total area coverage limit, percent.
    pub max_coverage: u32,
}

impl Default for PrintCondition {
    /// The built-in condition: FOGRA39, offset on coated paper, 300 % coverage.
    fn default() -> Self {
        let profile = crate::icc::DEFAULT_PROFILE;
        Self {
            profile_path: None,
            profile: std::sync::Arc::from(profile),
            profile_description: crate::icc::IccProfile::parse(profile)
                .ok()
                .and_then(|p| p.description),
            condition: "FOGRA39".into(),
            condition_name: Some(
                "Offset printing on coated paper, ISO 12647-2:2004/Amd 1 (FOGRA39)".into(),
            ),
            registry: "http://www.color.org".into(),
            max_coverage: DEFAULT_MAX_COVERAGE,
        }
    }
}

/// The total area coverage limit when `[print]` gives none: 300 %, what Dutch and German
/// print shops ask for on coated paper in sheet-fed offset.
pub const DEFAULT_MAX_COVERAGE: u32 = 300;

/// A checked image: the file exists inside the project, decodes, and has alternative text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Path relative to the project root, forward slashes.
    pub path: String,
    /// Alternative text.
    pub alt: String,
    /// Photographer or rights holder.
    pub credit: Option<String>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The ABC&S chapter.
#[derive(Debug, Clone)]
pub struct Abc {
    /// Chapter title.
    pub title: String,
    /// One-line lede.
    pub lede: String,
    /// Optional body text.
    pub body: Option<Rich>,
    /// The pillars.
    pub pillars: Vec<Pillar>,
}

/// One ABC&S pillar.
#[derive(Debug, Clone)]
pub struct Pillar {
    /// Letter.
    pub letter: String,
    /// Title.
    pub title: String,
    /// Optional explanation.
    pub text: Option<Rich>,
}

/// A source listed at the back.
#[derive(Debug, Clone)]
pub struct Source {
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Note (licence, date).
    pub note: Option<String>,
}

/// Education sector of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sector {
    /// Primair onderwijs.
    Po,
    /// Voortgezet onderwijs.
    Vo,
    /// Middelbaar beroepsonderwijs.
    Mbo,
}

impl Sector {
    /// All sectors, in display order.
    pub const ALL: [Sector; 3] = [Sector::Po, Sector::Vo, Sector::Mbo];

    /// The id used in content (`po`).
    pub fn id(self) -> &'static str {
        match self {
            Sector::Po => "po",
            Sector::Vo => "vo",
            Sector::Mbo => "mbo",
        }
    }

    /// Badge text (`PO`).
    pub fn label(self) -> &'static str {
        match self {
            Sector::Po => "PO",
            Sector::Vo => "VO",
            Sector::Mbo => "MBO",
        }
    }

    /// Full Dutch name.
    pub fn name(self) -> &'static str {
        match self {
            Sector::Po => "primair onderwijs",
            Sector::Vo => "voortgezet onderwijs",
            Sector::Mbo => "middelbaar beroepsonderwijs",
        }
    }

    /// Parses a content id.
    pub fn from_id(id: &str) -> Option<Sector> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Definition of a key figure.
#[derive(Debug, Clone)]
pub struct KeyFigure {
    /// Id (key in each region's figures).
    pub id: String,
    /// Short label.
    pub label: String,
    /// Full label.
    pub description: String,
    /// The sector it belongs to, if any.
    pub sector: Option<Sector>,
}

/// A theme chapter.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Id.
    pub id: String,
    /// 1-based chapter number.
    pub number: usize,
    /// Short title.
    pub short_title: String,
    /// Full title.
    pub title: String,
    /// Lede.
    pub lede: String,
    /// Intro text.
    pub body: Rich,
    /// Heading above the learnings.
    pub learnings_title: Option<String>,
    /// Learnings.
    pub learnings: Vec<Learning>,
}

/// One numbered learning of a theme.
#[derive(Debug, Clone)]
pub struct Learning {
    /// Title.
    pub title: String,
    /// Text.
    pub text: Rich,
}

/// Whether a case belongs in a theme chapter or on its region's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseKind {
    /// A case in a theme chapter.
    Case,
    /// A region's themed story, shown on the region page.
    Story,
}

impl CaseKind {
    /// The id used in content.
    pub fn id(self) -> &'static str {
        match self {
            CaseKind::Case => "case",
            CaseKind::Story => "story",
        }
    }
}

/// A case or regional story.
#[derive(Debug, Clone)]
pub struct Case {
    /// Id.
    pub id: String,
    /// Case or story.
    pub kind: CaseKind,
    /// Index into [`Model::themes`].
    pub theme: usize,
    /// Index into [`Model::regions`].
    pub region: usize,
    /// Title.
    pub title: String,
    /// One-sentence summary.
    pub summary: String,
    /// The text.
    pub body: Rich,
    /// Photo or logo.
    pub image: Option<Image>,
}

/// An onderwijsregio.
#[derive(Debug, Clone)]
pub struct Region {
    /// Slug id.
    pub id: String,
    /// Display name as published.
    pub name: String,
    /// Line under the name, as published.
    pub subtitle: Option<String>,
    /// Sectors, in PO, VO, MBO order.
    pub sectors: Vec<Sector>,
    /// Indices into the gazetteer of the municipalities it covers (from provinces too).
    pub municipalities: Vec<usize>,
    /// Province names, when the region is described by provinces.
    pub provinces: Vec<String>,
    /// Figure values, in [`Model::key_figures`] order.
    pub figures: Vec<i64>,
    /// Photo or logo.
    pub image: Option<Image>,
    /// The content file it was read from, relative to the project root
    /// (`content/regions/zwolle.toml`), for commands that edit content in place.
    pub file: PathBuf,
}

impl Model {
    /// The official municipality behind a region's municipality index.
    pub fn municipality(&self, index: usize) -> &Municipality {
        self.gazetteer.get(index)
    }

    /// Finds a region by id.
    pub fn region(&self, id: &str) -> Option<(usize, &Region)> {
        self.regions.iter().enumerate().find(|(_, r)| r.id == id)
    }

    /// The region a mistyped id most likely meant: the closest id, or a region whose name
    /// contains what was typed (so "Zwolle" finds `zwolle`).
    pub fn closest_region(&self, id: &str) -> Option<&Region> {
        let ids = self.regions.iter().map(|r| r.id.as_str());
        let by_id = crate::suggest::did_you_mean(id, ids);
        let folded = crate::suggest::fold(id);
        by_id
            .and_then(|best| self.region(best).map(|(_, r)| r))
            .or_else(|| {
                self.regions
                    .iter()
                    .find(|r| !folded.is_empty() && crate::suggest::fold(&r.name).contains(&folded))
            })
    }

    /// The cases and stories about a region, in content order.
    pub fn cases_of(&self, region: usize) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(move |c| c.region == region)
    }
}
