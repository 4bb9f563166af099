//! The pages `serve` shows (in Dutch): the index, a document's live preview, the editor's
//! pages (a shell its script fills from the content API), and "not found".
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
    /// Set with `--read-only`: no page links to the editor.
    pub read_only: bool,
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

/// What the editor edits: the publication, or one region, case or theme file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// `content/publication.toml`.
    Publication,
    /// `content/regions/*.toml`.
    Regions,
    /// `content/cases/*.toml`.
    Cases,
    /// `content/themes/*.toml`.
    Themes,
}

impl EditKind {
    /// The kind as the API names it (`regions`), from a URL segment; `None` for anything else.
    pub fn parse(kind: &str) -> Option<EditKind> {
        Some(match kind {
            "publication" => EditKind::Publication,
            "regions" => EditKind::Regions,
            "cases" => EditKind::Cases,
            "themes" => EditKind::Themes,
            _ => return None,
        })
    }

    /// The kind as the API names it.
    pub fn api(self) -> &'static str {
        match self {
            EditKind::Publication => "publication",
            EditKind::Regions => "regions",
            EditKind::Cases => "cases",
            EditKind::Themes => "themes",
        }
    }

    /// One of this kind, in Dutch ("Regio").
    fn label(self) -> &'static str {
        match self {
            EditKind::Publication => "Publicatie",
            EditKind::Regions => "Regio",
            EditKind::Cases => "Casus",
            EditKind::Themes => "Thema",
        }
    }

    /// Several of this kind, in Dutch, for the breadcrumbs ("Regio's").
    fn plural(self) -> &'static str {
        match self {
            EditKind::Publication => "Publicatie",
            EditKind::Regions => "Regio's",
            EditKind::Cases => "Casussen",
            EditKind::Themes => "Thema's",
        }
    }

    /// "Nieuwe regio", "Nieuw thema", "Nieuwe casus".
    fn new_label(self) -> &'static str {
        match self {
            EditKind::Publication => "Nieuwe publicatie",
            EditKind::Regions => "Nieuwe regio",
            EditKind::Cases => "Nieuwe casus",
            EditKind::Themes => "Nieuw thema",
        }
    }
}

/// Whether `id` can name a region, case or theme: lowercase letters, digits and hyphens only
/// (what `check` allows), so it is safe in a URL and a file name. Checked before any lookup.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The title of the thing an edit page edits, from the last good model. `Some(None)`: the
/// content has errors and the last good model is older than the files, so an id it does not
/// know may still exist (the API decides); `None`: no such id.
pub fn edit_title(snapshot: &Snapshot, kind: EditKind, id: &str) -> Option<Option<String>> {
    let Some(good) = snapshot.good.as_ref() else {
        return Some(None);
    };
    let model = &good.model;
    let found = match kind {
        EditKind::Publication => Some(model.publication.title.clone()),
        EditKind::Regions => model.region(id).map(|(_, r)| r.name.clone()),
        EditKind::Cases => model
            .cases
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.title.clone()),
        EditKind::Themes => model
            .themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.short_title.clone()),
    };
    match found {
        Some(title) => Some(Some(title)),
        None if good.generation < snapshot.generation => Some(None),
        None => None,
    }
}

#[derive(Serialize)]
struct EditItem<'a> {
    id: &'a str,
    title: &'a str,
    /// A detail under the title (a case's kind and region).
    detail: String,
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
            ("edit.html", include_str!("assets/edit.html")),
        ] {
            // The templates are part of the binary and tested; a broken one is a bug.
            if let Err(e) = env.add_template(name, source) {
                panic!("embedded template {name} does not parse: {e}");
            }
        }
        Self {
            env,
            read_only: false,
        }
    }

    /// With `read_only`, no page links to the editor and there are no edit pages.
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
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
        let (themes, cases): (Vec<EditItem>, Vec<EditItem>) = good
            .map(|g| {
                let model = &g.model;
                let themes = model
                    .themes
                    .iter()
                    .map(|t| EditItem {
                        id: &t.id,
                        title: &t.short_title,
                        detail: format!("hoofdstuk {}", t.number),
                    })
                    .collect();
                let cases = model
                    .cases
                    .iter()
                    .map(|c| EditItem {
                        id: &c.id,
                        title: &c.title,
                        detail: format!(
                            "{}, {}",
                            match c.kind {
                                crate::model::CaseKind::Case => "casus",
                                crate::model::CaseKind::Story => "verhaal",
                            },
                            model.regions[c.region].name
                        ),
                    })
                    .collect();
                (themes, cases)
            })
            .unwrap_or_default();
        self.render(
            "index.html",
            context! {
                editable => !self.read_only,
                themes => minijinja::Value::from(minijinja::value::Serde(&themes)),
                cases => minijinja::Value::from(minijinja::value::Serde(&cases)),
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
        let (pdf, kind, edit) = match doc {
            Doc::Publication => (
                "/publication.pdf".to_string(),
                "publicatie",
                "/edit/publication".to_string(),
            ),
            Doc::FactSheet(id) => (
                format!("/factsheets/{id}.pdf"),
                "factsheet",
                format!("/edit/regions/{id}"),
            ),
        };
        let edit = (!self.read_only).then_some(edit);
        self.render(
            "preview.html",
            context! { doc => doc.path(), title, pdf, kind, edit },
        )
    }

    /// An edit page: `id` is `None` for the publication and for a new file (`new`). The page
    /// is a shell; its script reads the form's fields and the content from the API.
    pub fn edit(&self, kind: EditKind, id: Option<&str>, title: Option<&str>, new: bool) -> String {
        let heading = if new {
            kind.new_label().to_string()
        } else {
            match (kind, title) {
                (EditKind::Publication, _) => "Publicatie bewerken".to_string(),
                (_, Some(t)) => format!("{} bewerken: {t}", kind.label()),
                (_, None) => format!("{} bewerken: {}", kind.label(), id.unwrap_or_default()),
            }
        };
        let preview = match (kind, id) {
            (EditKind::Publication, _) if !new => Some("/preview/publication".to_string()),
            (EditKind::Regions, Some(id)) => Some(format!("/preview/factsheets/{id}")),
            _ => None,
        };
        self.render(
            "edit.html",
            context! {
                kind => kind.api(),
                kind_plural => kind.plural(),
                kind_label => kind.label(),
                id,
                title => title.or(id),
                heading,
                new,
                preview,
            },
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
            text: crate::diagnostics::to_human(&snapshot.sources, d, crate::i18n::Lang::Nl),
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
