//! `drukwerk preflight FILE.pdf...`: any PDF checked against PDF/X-4; findings printed like
//! `check`'s diagnostics (or as JSON lines), exit 0 pass, 1 fail, 2 unreadable.

use std::io::Write;
use std::path::Path;

use codespan_reporting::term::termcolor::{Color, ColorSpec, StandardStream, WriteColor};
use serde::Serialize;

use super::args::{DiagnosticFormat, PreflightArgs};
use super::report::Reporter;
use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::{Severity, display_path};
use crate::i18n::{self, Lang};
use crate::msg;
use crate::preflight::{self, Finding, Options, Report, Unreadable};

/// Checks every file; the exit code is the worst outcome (2 unreadable, 1 failed, 0 passed).
pub fn preflight(args: &PreflightArgs, reporter: &Reporter) -> i32 {
    let options = Options {
        max_coverage: args.max_coverage,
        ..Options::default()
    };
    let mut code = EXIT_OK;
    for path in &args.files {
        let name = display_path(path);
        let outcome = read(path).and_then(|bytes| preflight::check(&bytes, &options));
        let result = match reporter.format() {
            DiagnosticFormat::Human => human(reporter, &name, &outcome),
            DiagnosticFormat::Json => json(&name, &outcome, reporter.lang()),
        };
        if let Err(e) = result {
            let lang = reporter.lang();
            eprintln!(
                "{}: {}",
                i18n::text(lang, "severity-error"),
                msg!("preflight-cannot-print", reason = e.to_string()).text(lang)
            );
        }
        code = code.max(match &outcome {
            Ok(report) if report.passed() => EXIT_OK,
            Ok(_) => EXIT_ERRORS,
            // 2, as for a wrong command line: the file given is not a PDF that can be read.
            Err(_) => EXIT_USAGE,
        });
    }
    code
}

/// The file's bytes, within the size limit.
fn read(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let io = |e: std::io::Error| Unreadable::Io(e.kind(), e.to_string());
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > preflight::limits::MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    std::fs::read(path).map_err(io)
}

/// Compiler-style findings on stderr, then one summary line per file.
fn human(
    reporter: &Reporter,
    name: &str,
    outcome: &Result<Report, Unreadable>,
) -> std::io::Result<()> {
    let lang = reporter.lang();
    let mut out = StandardStream::stderr(reporter.color());
    match outcome {
        Err(e) => {
            write_finding(&mut out, name, &e.finding(), lang)?;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                msg!("preflight-not-checked-file", file = name).text(lang)
            )?;
        }
        Ok(report) => {
            for (finding, pages) in collapse(&report.findings) {
                write_finding(&mut out, name, finding, lang)?;
                if !pages.is_empty() {
                    out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
                    write!(out, "  = ")?;
                    out.reset()?;
                    let same = msg!(
                        "preflight-same-on",
                        count = pages.len(),
                        pages = ranges(&pages)
                    );
                    writeln!(out, "{}", same.text(lang))?;
                }
                writeln!(out)?;
            }
            writeln!(out, "{}", summary(name, report).text(lang))?;
        }
    }
    Ok(())
}

/// The last line for a file: `fact.pdf: PDF 1.6, 2 pages: passes the PDF/X-4 preflight (0
/// errors, 0 warnings)` (`.ci/run` looks for the English words).
fn summary(name: &str, report: &Report) -> crate::i18n::Msg {
    let (errors, warnings) = report.counts();
    if report.passed() {
        msg!(
            "preflight-summary-passed",
            file = name,
            version = report.version.as_str(),
            pages = report.pages,
            errors = errors,
            warnings = warnings
        )
    } else {
        msg!(
            "preflight-summary-failed",
            file = name,
            version = report.version.as_str(),
            pages = report.pages,
            errors = errors,
            warnings = warnings
        )
    }
}

