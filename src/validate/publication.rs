//! Validation of `publication.toml` and the theme files.

use std::path::Path;

use chrono::NaiveDate;

use super::IdRegistry;
use crate::content::Loaded;
use crate::content::raw::{RawPublication, RawTheme};
use crate::diagnostics::Diagnostic;
use crate::model::{Abc, KeyFigure, Learning, Pillar, Publication, Sector, Source, Theme};
use crate::msg;
use crate::richtext;
use crate::suggest::did_you_mean;

/// Validates the publication-wide fields.
pub fn publication(
    root: &Path,
    path: &Path,
    raw: &RawPublication,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Publication> {
    let year = *raw.year.get_ref();
    let year_ok = (1900..=2200).contains(&year);
    if !year_ok {
        diagnostics.push(
            Diagnostic::error("bad-year", msg!("bad-year", year = year.to_string())).at(
                path,
                raw.year.span(),
                msg!("bad-year.label"),
            ),
        );
    }
    let date = date(path, &raw.date, diagnostics);
    if raw.abc.pillars.is_empty() {
        diagnostics.push(
            Diagnostic::warning("no-pillars", msg!("no-pillars"))
                .in_file(path)
                .with_help(msg!("no-pillars.help")),
        );
    }
    let abc = Abc {
        title: raw.abc.title.clone(),
        lede: raw.abc.lede.clone(),
        body: raw.abc.body.as_ref().map(|b| richtext::parse(b.get_ref())),
        pillars: raw
            .abc
            .pillars
            .iter()
            .map(|p| Pillar {
                letter: p.letter.clone(),
                title: p.title.clone(),
                text: p.text.as_ref().map(|t| richtext::parse(t.get_ref())),
            })
            .collect(),
    };
    let cover_image = match &raw.cover_image {
        Some(i) => Some(super::images::image(root, path, i, diagnostics)?),
        None => None,
    };
    let print = super::print::condition(root, path, raw.print.as_ref(), diagnostics);
    Some(Publication {
        cover_image,
        print: print?,
        title: super::required_text(path, &raw.title, "title", diagnostics),
        lede: richtext::parse(raw.lede.get_ref()),
        year: if year_ok { year as i32 } else { return None },
        date: date?,
        author: raw.author.clone(),
        subject: raw.subject.clone(),
        keywords: raw.keywords.clone(),
        intro: richtext::parse(raw.intro.get_ref()),
        colophon: richtext::parse(raw.colophon.get_ref()),
        abc,
        sources: raw
            .sources
            .iter()
            .map(|s| Source {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                url: s.url.as_ref().and_then(|u| url(path, u, diagnostics)),
                note: s.note.clone(),
            })
            .collect(),
    })
}

/// A web address in content: absolute, http(s) or mailto. `None` (after reporting) otherwise.
fn url(
    path: &Path,
    raw: &toml::Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let value = raw.get_ref().trim();
    let ok = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| value.len() > scheme.len() && value.starts_with(scheme))
        && !value.contains(char::is_whitespace);
    if ok {
        return Some(value.to_string());
    }
    let d = if value.is_empty() {
        Diagnostic::error("bad-url", msg!("bad-url-empty")).with_help(msg!("bad-url-empty.help"))
    } else {
        Diagnostic::error("bad-url", msg!("bad-url", url = value))
            .with_help(msg!("bad-url.help", url = value))
    };
    diagnostics.push(d.at(path, raw.span(), msg!("bad-url.label")));
    None
}

/// A TOML date without time (`2026-11-28`).
fn date(
    path: &Path,
    raw: &toml::Spanned<toml::value::Datetime>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let value = raw.get_ref();
    let parsed = match (value.date, value.time) {
        (Some(d), None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    };
    if parsed.is_none() {
        diagnostics.push(
            Diagnostic::error("bad-date", msg!("bad-date"))
                .at(path, raw.span(), msg!("bad-date.label"))
                .with_help(msg!("bad-date.help")),
        );
    }
    parsed
}

/// Validates the key-figure definitions.
pub fn key_figures(
    path: &Path,
    raw: &RawPublication,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<KeyFigure> {
    let mut ids = IdRegistry::new(msg!("validate-what-key-figure"));
    let mut out = Vec::new();
    if raw.key_figures.is_empty() {
        diagnostics.push(
            Diagnostic::error("no-key-figures", msg!("no-key-figures"))
                .in_file(path)
                .with_help(msg!("no-key-figures.help")),
        );
    }
    for kf in &raw.key_figures {
        if !ids.register(path, &kf.id, diagnostics) {
            continue;
        }
        let sector = match &kf.sector {
            None => None,
            Some(s) => match Sector::from_id(s.get_ref()) {
                Some(sector) => Some(sector),
                None => {
                    diagnostics.push(unknown_sector(path, s));
                    continue;
                }
            },
        };
        out.push(KeyFigure {
            id: kf.id.get_ref().clone(),
            label: kf.label.clone(),
            description: kf.description.clone(),
            sector,
        });
    }
    out
}

/// The diagnostic for a sector id that is not po, vo or mbo.
pub fn unknown_sector(path: &Path, s: &toml::Spanned<String>) -> Diagnostic {
    let ids = Sector::ALL.map(Sector::id);
    let mut d = Diagnostic::error(
        "unknown-sector",
        msg!("unknown-sector", sector = s.get_ref()),
    )
    .at(path, s.span(), msg!("unknown-sector.label"));
    if let Some(best) = did_you_mean(&s.get_ref().to_lowercase(), ids) {
        d = d.with_help(msg!("validate-did-you-mean", name = best));
    }
    d
}

/// Validates the theme files; numbers them in file order.
pub fn themes(raw: &[Loaded<RawTheme>], diagnostics: &mut Vec<Diagnostic>) -> Vec<Theme> {
    let mut ids = IdRegistry::new(msg!("validate-what-theme"));
    let mut out = Vec::new();
    for file in raw {
        let t = &file.value;
        if !ids.register(&file.path, &t.id, diagnostics) {
            continue;
        }
        if t.learnings_title.is_some() && t.learnings.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "learnings-title-without-learnings",
                    msg!("learnings-title-without-learnings"),
                )
                .in_file(&file.path)
                .with_help(msg!("learnings-title-without-learnings.help")),
            );
        }
        out.push(Theme {
            id: t.id.get_ref().clone(),
            number: out.len() + 1,
            short_title: super::required_text(
                &file.path,
                &t.short_title,
                "short-title",
                diagnostics,
            ),
            title: super::required_text(&file.path, &t.title, "title", diagnostics),
            lede: t.lede.clone(),
            body: richtext::parse(t.body.get_ref()),
            learnings_title: t.learnings_title.clone(),
            learnings: t
                .learnings
                .iter()
                .map(|l| Learning {
                    title: l.title.clone(),
                    text: richtext::parse(l.text.get_ref()),
                })
                .collect(),
        });
    }
    out
}
