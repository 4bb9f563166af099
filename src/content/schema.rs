//! Stage 1 (load): the content format described once, as data.
//!
//! Every kind of content file (the publication, regions, cases, themes) and every field in it,
//! with its Dutch label and help, whether it is required, and which widget edits it. The
//! editor's forms are generated from this description (`GET /api/content/schema`), the editor
//! saves by walking it, and a test holds it against the raw structs that `load` deserialises
//! (`raw.rs`, `deny_unknown_fields`) and against `docs/content-format.md`, so a field added to
//! the format cannot be missing from the form or the documentation.

use serde::Serialize;

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Widget {
    /// One line of plain text.
    Text,
    /// Several lines of plain text.
    Textarea,
    /// Rich text: the light Markdown `richtext` accepts.
    Markdown,
    /// A whole number.
    Integer,
    /// A TOML date (`2026-11-28`), as a string in JSON.
    Date,
    /// A list of plain strings.
    List,
    /// One id out of a list of choices (`Field::choices`).
    Select,
    /// Education sectors (`po`, `vo`, `mbo`), as check boxes.
    Sectors,
    /// Official municipality names.
    Municipalities,
    /// Official province names.
    Provinces,
    /// Whole numbers keyed by the publication's key-figure ids.
    Figures,
    /// A nested table (`Field::fields`).
    Table,
    /// An array of tables (`Field::fields` each).
    Tables,
    /// An image: a path under the project, alternative text and credit.
    Image,
}

/// One field of a content file.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    /// The TOML key (kebab-case).
    pub key: &'static str,
    /// Dutch label in the form.
    pub label: &'static str,
    /// Dutch help under the field.
    pub help: &'static str,
    /// How it is edited.
    pub widget: Widget,
    /// Whether the file must have it.
    pub required: bool,
    /// For [`Widget::Select`]: which list of choices (`regions`, `themes`, `sectors`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<&'static str>,
    /// For [`Widget::Table`], [`Widget::Tables`] and [`Widget::Image`]: the fields inside.
    #[serde(skip_serializing_if = "<[Field]>::is_empty")]
    pub fields: &'static [Field],
}

/// A kind of content file.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Kind {
    /// The name in URLs (`regions`); `publication` for the one publication file.
    pub name: &'static str,
    /// Dutch name of one such file (`Regio`).
    pub label: &'static str,
    /// Folder of its files (`content/regions`); `None` for the publication.
    #[serde(skip)]
    pub dir: Option<&'static str>,
    /// Its fields, in the order the shipped files have them.
    pub fields: &'static [Field],
}

