//! The catalogues against each other and against the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// For each message id (`id` or `id.attribute`), the variables its text uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn shape(lang: Lang) -> Shape {
    let mut shape = Shape::new();
    for (name, text) in files(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{name} does not parse: {errors:?}"));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                ast::Entry::Junk { content } => panic!("{lang}/{name}: junk {content:?}"),
                _ => continue,
            };
            if let Some(value) = value {
                let fresh = shape.insert(id.clone(), variables(&value)).is_none();
                assert!(fresh, "{lang}: message {id} is defined twice ({name})");
            } else {
                // A message with attributes only is fine; record that it exists.
                shape.insert(id.clone(), BTreeSet::new());
            }
            for attribute in attributes {
                let key = format!("{id}.{}", attribute.id.name);
                shape.insert(key, variables(&attribute.value));
            }
        }
    }
    shape
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_pattern(pattern, &mut out);
    out
}

fn collect_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_pattern(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_arguments() {
    let nl = shape(Lang::Nl);
    let en = shape(Lang::En);
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(
        only_nl.is_empty(),
        "only in the Dutch catalogue: {only_nl:?}"
    );
    assert!(
        only_en.is_empty(),
        "only in the English catalogue: {only_en:?}"
    );
    for (id, vars) in &nl {
        assert_eq!(
            vars, &en[id],
            "{id}: the Dutch and English texts use different arguments"
        );
    }
}

#[test]
fn every_catalogue_loads() {
    for lang in Lang::ALL {
        let _ = bundle(lang);
    }
}

/// A place in the code that names a message, with the arguments it passes.
#[derive(Debug)]
struct Use {
    file: String,
    id: String,
    args: Option<BTreeSet<String>>,
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `msg!("id", key = …)` and `i18n::text(lang, "id")` in the source.
fn uses() -> Vec<Use> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&root, &mut paths);
    let mut uses = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.strip_prefix(&root).unwrap().display().to_string();
        if file == "i18n/mod.rs" || file == "i18n/tests.rs" {
            continue;
        }
        for (marker, with_args) in [("msg!(", true), ("i18n::text(", false)] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(marker) {
                rest = &rest[at + marker.len()..];
                let (id, after) = if with_args {
                    match literal(rest) {
                        Some(found) => found,
                        None => continue,
                    }
                } else {
                    // Skip the language argument: up to the first comma.
                    let Some(comma) = rest.find(',') else {
                        continue;
                    };
                    match literal(&rest[comma + 1..]) {
                        Some(found) => found,
                        None => continue,
                    }
                };
                let args = with_args.then(|| keys(after));
                uses.push(Use {
                    file: file.clone(),
                    id,
                    args,
                });
            }
        }
    }
    uses
}

/// A string literal at the start of `text` (after white space): its value and what follows.
fn literal(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let body = text.strip_prefix('"')?;
    let end = body.find('"')?;
    Some((body[..end].to_string(), &body[end + 1..]))
}

/// The `key = value` names of a `msg!` call, up to its closing parenthesis.
fn keys(mut text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut depth = 0usize;
    let mut at_argument = false;
    while let Some(c) = text.chars().next() {
        if depth == 0 && at_argument {
            let trimmed = text.trim_start();
            let ident: String = trimmed
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let after = trimmed[ident.len()..].trim_start();
            if !ident.is_empty() && after.starts_with('=') && !after.starts_with("==") {
                keys.insert(ident);
            }
            at_argument = false;
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            ',' if depth == 0 => at_argument = true,
            '"' => {
                // Skip a string literal (escapes included).
                let mut chars = text[1..].char_indices();
                let mut end = text.len() - 1;
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            end = i + 1;
                            break;
                        }
                        _ => {}
                    }
                }
                text = &text[end + 1..];
                continue;
            }
            _ => {}
        }
        text = &text[c.len_utf8()..];
    }
    keys
}

