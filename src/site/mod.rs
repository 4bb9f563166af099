//! Render target "site": the web edition as accessible HTML, from the same model and view data
//! as the PDFs.
//!
//! ```text
//! Model ──view (site::view, from view::publication)──▶ page data ──render (templates)──▶ files
//! ```
//!
//! [`render`] returns the whole site as an in-memory map of site-relative path → bytes: the
//! pages (`index.html`, `regions/<id>.html`, `themes/<id>.html`, `cases/<id>.html`,
//! `gemeenten.html`, `bronnen.html`), the static files from `layouts/site/assets/`, and the
//! PDFs it was given. `drukwerk build` writes that map to `out/site/` as a folder, staged and
//! then swapped in ([`crate::export::write_dir_atomic`]); a server can serve it from memory.
//! Links are relative only, so the folder works on any web server and from disk.
//!
//! For other drivers (a server): [`render`] with [`Options`] gives the same map without writing
//! anything; [`map::overview_svg`] draws one sector's clickable map from
//! [`crate::view::maps::overviews_at`] and [`crate::view::maps::base`] for a page of its own.

pub mod detail;
pub mod html;
pub mod map;
pub mod templates;
pub mod view;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;
use sha2::Digest;

use crate::Error;
use crate::diagnostics::{Diagnostic, Sources};
use crate::model::{CaseKind, Model};
use templates::Templates;
use view::{Download, SiteInfo, SiteView};

/// The site: site-relative path (forward slashes) → file bytes, in path order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What the site carries besides its pages.
#[derive(Debug, Default, Clone, Copy)]
pub struct Options<'a> {
    /// The publication PDF (web edition): copied to [`publication_path`] and linked from every
    /// page.
    pub publication: Option<&'a [u8]>,
    /// The fact sheet PDFs (web edition) by region id: copied to `factsheets/<id>.pdf` and
    /// linked from the region pages.
    pub factsheets: Option<&'a BTreeMap<String, Vec<u8>>>,
    /// Where processed images are cached (`out/.cache/images`): when given, the content's
    /// images are in the site (`media/`, at most [`crate::images::SITE_WIDTH`] pixels wide,
    /// without metadata); without it, pages show none.
    pub image_cache: Option<&'a Path>,
}

/// Site-relative path of the publication PDF: the same file name as in `out/`.
pub fn publication_path(model: &Model) -> String {
    format!("{}.pdf", crate::jobs::publication_stem(model))
}

/// Site-relative path of a region's fact sheet PDF.
pub fn factsheet_path(region_id: &str) -> String {
    format!("factsheets/{region_id}.pdf")
}

/// The page a template renders: output path, template, and the page's own data.
struct Page<T: Serialize> {
    path: String,
    template: &'static str,
    meta: PageMeta,
    data: T,
}

/// What a template knows about the page it renders, besides its data.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// Site-relative path of this page (`regions/zwolle.html`).
    pub path: String,
    /// Prefix from this page back to the site root (`""` or `"../"`); every link starts with it.
    pub root: String,
    /// The `<title>`.
    pub title: String,
    /// The meta description (and `og:description`).
    pub description: String,
    /// `website` for the home page, `article` for the others (`og:type`).
    pub og_type: &'static str,
    /// Which navigation entry is current (`regions`, `themes`, `gemeenten`, `bronnen`, `home`).
    pub section: &'static str,
}

#[derive(Serialize)]
struct Context<'a, T: Serialize> {
    site: &'a SiteInfo<'a>,
    page: &'a PageMeta,
    #[serde(flatten)]
    data: &'a T,
}

fn meta(
    path: &str,
    title: String,
    description: String,
    section: &'static str,
    site_title: &str,
) -> PageMeta {
    let depth = path.matches('/').count();
    PageMeta {
        path: path.to_string(),
        root: "../".repeat(depth),
        title: if section == "home" {
            title
        } else {
            format!("{title} – {site_title}")
        },
        description: one_line(&description, 300),
        og_type: if section == "home" {
            "website"
        } else {
            "article"
        },
        section,
    }
}

/// Text for a meta description: whitespace collapsed, cut at a word before `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

