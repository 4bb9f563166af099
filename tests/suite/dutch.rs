//! No English reaches a Dutch reader: every command, every failing fixture and the pages of
//! `serve`, run in Dutch, print no English word — allowing only error codes, file and field
//! names, quoted user text and Typst's own messages (none of the runs here reach Typst's).
//!
//! The detector is a list of common English words that are not Dutch words ([`ENGLISH`]). Before
//! looking, what is allowed to be English is taken out: `[codes]`, `backticked` field names,
//! "quoted" names, paths and URLs, and option names (`--deny-warnings`).
//! The same runs in English must find those words (the detector is not blind).

use std::fs;
use std::path::Path;

use crate::common::{self, Project, Run, repo};

/// Words that are English and never Dutch (so not `was`, `been`, `layout`, `server`, `print`).
const ENGLISH: &[&str] = &[
    "the", "and", "cannot", "can't", "must", "should", "would", "could", "which", "with",
    "found", "expected", "missing", "unknown", "error", "errors", "warning", "warnings", "failed",
    "written", "have", "has", "were", "this", "that", "these", "those", "from", "into",
    "only", "when", "where", "there", "please", "page", "pages", "file", "files", "not", "does",
    "doesn't", "are", "than", "your", "you", "did", "mean", "region", "regions",
    "municipality", "municipalities", "figure", "figures", "built", "compiled", "checked", "nothing", "usage", "options", "commands", "help", "show", "read",
    "write", "writes", "save", "saved", "line", "column", "sheet", "cell", "value", "number",
    "whole", "without", "quotes", "field", "fields", "image", "images", "font", "fonts",
    "passes", "fails", "edition", "language", "edit",
];

/// Takes out what may be English in a Dutch text, then returns the English words left.
fn english_words(text: &str) -> Vec<String> {
    let mut cleaned = String::new();
    let mut chars = text.chars().peekable();
    // Drop `…`, "…", […] spans.
    while let Some(c) = chars.next() {
        let close = match c {
            '`' => Some('`'),
            '"' => Some('"'),
            '“' => Some('”'),
            '[' => Some(']'),
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
            || token.contains('.') && token.trim_end_matches(['.', ',', ':', ';', ')']).contains('.')
        {
            continue;
        }
        // Hyphenated tokens are codes or Dutch compounds, never English prose.
        if token.trim_matches(|c: char| !c.is_alphanumeric()).contains('-') {
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

/// The minimal fixture with `tests/fixtures/invalid/<name>` laid over it (as check_fixtures).
fn broken(name: &str) -> Project {
    let p = Project::minimal();
    let case = repo().join("tests/fixtures/invalid").join(name);
    if case.join("content").is_dir() {
        common::copy_dir(&case.join("content"), &p.root().join("content"));
    }
    if let Ok(list) = fs::read_to_string(case.join("remove")) {
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            let path = p.root().join(line.trim());
            if path.is_dir() {
                fs::remove_dir_all(&path).unwrap();
            } else {
                fs::remove_file(&path).unwrap();
            }
        }
    }
    p
}

#[test]
fn every_failing_fixture_is_reported_in_dutch_and_in_english() {
    let mut names: Vec<String> = fs::read_dir(repo().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let p = broken(&name);
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
        assert_dutch(&format!("{args:?}"), &output(&run));
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
    for args in [
        &["check", "--lang", "nl"][..],
        &["list", "--lang", "nl"],
        &["build", "--lang", "nl"],
        &["factsheet", "--lang", "nl", "noord"],
        &["factsheet", "--lang", "nl", "nord"],
        &["figures", "export", "--lang", "nl", "--output", "kerncijfers.csv"],
    ] {
        let run = p.run(args);
        assert_dutch(&format!("{args:?}"), &output(&run));
    }
    // The import of a sheet with a mistake in it.
    let sheet = p.root().join("kerncijfers.csv");
    let text = fs::read_to_string(&sheet).unwrap();
    let broken = text.replacen(|c: char| c.is_ascii_digit(), "x", 1);
    fs::write(&sheet, broken).unwrap();
    let run = p.run(&["figures", "import", "--lang", "nl", "kerncijfers.csv"]);
    assert_ne!(run.code, 0, "{}", output(&run));
    assert_dutch("figures import", &output(&run));
    // A municipal division that is not GeoJSON.
    fs::write(p.root().join("gemeenten.geojson"), "{}").unwrap();
    let run = p.run(&["geo", "import", "--lang", "nl", "gemeenten.geojson", "--year", "2026"]);
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