#[test]
fn every_message_the_code_uses_is_in_both_catalogues_with_its_arguments() {
    let nl = shape(Lang::Nl);
    let en = shape(Lang::En);
    let uses = uses();
    let mut problems = Vec::new();
    for u in &uses {
        for (lang, shape) in [(Lang::Nl, &nl), (Lang::En, &en)] {
            match shape.get(&u.id) {
                None => problems.push(format!(
                    "{}: {} is not in the {lang} catalogue",
                    u.file, u.id
                )),
                Some(vars) => {
                    if let Some(args) = &u.args {
                        let missing: Vec<_> = vars.difference(args).collect();
                        if !missing.is_empty() {
                            problems.push(format!(
                                "{}: {} ({lang}) uses {missing:?}, which the code does not pass",
                                u.file, u.id
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_finds_ids_and_keys() {
    let (id, rest) = literal(r#" "a-b", name = f("x, y = 1"), n = v[1], flag == 2)"#).unwrap();
    assert_eq!(id, "a-b");
    assert_eq!(
        keys(rest),
        ["n", "name"].into_iter().map(String::from).collect()
    );
}

#[test]
fn languages_from_flags_environment_and_browsers() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Lang::detect_with(Some(Lang::En), env(&[("LANG", "nl_NL.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::detect_with(None, env(&[("LANG", "nl_NL.UTF-8")])),
        Lang::Nl
    );
    assert_eq!(
        Lang::detect_with(None, env(&[("LANG", "nl_BE.UTF-8"), ("LC_ALL", "C")])),
        Lang::En
    );
    assert_eq!(
        Lang::detect_with(None, env(&[("LC_MESSAGES", "nl_NL"), ("LANG", "en_US")])),
        Lang::Nl
    );
    assert_eq!(
        Lang::detect_with(None, env(&[("DRUKWERK_LANG", "nl"), ("LC_ALL", "en_GB")])),
        Lang::Nl
    );
    assert_eq!(
        Lang::detect_with(None, env(&[("DRUKWERK_LANG", "fr"), ("LANG", "nl_NL")])),
        Lang::Nl
    );
    assert_eq!(Lang::detect_with(None, env(&[])), Lang::En);
    assert_eq!(
        Lang::detect_with(None, env(&[("LC_ALL", ""), ("LANG", "nl_NL")])),
        Lang::Nl
    );

    let browser = |h: &str| Lang::from_accept_language(Some(h));
    assert_eq!(Lang::from_accept_language(None), Lang::Nl);
    assert_eq!(browser("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"), Lang::Nl);
    assert_eq!(browser("en-GB,en;q=0.9"), Lang::En);
    assert_eq!(browser("en, nl;q=0.5"), Lang::En);
    assert_eq!(browser("de-DE,de;q=0.9"), Lang::Nl);
    assert_eq!(browser("nl;q=0.8, en;q=0.8"), Lang::Nl);
    assert_eq!(browser("en;q=0"), Lang::Nl);
    assert_eq!(browser("*"), Lang::Nl);
}

#[test]
fn numbers_lists_and_dates_the_languages_way() {
    assert_eq!(number(16635, Lang::Nl), "16.635");
    assert_eq!(number(16635, Lang::En), "16,635");
    assert_eq!(number(-1500, Lang::Nl), "-1.500");
    assert_eq!(number(999, Lang::Nl), "999");
    assert_eq!(decimal(12.5, 1, Lang::Nl), "12,5");
    assert_eq!(decimal(1234.56, 2, Lang::En), "1,234.56");
    assert_eq!(decimal(-0.04, 1, Lang::Nl), "0,0");
    assert_eq!(decimal(-4.1, 1, Lang::Nl), "-4,1");
    assert_eq!(list(&["a", "b", "c"], Lang::Nl), "a, b en c");
    assert_eq!(list(&["a", "b"], Lang::En), "a and b");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    assert_eq!(date(day, Lang::Nl), "7 december 2026");
    assert_eq!(date(day, Lang::En), "7 December 2026");
}

#[test]
fn messages_with_numbers_and_plurals() {
    for (lang, one, many) in [
        (Lang::Nl, "1 pagina", "1.086 pagina's"),
        (Lang::En, "1 page", "1,086 pages"),
    ] {
        assert_eq!(crate::msg!("common-pages", count = 1).text(lang), one);
        assert_eq!(crate::msg!("common-pages", count = 1086).text(lang), many);
    }
    let nested = crate::msg!("common-pages", count = 2);
    assert_eq!(Msg::verbatim("Zwole").text(Lang::Nl), "Zwole");
    assert_eq!(nested.id(), Some("common-pages"));
    assert_eq!(text(Lang::Nl, "no-such-message"), "no-such-message");
}
