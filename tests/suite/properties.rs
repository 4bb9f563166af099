//! Property tests for "no bad input gets through":
//!
//! - the loader's TOML parsing never panics, on arbitrary text and on mutations of valid content
//!   files, and whatever diagnostic it returns can be printed;
//! - Markdown parsing never panics, keeps text that is not Markdown syntax exactly, and turns
//!   well-formed Markdown into the tree it describes;
//! - arbitrary text (Typst and Markdown syntax, diacritics) in every text field of a project
//!   builds, and reaches the PDF literally.
//!
//! Budgets are modest so `cargo test` stays fast; `PROPTEST_CASES=N` overrides every budget.
//! Failures are not persisted to files: inputs that once failed are kept below as examples.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use codespan_reporting::term::termcolor::NoColor;
use common::{Pdf, Project, normalise};
use drukwerk::content::parse_toml;
use drukwerk::content::raw::{RawCase, RawPublication, RawRegion, RawTheme};
use drukwerk::diagnostics::{Format, Sources, emit};
use drukwerk::richtext::{self, Block, Inline};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::Config;
use serde::de::DeserializeOwned;

/// `default_cases` cases, unless `PROPTEST_CASES` says otherwise.
fn config(default_cases: u32) -> Config {
    let base = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            default_cases
        },
        failure_persistence: None,
        ..base
    }
}

// ---------------------------------------------------------------------------------------------
// Content files: parse_toml never panics.

/// The minimal fixture's content files.
const FIXTURES: [(&str, &str); 5] = [
    (
        "content/publication.toml",
        include_str!("../fixtures/minimal/content/publication.toml"),
    ),
    (
        "content/themes/01-samenwerken.toml",
        include_str!("../fixtures/minimal/content/themes/01-samenwerken.toml"),
    ),
    (
        "content/cases/01-noord.toml",
        include_str!("../fixtures/minimal/content/cases/01-noord.toml"),
    ),
    (
        "content/regions/noord.toml",
        include_str!("../fixtures/minimal/content/regions/noord.toml"),
    ),
    (
        "content/regions/zuid.toml",
        include_str!("../fixtures/minimal/content/regions/zuid.toml"),
    ),
];

/// Parses `text` as `T`. An error must point inside the text and print in both formats.
fn parse_as<T: DeserializeOwned>(path: &str, text: &str) -> bool {
    match parse_toml::<T>(Path::new(path), text) {
        Ok(_) => true,
        Err(diagnostic) => {
            assert_eq!(diagnostic.file.as_deref(), Some(Path::new(path)));
            if let Some(span) = &diagnostic.span {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "span {span:?} outside a text of {} bytes",
                    text.len()
                );
            }
            let mut sources = Sources::default();
            sources.insert(path, text);
            for format in [Format::Human, Format::Json] {
                for lang in drukwerk::i18n::Lang::ALL {
                    let mut out = NoColor::new(Vec::new());
                    emit(
                        &mut out,
                        &sources,
                        std::slice::from_ref(&diagnostic),
                        format,
                        lang,
                    )
                    .unwrap();
                    assert!(!out.into_inner().is_empty());
                }
            }
            false
        }
    }
}

/// Parses `text` as every kind of content file; returns which kinds accepted it.
fn parse_all(path: &str, text: &str) -> [bool; 4] {
    [
        parse_as::<RawPublication>(path, text),
        parse_as::<RawTheme>(path, text),
        parse_as::<RawCase>(path, text),
        parse_as::<RawRegion>(path, text),
    ]
}

/// One edit of a file's text.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, char),
    InsertText(Index, &'static str),
    Delete(Index, usize),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    /// Turns the n-th quote into the other kind (`"` ↔ `'`).
    SwapQuote(Index),
}

/// Characters and snippets that matter to TOML, plus anything at all.
fn toml_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(vec![
            '"', '\'', '[', ']', '{', '}', '=', '\n', '\r', '#', '\\', ',', '.', '-', '+', ':',
            '0', '9', ' ', '\t', '\u{0}', '\u{feff}', '\u{7f}', 'é',
        ]),
        1 => any::<char>(),
    ]
}

#[rustfmt::skip]
const TOML_SNIPPETS: &[&str] = &[
    "[[", "]]", " = ", "\"\"\"", "'''", "\n[abc]\n", "\n[[key-figures]]\n", "\n[figures]\n",
    "\nx = 1\n", "\nname = \"x\"\n", "\nid = 3\n", "1979-05-27T07:32:00Z", "2026-02-30", "inf",
    "nan", "0x7fffffffffffffff", "99999999999999999999", "-9223372036854775809", "1e999",
    "\\uD800", "\\U0010FFFF", "\\U00110000", "\\x", "{ a = 1 }", "[1, [2, \"x\"]]", "a.b.c = 1",
    "\"\" = 1",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), toml_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        2 => (any::<Index>(), select(TOML_SNIPPETS)).prop_map(|(i, s)| Edit::InsertText(i, s)),
        3 => (any::<Index>(), 1..4usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        1 => any::<Index>().prop_map(Edit::DuplicateLine),
        1 => any::<Index>().prop_map(Edit::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => any::<Index>().prop_map(Edit::SwapQuote),
    ]
}

