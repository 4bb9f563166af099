//! The editor's API in process (`/api/content/…`, see docs/editor-api.md): reading with a
//! version, previews that write nothing and stay private, saves that change only the edited
//! value, conflicts and merges, racing saves, refusals with diagnostics at their field,
//! creating and deleting with references, ids that try to leave `content/`, read-only mode,
//! and a git commit per save.

use crate::common;

use std::process::Command;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::Project;
use drukwerk::serve::workspace::{Changes, Workspace};
use drukwerk::serve::{self, Options};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

struct Server {
    router: axum::Router,
    workspace: Arc<Workspace>,
}

struct Answer {
    status: StatusCode,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
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

    async fn send(&self, method: Method, uri: &str, body: Option<Value>) -> Answer {
        self.send_in(method, uri, body, None).await
    }

    /// [`Server::send`] from a browser asking for `languages` (`Accept-Language`).
    async fn send_in(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        languages: Option<&str>,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(uri);
        request = request.header("authorization", format!("Bearer {TOKEN}"));
        if let Some(languages) = languages {
            request = request.header("accept-language", languages);
        }
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => request.body(Body::empty()).unwrap(),
        };
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            body: body.to_vec(),
        }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Method::GET, uri, None).await
    }

    fn rebuild(&self) {
        self.workspace.rebuild(&Changes {
            rescan: true,
            ..Changes::default()
        });
    }
}

/// The editor's token in these tests (the security layer's own refusals are tested in
/// tests/suite/serve_auth.rs).
const TOKEN: &str = "editor-test-token-0123456789";

fn options() -> Options {
    Options {
        jobs: 2,
        git: false,
        token: Some(TOKEN.into()),
        ..Options::default()
    }
}

