//! Validation of file paths in content: a path names a file inside the project, and stays
//! there (no absolute paths, no `..`, no symbolic links that lead out).

use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::msg;

/// What kind of file a path names, for the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A content image, under `content/images/`.
    Image,
    /// The print shop's ICC profile, under `content/print/`.
    IccProfile,
}

impl FileKind {
    /// The kind as the catalogue selects on it (`$kind`).
    fn key(self) -> &'static str {
        match self {
            FileKind::Image => "image",
            FileKind::IccProfile => "profile",
        }
    }

    /// Where such files go.
    fn folder(self) -> &'static str {
        match self {
            FileKind::Image => "content/images/",
            FileKind::IccProfile => "content/print/",
        }
    }

    /// An example path.
    fn example(self) -> &'static str {
        match self {
            FileKind::Image => "content/images/foto.jpg",
            FileKind::IccProfile => "content/print/PSOcoated_v3.icc",
        }
    }
}

/// Resolves a project-relative path from the content file `file` to the real file, or reports
/// why it cannot be used (outside the project, missing) and returns `None`.
pub fn project_file(
    root: &Path,
    file: &Path,
    raw: &Spanned<String>,
    kind: FileKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let value = raw.get_ref();
    let span = raw.span();
    let relative = Path::new(value);
    if crate::content::geography::leaves_project(value) {
        diagnostics.push(
            Diagnostic::error(
                "path-outside-project",
                msg!("path-outside-project", kind = kind.key(), path = value),
            )
            .at(file, span, msg!("path-outside-project.label"))
            .with_help(msg!(
                "path-outside-project.help",
                kind = kind.key(),
                folder = kind.folder(),
                example = kind.example()
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
                msg!("missing-file", kind = kind.key(), path = value),
            )
            .at(file, span, msg!("missing-file.label"));
            if let Some(best) = sibling_suggestion(&full) {
                d = d.with_help(msg!(
                    "validate-did-you-mean",
                    name = &relative.with_file_name(best)
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
                msg!("path-outside-project-link", kind = kind.key(), path = value),
            )
            .at(file, span, msg!("path-outside-project-link.label"))
            .with_help(msg!(
                "path-outside-project-link.help",
                kind = kind.key(),
                folder = kind.folder()
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