/// Applies edits to a text, by characters (so the result stays a valid `String`).
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        match edit {
            Edit::Insert(i, c) => chars.insert(i.index(chars.len() + 1), *c),
            Edit::InsertText(i, s) => {
                let at = i.index(chars.len() + 1);
                chars.splice(at..at, s.chars());
            }
            Edit::Delete(i, n) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars.drain(at..(at + n).min(chars.len()));
            }
            Edit::Delete(..) => {}
            Edit::DuplicateLine(i) | Edit::DeleteLine(i) | Edit::SwapLines(i, _) => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let a = i.index(lines.len());
                match edit {
                    Edit::DuplicateLine(_) => lines.insert(a, lines[a]),
                    Edit::DeleteLine(_) => {
                        lines.remove(a);
                    }
                    Edit::SwapLines(_, j) => {
                        let b = j.index(lines.len());
                        lines.swap(a, b);
                    }
                    _ => unreachable!(),
                }
                chars = lines.join("\n").chars().collect();
            }
            Edit::SwapQuote(i) => {
                let quotes: Vec<usize> = (0..chars.len())
                    .filter(|&k| chars[k] == '"' || chars[k] == '\'')
                    .collect();
                if !quotes.is_empty() {
                    let k = quotes[i.index(quotes.len())];
                    chars[k] = if chars[k] == '"' { '\'' } else { '"' };
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn the_fixture_files_parse_as_their_own_kind() {
    for (path, text) in FIXTURES {
        let kind = match path.split('/').nth(1) {
            Some("publication.toml") => 0,
            Some("themes") => 1,
            Some("cases") => 2,
            _ => 3,
        };
        assert!(parse_all(path, text)[kind], "{path} does not parse");
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn parse_toml_never_panics_on_arbitrary_text(text in any::<String>()) {
        parse_all("content/regions/x.toml", &text);
    }

    #[test]
    fn parse_toml_never_panics_on_toml_like_text(
        text in proptest::collection::vec(
            prop_oneof![toml_char().prop_map(String::from), select(TOML_SNIPPETS).prop_map(String::from)],
            0..80,
        ).prop_map(|pieces| pieces.concat()),
    ) {
        parse_all("content/themes/x.toml", &text);
    }

    #[test]
    fn parse_toml_never_panics_on_mutated_content_files(
        file in 0..FIXTURES.len(),
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let (path, text) = FIXTURES[file];
        parse_all(path, &apply(text, &edits));
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown: richtext::parse never panics and keeps the text.

/// Pieces of Markdown, valid and broken, at line starts and inline.
#[rustfmt::skip]
const MARKDOWN_PIECES: &[&str] = &[
    "\n", "\n\n", "- ", "* ", "+ ", "1. ", "2) ", "0. ", "999999999. ", "  ", "    ", "\t", "  - ",
    "    1. ", "> ", ">> ", "# ", "###### ", "---", "***", "___", "===", "*", "**", "***", "_",
    "__", "`", "``", "```", "~~~", "[", "]", "(", ")", "](", "![", "[x]: /u", "<", ">", "<b>",
    "</b>", "<div>", "</div>", "<!--", "-->", "<https://example.org>", "<a@b.nl>", "&amp;",
    "&#35;", "&#x0;", "&nbsp;", "\\", "\\\n", "|", "$", "#", "@", "{", "}", "\"", "'", "tekst",
    "één", " ", "\r\n", "\u{0}", "\u{feff}",
];

fn markdown() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => select(MARKDOWN_PIECES).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Checks what must hold for the tree of any input.
fn check_tree(text: &str) {
    let rich = richtext::parse(text);
    serde_json::to_string(&rich).unwrap();
    let plain = richtext::plain_text(&rich);
    // Markdown removes syntax, but never invents letters or digits (entity references such as
    // `&#65;` do produce them, so inputs with `&` are left out of this check).
    if !text.contains('&') {
        for c in plain.chars().filter(|c| c.is_alphanumeric()) {
            assert!(text.contains(c), "{c:?} in {plain:?} is not in {text:?}");
        }
    }
}

/// Letters, digits, space, and Typst syntax that is not Markdown syntax *within a line*.
///
/// Left out, because Markdown gives them meaning: `*`, `_`, `` ` ``, `[`, `]`, `\` (escapes),
/// `&` (entity references) and line breaks. `<` only appears as `< ` or inside complete HTML
/// tags, which Markdown keeps as text; a bare `<` could start an autolink (`<a@b>`,
/// `<https:x>`), which drops the angle brackets. The text always starts with a letter, so `#`,
/// `>`, `-`, `+`, `1.` and indentation never stand at the start of the line, where they would
/// open a heading, quote, list or code block.
fn literal_text() -> impl Strategy<Value = String> {
    let letter = select(vec![
        'a', 'Z', 'é', 'ë', 'ï', 'ü', 'ç', 'ñ', 'ø', 'å', 'ß', 'Ĳ', 'ő', 'ł', 'Ω', 'ж',
    ]);
    let piece = prop_oneof![
        4 => letter.clone().prop_map(String::from),
        2 => select(vec!['0', '7', ' ', ' ', ' ']).prop_map(String::from),
        4 => select(vec![
            '#', '$', '@', '=', '/', '{', '}', '~', '%', ';', ',', '.', ':', '?', '!', '\'', '"',
            '|', '^', '-', '+', '(', ')', '>', '€', '–', '…',
        ]).prop_map(String::from),
        2 => select(vec![
            "< ", "<b>", "</b>", "<span class=\"x\">", "<br/>", "<!-- c -->", "#let x = 1;",
            "$x^2$", "#{ }", "@fig", "//",  "#import \"a.typ\"", "<lbl >", "1. ",
            "# ", "> ",
        ]).prop_map(String::from),
    ];
    (letter, proptest::collection::vec(piece, 0..40))
        .prop_map(|(first, rest)| format!("{first}{}", rest.concat()))
}

/// Collapses runs of whitespace to one space and trims.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn richtext_never_panics_on_arbitrary_text(text in any::<String>()) {
        check_tree(&text);
    }

    #[test]
    fn richtext_never_panics_on_markdown(text in markdown()) {
        check_tree(&text);
    }

    #[test]
    fn richtext_keeps_text_that_is_not_markdown(text in literal_text()) {
        let rich = richtext::parse(&text);
        prop_assert_eq!(squash(&richtext::plain_text(&rich)), squash(&text));
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown round trip: a generated tree, written as Markdown, parses back to that tree.

/// A word: letters (with diacritics) and digits, never Markdown syntax.
fn word() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        select(vec!['a', 'b', 'e', 'é', 'ö', 'ĳ', 'Z', 'ç', '1', '2']),
        1..6,
    )
    .prop_map(|c| c.into_iter().collect())
}

/// Inline content that starts and ends with a word (so emphasis delimiters always flank text).
fn inlines(depth: u32, links: bool) -> BoxedStrategy<Vec<Inline>> {
    let words = || proptest::collection::vec(word(), 1..4).prop_map(|w| w.join(" "));
    if depth == 0 {
        return words().prop_map(|t| vec![Inline::Text { text: t }]).boxed();
    }
    let mut spans = vec![
        inlines(depth - 1, links)
            .prop_map(|content| Inline::Strong { content })
            .boxed(),
        inlines(depth - 1, links)
            .prop_map(|content| Inline::Emph { content })
            .boxed(),
        Just(Inline::Linebreak).boxed(),
    ];
    if links {
        spans.push(
            (
                inlines(depth - 1, false),
                select(vec![
                    "https://example.org/a",
                    "mailto:a@b.nl",
                    "/pad",
                    "#anker",
                ]),
            )
                .prop_map(|(content, url)| Inline::Link {
                    url: url.into(),
                    content,
                })
                .boxed(),
        );
    }
    (
        words(),
        proptest::collection::vec((proptest::strategy::Union::new(spans), words()), 0..3),
    )
        .prop_map(|(first, rest)| {
            let mut out = vec![Inline::Text { text: first }];
            for (span, text) in rest {
                out.push(span);
                out.push(Inline::Text { text });
            }
            out
        })
        .boxed()
}

fn paragraph() -> impl Strategy<Value = Block> {
    inlines(2, true).prop_map(|content| Block::Paragraph { content })
}

/// Blocks; a list item always starts with a paragraph.
fn blocks(depth: u32) -> BoxedStrategy<Vec<Block>> {
    let block = if depth == 0 {
        paragraph().boxed()
    } else {
        prop_oneof![
            2 => paragraph(),
            1 => list(depth - 1),
        ]
        .boxed()
    };
    proptest::collection::vec(block, 1..4).boxed()
}

fn list(depth: u32) -> BoxedStrategy<Block> {
    let item = (paragraph(), blocks(depth), any::<bool>()).prop_map(|(first, rest, alone)| {
        let mut item = vec![first];
        if !alone {
            item.extend(rest);
        }
        item
    });
    (
        any::<bool>(),
        0..20u64,
        proptest::collection::vec(item, 1..4),
    )
        .prop_map(|(ordered, start, items)| Block::List {
            ordered,
            start: if ordered { start } else { 1 },
            items,
        })
        .boxed()
}

/// A document and whether its lists are written tight (no blank lines) where possible.
fn document() -> impl Strategy<Value = (Vec<Block>, bool)> {
    (blocks(2), any::<bool>())
}

/// Writes blocks as Markdown. Every line after the first is prefixed with `indent`.
fn write_blocks(blocks: &[Block], indent: &str, tight: bool, out: &mut String) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            // Inside a tight list item a nested list follows its paragraph directly; elsewhere
            // blocks are separated by a blank line.
            // (An ordered list can only interrupt a paragraph when it starts at 1.)
            let direct = tight
                && !indent.is_empty()
                && match block {
                    Block::List { ordered, start, .. } => {
                        !ordered || *start == 1 || matches!(blocks[i - 1], Block::List { .. })
                    }
                    Block::Paragraph { .. } => false,
                };
            out.push('\n');
            if !direct {
                out.push('\n');
            }
            out.push_str(indent);
        }
        match block {
            Block::Paragraph { content } => write_inlines(content, indent, out),
            Block::List {
                ordered,
                start,
                items,
            } => {
                // Neighbouring lists at one level would merge; a different marker keeps them
                // apart.
                let alternate = i % 2 == 1;
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push('\n');
                        if !tight {
                            out.push('\n');
                        }
                        out.push_str(indent);
                    }
                    let marker = match (ordered, alternate) {
                        (true, false) => format!("{}. ", start + n as u64),
                        (true, true) => format!("{}) ", start + n as u64),
                        (false, false) => "- ".into(),
                        (false, true) => "+ ".into(),
                    };
                    let inner = format!("{indent}{}", " ".repeat(marker.chars().count()));
                    out.push_str(&marker);
                    // A tight item holds one paragraph, optionally followed by lists.
                    let item_tight = tight
                        && item[1..].iter().all(|b| matches!(b, Block::List { .. }))
                        && item.len() <= 2;
                    write_blocks(item, &inner, item_tight, out);
                }
            }
        }
    }
}

