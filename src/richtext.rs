//! Rich text: the light Markdown allowed in content text fields, parsed into a small tree.
//!
//! The tree is what layouts render (see `docs/data-contract.md`). Only paragraphs, bold,
//! italic, links, line breaks and (numbered) lists have meaning; everything else Markdown knows
//! (headings, code, HTML, images, tables) degrades to its literal text, so nothing a user types
//! is lost and nothing is ever interpreted as Typst.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of inline content.
    Paragraph {
        /// The inline content.
        content: Vec<Inline>,
    },
    /// A bullet or numbered list; each item is a list of blocks.
    List {
        /// Numbered (`1.`) or bullets (`-`).
        ordered: bool,
        /// First number of a numbered list.
        start: u64,
        /// The items.
        items: Vec<Vec<Block>>,
    },
}

/// Inline rich text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    /// Literal text, shown exactly as is.
    Text {
        /// The text.
        text: String,
    },
    /// Bold.
    Strong {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// Italic.
    Emph {
        /// The emphasised content.
        content: Vec<Inline>,
    },
    /// A hyperlink.
    Link {
        /// Target URL, as written.
        url: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// A hard line break.
    Linebreak,
}

/// Rich text: a sequence of blocks.
pub type Rich = Vec<Block>;

/// Parses light Markdown into the rich-text tree. Never fails: unknown constructs become text.
pub fn parse(markdown: &str) -> Rich {
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, Options::empty()) {
        builder.event(event);
    }
    builder.finish()
}

/// The plain text of rich text: what a reader sees, without formatting. Paragraphs are joined
/// with blank lines.
pub fn plain_text(rich: &[Block]) -> String {
    let mut out = Vec::new();
    for block in rich {
        match block {
            Block::Paragraph { content } => out.push(inline_text(content)),
            Block::List { items, .. } => {
                for item in items {
                    out.push(plain_text(item));
                }
            }
        }
    }
    out.join("\n\n")
}

fn inline_text(content: &[Inline]) -> String {
    let mut s = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } => s.push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => s.push_str(&inline_text(content)),
            Inline::Linebreak => s.push('\n'),
        }
    }
    s
}

/// An open container while parsing.
#[derive(Debug)]
enum Frame {
    /// Collects blocks: the document root, or a list item.
    Blocks(Vec<Block>),
    /// A list collecting items.
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    /// Collects inlines: a paragraph, or strong/emph/link content.
    Inlines(InlineKind, Vec<Inline>),
}

#[derive(Debug)]
enum InlineKind {
    Paragraph,
    Strong,
    Emph,
    Link(String),
}

