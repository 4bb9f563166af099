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
use crate::i18n::{Arg, Msg};
use crate::model::Model;
use crate::msg;
use crate::suggest::{closest, fold};

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
    /// How the sheet writes thousands, when the user said so (`--thousands`); else inferred
    /// ([`reading`]).
    pub thousands: Option<Thousands>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            flag_change: 25.0,
            thousands: None,
        }
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
    /// How numbers written as text were read.
    pub reading: Reading,
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
    let reading = reading(
        options.thousands,
        table
            .rows
            .iter()
            .filter(|r| r.index > header.row)
            .flat_map(|r| r.cells.iter().enumerate())
            .filter(|(c, _)| matches!(header.columns.get(c), Some(Column::Figure(_))))
            .filter_map(|(c, cell)| match &cell.value {
                CellValue::Text(t) => Some((c, t.as_str())),
                _ => None,
            }),
    );
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
                            msg!(
                                "figures-column-without-header",
                                cell = cell_ref(row.index, column),
                                column = column_name(column)
                            ),
                        )
                        .with_help(msg!("figures-column-without-header.help")),
                        row.index,
                        column,
                        msg!("figures-column-without-header.label"),
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
                        msg!(
                            "figures-duplicate-region",
                            cell = cell_ref(row.index, column),
                            region = &model.regions[region].id
                        ),
                    )
                    .with_note(msg!("figures-duplicate-region.note", row = first + 1))
                    .with_help(msg!("figures-duplicate-region.help")),
                    row.index,
                    column,
                    msg!("figures-again-here"),
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
            match count_with(&cell.value, reading.thousands) {
                Ok(value) => figures.push(FigureCell {
                    column,
                    figure,
                    value,
                }),
                Err(problem) => row_out.push((
                    column,
                    number_problem(table, row.index, column, &cell.value, problem, &reading),
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
            reading,
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
                            msg!(
                                "figures-empty-cell",
                                cell = cell_ref(row, column),
                                figure = &kf.id,
                                region = &r.id,
                                old = old
                            ),
                        )
                        .with_help(msg!("figures-empty-cell.help")),
                        row,
                        column,
                        msg!("figures-empty-cell.label"),
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
                (
                    Flag::BecomesZero,
                    "becomes-zero",
                    msg!("figures-becomes-zero"),
                )
            } else if percent.is_none() {
                (Flag::LargeChange, "large-change", msg!("figures-was-zero"))
            } else if percent.is_some_and(|p| p.abs() > options.flag_change) {
                (
                    Flag::LargeChange,
                    "large-change",
                    msg!(
                        "figures-more-than",
                        threshold = threshold(options.flag_change)
                    ),
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
                        match percent {
                            Some(p) => msg!(
                                "figures-change-percent",
                                cell = cell_ref(row, column),
                                figure = &kf.id,
                                region = &r.id,
                                old = old,
                                new = new,
                                percent = signed_percent(p)
                            ),
                            None => msg!(
                                "figures-change",
                                cell = cell_ref(row, column),
                                figure = &kf.id,
                                region = &r.id,
                                old = old,
                                new = new
                            ),
                        },
                    )
                    .with_help(msg!("figures-change.help")),
                    row,
                    column,
                    label,
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
                    msg!("figures-missing-region", region = &r.id, name = &r.name),
                )
                .with_help(msg!("figures-missing-region.help")),
            );
        }
    }
    for &f in &missing_columns {
        let kf = &model.key_figures[f];
        out.push(
            Diagnostic::note(
                "missing-column",
                msg!("figures-missing-column", figure = &kf.id, label = &kf.label),
            )
            .with_help(msg!("figures-missing-column.help", label = &kf.label)),
        );
    }
    plans.sort_by_key(|p| p.region);
    Plan {
        regions: plans,
        unchanged,
        diagnostics: out,
        reading,
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
            msg!("figures-no-header", rows = HEADER_SEARCH_ROWS),
        )
        .with_help(msg!(
            "figures-no-header.help",
            id = super::ID_HEADER,
            name = super::NAME_HEADER,
            labels = labels
        ));
        d = match table.rows.first() {
            Some(first) => table.locate(d, first.index, 0, msg!("figures-no-header.label")),
            None => d
                .in_file(&table.path)
                .with_note(msg!("figures-empty-sheet")),
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
                    msg!("figures-unknown-column", cell = &place, value = shown),
                );
                if let Some(best) = closest(&cell.value.text(), candidates).first() {
                    d = d.with_help(msg!("figures-did-you-mean", name = *best));
                } else {
                    d = d.with_help(msg!("figures-unknown-column.help"));
                }
                let known: Vec<String> = model
                    .key_figures
                    .iter()
                    .map(|k| format!("{:?} ({})", k.label, k.id))
                    .collect();
                out.push(table.locate(
                    d.with_note(msg!("figures-unknown-column.note", figures = known)),
                    row.index,
                    column,
                    msg!("figures-unknown-column.label"),
                ));
            }
            continue;
        };
        if let Some(first) = first_of.insert(kind, column) {
            header.rejected.push(column);
            let what = match kind {
                Column::Id => msg!("figures-the-region-id"),
                Column::Name => msg!("figures-the-region-name"),
                Column::Figure(f) => msg!("figures-the-figure", figure = &model.key_figures[f].id),
            };
            out.push(
                table.locate(
                    Diagnostic::error(
                        "duplicate-column",
                        msg!(
                            "figures-duplicate-column",
                            cell = &place,
                            what = what,
                            first = column_name(first)
                        ),
                    )
                    .with_help(msg!("figures-duplicate-column.help")),
                    row.index,
                    column,
                    msg!("figures-again-here"),
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
                    msg!("figures-no-region-column", row = row.index + 1),
                )
                .with_help(msg!(
                    "figures-no-region-column.help",
                    id = super::ID_HEADER,
                    name = super::NAME_HEADER
                )),
                row.index,
                0,
                msg!("figures-header-row"),
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
                msg!("figures-no-figure-columns", row = row.index + 1),
            ),
            row.index,
            0,
            msg!("figures-header-row"),
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
    let unknown = |column: usize, text: &str, label: Msg| {
        let candidates = model
            .regions
            .iter()
            .flat_map(|r| [r.id.as_str(), r.name.as_str()]);
        let mut d = Diagnostic::error(
            "unknown-region",
            msg!(
                "figures-unknown-region",
                cell = cell_ref(row.index, column),
                value = text
            ),
        );
        match closest(text, candidates).first() {
            Some(best) => d = d.with_help(msg!("figures-did-you-mean", name = *best)),
            None => d = d.with_help(msg!("figures-unknown-region.help")),
        }
        table.locate(d, row.index, column, label)
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
                    out.push((
                        *column,
                        unknown(*column, id, msg!("figures-unknown-region.label-id")),
                    ));
                    None
                }
            }
        }
        (None, Some((column, name))) => match by_name(name) {
            Some(i) => Some((i, *column)),
            None => {
                out.push((
                    *column,
                    unknown(*column, name, msg!("figures-unknown-region.label-name")),
                ));
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
                    Diagnostic::error("no-region", msg!("figures-no-region", row = row.index + 1))
                        .with_help(msg!("figures-no-region.help")),
                    row.index,
                    column,
                    msg!("figures-no-region.label"),
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
                    msg!(
                        "figures-region-mismatch",
                        cell = cell_ref(row.index, *column),
                        region = &model.regions[region].id,
                        other = &model.regions[other].id
                    ),
                )
                .with_help(msg!("figures-region-mismatch.help")),
                row.index,
                *column,
                msg!("figures-region-mismatch.label"),
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
    /// `1,000` read with a point for thousands (a thousands comma in English, a decimal comma
    /// in Dutch), or `1.000` read with a comma for thousands.
    Ambiguous,
    /// Larger than a figure can be.
    TooLarge,
}

