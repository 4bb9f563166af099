//! Jobs: which documents to make, made in parallel in one process.
//!
//! A job is one PDF: the publication or one region's fact sheet. The view JSON of every job is
//! made up front (cheap), then documents are compiled and exported in parallel with rayon,
//! sharing fonts and Typst's caches. Nothing is written until every job succeeded, so a failed
//! build leaves earlier outputs untouched.
//!
//! A document whose inputs have not changed since an earlier run is taken from the document
//! cache ([`crate::cache`]) instead: its key ([`document_key`]) covers the view JSON, the
//! layout, and what every document of the edition shares ([`shared_key`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::cache::{self, DocCache, Key, KeyHasher};
use crate::diagnostics::{Diagnostic, Sources};
use crate::export::{self, ExportOptions};
use crate::model::Model;
use crate::render::Renderer;
use crate::view;
use crate::{Error, Profile};

/// The layout a job is rendered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `layouts/publication.typ`.
    Publication,
    /// `layouts/factsheet.typ`.
    FactSheet,
}

impl Layout {
    /// Root-relative path of the layout file.
    pub fn path(self) -> &'static str {
        match self {
            Layout::Publication => "layouts/publication.typ",
            Layout::FactSheet => "layouts/factsheet.typ",
        }
    }
}

/// One document to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// Stable name, also the PDF identifier (`publication`, `factsheet/zwolle`).
    pub name: String,
    /// The layout.
    pub layout: Layout,
    /// Output path relative to the output folder.
    pub output: PathBuf,
    /// The view JSON.
    pub data: Vec<u8>,
    /// The build's maps, the same for every job of it.
    pub maps: Maps,
    /// The region of a fact sheet (its maps' part of the key: [`Maps::key_of`]).
    pub region: Option<String>,
}

/// The maps file of a build ([`view::maps::MapsView`] as JSON, which the layouts read apart
/// from a job's view): made once and shared by every job of the build, never copied.
#[derive(Debug, Clone)]
pub struct Maps {
    /// The JSON.
    pub bytes: Arc<[u8]>,
    /// The hash of what the publication reads from the file: the base maps, the overview maps
    /// and every region's map on the country and page map, not the fact sheets' maps. Its
    /// document key uses this, so a build of the publication alone (whose file has no sheet
    /// maps: [`Maps::for_publication`]) and a full build share a cache entry.
    pub publication_key: [u8; 32],
    /// For each region id, the hash of what its fact sheet reads from the file: the base maps
    /// and that region's map and sheet map. A sheet's document key uses this, so a sheet made
    /// on demand (whose file holds only its region) and the same sheet of a full build share a
    /// cache entry.
    pub sheet_keys: Arc<std::collections::HashMap<String, [u8; 32]>>,
}

impl Maps {
    /// The maps of every document made from `model`.
    pub fn new(model: &Model) -> Result<Self, Error> {
        Self::from_view(&view::maps::view(model))
    }

    /// The maps of every document made from `model`, from `cache` when a build before made
    /// them from the same inputs, and stored there when not; whether they came from the
    /// cache. The key is this engine's identity, `assets` ([`assets_key`]: the boundary
    /// files, the layouts and the fonts the labels are measured with) and
    /// [`view::maps::inputs_key`] (what the maps read of the content). Placing the detail
    /// maps' labels is most of a warm build's own work (about 0.1 s in release), and an edit of
    /// a figure or a text does not change them. The entry is checked like a document's; a
    /// damaged or unreadable one is made again.
    pub fn cached(
        model: &Model,
        cache: &crate::cache::DocCache,
        assets: u64,
    ) -> Result<(Self, bool), Error> {
        let mut key = crate::cache::KeyHasher::new("maps");
        key.field("engine", &crate::cache::engine_identity())
            .field("assets", &assets.to_le_bytes())
            .field("inputs", &view::maps::inputs_key(model).to_le_bytes());
        let key = key.finish();
        if let Some(maps) = cache.get_data(&key).and_then(|b| Self::from_entry(&b)) {
            return Ok((maps, true));
        }
        let maps = Self::new(model)?;
        cache.put_data(&key, &maps.to_entry()?);
        Ok((maps, false))
    }

