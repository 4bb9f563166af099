//! Maps, the municipality index and key figures in context, as view data.
//!
//! Maps are geometry, not pictures: the layout draws them with Typst shapes, so they are vector,
//! use the palette of the edition (CMYK in print) and carry alternative text from here.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{RegionRef, SectorView, collation_key, dutch_list, dutch_number};
use crate::geo::{self, Geo, Ring};
use crate::model::{Model, Region, Sector};

/// Every map of a build, in one file apart from the documents' views
/// (`/.drukwerk/maps.json`): the base maps, the overview maps, and for every region its map on
/// the country and its detail maps (the region page's and the fact sheet's). The same bytes
/// for every document of a build, and unchanged by an edit of a figure or a text, so Typst
/// decodes them and builds the map drawings once (`layouts/maps.typ`) and a recompile after
/// such an edit reuses them. Documents refer to a region's maps by its id.
#[derive(Debug, Serialize)]
pub struct MapsView<'a> {
    /// Contract version.
    pub schema: u32,
    /// The base map of the country (absent when the project has no boundaries).
    pub geo: Option<BaseMap<'a>>,
    /// The same, simplified for maps about 50 mm wide (region pages without an area, fact
    /// sheets).
    pub geo_small: Option<BaseMap<'a>>,
    /// The same, simplified further for the locator insets of the detail maps.
    pub geo_inset: Option<BaseMap<'a>>,
    /// Overview maps per sector.
    pub overviews: Vec<OverviewMap<'a>>,
    /// Every region's maps, as an object by region id.
    #[serde(serialize_with = "by_region_id")]
    pub regions: Vec<RegionMaps<'a>>,
}

/// The maps of one region.
#[derive(Debug, Serialize)]
pub struct RegionMaps<'a> {
    /// The region's id (the key of its entry).
    #[serde(skip)]
    pub id: &'a str,
    /// The region on the map of the country (absent when the project has no boundaries).
    pub map: Option<RegionMap<'a>>,
    /// The detail map of its page in the publication ([`super::detail::PAGE`]; absent without
    /// boundaries or without municipalities).
    pub page: Option<super::detail::DetailMap<'a>>,
    /// The detail map of its fact sheet ([`super::detail::SHEET`]).
    pub sheet: Option<super::detail::DetailMap<'a>>,
}

fn by_region_id<S: serde::Serializer>(
    regions: &[RegionMaps<'_>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(regions.iter().map(|r| (r.id, r)))
}

/// The maps of every document of a build.
pub fn view(model: &Model) -> MapsView<'_> {
    view_of(model, true)
}

/// The maps of a build; the fact sheets' detail maps only when `sheets` (the website draws
/// the region pages' only).
pub fn view_of(model: &Model, sheets: bool) -> MapsView<'_> {
    let all: Vec<usize> = (0..model.regions.len()).collect();
    make(model, &all, true, sheets)
}

/// The maps that the fact sheets of the regions at `indices` read, and nothing else: the base
/// maps and those regions' maps on the country and detail maps, without the publication's
/// overview and page maps. `drukwerk factsheet` uses these, so one sheet on demand places the
/// labels of one region, not of all 49 (its cache entries are apart from a full build's).
pub fn view_for_sheets<'a>(model: &'a Model, indices: &[usize]) -> MapsView<'a> {
    make(model, indices, false, true)
}

fn make<'a>(model: &'a Model, indices: &[usize], publication: bool, sheets: bool) -> MapsView<'a> {
    use super::detail;
    use rayon::prelude::*;
    let membership = detail::membership(model);
    // Placing the labels of the detail maps is the largest part of the views: in parallel.
    let regions = indices
        .par_iter()
        .map(|&i| {
            let region = &model.regions[i];
            RegionMaps {
                id: &region.id,
                map: region_map(model, region),
                page: if publication {
                    detail::detail_map(model, i, &membership, &detail::PAGE)
                } else {
                    None
                },
                sheet: if sheets {
                    detail::detail_map(model, i, &membership, &detail::SHEET)
                } else {
                    None
                },
            }
        })
        .collect();
    MapsView {
        schema: super::SCHEMA,
        geo: base(model, Detail::Full),
        geo_small: base(model, Detail::Small),
        geo_inset: base(model, Detail::Inset),
        overviews: if publication {
            overviews(model)
        } else {
            Vec::new()
        },
        regions,
    }
}