fn write_inlines(content: &[Inline], indent: &str, out: &mut String) {
    for (i, inline) in content.iter().enumerate() {
        // Spans are separated from the words around them by a space.
        if i > 0
            && !matches!(inline, Inline::Linebreak)
            && !matches!(content[i - 1], Inline::Linebreak)
        {
            out.push(' ');
        }
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content } => {
                out.push_str("**");
                write_inlines(content, indent, out);
                out.push_str("**");
            }
            Inline::Emph { content } => {
                out.push('_');
                write_inlines(content, indent, out);
                out.push('_');
            }
            Inline::Link { url, content } => {
                out.push('[');
                write_inlines(content, indent, out);
                out.push_str(&format!("]({url})"));
            }
            Inline::Linebreak => {
                out.push_str("\\\n");
                out.push_str(indent);
            }
        }
    }
}

/// The tree as the parser builds it: the spaces written between spans belong to the text
/// next to them, and adjacent texts are merged.
fn expected(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { content } => Block::Paragraph {
                content: expected_inlines(content),
            },
            Block::List {
                ordered,
                start,
                items,
            } => Block::List {
                ordered: *ordered,
                start: *start,
                items: items.iter().map(Vec::as_slice).map(expected).collect(),
            },
        })
        .collect()
}

fn expected_inlines(content: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let push_text = |out: &mut Vec<Inline>, s: &str| {
        if let Some(Inline::Text { text }) = out.last_mut() {
            text.push_str(s);
        } else {
            out.push(Inline::Text { text: s.into() });
        }
    };
    for (i, inline) in content.iter().enumerate() {
        if i > 0
            && !matches!(inline, Inline::Linebreak)
            && !matches!(content[i - 1], Inline::Linebreak)
        {
            push_text(&mut out, " ");
        }
        match inline {
            Inline::Text { text } => push_text(&mut out, text),
            Inline::Strong { content } => out.push(Inline::Strong {
                content: expected_inlines(content),
            }),
            Inline::Emph { content } => out.push(Inline::Emph {
                content: expected_inlines(content),
            }),
            Inline::Link { url, content } => out.push(Inline::Link {
                url: url.clone(),
                content: expected_inlines(content),
            }),
            Inline::Linebreak => out.push(Inline::Linebreak),
        }
    }
    out
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn markdown_round_trips_to_the_tree_it_describes((doc, tight) in document()) {
        let mut markdown = String::new();
        write_blocks(&doc, "", tight, &mut markdown);
        let parsed = richtext::parse(&markdown);
        let expected = expected(&doc);
        prop_assert_eq!(
            richtext::plain_text(&parsed),
            richtext::plain_text(&expected),
            "plain text of {:?}", markdown
        );
        prop_assert_eq!(parsed, expected, "tree of {:?}", markdown);
    }
}

