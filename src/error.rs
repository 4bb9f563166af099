//! The library's error type, at the boundary between the engine and its callers.

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content or the layouts have errors; each one is a diagnostic.
    #[error("{} error(s) in the content or layouts", crate::diagnostics::count(.0).0)]
    Diagnostics(Vec<Diagnostic>),
    /// The fonts could not be loaded: why, in words (`Display` gives the English text; show
    /// the message with `.text(lang)` for the reader's language).
    #[error("fonts: {}", .0.text(crate::i18n::Lang::En))]
    Fonts(crate::i18n::Msg),
    /// Reading or writing a file (or a socket) failed: why, in words.
    #[error("{}", .0.text(crate::i18n::Lang::En))]
    Io(crate::i18n::Msg),
    /// Writing the output failed: why, in words (`Display` gives the English text; show the
    /// message with `.text(lang)` for the reader's language).
    #[error("{}", .0.text(crate::i18n::Lang::En))]
    Write(crate::i18n::Msg),
}

impl Error {
    /// What went wrong, to show a user in their language. (`Display` is the English text for
    /// logs and programmers.)
    pub fn message(&self) -> Msg {
        match self {
            Error::Diagnostics(list) => {
                msg!(
                    "cli-error-diagnostics",
                    count = crate::diagnostics::count(list).0
                )
            }
            Error::Fonts(reason) => msg!("cli-error-fonts", reason = reason),
            Error::Write(reason) | Error::Io(reason) => reason.clone(),
        }
    }
}