/// Renders the whole site. Template texts are added to `sources`, so an error in a template can
/// be shown with its line. Never panics on content or templates.
pub fn render(
    root: &Path,
    model: &Model,
    options: &Options,
    sources: &mut Sources,
) -> Result<Files, Error> {
    render_prepared(
        root,
        model,
        options,
        sources,
        prepare(root, model, options.image_cache)?,
    )
}

/// What the site is made from besides its templates and the documents: the content's images
/// and the maps. A build makes it while Typst lays out the documents ([`prepare`]), and the
/// site's own work after them is only its pages.
pub struct Prepared<'a> {
    /// The images' files in the site, by site path.
    files: Files,
    /// Content image path → its file in the site.
    media: HashMap<String, String>,
    /// The maps (see [`view::SiteView`]).
    maps: crate::view::maps::MapsView<'a>,
    /// The overview maps, simplified for the screen.
    overviews: Vec<crate::view::maps::OverviewMap<'a>>,
}

/// The images (when `image_cache` is given: see [`Options::image_cache`]) and the maps of the
/// site of `model`: independent of the documents, so made beside them.
pub fn prepare<'a>(
    root: &Path,
    model: &'a Model,
    image_cache: Option<&Path>,
) -> Result<Prepared<'a>, Error> {
    let mut files = Files::new();
    let media = match image_cache {
        Some(cache) => media(root, model, cache, &mut files)?,
        None => HashMap::new(),
    };
    Ok(Prepared {
        files,
        media,
        maps: crate::view::maps::view_of(model, false),
        overviews: crate::view::maps::overviews_at(model, crate::view::maps::Detail::Small),
    })
}

/// [`render`] from what [`prepare`] made of the same model (`options.image_cache` is not read
/// here: the images are in `prepared`).
pub fn render_prepared<'a>(
    root: &Path,
    model: &'a Model,
    options: &Options,
    sources: &mut Sources,
    prepared: Prepared<'a>,
) -> Result<Files, Error> {
    let templates = Templates::load(root, sources).map_err(Error::Diagnostics)?;
    let Prepared {
        mut files,
        media,
        maps,
        overviews,
    } = prepared;
    let site = SiteView::new(model, &media, maps, overviews);
    let mut errors: Vec<Diagnostic> = Vec::new();

    let publication_pdf = options.publication.map(|bytes| {
        files.insert(publication_path(model), bytes.to_vec());
        Download::new(publication_path(model), bytes.len())
    });
    let info = site.info(publication_pdf);
    let title = model.publication.title.as_str();
    let mut emit = |page: &dyn ErasedPage| match page.render(&templates, &info) {
        Ok((path, html)) => {
            files.insert(path, html.into_bytes());
        }
        Err(d) => errors.push(*d),
    };

    emit(&Page {
        path: "index.html".into(),
        template: "index.html",
        meta: meta(
            "index.html",
            title.to_string(),
            site.lede_text(),
            "home",
            title,
        ),
        data: site.index(),
    });
    for (i, region) in model.regions.iter().enumerate() {
        let factsheet = options
            .factsheets
            .and_then(|f| f.get(&region.id))
            .map(|bytes| Download::new(factsheet_path(&region.id), bytes.len()));
        let path = format!("regions/{}.html", region.id);
        emit(&Page {
            meta: meta(
                &path,
                region.name.clone(),
                format!(
                    "{}: kerncijfers, gemeenten, kaart en voorbeelden uit de regio.",
                    region.name
                ),
                "regions",
                title,
            ),
            path,
            template: "region.html",
            data: site.region(i, factsheet),
        });
    }
    for (i, theme) in model.themes.iter().enumerate() {
        let path = format!("themes/{}.html", theme.id);
        emit(&Page {
            meta: meta(
                &path,
                theme.title.clone(),
                format!("{}: {}", theme.short_title, theme.lede),
                "themes",
                title,
            ),
            path,
            template: "theme.html",
            data: site.theme(i),
        });
    }
    for (i, case) in model.cases.iter().enumerate() {
        if case.kind != CaseKind::Case {
            continue;
        }
        let path = format!("cases/{}.html", case.id);
        emit(&Page {
            meta: meta(
                &path,
                case.title.clone(),
                case.summary.clone(),
                "themes",
                title,
            ),
            path,
            template: "case.html",
            data: site.case(i),
        });
    }
    emit(&Page {
        path: "gemeenten.html".into(),
        template: "gemeenten.html",
        meta: meta(
            "gemeenten.html",
            "Gemeenten A–Z".into(),
            "Alle gemeenten van Nederland met de onderwijsregio's waar zij bij horen.".into(),
            "gemeenten",
            title,
        ),
        data: site.municipalities(),
    });
    emit(&Page {
        path: "bronnen.html".into(),
        template: "bronnen.html",
        meta: meta(
            "bronnen.html",
            "Bronnen en verantwoording".into(),
            "Bronnen, verantwoording en licenties van de gegevens en kaarten in deze publicatie."
                .into(),
            "bronnen",
            title,
        ),
        data: site.sources(),
    });
    if !errors.is_empty() {
        // One mistake in a template fails every page that uses it: report each place once.
        let key = |d: &Diagnostic| {
            (
                d.file.clone(),
                d.span.as_ref().map(|s| (s.start, s.end)),
                d.message.text(crate::i18n::Lang::En),
                crate::i18n::texts(&d.notes, crate::i18n::Lang::En),
            )
        };
        errors.sort_by_key(key);
        errors.dedup_by(|a, b| {
            a.file == b.file && a.span == b.span && a.message == b.message && a.notes == b.notes
        });
        return Err(Error::Diagnostics(errors));
    }

    if let Some(sheets) = options.factsheets {
        for (id, bytes) in sheets {
            files.insert(factsheet_path(id), bytes.clone());
        }
    }
    let assets = root.join(templates::ASSETS);
    if assets.is_dir() {
        let names = templates::list(&assets, |_| true).map_err(|e| {
            Error::Io(crate::msg!(
                "error-read",
                path = format!("{}/", templates::ASSETS),
                reason = crate::content::problems::io_reason(&e)
            ))
        })?;
        for name in names {
            let bytes = std::fs::read(assets.join(&name)).map_err(|e| {
                Error::Io(crate::msg!(
                    "error-read",
                    path = format!("{}/{name}", templates::ASSETS),
                    reason = crate::content::problems::io_reason(&e)
                ))
            })?;
            files.insert(format!("assets/{name}"), bytes);
        }
    }
    Ok(files)
}

