//! `drukwerk build` and `drukwerk factsheet`: check, render in parallel (or reuse what the
//! document cache holds), write atomically.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::args::{BuildArgs, FactsheetArgs, OutputArgs};
use super::report::{Reporter, failed, human_size};
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::Diagnostic;
use crate::diagnostics::display_path;
use crate::export::{write_all_atomic, write_atomic, write_dir_atomic};
use crate::i18n::{self, Arg, Msg};
use crate::jobs::{self, Job};
use crate::manifest::Manifest;
use crate::model::Model;
use crate::msg;
use crate::project::{self, Checked};
use crate::render::Renderer;

/// `drukwerk build`: the publication and every fact sheet (or one shard of them).
pub fn build(root: &Path, args: &BuildArgs, reporter: &Reporter) -> i32 {
    // The site links to the publication and every fact sheet, so only a full build of the web
    // edition makes it.
    let site = !args.no_site
        && args.output.profile == crate::Profile::Web
        && args.shard.is_none_or(|(_, n)| n == 1)
        && !args.publication_only;
    run(root, &args.output, reporter, site, |model, cache| {
        let profile = args.output.profile;
        let mut jobs = Vec::new();
        let (shard, shards) = args.shard.unwrap_or((1, 1));
        // One maps file for every document (and every shard) of the build, kept in the
        // document cache for the next build. Without a cache, the publication alone gets only
        // the maps it reads (the same document key: `Maps::publication_key`).
        let maps = match cache {
            Some((cache, assets)) => jobs::Maps::cached(model, cache, assets)?.0,
            None if args.publication_only => jobs::Maps::for_publication(model)?,
            None => jobs::Maps::new(model)?,
        };
        if shard == 1 {
            jobs.push(jobs::publication_job(model, profile, &maps)?);
        }
        if !args.publication_only {
            for i in jobs::shard(0..model.regions.len(), shard, shards) {
                jobs.push(jobs::factsheet_job(model, i, profile, &maps)?);
            }
        }
        let manifest = match args.shard {
            Some((i, n)) if n > 1 => format!("manifest-shard-{i}-of-{n}{}.json", suffix(profile)),
            _ => format!("manifest{}.json", suffix(profile)),
        };
        Ok((jobs, Some(PathBuf::from(manifest))))
    })
}

/// `drukwerk factsheet REGION...`: the fact sheets of the named regions.
pub fn factsheet(root: &Path, args: &FactsheetArgs, reporter: &Reporter) -> i32 {
    run(root, &args.output, reporter, false, |model, _| {
        let mut indices = Vec::new();
        if args.all {
            indices.extend(0..model.regions.len());
        }
        for id in &args.regions {
            match model.region(id) {
                Some((i, _)) => indices.push(i),
                None => return Err(unknown_region(model, id)),
            }
        }
        indices.dedup();
        // Only these sheets' maps: one sheet on demand places one region's labels and hands
        // Typst a small maps file (its cache entries are apart from a full build's, whose
        // maps file holds every region's).
        let maps = jobs::Maps::for_sheets(model, &indices)?;
        let jobs = indices
            .into_iter()
            .map(|i| jobs::factsheet_job(model, i, args.output.profile, &maps))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((jobs, None))
    })
}

fn suffix(profile: crate::Profile) -> &'static str {
    match profile {
        crate::Profile::Web => "",
        crate::Profile::Print => "-print",
    }
}

/// A problem raised while planning jobs.
enum PlanError {
    /// Bad command-line input (unknown region id): exit 2.
    Usage(Box<crate::diagnostics::Diagnostic>),
    /// Failure to build a view.
    Failed(crate::Error),
}

impl From<crate::Error> for PlanError {
    fn from(e: crate::Error) -> Self {
        PlanError::Failed(e)
    }
}

fn unknown_region(model: &Model, id: &str) -> PlanError {
    let mut d = crate::diagnostics::Diagnostic::error(
        "unknown-region",
        msg!("cli-unknown-region", id = id),
    );
    match model.closest_region(id) {
        Some(best) => d = d.with_help(msg!("cli-unknown-region-did-you-mean", id = &best.id)),
        None => d = d.with_help(msg!("cli-unknown-region-list")),
    }
    PlanError::Usage(Box::new(d))
}

