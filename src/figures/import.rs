//! Stage 2 (validate) for spreadsheets: a [`Table`] matched against the checked model, into a
//! [`Plan`] of changes and every problem found.
//!
//! The header row is found among the first rows; its columns are matched to key figures by id
//! or label and to the region id and name (case, accents and punctuation ignored). Rows are
//! matched to regions by id or else by name, cells read as whole numbers in Dutch or plain
//! notation (`144.052`, `144052`, `144 052`). Like `check`, it collects *every* problem before
//! stopping: errors (nothing may be written) and warnings (written only when confirmed).

use std::collections::HashMap;

use super::table::{Cell, CellValue, Row, Table, cell_ref, column_name};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Model;
use crate::suggest::{closest, fold};
use crate::view::dutch_number;

/// How many rows are searched for the header (a title or a note may come first).
const HEADER_SEARCH_ROWS: usize = 20;

/// Header texts (folded) of the column with region ids.
const ID_HEADERS: [&str; 5] = ["id", "regioid", "regionid", "code", "slug"];
/// Header texts (folded) of the column with region names.
const NAME_HEADERS: [&str; 6] = [
    "naam",
    "name",
    "regio",
    "region",
    "regionaam",
    "onderwijsregio",
];

/// Options of an import.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImportOptions {
    /// A change larger than this many per cent (either way) is a warning.
    pub flag_change: f64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self { flag_change: 25.0 }
    }
}

/// What an import would change, and what is wrong or suspicious about the sheet.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The regions whose figures change, in model order (by name).
    pub regions: Vec<RegionPlan>,
    /// Regions in the sheet whose figures stay the same.
    pub unchanged: usize,
    /// Errors, warnings and notes, in sheet order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Plan {
    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        crate::diagnostics::count(&self.diagnostics)
    }

    /// Number of figures that change.
    pub fn changed_figures(&self) -> usize {
        self.regions.iter().map(|r| r.changes.len()).sum()
    }
}

/// The changes to one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionPlan {
    /// Index into [`Model::regions`].
    pub region: usize,
    /// Its figures that change, in key-figure order.
    pub changes: Vec<Change>,
}

/// One figure that changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// Index into [`Model::key_figures`].
    pub figure: usize,
    /// The value in the content now.
    pub old: i64,
    /// The value from the sheet.
    pub new: i64,
    /// Why this change needs confirming, if it does.
    pub flag: Option<Flag>,
}

impl Change {
    /// The change in per cent of the old value; `None` when the old value is 0.
    pub fn percent(&self) -> Option<f64> {
        (self.old != 0).then(|| (self.new - self.old) as f64 / self.old as f64 * 100.0)
    }
}

/// Why a change is a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// It changes by more than the threshold (or from 0).
    LargeChange,
    /// A figure that was not 0 becomes 0.
    BecomesZero,
}

/// What a header cell means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Name,
    Figure(usize),
}

/// A data row matched to a region, with the figures read from it.
struct MatchedRow {
    /// Index into [`Model::regions`].
    region: usize,
    /// 0-based sheet row.
    row: usize,
    figures: Vec<FigureCell>,
}

/// One key-figure cell of a matched row.
struct FigureCell {
    column: usize,
    /// Index into [`Model::key_figures`].
    figure: usize,
    /// `None` for an empty cell.
    value: Option<i64>,
}

/// The header row, matched.
struct Header {
    row: usize,
    columns: HashMap<usize, Column>,
    /// Columns whose header is already reported (unknown or duplicate): their values are
    /// not reported again.
    rejected: Vec<usize>,
    id: Option<usize>,
    name: Option<usize>,
}