/// A hash of everything in `model` that [`view`] reads besides the boundaries themselves
/// (`model.geo`) and the files they and the municipality list come from: the geography's
/// settings, the municipality list, and each region's id, name, sectors, municipalities,
/// provinces and whether it has a story in full (which narrows its page's map). A long-lived
/// driver keeps the maps while this, the boundaries and the files are unchanged, so an edit
/// of a figure or a text does not make them again (`serve`). Figures and texts are no part
/// of it: the maps never show them.
pub fn inputs_key(model: &Model) -> u128 {
    let g = &model.geography;
    let municipalities: Vec<(&str, &str, &str)> = model
        .gazetteer
        .all()
        .iter()
        .map(|m| (m.code.as_str(), m.name.as_str(), m.province.as_str()))
        .collect();
    let regions: Vec<_> = model
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let story = model
                .cases_of(i)
                .any(|c| c.kind == crate::model::CaseKind::Story);
            (
                &r.id,
                &r.name,
                &r.sectors,
                &r.municipalities,
                &r.provinces,
                story,
            )
        })
        .collect();
    typst::utils::hash128(&(
        super::SCHEMA,
        model.geo.is_some(),
        (g.year, &g.municipality_list, &g.municipality_boundaries),
        (&g.province_boundaries, &g.attribution),
        municipalities,
        regions,
    ))
}

/// The base map of the country: land (province rings) and enclosed waters.
#[derive(Debug, Serialize)]
pub struct BaseMap<'a> {
    /// Width in map units.
    pub width: i32,
    /// Height in map units.
    pub height: i32,
    /// Land rings, flat `[x, y, …]`, y downwards.
    pub land: &'a [Ring],
    /// Enclosed waters drawn over the land.
    pub water: &'a [Ring],
    /// Attribution required by the data licence (`[geography] attribution`).
    pub attribution: &'a str,
}

/// How much detail a map's rings keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// As shipped (large maps: the overview maps).
    Full,
    /// Simplified for maps about 50 mm wide ([`geo::SmallMaps`]): region maps, fact sheets.
    Small,
    /// Simplified further for the locator insets of the detail maps ([`geo::InsetMap`]).
    Inset,
}

/// The base map, when the project has boundaries.
pub fn base(model: &Model, detail: Detail) -> Option<BaseMap<'_>> {
    model.geo.as_ref().map(|g| {
        let (land, water) = match detail {
            Detail::Full => (&g.provinces, &g.waters),
            Detail::Small => (&g.small().provinces, &g.small().waters),
            Detail::Inset => (&g.inset().provinces, &g.inset().waters),
        };
        BaseMap {
            width: geo::MAP_WIDTH as i32,
            height: g.height,
            land,
            water,
            attribution: &model.geography.attribution,
        }
    })
}

/// A region highlighted on the base map.
#[derive(Debug, Serialize)]
pub struct RegionMap<'a> {
    /// CBS codes of the highlighted municipalities (what the map shows, for tests and tools).
    pub codes: Vec<&'a str>,
    /// The municipalities' rings, simplified for small maps ([`Detail::Small`]).
    pub rings: Vec<&'a Ring>,
    /// Alternative text.
    pub alt: String,
}

/// The map of one region, when the project has boundaries.
pub fn region_map<'a>(model: &'a Model, region: &'a Region) -> Option<RegionMap<'a>> {
    let geo = model.geo.as_ref()?;
    let mut codes = Vec::new();
    let mut rings = Vec::new();
    for &i in &region.municipalities {
        let code = model.municipality(i).code.as_str();
        codes.push(code);
        rings.extend(geo.small().municipalities.get(code).into_iter().flatten());
    }
    let alt = if region.municipalities.is_empty() {
        format!(
            "Kaart van Nederland. {} heeft geen vastgelegd verzorgingsgebied; er is niets gemarkeerd.",
            region.name
        )
    } else if !region.provinces.is_empty() {
        format!(
            "Kaart van Nederland met {} gemarkeerd: de provincies {}.",
            region.name,
            dutch_list(
                &region
                    .provinces
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            )
        )
    } else {
        let names = super::municipality_names(model, region);
        format!(
            "Kaart van Nederland met {} gemarkeerd: {}.",
            region.name,
            super::municipalities_phrase(&names)
        )
    };
    Some(RegionMap { codes, rings, alt })
}

