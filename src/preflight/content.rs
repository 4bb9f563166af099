//! Preflight of the page content: the content streams interpreted far enough to know the
//! colour of every fill and stroke, the placed size of every image, the fonts in use, and the
//! area that carries colour — through forms, patterns and soft masks, under limits.

use std::collections::HashSet;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::objects::{self, get, get_name, get_number};
use super::{Finding, Options, limits};
use crate::msg;

/// A transformation matrix `[a b c d e f]`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` applied first, then `then`.
fn concat(m: &Matrix, then: &Matrix) -> Matrix {
    [
        m[0] * then[0] + m[1] * then[2],
        m[0] * then[1] + m[1] * then[3],
        m[2] * then[0] + m[3] * then[2],
        m[2] * then[1] + m[3] * then[3],
        m[4] * then[0] + m[5] * then[2] + then[4],
        m[4] * then[1] + m[5] * then[3] + then[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A matrix from a PDF array (six numbers), if it is one.
fn matrix(doc: &Document, object: Option<&Object>) -> Option<Matrix> {
    let array = objects::resolve(doc, object?)?.as_array().ok()?;
    if array.len() != 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, item) in m.iter_mut().zip(array) {
        *slot = objects::number(objects::resolve(doc, item)?)?;
    }
    Some(m)
}

/// The family of a colour space, as far as preflight cares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Space {
    /// DeviceGray or a one-component ICC profile.
    Gray,
    /// DeviceRGB.
    Rgb,
    /// DeviceCMYK or a four-component ICC profile: the values are inks.
    Cmyk,
    /// A pattern.
    Pattern,
    /// Anything else (ICC-based RGB, Lab, spot colours, …).
    Other,
}

/// A colour space's family and whether it rests on DeviceRGB (itself, the base of an indexed
/// space, or the alternate of a spot colour).
pub fn classify(doc: &Document, object: &Object, depth: usize) -> (Space, bool) {
    let Some(object) = objects::resolve(doc, object) else {
        return (Space::Other, false);
    };
    if depth > 4 {
        return (Space::Other, false);
    }
    let family = match object {
        Object::Name(n) => n.as_slice(),
        Object::Array(a) => match a
            .first()
            .and_then(|f| objects::resolve(doc, f))
            .and_then(objects::name)
        {
            Some(n) => n,
            None => return (Space::Other, false),
        },
        _ => return (Space::Other, false),
    };
    let item = |i: usize| match object {
        Object::Array(a) => a.get(i),
        _ => None,
    };
    match family {
        b"DeviceRGB" | b"RGB" => (Space::Rgb, true),
        b"DeviceCMYK" | b"CMYK" => (Space::Cmyk, false),
        b"DeviceGray" | b"G" => (Space::Gray, false),
        b"Pattern" => (
            Space::Pattern,
            item(1).is_some_and(|b| classify(doc, b, depth + 1).1),
        ),
        b"ICCBased" => {
            let n = item(1)
                .and_then(|s| objects::dict(doc, s))
                .and_then(|d| get_number(doc, d, b"N"));
            match n {
                Some(4.0) => (Space::Cmyk, false),
                Some(1.0) => (Space::Gray, false),
                _ => (Space::Other, false),
            }
        }
        b"Indexed" | b"I" => (
            Space::Other,
            item(1).is_some_and(|b| classify(doc, b, depth + 1).1),
        ),
        b"Separation" => (
            Space::Other,
            item(2).is_some_and(|b| classify(doc, b, depth + 1).1),
        ),
        b"DeviceN" => (
            Space::Other,
            item(2).is_some_and(|b| classify(doc, b, depth + 1).1),
        ),
        _ => (Space::Other, false),
    }
}

/// The current colour for fills or strokes.
#[derive(Debug, Clone, Copy)]
struct Paint {
    space: Space,
    values: [f64; 4],
}

impl Paint {
    const BLACK: Paint = Paint {
        space: Space::Gray,
        values: [0.0; 4],
    };

    /// The initial colour of a newly selected space (PDF 32000-1, 8.6.5).
    fn initial(space: Space) -> Paint {
        let values = match space {
            Space::Cmyk => [0.0, 0.0, 0.0, 1.0],
            _ => [0.0; 4],
        };
        Paint { space, values }
    }

    /// Puts no ink on paper: white in gray, RGB or CMYK.
    fn is_blank(&self) -> bool {
        match self.space {
            Space::Gray => self.values[0] >= 1.0,
            Space::Rgb => self.values[..3].iter().all(|v| *v >= 1.0),
            Space::Cmyk => self.values.iter().all(|v| *v <= 0.0),
            Space::Pattern | Space::Other => false,
        }
    }

    /// Total ink in percent, for CMYK.
    fn coverage(&self) -> Option<f64> {
        (self.space == Space::Cmyk)
            .then(|| self.values.iter().map(|v| v.clamp(0.0, 1.0)).sum::<f64>() * 100.0)
    }
}

/// The graphics state preflight follows.
#[derive(Debug, Clone, Copy)]
struct State {
    ctm: Matrix,
    fill: Paint,
    stroke: Paint,
    text_mode: i64,
}

/// Where a content stream comes from, for the walk's bookkeeping.
struct Source<'a> {
    /// The resources its names refer to.
    resources: Option<&'a Dictionary>,
    /// The object it is in (a form or pattern), for findings.
    object: Option<ObjectId>,
    /// Whether what it paints counts for the page's painted area (not in patterns or masks,
    /// whose area is the shape that uses them).
    paints_area: bool,
}

