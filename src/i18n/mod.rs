//! Every text a user reads, in their language.
//!
//! drukwerk speaks Dutch and English. Each text is a message in a Fluent catalogue
//! (`src/i18n/{nl,en}/*.ftl`, embedded in the binary), named by an id and filled with
//! arguments. Code never builds a sentence itself: it makes a [`Msg`] (`msg!("unknown-municipality",
//! name = "Zwole")`) and the text is made when it is shown, in the language of whoever reads
//! it ([`Msg::text`]). So one check run in `serve` can be shown in Dutch to one browser and in
//! English to another, and `--format json` follows `--lang` too.
//!
//! The language: `--lang`, else `DRUKWERK_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`), else English ([`Lang::detect`]); `serve` picks it per request from `Accept-Language`
//! ([`Lang::from_accept_language`]).
//!
//! Numbers in messages follow the language (`16.635` and `12,5` in Dutch, `16,635` and `12.5`
//! in English), plurals follow Fluent's rules (`1 pagina`, `86 pagina's`), lists are joined the
//! language's way (`a, b en c`). Error codes (`unknown-municipality`) are the same in both.
//!
//! The only text that is not a catalogue message is [`Msg::verbatim`]: words that are not ours to
//! translate (Typst's own error messages, a file name, the user's own text).

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language drukwerk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Dutch: the language of the people who use drukwerk.
    Nl,
    /// English: the fallback when the locale asks for neither.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Dutch first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language tag (`nl`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads a language from `--lang`, `DRUKWERK_LANG` or a locale (`nl`, `nl_NL.UTF-8`,
    /// `en-GB`, `NL`). `None` for anything that is neither.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        let primary = value.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match primary {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for a command line: `--lang` when given, else `DRUKWERK_LANG`, else the
    /// locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the first one set decides; `nl…` is
    /// Dutch), else English.
    pub fn detect(explicit: Option<Lang>) -> Lang {
        Self::detect_with(explicit, |name| std::env::var(name).ok())
    }

    /// [`Lang::detect`] with the environment given (for tests).
    pub fn detect_with(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        if let Some(lang) = env("DRUKWERK_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        // POSIX: the first of these that is set and not empty is the locale of messages.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = env(name).filter(|v| !v.is_empty()) {
                return if Lang::parse(&value) == Some(Lang::Nl) {
                    Lang::Nl
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// The language for a browser, from its `Accept-Language` header: Dutch unless the browser
    /// prefers English to Dutch (`en-GB,en;q=0.9` or `en, nl;q=0.5`: English; `nl`, `de`, none,
    /// or `nl;q=0.8, en;q=0.8`: Dutch).
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Lang::Nl;
        };
        let (mut nl, mut en) = (None::<f32>, None::<f32>);
        for item in header.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let slot = match Lang::parse(tag) {
                Some(Lang::Nl) => &mut nl,
                Some(Lang::En) => &mut en,
                None => continue,
            };
            *slot = Some(slot.map_or(q, |old: f32| old.max(q)));
        }
        match (nl, en) {
            (_, Some(en)) if en > 0.0 && nl.is_none_or(|nl| en > nl) => Lang::En,
            _ => Lang::Nl,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A text to show a user: a catalogue message with its arguments, made into words only when
/// shown ([`Msg::text`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Msg(Inner);

#[derive(Debug, Clone, PartialEq)]
enum Inner {
    /// A catalogue message (`id` or `id.attribute`) and its arguments.
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Words that are not ours (Typst's message, the user's own text): the same in every
    /// language.
    Verbatim(String),
}

impl Eq for Msg {}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is (a name, a file, a field).
    Str(String),
    /// A whole number: grouped the language's way, and it chooses plurals.
    Int(i64),
    /// A number with this many decimals, with the language's decimal sign.
    Dec(f64, u8),
    /// Names joined the language's way: `a, b en c`.
    List(Vec<String>),
    /// A message of its own, shown in the same language.
    Msg(Box<Msg>),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Str(value.to_string())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Str(value)
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Str(value.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(value: Cow<'_, str>) -> Self {
        Arg::Str(value.into_owned())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(value: &std::path::Path) -> Self {
        Arg::Str(crate::diagnostics::display_path(value))
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(value: &std::path::PathBuf) -> Self {
        Arg::Str(crate::diagnostics::display_path(value))
    }
}
impl From<char> for Arg {
    fn from(value: char) -> Self {
        Arg::Str(value.to_string())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(value: &$t) -> Self {
                Arg::from(*value)
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);
impl From<&Msg> for Arg {
    fn from(value: &Msg) -> Self {
        Arg::Msg(Box::new(value.clone()))
    }
}
impl From<Msg> for Arg {
    fn from(value: Msg) -> Self {
        Arg::Msg(Box::new(value))
    }
}
impl<S: AsRef<str>> From<&[S]> for Arg {
    fn from(value: &[S]) -> Self {
        Arg::List(value.iter().map(|s| s.as_ref().to_string()).collect())
    }
}
impl<S: AsRef<str>> From<&Vec<S>> for Arg {
    fn from(value: &Vec<S>) -> Self {
        Arg::from(value.as_slice())
    }
}
impl<S: AsRef<str>> From<Vec<S>> for Arg {
    fn from(value: Vec<S>) -> Self {
        Arg::from(value.as_slice())
    }
}

/// A catalogue message with named arguments: `msg!("unknown-municipality", name = name)`.
/// The id is a string literal (a test finds every id the code uses in the catalogues); an
/// attribute is named `id.attribute`. Variables are snake_case (`$first_page` in the catalogue).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id, vec![$((stringify!($key), $crate::i18n::Arg::from($value))),*])
    };
}

impl Msg {
    /// A catalogue message; prefer [`msg!`], which checks that the id is a literal.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Msg(Inner::Message { id, args })
    }

    /// Words shown as they are in every language: Typst's own messages, the user's own text.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Msg(Inner::Verbatim(text.into()))
    }

    /// Nothing: an empty text (a diagnostic without a label).
    pub fn empty() -> Self {
        Msg::verbatim(String::new())
    }

    /// Whether this is the empty text.
    pub fn is_empty(&self) -> bool {
        matches!(&self.0, Inner::Verbatim(text) if text.is_empty())
    }

    /// The message's id, when it is a catalogue message.
    pub fn id(&self) -> Option<&'static str> {
        match &self.0 {
            Inner::Message { id, .. } => Some(id),
            Inner::Verbatim(_) => None,
        }
    }

    /// The text in a language.
    pub fn text(&self, lang: Lang) -> String {
        match &self.0 {
            Inner::Verbatim(text) => text.clone(),
            Inner::Message { id, args } => format(lang, id, args),
        }
    }
}

/// The text of a message without arguments: `i18n::text(lang, "summary-ok")`.
pub fn text(lang: Lang, id: &'static str) -> String {
    format(lang, id, &[])
}

/// The text of a message without arguments whose id is made at run time (the command-line help
/// derives its ids from clap's tree of commands), or `None` when the catalogue lacks it.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    try_format(lang, id, &[])
}

