//! `/api/content/…`: the editor's API (see `docs/editor-api.md`). Handlers only route: every
//! call runs on the blocking pool through the [`Editor`], which reads, checks and writes.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json};
use serde_json::{Value, json};

use super::auth::Editor as EditorUser;
use super::{App, json_response};
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::serve::editor::{EditError, Editor};

/// The editor's routes (only when the server is not read-only).
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/content/schema", get(schema))
        .route("/api/content/geo", get(geo))
        .route("/api/content/drafts/pages/{file}", get(draft_page))
        .route("/api/content/images", post(upload))
        .route(
            "/api/content/publication",
            get(read_publication).put(save_publication),
        )
        .route(
            "/api/content/publication/preview",
            post(preview_publication),
        )
        .route("/api/content/publication/history", get(history_publication))
        .route(
            "/api/content/publication/history/{commit}",
            get(at_publication),
        )
        .route("/api/content/{kind}", post(create))
        .route(
            "/api/content/{kind}/{id}",
            get(read).put(save).delete(delete),
        )
        .route("/api/content/{kind}/{id}/preview", post(preview))
        .route("/api/content/{kind}/{id}/history", get(history))
        .route("/api/content/{kind}/{id}/history/{commit}", get(at))
}

// A refusal is a whole response, as axum handlers return them; it is made once per request.
#[allow(clippy::result_large_err)]
fn editor(app: &App, lang: Lang) -> Result<Arc<Editor>, Response> {
    app.editor
        .clone()
        .ok_or_else(|| error(StatusCode::NOT_FOUND, msg!("editor-off"), lang))
}

/// `{"error": …}` in `lang`.
fn error(status: StatusCode, message: Msg, lang: Lang) -> Response {
    json_response(status, json!({ "error": message.text(lang) }))
}

/// Runs `work` on the blocking pool and turns its outcome into a response in `lang`.
async fn run<F>(app: &App, lang: Lang, work: F) -> Response
where
    F: FnOnce(&Editor) -> Result<Value, EditError> + Send + 'static,
{
    let editor = match editor(app, lang) {
        Ok(e) => e,
        Err(r) => return r,
    };
    match tokio::task::spawn_blocking(move || work(&editor)).await {
        Ok(Ok(value)) => json_response(StatusCode::OK, value),
        Ok(Err(e)) => refusal(e, lang),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            msg!("editor-internal"),
            lang,
        ),
    }
}

fn refusal(e: EditError, lang: Lang) -> Response {
    match e {
        EditError::NotFound(message) => error(StatusCode::NOT_FOUND, message, lang),
        EditError::BadRequest(message) => error(StatusCode::BAD_REQUEST, message, lang),
        EditError::Conflict(message, mut value) => {
            value["error"] = json!(message.text(lang));
            json_response(StatusCode::CONFLICT, value)
        }
        EditError::Invalid(diagnostics) => json_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": msg!("editor-has-errors").text(lang), "diagnostics": diagnostics }),
        ),
        EditError::Io(message, detail) => {
            let mut body = json!({ "error": message.text(lang) });
            if !detail.is_empty() {
                body["notes"] = json!([detail]);
            }
            json_response(StatusCode::INTERNAL_SERVER_ERROR, body)
        }
    }
}

/// The body as JSON, or the refusal: 415 for another content type, 400 for bad JSON (the
/// parser's own words kept as a note).
#[allow(clippy::result_large_err)]
fn body(body: Result<Json<Value>, JsonRejection>, lang: Lang) -> Result<Value, Response> {
    match body {
        Ok(Json(value)) => Ok(value),
        Err(JsonRejection::MissingJsonContentType(_)) => Err(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            msg!("serve-refused-content-type"),
            lang,
        )),
        Err(JsonRejection::BytesRejection(_)) => Err(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            msg!("serve-refused-too-large"),
            lang,
        )),
        Err(e) => Err(json_response(
            StatusCode::BAD_REQUEST,
            json!({ "error": msg!("editor-bad-json").text(lang), "notes": [e.body_text()] }),
        )),
    }
}

/// The commit author: the user the single-sign-on proxy named (none for a token).
fn user(user: Option<Extension<EditorUser>>) -> Option<String> {
    user.and_then(|Extension(editor)| editor.user)
}

async fn schema(State(app): State<Arc<App>>, lang: Lang) -> Response {
    run(&app, lang, move |e| Ok(e.schema(lang))).await
}

