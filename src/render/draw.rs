//! The maps' geometry, drawn by the engine into the laid-out pages.
//!
//! A map is thousands of points, and Typst pays most for them while evaluating the layout: a
//! `curve.line` element per point, made, hashed and laid out, before the PDF export writes the
//! same points once more. When drukwerk compiles (`sys.inputs.draw` is `engine`), the layouts
//! leave a marker where each layer of a map goes (`map-layer` in `layouts/style.typ`: a
//! `metadata` labelled `<dw-map-layer>` with where the rings are in the maps file, the scale,
//! the fill and the stroke), and after layout this module puts the path there: the same points
//! from the same file, scaled by the same length, with the paint and stroke Typst resolved, as
//! the item right after the marker. What the reader gets is what Typst would have drawn (tested
//! by rendering both), in the edition's colours, inside the map's figure, so the tagged PDF
//! and the print edition's colour spaces are unchanged. Run alone (or by the Typst CLI), the
//! layouts draw the maps themselves.
//!
//! The region pages' rank strips go the same way (`region-strip` in `layouts/publication.typ`):
//! their marker names the region and its rank, and the bars are drawn from the document's view
//! (every region's value, [`Strips`]). The strip's values change with every student count; with
//! the bars out of Typst's layout, an edit of one lays out only its own region's page again,
//! not all 49.
//!
//! The detail maps' names go the same way (`detail-labels` in `layouts/style.typ`): their
//! markers hold the names, which [`super::labels`] sets as Typst would, as text.

use typst::foundations::{Content, Dict, FromValue, Value};
use typst::introspection::{MetadataElem, Tag};
use typst::layout::{Abs, Frame, FrameItem, GroupItem, Length, Point};
use typst::utils::Numeric;
use typst::visualize::{Curve, FillRule, FixedStroke, Geometry, Paint, Shape, Stroke};
use typst_layout::{Page, PagedDocument};

use super::fonts::Fonts;
use super::labels::Setter;

/// The label of the layouts' markers.
pub const MARKER: &str = "dw-map-layer";

/// A maps file as the engine draws from it: decoded once, and every layer drawn from it kept,
/// so a recompile (serve, after an edit) puts the same shapes back without making them again.
pub struct Source {
    json: Node,
    shapes: std::sync::Mutex<std::collections::HashMap<u128, Option<Shape>>>,
    /// Frames holding markers, drawn, by the hash of the frame Typst laid out. Typst reuses an
    /// unchanged map's frame after an edit elsewhere; giving back the same drawn frame keeps
    /// its hash computed (the preview hashes every page) and saves copying it.
    frames: std::sync::Mutex<std::collections::HashMap<u128, Frame>>,
}

impl Source {
    /// The maps file `json`, decoded for drawing (see [`Node`]).
    pub fn new(json: &[u8]) -> Result<Self, String> {
        Ok(Self {
            json: serde_json::from_slice(json).map_err(|e| e.to_string())?,
            shapes: Default::default(),
            frames: Default::default(),
        })
    }

    /// The shape a marker asks for (see [`layer`]), made once per marker value.
    fn shape(&self, content: &Content) -> Result<Option<Shape>, DrawError> {
        let key = content
            .to_packed::<MetadataElem>()
            .map(|meta| typst::utils::hash128(&meta.value));
        let cached = |key| {
            self.shapes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&key)
                .cloned()
        };
        if let Some(shape) = key.and_then(cached) {
            return Ok(shape);
        }
        let shape = layer(content, &self.json)?;
        if let Some(key) = key {
            self.shapes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, shape.clone());
        }
        Ok(shape)
    }
}

/// Why a marker could not be drawn: a layout and the engine disagree about the maps file
/// (a bug, not a content error).
#[derive(Debug, Clone, PartialEq)]
pub struct DrawError(pub String);

