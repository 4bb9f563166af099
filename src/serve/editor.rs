//! The editor in `serve`: content files read as fields, unsaved fields checked and typeset
//! for one user's preview, and saves that splice only the changed values into the file.
//!
//! Not a second model of the content: an unsaved form is its file's text with the fields
//! spliced in ([`fields::write`]), laid over the disk ([`Layer`]) and sent through the same
//! load → validate → view → render stages as a saved file ([`Workspace::check_draft`],
//! [`Workspace::draft_layout`]). What Save writes is exactly the text that was checked.
//!
//! Every read carries the file's version (SHA-256 of its bytes); a save names the version it
//! replaces. Saves run one at a time (a lock around read → compare → check → write), so two
//! saves racing on one version cannot both win, and a file changed meanwhile by anyone (a text
//! editor, `git pull`, `figures import`) is never overwritten: the save gets a three-way merge
//! instead ([`merge::merge`]), from the text of the version it started from, which the editor
//! remembers for every version it handed out.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde_json::{Map, Value as Json, json};
use sha2::{Digest, Sha256};

use super::git;
use super::preview::Preview;
use super::workspace::{Doc, Workspace};
use crate::content::Layer;
use crate::content::fields;
use crate::content::merge;
use crate::content::schema::{self, Kind};
use crate::diagnostics::{self, Diagnostic, Severity, Sources};
use crate::i18n::{Lang, Msg};
use crate::model::Model;
use crate::msg;
use crate::validate::{ALLOWABLE_LINTS, is_slug};

/// How many versions' texts are kept for merges, and how many drafts' previews.
const KEPT_VERSIONS: usize = 512;
const KEPT_DRAFTS: usize = 16;
/// Largest image accepted by upload (bytes, decoded from base64).
pub const MAX_UPLOAD: usize = 6 * 1024 * 1024;

/// Why an editor request failed; each maps to one HTTP status. The words are made in the
/// request's language when the answer is sent.
#[derive(Debug)]
pub enum EditError {
    /// No such kind, id or file (404).
    NotFound(Msg),
    /// A malformed request (400).
    BadRequest(Msg),
    /// The file is no longer the version the request started from (409), with what the
    /// client needs to merge (its `error` is the message).
    Conflict(Msg, Json),
    /// The content would have errors (422): diagnostics in `check --format json`'s shape,
    /// already in the request's language.
    Invalid(Vec<Json>),
    /// Reading or writing failed (500): what failed, and the system's own words (a note).
    Io(Msg, String),
}

impl EditError {
    fn io(error: impl std::fmt::Display) -> Self {
        EditError::Io(msg!("editor-io-failed"), error.to_string())
    }
}

/// A [`fields::FieldsError`] in the user's words: the TOML parser's own message is kept as
/// a detail, after ours.
fn fields_error(error: fields::FieldsError) -> EditError {
    match error {
        fields::FieldsError::Toml(e) => {
            EditError::BadRequest(msg!("editor-not-toml", detail = e.message().to_string()))
        }
        fields::FieldsError::NotAnObject => EditError::BadRequest(msg!("editor-fields-not-object")),
    }
}

/// What a file reads as.
#[derive(Debug, Serialize)]
pub struct Read {
    /// SHA-256 of the file's bytes.
    pub version: String,
    /// The fields, named and nested as in the TOML.
    pub fields: Map<String, Json>,
    /// The file, relative to the project root.
    pub file: String,
    /// Content that refers to this file's id.
    pub referenced_by: Vec<Reference>,
}

/// A file that refers to another by id.
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    /// Its kind (`cases`).
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its file.
    pub file: String,
}

/// The pages of one document a draft changes.
#[derive(Debug, Serialize)]
pub struct DraftPages {
    /// The document (`publication`, `factsheets/zwolle`).
    pub doc: String,
    /// What the pages are, in the request's language.
    pub title: String,
    /// The pages' hashes, in order (SVG at `/api/content/drafts/pages/<hash>.svg`).
    pub hashes: Vec<String>,
}

/// The result of a preview request.
#[derive(Debug, Serialize)]
pub struct Drafted {
    /// Every diagnostic of the project with the draft laid over it, plus `field`.
    pub diagnostics: Vec<Json>,
    /// The typeset pages (empty while the draft has errors).
    pub pages: Vec<DraftPages>,
}