/// The shared build flow: check, plan, render, write.
fn run(
    root: &Path,
    args: &OutputArgs,
    reporter: &Reporter,
    site: bool,
    plan: impl FnOnce(
        &Model,
        Option<(&crate::cache::DocCache, u64)>,
    ) -> Result<(Vec<Job>, Option<PathBuf>), PlanError>,
) -> i32 {
    let started = Instant::now();
    if args.crop_marks && args.profile != crate::Profile::Print {
        reporter.report(
            Diagnostic::error("usage", msg!("cli-crop-marks-need-print"))
                .with_help(msg!("cli-crop-marks-need-print-help")),
        );
        return EXIT_USAGE;
    }
    let limit = match crate::cache::limit_from_env() {
        Ok(limit) => limit,
        Err(message) => {
            reporter.report(Diagnostic::error("usage", message));
            return EXIT_USAGE;
        }
    };
    let fonts = crate::render::Fonts::load_in_background(&root.join("fonts"));
    let Checked {
        model,
        diagnostics,
        sources,
        load_time,
        validate_time,
    } = project::check(root);
    reporter.diagnostics(&sources, &diagnostics);
    let Some(model) = model else {
        reporter.line(msg!("cli-nothing-written"));
        return EXIT_ERRORS;
    };
    if failed(&diagnostics, args.deny_warnings) {
        reporter.line(msg!("cli-warnings-denied"));
        return EXIT_ERRORS;
    }
    // Documents are compiled on rayon's global pool, which Typst's own parallel layout and
    // export use as well, and the views are made on it too; --jobs sizes it (once per
    // process, so before the first use).
    if let Some(n) = args.jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
    {
        reporter.report(
            Diagnostic::error("setup", msg!("cli-no-worker-threads"))
                .with_note(Msg::verbatim(e.to_string())),
        );
        return EXIT_ERRORS;
    }
    let out_dir = root.join(&args.out);
    // The document cache (and the maps in it), unless bypassed; `assets` is the part of every
    // key that lives on disk beside the content (hashed once per build).
    let documents = (!args.no_cache).then(|| {
        (
            crate::cache::DocCache::new(
                crate::cache::dir(root, &out_dir, args.cache_dir.as_deref()),
                limit,
            ),
            jobs::assets_key(root),
        )
    });
    let view_started = Instant::now();
    let (jobs, manifest) = match plan(&model, documents.as_ref().map(|(c, a)| (c, *a))) {
        Ok(plan) => plan,
        Err(PlanError::Usage(d)) => {
            reporter.diagnostics(&sources, &[*d]);
            return EXIT_USAGE;
        }
        Err(PlanError::Failed(e)) => {
            reporter.report(error_of("internal", &e));
            return EXIT_ERRORS;
        }
    };
    let view_time = view_started.elapsed();
    if let Some(dir) = &args.emit_data
        && let Err(problem) = emit_data(root, dir, &jobs)
    {
        reporter.report(*problem);
        return EXIT_USAGE;
    }
    let (today, timestamp) = project::build_date(&model, project::source_date_epoch());
    let renderer = match Renderer::with_fonts(root, fonts.wait(), today) {
        Ok(r) => r,
        Err(e) => {
            reporter.report(error_of("setup", &e).with_help(msg!("cli-fonts-help")));
            return EXIT_ERRORS;
        }
    };
    let images = crate::images::all(&model);
    let cache = crate::images::cache_dir(&out_dir);
    let prepared = match crate::images::prepare(renderer.root(), &images, &cache) {
        Ok(p) => p,
        Err(errors) => {
            reporter.diagnostics(&sources, &errors);
            return EXIT_ERRORS;
        }
    };
    let edition = jobs::Edition {
        profile: args.profile,
        crop_marks: args.crop_marks,
        timestamp,
        print: model.publication.print.clone(),
        images: jobs::Images {
            images,
            prepared,
            cache,
        },
    };
    let reuse = documents.map(|(cache, assets)| jobs::Reuse {
        cache,
        shared: jobs::shared_key(&edition, assets),
    });
    let total = jobs.len();
    let progress = reporter.progress(total, &args.out);
    let sources = Mutex::new(sources);
    let render_started = Instant::now();
    // The site's images and maps do not depend on the documents: made on a thread beside
    // Typst's layout, which leaves a core idle now and then (evaluation, export).
    let site_cache = crate::images::cache_dir(&out_dir);
    let ((result, warnings, timings), site_prepared) = std::thread::scope(|scope| {
        let prepared = site.then(|| {
            scope.spawn(|| crate::site::prepare(renderer.root(), &model, Some(&site_cache)))
        });
        let run = jobs::run(&renderer, jobs, &edition, &sources, reuse.as_ref(), &|o| {
            progress.done(o)
        });
        (run, prepared.map(|thread| thread.join()))
    });
    let render_time = render_started.elapsed();
    progress.finish();
    let mut sources = sources.into_inner().unwrap_or_else(|e| e.into_inner());
    let outputs = match result {
        Ok(outputs) => {
            reporter.diagnostics(&sources, &warnings);
            outputs
        }
        Err(errors) => {
            let mut all = errors;
            all.extend(warnings);
            reporter.diagnostics(&sources, &all);
            reporter.line(msg!("cli-layouts-failed"));
            return EXIT_ERRORS;
        }
    };
    if args.deny_warnings && !warnings.is_empty() {
        reporter.line(msg!("cli-warnings-denied"));
        return EXIT_ERRORS;
    }
    // The site is rendered before anything is written: a mistake in its templates fails the
    // build like a mistake in a Typst layout, and nothing is written.
    let site_started = Instant::now();
    let site_files = if let Some(prepared) = site_prepared {
        let rendered = match prepared {
            Ok(prepared) => {
                prepared.and_then(|p| render_site(root, &model, &outputs, &mut sources, p))
            }
            Err(panic) => std::panic::resume_unwind(panic),
        };
        match rendered {
            Ok(files) => Some(files),
            Err(crate::Error::Diagnostics(errors)) => {
                reporter.diagnostics(&sources, &errors);
                reporter.line(msg!("cli-site-failed"));
                return EXIT_ERRORS;
            }
            Err(e) => {
                reporter.report(error_of("site", &e));
                return EXIT_ERRORS;
            }
        }
    } else {
        None
    };
    let site_time = site_started.elapsed();
    let write_started = Instant::now();
    let paths: Vec<PathBuf> = outputs.iter().map(|o| out_dir.join(&o.path)).collect();
    let mut files: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(&outputs)
        .map(|(path, o)| (path.as_path(), o.bytes.as_slice()))
        .collect();
    let manifest = manifest.map(|m| {
        (
            out_dir.join(m),
            Manifest::new(args.profile, &outputs).to_json(),
        )
    });
    if let Some((path, bytes)) = &manifest {
        files.push((path.as_path(), bytes.as_slice()));
    }
    if let Err(e) = write_all_atomic(&files) {
        reporter.report(write_failed(&e));
        return EXIT_ERRORS;
    }
    if let Some(site) = &site_files
        && let Err(e) = write_dir_atomic(
            &out_dir.join(SITE_DIR),
            site.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
        )
    {
        reporter.report(write_failed(&e));
        return EXIT_ERRORS;
    }
    if let Some(reuse) = &reuse {
        reuse.cache.trim();
    }
    let write_time = write_started.elapsed();
    for output in &outputs {
        let path = display_path(&args.out.join(&output.path));
        let size = human_size(output.bytes.len());
        reporter.item(msg!("cli-wrote", path = path, size = size));
    }
    if let Some(site) = &site_files {
        let pages = site.keys().filter(|k| k.ends_with(".html")).count();
        let bytes: usize = site.values().map(Vec::len).sum();
        let line = msg!(
            "cli-wrote-site",
            path = display_path(&args.out.join(SITE_DIR)),
            pages = pages,
            files = site.len(),
            size = human_size(bytes)
        );
        reporter.item(line);
    }
    let pages: usize = outputs.iter().map(|o| o.pages).sum();
    let reused = outputs.iter().filter(|o| o.reused).count();
    let (_, content_warnings) = crate::diagnostics::count(&diagnostics);
    reporter.line(msg!(
        "cli-built",
        documents = total,
        pages = pages,
        reused = reused,
        seconds = Arg::Dec(started.elapsed().as_secs_f64(), 2),
        warnings = content_warnings + warnings.len()
    ));
    if args.timings {
        let lang = reporter.lang();
        let total_time = started.elapsed();
        let ours = load_time + validate_time + view_time + site_time + write_time;
        let row = |stage: Msg, d: Duration| {
            let ms = i18n::decimal(d.as_secs_f64() * 1000.0, 1, lang);
            format!("  {:<12} {ms:>8} ms", stage.text(lang))
        };
        let share = 100.0 * ours.as_secs_f64() / total_time.as_secs_f64().max(1e-9);
        for line in [
            i18n::text(lang, "cli-timings-heading"),
            row(msg!("cli-timings-stage-load"), load_time),
            row(msg!("cli-timings-stage-validate"), validate_time),
            row(msg!("cli-timings-stage-view"), view_time),
            row(msg!("cli-timings-stage-compile"), timings.compile),
            row(msg!("cli-timings-stage-export"), timings.export),
            row(msg!("cli-timings-stage-evict"), timings.evict),
            row(msg!("cli-timings-stage-render"), render_time),
            row(msg!("cli-timings-stage-site"), site_time),
            row(msg!("cli-timings-stage-write"), write_time),
            row(msg!("cli-timings-stage-total"), total_time),
            format!(
                "  {}",
                msg!("cli-timings-share", percent = Arg::Dec(share, 1)).text(lang)
            ),
        ] {
            eprintln!("{line}");
        }
    }
    EXIT_OK
}