/// Found by `markdown_round_trips_to_the_tree_it_describes`: in a tight list, an item's own
/// text must come before its nested list.
#[test]
fn nested_list_follows_its_item_text() {
    let rich = richtext::parse("- a\n  - b\n- c");
    assert_eq!(richtext::plain_text(&rich), "a\n\nb\n\nc", "{rich:?}");
}

// ---------------------------------------------------------------------------------------------
// End to end: arbitrary text in every field reaches the PDF.

/// Characters the generated text is made of: printable, no control or format characters, no
/// combining marks (a base letter and its mark may be shaped into one glyph), and only
/// characters Inter covers (`fc-query fonts/Inter-Regular.otf`): for a character without a
/// glyph Typst places `.notdef` without a warning and the PDF text can lose it (seen with
/// "漢字", extracted as "字"). ASCII, Latin-1, Latin Extended-A (Inter lacks U+0149), Greek,
/// Cyrillic and common punctuation.
fn inter_char() -> impl Strategy<Value = char> {
    let ranges: Vec<(u32, u32)> = vec![
        (0x21, 0x7e),
        (0xa1, 0xac),
        (0xae, 0xff),
        (0x100, 0x148),
        (0x14a, 0x17f),
        (0x391, 0x3a1),
        (0x3a3, 0x3a9),
        (0x3b1, 0x3c9),
        (0x410, 0x44f),
    ];
    let ranged =
        select(ranges).prop_flat_map(|(a, b)| (a..=b).prop_map(|c| char::from_u32(c).unwrap()));
    prop_oneof![
        6 => ranged,
        1 => select(vec!['–', '—', '‘', '’', '“', '”', '„', '•', '…', '‰', '€', '™', '→', '≠', '½']),
    ]
}

