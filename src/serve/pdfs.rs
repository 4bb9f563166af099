//! PDFs on demand: a bounded cache keyed by content hash, one compile per key at a time, and
//! admission control in front of the compiles (Gotenberg's model).
//!
//! - At most `jobs` documents compile at once; at most `queue` requests wait for a slot.
//!   A request beyond that is refused at once (429 with `Retry-After`), so a burst never
//!   piles up work the server cannot finish.
//! - A request that has waited `timeout` in all gets 503; its compile, once started, still
//!   finishes and fills the cache for the next request.
//! - Identical requests share one compile: the first starts it, later ones wait for it
//!   (they take no queue place: they add no work).
//! - The cache holds finished PDFs up to a byte budget, least recently used out first.
//! - Behind it, the document cache on disk that `build` uses too ([`crate::cache`]): a PDF
//!   made before, by a build or an earlier server, is read instead of compiled.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use tokio::sync::{Semaphore, watch};

use crate::cache::DocCache;
use crate::diagnostics::Diagnostic;
use crate::jobs;

/// A finished PDF.
#[derive(Debug)]
pub struct Pdf {
    /// The bytes.
    pub bytes: axum::body::Bytes,
    /// Quoted strong ETag: the bytes' SHA-256.
    pub etag: String,
}

/// Why no PDF came back.
#[derive(Debug, Clone)]
pub enum Refusal {
    /// Every slot busy and the queue full: try again later.
    Busy,
    /// Waited longer than the timeout.
    Timeout,
    /// The layout failed.
    Failed(Arc<Vec<Diagnostic>>),
}

/// A request that has registered a compile but not started it yet; see [`Pdfs::get`].
struct Pending<'a> {
    pdfs: &'a Pdfs,
    key: Key,
    tx: Option<watch::Sender<Outcome>>,
    queued: bool,
}

impl Pending<'_> {
    /// The compile starts: the sender goes to it, the queue place is given back.
    fn take(&mut self) -> Option<watch::Sender<Outcome>> {
        if std::mem::take(&mut self.queued) {
            self.pdfs.waiting.fetch_sub(1, Ordering::Relaxed);
        }
        self.tx.take()
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if self.queued {
            self.pdfs.waiting.fetch_sub(1, Ordering::Relaxed);
        }
        if let Some(tx) = self.tx.take() {
            self.pdfs
                .inflight
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&self.key);
            let _ = tx.send(Some(Err(Refusal::Timeout)));
        }
    }
}

/// What a request does, decided under the locks.
enum Admission {
    /// The PDF is in the cache.
    Hit(Arc<Pdf>),
    /// The same PDF is being made: wait for it.
    Join(watch::Receiver<Outcome>),
    /// Slots and queue are full.
    Busy,
    /// Make it (now with the permit, or after waiting for one).
    Start {
        tx: watch::Sender<Outcome>,
        rx: watch::Receiver<Outcome>,
        permit: Option<tokio::sync::OwnedSemaphorePermit>,
    },
}

/// The cache key: a hash of everything the PDF is made from.
pub type Key = u128;

type Outcome = Option<Result<Arc<Pdf>, Refusal>>;

/// Cache, single-flight and admission for on-demand PDFs.
pub struct Pdfs {
    cache: Mutex<Lru>,
    inflight: Mutex<HashMap<Key, watch::Receiver<Outcome>>>,
    slots: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue: usize,
    timeout: Duration,
    compiles: AtomicUsize,
    disk: Option<DocCache>,
    /// What happened, for `/metrics`.
    pub stats: Stats,
}

/// What happened, for `/metrics` (prometheus handles: cheap clones of shared counters).
#[derive(Debug, Clone)]
pub struct Stats {
    /// Answered from the cache.
    pub hits: Counter,
    /// Compiled.
    pub misses: Counter,
    /// Joined a compile already running.
    pub joined: Counter,
    /// Refused with 429.
    pub busy: Counter,
    /// Timed out (503).
    pub timeouts: Counter,
    /// Compile times in seconds.
    pub compile_seconds: Histogram,
}