/// Writes each job's view JSON under `dir`, relative to the project root or absolute, which
/// must lie inside the project root (the layouts can only read data from there), and the
/// build's maps as `maps.json` beside them (the layouts' `maps` input).
fn emit_data(root: &Path, dir: &Path, jobs: &[Job]) -> Result<(), Box<Diagnostic>> {
    let shown = display_path(dir);
    let target = inside_root(root, dir).ok_or_else(|| {
        Box::new(
            Diagnostic::error("emit-data", msg!("cli-emit-data-outside", dir = &shown))
                .with_help(msg!("cli-emit-data-help")),
        )
    })?;
    for job in jobs {
        let path = target.join(&job.output).with_extension("json");
        write_atomic(&path, &job.data).map_err(|e| {
            Box::new(
                Diagnostic::error("emit-data", msg!("cli-emit-data-failed", dir = &shown))
                    .with_note(e.message()),
            )
        })?;
    }
    if let Some(job) = jobs.first() {
        write_atomic(&target.join(MAPS_FILE), &job.maps.bytes).map_err(|e| {
            Box::new(
                Diagnostic::error("emit-data", msg!("cli-emit-data-failed", dir = &shown))
                    .with_note(e.message()),
            )
        })?;
    }
    Ok(())
}

/// A library error under a code, in the reader's language where drukwerk words it.
fn error_of(code: &'static str, e: &crate::Error) -> Diagnostic {
    Diagnostic::error(code, e.message())
}

