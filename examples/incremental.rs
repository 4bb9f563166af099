//! How long Typst takes to lay the publication out again after one key figure changed, as
//! `drukwerk serve` does after an edit, and where that time goes.
//!
//! ```sh
//! cargo run --release --example incremental                # edit the first key figure
//! FIELD=1 EDITS=8 cargo run --release --example incremental # another figure, more edits
//! TRACE=/tmp/trace.json cargo run --release --example incremental
//! STEP=0 cargo run --release --example incremental          # nothing changed: the fixed cost
//! ROOT=/tmp/copy cargo run --release --example incremental  # another project
//! COLD=1 EDITS=0 TRACE=/tmp/cold.json cargo run --release --example incremental
//! RELAYOUT=no COLD=1 EDITS=0 TRACE=/tmp/cold.json cargo run --release --example incremental
//! ```
//!
//! The renderer is `serve`'s (`Renderer::for_relayout`: the book in two layout passes);
//! `RELAYOUT=no` lays out as a one-off build does (three passes, less work in the first).
//!
//! One process, as the server: a cold compile, then `EDITS` compiles each after adding one
//! to key figure `FIELD` of the region `REGION` (default `zwolle`), evicting Typst's caches
//! after each as the server does. Each line gives the wall time and the CPU time of all the
//! process's threads (from `/proc`, Linux only), which varies less on a shared machine; the
//! last line their medians over the edits after the first two. With `TRACE`, the last compile is recorded with
//! typst-timing as a Chrome trace (open it in a trace viewer, or add up the self time per
//! event and source line), spans resolved to file and line. With `COLD` as well, Typst's caches
//! are emptied before that compile, so the trace shows a cold compile.

use std::time::Instant;

/// CPU time of all the process's threads so far, in ms (`/proc/self/task/*/schedstat`:
/// nanoseconds on the CPU), or none where there is no such file.
fn cpu_ms() -> Option<f64> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total as f64 / 1e6)
}

/// The median of `values` (none when empty).
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

fn main() {
    let var = |name: &str| std::env::var(name).ok();
    // ROOT measures another project (say a copy with a changed layout).
    let root =
        std::path::PathBuf::from(var("ROOT").unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into()));
    let field: usize = var("FIELD").and_then(|f| f.parse().ok()).unwrap_or(0);
    let edits: usize = var("EDITS").and_then(|f| f.parse().ok()).unwrap_or(4);
    // STEP=0 compiles the same content again: what a compile costs when nothing changed.
    let step: i64 = var("STEP").and_then(|f| f.parse().ok()).unwrap_or(1);
    let region = var("REGION").unwrap_or_else(|| "zwolle".into());
    let checked = drukwerk::project::check(&root);
    let Some(mut model) = checked.model else {
        eprintln!("the content has errors: run `drukwerk check`");
        std::process::exit(1);
    };
    let (today, _) = drukwerk::project::build_date(&model, None);
    // As serve's (`Renderer::for_relayout`); RELAYOUT=no lays out as a one-off build does.
    let renderer = drukwerk::render::Renderer::new(&root, today).expect("fonts");
    let renderer = if var("RELAYOUT").as_deref() == Some("no") {
        renderer
    } else {
        renderer.for_relayout()
    };
    let sources = std::sync::Mutex::new(checked.sources);
    let Some((index, _)) = model.region(&region) else {
        eprintln!("no region {region}");
        std::process::exit(2);
    };
    // Made once, as `serve` keeps them while the boundaries and labels are unchanged.
    let maps = drukwerk::jobs::Maps::new(&model).expect("maps");
    let run = |model: &drukwerk::model::Model, label: &str| -> (f64, f64) {
        let job =
            drukwerk::jobs::publication_job(model, drukwerk::Profile::Web, &maps).expect("view");
        let cpu = cpu_ms();
        let started = Instant::now();
        let compiled = renderer
            .compile(
                job.layout.path(),
                job.data,
                &job.maps.bytes,
                drukwerk::Profile::Web,
                &Default::default(),
                &sources,
            )
            .unwrap_or_else(|e| panic!("{e:?}"));
        let wall = started.elapsed().as_secs_f64() * 1000.0;
        let cpu = cpu_ms()
            .zip(cpu)
            .map_or(f64::NAN, |(after, before)| after - before);
        println!(
            "{label}: {wall:.1} ms, cpu {cpu:.1} ms ({} pages)",
            compiled.document.pages().len()
        );
        (wall, cpu)
    };
    run(&model, "cold");
    let mut times = Vec::new();
    for k in 0..edits {
        model.regions[index].figures[field] += step;
        times.push(run(&model, &format!("edit {}", k + 1)));
        comemo::evict(4);
    }
    let settled = times.iter().skip(2);
    if let (Some(wall), Some(cpu)) = (
        median(settled.clone().map(|t| t.0).collect()),
        median(settled.map(|t| t.1).collect()),
    ) {
        println!(
            "median of edits 3..{edits}: {wall:.1} ms, cpu {cpu:.1} ms (FIELD={field} REGION={region})"
        );
    }
    let Some(trace) = var("TRACE") else { return };
    model.regions[index].figures[field] += step;
    if var("COLD").is_some() {
        // Every memoized result dropped: the traced compile starts from nothing.
        comemo::evict(0);
    }
    typst_timing::enable();
    run(&model, "traced");
    typst_timing::disable();
    let file = std::fs::File::create(&trace).expect("trace file");
    let mut sources: std::collections::HashMap<_, typst::syntax::Source> = Default::default();
    let written = typst_timing::export_json(file, |raw| {
        let span = typst::syntax::Span::from_raw(raw);
        let Some(id) = span.id() else {
            return ("?".into(), 0);
        };
        let path = id.vpath().get_without_slash().to_string();
        let source = sources.entry(id).or_insert_with(|| {
            let text = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
            typst::syntax::Source::new(id, text)
        });
        let line = source
            .find(span)
            .map(|node| source.text()[..node.range().start].matches('\n').count() as u32 + 1)
            .unwrap_or(0);
        (path, line)
    });
    if let Err(e) = written {
        eprintln!("cannot write the trace: {e}");
    }
}