/// Typst and Markdown syntax, favoured over plain letters.
#[rustfmt::skip]
const SYNTAX: &[&str] = &[
    "#", "$", "*", "_", "<", ">", "@", "\\", "/", "[", "]", "{", "}", "`", "~", "\"", "'",
    "#let x = 1;", "#set text(red)", "$x^2$", "#{", "#[", "<lbl>", "@ref", "//", "/*", "*/", "```",
    "--", "---", "...", "#import \"/layouts/style.typ\": *", "#read(\"/etc/passwd\")",
    "#eval(\"1 + 1\")", "= Kop", "+ ", "/ term: ",
];

/// A one-line plain text value.
fn plain_value() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => inter_char().prop_map(String::from),
            1 => Just(" ".to_string()),
            2 => select(SYNTAX).prop_map(String::from),
        ],
        1..16,
    )
    .prop_map(|pieces| pieces.concat())
    // Blank text in a required field is a content error (`empty-text`, see the fixture).
    .prop_filter("blank text is a content error", |s| !s.trim().is_empty())
}

/// Markdown pieces for rich values, links with an empty target included (once a layout error,
/// see `empty_link_url_builds`).
#[rustfmt::skip]
const RICH_SYNTAX: &[&str] = &[
    "\n", "\n\n", "- ", "1. ", "> ", "# ", "**", "*", "_", "`", "<b>", "</b>", "<!-- c -->",
    "&amp;", "&#35;", "\\\n", "  - ", "---\n", "[link](https://example.org)",
    "<https://example.org>", "![alt](img.png)", "**vet**", "*schuin*", "[leeg]()", "[x](<>)",
];

/// A rich text value: plain pieces and Markdown.
fn rich_value() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => inter_char().prop_map(String::from),
            1 => Just(" ".to_string()),
            1 => select(SYNTAX).prop_map(String::from),
            2 => select(RICH_SYNTAX).prop_map(String::from),
        ],
        1..24,
    )
    .prop_map(|pieces| pieces.concat())
}

