//! The data contract of `layouts/publication.typ`. Its maps (base maps, overview maps, each
//! region's maps) are in the build's maps file ([`maps::MapsView`]), by region id.

use serde::Serialize;

use super::maps;
use super::{
    FigureView, ImageView, Meta, RegionRef, RegionView, SCHEMA, SectorView, SourceView, StoryView,
    case_label, dutch_number,
};
use crate::model::{Case, CaseKind, Model, Sector};
use crate::richtext::Rich;

/// The whole publication.
#[derive(Debug, Serialize)]
pub struct PublicationView<'a> {
    /// Contract version.
    pub schema: u32,
    /// Metadata.
    pub meta: Meta<'a>,
    /// Cover.
    pub cover: Cover<'a>,
    /// Colophon.
    pub colophon: &'a Rich,
    /// Inleiding.
    pub intro: Intro<'a>,
    /// ABC&S chapter.
    pub abc: AbcView<'a>,
    /// Theme chapters.
    pub themes: Vec<ThemeView<'a>>,
    /// Region pages.
    pub regions: Vec<RegionView<'a, StoryView<'a>>>,
    /// Sources.
    pub sources: Vec<SourceView<'a>>,
    /// A–Z index of all municipalities with their regions.
    pub municipality_index: Vec<maps::IndexLetter<'a>>,
}

/// The cover.
#[derive(Debug, Serialize)]
pub struct Cover<'a> {
    /// Title.
    pub title: &'a str,
    /// Lede.
    pub lede: &'a Rich,
    /// Year.
    pub year: i32,
    /// Cover illustration.
    pub image: Option<ImageView<'a>>,
}

/// The intro chapter.
#[derive(Debug, Serialize)]
pub struct Intro<'a> {
    /// Chapter title.
    pub title: &'static str,
    /// Text.
    pub body: &'a Rich,
}

/// The ABC&S chapter with the national totals.
#[derive(Debug, Serialize)]
pub struct AbcView<'a> {
    /// Title.
    pub title: &'a str,
    /// Lede.
    pub lede: &'a str,
    /// Body.
    pub body: Option<&'a Rich>,
    /// The pillars.
    pub pillars: Vec<PillarView<'a>>,
    /// Number of regions.
    pub region_count: usize,
    /// Number of regions, formatted.
    pub region_count_display: String,
    /// Key figures summed over all regions.
    pub totals: Vec<FigureView<'a>>,
    /// Regions per sector.
    pub sector_counts: Vec<SectorCount>,
    /// Largest and smallest region by the first key figure.
    pub extremes: Option<maps::Extremes<'a>>,
}

/// One pillar.
#[derive(Debug, Serialize)]
pub struct PillarView<'a> {
    /// Letter.
    pub letter: &'a str,
    /// Title.
    pub title: &'a str,
    /// Text.
    pub text: Option<&'a Rich>,
}

/// How many regions serve a sector.
#[derive(Debug, Serialize)]
pub struct SectorCount {
    /// The sector.
    pub sector: SectorView,
    /// Number of regions.
    pub count: usize,
}

/// A theme chapter.
#[derive(Debug, Serialize)]
pub struct ThemeView<'a> {
    /// Id.
    pub id: &'a str,
    /// Chapter number.
    pub number: usize,
    /// Short title.
    pub short_title: &'a str,
    /// Title.
    pub title: &'a str,
    /// Lede.
    pub lede: &'a str,
    /// Body.
    pub body: &'a Rich,
    /// Typst label of the chapter.
    pub label: String,
    /// Heading above the learnings.
    pub learnings_title: Option<&'a str>,
    /// Learnings.
    pub learnings: Vec<LearningView<'a>>,
    /// The cases in this chapter.
    pub cases: Vec<CaseView<'a>>,
}

/// One learning.
#[derive(Debug, Serialize)]
pub struct LearningView<'a> {
    /// Title.
    pub title: &'a str,
    /// Text.
    pub text: &'a Rich,
}

/// A case in a theme chapter.
#[derive(Debug, Serialize)]
pub struct CaseView<'a> {
    /// Id.
    pub id: &'a str,
    /// `case`.
    pub kind: &'static str,
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Text.
    pub body: &'a Rich,
    /// Typst label.
    pub label: String,
    /// The region it is about.
    pub region: RegionRef<'a>,
    /// Photo or logo.
    pub image: Option<ImageView<'a>>,
}

/// Builds the publication view.
pub fn view(model: &Model) -> PublicationView<'_> {
    let p = &model.publication;
    let totals = model
        .key_figures
        .iter()
        .enumerate()
        .map(|(i, kf)| FigureView::new(kf, model.regions.iter().map(|r| r.figures[i]).sum()))
        .collect();
    let sector_counts = Sector::ALL
        .into_iter()
        .map(|s| SectorCount {
            sector: s.into(),
            count: model
                .regions
                .iter()
                .filter(|r| r.sectors.contains(&s))
                .count(),
        })
        .collect();
    PublicationView {
        schema: SCHEMA,
        meta: Meta::new(model, p.title.clone(), p.subject.clone()),
        cover: Cover {
            title: &p.title,
            lede: &p.lede,
            year: p.year,
            image: ImageView::of(&p.cover_image),
        },
        colophon: &p.colophon,
        intro: Intro {
            title: "Inleiding",
            body: &p.intro,
        },
        abc: AbcView {
            title: &p.abc.title,
            lede: &p.abc.lede,
            body: p.abc.body.as_ref(),
            pillars: p
                .abc
                .pillars
                .iter()
                .map(|x| PillarView {
                    letter: &x.letter,
                    title: &x.title,
                    text: x.text.as_ref(),
                })
                .collect(),
            region_count: model.regions.len(),
            region_count_display: dutch_number(model.regions.len() as i64),
            totals,
            sector_counts,
            extremes: maps::extremes(model),
        },
        themes: model
            .themes
            .iter()
            .enumerate()
            .map(|(ti, t)| ThemeView {
                id: &t.id,
                number: t.number,
                short_title: &t.short_title,
                title: &t.title,
                lede: &t.lede,
                body: &t.body,
                label: format!("theme-{}", t.id),
                learnings_title: t.learnings_title.as_deref(),
                learnings: t
                    .learnings
                    .iter()
                    .map(|l| LearningView {
                        title: &l.title,
                        text: &l.text,
                    })
                    .collect(),
                cases: model
                    .cases
                    .iter()
                    .filter(|c| c.theme == ti && c.kind == CaseKind::Case)
                    .map(|c| case_view(model, c))
                    .collect(),
            })
            .collect(),
        regions: (0..model.regions.len())
            .map(|i| RegionView::new(model, i, |c| story_view(model, c)))
            .collect(),
        sources: p.sources.iter().map(SourceView::from).collect(),
        municipality_index: maps::index(model),
    }
}

fn case_view<'a>(model: &'a Model, c: &'a Case) -> CaseView<'a> {
    CaseView {
        id: &c.id,
        kind: c.kind.id(),
        title: &c.title,
        summary: &c.summary,
        body: &c.body,
        label: case_label(c),
        region: RegionRef::new(&model.regions[c.region]),
        image: ImageView::of(&c.image),
    }
}

/// A story shown in full on its region page.
pub fn story_view<'a>(model: &'a Model, c: &'a Case) -> StoryView<'a> {
    StoryView {
        id: &c.id,
        kind: c.kind.id(),
        title: &c.title,
        theme: &model.themes[c.theme].short_title,
        summary: &c.summary,
        body: &c.body,
        label: case_label(c),
        image: ImageView::of(&c.image),
    }
}