/// The texts of several messages in a language.
pub fn texts(msgs: &[Msg], lang: Lang) -> Vec<String> {
    msgs.iter().map(|m| m.text(lang)).collect()
}

// ---------------------------------------------------------------------------------------------
// Catalogues

/// The catalogue files of each language, in the order they are added. Every language has the
/// same files with the same message ids (a test holds them to it).
macro_rules! catalogue {
    ($lang:literal: $($file:literal),*) => {
        &[$(($file, include_str!(concat!($lang, "/", $file)))),*]
    };
}

/// The files of one language: (file name, text).
type Files = &'static [(&'static str, &'static str)];

const NL: Files = catalogue!("nl": "common.ftl", "content.ftl", "validate.ftl", "render.ftl", "cli.ftl", "figures.ftl", "preflight.ftl", "serve.ftl");
const EN: Files = catalogue!("en": "common.ftl", "content.ftl", "validate.ftl", "render.ftl", "cli.ftl", "figures.ftl", "preflight.ftl", "serve.ftl");

fn files(lang: Lang) -> Files {
    match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make_bundle(Lang::Nl), make_bundle(Lang::En)]);
    match lang {
        Lang::Nl => &bundles[0],
        Lang::En => &bundles[1],
    }
}

fn make_bundle(lang: Lang) -> Bundle {
    let tag = lang.tag().parse().expect("nl and en are language tags");
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around arguments: terminals and snapshots show them as noise.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Nl => format_value_nl,
        Lang::En => format_value_en,
    }));
    for (name, text) in files(lang) {
        // The catalogues are part of the binary and tested; a broken one is a build defect.
        let resource = FluentResource::try_new((*text).to_string())
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{name}: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{lang}/{name}: {errors:?}"));
    }
    bundle
}

fn format_value_nl<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Lang::Nl)
}

fn format_value_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Lang::En)
}

fn format_number(value: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimals = number.options.minimum_fraction_digits.unwrap_or(0);
    Some(decimal(number.value, decimals as u8, lang))
}

fn format(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    // Tests hold every id the code uses to the catalogues; should one slip through, the user
    // sees its id, which the docs can be searched for, and never a panic.
    try_format(lang, id, args).unwrap_or_else(|| id.to_string())
}

/// The text of message `id` (`name` or `name.attribute`), or `None` when the catalogue lacks it.
fn try_format(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (key, arg) in args {
        let value: FluentValue = match arg {
            Arg::Str(text) => FluentValue::from(text.clone()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Dec(n, decimals) => {
                let mut number = FluentNumber::from(*n);
                number.options.minimum_fraction_digits = Some(usize::from(*decimals));
                number.options.maximum_fraction_digits = Some(usize::from(*decimals));
                FluentValue::Number(number)
            }
            Arg::List(items) => FluentValue::from(list(items, lang)),
            Arg::Msg(msg) => FluentValue::from(msg.text(lang)),
        };
        fluent_args.set(*key, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

// ---------------------------------------------------------------------------------------------
// Numbers, lists and dates the language's way

/// A whole number grouped the language's way: `144.052` (nl), `144,052` (en).
pub fn number(value: i64, lang: Lang) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number with `decimals` decimals, grouped, with the language's decimal sign: `1.234,5`
/// (nl), `1,234.5` (en).
pub fn decimal(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", usize::from(decimals), value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    let grouped = number(whole, lang);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        let point = match lang {
            Lang::Nl => ',',
            Lang::En => '.',
        };
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// Names joined the language's way: `a, b en c` (nl), `a, b and c` (en).
pub fn list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", init.join(", "), last.as_ref())
        }
    }
}

/// A date the language's way: `28 november 2026` (nl), `28 November 2026` (en).
pub fn date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const NL_MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Lang::Nl => NL_MONTHS,
        Lang::En => EN_MONTHS,
    };
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests;
