//! Maps and the municipality register, checked on the generated data and on the laid-out
//! document (not on pictures).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use std::sync::OnceLock;

use common::{InProcess, Pdf, Project, normalise};
use drukwerk::Profile;
use drukwerk::jobs;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The real content's publication, compiled once in this process for every test here that
/// reads its pages (its maps are `build.maps`).
struct Publication {
    project: Project,
    build: InProcess,
    document: PagedDocument,
}

fn publication() -> &'static Publication {
    static PUBLICATION: OnceLock<Publication> = OnceLock::new();
    PUBLICATION.get_or_init(|| {
        let project = Project::real();
        let build = InProcess::new(project.root());
        let job = jobs::publication_job(&build.model, Profile::Web, &build.maps).unwrap();
        let document = build.compile(job);
        Publication {
            project,
            build,
            document,
        }
    })
}

#[test]
fn each_region_map_highlights_exactly_its_municipalities() {
    let model = drukwerk::project::check(&common::repo()).model.unwrap();
    let geo = model.geo.as_ref().expect("the project ships boundaries");
    let maps = serde_json::to_value(drukwerk::view::maps::view(&model)).unwrap();
    let regions = maps["regions"].as_object().unwrap();
    assert_eq!(regions.len(), 49);
    for region in &model.regions {
        let json = &regions[&region.id];
        let shown: BTreeSet<&str> = json["map"]["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let expected: BTreeSet<&str> = if region.provinces.is_empty() {
            region
                .municipalities
                .iter()
                .map(|&i| model.municipality(i).code.as_str())
                .collect()
        } else {
            // A region described by provinces covers every municipality in them.
            model
                .gazetteer
                .all()
                .iter()
                .filter(|m| region.provinces.contains(&m.province))
                .map(|m| m.code.as_str())
                .collect()
        };
        assert_eq!(shown, expected, "{}", region.id);
        // The drawn rings are exactly those municipalities' boundaries.
        let rings: usize = expected.iter().map(|c| geo.municipalities[*c].len()).sum();
        assert_eq!(
            json["map"]["rings"].as_array().unwrap().len(),
            rings,
            "{}",
            region.id
        );
        assert!(
            json["map"]["alt"].as_str().unwrap().contains(&region.name),
            "{}: alt text names the region",
            region.id
        );
    }
    let mbo = model.region("mbo-noord-nederland").unwrap().1;
    assert_eq!(
        mbo.municipalities.len(),
        10 + 18 + 12,
        "Groningen, Fryslân and Drenthe"
    );
}

#[test]
fn overview_maps_never_give_neighbours_the_same_colour() {
    let model = drukwerk::project::check(&common::repo()).model.unwrap();
    let geo = model.geo.as_ref().unwrap();
    let view = serde_json::to_value(drukwerk::view::maps::view(&model)).unwrap();
    let overviews = view["overviews"].as_array().unwrap();
    assert_eq!(overviews.len(), 3, "PO, VO and MBO");
    for o in overviews {
        let sector = o["sector"]["id"].as_str().unwrap();
        let regions = o["regions"].as_array().unwrap();
        let groups: Vec<Vec<&str>> = regions
            .iter()
            .map(|r| {
                let id = r["region"]["id"].as_str().unwrap();
                let region = model.region(id).unwrap().1;
                region
                    .municipalities
                    .iter()
                    .map(|&i| model.municipality(i).code.as_str())
                    .collect()
            })
            .collect();
        let neighbours = drukwerk::geo::neighbours(geo, &groups);
        for (i, ns) in neighbours.iter().enumerate() {
            for &j in ns {
                assert_ne!(
                    regions[i]["colour"], regions[j]["colour"],
                    "{sector}: regions {i} and {j} touch"
                );
            }
        }
        // Every municipality in two regions of this sector is listed as an overlap.
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for g in &groups {
            for c in g {
                *count.entry(c).or_default() += 1;
            }
        }
        let shared = count.values().filter(|n| **n > 1).count();
        assert_eq!(o["overlaps"].as_array().unwrap().len(), shared, "{sector}");
    }
}

