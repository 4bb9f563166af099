//! Validation of file paths in content: a path names a file inside the project, and stays
//! there (no absolute paths, no `..`, no symbolic links that lead out).

use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::diagnostics::Diagnostic;

/// What kind of file a path names, for the messages.
pub struct FileKind {
    /// `image`, `ICC profile`.
    pub name: &'static str,
    /// Where such files go (`content/images/`).
    pub folder: &'static str,
    /// An example path (`content/images/foto.jpg`).
    pub example: &'static str,
}

/// Resolves a project-relative path from the content file `file` to the real file, or reports
/// why it cannot be used (outside the project, missing) and returns `None`.
pub fn project_file(
    root: &Path,
    file: &Path,
    raw: &Spanned<String>,
    kind: &FileKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let value = raw.get_ref();
    let span = raw.span();
    let relative = Path::new(value);
    if crate::content::geography::leaves_project(value) {
        diagnostics.push(
            Diagnostic::error(
                "path-outside-project",
                format!("{} path \"{value}\" leaves the project", kind.name),
            )
            .at(
                file,
                span,
                "paths are relative to the project root and may not use `..`",
            )
            .with_help(format!(
                "put the {} under {} and write for example \"{}\"",
                kind.name, kind.folder, kind.example
            )),
        );
        return None;
    }
    let full = root.join(relative);
    let real = match full.canonicalize() {
        Ok(real) => real,
        Err(_) => {
            let mut d = Diagnostic::error(
                "missing-file",
                format!("{} \"{value}\" does not exist", kind.name),
            )
            .at(file, span, "no file at this path");
            if let Some(best) = sibling_suggestion(&full) {
                d = d.with_help(format!(
                    "did you mean \"{}\"?",
                    relative.with_file_name(best).display()
                ));
            }
            diagnostics.push(d);
            return None;
        }
    };
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if !real.starts_with(&root_real) {
        diagnostics.push(
            Diagnostic::error(
                "path-outside-project",
                format!(
                    "{} \"{value}\" links to a file outside the project",
                    kind.name
                ),
            )
            .at(file, span, "a symbolic link leads out of the project")
            .with_help(format!(
                "copy the {} into {} instead of linking to it",
                kind.name, kind.folder
            )),
        );
        return None;
    }
    Some(real)
}

/// The closest file name in the same folder, for a mistyped path.
fn sibling_suggestion(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let names: Vec<String> = std::fs::read_dir(path.parent()?)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    crate::suggest::did_you_mean(&name, names.iter().map(String::as_str)).map(str::to_string)
}
