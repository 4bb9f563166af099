//! The names on the detail maps, set by the engine into the laid-out pages.
//!
//! A detail map names every municipality, and each name was a paragraph of its own in Typst's
//! layout (two with its halo): collected, shaped, broken into its one line and placed, about
//! a twelfth of the publication's instructions for text that is already placed (the view
//! stage measured and positioned every line, [`crate::view::labels`]). When drukwerk compiles,
//! `detail-labels` in `layouts/style.typ` leaves a marker for each run of names instead (the
//! numbers in their boxes stay Typst's), holding the names and how each kind is set, and this
//! module sets them: the same font instance from the same book, shaped by the same shaper with
//! the same features, language and buffer flags as Typst's paragraphs, and each line's glyphs
//! placed where Typst's line would put them (the baseline an ascender below the line's top).
//! What the reader gets is what Typst would have drawn, pixel for pixel (tested by rendering
//! both): real text, selectable, tagged in the map's figure like the shapes beside it, in the
//! edition's colours.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustybuzz::{BufferFlags, Direction, ShapePlan, UnicodeBuffer};
use typst::ecow::EcoString;
use typst::foundations::{Content, FromValue, Value};
use typst::layout::{Abs, Em, FrameItem, Point};
use typst::syntax::Span;
use typst::text::{
    FontInstance, FontStretch, FontStyle, FontVariant, FontVariations, FontWeight, Glyph, Lang,
    Region, TextItem,
};
use typst::visualize::{FixedStroke, Paint};

use super::draw::{DrawError, Node};
use super::fonts::Fonts;

/// The language the names are shaped and tagged in (`base` in `layouts/style.typ`).
const LANG: &str = "nl";
/// Its region.
const REGION: &str = "NL";

/// The OpenType features Typst adds for a label beyond the shaper's defaults: lining figures
/// (the document's `number-type`) and tabular ones (`detail-label`'s `number-width`).
const FEATURES: [&[u8; 4]; 2] = [b"lnum", b"tnum"];

/// Sets names for one document's draw: fonts by family and weight, and a shaping plan per
/// font and script, each found once.
pub struct Setter<'f> {
    fonts: &'f Fonts,
    faces: Mutex<HashMap<(String, u16), Option<typst::text::Font>>>,
    plans: Mutex<HashMap<PlanKey, Arc<ShapePlan>>>,
}

/// A shaping plan's font instance (its hash) and script (its tag).
type PlanKey = (u128, [u8; 4]);

/// One line of a label, as the layouts' `detail-label` would set it.
struct Line<'a> {
    text: &'a str,
    /// Its line box's top-left corner, relative to the marker.
    at: Point,
    size: Abs,
    weight: FontWeight,
    fill: Paint,
}