/// Matches a table against the model. Never panics, whatever the table holds.
pub fn plan(model: &Model, table: &Table, options: &ImportOptions) -> Plan {
    let mut out = Vec::new();
    let Some(header) = header(model, table, &mut out) else {
        return Plan {
            diagnostics: out,
            ..Plan::default()
        };
    };
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut rows: Vec<MatchedRow> = Vec::new();
    let mut headless_reported: Vec<usize> = header.rejected.clone();
    for row in table.rows.iter().filter(|r| r.index > header.row) {
        if row.is_empty() {
            continue;
        }
        // This row's problems, tagged with their column so they print left to right.
        let mut row_out: Vec<(usize, Diagnostic)> = Vec::new();
        for (column, cell) in row.cells.iter().enumerate() {
            if !header.columns.contains_key(&column)
                && !cell.value.is_empty()
                && !headless_reported.contains(&column)
            {
                headless_reported.push(column);
                row_out.push((
                    column,
                    table.locate(
                        Diagnostic::error(
                            "column-without-header",
                            format!(
                                "{}: column {} has values but no header",
                                cell_ref(row.index, column),
                                column_name(column)
                            ),
                        )
                        .with_help("give the column the label or id of a key figure, or delete it"),
                        row.index,
                        column,
                        "no header above this value",
                    ),
                ));
            }
        }
        let region = region_of_row(model, table, &header, row, &mut row_out);
        if let Some((region, column)) = region
            && let Some(first) = seen.insert(region, row.index)
        {
            row_out.push((
                column,
                table.locate(
                    Diagnostic::error(
                        "duplicate-region",
                        format!(
                            "{}: region {} is in the sheet twice",
                            cell_ref(row.index, column),
                            model.regions[region].id
                        ),
                    )
                    .with_note(format!("its first row is row {}", first + 1))
                    .with_help("keep one row per region"),
                    row.index,
                    column,
                    "again here",
                ),
            ));
        }
        let mut figures = Vec::new();
        let mut columns: Vec<(usize, usize)> = header
            .columns
            .iter()
            .filter_map(|(&c, &k)| match k {
                Column::Figure(f) => Some((c, f)),
                _ => None,
            })
            .collect();
        columns.sort_unstable();
        for (column, figure) in columns {
            let cell = row.cell(column).cloned().unwrap_or_else(Cell::empty);
            match count(&cell.value) {
                Ok(value) => figures.push(FigureCell {
                    column,
                    figure,
                    value,
                }),
                Err(problem) => row_out.push((
                    column,
                    number_problem(table, row.index, column, &cell.value, problem),
                )),
            }
        }
        row_out.sort_by_key(|(column, _)| *column);
        out.extend(row_out.into_iter().map(|(_, d)| d));
        if let Some((region, _)) = region {
            rows.push(MatchedRow {
                region,
                row: row.index,
                figures,
            });
        }
    }
    let missing_columns: Vec<usize> = (0..model.key_figures.len())
        .filter(|f| !header.columns.values().any(|c| *c == Column::Figure(*f)))
        .collect();
    if out.iter().any(|d| d.severity == Severity::Error) {
        return Plan {
            diagnostics: out,
            ..Plan::default()
        };
    }
    let mut plans = Vec::new();
    let mut unchanged = 0;
    for MatchedRow {
        region,
        row,
        figures,
    } in rows
    {
        let r = &model.regions[region];
        let mut changes = Vec::new();
        for FigureCell {
            column,
            figure,
            value,
        } in figures
        {
            let old = r.figures[figure];
            let kf = &model.key_figures[figure];
            let Some(new) = value else {
                out.push(
                    table.locate(
                        Diagnostic::warning(
                            "empty-cell",
                            format!(
                                "{}: no figure for `{}` of {}; it stays {}",
                                cell_ref(row, column),
                                kf.id,
                                r.id,
                                dutch_number(old)
                            ),
                        )
                        .with_help(
                            "fill in the figure, or confirm with --yes to keep the current one",
                        ),
                        row,
                        column,
                        "empty",
                    ),
                );
                continue;
            };
            if new == old {
                continue;
            }
            let mut change = Change {
                figure,
                old,
                new,
                flag: None,
            };
            let percent = change.percent();
            let (flag, code, label) = if new == 0 {
                (Flag::BecomesZero, "becomes-zero", "becomes 0".to_string())
            } else if percent.is_none() {
                (Flag::LargeChange, "large-change", "was 0".to_string())
            } else if percent.is_some_and(|p| p.abs() > options.flag_change) {
                (
                    Flag::LargeChange,
                    "large-change",
                    format!("more than ±{} %", dutch_percent(options.flag_change)),
                )
            } else {
                changes.push(change);
                continue;
            };
            change.flag = Some(flag);
            out.push(
                table.locate(
                    Diagnostic::warning(
                        code,
                        format!(
                            "{}: `{}` of {} changes from {} to {}{}",
                            cell_ref(row, column),
                            kf.id,
                            r.id,
                            dutch_number(old),
                            dutch_number(new),
                            percent.map_or(String::new(), |p| format!(" ({})", signed_percent(p)))
                        ),
                    )
                    .with_help("check the figure with the source; confirm with --yes"),
                    row,
                    column,
                    &label,
                ),
            );
            changes.push(change);
        }
        if changes.is_empty() {
            unchanged += 1;
        } else {
            plans.push(RegionPlan { region, changes });
        }
    }
    for (i, r) in model.regions.iter().enumerate() {
        if !seen.contains_key(&i) {
            out.push(
                Diagnostic::warning(
                    "missing-region",
                    format!(
                        "region {} ({}) is not in the sheet; its figures stay as they are",
                        r.id, r.name
                    ),
                )
                .with_help("add a row for it, or confirm with --yes to keep its figures"),
            );
        }
    }
    for &f in &missing_columns {
        let kf = &model.key_figures[f];
        out.push(
            Diagnostic::note(
                "missing-column",
                format!(
                    "no column for `{}` ({}): these figures stay as they are",
                    kf.id, kf.label
                ),
            )
            .with_help(format!("add a column headed {:?} to update them", kf.label)),
        );
    }
    plans.sort_by_key(|p| p.region);
    Plan {
        regions: plans,
        unchanged,
        diagnostics: out,
    }
}