impl Default for Stats {
    fn default() -> Self {
        Self {
            hits: Counter::default(),
            misses: Counter::default(),
            joined: Counter::default(),
            busy: Counter::default(),
            timeouts: Counter::default(),
            compile_seconds: Histogram::new(exponential_buckets(0.005, 2.0, 12)),
        }
    }
}

impl Pdfs {
    /// A service compiling at most `jobs` at once with `queue` waiting, each request given
    /// `timeout`, caching up to `cache_bytes`.
    pub fn new(jobs: usize, queue: usize, timeout: Duration, cache_bytes: usize) -> Self {
        Self {
            cache: Mutex::new(Lru::new(cache_bytes)),
            inflight: Mutex::new(HashMap::new()),
            slots: Arc::new(Semaphore::new(jobs.max(1))),
            waiting: AtomicUsize::new(0),
            queue,
            timeout,
            compiles: AtomicUsize::new(0),
            disk: None,
            stats: Stats::default(),
        }
    }

    /// The same, with the document cache on disk behind the one in memory.
    pub fn with_disk(self, disk: Option<DocCache>) -> Self {
        Self { disk, ..self }
    }

    /// The document cache on disk, if there is one; a compile consults it (see
    /// [`Pdfs::get`]'s `make`).
    pub fn disk(&self) -> Option<&DocCache> {
        self.disk.as_ref()
    }

    /// Requests waiting for a compile slot now.
    pub fn queue_depth(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// Compiles running now.
    pub fn running(&self, jobs: usize) -> usize {
        jobs.saturating_sub(self.slots.available_permits())
    }

    /// Bytes in the cache.
    pub fn cached_bytes(&self) -> usize {
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).bytes
    }

    /// The PDF for `key`: from the cache, from a compile already running, or made by
    /// `make` on the blocking pool when a slot is free.
    pub async fn get<F>(self: &Arc<Self>, key: Key, make: F) -> Result<Arc<Pdf>, Refusal>
    where
        F: FnOnce() -> Result<Pdf, Vec<Diagnostic>> + Send + 'static,
    {
        let deadline = Instant::now() + self.timeout;
        let (tx, rx, permit) = match self.admit(key) {
            Admission::Hit(pdf) => return Ok(pdf),
            Admission::Join(rx) => return self.wait(rx, deadline).await,
            Admission::Busy => return Err(Refusal::Busy),
            Admission::Start { tx, rx, permit } => (tx, rx, permit),
        };
        // Until the compile starts, this request owns the in-flight entry: if it gives up
        // (timeout, or the client went away and the future was dropped), the guard frees the
        // entry and its queue place, so nothing waits on a compile that never comes.
        let mut pending = Pending {
            pdfs: self,
            key,
            tx: Some(tx),
            queued: false,
        };
        let permit = match permit {
            Some(permit) => permit,
            None => {
                self.waiting.fetch_add(1, Ordering::Relaxed);
                pending.queued = true;
                let acquired =
                    tokio::time::timeout_at(deadline.into(), self.slots.clone().acquire_owned())
                        .await;
                match acquired {
                    Ok(Ok(permit)) => permit,
                    _ => {
                        self.stats.timeouts.inc();
                        return Err(Refusal::Timeout);
                    }
                }
            }
        };
        let Some(tx) = pending.take() else {
            return Err(Refusal::Timeout);
        };
        self.stats.misses.inc();
        let started = Instant::now();
        let result = tokio::task::spawn_blocking(move || {
            let result = make();
            drop(permit);
            result
        });
        // The compile goes on (and fills the cache) even if this request stops waiting.
        let this = self.clone();
        tokio::spawn(async move {
            let outcome = match result.await {
                Ok(Ok(pdf)) => Ok(Arc::new(pdf)),
                Ok(Err(errors)) => Err(Refusal::Failed(Arc::new(errors))),
                Err(_) => Err(Refusal::Failed(Arc::new(vec![Diagnostic::error(
                    "internal",
                    crate::msg!("error-compile-stopped"),
                )]))),
            };
            this.done(key, &outcome, started.elapsed());
            let _ = tx.send(Some(outcome));
        });
        self.wait(rx, deadline).await
    }

