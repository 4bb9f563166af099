//! Diagnostics shared by every stage: what went wrong, where, and how to fix it.
//!
//! A [`Diagnostic`] points into a file the user edits (a TOML file under `content/` or a layout
//! under `layouts/`) by byte range. [`Sources`] keeps the text of those files so diagnostics can
//! be printed like a compiler's (codespan-reporting) or as JSON lines for CI annotations.

use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{
    self,
    termcolor::{self, WriteColor},
};
use serde::Serialize;

use crate::i18n::{Lang, Msg};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: something was accepted, but the user may want to know.
    Note,
    /// Suspicious content that still builds (data-quality problems).
    Warning,
    /// The content cannot be built.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found in the content or the layouts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// A stable, kebab-case code (`unknown-municipality`), used in JSON output and in `[[allow]]`.
    pub code: &'static str,
    /// One-line description of the problem.
    pub message: Msg,
    /// The file the problem is in, relative to the project root; `None` for project-wide problems.
    pub file: Option<PathBuf>,
    /// Byte range in that file; `None` when the whole file is meant.
    pub span: Option<Range<usize>>,
    /// Where in a file that has no text to show (a workbook): `sheet "Kerncijfers", cell B14`.
    pub place: Option<Msg>,
    /// Short text printed under the underlined span (may be empty).
    pub label: Msg,
    /// Suggestions that fix the problem (`did you mean "Veenendaal"?`).
    pub help: Vec<Msg>,
    /// Further context (`the other definition is in …`).
    pub notes: Vec<Msg>,
}

impl Diagnostic {
    /// A new error with the given code and message, not yet located.
    pub fn error(code: &'static str, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning with the given code and message, not yet located.
    pub fn warning(code: &'static str, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A new note with the given code and message, not yet located.
    pub fn note(code: &'static str, message: impl Into<Msg>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<Msg>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            file: None,
            span: None,
            place: None,
            label: Msg::empty(),
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Points the diagnostic at a whole file.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Points the diagnostic at a byte range in a file, with a label under it.
    pub fn at(
        mut self,
        file: impl Into<PathBuf>,
        span: Range<usize>,
        label: impl Into<Msg>,
    ) -> Self {
        self.file = Some(file.into());
        self.span = Some(span);
        self.label = label.into();
        self
    }

    /// Points the diagnostic at a place in a file whose text cannot be shown, such as a cell
    /// of a workbook (`sheet "Kerncijfers", cell B14`).
    pub fn at_place(mut self, file: impl Into<PathBuf>, place: impl Into<Msg>) -> Self {
        self.file = Some(file.into());
        self.place = Some(place.into());
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<Msg>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds a `note:` line.
    pub fn with_note(mut self, note: impl Into<Msg>) -> Self {
        self.notes.push(note.into());
        self
    }
}

/// The text of every file diagnostics may point into, keyed by project-relative path.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<(PathBuf, String)>,
}

impl Sources {
    /// Remembers the text of a file (replacing an earlier version).
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        let path = path.into();
        let text = text.into();
        match self.files.iter_mut().find(|(p, _)| *p == path) {
            Some(entry) => entry.1 = text,
            None => self.files.push((path, text)),
        }
    }

    /// The text of a file, if known.
    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
    }

    /// 1-based line and column (in characters) of a byte offset in a known file.
    pub fn line_col(&self, path: &Path, offset: usize) -> Option<(usize, usize)> {
        let text = self.get(path)?;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        Some((line, col))
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Output format for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Compiler-style, with the source line and the span underlined.
    #[default]
    Human,
    /// One JSON object per line, for CI annotations.
    Json,
}

/// One diagnostic as a JSON object (the `--format json` contract).
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: String,
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    help: Vec<String>,
    notes: Vec<String>,
}

/// Writes diagnostics in the chosen format.
pub fn emit(
    out: &mut dyn WriteColor,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    format: Format,
    lang: Lang,
) -> std::io::Result<()> {
    match format {
        Format::Human => emit_human(out, sources, diagnostics, lang),
        Format::Json => emit_json(out, sources, diagnostics, lang),
    }
}

/// Every diagnostic as a JSON value, the same objects `--format json` prints one per line.
pub fn to_json(
    sources: &Sources,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> Vec<serde_json::Value> {
    diagnostics
        .iter()
        .filter_map(|d| serde_json::to_value(json(sources, d, lang)).ok())
        .collect()
}

/// One diagnostic as `check` prints it (without colour).
pub fn to_human(sources: &Sources, diagnostic: &Diagnostic, lang: Lang) -> String {
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    let _ = emit_human(&mut out, sources, std::slice::from_ref(diagnostic), lang);
    String::from_utf8_lossy(&out.into_inner()).into_owned()
}

fn json<'a>(sources: &Sources, d: &'a Diagnostic, lang: Lang) -> JsonDiagnostic<'a> {
    let start = locate(sources, d, |s| s.start);
    let end = locate(sources, d, |s| s.end);
    JsonDiagnostic {
        severity: d.severity,
        code: d.code,
        message: d.message.text(lang),
        file: d.file.as_ref().map(|p| display_path(p)),
        place: d.place.as_ref().map(|p| p.text(lang)),
        line: start.map(|p| p.0),
        column: start.map(|p| p.1),
        end_line: end.map(|p| p.0),
        end_column: end.map(|p| p.1),
        help: d.help.iter().map(|m| m.text(lang)).collect(),
        notes: d.notes.iter().map(|m| m.text(lang)).collect(),
    }
}

