//! The website (`out/site/`): every link resolves, every region, theme, case and municipality
//! has its page or entry, the pages carry their accessibility structure, content is text (never
//! markup), template mistakes are diagnostics, and the folder is swapped in whole.
//!
//! HTML is read with small string scanners (the pages are the engine's own, well-formed
//! output); the browser checks (axe-core, keyboard, reflow) are in `tests/browser/`.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{Project, run_in};

/// The real content built once for the tests of this file, in cargo's scratch folder.
fn real_site() -> &'static (PathBuf, drukwerk::model::Model) {
    static SITE: OnceLock<(PathBuf, drukwerk::model::Model)> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-real");
        let _ = fs::remove_dir_all(&root);
        common::copy_dir(&common::repo().join("layouts"), &root.join("layouts"));
        common::copy_dir(&common::repo().join("fonts"), &root.join("fonts"));
        common::copy_dir(&common::repo().join("content"), &root.join("content"));
        let run = run_in(&root, &["build"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let model = drukwerk::project::check(&root)
            .model
            .expect("content is valid");
        (root.join("out/site"), model)
    })
}

/// Every file of a folder: relative path (forward slashes) → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            // The caches are not outputs: a failed build still keeps the documents it made.
            if path.file_name().is_some_and(|n| n == ".cache") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn pages(site: &Path) -> BTreeMap<String, String> {
    tree(site)
        .into_iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8(v).expect("pages are UTF-8")))
        .collect()
}

/// The values of attribute `name` in `html` (double-quoted, as the templates write them).
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').expect("closed attribute");
        out.push(
            rest[..end]
                .replace("&#x2f;", "/")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&"),
        );
        rest = &rest[end..];
    }
    out
}

/// The decoded link targets of a page.
fn hrefs(html: &str) -> BTreeSet<String> {
    attributes(html, "href").into_iter().collect()
}

/// The opening tags named `tag` (`<th …>`), whole.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let needle = format!("<{tag}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        if after.starts_with([' ', '>', '\n']) {
            let end = after.find('>').unwrap();
            out.push(&rest[i..i + needle.len() + end + 1]);
        }
        rest = after;
    }
    out
}

/// Heading levels in document order.
fn heading_levels(html: &str) -> Vec<u8> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    for i in 0..bytes.len().saturating_sub(3) {
        if bytes[i] == b'<'
            && bytes[i + 1] == b'h'
            && (b'1'..=b'6').contains(&bytes[i + 2])
            && matches!(bytes[i + 3], b' ' | b'>')
        {
            out.push(bytes[i + 2] - b'0');
        }
    }
    out
}

/// Text of a piece of HTML: tags removed, entities decoded, whitespace collapsed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The elements `<tag …>…</tag>` in `html` (not nested in one another), whole.
fn elements<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let end = rest[i..].find(close).expect("closed element") + i + close.len();
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

/// The text of every list item on a region page's list of municipalities (`ul.columns`).
fn list_items(page: &str) -> Vec<String> {
    elements(page, "<ul class=\"columns\">", "</ul>")
        .iter()
        .flat_map(|ul| elements(ul, "<li>", "</li>"))
        .map(text_of)
        .collect()
}

fn escape(text: &str) -> String {
    drukwerk::site::html::escape(text)
}