/// Finds and matches the header row; reports what does not match.
fn header(model: &Model, table: &Table, out: &mut Vec<Diagnostic>) -> Option<Header> {
    let meaning = |cell: &Cell| -> Option<Column> {
        let text = match &cell.value {
            CellValue::Text(t) => fold(t),
            _ => return None,
        };
        if text.is_empty() {
            return None;
        }
        // Ids first: a label that happens to equal another figure's id loses to the id.
        if let Some(f) = model.key_figures.iter().position(|k| fold(&k.id) == text) {
            return Some(Column::Figure(f));
        }
        if let Some(f) = model
            .key_figures
            .iter()
            .position(|k| fold(&k.label) == text)
        {
            return Some(Column::Figure(f));
        }
        if ID_HEADERS.contains(&text.as_str()) {
            return Some(Column::Id);
        }
        NAME_HEADERS
            .contains(&text.as_str())
            .then_some(Column::Name)
    };
    let Some(row) = table
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| r.cells.iter().any(|c| meaning(c).is_some()))
    else {
        let labels: Vec<String> = model
            .key_figures
            .iter()
            .map(|k| format!("{:?}", k.label))
            .collect();
        let mut d = Diagnostic::error(
            "no-header",
            format!(
                "no header row: none of the first {HEADER_SEARCH_ROWS} rows names a key figure or the region column"
            ),
        )
        .with_help(format!(
            "head the columns {:?} (or {:?}) and {}; `drukwerk figures export` writes a sheet to start from",
            super::ID_HEADER,
            super::NAME_HEADER,
            labels.join(", ")
        ));
        d = match table.rows.first() {
            Some(first) => table.locate(d, first.index, 0, "expected the header here or below"),
            None => d.in_file(&table.path).with_note("the sheet is empty"),
        };
        out.push(d);
        return None;
    };
    let mut header = Header {
        row: row.index,
        columns: HashMap::new(),
        rejected: Vec::new(),
        id: None,
        name: None,
    };
    let mut first_of: HashMap<Column, usize> = HashMap::new();
    for (column, cell) in row.cells.iter().enumerate() {
        let place = cell_ref(row.index, column);
        let Some(kind) = meaning(cell) else {
            if !cell.value.is_empty() {
                header.rejected.push(column);
                let shown = cell.value.shown();
                let candidates = model
                    .key_figures
                    .iter()
                    .flat_map(|k| [k.label.as_str(), k.id.as_str()]);
                let mut d = Diagnostic::error(
                    "unknown-column",
                    format!("{place}: column {shown} matches no key figure"),
                );
                if let Some(best) = closest(&cell.value.text(), candidates).first() {
                    d = d.with_help(format!("did you mean {best:?}?"));
                } else {
                    d = d
                        .with_help("rename the column to a key figure's label or id, or delete it");
                }
                let known: Vec<String> = model
                    .key_figures
                    .iter()
                    .map(|k| format!("{:?} ({})", k.label, k.id))
                    .collect();
                out.push(table.locate(
                    d.with_note(format!("key figures: {}", known.join(", "))),
                    row.index,
                    column,
                    "not a key figure",
                ));
            }
            continue;
        };
        if let Some(first) = first_of.insert(kind, column) {
            header.rejected.push(column);
            let what = match kind {
                Column::Id => "the region id".to_string(),
                Column::Name => "the region name".to_string(),
                Column::Figure(f) => format!("`{}`", model.key_figures[f].id),
            };
            out.push(
                table.locate(
                    Diagnostic::error(
                        "duplicate-column",
                        format!(
                            "{place}: a second column for {what} (the first is column {})",
                            column_name(first)
                        ),
                    )
                    .with_help("keep one column per key figure"),
                    row.index,
                    column,
                    "again here",
                ),
            );
            continue;
        }
        match kind {
            Column::Id => header.id = Some(column),
            Column::Name => header.name = Some(column),
            Column::Figure(_) => {}
        }
        header.columns.insert(column, kind);
    }
    if header.id.is_none() && header.name.is_none() {
        out.push(
            table.locate(
                Diagnostic::error(
                    "no-region-column",
                    format!(
                        "row {}: no column with the region id or name",
                        row.index + 1
                    ),
                )
                .with_help(format!(
                    "add a column {:?} with the ids from `drukwerk list`, or {:?} with the names",
                    super::ID_HEADER,
                    super::NAME_HEADER
                )),
                row.index,
                0,
                "the header row",
            ),
        );
    }
    if !header
        .columns
        .values()
        .any(|c| matches!(c, Column::Figure(_)))
    {
        out.push(table.locate(
            Diagnostic::error(
                "no-figure-columns",
                format!("row {}: no column matches a key figure", row.index + 1),
            ),
            row.index,
            0,
            "the header row",
        ));
    }
    Some(header)
}