/// An overview map of all regions of one sector.
#[derive(Debug, Serialize)]
pub struct OverviewMap<'a> {
    /// The sector.
    pub sector: SectorView,
    /// Map title.
    pub title: String,
    /// The regions, numbered in name order.
    pub regions: Vec<OverviewRegion<'a>>,
    /// Municipalities that belong to more than one region of this sector (drawn hatched).
    pub overlaps: Vec<Overlap<'a>>,
    /// Regions of this sector without a municipality list (not on the map; named in the legend).
    pub without_area: Vec<RegionRef<'a>>,
    /// How many colours the map uses.
    pub colours: usize,
    /// Alternative text.
    pub alt: String,
}

/// One region on an overview map.
#[derive(Debug, Serialize)]
pub struct OverviewRegion<'a> {
    /// Number on the map and in the legend.
    pub number: usize,
    /// The region.
    pub region: RegionRef<'a>,
    /// Colour index (neighbouring regions never share one).
    pub colour: usize,
    /// Where to put the number, in map units.
    pub label_at: (i32, i32),
    /// The region's municipality rings (those only in this region).
    pub rings: Vec<&'a Ring>,
}

/// A municipality shared by regions of one sector.
#[derive(Debug, Serialize)]
pub struct Overlap<'a> {
    /// Official name.
    pub name: &'a str,
    /// Numbers of the regions it belongs to.
    pub regions: Vec<usize>,
    /// Its rings.
    pub rings: Vec<&'a Ring>,
}

/// The overview maps for PO, VO and MBO, when the project has boundaries.
pub fn overviews(model: &Model) -> Vec<OverviewMap<'_>> {
    overviews_at(model, Detail::Full)
}

/// The overview maps with rings at the given detail (the website draws them [`Detail::Small`]:
/// a third fewer points to send, invisible at screen size).
pub fn overviews_at(model: &Model, detail: Detail) -> Vec<OverviewMap<'_>> {
    let Some(geo) = model.geo.as_ref() else {
        return Vec::new();
    };
    Sector::ALL
        .into_iter()
        .map(|s| overview(model, geo, s, detail))
        .filter(|o| !o.regions.is_empty())
        .collect()
}

fn overview<'a>(model: &'a Model, geo: &'a Geo, sector: Sector, detail: Detail) -> OverviewMap<'a> {
    let regions: Vec<&Region> = model
        .regions
        .iter()
        .filter(|r| r.sectors.contains(&sector) && !r.municipalities.is_empty())
        .collect();
    // How many regions of this sector each municipality is in.
    let mut membership: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, r) in regions.iter().enumerate() {
        for &m in &r.municipalities {
            membership.entry(m).or_default().push(n);
        }
    }
    let groups: Vec<Vec<&str>> = regions
        .iter()
        .map(|r| {
            r.municipalities
                .iter()
                .map(|&i| model.municipality(i).code.as_str())
                .collect()
        })
        .collect();
    let colours = geo::colour(&geo::neighbours(geo, &groups));
    let municipalities = match detail {
        Detail::Full => &geo.municipalities,
        // The insets have no municipalities of their own.
        Detail::Small | Detail::Inset => &geo.small().municipalities,
    };
    let rings_of = |i: usize| {
        municipalities
            .get(&model.municipality(i).code)
            .into_iter()
            .flatten()
    };
    let view_regions: Vec<OverviewRegion> = regions
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let all: Vec<&Ring> = r.municipalities.iter().flat_map(|&i| rings_of(i)).collect();
            OverviewRegion {
                number: n + 1,
                region: RegionRef::new(r),
                colour: colours[n],
                label_at: geo::label_point(&all),
                rings: r
                    .municipalities
                    .iter()
                    .filter(|i| membership[i].len() == 1)
                    .flat_map(|&i| rings_of(i))
                    .collect(),
            }
        })
        .collect();
    let overlaps: Vec<Overlap> = membership
        .iter()
        .filter(|(_, regions)| regions.len() > 1)
        .map(|(&i, regions)| Overlap {
            name: &model.municipality(i).name,
            regions: regions.iter().map(|n| n + 1).collect(),
            rings: rings_of(i).collect(),
        })
        .collect();
    let alt = format!(
        "Kaart van Nederland met de {} onderwijsregio's voor het {}, elk in een eigen kleur en genummerd zoals in de legenda.{}",
        view_regions.len(),
        sector.name(),
        if overlaps.is_empty() {
            String::new()
        } else {
            format!(
                " {} gemeenten horen bij meer dan één regio en zijn gearceerd.",
                overlaps.len()
            )
        }
    );
    OverviewMap {
        sector: sector.into(),
        title: format!("Onderwijsregio's {}", sector.label()),
        colours: colours.iter().max().map_or(0, |m| m + 1),
        without_area: model
            .regions
            .iter()
            .filter(|r| r.sectors.contains(&sector) && r.municipalities.is_empty())
            .map(RegionRef::new)
            .collect(),
        regions: view_regions,
        overlaps,
        alt,
    }
}