/// `document` with every map layer its markers ask for drawn from `maps` (the build's maps
/// file; asked for only when there is a marker) and every rank strip's bars from `strips`.
/// Unchanged, and not rebuilt, when it has no marker.
pub fn draw<'a>(
    document: PagedDocument,
    maps: impl Fn() -> Result<&'a Source, DrawError> + Sync,
    strips: &Strips,
    fonts: &Fonts,
) -> Result<PagedDocument, DrawError> {
    use rayon::prelude::*;
    let labels = Setter::new(fonts);
    let from = From {
        maps: &maps,
        strips,
        labels: &labels,
        fonts: fonts.generation(),
    };
    // The pages are walked in parallel: the publication's are many, and nothing else runs
    // between Typst's layout and the export.
    let drawn: Vec<Option<Frame>> = document
        .pages()
        .par_iter()
        .map(|page| frame(&page.frame, &from))
        .collect::<Result<_, _>>()?;
    if drawn.iter().all(Option::is_none) {
        return Ok(document);
    }
    let pages = document
        .pages()
        .iter()
        .zip(drawn)
        .map(|(page, drawn)| match drawn {
            Some(frame) => Page {
                frame,
                ..page.clone()
            },
            None => page.clone(),
        })
        .collect();
    use typst::model::Document;
    let info = document.info().clone();
    Ok(PagedDocument::new(pages, info))
}

/// What the markers are drawn from.
struct From<'f, 'a> {
    /// The build's maps file, read when a marker first needs it.
    maps: &'f (dyn Fn() -> Result<&'a Source, DrawError> + Sync),
    /// The document's rank strips.
    strips: &'f Strips,
    /// Sets the map labels' names.
    labels: &'f Setter<'f>,
    /// Which fonts the names are set in ([`Fonts::generation`]): drawn frames are kept under
    /// it.
    fonts: u64,
}

/// `frame` with its markers' layers drawn (in its groups too), or none when it has none.
fn frame(frame: &Frame, from: &From) -> Result<Option<Frame>, DrawError> {
    let maps = from.maps;
    let mut holds_marker = false;
    let mut holds_strip = false;
    for (_, item) in frame.items() {
        if let FrameItem::Tag(Tag::Start(content, _)) = item
            && is_marker(content)
        {
            holds_marker = true;
            holds_strip |= is_strip(content);
        }
    }
    // A strip is drawn from the document's values, not the maps: its frame is not kept (it
    // is small, and the same frame of Typst's gets other bars after an edit of a figure).
    let key = (holds_marker && !holds_strip).then(|| typst::utils::hash128(&(frame, from.fonts)));
    if let Some(key) = key {
        let source = maps()?;
        let frames = source.frames.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(drawn) = frames.get(&key) {
            return Ok(Some(drawn.clone()));
        }
    }
    // Most frames hold no map: find out before copying anything.
    let mut items: Option<Vec<(Point, FrameItem)>> = None;
    for (i, (pos, item)) in frame.items().enumerate() {
        let replacement: Option<Vec<(Point, FrameItem)>> = match item {
            FrameItem::Group(group) => frame_of_group(group, from)?.map(|g| vec![(*pos, g)]),
            FrameItem::Tag(Tag::Start(content, _)) if is_marker(content) => {
                let mut out = vec![(*pos, item.clone())];
                if is_labels(content) {
                    let names = from.labels.items(content, &maps()?.json)?;
                    out.extend(names.into_iter().map(|(at, item)| (*pos + at, item)));
                } else {
                    let shape = if is_strip(content) {
                        strip(content, from.strips)?
                    } else {
                        maps()?.shape(content)?
                    };
                    if let Some(shape) = shape {
                        out.push((
                            *pos,
                            FrameItem::Shape(shape, typst::syntax::Span::detached()),
                        ));
                    }
                }
                Some(out)
            }
            _ => None,
        };
        match (replacement, items.as_mut()) {
            (Some(new), Some(list)) => list.extend(new),
            (Some(new), None) => {
                let mut list: Vec<_> = frame.items().take(i).cloned().collect();
                list.extend(new);
                items = Some(list);
            }
            (None, Some(list)) => list.push((*pos, item.clone())),
            (None, None) => {}
        }
    }
    let Some(items) = items else {
        return Ok(None);
    };
    let mut out = Frame::new(frame.size(), frame.kind());
    if frame.has_baseline() {
        out.set_baseline(frame.baseline());
    }
    out.push_multiple(items);
    if let Some(key) = key {
        let source = maps()?;
        let mut frames = source.frames.lock().unwrap_or_else(|e| e.into_inner());
        frames.insert(key, out.clone());
    }
    Ok(Some(out))
}