/// Resolves `href` against the page at `page` (site-relative); `None` for external links.
fn resolve(page: &str, href: &str) -> Option<(String, Option<String>)> {
    if href.starts_with("https://") || href.starts_with("http://") || href.starts_with("mailto:") {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (href, None),
    };
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    if path.is_empty() {
        return Some((page.to_string(), fragment));
    }
    for part in path.split('/') {
        match part {
            ".." => {
                assert!(parts.pop().is_some(), "{href} on {page} leaves the site");
            }
            "." => {}
            p => parts.push(p),
        }
    }
    Some((parts.join("/"), fragment))
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let (site, _) = real_site();
    let files = tree(site);
    let pages = pages(site);
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(k, html)| (k.as_str(), attributes(html, "id").into_iter().collect()))
        .collect();
    let mut checked = 0;
    for (page, html) in &pages {
        let links = attributes(html, "href")
            .into_iter()
            .chain(attributes(html, "src"));
        for link in links {
            assert!(
                !link.starts_with('/') && !link.contains("://") || link.starts_with("http"),
                "{page}: {link} is not relative"
            );
            let Some((target, fragment)) = resolve(page, &link) else {
                continue;
            };
            assert!(
                files.contains_key(&target),
                "{page}: {link} → {target} is missing"
            );
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let target_ids = ids
                    .get(target.as_str())
                    .unwrap_or_else(|| panic!("{page}: {link} has a fragment on a non-page"));
                assert!(
                    target_ids.contains(&fragment),
                    "{page}: {link}: no id {fragment}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
    // The PDFs are in the site, as downloads.
    assert!(files.contains_key("regionale-samenwerking-werkt-2026.pdf"));
    assert_eq!(
        files
            .keys()
            .filter(|k| k.starts_with("factsheets/"))
            .count(),
        49
    );
    // Every asset is used by some page (nothing stale is shipped).
    for asset in files.keys().filter(|k| k.starts_with("assets/")) {
        assert!(
            pages.values().any(|html| html.contains(asset.as_str())),
            "{asset} is not used"
        );
    }
}

#[test]
fn every_region_theme_case_and_municipality_has_its_page_or_entry() {
    let (site, model) = real_site();
    let pages = pages(site);
    let index = hrefs(&pages["index.html"]);
    assert_eq!(model.regions.len(), 49);
    for region in &model.regions {
        let path = format!("regions/{}.html", region.id);
        let page = pages.get(&path).unwrap_or_else(|| panic!("no {path}"));
        assert!(
            page.contains(&format!("<h1>{}</h1>", escape(&region.name))),
            "{path} lacks its name as h1"
        );
        assert!(index.contains(&format!("regions/{}.html", region.id)));
        assert!(hrefs(page).contains(&format!("../factsheets/{}.pdf", region.id)));
        // Every figure in Dutch format.
        for value in &region.figures {
            assert!(page.contains(&drukwerk::view::dutch_number(*value)));
        }
        if region.provinces.is_empty() {
            // The list's items, with a map number before some (see the detail map test).
            let items = list_items(page);
            for &m in &region.municipalities {
                let name = &model.municipality(m).name;
                assert!(
                    items
                        .iter()
                        .any(|i| i == name || i.ends_with(&format!(" {name}"))),
                    "{path}: {name} not in {items:?}"
                );
            }
        }
    }
    for theme in &model.themes {
        let path = format!("themes/{}.html", theme.id);
        let page = pages.get(&path).unwrap_or_else(|| panic!("no {path}"));
        assert!(page.contains(&format!("<h1>{}</h1>", escape(&theme.title))));
        assert!(index.contains(&format!("themes/{}.html", theme.id)));
    }
    for case in &model.cases {
        let theme = hrefs(&pages[&format!("themes/{}.html", model.themes[case.theme].id)]);
        let region_page = &pages[&format!("regions/{}.html", model.regions[case.region].id)];
        let region = hrefs(region_page);
        match case.kind {
            drukwerk::model::CaseKind::Case => {
                let path = format!("cases/{}.html", case.id);
                let page = pages.get(&path).unwrap_or_else(|| panic!("no {path}"));
                assert!(page.contains(&format!("<h1>{}</h1>", escape(&case.title))));
                assert!(theme.contains(&format!("../cases/{}.html", case.id)));
                assert!(region.contains(&format!("../cases/{}.html", case.id)));
            }
            drukwerk::model::CaseKind::Story => {
                assert!(region_page.contains(&format!("id=\"{}\"", case.id)));
                assert!(theme.contains(&format!(
                    "../regions/{}.html#{}",
                    model.regions[case.region].id, case.id
                )));
            }
        }
    }
    let register = &pages["gemeenten.html"];
    let all = model.gazetteer.all();
    assert_eq!(all.len(), 342);
    for m in all {
        assert!(
            register.contains(&format!(
                "<span class=\"municipality\">{}</span>",
                escape(&m.name)
            )),
            "gemeenten.html lacks {}",
            m.name
        );
    }
    // The sources page carries the attribution the CBS licence asks for, as [geography] gives it.
    assert!(
        model
            .geography
            .attribution
            .starts_with("Gemeente- en provinciegrenzen 2025: © CBS")
    );
    assert!(pages["bronnen.html"].contains(&escape(&model.geography.attribution)));
    assert!(
        register.contains("(indeling 2025)"),
        "the register names the division's year"
    );
}

#[test]
fn every_page_has_its_accessibility_structure() {
    let (site, _) = real_site();
    for (path, html) in pages(site) {
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"nl\">"),
            "{path}: lang"
        );
        assert_eq!(tags(&html, "main").len(), 1, "{path}: one <main>");
        assert!(html.contains("<main id=\"inhoud\""), "{path}: skip target");
        assert!(
            html.contains("<a class=\"skip-link\" href=\"#inhoud\">"),
            "{path}: skip link"
        );
        let title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
        assert!(!title.trim().is_empty(), "{path}: title");
        for property in [
            "name=\"description\"",
            "property=\"og:title\"",
            "property=\"og:description\"",
            "property=\"og:type\"",
        ] {
            let tag = tags(&html, "meta")
                .into_iter()
                .find(|t| t.contains(property))
                .unwrap_or_else(|| panic!("{path}: no meta {property}"));
            assert!(!tag.contains("content=\"\""), "{path}: empty {property}");
        }
        // One h1, and headings that never skip a level going down.
        let levels = heading_levels(&html);
        assert_eq!(
            levels.iter().filter(|l| **l == 1).count(),
            1,
            "{path}: one h1"
        );
        assert_eq!(levels.first(), Some(&1), "{path}: h1 first");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{path}: h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        for th in tags(&html, "th") {
            assert!(th.contains(" scope=\""), "{path}: {th} without scope");
        }
        for img in tags(&html, "img") {
            assert!(img.contains(" alt=\""), "{path}: {img} without alt");
        }
        // Every map has a text alternative: a title and a description it is labelled by.
        for (i, svg) in html.match_indices("<svg").map(|(i, _)| i).enumerate() {
            let end = html[svg..].find("</svg>").unwrap() + svg;
            let map = &html[svg..end];
            let open = tags(map, "svg")[0];
            assert!(open.contains(" role=\""), "{path}: svg {i} without role");
            let labelled = attributes(open, "aria-labelledby")
                .into_iter()
                .chain(attributes(open, "aria-describedby"))
                .flat_map(|ids| ids.split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect::<Vec<_>>();
            assert!(
                labelled.len() >= 2,
                "{path}: svg {i} has no title and description"
            );
            for id in labelled {
                let at = map
                    .find(&format!("id=\"{id}\">"))
                    .unwrap_or_else(|| panic!("{path}: svg {i}: no element {id}"));
                let text = &map[at + id.len() + 6..];
                assert!(
                    !text.starts_with('<'),
                    "{path}: svg {i}: the text alternative {id} is empty"
                );
            }
            // Every region link on a map is named.
            for a in tags(map, "a") {
                assert!(
                    a.contains(" aria-label=\""),
                    "{path}: svg {i}: {a} is unnamed"
                );
            }
        }
    }
}

#[test]
fn the_index_has_a_linked_map_per_sector_and_the_same_links_as_text() {
    let (site, model) = real_site();
    let index = &pages(site)["index.html"];
    for sector in ["po", "vo", "mbo"] {
        let start = index
            .find(&format!(
                "<section class=\"sector-map\" id=\"kaart-{sector}\""
            ))
            .unwrap_or_else(|| panic!("no map for {sector}"));
        let end = index[start..].find("</section>").unwrap() + start;
        let section = &index[start..end];
        let svg_end = section.find("</svg>").unwrap();
        let (map, list) = section.split_at(svg_end);
        let on_map: BTreeSet<String> = attributes(map, "href").into_iter().collect();
        let in_list: BTreeSet<String> = attributes(list, "href").into_iter().collect();
        let expected: BTreeSet<String> = model
            .regions
            .iter()
            .filter(|r| r.sectors.iter().any(|s| s.id() == sector) && !r.municipalities.is_empty())
            .map(|r| format!("regions/{}.html", r.id))
            .collect();
        assert_eq!(on_map, expected, "{sector}: map links");
        assert!(in_list.is_superset(&expected), "{sector}: list links");
    }
}

/// The labels of one kind on a detail map (`<g class="label-KIND" …>` groups), each as its
/// lines joined: with a space, or none after a line that ends in a hyphen (a broken name).
fn map_labels(svg: &str, kind: &str) -> Vec<String> {
    elements(svg, &format!("<g class=\"label-{kind}\""), "</g>")
        .iter()
        .map(|g| {
            let lines: Vec<String> = elements(g, "<text", "</text>")
                .iter()
                .map(|t| text_of(t))
                .collect();
            let mut out = String::new();
            for line in lines {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push(' ');
                }
                out.push_str(&line);
            }
            out
        })
        .collect()
}