struct Builder {
    stack: Vec<Frame>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            stack: vec![Frame::Blocks(Vec::new())],
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                self.text(&text)
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.inline(Inline::Linebreak),
            Event::Rule => self.text("———"),
            Event::FootnoteReference(text) => self.text(&format!("[^{text}]")),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Emphasis => Frame::Inlines(InlineKind::Emph, Vec::new()),
            Tag::Link { dest_url, .. } => {
                Frame::Inlines(InlineKind::Link(dest_url.to_string()), Vec::new())
            }
            Tag::List(start) => {
                // In a tight list an item's text has no paragraph of its own: close it before a
                // nested list starts, so the text stays ahead of the list.
                self.close_inline_paragraph();
                Frame::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items: Vec::new(),
                }
            }
            Tag::Item => Frame::Blocks(Vec::new()),
            // Every other block (paragraph, heading, quote, code block, …) becomes a paragraph,
            // so its text stays visible. Inline tags we do not support keep their text inline.
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) => {
                self.close_inline_paragraph();
                Frame::Inlines(InlineKind::Paragraph, Vec::new())
            }
            _ => return,
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link => match self.stack.pop() {
                Some(Frame::Inlines(InlineKind::Paragraph, content)) => {
                    // Not ours to close (malformed nesting): put it back.
                    self.stack
                        .push(Frame::Inlines(InlineKind::Paragraph, content));
                }
                Some(Frame::Inlines(kind, content)) => self.close_inline(kind, content),
                Some(other) => self.stack.push(other),
                None => {}
            },
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock => {
                self.close_inline_paragraph()
            }
            TagEnd::Item => {
                self.close_inline_paragraph();
                if let Some(Frame::Blocks(blocks)) = self.stack.pop()
                    && let Some(Frame::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) = self.stack.pop()
                {
                    self.block(Block::List {
                        ordered,
                        start,
                        items,
                    });
                }
            }
            _ => {}
        }
    }

    /// Turns a closed strong/emph/link frame into an inline. A link without a target keeps its
    /// text and loses the link: an empty URL is a typo, not something to fail a build over.
    fn close_inline(&mut self, kind: InlineKind, content: Vec<Inline>) {
        let inline = match kind {
            InlineKind::Strong => Inline::Strong { content },
            InlineKind::Emph => Inline::Emph { content },
            InlineKind::Link(url) if url.trim().is_empty() => {
                for inline in content {
                    match inline {
                        Inline::Text { text } => self.text(&text),
                        other => self.inline(other),
                    }
                }
                return;
            }
            InlineKind::Link(url) => Inline::Link { url, content },
            InlineKind::Paragraph => {
                self.block(Block::Paragraph { content });
                return;
            }
        };
        self.inline(inline);
    }

    /// Closes an open paragraph frame, if the top of the stack is one.
    fn close_inline_paragraph(&mut self) {
        if let Some(Frame::Inlines(InlineKind::Paragraph, _)) = self.stack.last()
            && let Some(Frame::Inlines(_, content)) = self.stack.pop()
            && !content.is_empty()
        {
            self.block(Block::Paragraph { content });
        }
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks)) => blocks.push(block),
            // Tight list items hold text directly; a nested block inside one ends that text.
            _ => {
                self.stack.push(Frame::Blocks(vec![block]));
                self.merge_blocks();
            }
        }
    }

    /// Merges a stray blocks frame into its parent (only reached for malformed nesting).
    fn merge_blocks(&mut self) {
        if let Some(Frame::Blocks(blocks)) = self.stack.pop() {
            for frame in self.stack.iter_mut().rev() {
                if let Frame::Blocks(parent) = frame {
                    parent.extend(blocks);
                    return;
                }
            }
        }
    }

    fn inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, content)) => content.push(inline),
            // Tight list items contain text without a paragraph: open one.
            _ => self
                .stack
                .push(Frame::Inlines(InlineKind::Paragraph, vec![inline])),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(Frame::Inlines(_, content)) = self.stack.last_mut()
            && let Some(Inline::Text { text: last }) = content.last_mut()
        {
            last.push_str(text);
            return;
        }
        self.inline(Inline::Text {
            text: text.to_string(),
        });
    }

    fn finish(mut self) -> Rich {
        // Close whatever malformed input left open, innermost first.
        while self.stack.len() > 1 {
            match self.stack.pop() {
                Some(Frame::Inlines(InlineKind::Paragraph, content)) => {
                    self.block(Block::Paragraph { content })
                }
                Some(Frame::Inlines(kind, content)) => self.close_inline(kind, content),
                Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) => self.block(Block::List {
                    ordered,
                    start,
                    items,
                }),
                Some(Frame::Blocks(blocks)) => {
                    self.stack.push(Frame::Blocks(blocks));
                    self.merge_blocks();
                }
                None => break,
            }
        }
        match self.stack.pop() {
            Some(Frame::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn paragraphs_and_emphasis() {
        let rich = parse("Een **vet** en *schuin* woord.\nZelfde alinea.\n\nTweede alinea.");
        assert_eq!(
            rich,
            vec![
                Block::Paragraph {
                    content: vec![
                        text("Een "),
                        Inline::Strong {
                            content: vec![text("vet")]
                        },
                        text(" en "),
                        Inline::Emph {
                            content: vec![text("schuin")]
                        },
                        text(" woord. Zelfde alinea."),
                    ]
                },
                Block::Paragraph {
                    content: vec![text("Tweede alinea.")]
                },
            ]
        );
    }

    #[test]
    fn numbered_list_keeps_start() {
        let rich = parse("3. drie\n4. vier");
        let Block::List {
            ordered,
            start,
            items,
        } = &rich[0]
        else {
            panic!("{rich:?}")
        };
        assert!(ordered);
        assert_eq!(*start, 3);
        assert_eq!(items.len(), 2);
        assert_eq!(plain_text(&rich), "drie\n\nvier");
    }

    #[test]
    fn links_keep_their_url() {
        let rich = parse("Zie [de site](https://example.org).");
        let Block::Paragraph { content } = &rich[0] else {
            panic!()
        };
        assert_eq!(
            content[1],
            Inline::Link {
                url: "https://example.org".into(),
                content: vec![text("de site")]
            }
        );
    }

    #[test]
    fn typst_syntax_stays_literal_text() {
        let s = "#let x = 1; $x$ <a> @b // c";
        assert_eq!(plain_text(&parse(s)), s);
    }

    #[test]
    fn nested_list_comes_after_its_item_text() {
        let rich = parse("- a\n  - b\n- c");
        assert_eq!(plain_text(&rich), "a\n\nb\n\nc", "{rich:?}");
    }

    #[test]
    fn empty_link_keeps_its_text() {
        assert_eq!(
            parse("Zie [de site]() nu."),
            vec![Block::Paragraph {
                content: vec![text("Zie de site nu.")]
            }]
        );
    }

    #[test]
    fn unsupported_markdown_keeps_its_text() {
        assert_eq!(plain_text(&parse("# Kop\n\n`code`")), "Kop\n\ncode");
    }
}
