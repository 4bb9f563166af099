//! Stage 1 (load): the content format described once, as data.
//!
//! Every kind of content file (the publication, regions, cases, themes) and every field in it,
//! with its label and help (catalogue messages, `schema-…` in `i18n/{nl,en}/serve.ftl`, so the
//! form speaks the reader's language), whether it is required, and which widget edits it. The
//! editor's forms are generated from this description (`GET /api/content/schema`, made by
//! [`Kind::json`] in the request's language), the editor saves by walking it, and tests hold it
//! against the raw structs that `load` deserialises (`raw.rs`, `deny_unknown_fields`), against
//! `docs/content-format.md` and against both catalogues, so a field added to the format cannot
//! be missing from the form, the documentation or either language.

use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::i18n::{Lang, Msg};

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
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The TOML key (kebab-case).
    pub key: &'static str,
    /// The catalogue message of its label in the form (`schema-region-name`).
    pub label: &'static str,
    /// The catalogue message of its help under the field, when it has any: the label's
    /// `.help` attribute (`schema-region-name.help`).
    pub help: Option<&'static str>,
    /// How it is edited.
    pub widget: Widget,
    /// Whether the file must have it.
    pub required: bool,
    /// For [`Widget::Select`]: which list of choices (`regions`, `themes`, `sectors`, …).
    pub choices: Option<&'static str>,
    /// For [`Widget::Table`], [`Widget::Tables`] and [`Widget::Image`]: the fields inside.
    pub fields: &'static [Field],
}

/// A kind of content file.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The name in URLs (`regions`); `publication` for the one publication file.
    pub name: &'static str,
    /// The catalogue message naming one such file (`schema-kind-regions`: `Regio`), with
    /// `.plural`, `.new` and `.edit` attributes.
    pub label: &'static str,
    /// Folder of its files (`content/regions`); `None` for the publication.
    pub dir: Option<&'static str>,
    /// Its fields, in the order the shipped files have them.
    pub fields: &'static [Field],
}

impl Kind {
    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The kind as the editor's forms read it (`label`, `fields`), in `lang`.
    pub fn json(&self, lang: Lang) -> Json {
        json!({
            "label": text(self.label, lang),
            "fields": self.fields.iter().map(|f| f.json(lang)).collect::<Vec<_>>(),
        })
    }
}

impl Field {
    /// The field as the editor's forms read it (`key`, `label`, `help`, `widget`, `required`,
    /// and `choices` and `fields` when it has them), in `lang`.
    pub fn json(&self, lang: Lang) -> Json {
        let help = self.help.map(|id| text(id, lang)).unwrap_or_default();
        let mut out = json!({
            "key": self.key,
            "label": text(self.label, lang),
            "help": help,
            "widget": self.widget,
            "required": self.required,
        });
        if let Some(choices) = self.choices {
            out["choices"] = json!(choices);
        }
        if !self.fields.is_empty() {
            out["fields"] = json!(self.fields.iter().map(|f| f.json(lang)).collect::<Vec<_>>());
        }
        out
    }
}

/// The text of a schema message. The ids are data here (one per field), not literals at a
/// call site; the tests below hold every one of them to both catalogues.
fn text(id: &'static str, lang: Lang) -> String {
    Msg::new(id, Vec::new()).text(lang)
}