fn sha(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

const NOORD: &str = "content/regions/noord.toml";

/// The minimal fixture with comments and spacing in the region file that a save must keep.
fn project() -> Project {
    let project = Project::minimal();
    project.write(
        NOORD,
        "# Regio Noord: cijfers uit DUO, peildatum 1 oktober.\nid = \"noord\"\nname = \"Onderwijsregio Noord (po)\"   # zoals gepubliceerd\nsectors = [\"po\"]\nmunicipalities = [\"Groningen\", \"Het Hogeland\", \"Westerkwartier\"]\n\n[figures]\n# leerlingen in het po\nstudents = 12345\npo-boards = 12\n",
    );
    project
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_reads_as_fields_with_its_version() {
    let project = project();
    let server = Server::new(&project, options());
    let read = server.get("/api/content/regions/noord").await;
    assert_eq!(read.status, StatusCode::OK);
    let read = read.json();
    assert_eq!(read["version"], sha(&project.read(NOORD)));
    assert_eq!(read["file"], NOORD);
    assert_eq!(read["fields"]["name"], "Onderwijsregio Noord (po)");
    assert_eq!(read["fields"]["figures"]["students"], 12345);
    assert_eq!(read["referenced_by"][0]["id"], "noord-case");

    let publication = server.get("/api/content/publication").await.json();
    assert!(publication["fields"]["title"].is_string());

    let schema = server.get("/api/content/schema").await.json();
    let fields = schema["kinds"]["regions"]["fields"].as_array().unwrap();
    assert!(fields.iter().any(|f| f["key"] == "municipalities"
        && f["widget"] == "municipalities"
        && f["label"] == "Gemeenten"));
    let names = schema["choices"]["municipalities"].as_array().unwrap();
    assert!(names.len() > 300, "{}", names.len());
    assert!(names.iter().any(|n| n == "Zwolle"));
    assert_eq!(schema["choices"]["regions"][0]["id"], "noord");

    let geo = server.get("/api/content/geo").await.json();
    assert!(
        geo["municipalities"]["Groningen"]
            .as_str()
            .unwrap()
            .starts_with('M')
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preview_typesets_the_draft_writes_nothing_and_stays_private() {
    let project = project();
    let before = project.read(NOORD);
    let server = Server::new(&project, options());
    let mut fields = server.get("/api/content/regions/noord").await.json()["fields"].clone();
    fields["figures"]["students"] = json!(67890);
    let answer = server
        .send(
            Method::POST,
            "/api/content/regions/noord/preview",
            Some(json!({ "fields": fields, "draft": "test-draft" })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let drafted = answer.json();
    assert_eq!(drafted["diagnostics"], json!([]), "{drafted}");
    let pages = drafted["pages"].as_array().unwrap();
    assert_eq!(pages[0]["doc"], "factsheets/noord");
    assert_eq!(pages[1]["doc"], "publication");
    let sheet = pages[0]["hashes"][0].as_str().unwrap();
    let region_page = pages[1]["hashes"].as_array().unwrap();
    assert_eq!(region_page.len(), 1, "{drafted}");

    // The draft's page shows the new figure, in Dutch notation.
    let svg = server
        .get(&format!("/api/content/drafts/pages/{sheet}.svg"))
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    let svg_text = String::from_utf8_lossy(&svg.body).into_owned();
    assert!(svg_text.contains("<svg"), "{svg_text:.200}");

    // Nothing written, and the shared preview and PDFs still show the file on disk.
    assert_eq!(project.read(NOORD), before);
    let shared = server.get("/api/preview/factsheets/noord").await.json();
    let hashes: Vec<&str> = shared["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["hash"].as_str())
        .collect();
    assert!(
        !hashes.contains(&sheet),
        "the draft leaked into the shared preview"
    );
    let pdf = server.get("/factsheets/noord.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    let text = common::Pdf {
        doc: lopdf::Document::load_mem(&pdf.body).unwrap(),
    }
    .text();
    assert!(text.contains("12.345"), "{text}");
    assert!(!text.contains("67.890"));

    // A draft's pages are only found by their hash.
    let missing = server
        .get("/api/content/drafts/pages/00000000000000000000000000000000.svg")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_come_back_at_their_field_with_checks_words() {
    let project = project();
    let server = Server::new(&project, options());
    let read = server.get("/api/content/regions/noord").await.json();
    let mut fields = read["fields"].clone();
    fields["municipalities"] = json!(["Groningen", "Zwole", "Westerkwartier"]);
    let drafted = server
        .send(
            Method::POST,
            "/api/content/regions/noord/preview",
            Some(json!({ "fields": fields.clone() })),
        )
        .await
        .json();
    let diagnostic = drafted["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-municipality")
        .unwrap_or_else(|| panic!("{drafted}"))
        .clone();
    assert_eq!(diagnostic["field"], "municipalities[1]");
    assert_eq!(diagnostic["file"], NOORD);
    assert_eq!(diagnostic["line"], 5);
    assert!(
        diagnostic["help"][0].as_str().unwrap().contains("Zwolle"),
        "{diagnostic}"
    );
    assert_eq!(drafted["pages"], json!([]));

    // A save with the error is refused with the same diagnostic, and writes nothing.
    let before = project.read(NOORD);
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": read["version"], "fields": fields })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = answer.json();
    assert!(
        refused["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unknown-municipality" && d["field"] == "municipalities[1]"),
        "{refused}"
    );
    assert_eq!(project.read(NOORD), before);

    // Text typed into a number: check's words, at the figure.
    let mut fields = read["fields"].clone();
    fields["figures"]["students"] = json!("veel");
    let drafted = server
        .send(
            Method::POST,
            "/api/content/regions/noord/preview",
            Some(json!({ "fields": fields })),
        )
        .await
        .json();
    let wrong = &drafted["diagnostics"][0];
    assert_eq!(wrong["code"], "wrong-type", "{drafted}");
    assert_eq!(wrong["field"], "figures.students");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_changes_only_the_edited_value() {
    let project = project();
    let before = project.read(NOORD);
    let server = Server::new(&project, options());
    let read = server.get("/api/content/regions/noord").await.json();
    let mut fields = read["fields"].clone();
    fields["figures"]["students"] = json!(13000);
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": read["version"], "fields": fields })),
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let saved = answer.json();
    let after = project.read(NOORD);
    assert_eq!(
        after,
        before.replace("students = 12345", "students = 13000")
    );
    assert_eq!(saved["version"], sha(&after));
    assert_eq!(saved["changed"], json!(["figures.students"]));

    // The next save starts from the new version.
    let mut fields = server.get("/api/content/regions/noord").await.json()["fields"].clone();
    fields["name"] = json!("Onderwijsregio Noord");
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": saved["version"], "fields": fields })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        project.read(NOORD),
        after.replace(
            "\"Onderwijsregio Noord (po)\"   #",
            "\"Onderwijsregio Noord\"   #"
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_over_a_changed_file_merges_or_shows_the_conflict() {
    let project = project();
    let server = Server::new(&project, options());
    let read = server.get("/api/content/regions/noord").await.json();
    let version = read["version"].clone();

    // Someone changes the name in a text editor meanwhile.
    let theirs = project
        .read(NOORD)
        .replace("Onderwijsregio Noord (po)", "Regio Noord");
    project.write(NOORD, &theirs);

    // Our save of a figure does not overwrite it: 409 with the merge of both.
    let mut fields = read["fields"].clone();
    fields["figures"]["students"] = json!(13000);
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": version, "fields": fields.clone() })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    let conflict = answer.json();
    assert_eq!(project.read(NOORD), theirs, "the file was overwritten");
    assert_eq!(conflict["version"], sha(&theirs));
    assert_eq!(conflict["fields"]["name"], "Regio Noord");
    assert_eq!(conflict["merged"]["name"], "Regio Noord");
    assert_eq!(conflict["merged"]["figures"]["students"], 13000);
    assert_eq!(conflict["conflicts"], json!([]));

    // Saving the merge with the new version works, and keeps both changes.
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": conflict["version"], "fields": conflict["merged"] })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = project.read(NOORD);
    assert!(
        text.contains("name = \"Regio Noord\"   # zoals gepubliceerd"),
        "{text}"
    );
    assert!(text.contains("students = 13000"));

    // Both changed the same figure: a conflict with both values.
    let read = server.get("/api/content/regions/noord").await.json();
    project.write(NOORD, &text.replace("students = 13000", "students = 14000"));
    let mut fields = read["fields"].clone();
    fields["figures"]["students"] = json!(15000);
    let conflict = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": read["version"], "fields": fields })),
        )
        .await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let conflict = conflict.json();
    assert_eq!(
        conflict["conflicts"],
        json!([{ "field": "figures.students", "base": 13000, "mine": 15000, "theirs": 14000 }])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_racing_saves_on_one_version_one_wins() {
    let project = project();
    let server = Arc::new(Server::new(&project, options()));
    let read = server.get("/api/content/regions/noord").await.json();
    let mut handles = Vec::new();
    for students in [20000, 30000] {
        let server = server.clone();
        let mut fields = read["fields"].clone();
        fields["figures"]["students"] = json!(students);
        let version = read["version"].clone();
        handles.push(tokio::spawn(async move {
            server
                .send(
                    Method::PUT,
                    "/api/content/regions/noord",
                    Some(json!({ "version": version, "fields": fields })),
                )
                .await
                .status
        }));
    }
    let mut statuses = Vec::new();
    for handle in handles {
        statuses.push(handle.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let text = project.read(NOORD);
    assert!(
        text.contains("students = 20000") != text.contains("students = 30000"),
        "{text}"
    );
}

/// The schema, the 409 of an id that exists and the 422 of content with errors in the
/// browser's language: Dutch unless it prefers English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_answers_in_the_browsers_language() {
    let project = project();
    let server = Server::new(&project, options());
    const EN: Option<&str> = Some("en-GB,en;q=0.9");
    for (languages, region, name, sector) in [
        (None, "Regio", "Naam", "Primair onderwijs"),
        (Some("nl-NL"), "Regio", "Naam", "Primair onderwijs"),
        (EN, "Region", "Name", "Primary education (po)"),
    ] {
        let schema = server
            .send_in(Method::GET, "/api/content/schema", None, languages)
            .await
            .json();
        let kind = &schema["kinds"]["regions"];
        assert_eq!(kind["label"], region, "{languages:?}");
        let field = kind["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "name")
            .unwrap();
        assert_eq!(field["label"], name);
        assert_eq!(schema["choices"]["sectors"][0]["label"], sector);
    }

    let fields = server.get("/api/content/regions/noord").await.json()["fields"].clone();
    let exists = json!({ "id": "noord", "fields": fields.clone() });
    let nl = server
        .send(Method::POST, "/api/content/regions", Some(exists.clone()))
        .await;
    assert_eq!(nl.status, StatusCode::CONFLICT);
    assert_eq!(nl.json()["error"], "er is al een regio met id \"noord\"");
    let en = server
        .send_in(Method::POST, "/api/content/regions", Some(exists), EN)
        .await;
    assert_eq!(
        en.json()["error"],
        "there already is a region with id \"noord\""
    );

    let bad = json!({ "id": "Noord West", "fields": fields.clone() });
    let nl = server
        .send(Method::POST, "/api/content/regions", Some(bad.clone()))
        .await;
    assert_eq!(nl.status, StatusCode::UNPROCESSABLE_ENTITY);
    let nl = nl.json();
    assert_eq!(nl["error"], "de inhoud heeft fouten");
    assert_eq!(
        nl["diagnostics"][0]["message"],
        "\"Noord West\" is geen geldige id"
    );
    let en = server
        .send_in(Method::POST, "/api/content/regions", Some(bad), EN)
        .await
        .json();
    assert_eq!(en["error"], "the content has errors");
    assert_eq!(
        en["diagnostics"][0]["message"],
        "\"Noord West\" is not a valid id"
    );

    let missing = server
        .send_in(Method::GET, "/api/content/regions/west", None, EN)
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"], "no region with id \"west\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_and_delete_follow_the_same_rules() {
    let project = project();
    let server = Server::new(&project, options());

    // A new region, with the shipped layout.
    let fields = json!({
        "name": "Onderwijsregio West",
        "sectors": ["vo"],
        "municipalities": ["Leiden", "Katwijk"],
        "figures": { "students": 500, "po-boards": 0 },
    });
    let answer = server
        .send(
            Method::POST,
            "/api/content/regions",
            Some(json!({ "id": "west", "fields": fields.clone() })),
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let created = answer.json();
    assert_eq!(created["file"], "content/regions/west.toml");
    let text = project.read("content/regions/west.toml");
    assert!(
        text.starts_with("id = \"west\"\nname = \"Onderwijsregio West\"\n"),
        "{text}"
    );
    assert!(text.contains("[figures]\nstudents = 500\n"), "{text}");

    // The same id again: refused, nothing overwritten.
    let again = server
        .send(
            Method::POST,
            "/api/content/regions",
            Some(json!({ "id": "west", "fields": fields.clone() })),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    // An id check refuses: the same rule as `check`.
    let bad = server
        .send(
            Method::POST,
            "/api/content/regions",
            Some(json!({ "id": "West Holland", "fields": fields.clone() })),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A case gets the next number.
    let case = server
        .send(
            Method::POST,
            "/api/content/cases",
            Some(json!({ "id": "west-case", "fields": {
                "kind": "story", "theme": "samenwerken", "region": "west",
                "title": "West", "summary": "Kort.", "body": "Lang."
            } })),
        )
        .await;
    assert_eq!(
        case.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&case.body)
    );
    assert_eq!(case.json()["file"], "content/cases/02-west-case.toml");

    // Deleting a region a case refers to: refused, naming the case.
    let noord = server.get("/api/content/regions/noord").await.json();
    let refused = server
        .send(
            Method::DELETE,
            "/api/content/regions/noord",
            Some(json!({ "version": noord["version"] })),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.json();
    assert!(
        refused["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "content/cases/01-noord.toml"),
        "{refused}"
    );
    assert!(project.root().join(NOORD).exists());

    // Deleting with an old version is refused; with the current one it goes.
    let case_read = server.get("/api/content/cases/west-case").await.json();
    let stale = server
        .send(
            Method::DELETE,
            "/api/content/cases/west-case",
            Some(json!({ "version": sha("something else") })),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let gone = server
        .send(
            Method::DELETE,
            "/api/content/cases/west-case",
            Some(json!({ "version": case_read["version"] })),
        )
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    assert!(
        !project
            .root()
            .join("content/cases/02-west-case.toml")
            .exists()
    );
    server.rebuild();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_never_leave_content() {
    let project = project();
    let server = Server::new(&project, options());
    for uri in [
        "/api/content/regions/..%2F..%2Fetc%2Fpasswd",
        "/api/content/regions/%2e%2e",
        "/api/content/regions/Noord",
        "/api/content/regions/noord.toml",
        "/api/content/..%2Fregions/noord",
        "/api/content/layouts/style",
        "/api/content/regions/noord/history/HEAD",
    ] {
        let answer = server.get(uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
    }
    let answer = server
        .send(
            Method::POST,
            "/api/content/regions",
            Some(json!({ "id": "../../evil", "fields": {} })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!project.root().join("evil.toml").exists());
    // A file that names an id not its own is found by its id, not by its file name.
    project.write(
        "content/regions/elsewhere.toml",
        &project
            .read(NOORD)
            .replace("id = \"noord\"", "id = \"oost\""),
    );
    let read = server.get("/api/content/regions/oost").await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["file"], "content/regions/elsewhere.toml");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_only_has_no_editor() {
    let project = project();
    let server = Server::new(
        &project,
        Options {
            read_only: true,
            ..options()
        },
    );
    assert_eq!(
        server.get("/api/content/regions/noord").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        server.get("/api/content/schema").await.status,
        StatusCode::NOT_FOUND
    );
    let before = project.read(NOORD);
    let put = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": sha(&before), "fields": {} })),
        )
        .await;
    assert_eq!(put.status, StatusCode::NOT_FOUND);
    assert_eq!(project.read(NOORD), before);
}

fn git(root: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_save_is_a_commit_of_just_that_file() {
    let project = project();
    let root = project.root();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.name", "Redactie"]);
    git(root, &["config", "user.email", "redactie@example.org"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "start"]);
    // Work in progress elsewhere, staged and unstaged: left alone by a save.
    project.write(
        "content/regions/zuid.toml",
        &project
            .read("content/regions/zuid.toml")
            .replace("1000", "1001"),
    );
    project.write("content/notes.txt", "staged notes");
    git(root, &["add", "content/notes.txt"]);

    let server = Server::new(
        &project,
        Options {
            git: true,
            ..options()
        },
    );
    let read = server.get("/api/content/regions/noord").await.json();
    let mut fields = read["fields"].clone();
    fields["figures"]["students"] = json!(13000);
    let answer = server
        .send(
            Method::PUT,
            "/api/content/regions/noord",
            Some(json!({ "version": read["version"], "fields": fields })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["committed"], true);

    let log = git(root, &["log", "--format=%an|%s", "-n", "1"]);
    assert_eq!(
        log.trim(),
        "Redactie|Regio noord: figures.students gewijzigd"
    );
    let files = git(root, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), NOORD);
    let status = git(root, &["status", "--porcelain"]);
    assert!(status.contains(" M content/regions/zuid.toml"), "{status}");
    assert!(status.contains("A  content/notes.txt"), "{status}");

    // The history lists it, and an earlier version can be read back.
    let history = server
        .get("/api/content/regions/noord/history")
        .await
        .json();
    let entries = history["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{history}");
    let first = entries[1]["commit"].as_str().unwrap();
    let old = server
        .get(&format!("/api/content/regions/noord/history/{first}"))
        .await
        .json();
    assert_eq!(old["fields"]["figures"]["students"], 12345);
}