#[test]
fn region_pages_show_the_detail_map_with_every_municipality_named_or_numbered() {
    let (site, model) = real_site();
    let pages = pages(site);
    let (mut detail_maps, mut numbered) = (0, 0);
    for region in &model.regions {
        let path = format!("regions/{}.html", region.id);
        let page = &pages[&path];
        if region.municipalities.is_empty() {
            // No area: the country, nothing highlighted, and the note.
            assert!(
                !page.contains("map-detail"),
                "{path}: a detail map without an area"
            );
            assert!(page.contains("<svg class=\"map map-region\""), "{path}");
            assert!(page.contains("Geen gebied vastgelegd."), "{path}: no note");
            continue;
        }
        let svg = elements(page, "<svg class=\"map-detail\"", "</svg>");
        assert_eq!(svg.len(), 1, "{path}: one detail map");
        let svg = svg[0];
        detail_maps += 1;
        // A picture with its title and description: the region, its area, its neighbours.
        let open = tags(svg, "svg")[0];
        assert!(open.contains(" role=\"img\""), "{path}");
        assert!(
            open.contains(" aria-labelledby=\"kaart-title kaart-desc\""),
            "{path}"
        );
        let title = text_of(elements(svg, "<title", "</title>")[0]);
        assert_eq!(title, format!("Kaart van {} en omgeving", region.name));
        let desc = text_of(elements(svg, "<desc", "</desc>")[0]);
        assert!(desc.contains(&region.name), "{path}: {desc}");
        for name in map_labels(svg, "neighbour") {
            // A line that ends in a hyphen either broke a word or ends in a name's own
            // "Duin- en".
            let broken = name.replace("- ", "-");
            assert!(
                model.regions.iter().any(|r| {
                    (r.name.ends_with(&name) || r.name.ends_with(&broken)) && desc.contains(&r.name)
                }),
                "{path}: the neighbour {name} on the map is not in the description: {desc}"
            );
        }
        // The legend and the source line in HTML under the map.
        let figure = elements(
            page,
            "<figure class=\"map-figure detail-map\">",
            "</figure>",
        );
        assert_eq!(figure.len(), 1, "{path}");
        let caption = text_of(figure[0].split("</svg>").nth(1).unwrap());
        assert!(
            caption.contains("gemeente in deze regio"),
            "{path}: {caption}"
        );
        assert!(caption.contains("andere regio's"), "{path}: {caption}");
        assert!(
            caption.contains(&model.geography.attribution),
            "{path}: no source line"
        );
        // The scale bar's length and the locator.
        assert_eq!(map_labels(svg, "scale").len(), 1, "{path}");
        assert!(svg.contains("class=\"inset\""), "{path}: no locator");

        if !region.provinces.is_empty() {
            let provinces = map_labels(svg, "province");
            for p in &region.provinces {
                assert!(provinces.contains(p), "{path}: {p} not on the map");
                assert!(desc.contains(p.as_str()), "{path}: {p} not described");
            }
            assert!(
                svg.contains("class=\"provinces\""),
                "{path}: no province borders"
            );
            continue;
        }
        // Every municipality: named on the map (whole, or without its province suffix),
        // or a number on the map that the list gives its name.
        let named = map_labels(svg, "municipality");
        let numbers = map_labels(svg, "number");
        let items = list_items(page);
        let mut explained = Vec::new();
        for &m in &region.municipalities {
            let full = model.municipality(m).name.as_str();
            assert!(desc.contains(full), "{path}: {full} not described");
            let plain = full.split(" (").next().unwrap();
            if named.iter().any(|n| n == full || n == plain) {
                continue;
            }
            let item = items
                .iter()
                .find_map(|i| {
                    i.strip_prefix("kaartnummer ")?
                        .strip_suffix(&format!(" {full}"))?
                        .parse::<usize>()
                        .ok()
                })
                .unwrap_or_else(|| panic!("{path}: {full} neither named nor numbered: {items:?}"));
            assert!(
                numbers.contains(&item.to_string()),
                "{path}: {full} is number {item} in the list, not on the map"
            );
            assert!(
                desc.contains(&format!("{item} {full}")),
                "{path}: number {item} not described"
            );
            explained.push(item);
        }
        // Every number on the map is explained once, 1, 2, 3, …
        explained.sort();
        assert_eq!(
            explained,
            (1..=numbers.len()).collect::<Vec<_>>(),
            "{path}: numbers {numbers:?}"
        );
        if !explained.is_empty() {
            numbered += 1;
            assert!(
                caption.contains("nummer: zie de lijst van gemeenten"),
                "{path}"
            );
        }
        if svg.contains("-hatch)") {
            assert!(caption.contains("hoort ook bij een andere regio"), "{path}");
        }
    }
    assert_eq!(
        detail_maps,
        model
            .regions
            .iter()
            .filter(|r| !r.municipalities.is_empty())
            .count()
    );
    assert!(numbered > 5, "only {numbered} maps use numbers");
}

