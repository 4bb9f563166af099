//! Every kind of content mistake, as a fixture project run through the real binary, with its
//! exact output snapshotted in English and in Dutch (`tests/suite/snapshots/`, `<name>` and
//! `<name>_nl`). Snapshots change only on request:
//! `INSTA_UPDATE=always cargo test --test suite -- check_fixtures::`, then review the diff.

use crate::common;

use std::fs;
use std::path::Path;

use common::{Project, copy_dir, repo};

/// The minimal fixture with `tests/fixtures/invalid/<name>` laid over it: its `content/` files
/// replace or add files, and the paths listed in its `remove` file are deleted.
pub(crate) fn project(name: &str) -> Project {
    let p = Project::minimal();
    let case = repo().join("tests/fixtures/invalid").join(name);
    if case.join("content").is_dir() {
        copy_dir(&case.join("content"), &p.root().join("content"));
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

fn check(name: &str, extra: &[&str]) -> String {
    check_in("en", name, extra)
}

/// `check` on a fixture in a language (`--lang`), as the snapshots show it.
fn check_in(lang: &str, name: &str, extra: &[&str]) -> String {
    let p = project(name);
    let mut args = vec!["--lang", lang, "check"];
    args.extend_from_slice(extra);
    let run = p.run(&args);
    format!(
        "exit code: {}\n--- stderr\n{}--- stdout\n{}",
        run.code, run.stderr, run.stdout
    )
}

#[test]
fn every_fixture_has_a_snapshot() {
    let dir = repo().join("tests/fixtures/invalid");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        for suffix in ["", "_nl"] {
            let snapshot = repo().join(format!(
                "tests/suite/snapshots/suite__check_fixtures__{}{suffix}.snap",
                name.replace('-', "_")
            ));
            assert!(
                Path::new(&snapshot).is_file(),
                "fixture {name} has no test/snapshot ({})",
                snapshot.display()
            );
        }
    }
}

macro_rules! fixture {
    ($test:ident, $name:literal, $code:expr) => {
        #[test]
        fn $test() {
            for (lang, snapshot) in [
                ("en", stringify!($test)),
                ("nl", concat!(stringify!($test), "_nl")),
            ] {
                let output = check_in(lang, $name, &[]);
                assert!(
                    output.starts_with(&format!("exit code: {}\n", $code)),
                    "{output}"
                );
                assert!(!output.contains("panicked"), "{output}");
                insta::assert_snapshot!(snapshot, output);
            }
        }
    };
}

fixture!(toml_syntax, "toml-syntax", 1);
fixture!(unknown_field, "unknown-field", 1);
fixture!(wrong_type, "wrong-type", 1);
fixture!(missing_field, "missing-field", 1);
fixture!(duplicate_id, "duplicate-id", 1);
fixture!(unknown_reference, "unknown-reference", 1);
fixture!(municipalities, "municipalities", 1);
fixture!(data_quality, "data-quality", 0);
fixture!(allow, "allow", 1);
fixture!(not_utf8, "not-utf8", 1);
fixture!(empty_file, "empty-file", 1);
fixture!(missing_publication, "missing-publication", 1);
fixture!(empty_content, "empty-content", 1);
fixture!(image_paths, "image-paths", 1);
fixture!(bad_values, "bad-values", 1);
fixture!(empty_text, "empty-text", 1);
fixture!(empty_publication, "empty-publication", 1);
fixture!(geography, "geography", 1);
fixture!(no_geography, "no-geography", 1);

#[test]
fn warnings_fail_under_deny_warnings() {
    let output = check("data-quality", &["--deny-warnings"]);
    assert!(output.starts_with("exit code: 1\n"), "{output}");
}

#[test]
fn json_format_gives_one_object_per_diagnostic() {
    let p = project("municipalities");
    let run = p.run(&["--format", "json", "check"]);
    assert_eq!(run.code, 1);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let veendaal = lines
        .iter()
        .find(|d| d["message"].as_str().unwrap_or("").contains("Veendaal"))
        .expect("Veendaal is reported");
    assert_eq!(veendaal["severity"], "error");
    assert_eq!(veendaal["code"], "unknown-municipality");
    assert_eq!(veendaal["file"], "content/regions/noord.toml");
    assert_eq!(veendaal["line"], 6);
    assert_eq!(veendaal["column"], 3);
    assert!(veendaal["help"][0].as_str().unwrap().contains("Veenendaal"));
}

#[test]
fn json_format_follows_the_language_and_keeps_its_fields() {
    let p = project("municipalities");
    let objects = |lang: &str| -> Vec<serde_json::Value> {
        let run = p.run(&["--format", "json", "--lang", lang, "check"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        run.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    };
    let (en, nl) = (objects("en"), objects("nl"));
    assert_eq!(en.len(), nl.len());
    for (en, nl) in en.iter().zip(&nl) {
        // The same fields, codes and places; only the words differ.
        let keys = |v: &serde_json::Value| {
            v.as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<String>>()
        };
        assert_eq!(keys(en), keys(nl));
        for field in [
            "severity",
            "code",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert_eq!(en[field], nl[field], "{field}");
        }
    }
    let veendaal = nl
        .iter()
        .find(|d| d["message"].as_str().unwrap_or("").contains("Veendaal"))
        .expect("Veendaal is reported");
    assert_eq!(veendaal["code"], "unknown-municipality");
    assert_eq!(veendaal["message"], "onbekende gemeente \"Veendaal\"");
    assert_eq!(
        veendaal["help"][0],
        "bedoelde u \"Veenendaal\" of \"Voerendaal\"?"
    );
}

#[test]
fn the_locale_gives_dutch_without_lang() {
    let p = project("wrong-type");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_drukwerk"))
        .arg("--root")
        .arg(p.root())
        .arg("check")
        .env("NO_COLOR", "1")
        .env_remove("DRUKWERK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("fout[wrong-type]: `students` moet een geheel getal zijn, geen tekst"),
        "{stderr}"
    );
    assert!(!stderr.contains("expected"), "{stderr}");
}

#[test]
fn minimal_fixture_is_clean() {
    let output = check("../minimal", &["--deny-warnings"]);
    assert!(output.starts_with("exit code: 0\n"), "{output}");
}

#[test]
fn unknown_region_on_the_command_line_is_a_usage_error_with_a_suggestion() {
    let p = Project::minimal();
    let run = p.run(&["factsheet", "nord"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean \"noord\"?"),
        "{}",
        run.stderr
    );
    assert!(!p.root().join("out").exists(), "nothing is written");
}
