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
            DiagnosticFormat::Json => json(&name, &outcome),
        };
        if let Err(e) = result {
            eprintln!("error: cannot print the report: {e}");
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
    let size = std::fs::metadata(path)
        .map_err(|e| Unreadable::Damaged(format!("cannot open it: {e}")))?
        .len();
    if size > preflight::limits::MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    std::fs::read(path).map_err(|e| Unreadable::Damaged(format!("cannot read it: {e}")))
}

/// Compiler-style findings on stderr, then one summary line per file.
fn human(
    reporter: &Reporter,
    name: &str,
    outcome: &Result<Report, Unreadable>,
) -> std::io::Result<()> {
    let mut out = StandardStream::stderr(reporter.color());
    match outcome {
        Err(e) => {
            let finding = Finding::error("unreadable", e.to_string())
                .with_help("check that it is a complete PDF file (a download may have been cut off); export it again");
            write_finding(&mut out, name, &finding)?;
            writeln!(out)?;
            writeln!(out, "{name}: cannot be checked")?;
        }
        Ok(report) => {
            for (finding, pages) in collapse(&report.findings) {
                write_finding(&mut out, name, finding)?;
                if !pages.is_empty() {
                    out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
                    write!(out, "  = ")?;
                    out.reset()?;
                    writeln!(
                        out,
                        "the same on {} more {}: {}",
                        pages.len(),
                        if pages.len() == 1 { "page" } else { "pages" },
                        ranges(&pages)
                    )?;
                }
                writeln!(out)?;
            }
            let (errors, warnings) = report.counts();
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            let verdict = if report.passed() {
                "passes the PDF/X-4 preflight"
            } else {
                "fails the PDF/X-4 preflight"
            };
            writeln!(
                out,
                "{name}: PDF {}, {}: {verdict} ({}, {})",
                report.version,
                plural(report.pages, "page"),
                plural(errors, "error"),
                plural(warnings, "warning")
            )?;
        }
    }
    Ok(())
}

/// One finding in the style of `check` (codespan-reporting), with the file and place in the
/// PDF instead of a source line.
fn write_finding(out: &mut dyn WriteColor, name: &str, f: &Finding) -> std::io::Result<()> {
    let (word, colour) = match f.severity {
        Severity::Error => ("error", Color::Red),
        Severity::Warning => ("warning", Color::Yellow),
        Severity::Note => ("note", Color::Green),
    };
    out.set_color(ColorSpec::new().set_fg(Some(colour)).set_bold(true))?;
    write!(out, "{word}[{}]", f.code)?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    writeln!(out, ": {}", f.message)?;
    out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
    write!(out, "  ┌─ ")?;
    out.reset()?;
    writeln!(out, "{name}: {}", f.location())?;
    if !f.help.is_empty() {
        out.set_color(ColorSpec::new().set_fg(Some(Color::Blue)))?;
        write!(out, "  = ")?;
        out.reset()?;
        writeln!(out, "help: {}", f.help)?;
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

/// One finding as a JSON line (the `--format json` contract).
#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
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
fn json(name: &str, outcome: &Result<Report, Unreadable>) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let summary = match outcome {
        Err(e) => {
            let finding = Finding::error("unreadable", e.to_string());
            serde_json::to_writer(
                &mut out,
                &JsonFinding {
                    file: name,
                    finding: &finding,
                },
            )?;
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
                serde_json::to_writer(
                    &mut out,
                    &JsonFinding {
                        file: name,
                        finding,
                    },
                )?;
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
