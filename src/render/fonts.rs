//! The fonts a document may use: only the files in the project's `fonts/` folder.
//!
//! System fonts are never consulted, so a build looks the same on every machine. Fonts are
//! loaded once per process and shared by every document compiled in it.

use std::fs;
use std::path::Path;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::Error;

/// The project's fonts and their metadata.
#[derive(Debug)]
pub struct Fonts {
    /// Metadata Typst selects fonts by.
    pub book: LazyHash<FontBook>,
    /// The fonts, indexed as in the book.
    pub fonts: Vec<Font>,
}

impl Fonts {
    /// Loads every `.otf`, `.ttf`, `.otc` and `.ttc` in `dir`, in file-name order (so font
    /// indices, and with them the PDF bytes, are the same on every run).
    pub fn load(dir: &Path) -> Result<Self, Error> {
        let entries = fs::read_dir(dir)
            .map_err(|e| Error::Fonts(format!("cannot read {}: {e}", dir.display())))?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "otf" | "ttf" | "otc" | "ttc"
                    )
                })
            })
            .collect();
        paths.sort();
        let mut fonts = Vec::new();
        for path in &paths {
            let data = fs::read(path)
                .map_err(|e| Error::Fonts(format!("cannot read {}: {e}", path.display())))?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Error::Fonts(format!(
                    "{} is not a usable font file",
                    path.display()
                )));
            }
        }
        if fonts.is_empty() {
            return Err(Error::Fonts(format!("no fonts in {}", dir.display())));
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Self { book, fonts })
    }
}
