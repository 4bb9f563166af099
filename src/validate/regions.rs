//! Validation of the region files: ids, sectors, key figures, municipalities, and the
//! data-quality lints (duplicates, identical figures, figures that contradict sectors).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use toml::Spanned;

use super::{ALLOWABLE_LINTS, IdRegistry, publication::unknown_sector};
use crate::content::Loaded;
use crate::content::raw::RawRegion;
use crate::diagnostics::Diagnostic;
use crate::gazetteer::{Gazetteer, Lookup};
use crate::i18n::Msg;
use crate::model::{KeyFigure, Region, Sector};
use crate::msg;
use crate::suggest::{did_you_mean, fold};

/// Validates all region files and returns the regions ordered by name. `all_loaded`: no region
/// file failed to load.
pub fn regions(
    root: &Path,
    raw: &[Loaded<RawRegion>],
    all_loaded: bool,
    key_figures: Option<&[KeyFigure]>,
    gazetteer: &Gazetteer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Region> {
    let mut ids = IdRegistry::new(msg!("validate-what-region"));
    // Region-level warnings are collected first so `[[allow]]` can silence them.
    let mut pending: Vec<(usize, Diagnostic)> = Vec::new();
    // Per file, the lints that were checked: an allowance of a lint that could not be checked
    // (its figures did not load, say) is not reported as unused on top of the real error.
    let mut checked: Vec<HashSet<&'static str>> = vec![HashSet::new(); raw.len()];
    let mut out: Vec<(usize, Region)> = Vec::new();
    for (file_index, file) in raw.iter().enumerate() {
        let r = &file.value;
        let path = &file.path;
        let id_ok = ids.register(path, &r.id, diagnostics);
        let mut warn = |d: Diagnostic| pending.push((file_index, d));
        let sectors = sectors(path, &r.sectors, diagnostics);
        let figures = key_figures.and_then(|k| figures(path, r, k, diagnostics));
        let (municipalities, provinces) = area(path, r, gazetteer, diagnostics, &mut warn);
        let image = r
            .image
            .as_ref()
            .map(|i| super::images::image(root, path, i, diagnostics));
        if municipalities.is_some() {
            checked[file_index].extend(["duplicate-municipality", "no-municipalities"]);
        }
        if let (Some(sectors), Some(figures)) = (&sectors, &figures) {
            checked[file_index].insert("figures-contradict-sectors");
            contradictions(
                path,
                r,
                key_figures.unwrap_or_default(),
                sectors,
                figures,
                &mut warn,
            );
        }
        if let (true, Some(sectors), Some(figures), Some(municipalities)) =
            (id_ok, sectors, figures, municipalities)
        {
            out.push((
                file_index,
                Region {
                    id: r.id.get_ref().clone(),
                    name: super::required_text(path, &r.name, "name", diagnostics),
                    subtitle: r
                        .subtitle
                        .as_ref()
                        .map(|s| super::required_text(path, s, "subtitle", diagnostics)),
                    sectors,
                    municipalities,
                    provinces,
                    figures,
                    image: image.flatten(),
                    file: path.clone(),
                },
            ));
        }
    }
    identical_figures(raw, &out, &mut pending);
    // Identical figures are looked for across all regions: only when every region file
    // loaded and validated is an allowance of them known to be unused.
    if all_loaded && out.len() == raw.len() {
        for c in &mut checked {
            c.insert("identical-figures");
        }
    }
    apply_allowances(raw, pending, &checked, diagnostics);
    let mut regions: Vec<Region> = out.into_iter().map(|(_, r)| r).collect();
    regions.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)));
    regions
}

