//! Two builds of the same content are byte-identical, and a failed build writes nothing.

use crate::common;

use std::fs;

use common::Project;

fn files(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // The caches (processed images, finished documents) are not outputs.
            if path.file_name().is_some_and(|n| n == ".cache") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn two_full_builds_are_byte_identical() {
    let p = Project::real();
    let first = p.run(&["build", "--out", "out-a"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = p.run(&["build", "--out", "out-b", "--jobs", "1"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let a = files(&p.root().join("out-a"));
    let b = files(&p.root().join("out-b"));
    let site =
        |files: &[(String, Vec<u8>)]| files.iter().filter(|f| f.0.starts_with("site/")).count();
    assert_eq!(
        a.len() - site(&a),
        51,
        "publication + 49 fact sheets + manifest: {:?}",
        a.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    // The website is compared byte for byte with the PDFs below.
    assert!(site(&a) > 100, "the site is part of the build");
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between two builds");
    }
    // No temporary files are left behind.
    assert!(a.iter().all(|(name, _)| !name.contains(".drukwerk-")));
}

#[test]
fn a_failed_build_leaves_earlier_outputs_untouched() {
    let p = Project::minimal();
    let ok = p.run(&["build"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let before = files(&p.root().join("out"));
    assert!(!before.is_empty());
    // Break the content: a dangling reference.
    let case = p
        .read("content/cases/01-noord.toml")
        .replace("region = \"noord\"", "region = \"nord\"");
    p.write("content/cases/01-noord.toml", &case);
    let failed = p.run(&["build"]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    assert!(
        failed.stderr.contains("nothing was written"),
        "{}",
        failed.stderr
    );
    assert_eq!(files(&p.root().join("out")), before);
    // Break a layout instead: the content is fine, Typst fails; still nothing is written.
    p.write(
        "content/cases/01-noord.toml",
        &case.replace("\"nord\"", "\"noord\""),
    );
    let layout = p.read("layouts/factsheet.typ");
    p.write(
        "layouts/factsheet.typ",
        &format!("{layout}\n#undefined-function()\n"),
    );
    let failed = p.run(&["build"]);
    assert_eq!(failed.code, 1, "{}", failed.stderr);
    assert!(
        failed.stderr.contains("layouts/factsheet.typ"),
        "{}",
        failed.stderr
    );
    assert_eq!(files(&p.root().join("out")), before);
}

#[test]
fn source_date_epoch_sets_the_pdf_date() {
    let p = Project::minimal();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_drukwerk"))
        .args(["--root"])
        .arg(p.root())
        .args(["build", "--publication-only"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(run.status.success());
    let pdf = fs::read(p.root().join("out/kleine-proefpublicatie-2026.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("D:20231114221320"),
        "CreationDate from SOURCE_DATE_EPOCH"
    );
}
