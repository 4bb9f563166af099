//! The editor's pages in `drukwerk serve`: routes, ids checked before use, unknown ids get the
//! not-found page, the links from the index and the previews, and none of it with a read-only
//! server. The forms themselves are tested in Chromium (`tests/browser/editor.mjs`).

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::Project;
use drukwerk::serve::workspace::Workspace;
use drukwerk::serve::{self, Options};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The editor's token of the servers in these tests.
const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// A server in process; a read-only one has no token to send.
struct Server {
    router: axum::Router,
    read_only: bool,
}

/// GETs `uri` (with the editor's token) from a server; (status, content type, body with the
/// template's escapes undone).
async fn get(server: &Server, uri: &str) -> (StatusCode, String, String) {
    let mut request = Request::get(uri);
    if !server.read_only {
        request = request.header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
    }
    let request = request.body(Body::empty()).unwrap();
    let response = server.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&body)
        .replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    (status, content_type, text)
}

fn router(project: &Project, read_only: bool) -> Server {
    let workspace = Workspace::open(project.root()).unwrap();
    let app = serve::app(
        workspace,
        &Options {
            jobs: 1,
            read_only,
            token: (!read_only).then(|| TOKEN.to_string()),
            ..Options::default()
        },
    );
    Server {
        router: serve::http::router(app),
        read_only,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_pages_are_shells_for_each_kind() {
    let project = Project::minimal();
    let router = router(&project, false);
    for (uri, kind, id, heading) in [
        (
            "/edit/regions/noord",
            "regions",
            "noord",
            "Regio bewerken: ",
        ),
        (
            "/edit/cases/noord-case",
            "cases",
            "noord-case",
            "Casus bewerken: Noord werkt samen",
        ),
        (
            "/edit/themes/samenwerken",
            "themes",
            "samenwerken",
            "Thema bewerken: ",
        ),
        (
            "/edit/publication",
            "publication",
            "",
            "Publicatie bewerken",
        ),
    ] {
        let (status, content_type, html) = get(&router, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(content_type.starts_with("text/html"), "{uri}");
        assert!(html.contains("<html lang=\"nl\">"), "{uri}");
        assert!(
            html.contains(&format!(
                "data-kind=\"{kind}\" data-id=\"{id}\" data-mode=\"edit\""
            )),
            "{uri}: {html}"
        );
        assert!(html.contains(heading), "{uri}: {heading}");
        for part in [
            "id=\"form\"",
            "id=\"fields\"",
            "id=\"preview-pages\"",
            "role=\"status\"",
            "aria-label=\"Kruimelpad\"",
            "src=\"/assets/edit-form.js\"",
            "src=\"/assets/edit.js\"",
        ] {
            assert!(html.contains(part), "{uri} has {part}");
        }
        // No inline script or style: the CSP allows neither.
        assert!(
            !html.contains("<script>") && !html.contains("style="),
            "{uri}"
        );
        assert_eq!(
            html.contains("id=\"delete\""),
            kind != "publication",
            "{uri}: delete button"
        );
    }
    let (status, _, html) = get(&router, "/edit/new/regions").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("data-kind=\"regions\" data-id=\"\" data-mode=\"new\""));
    assert!(html.contains("<h1>Nieuwe regio</h1>"));
    assert!(!html.contains("id=\"delete\""));
    let (_, _, html) = get(&router, "/edit/new/themes").await;
    assert!(html.contains("<h1>Nieuw thema</h1>"));
    for asset in ["edit.js", "edit-form.js"] {
        let (status, content_type, _) = get(&router, &format!("/assets/{asset}")).await;
        assert_eq!(status, StatusCode::OK, "{asset}");
        assert!(content_type.starts_with("text/javascript"), "{asset}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_or_malformed_ids_get_the_not_found_page() {
    let project = Project::minimal();
    let router = router(&project, false);
    for uri in [
        "/edit/regions/west",
        "/edit/regions/Noord",
        "/edit/regions/no_ord",
        "/edit/regions/..%2Fpublication",
        "/edit/cases/noord",
        "/edit/themes/noord",
        "/edit/publication/noord",
        "/edit/buildings/noord",
        "/edit/new/publication",
        "/edit/new/buildings",
    ] {
        let (status, content_type, html) = get(&router, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(content_type.starts_with("text/html"), "{uri}");
        assert!(html.contains("<h1>Niet gevonden</h1>"), "{uri}");
    }
}

/// An English browser gets the editor's page in English, with the scripts' English texts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_pages_follow_the_browsers_language() {
    let project = Project::minimal();
    let server = router(&project, false);
    let request = Request::get("/edit/regions/noord")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .body(Body::empty())
        .unwrap();
    let response = server.router.clone().oneshot(request).await.unwrap();
    assert!(
        response.headers()[header::VARY]
            .to_str()
            .unwrap()
            .contains("accept-language")
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&body).replace("&#x27;", "'");
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("<h1>Edit region: "), "{html}");
    assert!(html.contains(">Save…</button>"), "{html}");
    assert!(html.contains("\"editor-save\":\"Save\""), "{html}");
    let (_, _, dutch) = get(&server, "/edit/new/themes").await;
    assert!(dutch.contains("<html lang=\"nl\">"));
    assert!(dutch.contains("Het voorbeeld verschijnt zodra het nieuwe thema is aangemaakt."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_index_and_previews_link_to_the_editor() {
    let project = Project::minimal();
    let router = router(&project, false);
    let (_, _, index) = get(&router, "/").await;
    for link in [
        "href=\"/edit/regions/noord\"",
        "href=\"/edit/regions/zuid\"",
        "href=\"/edit/cases/noord-case\"",
        "href=\"/edit/themes/samenwerken\"",
        "href=\"/edit/publication\"",
        "href=\"/edit/new/regions\"",
        "href=\"/edit/new/themes\"",
        "href=\"/edit/new/cases\"",
    ] {
        assert!(index.contains(link), "the index has {link}");
    }
    assert!(index.contains(">Nieuwe regio<") && index.contains(">Nieuw thema<"));
    let (_, _, preview) = get(&router, "/preview/factsheets/noord").await;
    assert!(preview.contains("<a href=\"/edit/regions/noord\">Bewerken</a>"));
    let (_, _, preview) = get(&router, "/preview/publication").await;
    assert!(preview.contains("<a href=\"/edit/publication\">Bewerken</a>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_server_has_no_editor() {
    let project = Project::minimal();
    let router = router(&project, true);
    let (status, _, index) = get(&router, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(index.contains("href=\"/preview/factsheets/noord\""));
    assert!(!index.contains("/edit/"), "no edit links: {index}");
    let (_, _, preview) = get(&router, "/preview/factsheets/noord").await;
    assert!(!preview.contains("/edit/"));
    for uri in [
        "/edit/regions/noord",
        "/edit/publication",
        "/edit/new/regions",
    ] {
        let (status, _, _) = get(&router, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
}
