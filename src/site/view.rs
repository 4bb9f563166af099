//! Render target "site" (stage 3, view): the model → what each page template receives.
//!
//! Built from the publication's own view ([`PublicationView`]) wherever it fits, so the site
//! and the PDF show the same figures, names and texts; what only the site needs is added here:
//! rich text as escaped HTML ([`Html`]), the maps as inline SVG, each figure's rank, downloads.
//! Links are built by the templates from ids with the page's `root` (`regions/<id>.html`,
//! `themes/<id>.html`, `cases/<id>.html`), the same scheme [`super::render`] writes.

use std::collections::HashMap;

use serde::Serialize;

use super::html::{self, Html};
use super::map::{self, RegionMapData};
use crate::model::{Case, CaseKind, Image, Model};
use crate::richtext::plain_text;
use crate::view::maps::{self, IndexLetter};
use crate::view::publication::{PublicationView, SectorCount};
use crate::view::{FigureView, RegionRef, SectorView, SourceView, dutch_list, dutch_number};

/// What every page shows: the publication's name, date, navigation and downloads.
#[derive(Debug, Serialize)]
pub struct SiteInfo<'a> {
    /// Publication title, also the site's name.
    pub title: &'a str,
    /// Edition year.
    pub year: i32,
    /// Publication date in Dutch ("28 november 2026").
    pub date: String,
    /// Publication date, ISO 8601.
    pub date_iso: String,
    /// Attribution of the map data (CBS licence).
    pub attribution: &'a str,
    /// The theme pages, in chapter order, for the navigation.
    pub themes: Vec<ThemeLink<'a>>,
    /// The publication PDF, when the site carries it.
    pub publication_pdf: Option<Download>,
}

/// A theme in a list of links.
#[derive(Debug, Serialize)]
pub struct ThemeLink<'a> {
    /// Id (page `themes/<id>.html`).
    pub id: &'a str,
    /// Chapter number (accent colour).
    pub number: usize,
    /// Short title.
    pub short_title: &'a str,
    /// Title.
    pub title: &'a str,
    /// Lede.
    pub lede: &'a str,
}

/// A file to download.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// Site-relative path.
    pub path: String,
    /// Size in Dutch ("2,0 MB").
    pub size: String,
}

impl Download {
    /// A download at `path` of `bytes` bytes.
    pub fn new(path: String, bytes: usize) -> Self {
        Download {
            path,
            size: dutch_size(bytes),
        }
    }
}

/// A byte count the Dutch way: "845 kB", "2,0 MB".
pub fn dutch_size(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", bytes.div_ceil(1000).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0).replace('.', ",")
    }
}

/// An image on a page.
#[derive(Debug, Serialize)]
pub struct SiteImage<'a> {
    /// Site-relative path of the file (`media/<hash>.jpg`).
    pub src: &'a str,
    /// Alternative text.
    pub alt: &'a str,
    /// Credit line.
    pub credit: Option<&'a str>,
}

/// `index.html`.
#[derive(Debug, Serialize)]
pub struct IndexPage<'a> {
    /// Cover lede.
    pub lede: Html,
    /// Cover illustration.
    pub image: Option<SiteImage<'a>>,
    /// Inleiding.
    pub intro: Html,
    /// The ABC&S chapter with the national totals.
    pub abc: Abc<'a>,
    /// One overview map per sector.
    pub maps: Vec<OverviewSection<'a>>,
    /// All regions, by name.
    pub regions: Vec<RegionLink<'a>>,
}

/// The ABC&S chapter.
#[derive(Debug, Serialize)]
pub struct Abc<'a> {
    /// Title.
    pub title: &'a str,
    /// Lede.
    pub lede: &'a str,
    /// Body.
    pub body: Option<Html>,
    /// The pillars.
    pub pillars: Vec<Pillar<'a>>,
    /// Number of regions, formatted.
    pub region_count_display: &'a str,
    /// Key figures summed over all regions.
    pub totals: &'a [FigureView<'a>],
    /// Regions per sector.
    pub sector_counts: &'a [SectorCount],
}

/// One ABC&S pillar.
#[derive(Debug, Serialize)]
pub struct Pillar<'a> {
    /// Letter.
    pub letter: &'a str,
    /// Title.
    pub title: &'a str,
    /// Text.
    pub text: Option<Html>,
}

