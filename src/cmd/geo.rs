//! `drukwerk geo import GEMEENTEN.geojson --year YEAR`: a new year's municipal division into
//! the content, reported like `check` reports, written all at once or not at all.

use std::path::{Path, PathBuf};

use super::args::{GeoCommand, GeoImportArgs};
use super::figures::{recheck, usage_error};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::{Severity, Sources};
use crate::geoimport::{self, Options, Plan, read::Crs};
use crate::msg;
use crate::project;

/// Runs a `geo` command.
pub fn geo(root: &Path, command: &GeoCommand, reporter: &Reporter) -> i32 {
    match command {
        GeoCommand::Import(args) => import(root, args, reporter),
    }
}

fn import(root: &Path, args: &GeoImportArgs, reporter: &Reporter) -> i32 {
    for file in std::iter::once(&args.municipalities).chain(&args.provinces) {
        if !file.is_file() {
            usage_error(
                reporter,
                msg!("geo-no-file", file = file),
                msg!("geo-no-file.help"),
            );
            return EXIT_USAGE;
        }
    }
    let checked = project::check(root);
    let Some(model) = &checked.model else {
        reporter.diagnostics(&checked.sources, &checked.diagnostics);
        reporter.line(msg!("figures-content-has-errors"));
        return EXIT_ERRORS;
    };
    let options = Options {
        municipalities: args.municipalities.clone(),
        provinces: args.provinces.clone(),
        year: args.year,
    };
    let plan = match geoimport::plan(root, model, &options) {
        Ok(plan) => plan,
        Err(d) => {
            reporter.diagnostics(&Sources::default(), &[*d]);
            reporter.line(msg!("figures-import-failed"));
            return EXIT_ERRORS;
        }
    };
    let (errors, _) = reporter.diagnostics(&checked.sources, &plan.diagnostics);
    summary(&plan, reporter);
    if errors > 0 {
        reporter.line(msg!("figures-import-failed-errors", errors = errors));
        return EXIT_ERRORS;
    }
    if args.dry_run {
        reporter.line(msg!("figures-dry-run"));
        return EXIT_OK;
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = plan
        .files
        .iter()
        .filter(|(_, _, differs)| *differs)
        .map(|(path, bytes, _)| (root.join(path), bytes.clone()))
        .collect();
    if args.apply {
        match geoimport::edited_files(root, &plan) {
            Ok(edited) => files.extend(edited),
            Err(d) => {
                reporter.diagnostics(&Sources::default(), &[*d]);
                reporter.line(msg!("figures-import-failed"));
                return EXIT_ERRORS;
            }
        }
    }
    if let Err(code) = super::report::write_all_or_report(reporter, &files) {
        return code;
    }
    for (path, _, differs) in &plan.files {
        if *differs {
            reporter.line(msg!("geo-wrote", file = path));
        } else {
            reporter.line(msg!("geo-unchanged", file = path));
        }
    }
    if !args.apply {
        if !plan.regions.is_empty() || plan.year != plan.old_year {
            reporter.line(msg!("geo-run-with-apply", year = plan.year.to_string()));
        }
        return EXIT_OK;
    }
    for (path, _) in &files {
        if let Ok(relative) = path.strip_prefix(root)
            && !plan.files.iter().any(|(p, _, _)| p == relative)
        {
            reporter.line(msg!("figures-updated", file = relative));
        }
    }
    recheck(root, reporter)
}

/// What was read and what changes, in a few lines.
fn summary(plan: &Plan, reporter: &Reporter) {
    let (municipalities, provinces) = plan.counts;
    let crs = match plan.crs {
        Crs::RdNew => msg!("geo-crs-rd"),
        Crs::Wgs84 => msg!("geo-crs-wgs84-reprojected"),
    };
    reporter.line(msg!(
        "geo-summary-read",
        year = plan.year.to_string(),
        municipalities = municipalities,
        provinces = provinces,
        crs = crs
    ));
    if let Some((before, after, tolerance)) = plan.simplified {
        reporter.line(msg!(
            "geo-summary-simplified",
            before = before,
            after = after,
            tolerance = crate::i18n::Arg::Dec(tolerance, 0)
        ));
    }
    let c = &plan.comparison;
    let old_year = plan.old_year.to_string();
    if c.is_empty() {
        reporter.line(msg!(
            "geo-summary-no-changes",
            old_year = &old_year,
            unchanged = c.unchanged
        ));
    } else {
        reporter.line(msg!(
            "geo-summary-compared",
            old_year = &old_year,
            gone = c.gone.len(),
            renamed = c.renamed.len(),
            new = c.new.len(),
            unchanged = c.unchanged
        ));
    }
    let lines = plan.changed_lines();
    if lines > 0 {
        reporter.line(msg!(
            "geo-summary-lines",
            lines = lines,
            files = plan.regions.len()
        ));
    }
    let warnings = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == "geography-year-in-text" && d.severity == Severity::Warning)
        .count();
    if warnings > 0 {
        reporter.line(msg!(
            "geo-summary-texts",
            texts = warnings,
            old_year = &old_year
        ));
    }
}