fn frame_of_group(group: &GroupItem, from: &From) -> Result<Option<FrameItem>, DrawError> {
    Ok(frame(&group.frame, from)?.map(|drawn| {
        FrameItem::Group(GroupItem {
            frame: drawn,
            ..group.clone()
        })
    }))
}

/// Whether `content` (a tag's element) is a marker the layouts left for the engine.
pub fn is_marker(content: &Content) -> bool {
    // Asked of every tag of every page: the label's interned id is compared, not its text.
    static LABEL: std::sync::LazyLock<Option<typst::foundations::Label>> =
        std::sync::LazyLock::new(|| {
            typst::foundations::Label::new(typst::utils::PicoStr::intern(MARKER))
        });
    content.label().is_some_and(|label| Some(label) == *LABEL)
}

/// Whether a marker asks for a rank strip's bars (see [`strip`]) rather than a map layer.
pub fn is_strip(content: &Content) -> bool {
    arguments(content).is_ok_and(|args| args.contains("strip"))
}

/// Whether a marker asks for map labels' names (see [`super::labels`]) rather than a map layer.
pub fn is_labels(content: &Content) -> bool {
    arguments(content).is_ok_and(|args| args.contains("labels"))
}

/// The rank strips of a document: each region's values (its view's `context.values`, every
/// region's figure divided by the largest, largest first), by region id.
#[derive(Debug, Default)]
pub struct Strips(std::collections::HashMap<String, Vec<f64>>);

/// What the engine takes from a document's view besides handing it to the layouts whole: the
/// rank strips' values (drawn here) and each region's key figures, which the region pages read
/// from a file of their own (see [`ViewParts::figures`]).
#[derive(Debug, Default)]
pub struct ViewParts {
    /// The rank strips.
    pub strips: Strips,
    /// Each region's `figures` (the view's JSON), by region id.
    pub figures: Vec<(String, Vec<u8>)>,
}

impl ViewParts {
    /// The parts of the view JSON `data` (a publication's `regions[]`; a view without
    /// regions has none).
    pub fn new(data: &[u8]) -> Result<Self, String> {
        #[derive(serde::Deserialize)]
        struct View {
            #[serde(default)]
            regions: Vec<Region>,
        }
        #[derive(serde::Deserialize)]
        struct Region {
            id: String,
            #[serde(default)]
            context: Option<Context>,
            #[serde(default)]
            figures: Option<serde_json::Value>,
        }
        #[derive(serde::Deserialize)]
        struct Context {
            #[serde(default)]
            values: Vec<f64>,
        }
        let view: View = serde_json::from_slice(data).map_err(|e| e.to_string())?;
        let mut parts = ViewParts::default();
        for region in view.regions {
            if let Some(figures) = &region.figures {
                let json = serde_json::to_vec(figures).map_err(|e| e.to_string())?;
                parts.figures.push((region.id.clone(), json));
            }
            if let Some(context) = region.context {
                parts.strips.0.insert(region.id, context.values);
            }
        }
        Ok(parts)
    }

    /// The virtual path of region `id`'s figures file. A region page reads its figures from
    /// there, not from the view it was handed: the element that lays the page out then holds
    /// none of them, so its identity (Typst keys an element's location by its hash) survives
    /// an edit of a figure, and Typst reuses what it measured of the page's stories and lists.
    pub fn figures_path(id: &str) -> String {
        format!("/.drukwerk/figures/{id}.json")
    }
}

/// A marker's dictionary, or what it is not.
pub(super) fn arguments(content: &Content) -> Result<&Dict, &'static str> {
    let meta = content.to_packed::<MetadataElem>().ok_or("not metadata")?;
    match &meta.value {
        Value::Dict(args) => Ok(args),
        _ => Err("not a dictionary"),
    }
}