/// The overview map of one sector with the text list of the same links.
#[derive(Debug, Serialize)]
pub struct OverviewSection<'a> {
    /// The sector.
    pub sector: &'a SectorView,
    /// Map title ("Onderwijsregio's PO").
    pub title: &'a str,
    /// Element id on the page (`kaart-po`).
    pub id: String,
    /// The map.
    pub svg: Html,
    /// The regions in map number order.
    pub regions: Vec<NumberedRegion<'a>>,
    /// Regions of this sector that have no area on the map.
    pub without_area: &'a [RegionRef<'a>],
    /// Municipalities in more than one region of this sector, with the region numbers.
    pub overlaps: Vec<OverlapNote<'a>>,
}

/// A region with its number on a map.
#[derive(Debug, Serialize)]
pub struct NumberedRegion<'a> {
    /// Number on the map.
    pub number: usize,
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
}

/// A municipality hatched on an overview map.
#[derive(Debug, Serialize)]
pub struct OverlapNote<'a> {
    /// Name.
    pub name: &'a str,
    /// "3 en 12".
    pub regions: String,
}

/// A region in a list of links.
#[derive(Debug, Serialize)]
pub struct RegionLink<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// Sector badges.
    pub sectors: &'a [SectorView],
}

/// `regions/<id>.html`.
#[derive(Debug, Serialize)]
pub struct RegionPage<'a> {
    /// Id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// "Onderwijsregio voor primair en voortgezet onderwijs".
    pub subtitle: String,
    /// Sector badges.
    pub sectors: &'a [SectorView],
    /// The key figures with their rank.
    pub figures: Vec<RankedFigure<'a>>,
    /// The region's map.
    pub map: Option<MapFigure>,
    /// The municipalities, alphabetical (empty when described by provinces), each with its
    /// number on the detail map where it is shown by number.
    pub municipalities: Vec<AreaName<'a>>,
    /// Province names, for a region described by provinces.
    pub provinces: &'a [String],
    /// The region's stories, in full.
    pub stories: Vec<Story<'a>>,
    /// The theme cases about this region.
    pub cases: Vec<CaseLink<'a>>,
    /// The fact sheet PDF, when the site carries it.
    pub factsheet: Option<Download>,
    /// Photo or logo.
    pub image: Option<SiteImage<'a>>,
    /// The previous and next region by name (for browsing).
    pub previous: Option<RegionLink<'a>>,
    /// See `previous`.
    pub next: Option<RegionLink<'a>>,
}

/// A key figure with where the region stands on it.
#[derive(Debug, Serialize)]
pub struct RankedFigure<'a> {
    /// The figure.
    #[serde(flatten)]
    pub figure: &'a FigureView<'a>,
    /// "3e van 49" (absent for a zero: no rank among regions that do not have it).
    pub rank_display: Option<String>,
}

/// A municipality in a region's list.
#[derive(Debug, Serialize)]
pub struct AreaName<'a> {
    /// Official name.
    pub name: &'a str,
    /// Its number on the detail map, when the map shows it by number.
    pub number: Option<usize>,
}

/// A map picture and what its caption needs.
#[derive(Debug, Serialize)]
pub struct MapFigure {
    /// The SVG.
    pub svg: Html,
    /// The text alternative (the SVG's description).
    pub alt: String,
    /// `detail`: the region and its surroundings ([`super::detail`]); `country`: the
    /// Netherlands with the region highlighted, or nothing for a region without an area.
    pub kind: &'static str,
    /// Detail map: some municipalities are hatched (they also belong to another region).
    pub shared: bool,
    /// Detail map: some municipalities are shown by number (the list explains them).
    pub numbered: bool,
    /// Detail map narrower than the publication's text width (a region page with a story):
    /// as in the PDF, the list goes beside it where the screen is wide enough.
    pub beside: bool,
}

/// A region's story, in full.
#[derive(Debug, Serialize)]
pub struct Story<'a> {
    /// Id (anchor `#<id>` on the region page).
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Theme it belongs to.
    pub theme: ThemeLink<'a>,
    /// Summary.
    pub summary: &'a str,
    /// Text.
    pub body: Html,
    /// Photo or logo.
    pub image: Option<SiteImage<'a>>,
}

/// A case or story in a list of links.
#[derive(Debug, Serialize)]
pub struct CaseLink<'a> {
    /// Id (`cases/<id>.html` for a case; `regions/<region>.html#<id>` for a story).
    pub id: &'a str,
    /// `case` or `story`.
    pub kind: &'static str,
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// The region it is about.
    pub region: RegionLink<'a>,
    /// Its theme.
    pub theme: ThemeLink<'a>,
}

