//! `drukwerk serve` in process: the routes (status codes, headers, refusals), the engine
//! state across changes (health degraded and back, the last good PDF kept), the preview
//! (pages by hash, only changed pages new), the push channel, and the watcher on a real
//! temporary project.

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Pdf, Project};
use drukwerk::serve::workspace::{Changes, Doc, Event, Workspace};
use drukwerk::serve::{self, Options};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A server for `project`, in process.
struct Server {
    router: axum::Router,
    workspace: Arc<Workspace>,
}

impl Server {
    fn new(project: &Project, options: Options) -> Self {
        let workspace = Workspace::open(project.root()).unwrap();
        let app = serve::app(workspace.clone(), &options);
        Self {
            router: serve::http::router(app),
            workspace,
        }
    }

    async fn send(&self, request: Request<Body>) -> Response {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Response {
            status,
            headers,
            body: body.to_vec(),
        }
    }

    async fn get(&self, uri: impl Into<String>) -> Response {
        self.send(Request::get(uri.into()).body(Body::empty()).unwrap())
            .await
    }

    /// A GET from a browser that asks for `languages` (`Accept-Language`).
    async fn get_in(&self, uri: impl Into<String>, languages: &str) -> Response {
        self.send(
            Request::get(uri.into())
                .header(header::ACCEPT_LANGUAGE, languages)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// The first `status` event of `/events` for a browser asking for `languages`.
    async fn first_status(&self, languages: &str) -> serde_json::Value {
        let response = self
            .router
            .clone()
            .oneshot(
                Request::get("/events")
                    .header(header::ACCEPT_LANGUAGE, languages)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let mut body = response.into_body();
        let mut seen = String::new();
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(60), body.frame())
                .await
                .expect("events arrive")
                .unwrap()
                .unwrap();
            if let Ok(data) = frame.into_data() {
                seen.push_str(&String::from_utf8_lossy(&data));
            }
            if let Some(line) = seen
                .split("event: status\n")
                .nth(1)
                .and_then(|rest| rest.split_once('\n'))
                .map(|(line, _)| line)
            {
                return serde_json::from_str(line.trim_start_matches("data: ")).unwrap();
            }
        }
    }

    /// Rebuilds as the watcher would after a change.
    fn rebuild(&self) {
        self.workspace.rebuild(&Changes {
            rescan: true,
            ..Changes::default()
        });
    }
}

struct Response {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Response {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The text of an HTML page with the template engine's escapes undone.
    fn html(&self) -> String {
        self.text()
            .replace("&#x2f;", "/")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

fn options() -> Options {
    Options {
        jobs: 2,
        ..Options::default()
    }
}

/// The text of a PDF, whitespace removed.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    Pdf { doc }.text()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_api_and_health_answer() {
    let project = Project::minimal();
    let server = Server::new(&project, options());

    let index = server.get("/").await;
    assert_eq!(index.status, StatusCode::OK);
    let html = index.html();
    assert!(html.contains("lang=\"nl\""));
    assert!(
        html.contains("href=\"/preview/factsheets/noord\""),
        "{html}"
    );
    assert!(html.contains("href=\"/factsheets/zuid.pdf\""));
    assert!(html.contains("href=\"/preview/publication\""));
    assert!(index.header(header::CONTENT_TYPE).starts_with("text/html"));

    let regions = server.get("/api/regions").await.json();
    let list = regions["regions"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], "noord");
    assert_eq!(list[0]["pdf"], "/factsheets/noord.pdf");
    assert_eq!(list[0]["preview"], "/preview/factsheets/noord");
    assert_eq!(list[0]["sectors"], serde_json::json!(["po"]));