/// The bars a strip marker asks for (`region-strip` in `layouts/publication.typ`): one bar per
/// value, or only the region's own (`own`, at its `rank`), in a box `width` × `height`, by the
/// same arithmetic as the layouts' `strip-bars`; none when the region has no values.
fn strip(content: &Content, strips: &Strips) -> Result<Option<Shape>, DrawError> {
    let bad = |what: &str| DrawError(format!("strip marker: {what}"));
    let args = arguments(content).map_err(bad)?;
    let abs = |key: &str| match args.get(key) {
        Ok(Value::Length(l)) => length(*l).ok_or_else(|| bad(&format!("{key} in em"))),
        _ => Err(bad(&format!("no {key}"))),
    };
    let (width, height) = (abs("width")?, abs("height")?);
    let Ok(Value::Str(id)) = args.get("strip") else {
        return Err(bad("no region id"));
    };
    let Ok(Value::Int(rank)) = args.get("rank") else {
        return Err(bad("no rank"));
    };
    let own = matches!(args.get("own"), Ok(Value::Bool(true)));
    let fill = match args.get("fill") {
        Ok(Value::Color(c)) => Paint::Solid(c.clone()),
        _ => return Err(bad("fill")),
    };
    let values = strips.0.get(id.as_str()).map_or(&[][..], Vec::as_slice);
    let n = values.len();
    if n == 0 {
        return Ok(None);
    }
    let pitch = width / n as f64;
    let bar = pitch * 0.64;
    let at = (rank - 1).clamp(0, n as i64 - 1) as usize;
    let mut curve = Curve::new();
    for (i, v) in values.iter().enumerate() {
        if own && i != at {
            continue;
        }
        let x = pitch * i as f64 + (pitch - bar) / 2.0;
        let y = height - (height * *v).max(Abs::pt(0.6));
        curve.move_(Point::new(x, y));
        curve.line(Point::new(x + bar, y));
        curve.line(Point::new(x + bar, height));
        curve.line(Point::new(x, height));
        curve.close();
    }
    Ok(Some(Shape {
        geometry: Geometry::Curve(curve),
        fill: Some(fill),
        fill_rule: FillRule::NonZero,
        stroke: None,
    }))
}

/// The shape a marker asks for, none when its rings are all too short to draw (as the
/// layout's own `ring-parts` and `line-parts` skip them).
fn layer(content: &Content, maps: &Node) -> Result<Option<Shape>, DrawError> {
    let bad = |what: &str| DrawError(format!("map layer marker: {what}"));
    let args = arguments(content).map_err(bad)?;
    let s = match args.get("s") {
        Ok(Value::Length(s)) => length(*s).ok_or_else(|| bad("scale in em"))?,
        _ => return Err(bad("no scale")),
    };
    let closed = matches!(args.get("closed"), Ok(Value::Bool(true)));
    let fill = match args.get("fill") {
        Ok(Value::None) | Err(_) => None,
        Ok(Value::Color(c)) => Some(Paint::Solid(c.clone())),
        Ok(Value::Tiling(t)) => Some(Paint::Tiling(t.clone())),
        Ok(Value::Gradient(g)) => Some(Paint::Gradient(g.clone())),
        Ok(_) => return Err(bad("fill")),
    };
    let stroke = stroke(args, "stroke").ok_or_else(|| bad("stroke"))?;
    let mut curve = Curve::new();
    let Ok(Value::Array(paths)) = args.get("paths") else {
        return Err(bad("no paths"));
    };
    for path in paths.iter() {
        let rings = resolve(maps, path).ok_or_else(|| bad(&format!("no rings at {path:?}")))?;
        for ring in rings {
            let coords = match ring {
                Node::Coords(coords) => &coords[..],
                // `[]`: no points (a list of nothing but numbers is `Coords`).
                Node::List(items) if items.is_empty() => &[][..],
                _ => return Err(bad("a ring is not a list of numbers")),
            };
            add(&mut curve, coords, s, closed);
        }
    }
    if curve.0.is_empty() {
        return Ok(None);
    }
    Ok(Some(Shape {
        geometry: Geometry::Curve(curve),
        fill,
        fill_rule: FillRule::NonZero,
        stroke,
    }))
}

/// The marker's stroke at `key` as Typst resolves a curve's (or a text's): none, or its fields
/// over the defaults.
pub(super) fn stroke(args: &Dict, key: &str) -> Option<Option<FixedStroke>> {
    match args.get(key) {
        Ok(Value::None) | Err(_) => Some(None),
        Ok(value) => {
            let stroke = Stroke::from_value(value.clone()).ok()?;
            let in_em = std::cell::Cell::new(false);
            let resolved = stroke.map(|l: Length| {
                in_em.set(in_em.get() || !l.em.is_zero());
                l.abs
            });
            (!in_em.get()).then(|| Some(resolved.unwrap_or_default()))
        }
    }
}

