//! The yearly update of the key figures: out to a spreadsheet and back in, checked.
//!
//! A side branch of the pipeline that starts from a checked [`Model`](crate::model::Model)
//! (load + validate, as `check` does) and ends in edited region files:
//!
//! ```text
//! Model ──write──▶ .xlsx / .csv                               (figures export)
//! .xlsx / .ods / .csv ──read──▶ Table ──import(Model)──▶ Plan ──apply──▶ content/regions/*.toml
//! ```
//!
//! - [`read`]: a workbook or CSV file → a plain [`Table`] of cells with their positions
//!   (stage 1, load, for spreadsheets).
//! - [`import`]: the table matched against the model (header → key figures, rows → regions,
//!   cells → whole numbers) → a [`Plan`] of changes and diagnostics (stage 2, validate).
//! - [`apply`]: the plan written into the region files with `toml_edit`, keeping everything
//!   it does not change.
//! - [`write`]: the model's key figures → `.xlsx` or `.csv`, for `figures export`.

pub mod apply;
pub mod import;
pub mod read;
pub mod table;
pub mod write;

use std::path::Path;

pub use import::{Change, Flag, ImportOptions, Plan, RegionPlan};
pub use table::{Cell, CellValue, Row, Table};

/// Header of the column with region ids, in exported sheets.
pub const ID_HEADER: &str = "Regio-id";
/// Header of the column with region names, in exported sheets.
pub const NAME_HEADER: &str = "Naam";
/// Name of the worksheet with the key figures, in exported workbooks (and the one preferred
/// when importing a workbook with several sheets).
pub const SHEET_NAME: &str = "Kerncijfers";

/// A spreadsheet file format, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Office Open XML workbook (Excel).
    Xlsx,
    /// OpenDocument spreadsheet (LibreOffice); read only.
    Ods,
    /// Comma- or semicolon-separated text.
    Csv,
}

impl SheetFormat {
    /// The format named by a file's extension (case-insensitive), if it is one drukwerk reads.
    pub fn from_path(path: &Path) -> Option<SheetFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(SheetFormat::Xlsx),
            "ods" => Some(SheetFormat::Ods),
            "csv" => Some(SheetFormat::Csv),
            _ => None,
        }
    }
}