/// A failed write: drukwerk's sentence, the system's reason as a note.
fn write_failed(e: &crate::Error) -> Diagnostic {
    Diagnostic::error("write", msg!("cli-write-failed")).with_note(e.message())
}

/// The maps' file name under `--emit-data`.
const MAPS_FILE: &str = "maps.json";

/// The site's folder under the output folder.
const SITE_DIR: &str = "site";

/// Renders the site with the PDFs of this build (web edition) copied into it.
fn render_site<'a>(
    root: &Path,
    model: &'a Model,
    outputs: &[jobs::Output],
    sources: &mut crate::diagnostics::Sources,
    prepared: crate::site::Prepared<'a>,
) -> Result<crate::site::Files, crate::Error> {
    let publication_file = PathBuf::from(crate::site::publication_path(model));
    let publication = outputs
        .iter()
        .find(|o| o.path == publication_file)
        .map(|o| o.bytes.as_slice());
    let factsheets: std::collections::BTreeMap<String, Vec<u8>> = model
        .regions
        .iter()
        .filter_map(|r| {
            let path = PathBuf::from(crate::site::factsheet_path(&r.id));
            outputs
                .iter()
                .find(|o| o.path == path)
                .map(|o| (r.id.clone(), o.bytes.clone()))
        })
        .collect();
    let options = crate::site::Options {
        publication,
        factsheets: Some(&factsheets),
        image_cache: None,
    };
    crate::site::render_prepared(root, model, &options, sources, prepared)
}

/// `dir` (relative to `root`, or absolute) resolved, if it lies inside `root`: `..` is
/// followed as written and symbolic links as they are on disk, so neither can lead out. The
/// folder need not exist yet.
fn inside_root(root: &Path, dir: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let root = root.canonicalize().ok()?;
    let mut path = root.clone();
    let joined = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        root.join(dir)
    };
    // The longest part that exists is resolved by the file system (symbolic links); the rest
    // is taken as written.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(
            existing
                .components()
                .next_back()?
                .as_os_str()
                .to_os_string(),
        );
        existing = existing.parent()?;
    }
    for c in existing.canonicalize().ok()?.components() {
        match c {
            Component::RootDir | Component::Prefix(_) => path = PathBuf::from(c.as_os_str()),
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                path.pop();
            }
        }
    }
    for part in rest.into_iter().rev() {
        match part.to_str() {
            Some("..") => {
                path.pop();
            }
            Some(".") => {}
            _ => path.push(part),
        }
    }
    path.starts_with(&root).then_some(path)
}