/// A TOML string with everything escaped.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Generated values for every text field of the minimal fixture.
#[derive(Debug, Clone)]
struct Texts {
    /// Plain fields: (what, value).
    plain: Vec<(&'static str, String)>,
    /// Rich fields: (what, value).
    rich: Vec<(&'static str, String)>,
}

impl Texts {
    /// The value of a plain field.
    fn value(&self, what: &str) -> String {
        self.plain
            .iter()
            .find(|(w, _)| *w == what)
            .unwrap()
            .1
            .clone()
    }
    /// A plain field as TOML.
    fn plain(&self, what: &str) -> String {
        q(&self.value(what))
    }
    /// A rich field as TOML.
    fn rich(&self, what: &str) -> String {
        q(&self.rich.iter().find(|(w, _)| *w == what).unwrap().1)
    }
}

#[rustfmt::skip]
const PLAIN_FIELDS: &[&str] = &[
    "publication title", "author", "subject", "keyword", "abc title", "abc lede", "pillar title",
    "key figure label", "source title", "source publisher", "source note", "theme short title",
    "theme title", "theme lede", "learnings title", "learning title", "case title", "case summary",
    "region name",
];

#[rustfmt::skip]
const RICH_FIELDS: &[&str] = &[
    "lede", "intro", "colophon", "abc body", "pillar text", "theme body", "learning text",
    "case body",
];

fn texts() -> impl Strategy<Value = Texts> {
    (
        proptest::collection::vec(plain_value(), PLAIN_FIELDS.len()),
        proptest::collection::vec(rich_value(), RICH_FIELDS.len()),
    )
        .prop_map(|(plain, rich)| Texts {
            plain: PLAIN_FIELDS.iter().copied().zip(plain).collect(),
            rich: RICH_FIELDS.iter().copied().zip(rich).collect(),
        })
}

/// Writes the minimal fixture with every text field set from `t`. (Key-figure descriptions
/// are not shown anywhere, and image alt texts and credits need an image: not covered.)
fn write_project(p: &Project, t: &Texts) {
    p.write(
        "content/publication.toml",
        &format!(
            r#"title = {}
lede = {}
year = 2026
date = 2026-11-28
author = {}
subject = {}
keywords = [{}]
intro = {}
colophon = {}

[geography]
year = 2025
municipality-list = "content/geo/gemeenten-2025.csv"
municipality-boundaries = "content/geo/gemeenten-2025.geojson"
province-boundaries = "content/geo/provincies-2025.geojson"
attribution = "Gemeente- en provinciegrenzen 2025: © CBS, CBS Gebiedsindelingen via PDOK (CC BY 4.0); vereenvoudigd (cartomap/nl)."

[abc]
title = {}
lede = {}
body = {}

[[abc.pillars]]
letter = "A"
title = {}
text = {}

[[abc.pillars]]
letter = "S"
title = "Samenwerken"

[[key-figures]]
id = "students"
label = {}
description = "Aantal leerlingen/studenten"

[[key-figures]]
id = "po-boards"
label = "Schoolbesturen po"
description = "Aantal aangesloten schoolbesturen (po)"
sector = "po"

[[sources]]
title = {}
publisher = {}
note = {}
"#,
            t.plain("publication title"),
            t.rich("lede"),
            t.plain("author"),
            t.plain("subject"),
            t.plain("keyword"),
            t.rich("intro"),
            t.rich("colophon"),
            t.plain("abc title"),
            t.plain("abc lede"),
            t.rich("abc body"),
            t.plain("pillar title"),
            t.rich("pillar text"),
            t.plain("key figure label"),
            t.plain("source title"),
            t.plain("source publisher"),
            t.plain("source note"),
        ),
    );
    p.write(
        "content/themes/01-samenwerken.toml",
        &format!(
            r#"id = "samenwerken"
short-title = {}
title = {}
lede = {}
body = {}
learnings-title = {}

[[learnings]]
title = {}
text = {}
"#,
            t.plain("theme short title"),
            t.plain("theme title"),
            t.plain("theme lede"),
            t.rich("theme body"),
            t.plain("learnings title"),
            t.plain("learning title"),
            t.rich("learning text"),
        ),
    );
    p.write(
        "content/cases/01-noord.toml",
        &format!(
            "id = \"noord-case\"\nkind = \"case\"\ntheme = \"samenwerken\"\nregion = \"noord\"\n\
             title = {}\nsummary = {}\nbody = {}\n",
            t.plain("case title"),
            t.plain("case summary"),
            t.rich("case body"),
        ),
    );
    let region = p.read("content/regions/noord.toml").replace(
        "name = \"Onderwijsregio Noord (po)\"",
        &format!("name = {}", t.plain("region name")),
    );
    p.write("content/regions/noord.toml", &region);
}

/// All text of a PDF as a reader gets it, normalised like [`common::Pdf::text`].
///
/// `Pdf::text` (lopdf's `extract_text`) is not exact enough for arbitrary text, so this reads
/// the fonts' ToUnicode tables itself and honours `/ActualText`, as PDF viewers and screen
/// readers do:
/// - typst-pdf maps a glyph to text once per font; where one glyph stands for different text
///   it wraps the later uses in an `/ActualText` span, which lopdf ignores. That happens with
///   the hyphen glyph, first used at a hyphenation point (mapped to U+00AD) and then for a
///   typed `-`: lopdf reads a soft hyphen, which `normalise` removes.
/// - lopdf decodes some multi-character entries wrongly: Inter's `-->` ligature mapped from
///   code `<0020>` comes out as `--?` (pdftotext reads it right).
fn reader_text(doc: &lopdf::Document) -> String {
    use lopdf::Object;
    use lopdf::content::Content;
    let mut out = String::new();
    for page in doc.get_pages().into_values() {
        let fonts: BTreeMap<Vec<u8>, BTreeMap<u16, String>> = doc
            .get_page_fonts(page)
            .unwrap()
            .into_iter()
            .map(|(name, font)| (name, to_unicode(doc, font)))
            .collect();
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        let mut font = None;
        // Open marked-content sections: whether each replaces its glyphs with ActualText.
        let mut sections: Vec<bool> = Vec::new();
        for op in &content.operations {
            let replaced = sections.contains(&true);
            match op.operator.as_str() {
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| fonts.get(name));
                }
                "Tj" | "TJ" | "'" | "\"" if !replaced => {
                    let map = font.expect("text is shown in a font");
                    let mut strings: Vec<&Object> = Vec::new();
                    for operand in &op.operands {
                        match operand {
                            Object::Array(items) => strings.extend(items),
                            other => strings.push(other),
                        }
                    }
                    for string in strings {
                        if let Object::String(bytes, _) = string {
                            for code in bytes.chunks(2) {
                                let code =
                                    u16::from_be_bytes([code[0], *code.get(1).unwrap_or(&0)]);
                                let text = map.get(&code);
                                out.push_str(text.map_or("\u{fffd}", String::as_str));
                            }
                        }
                    }
                }
                "BDC" => {
                    let actual = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"ActualText").ok())
                        .and_then(|t| lopdf::decode_text_string(t).ok());
                    if let Some(text) = &actual
                        && !replaced
                    {
                        out.push_str(text);
                    }
                    sections.push(actual.is_some());
                }
                "BMC" => sections.push(false),
                "EMC" => {
                    sections.pop();
                }
                _ => {}
            }
        }
    }
    normalise(&out)
}

