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
use serde::Serialize;

pub use crate::diagnostics::Severity;
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

/// One problem found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Error (the file is not PDF/X-4 or will print wrongly) or warning (it may).
    pub severity: Severity,
    /// A stable, kebab-case code (`device-rgb`).
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// 1-based page number, for a problem on a page.
    pub page: Option<usize>,
    /// The object the problem is in (`12 0`), when there is one.
    #[serde(serialize_with = "object_ref")]
    pub object: Option<ObjectId>,
    /// How to fix it.
    pub help: String,
}

fn object_ref<S: serde::Serializer>(id: &Option<ObjectId>, s: S) -> Result<S::Ok, S::Error> {
    match id {
        Some((n, g)) => s.serialize_str(&format!("{n} {g}")),
        None => s.serialize_none(),
    }
}

impl Finding {
    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            page: None,
            object: None,
            help: String::new(),
        }
    }

    /// A new error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
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
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// Where it is, in words: `page 3, object 12 0`.
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.page {
            parts.push(format!("page {p}"));
        }
        if let Some((n, g)) = self.object {
            parts.push(format!("object {n} {g}"));
        }
        if parts.is_empty() {
            "document".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// The outcome for one file.
#[derive(Debug, Clone, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// The bytes do not start like a PDF.
    #[error("not a PDF file (no %PDF- header)")]
    NotPdf,
    /// Larger than [`limits::MAX_FILE_BYTES`].
    #[error("the file is larger than 1 GB")]
    TooLarge,
    /// The reader failed: damaged, truncated, or encrypted with a password.
    #[error("the PDF cannot be read: {0}")]
    Damaged(String),
    /// Encrypted with a password that is needed to open it.
    #[error("the PDF is encrypted and needs a password to open")]
    Password,
    /// It has no pages.
    #[error("the PDF has no pages")]
    NoPages,
    /// The end-of-file marker is missing: the file was cut off.
    #[error("the file is cut off (no %%EOF marker at its end)")]
    Truncated,
}

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
            Finding::error("damaged", "the cross-reference table is damaged; the file could only be read by scanning it for objects")
                .with_help("export the file again: a RIP may read it differently, or not at all"),
        ),
        // Offsets corrected, or a later kind of repair this version does not name.
        Some(_) => findings.push(
            Finding::warning("damaged", "the cross-reference table points to the wrong places (repaired while reading)")
                .with_help("export the file again, or save it once from a PDF program, to repair it"),
        ),
        None => {}
    }
    let version = document::version(&doc);
    document::check(&doc, &version, &mut findings);
    if pages.len() > limits::MAX_PAGES {
        findings.push(
            Finding::warning(
                "not-checked",
                format!("only the first {} pages were checked", limits::MAX_PAGES),
            )
            .with_help("split the file and check the parts"),
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
