//! Live previews: the preview pages, their pages drawn by hash, and the event stream.

use super::*;

pub(super) async fn preview_publication(State(app): State<Arc<App>>, lang: Lang) -> Response {
    preview_page_for(&app, Doc::Publication, lang)
}

pub(super) async fn preview_factsheet(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    lang: Lang,
) -> Response {
    preview_page_for(&app, Doc::FactSheet(id), lang)
}

fn preview_page_for(app: &App, doc: Doc, lang: Lang) -> Response {
    let snapshot = app.workspace.snapshot();
    match pages::title(&snapshot, &doc, lang) {
        Some(title) => html(StatusCode::OK, app.pages.preview(&doc, &title, lang)),
        None => html(
            StatusCode::NOT_FOUND,
            app.pages.not_found(&snapshot, Some(&doc), lang),
        ),
    }
}

pub(super) async fn api_preview_publication(State(app): State<Arc<App>>, lang: Lang) -> Response {
    api_preview(app, Doc::Publication, lang).await
}

pub(super) async fn api_preview_factsheet(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    lang: Lang,
) -> Response {
    api_preview(app, Doc::FactSheet(id), lang).await
}

/// The document's pages, laid out now if they are out of date.
async fn api_preview(app: Arc<App>, doc: Doc, lang: Lang) -> Response {
    match preview_json(&app, &doc, lang).await {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(response) => response,
    }
}

async fn preview_json(
    app: &Arc<App>,
    doc: &Doc,
    lang: Lang,
) -> Result<serde_json::Value, Response> {
    let workspace = app.workspace.clone();
    let d = doc.clone();
    let preview = tokio::task::spawn_blocking(move || workspace.preview(&d))
        .await
        .map_err(|_| internal(msg!("serve-preview-stopped"), None, lang))?;
    match preview {
        Ok(Some(p)) => Ok(json!({
            "doc": doc.path(),
            "generation": p.generation,
            "pages": p.meta(),
        })),
        Ok(None) => Ok(json!({ "doc": doc.path(), "generation": 0, "pages": [] })),
        Err(PreviewError::UnknownRegion) => Err(unknown_region(app, doc, lang)),
        Err(PreviewError::Failed(message)) => {
            Err(internal(msg!("serve-preview-failed"), Some(&message), lang))
        }
    }
}

/// `/preview/pages/<hash>.svg` (the drawing) and `<hash>.json` (the text layer). Pages are
/// named by their content, so they never change: cached for good.
pub(super) async fn preview_page(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    lang: Lang,
) -> Response {
    let (hash, kind) = match file.rsplit_once('.') {
        Some((hash, kind @ ("svg" | "json")))
            if hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            (hash, kind)
        }
        _ => return not_found_json(msg!("serve-no-page"), lang),
    };
    let Some(preview) = app.workspace.page(hash) else {
        return not_found_json(msg!("serve-no-page-old"), lang);
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
        return not_found_json(msg!("serve-no-page"), lang);
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

/// The query of `/events`: `?doc=publication` or `?doc=factsheets/<id>` to follow a preview.
#[derive(Deserialize)]
pub(super) struct EventsQuery {
    /// The document whose pages to send.
    pub(super) doc: Option<String>,
}

/// Server-sent events: `status` (diagnostics) whenever the content was checked again, and
/// `pages` when the watched document's pages changed. A client gets both at once when it
/// connects, so it never misses a state.
pub(super) async fn events(
    State(app): State<Arc<App>>,
    Query(query): Query<EventsQuery>,
    lang: Lang,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let doc = query.doc.as_deref().and_then(Doc::from_path);
    let guard = doc.clone().map(|d| app.workspace.watch(d));
    let receiver = app.workspace.subscribe();
    struct Stream {
        app: Arc<App>,
        doc: Option<Doc>,
        lang: Lang,
        receiver: tokio::sync::broadcast::Receiver<Event>,
        pending: std::collections::VecDeque<SseEvent>,
        stopping: tokio::sync::watch::Receiver<bool>,
        _guard: Option<crate::serve::workspace::WatchGuard>,
    }
    let mut first = std::collections::VecDeque::new();
    first.push_back(status_event(&app.workspace.snapshot(), lang));
    if let Some(d) = &doc
        && let Ok(json) = preview_json(&app, d, lang).await
    {
        first.push_back(SseEvent::default().event("pages").data(json.to_string()));
    }
    let state = Stream {
        stopping: app.stopping.subscribe(),
        app,
        doc,
        lang,
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
                        .push_back(status_event(&s.app.workspace.snapshot(), s.lang));
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
                        .push_back(status_event(&s.app.workspace.snapshot(), s.lang));
                    if let Some(d) = s.doc.clone()
                        && let Ok(json) = preview_json(&s.app, &d, s.lang).await
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

/// The `status` event: counts and every diagnostic, as `check` prints it, in `lang`.
fn status_event(snapshot: &Snapshot, lang: Lang) -> SseEvent {
    SseEvent::default()
        .event("status")
        .data(status_json(snapshot, lang).to_string())
}

/// What the overlay and the index show about the current content, in `lang`.
pub fn status_json(snapshot: &Snapshot, lang: Lang) -> serde_json::Value {
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
            lang,
        ))
        .map(|(d, mut j)| {
            j["text"] = json!(diagnostics::to_human(&snapshot.sources, d, lang));
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