/// How a sheet writes thousands in numbers typed as text (a CSV, or a text cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Thousands {
    /// `16.635`, `12,5`: a point groups thousands, a comma is the decimal sign (Dutch).
    #[default]
    Point,
    /// `16,635`, `12.5`: a comma groups thousands, a point is the decimal sign (English, as
    /// LibreOffice and Excel save a sheet under an English locale).
    Comma,
}

impl Thousands {
    /// The thousands separator: `.` or `,`.
    pub fn separator(self) -> char {
        match self {
            Thousands::Point => '.',
            Thousands::Comma => ',',
        }
    }

    /// The other reading.
    fn other(self) -> Thousands {
        match self {
            Thousands::Point => Thousands::Comma,
            Thousands::Comma => Thousands::Point,
        }
    }
}

/// Why numbers were read the way they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadingSource {
    /// Nothing said otherwise: the Dutch reading.
    Default,
    /// The user said so (`--thousands`).
    Given,
    /// The numbers in these columns (0-based) only make sense as counts this way.
    Inferred(Vec<usize>),
}

/// How the numbers of a sheet were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The thousands separator used.
    pub thousands: Thousands,
    /// Why.
    pub source: ReadingSource,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            thousands: Thousands::Point,
            source: ReadingSource::Default,
        }
    }
}

