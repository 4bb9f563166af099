//! The changes an import proposes in the content, and how they are made: municipality names
//! in the region files, and `[geography]` in `publication.toml`.
//!
//! As in `figures::apply`, toml_edit says where each value is and only those bytes change;
//! comments, order, spacing and line ends stay as they were. A name is replaced by its
//! successor's; a name whose successor the region lists already (or gets from an earlier
//! line) is removed with its line, so a merged municipality is listed once.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml_edit::{Document, Item, Value};

use super::compare::Comparison;
use crate::gazetteer::{Gazetteer, Lookup};

/// Why a region file could not be edited (it changed on disk after it was checked).
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The file is not valid TOML (before or after the edit).
    #[error("not valid TOML: {0}")]
    Toml(#[from] toml_edit::TomlError),
    /// A value to change is not where it was.
    #[error("{0}")]
    Missing(String),
    /// The edited file does not read back as intended.
    #[error("the edited file does not read back as intended: {0}")]
    Mismatch(String),
}

/// One municipality name in a region file that the new division changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEdit {
    /// The byte range of the name's string in the file.
    pub span: Range<usize>,
    /// The name as written.
    pub written: String,
    /// What becomes of it.
    pub change: NameChange,
}

/// What becomes of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameChange {
    /// The municipality merged into `name` (`code`), which the region does not list yet.
    Merged {
        /// The successor's new name.
        name: String,
        /// Its code.
        code: String,
        /// Per cent of the old municipality's area that lies in it.
        percent: u32,
    },
    /// The municipality merged into `name`, which the region lists already: the line goes.
    MergedListed {
        /// The successor's name.
        name: String,
        /// Per cent of the old municipality's area that lies in it.
        percent: u32,
    },
    /// Same code, new name.
    Renamed {
        /// The new name.
        name: String,
    },
    /// Gone, and none of its area lies in the new division: no proposal.
    Vanished,
}

impl NameEdit {
    /// The name this line will hold after the edit (`None`: the line goes, or stays as is).
    pub fn new_name(&self) -> Option<&str> {
        match &self.change {
            NameChange::Merged { name, .. } | NameChange::Renamed { name } => Some(name),
            NameChange::MergedListed { .. } | NameChange::Vanished => None,
        }
    }
}

/// The edits the new division asks of one region file (its text without BOM), in file order:
/// every listed name whose municipality (in the list the content uses, `old`) is gone or
/// renamed.
pub fn name_edits(
    text: &str,
    old: &Gazetteer,
    comparison: &Comparison,
) -> Result<Vec<NameEdit>, ApplyError> {
    let doc = Document::parse(text)?;
    let Some(list) = doc.get("municipalities").and_then(Item::as_array) else {
        return Ok(Vec::new());
    };
    let gone: HashMap<&str, _> = comparison
        .gone
        .iter()
        .map(|g| (g.code.as_str(), g))
        .collect();
    let renamed: HashMap<&str, &str> = comparison
        .renamed
        .iter()
        .map(|r| (r.code.as_str(), r.new_name.as_str()))
        .collect();
    // Each listed name's code in the old list, if it resolves (check made sure it does).
    let entries: Vec<(&Value, Option<&str>)> = list
        .iter()
        .map(|v| {
            let code = v.as_str().and_then(|name| match old.lookup(name) {
                Lookup::Exact(i) | Lookup::Plain(i) => Some(old.get(i).code.as_str()),
                _ => None,
            });
            (v, code)
        })
        .collect();
    // What the region lists that stays as it is.
    let mut listed: HashSet<&str> = entries
        .iter()
        .filter_map(|(_, code)| *code)
        .filter(|c| !gone.contains_key(c))
        .collect();
    let mut edits = Vec::new();
    for (value, code) in entries {
        let Some(code) = code else { continue };
        let span = value.span().ok_or_else(|| {
            ApplyError::Missing("a municipality without a place in the file".into())
        })?;
        let written = value.as_str().unwrap_or_default().to_string();
        let change = if let Some(g) = gone.get(code) {
            match g.successor() {
                None => NameChange::Vanished,
                Some(s) if listed.contains(s.code.as_str()) => NameChange::MergedListed {
                    name: s.name.clone(),
                    percent: s.percent,
                },
                Some(s) => {
                    listed.insert(s.code.as_str());
                    NameChange::Merged {
                        name: s.name.clone(),
                        code: s.code.clone(),
                        percent: s.percent,
                    }
                }
            }
        } else if let Some(name) = renamed.get(code).filter(|n| **n != written) {
            NameChange::Renamed {
                name: name.to_string(),
            }
        } else {
            continue;
        };
        edits.push(NameEdit {
            span,
            written,
            change,
        });
    }
    Ok(edits)
}