#[test]
fn register_lists_all_municipalities_with_the_pages_their_regions_are_on() {
    let Publication {
        project: p,
        build,
        document,
        ..
    } = publication();
    let model = &build.model;
    let introspector = document.introspector();

    // The page each region landed on, from its label.
    let mut region_page: BTreeMap<String, usize> = BTreeMap::new();
    for region in &model.regions {
        let label = Label::new(PicoStr::intern(&format!("region-{}", region.id))).unwrap();
        let element = introspector
            .query_label(label)
            .unwrap_or_else(|_| panic!("no page for {}", region.id));
        let location = element.location().unwrap();
        region_page.insert(
            region.id.clone(),
            introspector.page(location).unwrap().get(),
        );
    }

    // What the register printed, entry by entry.
    let label = Label::new(PicoStr::intern("dw-index")).unwrap();
    let entries = introspector.query(&Selector::Label(label));
    let mut printed: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for entry in entries.iter() {
        let meta = entry.to_packed::<MetadataElem>().expect("index metadata");
        let Value::Dict(dict) = &meta.value else {
            panic!("index entry is not a dict")
        };
        let code = dict
            .get("code")
            .unwrap()
            .clone()
            .cast::<typst::foundations::Str>()
            .unwrap()
            .to_string();
        let pages: Vec<usize> = dict
            .get("pages")
            .unwrap()
            .clone()
            .cast::<typst::foundations::Array>()
            .unwrap()
            .into_iter()
            .map(|v| v.cast::<i64>().expect("every region reference has a page") as usize)
            .collect();
        printed.insert(code, pages);
    }
    assert_eq!(
        printed.len(),
        342,
        "every official municipality is in the register"
    );
    for (i, m) in model.gazetteer.all().iter().enumerate() {
        let mut expected: Vec<usize> = model
            .regions
            .iter()
            .filter(|r| r.municipalities.contains(&i))
            .map(|r| region_page[&r.id])
            .collect();
        let mut got = printed[&m.code].clone();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "register pages for {}", m.name);
    }

    // And the names are really printed in the PDF.
    let bytes = web_pdf(document);
    let path = p.root().join("register-test.pdf");
    std::fs::write(&path, bytes).unwrap();
    let text = Pdf::open(&path).text();
    for m in model.gazetteer.all() {
        assert!(
            text.contains(&normalise(&m.name)),
            "{} is not printed",
            m.name
        );
    }
}

/// A line of text as laid out: its box from the ascender to the descender, in points from the
/// page's top-left, and its text.
#[derive(Debug, Clone)]
struct TextBox {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

impl TextBox {
    fn overlaps(&self, other: &TextBox) -> bool {
        // A hundredth of a point of tolerance: touching is not overlapping.
        let e = 0.01;
        self.x0 < other.x1 - e
            && other.x0 < self.x1 - e
            && self.y0 < other.y1 - e
            && other.y0 < self.y1 - e
    }
}

/// Every run of text on a page, with its box (the transforms on the way are translations).
fn text_boxes(frame: &Frame) -> Vec<TextBox> {
    let mut out = Vec::new();
    drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, ts| {
        // A halo (the same text stroked in paper under a label) is not a label of its own.
        if let FrameItem::Text(text) = item
            && text.stroke.is_none()
        {
            let metrics = text.font.metrics();
            let ascent = metrics.ascender.at(text.size);
            let descent = -metrics.descender.at(text.size);
            let top_left = Point::new(typst::layout::Abs::zero(), -ascent).transform(ts);
            let bottom_right = Point::new(text.width(), descent).transform(ts);
            out.push(TextBox {
                x0: top_left.x.to_pt(),
                y0: top_left.y.to_pt(),
                x1: bottom_right.x.to_pt(),
                y1: bottom_right.y.to_pt(),
                text: text.text.to_string(),
            });
        }
    });
    out
}

