//! `figures export`: the model's key figures as a spreadsheet to send out.
//!
//! One row per region (ordered by name, as in the publication), columns for the region id
//! and name and one per key figure, headed by its label. The workbook has a frozen header,
//! numbers as numbers and widths that fit; the CSV is what Dutch Excel opens with a double
//! click (UTF-8 with a BOM, `;`-separated). Both are the same bytes on every run: the
//! workbook's dates come from the publication date, never from the clock.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use super::{ID_HEADER, NAME_HEADER, SHEET_NAME};
use crate::model::Model;

/// The header row: id, name, then each key figure's label.
pub fn header(model: &Model) -> Vec<&str> {
    [ID_HEADER, NAME_HEADER]
        .into_iter()
        .chain(model.key_figures.iter().map(|k| k.label.as_str()))
        .collect()
}

/// The key figures as an `.xlsx` workbook: the sheet "Kerncijfers", and "Toelichting" with
/// each key figure's full description.
pub fn xlsx(model: &Model) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let date = model.publication.date;
    use chrono::Datelike;
    let created =
        ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{}: kerncijfers", model.publication.title))
            .set_author(&model.publication.author)
            .set_creation_datetime(&created),
    );
    let bold = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let number = Format::new().set_num_format("#,##0");

    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    for (column, title) in header(model).into_iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, title, &bold)?;
    }
    for (i, region) in model.regions.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &region.id)?;
        sheet.write_string(row, 1, &region.name)?;
        for (f, value) in region.figures.iter().enumerate() {
            sheet.write_number_with_format(row, f as u16 + 2, *value as f64, &number)?;
        }
    }
    // The header and the id and name columns stay in view while scrolling.
    sheet.set_freeze_panes(1, 2)?;
    for (column, width) in widths(model).into_iter().enumerate() {
        sheet.set_column_width(column as u16, width)?;
    }
    // Printed for a region to confirm: A4 landscape, all columns on one page wide, the
    // header on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;

    let notes = workbook.add_worksheet();
    notes.set_name("Toelichting")?;
    for (column, title) in ["Kolom", "Id", "Omschrijving"].into_iter().enumerate() {
        notes.write_string_with_format(0, column as u16, title, &bold)?;
    }
    for (i, k) in model.key_figures.iter().enumerate() {
        let row = i as u32 + 1;
        notes.write_string(row, 0, &k.label)?;
        notes.write_string(row, 1, &k.id)?;
        notes.write_string(row, 2, &k.description)?;
    }
    notes.set_freeze_panes(1, 0)?;
    notes.autofit();
    notes.set_paper_size(9);
    notes.set_landscape();
    notes.set_print_fit_to_pages(1, 0);
    workbook.save_to_buffer()
}

/// Column widths in characters: the longest text in each column, the bold header counted a
/// little wider than it is (autofit measures it as regular text, and bold headers then
/// touch), numbers with their thousands separators, plus a margin.
fn widths(model: &Model) -> Vec<f64> {
    let header = header(model);
    let mut widths: Vec<f64> = header
        .iter()
        .map(|h| h.chars().count() as f64 * 1.15)
        .collect();
    for region in &model.regions {
        let cells = [region.id.chars().count(), region.name.chars().count()]
            .into_iter()
            .chain(
                region
                    .figures
                    .iter()
                    .map(|f| crate::view::dutch_number(*f).len()),
            );
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = width.max(cell as f64);
        }
    }
    widths.into_iter().map(|w| w + 2.0).collect()
}

/// The key figures as CSV: UTF-8 with a BOM, `;`-separated, CRLF line ends, plain numbers.
pub fn csv(model: &Model) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(header(model))?;
        for region in &model.regions {
            let mut record = vec![region.id.clone(), region.name.clone()];
            record.extend(region.figures.iter().map(i64::to_string));
            writer.write_record(&record)?;
        }
        writer.flush()?;
    }
    Ok(out)
}