/// The editor's state in one `serve` process.
pub struct Editor {
    workspace: Arc<Workspace>,
    /// Commit every save when the project is a git repository.
    git: bool,
    /// One write at a time.
    writing: Mutex<()>,
    /// Texts of the versions handed out (version → text), newest last.
    versions: Mutex<VecDeque<(String, String)>>,
    /// The latest previews of each draft (draft id → previews), newest last.
    drafts: Mutex<VecDeque<(String, DraftPreviews)>>,
}

/// The previews of one draft, one per document.
type DraftPreviews = Vec<(Doc, Arc<Preview>)>;

/// A file the editor works on: its kind, id and path.
struct Target {
    kind: &'static Kind,
    id: Option<String>,
    path: PathBuf,
}

/// SHA-256 of `bytes`, hex.
pub fn version(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

impl Editor {
    /// The editor over `workspace`; `git`: commit each save when the project is in a git
    /// repository.
    pub fn new(workspace: Arc<Workspace>, git: bool) -> Self {
        let git = git && git::is_repository(workspace.root());
        Editor {
            workspace,
            git,
            writing: Mutex::new(()),
            versions: Mutex::new(VecDeque::new()),
            drafts: Mutex::new(VecDeque::new()),
        }
    }

    fn root(&self) -> &Path {
        self.workspace.root()
    }

    /// Finds the file of `kind`/`id` among the existing ones; the id is checked before any
    /// path is made, and the path comes from the folder listing, never from the id.
    fn target(&self, kind: &str, id: Option<&str>) -> Result<Target, EditError> {
        let kind = schema::kind(kind)
            .ok_or_else(|| EditError::NotFound(msg!("editor-unknown-kind", kind = kind)))?;
        let Some(dir) = kind.dir else {
            return Ok(Target {
                kind,
                id: None,
                path: PathBuf::from("content/publication.toml"),
            });
        };
        let id = id.ok_or_else(|| EditError::NotFound(msg!("editor-no-id")))?;
        if !is_slug(id) || id.len() > 100 {
            return Err(EditError::NotFound(msg!("editor-invalid-id", id = id)));
        }
        self.find(dir, id)
            .map(|path| Target {
                kind,
                id: Some(id.to_string()),
                path,
            })
            .ok_or_else(|| {
                EditError::NotFound(msg!("editor-no-such-file", kind = kind.name, id = id))
            })
    }

    /// The file in `dir` whose `id` is `id`.
    fn find(&self, dir: &str, id: &str) -> Option<PathBuf> {
        Layer::disk()
            .list(self.root(), Path::new(dir), "toml")
            .into_iter()
            .find(|path| file_id(&self.root().join(path)).as_deref() == Some(id))
    }

    fn remember(&self, version: &str, text: &str) {
        let mut versions = self.versions.lock().unwrap_or_else(|e| e.into_inner());
        if versions.iter().any(|(v, _)| v == version) {
            return;
        }
        versions.push_back((version.to_string(), text.to_string()));
        while versions.len() > KEPT_VERSIONS {
            versions.pop_front();
        }
    }

    fn remembered(&self, version: &str) -> Option<String> {
        self.versions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|(v, _)| v == version)
            .map(|(_, t)| t.clone())
    }

    fn read_text(&self, path: &Path) -> Result<(String, String), EditError> {
        let bytes = std::fs::read(self.root().join(path))
            .map_err(|_| EditError::NotFound(msg!("editor-cannot-read", file = path)))?;
        let version = version(&bytes);
        let text = String::from_utf8(bytes)
            .map_err(|_| EditError::BadRequest(msg!("editor-not-utf8", file = path)))?;
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        self.remember(&version, &text);
        Ok((version, text))
    }

    /// `GET /api/content/<kind>/<id>`.
    pub fn read(&self, kind: &str, id: Option<&str>) -> Result<Read, EditError> {
        let target = self.target(kind, id)?;
        let (version, text) = self.read_text(&target.path)?;
        let fields = fields::read(&text).map_err(fields_error)?;
        Ok(Read {
            version,
            fields,
            file: path_string(&target.path),
            referenced_by: self.references(&target),
        })
    }

    /// The cases that name this region or theme.
    fn references(&self, target: &Target) -> Vec<Reference> {
        let (Some(id), key) = (
            target.id.as_deref(),
            match target.kind.name {
                "regions" => "region",
                "themes" => "theme",
                _ => return Vec::new(),
            },
        ) else {
            return Vec::new();
        };
        Layer::disk()
            .list(self.root(), Path::new("content/cases"), "toml")
            .into_iter()
            .filter_map(|path| {
                let text = std::fs::read_to_string(self.root().join(&path)).ok()?;
                let doc = toml_edit::Document::parse(text.as_str()).ok()?;
                let refers = doc.get(key).and_then(|i| i.as_str()) == Some(id);
                let case = doc.get("id").and_then(|i| i.as_str())?.to_string();
                refers.then(|| Reference {
                    kind: "cases",
                    id: case,
                    file: path_string(&path),
                })
            })
            .collect()
    }

    /// `POST /api/content/<kind>/<id>/preview`: the fields laid over the file, checked and
    /// typeset for this draft only.
    pub fn preview(
        &self,
        kind: &str,
        id: Option<&str>,
        body: &Json,
        lang: Lang,
    ) -> Result<Drafted, EditError> {
        let target = self.target(kind, id)?;
        let draft = body
            .get("draft")
            .and_then(Json::as_str)
            .filter(|d| d.len() <= 64 && d.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .unwrap_or("")
            .to_string();
        let (_, text) = self.read_text(&target.path)?;
        let new = self.splice(&target, &text, body)?;
        let layer = Layer::disk().with_text(&target.path, new.clone());
        let checked = self.workspace.check_draft(&layer);
        let diagnostics = with_fields(
            &checked.sources,
            &checked.diagnostics,
            &target.path,
            &new,
            lang,
        );
        let Some(model) = checked.model else {
            return Ok(Drafted {
                diagnostics,
                pages: Vec::new(),
            });
        };
        // `"only": "factsheet"` or `"publication"`: one document, so a quick fact sheet need
        // not wait for the publication.
        let only = body.get("only").and_then(Json::as_str);
        let docs: Vec<(Doc, Msg)> = self
            .docs_for(&target, &model)
            .into_iter()
            .filter(|(doc, _)| match (only, doc) {
                (Some("factsheet"), Doc::FactSheet(_)) => true,
                (Some("publication"), Doc::Publication) => true,
                (Some(_), _) => false,
                (None, _) => true,
            })
            .collect();
        let previous = self.draft_previews(&draft);
        let mut pages = Vec::new();
        let mut previews = Vec::new();
        let mut layout_errors = Vec::new();
        for (doc, title) in docs {
            let before = previous
                .iter()
                .find(|(d, _)| *d == doc)
                .map(|(_, p)| p.as_ref());
            match self
                .workspace
                .draft_layout(&model, &doc, before, &checked.sources)
            {
                Ok(preview) => {
                    let indices = pages_of(&preview, &target, &model, &doc);
                    pages.push(DraftPages {
                        doc: doc.path(),
                        title: title.text(lang),
                        hashes: indices
                            .iter()
                            .filter_map(|&i| preview.pages.get(i).map(|p| p.hash.clone()))
                            .collect(),
                    });
                    previews.push((doc, Arc::new(preview)));
                }
                Err(errors) => layout_errors.extend(errors),
            }
        }
        let mut diagnostics = diagnostics;
        diagnostics.extend(diagnostics::to_json(&checked.sources, &layout_errors, lang));
        self.keep_draft(draft, previews);
        Ok(Drafted { diagnostics, pages })
    }

    fn draft_previews(&self, draft: &str) -> DraftPreviews {
        self.drafts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|(d, _)| d == draft)
            .map(|(_, p)| p.clone())
            .unwrap_or_default()
    }

    /// Keeps a draft's newest previews, one per document (a preview of only the fact sheet
    /// keeps the publication's from before).
    fn keep_draft(&self, draft: String, previews: DraftPreviews) {
        let mut drafts = self.drafts.lock().unwrap_or_else(|e| e.into_inner());
        let mut kept = drafts
            .iter()
            .position(|(d, _)| *d == draft)
            .and_then(|i| drafts.remove(i))
            .map(|(_, p)| p)
            .unwrap_or_default();
        kept.retain(|(doc, _)| previews.iter().all(|(new, _)| new != doc));
        kept.extend(previews);
        drafts.push_back((draft, kept));
        while drafts.len() > KEPT_DRAFTS {
            drafts.pop_front();
        }
    }

    /// A page of a draft's preview, drawn as SVG.
    pub fn draft_page(&self, hash: &str) -> Option<String> {
        let preview = self
            .drafts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .rev()
            .flat_map(|(_, previews)| previews.iter())
            .find(|(_, p)| p.has(hash))
            .map(|(_, p)| p.clone())?;
        preview.drawn(hash).map(|d| d.svg.clone())
    }

    /// The documents whose pages a change to `target` shows, with their titles.
    fn docs_for(&self, target: &Target, model: &Model) -> Vec<(Doc, Msg)> {
        match (target.kind.name, target.id.as_deref()) {
            ("regions", Some(id)) if model.region(id).is_some() => vec![
                (
                    Doc::FactSheet(id.to_string()),
                    msg!("editor-pages-factsheet"),
                ),
                (Doc::Publication, msg!("editor-pages-region")),
            ],
            ("cases", _) => vec![(Doc::Publication, msg!("editor-pages-case"))],
            ("themes", _) => vec![(Doc::Publication, msg!("editor-pages-theme"))],
            _ => vec![(Doc::Publication, msg!("editor-pages-publication"))],
        }
    }

    /// The file's text with the request's `fields` spliced in.
    fn splice(&self, target: &Target, text: &str, body: &Json) -> Result<String, EditError> {
        let fields = body
            .get("fields")
            .filter(|f| f.is_object())
            .ok_or_else(|| EditError::BadRequest(msg!("editor-fields-missing")))?;
        let mut fields = fields.clone();
        // The id names the file; it is not changed by editing.
        if let (Some(id), Some(object)) = (&target.id, fields.as_object_mut()) {
            object.insert("id".into(), Json::String(id.clone()));
        }
        let snapshot = self.workspace.snapshot();
        let order: Vec<&str> = snapshot
            .good
            .as_ref()
            .map(|g| g.model.key_figures.iter().map(|k| k.id.as_str()).collect())
            .unwrap_or_default();
        fields::write_ordered(target.kind, text, &fields, &order).map_err(fields_error)
    }

    /// `PUT /api/content/<kind>/<id>`: saves `fields` over `version`.
    pub fn save(
        &self,
        kind: &str,
        id: Option<&str>,
        body: &Json,
        user: Option<&str>,
        lang: Lang,
    ) -> Result<Json, EditError> {
        let target = self.target(kind, id)?;
        let expected = body
            .get("version")
            .and_then(Json::as_str)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-missing", name = "version")))?;
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let (current, text) = self.read_text(&target.path)?;
        if current != expected {
            return Err(self.conflict(&target, expected, &current, &text, body));
        }
        let new = self.splice(&target, &text, body)?;
        if new == text {
            return Ok(json!({ "version": current, "changed": [] }));
        }
        self.check_write(
            &Layer::disk().with_text(&target.path, new.clone()),
            &target.path,
            &new,
            lang,
        )?;
        crate::export::write_atomic(&self.root().join(&target.path), new.as_bytes())
            .map_err(EditError::io)?;
        let version = version(new.as_bytes());
        self.remember(&version, &new);
        let changed = changed_fields(&text, &new);
        let committed = self.commit(&target, &describe(&target, &changed), user);
        Ok(json!({ "version": version, "changed": changed, "committed": committed }))
    }

    /// The 409 answer: the file's fields now, and the save merged into them.
    fn conflict(
        &self,
        target: &Target,
        expected: &str,
        current: &str,
        text: &str,
        body: &Json,
    ) -> EditError {
        let theirs = fields::read(text).map(Json::Object).unwrap_or(Json::Null);
        let base = self
            .remembered(expected)
            .and_then(|t| fields::read(&t).ok())
            .map(Json::Object);
        let mine = body.get("fields").cloned().unwrap_or(Json::Null);
        let mut mine = mine;
        if let (Some(id), Some(object)) = (&target.id, mine.as_object_mut()) {
            object.insert("id".into(), Json::String(id.clone()));
        }
        let (merged, conflicts) = merge::merge(base.as_ref(), &mine, &theirs);
        EditError::Conflict(
            msg!("editor-changed-meanwhile"),
            json!({
                "version": current,
                "fields": theirs,
                "merged": merged,
                "conflicts": conflicts,
            }),
        )
    }

    /// Refuses a write that would leave errors in its own file, or new errors elsewhere
    /// (a reference that no longer resolves). Errors already in other files do not block it.
    fn check_write(
        &self,
        layer: &Layer,
        path: &Path,
        new: &str,
        lang: Lang,
    ) -> Result<(), EditError> {
        let checked = self.workspace.check_draft(layer);
        // The errors already there: the server's last check of the disk.
        let before = self.workspace.snapshot();
        let blocking: Vec<Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter(|d| {
                d.file.as_deref() == Some(path)
                    || !before
                        .diagnostics
                        .iter()
                        .any(|b| b.code == d.code && b.file == d.file && b.message == d.message)
            })
            .cloned()
            .collect();
        if blocking.is_empty() {
            Ok(())
        } else {
            Err(EditError::Invalid(with_fields(
                &checked.sources,
                &blocking,
                path,
                new,
                lang,
            )))
        }
    }

    fn commit(&self, target: &Target, message: &str, user: Option<&str>) -> Json {
        if !self.git {
            return Json::Null;
        }
        match git::commit(self.root(), &target.path, message, user) {
            Ok(()) => Json::Bool(true),
            Err(e) => json!({ "error": e }),
        }
    }

    /// `POST /api/content/<kind>`: a new file with `id` and `fields`.
    pub fn create(
        &self,
        kind: &str,
        body: &Json,
        user: Option<&str>,
        lang: Lang,
    ) -> Result<Json, EditError> {
        let kind = schema::kind(kind)
            .filter(|k| k.dir.is_some())
            .ok_or_else(|| EditError::NotFound(msg!("editor-cannot-create", kind = kind)))?;
        let dir = kind.dir.unwrap_or_default();
        let id = body
            .get("id")
            .and_then(Json::as_str)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-missing", name = "id")))?;
        if !is_slug(id) || id.len() > 100 {
            return Err(EditError::Invalid(vec![json!({
                "severity": "error", "code": "bad-id",
                "message": msg!("editor-bad-id", id = id).text(lang),
                "help": [msg!("editor-bad-id.help").text(lang)],
                "notes": [], "field": "id", "file": null, "line": null, "column": null,
                "end_line": null, "end_column": null,
            })]));
        }
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        if self.find(dir, id).is_some() {
            return Err(EditError::Conflict(
                msg!("editor-exists", kind = kind.name, id = id),
                json!({}),
            ));
        }
        let name = if kind.name == "regions" {
            format!("{id}.toml")
        } else {
            format!("{:02}-{id}.toml", self.next_number(dir))
        };
        let path = Path::new(dir).join(name);
        let target = Target {
            kind,
            id: Some(id.to_string()),
            path: path.clone(),
        };
        let text = self.splice(&target, "", body)?;
        self.check_write(
            &Layer::disk().with_text(&path, text.clone()),
            &path,
            &text,
            lang,
        )?;
        write_new(&self.root().join(&path), text.as_bytes())?;
        let version = version(text.as_bytes());
        self.remember(&version, &text);
        let message = msg!("editor-commit-added", kind = kind.name, id = id);
        let committed = self.commit(&target, &message.text(COMMIT_LANG), user);
        Ok(json!({ "version": version, "file": path_string(&path), "committed": committed }))
    }

    /// The number for a new case or theme file: one past the highest `NN-` prefix.
    fn next_number(&self, dir: &str) -> u32 {
        Layer::disk()
            .list(self.root(), Path::new(dir), "toml")
            .iter()
            .filter_map(|p| {
                let name = p.file_name()?.to_str()?;
                name.split_once('-')?.0.parse::<u32>().ok()
            })
            .max()
            .map_or(1, |n| n + 1)
    }

    /// `DELETE /api/content/<kind>/<id>`: removes the file, if nothing needs it.
    pub fn delete(
        &self,
        kind: &str,
        id: Option<&str>,
        body: &Json,
        user: Option<&str>,
        lang: Lang,
    ) -> Result<Json, EditError> {
        let target = self.target(kind, id)?;
        if target.id.is_none() {
            return Err(EditError::BadRequest(msg!(
                "editor-cannot-delete-publication"
            )));
        }
        let expected = body
            .get("version")
            .and_then(Json::as_str)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-missing", name = "version")))?;
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let (current, text) = self.read_text(&target.path)?;
        if current != expected {
            return Err(EditError::Conflict(
                msg!("editor-changed-meanwhile"),
                json!({
                    "version": current,
                    "fields": fields::read(&text).map(Json::Object).unwrap_or(Json::Null),
                }),
            ));
        }
        self.check_write(&Layer::disk().without(&target.path), &target.path, "", lang)?;
        std::fs::remove_file(self.root().join(&target.path)).map_err(EditError::io)?;
        let message = msg!(
            "editor-commit-deleted",
            kind = target.kind.name,
            id = target.id.as_deref().unwrap_or_default()
        );
        let committed = self.commit(&target, &message.text(COMMIT_LANG), user);
        Ok(json!({ "deleted": path_string(&target.path), "committed": committed }))
    }

    /// `GET …/history`: the file's recent commits (none without git).
    pub fn history(&self, kind: &str, id: Option<&str>) -> Result<Json, EditError> {
        let target = self.target(kind, id)?;
        let entries = if self.git {
            git::history(self.root(), &target.path, 20)
        } else {
            Vec::new()
        };
        Ok(json!({ "entries": entries, "git": self.git }))
    }

    /// `GET …/history/<commit>`: the fields of an earlier version.
    pub fn at(&self, kind: &str, id: Option<&str>, commit: &str) -> Result<Json, EditError> {
        let target = self.target(kind, id)?;
        if !self.git || !git::is_commit_hash(commit) {
            return Err(EditError::NotFound(msg!(
                "editor-no-version",
                commit = commit
            )));
        }
        let text = git::show(self.root(), commit, &target.path)
            .ok_or_else(|| EditError::NotFound(msg!("editor-no-version", commit = commit)))?;
        let fields = fields::read(&text).map_err(fields_error)?;
        Ok(json!({ "fields": fields, "commit": commit }))
    }

    /// `GET /api/content/schema`: the format and the choices the forms offer, in `lang`.
    pub fn schema(&self, lang: Lang) -> Json {
        let snapshot = self.workspace.snapshot();
        let model = snapshot.good.as_ref().map(|g| &g.model);
        let municipalities: Vec<&str> = model
            .map(|m| m.gazetteer.all().iter().map(|m| m.name.as_str()).collect())
            .unwrap_or_default();
        let provinces: Vec<&str> = model.map(|m| m.gazetteer.provinces()).unwrap_or_default();
        let regions: Vec<Json> = model
            .map(|m| {
                m.regions
                    .iter()
                    .map(|r| json!({ "id": r.id, "label": r.name }))
                    .collect()
            })
            .unwrap_or_default();
        let themes: Vec<Json> = model
            .map(|m| {
                m.themes
                    .iter()
                    .map(|t| json!({ "id": t.id, "label": t.title }))
                    .collect()
            })
            .unwrap_or_default();
        let key_figures: Vec<Json> = model
            .map(|m| {
                m.key_figures
                    .iter()
                    .map(|k| json!({ "id": k.id, "label": k.label, "description": k.description }))
                    .collect()
            })
            .unwrap_or_default();
        let sectors: Vec<Json> = crate::model::Sector::ALL
            .iter()
            .map(|s| json!({ "id": s.id(), "label": sector_label(*s).text(lang) }))
            .collect();
        let lints: Vec<Json> = ALLOWABLE_LINTS
            .iter()
            .map(|l| json!({ "id": l, "label": lint_label(l).text(lang) }))
            .collect();
        let kinds: Map<String, Json> = schema::KINDS
            .iter()
            .map(|k| (k.name.to_string(), k.json(lang)))
            .collect();
        json!({
            "kinds": kinds,
            "choices": {
                "municipalities": municipalities,
                "provinces": provinces,
                "sectors": sectors,
                "lints": lints,
                "images": self.images(),
                "regions": regions,
                "themes": themes,
                "key_figures": key_figures,
                "case_kinds": [
                    { "id": "case", "label": msg!("editor-case-kind-case").text(lang) },
                    { "id": "story", "label": msg!("editor-case-kind-story").text(lang) },
                ],
            },
        })
    }

    /// The images under `content/images/`, relative to the root.
    fn images(&self) -> Vec<String> {
        let dir = Path::new("content/images");
        let mut out = Vec::new();
        for ext in ["png", "jpg", "jpeg"] {
            out.extend(
                Layer::disk()
                    .list(self.root(), dir, ext)
                    .iter()
                    .map(|p| path_string(p)),
            );
        }
        out.sort();
        out
    }

    /// `GET /api/content/geo`: every municipality's outline as SVG path data (the small
    /// maps' simplified rings), for the map beside the municipality list.
    pub fn geo(&self) -> Json {
        let snapshot = self.workspace.snapshot();
        let Some(good) = snapshot.good.as_ref() else {
            return json!({ "viewBox": "0 0 0 0", "municipalities": {} });
        };
        let model = &good.model;
        let Some(geo) = model.geo.as_ref() else {
            return json!({ "viewBox": "0 0 0 0", "municipalities": {} });
        };
        let small = geo.small();
        let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        let mut paths = Map::new();
        for m in model.gazetteer.all() {
            let Some(rings) = small.municipalities.get(&m.code) else {
                continue;
            };
            for ring in rings {
                for p in ring.chunks_exact(2) {
                    x0 = x0.min(p[0]);
                    x1 = x1.max(p[0]);
                    y0 = y0.min(p[1]);
                    y1 = y1.max(p[1]);
                }
            }
            let refs: Vec<&crate::geo::Ring> = rings.iter().collect();
            paths.insert(
                m.name.clone(),
                Json::String(crate::site::map::path_data(&refs)),
            );
        }
        if paths.is_empty() {
            return json!({ "viewBox": "0 0 0 0", "municipalities": {} });
        }
        json!({
            "viewBox": format!("{x0} {y0} {} {}", x1 - x0, y1 - y0),
            "municipalities": paths,
        })
    }

    /// `POST /api/content/images`: a PNG or JPEG, checked with `check`'s limits, written as a
    /// new file under `content/images/` (never over an existing one).
    pub fn upload(&self, body: &Json, lang: Lang) -> Result<Json, EditError> {
        let name = body
            .get("name")
            .and_then(Json::as_str)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-missing", name = "name")))?;
        let data = body
            .get("data")
            .and_then(Json::as_str)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-missing", name = "data")))?;
        let bytes = base64_decode(data)
            .ok_or_else(|| EditError::BadRequest(msg!("editor-not-base64", name = "data")))?;
        if bytes.len() > MAX_UPLOAD {
            return Err(EditError::BadRequest(msg!(
                "editor-image-too-large",
                megabytes = MAX_UPLOAD / (1024 * 1024)
            )));
        }
        // The image decoder's own words, when it has any, are a note after ours.
        let invalid = |message: Msg, note: Option<String>| {
            EditError::Invalid(vec![json!({
                "severity": "error", "code": "bad-image", "message": message.text(lang),
                "help": [msg!("editor-image-help").text(lang)], "notes": note.into_iter().collect::<Vec<_>>(),
                "field": "path",
                "file": null, "line": null, "column": null, "end_line": null, "end_column": null,
            })])
        };
        let format = image::guess_format(&bytes)
            .map_err(|_| invalid(msg!("editor-image-not-png-jpeg"), None))?;
        let ext = match format {
            image::ImageFormat::Png => "png",
            image::ImageFormat::Jpeg => "jpg",
            _ => return Err(invalid(msg!("editor-image-only-png-jpeg"), None)),
        };
        let mut reader = image::ImageReader::with_format(std::io::Cursor::new(&bytes), format);
        reader.limits(crate::validate::image_decode_limits());
        reader
            .decode()
            .map_err(|e| invalid(msg!("editor-image-unreadable"), Some(e.to_string())))?;
        let stem = crate::validate::slugify(
            Path::new(name)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("afbeelding"),
        );
        let stem = if stem.is_empty() {
            "afbeelding".to_string()
        } else {
            stem
        };
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let dir = self.root().join("content/images");
        std::fs::create_dir_all(&dir).map_err(EditError::io)?;
        for n in 1..1000 {
            let file = if n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem}-{n}.{ext}")
            };
            let path = dir.join(&file);
            if path.exists() {
                continue;
            }
            write_new(&path, &bytes)?;
            return Ok(json!({ "path": format!("content/images/{file}") }));
        }
        Err(EditError::Io(msg!("editor-no-free-name"), String::new()))
    }
}

