//! `drukwerk build` and `drukwerk factsheet`: check, render in parallel (or reuse what the
//! document cache holds), write atomically.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::args::{BuildArgs, FactsheetArgs, OutputArgs};
use super::report::{Reporter, failed, human_size};
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::display_path;
use crate::export::{write_all_atomic, write_atomic, write_dir_atomic};
use crate::jobs::{self, Job};
use crate::manifest::Manifest;
use crate::model::Model;
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
    run(root, &args.output, reporter, site, |model| {
        let profile = args.output.profile;
        let mut jobs = Vec::new();
        let (shard, shards) = args.shard.unwrap_or((1, 1));
        // One maps file for every document (and every shard) of the build.
        let maps = jobs::Maps::new(model)?;
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
    run(root, &args.output, reporter, false, |model| {
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
        // The maps of the whole build, as `build` makes them: the sheets share their cache
        // entries with a full build's.
        let maps = jobs::Maps::new(model)?;
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
    let mut d =
        crate::diagnostics::Diagnostic::error("unknown-region", format!("unknown region \"{id}\""));
    match model.closest_region(id) {
        Some(best) => d = d.with_help(format!("did you mean \"{}\"?", best.id)),
        None => d = d.with_help("`drukwerk list` shows every region id"),
    }
    PlanError::Usage(Box::new(d))
}

/// The shared build flow: check, plan, render, write.
fn run(
    root: &Path,
    args: &OutputArgs,
    reporter: &Reporter,
    site: bool,
    plan: impl FnOnce(&Model) -> Result<(Vec<Job>, Option<PathBuf>), PlanError>,
) -> i32 {
    let started = Instant::now();
    if args.crop_marks && args.profile != crate::Profile::Print {
        reporter.error(
            "usage",
            "--crop-marks needs --profile print",
            Some("crop marks are for the print shop: drukwerk build --profile print --crop-marks"),
        );
        return EXIT_USAGE;
    }
    let limit = match crate::cache::limit_from_env() {
        Ok(limit) => limit,
        Err(message) => {
            reporter.error("usage", &message, None);
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
        reporter.line("error: nothing was written; fix the errors above and run again");
        return EXIT_ERRORS;
    };
    if failed(&diagnostics, args.deny_warnings) {
        reporter.line("error: warnings are denied (--deny-warnings); nothing was written");
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
        reporter.error("setup", &format!("cannot start worker threads: {e}"), None);
        return EXIT_ERRORS;
    }
    let view_started = Instant::now();
    let (jobs, manifest) = match plan(&model) {
        Ok(plan) => plan,
        Err(PlanError::Usage(d)) => {
            reporter.diagnostics(&sources, &[*d]);
            return EXIT_USAGE;
        }
        Err(PlanError::Failed(e)) => {
            reporter.error("internal", &e.to_string(), None);
            return EXIT_ERRORS;
        }
    };
    let view_time = view_started.elapsed();
    let out_dir = root.join(&args.out);
    if let Some(dir) = &args.emit_data
        && let Err(message) = emit_data(root, dir, &jobs)
    {
        {
            reporter.error(
                "emit-data",
                &message,
                Some("--emit-data takes a folder inside the project root (relative to it, or absolute)"),
            );
            return EXIT_USAGE;
        }
    }
    let (today, timestamp) = project::build_date(&model, project::source_date_epoch());
    let renderer = match Renderer::with_fonts(root, fonts.wait(), today) {
        Ok(r) => r,
        Err(e) => {
            reporter.error(
                "setup",
                &e.to_string(),
                Some("the project needs fonts/ with at least one font file"),
            );
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
    let reuse = (!args.no_cache).then(|| jobs::Reuse {
        cache: crate::cache::DocCache::new(
            crate::cache::dir(root, &out_dir, args.cache_dir.as_deref()),
            limit,
        ),
        shared: jobs::shared_key(&edition, jobs::assets_key(renderer.root())),
    });
    let total = jobs.len();
    let progress = reporter.progress(total, &args.out);
    let sources = Mutex::new(sources);
    let render_started = Instant::now();
    let (result, warnings, timings) =
        jobs::run(&renderer, jobs, &edition, &sources, reuse.as_ref(), &|o| {
            progress.done(o)
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
            reporter.line("error: the layouts failed; nothing was written");
            return EXIT_ERRORS;
        }
    };
    if args.deny_warnings && !warnings.is_empty() {
        reporter.line("error: warnings are denied (--deny-warnings); nothing was written");
        return EXIT_ERRORS;
    }
    // The site is rendered before anything is written: a mistake in its templates fails the
    // build like a mistake in a Typst layout, and nothing is written.
    let site_started = Instant::now();
    let site_files = if site {
        match render_site(root, &out_dir, &model, &outputs, &mut sources) {
            Ok(files) => Some(files),
            Err(crate::Error::Diagnostics(errors)) => {
                reporter.diagnostics(&sources, &errors);
                reporter.line("error: the site templates failed; nothing was written");
                return EXIT_ERRORS;
            }
            Err(e) => {
                reporter.error("site", &e.to_string(), None);
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
        reporter.error("write", &e.to_string(), None);
        return EXIT_ERRORS;
    }
    if let Some(site) = &site_files
        && let Err(e) = write_dir_atomic(
            &out_dir.join(SITE_DIR),
            site.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
        )
    {
        reporter.error("write", &e.to_string(), None);
        return EXIT_ERRORS;
    }
    if let Some(reuse) = &reuse {
        reuse.cache.trim();
    }
    let write_time = write_started.elapsed();
    for output in &outputs {
        reporter.line(&format!(
            "  wrote {} ({})",
            display_path(&args.out.join(&output.path)),
            human_size(output.bytes.len())
        ));
    }
    if let Some(site) = &site_files {
        let pages = site.keys().filter(|k| k.ends_with(".html")).count();
        let bytes: usize = site.values().map(Vec::len).sum();
        reporter.line(&format!(
            "  wrote {}/ ({pages} pages, {} files, {})",
            display_path(&args.out.join(SITE_DIR)),
            site.len(),
            human_size(bytes)
        ));
    }
    let pages: usize = outputs.iter().map(|o| o.pages).sum();
    let reused = outputs.iter().filter(|o| o.reused).count();
    let (_, content_warnings) = crate::diagnostics::count(&diagnostics);
    reporter.line(&format!(
        "built {} {} ({} {}{}) in {:.2} s, {} {}",
        total,
        if total == 1 { "document" } else { "documents" },
        pages,
        if pages == 1 { "page" } else { "pages" },
        if reused > 0 {
            format!(", {reused} unchanged and reused")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64(),
        content_warnings + warnings.len(),
        if content_warnings + warnings.len() == 1 {
            "warning"
        } else {
            "warnings"
        },
    ));
    if args.timings {
        let total_time = started.elapsed();
        let ours = load_time + validate_time + view_time + site_time + write_time;
        let row =
            |name: &str, d: Duration| format!("  {name:<10} {:>8.1} ms", d.as_secs_f64() * 1000.0);
        for line in [
            "timings (compile, export and evict are summed over parallel documents):".to_string(),
            row("load", load_time),
            row("validate", validate_time),
            row("view", view_time),
            row("compile", timings.compile),
            row("export", timings.export),
            row("evict", timings.evict),
            row("render", render_time),
            row("site", site_time),
            row("write", write_time),
            row("total", total_time),
            format!(
                "  engine stages (load, validate, view, site, write): {:.1} % of the total",
                100.0 * ours.as_secs_f64() / total_time.as_secs_f64().max(1e-9)
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
fn emit_data(root: &Path, dir: &Path, jobs: &[Job]) -> Result<(), String> {
    let outside = || format!("{} is not inside the project", dir.display());
    let target = inside_root(root, dir).ok_or_else(outside)?;
    for job in jobs {
        let path = target.join(&job.output).with_extension("json");
        write_atomic(&path, &job.data).map_err(|e| e.to_string())?;
    }
    if let Some(job) = jobs.first() {
        write_atomic(&target.join(MAPS_FILE), &job.maps.bytes).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The maps' file name under `--emit-data`.
const MAPS_FILE: &str = "maps.json";

/// The site's folder under the output folder.
const SITE_DIR: &str = "site";

/// Renders the site with the PDFs of this build (web edition) copied into it.
fn render_site(
    root: &Path,
    out_dir: &Path,
    model: &Model,
    outputs: &[jobs::Output],
    sources: &mut crate::diagnostics::Sources,
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
    let cache = crate::images::cache_dir(out_dir);
    let options = crate::site::Options {
        publication,
        factsheets: Some(&factsheets),
        image_cache: Some(&cache),
    };
    crate::site::render(root, model, &options, sources)
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
