//! The HTTP side of `serve`: routes, caching headers, refusals. It only routes, caches and
//! streams; every compile runs on the blocking pool through the [`Workspace`] and [`Pdfs`].

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};

use super::assets;
use super::metrics::{Metrics, RequestLabels, RouteLabels};
use super::pages::{self, Pages};
use super::pdfs::{Pdf, Pdfs, Refusal};
use super::workspace::{Doc, Event, PreviewError, Snapshot, Workspace};
use crate::Profile;
use crate::diagnostics::{self, Severity};

/// Everything the handlers share.
pub struct App {
    /// The engine state.
    pub workspace: Arc<Workspace>,
    /// PDFs on demand.
    pub pdfs: Arc<Pdfs>,
    /// `/metrics`.
    pub metrics: Metrics,
    /// Compile slots (for the running-compiles gauge).
    pub jobs: usize,
    /// The HTML pages.
    pub pages: Pages,
    /// Set when the server stops: open event streams end, so the stop is not held up.
    pub stopping: tokio::sync::watch::Sender<bool>,
    /// The last PDF made of each document and edition, served while the layouts have errors.
    pub last_good: std::sync::Mutex<std::collections::HashMap<(Doc, Profile), Arc<Pdf>>>,
}

/// The routes. The paths are a contract (tests, CI and the README rely on them).
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/preview/publication", get(preview_publication))
        .route("/preview/factsheets/{id}", get(preview_factsheet))
        .route("/preview/pages/{file}", get(preview_page))
        .route("/api/preview/publication", get(api_preview_publication))
        .route("/api/preview/factsheets/{id}", get(api_preview_factsheet))
        .route("/events", get(events))
        .route("/publication.pdf", get(publication_pdf))
        .route("/factsheets/{file}", get(factsheet_pdf))
        .route("/api/regions", get(api_regions))
        .route("/api/diagnostics", get(api_diagnostics))
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/assets/{file}", get(asset))
        .route("/site", get(site_root))
        .route("/site/", get(site_index))
        .route("/site/{*path}", get(site_file))
        .route_layer(middleware::from_fn(label_route))
        .fallback(not_found)
        // Pages, SVG drawings and JSON compress well (an SVG page to about a fifth); PDFs and
        // the event stream are left alone.
        .layer(CompressionLayer::new().compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/pdf")),
        ))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// The matched route, carried from the inner layer to the outer one on the response.
#[derive(Clone)]
struct RouteLabel(String);

async fn label_route(matched: MatchedPath, request: Request, next: Next) -> Response {
    let route = matched.as_str().to_string();
    let mut response = next.run(request).await;
    response.extensions_mut().insert(RouteLabel(route));
    response
}

/// Refuses what the server never accepts, times every request, and adds the headers every
/// response carries.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let mut response = if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut r = (
            StatusCode::METHOD_NOT_ALLOWED,
            "Alleen GET en HEAD: deze server neemt niets aan.\n",
        )
            .into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        r
    } else if has_body(request.headers()) {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Een verzoek met inhoud wordt niet aangenomen.\n",
        )
            .into_response()
    } else {
        next.run(request).await
    };
    let route = response
        .extensions()
        .get::<RouteLabel>()
        .map_or_else(|| "unmatched".to_string(), |r| r.0.clone());
    app.metrics
        .requests
        .get_or_create(&RequestLabels {
            route: route.clone(),
            status: response.status().as_u16(),
        })
        .inc();
    app.metrics
        .latency
        .get_or_create(&RouteLabels { route })
        .observe(started.elapsed().as_secs_f64());
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
            ),
        );
    }
    response
}

fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

async fn index(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    html(StatusCode::OK, app.pages.index(&snapshot))
}

async fn preview_publication(State(app): State<Arc<App>>) -> Response {
    preview_page_for(&app, Doc::Publication)
}

async fn preview_factsheet(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    preview_page_for(&app, Doc::FactSheet(id))
}

fn preview_page_for(app: &App, doc: Doc) -> Response {
    let snapshot = app.workspace.snapshot();
    match pages::title(&snapshot, &doc) {
        Some(title) => html(StatusCode::OK, app.pages.preview(&doc, &title)),
        None => html(
            StatusCode::NOT_FOUND,
            app.pages.not_found(&snapshot, Some(&doc)),
        ),
    }
}

