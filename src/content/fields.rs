//! Content files as the editor's fields: TOML text ⇄ JSON values, and the field a byte of a
//! file belongs to.
//!
//! Reading turns a file into JSON named and nested as in the TOML. Writing is a splice, not a
//! rewrite: [`write`] walks the [`schema`](super::schema) and changes in the file's toml_edit
//! document only the values that differ from the JSON; every other key keeps its bytes —
//! comments, order, blank lines and formatting. (Decap CMS and its kin rewrite the whole file
//! from an object and lose all of that.) A value the user typed that does not fit its field
//! (text where a number belongs) is written as typed, so `check` reports it at its line and
//! column like any mistake in a file.

use serde_json::{Map, Value as Json};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

use super::schema::{Field, Kind, Widget};
use crate::i18n::Msg;
use crate::msg;

/// Why a text cannot be turned into fields or back.
#[derive(Debug, thiserror::Error)]
pub enum FieldsError {
    /// The file on disk is not valid TOML (the editor can only show `check`'s error). Dutch:
    /// the editor shows it to its users.
    #[error(
        "het bestand is geen geldige TOML; herstel het eerst (drukwerk check wijst de plek aan): {0}"
    )]
    Toml(#[from] toml_edit::TomlError),
    /// The fields are not a JSON object.
    #[error("\"fields\" moet een JSON-object zijn")]
    NotAnObject,
}

impl FieldsError {
    /// The error in the reader's words (the `Display` text above is the Dutch one); toml_edit's
    /// own description of a syntax error is left to `check`, which says it in ours.
    pub fn msg(&self) -> Msg {
        match self {
            FieldsError::Toml(_) => msg!("content-fields-not-toml"),
            FieldsError::NotAnObject => msg!("content-fields-not-an-object"),
        }
    }
}

/// The fields of a content file, as JSON.
pub fn read(text: &str) -> Result<Map<String, Json>, FieldsError> {
    let doc: DocumentMut = text.parse()?;
    Ok(table_json(doc.as_table()))
}

/// The text of a content file with `fields` spliced into `text` (empty for a new file): only
/// values that differ are touched, following `kind`'s fields; keys the JSON has that the
/// format does not are written as given (so `check` names them), keys the file has that the
/// format does not are left alone.
pub fn write(kind: &Kind, text: &str, fields: &Json) -> Result<String, FieldsError> {
    write_ordered(kind, text, fields, &[])
}

/// Like [`write`]; key figures the file does not have yet are added in the order of
/// `figure_order` (the publication's key figures), the others after them by name.
pub fn write_ordered(
    kind: &Kind,
    text: &str,
    fields: &Json,
    figure_order: &[&str],
) -> Result<String, FieldsError> {
    let Json::Object(fields) = fields else {
        return Err(FieldsError::NotAnObject);
    };
    let mut doc: DocumentMut = text.parse()?;
    apply(doc.as_table_mut(), kind.fields, fields, figure_order);
    let mut out = doc.to_string();
    // toml_edit writes new lines as LF; a file saved with CRLF keeps CRLF throughout.
    if text.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    Ok(out)
}