/// The region a row is about, and the column that says so.
fn region_of_row(
    model: &Model,
    table: &Table,
    header: &Header,
    row: &Row,
    out: &mut Vec<(usize, Diagnostic)>,
) -> Option<(usize, usize)> {
    let text_at = |column: Option<usize>| {
        let column = column?;
        let cell = row.cell(column)?;
        (!cell.value.is_empty()).then(|| (column, cell.value.text()))
    };
    let id = text_at(header.id);
    let name = text_at(header.name);
    let by_name = |name: &str| {
        model
            .regions
            .iter()
            .position(|r| fold(&r.name) == fold(name))
    };
    let unknown = |column: usize, text: &str, what: &str| {
        let candidates = model
            .regions
            .iter()
            .flat_map(|r| [r.id.as_str(), r.name.as_str()]);
        let mut d = Diagnostic::error(
            "unknown-region",
            format!("{}: unknown region {text:?}", cell_ref(row.index, column)),
        );
        match closest(text, candidates).first() {
            Some(best) => d = d.with_help(format!("did you mean {best:?}?")),
            None => d = d.with_help("`drukwerk list` shows every region id and name"),
        }
        table.locate(d, row.index, column, &format!("not a region {what}"))
    };
    let found = match (&id, &name) {
        (Some((column, id)), _) => {
            let index = model
                .regions
                .iter()
                .position(|r| r.id == *id)
                .or_else(|| model.regions.iter().position(|r| fold(&r.id) == fold(id)));
            match index {
                Some(i) => Some((i, *column)),
                None => {
                    out.push((*column, unknown(*column, id, "id")));
                    None
                }
            }
        }
        (None, Some((column, name))) => match by_name(name) {
            Some(i) => Some((i, *column)),
            None => {
                out.push((*column, unknown(*column, name, "name")));
                None
            }
        },
        (None, None) => {
            let column = row
                .cells
                .iter()
                .position(|c| !c.value.is_empty())
                .unwrap_or(0);
            out.push((
                column,
                table.locate(
                    Diagnostic::error(
                        "no-region",
                        format!("row {}: figures without a region id or name", row.index + 1),
                    )
                    .with_help("fill in the region's id or name, or delete the row"),
                    row.index,
                    column,
                    "whose figures are these?",
                ),
            ));
            None
        }
    };
    // An id and a name that name two different regions: a row pasted over another.
    if let (Some((region, _)), Some((column, name))) = (found, &name)
        && let Some(other) = by_name(name)
        && other != region
    {
        out.push((
            *column,
            table.locate(
                Diagnostic::error(
                    "region-mismatch",
                    format!(
                        "{}: the id says {} but the name is that of {}",
                        cell_ref(row.index, *column),
                        model.regions[region].id,
                        model.regions[other].id
                    ),
                )
                .with_help("check which region these figures belong to"),
                row.index,
                *column,
                "another region's name",
            ),
        ));
        return None;
    }
    found
}

