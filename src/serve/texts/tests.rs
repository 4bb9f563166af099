//! The pages' and scripts' ids against the catalogues and against the templates and scripts.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Every message (`id`, `id.attribute`) of a serve catalogue with the variables it uses.
fn catalogue(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    let resource = fluent_syntax::parser::parse(text).expect("serve.ftl parses");
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern(value, &mut vars);
                out.insert(m.id.name.to_string(), vars);
            }
            for a in &m.attributes {
                let mut vars = BTreeSet::new();
                pattern(&a.value, &mut vars);
                out.insert(format!("{}.{}", m.id.name, a.id.name), vars);
            }
        }
    }
    out
}

const NL: &str = include_str!("../../i18n/nl/serve.ftl");
const EN: &str = include_str!("../../i18n/en/serve.ftl");

/// Every `t("id"` / `t('id'` / `drukwerkText('id'` in a text, and `drukwerkCount('id'` as its
/// `.one` and `.other`.
fn used(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (marker, plural) in [
        ("t(\"", false),
        ("t('", false),
        ("drukwerkText('", false),
        ("drukwerkCount('", true),
    ] {
        let quote = marker.chars().last().unwrap();
        for (at, _) in text.match_indices(marker) {
            // `t(` only as a whole word (not `split(` or `createElement(`).
            let before = text[..at].chars().next_back();
            if marker.starts_with("t(") && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[at + marker.len()..];
            let Some(end) = rest.find(quote) else {
                continue;
            };
            let id = &rest[..end];
            if plural {
                out.insert(format!("{id}.one"));
                out.insert(format!("{id}.other"));
            } else {
                out.insert(id.to_string());
            }
        }
    }
    out
}

const TEMPLATES: &[&str] = &[
    include_str!("../assets/base.html"),
    include_str!("../assets/index.html"),
    include_str!("../assets/preview.html"),
    include_str!("../assets/notfound.html"),
    include_str!("../assets/edit.html"),
];

const SCRIPTS_SOURCE: &[&str] = &[
    include_str!("../assets/live.js"),
    include_str!("../assets/index.js"),
    include_str!("../assets/preview.js"),
    include_str!("../assets/edit.js"),
    include_str!("../assets/edit-form.js"),
];

#[test]
fn every_listed_text_is_in_both_catalogues_with_exactly_its_variables() {
    for (lang, text) in [(Lang::Nl, NL), (Lang::En, EN)] {
        let catalogue = catalogue(text);
        for (id, vars) in PAGES.iter().chain(SCRIPTS) {
            let Some(used) = catalogue.get(*id) else {
                panic!("{id} is not in {lang}/serve.ftl");
            };
            let passed: BTreeSet<String> = vars.iter().map(|v| v.to_string()).collect();
            assert_eq!(
                used, &passed,
                "{id} ({lang}): variables differ from the list"
            );
        }
    }
}

#[test]
fn templates_and_scripts_use_only_listed_texts() {
    let pages: BTreeSet<&str> = PAGES.iter().map(|(id, _)| *id).collect();
    let scripts: BTreeSet<&str> = SCRIPTS.iter().map(|(id, _)| *id).collect();
    let mut in_templates = BTreeSet::new();
    for template in TEMPLATES {
        in_templates.extend(used(template));
    }
    let missing: Vec<_> = in_templates
        .iter()
        .filter(|id| !pages.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "templates use texts not in PAGES: {missing:?}"
    );
    let unused: Vec<_> = pages
        .iter()
        .filter(|id| !in_templates.contains(**id))
        .collect();
    assert!(
        unused.is_empty(),
        "PAGES lists texts no template uses: {unused:?}"
    );

    let mut in_scripts = BTreeSet::new();
    for script in SCRIPTS_SOURCE {
        in_scripts.extend(used(script));
    }
    let missing: Vec<_> = in_scripts
        .iter()
        .filter(|id| !scripts.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "scripts use texts not in SCRIPTS: {missing:?}"
    );
    let unused: Vec<_> = scripts
        .iter()
        .filter(|id| !in_scripts.contains(**id))
        .collect();
    assert!(
        unused.is_empty(),
        "SCRIPTS lists texts no script uses: {unused:?}"
    );
}

#[test]
fn scripts_get_their_texts_with_placeholders() {
    let nl = for_scripts(Lang::Nl);
    assert_eq!(nl["serve-page-of"], "Pagina {page} van {pages}");
    assert_eq!(nl["serve-index-region-count.other"], "{count} regio's");
    assert_eq!(
        for_scripts(Lang::En)["serve-page-of"],
        "Page {page} of {pages}"
    );
}

#[test]
fn templates_choose_plurals_and_group_numbers() {
    let mut env = minijinja::Environment::new();
    env.add_template("t", r#"{{ t("serve-index-region-count", count=n) }}"#)
        .unwrap();
    let render = |lang, n: i64| {
        env.get_template("t")
            .unwrap()
            .render(minijinja::context! { t => template_function(lang), n })
            .unwrap()
    };
    assert_eq!(render(Lang::Nl, 1), "1 regio");
    assert_eq!(render(Lang::Nl, 1200), "1.200 regio's");
    assert_eq!(render(Lang::En, 1200), "1,200 regions");
}

#[test]
fn the_scripts_texts_cannot_end_their_element() {
    let json = for_scripts_json(Lang::Nl).to_string();
    assert!(!json.contains('<') && !json.contains('>'), "{json}");
    let back: BTreeMap<String, String> = serde_json::from_str(&json).unwrap();
    assert_eq!(back["serve-page-of"], "Pagina {page} van {pages}");
}
