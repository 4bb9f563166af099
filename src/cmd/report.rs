//! What the commands print: diagnostics, progress and summaries.
//!
//! Diagnostics go to stderr (human) or stdout (JSON lines). Progress is a bar on a terminal and
//! one line per document elsewhere (and whenever `CI` is set), so CI logs stay readable.

use std::io::{IsTerminal, Write};
use std::path::Path;

use codespan_reporting::term::termcolor::{self, StandardStream};
use indicatif::{ProgressBar, ProgressStyle};

use super::args::{ColorChoice, DiagnosticFormat};
use crate::diagnostics::{self, Diagnostic, Format, Severity, Sources};
use crate::i18n::{Arg, Lang, Msg};
use crate::jobs::Output;
use crate::msg;

/// Prints diagnostics and progress.
pub struct Reporter {
    format: DiagnosticFormat,
    color: termcolor::ColorChoice,
    interactive: bool,
    lang: Lang,
}

impl Reporter {
    /// A reporter for the chosen format and colour.
    pub fn new(format: DiagnosticFormat, color: ColorChoice, lang: Lang) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let color = match color {
            ColorChoice::Always => termcolor::ColorChoice::Always,
            ColorChoice::Never => termcolor::ColorChoice::Never,
            ColorChoice::Auto if terminal && std::env::var_os("NO_COLOR").is_none() => {
                termcolor::ColorChoice::Auto
            }
            ColorChoice::Auto => termcolor::ColorChoice::Never,
        };
        let interactive = terminal && std::env::var_os("CI").is_none();
        Self {
            format,
            color,
            interactive,
            lang,
        }
    }

    /// The language everything is printed in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The output format chosen on the command line.
    pub fn format(&self) -> DiagnosticFormat {
        self.format
    }

    /// Whether (and how) stderr gets colour.
    pub fn color(&self) -> termcolor::ColorChoice {
        self.color
    }

    /// Prints diagnostics; returns (errors, warnings).
    pub fn diagnostics(&self, sources: &Sources, list: &[Diagnostic]) -> (usize, usize) {
        let result = match self.format {
            DiagnosticFormat::Human => {
                let mut err = StandardStream::stderr(self.color);
                diagnostics::emit(&mut err, sources, list, Format::Human, self.lang)
            }
            DiagnosticFormat::Json => {
                let mut out = StandardStream::stdout(termcolor::ColorChoice::Never);
                diagnostics::emit(&mut out, sources, list, Format::Json, self.lang)
            }
        };
        if let Err(e) = result {
            let line = msg!("cli-cannot-print-diagnostics", reason = e.to_string());
            eprintln!("{}", line.text(self.lang));
        }
        diagnostics::count(list)
    }

    /// Is the output for people (not JSON lines)?
    pub fn is_human(&self) -> bool {
        self.format == DiagnosticFormat::Human
    }

    /// A one-line message on stderr (human format only, so JSON output stays machine-readable),
    /// in the reporter's language.
    pub fn line(&self, message: Msg) {
        if self.format == DiagnosticFormat::Human {
            eprintln!("{}", message.text(self.lang));
        }
    }

    /// A line of a list under a summary (`  wrote out/x.pdf (1.2 MB)`), indented.
    pub fn item(&self, message: Msg) {
        if self.format == DiagnosticFormat::Human {
            eprintln!("  {}", message.text(self.lang));
        }
    }

    /// One diagnostic that has no place in a file.
    pub fn report(&self, diagnostic: Diagnostic) {
        self.diagnostics(&Sources::default(), &[diagnostic]);
    }

    /// Progress for `total` documents.
    pub fn progress(&self, total: usize, out_dir: &Path) -> Progress {
        let bar = (self.interactive && self.format == DiagnosticFormat::Human).then(|| {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            out_dir: out_dir.to_path_buf(),
            quiet: self.format != DiagnosticFormat::Human,
            lang: self.lang,
        }
    }
}

/// Reports finished documents.
pub struct Progress {
    bar: Option<ProgressBar>,
    out_dir: std::path::PathBuf,
    quiet: bool,
    lang: Lang,
}

impl Progress {
    /// One document is done.
    pub fn done(&self, output: &Output) {
        match &self.bar {
            Some(bar) => {
                bar.set_message(output.name.clone());
                bar.inc(1);
            }
            None if !self.quiet => {
                let path = self.out_dir.join(&output.path);
                let line = msg!(
                    "cli-compiled",
                    path = diagnostics::display_path(&path),
                    pages = output.pages,
                    size = human_size(output.bytes.len())
                );
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "  {}", line.text(self.lang));
            }
            None => {}
        }
    }

    /// All documents are done.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A size the language's way: `85 KB`, `1.2 MB` (`85 kB`, `1,2 MB` in Dutch).
pub fn human_size(bytes: usize) -> Msg {
    if bytes >= 1_000_000 {
        msg!("cli-size-mb", size = Arg::Dec(bytes as f64 / 1e6, 1))
    } else {
        msg!("cli-size-kb", size = bytes.div_ceil(1000))
    }
}

/// "3 errors, 1 warning", for the summaries of `check` and `build`.
pub fn counts(errors: usize, warnings: usize) -> Msg {
    msg!("cli-counts", errors = errors, warnings = warnings)
}

/// Does the list contain errors (or warnings, when they are denied)?
pub fn failed(list: &[Diagnostic], deny_warnings: bool) -> bool {
    list.iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    })
}

/// Writes an import's `files` all at once ([`crate::export::write_all_atomic`]), or reports why
/// not and that nothing was written. `Err` carries the exit code.
pub fn write_all_or_report(
    reporter: &Reporter,
    files: &[(std::path::PathBuf, Vec<u8>)],
) -> Result<(), i32> {
    let refs: Vec<(&std::path::Path, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_path(), b.as_slice()))
        .collect();
    crate::export::write_all_atomic(&refs).map_err(|e| {
        reporter.report(
            Diagnostic::error("write-failed", msg!("cli-write-failed"))
                .with_note(Msg::verbatim(e.to_string())),
        );
        reporter.line(msg!("cli-import-failed"));
        super::EXIT_ERRORS
    })
}
