//! Validation of the print edition's printing condition (`[print]` in `publication.toml`) and
//! of the palette's CMYK builds against its ink limit.

use std::path::Path;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::content::Loaded;
use crate::content::problems::{io_note, io_reason, toml_diagnostic};
use crate::content::raw::RawPrint;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Arg, Msg};
use crate::icc::{IccError, IccProfile, MAX_PROFILE_BYTES};
use crate::model::PrintCondition;
use crate::msg;

/// Lowest and highest total area coverage limits accepted. Below 200 % even a dark brand
/// colour cannot be printed; above 400 % is not a limit (four inks at 100 %).
const COVERAGE_RANGE: std::ops::RangeInclusive<i64> = 200..=400;

/// The printing condition: the built-in default, with what `[print]` sets laid over it.
/// `None` after reporting when something in `[print]` is wrong.
pub fn condition(
    root: &Path,
    path: &Path,
    raw: Option<&RawPrint>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PrintCondition> {
    let mut condition = PrintCondition::default();
    let Some(raw) = raw else {
        return Some(condition);
    };
    let errors_before = count_errors(diagnostics);
    match (&raw.profile, &raw.condition) {
        (Some(profile), Some(_)) => {
            if let Some((bytes, description)) = profile_file(root, path, profile, diagnostics) {
                condition.profile_path = Some(profile.get_ref().replace('\\', "/"));
                condition.profile = bytes;
                condition.profile_description = description;
                // The default's words describe FOGRA39; another profile has its own.
                condition.condition_name = None;
            }
        }
        (Some(profile), None) => diagnostics.push(
            Diagnostic::error("missing-field", msg!("print-profile-without-condition"))
                .at(
                    path,
                    profile.span(),
                    msg!("print-profile-without-condition.label"),
                )
                .with_help(msg!("print-profile-without-condition.help")),
        ),
        (None, Some(c)) => diagnostics.push(
            Diagnostic::error("missing-field", msg!("print-condition-without-profile"))
                .at(
                    path,
                    c.span(),
                    msg!("print-condition-without-profile.label"),
                )
                .with_help(msg!("print-condition-without-profile.help")),
        ),
        (None, None) => {}
    }
    if let Some(c) = &raw.condition {
        condition.condition = text(path, c, "condition", diagnostics);
    }
    if let Some(name) = &raw.condition_name {
        condition.condition_name = Some(text(path, name, "condition-name", diagnostics));
    }
    if let Some(registry) = &raw.registry {
        condition.registry = text(path, registry, "registry", diagnostics);
    }
    if let Some(limit) = &raw.max_coverage {
        let value = *limit.get_ref();
        if COVERAGE_RANGE.contains(&value) {
            condition.max_coverage = value as u32;
        } else {
            diagnostics.push(
                Diagnostic::error(
                    "bad-coverage-limit",
                    msg!("bad-coverage-limit", value = value),
                )
                .at(path, limit.span(), msg!("bad-coverage-limit.label"))
                .with_help(msg!("bad-coverage-limit.help")),
            );
        }
    }
    (count_errors(diagnostics) == errors_before).then_some(condition)
}

fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    crate::diagnostics::count(diagnostics).0
}

/// A non-empty text field, trimmed.
fn text(
    path: &Path,
    raw: &Spanned<String>,
    field: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    super::required_text(path, raw, field, diagnostics)
        .trim()
        .to_string()
}

