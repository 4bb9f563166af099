//! PDFs on demand: the current content (or the last good), cached, with ETag and 304.

use super::*;

/// The query of the PDF routes: `?profile=web` (default) or `?profile=print`.
#[derive(Deserialize)]
pub(super) struct PdfQuery {
    /// The edition.
    pub(super) profile: Option<String>,
}

pub(super) async fn publication_pdf(
    State(app): State<Arc<App>>,
    Query(query): Query<PdfQuery>,
    lang: Lang,
    headers: HeaderMap,
) -> Response {
    pdf(app, Doc::Publication, query, headers, lang).await
}

pub(super) async fn factsheet_pdf(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    Query(query): Query<PdfQuery>,
    lang: Lang,
    headers: HeaderMap,
) -> Response {
    match file.strip_suffix(".pdf") {
        Some(id) => pdf(app, Doc::FactSheet(id.to_string()), query, headers, lang).await,
        None => not_found_json(msg!("serve-factsheet-path"), lang),
    }
}

/// A PDF of the current content (or of the last good content while it has errors). The PDF
/// is the same in every language; only refusals are worded in `lang`.
async fn pdf(app: Arc<App>, doc: Doc, query: PdfQuery, headers: HeaderMap, lang: Lang) -> Response {
    let profile = match query.profile.as_deref() {
        None | Some("web") => Profile::Web,
        Some("print") => Profile::Print,
        Some(other) => {
            return json_response(
                StatusCode::BAD_REQUEST,
                json!({
                    "error": msg!("serve-unknown-profile", profile = other).text(lang),
                    "help": msg!("serve-unknown-profile.help").text(lang),
                }),
            );
        }
    };
    let snapshot = app.workspace.snapshot();
    let Some(good) = snapshot.good.clone() else {
        return json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({
                "error": msg!("serve-no-good-version").text(lang),
                "diagnostics": diagnostics::to_json(&snapshot.sources, &snapshot.diagnostics, lang),
            }),
        );
    };
    let job = match doc.job(&good.model, profile, &good.maps) {
        Some(Ok(job)) => job,
        Some(Err(e)) => {
            return internal(msg!("serve-job-failed"), Some(&e.to_string()), lang);
        }
        None => return unknown_region(&app, &doc, lang),
    };
    let filename = job
        .output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let key = typst::utils::hash128(&(
        &job.data,
        &job.maps.key_of(&job),
        job.layout.path(),
        profile,
        good.assets,
    ));
    let workspace = app.workspace.clone();
    let sources = snapshot.sources.clone();
    let make_doc = doc.clone();
    let disk = app.pdfs.disk().cloned();
    let result = app
        .pdfs
        .get(key, move || {
            let edition = good.edition(profile, workspace.cache_dir());
            let sources = std::sync::Mutex::new(sources);
            let made = jobs_make(&good, &job, &edition, &sources, disk.as_ref());
            let sources = sources.into_inner().unwrap_or_else(|e| e.into_inner());
            workspace.record_pdf(
                &make_doc,
                made.as_ref().map(|_| ()).map_err(|e| (e.clone(), sources)),
            );
            made
        })
        .await;
    let mut stale = false;
    let pdf = match result {
        Ok(pdf) => {
            app.last_good
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert((doc.clone(), profile), pdf.clone());
            pdf
        }
        Err(Refusal::Failed(errors)) => {
            let last = app
                .last_good
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&(doc.clone(), profile))
                .cloned();
            match last {
                Some(pdf) => {
                    stale = true;
                    pdf
                }
                None => {
                    return json_response(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        json!({
                            "error": msg!("serve-layout-failed").text(lang),
                            "diagnostics": diagnostics::to_json(&app.workspace.snapshot().sources, &errors, lang),
                        }),
                    );
                }
            }
        }
        Err(Refusal::Busy) => {
            return try_again(
                StatusCode::TOO_MANY_REQUESTS,
                msg!("serve-busy").text(lang),
                "1",
            );
        }
        Err(Refusal::Timeout) => {
            return try_again(
                StatusCode::SERVICE_UNAVAILABLE,
                msg!("serve-timeout").text(lang),
                "2",
            );
        }
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| etag_matches(v, &pdf.etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = Response::new(Body::from(pdf.bytes.clone()));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        );
        r
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&pdf.etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if stale {
        h.insert(
            "x-drukwerk-stale",
            HeaderValue::from_static("the layouts have errors; this is the last good version"),
        );
    }
    response
}

/// A refusal the client may retry after `seconds`.
fn try_again(status: StatusCode, message: String, seconds: &'static str) -> Response {
    let mut r = json_response(status, json!({ "error": message }));
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
    r
}

/// Compile and export one document: the same stages as `build`, and the same document cache
/// on disk (read first; written when the document has no warnings, as `build` does).
fn jobs_make(
    good: &crate::serve::workspace::Good,
    job: &crate::jobs::Job,
    edition: &crate::jobs::Edition,
    sources: &std::sync::Mutex<crate::diagnostics::Sources>,
    disk: Option<&crate::cache::DocCache>,
) -> Result<Pdf, Vec<crate::diagnostics::Diagnostic>> {
    let key = disk
        .map(|_| crate::jobs::document_key(&crate::jobs::shared_key(edition, good.assets), job));
    if let (Some(disk), Some(key)) = (disk, &key)
        && let Some(cached) = disk.get(key)
    {
        return Ok(Pdf {
            bytes: cached.bytes.into(),
            etag: format!("\"{}\"", cached.sha256),
        });
    }
    let compiled = crate::jobs::compile(&good.renderer, job, edition, sources)?;
    let bytes = crate::jobs::export(&compiled.document, job, edition)?;
    if let (Some(disk), Some(key)) = (disk, &key)
        && compiled.warnings.is_empty()
    {
        disk.put(key, &bytes, compiled.document.pages().len());
        disk.trim();
    }
    let etag = format!("\"{}\"", crate::jobs::hex(&Sha256::digest(&bytes)));
    Ok(Pdf {
        bytes: bytes.into(),
        etag,
    })
}

/// `If-None-Match` holds a list of tags, or `*`.
fn etag_matches(header: &str, etag: &str) -> bool {
    header
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_match_lists_and_weak_tags() {
        assert!(etag_matches("\"abc\"", "\"abc\""));
        assert!(etag_matches("\"x\", W/\"abc\"", "\"abc\""));
        assert!(etag_matches("*", "\"abc\""));
        assert!(!etag_matches("\"abd\"", "\"abc\""));
    }
}