impl Kind {
    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

const fn field(key: &'static str, label: &'static str, widget: Widget) -> Field {
    Field {
        key,
        label,
        help: "",
        widget,
        required: false,
        choices: None,
        fields: &[],
    }
}

impl Field {
    const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    const fn help(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }
    const fn choices(mut self, choices: &'static str) -> Self {
        self.choices = Some(choices);
        self
    }
    const fn fields(mut self, fields: &'static [Field]) -> Self {
        self.fields = fields;
        self
    }
}

use Widget::*;

const IMAGE: &[Field] = &[
    field("path", "Bestand", Text)
        .required()
        .help("Een PNG- of JPEG-bestand onder content/images/."),
    field("alt", "Alternatieve tekst", Text)
        .required()
        .help("Wat er op de afbeelding te zien is, voor wie hem niet kan zien."),
    field("credit", "Fotograaf of rechthebbende", Text),
];

const PILLAR: &[Field] = &[
    field("letter", "Letter", Text).required(),
    field("title", "Titel", Text).required(),
    field("text", "Toelichting", Markdown),
];

const ABC: &[Field] = &[
    field("title", "Titel", Text).required(),
    field("lede", "Inleidende zin", Text).required(),
    field("body", "Tekst", Markdown),
    field("pillars", "Pijlers", Tables)
        .required()
        .help("De vier pijlers, in volgorde.")
        .fields(PILLAR),
];

const KEY_FIGURE: &[Field] = &[
    field("id", "Code", Text)
        .required()
        .help("De naam onder [figures] in elk regiobestand."),
    field("label", "Korte naam", Text)
        .required()
        .help("Onder het getal."),
    field("description", "Omschrijving", Text).required(),
    field("sector", "Sector", Select).choices("sectors"),
];

const SOURCE: &[Field] = &[
    field("title", "Titel", Text).required(),
    field("publisher", "Uitgever", Text),
    field("url", "Adres", Text).help("Een volledig adres: https://… of mailto:…"),
    field("note", "Opmerking", Text),
];

const PRINT: &[Field] = &[
    field("profile", "ICC-profiel", Text).help("Pad van het uitvoerprofiel van de drukker."),
    field("condition", "Drukconditie", Text).help("Bijvoorbeeld FOGRA39."),
    field("condition-name", "Drukconditie in woorden", Text),
    field("registry", "Register", Text),
    field("max-coverage", "Maximale inktdekking (%)", Integer),
];

const PUBLICATION: &[Field] = &[
    field("title", "Titel", Text).required(),
    field("lede", "Inleiding op de omslag", Markdown).required(),
    field("year", "Jaar", Integer).required(),
    field("date", "Publicatiedatum", Date)
        .required()
        .help("Ook de datum in de PDF's."),
    field("author", "Auteur", Text)
        .required()
        .help("Voor de gegevens van de PDF."),
    field("subject", "Onderwerp", Text)
        .required()
        .help("Eén zin, voor de gegevens van de PDF."),
    field("keywords", "Trefwoorden", List),
    field("intro", "Inleiding", Markdown).required(),
    field("colophon", "Colofon", Markdown).required(),
    field("abc", "Het ABC", Table).required().fields(ABC),
    field("key-figures", "Kerncijfers", Tables)
        .required()
        .help("De kerncijfers die elke regio heeft, in volgorde.")
        .fields(KEY_FIGURE),
    field("sources", "Bronnen", Tables).fields(SOURCE),
    field("cover-image", "Omslagafbeelding", Image).fields(IMAGE),
    field("print", "Drukconditie", Table)
        .help("Voor de drukeditie; zonder deze gegevens geldt FOGRA39.")
        .fields(PRINT),
];

const ALLOW: &[Field] = &[
    field("lint", "Waarschuwing", Select)
        .required()
        .choices("lints"),
    field("reason", "Reden", Text)
        .required()
        .help("Waarom deze waarschuwing terecht genegeerd wordt."),
];

const REGION: &[Field] = &[
    field("id", "Code", Text)
        .required()
        .help("Kleine letters, cijfers en streepjes; verandert niet meer."),
    field("name", "Naam", Text)
        .required()
        .help("Precies zoals gepubliceerd."),
    field("subtitle", "Ondertitel", Text).help("Een regel onder de naam, zoals gepubliceerd."),
    field("sectors", "Sectoren", Sectors).required(),
    field("municipalities", "Gemeenten", Municipalities).help("Officiële namen uit de CBS-lijst."),
    field("provinces", "Provincies", Provinces)
        .help("Alleen voor een regio die uit hele provincies bestaat."),
    field("figures", "Kerncijfers", Figures).required(),
    field("allow", "Geaccepteerde waarschuwingen", Tables)
        .help("Een waarschuwing die klopt maar terecht is, met de reden.")
        .fields(ALLOW),
    field("image", "Afbeelding", Image).fields(IMAGE),
];

const CASE: &[Field] = &[
    field("id", "Code", Text)
        .required()
        .help("Kleine letters, cijfers en streepjes; verandert niet meer."),
    field("kind", "Soort", Select)
        .required()
        .choices("case_kinds")
        .help("Een casus staat in het hoofdstuk van het thema, een verhaal op de regiopagina."),
    field("theme", "Thema", Select).required().choices("themes"),
    field("region", "Regio", Select)
        .required()
        .choices("regions"),
    field("title", "Titel", Text).required(),
    field("summary", "Samenvatting", Textarea)
        .required()
        .help("Eén zin, voor factsheets en regiopagina's."),
    field("body", "Verhaal", Markdown).required(),
    field("image", "Afbeelding", Image).fields(IMAGE),
];

const LEARNING: &[Field] = &[
    field("title", "Titel", Text).required(),
    field("text", "Toelichting", Markdown).required(),
];

const THEME: &[Field] = &[
    field("id", "Code", Text)
        .required()
        .help("Kleine letters, cijfers en streepjes; verandert niet meer."),
    field("short-title", "Korte titel", Text)
        .required()
        .help("In de inhoudsopgave en de kopregel."),
    field("title", "Titel", Text).required(),
    field("lede", "Inleidende zin", Text).required(),
    field("body", "Tekst", Markdown).required(),
    field("learnings-title", "Kop boven de lessen", Text),
    field("learnings", "Lessen", Tables).fields(LEARNING),
];

/// Every kind of content file.
pub const KINDS: [Kind; 4] = [
    Kind {
        name: "publication",
        label: "Publicatie",
        dir: None,
        fields: PUBLICATION,
    },
    Kind {
        name: "regions",
        label: "Regio",
        dir: Some("content/regions"),
        fields: REGION,
    },
    Kind {
        name: "cases",
        label: "Casus",
        dir: Some("content/cases"),
        fields: CASE,
    },
    Kind {
        name: "themes",
        label: "Thema",
        dir: Some("content/themes"),
        fields: THEME,
    },
];

/// The kind with this URL name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::*;
    use serde::de::DeserializeOwned;