    /// The maps as a cache entry: the keys as a line of JSON, then the maps file.
    fn to_entry(&self) -> Result<Vec<u8>, Error> {
        let sheets: std::collections::BTreeMap<&str, [u8; 32]> = self
            .sheet_keys
            .iter()
            .map(|(id, k)| (id.as_str(), *k))
            .collect();
        let mut entry = to_json(&EntryKeys {
            publication: self.publication_key,
            sheets,
        })?;
        entry.push(b'\n');
        entry.extend_from_slice(&self.bytes);
        Ok(entry)
    }

    /// The maps of a cache entry made by [`Maps::to_entry`]; none when it is not one (the
    /// entry as a whole was checked by the cache).
    fn from_entry(entry: &[u8]) -> Option<Self> {
        let at = entry.iter().position(|&b| b == b'\n')?;
        let keys: EntryKeys<String> = serde_json::from_slice(&entry[..at]).ok()?;
        Some(Maps {
            bytes: entry[at + 1..].into(),
            publication_key: keys.publication,
            sheet_keys: Arc::new(keys.sheets.into_iter().collect()),
        })
    }

    /// Only what the publication reads ([`view::maps::view_of`] without the fact sheets' detail
    /// maps, whose labels are about half of the views' work): for a build of the publication
    /// alone. Its [`Maps::publication_key`] is a full build's.
    pub fn for_publication(model: &Model) -> Result<Self, Error> {
        Self::from_view(&view::maps::view_of(model, false))
    }

    /// Only the maps the fact sheets of the regions at `indices` read
    /// ([`view::maps::view_for_sheets`]): a sheet on demand places one region's labels.
    pub fn for_sheets(model: &Model, indices: &[usize]) -> Result<Self, Error> {
        Self::from_view(&view::maps::view_for_sheets(model, indices))
    }

    /// The file and its keys. Each part is made into JSON once, and the file is put together
    /// from the parts as serde would write the whole (a test holds them to it), so the keys
    /// hash the parts' bytes instead of making them again.
    fn from_view(maps: &view::maps::MapsView<'_>) -> Result<Self, Error> {
        let geo = [
            to_json(&maps.geo)?,
            to_json(&maps.geo_small)?,
            to_json(&maps.geo_inset)?,
        ];
        let overviews = to_json(&maps.overviews)?;
        // Each part with its length first, so no two ways of cutting the same bytes collide.
        let hash = |hasher: &mut Sha256, parts: &[&[u8]]| {
            for part in parts {
                hasher.update((part.len() as u64).to_le_bytes());
                hasher.update(part);
            }
        };
        let mut base = Sha256::new();
        hash(&mut base, &[&geo[0], &geo[1], &geo[2]]);
        let base = base.finalize();
        let mut publication = Sha256::new();
        publication.update(base);
        publication.update(&overviews);
        let mut json = Vec::with_capacity(1 << 20);
        json.extend_from_slice(format!("{{\"schema\":{},\"geo\":", maps.schema).as_bytes());
        json.extend_from_slice(&geo[0]);
        json.extend_from_slice(b",\"geo_small\":");
        json.extend_from_slice(&geo[1]);
        json.extend_from_slice(b",\"geo_inset\":");
        json.extend_from_slice(&geo[2]);
        json.extend_from_slice(b",\"overviews\":");
        json.extend_from_slice(&overviews);
        json.extend_from_slice(b",\"regions\":{");
        let mut sheet_keys = std::collections::HashMap::new();
        for (i, region) in maps.regions.iter().enumerate() {
            let id = to_json(&region.id)?;
            let map = to_json(&region.map)?;
            let page = to_json(&region.page)?;
            let sheet = to_json(&region.sheet)?;
            hash(&mut publication, &[&id, &map, &page]);
            let mut own = Sha256::new();
            own.update(base);
            hash(&mut own, &[&id, &map, &sheet]);
            sheet_keys.insert(region.id.to_string(), own.finalize().into());
            if i > 0 {
                json.push(b',');
            }
            json.extend_from_slice(&id);
            json.extend_from_slice(b":{\"map\":");
            json.extend_from_slice(&map);
            json.extend_from_slice(b",\"page\":");
            json.extend_from_slice(&page);
            json.extend_from_slice(b",\"sheet\":");
            json.extend_from_slice(&sheet);
            json.push(b'}');
        }
        json.extend_from_slice(b"}}");
        Ok(Maps {
            bytes: json.into(),
            publication_key: publication.finalize().into(),
            sheet_keys: Arc::new(sheet_keys),
        })
    }