/// Writes a new file atomically, never over an existing one.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), EditError> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(EditError::io)?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_data())
        .map_err(EditError::io)?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            EditError::Conflict(msg!("editor-file-exists"), json!({}))
        } else {
            EditError::io(e.error)
        }
    })?;
    Ok(())
}

/// The `id` in a content file, read without checking the rest.
fn file_id(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let doc = toml_edit::Document::parse(text.as_str()).ok()?;
    doc.get("id").and_then(|i| i.as_str()).map(str::to_string)
}

fn path_string(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The pages of `doc` that show `target`: a fact sheet whole, in the publication the
/// region's page, the case's page(s), the theme's chapter, or the first pages.
fn pages_of(preview: &Preview, target: &Target, model: &Model, doc: &Doc) -> Vec<usize> {
    use typst::foundations::Label;
    use typst::introspection::Introspector;
    use typst::utils::PicoStr;
    if let Doc::FactSheet(_) = doc {
        return (0..preview.pages.len()).collect();
    }
    let introspector = preview.document.introspector();
    let page_of = |label: &str| -> Option<usize> {
        let label = Label::new(PicoStr::intern(label))?;
        let element = introspector.query_label(label).ok()?;
        let page = introspector.page(element.location()?)?.get();
        Some(page - 1)
    };
    let id = target.id.as_deref().unwrap_or_default();
    let pages: Vec<usize> = match target.kind.name {
        "regions" => page_of(&format!("region-{id}")).into_iter().collect(),
        "cases" => page_of(&format!("case-{id}"))
            .into_iter()
            .flat_map(|p| [p, p + 1])
            .collect(),
        "themes" => {
            let mut labels = vec![format!("theme-{id}")];
            labels.extend(
                model
                    .cases
                    .iter()
                    .filter(|c| model.themes.get(c.theme).is_some_and(|t| t.id == id))
                    .map(|c| format!("case-{}", c.id)),
            );
            let found: Vec<usize> = labels.iter().filter_map(|l| page_of(l)).collect();
            match (found.iter().min(), found.iter().max()) {
                (Some(&a), Some(&b)) => (a..=b.min(a + 12)).collect(),
                _ => Vec::new(),
            }
        }
        _ => (0..3).collect(),
    };
    pages
        .into_iter()
        .filter(|&p| p < preview.pages.len())
        .collect()
}

/// Diagnostics as `check --format json` gives them, each with the field its span points
/// into when it is in the edited file.
fn with_fields(
    sources: &Sources,
    list: &[Diagnostic],
    path: &Path,
    text: &str,
    lang: Lang,
) -> Vec<Json> {
    list.iter()
        .zip(diagnostics::to_json(sources, list, lang))
        .map(|(d, mut value)| {
            let field = (d.file.as_deref() == Some(path))
                .then(|| {
                    d.span
                        .as_ref()
                        .and_then(|s| fields::field_at(text, s.start))
                })
                .flatten();
            if let Some(object) = value.as_object_mut() {
                object.insert("field".into(), field.map_or(Json::Null, Json::String));
            }
            value
        })
        .collect()
}

/// The top-level fields (and `figures.<id>`) whose values differ between two texts.
fn changed_fields(old: &str, new: &str) -> Vec<String> {
    let (Ok(old), Ok(new)) = (fields::read(old), fields::read(new)) else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        match (old.get(key), new.get(key)) {
            (Some(Json::Object(a)), Some(Json::Object(b))) if key == "figures" => {
                let mut inner: Vec<&String> = a.keys().chain(b.keys()).collect();
                inner.sort();
                inner.dedup();
                out.extend(
                    inner
                        .into_iter()
                        .filter(|k| a.get(*k) != b.get(*k))
                        .map(|k| format!("figures.{k}")),
                );
            }
            (a, b) if a != b => out.push(key.clone()),
            _ => {}
        }
    }
    out
}