/// A detail map as laid out: its region, the window drawn, the page index and the frame's
/// corners (top-left, bottom-right) in points.
struct DetailFrame {
    id: String,
    window: usize,
    page: usize,
    top_left: (f64, f64),
    bottom_right: (f64, f64),
}

/// The detail maps in a document, from the markers at their corners.
fn detail_frames(document: &PagedDocument) -> Vec<DetailFrame> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern("dw-detail-map")).unwrap();
    // (region id, window) → (corner, page index, position) of each marker.
    type Marker = (String, usize, Point);
    let mut corners: BTreeMap<(String, usize), Vec<Marker>> = BTreeMap::new();
    for marker in introspector.query(&Selector::Label(label)).iter() {
        let meta = marker.to_packed::<MetadataElem>().expect("marker metadata");
        let Value::Dict(dict) = &meta.value else {
            panic!("marker is not a dict")
        };
        let get = |key: &str| dict.get(key).unwrap().clone();
        let id = get("id")
            .cast::<typst::foundations::Str>()
            .unwrap()
            .to_string();
        let window = get("window").cast::<i64>().unwrap() as usize;
        let corner = get("corner")
            .cast::<typst::foundations::Str>()
            .unwrap()
            .to_string();
        let position = introspector
            .position(marker.location().unwrap())
            .expect("the marker is on a page");
        corners.entry((id, window)).or_default().push((
            corner,
            position.page.get() - 1,
            position.point,
        ));
    }
    corners
        .into_iter()
        .map(|((id, window), marks)| {
            assert_eq!(marks.len(), 2, "{id}: two corners");
            let find = |name: &str| marks.iter().find(|m| m.0 == name).unwrap();
            let (tl, br) = (find("top-left"), find("bottom-right"));
            assert_eq!(tl.1, br.1, "{id}: both corners on one page");
            DetailFrame {
                id,
                window,
                page: tl.1,
                top_left: (tl.2.x.to_pt(), tl.2.y.to_pt()),
                bottom_right: (br.2.x.to_pt(), br.2.y.to_pt()),
            }
        })
        .collect()
}

/// On every detail map of `document`: every run of text that touches the frame lies inside it,
/// no two overlap, and there are as many as the engine placed lines (so none was placed
/// outside entirely). `details` are the detail maps the document may show, by region id, from
/// the maps JSON (`page` for the publication, `sheet` for a fact sheet; null without an area).
fn assert_labels_fit(
    name: &str,
    document: &PagedDocument,
    details: &[(&str, &serde_json::Value)],
) -> usize {
    let frames = detail_frames(document);
    let with_detail: Vec<&(&str, &serde_json::Value)> =
        details.iter().filter(|(_, d)| !d.is_null()).collect();
    assert_eq!(
        frames.len(),
        with_detail.len(),
        "{name}: one detail map per region with an area"
    );
    let mut labels = 0;
    for DetailFrame {
        id,
        window,
        page,
        top_left: (x0, y0),
        bottom_right: (x1, y1),
    } in frames
    {
        let (_, detail) = with_detail
            .iter()
            .find(|(region, _)| *region == id.as_str())
            .unwrap_or_else(|| panic!("{name}: no region {id}"));
        let placed: usize = detail["windows"][window]["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["lines"].as_array().unwrap().len())
            .sum();
        let boxes: Vec<TextBox> = text_boxes(&document.pages()[page].frame)
            .into_iter()
            .filter(|b| b.x1 > x0 && b.x0 < x1 && b.y1 > y0 && b.y0 < y1)
            .collect();
        let e = 0.01;
        for b in &boxes {
            assert!(
                b.x0 >= x0 - e && b.x1 <= x1 + e && b.y0 >= y0 - e && b.y1 <= y1 + e,
                "{name}/{id}: {:?} sticks out of the map frame ({x0:.1}, {y0:.1})–({x1:.1}, {y1:.1})",
                b
            );
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{name}/{id}: {a:?} overlaps {b:?}");
            }
        }
        assert_eq!(
            boxes.len(),
            placed,
            "{name}/{id}: every placed line is on the map, nothing else is: {:?}",
            boxes.iter().map(|b| &b.text).collect::<Vec<_>>()
        );
        labels += placed;
    }
    labels
}

