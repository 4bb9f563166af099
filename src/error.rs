//! The library's error type, at the boundary between the engine and its callers.

use crate::diagnostics::Diagnostic;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content or the layouts have errors; each one is a diagnostic.
    #[error("{} error(s) in the content or layouts", crate::diagnostics::count(.0).0)]
    Diagnostics(Vec<Diagnostic>),
    /// The fonts could not be loaded.
    #[error("fonts: {0}")]
    Fonts(String),
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(String),
    /// The command line asked for something that does not exist.
    #[error("{0}")]
    Usage(String),
}
