//! `/metrics`: Prometheus text exposition of what the server does.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::pdfs::Stats;

/// Labels of a request: the route pattern (not the raw path, so ids do not explode the
/// series) and the status code.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// Route pattern, e.g. `/factsheets/{file}`.
    pub route: String,
    /// HTTP status code.
    pub status: u16,
}

/// Labels of a latency observation.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// Route pattern.
    pub route: String,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

/// Every metric the server exposes.
pub struct Metrics {
    registry: Registry,
    /// Requests by route and status.
    pub requests: Family<RequestLabels, Counter>,
    /// Request latency by route.
    pub latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    /// Requests waiting for a compile slot (set when scraped).
    pub queue_depth: Gauge,
    /// Compiles running (set when scraped).
    pub compiles_running: Gauge,
    /// Bytes of PDFs in the cache (set when scraped).
    pub cache_bytes: Gauge,
    /// Content rebuilds.
    pub rebuilds: Counter,
    /// Time per content rebuild, including the watched previews.
    pub rebuild_seconds: Histogram,
    /// Errors in the current content and layouts (set when scraped).
    pub errors: Gauge,
    /// Warnings in the current content and layouts (set when scraped).
    pub warnings: Gauge,
}

impl Metrics {
    /// Registers everything, including the PDF service's counters.
    pub fn new(pdfs: &Stats) -> Self {
        let mut registry = Registry::with_prefix("drukwerk");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        let latency: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "HTTP request latency by route",
            latency.clone(),
        );
        let queue_depth = Gauge::default();
        registry.register(
            "pdf_queue_depth",
            "Requests waiting for a compile slot",
            queue_depth.clone(),
        );
        let compiles_running = Gauge::default();
        registry.register(
            "pdf_compiles_running",
            "PDF compiles running",
            compiles_running.clone(),
        );
        let cache_bytes = Gauge::default();
        registry.register(
            "pdf_cache_bytes",
            "Bytes of PDFs in the cache",
            cache_bytes.clone(),
        );
        registry.register(
            "pdf_cache_hits",
            "PDF requests answered from the cache",
            pdfs.hits.clone(),
        );
        registry.register(
            "pdf_cache_misses",
            "PDF requests that compiled",
            pdfs.misses.clone(),
        );
        registry.register(
            "pdf_joined",
            "PDF requests that waited for the same compile already running",
            pdfs.joined.clone(),
        );
        registry.register(
            "pdf_refused_busy",
            "PDF requests refused with 429 (slots and queue full)",
            pdfs.busy.clone(),
        );
        registry.register(
            "pdf_timeouts",
            "PDF requests answered 503 after the timeout",
            pdfs.timeouts.clone(),
        );
        registry.register(
            "pdf_compile_seconds",
            "Time to compile and export one PDF",
            pdfs.compile_seconds.clone(),
        );
        let rebuilds = Counter::default();
        registry.register(
            "rebuilds",
            "Content rebuilds after changes on disk",
            rebuilds.clone(),
        );
        let rebuild_seconds = Histogram::new(exponential_buckets(0.002, 2.0, 14));
        registry.register(
            "rebuild_seconds",
            "Time per rebuild, including the previews being watched",
            rebuild_seconds.clone(),
        );
        let errors = Gauge::default();
        registry.register(
            "content_errors",
            "Errors in the current content and layouts",
            errors.clone(),
        );
        let warnings = Gauge::default();
        registry.register(
            "content_warnings",
            "Warnings in the current content and layouts",
            warnings.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            queue_depth,
            compiles_running,
            cache_bytes,
            rebuilds,
            rebuild_seconds,
            errors,
            warnings,
        }
    }

    /// The text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}
