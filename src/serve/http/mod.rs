//! The HTTP side of `serve`: routes, caching headers, refusals. It only routes, caches and
//! streams; every compile runs on the blocking pool through the [`Workspace`] and [`Pdfs`].

mod api;
pub mod auth;
pub mod content;
mod edit;
mod pdf;
mod preview;
mod site;

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
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
use crate::i18n::{Lang, Msg};
use crate::msg;

/// Everything the handlers share.
pub struct App {
    /// The editor; `None` when the server is read-only.
    pub editor: Option<Arc<super::editor::Editor>>,
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
    /// Who may do what: the Host check, the editor's token (or none with `--read-only`: see
    /// `access.editor.is_on()` before showing edit links), the single-sign-on proxy.
    pub access: auth::Access,
}

/// The routes. The paths are a contract (tests, CI and the README rely on them).
pub fn router(app: Arc<App>) -> Router {
    let routes = Router::new()
        .route("/", get(index))
        .route("/preview/publication", get(preview::preview_publication))
        .route("/preview/factsheets/{id}", get(preview::preview_factsheet))
        .route("/preview/pages/{file}", get(preview::preview_page))
        .route(
            "/api/preview/publication",
            get(preview::api_preview_publication),
        )
        .route(
            "/api/preview/factsheets/{id}",
            get(preview::api_preview_factsheet),
        )
        .route("/events", get(preview::events))
        .route("/publication.pdf", get(pdf::publication_pdf))
        .route("/factsheets/{file}", get(pdf::factsheet_pdf))
        .route("/api/regions", get(api::api_regions))
        .route("/api/diagnostics", get(api::api_diagnostics))
        .route("/health", get(api::health))
        .route("/metrics", get(api::metrics))
        .route("/edit/publication", get(edit::edit_publication))
        .route("/edit/new/{kind}", get(edit::edit_new))
        .route("/edit/{kind}/{id}", get(edit::edit_file))
        .route("/assets/{file}", get(asset))
        .route("/site", get(site::site_root))
        .route("/site/", get(site::site_index))
        .route("/site/{*path}", get(site::site_file))
        .merge(content::routes());
    guarded(routes, app)
}

/// `routes` behind the layers every route of the server is behind: the security checks of
/// [`auth::admit`], metrics, compression and the headers every response carries. Public so
/// tests can put trivial handlers for routes that do not exist yet behind exactly these.
pub fn guarded(routes: Router<Arc<App>>, app: Arc<App>) -> Router {
    routes
        .route_layer(middleware::from_fn(label_route))
        .fallback(not_found)
        // Pages, SVG drawings and JSON compress well (an SVG page to about a fifth); PDFs and
        // the event stream are left alone.
        .layer(CompressionLayer::new().compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/pdf")),
        ))
        // The body was read within the limit by the guard; extractors (`Json`, `Bytes`) would
        // otherwise stop at axum's default of 2 MB.
        .layer(DefaultBodyLimit::max(auth::BODY_LIMIT))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// The reader's language, from the request's `Accept-Language` (Dutch unless the browser
/// prefers English): every handler whose answer has words in it takes one.
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(request_lang(&parts.headers))
    }
}

/// The language a request asks for ([`Lang::from_accept_language`]).
pub fn request_lang(headers: &HeaderMap) -> Lang {
    Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// Whether a response's words follow the request's language: pages, JSON and the event
/// stream do; PDFs, page drawings (named by their content and cached for good), scripts and
/// the stylesheet do not, so their caching is not split by language.
fn speaks(headers: &HeaderMap) -> bool {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let immutable = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("immutable"));
    !immutable
        && [
            "text/html",
            "application/json",
            "text/event-stream",
            "text/plain",
        ]
        .iter()
        .any(|t| content_type.starts_with(t))
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

/// Refuses what the server does not accept ([`auth::admit`]: wrong Host, no token, methods
/// and bodies outside the editor's API), times every request, and adds the headers every
/// response carries.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let lang = request_lang(request.headers());
    let mut response = match auth::admit(&app.access, request, lang).await {
        Ok(request) => next.run(request).await,
        Err(refusal) => refusal,
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
    if speaks(headers) {
        // One `Vary` line: the compression layer's `accept-encoding` and ours.
        let vary = headers
            .get_all(header::VARY)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .chain(["accept-language"])
            .collect::<Vec<_>>()
            .join(", ");
        if let Ok(value) = HeaderValue::from_str(&vary) {
            headers.insert(header::VARY, value);
        }
    }
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

async fn index(State(app): State<Arc<App>>, lang: Lang) -> Response {
    let snapshot = app.workspace.snapshot();
    html(StatusCode::OK, app.pages.index(&snapshot, lang))
}

async fn asset(Path(file): Path<String>, lang: Lang) -> Response {
    match assets::get(&file) {
        Some((bytes, content_type)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        None => not_found_json(msg!("serve-no-asset"), lang),
    }
}

async fn not_found(State(app): State<Arc<App>>, lang: Lang, request: Request) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || path.ends_with(".pdf") {
        not_found_json(msg!("serve-no-route"), lang)
    } else {
        html(
            StatusCode::NOT_FOUND,
            app.pages.not_found(&app.workspace.snapshot(), None, lang),
        )
    }
}

/// 404 for an unknown region, with the closest id.
fn unknown_region(app: &App, doc: &Doc, lang: Lang) -> Response {
    let Doc::FactSheet(id) = doc else {
        return not_found_json(msg!("serve-no-document"), lang);
    };
    let snapshot = app.workspace.snapshot();
    let suggestion = snapshot
        .good
        .as_ref()
        .and_then(|g| g.model.closest_region(id).map(|r| r.id.clone()));
    let help = match &suggestion {
        Some(s) => msg!("serve-did-you-mean", id = s),
        None => msg!("serve-list-regions"),
    };
    json_response(
        StatusCode::NOT_FOUND,
        json!({
            "error": msg!("serve-unknown-region", id = id).text(lang),
            "help": help.text(lang),
            "suggestion": suggestion,
        }),
    )
}

fn not_found_json(message: Msg, lang: Lang) -> Response {
    json_response(
        StatusCode::NOT_FOUND,
        json!({ "error": message.text(lang) }),
    )
}

/// 500 with what went wrong: `message` is ours, `detail` (when any) the words of whatever
/// failed, kept apart as a note.
fn internal(message: Msg, detail: Option<&str>, lang: Lang) -> Response {
    let mut body = json!({ "error": message.text(lang) });
    if let Some(detail) = detail {
        body["notes"] = json!([detail]);
    }
    json_response(StatusCode::INTERNAL_SERVER_ERROR, body)
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