#[test]
fn sizes_stay_within_budget() {
    let (site, _) = real_site();
    let files = tree(site);
    let largest = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (v.len(), k))
        .max()
        .unwrap();
    assert!(
        largest.0 < 200_000,
        "largest page {} is {} bytes",
        largest.1,
        largest.0
    );
    let without_pdfs: usize = files
        .iter()
        .filter(|(k, _)| !k.ends_with(".pdf"))
        .map(|(_, v)| v.len())
        .sum();
    assert!(
        without_pdfs < 5_000_000,
        "site without PDFs: {without_pdfs} bytes"
    );
}

const INJECTIONS: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% if true %}ja{% endif %}",
    "' onmouseover='alert(1)",
];

/// A TOML basic string with everything escaped.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[test]
fn injection_strings_in_content_appear_as_text() {
    let p = Project::minimal();
    let nasty = INJECTIONS.join(" ");
    let region = p.read("content/regions/noord.toml").replace(
        "name = \"Onderwijsregio Noord (po)\"",
        &format!("name = {}", toml_string(&format!("Noord {nasty}"))),
    );
    p.write("content/regions/noord.toml", &region);
    p.write(
        "content/cases/01-noord.toml",
        &format!(
            "id = \"noord-case\"\nkind = \"case\"\ntheme = \"samenwerken\"\nregion = \"noord\"\n\
             title = {}\nsummary = {}\nbody = {}\n",
            toml_string(&format!("Titel {nasty}")),
            toml_string(&format!("Samenvatting {nasty}")),
            toml_string(&format!(
                "Tekst {nasty} en een [link](javascript:alert(1)) en **vet**."
            )),
        ),
    );
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = pages(&p.root().join("out/site"));
    let case = &pages["cases/noord-case.html"];
    let region = &pages["regions/noord.html"];
    for page in [case, region, &pages["index.html"], &pages["gemeenten.html"]] {
        assert!(!page.contains("<script>"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("javascript:"), "{page}");
        // Every `<` left in the page opens a tag of the template's own: none carries an event
        // handler from the content.
        for tag in page.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            // Attribute names and bare words only: what is between quotes is a value (a `"`
            // from the content would be `&quot;` and cannot end one).
            let outside_values: String = tag.split('"').step_by(2).collect();
            assert!(
                !outside_values.contains("onerror") && !outside_values.contains("onmouseover"),
                "a tag with a handler: <{tag}>"
            );
        }
        // Template syntax is not evaluated.
        assert!(
            page.contains("{{ 7*7 }} {% if true %}ja{% endif %}"),
            "{page}"
        );
    }
    for text in [format!("Titel {nasty}"), format!("Samenvatting {nasty}")] {
        assert!(case.contains(&escape(&text)), "case page lacks {text:?}");
    }
    // The body is light Markdown: each injection string is in it as text.
    for text in INJECTIONS.iter().filter(|t| !t.contains('*')) {
        assert!(case.contains(&escape(text)), "case body lacks {text:?}");
    }
    assert!(region.contains(&format!("<h1>{}</h1>", escape(&format!("Noord {nasty}")))));
    assert!(
        case.contains("<strong>vet</strong>"),
        "Markdown emphasis is formatting"
    );
}