/// Why a cell is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Not a number at all (`n.v.t.`, `#N/A`).
    NotANumber,
    /// A fraction (`14,5`).
    NotWhole,
    /// Below zero.
    Negative,
    /// `1,000`: a thousands comma in English, a decimal comma in Dutch.
    Ambiguous,
    /// Larger than a figure can be.
    TooLarge,
}

/// Largest figure accepted: beyond 2^53 a workbook's floats are no longer whole numbers.
const MAX_FIGURE: i64 = 1 << 53;

/// Reads a cell as a count: `Ok(None)` for an empty cell.
pub fn count(value: &CellValue) -> Result<Option<i64>, NumberProblem> {
    match value {
        CellValue::Empty => Ok(None),
        CellValue::Integer(i) if *i < 0 => Err(NumberProblem::Negative),
        CellValue::Integer(i) if *i > MAX_FIGURE => Err(NumberProblem::TooLarge),
        CellValue::Integer(i) => Ok(Some(*i)),
        CellValue::Number(f) if !f.is_finite() => Err(NumberProblem::NotANumber),
        CellValue::Number(f) if *f < 0.0 => Err(NumberProblem::Negative),
        // Formulas can leave 144052.00000000001 behind; that is still 144052.
        CellValue::Number(f) if (f - f.round()).abs() > 1e-6 => Err(NumberProblem::NotWhole),
        CellValue::Number(f) if *f > MAX_FIGURE as f64 => Err(NumberProblem::TooLarge),
        CellValue::Number(f) => Ok(Some(f.round() as i64)),
        CellValue::Text(t) if t.trim().is_empty() => Ok(None),
        CellValue::Text(t) => parse_count(t).map(Some),
        CellValue::Other(_) => Err(NumberProblem::NotANumber),
    }
}

/// Parses a count written as text, in Dutch or plain notation: `144052`, `144.052`,
/// `144 052`, `+12`, `14,0`. A decimal point or comma with a fraction is not a count.
pub fn parse_count(text: &str) -> Result<i64, NumberProblem> {
    let spaced: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let (negative, body) = match spaced.trim().strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, spaced.trim().trim_start_matches('+')),
    };
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = |s: &str, separator: char| {
        let mut groups = s.split(separator);
        groups.next().is_some_and(|g| is_digits(g) && g.len() <= 3)
            && groups.all(|g| is_digits(g) && g.len() == 3)
            && s.contains(separator)
    };
    let digits: String = if is_digits(body) {
        body.to_string()
    } else if grouped(body, '.') || grouped(body, ' ') {
        body.chars().filter(char::is_ascii_digit).collect()
    } else if grouped(body, ',') {
        return Err(NumberProblem::Ambiguous);
    } else {
        // A decimal number: a point or comma, maybe after Dutch thousands points.
        let (whole, fraction) = match body.rsplit_once(',') {
            Some((w, f)) => (w, f),
            None => body.rsplit_once('.').ok_or(NumberProblem::NotANumber)?,
        };
        let whole_ok = is_digits(whole) || grouped(whole, '.') || grouped(whole, ' ');
        if !whole_ok || !is_digits(fraction) {
            return Err(NumberProblem::NotANumber);
        }
        if fraction.bytes().any(|b| b != b'0') {
            return Err(if negative {
                NumberProblem::Negative
            } else {
                NumberProblem::NotWhole
            });
        }
        whole.chars().filter(char::is_ascii_digit).collect()
    };
    let value: i64 = digits.parse().map_err(|_| NumberProblem::TooLarge)?;
    if value > MAX_FIGURE {
        return Err(NumberProblem::TooLarge);
    }
    if negative && value != 0 {
        return Err(NumberProblem::Negative);
    }
    Ok(value)
}