/// One finding in the style of `check` (codespan-reporting), with the file and place in the
/// PDF instead of a source line.
fn write_finding(
    out: &mut dyn WriteColor,
    name: &str,
    f: &Finding,
    lang: Lang,
) -> std::io::Result<()> {
    let (word, colour) = match f.severity {
        Severity::Error => (i18n::text(lang, "severity-error"), Color::Red),
        Severity::Warning => (i18n::text(lang, "severity-warning"), Color::Yellow),
        Severity::Note => (i18n::text(lang, "severity-note"), Color::Green),
    };
    out.set_color(ColorSpec::new().set_fg(Some(colour)).set_bold(true))?;
    write!(out, "{word}[{}]", f.code)?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(out, ": {}", f.message.text(lang))?;
    out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
    write!(out, "  ┌─ ")?;
    out.reset()?;
    writeln!(out, "{name}: {}", f.location().text(lang))?;
    let help = (!f.help.is_empty()).then_some(("diagnostic-help", &f.help));
    let notes = f.notes.iter().map(|n| ("diagnostic-note", n));
    for (prefix, text) in help.into_iter().chain(notes) {
        out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
        write!(out, "  = ")?;
        out.reset()?;
        writeln!(out, "{}: {}", i18n::text(lang, prefix), text.text(lang))?;
    }
    Ok(())
}

/// The same finding on many pages is printed once, with the other pages listed: a file
/// without trim boxes has the problem on every page, and 86 copies hide the rest.
fn collapse(findings: &[Finding]) -> Vec<(&Finding, Vec<usize>)> {
    let mut out: Vec<(&Finding, Vec<usize>)> = Vec::new();
    for f in findings {
        let same = |g: &Finding| {
            g.severity == f.severity
                && g.code == f.code
                && g.message == f.message
                && g.help == f.help
        };
        match (
            f.page,
            out.iter_mut().find(|(g, _)| g.page.is_some() && same(g)),
        ) {
            (Some(page), Some((_, pages))) => pages.push(page),
            _ => out.push((f, Vec::new())),
        }
    }
    out
}

/// Page numbers as ranges: `2–5, 9, 11–86`.
fn ranges(pages: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let start = pages[i];
        let mut end = start;
        while i + 1 < pages.len() && pages[i + 1] == end + 1 {
            i += 1;
            end = pages[i];
        }
        parts.push(if end > start {
            format!("{start}–{end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    parts.join(", ")
}

/// One finding as a JSON line (the `--format json` contract): its words in the chosen
/// language, its code and place as they are.
#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    severity: Severity,
    code: &'a str,
    message: String,
    page: Option<usize>,
    object: Option<String>,
    help: String,
    notes: Vec<String>,
}

impl<'a> JsonFinding<'a> {
    fn new(file: &'a str, f: &'a Finding, lang: Lang) -> Self {
        Self {
            file,
            severity: f.severity,
            code: f.code,
            message: f.message.text(lang),
            page: f.page,
            object: f.object.map(|(n, g)| format!("{n} {g}")),
            help: f.help.text(lang),
            notes: i18n::texts(&f.notes, lang),
        }
    }
}

/// The last line per file.
#[derive(Serialize)]
struct JsonSummary<'a> {
    file: &'a str,
    passed: bool,
    readable: bool,
    version: Option<&'a str>,
    pages: Option<usize>,
    errors: usize,
    warnings: usize,
}

/// JSON lines on stdout: one per finding, then a summary for the file.
fn json(name: &str, outcome: &Result<Report, Unreadable>, lang: Lang) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let summary = match outcome {
        Err(e) => {
            let finding = e.finding();
            serde_json::to_writer(&mut out, &JsonFinding::new(name, &finding, lang))?;
            writeln!(out)?;
            JsonSummary {
                file: name,
                passed: false,
                readable: false,
                version: None,
                pages: None,
                errors: 1,
                warnings: 0,
            }
        }
        Ok(report) => {
            for finding in &report.findings {
                serde_json::to_writer(&mut out, &JsonFinding::new(name, finding, lang))?;
                writeln!(out)?;
            }
            let (errors, warnings) = report.counts();
            JsonSummary {
                file: name,
                passed: report.passed(),
                readable: true,
                version: Some(&report.version),
                pages: Some(report.pages),
                errors,
                warnings,
            }
        }
    };
    serde_json::to_writer(&mut out, &summary)?;
    writeln!(out)
}