impl<'f> Setter<'f> {
    /// A setter drawing from `fonts` (the renderer's, which Typst laid the document out with).
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            faces: Mutex::default(),
            plans: Mutex::default(),
        }
    }

    /// The text items a names marker asks for, each at its place relative to the marker: per
    /// line of every label in its run, its halo first (when its kind has one), then the name.
    /// The labels are read from `maps` (the maps file), where the marker says they are.
    pub fn items(
        &self,
        content: &Content,
        maps: &Node,
    ) -> Result<Vec<(Point, FrameItem)>, DrawError> {
        let bad = |what: &str| DrawError(format!("map labels marker: {what}"));
        let args = super::draw::arguments(content).map_err(bad)?;
        let family = match args.get("family") {
            Ok(Value::Str(family)) => family.as_str().to_lowercase(),
            _ => return Err(bad("no font family")),
        };
        let paper = match args.get("paper") {
            Ok(Value::Color(c)) => Paint::Solid(c.clone()),
            _ => return Err(bad("no paper colour")),
        };
        let halo = super::draw::stroke(args, "halo")
            .flatten()
            .ok_or_else(|| bad("halo"))?;
        let Ok(Value::Dict(styles)) = args.get("styles") else {
            return Err(bad("no styles"));
        };
        let labels = args
            .get("labels")
            .ok()
            .and_then(|path| super::draw::resolve(maps, path))
            .ok_or_else(|| bad("no labels at its path"))?;
        let index = |key: &str| match args.get(key) {
            Ok(Value::Int(i)) => usize::try_from(*i).ok(),
            _ => None,
        };
        let run = index("from")
            .zip(index("to"))
            .and_then(|(from, to)| labels.get(from..to))
            .ok_or_else(|| bad("its run is not among the labels"))?;
        let mut items = Vec::new();
        for label in run {
            let kind = label
                .get("kind")
                .and_then(Node::as_str)
                .ok_or_else(|| bad("a label's kind"))?;
            let Ok(Value::Dict(style)) = styles.get(kind) else {
                return Err(bad(&format!("no style for {kind}")));
            };
            let weight = style
                .get("weight")
                .ok()
                .and_then(|w| FontWeight::from_value(w.clone()).ok())
                .ok_or_else(|| bad(&format!("{kind}'s weight")))?;
            let fill = match style.get("fill") {
                Ok(Value::Color(c)) => Paint::Solid(c.clone()),
                _ => return Err(bad(&format!("{kind}'s fill"))),
            };
            let haloed = matches!(style.get("halo"), Ok(Value::Bool(true)));
            let size = label
                .get("size")
                .and_then(Node::as_f64)
                .ok_or_else(|| bad("a label's size"))?;
            let lines = label
                .get("lines")
                .and_then(Node::as_list)
                .ok_or_else(|| bad("a label's lines"))?;
            for line in lines {
                let (Some(text), Some(x), Some(y)) = (
                    line.get("text").and_then(Node::as_str),
                    line.get("x").and_then(Node::as_f64),
                    line.get("y").and_then(Node::as_f64),
                ) else {
                    return Err(bad("a line's text or place"));
                };
                let line = Line {
                    text,
                    at: Point::new(Abs::mm(x), Abs::mm(y)),
                    size: Abs::pt(size),
                    weight,
                    fill: fill.clone(),
                };
                let halo = haloed.then(|| (paper.clone(), halo.clone()));
                self.set(&family, &line, halo, &mut items)
                    .map_err(|e| bad(&e))?;
            }
        }
        Ok(items)
    }

    /// The font `family` at `weight` (upright, normal width), as Typst selects it from the
    /// same book.
    fn font(&self, family: &str, weight: FontWeight) -> Option<typst::text::Font> {
        let mut faces = self.faces.lock().unwrap_or_else(|e| e.into_inner());
        faces
            .entry((family.to_string(), weight.to_number()))
            .or_insert_with(|| {
                let variant = FontVariant::new(FontStyle::Normal, weight, FontStretch::NORMAL);
                let index = self.fonts.book.select(family, variant)?;
                self.fonts.font(index)
            })
            .clone()
    }

    /// The shaping plan for `font` and the buffer's script, as Typst's `create_shape_plan`
    /// makes it.
    fn plan(&self, font: &FontInstance, buffer: &UnicodeBuffer) -> Arc<ShapePlan> {
        let script = buffer.script();
        let key = (typst::utils::hash128(font), script.tag().to_bytes());
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        plans
            .entry(key)
            .or_insert_with(|| {
                let features: Vec<rustybuzz::Feature> = FEATURES
                    .iter()
                    .map(|tag| {
                        rustybuzz::Feature::new(rustybuzz::ttf_parser::Tag::from_bytes(tag), 1, ..)
                    })
                    .collect();
                Arc::new(ShapePlan::new(
                    font.rusty(),
                    buffer.direction(),
                    Some(script),
                    buffer.language().as_ref(),
                    &features,
                ))
            })
            .clone()
    }

    /// Shapes `line` and adds its text items to `out`: one per run of glyphs at the same
    /// vertical offset, as Typst's `ShapedText::build` groups them. With a `halo` (its fill and
    /// stroke), the same glyphs in those go first, as the layouts set a halo line before its
    /// name (shaped once: the colours do not change the glyphs).
    fn set(
        &self,
        family: &str,
        line: &Line,
        halo: Option<(Paint, FixedStroke)>,
        out: &mut Vec<(Point, FrameItem)>,
    ) -> Result<(), String> {
        let font = self
            .font(family, line.weight)
            .ok_or_else(|| format!("no font {family} at weight {}", line.weight.to_number()))?;
        let variant = FontVariant::new(FontStyle::Normal, line.weight, FontStretch::NORMAL);
        let font = font.instantiate(variant, line.size, &FontVariations::default());
        let text = line.text;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_language(language());
        buffer.set_direction(Direction::LeftToRight);
        buffer.guess_segment_properties();
        buffer.set_flags(BufferFlags::REMOVE_DEFAULT_IGNORABLES);
        let plan = self.plan(&font, &buffer);
        let shaped = rustybuzz::shape_with_plan(font.rusty(), &plan, buffer);
        let (infos, positions) = (shaped.glyph_infos(), shaped.glyph_positions());

        // Each glyph with its text range: from its cluster to the next cluster (left to
        // right), so a ligature's glyph holds all its characters.
        let glyphs: Vec<(Glyph, Em)> = infos
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                let end = infos[i + 1..]
                    .iter()
                    .find(|next| next.cluster != info.cluster)
                    .map_or(text.len(), |next| next.cluster as usize);
                let glyph = Glyph {
                    id: info.glyph_id as u16,
                    x_advance: font.to_em(pos.x_advance),
                    x_offset: font.to_em(pos.x_offset),
                    y_advance: Em::zero(),
                    y_offset: Em::zero(),
                    range: start as u16..end as u16,
                    span: (Span::detached(), 0),
                };
                (glyph, font.to_em(pos.y_offset))
            })
            .collect();

        let top = font.metrics().ascender.at(line.size);
        let mut offset = Abs::zero();
        let mut items = Vec::new();
        for run in glyphs.chunk_by(|a, b| a.1 == b.1) {
            let y_offset = run[0].1;
            let start = run.iter().map(|g| g.0.range.start).min().unwrap_or(0);
            let end = run.iter().map(|g| g.0.range.end).max().unwrap_or(0);
            let width: Abs = run.iter().map(|g| g.0.x_advance.at(line.size)).sum();
            let item = TextItem {
                font: font.clone(),
                size: line.size,
                fill: line.fill.clone(),
                stroke: None,
                lang: LANG.parse::<Lang>().unwrap_or(Lang::ENGLISH),
                region: REGION.parse::<Region>().ok(),
                text: EcoString::from(&text[start as usize..end as usize]),
                glyphs: run
                    .iter()
                    .map(|(g, _)| Glyph {
                        range: g.range.start - start..g.range.end - start,
                        ..g.clone()
                    })
                    .collect(),
            };
            let at = line.at + Point::new(offset, top - y_offset.at(line.size));
            items.push((at, item));
            offset += width;
        }
        if let Some((fill, stroke)) = halo {
            out.extend(items.iter().map(|(at, item)| {
                let halo = TextItem {
                    fill: fill.clone(),
                    stroke: Some(stroke.clone()),
                    ..item.clone()
                };
                (*at, FrameItem::Text(halo))
            }));
        }
        out.extend(
            items
                .into_iter()
                .map(|(at, item)| (at, FrameItem::Text(item))),
        );
        Ok(())
    }
}

/// The names' language as the shaper takes it (Typst's `language` of the same styles).
fn language() -> rustybuzz::Language {
    std::str::FromStr::from_str(&format!("{LANG}-{REGION}")).expect("a language tag")
}
