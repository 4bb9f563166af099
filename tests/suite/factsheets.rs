//! Fact sheets on demand, shards for a CI matrix, and the manifest.

use crate::common;

use common::{InProcess, Pdf, Project, normalise};
use drukwerk::Profile;
use drukwerk::jobs;
use typst::layout::{FrameItem, Point, Transform};

#[test]
fn factsheets_on_demand_have_the_region_figures_and_municipalities() {
    let p = Project::real();
    let run = p.run(&["factsheet", "zwolle", "amsterdam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written: Vec<String> = std::fs::read_dir(p.root().join("out/factsheets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        written.len(),
        2,
        "only the two requested sheets: {written:?}"
    );

    let zwolle = Pdf::open(&p.root().join("out/factsheets/zwolle.pdf"));
    assert!(
        zwolle.page_count() <= 2,
        "a fact sheet is one page, two at most"
    );
    let text = zwolle.text();
    for expected in [
        "Onderwijsregio Zwolle en omgeving",
        "144.052",
        "76",
        "Dalfsen",
        "Zwartewaterland",
        "Stand: 28 november 2026",
    ] {
        assert!(
            text.contains(&normalise(expected)),
            "zwolle sheet lacks {expected:?}: {text}"
        );
    }
    // The story about the region is named with its summary.
    assert!(
        text.contains(&normalise(
            "Zwolle versterkt de route naar werken in het onderwijs"
        )),
        "{text}"
    );

    let amsterdam = Pdf::open(&p.root().join("out/factsheets/amsterdam.pdf")).text();
    for expected in [
        "Amsterdamse Onderwijsregio",
        "138.206",
        "Diemen",
        "Amsterdam",
    ] {
        assert!(
            amsterdam.contains(&normalise(expected)),
            "amsterdam sheet lacks {expected:?}"
        );
    }
    assert_eq!(
        Pdf::open(&p.root().join("out/factsheets/amsterdam.pdf"))
            .info("Title")
            .as_deref()
            .map(|t| t.contains("Amsterdamse Onderwijsregio")),
        Some(true)
    );
}

#[test]
fn a_fact_sheet_on_demand_is_the_same_pdf_as_the_full_builds() {
    // `factsheet` hands Typst only its regions' maps, `build` every region's: what is drawn
    // must not differ.
    let p = Project::minimal();
    let run = p.run(&["factsheet", "noord", "--no-cache"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let alone = std::fs::read(p.root().join("out/factsheets/noord.pdf")).unwrap();
    let run = p.run(&["build", "--no-cache", "--no-site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built = std::fs::read(p.root().join("out/factsheets/noord.pdf")).unwrap();
    assert!(
        alone == built,
        "the sheet on demand differs from the built one"
    );
}

#[test]
fn a_fact_sheet_prints_the_subtitle() {
    let p = Project::real();
    let run = p.run(&["factsheet", "loa"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = Pdf::open(&p.root().join("out/factsheets/loa.pdf")).text();
    assert!(
        text.contains(&normalise("(Lingewaard, Overbetuwe en Arnhem)")),
        "{text}"
    );
    // One document, one page: the closing line says so in the singular.
    assert!(
        run.stderr.contains("built 1 document (1 page) in"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_searches_ids_names_and_subtitles() {
    let p = Project::real();
    // Only in LOA's subtitle, in another case and without the accents it does not have.
    let run = p.run(&["list", "OVERBETUWE en arnhem"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].starts_with("loa "), "{}", run.stdout);
    assert!(lines[0].ends_with("Onderwijsregio LOA (Lingewaard, Overbetuwe en Arnhem)"));
    // By name: both Rotterdam regions.
    let run = p.run(&["list", "rotterdam ("]);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    // Nothing found: said so, not an error.
    let run = p.run(&["list", "Atlantis"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("no region matches"), "{}", run.stderr);
}

#[test]
fn emit_data_takes_a_folder_inside_the_project_as_an_absolute_path() {
    let p = Project::minimal();
    let absolute = p.root().canonicalize().unwrap().join("out/data");
    let run = p.run(&[
        "factsheet",
        "noord",
        "--emit-data",
        absolute.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(absolute.join("factsheets/noord.json").is_file());
    // Relative, with a detour that stays inside.
    let run = p.run(&["factsheet", "noord", "--emit-data", "out/x/../data2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(p.root().join("out/data2/factsheets/noord.json").is_file());
    // Outside the project: refused, absolute or relative, and nothing is written.
    let outside = tempfile::tempdir().unwrap();
    for dir in [
        outside.path().to_str().unwrap(),
        "../elsewhere",
        "out/../../elsewhere",
    ] {
        let run = p.run(&["factsheet", "zuid", "--emit-data", dir]);
        assert_eq!(run.code, 2, "{dir}: {}", run.stderr);
        assert!(
            run.stderr.contains("is not inside the project"),
            "{}",
            run.stderr
        );
    }
    assert!(!p.root().join("out/factsheets/zuid.pdf").exists());
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    // A symbolic link inside the project that leads out is outside.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path(), p.root().join("link")).unwrap();
        let run = p.run(&["factsheet", "zuid", "--emit-data", "link/data"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    }
}

#[test]
fn list_prints_every_region_id() {
    let p = Project::real();
    let run = p.run(&["list"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 49);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("zwolle ") && l.contains("Onderwijsregio Zwolle en omgeving"))
    );
}

#[test]
fn shards_are_disjoint_and_together_cover_every_fact_sheet() {
    let p = Project::real();
    let mut seen: Vec<String> = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let run = p.run(&["build", "--shard", shard]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let (i, n) = shard.split_once('/').unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(&p.read(&format!("out/manifest-shard-{i}-of-{n}.json"))).unwrap();
        let paths: Vec<String> = manifest["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["path"].as_str().unwrap().to_string())
            .collect();
        // Only shard 1 carries the publication.
        assert_eq!(
            paths.iter().any(|p| !p.starts_with("factsheets/")),
            shard == "1/3",
            "{paths:?}"
        );
        for path in paths.into_iter().filter(|p| p.starts_with("factsheets/")) {
            assert!(!seen.contains(&path), "{path} is in two shards");
            seen.push(path);
        }
    }
    assert_eq!(seen.len(), 49);
}

#[test]
fn manifest_lists_every_output_with_hash_and_versions() {
    let p = Project::minimal();
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let manifest: serde_json::Value = serde_json::from_str(&p.read("out/manifest.json")).unwrap();
    assert_eq!(manifest["typst"], "0.15.1");
    assert_eq!(manifest["engine"], env!("CARGO_PKG_VERSION"));
    let outputs = manifest["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 3, "publication and two fact sheets");
    for o in outputs {
        let bytes = std::fs::read(p.root().join("out").join(o["path"].as_str().unwrap())).unwrap();
        assert_eq!(o["bytes"].as_u64().unwrap() as usize, bytes.len());
        use sha2::Digest;
        assert_eq!(
            o["sha256"].as_str().unwrap(),
            drukwerk::jobs::hex(&sha2::Sha256::digest(&bytes))
        );
        assert!(o["pages"].as_u64().unwrap() >= 1);
    }
    assert!(
        run.stderr.contains("built 3 documents"),
        "closing summary: {}",
        run.stderr
    );
}

/// Lowest baseline of any text on a page, and the baseline of the run that contains
/// `needle`, in points from the top of the page.
fn baselines(frame: &typst::layout::Frame, needle: &str) -> (f64, Option<f64>) {
    let mut out = (0.0, None);
    drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, ts| {
        if let FrameItem::Text(text) = item {
            let y = Point::zero().transform(ts).y.to_pt();
            out.0 = f64::max(out.0, y);
            if text.text.contains(needle) {
                out.1 = Some(y);
            }
        }
    });
    out
}

/// The layout chooses each sheet's density by measuring stand-ins (no headings, map or
/// strip while measuring, see layouts/factsheet.typ). If a stand-in were smaller than the
/// real thing, the sheet would run over the bottom margin; if larger, the foot line would
/// float above the foot. Every sheet: one page, nothing below the text area, and the
/// "Stand: …" line at its foot.
#[test]
fn every_fact_sheet_fits_one_page_with_its_foot_line_at_the_foot() {
    let p = Project::real();
    let build = InProcess::new(p.root());
    let model = &build.model;
    let mm = 72.0 / 25.4;
    // A4, 16 mm bottom margin (layouts/factsheet.typ).
    let text_bottom = (297.0 - 16.0) * mm;
    for index in 0..model.regions.len() {
        let id = &model.regions[index].id;
        let document =
            build.compile(jobs::factsheet_job(model, index, Profile::Web, &build.maps).unwrap());
        let pages = document.pages();
        assert_eq!(pages.len(), 1, "{id}: one page");
        let (lowest, stand) = baselines(&pages[0].frame, "Stand:");
        let stand = stand.unwrap_or_else(|| panic!("{id}: no \"Stand:\" line"));
        assert!(
            lowest <= text_bottom + 0.5,
            "{id}: text at {:.1} mm runs below the text area ({:.1} mm)",
            lowest / mm,
            text_bottom / mm
        );
        // The foot line is two lines of small type at most: its first baseline sits within
        // 12 mm of the bottom of the text area.
        assert!(
            stand >= text_bottom - 12.0 * mm,
            "{id}: foot line at {:.1} mm, not at the foot ({:.1} mm)",
            stand / mm,
            text_bottom / mm
        );
    }
}

/// A region far beyond the source (every municipality of the country) does not fit one page
/// at any density: the sheet flows on to a second page, and then, only then, has page
/// numbers ("… · 1/2").
#[test]
fn an_overfull_fact_sheet_flows_on_with_page_numbers() {
    let p = Project::minimal();
    let mut csv = csv::Reader::from_path(
        Project::real()
            .root()
            .join("content/geo/gemeenten-2025.csv"),
    )
    .unwrap();
    let names: Vec<String> = csv
        .records()
        .map(|r| r.unwrap().get(1).unwrap().to_string())
        .collect();
    assert!(names.len() > 300);
    let list = names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let region = p.read("content/regions/noord.toml").replace(
        "municipalities = [\"Groningen\", \"Het Hogeland\", \"Westerkwartier\"]",
        &format!("municipalities = [{list}]"),
    );
    p.write("content/regions/noord.toml", &region);
    let run = p.run(&["factsheet", "noord", "zuid"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let full = Pdf::open(&p.root().join("out/factsheets/noord.pdf"));
    assert_eq!(full.doc.get_pages().len(), 2);
    let text = full.text();
    assert!(text.contains("1/2") && text.contains("2/2"), "{text}");
    for name in ["Aa en Hunze", "Zwolle", "Súdwest-Fryslân"] {
        assert!(text.contains(&normalise(name)), "{name}");
    }
    // A sheet that fits has no page numbers.
    let small = Pdf::open(&p.root().join("out/factsheets/zuid.pdf"));
    assert_eq!(small.doc.get_pages().len(), 1);
    assert!(!small.text().contains("1/1"));
}
