//! No English reaches a Dutch reader: every command, every failing fixture and the pages of
//! `serve`, run in Dutch, print no English word — allowing only error codes, file and field
//! names, quoted user text and Typst's own messages (none of the runs here reach Typst's).
//!
//! The detector is a list of common English words that are not Dutch words ([`ENGLISH`]). Before
//! looking, what is allowed to be English is taken out: `[codes]`, `backticked` field names,
//! `{placeholders}` of the pages' scripts, the lines of source excerpts,
//! "quoted" names, paths and URLs, and option names (`--deny-warnings`).
//! The same runs in English must find those words (the detector is not blind).

use std::fs;
use std::path::Path;

use crate::common::{self, Project, Run, repo};

/// Words that are English and never Dutch (so not `was`, `been`, `layout`, `server`, `print`).
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "cannot",
    "can't",
    "must",
    "should",
    "would",
    "could",
    "which",
    "with",
    "found",
    "expected",
    "missing",
    "unknown",
    "error",
    "errors",
    "warning",
    "warnings",
    "failed",
    "written",
    "have",
    "has",
    "were",
    "this",
    "that",
    "these",
    "those",
    "from",
    "into",
    "only",
    "when",
    "where",
    "there",
    "please",
    "page",
    "pages",
    "file",
    "files",
    "not",
    "does",
    "doesn't",
    "are",
    "than",
    "your",
    "you",
    "did",
    "mean",
    "region",
    "regions",
    "municipality",
    "municipalities",
    "figure",
    "figures",
    "built",
    "compiled",
    "checked",
    "nothing",
    "usage",
    "options",
    "commands",
    "help",
    "show",
    "read",
    "write",
    "writes",
    "save",
    "saved",
    "line",
    "column",
    "sheet",
    "cell",
    "value",
    "number",
    "whole",
    "without",
    "quotes",
    "field",
    "fields",
    "image",
    "images",
    "font",
    "fonts",
    "passes",
    "fails",
    "edition",
    "language",
    "edit",
];

/// Takes out what may be English in a Dutch text, then returns the English words left.
fn english_words(text: &str) -> Vec<String> {
    // The lines of a source excerpt (`4 │ municipalities = […]`) are the user's own file.
    let text: String = text
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            !(digits > 0 && line[digits..].trim_start().starts_with('│'))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut cleaned = String::new();
    let mut chars = text.chars().peekable();
    // Drop `…`, "…", […] spans.
    while let Some(c) = chars.next() {
        let close = match c {
            '`' => Some('`'),
            '"' => Some('"'),
            '“' => Some('”'),
            '[' => Some(']'),
            // A script's placeholder (`{field}`), filled in by the page.
            '{' => Some('}'),
            _ => None,
        };
        match close {
            Some(close) => {
                for d in chars.by_ref() {
                    if d == close || d == '\n' {
                        break;
                    }
                }
                cleaned.push(' ');
            }
            None => cleaned.push(c),
        }
    }
    let mut found = Vec::new();
    for token in cleaned.split_whitespace() {
        // Paths, URLs, options, ids with hyphens, file names: not prose.
        if token.contains('/')
            || token.contains("://")
            || token.starts_with('-')
            || token.contains('_')
            || token.contains('=')
            || token.contains('.')
                && token
                    .trim_end_matches(['.', ',', ':', ';', ')'])
                    .contains('.')
        {
            continue;
        }
        // Hyphenated tokens are codes or Dutch compounds, never English prose.
        if token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .contains('-')
        {
            continue;
        }
        let word: String = token
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        if ENGLISH.contains(&word.as_str()) {
            found.push(word);
        }
    }
    found
}

fn assert_dutch(what: &str, text: &str) {
    let english = english_words(text);
    assert!(
        english.is_empty(),
        "{what}: English words {english:?} in Dutch output:\n{text}"
    );
}

fn output(run: &Run) -> String {
    format!("{}\n{}", run.stdout, run.stderr)
}