impl Reading {
    /// The line the plan reports, when the reading is not simply the default:
    /// `numbers read with , as the thousands separator (inferred from column C)`.
    pub fn report(&self) -> Option<Msg> {
        let separator = self.thousands.separator();
        match &self.source {
            ReadingSource::Default => None,
            ReadingSource::Given => Some(msg!("figures-reading-given", separator = separator)),
            ReadingSource::Inferred(columns) => {
                let names: Vec<String> = columns.iter().map(|&c| column_name(c)).collect();
                Some(msg!(
                    "figures-reading-inferred",
                    separator = separator,
                    count = names.len(),
                    columns = names
                ))
            }
        }
    }
}

/// Decides how the sheet writes thousands: as given, or else inferred from the text cells of
/// the key-figure columns (`cells`: column and text).
///
/// The rule, for numbers that are counts: a text reads as a count in one reading and not in the
/// other (`16,635` is 16635 with a comma for thousands, and 16,635 — not a whole number — with
/// a decimal comma; `1,234,567` is a number only with a comma for thousands), or it shows its
/// decimal sign (`1,5`, `14,0`: a comma followed by other than three digits is a decimal
/// comma). When some column speaks for a comma for thousands and no column speaks for a point,
/// the sheet is read with a comma; otherwise the Dutch reading holds, and what is truly
/// ambiguous (`12,000`: 12 or 12000, both counts) is refused.
pub fn reading<'a>(
    given: Option<Thousands>,
    cells: impl IntoIterator<Item = (usize, &'a str)>,
) -> Reading {
    if let Some(thousands) = given {
        return Reading {
            thousands,
            source: ReadingSource::Given,
        };
    }
    let (mut comma, mut point) = (Vec::new(), Vec::new());
    for (column, text) in cells {
        let list = match evidence(text) {
            Some(Thousands::Comma) => &mut comma,
            Some(Thousands::Point) => &mut point,
            None => continue,
        };
        if !list.contains(&column) {
            list.push(column);
        }
    }
    if !comma.is_empty() && point.is_empty() {
        comma.sort_unstable();
        Reading {
            thousands: Thousands::Comma,
            source: ReadingSource::Inferred(comma),
        }
    } else {
        Reading::default()
    }
}

/// What one number written as text says about how its sheet writes thousands (see
/// [`reading`]): `None` when it reads the same either way, or as a count either way
/// (`12,000`), or as a count neither way.
pub fn evidence(text: &str) -> Option<Thousands> {
    // A separator followed by other than three digits at the end is a decimal sign.
    let body = text.trim();
    if let Some(at) = body.rfind([',', '.']) {
        let tail = &body[at + 1..];
        if !tail.is_empty() && tail.len() != 3 && tail.bytes().all(|b| b.is_ascii_digit()) {
            let decimal = if body[at..].starts_with(',') {
                Thousands::Comma
            } else {
                Thousands::Point
            };
            // `1.234,5`: the point before a decimal comma groups thousands, and so on.
            return Some(decimal.other());
        }
    }
    let as_point = read_count(text, Thousands::Point, true);
    let as_comma = read_count(text, Thousands::Comma, true);
    match (as_point, as_comma) {
        (Ok(_), Err(_)) => Some(Thousands::Point),
        (Err(_), Ok(_)) => Some(Thousands::Comma),
        _ => None,
    }
}

/// Largest figure accepted: beyond 2^53 a workbook's floats are no longer whole numbers.
const MAX_FIGURE: i64 = 1 << 53;

/// Reads a cell as a count, with a point for thousands: `Ok(None)` for an empty cell.
pub fn count(value: &CellValue) -> Result<Option<i64>, NumberProblem> {
    count_with(value, Thousands::Point)
}

/// Reads a cell as a count, text read with `thousands`: `Ok(None)` for an empty cell.
pub fn count_with(value: &CellValue, thousands: Thousands) -> Result<Option<i64>, NumberProblem> {
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
        CellValue::Text(t) => read_count(t, thousands, false).map(Some),
        CellValue::Bool(_) | CellValue::Date(_) | CellValue::Other(_) => {
            Err(NumberProblem::NotANumber)
        }
    }
}