/// `themes/<id>.html`.
#[derive(Debug, Serialize)]
pub struct ThemePage<'a> {
    /// The theme.
    pub theme: ThemeLink<'a>,
    /// Intro text.
    pub body: Html,
    /// Heading above the learnings.
    pub learnings_title: Option<&'a str>,
    /// Learnings.
    pub learnings: Vec<Learning<'a>>,
    /// Cases and stories of this theme.
    pub cases: Vec<CaseLink<'a>>,
}

/// One learning.
#[derive(Debug, Serialize)]
pub struct Learning<'a> {
    /// Title.
    pub title: &'a str,
    /// Text.
    pub text: Html,
}

/// `cases/<id>.html`.
#[derive(Debug, Serialize)]
pub struct CasePage<'a> {
    /// Links and summary.
    #[serde(flatten)]
    pub case: CaseLink<'a>,
    /// Text.
    pub body: Html,
    /// Photo or logo.
    pub image: Option<SiteImage<'a>>,
}

/// `gemeenten.html`: the A–Z register.
#[derive(Debug, Serialize)]
pub struct MunicipalitiesPage<'a> {
    /// The municipalities by initial.
    pub letters: &'a [IndexLetter<'a>],
    /// Number of municipalities, formatted.
    pub count_display: String,
    /// The year of the municipal division.
    pub year: i32,
}

/// `bronnen.html`.
#[derive(Debug, Serialize)]
pub struct SourcesPage<'a> {
    /// The sources.
    pub sources: &'a [SourceView<'a>],
    /// Colophon.
    pub colophon: Html,
}

/// The links between a model's pieces the site needs, built once.
pub struct SiteView<'a> {
    model: &'a Model,
    publication: PublicationView<'a>,
    /// The maps: base maps and each region's (the region pages' detail maps, not the fact
    /// sheets').
    maps: maps::MapsView<'a>,
    /// Regions by index: their municipality names (borrowed by region pages).
    municipality_names: Vec<Vec<&'a str>>,
    /// The overview maps, simplified for the screen.
    overviews: Vec<maps::OverviewMap<'a>>,
    /// Content image path → its file in the site (absent: the site shows no images).
    media: &'a HashMap<String, String>,
}

impl<'a> SiteView<'a> {
    /// Builds the publication view the pages are made from. `media` maps each content image's
    /// path to its file in the site; `maps` and `overviews` are `super::prepare`'s.
    pub fn new(
        model: &'a Model,
        media: &'a HashMap<String, String>,
        maps: maps::MapsView<'a>,
        overviews: Vec<maps::OverviewMap<'a>>,
    ) -> Self {
        let publication = crate::view::publication::view(model);
        let municipality_names = publication
            .regions
            .iter()
            .map(|r| r.municipalities.clone())
            .collect();
        SiteView {
            model,
            publication,
            maps,
            municipality_names,
            overviews,
            media,
        }
    }