/// The promise, checked on the laid-out pages rather than on the placement data: on
/// every region page and every fact sheet, no two labels of the detail map overlap and every
/// label lies inside the map's frame.
#[test]
fn detail_map_labels_never_overlap_and_stay_inside_the_frame() {
    let publication = publication();
    let build = &publication.build;
    let maps: serde_json::Value = serde_json::from_slice(&build.maps.bytes).unwrap();
    let details = |kind: &str| -> Vec<(&str, &serde_json::Value)> {
        build
            .model
            .regions
            .iter()
            .map(|r| (r.id.as_str(), &maps["regions"][&r.id][kind]))
            .collect()
    };
    let pages = details("page");
    assert_eq!(pages.len(), 49);
    let lines = assert_labels_fit("publication", &publication.document, &pages);
    assert!(
        lines > 46 * 8,
        "a fair number of labels was checked: {lines}"
    );

    let sheets = details("sheet");
    for index in 0..build.model.regions.len() {
        let job = jobs::factsheet_job(&build.model, index, Profile::Web, &build.maps).unwrap();
        let name = job.name.clone();
        let document = build.compile(job);
        assert_labels_fit(&name, &document, &sheets[index..=index]);
    }
}

/// Every municipality of a region is on its detail map with its name, or with a number that
/// the key (and the list of municipalities) explains; a region described by provinces names
/// its provinces. Checked on the view data of both layouts.
#[test]
fn every_municipality_is_named_or_numbered_on_its_detail_map() {
    let model = drukwerk::project::check(&common::repo()).model.unwrap();
    let maps = serde_json::to_value(drukwerk::view::maps::view(&model)).unwrap();
    let mut seen = 0;
    for region in &model.regions {
        let json = &maps["regions"][&region.id];
        for detail in [&json["page"], &json["sheet"]] {
            if region.municipalities.is_empty() {
                assert!(detail.is_null(), "{}: no area, no detail map", region.id);
                continue;
            }
            for window in detail["windows"].as_array().unwrap() {
                let labels = window["labels"].as_array().unwrap();
                let text = |kind: &str| -> Vec<String> {
                    labels
                        .iter()
                        .filter(|l| l["kind"] == kind)
                        .map(|l| {
                            l["lines"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|line| line["text"].as_str().unwrap())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect()
                };
                if !region.provinces.is_empty() {
                    assert_eq!(
                        text("province").len(),
                        region.provinces.len(),
                        "{}",
                        region.id
                    );
                    continue;
                }
                let named = text("municipality");
                let key: Vec<&str> = window["key"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k["name"].as_str().unwrap())
                    .collect();
                assert_eq!(
                    text("number").len(),
                    key.len(),
                    "{}: a number per key entry",
                    region.id
                );
                for &m in &region.municipalities {
                    let full = model.municipality(m).name.as_str();
                    // A label is the name, broken over lines (after a hyphen the space is
                    // not in the name), or without its province suffix.
                    let plain = full.split(" (").next().unwrap();
                    let on_map = named.iter().any(|n| {
                        let n = n.replace("- ", "-");
                        n == full || n == plain
                    });
                    assert!(
                        on_map ^ key.contains(&full),
                        "{}: {full} is named or numbered, once: {named:?} {key:?}",
                        region.id
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 1000, "{seen}");
}

/// Region pages use the page: each region is on exactly one page of its own, and on each its
/// content reaches at least three quarters down the text area.
#[test]
fn region_pages_are_one_page_each_and_filled() {
    let Publication {
        build, document, ..
    } = publication();
    let introspector = document.introspector();
    let page_of = |label: &str| {
        let label = Label::new(PicoStr::intern(label)).unwrap();
        let element = introspector.query_label(label).unwrap();
        introspector
            .page(element.location().unwrap())
            .unwrap()
            .get()
    };
    let pages: Vec<usize> = build
        .model
        .regions
        .iter()
        .map(|r| page_of(&format!("region-{}", r.id)))
        .collect();
    for (i, pair) in pages.windows(2).enumerate() {
        assert_eq!(
            pair[1],
            pair[0] + 1,
            "{} overflows or is not followed by the next region",
            build.model.regions[i].id
        );
    }
    // The page after the last region is the register's first.
    let register = Label::new(PicoStr::intern("dw-index")).unwrap();
    let first_entry = introspector.query(&Selector::Label(register));
    let register_page = introspector
        .page(first_entry[0].location().unwrap())
        .unwrap()
        .get();
    assert_eq!(
        register_page,
        pages.last().unwrap() + 1,
        "the last region overflows"
    );

    // The publication's text area: 20 mm from the top, 24 mm from the bottom of A4.
    let mm = 72.0 / 25.4;
    let (top, bottom) = (20.0 * mm, (297.0 - 24.0) * mm);
    for (region, &page) in build.model.regions.iter().zip(&pages) {
        let frame = &document.pages()[page - 1].frame;
        let mut lowest: f64 = 0.0;
        drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, ts| {
            let y = match item {
                FrameItem::Text(text) => {
                    let descent = -text.font.metrics().descender.at(text.size);
                    Point::new(typst::layout::Abs::zero(), descent)
                        .transform(ts)
                        .y
                }
                FrameItem::Shape(shape, _) => shape.bbox(false).max.transform(ts).y,
                FrameItem::Image(_, size, _) => Point::new(size.x, size.y).transform(ts).y,
                _ => return,
            };
            let y = y.to_pt();
            // The running foot lies below the text area.
            if y <= bottom + 0.5 {
                lowest = lowest.max(y);
            }
        });
        let reach = (lowest - top) / (bottom - top);
        assert!(
            reach >= 0.75,
            "{}: content ends {:.0} % down the text area (page {page})",
            region.id,
            reach * 100.0
        );
    }
}

/// `serve` keeps the maps while `view::maps::inputs_key` is unchanged: an edit of a figure or
/// a text leaves both the key and the maps as they were, and an edit the maps show changes
/// both.
#[test]
fn the_maps_change_with_their_inputs_and_only_with_them() {
    let p = Project::real();
    let state = || {
        let model = drukwerk::project::check(p.root()).model.unwrap();
        let maps = jobs::Maps::new(&model).unwrap();
        (drukwerk::view::maps::inputs_key(&model), maps.bytes)
    };
    let first = state();
    let zwolle = p.read("content/regions/zwolle.toml");
    let story = "content/cases/11-zwolle-route-naar-onderwijs.toml";
    let story_text = p.read(story);
    let edits: [(&str, String, bool); 4] = [
        (
            "content/regions/zwolle.toml",
            zwolle
                .lines()
                .map(|l| {
                    if l.starts_with("students = ") {
                        "students = 123456"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n",
            false,
        ),
        (
            story,
            story_text.replace("Doel is dat", "Het doel is dat"),
            false,
        ),
        (
            "content/regions/zwolle.toml",
            zwolle.replace(
                "name = \"Onderwijsregio Zwolle en omgeving\"",
                "name = \"Onderwijsregio Zwolle e.o.\"",
            ),
            true,
        ),
        (
            "content/regions/zwolle.toml",
            zwolle.replace("  \"Apeldoorn\",\n", ""),
            true,
        ),
    ];
    for (path, text, shown) in edits {
        let before = p.read(path);
        assert_ne!(before, text, "{path}: the edit applies");
        p.write(path, &text);
        let (key, maps) = state();
        assert_eq!(key != first.0, shown, "{path}: key");
        assert_eq!(maps != first.1, shown, "{path}: maps");
        p.write(path, &before);
    }
}

/// `serve` lays the publication out with `Renderer::for_relayout` (the register in Typst's first
/// pass too, two passes), a build without (the register left out of the first pass, three):
/// every page the same.
#[test]
fn the_publication_is_the_same_laid_out_for_relayout() {
    let publication = publication();
    let build = &publication.build;
    let job = jobs::publication_job(&build.model, Profile::Web, &build.maps).unwrap();
    let again = build.compile_for_relayout(job);
    assert!(
        web_pdf(&again) == web_pdf(&publication.document),
        "the same PDF"
    );
}

/// `document` exported as the web edition.
fn web_pdf(document: &PagedDocument) -> Vec<u8> {
    drukwerk::export::pdf(
        document,
        &drukwerk::export::ExportOptions {
            ident: "t".into(),
            timestamp: 0,
            profile: Profile::Web,
            crop_marks: false,
            print: Default::default(),
        },
    )
    .unwrap()
}

/// The maps file is put together from its parts (`Maps::from_view`, which hashes each part
/// for the keys): it is exactly serde's JSON of the view. The publication alone reads a file
/// without the fact sheets' maps (`Maps::for_publication`), with the same publication key as
/// a full build's file; the sheets' keys follow their own maps.
#[test]
fn the_maps_file_is_the_views_json_and_each_document_keys_what_it_reads() {
    let p = Project::real();
    let model = drukwerk::project::check(p.root()).model.unwrap();
    let full = jobs::Maps::new(&model).unwrap();
    let view = drukwerk::view::maps::view(&model);
    assert!(
        *full.bytes == *serde_json::to_vec(&view).unwrap(),
        "the file is serde's JSON of the view"
    );
    let publication = jobs::Maps::for_publication(&model).unwrap();
    assert!(
        *publication.bytes
            == *serde_json::to_vec(&drukwerk::view::maps::view_of(&model, false)).unwrap()
    );
    assert!(
        publication.bytes.len() < full.bytes.len() * 3 / 4,
        "no sheet maps"
    );
    assert_eq!(publication.publication_key, full.publication_key);
    assert_eq!(full.sheet_keys.len(), 49);
    for region in view.regions.iter().filter(|r| r.sheet.is_some()) {
        assert_ne!(
            publication.sheet_keys[region.id], full.sheet_keys[region.id],
            "{}: its sheet map is not there",
            region.id
        );
    }
    // One sheet's maps alone: that sheet's key, not the publication's.
    let one = jobs::Maps::for_sheets(&model, &[0]).unwrap();
    let id = &model.regions[0].id;
    assert_eq!(one.sheet_keys[id], full.sheet_keys[id]);
    assert_ne!(one.publication_key, full.publication_key);
}

/// Shapes on a page, groups included.
fn shapes(frame: &Frame) -> usize {
    let mut n = 0;
    drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, _| {
        n += usize::from(matches!(item, FrameItem::Shape(..)));
    });
    n
}

/// The markers the layouts left for the engine on a page (`map-layer`'s, `region-strip`'s and
/// `detail-labels`'s): all of them, the rank strips' bars and the runs of names.
fn markers(frame: &Frame) -> (usize, usize, usize) {
    let (mut n, mut strips, mut names) = (0, 0, 0);
    drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, _| {
        if let FrameItem::Tag(typst::introspection::Tag::Start(content, _)) = item
            && drukwerk::render::draw::is_marker(content)
        {
            n += 1;
            strips += usize::from(drukwerk::render::draw::is_strip(content));
            names += usize::from(drukwerk::render::draw::is_labels(content));
        }
    });
    (n, strips, names)
}

/// The runs of text on a page, groups included, each as what a reader of the PDF gets from
/// it: its text, font, size, colours, glyphs and place.
fn texts(frame: &Frame) -> Vec<String> {
    let mut out = Vec::new();
    drukwerk::render::for_each_item(frame, Transform::identity(), &mut |item, ts| {
        if let FrameItem::Text(t) = item {
            let glyphs: Vec<_> = t
                .glyphs
                .iter()
                .map(|g| (g.id, g.x_advance.get(), g.x_offset.get(), g.range.clone()))
                .collect();
            out.push(format!(
                "{:?} at ({:.3}, {:.3}) {:?} {:?} {:?} {:?} {:?} {glyphs:?}",
                t.text,
                ts.tx.to_pt(),
                ts.ty.to_pt(),
                t.size,
                t.font.font().info().variant,
                t.fill,
                t.stroke,
                (t.lang, t.region),
            ));
        }
    });
    out
}

/// The engine draws the maps' geometry, the detail maps' names and the region pages' rank
/// strips after layout (`render::draw`, `render::labels`); the layouts draw the same
/// themselves when Typst runs them alone. Both ways give the same pages, pixel for pixel, in
/// both editions (the print edition's colours are CMYK), with the same runs of text (glyphs,
/// places, colours, halos, language), and the engine's way really is the engine's: its pages
/// hold the markers the layouts left for it (two per rank strip: all bars, then the region's
/// own; runs of names on every detail map), and as many shapes.
#[test]
fn the_engine_draws_the_maps_exactly_as_the_layouts_would() {
    let p = publication();
    let region = p
        .build
        .model
        .regions
        .iter()
        .position(|r| r.id == "zwolle")
        .unwrap();
    let cases = [
        (
            "publication",
            jobs::publication_job(&p.build.model, Profile::Web, &p.build.maps).unwrap(),
            Profile::Web,
        ),
        (
            "print fact sheet",
            jobs::factsheet_job(&p.build.model, region, Profile::Print, &p.build.maps).unwrap(),
            Profile::Print,
        ),
    ];
    let options = typst_render::RenderOptions {
        pixel_per_pt: 2.0.into(),
        ..Default::default()
    };
    for (name, job, profile) in cases {
        let engine = p.build.compile_with(job.clone(), profile, false);
        let layouts = p.build.compile_with(job, profile, true);
        assert_eq!(engine.pages().len(), layouts.pages().len(), "{name}");
        let (mut drawn, mut strips, mut names) = (0, 0, 0);
        for (i, (a, b)) in engine.pages().iter().zip(layouts.pages()).enumerate() {
            assert_eq!(
                markers(&b.frame),
                (0, 0, 0),
                "{name} p. {}: the layouts drew",
                i + 1
            );
            let (n, s, t) = markers(&a.frame);
            drawn += n;
            strips += s;
            names += t;
            assert_eq!(shapes(&a.frame), shapes(&b.frame), "{name} p. {}", i + 1);
            assert_eq!(texts(&a.frame), texts(&b.frame), "{name} p. {}", i + 1);
            let (x, y) = (
                typst_render::render(a, &options),
                typst_render::render(b, &options),
            );
            assert!(
                x.data() == y.data(),
                "{name} p. {}: the engine's maps differ from the layouts'",
                i + 1
            );
        }
        assert!(
            drawn > 10,
            "{name}: only {drawn} map layers drawn by the engine"
        );
        let with_area = p
            .build
            .model
            .regions
            .iter()
            .filter(|r| !r.municipalities.is_empty())
            .count();
        if name == "publication" {
            let regions = p.build.model.regions.len();
            assert_eq!(strips, 2 * regions, "every region page's strip");
            assert!(
                names >= with_area,
                "{name}: names set by the engine on every detail map ({names} runs)"
            );
        } else {
            assert!(names >= 1, "{name}: its detail map's names");
        }
    }
}
