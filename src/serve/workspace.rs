//! The long-lived engine state behind `drukwerk serve`: one of everything the stages need,
//! kept between runs and invalidated by what changed on disk.
//!
//! The stages are the same as `build`'s (load → validate → view → render → export, through
//! [`project::check_with`], [`jobs`] and [`Renderer`]); what the workspace adds is memory: the
//! fonts, the parsed geography ([`GeoCache`]), the parsed layouts ([`Renderer`]'s file store)
//! and Typst's memo caches survive from one edit to the next, so a rebuild after a one-figure
//! edit redoes only what that figure touches.
//!
//! Every rebuild makes a new immutable [`Snapshot`]; requests take the current one and never
//! see a half-made state. The last snapshot without errors ([`Good`]) keeps serving PDFs and
//! previews while the content has errors.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use tokio::sync::broadcast;

use super::preview::{self, Preview};
use crate::content::Layer;
use crate::diagnostics::{Diagnostic, Severity, Sources};
use crate::geo::GeoCache;
use crate::jobs::{self, Edition, Images, Job};
use crate::model::Model;
use crate::project;
use crate::render::{Fonts, Renderer};
use crate::{Error, Profile};

/// A document the server can show or build.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Doc {
    /// The publication.
    Publication,
    /// The fact sheet of the region with this id.
    FactSheet(String),
}

impl Doc {
    /// The document's path in URLs: `publication`, `factsheets/zwolle`.
    pub fn path(&self) -> String {
        match self {
            Doc::Publication => "publication".into(),
            Doc::FactSheet(id) => format!("factsheets/{id}"),
        }
    }

    /// Parses [`Doc::path`].
    pub fn from_path(path: &str) -> Option<Doc> {
        match path {
            "publication" => Some(Doc::Publication),
            _ => path
                .strip_prefix("factsheets/")
                .map(|id| Doc::FactSheet(id.to_string())),
        }
    }

    /// The job that makes this document from `model` and its `maps`; `None` for an unknown
    /// region.
    pub fn job(
        &self,
        model: &Model,
        profile: Profile,
        maps: &jobs::Maps,
    ) -> Option<Result<Job, Error>> {
        match self {
            Doc::Publication => Some(jobs::publication_job(model, profile, maps)),
            Doc::FactSheet(id) => model
                .region(id)
                .map(|(i, _)| jobs::factsheet_job(model, i, profile, maps)),
        }
    }
}

/// The last content without errors, ready to be rendered.
pub struct Good {
    /// The snapshot generation it was made in.
    pub generation: u64,
    /// The validated content.
    pub model: Model,
    /// Its maps, shared by every document made from it (the previous content's, when made
    /// from the same: [`Workspace::maps`]).
    pub maps: jobs::Maps,
    /// The content's images, prepared at full resolution.
    pub prepared: crate::images::Prepared,
    /// The renderer with this content's date.
    pub renderer: Renderer,
    /// PDF timestamp (the publication date, or `SOURCE_DATE_EPOCH`).
    pub timestamp: i64,
    /// A hash of every file the documents read besides the content's TOML (layouts, fonts,
    /// images, boundaries, the print profile): part of every cache key, with the view JSON,
    /// so the key says what a document is made from, the same in every process.
    pub assets: u64,
}

impl Good {
    /// The edition a document is made in, borrowing this content.
    pub fn edition(&self, profile: Profile, cache: &Path) -> Edition<'_> {
        Edition {
            profile,
            crop_marks: false,
            timestamp: self.timestamp,
            print: self.model.publication.print.clone(),
            images: Images {
                images: crate::images::all(&self.model),
                prepared: self.prepared.clone(),
                cache: cache.to_path_buf(),
            },
        }
    }
}

/// What the server knows after one rebuild.
pub struct Snapshot {
    /// Counts rebuilds, from 1.
    pub generation: u64,
    /// Every problem in the content, and the layout errors of the documents compiled since.
    pub diagnostics: Vec<Diagnostic>,
    /// The texts the diagnostics point into.
    pub sources: Sources,
    /// The last content without errors (maybe from an earlier generation).
    pub good: Option<Arc<Good>>,
    /// When the content was last built without errors (for `/health`).
    pub last_success: Option<SystemTime>,
    /// How long the rebuild took.
    pub took: Duration,
}