    let health = server.get("/health").await;
    assert_eq!(health.status, StatusCode::OK);
    let health = health.json();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["errors"], 0);
    assert_eq!(health["typst"], drukwerk::TYPST_VERSION);
    assert!(health["last_success"].is_string());
    let head = server
        .send(Request::head("/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());

    let diagnostics = server.get("/api/diagnostics").await.json();
    assert_eq!(diagnostics["errors"], 0);
    assert!(diagnostics["diagnostics"].is_array());

    for asset in ["serve.css", "live.js", "index.js", "preview.js"] {
        let r = server.get(&format!("/assets/{asset}")).await;
        assert_eq!(r.status, StatusCode::OK, "{asset}");
    }
    let preview = server.get("/preview/factsheets/noord").await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.html().contains("data-doc=\"factsheets/noord\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_website_is_served_under_site_with_live_reload() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let redirect = server.get("/site").await;
    assert_eq!(redirect.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(redirect.header(header::LOCATION), "/site/");
    let index = server.get("/site/").await;
    assert_eq!(index.status, StatusCode::OK);
    let html = index.html();
    assert!(html.contains("<h1"), "{html}");
    assert!(
        html.contains("/assets/site-reload.js"),
        "live reload is injected"
    );
    assert!(html.contains("href=\"regions/noord.html\""), "{html}");
    let region = server.get("/site/regions/noord.html").await;
    assert_eq!(region.status, StatusCode::OK);
    assert!(region.html().contains("Onderwijsregio Noord (po)"));
    let css = server.get("/site/assets/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header(header::CONTENT_TYPE).starts_with("text/css"));
    assert_eq!(
        server.get("/site/regions/nord.html").await.status,
        StatusCode::NOT_FOUND
    );

    // A change to the content shows on the next request.
    let path = "content/regions/noord.toml";
    let text = project.read(path);
    project.write(
        path,
        &text.replace(
            "Onderwijsregio Noord (po)",
            "Onderwijsregio Noord-Oost (po)",
        ),
    );
    server.rebuild();
    let region = server.get("/site/regions/noord.html").await;
    assert!(region.html().contains("Onderwijsregio Noord-Oost (po)"));

    // A template mistake: the last good site stays, the error is reported.
    let template = project.read("layouts/site/region.html");
    project.write("layouts/site/region.html", &format!("{template}{{% if %}}"));
    server.rebuild();
    let region = server.get("/site/regions/noord.html").await;
    assert_eq!(region.status, StatusCode::OK);
    let diagnostics = server.get("/api/diagnostics").await.json();
    assert_eq!(diagnostics["errors"], 1, "{diagnostics}");
    assert_eq!(
        diagnostics["diagnostics"][0]["file"],
        "layouts/site/region.html"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pdfs_have_etags_names_and_304() {
    let project = Project::minimal();
    let server = Server::new(&project, options());

    let pdf = server.get("/factsheets/noord.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with(b"%PDF"));
    assert_eq!(pdf.header(header::CONTENT_TYPE), "application/pdf");
    assert_eq!(
        pdf.header(header::CONTENT_DISPOSITION),
        "inline; filename=\"noord.pdf\""
    );
    let etag = pdf.header(header::ETAG);
    assert!(etag.starts_with('"') && etag.len() == 66, "{etag}");
    assert!(pdf_text(&pdf.body).contains("12.345"));

    // The same bytes as `drukwerk factsheet` writes.
    let run = project.run(&["factsheet", "noord"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built = std::fs::read(project.root().join("out/factsheets/noord.pdf")).unwrap();
    assert_eq!(built, pdf.body, "serve and build make the same PDF");

    let again = server
        .send(
            Request::get("/factsheets/noord.pdf")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), etag);

    let print = server.get("/factsheets/noord.pdf?profile=print").await;
    assert_eq!(print.status, StatusCode::OK);
    assert_eq!(
        print.header(header::CONTENT_DISPOSITION),
        "inline; filename=\"noord-print.pdf\""
    );
    assert_ne!(print.header(header::ETAG), etag);

    let bad = server.get("/factsheets/noord.pdf?profile=glossy").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let publication = server.get("/publication.pdf").await;
    assert_eq!(publication.status, StatusCode::OK);
    let name = publication.header(header::CONTENT_DISPOSITION);
    assert!(
        name.ends_with(".pdf\"") && !name.contains("print"),
        "{name}"
    );
}

/// The same server answers in Dutch unless the browser prefers English: pages (with
/// `<html lang>`), refusals and diagnostics; PDFs and page drawings are the same in both and
/// are not varied by language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_errors_follow_the_browsers_language() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    const EN: &str = "en-GB,en;q=0.9";

    for dutch in [server.get("/").await, server.get_in("/", "nl-NL").await] {
        let html = dutch.html();
        assert!(html.contains("<html lang=\"nl\">"), "{html}");
        assert!(html.contains("Geen fouten of waarschuwingen."), "{html}");
        assert!(html.contains("Regio's en factsheets"), "{html}");
        assert!(dutch.header(header::VARY).contains("accept-language"));
    }
    let english = server.get_in("/", EN).await;
    let html = english.html();
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("No errors or warnings."), "{html}");
    assert!(html.contains("Regions and fact sheets"), "{html}");
    assert!(html.contains(">2 regions<"), "{html}");
    assert!(!html.contains("Regio's"), "{html}");
    // The scripts' texts come with the page, as data.
    assert!(html.contains("<script type=\"application/json\" id=\"texts\">"));
    assert!(
        html.contains("\"serve-page-of\":\"Page {page} of {pages}\""),
        "{html}"
    );

    let preview = server.get_in("/preview/factsheets/noord", EN).await.html();
    assert!(preview.contains("<html lang=\"en\">"));
    assert!(preview.contains("Errors in the content"), "{preview}");
    let preview = server.get("/preview/factsheets/noord").await.html();
    assert!(preview.contains("Fouten in de inhoud"), "{preview}");

    let missing = server.get_in("/preview/factsheets/zud", EN).await.html();
    assert!(missing.contains("Did you mean"), "{missing}");
    let missing = server.get_in("/no/such/page", EN).await;
    assert!(missing.html().contains("This page does not exist."));

    // PDFs and page drawings do not depend on the language.
    let pdf = server.get_in("/factsheets/noord.pdf", EN).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(!pdf.header(header::VARY).contains("accept-language"));
    let pages = server.get("/api/preview/factsheets/noord").await.json();
    let hash = pages["pages"][0]["hash"].as_str().unwrap().to_string();
    let svg = server
        .get_in(format!("/preview/pages/{hash}.svg"), EN)
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(!svg.header(header::VARY).contains("accept-language"));

    // A refusal, in both languages.
    let bad = server.get("/publication.pdf?profile=cmyk").await.json();
    assert_eq!(bad["error"], "onbekend profiel \"cmyk\"");
    let bad = server.get_in("/publication.pdf?profile=cmyk", EN).await;
    assert_eq!(bad.json()["error"], "unknown profile \"cmyk\"");
    assert!(bad.header(header::VARY).contains("accept-language"));

    // Diagnostics: the API, the index and the overlay's event stream.
    let region = project.read("content/regions/noord.toml");
    project.write(
        "content/regions/noord.toml",
        &region.replace("\"Het Hogeland\"", "\"Het Hoogeland\""),
    );
    server.rebuild();
    let nl = server.first_status("nl-NL,nl;q=0.9").await;
    let text = nl["items"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("fout[unknown-municipality]"), "{text}");
    let en = server.first_status(EN).await;
    let text = en["items"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("error[unknown-municipality]"), "{text}");
    let index = server.get_in("/", EN).await.html();
    assert!(index.contains("1 error in the content."), "{index}");
    let index = server.get("/").await.html();
    assert!(index.contains("1 fout in de inhoud."), "{index}");
    let api = server.get_in("/api/diagnostics", EN).await;
    assert_eq!(api.json()["diagnostics"][0]["code"], "unknown-municipality");
    assert!(api.header(header::VARY).contains("accept-language"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_regions_get_a_suggestion() {
    let project = Project::minimal();
    let server = Server::new(&project, options());

    let pdf = server.get("/factsheets/nord.pdf").await;
    assert_eq!(pdf.status, StatusCode::NOT_FOUND);
    let json = pdf.json();
    assert_eq!(json["suggestion"], "noord");
    assert_eq!(json["error"], "onbekende regio \"nord\"");
    assert_eq!(json["help"], "bedoelde u \"noord\"?");
    let english = server
        .get_in("/factsheets/nord.pdf", "en-GB,en;q=0.9")
        .await
        .json();
    assert_eq!(english["error"], "unknown region \"nord\"");
    assert_eq!(english["help"], "did you mean \"noord\"?");

    let api = server.get("/api/preview/factsheets/zud").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["suggestion"], "zuid");

    let page = server.get("/preview/factsheets/zud").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let html = page.html();
    assert!(html.contains("Bedoelde u"), "{html}");
    assert!(html.contains("href=\"/preview/factsheets/zuid\""));

    let other = server.get("/no/such/page").await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert!(other.text().contains("lang=\"nl\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn methods_bodies_and_traversal_are_refused() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        for uri in ["/", "/factsheets/noord.pdf", "/nowhere"] {
            let r = server
                .send(
                    Request::builder()
                        .method(method)
                        .uri(uri)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
            assert_eq!(r.header(header::ALLOW), "GET, HEAD");
        }
    }
    let with_body = server
        .send(
            Request::get("/health")
                .header(header::CONTENT_LENGTH, "5")
                .body(Body::from("hello"))
                .unwrap(),
        )
        .await;
    assert_eq!(with_body.status, StatusCode::PAYLOAD_TOO_LARGE);

    let secret = "[package]";
    for uri in [
        "/../Cargo.toml",
        "/factsheets/..%2f..%2fCargo.toml.pdf",
        "/factsheets/%2e%2e%2f%2e%2e%2fcontent%2fpublication.toml.pdf",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/preview/pages/..%2f..%2fCargo.toml",
        "/preview/pages/%2e%2e%2fcontent%2fpublication.svg",
        "/preview/factsheets/..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/api/preview/factsheets/%2fetc%2fpasswd",
        "/content/publication.toml",
        "/layouts/factsheet.typ",
        "/site/..%2f..%2fCargo.toml",
        "/site/%2e%2e/%2e%2e/content/publication.toml",
        "/site/../../Cargo.toml",
        "/site//etc/passwd",
        "/site/regions/..%2f..%2f..%2fCargo.toml",
    ] {
        let r = server.get(uri).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            r.status
        );
        let text = r.text();
        assert!(!text.contains(secret) && !text.contains("root:"), "{uri}");
        assert!(!text.contains("[[key-figures]]"), "{uri} leaked content");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_gets_429_and_a_slow_wait_503() {
    let project = Project::real();
    // One slot, no queue: of several different documents asked at once, one compiles and
    // the rest are refused at once.
    let server = Server::new(
        &project,
        Options {
            jobs: 1,
            queue: 0,
            ..Options::default()
        },
    );
    let ids = [
        "zwolle",
        "amsterdam",
        "rijnmond",
        "twente-omstreken",
        "haaglanden",
    ];
    let responses = futures_util::future::join_all(
        ids.iter()
            .map(|id| server.get(format!("/factsheets/{id}.pdf")))
            .collect::<Vec<_>>(),
    )
    .await;
    let ok = responses
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    let busy: Vec<_> = responses
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    assert!(ok >= 1, "one compiles");
    assert!(!busy.is_empty(), "the others are refused");
    assert_eq!(ok + busy.len(), ids.len());
    for r in &busy {
        assert_eq!(r.header(header::RETRY_AFTER), "1");
    }

    let slow = Server::new(
        &project,
        Options {
            timeout: Duration::from_millis(1),
            ..options()
        },
    );
    let r = slow.get("/factsheets/utrecht-leert-stad.pdf").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
    assert!(!r.header(header::RETRY_AFTER).is_empty());

    let metrics = server.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    let text = metrics.text();
    assert!(
        text.contains("drukwerk_http_requests_total{route=\"/factsheets/{file}\",status=\"429\"}"),
        "{text}"
    );
    assert!(text.contains("drukwerk_pdf_refused_busy_total"));
    assert!(text.contains("drukwerk_pdf_compile_seconds_bucket"));
    assert!(text.contains("drukwerk_pdf_queue_depth"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identical_requests_compile_once() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let responses = futures_util::future::join_all(
        (0..6)
            .map(|_| server.get("/factsheets/zuid.pdf"))
            .collect::<Vec<_>>(),
    )
    .await;
    assert!(responses.iter().all(|r| r.status == StatusCode::OK));
    let tags: std::collections::HashSet<_> =
        responses.iter().map(|r| r.header(header::ETAG)).collect();
    assert_eq!(tags.len(), 1);
    let metrics = server.get("/metrics").await.text();
    let misses = metric(&metrics, "drukwerk_pdf_cache_misses_total");
    assert_eq!(misses, 1.0, "{metrics}");
    let hits = metric(&metrics, "drukwerk_pdf_cache_hits_total")
        + metric(&metrics, "drukwerk_pdf_joined_total");
    assert_eq!(hits, 5.0);
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name).and_then(|r| r.trim().parse().ok()))
        .unwrap_or_else(|| panic!("{name} not in {text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_degrade_health_and_keep_the_last_good_pdf() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let good = server.get("/factsheets/noord.pdf").await;
    assert_eq!(good.status, StatusCode::OK);

    let region = project.read("content/regions/noord.toml");
    project.write(
        "content/regions/noord.toml",
        &region.replace("\"Het Hogeland\"", "\"Het Hoogeland\""),
    );
    server.rebuild();
    let health = server.get("/health").await.json();
    assert_eq!(health["status"], "degraded");
    assert_eq!(health["errors"], 1);
    let diagnostics = server.get("/api/diagnostics").await.json();
    let d = &diagnostics["diagnostics"][0];
    assert_eq!(d["code"], "unknown-municipality");
    assert_eq!(d["file"], "content/regions/noord.toml");
    assert_eq!(d["line"], 4);
    assert!(d["help"][0].as_str().unwrap().contains("Het Hogeland"));
    // The PDF of the last good content is still served.
    let still = server.get("/factsheets/noord.pdf").await;
    assert_eq!(still.status, StatusCode::OK);
    assert_eq!(still.header(header::ETAG), good.header(header::ETAG));
    // The index says what is wrong, as check prints it (in Dutch: the browser asks for nothing else).
    let index = server.get("/").await.html();
    assert!(index.contains("fout[unknown-municipality]"), "{index}");
    assert!(index.contains("onbekende gemeente"), "{index}");
    assert!(index.contains("content/regions/noord.toml:4:"), "{index}");

    project.write("content/regions/noord.toml", &region);
    server.rebuild();
    let health = server.get("/health").await.json();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["errors"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn layout_errors_show_and_keep_the_last_good_pdf() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let good = server.get("/factsheets/zuid.pdf").await;
    assert_eq!(good.status, StatusCode::OK);
    let layout = project.read("layouts/factsheet.typ");
    project.write(
        "layouts/factsheet.typ",
        &format!("{layout}\n#let = broken\n"),
    );
    server.rebuild();
    let r = server.get("/factsheets/zuid.pdf").await;
    assert_eq!(r.status, StatusCode::OK, "the last good PDF is served");
    assert!(!r.header("x-drukwerk-stale".parse().unwrap()).is_empty());
    let health = server.get("/health").await.json();
    assert_eq!(health["status"], "degraded");
    let diagnostics = server.get("/api/diagnostics").await.json();
    assert_eq!(
        diagnostics["diagnostics"][0]["file"],
        "layouts/factsheet.typ"
    );

    project.write("layouts/factsheet.typ", &layout);
    server.rebuild();
    let fresh = server.get("/factsheets/zuid.pdf").await;
    assert_eq!(fresh.status, StatusCode::OK);
    assert!(fresh.header("x-drukwerk-stale".parse().unwrap()).is_empty());
    assert_eq!(server.get("/health").await.json()["status"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn previews_send_only_changed_pages() {
    let project = Project::real();
    let server = Server::new(&project, options());
    let before = server.get("/api/preview/publication").await.json();
    let hashes = |v: &serde_json::Value| -> Vec<String> {
        v["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["hash"].as_str().unwrap().to_string())
            .collect()
    };
    let old = hashes(&before);
    assert!(old.len() > 50);

    // Every page can be fetched by its hash, as SVG and as its text layer.
    let svg = server.get(&format!("/preview/pages/{}.svg", old[0])).await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.text().starts_with("<svg"));
    assert_eq!(svg.header(header::CONTENT_TYPE), "image/svg+xml");
    assert!(svg.header(header::CACHE_CONTROL).contains("immutable"));
    let gzipped = server
        .send(
            Request::get(format!("/preview/pages/{}.svg", old[0]))
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(gzipped.header(header::CONTENT_ENCODING), "gzip");
    assert!(gzipped.body.len() * 3 < svg.body.len(), "SVG compresses");
    let pdf = server
        .send(
            Request::get("/factsheets/zwolle.pdf")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(pdf.body.starts_with(b"%PDF"), "PDFs are sent as they are");
    assert_eq!(pdf.header(header::CONTENT_ENCODING), "");
    let text = server
        .get(&format!("/preview/pages/{}.json", old[0]))
        .await
        .json();
    let words: String = text
        .as_array()
        .unwrap()
        .iter()
        .map(|run| run[4].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Regionale"), "{words}");

    // One figure of one region changes: its page is new, most pages are not. (Not the
    // students: every region page shows where it stands among all regions on that figure.)
    let path = "content/regions/zwolle.toml";
    let region = project.read(path);
    project.write(path, &region.replace("po-boards = 76", "po-boards = 77"));
    server.workspace.watch(Doc::Publication);
    server.rebuild();
    let after = server.get("/api/preview/publication").await.json();
    let new = hashes(&after);
    assert_eq!(new.len(), old.len());
    let changed: Vec<usize> = (0..new.len()).filter(|&i| new[i] != old[i]).collect();
    assert!(!changed.is_empty());
    assert!(
        changed.len() <= 6,
        "only the pages showing the figure change, not {changed:?}"
    );
    let texts = futures_util::future::join_all(
        changed
            .iter()
            .map(|&i| server.get(format!("/preview/pages/{}.json", new[i])))
            .collect::<Vec<_>>(),
    )
    .await;
    assert!(
        texts.iter().any(|t| t.text().contains("77")),
        "a changed page shows the new figure"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_event_stream_starts_with_the_current_state() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let response = server
        .router
        .clone()
        .oneshot(
            Request::get("/events?doc=factsheets/noord")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    let mut body = response.into_body();
    let mut seen = String::new();
    while !(seen.contains("event: status") && seen.contains("event: pages")) {
        let frame = tokio::time::timeout(Duration::from_secs(60), body.frame())
            .await
            .expect("events arrive")
            .unwrap()
            .unwrap();
        if let Ok(data) = frame.into_data() {
            seen.push_str(&String::from_utf8_lossy(&data));
        }
    }
    assert!(seen.contains("\"errors\":0"));
    assert!(seen.contains("\"doc\":\"factsheets/noord\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watcher_sees_an_edit_and_the_pdf_follows() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let mut events = server.workspace.subscribe();
    let before = server.workspace.snapshot().generation;
    let _watcher = serve::watch::Watcher::start(
        server.workspace.clone(),
        Duration::from_millis(200),
        Box::new(|_, _, _| {}),
    );
    // Save the way many editors do: write a temporary file, then rename it over the original.
    let path = project.root().join("content/regions/noord.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let tmp = project.root().join("content/regions/.noord.toml.tmp");
    std::fs::write(&tmp, text.replace("students = 12345", "students = 54321")).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    let generation = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Ok(Event::Status(g)) = events.recv().await
                && g > before
            {
                return g;
            }
        }
    })
    .await
    .expect("an update event after the edit");
    assert!(generation > before);
    let pdf = server.get("/factsheets/noord.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = pdf_text(&pdf.body);
    assert!(text.contains("54.321"), "the PDF has the new figure");
    assert!(!text.contains("12.345"));
}

/// The real binary: binds the loopback address by default, prints its address for `--port 0`,
/// answers, and stops cleanly on SIGTERM even with an event stream open, finishing the
/// documents it was asked for before the signal.
#[test]
fn the_binary_serves_on_loopback_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;
    use std::process::{Command, Stdio};

    let project = Project::minimal();
    let mut child = Command::new(env!("CARGO_BIN_EXE_drukwerk"))
        .arg("--root")
        .arg(project.root())
        .args(["serve", "--port", "0", "--jobs", "1"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let port: u16 = loop {
        line.clear();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "serve stopped");
        if let Some(rest) = line.trim().strip_prefix("Serving http://127.0.0.1:") {
            break rest.parse().unwrap();
        }
    };
    let get = |path: &str| {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    };
    let health = get("/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"status\":\"ok\""));

    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(events, "GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut first = [0u8; 256];
    let n = events.read(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).contains("text/event-stream"));

    // Documents asked for just before the signal: with one compile at a time (--jobs 1) most
    // of them are still being made or waiting when it arrives, and each must come whole.
    let paths = [
        "/publication.pdf",
        "/publication.pdf?profile=print",
        "/factsheets/noord.pdf",
        "/factsheets/noord.pdf?profile=print",
    ];
    let pending: Vec<_> = paths
        .iter()
        .map(|path| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                stream.read_to_end(&mut bytes).unwrap();
                bytes
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(20));

    let killed = Command::new("sh")
        .args(["-c", &format!("kill -TERM {}", child.id())])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "serve did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    for (path, response) in paths.iter().zip(pending) {
        let bytes = response.join().unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.starts_with("HTTP/1.1 200"),
            "{path}: {}",
            &text[..text.len().min(200)]
        );
        let body = text.find("\r\n\r\n").map(|i| &bytes[i + 4..]).unwrap();
        let tail = &body[body.len().saturating_sub(16)..];
        assert!(
            body.starts_with(b"%PDF") && tail.windows(5).any(|w| w == b"%%EOF"),
            "{path}: not a whole PDF"
        );
    }
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("stopped"), "{rest}");
    assert!(!rest.contains("timeout"), "{rest}");
}

/// A burst of saves makes few rebuilds, and the last one sees the last save.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_saves_ends_on_the_latest_state() {
    let project = Project::minimal();
    let server = Server::new(&project, options());
    let rebuilds = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = rebuilds.clone();
    let _watcher = serve::watch::Watcher::start(
        server.workspace.clone(),
        Duration::from_millis(200),
        Box::new(move |_, _, _| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }),
    );
    let path = project.root().join("content/regions/noord.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let saves = 20;
    for i in 1..=saves {
        std::fs::write(
            &path,
            text.replace("students = 12345", &format!("students = {}", 20000 + i)),
        )
        .unwrap();
    }
    // Wait until the PDF shows the last value.
    let last = format!("{}.{:03}", (20000 + saves) / 1000, (20000 + saves) % 1000);
    let started = std::time::Instant::now();
    loop {
        let pdf = server.get("/factsheets/noord.pdf").await;
        if pdf_text(&pdf.body).contains(&last) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "never reached {last}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Let the poller look once more; nothing new arrives.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let n = rebuilds.load(std::sync::atomic::Ordering::SeqCst);
    assert!(n >= 1 && n < saves / 2, "{n} rebuilds for {saves} saves");
}
