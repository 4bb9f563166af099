//! Library errors in drukwerk's words: a TOML syntax error, a serde type error or a failed
//! read becomes a sentence of our own catalogue, with the field it is about.
//!
//! The toml and serde crates describe a problem to a programmer (`invalid type: string "veel",
//! expected i64`). Their messages have a stable shape, so they are classified here by that shape
//! into drukwerk's messages (`` `students` must be a whole number, not text ``); the library's
//! own words are kept only as a note, and only where ours could not say what was wrong.

use std::io;
use std::ops::Range;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::suggest::did_you_mean;

/// Why a file could not be read, by the kind of the system's error: "file not found".
pub fn io_reason(err: &io::Error) -> Msg {
    match err.kind() {
        io::ErrorKind::NotFound => msg!("content-io-not-found"),
        io::ErrorKind::PermissionDenied => msg!("content-io-permission"),
        io::ErrorKind::IsADirectory => msg!("content-io-directory"),
        io::ErrorKind::FileTooLarge => msg!("content-io-too-large"),
        _ => msg!("content-io-other"),
    }
}

/// The system's own words for a read error that [`io_reason`] could only call "could not
/// read": kept as a note, since they may name the cause (a full disk, a broken link).
pub fn io_note(err: &io::Error) -> Option<Msg> {
    let worded = matches!(
        err.kind(),
        io::ErrorKind::NotFound
            | io::ErrorKind::PermissionDenied
            | io::ErrorKind::IsADirectory
            | io::ErrorKind::FileTooLarge
    );
    (!worded).then(|| Msg::verbatim(err.to_string()))
}

/// Turns a TOML/serde error in the file `path` (whose text is `text`) into a diagnostic with a
/// suggestion where one can be made.
pub fn toml_diagnostic(path: &Path, text: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim();
    let span = err.span().unwrap_or(0..0);
    if let Some((field, expected)) = parse_unknown_field(message) {
        let mut d = Diagnostic::error("unknown-field", msg!("unknown-field", field = &field)).at(
            path,
            span,
            msg!("unknown-field.label"),
        );
        if let Some(best) = did_you_mean(&field, expected.iter().map(String::as_str)) {
            d = d.with_help(msg!("unknown-field.help", suggestion = best));
        }
        let fields: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
        return d.with_note(msg!("unknown-field.note", fields = fields.join(", ")));
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        // serde points at the whole table; point at its first line instead of underlining pages.
        let span = first_line(text, span);
        return Diagnostic::error("missing-field", msg!("missing-field", field = field))
            .at(path, span, msg!("missing-field.label", field = field))
            .with_help(msg!("missing-field.help", field = field));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return wrong_type(path, text, span, rest, message);
    }
    if message.starts_with("invalid value") {
        let field = field_at(text, &span);
        return Diagnostic::error("wrong-type", msg!("wrong-type-unclear", field = field))
            .at(path, span, msg!("wrong-type-unclear.label"))
            .with_note(Msg::verbatim(message));
    }
    if message.starts_with("duplicate key") {
        let key = text.get(span.clone()).unwrap_or_default().trim();
        let key = key.trim_matches(['[', ']', '"', '\'']);
        return Diagnostic::error(
            "duplicate-key",
            msg!("duplicate-key", field = msg!("content-field", name = key)),
        )
        .at(path, span, msg!("duplicate-key.label"))
        .with_help(msg!("duplicate-key.help"));
    }
    syntax(path, span, message)
}

/// What a value is, or should be, in words a user knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Decimal,
    Text,
    List,
    Boolean,
    Table,
    Date,
}

impl Kind {
    /// serde's word for what it expected (`i64`, `a string`).
    fn expected(word: &str) -> Option<Kind> {
        Some(match word {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "a number" => {
                Kind::Number
            }
            "a string" => Kind::Text,
            "a sequence" => Kind::List,
            "a boolean" => Kind::Boolean,
            "a map" => Kind::Table,
            w if w.contains("datetime") => Kind::Date,
            _ => return None,
        })
    }

    /// serde's words for what it found (`string "veel"`, `floating point `1.5``); a TOML date
    /// reaches serde as a map, so the value's own text decides that.
    fn found(words: &str, value: &str) -> Option<Kind> {
        let first = words.split([' ', '`']).next().unwrap_or_default();
        Some(match first {
            "string" => Kind::Text,
            "integer" => Kind::Number,
            "floating" => Kind::Decimal,
            "boolean" => Kind::Boolean,
            "sequence" => Kind::List,
            "map" if looks_like_date(value) => Kind::Date,
            "map" => Kind::Table,
            _ => return None,
        })
    }