/// Puts the content's images into the site under names made from their bytes; returns each
/// image's content path → its site path.
fn media(
    root: &Path,
    model: &Model,
    cache: &Path,
    files: &mut Files,
) -> Result<HashMap<String, String>, Error> {
    let mut out = HashMap::new();
    let mut errors = Vec::new();
    for image in crate::images::all(model) {
        match crate::images::for_site(root, image, cache) {
            Ok(bytes) => {
                // JPEG stays JPEG, everything else is re-encoded as PNG (see images.rs).
                let ext = if bytes.starts_with(&[0xFF, 0xD8]) {
                    "jpg"
                } else {
                    "png"
                };
                let digest = crate::jobs::hex(&sha2::Sha256::digest(&bytes));
                let path = format!("media/{}.{ext}", &digest[..16]);
                files.insert(path.clone(), bytes);
                out.insert(image.path.clone(), path);
            }
            Err(e) => errors.push(crate::images::unprocessable(image, e)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Diagnostics(errors))
    }
}

/// A page of any data type, rendered by its template.
trait ErasedPage {
    fn render(
        &self,
        templates: &Templates,
        info: &SiteInfo,
    ) -> Result<(String, String), Box<Diagnostic>>;
}

impl<T: Serialize> ErasedPage for Page<T> {
    fn render(
        &self,
        templates: &Templates,
        info: &SiteInfo,
    ) -> Result<(String, String), Box<Diagnostic>> {
        let context = Value::from(Serde(&Context {
            site: info,
            page: &self.meta,
            data: &self.data,
        }));
        let html = templates.render(self.template, context)?;
        Ok((self.path.clone(), html))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_one_line_and_short() {
        assert_eq!(one_line("a\n\n b  c", 10), "a b c");
        assert_eq!(one_line("een twee drie vier", 10), "een twee…");
    }

    #[test]
    fn pages_link_back_to_the_root() {
        assert_eq!(
            meta("index.html", "T".into(), "d".into(), "home", "T").root,
            ""
        );
        let m = meta("regions/x.html", "X".into(), "d".into(), "regions", "T");
        assert_eq!(m.root, "../");
        assert_eq!(m.title, "X – T");
    }
}
