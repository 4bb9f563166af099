//! End to end: the shipped content builds into the publication, and the PDF is right.

use crate::common;

use std::sync::OnceLock;

use common::{Pdf, Project, normalise};
use drukwerk::model::Model;

/// The real project built once (web edition, publication only) for all tests in this file.
struct Built {
    _project: Project,
    model: Model,
    pdf: Pdf,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let project = Project::real();
        let run = project.run(&["build", "--publication-only", "--deny-warnings"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        let model = drukwerk::project::check(project.root())
            .model
            .expect("shipped content is valid");
        let path = project.root().join(format!(
            "out/{}.pdf",
            drukwerk::jobs::publication_stem(&model)
        ));
        let pdf = Pdf::open(&path);
        Built {
            _project: project,
            model,
            pdf,
        }
    })
}

/// The page a bookmark with this exact title points at.
fn bookmark_page(title: &str) -> Option<usize> {
    built()
        .pdf
        .bookmarks()
        .into_iter()
        .find(|(_, t, _)| t == title)
        .map(|(_, _, p)| p)
}

#[test]
fn shipped_content_has_no_errors_and_no_unacknowledged_warnings() {
    let checked = drukwerk::project::check(&common::repo());
    let problems: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity >= drukwerk::diagnostics::Severity::Warning)
        .map(|d| format!("{}: {}", d.code, d.message.text(drukwerk::i18n::Lang::En)))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let model = checked.model.unwrap();
    assert_eq!(model.regions.len(), 49);
    assert_eq!(model.themes.len(), 6);
    assert!(model.cases.len() >= 13);
}

#[test]
fn every_region_has_its_own_page_with_its_name() {
    let b = built();
    let mut pages = Vec::new();
    for region in &b.model.regions {
        let page = bookmark_page(&region.name)
            .unwrap_or_else(|| panic!("no bookmark for {}", region.name));
        let text = b.pdf.page_text(page as u32);
        assert!(
            text.contains(&normalise(&region.name)),
            "page {page} lacks {}: {text}",
            region.name
        );
        assert!(
            !pages.contains(&page),
            "{} shares page {page} with another region",
            region.name
        );
        pages.push(page);
    }
    // One page per region, in a row.
    pages.sort();
    assert_eq!(
        pages.last().unwrap() - pages.first().unwrap() + 1,
        b.model.regions.len()
    );
}

#[test]
fn every_theme_and_case_is_bookmarked_and_present() {
    let b = built();
    let text = b.pdf.text();
    for theme in &b.model.themes {
        assert!(
            b.pdf
                .bookmarks()
                .iter()
                .any(|(_, t, _)| t.contains(&theme.title) || t.contains(&theme.short_title)),
            "no bookmark for theme {}",
            theme.title
        );
    }
    for case in &b.model.cases {
        assert!(
            bookmark_page(&case.title).is_some(),
            "no bookmark for case {}",
            case.title
        );
        assert!(
            text.contains(&normalise(&case.title)),
            "case title missing: {}",
            case.title
        );
    }
}

#[test]
fn figures_are_in_dutch_format_on_the_region_page() {
    let b = built();
    let (_, zwolle) = b.model.region("zwolle").unwrap();
    let page = bookmark_page(&zwolle.name).unwrap();
    let text = b.pdf.page_text(page as u32);
    assert!(text.contains("144.052"), "{text}");
    for m in ["Dalfsen", "Zwartewaterland", "Noordoostpolder"] {
        assert!(text.contains(m), "{m} missing on the Zwolle page");
    }
}

#[test]
fn metadata_is_set() {
    let b = built();
    assert_eq!(
        b.pdf.info("Title").as_deref(),
        Some("Regionale samenwerking werkt")
    );
    assert_eq!(
        b.pdf.info("Author").as_deref(),
        Some(b.model.publication.author.as_str())
    );
    assert!(
        b.pdf.lang().is_some_and(|l| l.starts_with("nl")),
        "{:?}",
        b.pdf.lang()
    );
    assert!(
        b.pdf
            .info("Creator")
            .is_some_and(|c| c.contains("drukwerk"))
    );
}

#[test]
fn table_of_contents_page_numbers_match_the_pages() {
    let b = built();
    // The contents page lists each theme with the page its chapter starts on.
    let toc_page = bookmark_page("Inhoud").expect("contents page is bookmarked");
    let toc = b.pdf.page_text(toc_page as u32);
    for theme in &b.model.themes {
        let page = bookmark_page(&theme.title)
            .or_else(|| bookmark_page(&theme.short_title))
            .unwrap_or_else(|| panic!("no bookmark for {}", theme.title));
        let title = normalise(&theme.short_title);
        let at = toc
            .find(&title)
            .unwrap_or_else(|| panic!("{} not in contents: {toc}", theme.short_title));
        let after = &toc[at + title.len()..];
        let number: String = after
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert_eq!(
            number,
            page.to_string(),
            "contents says {number} for {}",
            theme.short_title
        );
    }
}

/// The source names one region with a subtitle; it is printed under the name on its page.
#[test]
fn the_loa_subtitle_is_under_its_name() {
    let b = built();
    let loa = b.model.region("loa").unwrap().1;
    assert_eq!(
        loa.subtitle.as_deref(),
        Some("(Lingewaard, Overbetuwe en Arnhem)"),
        "as in the source publication"
    );
    let page = bookmark_page(&loa.name).unwrap();
    let text = b.pdf.page_text(page as u32);
    let name = text.find(&normalise(&loa.name)).unwrap();
    let subtitle = text
        .find(&normalise("(Lingewaard, Overbetuwe en Arnhem)"))
        .unwrap_or_else(|| panic!("no subtitle on page {page}: {text}"));
    assert!(subtitle > name, "after the name: {text}");
}