/// An absolute length (the layouts give the maps' scales in points or millimetres).
fn length(l: Length) -> Option<Abs> {
    l.em.is_zero().then_some(l.abs)
}

/// The maps file as the engine needs it: objects, lists, strings (the labels' names), and
/// every list of nothing but numbers (a ring or a line) as one array of `f64`; other values
/// are not kept.
/// Made by serde from the JSON directly: a `serde_json::Value` per coordinate took about
/// 20 MB more at a build's peak.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An object.
    Object(std::collections::HashMap<String, Node>),
    /// A list of anything but only numbers.
    List(Vec<Node>),
    /// A non-empty list of numbers.
    Coords(Box<[f64]>),
    /// A number (inside a list with other values, or alone).
    Number(f64),
    /// A string.
    Str(Box<str>),
    /// A boolean or null: never read.
    Other,
}

impl Node {
    /// The value at `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(object) => object.get(key),
            _ => None,
        }
    }

    /// A string's text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A number's value.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A list's items (a list of numbers is not one of these).
    pub fn as_list(&self) -> Option<&[Node]> {
        match self {
            Node::List(items) => Some(items),
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> serde::de::Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.into()))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut numbers = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            let Node::Number(n) = item else {
                // Not a ring: keep every element as it is.
                let mut items: Vec<Node> = numbers.into_iter().map(Node::Number).collect();
                items.push(item);
                while let Some(item) = seq.next_element::<Node>()? {
                    items.push(item);
                }
                return Ok(Node::List(items));
            };
            numbers.push(n);
        }
        Ok(if numbers.is_empty() {
            Node::List(Vec::new())
        } else {
            Node::Coords(numbers.into_boxed_slice())
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut out = std::collections::HashMap::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            out.insert(key, value);
        }
        Ok(Node::Object(out))
    }
}

/// The list (of rings, flat coordinate lists; or of labels) at `path` in the maps file.
pub(super) fn resolve<'a>(maps: &'a Node, path: &Value) -> Option<&'a [Node]> {
    let Value::Array(keys) = path else {
        return None;
    };
    let mut at = maps;
    for key in keys.iter() {
        at = match (key, at) {
            (Value::Str(k), Node::Object(object)) => object.get(k.as_str())?,
            (Value::Int(i), Node::List(items)) => items.get(usize::try_from(*i).ok()?)?,
            _ => return None,
        };
    }
    match at {
        Node::List(rings) => Some(rings),
        _ => None,
    }
}

