//! The pages `serve` shows (in Dutch): the index, a document's live preview, and "not found".
//!
//! Templates are embedded in the binary (no files to install, nothing fetched from a CDN) and
//! rendered with minijinja with HTML escaping on: content reaches them as data only.

use minijinja::{Environment, context};
use serde::Serialize;

use super::workspace::{Doc, Snapshot};
use crate::diagnostics::Severity;

/// The page templates.
pub struct Pages {
    env: Environment<'static>,
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Serialize)]
struct RegionItem<'a> {
    id: &'a str,
    name: &'a str,
    sectors: Vec<&'static str>,
    /// Lowercase words the filter box matches: id, name, municipalities, provinces.
    search: String,
}

#[derive(Serialize)]
struct Problem {
    severity: &'static str,
    text: String,
}

impl Pages {
    /// Loads the embedded templates.
    pub fn new() -> Self {
        let mut env = Environment::new();
        for (name, source) in [
            ("base.html", include_str!("assets/base.html")),
            ("index.html", include_str!("assets/index.html")),
            ("preview.html", include_str!("assets/preview.html")),
            ("notfound.html", include_str!("assets/notfound.html")),
        ] {
            // The templates are part of the binary and tested; a broken one is a bug.
            if let Err(e) = env.add_template(name, source) {
                panic!("embedded template {name} does not parse: {e}");
            }
        }
        Self { env }
    }

    fn render(&self, name: &str, ctx: minijinja::Value) -> String {
        match self.env.get_template(name).and_then(|t| t.render(ctx)) {
            Ok(html) => html,
            Err(e) => format!(
                "<!doctype html><html lang=\"nl\"><title>Fout</title><main><h1>Fout in de pagina</h1><p>{}</p></main></html>",
                escape(&e.to_string())
            ),
        }
    }

    /// The index: publication, regions (list, filter, map), diagnostics.
    pub fn index(&self, snapshot: &Snapshot) -> String {
        let good = snapshot.good.as_ref();
        let regions: Vec<RegionItem> = good
            .map(|g| {
                let model = &g.model;
                model
                    .regions
                    .iter()
                    .map(|r| {
                        let mut words = vec![r.id.clone(), r.name.clone()];
                        words.extend(
                            r.municipalities
                                .iter()
                                .map(|&i| model.municipality(i).name.clone()),
                        );
                        words.extend(r.provinces.iter().cloned());
                        RegionItem {
                            id: &r.id,
                            name: &r.name,
                            sectors: r.sectors.iter().map(|s| s.label()).collect(),
                            search: crate::suggest::fold_keep_spaces(&words.join(" ")),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let publication = good.map(|g| {
            let p = &g.model.publication;
            context! {
                title => p.title.clone(),
                year => p.year,
                date => crate::view::dutch_date(p.date),
                file => format!("{}.pdf", crate::jobs::publication_stem(&g.model)),
            }
        });
        self.render(
            "index.html",
            context! {
                publication,
                regions => minijinja::Value::from(minijinja::value::Serde(&regions)),
                problems => minijinja::Value::from(minijinja::value::Serde(problems(snapshot))),
                errors => snapshot.counts().0,
                warnings => snapshot.counts().1,
                maps => minijinja::Value::from(minijinja::value::Serde(
                    good.map(|g| overview_maps(&g.model)).unwrap_or_default()
                )),
            },
        )
    }

    /// The live preview of a document.
    pub fn preview(&self, doc: &Doc, title: &str) -> String {
        let (pdf, kind) = match doc {
            Doc::Publication => ("/publication.pdf".to_string(), "publicatie"),
            Doc::FactSheet(id) => (format!("/factsheets/{id}.pdf"), "factsheet"),
        };
        self.render(
            "preview.html",
            context! { doc => doc.path(), title, pdf, kind },
        )
    }

    /// "Not found", with the region the visitor probably meant.
    pub fn not_found(&self, snapshot: &Snapshot, doc: Option<&Doc>) -> String {
        let (wanted, suggestion) = match doc {
            Some(Doc::FactSheet(id)) => (
                Some(id.clone()),
                snapshot.good.as_ref().and_then(|g| {
                    g.model
                        .closest_region(id)
                        .map(|r| context! { id => r.id.clone(), name => r.name.clone() })
                }),
            ),
            _ => (None, None),
        };
        self.render("notfound.html", context! { wanted, suggestion })
    }
}

/// One map per sector (PO, VO, MBO): the website's overview map (the same geometry and
/// colouring as the publication's), each region linking to its preview.
#[derive(Serialize)]
struct SectorMap {
    sector: &'static str,
    label: &'static str,
    svg: String,
}

fn overview_maps(model: &crate::model::Model) -> Vec<SectorMap> {
    use crate::view::maps::{self, Detail};
    let Some(base) = maps::base(model, Detail::Small) else {
        return Vec::new();
    };
    maps::overviews_at(model, Detail::Small)
        .iter()
        .map(|overview| SectorMap {
            sector: overview.sector.id,
            label: overview.sector.label,
            svg: crate::site::map::overview_svg(
                overview,
                &base,
                &format!("map-{}", overview.sector.id),
                |id| format!("/preview/factsheets/{id}"),
            )
            .0,
        })
        .collect()
}

/// The title of a document's preview; `None` for a region that does not exist.
pub fn title(snapshot: &Snapshot, doc: &Doc) -> Option<String> {
    let Some(good) = snapshot.good.as_ref() else {
        return Some(match doc {
            Doc::Publication => "Publicatie".to_string(),
            Doc::FactSheet(id) => id.clone(),
        });
    };
    match doc {
        Doc::Publication => Some(good.model.publication.title.clone()),
        Doc::FactSheet(id) => good.model.region(id).map(|(_, r)| r.name.clone()),
    }
}

fn problems(snapshot: &Snapshot) -> Vec<Problem> {
    snapshot
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .map(|d| Problem {
            severity: if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            },
            text: crate::diagnostics::to_human(&snapshot.sources, d),
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