    /// The hash of what a job reads from the maps: [`Maps::publication_key`] for the
    /// publication, its region's [`Maps::sheet_keys`] for a fact sheet.
    pub fn key_of(&self, job: &Job) -> [u8; 32] {
        match job.layout {
            Layout::FactSheet => job
                .region
                .as_ref()
                .and_then(|id| self.sheet_keys.get(id))
                .copied()
                .unwrap_or(self.publication_key),
            _ => self.publication_key,
        }
    }
}

/// The keys of a [`Maps`] cache entry, on its first line.
#[derive(serde::Serialize, serde::Deserialize)]
struct EntryKeys<K: Ord> {
    publication: [u8; 32],
    sheets: std::collections::BTreeMap<K, [u8; 32]>,
}

/// A finished document, not yet written.
#[derive(Debug, Clone)]
pub struct Output {
    /// The job's name.
    pub name: String,
    /// Output path relative to the output folder.
    pub path: PathBuf,
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Hex sha256 of the PDF.
    pub sha256: String,
    /// Taken from the document cache instead of compiled.
    pub reused: bool,
}

impl Output {
    /// The output of `job`: its PDF and page count.
    pub fn new(job: &Job, bytes: Vec<u8>, pages: usize) -> Self {
        Output {
            sha256: hex(&Sha256::digest(&bytes)),
            name: job.name.clone(),
            path: job.output.clone(),
            bytes,
            pages,
            reused: false,
        }
    }

    /// The output of `job` from the document cache.
    fn reused(job: &Job, cached: cache::Cached) -> Self {
        Output {
            name: job.name.clone(),
            path: job.output.clone(),
            bytes: cached.bytes,
            pages: cached.pages,
            sha256: cached.sha256,
            reused: true,
        }
    }
}

/// The folders whose files (other than content TOML, which reaches a document only through
/// its view JSON) may change a document's bytes: the layouts and whatever they read beside
/// them, the fonts, and the content's images, boundaries and print profile. `serve` watches
/// the same folders.
pub const ASSET_DIRS: [&str; 3] = ["content", "layouts", "fonts"];

/// A hash of the files in [`ASSET_DIRS`] except content TOML: the part of a document's inputs
/// that lives on disk beside the view. The Typst world would let a layout read any file under
/// the project root; one outside these folders is not in the key (layouts read theirs from
/// `layouts/`). The first 64 bits of a SHA-256, so that `serve` can keep it in its `assets`
/// version and share cache entries with `build`; an accidental collision is a 2^-64 chance.
pub fn assets_key(root: &Path) -> u64 {
    let content = root.join("content");
    let key = cache::files_hash(root, &ASSET_DIRS, &|path| {
        !(path.starts_with(&content) && path.extension().is_some_and(|e| e == "toml"))
    });
    let mut first = [0; 8];
    first.copy_from_slice(&key[..8]);
    u64::from_le_bytes(first)
}

/// The key of what every document of one edition shares: this engine ([`cache::
/// engine_identity`]: its code, Typst's version), the edition and its finishing (crop marks,
/// the printing condition with its profile's bytes), the timestamp (which also fixes
/// `today()`: both come from `project::build_date`), the prepared images, and `assets`
/// ([`assets_key`]: layouts, fonts, content files).
pub fn shared_key(edition: &Edition, assets: u64) -> Key {
    let print = &edition.print;
    let mut key = KeyHasher::new("edition");
    key.field("engine", &cache::engine_identity())
        .field("profile", edition.profile.id().as_bytes())
        .field("crop-marks", &[edition.crop_marks as u8])
        .field("timestamp", &edition.timestamp.to_le_bytes())
        .field(
            "print-profile-path",
            print.profile_path.as_deref().unwrap_or("").as_bytes(),
        )
        .field("print-profile", &print.profile)
        .field(
            "print-profile-description",
            print
                .profile_description
                .as_deref()
                .unwrap_or("")
                .as_bytes(),
        )
        .field("print-condition", print.condition.as_bytes())
        .field(
            "print-condition-name",
            print.condition_name.as_deref().unwrap_or("").as_bytes(),
        )
        .field("print-registry", print.registry.as_bytes())
        .field("print-max-coverage", &print.max_coverage.to_le_bytes())
        .field("assets", &assets.to_le_bytes());
    // Images are hashed as prepared (wherever in the project their files are); the web
    // edition's downsampling follows from them and the layout.
    let mut images: Vec<_> = edition.images.prepared.iter().collect();
    images.sort_by(|a, b| a.0.cmp(b.0));
    for (path, bytes) in images {
        key.field("image-path", path.as_bytes())
            .field("image", bytes.as_slice());
    }
    key.finish()
}

