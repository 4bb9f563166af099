//! The official list of municipalities (CBS, as of 1 January of the year `[geography]` in
//! `publication.toml` names) and their provinces.
//!
//! Content names municipalities by their official CBS name. The gazetteer resolves a name to a
//! CBS code, accepts the plain form of the eight names CBS spells with a suffix ("Hengelo" for
//! "Hengelo (O.)") when it is unambiguous, and suggests the closest names for a typo.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::i18n::Msg;
use crate::msg;
use crate::suggest;

/// One official municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// CBS code, `GM0363`.
    pub code: String,
    /// Official CBS name, `Amsterdam`, `Hengelo (O.)`.
    pub name: String,
    /// CBS province code, `PV27`.
    pub province_code: String,
    /// Official province name, `Noord-Holland`.
    pub province: String,
}

/// The result of looking a name up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The name is an official name.
    Exact(usize),
    /// The name is the plain form of exactly one suffixed official name.
    Plain(usize),
    /// The plain form fits several official names.
    Ambiguous(Vec<usize>),
    /// Not an official name; the closest official names, best first (maybe none).
    Unknown(Vec<usize>),
}

/// The official municipality list.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    municipalities: Vec<Municipality>,
    exact: HashMap<String, usize>,
    plain: HashMap<String, Vec<usize>>,
    /// The year of the division (0 until [`Gazetteer::of`] says).
    year: i32,
    /// The file the list was read from, project-relative (for messages).
    file: PathBuf,
}

/// A problem in the municipality list file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// Byte offset of the bad record.
    pub offset: usize,
    /// 1-based line of the bad record.
    pub line: u64,
    /// What is wrong.
    pub kind: ListErrorKind,
    /// The CSV reader's own description, if it gave one (for a note).
    pub detail: Option<String>,
}

/// What is wrong with a record of the municipality list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListErrorKind {
    /// Not a CSV record (wrong number of fields, bad quoting, not UTF-8).
    Csv,
    /// A record without code, name or province.
    MissingField,
}

impl ListError {
    /// What is wrong, in the reader's words: "line 4 is not a valid CSV record".
    pub fn problem(&self) -> Msg {
        // A line number, not a quantity: never grouped (`1234`, not `1.234`).
        let line = self.line.to_string();
        match self.kind {
            ListErrorKind::Csv => msg!("bad-municipality-list.csv", line = line),
            ListErrorKind::MissingField => msg!("bad-municipality-list.fields", line = line),
        }
    }
}

impl Gazetteer {
    /// Parses the CSV (`code,name,province_code,province_name`, with header).
    pub fn parse(csv_text: &str) -> Result<Self, ListError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(csv_text.as_bytes());
        let mut municipalities = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| ListError {
                offset: e.position().map_or(0, |p| p.byte() as usize),
                line: e.position().map_or(0, csv::Position::line),
                kind: ListErrorKind::Csv,
                detail: Some(e.to_string()),
            })?;
            let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
            let m = Municipality {
                code: field(0),
                name: field(1),
                province_code: field(2),
                province: field(3),
            };
            if m.code.is_empty() || m.name.is_empty() || m.province.is_empty() {
                return Err(ListError {
                    offset: record.position().map_or(0, |p| p.byte() as usize),
                    line: record.position().map_or(0, csv::Position::line),
                    kind: ListErrorKind::MissingField,
                    detail: None,
                });
            }
            municipalities.push(m);
        }
        let mut exact = HashMap::new();
        let mut plain: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, m) in municipalities.iter().enumerate() {
            exact.insert(m.name.clone(), i);
            if let Some(base) = strip_suffix(&m.name) {
                plain.entry(base.to_string()).or_default().push(i);
            }
        }
        Ok(Self {
            municipalities,
            exact,
            plain,
            year: 0,
            file: PathBuf::new(),
        })
    }

    /// The same list, knowing which division it is: CBS's of `year`, read from `file`.
    pub fn of(self, year: i32, file: &Path) -> Self {
        Self {
            year,
            file: file.to_path_buf(),
            ..self
        }
    }

    /// The year of the division (`2025`).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The file the list was read from (`content/geo/gemeenten-2025.csv`).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// All municipalities, in list order (by CBS code).
    pub fn all(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// The municipality at an index returned by [`Gazetteer::lookup`].
    pub fn get(&self, index: usize) -> &Municipality {
        &self.municipalities[index]
    }

    /// Looks a municipality name up.
    pub fn lookup(&self, name: &str) -> Lookup {
        if let Some(&i) = self.exact.get(name) {
            return Lookup::Exact(i);
        }
        match self.plain.get(name).map(Vec::as_slice) {
            Some([one]) => return Lookup::Plain(*one),
            Some(many) if !many.is_empty() => return Lookup::Ambiguous(many.to_vec()),
            _ => {}
        }
        let names = self.municipalities.iter().map(|m| m.name.as_str());
        let best = suggest::closest(name, names);
        Lookup::Unknown(
            best.into_iter()
                .filter_map(|n| self.exact.get(n).copied())
                .collect(),
        )
    }

    /// The official province names, in order of first appearance.
    pub fn provinces(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.municipalities {
            if !out.contains(&m.province.as_str()) {
                out.push(&m.province);
            }
        }
        out
    }

    /// Indices of the municipalities in a province.
    pub fn in_province(&self, province: &str) -> Vec<usize> {
        (0..self.municipalities.len())
            .filter(|&i| self.municipalities[i].province == province)
            .collect()
    }
}

/// "Hengelo (O.)" → "Hengelo"; `None` for names without a CBS suffix.
fn strip_suffix(name: &str) -> Option<&str> {
    let (base, rest) = name.rsplit_once(" (")?;
    rest.ends_with(".)").then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "code,name,province_code,province_name\n\
        GM0164,Hengelo (O.),PV23,Overijssel\n\
        GM0373,Bergen (NH.),PV27,Noord-Holland\n\
        GM0893,Bergen (L.),PV31,Limburg\n\
        GM0345,Veenendaal,PV26,Utrecht\n\
        GM0986,Voerendaal,PV31,Limburg\n\
        GM0820,\"Nuenen, Gerwen en Nederwetten\",PV30,Noord-Brabant\n";

    #[test]
    fn looks_names_up() {
        let g = Gazetteer::parse(CSV).unwrap();
        assert_eq!(g.lookup("Veenendaal"), Lookup::Exact(3));
        assert_eq!(g.lookup("Hengelo"), Lookup::Plain(0));
        assert_eq!(g.lookup("Bergen"), Lookup::Ambiguous(vec![1, 2]));
        assert_eq!(g.lookup("Nuenen, Gerwen en Nederwetten"), Lookup::Exact(5));
        let Lookup::Unknown(best) = g.lookup("Veendaal") else {
            panic!()
        };
        assert_eq!(g.get(best[0]).name, "Veenendaal");
        assert_eq!(g.lookup("Xyzzy"), Lookup::Unknown(vec![]));
    }

    #[test]
    fn lists_provinces() {
        let g = Gazetteer::parse(CSV).unwrap();
        assert_eq!(g.provinces()[..2], ["Overijssel", "Noord-Holland"]);
        assert_eq!(g.in_province("Limburg"), vec![2, 4]);
    }

    #[test]
    fn rejects_incomplete_records() {
        assert!(Gazetteer::parse("code,name,province_code,province_name\nGM1,,PV1,X\n").is_err());
    }
}