    /// The keys serde accepts for `T`, read from its "unknown field" error.
    fn accepted<T: DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let err = toml::from_str::<T>("zz-not-a-field = 1").unwrap_err();
        let message = err.message().to_string();
        let rest = message
            .split_once("expected ")
            .unwrap_or_else(|| panic!("{message}"))
            .1;
        let mut keys: Vec<String> = rest
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        keys.sort();
        keys
    }

    fn keys(fields: &[Field]) -> Vec<String> {
        let mut keys: Vec<String> = fields.iter().map(|f| f.key.to_string()).collect();
        keys.sort();
        keys
    }

    fn sub(fields: &'static [Field], key: &str) -> &'static [Field] {
        fields.iter().find(|f| f.key == key).unwrap().fields
    }

    /// The description names exactly the fields the loader accepts, table by table.
    #[test]
    fn schema_matches_the_raw_structs() {
        let p = kind("publication").unwrap().fields;
        assert_eq!(keys(p), accepted::<RawPublication>());
        assert_eq!(keys(sub(p, "abc")), accepted::<RawAbc>());
        assert_eq!(keys(sub(sub(p, "abc"), "pillars")), accepted::<RawPillar>());
        assert_eq!(keys(sub(p, "key-figures")), accepted::<RawKeyFigure>());
        assert_eq!(keys(sub(p, "sources")), accepted::<RawSource>());
        assert_eq!(keys(sub(p, "cover-image")), accepted::<RawImage>());
        assert_eq!(keys(sub(p, "print")), accepted::<RawPrint>());
        let r = kind("regions").unwrap().fields;
        assert_eq!(keys(r), accepted::<RawRegion>());
        assert_eq!(keys(sub(r, "allow")), accepted::<RawAllow>());
        assert_eq!(keys(sub(r, "image")), accepted::<RawImage>());
        let c = kind("cases").unwrap().fields;
        assert_eq!(keys(c), accepted::<RawCase>());
        let t = kind("themes").unwrap().fields;
        assert_eq!(keys(t), accepted::<RawTheme>());
        assert_eq!(keys(sub(t, "learnings")), accepted::<RawLearning>());
    }

    /// Every field is documented in docs/content-format.md.
    #[test]
    fn every_field_is_documented() {
        let doc = include_str!("../../docs/content-format.md");
        fn walk(fields: &[Field], doc: &str, path: &str) {
            for f in fields {
                assert!(
                    doc.contains(&format!("{} =", f.key))
                        || doc.contains(&format!("[{}]", f.key))
                        || doc.contains(&format!("[[{}]]", f.key))
                        || doc.contains(&format!(".{}]]", f.key))
                        || doc.contains(&format!("`{}`", f.key)),
                    "{path}{} is not in docs/content-format.md",
                    f.key
                );
                walk(f.fields, doc, &format!("{path}{}.", f.key));
            }
        }
        for kind in KINDS {
            walk(kind.fields, doc, &format!("{}: ", kind.name));
        }
    }

    /// Every table-like widget has fields, and only those.
    #[test]
    fn nested_widgets_have_fields() {
        fn walk(fields: &[Field]) {
            for f in fields {
                let nested = matches!(f.widget, Table | Tables | Image);
                assert_eq!(nested, !f.fields.is_empty(), "{}", f.key);
                assert_eq!(f.widget == Select, f.choices.is_some(), "{}", f.key);
                walk(f.fields);
            }
        }
        for kind in KINDS {
            walk(kind.fields);
        }
    }
}