/// The key of one document: what its edition shares ([`shared_key`]), its name (the PDF's
/// `/ID` derives from it), its layout, its view JSON and what it reads of the build's maps (by
/// their hash: [`Maps::key_of`]).
pub fn document_key(shared: &Key, job: &Job) -> Key {
    let mut key = KeyHasher::new("document");
    key.field("shared", shared)
        .field("name", job.name.as_bytes())
        .field("layout", job.layout.path().as_bytes())
        .field("data", &job.data)
        .field("maps", &job.maps.key_of(job));
    key.finish()
}

/// The document cache of one run and the [`shared_key`] of its edition.
pub struct Reuse {
    /// Where finished documents are kept.
    pub cache: DocCache,
    /// What the run's documents share.
    pub shared: Key,
}

/// Time spent per stage, summed over jobs (compile and export run in parallel, so their sums
/// can exceed the wall-clock time).
#[derive(Debug, Default, Clone)]
pub struct Timings {
    /// Making view JSON.
    pub view: Duration,
    /// Typst compile (layout).
    pub compile: Duration,
    /// PDF export.
    pub export: Duration,
    /// Dropping each document and evicting Typst's caches.
    pub evict: Duration,
}

/// File-name stem of the publication: `regionale-samenwerking-werkt-2026`.
pub fn publication_stem(model: &Model) -> String {
    format!(
        "{}-{}",
        crate::validate::slugify(&model.publication.title),
        model.publication.year
    )
}

/// Suffix that keeps the editions apart in one output folder.
fn edition_suffix(profile: Profile) -> &'static str {
    match profile {
        Profile::Web => "",
        Profile::Print => "-print",
    }
}

/// The publication job, with the build's `maps` ([`Maps::new`] of the same model).
pub fn publication_job(model: &Model, profile: Profile, maps: &Maps) -> Result<Job, Error> {
    Ok(Job {
        name: format!("publication{}", edition_suffix(profile)),
        layout: Layout::Publication,
        output: PathBuf::from(format!(
            "{}{}.pdf",
            publication_stem(model),
            edition_suffix(profile)
        )),
        data: to_json(&view::publication::view(model))?,
        maps: maps.clone(),
        region: None,
    })
}

/// The fact-sheet job of the region at `index`, with the build's `maps`.
pub fn factsheet_job(
    model: &Model,
    index: usize,
    profile: Profile,
    maps: &Maps,
) -> Result<Job, Error> {
    let id = &model.regions[index].id;
    Ok(Job {
        name: format!("factsheet/{id}{}", edition_suffix(profile)),
        layout: Layout::FactSheet,
        output: PathBuf::from(format!("factsheets/{id}{}.pdf", edition_suffix(profile))),
        data: to_json(&view::factsheet::view(model, index))?,
        maps: maps.clone(),
        region: Some(id.clone()),
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value).map_err(|e| {
        Error::Io(crate::msg!(
            "error-view-data",
            reason = crate::i18n::Msg::verbatim(e.to_string())
        ))
    })
}

/// Selects shard `index` (1-based) of `count` from the fact-sheet regions: a region goes to
/// shard `(position mod count) + 1`. Deterministic, disjoint, and together covering all.
pub fn shard(regions: impl Iterator<Item = usize>, index: usize, count: usize) -> Vec<usize> {
    regions
        .enumerate()
        .filter(|(pos, _)| pos % count == index - 1)
        .map(|(_, r)| r)
        .collect()
}

/// The content's images, prepared for this build.
pub struct Images<'a> {
    /// Every image in the model.
    pub images: Vec<&'a crate::model::Image>,
    /// Their processed bytes at full resolution, by root-absolute path.
    pub prepared: crate::images::Prepared,
    /// Where processed images are cached.
    pub cache: PathBuf,
}

/// What every document of one build shares: the edition and its images.
pub struct Edition<'a> {
    /// Web or print.
    pub profile: Profile,
    /// Crop marks (print only).
    pub crop_marks: bool,
    /// PDF timestamp, seconds since the epoch.
    pub timestamp: i64,
    /// The printing condition (used by the print edition).
    pub print: crate::model::PrintCondition,
    /// The content's images, prepared.
    pub images: Images<'a>,
}