impl Snapshot {
    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        crate::diagnostics::count(&self.diagnostics)
    }
}

/// What the workspace tells the pages it serves.
#[derive(Debug, Clone)]
pub enum Event {
    /// A new snapshot: diagnostics changed, or the content was rebuilt.
    Status(u64),
    /// A document's pages changed.
    Pages(Doc),
}

/// Files that changed on disk, as the watcher saw them.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Changed paths (absolute).
    pub paths: HashSet<PathBuf>,
    /// Events were lost: assume everything changed.
    pub rescan: bool,
}

/// Held while a document's preview is being made, so it is laid out once however many pages
/// ask for it; remembers the (generation, assets) whose layout failed, so a broken state is
/// not laid out again on every request.
type CompileSlot = Arc<Mutex<Option<(u64, u64)>>>;

/// The engine state of one `serve` process.
pub struct Workspace {
    root: PathBuf,
    cache_dir: PathBuf,
    geo: GeoCache,
    renderer: RwLock<Option<Renderer>>,
    snapshot: RwLock<Arc<Snapshot>>,
    /// The latest preview of each document (read by page requests without waiting for a
    /// compile).
    previews: RwLock<HashMap<Doc, Arc<Preview>>>,
    /// One compile of a document at a time.
    compiling: Mutex<HashMap<Doc, CompileSlot>>,
    watched: Mutex<HashMap<Doc, usize>>,
    /// Layout errors per output (a document's path, or `site`), from the latest compile of
    /// each (merged into snapshots).
    layout_errors: Mutex<HashMap<String, Vec<Diagnostic>>>,
    /// The diagnostics of the last content check (without layout errors).
    content_diagnostics: Mutex<Vec<Diagnostic>>,
    assets: AtomicU64,
    events: broadcast::Sender<Event>,
    /// The website of the last good content: (generation, assets) it was made from, and its
    /// files.
    site: Mutex<Option<(u64, u64, Arc<crate::site::Files>)>>,
    /// The last maps made, and what they were made from: kept while that is unchanged.
    maps: Mutex<Option<KeptMaps>>,
}

/// Maps kept between rebuilds and drafts (see [`Workspace::maps`]).
struct KeptMaps {
    /// The boundaries they were drawn from (held, so the comparison by address is sound).
    geo: Option<Arc<crate::geo::Geo>>,
    /// [`crate::view::maps::inputs_key`] and the `assets` version they were made with.
    key: (u128, u64),
    /// The maps.
    maps: jobs::Maps,
}

impl Workspace {
    /// Loads the project at `root` (fonts, content) and makes the first snapshot. Content
    /// errors do not fail this: they are in the snapshot. Only a missing project root does.
    pub fn open(root: &Path) -> Result<Arc<Self>, Error> {
        let root = root.canonicalize().map_err(|e| {
            Error::Io(crate::msg!(
                "error-project-root",
                path = root.display().to_string(),
                reason = crate::content::problems::io_reason(&e)
            ))
        })?;
        let (events, _) = broadcast::channel(256);
        let ws = Arc::new(Workspace {
            cache_dir: crate::images::cache_dir(&root.join("out")),
            root,
            geo: GeoCache::default(),
            renderer: RwLock::new(None),
            snapshot: RwLock::new(Arc::new(Snapshot {
                generation: 0,
                diagnostics: Vec::new(),
                sources: Sources::default(),
                good: None,
                last_success: None,
                took: Duration::ZERO,
            })),
            previews: RwLock::new(HashMap::new()),
            compiling: Mutex::new(HashMap::new()),
            watched: Mutex::new(HashMap::new()),
            layout_errors: Mutex::new(HashMap::new()),
            content_diagnostics: Mutex::new(Vec::new()),
            assets: AtomicU64::new(0),
            events,
            site: Mutex::new(None),
            maps: Mutex::new(None),
        });
        ws.rebuild(&Changes {
            rescan: true,
            ..Changes::default()
        });
        Ok(ws)
    }

