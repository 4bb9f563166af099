//! Preflight: any PDF checked against PDF/X-4 (ISO 15930-7), the way a print shop would,
//! before it is sent.
//!
//! Not a pipeline stage: a reader beside it. It reads any PDF — drukwerk's own print edition,
//! a partner's advertisement, a designer's cover — with lopdf, and never trusts it: every
//! object may be missing, of the wrong type, cyclic or huge. Loading runs under size limits,
//! walking under depth and operation limits ([`limits`]), and a file that cannot be read is an
//! [`Unreadable`] error, never a panic.
//!
//! - [`document`]: version, encryption, output intent and its profile, XMP identification and
//!   the Info dictionary, JavaScript, actions, embedded files.
//! - [`page`]: page boxes, annotations, fonts, colour spaces and transparency groups of the
//!   resources.
//! - [`content`]: the content streams: RGB colour, ink coverage of fills, effective image
//!   resolution, and where colour reaches the trim edge (for the bleed).

mod content;
mod document;
mod objects;
mod page;

use lopdf::{Document, ObjectId};

pub use crate::diagnostics::Severity;
use crate::i18n::Msg;
use crate::msg;
pub use document::xmp_property;

/// Limits that keep a hostile file from taking the machine.
pub mod limits {
    /// Largest file read.
    pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;
    /// Largest decompressed stream (object streams, content streams, profiles).
    pub const MAX_STREAM_BYTES: usize = 256 * 1024 * 1024;
    /// Pages checked; later pages are reported as not checked.
    pub const MAX_PAGES: usize = 10_000;
    /// Content-stream operations interpreted per page, forms and patterns included.
    pub const MAX_OPERATIONS: usize = 5_000_000;
    /// Nesting of forms and patterns followed.
    pub const MAX_DEPTH: usize = 16;
    /// References followed to reach an object.
    pub const MAX_REFERENCES: usize = 32;
}

/// What the preflight checks against.
#[derive(Debug, Clone)]
pub struct Options {
    /// Total area coverage limit for vector fills, percent.
    pub max_coverage: u32,
    /// Below this effective resolution an image is a warning (ppi).
    pub warn_ppi: f64,
    /// Below this effective resolution an image is an error (ppi).
    pub fail_ppi: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_coverage: crate::model::DEFAULT_MAX_COVERAGE,
            warn_ppi: 300.0,
            fail_ppi: 150.0,
        }
    }
}

/// One problem found. Its words are messages, made into text in the reader's language when
/// the report is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Error (the file is not PDF/X-4 or will print wrongly) or warning (it may).
    pub severity: Severity,
    /// A stable, kebab-case code (`device-rgb`), the same in every language.
    pub code: &'static str,
    /// What is wrong.
    pub message: Msg,
    /// 1-based page number, for a problem on a page.
    pub page: Option<usize>,
    /// The object the problem is in (`12 0`), when there is one.
    pub object: Option<ObjectId>,
    /// How to fix it (empty when there is no advice).
    pub help: Msg,
    /// Further context: words that are not ours, such as the PDF reader's own error.
    pub notes: Vec<Msg>,
}

impl Finding {
    fn new(severity: Severity, code: &'static str, message: Msg) -> Self {
        Self {
            severity,
            code,
            message,
            page: None,
            object: None,
            help: Msg::empty(),
            notes: Vec::new(),
        }
    }

    /// A new error.
    pub fn error(code: &'static str, message: Msg) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: Msg) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// On page `page` (1-based).
    pub fn on_page(mut self, page: usize) -> Self {
        self.page = Some(page);
        self
    }

    /// In object `id`.
    pub fn in_object(mut self, id: Option<ObjectId>) -> Self {
        self.object = id;
        self
    }

    /// With a fix.
    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = help;
        self
    }

    /// With a note.
    pub fn with_note(mut self, note: Msg) -> Self {
        self.notes.push(note);
        self
    }

    /// Where it is, in words: `page 3, object 12 0`.
    pub fn location(&self) -> Msg {
        let object = self.object.map(|(n, g)| format!("{n} {g}"));
        match (self.page, object) {
            (Some(page), Some(object)) => {
                msg!(
                    "preflight-location-page-object",
                    page = page,
                    object = object
                )
            }
            (Some(page), None) => msg!("preflight-location-page", page = page),
            (None, Some(object)) => msg!("preflight-location-object", object = object),
            (None, None) => msg!("preflight-location-document"),
        }
    }
}

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct Report {
    /// The PDF version in effect (header, or the catalog's `/Version`).
    pub version: String,
    /// Number of pages.
    pub pages: usize,
    /// Every finding, document-wide first, then by page.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Passes when there are no errors (warnings are allowed).
    pub fn passed(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        (errors, self.findings.len() - errors)
    }
}

