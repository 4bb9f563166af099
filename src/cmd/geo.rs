//! `drukwerk geo import GEMEENTEN.geojson --year YEAR`: a new year's municipal division into
//! the content, reported like `check` reports, written all at once or not at all.

use std::path::{Path, PathBuf};

use super::args::{GeoCommand, GeoImportArgs};
use super::figures::{plural, recheck};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::{Severity, Sources, display_path};
use crate::geoimport::{self, Options, Plan, read::Crs};
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
            reporter.error(
                "usage",
                &format!("no file {}", display_path(file)),
                Some("give the path of the .geojson file, relative to the current folder"),
            );
            return EXIT_USAGE;
        }
    }
    let checked = project::check(root);
    let Some(model) = &checked.model else {
        reporter.diagnostics(&checked.sources, &checked.diagnostics);
        reporter.line("the content has errors; fix them first (drukwerk check)");
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
            reporter.line("import failed: nothing written");
            return EXIT_ERRORS;
        }
    };
    let (errors, _) = reporter.diagnostics(&checked.sources, &plan.diagnostics);
    summary(&plan, reporter);
    if errors > 0 {
        reporter.line(&format!(
            "import failed: {}; nothing written",
            plural(errors, "error")
        ));
        return EXIT_ERRORS;
    }
    if args.dry_run {
        reporter.line("dry run: nothing written");
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
                reporter.line("import failed: nothing written");
                return EXIT_ERRORS;
            }
        }
    }
    if let Err(code) = super::report::write_all_or_report(reporter, &files, "import") {
        return code;
    }
    for (path, _, differs) in &plan.files {
        let what = if *differs { "wrote" } else { "unchanged" };
        reporter.line(&format!("  {what} {}", display_path(path)));
    }
    if !args.apply {
        if !plan.regions.is_empty() || plan.year != plan.old_year {
            reporter.line(&format!(
                "run again with --apply to change the region files and switch content/publication.toml to {}",
                plan.year
            ));
        }
        return EXIT_OK;
    }
    for (path, _) in &files {
        if let Ok(relative) = path.strip_prefix(root)
            && !plan.files.iter().any(|(p, _, _)| p == relative)
        {
            reporter.line(&format!("  updated {}", display_path(relative)));
        }
    }
    recheck(root, reporter)
}

/// What was read and what changes, in a few lines.
fn summary(plan: &Plan, reporter: &Reporter) {
    let (municipalities, provinces) = plan.counts;
    let crs = match plan.crs {
        Crs::RdNew => "RD New",
        Crs::Wgs84 => "WGS84, reprojected to RD New",
    };
    reporter.line(&format!(
        "{}: {municipalities} municipalities in {provinces} provinces ({crs})",
        plan.year
    ));
    if let Some((before, after, tolerance)) = plan.simplified {
        reporter.line(&format!(
            "  simplified: {before} → {after} points ({tolerance} m, shared borders kept shared)"
        ));
    }
    let c = &plan.comparison;
    if c.is_empty() {
        reporter.line(&format!(
            "no changes: the same municipalities as in {} ({} unchanged)",
            plan.old_year, c.unchanged
        ));
    } else {
        reporter.line(&format!(
            "compared with {}: {} gone, {} renamed, {} new, {} unchanged",
            plan.old_year,
            c.gone.len(),
            c.renamed.len(),
            c.new.len(),
            c.unchanged
        ));
    }
    let lines = plan.changed_lines();
    if lines > 0 {
        reporter.line(&format!(
            "region files: {} to change in {}",
            plural(lines, "line"),
            plural(plan.regions.len(), "file")
        ));
    }
    let warnings = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == "geography-year-in-text" && d.severity == Severity::Warning)
        .count();
    if warnings > 0 {
        reporter.line(&format!(
            "publication.toml: {} naming {} to review by hand",
            plural(warnings, "text"),
            plan.old_year
        ));
    }
}