/// Evict Typst's caches after every this many documents, keeping what was used since the
/// previous eviction. Measured on the 49 fact sheets (2 workers, release): with eviction every
/// 8 documents the peak levels off (48, 60, 70 MB for 12, 25, 49 sheets); never evicting, it
/// grows with every sheet (55, 84, 116 MB) for about 2 % less time; clearing everything after
/// each document costs a third more time (the sheets share much of their layout). `serve`
/// evicts on the same schedule after its on-demand compiles.
pub(crate) const EVICT_EVERY: usize = 8;
/// The age [`comemo::evict`] is given at each of those evictions: what the documents since
/// the previous one did not use goes.
pub(crate) const EVICT_AGE: usize = 1;

/// One job's output and warnings, or its errors.
type JobResult = Result<(Output, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Compiles and exports every job in parallel, or takes it from `reuse`'s cache when it is
/// there (and stores what it compiled without warnings: a document with warnings is made
/// again each run, so its warnings are reported each run). Calls `progress` after each
/// finished document. Returns every output, or every diagnostic of every failed job.
pub fn run(
    renderer: &Renderer,
    jobs: Vec<Job>,
    edition: &Edition,
    sources: &Mutex<Sources>,
    reuse: Option<&Reuse>,
    progress: &(dyn Fn(&Output) + Sync),
) -> (
    Result<Vec<Output>, Vec<Diagnostic>>,
    Vec<Diagnostic>,
    Timings,
) {
    let timings = Mutex::new(Timings::default());
    // A single document leaves nothing to make room for: skip the eviction walk.
    let evict = jobs.len() > 1;
    let finished = AtomicUsize::new(0);
    // Each job with its document key (when there is a cache), worked out once: the plan
    // below asks which keys the cache holds, and the job then reads its entry.
    let run_one = |(job, key): (Job, Option<Key>)| -> JobResult {
        if let (Some(reuse), Some(key)) = (reuse, &key)
            && let Some(cached) = reuse.cache.get(key)
        {
            let output = Output::reused(&job, cached);
            progress(&output);
            return Ok((output, Vec::new()));
        }
        let started = Instant::now();
        let compiled = compile(renderer, &job, edition, sources)?;
        let compiled_at = Instant::now();
        let bytes = export(&compiled.document, &job, edition)?;
        let exported_at = Instant::now();
        let pages = compiled.document.pages().len();
        drop(compiled.document);
        // Keep Typst's caches from growing with the number of documents: entries the last
        // few documents did not use go; the shared layout (style, base map, common words)
        // is used by every sheet and stays. See EVICT_EVERY.
        if evict && finished.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            comemo::evict(EVICT_AGE);
        }
        {
            let mut t = timings.lock().unwrap_or_else(|e| e.into_inner());
            t.compile += compiled_at - started;
            t.export += exported_at - compiled_at;
            t.evict += exported_at.elapsed();
        }
        let output = Output::new(&job, bytes, pages);
        if let (Some(reuse), Some(key)) = (reuse, &key)
            && compiled.warnings.is_empty()
        {
            reuse.cache.put(key, &output.bytes, output.pages);
        }
        progress(&output);
        Ok((output, compiled.warnings))
    };
    // Many fact sheets to make: the publication first, on its own (Typst lays out its pages
    // in parallel), then its caches go and the sheets run in parallel, so peak memory is the
    // larger of the two phases instead of their sum. A few (after an edit, the rest in the
    // cache): beside the publication, as they add little memory, and emptying the caches
    // would take longer than they do.
    let (large, small): (Vec<_>, Vec<_>) = jobs
        .into_iter()
        .map(|job| {
            let key = reuse.map(|r| document_key(&r.shared, &job));
            (job, key)
        })
        .partition(|(job, _)| job.layout == Layout::Publication);
    let to_make = small
        .iter()
        .filter(|(_, key)| match (reuse, key) {
            (Some(reuse), Some(key)) => !reuse.cache.has(key),
            _ => true,
        })
        .count();
    let threads = rayon::current_num_threads();
    let mut results: Vec<JobResult>;
    if to_make < EVICT_EVERY {
        let (publication, sheets) = rayon::join(
            || large.into_iter().map(run_one).collect::<Vec<_>>(),
            || in_parallel(small, threads, &run_one),
        );
        results = publication;
        results.extend(sheets);
    } else {
        results = large.into_iter().map(run_one).collect();
        if !results.is_empty() {
            comemo::evict(0);
        }
        results.extend(in_parallel(small, threads, &run_one));
    }
    let mut outputs = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for result in results {
        match result {
            Ok((output, w)) => {
                outputs.push(output);
                warnings.extend(w);
            }
            Err(e) => errors.extend(e),
        }
    }
    dedup(&mut warnings);
    dedup(&mut errors);
    let timings = timings.into_inner().unwrap_or_else(|e| e.into_inner());
    if errors.is_empty() {
        (Ok(outputs), warnings, timings)
    } else {
        (Err(errors), warnings, timings)
    }
}