/// Reads the profile named in `[print]` and checks that it is a CMYK output profile.
fn profile_file(
    root: &Path,
    path: &Path,
    raw: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Arc<[u8]>, Option<String>)> {
    let real = super::files::project_file(
        root,
        path,
        raw,
        super::files::FileKind::IccProfile,
        diagnostics,
    )?;
    let value = raw.get_ref();
    let unreadable = |reason: Msg| {
        Diagnostic::error(
            "unreadable-profile",
            msg!("unreadable-profile", path = value, reason = reason),
        )
        .at(path, raw.span(), msg!("unreadable-profile.label"))
    };
    // The size is checked before reading, so a huge file is refused without loading it.
    let size = std::fs::metadata(&real).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PROFILE_BYTES as u64 {
        diagnostics.push(
            unreadable(msg!("unreadable-profile.too-large", size = size))
                .with_help(msg!("unreadable-profile.help-size")),
        );
        return None;
    }
    let bytes = match std::fs::read(&real) {
        Ok(bytes) => bytes,
        Err(e) => {
            let d = unreadable(io_reason(&e));
            diagnostics.push(match io_note(&e) {
                Some(note) => d.with_note(note),
                None => d,
            });
            return None;
        }
    };
    let profile = match IccProfile::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            diagnostics.push(unreadable(icc_reason(&e)).with_help(msg!("unreadable-profile.help")));
            return None;
        }
    };
    if !profile.is_cmyk_output() {
        let class = class_name(&profile.class);
        let signature = String::from_utf8_lossy(&profile.class)
            .trim_end()
            .to_string();
        let space = profile.space_name();
        let message = match profile.description.as_deref() {
            Some(description) => msg!(
                "not-a-cmyk-output-profile.described",
                path = value,
                description = description,
                class = class,
                signature = signature,
                space = space
            ),
            None => msg!(
                "not-a-cmyk-output-profile",
                path = value,
                class = class,
                signature = signature,
                space = space
            ),
        };
        diagnostics.push(
            Diagnostic::error("not-a-cmyk-output-profile", message)
                .at(path, raw.span(), msg!("not-a-cmyk-output-profile.label"))
                .with_help(msg!("not-a-cmyk-output-profile.help")),
        );
        return None;
    }
    Some((Arc::from(bytes), profile.description))
}

/// Why bytes are not a usable profile, in the reader's words.
fn icc_reason(err: &IccError) -> Msg {
    match err {
        IccError::TooShort(size) => msg!("unreadable-profile.too-short", size = *size),
        IccError::TooLarge(size) => msg!("unreadable-profile.too-large", size = *size),
        IccError::NoSignature => msg!("unreadable-profile.no-signature"),
        IccError::SizeMismatch { declared, actual } => msg!(
            "unreadable-profile.size-mismatch",
            declared = *declared,
            actual = *actual
        ),
    }
}

/// A profile's class in words ("display"), by its signature (`mntr`).
fn class_name(class: &[u8; 4]) -> Msg {
    match class {
        b"prtr" => msg!("icc-class-prtr"),
        b"mntr" => msg!("icc-class-mntr"),
        b"scnr" => msg!("icc-class-scnr"),
        b"link" => msg!("icc-class-link"),
        b"spac" => msg!("icc-class-spac"),
        b"abst" => msg!("icc-class-abst"),
        b"nmcl" => msg!("icc-class-nmcl"),
        _ => msg!("icc-class-other"),
    }
}

/// Checks every CMYK build in the palette: four inks of 0–100 % whose sum stays within the
/// printing condition's total area coverage limit. Each colour over the limit is named.
pub fn palette(palette: &Loaded<String>, max_coverage: u32, diagnostics: &mut Vec<Diagnostic>) {
    let path = &palette.path;
    let table = match DeTable::parse(&palette.value) {
        Ok(table) => table,
        Err(e) => {
            diagnostics.push(toml_diagnostic(path, &palette.value, &e));
            return;
        }
    };
    let mut colours = Vec::new();
    collect_colours(String::new(), table.get_ref(), 0, &mut colours);
    for (name, entry) in colours {
        check_colour(path, &name, entry, max_coverage, diagnostics);
    }
}

/// A palette entry: a table with `web` and `cmyk`.
type Entry<'a, 'i> = &'a DeTable<'i>;

/// Every colour in the palette with its name (`brand`, `theme-accents[3]`, `pillar-accents.C`).
fn collect_colours<'a, 'i>(
    prefix: String,
    table: &'a DeTable<'i>,
    depth: usize,
    out: &mut Vec<(String, Entry<'a, 'i>)>,
) {
    // The palette is two levels deep; deeper nesting is not a palette and not followed.
    if depth > 4 {
        return;
    }
    for (key, value) in table.iter() {
        let name = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        collect_value(name, value, depth, out);
    }
}