/// Walks one page's content.
pub struct Walker<'a> {
    doc: &'a Document,
    page: usize,
    options: &'a Options,
    /// DeviceRGB is remapped by a `DefaultRGB` colour space on this page (allowed).
    default_rgb: bool,
    /// Findings on this page, each reported once.
    pub findings: Vec<Finding>,
    seen: HashSet<(&'static str, Option<ObjectId>, String)>,
    operations: usize,
    exhausted: bool,
    /// Forms and patterns being walked (a cycle stops here).
    stack: Vec<ObjectId>,
    /// Patterns and fonts already checked on this page.
    checked: HashSet<ObjectId>,
    /// The area that carries colour, in default user space.
    pub painted: Option<[f64; 4]>,
}

impl<'a> Walker<'a> {
    /// A walker for page number `page` (1-based).
    pub fn new(doc: &'a Document, page: usize, options: &'a Options, default_rgb: bool) -> Self {
        Self {
            doc,
            page,
            options,
            default_rgb,
            findings: Vec::new(),
            seen: HashSet::new(),
            operations: 0,
            exhausted: false,
            stack: Vec::new(),
            checked: HashSet::new(),
            painted: None,
        }
    }

    /// Reports a finding once per code, object and key on this page.
    fn report(&mut self, key: String, finding: Finding) {
        if self.seen.insert((finding.code, finding.object, key)) {
            self.findings.push(finding.on_page(self.page));
        }
    }

    /// Walks the page's content streams.
    pub fn page(&mut self, page: ObjectId, resources: Option<&'a Dictionary>) {
        let Some(dict) = self.doc.objects.get(&page).and_then(|o| o.as_dict().ok()) else {
            return;
        };
        let mut data = Vec::new();
        let streams: Vec<&Object> = match dict
            .get(b"Contents")
            .ok()
            .and_then(|c| objects::resolve(self.doc, c))
        {
            Some(Object::Array(a)) => a.iter().collect(),
            Some(other) => vec![other],
            None => Vec::new(),
        };
        for s in streams {
            match objects::stream(self.doc, s).and_then(objects::content) {
                Some(bytes) if data.len() + bytes.len() <= limits::MAX_STREAM_BYTES => {
                    data.extend_from_slice(&bytes);
                    // Streams are concatenated at token boundaries.
                    data.push(b'\n');
                }
                _ => self.unreadable(s.as_reference().ok()),
            }
        }
        let state = State {
            ctm: IDENTITY,
            fill: Paint::BLACK,
            stroke: Paint::BLACK,
            text_mode: 0,
        };
        let source = Source {
            resources,
            object: None,
            paints_area: true,
        };
        self.run(&data, &source, state);
        if self.exhausted {
            let limit = limits::MAX_OPERATIONS;
            self.report(
                String::new(),
                Finding::warning("too-complex", msg!("preflight-too-complex", limit = limit))
                    .with_help(msg!("preflight-too-complex.help")),
            );
        }
    }

