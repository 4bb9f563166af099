//! Stage 1 (load) for spreadsheets: a `.xlsx`, `.ods` or `.csv` file read into a [`Table`].
//!
//! Workbooks are read with calamine, CSV with the `csv` crate; nothing here is a hand-written
//! parser. The file is untrusted: its size is capped before parsing; a workbook's archive is
//! looked into first, so calamine never sees one that claims absurd sizes (a 1 kB workbook
//! claiming 4 billion shared strings made it reserve 96 GB and abort); an `.xlsx` sheet is
//! read cell by cell (a single cell at XFD1048576 must not make a dense 17-billion-cell
//! grid); a panic inside calamine is caught. Every failure is a [`Diagnostic`].

use std::fs::File;
use std::io::{Cursor, Read};
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, DataRef, Ods, Reader, SheetType, Xlsx};

use super::table::{Cell, CellValue, Row, Table, cell_ref};
use super::{SHEET_NAME, SheetFormat};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::suggest::{did_you_mean, fold};

/// Largest file read, in bytes. A sheet of key figures is a few kilobytes; this leaves room
/// for workbooks with logos and styles while refusing anything absurd before parsing it.
pub const MAX_FILE_BYTES: u64 = 20_000_000;
/// Rows read at most (a sheet has one row per region).
pub const MAX_ROWS: usize = 10_000;
/// Columns read at most (a sheet has one column per key figure, plus id and name).
pub const MAX_COLUMNS: usize = 200;
/// Largest unpacked size a workbook may declare for all its parts together.
pub const MAX_UNPACKED_BYTES: u64 = 200_000_000;
/// Most shared strings a workbook may declare (a sheet of key figures has a few hundred).
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// Reads a spreadsheet file. `sheet` picks a worksheet of a workbook by name; without it the
/// sheet called "Kerncijfers" is read, or else the first worksheet.
pub fn read(
    path: &Path,
    format: SheetFormat,
    sheet: Option<&str>,
) -> Result<Table, Box<Diagnostic>> {
    read_bytes(path, read_capped(path)?, format, sheet)
}

/// Reads a spreadsheet from its bytes (`path` names it in diagnostics); see [`read`].
pub fn read_bytes(
    path: &Path,
    bytes: Vec<u8>,
    format: SheetFormat,
    sheet: Option<&str>,
) -> Result<Table, Box<Diagnostic>> {
    let workbook = |read: ReadWorkbook, what: Kind, bytes: Vec<u8>| {
        check_archive(path, what, &bytes)?;
        // calamine 0.38 panics in debug builds on a cell reference that overflows u32
        // (tafia/calamine#694, #709); whatever panics in the reader is an unreadable file,
        // not a crash.
        catch_unwind(AssertUnwindSafe(|| read(path, bytes, sheet))).unwrap_or_else(|_| {
            Err(corrupt(
                path,
                what,
                msg!("figures-unreadable-workbook.reader-failed"),
            ))
        })
    };
    match format {
        SheetFormat::Csv => read_csv(path, &bytes),
        SheetFormat::Xlsx => workbook(read_xlsx, XLSX, bytes),
        SheetFormat::Ods => workbook(read_ods, ODS, bytes),
    }
}

/// One of the workbook readers below.
type ReadWorkbook = fn(&Path, Vec<u8>, Option<&str>) -> Result<Table, Box<Diagnostic>>;

/// The kind of workbook, as messages name it.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Xlsx,
    Ods,
}

const XLSX: Kind = Kind::Xlsx;
const ODS: Kind = Kind::Ods;

impl Kind {
    /// `an Excel workbook (.xlsx)`.
    fn name(self) -> Msg {
        match self {
            Kind::Xlsx => msg!("figures-kind-xlsx"),
            Kind::Ods => msg!("figures-kind-ods"),
        }
    }
}

/// Looks into a workbook's zip archive before calamine reads it: refuses one whose parts
/// declare more than [`MAX_UNPACKED_BYTES`] together, or whose shared-string table declares
/// more than [`MAX_SHARED_STRINGS`] strings (calamine reserves room for all of them up front).
/// An archive that cannot be opened is left to calamine to report.
fn check_archive(path: &Path, what: Kind, bytes: &[u8]) -> Result<(), Box<Diagnostic>> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut unpacked: u64 = 0;
    let mut shared_strings = Vec::new();
    for i in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(i) else {
            continue;
        };
        unpacked = unpacked.saturating_add(part.size());
        if part
            .name()
            .is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        {
            shared_strings.push(i);
        }
    }
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(corrupt(
            path,
            what,
            msg!("figures-unreadable-workbook.unpacked", bytes = unpacked),
        ));
    }
    for i in shared_strings {
        let mut head = Vec::new();
        if let Ok(part) = archive.by_index(i) {
            // The count is an attribute of the first element; a read error is calamine's
            // to report.
            let _ = part.take(4096).read_to_end(&mut head);
        }
        let head = String::from_utf8_lossy(&head);
        if let Some(count) = attribute(&head, "uniqueCount")
            && count > MAX_SHARED_STRINGS
        {
            return Err(corrupt(
                path,
                what,
                msg!("figures-unreadable-workbook.strings", count = count),
            ));
        }
    }
    Ok(())
}

