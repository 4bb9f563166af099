//! Content is data, never Typst code: markup characters in content reach the PDF literally.

use crate::common;

use common::{Pdf, Project, normalise};
use drukwerk::richtext;

const NASTY: &str = r"#let x = 1; $x$ * _ <a> @b \ // c #[ ] { } ` ~ -- ... 'q' ";

#[test]
fn typst_syntax_in_content_appears_literally_in_the_pdf() {
    let p = Project::minimal();
    let region = p.read("content/regions/noord.toml").replace(
        "name = \"Onderwijsregio Noord (po)\"",
        &format!("name = {}", toml_string(&format!("Noord {NASTY}"))),
    );
    p.write("content/regions/noord.toml", &region);
    let body = "Een *echte* nadruk en letterlijk: #let y = 2; $y$ <b> @c \\ // d";
    p.write(
        "content/cases/01-noord.toml",
        &format!(
            "id = \"noord-case\"\nkind = \"case\"\ntheme = \"samenwerken\"\nregion = \"noord\"\n\
             title = {}\nsummary = {}\nbody = {}\n",
            toml_string(&format!("Titel {NASTY}")),
            toml_string(&format!("Samenvatting {NASTY}")),
            toml_string(body),
        ),
    );
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let publication = Pdf::open(&p.root().join("out/kleine-proefpublicatie-2026.pdf")).text();
    for expected in [format!("Noord {NASTY}"), format!("Titel {NASTY}")] {
        assert!(
            publication.contains(&normalise(&expected)),
            "missing {expected:?} in {publication}"
        );
    }
    // Rich text: Markdown emphasis is formatting, everything else stays literal.
    let rich = richtext::plain_text(&richtext::parse(body));
    assert!(rich.contains("#let y = 2; $y$ <b> @c \\ // d"), "{rich}");
    assert!(publication.contains(&normalise(&rich)), "missing {rich:?}");
    let sheet = Pdf::open(&p.root().join("out/factsheets/noord.pdf")).text();
    assert!(
        sheet.contains(&normalise(&format!("Samenvatting {NASTY}"))),
        "{sheet}"
    );
}

/// A TOML basic string with everything escaped.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[test]
fn characters_the_fonts_lack_are_reported() {
    let p = Project::minimal();
    let region = p.read("content/regions/noord.toml").replace(
        "name = \"Onderwijsregio Noord (po)\"",
        "name = \"Onderwijsregio Noord 漢\"",
    );
    p.write("content/regions/noord.toml", &region);
    // Web: PDF/UA and PDF/A forbid text without a glyph; Typst refuses to export it.
    let web = p.run(&["build"]);
    assert_eq!(web.code, 1, "{}", web.stderr);
    assert!(web.stderr.contains("漢"), "{}", web.stderr);
    // Print: Typst would silently print nothing there; drukwerk warns.
    let print = p.run(&["build", "--profile", "print"]);
    assert_eq!(print.code, 0, "{}", print.stderr);
    assert!(
        print.stderr.contains("warning[missing-glyph]"),
        "{}",
        print.stderr
    );
    assert!(print.stderr.contains("U+6F22"), "{}", print.stderr);
    let strict = p.run(&[
        "build",
        "--profile",
        "print",
        "--deny-warnings",
        "--out",
        "strict",
    ]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}
