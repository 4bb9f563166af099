//! A check Typst does not do: text the fonts cannot show.
//!
//! A character missing from every font in `fonts/` is laid out as an empty glyph (id 0), with
//! no warning, and may vanish from the PDF's text. After layout, every glyph is inspected and
//! such characters are reported once per document.

use std::collections::BTreeSet;

use typst::layout::{FrameItem, Transform};
use typst_layout::PagedDocument;

use crate::diagnostics::Diagnostic;
use crate::msg;

/// Characters laid out without a glyph, in code-point order.
pub fn missing(document: &PagedDocument) -> BTreeSet<char> {
    let mut out = BTreeSet::new();
    for page in document.pages() {
        super::for_each_item(&page.frame, Transform::identity(), &mut |item, _| {
            let FrameItem::Text(text) = item else { return };
            for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                if let Some(s) = text.text.get(glyph.range()) {
                    out.extend(s.chars().filter(|c| !c.is_whitespace() && !c.is_control()));
                }
            }
        });
    }
    out
}

/// The warning for a document with characters the fonts lack, if any.
pub fn warning(document: &PagedDocument, name: &str) -> Option<Diagnostic> {
    let chars = missing(document);
    if chars.is_empty() {
        return None;
    }
    let list: Vec<String> = chars
        .iter()
        .map(|c| format!("{c} (U+{:04X})", *c as u32))
        .collect();
    Some(
        Diagnostic::warning(
            "missing-glyph",
            msg!("missing-glyph", document = name, characters = list),
        )
        .with_help(msg!("missing-glyph.help")),
    )
}