/// The numeric value of `name="…"` in an XML fragment (digits only; anything else is `None`).
fn attribute(xml: &str, name: &str) -> Option<u64> {
    let at = xml.find(&format!("{name}=\""))? + name.len() + 2;
    let digits: String = xml[at..].chars().take_while(char::is_ascii_digit).collect();
    // Too many digits for u64 is still too many strings.
    Some(digits.parse().unwrap_or(u64::MAX)).filter(|_| !digits.is_empty())
}

fn read_capped(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| {
        Box::new(
            Diagnostic::error(
                "unreadable-file",
                msg!("figures-unreadable-file", file = path),
            )
            .with_note(Msg::verbatim(e.to_string())),
        )
    };
    let file = File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                "sheet-too-large",
                msg!(
                    "figures-file-too-large",
                    file = path,
                    megabytes = MAX_FILE_BYTES / 1_000_000
                ),
            )
            .with_help(msg!("figures-file-too-large.help")),
        ));
    }
    Ok(bytes)
}

// ---------------------------------------------------------------------------------------------
// CSV

/// Reads CSV bytes (named `path` in diagnostics): UTF-8 with or without BOM, UTF-16 with BOM,
/// or else Windows-1252 (what Excel writes for "CSV (gescheiden door lijstscheidingsteken)").
/// The separator is `;`, `,` or tab, whichever the first line uses most.
pub fn read_csv(path: &Path, bytes: &[u8]) -> Result<Table, Box<Diagnostic>> {
    let text = decode(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut rows = Vec::new();
    let (mut index, mut counted) = (0, 0);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let offset = e
                    .position()
                    .map_or(0, |p| p.byte() as usize)
                    .min(text.len());
                return Err(Box::new(
                    Diagnostic::error("csv-syntax", msg!("figures-csv-syntax"))
                        .at(path, offset..offset, msg!("figures-csv-syntax.label"))
                        .with_note(Msg::verbatim(e.to_string())),
                ));
            }
        }
        let Some(position) = record.position() else {
            continue;
        };
        let end = (reader.position().byte() as usize).min(text.len());
        // The record starts where the previous one's terminator started to be read: skip the
        // rest of that terminator and any blank lines.
        let mut start = (position.byte() as usize).min(end);
        while start < end && matches!(text.as_bytes()[start], b'\r' | b'\n') {
            start += 1;
        }
        // The row as a spreadsheet shows it: line breaks before the record (the `csv` crate's
        // own line count does not count blank lines).
        index += text
            .as_bytes()
            .get(counted..start)
            .map_or(0, |gap| gap.iter().filter(|b| **b == b'\n').count());
        counted = counted.max(start);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if index >= MAX_ROWS || record.len() > MAX_COLUMNS {
            return Err(too_large(path, index, record.len().saturating_sub(1)));
        }
        let spans = field_spans(&text, start..end, delimiter, record.len());
        let cells = record
            .iter()
            .zip(spans)
            .map(|(field, span)| Cell {
                value: if field.trim().is_empty() {
                    CellValue::Empty
                } else {
                    CellValue::Text(field.to_string())
                },
                span: Some(span),
            })
            .collect();
        rows.push(Row { index, cells });
    }
    Ok(Table {
        path: path.to_path_buf(),
        sheet: None,
        text: Some(text),
        rows,
    })
}

/// Decodes CSV bytes to text; never fails (undecodable bytes become U+FFFD).
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The separator the first non-empty line uses most, outside quotes: `;` (what Dutch Excel
/// writes, and the default), `,` or tab.
fn detect_delimiter(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
            entry.1 += 1;
        }
    }
    // The first of the most used wins, so a tie (or a line without any) means `;`.
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0);
    counts.iter().find(|c| c.1 == max).map_or(b';', |c| c.0)
}

/// The byte range of each field of the record at `record` in `text`, quotes included. The
/// `csv` crate parses the record; this only finds where each field sits, for diagnostics. If
/// the count disagrees with the parsed record (odd quoting), every field gets the whole record.
fn field_spans(
    text: &str,
    record: Range<usize>,
    delimiter: u8,
    fields: usize,
) -> Vec<Range<usize>> {
    let raw = &text.as_bytes()[record.clone()];
    let trimmed = raw
        .iter()
        .rposition(|b| *b != b'\n' && *b != b'\r')
        .map_or(0, |i| i + 1);
    let mut spans = Vec::with_capacity(fields);
    let mut quoted = false;
    let mut start = 0;
    for (i, &b) in raw[..trimmed].iter().enumerate() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            spans.push(record.start + start..record.start + i);
            start = i + 1;
        }
    }
    spans.push(record.start + start..record.start + trimmed.max(start));
    if spans.len() == fields {
        spans
    } else {
        vec![record.start..record.start + trimmed; fields]
    }
}