/// A font's ToUnicode table (two-byte codes, as typst-pdf writes them): `bfchar` and
/// `bfrange` entries.
fn to_unicode(doc: &lopdf::Document, font: &lopdf::Dictionary) -> BTreeMap<u16, String> {
    let mut map = BTreeMap::new();
    let Ok(reference) = font.get(b"ToUnicode").and_then(|o| o.as_reference()) else {
        return map;
    };
    let stream = doc.get_object(reference).unwrap().as_stream().unwrap();
    let cmap = String::from_utf8_lossy(&stream.decompressed_content().unwrap()).into_owned();
    let hex = |s: &str| -> Vec<u16> {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        (0..s.len() / 4)
            .map(|i| u16::from_str_radix(&s[4 * i..4 * i + 4], 16).unwrap())
            .collect()
    };
    let mut section = "";
    for line in cmap.lines().map(str::trim) {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            section = if line.ends_with("beginbfchar") {
                "char"
            } else {
                "range"
            };
            continue;
        }
        if line.starts_with("end") {
            section = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (section, parts.as_slice()) {
            ("char", [code, text]) => {
                map.insert(hex(code)[0], String::from_utf16_lossy(&hex(text)));
            }
            ("range", [from, to, text]) if text.starts_with('<') => {
                let (from, to) = (hex(from)[0], hex(to)[0]);
                let first = hex(text);
                for (i, code) in (from..=to).enumerate() {
                    let mut units = first.clone();
                    *units.last_mut().unwrap() += i as u16;
                    map.insert(code, String::from_utf16_lossy(&units));
                }
            }
            _ => {}
        }
    }
    map
}

/// The publication PDF in `out`.
fn publication_pdf(out: &Path) -> std::path::PathBuf {
    let pdfs: Vec<_> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    pdfs.into_iter().next().unwrap()
}