/// Parses a count written as text, in Dutch or plain notation: `144052`, `144.052`,
/// `144 052`, `+12`, `14,0`. A decimal point or comma with a fraction is not a count.
pub fn parse_count(text: &str) -> Result<i64, NumberProblem> {
    read_count(text, Thousands::Point, false)
}

/// Parses a count written as text with `thousands` for thousands: with a comma, `16,635`,
/// `1,234,567` and `14.0` are counts, exactly as `16.635`, `1.234.567` and `14,0` are with a
/// point.
pub fn parse_count_with(text: &str, thousands: Thousands) -> Result<i64, NumberProblem> {
    read_count(text, thousands, false)
}

/// The parser behind [`parse_count_with`]. The comma reading is the point reading with the two
/// signs swapped. `lenient`: a decimal sign followed by three digits is read as one (`12,000`
/// is 12 with a point for thousands) instead of refused as ambiguous; [`evidence`] asks this.
fn read_count(text: &str, thousands: Thousands, lenient: bool) -> Result<i64, NumberProblem> {
    let spaced: String = text
        .trim()
        .chars()
        .map(|c| match (c, thousands) {
            ('\u{a0}' | '\u{202f}' | '\u{2009}', _) => ' ',
            ('\u{2212}', _) => '-',
            (',', Thousands::Comma) => '.',
            ('.', Thousands::Comma) => ',',
            (c, _) => c,
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
    } else if grouped(body, ',') && !(lenient && body.matches(',').count() == 1) {
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
    reading: &Reading,
) -> Diagnostic {
    let cell = cell_ref(row, column);
    let value = value.shown();
    let (code, message, label, help) = match problem {
        NumberProblem::NotANumber => (
            "not-a-number",
            msg!("figures-not-a-number", cell = cell, value = value),
            msg!("figures-not-a-number.label"),
            msg!("figures-not-a-number.help"),
        ),
        NumberProblem::NotWhole => (
            "not-a-whole-number",
            msg!("figures-not-whole", cell = cell, value = value),
            msg!("figures-not-whole.label"),
            msg!("figures-not-whole.help"),
        ),
        NumberProblem::Negative => (
            "negative-figure",
            msg!("figures-negative", cell = cell, value = value),
            msg!("figures-negative.label"),
            msg!("figures-negative.help"),
        ),
        NumberProblem::Ambiguous => (
            "ambiguous-number",
            msg!("figures-ambiguous", cell = cell, value = value),
            match reading.thousands {
                Thousands::Point => msg!("figures-ambiguous.label-point"),
                Thousands::Comma => msg!("figures-ambiguous.label-comma"),
            },
            match reading.thousands {
                Thousands::Point => msg!("figures-ambiguous.help-point"),
                Thousands::Comma => msg!("figures-ambiguous.help-comma"),
            },
        ),
        NumberProblem::TooLarge => (
            "number-too-large",
            msg!("figures-too-large", cell = cell, value = value),
            msg!("figures-too-large.label"),
            msg!("figures-too-large.help"),
        ),
    };
    table.locate(
        Diagnostic::error(code, message).with_help(help),
        row,
        column,
        label,
    )
}

/// A threshold in per cent: `25`, `12,5` (a decimal only when it has one).
pub fn threshold(p: f64) -> Arg {
    let decimals = if (p - p.round()).abs() < 0.05 { 0 } else { 1 };
    Arg::Dec(p, decimals)
}

/// A change in per cent, always with its sign and one decimal: `+4,1 %`, `-100,0 %` in Dutch,
/// `+4.1%` in English.
pub fn signed_percent(p: f64) -> Msg {
    let sign = if p.is_sign_negative() && p != 0.0 {
        "-"
    } else {
        "+"
    };
    msg!(
        "figures-percent-change",
        sign = sign,
        percent = Arg::Dec(p.abs(), 1)
    )
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
    fn the_comma_reading_mirrors_the_point_reading() {
        let swap = |t: &str| -> String {
            t.chars()
                .map(|c| match c {
                    ',' => '.',
                    '.' => ',',
                    c => c,
                })
                .collect()
        };
        for text in [
            "16,635",
            "16.635",
            "1,234,567",
            "1.234.567",
            "14,0",
            "14.5",
            "12,000",
            "1 234",
            "-3",
            "n.v.t.",
            "144.052,00",
        ] {
            assert_eq!(
                parse_count_with(&swap(text), Thousands::Comma),
                parse_count(text),
                "{text:?}"
            );
        }
        assert_eq!(parse_count_with("16,635", Thousands::Comma), Ok(16635));
        assert_eq!(parse_count_with("1,234,567", Thousands::Comma), Ok(1234567));
        assert_eq!(
            parse_count_with("16.635", Thousands::Comma),
            Err(NumberProblem::Ambiguous)
        );
        assert_eq!(
            parse_count_with("1.5", Thousands::Comma),
            Err(NumberProblem::NotWhole)
        );
    }

    #[test]
    fn what_a_number_says_about_its_sheet() {
        use Thousands::*;
        for (text, evidence_for) in [
            // Only a count with a comma for thousands.
            ("16,635", Some(Comma)),
            ("1,234,567", Some(Comma)),
            ("1,234.0", Some(Comma)),
            ("14.5", Some(Comma)),
            // Only a count with a point for thousands, or a decimal comma.
            ("144.052", Some(Point)),
            ("1.234.567", Some(Point)),
            ("1,5", Some(Point)),
            ("14,0", Some(Point)),
            ("1.234,5", Some(Point)),
            // A count either way (12 or 12000), or the same either way, or no count at all.
            ("12,000", None),
            ("1.000", None),
            ("12345", None),
            ("144 052", None),
            ("n.v.t.", None),
            ("-16,635", None),
        ] {
            assert_eq!(evidence(text), evidence_for, "{text:?}");
        }
    }

    #[test]
    fn infers_the_reading_from_whole_columns() {
        let inferred = |cells: &[(usize, &str)]| reading(None, cells.iter().copied());
        // An English-locale sheet: 16,635 can only be a count with a comma for thousands.
        let r = inferred(&[(2, "16,635"), (2, "1,000"), (3, "12"), (3, "1,204")]);
        assert_eq!(r.thousands, Thousands::Comma);
        assert_eq!(r.source, ReadingSource::Inferred(vec![2, 3]));
        // Only 12,000: 12 or 12000, both counts. Truly ambiguous: the Dutch reading holds
        // and the cell is refused.
        assert_eq!(inferred(&[(2, "12,000"), (2, "500")]), Reading::default());
        // A decimal comma in the sheet: the comma is not for thousands.
        assert_eq!(inferred(&[(2, "16,635"), (3, "1,5")]), Reading::default());
        assert_eq!(inferred(&[(2, "16,635"), (2, "1,5")]), Reading::default());
        // Dutch sheets stay Dutch.
        assert_eq!(inferred(&[(2, "16.635"), (2, "1.000")]), Reading::default());
        assert_eq!(
            inferred(&[(2, "16.635"), (3, "16,635")]),
            Reading::default()
        );
        // Given: whatever the cells say.
        let given = reading(Some(Thousands::Comma), [(2, "1,5")]);
        assert_eq!(given.thousands, Thousands::Comma);
        assert_eq!(given.source, ReadingSource::Given);
    }

    #[test]
    fn reports_the_reading() {
        use crate::i18n::Lang;
        let r = reading(None, [(2, "16,635"), (4, "1,234,567")]);
        let line = r.report().unwrap();
        assert_eq!(
            line.text(Lang::Nl),
            "getallen gelezen met , als scheidingsteken voor duizendtallen (afgeleid uit de kolommen C en E)"
        );
        assert_eq!(
            line.text(Lang::En),
            "numbers read with , as the thousands separator (inferred from columns C and E)"
        );
        assert!(Reading::default().report().is_none());
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
    fn formats_percentages_in_the_readers_language() {
        use crate::i18n::Lang;
        let threshold = |p, lang| msg!("figures-more-than", threshold = threshold(p)).text(lang);
        assert_eq!(threshold(25.0, Lang::Nl), "meer dan ±25 %");
        assert_eq!(threshold(12.5, Lang::Nl), "meer dan ±12,5 %");
        assert_eq!(threshold(12.5, Lang::En), "more than ±12.5 %");
        assert_eq!(signed_percent(4.06).text(Lang::Nl), "+4,1 %");
        assert_eq!(signed_percent(-100.0).text(Lang::Nl), "-100,0 %");
        assert_eq!(signed_percent(4.06).text(Lang::En), "+4.1 %");
        assert_eq!(signed_percent(1234.5).text(Lang::En), "+1,234.5 %");
    }
}
