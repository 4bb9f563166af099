//! `drukwerk figures export FILE` and `drukwerk figures import FILE`: key figures out to a
//! spreadsheet and back into the region files, checked like `check` checks content.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{FiguresCommand, FiguresExportArgs, FiguresImportArgs, ThousandsChoice};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::{Diagnostic, Sources};
use crate::export::write_atomic;
use crate::figures::import::{ImportOptions, Plan, Thousands, signed_percent, threshold};
use crate::figures::{Flag, SheetFormat, apply, import, read, write};
use crate::i18n::{self, Lang, Msg};
use crate::model::Model;
use crate::msg;
use crate::project;

impl From<ThousandsChoice> for Thousands {
    fn from(choice: ThousandsChoice) -> Self {
        match choice {
            ThousandsChoice::Point => Thousands::Point,
            ThousandsChoice::Comma => Thousands::Comma,
        }
    }
}

/// Runs `figures export` or `figures import`.
pub fn figures(root: &Path, command: &FiguresCommand, reporter: &Reporter) -> i32 {
    match command {
        FiguresCommand::Export(args) => export(root, args, reporter),
        FiguresCommand::Import(args) => import(root, args, reporter),
    }
}

/// Prints an error that has no place in a file, in the reader's language.
pub(super) fn usage_error(reporter: &Reporter, message: Msg, help: Msg) {
    reporter.report(Diagnostic::error("usage", message).with_help(help));
}

/// Loads and validates the content; on errors prints them and says why nothing happens.
pub(super) fn checked_model(root: &Path, reporter: &Reporter) -> Result<Model, i32> {
    let checked = project::check(root);
    match checked.model {
        Some(model) => Ok(model),
        None => {
            reporter.diagnostics(&checked.sources, &checked.diagnostics);
            reporter.line(msg!("figures-content-has-errors"));
            Err(EXIT_ERRORS)
        }
    }
}

fn export(root: &Path, args: &FiguresExportArgs, reporter: &Reporter) -> i32 {
    let format = SheetFormat::from_path(&args.file);
    if !matches!(format, Some(SheetFormat::Xlsx | SheetFormat::Csv)) {
        usage_error(
            reporter,
            msg!("figures-export-format", file = &args.file),
            msg!("figures-export-format.help"),
        );
        return EXIT_USAGE;
    }
    let model = match checked_model(root, reporter) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let bytes = match format {
        Some(SheetFormat::Csv) => write::csv(&model).map_err(|e| e.to_string()),
        _ => write::xlsx(&model).map_err(|e| e.to_string()),
    };
    let written = bytes
        .map_err(|e| (msg!("figures-export-failed"), e))
        .and_then(|bytes| {
            write_atomic(&args.file, &bytes).map_err(|e| {
                (
                    msg!("figures-write-failed", file = &args.file),
                    e.to_string(),
                )
            })
        });
    if let Err((message, reason)) = written {
        let d = Diagnostic::error("write-failed", message).with_note(Msg::verbatim(reason));
        reporter.diagnostics(&Sources::default(), &[d]);
        return EXIT_ERRORS;
    }
    reporter.line(msg!(
        "figures-exported",
        file = &args.file,
        regions = model.regions.len(),
        figures = model.key_figures.len()
    ));
    EXIT_OK
}

fn import(root: &Path, args: &FiguresImportArgs, reporter: &Reporter) -> i32 {
    let Some(format) = SheetFormat::from_path(&args.file) else {
        usage_error(
            reporter,
            msg!("figures-import-format", file = &args.file),
            msg!("figures-import-format.help"),
        );
        return EXIT_USAGE;
    };
    if !args.file.is_file() {
        usage_error(
            reporter,
            msg!("figures-no-file", file = &args.file),
            msg!("figures-no-file.help"),
        );
        return EXIT_USAGE;
    }
    let model = match checked_model(root, reporter) {
        Ok(model) => model,
        Err(code) => return code,
    };
    let table = match read::read(&args.file, format, args.sheet.as_deref()) {
        Ok(table) => table,
        Err(d) => {
            reporter.diagnostics(&Sources::default(), &[*d]);
            reporter.line(msg!("figures-import-failed"));
            return EXIT_ERRORS;
        }
    };
    let mut sources = Sources::default();
    if let Some(text) = &table.text {
        sources.insert(&table.path, text.as_str());
    }
    let options = ImportOptions {
        flag_change: args.flag_change,
        thousands: args.thousands.map(Into::into),
    };
    let plan = import::plan(&model, &table, &options);
    let (errors, warnings) = reporter.diagnostics(&sources, &plan.diagnostics);
    if let Some(reading) = plan.reading.report() {
        reporter.line(reading);
    }
    if errors > 0 {
        reporter.line(msg!("figures-import-failed-errors", errors = errors));
        return EXIT_ERRORS;
    }
    if reporter.is_human() {
        print_changes(&model, &plan, &options, reporter.lang());
    }
    let regions = plan.regions.len();
    if regions == 0 {
        reporter.line(msg!("figures-no-changes"));
        return EXIT_OK;
    }
    reporter.line(msg!(
        "figures-summary",
        figures = plan.changed_figures(),
        regions = regions,
        unchanged = plan.unchanged
    ));
    if args.dry_run {
        reporter.line(msg!("figures-dry-run"));
        return EXIT_OK;
    }
    if warnings > 0 && !args.yes {
        reporter.line(msg!("figures-confirm", warnings = warnings));
        return EXIT_ERRORS;
    }
    let files = match edited_files(root, &model, &plan) {
        Ok(files) => files,
        Err(d) => {
            reporter.diagnostics(&Sources::default(), &[*d]);
            reporter.line(msg!("figures-import-failed"));
            return EXIT_ERRORS;
        }
    };
    if let Err(code) = super::report::write_all_or_report(reporter, &files) {
        return code;
    }
    for r in &plan.regions {
        reporter.line(msg!(
            "figures-updated",
            file = &model.regions[r.region].file
        ));
    }
    recheck(root, reporter)
}