/// The language of commit messages. A commit is written once, for everyone who reads the
/// project's history (the editor's history list, `git log`, the team's other tools), not for
/// the one browser that saved; the project's own language is Dutch, so its history is too.
const COMMIT_LANG: Lang = Lang::Nl;

/// The commit message of a save: what was edited and which fields (field names as they are).
fn describe(target: &Target, changed: &[String]) -> String {
    let id = target.id.as_deref().unwrap_or_default();
    let kind = target.kind.name;
    let message = if changed.is_empty() {
        msg!("editor-commit-edited", kind = kind, id = id)
    } else {
        msg!(
            "editor-commit-changed",
            kind = kind,
            id = id,
            fields = changed.join(", ")
        )
    };
    message.text(COMMIT_LANG)
}

fn sector_label(sector: crate::model::Sector) -> Msg {
    match sector {
        crate::model::Sector::Po => msg!("editor-sector-po"),
        crate::model::Sector::Vo => msg!("editor-sector-vo"),
        crate::model::Sector::Mbo => msg!("editor-sector-mbo"),
    }
}

fn lint_label(lint: &str) -> Msg {
    match lint {
        "identical-figures" => msg!("editor-lint-identical-figures"),
        "duplicate-municipality" => msg!("editor-lint-duplicate-municipality"),
        "figures-contradict-sectors" => msg!("editor-lint-figures-contradict-sectors"),
        "no-municipalities" => msg!("editor-lint-no-municipalities"),
        _ => msg!("editor-lint-other"),
    }
}

/// Base64 as browsers' `FileReader.readAsDataURL` gives it (a `data:` prefix allowed).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let text = text.trim();
    let text = text.split_once(";base64,").map_or(text, |(_, data)| data);
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("data:image/png;base64,aGk=").unwrap(), b"hi");
        assert!(base64_decode("a b").is_none());
        assert!(base64_decode("aGk").is_none(), "padding is required");
    }

    #[test]
    fn changed_fields_are_named() {
        let old = "name = \"A\"\n[figures]\nstudents = 1\nvo-boards = 2\n";
        let new = "name = \"B\"\n[figures]\nstudents = 1\nvo-boards = 3\n";
        assert_eq!(changed_fields(old, new), ["figures.vo-boards", "name"]);
    }
}
