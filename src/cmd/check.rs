//! `drukwerk check`: load, validate, compile the layouts and render the site, write nothing.

use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use super::args::CheckArgs;
use super::report::{Reporter, counts, failed};
use super::{EXIT_ERRORS, EXIT_OK};
use crate::diagnostics::Diagnostic;
use crate::jobs;
use crate::msg;
use crate::project;
use crate::render::Renderer;

/// Checks the project and prints every problem. Exit 1 on errors (or warnings when denied).
pub fn check(root: &Path, args: &CheckArgs, reporter: &Reporter) -> i32 {
    let fonts =
        (!args.content_only).then(|| crate::render::Fonts::load_in_background(&root.join("fonts")));
    let checked = project::check(root);
    let mut diagnostics = checked.diagnostics;
    let sources = Mutex::new(checked.sources);
    if let (Some(model), Some(fonts)) = (&checked.model, fonts) {
        // Compile both layouts (the publication and the first fact sheet) so layout errors
        // surface here too; no PDF is exported or written.
        let (today, _) = project::build_date(model, project::source_date_epoch());
        match Renderer::with_fonts(root, fonts.wait(), today) {
            Ok(renderer) => {
                let profile = crate::Profile::Web;
                let internal = |e: crate::Error| Diagnostic::error("internal", e.message());
                let mut planned = Vec::new();
                match jobs::Maps::new(model) {
                    Ok(maps) => {
                        match jobs::publication_job(model, profile, &maps) {
                            Ok(job) => planned.push(job),
                            Err(e) => diagnostics.push(internal(e)),
                        }
                        if !model.regions.is_empty() {
                            match jobs::factsheet_job(model, 0, profile, &maps) {
                                Ok(job) => planned.push(job),
                                Err(e) => diagnostics.push(internal(e)),
                            }
                        }
                    }
                    Err(e) => diagnostics.push(internal(e)),
                }
                let results: Vec<_> = planned
                    .into_par_iter()
                    .map(|job| {
                        renderer.compile(
                            job.layout.path(),
                            job.data,
                            &job.maps.bytes,
                            profile,
                            &Default::default(),
                            &sources,
                        )
                    })
                    .collect();
                for result in results {
                    match result {
                        Ok(compiled) => diagnostics.extend(compiled.warnings),
                        Err(errors) => diagnostics.extend(errors),
                    }
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error("setup", e.message())),
        }
    }
    let mut sources = sources.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(model) = checked.model.as_ref().filter(|_| !args.content_only) {
        // Render the website in memory too, so a mistake in its templates shows here.
        match crate::site::render(root, model, &Default::default(), &mut sources) {
            Ok(_) => {}
            Err(crate::Error::Diagnostics(errors)) => diagnostics.extend(errors),
            Err(e) => diagnostics.push(Diagnostic::error("site", e.message())),
        }
    }
    let (errors, warnings) = reporter.diagnostics(&sources, &diagnostics);
    let counts = counts(errors, warnings);
    match &checked.model {
        Some(model) if errors == 0 => reporter.line(msg!(
            "cli-checked",
            regions = model.regions.len(),
            themes = model.themes.len(),
            cases = model.cases.len(),
            counts = counts
        )),
        _ => reporter.line(msg!("cli-check-failed", counts = counts)),
    }
    if failed(&diagnostics, args.deny_warnings) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}