    fn unreadable(&mut self, object: Option<ObjectId>) {
        self.report(
            String::new(),
            Finding::error("unreadable-content", msg!("preflight-unreadable-content"))
                .in_object(object)
                .with_help(msg!("preflight-damaged-export-again")),
        );
    }

    /// Interprets one content stream.
    fn run(&mut self, data: &[u8], source: &Source<'a>, start: State) {
        let Ok(content) = Content::decode(data) else {
            self.unreadable(source.object);
            return;
        };
        let mut state = start;
        let mut saved: Vec<State> = Vec::new();
        let mut path: Option<[f64; 4]> = None;
        let mut current = (0.0, 0.0);
        for op in &content.operations {
            self.operations += 1;
            if self.operations > limits::MAX_OPERATIONS {
                self.exhausted = true;
                return;
            }
            let nums: Vec<f64> = op.operands.iter().filter_map(objects::number).collect();
            let mut extend = |x: f64, y: f64, ctm: &Matrix| {
                let (x, y) = apply(ctm, x, y);
                path = Some(match path {
                    Some(b) => [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
                    None => [x, y, x, y],
                });
            };
            match op.operator.as_str() {
                "q" if saved.len() < 256 => saved.push(state),
                "Q" => state = saved.pop().unwrap_or(state),
                "cm" if nums.len() == 6 => {
                    let m = [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]];
                    state.ctm = concat(&m, &state.ctm);
                }
                "m" | "l" if nums.len() == 2 => {
                    current = (nums[0], nums[1]);
                    extend(nums[0], nums[1], &state.ctm);
                }
                "c" if nums.len() == 6 => {
                    for p in nums.chunks(2) {
                        extend(p[0], p[1], &state.ctm);
                    }
                    current = (nums[4], nums[5]);
                }
                "v" | "y" if nums.len() == 4 => {
                    extend(current.0, current.1, &state.ctm);
                    for p in nums.chunks(2) {
                        extend(p[0], p[1], &state.ctm);
                    }
                    current = (nums[2], nums[3]);
                }
                "re" if nums.len() == 4 => {
                    let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
                    for (px, py) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                        extend(px, py, &state.ctm);
                    }
                    current = (x, y);
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "S" | "s" => {
                    let fills = !matches!(op.operator.as_str(), "S" | "s");
                    let strokes =
                        matches!(op.operator.as_str(), "B" | "B*" | "b" | "b*" | "S" | "s");
                    if fills {
                        self.check_ink(&state.fill, "fill", source.object);
                        if source.paints_area && !state.fill.is_blank() {
                            self.paint(path);
                        }
                    }
                    if strokes {
                        self.check_ink(&state.stroke, "stroke", source.object);
                    }
                    path = None;
                }
                "n" => path = None,
                "g" if nums.len() == 1 => state.fill = gray(nums[0]),
                "G" if nums.len() == 1 => state.stroke = gray(nums[0]),
                "k" if nums.len() == 4 => state.fill = cmyk(&nums),
                "K" if nums.len() == 4 => state.stroke = cmyk(&nums),
                "rg" | "RG" => {
                    self.device_rgb(source.object, "operator");
                    let mut values = [0.0; 4];
                    for (v, n) in values.iter_mut().zip(&nums) {
                        *v = *n;
                    }
                    let paint = Paint {
                        space: Space::Rgb,
                        values,
                    };
                    if op.operator == "rg" {
                        state.fill = paint;
                    } else {
                        state.stroke = paint;
                    }
                }
                "cs" | "CS" => {
                    let Some(name) = op.operands.first().and_then(objects::name) else {
                        continue;
                    };
                    let space = self.colour_space(source, name);
                    if op.operator == "cs" {
                        state.fill = Paint::initial(space);
                    } else {
                        state.stroke = Paint::initial(space);
                    }
                }
                "sc" | "scn" | "SC" | "SCN" => {
                    let fill = op.operator.starts_with('s');
                    let target = if fill {
                        &mut state.fill
                    } else {
                        &mut state.stroke
                    };
                    if target.space == Space::Cmyk && nums.len() == 4 {
                        target.values = [nums[0], nums[1], nums[2], nums[3]];
                    } else if target.space == Space::Gray && nums.len() == 1 {
                        target.values[0] = nums[0];
                    }
                    if target.space == Space::Pattern
                        && let Some(name) = op.operands.last().and_then(objects::name)
                    {
                        self.pattern(source, name, &state);
                    }
                }
                "Tr" if nums.len() == 1 => state.text_mode = nums[0] as i64,
                "Tf" => {
                    if let Some(name) = op.operands.first().and_then(objects::name) {
                        self.font(source, name);
                    }
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if matches!(state.text_mode, 0 | 2 | 4 | 6) {
                        self.check_ink(&state.fill, "text", source.object);
                    }
                    if matches!(state.text_mode, 1 | 2 | 5 | 6) {
                        self.check_ink(&state.stroke, "outline", source.object);
                    }
                }
                "Do" => {
                    if let Some(name) = op.operands.first().and_then(objects::name) {
                        self.xobject(source, name, &state);
                    }
                }
                "sh" => {
                    if let Some(name) = op.operands.first().and_then(objects::name) {
                        self.shading(source, name);
                    }
                }
                "gs" => {
                    if let Some(name) = op.operands.first().and_then(objects::name) {
                        self.graphics_state(source, name, &state);
                    }
                }
                "BI" => {
                    if let Some(Object::Stream(image)) = op.operands.first() {
                        self.inline_image(source, image, &state);
                    }
                }
                _ => {}
            }
        }
    }