async fn api_preview_publication(State(app): State<Arc<App>>) -> Response {
    api_preview(app, Doc::Publication).await
}

async fn api_preview_factsheet(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    api_preview(app, Doc::FactSheet(id)).await
}

/// The document's pages, laid out now if they are out of date.
async fn api_preview(app: Arc<App>, doc: Doc) -> Response {
    match preview_json(&app, &doc).await {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(response) => response,
    }
}

async fn preview_json(app: &Arc<App>, doc: &Doc) -> Result<serde_json::Value, Response> {
    let workspace = app.workspace.clone();
    let d = doc.clone();
    let preview = tokio::task::spawn_blocking(move || workspace.preview(&d))
        .await
        .map_err(|_| internal("the preview stopped unexpectedly"))?;
    match preview {
        Ok(Some(p)) => Ok(json!({
            "doc": doc.path(),
            "generation": p.generation,
            "pages": p.meta(),
        })),
        Ok(None) => Ok(json!({ "doc": doc.path(), "generation": 0, "pages": [] })),
        Err(PreviewError::UnknownRegion) => Err(unknown_region(app, doc)),
        Err(PreviewError::Failed(message)) => Err(internal(&message)),
    }
}

/// `/preview/pages/<hash>.svg` (the drawing) and `<hash>.json` (the text layer). Pages are
/// named by their content, so they never change: cached for good.
async fn preview_page(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let (hash, kind) = match file.rsplit_once('.') {
        Some((hash, kind @ ("svg" | "json")))
            if hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            (hash, kind)
        }
        _ => return not_found_json("no such page"),
    };
    let Some(preview) = app.workspace.page(hash) else {
        return not_found_json("no such page (it may belong to an older version)");
    };
    // Drawing a page takes a few milliseconds: on the blocking pool.
    let (hash, svg) = (hash.to_string(), kind == "svg");
    let body = tokio::task::spawn_blocking(move || {
        preview
            .drawn(&hash)
            .map(|d| if svg { d.svg.clone() } else { d.text.clone() })
    })
    .await;
    let Ok(Some(body)) = body else {
        return not_found_json("no such page");
    };
    let content_type = if svg {
        "image/svg+xml"
    } else {
        "application/json"
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response();
    // An SVG may carry images as data URLs, nothing else.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src data:; style-src 'unsafe-inline'"),
    );
    response
}

#[derive(Deserialize)]
struct EventsQuery {
    doc: Option<String>,
}

