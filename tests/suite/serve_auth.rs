//! The lock on `drukwerk serve`'s door, in process: the Host check (DNS rebinding), the
//! editor's token (link, cookie, Bearer), writes (Origin, Content-Type, body limit on the
//! stream), non-loopback addresses, the single-sign-on proxy and `--read-only`. Routes the
//! editor does not have yet are trivial handlers put behind exactly the server's layers
//! (`serve::http::guarded`); the others are the real router. The last tests start the real
//! binary.

use crate::common;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Extension, Json};
use axum::http::{HeaderMap, HeaderName, Request, StatusCode, header};
use axum::routing::get;
use common::Project;
use drukwerk::serve::http::auth::Editor;
use drukwerk::serve::workspace::Workspace;
use drukwerk::serve::{self, App, AuthMode, Options};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const LIMIT: usize = 8 << 20;

fn options() -> Options {
    Options {
        jobs: 1,
        token: Some(TOKEN.into()),
        ..Options::default()
    }
}

/// The real router and, beside it, trivial handlers for the editor's routes behind the same
/// layers.
struct Server {
    app: Arc<App>,
    real: Router,
    editor: Router,
    _project: Project,
}

impl Server {
    fn new(options: Options) -> Self {
        let project = Project::minimal();
        let workspace = Workspace::open(project.root()).unwrap();
        let app = serve::app(workspace, &options);
        let routes = Router::new()
            .route(
                "/api/content/regions/{id}",
                get(who).put(echo).post(echo).delete(echo),
            )
            .route("/api/content/images", axum::routing::post(raw_length))
            .route("/edit/regions/{id}", get(who));
        Self {
            real: serve::http::router(app.clone()),
            editor: serve::http::guarded(routes, app.clone()),
            app,
            _project: project,
        }
    }

    async fn real(&self, request: Request<Body>) -> Answer {
        Answer::of(self.real.clone().oneshot(request).await.unwrap()).await
    }

    async fn editor(&self, request: Request<Body>) -> Answer {
        Answer::of(self.editor.clone().oneshot(request).await.unwrap()).await
    }
}

/// What a handler behind the layers saw: the `Editor` extension and whether the proxy's
/// header was still there.
async fn who(request: axum::extract::Request) -> Json<Value> {
    let editor = request.extensions().get::<Editor>().cloned();
    Json(json!({
        "editor": editor.is_some(),
        "user": editor.and_then(|e| e.user),
        "user_header": request.headers().contains_key("x-forwarded-user"),
    }))
}

/// A write handler: the body through axum's `Json` extractor, as the editor's will read it.
async fn echo(Extension(editor): Extension<Editor>, Json(value): Json<Value>) -> Json<Value> {
    Json(json!({ "user": editor.user, "bytes": value.to_string().len() }))
}