    /// Adds a painted area (in default user space) to the page's.
    fn paint(&mut self, area: Option<[f64; 4]>) {
        let Some(a) = area else { return };
        self.painted = Some(match self.painted {
            Some(p) => [
                p[0].min(a[0]),
                p[1].min(a[1]),
                p[2].max(a[2]),
                p[3].max(a[3]),
            ],
            None => a,
        });
    }

    /// A resource of the current stream (`/Font`, `/XObject`, …) by name.
    fn resource(
        &self,
        source: &Source<'a>,
        category: &[u8],
        name: &[u8],
    ) -> Option<(&'a Object, Option<ObjectId>)> {
        let table =
            get(self.doc, source.resources?, category).and_then(|o| objects::dict(self.doc, o))?;
        let entry = table.get(name).ok()?;
        Some((
            objects::resolve(self.doc, entry)?,
            entry.as_reference().ok(),
        ))
    }

    /// DeviceRGB in use; `what` is a key of the message `preflight-device-rgb` (`operator`,
    /// `space`, `image`, `gradient`).
    fn device_rgb(&mut self, object: Option<ObjectId>, what: &'static str) {
        if self.default_rgb {
            return;
        }
        self.report(
            String::new(),
            Finding::error("device-rgb", msg!("preflight-device-rgb", what = what))
                .in_object(object)
                .with_help(msg!("preflight-device-rgb.help")),
        );
    }

    /// Ink coverage of a vector fill or stroke (`what`: `fill`, `stroke`, `text` or `outline`).
    fn check_ink(&mut self, paint: &Paint, what: &'static str, object: Option<ObjectId>) {
        let Some(total) = paint.coverage() else {
            return;
        };
        let limit = f64::from(self.options.max_coverage);
        if total <= limit + 0.5 {
            return;
        }
        let [c, m, y, k] = paint
            .values
            .map(|v| (v.clamp(0.0, 1.0) * 100.0).round() as i64);
        let key = format!("{c} {m} {y} {k}");
        let limit = self.options.max_coverage;
        self.report(
            key,
            Finding::error(
                "ink-coverage",
                msg!(
                    "preflight-ink-coverage",
                    what = what,
                    c = c,
                    m = m,
                    y = y,
                    k = k,
                    total = total.round() as i64,
                    limit = limit
                ),
            )
            .in_object(object)
            .with_help(msg!("preflight-ink-coverage.help", limit = limit)),
        );
    }

