//! The data contract of `layouts/factsheet.typ`: one region, standing on its own. Its maps
//! are in the build's maps file ([`super::maps::MapsView`]), by the region's id.

use serde::Serialize;

use super::{CaseRef, Meta, RegionView, SCHEMA, SourceView};
use crate::model::Model;

/// One fact sheet.
#[derive(Debug, Serialize)]
pub struct FactSheetView<'a> {
    /// Contract version.
    pub schema: u32,
    /// Metadata; the title is the region name.
    pub meta: Meta<'a>,
    /// The publication the sheet comes from.
    pub publication: PublicationRef<'a>,
    /// The region; stories are references (title and summary), not full text.
    pub region: RegionView<'a, CaseRef<'a>>,
    /// Number of regions in the country.
    pub region_count: usize,
    /// Sources.
    pub sources: Vec<SourceView<'a>>,
}

/// The publication a fact sheet belongs to.
#[derive(Debug, Serialize)]
pub struct PublicationRef<'a> {
    /// Title.
    pub title: &'a str,
    /// Year.
    pub year: i32,
    /// Date in Dutch.
    pub date: String,
}

/// Builds the fact sheet of the region at `index`.
pub fn view(model: &Model, index: usize) -> FactSheetView<'_> {
    let p = &model.publication;
    let region = &model.regions[index];
    let meta = Meta::new(
        model,
        format!("{} – factsheet", region.name),
        format!("Factsheet van {} uit {} ({})", region.name, p.title, p.year),
    );
    FactSheetView {
        schema: SCHEMA,
        publication: PublicationRef {
            title: &p.title,
            year: p.year,
            date: meta.date.clone(),
        },
        meta,
        region: RegionView::new(model, index, |c| CaseRef::new(model, c)),
        region_count: model.regions.len(),
        sources: p.sources.iter().map(SourceView::from).collect(),
    }
}
