//! JSON for programs: regions, diagnostics, health; and Prometheus metrics.

use super::*;

#[derive(Serialize)]
struct RegionJson<'a> {
    id: &'a str,
    name: &'a str,
    sectors: Vec<&'static str>,
    preview: String,
    pdf: String,
    print_pdf: String,
}

pub(super) async fn api_regions(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    let regions: Vec<RegionJson> = snapshot
        .good
        .as_ref()
        .map(|g| {
            g.model
                .regions
                .iter()
                .map(|r| RegionJson {
                    id: &r.id,
                    name: &r.name,
                    sectors: r.sectors.iter().map(|s| s.id()).collect(),
                    preview: format!("/preview/factsheets/{}", r.id),
                    pdf: format!("/factsheets/{}.pdf", r.id),
                    print_pdf: format!("/factsheets/{}.pdf?profile=print", r.id),
                })
                .collect()
        })
        .unwrap_or_default();
    json_response(StatusCode::OK, json!({ "regions": regions }))
}

pub(super) async fn api_diagnostics(State(app): State<Arc<App>>, lang: Lang) -> Response {
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    json_response(
        StatusCode::OK,
        json!({
            "generation": snapshot.generation,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": diagnostics::to_json(&snapshot.sources, &snapshot.diagnostics, lang),
        }),
    )
}

pub(super) async fn health(State(app): State<Arc<App>>) -> Response {
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    let last_success = snapshot.last_success.map(|t| {
        chrono::DateTime::<chrono::Utc>::from(t)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    });
    json_response(
        StatusCode::OK,
        json!({
            "status": if errors == 0 { "ok" } else { "degraded" },
            "engine": env!("CARGO_PKG_VERSION"),
            "typst": crate::TYPST_VERSION,
            "generation": snapshot.generation,
            "errors": errors,
            "warnings": warnings,
            "last_success": last_success,
        }),
    )
}

pub(super) async fn metrics(State(app): State<Arc<App>>) -> Response {
    let m = &app.metrics;
    let snapshot = app.workspace.snapshot();
    let (errors, warnings) = snapshot.counts();
    m.errors.set(errors as i64);
    m.warnings.set(warnings as i64);
    m.queue_depth.set(app.pdfs.queue_depth() as i64);
    m.compiles_running.set(app.pdfs.running(app.jobs) as i64);
    m.cache_bytes.set(app.pdfs.cached_bytes() as i64);
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        m.encode(),
    )
        .into_response()
}