    /// A named colour space selected with `cs`/`CS`.
    fn colour_space(&mut self, source: &Source<'a>, name: &[u8]) -> Space {
        let (object, id) = match name {
            b"DeviceRGB" | b"DeviceCMYK" | b"DeviceGray" | b"Pattern" => (None, None),
            _ => match self.resource(source, b"ColorSpace", name) {
                Some((o, id)) => (Some(o), id),
                None => return Space::Other,
            },
        };
        let named = Object::Name(name.to_vec());
        let (space, rgb) = classify(self.doc, object.unwrap_or(&named), 0);
        if rgb {
            self.device_rgb(id.or(source.object), "space");
        }
        space
    }

    /// A font selected with `Tf`: it must be embedded.
    fn font(&mut self, source: &Source<'a>, name: &[u8]) {
        let Some((font, id)) = self.resource(source, b"Font", name) else {
            return;
        };
        if let Some(id) = id
            && !self.checked.insert(id)
        {
            return;
        }
        let Some(font) = objects::dict(self.doc, font) else {
            return;
        };
        let doc = self.doc;
        if get_name(doc, font, b"Subtype") == Some(b"Type3") {
            return; // glyphs are drawn in content streams
        }
        let descendant = match get_name(doc, font, b"Subtype") {
            Some(b"Type0") => get(doc, font, b"DescendantFonts")
                .and_then(|d| d.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|d| objects::dict(doc, d)),
            _ => Some(font),
        };
        let embedded = descendant
            .and_then(|d| get(doc, d, b"FontDescriptor"))
            .and_then(|d| objects::dict(doc, d))
            .is_some_and(|d| d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"));
        if !embedded {
            let base = get_name(doc, font, b"BaseFont")
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_else(|| String::from_utf8_lossy(name).into_owned());
            self.report(
                base.clone(),
                Finding::error(
                    "font-not-embedded",
                    msg!("preflight-font-not-embedded", font = &base),
                )
                .in_object(id)
                .with_help(msg!("preflight-font-not-embedded.help")),
            );
        }
    }

    /// An XObject painted with `Do`: an image or a form.
    fn xobject(&mut self, source: &Source<'a>, name: &[u8], state: &State) {
        let Some((object, id)) = self.resource(source, b"XObject", name) else {
            return;
        };
        let Some(stream) = objects::stream(self.doc, object) else {
            return;
        };
        match get_name(self.doc, &stream.dict, b"Subtype") {
            Some(b"Image") => self.image(source, &stream.dict, id, state, false),
            Some(b"Form") => self.form(source, stream, id, state, source.paints_area),
            _ => {}
        }
    }

    /// A form XObject: its group, then its content with its own resources and matrix.
    fn form(
        &mut self,
        source: &Source<'a>,
        stream: &'a Stream,
        id: Option<ObjectId>,
        state: &State,
        paints_area: bool,
    ) {
        if self.stack.len() >= limits::MAX_DEPTH || id.is_some_and(|id| self.stack.contains(&id)) {
            return;
        }
        self.group(&stream.dict, id);
        let Some(data) = objects::content(stream) else {
            self.unreadable(id);
            return;
        };
        let m = matrix(self.doc, stream.dict.get(b"Matrix").ok()).unwrap_or(IDENTITY);
        let mut inner = *state;
        inner.ctm = concat(&m, &state.ctm);
        let resources = get(self.doc, &stream.dict, b"Resources")
            .and_then(|r| objects::dict(self.doc, r))
            .or(source.resources);
        if let Some(id) = id {
            self.stack.push(id);
        }
        let inner_source = Source {
            resources,
            object: id.or(source.object),
            paints_area,
        };
        self.run(&data, &inner_source, inner);
        if id.is_some() {
            self.stack.pop();
        }
    }

    /// A transparency group's blending colour space.
    pub fn group(&mut self, dict: &Dictionary, id: Option<ObjectId>) {
        let Some(group) = get(self.doc, dict, b"Group").and_then(|g| objects::dict(self.doc, g))
        else {
            return;
        };
        let Some(cs) = group.get(b"CS").ok() else {
            return;
        };
        if classify(self.doc, cs, 0).0 == Space::Rgb {
            self.report(
                String::new(),
                Finding::error("rgb-blend-space", msg!("preflight-rgb-blend-space"))
                    .in_object(id)
                    .with_help(msg!("preflight-rgb-blend-space.help")),
            );
        }
    }

    /// An image: its colour space, its effective resolution, its area.
    fn image(
        &mut self,
        source: &Source<'a>,
        dict: &Dictionary,
        id: Option<ObjectId>,
        state: &State,
        inline: bool,
    ) {
        let doc = self.doc;
        let mask = dict
            .get(if inline { &b"IM"[..] } else { b"ImageMask" })
            .ok()
            .or_else(|| dict.get(b"ImageMask").ok())
            .and_then(|o| o.as_bool().ok())
            .unwrap_or(false);
        let cs = dict
            .get(b"ColorSpace")
            .ok()
            .or_else(|| dict.get(b"CS").ok());
        if !mask && let Some(cs) = cs {
            let rgb = match objects::resolve(doc, cs) {
                // An inline image names its colour space in the resources, or abbreviates it.
                Some(Object::Name(n))
                    if inline
                        && !matches!(
                            n.as_slice(),
                            b"RGB"
                                | b"DeviceRGB"
                                | b"G"
                                | b"DeviceGray"
                                | b"CMYK"
                                | b"DeviceCMYK"
                                | b"I"
                                | b"Indexed"
                        ) =>
                {
                    let named = self.resource(source, b"ColorSpace", n);
                    named.is_some_and(|(o, _)| classify(doc, o, 0).1)
                }
                Some(o) => classify(doc, o, 0).1,
                None => false,
            };
            if rgb {
                self.device_rgb(id.or(source.object), "image");
            }
        }
        let number =
            |a: &[u8], b: &[u8]| get_number(doc, dict, a).or_else(|| get_number(doc, dict, b));
        let (Some(w), Some(h)) = (number(b"Width", b"W"), number(b"Height", b"H")) else {
            return;
        };
        let ctm = &state.ctm;
        let placed_w = ctm[0].hypot(ctm[1]);
        let placed_h = ctm[2].hypot(ctm[3]);
        if source.paints_area && (!mask || !state.fill.is_blank()) {
            let corners =
                [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| apply(ctm, x, y));
            let xs = corners.map(|c| c.0);
            let ys = corners.map(|c| c.1);
            self.paint(Some([
                xs.iter().copied().fold(f64::INFINITY, f64::min),
                ys.iter().copied().fold(f64::INFINITY, f64::min),
                xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            ]));
        }
        // Stencil masks are shapes, not photographs; their resolution is another matter.
        if mask || !source.paints_area || placed_w < 1.0 || placed_h < 1.0 {
            return;
        }
        let ppi = (w * 72.0 / placed_w).min(h * 72.0 / placed_h);
        if ppi >= self.options.warn_ppi {
            return;
        }
        let (severity_error, threshold) = if ppi < self.options.fail_ppi {
            (true, self.options.fail_ppi)
        } else {
            (false, self.options.warn_ppi)
        };
        let whole = |v: f64| v.round() as i64;
        let message = msg!(
            "preflight-image-resolution",
            width = whole(w),
            height = whole(h),
            placed_width = whole(objects::mm(placed_w)),
            placed_height = whole(objects::mm(placed_h)),
            ppi = whole(ppi),
            threshold = whole(threshold)
        );
        let need_w = (placed_w / 72.0 * self.options.warn_ppi).ceil();
        let need_h = (placed_h / 72.0 * self.options.warn_ppi).ceil();
        let help = msg!(
            "preflight-image-resolution.help",
            need_width = whole(need_w),
            need_height = whole(need_h),
            target = whole(self.options.warn_ppi)
        );
        let finding = if severity_error {
            Finding::error("image-resolution", message)
        } else {
            Finding::warning("image-resolution", message)
        };
        self.report(
            format!("{ppi:.0}"),
            finding.in_object(id.or(source.object)).with_help(help),
        );
    }

    fn inline_image(&mut self, source: &Source<'a>, image: &Stream, state: &State) {
        self.image(source, &image.dict, source.object, state, true);
    }

    /// A shading painted with `sh`: its colour space.
    fn shading(&mut self, source: &Source<'a>, name: &[u8]) {
        let Some((object, id)) = self.resource(source, b"Shading", name) else {
            return;
        };
        self.shading_space(object, id.or(source.object));
    }

    fn shading_space(&mut self, shading: &Object, id: Option<ObjectId>) {
        let Some(dict) = objects::dict(self.doc, shading) else {
            return;
        };
        if let Some(cs) = dict.get(b"ColorSpace").ok()
            && classify(self.doc, cs, 0).1
        {
            self.device_rgb(id, "gradient");
        }
    }

    /// A pattern selected with `scn`: a tiling pattern's content, or a shading's colour space.
    fn pattern(&mut self, source: &Source<'a>, name: &[u8], state: &State) {
        let Some((object, id)) = self.resource(source, b"Pattern", name) else {
            return;
        };
        if let Some(id) = id
            && !self.checked.insert(id)
        {
            return;
        }
        let Some(dict) = objects::dict(self.doc, object) else {
            return;
        };
        match get_number(self.doc, dict, b"PatternType") {
            Some(1.0) => {
                if let Some(stream) = objects::stream(self.doc, object) {
                    self.form(source, stream, id, state, false);
                }
            }
            Some(2.0) => {
                if let Ok(shading) = dict.get(b"Shading") {
                    self.shading_space(shading, id.or(source.object));
                }
            }
            _ => {}
        }
    }

    /// A graphics state set with `gs`: transfer functions, and the group of a soft mask.
    fn graphics_state(&mut self, source: &Source<'a>, name: &[u8], state: &State) {
        let Some((object, id)) = self.resource(source, b"ExtGState", name) else {
            return;
        };
        let Some(gs) = objects::dict(self.doc, object) else {
            return;
        };
        for key in [&b"TR"[..], b"TR2"] {
            let default = get_name(self.doc, gs, key) == Some(b"Default");
            if gs.has(key) && !default {
                self.report(
                    String::new(),
                    Finding::error("transfer-function", msg!("preflight-transfer-function"))
                        .in_object(id.or(source.object))
                        .with_help(msg!("preflight-transfer-function.help")),
                );
            }
        }
        let Some(mask) = get(self.doc, gs, b"SMask").and_then(|m| objects::dict(self.doc, m))
        else {
            return;
        };
        let group_id = objects::id(mask, b"G");
        if let Some(group) = get(self.doc, mask, b"G").and_then(|g| objects::stream(self.doc, g)) {
            self.form(source, group, group_id, state, false);
        }
    }
}

fn gray(v: f64) -> Paint {
    Paint {
        space: Space::Gray,
        values: [v, 0.0, 0.0, 0.0],
    }
}

fn cmyk(n: &[f64]) -> Paint {
    Paint {
        space: Space::Cmyk,
        values: [n[0], n[1], n[2], n[3]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Scale by 2, then move by (10, 0): (1, 1) → (12, 2).
        let m = concat(
            &[2.0, 0.0, 0.0, 2.0, 0.0, 0.0],
            &[1.0, 0.0, 0.0, 1.0, 10.0, 0.0],
        );
        assert_eq!(apply(&m, 1.0, 1.0), (12.0, 2.0));
    }

    #[test]
    fn blank_and_coverage() {
        assert!(cmyk(&[0.0, 0.0, 0.0, 0.0]).is_blank());
        assert!(gray(1.0).is_blank());
        assert_eq!(cmyk(&[1.0, 1.0, 1.0, 1.0]).coverage(), Some(400.0));
        assert_eq!(gray(0.0).coverage(), None);
    }
}