fn collect_value<'a, 'i>(
    name: String,
    value: &'a Spanned<DeValue<'i>>,
    depth: usize,
    out: &mut Vec<(String, Entry<'a, 'i>)>,
) {
    match value.get_ref() {
        DeValue::Table(t) if t.iter().any(|(k, _)| k.get_ref() == "cmyk") => out.push((name, t)),
        DeValue::Table(t) => collect_colours(name, t, depth + 1, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_value(format!("{name}[{}]", i + 1), item, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn check_colour(
    path: &Path,
    name: &str,
    entry: Entry,
    max_coverage: u32,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some((_, cmyk)) = entry.iter().find(|(k, _)| k.get_ref() == "cmyk") else {
        return;
    };
    let values: Option<Vec<f64>> = match cmyk.get_ref() {
        DeValue::Array(items) if items.len() == 4 => items
            .iter()
            .map(|v| number(v.get_ref()).filter(|n| (0.0..=100.0).contains(n)))
            .collect(),
        _ => None,
    };
    let Some(values) = values else {
        diagnostics.push(
            Diagnostic::error("bad-colour", msg!("bad-colour", name = name))
                .at(path, cmyk.span(), msg!("bad-colour.label"))
                .with_help(msg!("bad-colour.help")),
        );
        return;
    };
    let total: f64 = values.iter().sum();
    if total > f64::from(max_coverage) + 1e-9 {
        let [c, m, y, k] = [values[0], values[1], values[2], values[3]];
        diagnostics.push(
            Diagnostic::error(
                "ink-limit",
                msg!(
                    "ink-limit",
                    name = name,
                    total = percent(total),
                    max = max_coverage
                ),
            )
            .at(
                path,
                cmyk.span(),
                msg!(
                    "ink-limit.label",
                    c = percent(c),
                    m = percent(m),
                    y = percent(y),
                    k = percent(k),
                    total = percent(total)
                ),
            )
            .with_help(msg!(
                "ink-limit.help",
                excess = percent(total - f64::from(max_coverage))
            )),
        );
    }
}

/// A TOML integer or float as a number.
fn number(value: &DeValue) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|v| v as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// A percentage without a needless `.0`, with the reader's decimal sign (`12,5` in Dutch).
fn percent(v: f64) -> Arg {
    let whole = (v - v.round()).abs() < 1e-9;
    Arg::Dec(v, if whole { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, limit: u32) -> Vec<Diagnostic> {
        let mut d = Vec::new();
        let loaded = Loaded {
            path: "layouts/palette.toml".into(),
            value: text.to_string(),
        };
        palette(&loaded, limit, &mut d);
        d
    }

    #[test]
    fn the_shipped_palette_is_within_300_percent() {
        let text = include_str!("../../layouts/palette.toml");
        assert_eq!(check(text, 300), vec![]);
    }

    #[test]
    fn names_the_colour_over_the_limit() {
        let text = "ink = { web = \"#000000\", cmyk = [0, 0, 0, 95] }\n\
                    [pillar-accents]\nC = { web = \"#A54B00\", cmyk = [60, 80, 100, 90] }\n";
        let d = check(text, 300);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "ink-limit");
        assert!(
            d[0].message
                .text(crate::i18n::Lang::En)
                .contains("`pillar-accents.C`"),
            "{:?}",
            d[0].message
        );
        assert!(
            d[0].message.text(crate::i18n::Lang::En).contains("330 %"),
            "{:?}",
            d[0].message
        );
        assert_eq!(
            d[0].label.text(crate::i18n::Lang::En),
            "C 60 + M 80 + Y 100 + K 90 = 330 %"
        );
        assert_eq!(&text[d[0].span.clone().unwrap()], "[60, 80, 100, 90]");
        // The same colour passes a shop that allows 340 %.
        assert_eq!(check(text, 340), vec![]);
    }

    #[test]
    fn names_list_entries_by_position() {
        let text = "map = [\n { web = \"#fff\", cmyk = [0, 0, 0, 0] },\n { web = \"#000\", cmyk = [100, 100, 100, 100] },\n]\n";
        let d = check(text, 300);
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message
                .text(crate::i18n::Lang::En)
                .contains("`map[2]`"),
            "{:?}",
            d[0].message
        );
    }

    #[test]
    fn refuses_values_that_are_not_inks() {
        for bad in [
            "[0, 0, 0]",
            "[0, 0, 0, 120]",
            "[\"0\", 0, 0, 0]",
            "\"cmyk\"",
        ] {
            let text = format!("x = {{ web = \"#000\", cmyk = {bad} }}\n");
            let d = check(&text, 300);
            assert_eq!(d.len(), 1, "{bad}: {d:?}");
            assert_eq!(d[0].code, "bad-colour");
        }
        assert_eq!(
            check("x = { web = \"#000\", cmyk = [10.5, 0, 0, 0x10] }\n", 300),
            vec![]
        );
    }

    #[test]
    fn a_broken_palette_is_a_located_syntax_error() {
        let d = check("ink = { web = \"#000\", cmyk = [0, 0 }\n", 300);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "toml-syntax");
    }

    fn print(text: &str) -> (Option<PrintCondition>, Vec<Diagnostic>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/print")).unwrap();
        std::fs::write(
            dir.path().join("content/print/shop.icc"),
            crate::icc::DEFAULT_PROFILE,
        )
        .unwrap();
        let mut rgb = crate::icc::DEFAULT_PROFILE.to_vec();
        rgb[12..16].copy_from_slice(b"mntr");
        rgb[16..20].copy_from_slice(b"RGB ");
        std::fs::write(dir.path().join("content/print/screen.icc"), rgb).unwrap();
        std::fs::write(dir.path().join("content/print/notes.txt"), "not a profile").unwrap();
        #[derive(serde::Deserialize)]
        struct Wrapper {
            print: RawPrint,
        }
        let raw: Wrapper = toml::from_str(text).unwrap();
        let mut d = Vec::new();
        let c = condition(
            dir.path(),
            Path::new("content/publication.toml"),
            Some(&raw.print),
            &mut d,
        );
        (c, d, dir)
    }

    #[test]
    fn without_print_the_default_applies() {
        let mut d = Vec::new();
        let c = condition(Path::new("."), Path::new("p.toml"), None, &mut d).unwrap();
        assert!(d.is_empty());
        assert_eq!(c.condition, "FOGRA39");
        assert_eq!(c.max_coverage, 300);
        assert_eq!(c.profile_path, None);
    }

    #[test]
    fn a_shop_profile_is_read() {
        let (c, d, _dir) = print(
            "[print]\nprofile = \"content/print/shop.icc\"\ncondition = \"FOGRA51\"\nmax-coverage = 320\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.condition, "FOGRA51");
        assert_eq!(c.max_coverage, 320);
        assert_eq!(c.profile_path.as_deref(), Some("content/print/shop.icc"));
        assert_eq!(c.condition_name, None);
    }

    #[test]
    fn a_missing_profile_is_located() {
        let (c, d, _dir) =
            print("[print]\nprofile = \"content/print/shop.icm\"\ncondition = \"FOGRA51\"\n");
        assert!(c.is_none());
        assert_eq!(d[0].code, "missing-file");
        assert_eq!(
            crate::i18n::texts(&d[0].help, crate::i18n::Lang::En),
            ["did you mean \"content/print/shop.icc\"?"]
        );
    }

    #[test]
    fn a_display_profile_is_refused() {
        let (c, d, _dir) =
            print("[print]\nprofile = \"content/print/screen.icc\"\ncondition = \"sRGB\"\n");
        assert!(c.is_none());
        assert_eq!(d[0].code, "not-a-cmyk-output-profile");
        assert!(
            d[0].message
                .text(crate::i18n::Lang::En)
                .contains("display (mntr) RGB"),
            "{:?}",
            d[0].message
        );
    }

    #[test]
    fn a_file_that_is_no_profile_is_refused() {
        let (c, d, _dir) =
            print("[print]\nprofile = \"content/print/notes.txt\"\ncondition = \"X\"\n");
        assert!(c.is_none());
        assert_eq!(d[0].code, "unreadable-profile");
    }

    #[test]
    fn profile_and_condition_go_together_and_the_limit_is_bounded() {
        let (c, d, _dir) = print("[print]\nprofile = \"content/print/shop.icc\"\n");
        assert!(c.is_none());
        assert_eq!(d[0].code, "missing-field");
        let (c, d, _dir) = print("[print]\nmax-coverage = 450\n");
        assert!(c.is_none());
        assert_eq!(d[0].code, "bad-coverage-limit");
    }
}
