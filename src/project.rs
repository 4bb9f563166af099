//! The stages put together: load + validate (what `check` does), and the build date.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::content;
use crate::diagnostics::{Diagnostic, Sources};
use crate::geo::GeoCache;
use crate::model::Model;
use crate::validate;

/// The outcome of loading and validating a project.
pub struct Checked {
    /// The model, when there were no errors.
    pub model: Option<Model>,
    /// Every problem found (errors, warnings, notes), in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Texts of the files the diagnostics point into.
    pub sources: Sources,
    /// Time spent loading.
    pub load_time: Duration,
    /// Time spent validating.
    pub validate_time: Duration,
}

/// Loads and validates the content of the project at `root`. Never panics on bad content.
pub fn check(root: &Path) -> Checked {
    check_with(root, &GeoCache::default())
}

/// Like [`check`], keeping the parsed boundaries in `cache` between calls (serve).
pub fn check_with(root: &Path, cache: &GeoCache) -> Checked {
    check_layered(root, cache, &content::Layer::disk())
}

/// Like [`check_with`], reading the content through `layer`: the editor's unsaved texts go
/// through the same stages as the files on disk.
pub fn check_layered(root: &Path, cache: &GeoCache, layer: &content::Layer) -> Checked {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let started = Instant::now();
    let raw = content::load_layered(root, layer, &mut sources, &mut diagnostics);
    let load_time = started.elapsed();
    let started = Instant::now();
    let model = validate::validate_with(root, raw, cache, &mut diagnostics);
    let validate_time = started.elapsed();
    sort(&mut diagnostics);
    Checked {
        model,
        diagnostics,
        sources,
        load_time,
        validate_time,
    }
}

/// Orders diagnostics by file and position, so output is stable and easy to follow.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.span.as_ref().map(|s| s.start))
            .cmp(&(&b.file, b.span.as_ref().map(|s| s.start)))
    });
}

/// The date layouts see as "today" and the PDF timestamp (seconds since the epoch). Both come
/// from the publication date, or from `SOURCE_DATE_EPOCH` when given, never from the clock.
pub fn build_date(model: &Model, source_date_epoch: Option<i64>) -> (NaiveDate, i64) {
    match source_date_epoch.and_then(|s| chrono::DateTime::from_timestamp(s, 0).map(|d| (d, s))) {
        Some((dt, seconds)) => (dt.date_naive(), seconds),
        None => {
            let date = model.publication.date;
            let seconds = date
                .and_hms_opt(0, 0, 0)
                .map_or(0, |d| d.and_utc().timestamp());
            (date, seconds)
        }
    }
}

/// Reads `SOURCE_DATE_EPOCH` (reproducible-builds.org), if set to a number.
pub fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}