#[test]
fn the_detector_finds_english_and_lets_codes_names_and_paths_through() {
    assert_eq!(
        english_words("error[unknown-municipality]: unknown municipality \"Zwole\""),
        ["error", "unknown", "municipality"]
    );
    assert!(
        english_words(
            "fout[unknown-municipality]: onbekende gemeente \"Zwole\"\n  ┌─ content/regions/noord.toml:4:3\n  = tip: bedoelde u \"Zwolle\"? Zie `municipalities` en --deny-warnings"
        )
        .is_empty()
    );
}

#[test]
fn every_failing_fixture_is_reported_in_dutch_and_in_english() {
    let mut names: Vec<String> = fs::read_dir(repo().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let p = crate::check_fixtures::project(&name);
        for format in ["human", "json"] {
            let nl = p.run(&["check", "--lang", "nl", "--format", format]);
            let text = output(&nl);
            if format == "json" {
                // Only the texts, not the JSON keys ("file", "help", …).
                for line in nl.stdout.lines() {
                    let value: serde_json::Value = serde_json::from_str(line).unwrap();
                    let mut texts = vec![value["message"].as_str().unwrap_or_default().to_string()];
                    for key in ["help", "notes"] {
                        for item in value[key].as_array().into_iter().flatten() {
                            texts.push(item.as_str().unwrap_or_default().to_string());
                        }
                    }
                    assert_dutch(&format!("{name} (json)"), &texts.join("\n"));
                }
                assert_dutch(&format!("{name} (json, stderr)"), &nl.stderr);
            } else {
                assert_dutch(&name, &text);
            }
        }
        // The detector is not blind: the same mistake in English is English.
        let en = p.run(&["check", "--lang", "en"]);
        assert!(
            !english_words(&output(&en)).is_empty(),
            "{name}: no English found in the English output:\n{}",
            output(&en)
        );
    }
}

#[test]
fn the_help_of_every_command_is_dutch() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["factsheet", "--help"],
        &["check", "--help"],
        &["list", "--help"],
        &["serve", "--help"],
        &["preflight", "--help"],
        &["figures", "--help"],
        &["figures", "export", "--help"],
        &["figures", "import", "--help"],
        &["geo", "--help"],
        &["geo", "import", "--help"],
    ] {
        let mut all = vec!["--lang", "nl"];
        all.extend_from_slice(args);
        let run = common::run_at(dir.path(), &all);
        assert_eq!(run.code, 0, "{args:?}: {}", output(&run));
        // The list of commands names them as they are typed (`figures`, `help`), as does the
        // usage line: not prose.
        let text: String = output(&run)
            .lines()
            .filter(|line| !line.starts_with("Gebruik:"))
            .map(|line| match line.strip_prefix("  ") {
                Some(entry) if !entry.starts_with(' ') && !entry.starts_with('-') => entry
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest),
                _ => line,
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_dutch(&format!("{args:?}"), &text);
    }
    for args in [
        &["--lang", "nl", "bouw"][..],
        &["--lang", "nl", "build", "--profiel", "web"],
        &["--lang", "nl", "build", "--profile", "papier"],
    ] {
        let run = common::run_at(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", output(&run));
        assert_dutch(&format!("{args:?}"), &output(&run));
    }
}

#[test]
fn building_listing_and_checking_a_project_speak_dutch() {
    let p = Project::minimal();
    let sheet = p.root().join("kerncijfers.csv");
    let sheet_arg = sheet.to_str().unwrap();
    for args in [
        &["check", "--lang", "nl"][..],
        &["list", "--lang", "nl"],
        &["build", "--lang", "nl"],
        &["factsheet", "--lang", "nl", "noord"],
        &["factsheet", "--lang", "nl", "nord"],
        &["figures", "export", "--lang", "nl", sheet_arg],
    ] {
        let run = p.run(args);
        assert_dutch(&format!("{args:?}"), &output(&run));
    }
    // The import of a sheet with a mistake in it.
    let text = fs::read_to_string(&sheet).unwrap();
    let broken = text.replacen(|c: char| c.is_ascii_digit(), "x", 1);
    fs::write(&sheet, broken).unwrap();
    let run = p.run(&["figures", "import", "--lang", "nl", sheet_arg]);
    assert_ne!(run.code, 0, "{}", output(&run));
    assert_dutch("figures import", &output(&run));
    // A municipal division that is not GeoJSON.
    let geojson = p.root().join("gemeenten.geojson");
    fs::write(&geojson, "{}").unwrap();
    let run = p.run(&[
        "geo",
        "import",
        "--lang",
        "nl",
        geojson.to_str().unwrap(),
        "--year",
        "2026",
    ]);
    assert_ne!(run.code, 0, "{}", output(&run));
    assert_dutch("geo import", &output(&run));
    // The preflight of a web PDF, which is not PDF/X-4.
    let pdf = find_pdf(&p.root().join("out"));
    let run = p.run(&["preflight", "--lang", "nl", pdf.to_str().unwrap()]);
    assert_ne!(run.code, 0, "{}", output(&run));
    assert_dutch("preflight", &output(&run));
}

fn find_pdf(dir: &Path) -> std::path::PathBuf {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        if path.extension().is_some_and(|e| e == "pdf") {
            return path;
        }
    }
    panic!("no PDF in {}", dir.display())
}

