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
use typst::layout::{Frame, FrameItem, Transform};
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
    /// The visual hash of every frame in it, by the frame's Typst hash: the next preview of
    /// the document looks up the frames Typst reused instead of walking them again.
    frame_hashes: FrameHashes,
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
    let none = FrameHashes::new();
    let known = previous.map_or(&none, |p| &p.frame_hashes);
    let (pages, seen): (Vec<Page>, Vec<FrameHashes>) = document
        .pages()
        .par_iter()
        .enumerate()
        .map(|(index, page)| {
            let mut seen = FrameHashes::new();
            let hash = format!("{:032x}", visual_hash(&page.frame, known, &mut seen));
            let size = page.frame.size();
            let drawn = previous
                .and_then(|p| p.pages.iter().find(|old| old.hash == hash))
                .map_or_else(|| Arc::new(OnceLock::new()), |old| old.drawn.clone());
            let page = Page {
                hash,
                width: size.x.to_pt(),
                height: size.y.to_pt(),
                index,
                drawn,
            };
            (page, seen)
        })
        .unzip();
    Preview {
        generation,
        assets,
        document: Arc::new(document),
        pages,
        // Only what this document holds: the map does not grow from edit to edit.
        frame_hashes: seen.into_iter().flatten().collect(),
        took: layout_time + started.elapsed(),
    }
}

/// A hash of what a frame shows: shapes, text, images and their places, not the
/// introspection tags and link targets a frame also carries. (Those change on pages that look
/// the same, for example when an element they refer to elsewhere got new data: hashing the
/// whole frame made a one-figure edit "change" 16 of 86 pages instead of the 4 that look
/// different.)
///
/// A group's frame is looked up in `known` by its Typst hash (which Typst keeps with the
/// frame, so a frame reused from an earlier layout costs a lookup, not a walk of its paths),
/// and what this walk works out for a frame is recorded in `seen`, for the next preview.
fn visual_hash(frame: &Frame, known: &FrameHashes, seen: &mut FrameHashes) -> u128 {
    let key = typst::utils::hash128(frame);
    if let Some(&hash) = known.get(&key).or_else(|| seen.get(&key)) {
        seen.insert(key, hash);
        return hash;
    }
    let hash = typst::utils::hash128(&Visual {
        frame,
        known,
        seen: std::cell::RefCell::new(seen),
    });
    seen.insert(key, hash);
    hash
}

/// Visual hashes of frames by their Typst hash (see [`visual_hash`]).
pub type FrameHashes = std::collections::HashMap<u128, u128>;

/// A frame hashed by what it shows (see [`visual_hash`]).
struct Visual<'a, 'b> {
    frame: &'a Frame,
    known: &'a FrameHashes,
    seen: std::cell::RefCell<&'b mut FrameHashes>,
}

impl std::hash::Hash for Visual<'_, '_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.frame.size().hash(state);
        for (pos, item) in self.frame.items() {
            match item {
                FrameItem::Group(group) => {
                    let inner = visual_hash(&group.frame, self.known, &mut self.seen.borrow_mut());
                    (0u8, pos, group.transform, &group.clip, inner).hash(state);
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

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::{Abs, GroupItem, Point, Size};
    use typst::visualize::{Color, Geometry, Paint};

    fn square(side: f64, colour: Color) -> FrameItem {
        let size = Size::splat(Abs::pt(side));
        FrameItem::Shape(
            Geometry::Rect(size).filled(Paint::Solid(colour)),
            typst::syntax::Span::detached(),
        )
    }

    /// A page of two groups, the second holding a square of `side` points.
    fn page(side: f64) -> Frame {
        let mut inner = Frame::soft(Size::splat(Abs::pt(50.0)));
        inner.push(Point::zero(), square(side, Color::BLACK));
        let mut other = Frame::soft(Size::splat(Abs::pt(50.0)));
        other.push(Point::zero(), square(10.0, Color::WHITE));
        let mut page = Frame::hard(Size::splat(Abs::pt(100.0)));
        page.push(Point::zero(), FrameItem::Group(GroupItem::new(other)));
        page.push(
            Point::splat(Abs::pt(50.0)),
            FrameItem::Group(GroupItem::new(inner)),
        );
        page
    }

    fn fresh(frame: &Frame) -> (u128, FrameHashes) {
        let mut seen = FrameHashes::new();
        (visual_hash(frame, &FrameHashes::new(), &mut seen), seen)
    }

    #[test]
    fn a_frame_hashes_the_same_with_the_last_previews_hashes_as_without() {
        let (first, seen) = fresh(&page(20.0));
        // Every group and the page itself are recorded for the next preview.
        assert_eq!(seen.len(), 3);
        // The same page again, laid out anew: looked up, the same name.
        let mut again = FrameHashes::new();
        assert_eq!(visual_hash(&page(20.0), &seen, &mut again), first);
        assert_eq!(again.len(), 1, "the page was found whole: {again:?}");
        // A page that differs inside one group: a new name, the same as a fresh walk's, and
        // the unchanged group is taken from the record.
        let mut changed = FrameHashes::new();
        let hash = visual_hash(&page(30.0), &seen, &mut changed);
        assert_ne!(hash, first);
        assert_eq!(hash, fresh(&page(30.0)).0);
        assert_eq!(changed.len(), 3);
        assert!(changed.keys().any(|k| seen.contains_key(k)));
    }

    #[test]
    fn tags_and_links_do_not_change_what_a_page_shows() {
        let (plain, _) = fresh(&page(20.0));
        let mut linked = page(20.0);
        linked.push(
            Point::zero(),
            FrameItem::Link(
                typst::model::Destination::Url(
                    typst::model::Url::new("https://example.org").unwrap(),
                ),
                Size::splat(Abs::pt(5.0)),
            ),
        );
        assert_eq!(fresh(&linked).0, plain);
    }
}
