//! The words of `serve`'s pages and scripts, from the catalogue (`i18n/{nl,en}/serve.ftl`),
//! in the language of whoever asked for the page.
//!
//! Templates call `t("id", name=value)`; scripts call `t('id', {name: value})` on texts the
//! page carries as data (`<script type="application/json" id="texts">`, which the strict CSP
//! allows because it is never run). Both only name ids listed here, with the variables each
//! passes; a test holds the lists to the catalogues and to the templates and scripts, so a page
//! can never ask for a text that is missing.

use std::collections::BTreeMap;

use minijinja::value::{Kwargs, Value};

use crate::i18n::{Arg, Lang, Msg};

/// Every id the templates use, with the variables they pass.
pub const PAGES: &[(&str, &[&str])] = &[
    ("serve-skip", &[]),
    ("serve-brand", &[]),
    ("serve-live-connecting", &[]),
    ("serve-index-project", &[]),
    ("serve-index-project-errors", &[]),
    ("serve-index-check", &[]),
    ("serve-summary-errors", &["errors", "warnings"]),
    ("serve-summary-warnings", &["warnings"]),
    ("serve-summary-ok", &[]),
    ("serve-index-publication", &[]),
    ("serve-index-view-preview", &[]),
    ("serve-index-download-web", &[]),
    ("serve-index-download-print", &[]),
    ("serve-index-edit-publication", &[]),
    ("serve-index-regions", &[]),
    ("serve-index-filter", &[]),
    ("serve-index-region-count", &["count"]),
    ("serve-index-map-per-sector", &[]),
    ("serve-index-pdf-of", &["name"]),
    ("serve-edit", &[]),
    ("serve-index-edit-themes-cases", &[]),
    ("serve-index-cases-stories", &[]),
    ("schema-kind-regions.new", &[]),
    ("schema-kind-themes.new", &[]),
    ("schema-kind-themes.plural", &[]),
    ("schema-kind-cases.new", &[]),
    ("serve-this-document", &[]),
    ("serve-preview-web-pdf", &[]),
    ("serve-preview-print-pdf", &[]),
    ("serve-preview-hint-before", &[]),
    ("serve-preview-hint-and", &[]),
    ("serve-preview-hint-after", &[]),
    ("serve-typesetting", &[]),
    ("serve-overlay-title", &[]),
    ("serve-overlay-help", &[]),
    ("serve-overlay-hide", &[]),
    ("serve-not-found", &[]),
    ("serve-not-found-region-before", &[]),
    ("serve-not-found-region-after", &[]),
    ("serve-not-found-did-you-mean-before", &[]),
    ("serve-not-found-did-you-mean-after", &[]),
    ("serve-not-found-page", &[]),
    ("serve-to-overview", &[]),
    ("editor-breadcrumbs", &[]),
    ("editor-overview", &[]),
    ("editor-crumb-new", &[]),
    ("editor-full-preview", &[]),
    ("editor-loading", &[]),
    ("editor-fields", &[]),
    ("editor-create", &[]),
    ("editor-save-button", &[]),
    ("editor-delete-button", &[]),
    ("editor-preview", &[]),
    ("editor-preview-after-create", &["kind"]),
    ("editor-history", &[]),
    ("editor-cancel", &[]),
];