fn number_problem(
    table: &Table,
    row: usize,
    column: usize,
    value: &CellValue,
    problem: NumberProblem,
) -> Diagnostic {
    let place = cell_ref(row, column);
    let shown = value.shown();
    let (code, message, label, help) = match problem {
        NumberProblem::NotANumber => (
            "not-a-number",
            format!("{place}: {shown} is not a number"),
            "expected a whole number",
            "write the figure as 144052 or 144.052",
        ),
        NumberProblem::NotWhole => (
            "not-a-whole-number",
            format!("{place}: {shown} is not a whole number"),
            "not a whole number",
            "key figures are counts: write 144052 or 144.052, without decimals",
        ),
        NumberProblem::Negative => (
            "negative-figure",
            format!("{place}: {shown} is negative"),
            "a count cannot be negative",
            "key figures are counts of 0 or more",
        ),
        NumberProblem::Ambiguous => (
            "ambiguous-number",
            format!("{place}: {shown} is ambiguous"),
            "a comma is a decimal separator in Dutch",
            "write thousands without a comma: 1000 or 1.000",
        ),
        NumberProblem::TooLarge => (
            "number-too-large",
            format!("{place}: {shown} is too large"),
            "too large for a key figure",
            "check the figure with the source",
        ),
    };
    table.locate(
        Diagnostic::error(code, message).with_help(help),
        row,
        column,
        label,
    )
}

/// `25`, `12,5`: a threshold the Dutch way.
pub fn dutch_percent(p: f64) -> String {
    let text = format!("{p:.1}");
    text.strip_suffix(".0").unwrap_or(&text).replace('.', ",")
}

/// `+4,1 %`, `-100,0 %`: a change the Dutch way, always with its sign and one decimal.
pub fn signed_percent(p: f64) -> String {
    format!("{p:+.1} %").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dutch_and_plain_counts() {
        for (text, value) in [
            ("144052", 144052),
            ("144.052", 144052),
            ("144 052", 144052),
            ("144\u{a0}052", 144052),
            ("1.234.567", 1234567),
            (" 12 ", 12),
            ("+12", 12),
            ("0", 0),
            ("-0", 0),
            ("14,0", 14),
            ("144.052,00", 144052),
            ("14.0", 14),
        ] {
            assert_eq!(parse_count(text), Ok(value), "{text:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_count() {
        use NumberProblem::*;
        for (text, problem) in [
            ("14,5", NotWhole),
            ("14.5", NotWhole),
            ("1.5", NotWhole),
            ("1,000", Ambiguous),
            ("144,052", Ambiguous),
            ("-3", Negative),
            ("\u{2212}3", Negative),
            ("n.v.t.", NotANumber),
            ("12a", NotANumber),
            ("1.23.456", NotANumber),
            ("1 2", NotANumber),
            ("-", NotANumber),
            ("99999999999999999999", TooLarge),
            ("", NotANumber),
        ] {
            assert_eq!(parse_count(text), Err(problem), "{text:?}");
        }
    }

    #[test]
    fn reads_workbook_numbers() {
        assert_eq!(count(&CellValue::Number(144052.0)), Ok(Some(144052)));
        assert_eq!(
            count(&CellValue::Number(144052.000_000_000_1)),
            Ok(Some(144052))
        );
        assert_eq!(
            count(&CellValue::Number(14.5)),
            Err(NumberProblem::NotWhole)
        );
        assert_eq!(
            count(&CellValue::Number(-1.0)),
            Err(NumberProblem::Negative)
        );
        assert_eq!(
            count(&CellValue::Number(f64::NAN)),
            Err(NumberProblem::NotANumber)
        );
        assert_eq!(
            count(&CellValue::Number(1e300)),
            Err(NumberProblem::TooLarge)
        );
        assert_eq!(count(&CellValue::Integer(-2)), Err(NumberProblem::Negative));
        assert_eq!(count(&CellValue::Empty), Ok(None));
        assert_eq!(
            count(&CellValue::Other("#N/A".into())),
            Err(NumberProblem::NotANumber)
        );
    }

    #[test]
    fn formats_percentages_the_dutch_way() {
        assert_eq!(dutch_percent(25.0), "25");
        assert_eq!(dutch_percent(12.5), "12,5");
        assert_eq!(signed_percent(4.06), "+4,1 %");
        assert_eq!(signed_percent(-100.0), "-100,0 %");
    }
}
