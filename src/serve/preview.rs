//! Live preview: a laid-out document as pages the browser can draw.
//!
//! Each page is drawn as SVG with `typst-svg` (measured against PNG with `typst-render`: see
//! `bench/serve.py` and the README — SVG is several times cheaper to make, smaller to send
//! and sharp at every zoom) and comes with a text layer: the page's text runs with their
//! positions, which the preview lays transparently over the drawing so the text can be
//! searched, selected and read by a screen reader (the SVG draws glyphs as shapes).
//!
//! Pages are identified by a hash of what they show. A rebuild only names the pages; a page is
//! drawn when the browser first asks for it, and a page that looks the same after a rebuild
//! keeps its drawing. The browser loads pages by hash, so it fetches only the changed ones,
//! and only those it shows.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rayon::prelude::*;
use serde::Serialize;
use typst::layout::{FrameItem, Transform};
use typst_layout::PagedDocument;

/// One document's pages, as of one build.
pub struct Preview {
    /// The snapshot generation of the content it shows.
    pub generation: u64,
    /// The version of layouts, fonts and images it was made with.
    pub assets: u64,
    /// The laid-out document the pages are drawn from.
    pub document: Arc<PagedDocument>,
    /// Its pages, in order.
    pub pages: Vec<Page>,
    /// Time to lay the document out and name its pages.
    pub took: Duration,
}

impl std::fmt::Debug for Preview {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preview")
            .field("generation", &self.generation)
            .field("pages", &self.pages.len())
            .finish()
    }
}

/// One page: its name and size, and its drawing once someone asked for it. A page that looks
/// the same in the next build keeps its drawing (the `Arc` is shared).
#[derive(Debug, Clone)]
pub struct Page {
    /// Hex hash of what the page shows: the page's identity.
    pub hash: String,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// Where the page is in the document.
    index: usize,
    /// The page as an SVG document and its text layer as JSON, made on first request.
    drawn: Arc<OnceLock<Drawn>>,
}

/// A page drawn for the browser.
#[derive(Debug)]
pub struct Drawn {
    /// The page as an SVG document.
    pub svg: String,
    /// The text layer as JSON (see [`TextRun`]).
    pub text: String,
}

/// A run of text on a page: where it starts (the baseline's left end), its size and width,
/// all in points from the page's top left.
#[derive(Debug, Serialize)]
pub struct TextRun(pub f64, pub f64, pub f64, pub f64, pub String);

/// What the browser is told about a page.
#[derive(Debug, Serialize)]
pub struct PageMeta<'a> {
    /// The page's hash (its URLs are `/preview/pages/<hash>.svg` and `.json`).
    pub hash: &'a str,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
}

impl Preview {
    /// The page hashes, in order.
    pub fn hashes(&self) -> Vec<&str> {
        self.pages.iter().map(|p| p.hash.as_str()).collect()
    }

    /// The page with this hash, drawn (now, if nobody asked for it before).
    pub fn drawn(&self, hash: &str) -> Option<&Drawn> {
        let page = self.pages.iter().find(|p| p.hash == hash)?;
        let typst_page = self.document.pages().get(page.index)?;
        Some(page.drawn.get_or_init(|| draw(typst_page)))
    }

    /// Whether a page with this hash is in this preview.
    pub fn has(&self, hash: &str) -> bool {
        self.pages.iter().any(|p| p.hash == hash)
    }

    /// The pages as the browser sees them.
    pub fn meta(&self) -> Vec<PageMeta<'_>> {
        self.pages
            .iter()
            .map(|p| PageMeta {
                hash: &p.hash,
                width: p.width,
                height: p.height,
            })
            .collect()
    }
}

/// Names the pages of a laid-out document, keeping the drawings of `previous` for pages that
/// look the same. Nothing is drawn here: a page is drawn when the browser asks for it, so an
/// edit is announced as soon as the layout is done, and pages nobody looks at cost nothing.
pub fn make(
    document: PagedDocument,
    previous: Option<&Preview>,
    generation: u64,
    assets: u64,
    layout_time: Duration,
) -> Preview {
    let started = std::time::Instant::now();
    let pages: Vec<Page> = document
        .pages()
        .par_iter()
        .enumerate()
        .map(|(index, page)| {
            let hash = format!("{:032x}", visual_hash(&page.frame));
            let size = page.frame.size();
            let drawn = previous
                .and_then(|p| p.pages.iter().find(|old| old.hash == hash))
                .map_or_else(|| Arc::new(OnceLock::new()), |old| old.drawn.clone());
            Page {
                hash,
                width: size.x.to_pt(),
                height: size.y.to_pt(),
                index,
                drawn,
            }
        })
        .collect();
    Preview {
        generation,
        assets,
        document: Arc::new(document),
        pages,
        took: layout_time + started.elapsed(),
    }
}

/// A hash of what a frame shows: shapes, text, images and their places, not the
/// introspection tags and link targets a frame also carries. (Those change on pages that look
/// the same, for example when an element they refer to elsewhere got new data: hashing the
/// whole frame made a one-figure edit "change" 16 of 86 pages instead of the 4 that look
/// different.)
fn visual_hash(frame: &typst::layout::Frame) -> u128 {
    use std::hash::{Hash, Hasher};
    fn walk(frame: &typst::layout::Frame, state: &mut impl Hasher) {
        frame.size().hash(state);
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    (0u8, pos, group.transform, &group.clip).hash(state);
                    walk(&group.frame, state);
                }
                FrameItem::Text(text) => {
                    (1u8, pos, &text.font, text.size, &text.fill, &text.stroke).hash(state);
                    for g in &text.glyphs {
                        (g.id, g.x_advance, g.x_offset, g.y_advance, g.y_offset).hash(state);
                    }
                    text.text.hash(state);
                }
                FrameItem::Shape(shape, _) => (2u8, pos, shape).hash(state),
                FrameItem::Image(image, size, _) => (3u8, pos, image, size).hash(state),
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }
    let mut a = std::hash::DefaultHasher::new();
    walk(frame, &mut a);
    // Two differently keyed passes make a 128-bit name, so pages never collide in practice.
    let mut b = std::hash::DefaultHasher::new();
    0x5eed_u64.hash(&mut b);
    walk(frame, &mut b);
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
}

fn draw(page: &typst_layout::Page) -> Drawn {
    let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default());
    let mut runs = Vec::new();
    crate::render::for_each_item(&page.frame, Transform::identity(), &mut |item, ts| {
        if let FrameItem::Text(text) = item {
            let s = text.text.trim();
            if s.is_empty() {
                return;
            }
            let scale = ts.sy.get();
            runs.push(TextRun(
                round(ts.tx.to_pt()),
                round(ts.ty.to_pt()),
                round(text.size.to_pt() * scale),
                round(text.width().to_pt() * ts.sx.get()),
                text.text.to_string(),
            ));
        }
    });
    Drawn {
        svg,
        text: serde_json::to_string(&runs).unwrap_or_else(|_| "[]".into()),
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