// ---------------------------------------------------------------------------------------------
// Workbooks

/// A workbook that cannot be read: drukwerk's sentence, with why (ours, or the reader's own
/// words as a note).
fn corrupt(path: &Path, what: Kind, why: impl Into<Msg>) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error(
            "unreadable-workbook",
            msg!(
                "figures-unreadable-workbook",
                file = path,
                kind = what.name()
            ),
        )
        .with_help(msg!("figures-unreadable-workbook.help"))
        .with_note(why),
    )
}

/// The reader's own error, kept as a note under drukwerk's sentence.
fn reader_error(e: impl std::fmt::Display) -> Msg {
    Msg::verbatim(e.to_string())
}

fn too_large(path: &Path, row: usize, column: usize) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error(
            "sheet-too-large",
            msg!(
                "figures-sheet-too-large",
                file = path,
                cell = cell_ref(row, column),
                rows = MAX_ROWS,
                columns = MAX_COLUMNS
            ),
        )
        .with_help(msg!("figures-sheet-too-large.help")),
    )
}

/// Picks the worksheet to read: the one asked for, else "Kerncijfers", else the first.
fn choose_sheet(
    path: &Path,
    worksheets: &[String],
    wanted: Option<&str>,
) -> Result<String, Box<Diagnostic>> {
    let by_name = |name: &str| {
        worksheets
            .iter()
            .find(|s| s.as_str() == name)
            .or_else(|| worksheets.iter().find(|s| fold(s) == fold(name)))
            .cloned()
    };
    match wanted {
        Some(name) => by_name(name).ok_or_else(|| {
            let mut d = Diagnostic::error(
                "unknown-sheet",
                msg!("figures-unknown-sheet", file = path, sheet = name),
            );
            if let Some(best) = did_you_mean(name, worksheets.iter().map(String::as_str)) {
                d = d.with_help(msg!("figures-did-you-mean", name = best));
            }
            let sheets: Vec<String> = worksheets.iter().map(|s| format!("{s:?}")).collect();
            Box::new(d.with_note(msg!(
                "figures-unknown-sheet.note",
                count = sheets.len(),
                sheets = sheets
            )))
        }),
        None => by_name(SHEET_NAME)
            .or_else(|| worksheets.first().cloned())
            .ok_or_else(|| {
                Box::new(Diagnostic::error(
                    "no-sheet",
                    msg!("figures-no-sheet", file = path),
                ))
            }),
    }
}

fn worksheets(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// Collects cells given by position into rows, refusing values outside the limits.
struct Grid<'a> {
    path: &'a Path,
    cells: Vec<(usize, usize, CellValue)>,
}

impl Grid<'_> {
    fn push(&mut self, row: usize, column: usize, value: CellValue) -> Result<(), Box<Diagnostic>> {
        if value.is_empty() {
            return Ok(());
        }
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(too_large(self.path, row, column));
        }
        self.cells.push((row, column, value));
        Ok(())
    }

    fn into_table(mut self, sheet: String) -> Table {
        self.cells.sort_by_key(|c| (c.0, c.1));
        let mut rows: Vec<Row> = Vec::new();
        for (row, column, value) in self.cells {
            if rows.last().is_none_or(|r| r.index != row) {
                rows.push(Row {
                    index: row,
                    cells: Vec::new(),
                });
            }
            if let Some(r) = rows.last_mut() {
                if r.cells.len() <= column {
                    r.cells.resize(column + 1, Cell::empty());
                }
                r.cells[column] = Cell { value, span: None };
            }
        }
        Table {
            path: self.path.to_path_buf(),
            sheet: Some(sheet),
            text: None,
            rows,
        }
    }
}

fn read_xlsx(path: &Path, bytes: Vec<u8>, wanted: Option<&str>) -> Result<Table, Box<Diagnostic>> {
    let what = XLSX;
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| corrupt(path, what, reader_error(e)))?;
    let sheet = choose_sheet(path, &worksheets(workbook.sheets_metadata()), wanted)?;
    let mut grid = Grid {
        path,
        cells: Vec::new(),
    };
    // Cell by cell, not `worksheet_range`: that allocates the whole rectangle up to the
    // farthest cell before any limit can be checked.
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|e| corrupt(path, what, reader_error(e)))?;
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| corrupt(path, what, reader_error(e)))?
    {
        let (row, column) = cell.get_position();
        grid.push(
            row as usize,
            column as usize,
            from_data_ref(cell.get_value()),
        )?;
    }
    Ok(grid.into_table(sheet))
}

