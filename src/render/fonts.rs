//! The fonts a document may use: only the files in the project's `fonts/` folder.
//!
//! System fonts are never consulted, so a build looks the same on every machine. The font
//! book (names, styles, coverage) is read once per process; each font is parsed only when a
//! document first uses it, and then shared by every document compiled in the process.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::Error;
use crate::msg;

/// One face: its file's bytes, its index in the file, and the parsed font once needed.
#[derive(Debug)]
struct Slot {
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
}

/// The project's fonts and their metadata.
#[derive(Debug)]
pub struct Fonts {
    /// Metadata Typst selects fonts by.
    pub book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    /// Which loading of fonts these are (see [`Fonts::generation`]).
    generation: u64,
}

impl Fonts {
    /// Reads every `.otf`, `.ttf`, `.otc` and `.ttc` in `dir`, in file-name order (so font
    /// indices, and with them the PDF bytes, are the same on every run).
    pub fn load(dir: &Path) -> Result<Self, Error> {
        let entries = fs::read_dir(dir).map_err(|e| {
            Error::Fonts(msg!("fonts-unreadable", path = dir, reason = e.to_string()))
        })?;
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
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for path in &paths {
            let data = fs::read(path).map_err(|e| {
                Error::Fonts(msg!(
                    "fonts-unreadable",
                    path = path,
                    reason = e.to_string()
                ))
            })?;
            let infos: Vec<FontInfo> = FontInfo::iter(&data).collect();
            if infos.is_empty() {
                return Err(Error::Fonts(msg!("fonts-not-a-font", path = path)));
            }
            let data = Bytes::new(data);
            for (index, info) in infos.into_iter().enumerate() {
                book.push(info);
                slots.push(Slot {
                    data: data.clone(),
                    index: index as u32,
                    font: OnceLock::new(),
                });
            }
        }
        if slots.is_empty() {
            return Err(Error::Fonts(msg!("fonts-none", path = dir)));
        }
        static LOADED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Ok(Self {
            book: LazyHash::new(book),
            slots,
            generation: LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// Starts reading the fonts in `dir` on a background thread, so that the content can be
    /// loaded and checked meanwhile (each takes a few milliseconds of a one-sheet build).
    pub fn load_in_background(dir: &Path) -> PendingFonts {
        let dir = dir.to_path_buf();
        PendingFonts(std::thread::spawn(move || Fonts::load(&dir)))
    }

    /// Which of the process's loadings of fonts these are: what the engine drew with them (the
    /// map labels, [`super::labels`]) is kept under it, never reused with other fonts.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The font at a book index, parsed on first use; `None` for an index out of range.
    pub fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font
            .get_or_init(|| Font::new(slot.data.clone(), slot.index))
            .clone()
    }
}

/// Fonts being read on a background thread; see [`Fonts::load_in_background`].
pub struct PendingFonts(std::thread::JoinHandle<Result<Fonts, Error>>);

impl PendingFonts {
    /// Waits for the fonts.
    pub fn wait(self) -> Result<Fonts, Error> {
        self.0
            .join()
            .unwrap_or_else(|_| Err(Error::Fonts(msg!("fonts-failed"))))
    }
}
