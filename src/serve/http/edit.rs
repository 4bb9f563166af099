//! The editor's pages: `/edit/publication`, `/edit/{kind}/{id}` and `/edit/new/{kind}`. Each
//! is a shell (title, breadcrumbs, form container, preview pane, status region); its script
//! builds the form from `GET /api/content/schema` and reads and writes through the content
//! API. Ids are checked (`[a-z0-9-]`) and looked up in the last good model before anything
//! else; none ever becomes a path. With `--read-only` there are no edit pages.

use super::*;
use crate::serve::pages::{EditKind, edit_title, valid_id};

pub(super) async fn edit_publication(State(app): State<Arc<App>>, lang: Lang) -> Response {
    edit_page(&app, EditKind::Publication, None, lang)
}

pub(super) async fn edit_file(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
    lang: Lang,
) -> Response {
    match EditKind::parse(&kind) {
        Some(kind) if kind != EditKind::Publication && valid_id(&id) => {
            edit_page(&app, kind, Some(&id), lang)
        }
        _ => edit_not_found(&app, lang),
    }
}

pub(super) async fn edit_new(
    State(app): State<Arc<App>>,
    Path(kind): Path<String>,
    lang: Lang,
) -> Response {
    match EditKind::parse(&kind) {
        Some(kind) if kind != EditKind::Publication && !app.pages.read_only => {
            html(StatusCode::OK, app.pages.edit(kind, None, None, true, lang))
        }
        _ => edit_not_found(&app, lang),
    }
}

fn edit_page(app: &App, kind: EditKind, id: Option<&str>, lang: Lang) -> Response {
    if app.pages.read_only {
        return edit_not_found(app, lang);
    }
    let snapshot = app.workspace.snapshot();
    match edit_title(&snapshot, kind, id.unwrap_or_default()) {
        Some(title) => html(
            StatusCode::OK,
            app.pages.edit(kind, id, title.as_deref(), false, lang),
        ),
        None => edit_not_found(app, lang),
    }
}

fn edit_not_found(app: &App, lang: Lang) -> Response {
    html(
        StatusCode::NOT_FOUND,
        app.pages.not_found(&app.workspace.snapshot(), None, lang),
    )
}