#[test]
fn a_template_mistake_points_at_the_template_and_writes_nothing() {
    let p = Project::minimal();
    let ok = p.run(&["build"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let before = tree(&p.root().join("out"));
    let template = p.read("layouts/site/theme.html");
    let broken = template.replace("{{ theme.title }}", "{{ theme.titel }}");
    assert_ne!(template, broken);
    p.write("layouts/site/theme.html", &broken);
    let run = p.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = broken
        .lines()
        .position(|l| l.contains("theme.titel"))
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains(&format!("layouts/site/theme.html:{line}:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(tree(&p.root().join("out")), before);
    // `check` renders the site in memory and finds the same mistake.
    let check = p.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains(&format!("layouts/site/theme.html:{line}:")),
        "{}",
        check.stderr
    );
    // A syntax error too.
    p.write(
        "layouts/site/theme.html",
        &template.replace("{% endif %}", ""),
    );
    let run = p.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("layouts/site/theme.html:"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&p.root().join("out")), before);
}

#[test]
fn the_site_is_swapped_in_whole_and_only_by_a_full_web_build() {
    let p = Project::minimal();
    let first = p.run(&["build"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let site = p.root().join("out/site");
    fs::write(site.join("stale.html"), "old").unwrap();
    let second = p.run(&["build"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        !site.join("stale.html").exists(),
        "the old folder was replaced"
    );
    assert!(site.join("index.html").exists());
    let leftovers: Vec<_> = fs::read_dir(p.root().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".drukwerk-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Builds that do not make every PDF the site links to leave it alone.
    for args in [
        &["build", "--out", "o1", "--profile", "print"][..],
        &["build", "--out", "o2", "--publication-only"],
        &["build", "--out", "o3", "--shard", "1/2"],
        &["build", "--out", "o4", "--no-site"],
    ] {
        let run = p.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!p.root().join(args[2]).join("site").exists(), "{args:?}");
    }
}

#[test]
fn content_images_are_in_the_site_shrunk_and_with_their_alternative_text() {
    let p = Project::minimal();
    let img = image::RgbImage::from_fn(2400, 300, |x, _| image::Rgb([(x % 256) as u8, 90, 160]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    fs::create_dir_all(p.root().join("content/images")).unwrap();
    fs::write(
        p.root().join("content/images/breed.png"),
        bytes.into_inner(),
    )
    .unwrap();
    let case = p.read("content/cases/01-noord.toml")
        + "\n[image]\npath = \"content/images/breed.png\"\nalt = \"Leraren <in> gesprek\"\ncredit = \"Foto: test\"\n";
    p.write("content/cases/01-noord.toml", &case);
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = p.root().join("out/site");
    let page = &pages(&site)["cases/noord-case.html"];
    let img = tags(page, "img");
    assert_eq!(img.len(), 1, "{page}");
    assert!(
        img[0].contains(" alt=\"Leraren &lt;in&gt; gesprek\""),
        "{}",
        img[0]
    );
    let src = attributes(img[0], "src").remove(0);
    let (file, _) = resolve("cases/noord-case.html", &src).unwrap();
    assert!(
        file.starts_with("media/") && file.ends_with(".png"),
        "{file}"
    );
    let shown = image::open(site.join(&file)).unwrap();
    assert_eq!(
        (shown.width(), shown.height()),
        (drukwerk::images::SITE_WIDTH, 200)
    );
    assert!(page.contains("Foto: test"));
}