/// Lays out one job's document for its edition: the layout compiled with the view JSON and
/// the prepared images (web: laid out again with images shrunk to their placed size), plus
/// the warnings about resolution and missing glyphs. The render stage of every driver.
pub fn compile(
    renderer: &Renderer,
    job: &Job,
    edition: &Edition,
    sources: &Mutex<Sources>,
) -> Result<crate::render::Compiled, Vec<Diagnostic>> {
    let Edition {
        profile, images, ..
    } = edition;
    let profile = *profile;
    let mut compiled = renderer.compile(
        job.layout.path(),
        job.data.clone(),
        &job.maps.bytes,
        profile,
        &images.prepared,
        sources,
    )?;
    match profile {
        Profile::Print => compiled.warnings.extend(crate::images::print_warnings(
            &compiled.document,
            &images.prepared,
        )),
        Profile::Web if !images.prepared.is_empty() => {
            // Now that the placed sizes are known, shrink what is sharper than the screen
            // needs and lay the document out again with the smaller files.
            if let Some(smaller) = crate::images::web_downsampled(
                renderer.root(),
                &images.images,
                &compiled.document,
                &images.prepared,
                &images.cache,
            )? {
                compiled = renderer.compile(
                    job.layout.path(),
                    job.data.clone(),
                    &job.maps.bytes,
                    profile,
                    &smaller,
                    sources,
                )?;
            }
        }
        Profile::Web => {}
    }
    compiled.warnings.extend(crate::render::glyphs::warning(
        &compiled.document,
        &job.name,
    ));
    Ok(compiled)
}

/// Exports a laid-out job as the edition's PDF (the export stage of every driver).
pub fn export(
    document: &typst_layout::PagedDocument,
    job: &Job,
    edition: &Edition,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let options = ExportOptions {
        ident: job.name.clone(),
        timestamp: edition.timestamp,
        profile: edition.profile,
        crop_marks: edition.crop_marks,
        print: edition.print.clone(),
    };
    export::pdf(document, &options)
}

/// Runs `work` on every job, `threads` at a time, each worker taking the next job when it is
/// done with one; results come back in job order.
///
/// Not rayon's `par_iter` over the jobs: Typst lays out and exports with rayon itself, and a
/// rayon worker that waits for Typst's inner tasks steals whatever job is queued, so every
/// document was in flight at once, memory grew with the number of documents and evicting
/// Typst's caches threw away the work of half-finished documents. Here `threads` loops run on
/// rayon's workers (no extra threads competing for the cores; a waiting worker helps with the
/// other's Typst tasks) and take documents from a queue, so at most `threads` are open.
fn in_parallel<J: Send, T: Send>(
    jobs: Vec<J>,
    threads: usize,
    work: &(dyn Fn(J) -> T + Sync),
) -> Vec<T> {
    let count = jobs.len();
    if threads <= 1 || count <= 1 {
        // On this thread: a lone document (`drukwerk factsheet zwolle`) then allocates from
        // the main heap, which grows in a few large steps instead of the hundreds of small
        // ones a fresh thread's heap takes (measured: 475 mprotect calls, ~3 ms).
        return jobs.into_iter().map(work).collect();
    }
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let done = Mutex::new(Vec::with_capacity(count));
    rayon::scope(|scope| {
        for _ in 0..threads.min(count) {
            scope.spawn(|_| {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((index, job)) = next else { break };
                    let result = work(job);
                    done.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((index, result));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// The same layout problem shows up once per document; report it once.
fn dedup(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = Vec::new();
    diagnostics.retain(|d| {
        let key = (d.message.clone(), d.file.clone(), d.span.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    cache::hex(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_disjoint_and_cover_everything() {
        let all: Vec<usize> = (0..49).collect();
        let mut seen = Vec::new();
        for i in 1..=4 {
            let s = shard(all.iter().copied(), i, 4);
            assert!(s.iter().all(|r| !seen.contains(r)));
            seen.extend(s);
        }
        seen.sort();
        assert_eq!(seen, all);
    }
}