/// The text of every paragraph of rich text, lists included.
fn paragraphs(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph { .. } => out.push(richtext::plain_text(std::slice::from_ref(block))),
            Block::List { items, .. } => {
                for item in items {
                    paragraphs(item, out);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(Config { max_shrink_iters: 64, ..config(20) })]

    #[test]
    fn any_text_in_any_field_reaches_the_pdf(t in texts()) {
        let p = Project::minimal();
        write_project(&p, &t);
        let run = p.run(&["build"]);
        prop_assert_eq!(run.code, 0, "{:#?}\n{}", t, run.stderr);
        // The publication's file name derives from its title; it is the one PDF beside the
        // fact sheets.
        let pdf = Pdf::open(&publication_pdf(&p.root().join("out")));
        let text = reader_text(&pdf.doc);
        for (what, value) in &t.plain {
            match *what {
                // Only in the document information.
                "subject" => prop_assert_eq!(pdf.info("Subject"), Some(value.clone())),
                "keyword" => {
                    let keywords = pdf.info("Keywords").unwrap_or_default();
                    prop_assert!(keywords.contains(value.as_str()), "keyword {:?} not in {:?}", value, keywords);
                }
                _ => prop_assert!(
                    text.contains(&normalise(value)),
                    "{} {:?} is not in the PDF text:\n{}", what, value, text
                ),
            }
        }
        prop_assert_eq!(pdf.info("Title"), Some(t.value("publication title")));
        prop_assert_eq!(pdf.info("Author"), Some(t.value("author")));
        for (what, value) in &t.rich {
            let mut expected = Vec::new();
            paragraphs(&richtext::parse(value), &mut expected);
            for paragraph in expected {
                prop_assert!(
                    text.contains(&normalise(&paragraph)),
                    "{} {:?}: paragraph {:?} is not in the PDF text:\n{}", what, value, paragraph, text
                );
            }
        }
        let sheet = reader_text(&Pdf::open(&p.root().join("out/factsheets/noord.pdf")).doc);
        let name = t.value("region name");
        prop_assert!(sheet.contains(&normalise(&name)), "region name {:?} not on the fact sheet:\n{}", name, sheet);
    }
}

/// Found while writing the properties: a Markdown link without a URL passes validation and then
/// fails the layout ("URL must not be empty" in layouts/rich.typ).
#[test]
fn empty_link_url_builds() {
    let p = Project::minimal();
    let case = p.read("content/cases/01-noord.toml").replace(
        "\"Het verhaal van de regio Noord.\"",
        "\"Zie [de site]() en [ook](<>).\"",
    );
    p.write("content/cases/01-noord.toml", &case);
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = Pdf::open(&p.root().join("out/kleine-proefpublicatie-2026.pdf")).text();
    assert!(text.contains(&normalise("Zie de site en ook.")), "{text}");
}

/// Same for a source with `url = ""`: the build fails in layouts/publication.typ instead of
/// a content diagnostic (or leaving the link out).
#[test]
fn empty_source_url_is_reported_in_the_content() {
    let p = Project::minimal();
    let publication = p.read("content/publication.toml") + "url = \"\"\n";
    p.write("content/publication.toml", &publication);
    let run = p.run(&["build"]);
    assert!(
        !run.stderr.contains("layouts/"),
        "a content mistake must not surface as a layout error:\n{}",
        run.stderr
    );
}

/// `reader_text` reads what a PDF viewer shows, including the hyphen that lopdf's
/// `extract_text` turns into a soft hyphen (see `reader_text`).
#[test]
fn reader_text_reads_the_minimal_fixture() {
    let p = Project::minimal();
    let run = p.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = Pdf::open(&publication_pdf(&p.root().join("out")));
    let text = reader_text(&pdf.doc);
    for expected in [
        "Kleine proefpublicatie",
        "Een minimale publicatie om de motor mee te testen.",
        "Tweede alinea met een link.",
        "Onderwijsregio Noord (po)",
        "Eijsden-Margraten",
        "Hengelo (O.)",
        "Gemeentelijke indeling 2025 — CBS",
    ] {
        assert!(
            text.contains(&normalise(expected)),
            "{expected:?} in {text}"
        );
    }
}

/// Found by `any_text_in_any_field_reaches_the_pdf`: Typst 0.15.1 fails the tagged export
/// ("expected link ancestor in logical tree", typst/typst#8608) when hyphenation breaks a word
/// right where a link ends and the word goes on. layouts/rich.typ does not hyphenate the text
/// right after such a link. The pillar column is narrow, so the word lands at a line end.
#[test]
fn a_word_that_goes_on_after_a_link_builds() {
    let p = Project::minimal();
    let text = "aaa bbb ccc [link](https://example.org)*schuin* ddd [x](https://example.org)verder";
    for filler in ["", "a ", "aa ", "aaa ", "aaaa ", "aaaaa ", "aaaaaa "] {
        let publication = p.read("content/publication.toml").replacen(
            "title = \"Aantrekken & opleiden\"\n",
            &format!("title = \"Aantrekken & opleiden\"\ntext = \"{filler}{text}\"\n"),
            1,
        );
        let q = Project::minimal();
        q.write("content/publication.toml", &publication);
        let run = q.run(&["build", "--publication-only"]);
        assert_eq!(run.code, 0, "{filler:?}: {}", run.stderr);
    }
}
