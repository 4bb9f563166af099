//! The command line in Dutch and English: help, clap's errors in drukwerk's words, how the
//! language is chosen, and what `build` and `check` print.

use std::path::Path;
use std::process::Command;

use crate::common::{Project, Run, run_at};

/// Runs `drukwerk` in `dir` with the language environment of the test (LANG and the rest
/// removed first, then `env` set).
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drukwerk"));
    command
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("CI", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DRUKWERK_CACHE_DIR")
        .env_remove("DRUKWERK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("the drukwerk binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn here() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn help_in_dutch_and_english() {
    let dir = here();
    for (lang, args) in [
        ("nl", &["--lang", "nl", "--help"][..]),
        ("en", &["--lang", "en", "--help"]),
        ("nl_build", &["build", "--help", "--lang", "nl"]),
        ("en_build", &["build", "--help", "--lang", "en"]),
        ("nl_build_short", &["--lang", "nl", "build", "-h"]),
    ] {
        let run = run_at(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        insta::assert_snapshot!(format!("help_{lang}"), run.stdout);
    }
}

#[test]
fn the_help_command_shows_a_commands_help() {
    let dir = here();
    let run = run_at(dir.path(), &["--lang", "nl", "help", "figures", "import"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Gebruik: drukwerk figures import [OPTIES] <BESTAND>")
    );
    let run = run_at(dir.path(), &["help", "nothing"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown command 'nothing'"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_version() {
    let run = run_at(here().path(), &["--version"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("drukwerk "), "{}", run.stdout);
}

#[test]
fn mistakes_on_the_command_line_in_dutch_and_english() {
    let dir = here();
    let cases: [(&str, &[&str]); 5] = [
        ("unknown_option", &["build", "--jbos", "3"]),
        ("bad_profile", &["build", "--profile", "pdf"]),
        ("unknown_command", &["biuld"]),
        ("missing_required", &["geo", "import", "x.geojson"]),
        ("bad_shard", &["build", "--shard", "5/4"]),
    ];
    for (name, args) in cases {
        for lang in ["nl", "en"] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let run = run_at(dir.path(), &all);
            assert_eq!(run.code, 2, "{all:?}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{all:?}: {}", run.stdout);
            insta::assert_snapshot!(format!("error_{name}_{lang}"), run.stderr);
        }
    }
    // No library's words: clap's own English is gone from the Dutch text.
    let run = run_at(dir.path(), &["--lang", "nl", "build", "--jbos"]);
    for english in [
        "unexpected argument",
        "tip: a similar",
        "For more information",
        "Usage",
    ] {
        assert!(!run.stderr.contains(english), "{english}: {}", run.stderr);
    }
}

#[test]
fn the_language_comes_from_the_option_the_environment_or_the_locale() {
    let dir = here();
    let dutch = "onbekende opdracht 'biuld'";
    let english = "unknown command 'biuld'";
    for (args, env, expected) in [
        (&["--lang", "nl", "biuld"][..], &[][..], dutch),
        (&["biuld", "--lang", "nl"], &[], dutch),
        (&["biuld", "--lang=nl"], &[], dutch),
        (&["biuld"], &[("DRUKWERK_LANG", "nl")], dutch),
        (&["biuld"], &[("LANG", "nl_NL.UTF-8")], dutch),
        (
            &["biuld"],
            &[("LC_ALL", "nl_BE.UTF-8"), ("LANG", "en_GB")],
            dutch,
        ),
        (&["biuld"], &[], english),
        (
            &["--lang", "en", "biuld"],
            &[("LANG", "nl_NL.UTF-8")],
            english,
        ),
        (
            &["biuld"],
            &[("DRUKWERK_LANG", "en"), ("LANG", "nl_NL.UTF-8")],
            english,
        ),
    ] {
        let run = run_env(dir.path(), args, env);
        assert_eq!(run.code, 2, "{args:?} {env:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(expected),
            "{args:?} {env:?}: {}",
            run.stderr
        );
    }
    // The same after the command, for a command that runs.
    let p = Project::minimal();
    let run = run_env(p.root(), &["check", "--content-only", "--lang", "nl"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("gecontroleerd: 0 fouten, 0 waarschuwingen"),
        "{}",
        run.stderr
    );
    let run = run_env(
        p.root(),
        &["check", "--content-only"],
        &[("LANG", "nl_NL.UTF-8")],
    );
    assert!(run.stderr.contains("gecontroleerd"), "{}", run.stderr);
}

#[test]
fn a_build_reports_in_dutch() {
    let p = Project::minimal();
    let run = run_env(p.root(), &["build", "--lang", "nl", "--timings"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.contains(&"  out/factsheets/noord.pdf gemaakt (1 pagina, 37 kB)")
            || lines
                .iter()
                .any(|l| l.starts_with("  out/factsheets/noord.pdf gemaakt (1 pagina, ")),
        "{}",
        run.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  out/factsheets/noord.pdf geschreven (")),
        "{}",
        run.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  out/site/ geschreven (7 pagina's, ")),
        "{}",
        run.stderr
    );
    let summary = lines
        .iter()
        .find(|l| l.starts_with("3 documenten gemaakt (22 pagina's) in "))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    // Seconds with a decimal comma.
    assert!(summary.ends_with(" s, 0 waarschuwingen"), "{summary}");
    assert!(summary.contains(','), "{summary}");
    assert!(run.stderr.contains("  totaal "), "{}", run.stderr);
    for english in ["compiled", "wrote", "built", "pages", "warnings", "timings"] {
        assert!(!run.stderr.contains(english), "{english}: {}", run.stderr);
    }
    // Again: everything reused, said in Dutch.
    let run = run_env(p.root(), &["--lang", "nl", "build"], &[]);
    assert!(
        run.stderr
            .contains("(22 pagina's, 3 ongewijzigd en hergebruikt)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_failing_check_reports_in_dutch() {
    let p = Project::fixture("invalid/duplicate-id");
    let run = run_env(p.root(), &["--lang", "nl", "check"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("controle mislukt: "), "{}", run.stderr);
    assert!(last.contains(" fout"), "{last}");
    let run = run_env(p.root(), &["check"], &[]);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("check failed: "), "{}", run.stderr);
}
