//! Any bytes as a content file: the loader's TOML parsing never panics, whatever the raw type,
//! and the diagnostic it returns can always be printed. The text is also parsed as Markdown,
//! as every rich-text field would be.
#![no_main]

use std::path::Path;

use drukwerk::content::parse_toml;
use drukwerk::content::raw::{RawCase, RawPublication, RawRegion, RawTheme};
use drukwerk::diagnostics::{Diagnostic, Format, Sources, emit};
use drukwerk::richtext;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<RawPublication>("content/publication.toml", text);
    check::<RawTheme>("content/themes/01-thema.toml", text);
    check::<RawCase>("content/cases/01-case.toml", text);
    check::<RawRegion>("content/regions/regio.toml", text);
    let rich = richtext::parse(text);
    let _ = richtext::plain_text(&rich);
});

/// Parses `text` as `T`; an error must point inside the file and render in both formats.
fn check<T: DeserializeOwned>(path: &str, text: &str) {
    if let Err(diagnostic) = parse_toml::<T>(Path::new(path), text) {
        let diagnostic: Diagnostic = *diagnostic;
        if let Some(span) = &diagnostic.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        }
        let mut sources = Sources::default();
        sources.insert(path, text);
        for format in [Format::Human, Format::Json] {
            let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
            emit(
                &mut out,
                &sources,
                std::slice::from_ref(&diagnostic),
                format,
            )
            .expect("diagnostics render into memory");
        }
    }
}
