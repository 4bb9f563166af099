//! Render target "site" (stage 4): rich text and other engine-made markup as escaped HTML.
//!
//! Content is data, never HTML: every string from the content goes through [`escape`] before it
//! is placed in markup made here, and link targets are only kept for web and mail addresses.
//! The result is wrapped in [`Html`], which the templates receive as a *safe* string (already
//! escaped, so minijinja's autoescape does not escape it twice). Everything else the templates
//! get is a plain string that minijinja escapes itself.

use std::fmt::Write;

use serde::Serialize;

use crate::richtext::{Block, Inline};

/// Markup made by the engine from escaped content: passed to templates as a safe string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(pub String);

impl Serialize for Html {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Serialised into a template context, this keeps minijinja's "safe" mark; serialised
        // anywhere else (JSON for tests), it is a plain string.
        minijinja::Value::from_safe_string(self.0.clone()).serialize(serializer)
    }
}

/// Escapes text for HTML element content and quoted attribute values, exactly as minijinja's
/// autoescape does (so a text reads the same whether a template or the engine placed it).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '/' => out.push_str("&#x2f;"),
            c => out.push(c),
        }
    }
}

/// Whether a link target from the content may become a link: web and mail addresses only, so
/// `javascript:` or `data:` written in the content never becomes something a reader can run.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Renders rich text as HTML: paragraphs, lists, bold, italic, links and line breaks.
pub fn rich(blocks: &[Block]) -> Html {
    let mut out = String::new();
    write_blocks(&mut out, blocks);
    Html(out)
}

/// Renders rich text as one paragraph's inline HTML (for short fields shown inside other
/// markup): blocks are joined with spaces.
pub fn rich_inline(blocks: &[Block]) -> Html {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match block {
            Block::Paragraph { content } => write_inlines(&mut out, content),
            Block::List { .. } => escape_into(
                &mut out,
                &crate::richtext::plain_text(std::slice::from_ref(block)),
            ),
        }
    }
    Html(out)
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { content } => {
                out.push_str("<p>");
                write_inlines(out, content);
                out.push_str("</p>\n");
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                if *ordered {
                    if *start == 1 {
                        out.push_str("<ol>\n");
                    } else {
                        let _ = writeln!(out, "<ol start=\"{start}\">");
                    }
                } else {
                    out.push_str("<ul>\n");
                }
                for item in items {
                    out.push_str("<li>");
                    // A tight item is one paragraph: no <p> around it.
                    match item.as_slice() {
                        [Block::Paragraph { content }] => write_inlines(out, content),
                        _ => write_blocks(out, item),
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
            }
        }
    }
}

fn write_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => escape_into(out, text),
            Inline::Strong { content } => {
                out.push_str("<strong>");
                write_inlines(out, content);
                out.push_str("</strong>");
            }
            Inline::Emph { content } => {
                out.push_str("<em>");
                write_inlines(out, content);
                out.push_str("</em>");
            }
            Inline::Link { url, content } if is_safe_url(url) => {
                out.push_str("<a href=\"");
                escape_into(out, url.trim());
                out.push_str("\">");
                write_inlines(out, content);
                out.push_str("</a>");
            }
            // Not a web address: keep the text, drop the link.
            Inline::Link { content, .. } => write_inlines(out, content),
            Inline::Linebreak => out.push_str("<br>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::richtext::parse;

    #[test]
    fn escapes_markup_in_text() {
        let html = rich(&parse(
            "<script>alert(1)</script> & \"><img src=x onerror=alert(1)>",
        ));
        assert!(!html.0.contains("<script>"), "{}", html.0);
        assert!(!html.0.contains("<img"), "{}", html.0);
        assert!(
            html.0
                .contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
            "{}",
            html.0
        );
        assert!(html.0.contains("&quot;&gt;&lt;img"), "{}", html.0);
    }

    #[test]
    fn renders_structure() {
        let html = rich(&parse(
            "Een **vet** en *schuin* woord, [site](https://example.org?a=1&b=2).\n\n1. een\n2. twee",
        ));
        assert_eq!(
            html.0,
            "<p>Een <strong>vet</strong> en <em>schuin</em> woord, \
             <a href=\"https:&#x2f;&#x2f;example.org?a=1&amp;b=2\">site</a>.</p>\n\
             <ol>\n<li>een</li>\n<li>twee</li>\n</ol>\n"
        );
    }

    #[test]
    fn only_web_and_mail_links_become_links() {
        let html = rich(&parse(
            "[klik](javascript:alert(1)) [data](data:text/html,x)",
        ));
        assert!(!html.0.contains("<a"), "{}", html.0);
        assert!(html.0.contains("klik"));
        assert!(is_safe_url("mailto:info@example.org"));
        assert!(is_safe_url(" HTTPS://example.org"));
        assert!(!is_safe_url("JavaScript:alert(1)"));
    }

    #[test]
    fn template_syntax_stays_text() {
        let html = rich(&parse("{{ 7*7 }} {% if true %}x{% endif %}"));
        assert_eq!(html.0, "<p>{{ 7*7 }} {% if true %}x{% endif %}</p>\n");
    }

    #[test]
    fn a_safe_string_is_not_escaped_twice() {
        let mut env = minijinja::Environment::new();
        env.add_template("t.html", "{{ body }}|{{ text }}").unwrap();
        let out = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! {
                body => minijinja::Value::from(minijinja::value::Serde(Html(
                    "<p>a &amp; b</p>".into()
                ))),
                text => "<b>",
            })
            .unwrap();
        assert_eq!(out, "<p>a &amp; b</p>|&lt;b&gt;");
    }
}