/// Whether a JSON value counts as "not given" for an optional field.
fn absent(value: Option<&Json>) -> bool {
    match value {
        None | Some(Json::Null) => true,
        Some(Json::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

fn apply(table: &mut dyn TableLike, fields: &[Field], json: &Map<String, Json>, order: &[&str]) {
    for field in fields {
        let new = json.get(field.key);
        let old = table.get(field.key).and_then(item_json);
        if absent(new) {
            if old.is_some() {
                table.remove(field.key);
            }
            continue;
        }
        let Some(new) = new else { continue };
        if old.as_ref() == Some(new) {
            continue;
        }
        match (field.widget, new) {
            (Widget::Table | Widget::Image, Json::Object(object)) => {
                if let Some(inner) = nested(table, field.key) {
                    apply(inner, field.fields, object, order);
                }
            }
            (Widget::Figures, Json::Object(object)) => {
                if let Some(inner) = nested(table, field.key) {
                    figures(inner, object, order);
                }
            }
            (Widget::Tables, Json::Array(items))
                if items.iter().all(|i| matches!(i, Json::Object(_))) =>
            {
                if !matches!(table.get(field.key), Some(Item::ArrayOfTables(_))) {
                    table.insert(field.key, Item::ArrayOfTables(ArrayOfTables::new()));
                }
                if let Some(Item::ArrayOfTables(array)) = table.get_mut(field.key) {
                    tables(array, field.fields, items, order);
                }
            }
            _ => {
                // A list keeps the shape it has; a new list of names gets one per line, as
                // the shipped files have them.
                let multiline = match table.get(field.key).and_then(Item::as_array) {
                    Some(old) => old.to_string().contains('\n'),
                    None => {
                        matches!(field.widget, Widget::Municipalities | Widget::Provinces)
                            && new.as_array().is_some_and(|a| a.len() > 1)
                    }
                };
                set(table, field.key, to_value(field.widget, new, multiline));
            }
        }
    }
    // Keys the format does not know: written as given, so `check` reports them at their line.
    for (key, value) in json {
        if fields.iter().all(|f| f.key != key) && table.get(key).is_none() && !absent(Some(value)) {
            set(table, key, to_value(Widget::Text, value, false));
        }
    }
}

/// The table at `key`, made (as `[key]`) when the file has none or another value there.
fn nested<'t>(table: &'t mut dyn TableLike, key: &str) -> Option<&'t mut dyn TableLike> {
    if !table.get(key).is_some_and(|i| i.is_table_like()) {
        table.insert(key, Item::Table(Table::new()));
    }
    table.get_mut(key).and_then(|i| i.as_table_like_mut())
}

/// `[figures]`: one whole number per key-figure id; keys not in the JSON are removed.
fn figures(table: &mut dyn TableLike, json: &Map<String, Json>, order: &[&str]) {
    let gone: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| absent(json.get(k)))
        .collect();
    for key in gone {
        table.remove(&key);
    }
    let mut keys: Vec<&String> = json.keys().collect();
    keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    for key in keys {
        let value = &json[key];
        if absent(Some(value)) || table.get(key).and_then(item_json).as_ref() == Some(value) {
            continue;
        }
        set(table, key, to_value(Widget::Integer, value, false));
    }
}

/// `[[…]]`: element by element, so editing one entry leaves the others' bytes alone.
fn tables(array: &mut ArrayOfTables, fields: &[Field], items: &[Json], order: &[&str]) {
    while array.len() > items.len() {
        array.remove(array.len() - 1);
    }
    for (index, item) in items.iter().enumerate() {
        let Json::Object(object) = item else { continue };
        if index >= array.len() {
            array.push(Table::new());
        }
        if let Some(table) = array.get_mut(index) {
            apply(table, fields, object, order);
        }
    }
}

/// Replaces (or adds) a value, keeping the old value's surroundings (spaces, comments).
fn set(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// A JSON value as a TOML value for a field edited with `widget`.
fn to_value(widget: Widget, json: &Json, multiline: bool) -> Value {
    match json {
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => {
            if widget == Widget::Date
                && let Ok(date) = s.trim().parse::<toml_edit::Datetime>()
            {
                return Value::from(date);
            }
            Value::from(s.as_str())
        }
        Json::Array(items) => {
            let mut array = Array::new();
            for item in items {
                let mut value = to_value(widget, item, false);
                if multiline {
                    value.decor_mut().set_prefix("\n  ");
                }
                array.push_formatted(value);
            }
            if multiline && !items.is_empty() {
                array.set_trailing_comma(true);
                array.set_trailing("\n");
            }
            Value::Array(array)
        }
        Json::Object(object) => {
            let mut table = toml_edit::InlineTable::new();
            for (k, v) in object {
                table.insert(k, to_value(Widget::Text, v, false));
            }
            Value::InlineTable(table)
        }
        Json::Null => Value::from(""),
    }
}

fn table_json(table: &dyn TableLike) -> Map<String, Json> {
    table
        .iter()
        .filter_map(|(k, i)| item_json(i).map(|j| (k.to_string(), j)))
        .collect()
}

fn item_json(item: &Item) -> Option<Json> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(value_json(v)),
        Item::Table(t) => Some(Json::Object(table_json(t))),
        Item::ArrayOfTables(a) => Some(Json::Array(
            a.iter().map(|t| Json::Object(table_json(t))).collect(),
        )),
    }
}