/// Server-sent events: `status` (diagnostics) whenever the content was checked again, and
/// `pages` when the watched document's pages changed. A client gets both at once when it
/// connects, so it never misses a state.
async fn events(
    State(app): State<Arc<App>>,
    Query(query): Query<EventsQuery>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let doc = query.doc.as_deref().and_then(Doc::from_path);
    let guard = doc.clone().map(|d| app.workspace.watch(d));
    let receiver = app.workspace.subscribe();
    struct Stream {
        app: Arc<App>,
        doc: Option<Doc>,
        receiver: tokio::sync::broadcast::Receiver<Event>,
        pending: std::collections::VecDeque<SseEvent>,
        stopping: tokio::sync::watch::Receiver<bool>,
        _guard: Option<super::workspace::WatchGuard>,
    }
    let mut first = std::collections::VecDeque::new();
    first.push_back(status_event(&app.workspace.snapshot()));
    if let Some(d) = &doc
        && let Ok(json) = preview_json(&app, d).await
    {
        first.push_back(SseEvent::default().event("pages").data(json.to_string()));
    }
    let state = Stream {
        stopping: app.stopping.subscribe(),
        app,
        doc,
        receiver,
        pending: first,
        _guard: guard,
    };
    let stream = futures_util::stream::unfold(state, |mut s| async move {
        loop {
            if let Some(event) = s.pending.pop_front() {
                return Some((Ok(event), s));
            }
            let next = tokio::select! {
                next = s.receiver.recv() => next,
                _ = s.stopping.wait_for(|stop| *stop) => return None,
            };
            match next {
                Ok(Event::Status(_)) => {
                    s.pending
                        .push_back(status_event(&s.app.workspace.snapshot()));
                }
                Ok(Event::Pages(d)) if Some(&d) == s.doc.as_ref() => {
                    if let Some(p) = s.app.workspace.last_preview(&d) {
                        let json = json!({
                            "doc": d.path(), "generation": p.generation, "pages": p.meta(),
                        });
                        s.pending
                            .push_back(SseEvent::default().event("pages").data(json.to_string()));
                    }
                }
                Ok(Event::Pages(_)) => {}
                // Missed some: send the current state of everything.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    s.pending
                        .push_back(status_event(&s.app.workspace.snapshot()));
                    if let Some(d) = s.doc.clone()
                        && let Ok(json) = preview_json(&s.app, &d).await
                    {
                        s.pending
                            .push_back(SseEvent::default().event("pages").data(json.to_string()));
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// The `status` event: counts and every diagnostic, as `check` prints it.
fn status_event(snapshot: &Snapshot) -> SseEvent {
    SseEvent::default()
        .event("status")
        .data(status_json(snapshot).to_string())
}

/// What the overlay and the index show about the current content.
pub fn status_json(snapshot: &Snapshot) -> serde_json::Value {
    let (errors, warnings) = snapshot.counts();
    let items: Vec<serde_json::Value> = snapshot
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .zip(diagnostics::to_json(
            &snapshot.sources,
            &snapshot
                .diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Note)
                .cloned()
                .collect::<Vec<_>>(),
        ))
        .map(|(d, mut j)| {
            j["text"] = json!(diagnostics::to_human(&snapshot.sources, d));
            j
        })
        .collect();
    json!({
        "generation": snapshot.generation,
        "good_generation": snapshot.good.as_ref().map(|g| g.generation),
        "errors": errors,
        "warnings": warnings,
        "items": items,
        "regions": snapshot.good.as_ref().map(|g| regions_key(&g.model)),
    })
}

/// Changes when regions are added, removed or renamed (the index then reloads).
fn regions_key(model: &crate::model::Model) -> String {
    let mut hasher = Sha256::new();
    for r in &model.regions {
        hasher.update(r.id.as_bytes());
        hasher.update([0]);
        hasher.update(r.name.as_bytes());
        hasher.update([0]);
    }
    crate::jobs::hex(&hasher.finalize()[..8])
}

#[derive(Deserialize)]
struct PdfQuery {
    profile: Option<String>,
}

async fn publication_pdf(
    State(app): State<Arc<App>>,
    Query(query): Query<PdfQuery>,
    headers: HeaderMap,
) -> Response {
    pdf(app, Doc::Publication, query, headers).await
}

async fn factsheet_pdf(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    Query(query): Query<PdfQuery>,
    headers: HeaderMap,
) -> Response {
    match file.strip_suffix(".pdf") {
        Some(id) => pdf(app, Doc::FactSheet(id.to_string()), query, headers).await,
        None => not_found_json("fact sheets are at /factsheets/<region>.pdf"),
    }
}

/// A PDF of the current content (or of the last good content while it has errors).
async fn pdf(app: Arc<App>, doc: Doc, query: PdfQuery, headers: HeaderMap) -> Response {
    let profile = match query.profile.as_deref() {
        None | Some("web") => Profile::Web,
        Some("print") => Profile::Print,
        Some(other) => {
            return json_response(
                StatusCode::BAD_REQUEST,
                json!({
                    "error": format!("unknown profile \"{other}\""),
                    "help": "use ?profile=web (the default) or ?profile=print",
                }),
            );
        }
    };
    let snapshot = app.workspace.snapshot();
    let Some(good) = snapshot.good.clone() else {
        return json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({
                "error": "the content has errors and there is no earlier good version",
                "diagnostics": diagnostics::to_json(&snapshot.sources, &snapshot.diagnostics),
            }),
        );
    };
    let job = match doc.job(&good.model, profile) {
        Some(Ok(job)) => job,
        Some(Err(e)) => return internal(&e.to_string()),
        None => return unknown_region(&app, &doc),
    };
    let filename = job
        .output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let key = typst::utils::hash128(&(&job.data, job.layout.path(), profile, good.assets));
    let workspace = app.workspace.clone();
    let sources = snapshot.sources.clone();
    let make_doc = doc.clone();
    let result = app
        .pdfs
        .get(key, move || {
            let edition = good.edition(profile, workspace.cache_dir());
            let sources = std::sync::Mutex::new(sources);
            let made = jobs_make(&good, &job, &edition, &sources);
            let sources = sources.into_inner().unwrap_or_else(|e| e.into_inner());
            workspace.record_pdf(
                &make_doc,
                made.as_ref().map(|_| ()).map_err(|e| (e.clone(), sources)),
            );
            made
        })
        .await;
    let mut stale = false;
    let pdf = match result {
        Ok(pdf) => {
            app.last_good
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert((doc.clone(), profile), pdf.clone());
            pdf
        }
        Err(Refusal::Failed(errors)) => {
            let last = app
                .last_good
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&(doc.clone(), profile))
                .cloned();
            match last {
                Some(pdf) => {
                    stale = true;
                    pdf
                }
                None => {
                    return json_response(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        json!({
                            "error": "the layout failed",
                            "diagnostics": diagnostics::to_json(&app.workspace.snapshot().sources, &errors),
                        }),
                    );
                }
            }
        }
        Err(Refusal::Busy) => {
            let mut r = json_response(
                StatusCode::TOO_MANY_REQUESTS,
                json!({ "error": "too many documents are being made; try again in a moment" }),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return r;
        }
        Err(Refusal::Timeout) => {
            let mut r = json_response(
                StatusCode::SERVICE_UNAVAILABLE,
                json!({ "error": "the document took too long; try again in a moment" }),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            return r;
        }
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| etag_matches(v, &pdf.etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = Response::new(Body::from(pdf.bytes.clone()));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        );
        r
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&pdf.etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if stale {
        h.insert(
            "x-drukwerk-stale",
            HeaderValue::from_static("the layouts have errors; this is the last good version"),
        );
    }
    response
}

/// Compile and export one document: the same stages as `build`.
fn jobs_make(
    good: &super::workspace::Good,
    job: &crate::jobs::Job,
    edition: &crate::jobs::Edition,
    sources: &std::sync::Mutex<crate::diagnostics::Sources>,
) -> Result<Pdf, Vec<crate::diagnostics::Diagnostic>> {
    let compiled = crate::jobs::compile(&good.renderer, job, edition, sources)?;
    let bytes = crate::jobs::export(&compiled.document, job, edition)?;
    let etag = format!("\"{}\"", crate::jobs::hex(&Sha256::digest(&bytes)));
    Ok(Pdf {
        bytes: bytes.into(),
        etag,
    })
}

/// `If-None-Match` holds a list of tags, or `*`.
fn etag_matches(header: &str, etag: &str) -> bool {
    header
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

#[derive(Serialize)]
struct RegionJson<'a> {
    id: &'a str,
    name: &'a str,
    sectors: Vec<&'static str>,
    preview: String,
    pdf: String,
    print_pdf: String,
}

async fn api_regions(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    let regions: Vec<RegionJson> = snapshot
        .good
        .as_ref()
        .map(|g| {
            g.model
                .regions
                .iter()
                .map(|r| RegionJson {
                    id: &r.id,
                    name: &r.name,
                    sectors: r.sectors.iter().map(|s| s.id()).collect(),
                    preview: format!("/preview/factsheets/{}", r.id),
                    pdf: format!("/factsheets/{}.pdf", r.id),
                    print_pdf: format!("/factsheets/{}.pdf?profile=print", r.id),
                })
                .collect()
        })
        .unwrap_or_default();
    json_response(StatusCode::OK, json!({ "regions": regions }))
}

async fn api_diagnostics(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    json_response(
        StatusCode::OK,
        json!({
            "generation": snapshot.generation,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics::to_json(&snapshot.sources, &snapshot.diagnostics),
        }),
    )
}

async fn health(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    let last_success = snapshot.last_success.map(|t| {
        chrono::DateTime::<chrono::Utc>::from(t)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    });
    json_response(
        StatusCode::OK,
        json!({
            "status": if errors == 0 { "ok" } else { "degraded" },
            "engine": env!("CARGO_PKG_VERSION"),
            "typst": crate::TYPST_VERSION,
            "generation": snapshot.generation,
            "errors": errors,
            "warnings": warnings,
            "last_success": last_success,
        }),
    )
}

async fn metrics(State(app): State<Arc<App>>) -> Response {
    let m = &app.metrics;
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    m.errors.set(errors as i64);
    m.warnings.set(warnings as i64);
    m.queue_depth.set(app.pdfs.queue_depth() as i64);
    m.compiles_running.set(app.pdfs.running(app.jobs) as i64);
    m.cache_bytes.set(app.pdfs.cached_bytes() as i64);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        m.encode(),
    )
        .into_response()
}

async fn asset(Path(file): Path<String>) -> Response {
    match assets::get(&file) {
        Some((bytes, content_type)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        None => not_found_json("no such asset"),
    }
}

async fn site_root() -> Response {
    let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static("/site/"));
    r
}

async fn site_index(State(app): State<Arc<App>>) -> Response {
    site(app, String::new()).await
}

async fn site_file(State(app): State<Arc<App>>, Path(path): Path<String>) -> Response {
    site(app, path).await
}

/// A file of the website, from memory. Only paths the site itself made exist; `..` and the
/// like never match one. HTML pages get the live-reload script.
async fn site(app: Arc<App>, path: String) -> Response {
    let workspace = app.workspace.clone();
    let Ok(Some(files)) = tokio::task::spawn_blocking(move || workspace.site()).await else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            app.pages.not_found(&app.workspace.snapshot(), None),
        );
    };
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path
    };
    let Some(bytes) = files.get(&path) else {
        return html(
            StatusCode::NOT_FOUND,
            app.pages.not_found(&app.workspace.snapshot(), None),
        );
    };
    let content_type = match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    let body = if content_type.starts_with("text/html") {
        // Live reload: the page reloads itself when the content was rebuilt.
        let text = String::from_utf8_lossy(bytes);
        match text.rfind("</body>") {
            Some(at) => format!(
                "{}<script src=\"/assets/live.js\"></script><script src=\"/assets/site-reload.js\"></script>{}",
                &text[..at],
                &text[at..]
            )
            .into_bytes(),
            None => bytes.clone(),
        }
    } else {
        bytes.clone()
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn not_found(State(app): State<Arc<App>>, request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path.ends_with(".pdf") {
        not_found_json("no such route; see / for what this server offers")
    } else {
        html(
            StatusCode::NOT_FOUND,
            app.pages.not_found(&app.workspace.snapshot(), None),
        )
    }
}

/// 404 for an unknown region, with the closest id.
fn unknown_region(app: &App, doc: &Doc) -> Response {
    let Doc::FactSheet(id) = doc else {
        return not_found_json("no such document");
    };
    let snapshot = app.workspace.snapshot();
    let suggestion = snapshot
        .good
        .as_ref()
        .and_then(|g| g.model.closest_region(id).map(|r| r.id.clone()));
    let help = match &suggestion {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => "GET /api/regions lists every region id".to_string(),
    };
    json_response(
        StatusCode::NOT_FOUND,
        json!({
            "error": format!("unknown region \"{id}\""),
            "help": help,
            "suggestion": suggestion,
        }),
    )
}

fn not_found_json(message: &str) -> Response {
    json_response(StatusCode::NOT_FOUND, json!({ "error": message }))
}

fn internal(message: &str) -> Response {
    json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({ "error": message }),
    )
}

fn json_response(status: StatusCode, value: serde_json::Value) -> Response {
    let mut r = (status, axum::Json(value)).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, Html(body)).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_match_lists_and_weak_tags() {
        assert!(etag_matches("\"abc\"", "\"abc\""));
        assert!(etag_matches("\"x\", W/\"abc\"", "\"abc\""));
        assert!(etag_matches("*", "\"abc\""));
        assert!(!etag_matches("\"abd\"", "\"abc\""));
    }
}