    /// The canonical project root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where processed images are cached.
    pub fn cache_dir(&self) -> &Path {
        &self.cache_dir
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Listens to what changes.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    /// Runs the stages again for what changed: fonts reloaded when `fonts/` changed, layouts
    /// and images read again when they changed, the content always checked again; then the
    /// documents someone is watching are laid out again. Called from one thread at a time
    /// (the watcher's), so rebuilds never overlap; requests keep using the previous snapshot
    /// until the new one is published.
    pub fn rebuild(&self, changes: &Changes) -> Arc<Snapshot> {
        let started = Instant::now();
        let under = |dir: &str| {
            changes.rescan
                || changes
                    .paths
                    .iter()
                    .any(|p| p.starts_with(self.root.join(dir)))
        };
        let content_assets = changes.rescan
            || changes.paths.iter().any(|p| {
                p.starts_with(self.root.join("content"))
                    && p.extension().is_none_or(|e| e != "toml")
            });
        let mut setup_errors = Vec::new();
        {
            let mut renderer = self.renderer.write().unwrap_or_else(|e| e.into_inner());
            if under("fonts") || renderer.is_none() {
                match Fonts::load(&self.root.join("fonts")) {
                    Ok(fonts) => {
                        *renderer = Some(match renderer.as_ref() {
                            Some(r) => r.with_other_fonts(fonts),
                            None => match Renderer::with_fonts(
                                &self.root,
                                Ok(fonts),
                                chrono::NaiveDate::default(),
                            ) {
                                Ok(r) => r.for_relayout(),
                                Err(e) => {
                                    setup_errors.push(Diagnostic::error("setup", e.message()));
                                    return self.publish_failure(setup_errors, started);
                                }
                            },
                        });
                    }
                    Err(e) => setup_errors.push(
                        Diagnostic::error("setup", e.message())
                            .with_help(crate::msg!("error-no-fonts.help")),
                    ),
                }
            }
            if (under("layouts") || content_assets)
                && let Some(r) = renderer.as_ref()
            {
                r.reload_files();
            }
        }
        if under("layouts") || under("fonts") || content_assets {
            self.assets
                .store(assets_hash(&self.root), Ordering::Relaxed);
        }
        // Any change may have fixed a layout error; the documents compiled next find the ones
        // that are still there.
        self.layout_errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        let checked = project::check_with(&self.root, &self.geo);
        let mut diagnostics = checked.diagnostics;
        diagnostics.extend(setup_errors);
        let previous = self.snapshot();
        let renderer = self
            .renderer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let fresh = match (checked.model, renderer) {
            (Some(model), Some(renderer))
                if !diagnostics.iter().any(|d| d.severity == Severity::Error) =>
            {
                let images = crate::images::all(&model);
                let prepared = crate::images::prepare(&self.root, &images, &self.cache_dir);
                match (prepared, self.maps(&model)) {
                    (Ok(prepared), Ok(maps)) => {
                        let (today, timestamp) =
                            project::build_date(&model, project::source_date_epoch());
                        Some(Arc::new(Good {
                            generation: previous.generation + 1,
                            renderer: renderer.with_date(today),
                            prepared,
                            timestamp,
                            model,
                            maps,
                            assets: self.assets.load(Ordering::Relaxed),
                        }))
                    }
                    (Err(errors), _) | (_, Err(errors)) => {
                        diagnostics.extend(errors);
                        None
                    }
                }
            }
            _ => None,
        };
        let ok = fresh.is_some();
        diagnostics.clone_into(
            &mut self
                .content_diagnostics
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        );
        let snapshot = Arc::new(Snapshot {
            generation: previous.generation + 1,
            last_success: if ok {
                Some(SystemTime::now())
            } else {
                previous.last_success
            },
            good: fresh.or_else(|| previous.good.clone()),
            diagnostics,
            sources: checked.sources,
            took: started.elapsed(),
        });
        self.publish(snapshot.clone());
        if ok {
            self.refresh_watched();
        }
        self.snapshot()
    }

    fn publish_failure(&self, diagnostics: Vec<Diagnostic>, started: Instant) -> Arc<Snapshot> {
        diagnostics.clone_into(
            &mut self
                .content_diagnostics
                .lock()
                .unwrap_or_else(|e| e.into_inner()),
        );
        let previous = self.snapshot();
        let snapshot = Arc::new(Snapshot {
            generation: previous.generation + 1,
            diagnostics,
            sources: Sources::default(),
            good: previous.good.clone(),
            last_success: previous.last_success,
            took: started.elapsed(),
        });
        self.publish(snapshot.clone());
        snapshot
    }

    /// Makes `snapshot` current, with the layout errors known so far merged in.
    fn publish(&self, mut snapshot: Arc<Snapshot>) {
        let layout = self.layout_errors.lock().unwrap_or_else(|e| e.into_inner());
        if !layout.is_empty()
            && let Some(s) = Arc::get_mut(&mut snapshot)
        {
            let mut docs: Vec<_> = layout.iter().collect();
            docs.sort_by(|a, b| a.0.cmp(b.0));
            for (_, errors) in docs {
                for e in errors {
                    if !s.diagnostics.contains(e) {
                        s.diagnostics.push(e.clone());
                    }
                }
            }
        }
        drop(layout);
        let generation = snapshot.generation;
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = snapshot;
        let _ = self.events.send(Event::Status(generation));
    }

    /// Records the layout errors of a document's latest compile (none when it compiled), and
    /// republishes the snapshot when that changes what it says.
    fn record_layout(&self, output: &str, errors: Vec<Diagnostic>, sources: &Sources) {
        let changed = {
            let mut map = self.layout_errors.lock().unwrap_or_else(|e| e.into_inner());
            let before = map.get(output).cloned().unwrap_or_default();
            if errors.is_empty() {
                map.remove(output);
            } else {
                map.insert(output.to_string(), errors.clone());
            }
            before != errors
        };
        if changed {
            let current = self.snapshot();
            let mut texts = current.sources.clone();
            for e in &errors {
                if let Some(file) = &e.file
                    && texts.get(file).is_none()
                    && let Some(text) = sources.get(file)
                {
                    texts.insert(file.clone(), text);
                }
            }
            // The content's own diagnostics, with the layout errors merged in by `publish`.
            let content = self
                .content_diagnostics
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            self.publish(Arc::new(Snapshot {
                generation: current.generation,
                diagnostics: content,
                sources: texts,
                good: current.good.clone(),
                last_success: current.last_success,
                took: current.took,
            }));
        }
    }

    /// Counts a page that shows `doc` live; the guard uncounts it when dropped.
    pub fn watch(self: &Arc<Self>, doc: Doc) -> WatchGuard {
        *self
            .watched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(doc.clone())
            .or_default() += 1;
        WatchGuard {
            workspace: self.clone(),
            doc,
        }
    }

    /// Lays out again every document someone is watching, in parallel.
    fn refresh_watched(&self) {
        let docs: Vec<Doc> = self
            .watched
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(d, _)| d.clone())
            .collect();
        use rayon::prelude::*;
        docs.par_iter().for_each(|doc| {
            let _ = self.preview(doc);
        });
        // Keep what this and the last few rebuilds used; drop older layout from the caches.
        comemo::evict(PREVIEW_EVICT_AGE);
        super::release_free_memory();
    }

