//! The pages `serve` shows: the index, a document's live preview, the editor's pages (a shell
//! its script fills from the content API), and "not found". Each in the language of the
//! request (`<html lang>` too), with its words from the catalogue ([`super::texts`]).
//!
//! Templates are embedded in the binary (no files to install, nothing fetched from a CDN) and
//! rendered with minijinja with HTML escaping on: content reaches them as data only.

use minijinja::{Environment, context};
use serde::Serialize;

use super::texts;
use super::workspace::{Doc, Snapshot};
use crate::diagnostics::Severity;
use crate::i18n::{Lang, Msg};
use crate::msg;

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

    /// One of this kind ("Regio").
    fn label(self) -> Msg {
        match self {
            EditKind::Publication => msg!("schema-kind-publication"),
            EditKind::Regions => msg!("schema-kind-regions"),
            EditKind::Cases => msg!("schema-kind-cases"),
            EditKind::Themes => msg!("schema-kind-themes"),
        }
    }

    /// Several of this kind, for the breadcrumbs ("Regio's").
    fn plural(self) -> Msg {
        match self {
            EditKind::Publication => msg!("schema-kind-publication.plural"),
            EditKind::Regions => msg!("schema-kind-regions.plural"),
            EditKind::Cases => msg!("schema-kind-cases.plural"),
            EditKind::Themes => msg!("schema-kind-themes.plural"),
        }
    }

    /// "Nieuwe regio", "Nieuw thema", "Nieuwe casus".
    fn new_label(self) -> Msg {
        match self {
            EditKind::Publication => msg!("schema-kind-publication.new"),
            EditKind::Regions => msg!("schema-kind-regions.new"),
            EditKind::Cases => msg!("schema-kind-cases.new"),
            EditKind::Themes => msg!("schema-kind-themes.new"),
        }
    }

    /// "Regio bewerken: Zwolle".
    fn edit_label(self, title: &str) -> Msg {
        match self {
            EditKind::Publication => msg!("schema-kind-publication.edit"),
            EditKind::Regions => msg!("schema-kind-regions.edit", title = title),
            EditKind::Cases => msg!("schema-kind-cases.edit", title = title),
            EditKind::Themes => msg!("schema-kind-themes.edit", title = title),
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

    /// Renders a template in `lang`: every page gets the language, the templates' `t` and the
    /// scripts' texts besides its own values.
    fn render(&self, name: &str, ctx: minijinja::Value, lang: Lang) -> String {
        let ctx = context! {
            lang => lang.tag(),
            t => texts::template_function(lang),
            texts => texts::for_scripts_json(lang),
            ..ctx
        };
        match self.env.get_template(name).and_then(|t| t.render(ctx)) {
            Ok(html) => html,
            Err(e) => format!(
                "<!doctype html><html lang=\"{}\"><title>{}</title><main><h1>{}</h1><p>{}</p></main></html>",
                lang.tag(),
                escape(&msg!("serve-page-error.title").text(lang)),
                escape(&msg!("serve-page-error").text(lang)),
                escape(&e.to_string())
            ),
        }
    }

    /// The index: publication, regions (list, filter, map), diagnostics.
    pub fn index(&self, snapshot: &Snapshot, lang: Lang) -> String {
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
                date => crate::i18n::date(p.date, lang),
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
                        detail: msg!("serve-index-chapter", number = t.number).text(lang),
                    })
                    .collect();
                let cases = model
                    .cases
                    .iter()
                    .map(|c| EditItem {
                        id: &c.id,
                        title: &c.title,
                        detail: match c.kind {
                            crate::model::CaseKind::Case => msg!(
                                "serve-index-case-in",
                                region = &model.regions[c.region].name
                            ),
                            crate::model::CaseKind::Story => msg!(
                                "serve-index-story-in",
                                region = &model.regions[c.region].name
                            ),
                        }
                        .text(lang),
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
                problems => minijinja::Value::from(minijinja::value::Serde(problems(snapshot, lang))),
                errors => snapshot.counts().0,
                warnings => snapshot.counts().1,
                maps => minijinja::Value::from(minijinja::value::Serde(
                    good.map(|g| overview_maps(&g.model)).unwrap_or_default()
                )),
            },
            lang,
        )
    }

    /// The live preview of a document.
    pub fn preview(&self, doc: &Doc, title: &str, lang: Lang) -> String {
        let (pdf, kind, edit) = match doc {
            Doc::Publication => (
                "/publication.pdf".to_string(),
                msg!("serve-kind-publication"),
                "/edit/publication".to_string(),
            ),
            Doc::FactSheet(id) => (
                format!("/factsheets/{id}.pdf"),
                msg!("serve-kind-factsheet"),
                format!("/edit/regions/{id}"),
            ),
        };
        let edit = (!self.read_only).then_some(edit);
        self.render(
            "preview.html",
            context! { doc => doc.path(), title, pdf, kind => kind.text(lang), edit },
            lang,
        )
    }

    /// An edit page: `id` is `None` for the publication and for a new file (`new`). The page
    /// is a shell; its script reads the form's fields and the content from the API.
    pub fn edit(
        &self,
        kind: EditKind,
        id: Option<&str>,
        title: Option<&str>,
        new: bool,
        lang: Lang,
    ) -> String {
        let heading = if new {
            kind.new_label()
        } else {
            kind.edit_label(title.or(id).unwrap_or_default())
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
                kind_plural => kind.plural().text(lang),
                kind_label => kind.label().text(lang),
                id,
                title => title.or(id),
                heading => heading.text(lang),
                new,
                preview,
            },
            lang,
        )
    }

    /// "Not found", with the region the visitor probably meant.
    pub fn not_found(&self, snapshot: &Snapshot, doc: Option<&Doc>, lang: Lang) -> String {
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
        self.render("notfound.html", context! { wanted, suggestion }, lang)
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
pub fn title(snapshot: &Snapshot, doc: &Doc, lang: Lang) -> Option<String> {
    let Some(good) = snapshot.good.as_ref() else {
        return Some(match doc {
            Doc::Publication => msg!("schema-kind-publication").text(lang),
            Doc::FactSheet(id) => id.clone(),
        });
    };
    match doc {
        Doc::Publication => Some(good.model.publication.title.clone()),
        Doc::FactSheet(id) => good.model.region(id).map(|(_, r)| r.name.clone()),
    }
}

fn problems(snapshot: &Snapshot, lang: Lang) -> Vec<Problem> {
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
            text: crate::diagnostics::to_human(&snapshot.sources, d, lang),
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