/// A handler that reads the body stream itself, without an extractor (and so without axum's
/// `DefaultBodyLimit`): only the guard's limit stands between it and a huge body.
async fn raw_length(request: axum::extract::Request) -> String {
    let bytes = request.into_body().collect().await.unwrap().to_bytes();
    bytes.len().to_string()
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    async fn of(response: axum::response::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let answer = Self {
            status,
            headers,
            body: body.to_vec(),
        };
        // Never, on any answer: the browser must not let another site read or write.
        for (name, _) in &answer.headers {
            assert!(
                !name.as_str().starts_with("access-control-"),
                "CORS header {name} on a {status} answer"
            );
        }
        answer
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    fn header(&self, name: HeaderName) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

fn get_req(uri: &str) -> axum::http::request::Builder {
    Request::get(uri).header(header::HOST, "localhost:8000")
}

fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

fn cookie() -> String {
    format!("drukwerk-token-8000={TOKEN}")
}

/// A cookie-authenticated JSON write from the server's own page.
fn write(method: &str, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "localhost:8000")
        .header(header::COOKIE, cookie())
        .header(header::ORIGIN, "http://localhost:8000")
        .header(header::CONTENT_TYPE, "application/json")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editors_routes_need_a_token() {
    let server = Server::new(options());
    let api = server
        .real(
            get_req("/api/content/regions/zwolle")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert!(
        api.header(header::CONTENT_TYPE)
            .starts_with("application/json")
    );
    assert!(
        api.json()["error"]
            .as_str()
            .unwrap()
            .contains("niet aangemeld")
    );
    assert!(api.header(header::WWW_AUTHENTICATE).starts_with("Bearer"));
    // The refusal carries the headers every answer carries.
    assert!(
        api.header(header::CONTENT_SECURITY_POLICY)
            .contains("default-src 'none'")
    );
    assert_eq!(api.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");

    let page = server
        .real(get_req("/edit/regions/zwolle").body(Body::empty()).unwrap())
        .await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    let html = page.text();
    assert!(html.contains("lang=\"nl\""), "{html}");
    assert!(
        html.contains("Bewerken:"),
        "tells where the link is: {html}"
    );

    // Any path that begins with the editor's prefixes, whether or not a route exists.
    for path in ["/edit", "/editor/x", "/api/content", "/api/contents"] {
        let r = server
            .real(get_req(path).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    // The rest stays open on loopback.
    for path in ["/", "/health", "/api/regions", "/metrics", "/site/"] {
        let r = server
            .real(get_req(path).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bearer_token_is_accepted_and_a_wrong_one_is_not() {
    let server = Server::new(options());
    assert_eq!(server.app.access.editor.token().unwrap().as_str(), TOKEN);
    let ok = server
        .editor(
            get_req("/api/content/regions/zwolle")
                .header(header::AUTHORIZATION, bearer())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(
        ok.json(),
        json!({"editor": true, "user": null, "user_header": false})
    );
    // The real router: past the lock, to a route the editor has not added yet.
    let real = server
        .real(
            get_req("/api/content/regions/zwolle")
                .header(header::AUTHORIZATION, format!("bearer  {TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(real.status, StatusCode::NOT_FOUND);

    for wrong in [
        format!("Bearer {TOKEN}0"),
        "Bearer ".into(),
        format!("Bearer {}", &TOKEN[..31]),
    ] {
        let r = server
            .editor(
                get_req("/api/content/regions/zwolle")
                    .header(header::AUTHORIZATION, wrong.clone())
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{wrong}");
    }
    // A wrong Bearer is not rescued by a right cookie.
    let r = server
        .editor(
            get_req("/edit/regions/zwolle")
                .header(header::AUTHORIZATION, "Bearer nope")
                .header(header::COOKIE, cookie())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_link_sets_the_cookie_and_redirects_without_the_token() {
    let server = Server::new(options());
    let r = server
        .real(
            get_req(&format!(
                "/preview/factsheets/noord?x=1&token={TOKEN}&y=a%20b"
            ))
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.header(header::LOCATION),
        "/preview/factsheets/noord?x=1&y=a%20b"
    );
    let cookie = r.header(header::SET_COOKIE);
    let mut attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    assert_eq!(attributes.remove(0), format!("drukwerk-token-8000={TOKEN}"));
    attributes.sort();
    assert_eq!(attributes, ["HttpOnly", "Path=/", "SameSite=Strict"]);
    assert_eq!(r.header(header::CACHE_CONTROL), "no-store");
    assert_eq!(r.header(header::REFERRER_POLICY), "no-referrer");

    // Only the token: back to the bare path.
    let r = server
        .real(
            get_req(&format!("/?token={TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header(header::LOCATION), "/");

    // The cookie's name has the port: two servers on one machine keep their own.
    let other = Server::new(Options {
        port: 8001,
        ..options()
    });
    let r = other
        .real(
            get_req(&format!("/?token={TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        r.header(header::SET_COOKIE)
            .starts_with("drukwerk-token-8001=")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_link_is_401_and_sets_no_cookie() {
    let server = Server::new(options());
    for query in [
        "token=0123456789abcdef0123456789abcdeX",
        "token=",
        "token",
        &format!("token={TOKEN}&token=x"),
    ] {
        let r = server
            .real(get_req(&format!("/?{query}")).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{query}");
        assert!(!r.headers.contains_key(header::SET_COOKIE), "{query}");
        assert!(r.text().contains("hoort niet bij deze server"), "{query}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cookie_is_accepted_for_get() {
    let server = Server::new(options());
    for path in ["/edit/regions/zwolle", "/api/content/regions/zwolle"] {
        let ok = server
            .editor(
                get_req(path)
                    .header(header::COOKIE, format!("theme=dark; {}", cookie()))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(ok.status, StatusCode::OK, "{path}");
        assert_eq!(ok.json()["editor"], true);
        for wrong in [
            format!("drukwerk-token-8000={TOKEN}x"),
            // Another server's cookie (other port) does not open this one.
            format!("drukwerk-token-8001={TOKEN}"),
        ] {
            let r = server
                .editor(
                    get_req(path)
                        .header(header::COOKIE, wrong.clone())
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path} {wrong}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_must_name_this_server() {
    let server = Server::new(Options {
        allowed_hosts: vec!["drukwerk.intranet.example".into()],
        ..options()
    });
    let with_host = |host: &'static str, path: &'static str| {
        Request::get(path)
            .header(header::HOST, host)
            .header(header::AUTHORIZATION, bearer())
            .body(Body::empty())
            .unwrap()
    };
    for host in [
        "evil.example",
        "evil.example:8000",
        "localhost.evil.example",
        "127.0.0.1.evil.example",
        "192.168.1.20:8000",
        "",
        "localhost:8000:1",
    ] {
        for path in ["/", "/health", "/publication.pdf"] {
            let r = server.real(with_host(host, path)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{host} {path}");
        }
        let r = server
            .editor(with_host(host, "/api/content/regions/zwolle"))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{host}");
        assert!(
            r.json()["help"]
                .as_str()
                .unwrap()
                .contains("--allowed-host")
        );
    }
    for host in [
        "localhost:8000",
        "LOCALHOST",
        "127.0.0.1:8000",
        "[::1]:8000",
        "drukwerk.intranet.example",
        "drukwerk.intranet.example:443",
    ] {
        let r = server.real(with_host(host, "/health")).await;
        assert_eq!(r.status, StatusCode::OK, "{host}");
        let r = server
            .editor(with_host(host, "/api/content/regions/zwolle"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{host}");
    }
    // Two Host headers: refused.
    let r = server
        .real(
            Request::get("/health")
                .header(header::HOST, "localhost")
                .header(header::HOST, "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An absolute URL naming another server: refused even with a good Host.
    let r = server
        .real(
            Request::get("http://evil.example/health")
                .header(header::HOST, "localhost")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // No Host at all (HTTP/1.0): let through.
    let r = server
        .real(Request::get("/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cookie_write_needs_the_servers_own_origin() {
    let server = Server::new(options());
    let body = || Body::from(r#"{"version": "x", "fields": {}}"#);
    let uri = "/api/content/regions/zwolle";

    let mut no_origin = write("PUT", uri).body(body()).unwrap();
    no_origin.headers_mut().remove(header::ORIGIN);
    let r = server.editor(no_origin).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.json()["error"]
            .as_str()
            .unwrap()
            .contains("niet van een pagina")
    );

    for origin in [
        "http://evil.example",
        "http://localhost:8000.evil.example",
        "http://localhost:8001",
        "null",
        "localhost:8000",
    ] {
        for method in ["PUT", "POST", "DELETE"] {
            let mut request = write(method, uri).body(body()).unwrap();
            request
                .headers_mut()
                .insert(header::ORIGIN, origin.parse().unwrap());
            let r = server.editor(request).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{method} {origin}");
        }
    }

    for method in ["PUT", "POST", "DELETE"] {
        let r = server
            .editor(write(method, uri).body(body()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::OK, "{method}: {}", r.text());
        assert_eq!(r.json()["user"], Value::Null);
    }
    // Behind a proxy that ends TLS the page's origin is https.
    let mut request = write("PUT", uri).body(body()).unwrap();
    request
        .headers_mut()
        .insert(header::ORIGIN, "https://localhost:8000".parse().unwrap());
    assert_eq!(server.editor(request).await.status, StatusCode::OK);

    // With Bearer, no Origin is needed (no page of another site can set the header).
    let r = server
        .editor(
            Request::put(uri)
                .header(header::HOST, "localhost:8000")
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
                .body(body())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // Without any proof, a write is 401 before anything else is looked at.
    let r = server
        .editor(
            Request::put(uri)
                .header(header::HOST, "localhost:8000")
                .body(Body::from("x"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_must_be_json() {
    let server = Server::new(options());
    let uri = "/api/content/regions/zwolle";
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonx"),
    ] {
        let mut request = write("PUT", uri).body(Body::from("{}")).unwrap();
        match content_type {
            Some(t) => request
                .headers_mut()
                .insert(header::CONTENT_TYPE, t.parse().unwrap()),
            None => request.headers_mut().remove(header::CONTENT_TYPE),
        };
        let r = server.editor(request).await;
        assert_eq!(
            r.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
        assert!(r.json()["error"].as_str().unwrap().contains("JSON"));
    }
    // The refusal in the browser's language: Dutch unless it prefers English.
    for (languages, words) in [
        (None, "Een wijziging moet JSON zijn"),
        (
            Some("nl-NL,nl;q=0.9,en;q=0.8"),
            "Een wijziging moet JSON zijn",
        ),
        (Some("en-GB,en;q=0.9"), "A change must be JSON"),
    ] {
        let mut request = write("PUT", uri).body(Body::from("{}")).unwrap();
        request.headers_mut().remove(header::CONTENT_TYPE);
        if let Some(languages) = languages {
            request
                .headers_mut()
                .insert(header::ACCEPT_LANGUAGE, languages.parse().unwrap());
        }
        let r = server.editor(request).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let error = r.json()["error"].as_str().unwrap().to_string();
        assert!(error.starts_with(words), "{languages:?}: {error}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_8_mb_is_413_on_the_stream_too() {
    let server = Server::new(options());
    let uri = "/api/content/regions/zwolle";
    // A JSON string of `n` bytes in all.
    let json_of = |n: usize| {
        let mut text = String::with_capacity(n);
        text.push('"');
        text.extend(std::iter::repeat_n('x', n - 2));
        text.push('"');
        text
    };

    // Declared too long: refused before reading.
    let r = server
        .editor(
            write("PUT", uri)
                .header(header::CONTENT_LENGTH, LIMIT + 1)
                .body(Body::from(json_of(LIMIT + 1)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);

    // Chunked, no Content-Length: counted on the stream, also for a handler that reads the
    // stream itself.
    for (method, uri) in [("PUT", uri), ("POST", "/api/content/images")] {
        let chunks = (0..9).map(|_| Ok::<_, std::io::Error>(vec![b' '; 1 << 20]));
        let r = server
            .editor(
                write(method, uri)
                    .header(header::TRANSFER_ENCODING, "chunked")
                    .body(Body::from_stream(futures_util::stream::iter(chunks)))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}");

        // A Content-Length that lies (small) does not get more through.
        let r = server
            .editor(
                write(method, uri)
                    .header(header::CONTENT_LENGTH, 10)
                    .body(Body::from(json_of(LIMIT + 1)))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{uri}");
    }
    // The raw handler gets what was sent, up to the limit.
    let r = server
        .editor(
            write("POST", "/api/content/images")
                .body(Body::from(json_of(LIMIT)))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text(), LIMIT.to_string());

    // Exactly the limit passes, and reaches a handler that reads it with axum's `Json`
    // (whose own default limit is 2 MB).
    let r = server
        .editor(write("POST", uri).body(Body::from(json_of(LIMIT))).unwrap())
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["bytes"], LIMIT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_methods_and_bodies_are_refused_as_before() {
    let server = Server::new(options());
    for path in ["/", "/publication.pdf", "/api/regions", "/health"] {
        let r = server
            .real(
                Request::put(path)
                    .header(header::HOST, "localhost:8000")
                    .header(header::AUTHORIZATION, bearer())
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{}"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
        assert_eq!(r.header(header::ALLOW), "GET, HEAD");
    }
    // Not PATCH, not OPTIONS (no preflight is ever granted), even on the editor's API.
    for method in ["PATCH", "OPTIONS"] {
        let r = server
            .editor(
                Request::builder()
                    .method(method)
                    .uri("/api/content/regions/zwolle")
                    .header(header::HOST, "localhost:8000")
                    .header(header::AUTHORIZATION, bearer())
                    .header(header::ORIGIN, "http://evil.example")
                    .header("access-control-request-method", "PUT")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(r.header(header::ALLOW), "GET, HEAD, PUT, POST, DELETE");
    }
    // A GET with a body: 413 as before, also on the editor's API.
    let r = server
        .editor(
            get_req("/api/content/regions/zwolle")
                .header(header::AUTHORIZATION, bearer())
                .header(header::CONTENT_LENGTH, 2)
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn off_loopback_every_route_but_health_needs_the_token() {
    for host in ["0.0.0.0", "192.0.2.10"] {
        let server = Server::new(Options {
            host: host.into(),
            ..options()
        });
        assert!(!server.app.access.is_loopback());
        let own = if host == "0.0.0.0" {
            "127.0.0.1:8000"
        } else {
            "192.0.2.10:8000"
        };
        for path in ["/", "/publication.pdf", "/api/regions", "/events", "/site/"] {
            let r = server
                .real(
                    Request::get(path)
                        .header(header::HOST, own)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{host} {path}");
        }
        let pdf = server
            .real(
                Request::get("/publication.pdf")
                    .header(header::HOST, own)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert!(pdf.json()["error"].is_string());
        for auth in [
            (header::AUTHORIZATION, bearer()),
            (header::COOKIE, cookie()),
        ] {
            let r = server
                .real(
                    Request::get("/")
                        .header(header::HOST, own)
                        .header(auth.0.clone(), auth.1.clone())
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{host} {auth:?}");
        }
        // The token link works here too.
        let r = server
            .real(
                Request::get(format!("/?token={TOKEN}"))
                    .header(header::HOST, own)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // The stylesheet (for the refusal page) needs nothing.
        let r = server
            .real(
                Request::get("/assets/serve.css")
                    .header(header::HOST, own)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        // /health: no token, any Host (load balancers).
        for health_host in [own, "evil.example", "10.1.2.3:9000"] {
            let r = server
                .real(
                    Request::get("/health")
                        .header(header::HOST, health_host)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{host} {health_host}");
        }
        // Other routes still check the Host, token or not.
        let r = server
            .real(
                Request::get("/")
                    .header(header::HOST, "evil.example")
                    .header(header::AUTHORIZATION, bearer())
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{host}");
    }
    // Bound to 0.0.0.0, an IP address that is not this machine's is refused.
    let server = Server::new(Options {
        host: "0.0.0.0".into(),
        ..options()
    });
    let r = server
        .real(
            Request::get("/")
                .header(header::HOST, "203.0.113.7")
                .header(header::AUTHORIZATION, bearer())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

fn proxy_options() -> Options {
    Options {
        host: "0.0.0.0".into(),
        auth: AuthMode::Proxy {
            trusted: "10.0.0.1".parse().unwrap(),
            user_header: HeaderName::from_static("x-forwarded-user"),
        },
        allowed_hosts: vec!["drukwerk.intranet.example".into()],
        ..options()
    }
}

fn from_peer(peer: [u8; 4], request: axum::http::request::Builder, body: Body) -> Request<Body> {
    let mut request = request.body(body).unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((peer, 40000))));
    request
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proxys_user_header_counts_only_from_the_proxy() {
    let server = Server::new(proxy_options());
    let host = "drukwerk.intranet.example";
    let edit = |user: &str| {
        Request::get("/edit/regions/zwolle")
            .header(header::HOST, host)
            .header("x-forwarded-user", user)
    };

    let r = server
        .editor(from_peer(
            [10, 0, 0, 1],
            edit("j.jansen@example.nl"),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // The user name reaches the handler; the header itself does not.
    assert_eq!(
        r.json(),
        json!({"editor": true, "user": "j.jansen@example.nl", "user_header": false})
    );

    // The same header from anyone else: ignored, so 401.
    let r = server
        .editor(from_peer(
            [10, 0, 0, 2],
            edit("j.jansen@example.nl"),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let mut no_peer = edit("j.jansen@example.nl").body(Body::empty()).unwrap();
    no_peer.extensions_mut().remove::<ConnectInfo<SocketAddr>>();
    assert_eq!(
        server.editor(no_peer).await.status,
        StatusCode::UNAUTHORIZED
    );
    // ... also for reads: off loopback every route needs a proof.
    let r = server
        .real(from_peer(
            [10, 0, 0, 2],
            Request::get("/")
                .header(header::HOST, host)
                .header("x-forwarded-user", "jan"),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // From the proxy without the header: 401.
    let r = server
        .real(from_peer(
            [10, 0, 0, 1],
            Request::get("/").header(header::HOST, host),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.text().contains("aanmeldpagina"));
    // From the proxy with it: the pages open.
    let r = server
        .real(from_peer(
            [10, 0, 0, 1],
            Request::get("/")
                .header(header::HOST, host)
                .header("x-forwarded-user", "jan"),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);

    // A name that is not a name, or two of them: 401.
    for bad in ["", "   ", "Jan <jan@x>", &"x".repeat(300)] {
        let r = server
            .editor(from_peer([10, 0, 0, 1], edit(bad), Body::empty()))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad:?}");
    }
    let r = server
        .editor(from_peer(
            [10, 0, 0, 1],
            edit("jan").header("x-forwarded-user", "piet"),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // A write through the proxy: the browser's session is ambient, so the Origin counts.
    let put = |origin: Option<&str>| {
        let mut b = Request::put("/api/content/regions/zwolle")
            .header(header::HOST, host)
            .header("x-forwarded-user", "jan")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(origin) = origin {
            b = b.header(header::ORIGIN, origin);
        }
        from_peer([10, 0, 0, 1], b, Body::from("{}"))
    };
    assert_eq!(server.editor(put(None)).await.status, StatusCode::FORBIDDEN);
    let r = server
        .editor(put(Some("https://drukwerk.intranet.example")))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["user"], "jan");

    // The token still works (scripts on the machine), with no user name.
    let r = server
        .editor(from_peer(
            [10, 0, 0, 2],
            Request::get("/edit/regions/zwolle")
                .header(header::HOST, host)
                .header(header::AUTHORIZATION, bearer()),
            Body::empty(),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["user"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_has_no_editor_and_no_token() {
    let server = Server::new(Options {
        read_only: true,
        token: None,
        ..options()
    });
    assert!(!server.app.access.editor.is_on());
    assert!(server.app.access.editor.token().is_none());
    for (method, path) in [
        ("GET", "/edit/regions/zwolle"),
        ("GET", "/api/content/regions/zwolle"),
        ("PUT", "/api/content/regions/zwolle"),
        ("POST", "/api/content/regions"),
        ("DELETE", "/api/content/regions/zwolle"),
    ] {
        let r = server
            .editor(
                Request::builder()
                    .method(method)
                    .uri(path)
                    .header(header::HOST, "localhost:8000")
                    .header(header::AUTHORIZATION, bearer())
                    .header(header::ORIGIN, "http://localhost:8000")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{}"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
    }
    // No token anywhere on loopback, and a `token` parameter is just a parameter.
    for path in ["/", "/publication.pdf", "/api/regions", "/?token=abc"] {
        let r = server
            .real(get_req(path).body(Body::empty()).unwrap())
            .await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
    }
    // Served to the public (off loopback, no proxy): the reads are open, the editor absent.
    let public = Server::new(Options {
        host: "0.0.0.0".into(),
        read_only: true,
        token: None,
        ..options()
    });
    let r = public
        .real(
            Request::get("/")
                .header(header::HOST, "127.0.0.1")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = public
        .real(
            Request::get("/edit/regions/zwolle")
                .header(header::HOST, "127.0.0.1")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_random_token_is_made_when_none_is_given() {
    let project = Project::minimal();
    let workspace = Workspace::open(project.root()).unwrap();
    let a = serve::app(workspace.clone(), &Options::default());
    let b = serve::app(workspace, &Options::default());
    let (a, b) = (
        a.access.editor.token().unwrap().as_str().to_string(),
        b.access.editor.token().unwrap().as_str().to_string(),
    );
    assert_eq!(a.len(), 64);
    assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(a, b);
}

/// The real binary, started on a free port; its stderr lines up to and including the one
/// that starts with `until`.
struct Running {
    child: std::process::Child,
    lines: Vec<String>,
}

impl Running {
    fn start(project: &Project, args: &[&str], until: &str) -> Self {
        use std::io::{BufRead, BufReader};
        use std::process::{Command, Stdio};
        let mut child = Command::new(env!("CARGO_BIN_EXE_drukwerk"))
            .arg("--root")
            .arg(project.root())
            .args(["serve", "--port", "0", "--jobs", "1"])
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            if stderr.read_line(&mut line).unwrap() == 0 {
                let _ = child.kill();
                panic!("serve stopped: {lines:?}");
            }
            let done = line.starts_with(until);
            lines.push(line.trim_end().to_string());
            if done {
                break;
            }
        }
        Self { child, lines }
    }

    fn port(&self) -> u16 {
        let line = self
            .lines
            .iter()
            .find_map(|l| l.strip_prefix("Serving http://127.0.0.1:"))
            .unwrap();
        line.parse().unwrap()
    }

    /// One raw HTTP/1.1 exchange.
    fn send(&self, head: &str) -> String {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        write!(stream, "{head}Connection: close\r\n\r\n").unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_binary_prints_the_editors_link_and_checks_it_over_tcp() {
    let project = Project::minimal();
    let server = Running::start(&project, &[], "checked the content");
    let port = server.port();
    let link = server
        .lines
        .iter()
        .find_map(|l| l.strip_prefix("Bewerken: "))
        .unwrap_or_else(|| panic!("no editor link: {:?}", server.lines));
    let prefix = format!("http://127.0.0.1:{port}/?token=");
    let token = link
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{link}"));
    assert_eq!(token.len(), 64);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));

    let opened = server.send(&format!(
        "GET /?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    ));
    assert!(opened.starts_with("HTTP/1.1 303"), "{opened}");
    assert!(
        opened.contains(&format!(
            "set-cookie: drukwerk-token-{port}={token}; HttpOnly; SameSite=Strict; Path=/"
        )),
        "{opened}"
    );
    let edit = server.send("GET /edit/regions/noord HTTP/1.1\r\nHost: localhost\r\n");
    assert!(edit.starts_with("HTTP/1.1 401"), "{edit}");
    let rebinding = server.send("GET / HTTP/1.1\r\nHost: evil.example\r\n");
    assert!(rebinding.starts_with("HTTP/1.1 403"), "{rebinding}");
    let index = server.send("GET / HTTP/1.1\r\nHost: localhost\r\n");
    assert!(index.starts_with("HTTP/1.1 200"), "{index}");
}

#[test]
fn the_binary_believes_the_proxy_by_its_tcp_address() {
    let project = Project::minimal();
    let server = Running::start(
        &project,
        &["--auth", "proxy", "--trusted-proxy", "127.0.0.1"],
        "checked the content",
    );
    // Past the lock: the peer address reached the guard, and the editor answered.
    let with = server.send(
        "GET /api/content/regions/noord HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-User: jan\r\n",
    );
    assert!(with.starts_with("HTTP/1.1 200"), "{with}");
    assert!(
        with.contains("\"file\":\"content/regions/noord.toml\""),
        "{with}"
    );
    let without = server.send("GET /api/content/regions/noord HTTP/1.1\r\nHost: localhost\r\n");
    assert!(without.starts_with("HTTP/1.1 401"), "{without}");

    let elsewhere = Running::start(
        &project,
        &["--auth", "proxy", "--trusted-proxy", "10.0.0.1"],
        "checked the content",
    );
    let forged = elsewhere.send(
        "GET /api/content/regions/noord HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-User: jan\r\n",
    );
    assert!(forged.starts_with("HTTP/1.1 401"), "{forged}");
}

#[test]
fn the_binary_prints_no_link_when_read_only() {
    let project = Project::minimal();
    let server = Running::start(&project, &["--read-only"], "checked the content");
    assert!(
        server
            .lines
            .iter()
            .any(|l| l.starts_with("Serving http://")),
        "{:?}",
        server.lines
    );
    assert!(
        !server
            .lines
            .iter()
            .any(|l| l.contains("Bewerken") || l.contains("token")),
        "{:?}",
        server.lines
    );
    let edit = server.send("GET /edit/regions/noord HTTP/1.1\r\nHost: localhost\r\n");
    assert!(edit.starts_with("HTTP/1.1 404"), "{edit}");
}

#[test]
fn the_binary_reads_a_token_file_and_refuses_a_bad_one() {
    let project = Project::minimal();
    project.write("token.txt", "  abcdefghijklmnopqrstuvwxyz-0123\n");
    let path = project.root().join("token.txt");
    let path = path.to_str().unwrap();
    let server = Running::start(&project, &["--token-file", path], "Bewerken:");
    assert!(
        server
            .lines
            .last()
            .unwrap()
            .ends_with("/?token=abcdefghijklmnopqrstuvwxyz-0123"),
        "{:?}",
        server.lines
    );
    drop(server);

    for (text, expected) in [
        ("\n", "empty"),
        ("short-token", "at least 16"),
        ("abcdefghijklmnop qrstuvwxyz", "contains \" \""),
    ] {
        project.write("token.txt", text);
        let (code, stderr) = refused(&project, &["--token-file", path]);
        assert_eq!(code, 2, "{text:?}: {stderr}");
        assert!(stderr.contains(expected), "{text:?}: {stderr}");
    }
    let (code, stderr) = refused(&project, &["--token-file", "/nonexistent/t"]);
    assert_eq!(code, 2, "{stderr}");
    for args in [
        &["--read-only", "--token-file", path][..],
        &["--auth", "proxy"],
        &["--trusted-proxy", "10.0.0.1"],
        &["--user-header", "X-User"],
        &[
            "--auth",
            "proxy",
            "--trusted-proxy",
            "10.0.0.1",
            "--user-header",
            "a b",
        ],
        &["--allowed-host", "a b"],
    ] {
        let (code, stderr) = refused(&project, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
}

/// Runs `serve` with options it should refuse: its exit code and stderr. A server that starts
/// instead is stopped after a while, and the test fails rather than hangs.
fn refused(project: &Project, args: &[&str]) -> (i32, String) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_drukwerk"))
        .arg("--root")
        .arg(project.root())
        .args(["serve", "--port", "0"])
        .args(args)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve {args:?} started instead of refusing");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status.code().unwrap_or(-1), stderr)
}
