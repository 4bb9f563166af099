//! Conformance checked by an independent validator, not only by what Typst claims: the web
//! edition against PDF/UA-1 and PDF/A-2a with the `page_validation` crate.

use crate::common;

use common::Project;
use page_validation::{ValidationOptions, ValidationProfile, validate_pdf};

fn check(path: &std::path::Path, profile: ValidationProfile) -> Vec<String> {
    let options = ValidationOptions::default().profile(profile);
    let report = validate_pdf(path, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    report.failures.iter().map(|f| f.to_string()).collect()
}

#[test]
fn web_edition_passes_an_independent_pdf_ua_1_and_pdf_a_2a_check() {
    let p = Project::real();
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        "out/regionale-samenwerking-werkt-2026.pdf",
        "out/factsheets/zwolle.pdf",
        "out/factsheets/mbo-noord-nederland.pdf",
    ] {
        let path = p.root().join(file);
        for profile in [ValidationProfile::PdfUa1, ValidationProfile::PdfA2a] {
            let failures = check(&path, profile);
            assert!(
                failures.is_empty(),
                "{file} fails {profile:?}:\n{}",
                failures.join("\n")
            );
        }
    }
}

#[test]
fn the_validator_is_not_vacuous_the_untagged_print_edition_fails_pdf_ua() {
    let p = Project::minimal();
    let run = p.run(&["build", "--profile", "print", "--publication-only"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let failures = check(
        &p.root().join("out/kleine-proefpublicatie-2026-print.pdf"),
        ValidationProfile::PdfUa1,
    );
    assert!(
        !failures.is_empty(),
        "an untagged PDF must not pass PDF/UA-1"
    );
}