    /// Decides, without waiting, what a request for `key` does.
    fn admit(&self, key: Key) -> Admission {
        let mut inflight = self.inflight.lock().unwrap_or_else(|e| e.into_inner());
        // Under the in-flight lock: a compile that finished has filled the cache before it
        // left `inflight`, so one of the two has the document.
        if let Some(pdf) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(key)
        {
            self.stats.hits.inc();
            return Admission::Hit(pdf);
        }
        if let Some(rx) = inflight.get(&key) {
            self.stats.joined.inc();
            return Admission::Join(rx.clone());
        }
        // A new compile: a slot now, or a place in the queue, or a refusal.
        let permit = match self.slots.clone().try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) if self.waiting.load(Ordering::Relaxed) >= self.queue => {
                self.stats.busy.inc();
                return Admission::Busy;
            }
            Err(_) => None,
        };
        let (tx, rx) = watch::channel(None);
        inflight.insert(key, rx.clone());
        Admission::Start { tx, rx, permit }
    }

    /// Waits for a compile's outcome until `deadline`.
    async fn wait(
        &self,
        mut rx: watch::Receiver<Outcome>,
        deadline: Instant,
    ) -> Result<Arc<Pdf>, Refusal> {
        match tokio::time::timeout_at(deadline.into(), rx.wait_for(|o| o.is_some())).await {
            Ok(Ok(outcome)) => match outcome.as_ref() {
                Some(result) => result.clone(),
                None => Err(Refusal::Timeout),
            },
            // The sender went away without an outcome (the compile panicked).
            Ok(Err(_)) => Err(Refusal::Failed(Arc::new(vec![Diagnostic::error(
                "internal",
                crate::msg!("error-compile-stopped"),
            )]))),
            Err(_) => {
                self.stats.timeouts.inc();
                Err(Refusal::Timeout)
            }
        }
    }

    /// Stores a finished compile's PDF and lets identical requests start a new one.
    fn done(&self, key: Key, outcome: &Result<Arc<Pdf>, Refusal>, took: Duration) {
        if let Ok(pdf) = outcome {
            self.cache
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .put(key, pdf.clone());
        }
        self.inflight
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&key);
        self.stats.compile_seconds.observe(took.as_secs_f64());
        // As the batch does: keep Typst's caches from growing with the number of documents.
        if self.compiles.fetch_add(1, Ordering::Relaxed) % jobs::EVICT_EVERY
            == jobs::EVICT_EVERY - 1
        {
            comemo::evict(jobs::EVICT_AGE);
            super::release_free_memory();
        }
    }
}

/// A least-recently-used cache of PDFs with a byte budget.
struct Lru {
    entries: HashMap<Key, (Arc<Pdf>, u64)>,
    tick: u64,
    bytes: usize,
    budget: usize,
}

impl Lru {
    fn new(budget: usize) -> Self {
        Self {
            entries: HashMap::new(),
            tick: 0,
            bytes: 0,
            budget,
        }
    }

    fn get(&mut self, key: Key) -> Option<Arc<Pdf>> {
        self.tick += 1;
        let tick = self.tick;
        self.entries.get_mut(&key).map(|(pdf, used)| {
            *used = tick;
            pdf.clone()
        })
    }

    fn put(&mut self, key: Key, pdf: Arc<Pdf>) {
        let size = pdf.bytes.len();
        if size > self.budget {
            return;
        }
        self.tick += 1;
        if let Some((old, _)) = self.entries.insert(key, (pdf, self.tick)) {
            self.bytes -= old.bytes.len();
        }
        self.bytes += size;
        while self.bytes > self.budget {
            let Some((&oldest, _)) = self.entries.iter().min_by_key(|(_, (_, used))| *used) else {
                break;
            };
            if let Some((old, _)) = self.entries.remove(&oldest) {
                self.bytes -= old.bytes.len();
            }
        }
    }
}
