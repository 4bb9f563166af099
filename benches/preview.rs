//! How to draw preview pages: SVG (typst-svg) or PNG (typst-render), measured on the real
//! publication in one run. `cargo bench --bench preview` (release profile).
//!
//! For each format: time to draw every page (median of several rounds, one thread, as the
//! preview redraws a changed page), and bytes sent. PNG is drawn at 2 pixels per point
//! (`RenderOptions::default()`, 144 dpi, sharp on a high-density screen at the preview's width)
//! and encoded with the
//! `image` crate's default PNG settings.

use std::time::{Duration, Instant};

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let checked = drukwerk::project::check(&root);
    let model = checked.model.expect("the shipped content has no errors");
    let (today, _) = drukwerk::project::build_date(&model, None);
    let renderer = drukwerk::render::Renderer::new(&root, today).expect("fonts");
    let job = drukwerk::jobs::publication_job(
        &model,
        drukwerk::Profile::Web,
        &drukwerk::jobs::Maps::new(&model).expect("maps"),
    )
    .expect("view");
    let sources = std::sync::Mutex::new(checked.sources);
    let document = renderer
        .compile(
            job.layout.path(),
            job.data,
            &job.maps.bytes,
            drukwerk::Profile::Web,
            &Default::default(),
            &sources,
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
        .document;
    let pages = document.pages();
    println!("publication: {} pages", pages.len());
    let rounds = 5;
    let (svg_time, svg_bytes) = measure(rounds, || {
        pages
            .iter()
            .map(|p| typst_svg::svg(p, &typst_svg::SvgOptions::default()).len())
            .sum()
    });
    let (png_time, png_bytes) = measure(rounds, || {
        pages
            .iter()
            .map(|p| {
                let pixmap = typst_render::render(p, &typst_render::RenderOptions::default());
                pixmap.encode_png().map(|b| b.len()).unwrap_or(0)
            })
            .sum()
    });
    let per_page = |d: Duration| d.as_secs_f64() * 1000.0 / pages.len() as f64;
    println!("| format | all pages | per page | bytes, all pages | per page |");
    println!("|---|---:|---:|---:|---:|");
    for (name, time, bytes) in [
        ("SVG (typst-svg)", svg_time, svg_bytes),
        ("PNG 2×, typst-render", png_time, png_bytes),
    ] {
        println!(
            "| {name} | {:.0} ms | {:.1} ms | {:.1} MB | {:.0} KB |",
            time.as_secs_f64() * 1000.0,
            per_page(time),
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / pages.len() as f64
        );
    }
    println!(
        "SVG is {:.1}× faster to draw and {:.1}× smaller than PNG",
        png_time.as_secs_f64() / svg_time.as_secs_f64(),
        png_bytes as f64 / svg_bytes as f64
    );
}

/// Median time of `rounds` runs of `work`, and what it returned.
fn measure(rounds: usize, mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut result = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        result = work();
        times.push(start.elapsed());
    }
    times.sort();
    (times[rounds / 2], result)
}