/// The region file's text with the edits made; checked to read back as the list intended.
pub fn apply_names(text: &str, edits: &[NameEdit]) -> Result<String, ApplyError> {
    let doc = Document::parse(text)?;
    let before: Vec<(Range<usize>, String)> = doc
        .get("municipalities")
        .and_then(Item::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|v| Some((v.span()?, v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let mut expected = Vec::new();
    for (span, name) in &before {
        match edits.iter().find(|e| e.span == *span) {
            None => expected.push(name.clone()),
            Some(e) => match (&e.change, e.new_name()) {
                (NameChange::Vanished, _) => expected.push(name.clone()),
                (_, Some(new)) => expected.push(new.to_string()),
                (_, None) => {}
            },
        }
    }
    let mut splices: Vec<(Range<usize>, String)> = Vec::new();
    for e in edits {
        if !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end)
            || e.span.end > text.len()
        {
            return Err(ApplyError::Missing(format!(
                "\"{}\" is not where it was",
                e.written
            )));
        }
        match (&e.change, e.new_name()) {
            (NameChange::Vanished, _) => {}
            (_, Some(new)) => splices.push((e.span.clone(), Value::from(new).to_string())),
            (_, None) => splices.push((removal(text, e.span.clone()), String::new())),
        }
    }
    splices.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_string();
    for (span, new) in splices {
        out.replace_range(span, &new);
    }
    let after: Vec<String> = Document::parse(out.as_str())?
        .get("municipalities")
        .and_then(Item::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if after != expected {
        return Err(ApplyError::Mismatch(format!(
            "{after:?} instead of {expected:?}"
        )));
    }
    Ok(out)
}

/// The bytes to remove with an array item at `span`: its whole line when it stands alone on
/// it (with its comma and a comment after it), else the item and the comma after it (or, for
/// the last item, the comma before it) with the spaces around.
fn removal(text: &str, span: Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let before = &text[line_start..span.start];
    let after = text[span.end..line_end].trim_start();
    let after = after.strip_prefix(',').unwrap_or(after).trim_start();
    if before.trim().is_empty() && (after.is_empty() || after.starts_with('#')) {
        return line_start..line_end;
    }
    let bytes = text.as_bytes();
    let blank = |b: u8| b == b' ' || b == b'\t';
    let mut end = span.end;
    while end < bytes.len() && blank(bytes[end]) {
        end += 1;
    }
    if end < bytes.len() && bytes[end] == b',' {
        end += 1;
        while end < bytes.len() && blank(bytes[end]) {
            end += 1;
        }
        return span.start..end;
    }
    // The last item: take the comma before it.
    let mut start = span.start;
    while start > 0
        && (blank(bytes[start - 1]) || bytes[start - 1] == b'\n' || bytes[start - 1] == b'\r')
    {
        start -= 1;
    }
    if start > 0 && bytes[start - 1] == b',' {
        return start - 1..span.end;
    }
    span
}

/// The new `[geography]` values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    /// The new year.
    pub year: i32,
    /// The new list's path.
    pub municipality_list: String,
    /// The new municipality boundaries' path.
    pub municipality_boundaries: String,
    /// The new province boundaries' path, when provinces were imported too.
    pub province_boundaries: Option<String>,
    /// The new source line.
    pub attribution: String,
}

/// `publication.toml`'s text (without BOM) switched to the new division.
pub fn switch_publication(text: &str, switch: &Switch) -> Result<String, ApplyError> {
    let doc = Document::parse(text)?;
    let table = doc
        .get("geography")
        .and_then(Item::as_table_like)
        .ok_or_else(|| ApplyError::Missing("publication.toml has no [geography] table".into()))?;
    let mut values: Vec<(&str, Value)> = vec![
        ("year", Value::from(i64::from(switch.year))),
        (
            "municipality-list",
            Value::from(switch.municipality_list.as_str()),
        ),
        (
            "municipality-boundaries",
            Value::from(switch.municipality_boundaries.as_str()),
        ),
        ("attribution", Value::from(switch.attribution.as_str())),
    ];
    if let Some(p) = &switch.province_boundaries {
        values.push(("province-boundaries", Value::from(p.as_str())));
    }
    let mut splices = Vec::new();
    for (key, value) in &values {
        let span = table
            .get(key)
            .and_then(Item::span)
            .filter(|s| {
                s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            })
            .ok_or_else(|| ApplyError::Missing(format!("[geography] has no `{key}`")))?;
        splices.push((span, value.to_string()));
    }
    splices.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_string();
    for (span, new) in splices {
        out.replace_range(span, &new);
    }
    let check = Document::parse(out.as_str())?;
    let geography = check.get("geography").and_then(Item::as_table_like);
    for (key, value) in &values {
        let got = geography.and_then(|t| t.get(key)).and_then(Item::as_value);
        let same = match (got, value) {
            (Some(Value::Integer(a)), Value::Integer(b)) => a.value() == b.value(),
            (Some(Value::String(a)), Value::String(b)) => a.value() == b.value(),
            _ => false,
        };
        if !same {
            return Err(ApplyError::Mismatch(format!("`{key}`")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoimport::compare::{Gone, Renamed, Share};

    const LIST: &str = "code,name,province_code,province_name\n\
        GM0001,Aa,PV20,Groningen\nGM0002,Bee,PV20,Groningen\nGM0003,Cee,PV20,Groningen\n\
        GM0004,Hengelo (O.),PV23,Overijssel\nGM0005,Dee,PV20,Groningen\n";

    fn comparison() -> Comparison {
        let into = |code: &str, name: &str| {
            vec![Share {
                code: code.into(),
                name: name.into(),
                percent: 100,
            }]
        };
        Comparison {
            gone: vec![
                Gone {
                    code: "GM0001".into(),
                    name: "Aa".into(),
                    into: into("GM0100", "Aabee"),
                },
                Gone {
                    code: "GM0002".into(),
                    name: "Bee".into(),
                    into: into("GM0100", "Aabee"),
                },
                Gone {
                    code: "GM0005".into(),
                    name: "Dee".into(),
                    into: into("GM0003", "Cee"),
                },
            ],
            renamed: vec![Renamed {
                code: "GM0004".into(),
                old_name: "Hengelo (O.)".into(),
                new_name: "Hengelo".into(),
            }],
            new: Vec::new(),
            unchanged: 1,
        }
    }

    fn edit(text: &str) -> String {
        let old = Gazetteer::parse(LIST).unwrap();
        let edits = name_edits(text, &old, &comparison()).unwrap();
        apply_names(text, &edits).unwrap()
    }

    #[test]
    fn replaces_merged_names_once_and_keeps_everything_else() {
        let text = "# Regio\nid = \"r\"\nmunicipalities = [\n  \"Aa\", # eerste\n  \"Cee\",\n  \"Bee\",   # dubbel\n  \"Hengelo\",\n  \"Dee\",\n]\n\n[figures]\nstudents = 1\n";
        assert_eq!(
            edit(text),
            "# Regio\nid = \"r\"\nmunicipalities = [\n  \"Aabee\", # eerste\n  \"Cee\",\n  \"Hengelo\",\n]\n\n[figures]\nstudents = 1\n"
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(edit(&crlf), edit(text).replace('\n', "\r\n"));
    }

    #[test]
    fn edits_inline_lists() {
        assert_eq!(
            edit("municipalities = [\"Aa\", \"Bee\", \"Cee\"]\n"),
            "municipalities = [\"Aabee\", \"Cee\"]\n"
        );
        assert_eq!(
            edit("municipalities = [\"Cee\", \"Dee\"]\n"),
            "municipalities = [\"Cee\"]\n"
        );
        assert_eq!(
            edit("municipalities = ['Bee']\n"),
            "municipalities = [\"Aabee\"]\n"
        );
        assert_eq!(
            edit("provinces = [\"Groningen\"]\n"),
            "provinces = [\"Groningen\"]\n"
        );
    }

    #[test]
    fn switches_the_geography() {
        let text = "title = \"x\"\n\n[geography]\nyear = 2025 # the division\nmunicipality-list = \"content/geo/gemeenten-2025.csv\"\nmunicipality-boundaries = \"content/geo/gemeenten-2025.geojson\"\nprovince-boundaries = \"content/geo/provincies-2025.geojson\"\nattribution = \"Grenzen 2025\"\n";
        let switch = Switch {
            year: 2026,
            municipality_list: "content/geo/gemeenten-2026.csv".into(),
            municipality_boundaries: "content/geo/gemeenten-2026.geojson".into(),
            province_boundaries: None,
            attribution: "Grenzen \"2026\"".into(),
        };
        let out = switch_publication(text, &switch).unwrap();
        assert_eq!(
            out,
            text.replace("2025 #", "2026 #")
                .replace("gemeenten-2025", "gemeenten-2026")
                .replace("\"Grenzen 2025\"", "'Grenzen \"2026\"'")
        );
        assert!(switch_publication("title = \"x\"\n", &switch).is_err());
    }
}