fn read_ods(path: &Path, bytes: Vec<u8>, wanted: Option<&str>) -> Result<Table, Box<Diagnostic>> {
    let what = ODS;
    // calamine's ODS reader builds the sheet's rectangle itself, with its own cap on repeated
    // rows and columns (100 million cells).
    let mut workbook: Ods<_> =
        Ods::new(Cursor::new(bytes)).map_err(|e| corrupt(path, what, reader_error(e)))?;
    let sheet = choose_sheet(path, &worksheets(workbook.sheets_metadata()), wanted)?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| corrupt(path, what, reader_error(e)))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = Grid {
        path,
        cells: Vec::new(),
    };
    for (row, column, value) in range.used_cells() {
        grid.push(top as usize + row, left as usize + column, from_data(value))?;
    }
    Ok(grid.into_table(sheet))
}

fn from_data_ref(value: &DataRef<'_>) -> CellValue {
    match value {
        DataRef::Int(i) => CellValue::Integer(*i),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::String(s) => CellValue::Text(s.clone()),
        DataRef::SharedString(s) => CellValue::Text((*s).to_string()),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(d) => CellValue::Date(d.to_string()),
        DataRef::DateTimeIso(d) | DataRef::DurationIso(d) => CellValue::Other(format!("{d:?}")),
        DataRef::Error(e) => CellValue::Other(e.to_string()),
        DataRef::Empty => CellValue::Empty,
    }
}

fn from_data(value: &Data) -> CellValue {
    match value {
        Data::Int(i) => CellValue::Integer(*i),
        Data::Float(f) => CellValue::Number(*f),
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(d) => CellValue::Date(d.to_string()),
        Data::DateTimeIso(d) | Data::DurationIso(d) => CellValue::Other(format!("{d:?}")),
        Data::Error(e) => CellValue::Other(e.to_string()),
        Data::Empty => CellValue::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Table {
        read_csv(Path::new("f.csv"), text.as_bytes()).unwrap()
    }

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value.text()).collect())
            .collect()
    }

    #[test]
    fn detects_the_separator() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter("single\n"), b';');
    }

    #[test]
    fn reads_semicolons_with_a_bom_and_keeps_spans() {
        let text = "\u{feff}id;students\r\nzwolle;\"144.052\"\r\n\r\nnoord;12\r\n";
        let t = csv(text);
        assert_eq!(
            texts(&t),
            [["id", "students"], ["zwolle", "144.052"], ["noord", "12"]]
        );
        assert_eq!(
            t.rows.iter().map(|r| r.index).collect::<Vec<_>>(),
            [0, 1, 3]
        );
        let decoded = t.text.as_deref().unwrap();
        let span = t.rows[1].cells[1].span.clone().unwrap();
        assert_eq!(&decoded[span], "\"144.052\"");
    }

    #[test]
    fn reads_windows_1252_and_utf16() {
        let t = read_csv(Path::new("f.csv"), b"naam;x\nFrysl\xe2n;1\n").unwrap();
        assert_eq!(texts(&t)[1][0], "Fryslân");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a,b\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(texts(&csv_bytes(&utf16)), [["a", "b"]]);
    }

    fn csv_bytes(bytes: &[u8]) -> Table {
        read_csv(Path::new("f.csv"), bytes).unwrap()
    }

    #[test]
    fn spans_survive_quoted_separators() {
        let text = "id,name,x\nzwolle,\"Zwolle, en omgeving\",5\n";
        let t = csv(text);
        let cells = &t.rows[1].cells;
        assert_eq!(
            &text[cells[1].span.clone().unwrap()],
            "\"Zwolle, en omgeving\""
        );
        assert_eq!(&text[cells[2].span.clone().unwrap()], "5");
    }

    #[test]
    fn picks_the_sheet() {
        let sheets = ["Toelichting".to_string(), "Kerncijfers".to_string()];
        let p = Path::new("f.xlsx");
        assert_eq!(choose_sheet(p, &sheets, None).unwrap(), "Kerncijfers");
        assert_eq!(
            choose_sheet(p, &sheets, Some("toelichting")).unwrap(),
            "Toelichting"
        );
        let err = choose_sheet(p, &sheets, Some("Kerncijfer")).unwrap_err();
        assert_eq!(
            crate::i18n::texts(&err.help, crate::i18n::Lang::En),
            ["did you mean \"Kerncijfers\"?"]
        );
        assert_eq!(
            choose_sheet(p, &["Blad1".to_string()], None).unwrap(),
            "Blad1"
        );
    }
}
