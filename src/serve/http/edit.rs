//! The editor's pages: `/edit/publication`, `/edit/{kind}/{id}` and `/edit/new/{kind}`. Each
//! is a shell (title, breadcrumbs, form container, preview pane, status region); its script
//! builds the form from `GET /api/content/schema` and reads and writes through the content
//! API. Ids are checked (`[a-z0-9-]`) and looked up in the last good model before anything
//! else; none ever becomes a path. With `--read-only` there are no edit pages.

use super::*;
use crate::serve::pages::{EditKind, edit_title, valid_id};

pub(super) async fn edit_publication(State(app): State<Arc<App>>) -> Response {
    edit_page(&app, EditKind::Publication, None)
}

pub(super) async fn edit_file(
    State(app): State<Arc<App>>,
    Path((kind, id)): Path<(String, String)>,
) -> Response {
    match EditKind::parse(&kind) {
        Some(kind) if kind != EditKind::Publication && valid_id(&id) => {
            edit_page(&app, kind, Some(&id))
        }
        _ => edit_not_found(&app),
    }
}

pub(super) async fn edit_new(State(app): State<Arc<App>>, Path(kind): Path<String>) -> Response {
    match EditKind::parse(&kind) {
        Some(kind) if kind != EditKind::Publication && !app.pages.read_only => {
            html(StatusCode::OK, app.pages.edit(kind, None, None, true))
        }
        _ => edit_not_found(&app),
    }
}

fn edit_page(app: &App, kind: EditKind, id: Option<&str>) -> Response {
    if app.pages.read_only {
        return edit_not_found(app);
    }
    let snapshot = app.workspace.snapshot();
    match edit_title(&snapshot, kind, id.unwrap_or_default()) {
        Some(title) => html(
            StatusCode::OK,
            app.pages.edit(kind, id, title.as_deref(), false),
        ),
        None => edit_not_found(app),
    }
}

fn edit_not_found(app: &App) -> Response {
    html(
        StatusCode::NOT_FOUND,
        app.pages.not_found(&app.workspace.snapshot(), None),
    )
}