    fn expected_msg(self) -> Msg {
        match self {
            Kind::Number | Kind::Decimal => msg!("wrong-type-expected-number"),
            Kind::Text => msg!("wrong-type-expected-text"),
            Kind::List => msg!("wrong-type-expected-list"),
            Kind::Boolean => msg!("wrong-type-expected-boolean"),
            Kind::Table => msg!("wrong-type-expected-table"),
            Kind::Date => msg!("wrong-type-expected-date"),
        }
    }

    fn label(self) -> Msg {
        match self {
            Kind::Number | Kind::Decimal => msg!("wrong-type-expected-number.label"),
            Kind::Text => msg!("wrong-type-expected-text.label"),
            Kind::List => msg!("wrong-type-expected-list.label"),
            Kind::Boolean => msg!("wrong-type-expected-boolean.label"),
            Kind::Table => msg!("wrong-type-expected-table.label"),
            Kind::Date => msg!("wrong-type-expected-date.label"),
        }
    }

    fn found_msg(self) -> Msg {
        match self {
            Kind::Number => msg!("wrong-type-found-number"),
            Kind::Decimal => msg!("wrong-type-found-decimal"),
            Kind::Text => msg!("wrong-type-found-text"),
            Kind::List => msg!("wrong-type-found-list"),
            Kind::Boolean => msg!("wrong-type-found-boolean"),
            Kind::Table => msg!("wrong-type-found-table"),
            Kind::Date => msg!("wrong-type-found-date"),
        }
    }
}

/// serde's `invalid type: <found>, expected <expected>` (`rest` is after `invalid type: `).
fn wrong_type(
    path: &Path,
    text: &str,
    span: Range<usize>,
    rest: &str,
    message: &str,
) -> Diagnostic {
    let value = text.get(span.clone()).unwrap_or_default().trim();
    let field = field_at(text, &span);
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
    let expected = Kind::expected(expected);
    let found = Kind::found(found, value);
    let (Some(expected), Some(found)) = (expected, found) else {
        let label = expected.map_or(msg!("wrong-type-unclear.label"), Kind::label);
        return Diagnostic::error("wrong-type", msg!("wrong-type-unclear", field = field))
            .at(path, span, label)
            .with_note(Msg::verbatim(message));
    };
    if expected == Kind::Number && found == Kind::Number {
        // An integer serde could read, but not as i64: far too large.
        return Diagnostic::error("wrong-type", msg!("number-too-large", field = field)).at(
            path,
            span,
            msg!("number-too-large.label"),
        );
    }
    let mut d = Diagnostic::error(
        "wrong-type",
        msg!(
            "wrong-type",
            field = field,
            expected = expected.expected_msg(),
            found = found.found_msg()
        ),
    )
    .at(path, span, expected.label());
    // 12.345 or "12.345" for a count: a Dutch thousands separator.
    if expected == Kind::Number
        && let Some(number) = grouped_digits(value.trim_matches('"'))
    {
        d = d.with_help(msg!("wrong-type-thousands", number = number));
    }
    d
}

/// A TOML syntax error, by the parser's description (`unclosed array, expected `]``).
pub fn syntax(path: &Path, span: Range<usize>, message: &str) -> Diagnostic {
    let starts = |prefix: &str| message.starts_with(prefix);
    let (text, label, help) = if (starts("invalid basic string")
        || starts("invalid multi-line basic string"))
        && message.contains("expected `\"`")
    {
        let quote = "\"";
        (
            msg!("toml-unclosed-string"),
            msg!("toml-unclosed-string.label", quote = quote),
            Some(msg!("toml-unclosed-string.help", quote = quote)),
        )
    } else if starts("invalid literal string") && message.contains("expected `'`") {
        let quote = "'";
        (
            msg!("toml-unclosed-string"),
            msg!("toml-unclosed-string.label", quote = quote),
            Some(msg!("toml-unclosed-string.help", quote = quote)),
        )
    } else if starts("key with no value") {
        (
            msg!("toml-no-equals"),
            msg!("toml-no-equals.label"),
            Some(msg!("toml-no-equals.help")),
        )
    } else if starts("string values must be quoted") {
        (
            msg!("toml-unquoted-text"),
            msg!("toml-unquoted-text.label"),
            None,
        )
    } else if starts("unclosed array") {
        (
            msg!("toml-unclosed-list"),
            msg!("toml-unclosed-list.label"),
            Some(msg!("toml-unclosed-list.help")),
        )
    } else if starts("unclosed inline table") {
        (
            msg!("toml-unclosed-inline-table"),
            msg!("toml-unclosed-inline-table.label"),
            None,
        )
    } else if starts("unclosed table") {
        (
            msg!("toml-unclosed-header"),
            msg!("toml-unclosed-header.label"),
            None,
        )
    } else if starts("unexpected key or value") {
        (
            msg!("toml-trailing"),
            msg!("toml-trailing.label"),
            Some(msg!("toml-trailing.help")),
        )
    } else if starts("missing escaped value") || starts("invalid escape") {
        (
            msg!("toml-bad-escape"),
            msg!("toml-bad-escape.label"),
            Some(msg!("toml-bad-escape.help")),
        )
    } else if starts("unquoted keys cannot be empty") {
        (msg!("toml-empty-key"), msg!("toml-empty-key.label"), None)
    } else if starts("`_` may only go between digits") {
        (msg!("toml-bad-underscore"), msg!("toml-syntax.label"), None)
    } else if starts("invalid date") || starts("invalid time") || starts("invalid datetime") {
        (msg!("toml-bad-date"), msg!("toml-bad-date.label"), None)
    } else {
        // A mistake we have no words for: ours, with the parser's as a note.
        return Diagnostic::error("toml-syntax", msg!("toml-syntax"))
            .at(path, span, msg!("toml-syntax.label"))
            .with_help(msg!("toml-syntax.help"))
            .with_note(Msg::verbatim(message));
    };
    let d = Diagnostic::error("toml-syntax", text).at(path, span, label);
    match help {
        Some(help) => d.with_help(help),
        None => d,
    }
}

