//! Stage 1 (load) for spreadsheets: the plain table every spreadsheet format is read into.
//!
//! A [`Table`] is rows of cells with their positions and, for CSV, their byte ranges in the
//! text, so a diagnostic can point at `B14` in any format: with a source excerpt for CSV, by
//! sheet and cell for a workbook (which has no text to show).

use std::ops::Range;
use std::path::PathBuf;

use crate::diagnostics::Diagnostic;
use crate::i18n::{Arg, Msg};
use crate::msg;

/// How many decimals a float needs to be shown as it is (at most 10): `14.5` needs one.
fn decimals_of(value: f64) -> u8 {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
    u8::try_from(decimals.min(10)).unwrap_or(10)
}

/// The value of one cell, as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Nothing, or only spaces.
    Empty,
    /// A whole number stored as such (ODS, some writers).
    Integer(i64),
    /// A number (workbooks store every number as a float).
    Number(f64),
    /// Text, as typed (CSV cells are always text).
    Text(String),
    /// A boolean (TRUE / WAAR).
    Bool(bool),
    /// A date or time, as calamine writes it (`2026-01-01 00:00:00`).
    Date(String),
    /// Anything else: an error such as `#N/A`, shown as written here.
    Other(String),
}

impl CellValue {
    /// Is the cell empty (or only spaces)?
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text, for matching headers and names (numbers as written by Excel).
    pub fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Integer(i) => i.to_string(),
            CellValue::Number(f) => f.to_string(),
            CellValue::Text(t) => t.trim().to_string(),
            CellValue::Bool(b) => b.to_string(),
            CellValue::Date(d) | CellValue::Other(d) => d.clone(),
        }
    }

    /// The value as a message shows it: text in quotes as typed, numbers the reader's
    /// language's way (`14,5` in Dutch, `14.5` in English), a boolean as a spreadsheet in that
    /// language shows it.
    pub fn shown(&self) -> Msg {
        match self {
            CellValue::Empty => msg!("figures-value-empty"),
            CellValue::Integer(i) => msg!("figures-value-number", value = *i),
            CellValue::Number(f) => msg!(
                "figures-value-number",
                value = Arg::Dec(*f, decimals_of(*f))
            ),
            CellValue::Text(t) => Msg::verbatim(format!("{t:?}")),
            CellValue::Bool(true) => msg!("figures-value-true"),
            CellValue::Bool(false) => msg!("figures-value-false"),
            CellValue::Date(d) => msg!("figures-value-date", date = d),
            CellValue::Other(o) => Msg::verbatim(o.clone()),
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// What it holds.
    pub value: CellValue,
    /// Byte range in the CSV text (quotes included); `None` for workbooks.
    pub span: Option<Range<usize>>,
}

impl Cell {
    /// An empty cell, for the gaps in a row.
    pub fn empty() -> Self {
        Cell {
            value: CellValue::Empty,
            span: None,
        }
    }
}

/// One row of the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 0-based row index in the sheet (row 1 in Excel is 0).
    pub index: usize,
    /// Cells from column A on; missing cells at the end are empty.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Is every cell in the row empty?
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.value.is_empty())
    }

    /// The cell in a 0-based column, if the row reaches it.
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells.get(column)
    }
}

/// A spreadsheet read into rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file as named on the command line (diagnostics show it like this).
    pub path: PathBuf,
    /// The worksheet the rows come from, for workbooks.
    pub sheet: Option<String>,
    /// The decoded text, for CSV: diagnostics show excerpts of it.
    pub text: Option<String>,
    /// The non-empty rows, in sheet order.
    pub rows: Vec<Row>,
}

impl Table {
    /// Points a diagnostic at a cell: at its text for CSV, by sheet and cell for a workbook.
    pub fn locate(
        &self,
        d: Diagnostic,
        row: usize,
        column: usize,
        label: impl Into<Msg>,
    ) -> Diagnostic {
        let span = self
            .rows
            .iter()
            .find(|r| r.index == row)
            .and_then(|r| r.cell(column))
            .and_then(|c| c.span.clone());
        match (&self.text, span) {
            (Some(_), Some(span)) => d.at(&self.path, span, label),
            // A cell past the end of a CSV line: point at the end of that line.
            (Some(text), None) => {
                let end = self.line_end(text, row);
                d.at(&self.path, end..end, label)
            }
            (None, _) => d.at_place(&self.path, self.place(row, column)),
        }
    }

    /// `sheet "Kerncijfers", cell B14` (`werkblad "Kerncijfers", cel B14`), or `cell B14`
    /// for CSV.
    pub fn place(&self, row: usize, column: usize) -> Msg {
        let cell = cell_ref(row, column);
        match &self.sheet {
            Some(sheet) => msg!("figures-place-sheet-cell", sheet = sheet, cell = cell),
            None => msg!("figures-place-cell", cell = cell),
        }
    }

    /// Byte offset of the end of a row's last cell in the CSV text.
    fn line_end(&self, text: &str, row: usize) -> usize {
        self.rows
            .iter()
            .find(|r| r.index == row)
            .and_then(|r| r.cells.iter().rev().find_map(|c| c.span.clone()))
            .map_or(text.len(), |s| s.end)
    }
}

/// The Excel name of a cell: `cell_ref(13, 1)` is `B14`.
pub fn cell_ref(row: usize, column: usize) -> String {
    format!("{}{}", column_name(column), row + 1)
}

/// The Excel name of a 0-based column: A … Z, AA … AZ, BA …
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_like_excel() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(13, 1), "B14");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(51), "AZ");
        assert_eq!(column_name(52), "BA");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn shows_values_in_the_readers_language() {
        use crate::i18n::Lang;
        assert_eq!(CellValue::Number(14.5).shown().text(Lang::Nl), "14,5");
        assert_eq!(CellValue::Number(14.5).shown().text(Lang::En), "14.5");
        assert_eq!(CellValue::Number(-0.125).shown().text(Lang::Nl), "-0,125");
        assert_eq!(CellValue::Bool(true).shown().text(Lang::Nl), "WAAR");
        let text = CellValue::Text("14,5".into()).shown();
        assert_eq!(text.text(Lang::Nl), "\"14,5\"");
        assert_eq!(text.text(Lang::En), "\"14,5\"");
        assert!(CellValue::Text("  ".into()).is_empty());
    }
}