fn emit_json(
    out: &mut dyn Write,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    for d in diagnostics {
        serde_json::to_writer(&mut *out, &json(sources, d, lang))?;
        writeln!(out)?;
    }
    Ok(())
}

fn locate(
    sources: &Sources,
    d: &Diagnostic,
    pick: impl Fn(&Range<usize>) -> usize,
) -> Option<(usize, usize)> {
    sources.line_col(d.file.as_deref()?, pick(d.span.as_ref()?))
}

/// Project-relative path with forward slashes, the same on every platform (snapshots depend on it).
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn emit_human(
    out: &mut dyn WriteColor,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: Vec<(PathBuf, usize)> = Vec::new();
    let config = term::Config::default();
    for d in diagnostics {
        let mut cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        }
        .with_message(d.message.text(lang))
        .with_code(d.code);
        let help = crate::i18n::text(lang, "diagnostic-help");
        let note = crate::i18n::text(lang, "diagnostic-note");
        let mut notes: Vec<String> = (d.help.iter())
            .map(|h| format!("{help}: {}", h.text(lang)))
            .collect();
        notes.extend(d.notes.iter().map(|n| format!("{note}: {}", n.text(lang))));
        match (&d.file, sources.get_file_text(d)) {
            (Some(path), Some(text)) => {
                let id = match ids.iter().find(|(p, _)| p == path) {
                    Some((_, id)) => *id,
                    None => {
                        let id = files.add(display_path(path), text.to_string());
                        ids.push((path.clone(), id));
                        id
                    }
                };
                let span = d.span.clone().unwrap_or(0..0);
                let span = clamp(text, span);
                cs = cs.with_labels(vec![
                    Label::primary(id, span).with_message(d.label.text(lang)),
                ]);
            }
            (Some(path), None) => {
                let file = display_path(path);
                let place = match &d.place {
                    Some(place) => {
                        crate::msg!("diagnostic-in-place", file = file, place = place.clone())
                    }
                    None => crate::msg!("diagnostic-in-file", file = file),
                };
                notes.insert(0, place.text(lang));
            }
            (None, _) => {}
        }
        cs = cs.with_notes(notes);
        emit_one(out, &config, &files, &cs, d.severity, lang)?;
    }
    Ok(())
}

/// Writes one diagnostic with its severity in the language (`fout[code]`, `error[code]`).
///
/// codespan-reporting names severities in English only; the diagnostic is rendered into a buffer
/// and the header's first word, which it wrote, is replaced by the catalogue's.
fn emit_one(
    out: &mut dyn WriteColor,
    config: &term::Config,
    files: &SimpleFiles<String, String>,
    cs: &CsDiagnostic<usize>,
    severity: Severity,
    lang: Lang,
) -> std::io::Result<()> {
    let mut buffer = if out.supports_color() {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    term::emit(&mut buffer, config, files, cs).map_err(|e| std::io::Error::other(e.to_string()))?;
    let text = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    let (english, id) = match severity {
        Severity::Error => ("error[", "severity-error"),
        Severity::Warning => ("warning[", "severity-warning"),
        Severity::Note => ("note[", "severity-note"),
    };
    let word = crate::i18n::text(lang, id);
    let text = text.replacen(english, &format!("{word}["), 1);
    out.write_all(text.as_bytes())
}

impl Sources {
    fn get_file_text(&self, d: &Diagnostic) -> Option<&str> {
        self.get(d.file.as_deref()?)
    }
}

/// Keeps a span inside the text and on character boundaries, so rendering never panics.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
    start..end
}

/// Counts diagnostics by severity: (errors, warnings).
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    (errors, warnings)
}