/// The new bytes of every region file that changes; nothing is written here, so one bad
/// file stops the import before any file is touched.
fn edited_files(
    root: &Path,
    model: &Model,
    plan: &Plan,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Box<Diagnostic>> {
    let mut files = Vec::new();
    for r in &plan.regions {
        let region = &model.regions[r.region];
        let path = root.join(&region.file);
        let failed = |e: String| {
            Box::new(
                Diagnostic::error(
                    "cannot-update",
                    msg!("figures-cannot-update", file = &region.file),
                )
                .in_file(&region.file)
                .with_help(msg!("figures-cannot-update.help"))
                .with_note(Msg::verbatim(e)),
            )
        };
        let text = fs::read_to_string(&path).map_err(|e| failed(e.to_string()))?;
        // A BOM is kept as it was; toml_edit does not accept one.
        let (bom, body) = match text.strip_prefix('\u{feff}') {
            Some(body) => ("\u{feff}", body),
            None => ("", text.as_str()),
        };
        let changes: Vec<(&str, i64)> = r
            .changes
            .iter()
            .map(|c| (model.key_figures[c.figure].id.as_str(), c.new))
            .collect();
        let edited = apply::apply(body, &changes).map_err(|e| failed(e.to_string()))?;
        files.push((path, format!("{bom}{edited}").into_bytes()));
    }
    Ok(files)
}

/// `check` on the written result (content only: figures do not change the layouts).
pub(super) fn recheck(root: &Path, reporter: &Reporter) -> i32 {
    let checked = project::check(root);
    let (errors, warnings) = reporter.diagnostics(&checked.sources, &checked.diagnostics);
    match &checked.model {
        Some(model) if errors == 0 => {
            reporter.line(msg!(
                "figures-rechecked",
                regions = model.regions.len(),
                errors = errors,
                warnings = warnings
            ));
            EXIT_OK
        }
        _ => {
            reporter.line(msg!(
                "figures-recheck-failed",
                errors = errors,
                warnings = warnings
            ));
            EXIT_ERRORS
        }
    }
}

/// Per region, old → new with the change in per cent, on stdout, in the reader's language.
fn print_changes(model: &Model, plan: &Plan, options: &ImportOptions, lang: Lang) {
    let label_width = plan
        .regions
        .iter()
        .flat_map(|r| &r.changes)
        .map(|c| model.key_figures[c.figure].label.chars().count())
        .max()
        .unwrap_or(0);
    let number_width = |pick: fn(&crate::figures::Change) -> i64| {
        plan.regions
            .iter()
            .flat_map(|r| &r.changes)
            .map(|c| i18n::number(pick(c), lang).len())
            .max()
            .unwrap_or(0)
    };
    let (old_width, new_width) = (number_width(|c| c.old), number_width(|c| c.new));
    let mut out = std::io::stdout().lock();
    for r in &plan.regions {
        let region = &model.regions[r.region];
        let _ = writeln!(out, "{} ({})", region.name, region.id);
        for c in &r.changes {
            let percent = match c.percent() {
                Some(p) => signed_percent(p).text(lang),
                None => i18n::text(lang, "figures-plan-new"),
            };
            let flag = match c.flag {
                Some(Flag::BecomesZero) => Some(msg!("figures-becomes-zero")),
                Some(Flag::LargeChange) if c.old == 0 => Some(msg!("figures-was-zero")),
                Some(Flag::LargeChange) => Some(msg!(
                    "figures-more-than",
                    threshold = threshold(options.flag_change)
                )),
                None => None,
            };
            let flag = flag.map_or(String::new(), |flag| {
                format!(
                    "  {}",
                    msg!("figures-plan-warning", reason = flag).text(lang)
                )
            });
            let _ = writeln!(
                out,
                "  {:label_width$}  {:>old_width$} → {:>new_width$}  {:>9}{flag}",
                model.key_figures[c.figure].label,
                i18n::number(c.old, lang),
                i18n::number(c.new, lang),
                percent,
            );
        }
    }
}
