//! The website under `/site/`, from memory, with live reload.

use super::*;

pub(super) async fn site_root() -> Response {
    let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static("/site/"));
    r
}

pub(super) async fn site_index(State(app): State<Arc<App>>, lang: Lang) -> Response {
    site(app, String::new(), lang).await
}

pub(super) async fn site_file(
    State(app): State<Arc<App>>,
    Path(path): Path<String>,
    lang: Lang,
) -> Response {
    site(app, path, lang).await
}

/// A file of the website, from memory. Only paths the site itself made exist; `..` and the
/// like never match one. HTML pages get the live-reload script.
async fn site(app: Arc<App>, path: String, lang: Lang) -> Response {
    let workspace = app.workspace.clone();
    let Ok(Some(files)) = tokio::task::spawn_blocking(move || workspace.site()).await else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            app.pages.not_found(&app.workspace.snapshot(), None, lang),
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
            app.pages.not_found(&app.workspace.snapshot(), None, lang),
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
