//! Maps and the municipality register, checked on the generated data and on the laid-out
//! document (not on pictures).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{InProcess, Pdf, Project, normalise};
use drukwerk::Profile;
use drukwerk::jobs;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;

#[test]
fn each_region_map_highlights_exactly_its_municipalities() {
    let model = drukwerk::project::check(&common::repo()).model.unwrap();
    let geo = model.geo.as_ref().expect("the project ships boundaries");
    let view = serde_json::to_value(drukwerk::view::publication::view(&model)).unwrap();
    let regions = view["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 49);
    for (region, json) in model.regions.iter().zip(regions) {
        assert_eq!(json["id"], region.id.as_str());
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
    let view = serde_json::to_value(drukwerk::view::publication::view(&model)).unwrap();
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
    let p = Project::real();
    let build = InProcess::new(p.root());
    let model = &build.model;
    let document = build.compile(jobs::publication_job(model, Profile::Web).unwrap());
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
    let bytes = drukwerk::export::pdf(
        &document,
        &drukwerk::export::ExportOptions {
            ident: "t".into(),
            timestamp: 0,
            profile: Profile::Web,
            crop_marks: false,
            print: Default::default(),
        },
    )
    .unwrap();
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