    /// The current preview of `doc`, laid out now if it is older than the last good content.
    /// `Ok(None)` when the content never had a good state; an unknown region is an error.
    pub fn preview(&self, doc: &Doc) -> Result<Option<Arc<Preview>>, PreviewError> {
        let snapshot = self.snapshot();
        let Some(good) = snapshot.good.clone() else {
            return Ok(None);
        };
        let current = |doc: &Doc| {
            self.previews
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(doc)
                .cloned()
        };
        let fresh = |p: &Preview| p.generation == good.generation && p.assets == good.assets;
        if let Some(p) = current(doc).filter(|p| fresh(p)) {
            return Ok(Some(p));
        }
        let slot = self
            .compiling
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(doc.clone())
            .or_default()
            .clone();
        let mut failed = slot.lock().unwrap_or_else(|e| e.into_inner());
        // Made meanwhile by the request we waited for, or known to fail: nothing to do.
        let previous = current(doc);
        if let Some(p) = previous.as_ref().filter(|p| fresh(p)) {
            return Ok(Some(p.clone()));
        }
        if *failed == Some((good.generation, good.assets)) {
            return Ok(previous);
        }
        let Some(job) = doc.job(&good.model, Profile::Web, &good.maps) else {
            return Err(PreviewError::UnknownRegion);
        };
        let job = job.map_err(|e| PreviewError::Failed(e.to_string()))?;
        let edition = good.edition(Profile::Web, &self.cache_dir);
        let sources = Mutex::new(snapshot.sources.clone());
        let started = Instant::now();
        let result = jobs::compile(&good.renderer, &job, &edition, &sources);
        let sources = sources.into_inner().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(compiled) => {
                let preview = Arc::new(preview::make(
                    compiled.document,
                    previous.as_deref(),
                    good.generation,
                    good.assets,
                    started.elapsed(),
                ));
                let changed = previous.is_none_or(|p| p.hashes() != preview.hashes());
                self.previews
                    .write()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(doc.clone(), preview.clone());
                *failed = None;
                drop(failed);
                self.record_layout(&doc.path(), Vec::new(), &sources);
                if changed {
                    let _ = self.events.send(Event::Pages(doc.clone()));
                }
                Ok(Some(preview))
            }
            Err(errors) => {
                *failed = Some((good.generation, good.assets));
                drop(failed);
                self.record_layout(&doc.path(), errors, &sources);
                // The last good pages stay; the overlay says what is wrong.
                Ok(previous)
            }
        }
    }

    /// The maps of `model`: the ones made last when what they are made from is unchanged
    /// (the same boundaries, [`crate::view::maps::inputs_key`] and `assets` version), so an
    /// edit of a figure or a text neither places the detail maps' labels again nor gives
    /// Typst another maps file (which it would decode and draw again).
    fn maps(&self, model: &Model) -> Result<jobs::Maps, Vec<Diagnostic>> {
        let key = (
            crate::view::maps::inputs_key(model),
            self.assets.load(Ordering::Relaxed),
        );
        let same_geo = |kept: &KeptMaps| match (&kept.geo, &model.geo) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if let Some(k) = self.maps.lock().unwrap_or_else(|e| e.into_inner()).as_ref()
            && k.key == key
            && same_geo(k)
        {
            return Ok(k.maps.clone());
        }
        // Made without the lock held: the views are made on rayon's pool, whose waiting
        // thread may meanwhile run another task that asks for maps.
        let maps =
            jobs::Maps::new(model).map_err(|e| vec![Diagnostic::error("view", e.message())])?;
        *self.maps.lock().unwrap_or_else(|e| e.into_inner()) = Some(KeptMaps {
            geo: model.geo.clone(),
            key,
            maps: maps.clone(),
        });
        Ok(maps)
    }

    /// The parsed boundaries, kept between rebuilds and shared with the editor's drafts.
    pub fn geo(&self) -> &GeoCache {
        &self.geo
    }

    /// Checks the content read through `layer` (the editor's unsaved state laid over the
    /// disk): the stages `check` runs, with this workspace's parsed geography. Nothing is
    /// published.
    pub fn check_draft(&self, layer: &Layer) -> project::Checked {
        project::check_layered(&self.root, &self.geo, layer)
    }

    /// Lays out `doc` from a draft's model for the editor's preview alone: nothing reaches
    /// the snapshot, the shared previews or the PDFs. Same renderer, fonts, layouts and
    /// Typst caches as every other compile, so an unchanged page costs little.
    pub fn draft_layout(
        &self,
        model: &Model,
        doc: &Doc,
        previous: Option<&Preview>,
        sources: &Sources,
    ) -> Result<Preview, Vec<Diagnostic>> {
        let renderer = self
            .renderer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or_else(|| vec![Diagnostic::error("setup", crate::msg!("error-no-fonts"))])?;
        let images = crate::images::all(model);
        let prepared = crate::images::prepare(&self.root, &images, &self.cache_dir)?;
        let (today, timestamp) = project::build_date(model, project::source_date_epoch());
        let renderer = renderer.with_date(today);
        let maps = self.maps(model)?;
        let job = match doc.job(model, Profile::Web, &maps) {
            Some(Ok(job)) => job,
            Some(Err(e)) => return Err(vec![Diagnostic::error("view", e.message())]),
            None => {
                return Err(vec![Diagnostic::error(
                    "unknown-region",
                    crate::msg!("error-no-such-region"),
                )]);
            }
        };
        let edition = Edition {
            profile: Profile::Web,
            crop_marks: false,
            timestamp,
            print: model.publication.print.clone(),
            images: Images {
                images,
                prepared,
                cache: self.cache_dir.clone(),
            },
        };
        let sources = Mutex::new(sources.clone());
        let started = Instant::now();
        let compiled = jobs::compile(&renderer, &job, &edition, &sources)?;
        Ok(preview::make(
            compiled.document,
            previous,
            0,
            0,
            started.elapsed(),
        ))
    }

    /// The last preview made of `doc`, however old.
    pub fn last_preview(&self, doc: &Doc) -> Option<Arc<Preview>> {
        self.previews
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(doc)
            .cloned()
    }

    /// The preview that has a page with this hash (draw it with [`Preview::drawn`]).
    pub fn page(&self, hash: &str) -> Option<Arc<Preview>> {
        self.previews
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .find(|p| p.has(hash))
            .cloned()
    }

    /// The website of the current content, made on first request after each change, in
    /// memory (pages and their assets; the PDFs are served by their own routes). While its
    /// templates have errors, the last good site is kept and the errors are reported like a
    /// layout's. `None` until the content had a good state.
    pub fn site(&self) -> Option<Arc<crate::site::Files>> {
        let snapshot = self.snapshot();
        let good = snapshot.good.clone()?;
        let mut site = self.site.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((generation, assets, files)) = site.as_ref()
            && *generation == good.generation
            && *assets == good.assets
        {
            return Some(files.clone());
        }
        let mut sources = snapshot.sources.clone();
        match crate::site::render(
            &self.root,
            &good.model,
            &crate::site::Options {
                image_cache: Some(&self.cache_dir),
                ..Default::default()
            },
            &mut sources,
        ) {
            Ok(files) => {
                let files = Arc::new(files);
                *site = Some((good.generation, good.assets, files.clone()));
                drop(site);
                self.record_layout("site", Vec::new(), &sources);
                Some(files)
            }
            Err(e) => {
                let last = site.as_ref().map(|(_, _, files)| files.clone());
                drop(site);
                let errors = match e {
                    Error::Diagnostics(list) => list,
                    other => vec![Diagnostic::error("site", other.message())],
                };
                self.record_layout("site", errors, &sources);
                last
            }
        }
    }

    /// Records the outcome of an on-demand PDF: its layout errors go to the snapshot.
    pub fn record_pdf(&self, doc: &Doc, result: Result<(), (Vec<Diagnostic>, Sources)>) {
        match result {
            Ok(()) => self.record_layout(&doc.path(), Vec::new(), &Sources::default()),
            Err((errors, sources)) => self.record_layout(&doc.path(), errors, &sources),
        }
    }
}

/// A hash of the project files a document is made from besides the content's TOML files:
/// everything under `layouts/` and `fonts/`, and what else lies under `content/` (images,
/// boundaries, profiles). Read when those change (a few MB; milliseconds). The same hash as
/// `build` puts in its document cache keys ([`crate::jobs::assets_key`]), so the two share
/// cache entries.
fn assets_hash(root: &Path) -> u64 {
    crate::jobs::assets_key(root)
}

/// How many preview rebuilds a cached layout survives unused.
const PREVIEW_EVICT_AGE: usize = 4;

/// Why a preview could not be made.
#[derive(Debug)]
pub enum PreviewError {
    /// No region with that id.
    UnknownRegion,
    /// The view could not be made.
    Failed(String),
}

/// Keeps a document counted as watched; see [`Workspace::watch`].
pub struct WatchGuard {
    workspace: Arc<Workspace>,
    doc: Doc,
}

impl Drop for WatchGuard {
    fn drop(&mut self) {
        let mut map = self
            .workspace
            .watched
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(&self.doc) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.doc);
            }
        }
    }
}