fn sectors(
    path: &Path,
    raw: &Spanned<Vec<Spanned<String>>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Sector>> {
    let mut out = Vec::new();
    let mut ok = true;
    for s in raw.get_ref() {
        match Sector::from_id(s.get_ref()) {
            Some(sector) if out.contains(&sector) => diagnostics.push(
                Diagnostic::warning(
                    "duplicate-sector",
                    msg!("duplicate-sector", sector = s.get_ref()),
                )
                .at(path, s.span(), msg!("duplicate-sector.label")),
            ),
            Some(sector) => out.push(sector),
            None => {
                diagnostics.push(unknown_sector(path, s));
                ok = false;
            }
        }
    }
    if raw.get_ref().is_empty() {
        diagnostics.push(
            Diagnostic::error("no-sectors", msg!("no-sectors"))
                .at(path, raw.span(), msg!("no-sectors.label"))
                .with_help(msg!("no-sectors.help")),
        );
        ok = false;
    }
    out.sort();
    ok.then_some(out)
}

/// Checks the `[figures]` table against the key-figure definitions.
fn figures(
    path: &Path,
    r: &RawRegion,
    key_figures: &[KeyFigure],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<i64>> {
    let table: &BTreeMap<Spanned<String>, Spanned<i64>> = r.figures.get_ref();
    let known: Vec<&str> = key_figures.iter().map(|k| k.id.as_str()).collect();
    let mut ok = true;
    for (key, value) in table {
        if !known.contains(&key.get_ref().as_str()) {
            let mut d = Diagnostic::error(
                "unknown-figure",
                msg!("unknown-figure", id = key.get_ref()),
            )
            .at(path, key.span(), msg!("unknown-figure.label"));
            if let Some(best) = did_you_mean(key.get_ref(), known.iter().copied()) {
                d = d.with_help(msg!("validate-did-you-mean-field", name = best));
            }
            diagnostics.push(d.with_note(msg!("unknown-figure.note", ids = known.join(", "))));
            ok = false;
        }
        if *value.get_ref() < 0 {
            diagnostics.push(
                Diagnostic::error(
                    "negative-figure",
                    msg!("negative-figure", id = key.get_ref()),
                )
                .at(path, value.span(), msg!("negative-figure.label")),
            );
            ok = false;
        }
    }
    let mut values = Vec::new();
    for kf in key_figures {
        match table.iter().find(|(k, _)| k.get_ref() == &kf.id) {
            Some((_, v)) => values.push(*v.get_ref()),
            None => {
                diagnostics.push(
                    Diagnostic::error("missing-figure", msg!("missing-figure", id = &kf.id))
                        .at(
                            path,
                            header_span(r),
                            msg!("missing-figure.label", id = &kf.id),
                        )
                        .with_help(msg!(
                            "missing-figure.help",
                            id = &kf.id,
                            description = &kf.description
                        )),
                );
                ok = false;
            }
        }
    }
    ok.then_some(values)
}

/// The span of the `[figures]` table; serde gives the table body, which is fine to underline.
fn header_span(r: &RawRegion) -> std::ops::Range<usize> {
    let span = r.figures.span();
    span.start..span.start.max(span.end.min(span.start + 9))
}

/// Resolves municipalities (or provinces) to official municipalities.
fn area(
    path: &Path,
    r: &RawRegion,
    gazetteer: &Gazetteer,
    diagnostics: &mut Vec<Diagnostic>,
    warn: &mut impl FnMut(Diagnostic),
) -> (Option<Vec<usize>>, Vec<String>) {
    let mut ok = true;
    let mut out: Vec<usize> = Vec::new();
    let mut provinces = Vec::new();
    if let (Some(m), Some(p)) = (&r.municipalities, &r.provinces)
        && !m.get_ref().is_empty()
        && !p.get_ref().is_empty()
    {
        diagnostics.push(
            Diagnostic::error(
                "municipalities-and-provinces",
                msg!("municipalities-and-provinces"),
            )
            .at(path, p.span(), msg!("municipalities-and-provinces.label"))
            .with_help(msg!("municipalities-and-provinces.help")),
        );
        ok = false;
    }
    if let Some(list) = &r.provinces {
        let known = gazetteer.provinces();
        for p in list.get_ref() {
            if known.contains(&p.get_ref().as_str()) {
                for i in gazetteer.in_province(p.get_ref()) {
                    if !out.contains(&i) {
                        out.push(i);
                    }
                }
                provinces.push(p.get_ref().clone());
            } else {
                let mut d = Diagnostic::error(
                    "unknown-province",
                    msg!("unknown-province", name = p.get_ref()),
                )
                .at(
                    path,
                    p.span(),
                    msg!(
                        "unknown-province.label",
                        year = gazetteer.year().to_string()
                    ),
                );
                if let Some(best) = did_you_mean(p.get_ref(), known.iter().copied()) {
                    d = d.with_help(msg!("validate-did-you-mean", name = best));
                }
                diagnostics.push(d);
                ok = false;
            }
        }
    }
    let mut seen: HashSet<usize> = HashSet::new();
    if let Some(list) = &r.municipalities {
        for name in list.get_ref() {
            let Some(i) = municipality(path, name, gazetteer, diagnostics) else {
                ok = false;
                continue;
            };
            if !seen.insert(i) {
                warn(
                    Diagnostic::warning(
                        "duplicate-municipality",
                        msg!("duplicate-municipality", name = name.get_ref()),
                    )
                    .at(path, name.span(), msg!("duplicate-municipality.label"))
                    .with_help(msg!("duplicate-municipality.help")),
                );
                continue;
            }
            out.push(i);
        }
    }
    if out.is_empty() && ok {
        warn(
            Diagnostic::warning(
                "no-municipalities",
                msg!("no-municipalities", name = r.name.get_ref()),
            )
            .at(path, r.name.span(), msg!("no-municipalities.label"))
            .with_help(msg!("no-municipalities.help")),
        );
    }
    (ok.then_some(out), provinces)
}

/// Resolves one municipality name, reporting unknown and ambiguous names.
fn municipality(
    path: &Path,
    name: &Spanned<String>,
    gazetteer: &Gazetteer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let quoted = |i: &usize| msg!("validate-quoted", name = &gazetteer.get(*i).name);
    match gazetteer.lookup(name.get_ref()) {
        Lookup::Exact(i) => Some(i),
        Lookup::Plain(i) => {
            diagnostics.push(
                Diagnostic::note(
                    "plain-municipality-name",
                    msg!(
                        "plain-municipality-name",
                        name = name.get_ref(),
                        official = &gazetteer.get(i).name
                    ),
                )
                .at(path, name.span(), msg!("plain-municipality-name.label"))
                .with_help(msg!(
                    "plain-municipality-name.help",
                    official = &gazetteer.get(i).name
                )),
            );
            Some(i)
        }
        Lookup::Ambiguous(candidates) => {
            let list: Vec<Msg> = candidates
                .iter()
                .map(|i| {
                    let m = gazetteer.get(*i);
                    msg!(
                        "ambiguous-municipality.candidate",
                        name = &m.name,
                        province = &m.province
                    )
                })
                .collect();
            let (first, last) = first_and_last(list);
            diagnostics.push(
                Diagnostic::error(
                    "ambiguous-municipality",
                    msg!("ambiguous-municipality", name = name.get_ref()),
                )
                .at(path, name.span(), msg!("ambiguous-municipality.label"))
                .with_help(msg!(
                    "ambiguous-municipality.help",
                    first = first,
                    last = last
                )),
            );
            None
        }
        Lookup::Unknown(best) => {
            let mut d = Diagnostic::error(
                "unknown-municipality",
                msg!("unknown-municipality", name = name.get_ref()),
            )
            .at(
                path,
                name.span(),
                msg!(
                    "unknown-municipality.label",
                    year = gazetteer.year().to_string()
                ),
            );
            d = match best.as_slice() {
                [] => d.with_help(msg!(
                    "unknown-municipality.help-spelling",
                    file = gazetteer.file()
                )),
                [one] => d.with_help(msg!(
                    "validate-did-you-mean",
                    name = &gazetteer.get(*one).name
                )),
                many => {
                    let names: Vec<Msg> = many.iter().map(quoted).collect();
                    let (first, last) = first_and_last(names);
                    d.with_help(msg!(
                        "unknown-municipality.help-many",
                        first = first,
                        last = last
                    ))
                }
            };
            diagnostics.push(d);
            None
        }
    }
}

/// Splits names for "A, B or C": every name but the last joined by commas, and the last, so
/// the catalogue puts its own "or" (or "of") before it.
fn first_and_last(mut names: Vec<Msg>) -> (Msg, Msg) {
    let last = names.pop().unwrap_or_else(Msg::empty);
    let mut rest = names.into_iter();
    let first = rest.next().unwrap_or_else(Msg::empty);
    let first = rest.fold(first, |a, b| msg!("validate-list-comma", a = a, b = b));
    (first, last)
}

/// Warns when a figure that belongs to a sector is non-zero in a region without that sector.
fn contradictions(
    path: &Path,
    r: &RawRegion,
    key_figures: &[KeyFigure],
    sectors: &[Sector],
    figures: &[i64],
    warn: &mut impl FnMut(Diagnostic),
) {
    for (kf, value) in key_figures.iter().zip(figures) {
        let Some(sector) = kf.sector else { continue };
        if *value > 0 && !sectors.contains(&sector) {
            let span = r
                .figures
                .get_ref()
                .iter()
                .find(|(k, _)| k.get_ref() == &kf.id)
                .map_or(r.figures.span(), |(_, v)| v.span());
            warn(
                Diagnostic::warning(
                    "figures-contradict-sectors",
                    msg!(
                        "figures-contradict-sectors",
                        id = &kf.id,
                        value = *value,
                        sector = sector.label()
                    ),
                )
                .at(
                    path,
                    span,
                    msg!(
                        "figures-contradict-sectors.label",
                        description = &kf.description,
                        sector = sector.label()
                    ),
                )
                .with_help(msg!(
                    "figures-contradict-sectors.help",
                    sector_id = sector.id()
                )),
            );
        }
    }
}

/// Warns about regions whose key figures are all identical to another region's.
fn identical_figures(
    raw: &[Loaded<RawRegion>],
    regions: &[(usize, Region)],
    pending: &mut Vec<(usize, Diagnostic)>,
) {
    for (i, (file_a, a)) in regions.iter().enumerate() {
        for (j, (file_b, b)) in regions.iter().enumerate() {
            if i == j || a.figures != b.figures || a.figures.iter().all(|v| *v == 0) {
                continue;
            }
            let path = &raw[*file_a].path;
            pending.push((
                *file_a,
                Diagnostic::warning(
                    "identical-figures",
                    msg!("identical-figures", name = &b.name),
                )
                .at(
                    path,
                    raw[*file_a].value.figures.span(),
                    msg!("identical-figures.label"),
                )
                .with_note(msg!("identical-figures.note", file = &raw[*file_b].path))
                .with_help(msg!("identical-figures.help")),
            ));
        }
    }
}

/// Drops warnings acknowledged by `[[allow]]`, reports unknown and unused allowances (unused
/// only where the lint was `checked`).
fn apply_allowances(
    raw: &[Loaded<RawRegion>],
    pending: Vec<(usize, Diagnostic)>,
    checked: &[HashSet<&'static str>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    for (file, d) in pending {
        let allow = raw[file]
            .value
            .allow
            .iter()
            .position(|a| a.lint.get_ref() == d.code);
        match allow {
            Some(a) => {
                used.insert((file, a));
            }
            None => diagnostics.push(d),
        }
    }
    for (file, loaded) in raw.iter().enumerate() {
        for (a, allow) in loaded.value.allow.iter().enumerate() {
            let lint = allow.lint.get_ref();
            if !ALLOWABLE_LINTS.contains(&lint.as_str()) {
                let mut d = Diagnostic::error("unknown-lint", msg!("unknown-lint", lint = lint))
                    .at(&loaded.path, allow.lint.span(), msg!("unknown-lint.label"))
                    .with_note(msg!(
                        "unknown-lint.note",
                        lints = ALLOWABLE_LINTS.join(", ")
                    ));
                if let Some(best) = did_you_mean(lint, ALLOWABLE_LINTS.iter().copied()) {
                    d = d.with_help(msg!("validate-did-you-mean", name = best));
                }
                diagnostics.push(d);
            } else if allow.reason.get_ref().trim().is_empty() {
                diagnostics.push(
                    Diagnostic::error("allow-without-reason", msg!("allow-without-reason"))
                        .at(
                            &loaded.path,
                            allow.reason.span(),
                            msg!("allow-without-reason.label"),
                        )
                        .with_help(msg!("allow-without-reason.help")),
                );
            } else if !used.contains(&(file, a)) && checked[file].contains(lint.as_str()) {
                diagnostics.push(
                    Diagnostic::warning("unused-allow", msg!("unused-allow", lint = lint))
                        .at(&loaded.path, allow.lint.span(), msg!("unused-allow.label"))
                        .with_help(msg!("unused-allow.help")),
                );
            }
        }
    }
}