    /// What every page shows.
    pub fn info(&self, publication_pdf: Option<Download>) -> SiteInfo<'a> {
        let meta = &self.publication.meta;
        SiteInfo {
            title: &self.model.publication.title,
            year: meta.year,
            date: meta.date.clone(),
            date_iso: meta.date_iso.clone(),
            attribution: &self.model.geography.attribution,
            themes: (0..self.model.themes.len())
                .map(|i| self.theme_link(i))
                .collect(),
            publication_pdf,
        }
    }

    fn image(&self, image: &'a Option<Image>) -> Option<SiteImage<'a>> {
        let image = image.as_ref()?;
        Some(SiteImage {
            src: self.media.get(&image.path)?,
            alt: &image.alt,
            credit: image.credit.as_deref(),
        })
    }

    fn theme_link(&self, index: usize) -> ThemeLink<'a> {
        let t = &self.model.themes[index];
        ThemeLink {
            id: &t.id,
            number: t.number,
            short_title: &t.short_title,
            title: &t.title,
            lede: &t.lede,
        }
    }

    fn region_link(&self, index: usize) -> RegionLink<'_> {
        let r = &self.publication.regions[index];
        RegionLink {
            id: r.id,
            name: r.name,
            sectors: &r.sectors,
        }
    }

    fn case_link(&self, index: usize) -> CaseLink<'_> {
        let c = &self.model.cases[index];
        CaseLink {
            id: &c.id,
            kind: c.kind.id(),
            title: &c.title,
            summary: &c.summary,
            region: self.region_link(c.region),
            theme: self.theme_link(c.theme),
        }
    }

    /// Links to the cases (and stories) that `keep` selects, in content order.
    fn case_links(&self, keep: impl Fn(&Case) -> bool) -> Vec<CaseLink<'_>> {
        (0..self.model.cases.len())
            .filter(|&i| keep(&self.model.cases[i]))
            .map(|i| self.case_link(i))
            .collect()
    }

    /// The plain text of the cover lede, for the home page's meta description.
    pub fn lede_text(&self) -> String {
        plain_text(&self.model.publication.lede)
    }

    /// The home page.
    pub fn index(&self) -> IndexPage<'_> {
        let p = &self.model.publication;
        let abc = &self.publication.abc;
        let base = self.maps.geo_small.as_ref();
        let maps = self
            .overviews
            .iter()
            .filter_map(|o| {
                let base = base?;
                let id = format!("kaart-{}", o.sector.id);
                Some(OverviewSection {
                    sector: &o.sector,
                    title: &o.title,
                    svg: map::overview_svg(o, base, &id, |region| format!("regions/{region}.html")),
                    id,
                    regions: o
                        .regions
                        .iter()
                        .map(|r| NumberedRegion {
                            number: r.number,
                            id: r.region.id,
                            name: r.region.name,
                        })
                        .collect(),
                    without_area: &o.without_area,
                    overlaps: o
                        .overlaps
                        .iter()
                        .map(|x| OverlapNote {
                            name: x.name,
                            regions: dutch_list(
                                &x.regions.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
                            ),
                        })
                        .collect(),
                })
            })
            .collect();
        IndexPage {
            lede: html::rich(&p.lede),
            image: self.image(&p.cover_image),
            intro: html::rich(&p.intro),
            abc: Abc {
                title: abc.title,
                lede: abc.lede,
                body: abc.body.map(|b| html::rich(b)),
                pillars: abc
                    .pillars
                    .iter()
                    .map(|x| Pillar {
                        letter: x.letter,
                        title: x.title,
                        text: x.text.map(|t| html::rich(t)),
                    })
                    .collect(),
                region_count_display: &abc.region_count_display,
                totals: &abc.totals,
                sector_counts: &abc.sector_counts,
            },
            maps,
            regions: (0..self.model.regions.len())
                .map(|i| self.region_link(i))
                .collect(),
        }
    }

    /// The page of the region at `index`.
    pub fn region(&self, index: usize, factsheet: Option<Download>) -> RegionPage<'_> {
        let r = &self.publication.regions[index];
        let model_region = &self.model.regions[index];
        let base = self.maps.geo_small.as_ref();
        let region_maps = &self.maps.regions[index];
        // The detail map in its tallest window (see `detail_figure`); the country map for a
        // region without an area, or a project whose boundaries give no detail map.
        let window = region_maps
            .page
            .as_ref()
            .and_then(|d| Some((d, d.windows.first()?)));
        let map = match (window, &region_maps.map, base) {
            (Some((detail, window)), region_map, base) => {
                Some(self.detail_figure(index, detail, window, region_map.as_ref(), base))
            }
            (None, Some(m), Some(base)) => {
                let data = RegionMapData::country(m, base, r.name);
                Some(MapFigure {
                    svg: map::region_svg(&data, "kaart"),
                    alt: m.alt.clone(),
                    kind: "country",
                    shared: false,
                    numbered: false,
                    beside: false,
                })
            }
            _ => None,
        };
        let numbers: HashMap<&str, usize> = window
            .map(|(_, w)| w.key.iter().map(|k| (k.name, k.number)).collect())
            .unwrap_or_default();
        let count = self.model.regions.len();
        RegionPage {
            id: r.id,
            name: r.name,
            subtitle: subtitle(&model_region.sectors),
            sectors: &r.sectors,
            figures: r
                .figures
                .iter()
                .enumerate()
                .map(|(f, figure)| RankedFigure {
                    figure,
                    rank_display: (figure.value > 0)
                        .then(|| format!("{}e van {count}", rank(self.model, f, figure.value))),
                })
                .collect(),
            map,
            municipalities: self.municipality_names[index]
                .iter()
                .map(|&name| AreaName {
                    name,
                    number: numbers.get(name).copied(),
                })
                .collect(),
            provinces: r.provinces,
            stories: self
                .model
                .cases
                .iter()
                .filter(|c| c.region == index && c.kind == CaseKind::Story)
                .map(|c| Story {
                    id: &c.id,
                    title: &c.title,
                    theme: self.theme_link(c.theme),
                    summary: &c.summary,
                    body: html::rich(&c.body),
                    image: self.image(&c.image),
                })
                .collect(),
            cases: self.case_links(|c| c.region == index && c.kind == CaseKind::Case),
            factsheet,
            image: self.image(&model_region.image),
            previous: index.checked_sub(1).map(|i| self.region_link(i)),
            next: (index + 1 < count).then(|| self.region_link(index + 1)),
        }
    }

    /// The detail map of the region at `index` in `window`, with the locator when the
    /// project has the base map.
    ///
    /// The site shows the tallest of the publication's windows: a screen has no page height to
    /// share, so the map may show the most surroundings (more neighbouring regions named), at
    /// the same scale and with the same labels as the PDF; its shape, about 4:3 on a full-width
    /// page (170 × 132 mm) and 7:6 beside a story (112 × 96 mm), suits a screen.
    fn detail_figure(
        &self,
        index: usize,
        detail: &crate::view::detail::DetailMap,
        window: &crate::view::detail::Window,
        region_map: Option<&maps::RegionMap>,
        base: Option<&maps::BaseMap>,
    ) -> MapFigure {
        let r = &self.publication.regions[index];
        let names: Vec<&str> = self.model.regions.iter().map(|r| r.name.as_str()).collect();
        let neighbours = super::detail::neighbours_named(window, &names);
        let alt = super::detail::description(
            r.name,
            &self.municipality_names[index],
            r.provinces,
            &detail.shared_names,
            window,
            &neighbours,
        );
        let locator = match (region_map, base) {
            (Some(m), Some(base)) => Some(super::detail::Locator {
                base,
                region: &m.rings,
            }),
            _ => None,
        };
        MapFigure {
            svg: super::detail::detail_svg(
                detail,
                window,
                locator,
                &format!("Kaart van {} en omgeving", r.name),
                &alt,
                "kaart",
            ),
            alt,
            kind: "detail",
            shared: !detail.shared.is_empty(),
            numbered: !window.key.is_empty(),
            beside: detail.width_mm < crate::view::detail::PAGE.width_mm - 1.0,
        }
    }

    /// The page of the theme at `index`.
    pub fn theme(&self, index: usize) -> ThemePage<'_> {
        let t = &self.model.themes[index];
        ThemePage {
            theme: self.theme_link(index),
            body: html::rich(&t.body),
            learnings_title: t.learnings_title.as_deref(),
            learnings: t
                .learnings
                .iter()
                .map(|l| Learning {
                    title: &l.title,
                    text: html::rich(&l.text),
                })
                .collect(),
            cases: self.case_links(|c| c.theme == index),
        }
    }

    /// The page of the case at `index` (a case of kind `case`; stories live on region pages).
    pub fn case(&self, index: usize) -> CasePage<'_> {
        CasePage {
            case: self.case_link(index),
            body: html::rich(&self.model.cases[index].body),
            image: self.image(&self.model.cases[index].image),
        }
    }

    /// The municipality register.
    pub fn municipalities(&self) -> MunicipalitiesPage<'_> {
        MunicipalitiesPage {
            letters: &self.publication.municipality_index,
            count_display: dutch_number(self.model.gazetteer.all().len() as i64),
            year: self.model.geography.year,
        }
    }

    /// The sources page.
    pub fn sources(&self) -> SourcesPage<'_> {
        SourcesPage {
            sources: &self.publication.sources,
            colophon: html::rich(&self.model.publication.colophon),
        }
    }
}

/// Rank (1 = largest) of `value` on key figure `figure` among all regions; ties share a rank.
fn rank(model: &Model, figure: usize, value: i64) -> usize {
    1 + model
        .regions
        .iter()
        .filter(|r| r.figures.get(figure).is_some_and(|v| *v > value))
        .count()
}

/// "Onderwijsregio voor primair en voortgezet onderwijs".
fn subtitle(sectors: &[crate::model::Sector]) -> String {
    let names: Vec<String> = sectors.iter().map(|s| s.name().to_string()).collect();
    format!("Onderwijsregio voor {}", dutch_list(&names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_dutch() {
        assert_eq!(dutch_size(512), "1 kB");
        assert_eq!(dutch_size(38_400), "39 kB");
        assert_eq!(dutch_size(2_049_000), "2,0 MB");
    }
}