/// Where a region stands among all regions on the first key figure (students).
#[derive(Debug, Serialize)]
pub struct Context {
    /// Label of the figure (`Leerlingen/studenten`).
    pub label: String,
    /// Rank, 1 = largest.
    pub rank: usize,
    /// Number of regions.
    pub of: usize,
    /// "12e van 49".
    pub rank_display: String,
    /// This region's value as a fraction of the largest (0–1).
    pub position: f64,
    /// Every region's value as a fraction of the largest, largest first.
    pub values: Vec<f64>,
    /// The largest value, formatted.
    pub max_display: String,
}

/// The context of region `index` on the first key figure.
pub fn context(model: &Model, index: usize) -> Option<Context> {
    let kf = model.key_figures.first()?;
    let mut values: Vec<i64> = model.regions.iter().map(|r| r.figures[0]).collect();
    values.sort_by(|a, b| b.cmp(a));
    let max = (*values.first()?).max(1) as f64;
    let value = model.regions[index].figures[0];
    let rank = values.iter().position(|v| *v == value)? + 1;
    Some(Context {
        label: kf.label.clone(),
        rank,
        of: values.len(),
        rank_display: format!("{rank}e van {}", values.len()),
        position: value as f64 / max,
        values: values.iter().map(|v| *v as f64 / max).collect(),
        max_display: dutch_number(values[0]),
    })
}

/// The largest and smallest region on the first key figure.
#[derive(Debug, Serialize)]
pub struct Extremes<'a> {
    /// Figure label.
    pub label: &'a str,
    /// Largest region and its value.
    pub largest: (RegionRef<'a>, String),
    /// Smallest region and its value.
    pub smallest: (RegionRef<'a>, String),
}

/// Largest and smallest region by the first key figure.
pub fn extremes(model: &Model) -> Option<Extremes<'_>> {
    let kf = model.key_figures.first()?;
    let largest = model
        .regions
        .iter()
        .max_by_key(|r| (r.figures[0], std::cmp::Reverse(&r.id)))?;
    let smallest = model.regions.iter().min_by_key(|r| (r.figures[0], &r.id))?;
    Some(Extremes {
        label: &kf.label,
        largest: (RegionRef::new(largest), dutch_number(largest.figures[0])),
        smallest: (RegionRef::new(smallest), dutch_number(smallest.figures[0])),
    })
}

/// The A–Z index of municipalities, grouped by initial.
#[derive(Debug, Serialize)]
pub struct IndexLetter<'a> {
    /// The initial ("A"; "'s-Gravenhage" is under G).
    pub letter: String,
    /// The municipalities under it.
    pub entries: Vec<IndexEntry<'a>>,
}

/// One municipality in the index.
#[derive(Debug, Serialize)]
pub struct IndexEntry<'a> {
    /// Official name.
    pub name: &'a str,
    /// CBS code.
    pub code: &'a str,
    /// The regions it belongs to, in name order, with their sectors.
    pub regions: Vec<IndexRegion<'a>>,
}

/// A region an indexed municipality belongs to.
#[derive(Debug, Serialize)]
pub struct IndexRegion<'a> {
    /// The region.
    pub region: RegionRef<'a>,
    /// The region's sectors.
    pub sectors: Vec<SectorView>,
}

/// Every official municipality with the regions it belongs to.
pub fn index(model: &Model) -> Vec<IndexLetter<'_>> {
    let mut entries: Vec<(String, IndexEntry)> = model
        .gazetteer
        .all()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let regions = model
                .regions
                .iter()
                .filter(|r| r.municipalities.contains(&i))
                .map(|r| IndexRegion {
                    region: RegionRef::new(r),
                    sectors: r.sectors.iter().map(|&s| s.into()).collect(),
                })
                .collect();
            (
                collation_key(&m.name),
                IndexEntry {
                    name: &m.name,
                    code: &m.code,
                    regions,
                },
            )
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut letters: Vec<IndexLetter> = Vec::new();
    for (key, entry) in entries {
        let letter = key
            .chars()
            .next()
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_default();
        match letters.last_mut() {
            Some(l) if l.letter == letter => l.entries.push(entry),
            _ => letters.push(IndexLetter {
                letter,
                entries: vec![entry],
            }),
        }
    }
    letters
}