async fn geo(State(app): State<Arc<App>>, lang: Lang) -> Response {
    let mut r = run(&app, lang, |e| Ok(e.geo())).await;
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    r
}

async fn draft_page(State(app): State<Arc<App>>, Path(file): Path<String>, lang: Lang) -> Response {
    let Some(hash) = file
        .strip_suffix(".svg")
        .filter(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    else {
        return error(StatusCode::NOT_FOUND, msg!("serve-no-page"), lang);
    };
    let editor = match editor(&app, lang) {
        Ok(e) => e,
        Err(r) => return r,
    };
    let hash = hash.to_string();
    match tokio::task::spawn_blocking(move || editor.draft_page(&hash)).await {
        Ok(Some(svg)) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                // Named by what it shows, and only for this user's eyes.
                (
                    header::CACHE_CONTROL,
                    "private, max-age=31536000, immutable",
                ),
            ],
            svg,
        )
            .into_response(),
        _ => error(StatusCode::NOT_FOUND, msg!("serve-no-page"), lang),
    }
}

async fn upload(
    State(app): State<Arc<App>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let mut r = run(&app, lang, move |e| e.upload(&payload, lang)).await;
    if r.status() == StatusCode::OK {
        *r.status_mut() = StatusCode::CREATED;
    }
    r
}

async fn read_publication(State(app): State<Arc<App>>, lang: Lang) -> Response {
    run(&app, lang, |e| {
        e.read("publication", None)
            .map(|r| serde_json::to_value(r).unwrap_or_default())
    })
    .await
}

async fn read(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    lang: Lang,
) -> Response {
    if kind == "publication" {
        return error(
            StatusCode::NOT_FOUND,
            msg!("editor-publication-no-id"),
            lang,
        );
    }
    run(&app, lang, move |e| {
        e.read(&kind, Some(&id))
            .map(|r| serde_json::to_value(r).unwrap_or_default())
    })
    .await
}

async fn preview_publication(
    State(app): State<Arc<App>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    run(&app, lang, move |e| {
        e.preview("publication", None, &payload, lang)
            .map(|d| serde_json::to_value(d).unwrap_or_default())
    })
    .await
}

async fn preview(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    run(&app, lang, move |e| {
        e.preview(&kind, Some(&id), &payload, lang)
            .map(|d| serde_json::to_value(d).unwrap_or_default())
    })
    .await
}

async fn save_publication(
    State(app): State<Arc<App>>,
    who: Option<Extension<EditorUser>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let who = user(who);
    run(&app, lang, move |e| {
        e.save("publication", None, &payload, who.as_deref(), lang)
    })
    .await
}

async fn save(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    who: Option<Extension<EditorUser>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let who = user(who);
    run(&app, lang, move |e| {
        e.save(&kind, Some(&id), &payload, who.as_deref(), lang)
    })
    .await
}

async fn create(
    State(app): State<Arc<App>>,
    Path(kind): Path<String>,
    who: Option<Extension<EditorUser>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let who = user(who);
    let mut r = run(&app, lang, move |e| {
        e.create(&kind, &payload, who.as_deref(), lang)
    })
    .await;
    if r.status() == StatusCode::OK {
        *r.status_mut() = StatusCode::CREATED;
    }
    r
}

async fn delete(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    who: Option<Extension<EditorUser>>,
    lang: Lang,
    payload: Result<Json<Value>, JsonRejection>,
) -> Response {
    let payload = match body(payload, lang) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let who = user(who);
    run(&app, lang, move |e| {
        e.delete(&kind, Some(&id), &payload, who.as_deref(), lang)
    })
    .await
}

async fn history_publication(State(app): State<Arc<App>>, lang: Lang) -> Response {
    run(&app, lang, |e| e.history("publication", None)).await
}

async fn history(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    lang: Lang,
) -> Response {
    run(&app, lang, move |e| e.history(&kind, Some(&id))).await
}

async fn at_publication(
    State(app): State<Arc<App>>,
    Path(commit): Path<String>,
    lang: Lang,
) -> Response {
    run(&app, lang, move |e| e.at("publication", None, &commit)).await
}

async fn at(
    State(app): State<Arc<App>>,
    Path((kind, id, commit)): Path<(String, String, String)>,
    lang: Lang,
) -> Response {
    run(&app, lang, move |e| e.at(&kind, Some(&id), &commit)).await
}
