//! Render target "site" (stage 4, render): the page templates in `layouts/site/`, read from the
//! project at run time so a designer edits them like the Typst layouts.
//!
//! Templates are minijinja (Jinja2 syntax) with HTML autoescaping on: every value from the view
//! is escaped unless the engine made it as [`super::html::Html`]. Content never becomes template
//! source: templates are read only from `layouts/site/`, and content arrives as values. A mistake
//! in a template (syntax, an unknown field) is a diagnostic pointing at the template's line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::diagnostics::{Diagnostic, Sources};
use crate::i18n::Msg;
use crate::msg;

/// Folder of the site templates, relative to the project root.
pub const DIR: &str = "layouts/site";
/// Folder of the site's static files (stylesheet, script), copied as they are.
pub const ASSETS: &str = "layouts/site/assets";

/// The loaded templates.
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Reads and parses every `*.html` file in `layouts/site/`. Every template's text goes into
    /// `sources`, so diagnostics can show the line.
    pub fn load(root: &Path, sources: &mut Sources) -> Result<Self, Vec<Diagnostic>> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        // Printing an unknown field is an error, so a typo in a template is found, not shown
        // as an empty string; `{% if x %}` on a missing field is still allowed.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        // Block tags leave no blank lines and indentation behind (the register would be a
        // fifth whitespace otherwise).
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        let mut errors = Vec::new();
        let names = list(&root.join(DIR), |p| {
            p.extension().is_some_and(|e| e == "html")
        })
        .map_err(|e| {
            vec![
                Diagnostic::error(
                    "site-template",
                    msg!("site-templates-missing", folder = DIR),
                )
                .with_help(msg!("site-templates-missing.help"))
                .with_note(Msg::verbatim(e.to_string())),
            ]
        })?;
        for name in names {
            let path = PathBuf::from(DIR).join(&name);
            let text = match fs::read_to_string(root.join(&path)) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(
                        Diagnostic::error("site-template", msg!("site-template-unreadable"))
                            .in_file(&path)
                            .with_note(Msg::verbatim(e.to_string())),
                    );
                    continue;
                }
            };
            sources.insert(&path, text.clone());
            if let Err(e) = env.add_template_owned(name, text) {
                errors.push(diagnostic(&e));
            }
        }
        if errors.is_empty() {
            Ok(Templates { env })
        } else {
            Err(errors)
        }
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: Value) -> Result<String, Box<Diagnostic>> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| Box::new(diagnostic(&e)))?;
        template
            .render(context)
            .map_err(|e| Box::new(diagnostic(&e)))
    }
}

/// A minijinja error as a diagnostic in the template it happened in: drukwerk's sentence, and
/// minijinja's own words (`undefined value: …`) as a note.
fn diagnostic(e: &minijinja::Error) -> Diagnostic {
    let detail = match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    };
    let mut d = Diagnostic::error("site-template", msg!("site-template"));
    if let Some(name) = e.name() {
        let path = PathBuf::from(DIR).join(name);
        d = match e.range() {
            Some(range) => d.at(path, range, msg!("site-template.label")),
            None => d.in_file(path),
        };
        if let Some(line) = e.line()
            && e.range().is_none()
        {
            // A line number, not a quantity: not grouped.
            d = d.with_note(msg!("site-template-line", line = line.to_string()));
        }
    }
    d.with_note(Msg::verbatim(detail))
        .with_help(msg!("site-template.help"))
}

/// File names (relative to `dir`, forward slashes, sorted) of the files under `dir` that match.
pub fn list(dir: &Path, keep: impl Fn(&Path) -> bool) -> std::io::Result<Vec<String>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && keep(&path) {
                let rel = path
                    .strip_prefix(dir)
                    .map_err(std::io::Error::other)?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, ());
            }
        }
    }
    Ok(out.into_keys().collect())
}