/// Every id the scripts use, with the variables they pass. A plural is two ids, `.one` and
/// `.other` (Dutch and English choose alike: one, or anything else), chosen by the script.
pub const SCRIPTS: &[(&str, &[&str])] = &[
    // live.js
    ("serve-live-connected", &[]),
    ("serve-live-lost", &[]),
    // index.js
    ("serve-index-region-count.one", &[]),
    ("serve-index-region-count.other", &["count"]),
    ("serve-summary-ok", &[]),
    ("serve-script-errors.one", &[]),
    ("serve-script-errors.other", &["count"]),
    ("serve-script-warnings.one", &[]),
    ("serve-script-warnings.other", &["count"]),
    ("serve-script-summary-errors", &["errors"]),
    (
        "serve-script-summary-errors-warnings",
        &["errors", "warnings"],
    ),
    ("serve-script-summary-warnings", &["warnings"]),
    // preview.js
    ("serve-page-of", &["page", "pages"]),
    // edit.js and edit-form.js
    ("serve-typesetting", &[]),
    ("editor-loading", &[]),
    ("editor-no-access-token", &[]),
    ("editor-empty", &[]),
    ("editor-id-label", &[]),
    ("editor-id-help", &[]),
    ("editor-file-unreadable", &[]),
    ("editor-error-prefix", &[]),
    ("editor-warning-prefix", &[]),
    ("editor-accept-button", &[]),
    ("editor-whole-file", &[]),
    ("editor-and", &[]),
    ("editor-fix-first.one", &[]),
    ("editor-fix-first.other", &["count"]),
    ("editor-choose-first.one", &[]),
    ("editor-choose-first.other", &[]),
    ("editor-no-changes", &[]),
    ("editor-unsaved", &[]),
    ("editor-saved-at", &["time"]),
    ("editor-accept-text", &["message"]),
    ("editor-accept-reason", &[]),
    ("editor-accept-title", &[]),
    ("editor-accept", &[]),
    ("editor-accepted", &[]),
    ("editor-preview-failed", &["reason"]),
    ("editor-preview-errors", &[]),
    ("editor-updated-at", &["time"]),
    ("editor-preview-failed-status", &["reason"]),
    ("editor-page-alt", &["title", "page", "pages"]),
    ("editor-draft-restore", &["when"]),
    ("editor-draft-stale", &[]),
    ("editor-draft-restore-button", &[]),
    ("editor-draft-restored", &[]),
    ("editor-draft-discard", &[]),
    ("editor-removed", &["items"]),
    ("editor-added", &["items"]),
    ("editor-reordered", &["value"]),
    ("editor-changes", &[]),
    ("editor-changes-field", &[]),
    ("editor-changes-was", &[]),
    ("editor-changes-becomes", &[]),
    ("editor-checking", &[]),
    ("editor-not-saved-errors-first", &[]),
    ("editor-nothing-to-save", &[]),
    ("editor-save-title", &[]),
    ("editor-save-changes-in", &["file"]),
    ("editor-save-changes-in-file", &[]),
    ("editor-save", &[]),
    ("editor-not-saved", &[]),
    ("editor-saving", &[]),
    ("editor-save-failed", &["reason"]),
    ("editor-not-saved-errors", &[]),
    ("editor-save-failed-status", &["reason"]),
    ("editor-merged-conflicts.one", &[]),
    ("editor-merged-conflicts.other", &["count"]),
    ("editor-merged", &[]),
    ("editor-not-saved-changed", &[]),
    ("editor-conflicts", &[]),
    ("editor-conflict-mine", &[]),
    ("editor-conflict-theirs", &[]),
    ("editor-id-rule", &[]),
    ("editor-fill-in-id", &[]),
    ("editor-creating", &[]),
    ("editor-created", &["file"]),
    ("editor-id-taken", &["id"]),
    ("editor-not-created-taken", &[]),
    ("editor-not-created-errors", &[]),
    ("editor-create-failed", &["reason"]),
    ("editor-delete-text", &["file"]),
    ("editor-delete-used-by", &[]),
    ("editor-delete-fix-first", &[]),
    ("editor-delete-title", &[]),
    ("editor-delete", &[]),
    ("editor-deleted", &[]),
    ("editor-not-deleted-changed", &[]),
    ("editor-not-deleted-referenced", &[]),
    ("editor-delete-failed", &["reason"]),
    ("editor-history-failed", &[]),
    ("editor-history-none", &[]),
    ("editor-history-restore", &[]),
    ("editor-version-failed", &[]),
    ("editor-version-in-form", &["when"]),
    ("editor-form-failed", &["reason"]),
    ("editor-no-access", &[]),
    ("editor-file-gone", &[]),
    ("editor-file-failed", &["reason"]),
    ("editor-file", &["file"]),
    ("editor-reloaded", &[]),
    ("editor-changed-on-disk", &[]),
    ("editor-markdown-help", &[]),
    ("editor-markdown-toolbar", &["field"]),
    ("editor-markdown-bold-sample", &[]),
    ("editor-markdown-bold", &[]),
    ("editor-markdown-italic-sample", &[]),
    ("editor-markdown-italic", &[]),
    ("editor-markdown-link-sample", &[]),
    ("editor-markdown-link", &[]),
    ("editor-markdown-list-sample", &[]),
    ("editor-markdown-list", &[]),
    ("editor-whole-number", &["example"]),
    ("editor-municipality", &[]),
    ("editor-add-entry", &["field"]),
    ("editor-move-up", &[]),
    ("editor-move-down", &[]),
    ("editor-remove", &[]),
    ("editor-no-image", &[]),
    ("editor-image-choose", &[]),
    ("editor-image-upload", &[]),
    ("editor-image-alt", &[]),
    ("editor-image-alt-help", &[]),
    ("editor-image-credit", &[]),
    ("editor-image-alt-required", &[]),
    ("editor-uploading", &[]),
    ("editor-uploaded", &["file"]),
    ("editor-upload-failed", &["reason"]),
    ("editor-add", &[]),
    ("editor-did-you-mean", &["name"]),
    ("editor-map-caption", &["field"]),
    ("editor-map-title", &["known", "count"]),
];

/// The text of `id` with `args`, when `id` is one of `list`'s; else the id itself (the tests
/// make sure that never happens).
fn format(
    list: &[(&'static str, &'static [&'static str])],
    lang: Lang,
    id: &str,
    args: Vec<(&str, Arg)>,
) -> String {
    let Some((id, names)) = list.iter().find(|(known, _)| *known == id) else {
        return id.to_string();
    };
    let args = args
        .into_iter()
        .filter_map(|(key, arg)| names.iter().find(|n| **n == key).map(|n| (*n, arg)))
        .collect();
    Msg::new(id, args).text(lang)
}

/// The templates' `t(id, name=value, …)` in `lang`: whole numbers stay numbers (so they choose
/// plurals and are grouped the language's way), everything else is text.
pub fn template_function(lang: Lang) -> Value {
    Value::from_function(
        move |id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let mut args = Vec::new();
            for key in kwargs.args() {
                let value: Value = kwargs.get(key)?;
                let arg = match i64::try_from(value.clone()) {
                    Ok(n) if value.is_number() => Arg::Int(n),
                    _ => Arg::Str(value.to_string()),
                };
                args.push((key, arg));
            }
            kwargs.assert_all_used()?;
            Ok(format(PAGES, lang, id, args))
        },
    )
}

/// The scripts' texts in `lang` as JSON for `<script type="application/json" id="texts">`:
/// `<`, `>` and `&` escaped, so no text can end the element.
pub fn for_scripts_json(lang: Lang) -> Value {
    let json = serde_json::to_string(&for_scripts(lang))
        .unwrap_or_else(|_| "{}".to_string())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    Value::from_safe_string(json)
}

/// The scripts' texts in `lang`: each variable left as `{name}` for the script to fill.
pub fn for_scripts(lang: Lang) -> BTreeMap<&'static str, String> {
    SCRIPTS
        .iter()
        .map(|(id, names)| {
            let args = names
                .iter()
                .map(|name| (*name, Arg::Str(format!("{{{name}}}"))))
                .collect();
            (*id, Msg::new(id, args).text(lang))
        })
        .collect()
}

#[cfg(test)]
mod tests;