/// The field a value belongs to, as a message: `` `students` ``, or "this value" when its key
/// is not on the value's line (an item of a list written over several lines).
fn field_at(text: &str, span: &Range<usize>) -> Msg {
    let start = span.start.min(text.len());
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..start).unwrap_or_default();
    let value = text.get(span.clone()).unwrap_or_default();
    let key = match before.rfind('=') {
        Some(eq) => before[..eq]
            .rsplit(['{', ','])
            .next()
            .unwrap_or_default()
            .trim(),
        // A table header (`[[figures]]` where a table belongs).
        None if before.trim().is_empty() && value.starts_with('[') => {
            value.trim_matches(['[', ']']).trim()
        }
        None => "",
    };
    let key = key.trim_matches(['"', '\'']);
    if key.is_empty() {
        msg!("content-this-value")
    } else {
        msg!("content-field", name = key)
    }
}

/// `12.345` or `1 234 567`: digits in groups of three after the first, as a Dutch writer groups
/// thousands. The digits alone (`12345`), or `None` for anything else.
fn grouped_digits(value: &str) -> Option<String> {
    let groups: Vec<&str> = value.split(['.', ' ', '\u{a0}']).collect();
    let [first, rest @ ..] = groups.as_slice() else {
        return None;
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let ok = !rest.is_empty()
        && (1..=3).contains(&first.len())
        && digits(first)
        && rest.iter().all(|g| g.len() == 3 && digits(g));
    ok.then(|| groups.concat())
}

/// Whether a value's text is a TOML date or time (`2026-11-28`, `10:00:00`).
fn looks_like_date(value: &str) -> bool {
    value.starts_with(|c: char| c.is_ascii_digit()) && (value.contains('-') || value.contains(':'))
}

/// The first line of a span, so a table-wide error underlines one line.
fn first_line(text: &str, span: Range<usize>) -> Range<usize> {
    let start = span.start.min(text.len());
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end.min(span.end.max(start))
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn parse_unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((field.to_string(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::RawRegion;
    use crate::i18n::{Lang, texts};

    fn diagnose(text: &str) -> Diagnostic {
        let err = toml::from_str::<RawRegion>(text).unwrap_err();
        toml_diagnostic(Path::new("r.toml"), text, &err)
    }

    const HEAD: &str = "id = \"x\"\nname = \"X\"\nsectors = [\"po\"]\n[figures]\n";

    #[test]
    fn unknown_field_message_is_parsed() {
        let (field, expected) = parse_unknown_field(
            "unknown field `municiplaities`, expected one of `id`, `name`, `municipalities`",
        )
        .unwrap();
        assert_eq!(field, "municiplaities");
        assert_eq!(expected, ["id", "name", "municipalities"]);
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let text = "id = \"x\"\nname = \"X\"\nsectors = [\"po\"]\nmuniciplaities = []\n[figures]\n";
        let d = diagnose(text);
        assert_eq!(d.code, "unknown-field");
        assert_eq!(texts(&d.help, Lang::En), ["did you mean `municipalities`?"]);
        assert_eq!(texts(&d.help, Lang::Nl), ["bedoelde u `municipalities`?"]);
        assert_eq!(&text[d.span.unwrap()], "municiplaities");
    }

    #[test]
    fn missing_field_is_reported() {
        let d = diagnose("id = \"x\"\nsectors = [\"po\"]\n[figures]\n");
        assert_eq!(d.code, "missing-field");
        assert_eq!(d.message.text(Lang::En), "missing field `name`");
        assert_eq!(d.message.text(Lang::Nl), "veld `name` ontbreekt");
    }

    #[test]
    fn wrong_type_is_said_in_our_words() {
        let text = format!("{HEAD}students = \"veel\"\n");
        let d = diagnose(&text);
        assert_eq!(d.code, "wrong-type");
        assert_eq!(&text[d.span.clone().unwrap()], "\"veel\"");
        assert_eq!(
            d.message.text(Lang::En),
            "`students` must be a whole number, not text"
        );
        assert_eq!(
            d.message.text(Lang::Nl),
            "`students` moet een geheel getal zijn, geen tekst"
        );
        assert_eq!(
            d.label.text(Lang::En),
            "expected a whole number, without quotes"
        );
        assert!(d.notes.is_empty(), "serde's words are not shown");
        let d = diagnose("id = \"x\"\nname = \"X\"\nsectors = \"po\"\n[figures]\n");
        assert_eq!(
            d.message.text(Lang::En),
            "`sectors` must be a list, not text"
        );
        let d = diagnose("id = \"x\"\nname = 3\nsectors = [\"po\"]\n[figures]\n");
        assert_eq!(
            d.message.text(Lang::Nl),
            "`name` moet tekst zijn, geen getal"
        );
        let d = diagnose("id = \"x\"\nname = \"X\"\nsectors = [\"po\"]\n[[figures]]\n");
        assert_eq!(
            d.message.text(Lang::En),
            "`figures` must be a table, not a list"
        );
        let d = diagnose(&format!("{HEAD}students = 2026-01-01\n"));
        assert_eq!(
            d.message.text(Lang::En),
            "`students` must be a whole number, not a date"
        );
    }

    #[test]
    fn a_dutch_thousands_separator_gets_help() {
        let d = diagnose(&format!("{HEAD}students = 12.345\n"));
        assert_eq!(
            d.message.text(Lang::Nl),
            "`students` moet een geheel getal zijn, geen kommagetal"
        );
        assert_eq!(
            texts(&d.help, Lang::Nl),
            ["schrijf een geheel getal zonder scheidingsteken voor duizendtallen: 12345"]
        );
        let d = diagnose(&format!("{HEAD}students = \"1.234.567\"\n"));
        assert_eq!(
            texts(&d.help, Lang::En),
            ["a whole number has no thousands separator: write 1234567"]
        );
        let d = diagnose(&format!("{HEAD}students = 1.5\n"));
        assert!(d.help.is_empty());
        let d = diagnose(&format!("{HEAD}students = 99999999999999999999\n"));
        assert_eq!(d.message.text(Lang::En), "`students` is too large");
    }

    #[test]
    fn syntax_errors_are_said_in_our_words() {
        for (text, en, nl) in [
            (
                "id = \"x\nname = 3\n",
                "a text is not closed",
                "een tekst is niet afgesloten",
            ),
            (
                "id = \"x\"\nname \"X\"\n",
                "a field name is not followed by `=`",
                "na een veldnaam ontbreekt `=`",
            ),
            (
                "id = \"x\"\nname = X\n",
                "text must be in quotes",
                "tekst hoort tussen aanhalingstekens",
            ),
            (
                "id = \"x\"\nsectors = [\"po\"\n",
                "a list is not closed",
                "een lijst is niet afgesloten",
            ),
            (
                "id = \"x\"\n[figures\n",
                "a table header is not closed",
                "een tabelkop is niet afgesloten",
            ),
            (
                "id = \"x\"\nname = \"X\" y\n",
                "something follows the value on the same line",
                "na de waarde staat nog iets op dezelfde regel",
            ),
            (
                "id = \"x\"\nname = \"a\\qb\"\n",
                "unknown escape after a backslash in a text",
                "onbekende combinatie met een backslash in een tekst",
            ),
            (
                "id = \"x\"\nname = \"X\"\nname = \"Y\"\n",
                "`name` is defined twice",
                "`name` staat twee keer in het bestand",
            ),
        ] {
            let d = diagnose(text);
            assert!(d.span.is_some(), "{text}");
            assert_eq!(d.message.text(Lang::En), en, "{text}");
            assert_eq!(d.message.text(Lang::Nl), nl, "{text}");
            assert!(d.notes.is_empty(), "{text}: {:?}", d.notes);
        }
        assert_eq!(diagnose("id = \"x\nname = 3\n").code, "toml-syntax");
    }

    #[test]
    fn io_errors_are_reworded() {
        let err = io::Error::new(io::ErrorKind::NotFound, "deleted");
        assert_eq!(io_reason(&err).text(Lang::Nl), "bestand niet gevonden");
        assert_eq!(io_note(&err), None);
        let err = io::Error::other("disk on fire");
        assert_eq!(
            io_note(&err).map(|m| m.text(Lang::Nl)).as_deref(),
            Some("disk on fire")
        );
    }
}
