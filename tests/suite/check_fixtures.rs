//! Every kind of content mistake, as a fixture project run through the real binary, with its
//! exact output snapshotted (`tests/suite/snapshots/`). Snapshots change only on request:
//! `INSTA_UPDATE=always cargo test --test check_fixtures`, then review the diff.

use crate::common;

use std::fs;
use std::path::Path;

use common::{Project, copy_dir, repo};

/// The minimal fixture with `tests/fixtures/invalid/<name>` laid over it: its `content/` files
/// replace or add files, and the paths listed in its `remove` file are deleted.
fn project(name: &str) -> Project {
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
    let p = project(name);
    let mut args = vec!["check"];
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
        let snapshot = repo().join(format!(
            "tests/suite/snapshots/suite__check_fixtures__{}.snap",
            name.replace('-', "_")
        ));
        assert!(
            Path::new(&snapshot).is_file(),
            "fixture {name} has no test/snapshot ({})",
            snapshot.display()
        );
    }
}

macro_rules! fixture {
    ($test:ident, $name:literal, $code:expr) => {
        #[test]
        fn $test() {
            let output = check($name, &[]);
            assert!(
                output.starts_with(&format!("exit code: {}\n", $code)),
                "{output}"
            );
            assert!(!output.contains("panicked"), "{output}");
            insta::assert_snapshot!(stringify!($test), output);
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