/// One ring or line onto `curve`, as the layout's `curve.move`/`curve.line`/`curve.close`
/// would: the same scaling (`v * s`), the same short rings skipped.
fn add(curve: &mut Curve, coords: &[f64], s: Abs, closed: bool) {
    let min = if closed { 6 } else { 4 };
    if coords.len() < min {
        return;
    }
    let mut pairs = coords.chunks_exact(2);
    let Some(first) = pairs.next() else {
        return;
    };
    curve.move_(Point::new(s * first[0], s * first[1]));
    for pair in pairs {
        curve.line(Point::new(s * pair[0], s * pair[1]));
    }
    if closed {
        curve.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::foundations::IntoValue;

    fn path(keys: &[&str]) -> Value {
        Value::Array(keys.iter().map(|k| (*k).into_value()).collect())
    }

    fn node(json: &str) -> Node {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_file_keeps_its_rings_as_numbers_and_its_words_as_text() {
        let object = [
            (
                "a",
                Node::List(vec![Node::Coords(vec![1.0, 2.5, 3.0, 4.0].into())]),
            ),
            ("b", Node::Str("tekst".into())),
            (
                "c",
                Node::List(vec![Node::Number(1.0), Node::Str("x".into())]),
            ),
            ("e", Node::Other),
            ("d", Node::List(vec![])),
        ];
        assert_eq!(
            node(r#"{"a": [[1, 2.5, 3, 4]], "b": "tekst", "c": [1, "x"], "d": [], "e": null}"#),
            Node::Object(
                object
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect()
            )
        );
    }

    #[test]
    fn paths_lead_to_rings_or_to_nothing() {
        let maps = node(r#"{"geo": {"land": [[0, 0, 10, 0, 10, 10]]}, "regions": []}"#);
        assert_eq!(
            resolve(&maps, &path(&["geo", "land"])).map(<[Node]>::len),
            Some(1)
        );
        assert!(resolve(&maps, &path(&["geo", "water"])).is_none());
        assert!(resolve(&maps, &path(&["regions", "zwolle"])).is_none());
        let indexed = Value::Array(
            ["regions".into_value(), 0i64.into_value()]
                .into_iter()
                .collect(),
        );
        assert!(resolve(&maps, &indexed).is_none());
    }

    #[test]
    fn rings_are_scaled_closed_and_skipped_as_the_layouts_do() {
        use typst::visualize::CurveItem::{Close, Line, Move};
        let s = Abs::pt(2.0);
        let pt = |x, y| Point::new(Abs::pt(x), Abs::pt(y));
        let mut curve = Curve::new();
        add(&mut curve, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], s, true);
        assert_eq!(
            curve.0,
            vec![
                Move(pt(2.0, 4.0)),
                Line(pt(6.0, 8.0)),
                Line(pt(10.0, 12.0)),
                Close
            ]
        );
        // A ring of two points and a line of one are not drawn (`ring-parts`, `line-parts`).
        let mut short = Curve::new();
        add(&mut short, &[1.0, 2.0, 3.0, 4.0], s, true);
        add(&mut short, &[1.0, 2.0], s, false);
        assert!(short.0.is_empty());
        // An open line is not closed.
        let mut line = Curve::new();
        add(&mut line, &[0.0, 0.0, 1.0, 1.0], s, false);
        assert_eq!(line.0, vec![Move(pt(0.0, 0.0)), Line(pt(2.0, 2.0))]);
    }

    #[test]
    fn strips_draw_a_bar_per_value_or_only_the_regions_own() {
        use typst::foundations::{Dict, IntoValue, NativeElement};
        use typst::visualize::{Color, CurveItem::Move};
        let parts = ViewParts::new(
            br#"{"meta": {}, "regions": [
                {"id": "a", "context": {"values": [1.0, 0.5, 0.0], "rank": 2},
                 "figures": [{"value": 3, "display": "3"}]},
                {"id": "b"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(
            parts.figures,
            vec![("a".to_string(), br#"[{"display":"3","value":3}]"#.to_vec())]
        );
        let strips = &parts.strips;
        let marker = |id: &str, own: bool| {
            let mut d = Dict::new();
            d.insert("strip".into(), id.into_value());
            d.insert("rank".into(), 2.into_value());
            d.insert("own".into(), own.into_value());
            d.insert("width".into(), Length::from(Abs::pt(30.0)).into_value());
            d.insert("height".into(), Length::from(Abs::pt(10.0)).into_value());
            d.insert("fill".into(), Color::BLACK.into_value());
            MetadataElem::new(Value::Dict(d)).pack()
        };
        assert!(is_strip(&marker("a", false)));
        let moves = |shape: Option<Shape>| match shape.map(|s| s.geometry) {
            Some(Geometry::Curve(c)) => {
                c.0.iter()
                    .filter_map(|i| match i {
                        Move(p) => Some((p.x.to_pt(), p.y.to_pt())),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            }
            _ => Vec::new(),
        };
        // Three bars, 10 pt apart, 6.4 pt wide; the smallest value still 0.6 pt high.
        let all = moves(strip(&marker("a", false), strips).unwrap());
        assert_eq!(all.len(), 3);
        assert!((all[0].0 - 1.8).abs() < 1e-9 && all[0].1.abs() < 1e-9);
        assert!((all[1].1 - 5.0).abs() < 1e-9);
        assert!((all[2].1 - 9.4).abs() < 1e-9);
        // Only the region's own bar (rank 2: the second).
        assert_eq!(
            moves(strip(&marker("a", true), strips).unwrap()),
            vec![all[1]]
        );
        // A region without values, or one the view does not have: nothing to draw.
        assert!(strip(&marker("b", false), strips).unwrap().is_none());
        assert!(strip(&marker("c", false), strips).unwrap().is_none());
    }
}
