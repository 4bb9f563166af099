//! `drukwerk figures export FILE` and `drukwerk figures import FILE`: key figures out to a
//! spreadsheet and back into the region files, checked like `check` checks content.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{FiguresCommand, FiguresExportArgs, FiguresImportArgs};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::{Diagnostic, Sources, display_path};
use crate::export::write_atomic;
use crate::figures::import::{ImportOptions, Plan, dutch_percent, signed_percent};
use crate::figures::{Flag, SheetFormat, apply, import, read, write};
use crate::model::Model;
use crate::project;
use crate::view::dutch_number;

/// Runs `figures export` or `figures import`.
pub fn figures(root: &Path, command: &FiguresCommand, reporter: &Reporter) -> i32 {
    match command {
        FiguresCommand::Export(args) => export(root, args, reporter),
        FiguresCommand::Import(args) => import(root, args, reporter),
    }
}

/// Loads and validates the content; on errors prints them and says why nothing happens.
pub(super) fn checked_model(root: &Path, reporter: &Reporter) -> Result<Model, i32> {
    let checked = project::check(root);
    match checked.model {
        Some(model) => Ok(model),
        None => {
            reporter.diagnostics(&checked.sources, &checked.diagnostics);
            reporter.line("the content has errors; fix them first (drukwerk check)");
            Err(EXIT_ERRORS)
        }
    }
}

fn export(root: &Path, args: &FiguresExportArgs, reporter: &Reporter) -> i32 {
    let format = SheetFormat::from_path(&args.file);
    if !matches!(format, Some(SheetFormat::Xlsx | SheetFormat::Csv)) {
        reporter.error(
            "usage",
            &format!(
                "cannot export to {}: expected a .xlsx or .csv file",
                display_path(&args.file)
            ),
            Some("drukwerk figures export kerncijfers.xlsx"),
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
        .map_err(|e| format!("cannot make the spreadsheet: {e}"))
        .and_then(|bytes| write_atomic(&args.file, &bytes).map_err(|e| e.to_string()));
    if let Err(e) = written {
        reporter.error("write-failed", &e, None);
        return EXIT_ERRORS;
    }
    reporter.line(&format!(
        "wrote {}: {} regions, {} key figures",
        display_path(&args.file),
        model.regions.len(),
        model.key_figures.len()
    ));
    EXIT_OK
}

fn import(root: &Path, args: &FiguresImportArgs, reporter: &Reporter) -> i32 {
    let Some(format) = SheetFormat::from_path(&args.file) else {
        reporter.error(
            "usage",
            &format!(
                "cannot import {}: expected a .xlsx, .ods or .csv file",
                display_path(&args.file)
            ),
            Some("save the sheet as .xlsx (Excel workbook) or .csv"),
        );
        return EXIT_USAGE;
    };
    if !args.file.is_file() {
        reporter.error(
            "usage",
            &format!("no file {}", display_path(&args.file)),
            Some("give the path of the spreadsheet, relative to the current folder"),
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
            reporter.line("import failed: nothing written");
            return EXIT_ERRORS;
        }
    };
    let mut sources = Sources::default();
    if let Some(text) = &table.text {
        sources.insert(&table.path, text.as_str());
    }
    let options = ImportOptions {
        flag_change: args.flag_change,
    };
    let plan = import::plan(&model, &table, &options);
    let (errors, warnings) = reporter.diagnostics(&sources, &plan.diagnostics);
    if errors > 0 {
        reporter.line(&format!(
            "import failed: {}; nothing written",
            plural(errors, "error")
        ));
        return EXIT_ERRORS;
    }
    if reporter.is_human() {
        print_changes(&model, &plan, &options);
    }
    let regions = plan.regions.len();
    if regions == 0 {
        reporter.line("no changes: nothing in the sheet differs from the content");
        return EXIT_OK;
    }
    reporter.line(&format!(
        "{} {} in {}; {} unchanged",
        plural(plan.changed_figures(), "figure"),
        if plan.changed_figures() == 1 {
            "changes"
        } else {
            "change"
        },
        plural(regions, "region"),
        plural(plan.unchanged, "region")
    ));
    if args.dry_run {
        reporter.line("dry run: nothing written");
        return EXIT_OK;
    }
    if warnings > 0 && !args.yes {
        reporter.line(&format!(
            "{}: nothing written; check them, then run again with --yes to write",
            plural(warnings, "warning")
        ));
        return EXIT_ERRORS;
    }
    let files = match edited_files(root, &model, &plan) {
        Ok(files) => files,
        Err(d) => {
            reporter.diagnostics(&Sources::default(), &[*d]);
            reporter.line("import failed: nothing written");
            return EXIT_ERRORS;
        }
    };
    if let Err(code) = super::report::write_all_or_report(reporter, &files, "import") {
        return code;
    }
    for r in &plan.regions {
        reporter.line(&format!(
            "  updated {}",
            display_path(&model.regions[r.region].file)
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
                    format!("cannot update {}: {e}", display_path(&region.file)),
                )
                .in_file(&region.file)
                .with_help("the file changed since it was checked; run the import again"),
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
    let counts = format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    match &checked.model {
        Some(model) if errors == 0 => {
            reporter.line(&format!(
                "checked {} regions: {counts}",
                model.regions.len()
            ));
            EXIT_OK
        }
        _ => {
            reporter.line(&format!("check failed: {counts}"));
            EXIT_ERRORS
        }
    }
}

/// Per region, old → new with the change in per cent, on stdout.
fn print_changes(model: &Model, plan: &Plan, options: &ImportOptions) {
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
            .map(|c| dutch_number(pick(c)).len())
            .max()
            .unwrap_or(0)
    };
    let (old_width, new_width) = (number_width(|c| c.old), number_width(|c| c.new));
    let mut out = std::io::stdout().lock();
    for r in &plan.regions {
        let region = &model.regions[r.region];
        let _ = writeln!(out, "{} ({})", region.name, region.id);
        for c in &r.changes {
            let percent = c.percent().map_or("new".to_string(), signed_percent);
            let flag = match c.flag {
                Some(Flag::BecomesZero) => "  warning: becomes 0".to_string(),
                Some(Flag::LargeChange) if c.old == 0 => "  warning: was 0".to_string(),
                Some(Flag::LargeChange) => format!(
                    "  warning: more than ±{} %",
                    dutch_percent(options.flag_change)
                ),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  {:label_width$}  {:>old_width$} → {:>new_width$}  {:>9}{flag}",
                model.key_figures[c.figure].label,
                dutch_number(c.old),
                dutch_number(c.new),
                percent,
            );
        }
    }
}

pub(super) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