/// Why a file could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The bytes do not start like a PDF.
    NotPdf,
    /// Larger than [`limits::MAX_FILE_BYTES`].
    TooLarge,
    /// The reader failed: damaged or truncated. The reader's own words.
    Damaged(String),
    /// Encrypted with a password that is needed to open it.
    Password,
    /// It has no pages.
    NoPages,
    /// The end-of-file marker is missing: the file was cut off.
    Truncated,
    /// The file could not be opened or read: what kind of failure, and the system's words.
    Io(std::io::ErrorKind, String),
}

impl Unreadable {
    /// Why, in words.
    pub fn message(&self) -> Msg {
        match self {
            Unreadable::NotPdf => msg!("preflight-unreadable-not-pdf"),
            Unreadable::TooLarge => msg!("preflight-unreadable-too-large"),
            Unreadable::Damaged(_) => msg!("preflight-unreadable-damaged"),
            Unreadable::Password => msg!("preflight-unreadable-password"),
            Unreadable::NoPages => msg!("preflight-unreadable-no-pages"),
            Unreadable::Truncated => msg!("preflight-unreadable-truncated"),
            Unreadable::Io(std::io::ErrorKind::NotFound, _) => msg!("preflight-unreadable-missing"),
            Unreadable::Io(std::io::ErrorKind::PermissionDenied, _) => {
                msg!("preflight-unreadable-permission")
            }
            Unreadable::Io(..) => msg!("preflight-unreadable-io"),
        }
    }

    /// The reader's or the system's own words, kept as a note under ours.
    pub fn detail(&self) -> Option<Msg> {
        match self {
            Unreadable::Damaged(reason) => Some(Msg::verbatim(reason.clone())),
            Unreadable::Io(kind, reason)
                if !matches!(
                    kind,
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
                ) =>
            {
                Some(Msg::verbatim(reason.clone()))
            }
            _ => None,
        }
    }

    /// The finding a report shows for a file that cannot be checked.
    pub fn finding(&self) -> Finding {
        let finding = Finding::error("unreadable", self.message())
            .with_help(msg!("preflight-unreadable-help"));
        match self.detail() {
            Some(note) => finding.with_note(note),
            None => finding,
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for Unreadable {}

/// Checks a PDF's bytes against PDF/X-4.
pub fn check(bytes: &[u8], options: &Options) -> Result<Report, Unreadable> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge);
    }
    // The header may follow some junk, within the first 1024 bytes (PDF 32000-1, 7.5.2).
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Unreadable::NotPdf);
    }
    // A PDF ends with %%EOF (within the last 1024 bytes, as readers allow). Without it the
    // file was cut off, and a reader that rebuilds it may miss pages or objects.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(Unreadable::Truncated);
    }
    let load = lopdf::LoadOptions {
        max_decompressed_size: Some(limits::MAX_STREAM_BYTES),
        ..Default::default()
    };
    let doc = match Document::load_mem_with_options(bytes, load) {
        Ok(doc) => doc,
        Err(e) => {
            let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
            return Err(if encrypted {
                Unreadable::Password
            } else {
                Unreadable::Damaged(e.to_string())
            });
        }
    };
    let pages: Vec<ObjectId> = doc.page_iter().take(limits::MAX_PAGES + 1).collect();
    if pages.is_empty() {
        return Err(Unreadable::NoPages);
    }
    let mut findings = Vec::new();
    match doc.xref_recovery {
        Some(lopdf::xref::XrefRecovery::Reconstructed) => findings.push(
            Finding::error("damaged", msg!("preflight-damaged-reconstructed"))
                .with_help(msg!("preflight-damaged-reconstructed.help")),
        ),
        // Offsets corrected, or a later kind of repair this version does not name.
        Some(_) => findings.push(
            Finding::warning("damaged", msg!("preflight-damaged-repaired"))
                .with_help(msg!("preflight-damaged-repaired.help")),
        ),
        None => {}
    }
    let version = document::version(&doc);
    document::check(&doc, &version, &mut findings);
    if pages.len() > limits::MAX_PAGES {
        findings.push(
            Finding::warning(
                "not-checked",
                msg!("preflight-not-checked", limit = limits::MAX_PAGES),
            )
            .with_help(msg!("preflight-not-checked.help")),
        );
    }
    for (i, &page) in pages.iter().take(limits::MAX_PAGES).enumerate() {
        page::check(&doc, page, i + 1, options, &mut findings);
    }
    Ok(Report {
        version,
        pages: pages.len().min(limits::MAX_PAGES),
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_pdf() {
        assert_eq!(
            check(b"hello", &Options::default()).unwrap_err(),
            Unreadable::NotPdf
        );
        assert!(matches!(
            check(b"%PDF-1.6\n%%EOF", &Options::default()).unwrap_err(),
            Unreadable::Damaged(_) | Unreadable::NoPages
        ));
    }
}