const fn field(key: &'static str, label: &'static str, widget: Widget) -> Field {
    Field {
        key,
        label,
        help: None,
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
    /// The field's help: the `.help` attribute of its label's message.
    const fn help(mut self, help: &'static str) -> Self {
        self.help = Some(help);
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
    field("path", "schema-image-path", Text)
        .required()
        .help("schema-image-path.help"),
    field("alt", "schema-image-alt", Text)
        .required()
        .help("schema-image-alt.help"),
    field("credit", "schema-image-credit", Text),
];

const PILLAR: &[Field] = &[
    field("letter", "schema-pillar-letter", Text).required(),
    field("title", "schema-pillar-title", Text).required(),
    field("text", "schema-pillar-text", Markdown),
];

const ABC: &[Field] = &[
    field("title", "schema-abc-title", Text).required(),
    field("lede", "schema-abc-lede", Text).required(),
    field("body", "schema-abc-body", Markdown),
    field("pillars", "schema-abc-pillars", Tables)
        .required()
        .help("schema-abc-pillars.help")
        .fields(PILLAR),
];

const KEY_FIGURE: &[Field] = &[
    field("id", "schema-key-figure-id", Text)
        .required()
        .help("schema-key-figure-id.help"),
    field("label", "schema-key-figure-label", Text)
        .required()
        .help("schema-key-figure-label.help"),
    field("description", "schema-key-figure-description", Text).required(),
    field("sector", "schema-key-figure-sector", Select).choices("sectors"),
];

const SOURCE: &[Field] = &[
    field("title", "schema-source-title", Text).required(),
    field("publisher", "schema-source-publisher", Text),
    field("url", "schema-source-url", Text).help("schema-source-url.help"),
    field("note", "schema-source-note", Text),
];

const PRINT: &[Field] = &[
    field("profile", "schema-print-profile", Text).help("schema-print-profile.help"),
    field("condition", "schema-print-condition", Text).help("schema-print-condition.help"),
    field("condition-name", "schema-print-condition-name", Text),
    field("registry", "schema-print-registry", Text),
    field("max-coverage", "schema-print-max-coverage", Integer),
];

const GEOGRAPHY: &[Field] = &[
    field("year", "schema-geography-year", Integer)
        .required()
        .help("schema-geography-year.help"),
    field(
        "municipality-list",
        "schema-geography-municipality-list",
        Text,
    )
    .required(),
    field(
        "municipality-boundaries",
        "schema-geography-municipality-boundaries",
        Text,
    ),
    field(
        "province-boundaries",
        "schema-geography-province-boundaries",
        Text,
    ),
    field("attribution", "schema-geography-attribution", Text)
        .help("schema-geography-attribution.help"),
];

const PUBLICATION: &[Field] = &[
    field("title", "schema-publication-title", Text).required(),
    field("lede", "schema-publication-lede", Markdown).required(),
    field("year", "schema-publication-year", Integer).required(),
    field("date", "schema-publication-date", Date)
        .required()
        .help("schema-publication-date.help"),
    field("author", "schema-publication-author", Text)
        .required()
        .help("schema-publication-author.help"),
    field("subject", "schema-publication-subject", Text)
        .required()
        .help("schema-publication-subject.help"),
    field("keywords", "schema-publication-keywords", List),
    field("intro", "schema-publication-intro", Markdown).required(),
    field("colophon", "schema-publication-colophon", Markdown).required(),
    field("geography", "schema-publication-geography", Table)
        .required()
        .help("schema-publication-geography.help")
        .fields(GEOGRAPHY),
    field("abc", "schema-publication-abc", Table)
        .required()
        .fields(ABC),
    field("key-figures", "schema-publication-key-figures", Tables)
        .required()
        .help("schema-publication-key-figures.help")
        .fields(KEY_FIGURE),
    field("sources", "schema-publication-sources", Tables).fields(SOURCE),
    field("cover-image", "schema-publication-cover-image", Image).fields(IMAGE),
    field("print", "schema-publication-print", Table)
        .help("schema-publication-print.help")
        .fields(PRINT),
];

const ALLOW: &[Field] = &[
    field("lint", "schema-allow-lint", Select)
        .required()
        .choices("lints"),
    field("reason", "schema-allow-reason", Text)
        .required()
        .help("schema-allow-reason.help"),
];

const REGION: &[Field] = &[
    field("id", "schema-region-id", Text)
        .required()
        .help("schema-region-id.help"),
    field("name", "schema-region-name", Text)
        .required()
        .help("schema-region-name.help"),
    field("subtitle", "schema-region-subtitle", Text).help("schema-region-subtitle.help"),
    field("sectors", "schema-region-sectors", Sectors).required(),
    field(
        "municipalities",
        "schema-region-municipalities",
        Municipalities,
    )
    .help("schema-region-municipalities.help"),
    field("provinces", "schema-region-provinces", Provinces).help("schema-region-provinces.help"),
    field("figures", "schema-region-figures", Figures).required(),
    field("allow", "schema-region-allow", Tables)
        .help("schema-region-allow.help")
        .fields(ALLOW),
    field("image", "schema-region-image", Image).fields(IMAGE),
];

const CASE: &[Field] = &[
    field("id", "schema-case-id", Text)
        .required()
        .help("schema-case-id.help"),
    field("kind", "schema-case-kind", Select)
        .required()
        .choices("case_kinds")
        .help("schema-case-kind.help"),
    field("theme", "schema-case-theme", Select)
        .required()
        .choices("themes"),
    field("region", "schema-case-region", Select)
        .required()
        .choices("regions"),
    field("title", "schema-case-title", Text).required(),
    field("summary", "schema-case-summary", Textarea)
        .required()
        .help("schema-case-summary.help"),
    field("body", "schema-case-body", Markdown).required(),
    field("image", "schema-case-image", Image).fields(IMAGE),
];

const LEARNING: &[Field] = &[
    field("title", "schema-learning-title", Text).required(),
    field("text", "schema-learning-text", Markdown).required(),
];

const THEME: &[Field] = &[
    field("id", "schema-theme-id", Text)
        .required()
        .help("schema-theme-id.help"),
    field("short-title", "schema-theme-short-title", Text)
        .required()
        .help("schema-theme-short-title.help"),
    field("title", "schema-theme-title", Text).required(),
    field("lede", "schema-theme-lede", Text).required(),
    field("body", "schema-theme-body", Markdown).required(),
    field("learnings-title", "schema-theme-learnings-title", Text),
    field("learnings", "schema-theme-learnings", Tables).fields(LEARNING),
];

/// Every kind of content file.
pub const KINDS: [Kind; 4] = [
    Kind {
        name: "publication",
        label: "schema-kind-publication",
        dir: None,
        fields: PUBLICATION,
    },
    Kind {
        name: "regions",
        label: "schema-kind-regions",
        dir: Some("content/regions"),
        fields: REGION,
    },
    Kind {
        name: "cases",
        label: "schema-kind-cases",
        dir: Some("content/cases"),
        fields: CASE,
    },
    Kind {
        name: "themes",
        label: "schema-kind-themes",
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
        assert_eq!(keys(sub(p, "geography")), accepted::<RawGeography>());
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

    /// Every label, help and kind name is a message in both catalogues (a missing one would
    /// show its id in the form).
    #[test]
    fn every_label_and_help_is_in_both_catalogues() {
        fn walk(fields: &[Field], lang: Lang) {
            for f in fields {
                assert_ne!(
                    text(f.label, lang),
                    f.label,
                    "{lang}: no message {}",
                    f.label
                );
                if let Some(help) = f.help {
                    assert_eq!(help, format!("{}.help", f.label));
                    assert_ne!(text(help, lang), help, "{lang}: no message {help}");
                }
                walk(f.fields, lang);
            }
        }
        for lang in Lang::ALL {
            for kind in KINDS {
                assert_ne!(text(kind.label, lang), kind.label);
                walk(kind.fields, lang);
            }
        }
        let region = kind("regions").unwrap();
        assert_eq!(region.json(Lang::Nl)["label"], "Regio");
        assert_eq!(region.json(Lang::En)["fields"][1]["label"], "Name");
        assert_eq!(
            region.json(Lang::En)["fields"][1]["help"],
            "Exactly as published."
        );
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
