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