/// The visible text of an HTML page, and the texts its scripts are given: tags, scripts and
/// styles taken out, the `texts` data's values kept.
fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let tail = &rest[start..];
        let lower = tail.get(..8).unwrap_or(tail).to_ascii_lowercase();
        let close = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else {
            ">"
        };
        let end = tail.find(close).map_or(tail.len(), |e| e + close.len());
        let element = &tail[..end];
        if close == "</script>" && element.contains("application/json") {
            // The scripts' texts: every string value is text a reader sees.
            let body = element
                .split_once('>')
                .map_or("", |(_, b)| b)
                .trim_end_matches("</script>");
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(body) {
                strings(&value, &mut out);
            }
        }
        // Attributes a reader meets: alt, title, aria-label, placeholder.
        if close == ">" {
            for attribute in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
                if let Some(at) = element.find(attribute) {
                    let value = &element[at + attribute.len()..];
                    out.push_str(value.split('"').next().unwrap_or_default());
                    out.push('\n');
                }
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// Every string in a JSON value, one per line.
fn strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_of_serve_speak_dutch_to_a_dutch_browser() {
    use axum::body::Body;
    use axum::http::{Request, header};
    use drukwerk::serve::workspace::Workspace;
    use drukwerk::serve::{self, Options};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";
    let project = Project::minimal();
    // A misspelt municipality, so the pages show a diagnostic (the overlay's text).
    let region = project.read("content/regions/noord.toml");
    let first = region.find("municipalities").unwrap();
    let quote = first + region[first..].find('"').unwrap() + 1;
    let broken = format!("{}X{}", &region[..quote], &region[quote..]);
    project.write("content/regions/noord.toml", &broken);
    let workspace = Workspace::open(project.root()).unwrap();
    let app = serve::app(
        workspace.clone(),
        &Options {
            jobs: 1,
            token: Some(TOKEN.to_string()),
            ..Options::default()
        },
    );
    let router = serve::http::router(app);
    let get = |uri: &'static str, languages: &'static str| {
        let router = router.clone();
        async move {
            let request = Request::get(uri)
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .header(header::ACCEPT_LANGUAGE, languages)
                .body(Body::empty())
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            String::from_utf8_lossy(&body).into_owned()
        }
    };
    let pages = [
        "/",
        "/preview/publication",
        "/preview/factsheets/noord",
        "/preview/factsheets/nord",
        "/edit/regions/noord",
        "/edit/cases/noord-case",
        "/edit/publication",
    ];
    for uri in pages {
        let nl = page_text(&get(uri, "nl-NL,nl;q=0.9,en;q=0.5").await);
        assert_dutch(uri, &nl);
        let en = page_text(&get(uri, "en-GB,en;q=0.9").await);
        assert!(
            !english_words(&en).is_empty(),
            "{uri}: no English for an English browser:\n{en}"
        );
    }
    for uri in ["/api/content/schema", "/api/diagnostics"] {
        let body = get(uri, "nl").await;
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        let mut texts = String::new();
        strings(&value, &mut texts);
        // Field names and ids are keys' values too: keep only what reads as a sentence or label.
        let prose: String = texts
            .lines()
            .filter(|l| l.contains(' '))
            .collect::<Vec<_>>()
            .join("\n");
        assert_dutch(uri, &prose);
    }
}