fn value_json(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::from(*i.value()),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f.value()).map_or(Json::Null, Json::Number)
        }
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => Json::String(d.value().to_string()),
        Value::Array(a) => Json::Array(a.iter().map(value_json).collect()),
        Value::InlineTable(t) => Json::Object(table_json(t)),
    }
}

/// The path of the field at byte `offset` of `text` (`municipalities[3]`, `figures.students`,
/// `abc.pillars[1].text`): the innermost key or value whose span holds it.
pub fn field_at(text: &str, offset: usize) -> Option<String> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let mut best: Option<(usize, String)> = None;
    let mut consider = |span: Option<std::ops::Range<usize>>, path: &str| {
        if let Some(span) = span
            && span.start <= offset
            && offset < span.end.max(span.start + 1)
            && best.as_ref().is_none_or(|(len, _)| span.len() < *len)
        {
            best = Some((span.len(), path.to_string()));
        }
    };
    fn walk_table(
        table: &dyn TableLike,
        prefix: &str,
        consider: &mut dyn FnMut(Option<std::ops::Range<usize>>, &str),
    ) {
        for (key, item) in table.iter() {
            let path = if prefix.is_empty() {
                key.to_string()
            } else {
                format!("{prefix}.{key}")
            };
            if let Some(k) = table.key(key) {
                consider(k.span(), &path);
            }
            walk_item(item, &path, consider);
        }
    }
    fn walk_item(
        item: &Item,
        path: &str,
        consider: &mut dyn FnMut(Option<std::ops::Range<usize>>, &str),
    ) {
        match item {
            Item::None => {}
            Item::Value(v) => walk_value(v, path, consider),
            Item::Table(t) => {
                consider(t.span(), path);
                walk_table(t, path, consider);
            }
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    let path = format!("{path}[{i}]");
                    consider(t.span(), &path);
                    walk_table(t, &path, consider);
                }
            }
        }
    }
    fn walk_value(
        value: &Value,
        path: &str,
        consider: &mut dyn FnMut(Option<std::ops::Range<usize>>, &str),
    ) {
        consider(value.span(), path);
        match value {
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk_value(v, &format!("{path}[{i}]"), consider);
                }
            }
            Value::InlineTable(t) => walk_table(t, path, consider),
            _ => {}
        }
    }
    walk_table(doc.as_table(), "", &mut consider);
    best.map(|(_, path)| path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::kind;
    use serde_json::json;

    const REGION: &str = "# A comment that must survive\nid = \"zwolle\"\nname = \"Zwolle\"   # trailing\nsectors = [\"po\", \"vo\"]\nmunicipalities = [\n  \"Zwolle\",\n  \"Kampen\",\n]\n\n[figures]\nstudents = 16635 # counted in 2025\npo-boards = 3\n\n[[allow]]\nlint = \"identical-figures\"\nreason = \"klopt\"\n";

    #[test]
    fn unchanged_fields_write_the_same_bytes() {
        let region = kind("regions").unwrap();
        let fields = Json::Object(read(REGION).unwrap());
        assert_eq!(write(region, REGION, &fields).unwrap(), REGION);
    }

    #[test]
    fn one_changed_value_changes_only_that_value() {
        let region = kind("regions").unwrap();
        let mut fields = Json::Object(read(REGION).unwrap());
        fields["figures"]["students"] = json!(17000);
        let out = write(region, REGION, &fields).unwrap();
        assert_eq!(
            out,
            REGION.replace("students = 16635 #", "students = 17000 #")
        );
    }

    #[test]
    fn lists_keep_their_shape_and_tables_their_order() {
        let region = kind("regions").unwrap();
        let mut fields = Json::Object(read(REGION).unwrap());
        fields["municipalities"] = json!(["Zwolle", "Kampen", "Zwartewaterland"]);
        fields["allow"][0]["reason"] = json!("gecontroleerd");
        fields["subtitle"] = json!("(drie gemeenten)");
        let out = write(region, REGION, &fields).unwrap();
        assert!(
            out.contains(
                "municipalities = [\n  \"Zwolle\",\n  \"Kampen\",\n  \"Zwartewaterland\",\n]\n"
            ),
            "{out}"
        );
        assert!(out.contains("reason = \"gecontroleerd\""));
        assert!(out.starts_with("# A comment that must survive\n"));
        assert!(out.contains("name = \"Zwolle\"   # trailing\n"));
        assert!(out.contains("subtitle = \"(drie gemeenten)\""));
        assert_eq!(read(&out).unwrap()["subtitle"], json!("(drie gemeenten)"));
    }

    #[test]
    fn cleared_optional_fields_and_removed_entries_go() {
        let region = kind("regions").unwrap();
        let mut fields = Json::Object(read(REGION).unwrap());
        fields["allow"] = json!([]);
        fields["figures"]
            .as_object_mut()
            .unwrap()
            .remove("po-boards");
        let out = write(region, REGION, &fields).unwrap();
        assert!(!out.contains("[[allow]]"), "{out}");
        assert!(!out.contains("po-boards"));
        assert!(out.contains("students = 16635 # counted in 2025"));
    }

    #[test]
    fn text_typed_into_a_number_is_written_as_typed() {
        let region = kind("regions").unwrap();
        let mut fields = Json::Object(read(REGION).unwrap());
        fields["figures"]["students"] = json!("veel");
        let out = write(region, REGION, &fields).unwrap();
        assert!(out.contains("students = \"veel\" # counted"), "{out}");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let region = kind("regions").unwrap();
        let text = REGION.replace('\n', "\r\n");
        let mut fields = Json::Object(read(&text).unwrap());
        fields["name"] = json!("Zwolle e.o.");
        let out = write(region, &text, &fields).unwrap();
        assert_eq!(out, text.replace("\"Zwolle\"   #", "\"Zwolle e.o.\"   #"));
    }

    #[test]
    fn a_new_file_gets_the_shipped_layout() {
        let region = kind("regions").unwrap();
        let fields = json!({"id": "nieuw", "name": "Nieuw", "sectors": ["po"],
            "municipalities": ["Zwolle", "Kampen"], "figures": {"students": 1, "po-boards": 2}});
        let out = write_ordered(region, "", &fields, &["students", "po-boards"]).unwrap();
        assert_eq!(
            out,
            "id = \"nieuw\"\nname = \"Nieuw\"\nsectors = [\"po\"]\nmunicipalities = [\n  \"Zwolle\",\n  \"Kampen\",\n]\n\n[figures]\nstudents = 1\npo-boards = 2\n"
        );
    }

    #[test]
    fn dates_are_toml_dates() {
        let publication = kind("publication").unwrap();
        let out = write(
            publication,
            "date = 2026-11-28\n",
            &json!({"date": "2026-12-01"}),
        )
        .unwrap();
        assert_eq!(out, "date = 2026-12-01\n");
        assert_eq!(read(&out).unwrap()["date"], json!("2026-12-01"));
    }

    #[test]
    fn fields_are_found_by_offset() {
        let at = |needle: &str| field_at(REGION, REGION.find(needle).unwrap());
        assert_eq!(at("\"Kampen\"").as_deref(), Some("municipalities[1]"));
        assert_eq!(at("16635").as_deref(), Some("figures.students"));
        assert_eq!(at("po-boards").as_deref(), Some("figures.po-boards"));
        assert_eq!(at("\"klopt\"").as_deref(), Some("allow[0].reason"));
        assert_eq!(at("name").as_deref(), Some("name"));
    }

    #[test]
    fn every_shipped_file_round_trips_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut seen = 0;
        for (dir, kind_name) in [
            ("regions", "regions"),
            ("cases", "cases"),
            ("themes", "themes"),
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                let fields = Json::Object(read(&text).unwrap());
                let out = write(kind(kind_name).unwrap(), &text, &fields).unwrap();
                assert_eq!(out, text, "{}", path.display());
                seen += 1;
            }
        }
        let text = std::fs::read_to_string(root.join("publication.toml")).unwrap();
        let fields = Json::Object(read(&text).unwrap());
        assert_eq!(
            write(kind("publication").unwrap(), &text, &fields).unwrap(),
            text
        );
        assert!(seen > 60, "{seen}");
    }
}
