//! The end of the import: new figures written into a region file's text, located with
//! `toml_edit`.
//!
//! toml_edit parses the file and says where each figure's value is; only those bytes are
//! replaced. Everything else (comments, order, spacing, line ends, other values) comes out
//! byte for byte as it went in. (Serialising an edited `DocumentMut` would not do: it turns
//! CRLF line ends into LF throughout the file.)

use std::ops::Range;

use toml_edit::{Document, DocumentMut, Item};

/// Why a region file could not be edited. These follow from a file that changed on disk
/// after it was checked, not from the sheet.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The file is not valid TOML (before or after the edit).
    #[error("not valid TOML: {0}")]
    Toml(#[from] toml_edit::TomlError),
    /// There is no `[figures]` table.
    #[error("no [figures] table")]
    NoFigures,
    /// The figure is not in the file.
    #[error("no figure `{0}` in [figures]")]
    NoFigure(String),
    /// The figure is not a whole number.
    #[error("`{0}` in [figures] is not a whole number")]
    NotAnInteger(String),
}

/// Sets figures in the text of a region file (without BOM); returns the new text.
pub fn apply(text: &str, changes: &[(&str, i64)]) -> Result<String, ApplyError> {
    let doc = Document::parse(text)?;
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for &(key, new) in changes {
        edits.push((value_span(&doc, key)?, new.to_string()));
    }
    // From the end, so earlier spans stay where they are.
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_string();
    for (span, new) in edits {
        out.replace_range(span, &new);
    }
    // The result must read back with exactly the new values.
    let check: DocumentMut = out.parse()?;
    for &(key, new) in changes {
        let value = check
            .get("figures")
            .and_then(Item::as_table_like)
            .and_then(|t| t.get(key))
            .and_then(Item::as_integer);
        if value != Some(new) {
            return Err(ApplyError::NotAnInteger(key.to_string()));
        }
    }
    Ok(out)
}

/// Where the value of `figures.<key>` is in the text.
fn value_span(doc: &Document<&str>, key: &str) -> Result<Range<usize>, ApplyError> {
    let item = doc
        .get("figures")
        .and_then(Item::as_table_like)
        .ok_or(ApplyError::NoFigures)?
        .get(key)
        .ok_or_else(|| ApplyError::NoFigure(key.to_string()))?;
    if !item.is_integer() {
        return Err(ApplyError::NotAnInteger(key.to_string()));
    }
    item.span()
        .filter(|s| {
            s.end <= doc.raw().len()
                && doc.raw().is_char_boundary(s.start)
                && doc.raw().is_char_boundary(s.end)
        })
        .ok_or_else(|| ApplyError::NoFigure(key.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGION: &str = "# Regio Noord\nid = \"noord\"   # stable\nname = \"Noord\"\n\n[figures]\n# from the 2026 source\nstudents  = 12345 # checked\npo-boards = 12\n\n[[allow]]\nlint = \"x\"\nreason = \"y\"\n";

    #[test]
    fn changes_only_the_values() {
        let out = apply(REGION, &[("students", 13000)]).unwrap();
        assert_eq!(out, REGION.replace("12345", "13000"));
    }

    #[test]
    fn nothing_to_change_gives_the_same_text() {
        assert_eq!(apply(REGION, &[]).unwrap(), REGION);
        let crlf = REGION.replace('\n', "\r\n");
        assert_eq!(
            apply(&crlf, &[("po-boards", 0)]).unwrap(),
            crlf.replace("= 12\r", "= 0\r")
        );
    }

    #[test]
    fn inline_and_dotted_figures() {
        let inline = "id = \"a\"\nfigures = { students = 1, po-boards = 2 }\n";
        assert_eq!(
            apply(inline, &[("po-boards", 3)]).unwrap(),
            inline.replace("= 2 ", "= 3 ")
        );
        let dotted = "id = \"a\"\nfigures.students = 0x1\n";
        assert_eq!(
            apply(dotted, &[("students", 10)]).unwrap(),
            "id = \"a\"\nfigures.students = 10\n",
            "a hex value becomes a plain one"
        );
        let underscored = "[figures]\nstudents = 144_052 # peildatum\n";
        assert_eq!(
            apply(underscored, &[("students", 150000)]).unwrap(),
            "[figures]\nstudents = 150000 # peildatum\n"
        );
    }

    #[test]
    fn refuses_what_it_cannot_edit() {
        assert!(matches!(
            apply("id = \"a\"\n", &[("students", 1)]),
            Err(ApplyError::NoFigures)
        ));
        assert!(matches!(
            apply("[figures]\nstudents = 1\n", &[("po-boards", 1)]),
            Err(ApplyError::NoFigure(_))
        ));
        assert!(matches!(
            apply("[figures]\nstudents = \"1\"\n", &[("students", 1)]),
            Err(ApplyError::NotAnInteger(_))
        ));
        assert!(matches!(apply("[figures", &[]), Err(ApplyError::Toml(_))));
    }
}
