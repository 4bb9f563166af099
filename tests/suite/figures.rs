//! `drukwerk figures export` and `drukwerk figures import`, through the real binary:
//!
//! - round trip: export, import the same file → no changes, region files byte-identical;
//! - an import of changed figures changes exactly those values (comments kept, whole file
//!   text compared);
//! - every error and warning as a fixture (workbooks made here with rust_xlsxwriter, CSV
//!   written as text), its output snapshotted (`tests/suite/snapshots/suite__figures__*.snap`; update on
//!   request only: `INSTA_UPDATE=always cargo test --test figures`, then review the diff);
//! - hostile input: arbitrary bytes and text as CSV, random, truncated and mutated workbooks
//!   → an error or a plan, never a panic (proptest).

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use codespan_reporting::term::termcolor::NoColor;
use common::{Project, Run};
use drukwerk::diagnostics::{Format, Sources, emit};
use drukwerk::figures::{ImportOptions, SheetFormat, import, read};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestRunner};
use rust_xlsxwriter::Workbook;

/// Runs `drukwerk` in the project folder (so the sheet's path is relative, as a user types it).
fn run(p: &Project, args: &[&str]) -> Run {
    common::run_at(p.root(), args)
}

fn shown(run: &Run) -> String {
    format!(
        "exit code: {}\n--- stderr\n{}--- stdout\n{}",
        run.code, run.stderr, run.stdout
    )
}

/// Every region file's bytes.
fn region_files(p: &Project) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(p.root().join("content/regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect()
}

/// A cell of a workbook made in a test.
#[derive(Clone)]
enum V {
    S(&'static str),
    N(f64),
    Blank,
}

/// A workbook with one sheet "Kerncijfers" holding `rows` from A1.
fn workbook(rows: &[Vec<V>]) -> Vec<u8> {
    workbook_named("Kerncijfers", rows)
}

fn workbook_named(sheet_name: &str, rows: &[Vec<V>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            match value {
                V::S(s) => sheet.write_string(r as u32, c as u16, *s).unwrap(),
                V::N(n) => sheet.write_number(r as u32, c as u16, *n).unwrap(),
                V::Blank => sheet,
            };
        }
    }
    book.save_to_buffer().unwrap()
}

const HEADER: &str = "Regio-id;Naam;Leerlingen/studenten;Schoolbesturen po";

fn xlsx_header() -> Vec<V> {
    vec![
        V::S("Regio-id"),
        V::S("Naam"),
        V::S("Leerlingen/studenten"),
        V::S("Schoolbesturen po"),
    ]
}

/// The minimal fixture (noord: 12345 students, 12 po boards; zuid: 1000 and 3), with `file`
/// written into it.
fn minimal_with(file: &str, bytes: &[u8]) -> Project {
    let p = Project::minimal();
    fs::write(p.root().join(file), bytes).unwrap();
    p
}

/// Imports `file` with `extra` arguments into the minimal fixture; the output, after checking
/// that nothing was written when the import failed.
fn import_fixture(file: &str, bytes: &[u8], extra: &[&str]) -> (Run, Project) {
    let p = minimal_with(file, bytes);
    let before = region_files(&p);
    let mut args = vec!["figures", "import", file];
    args.extend_from_slice(extra);
    let run = run(&p, &args);
    assert!(!run.stderr.contains("panicked"), "{}", shown(&run));
    if run.code != 0 || extra.contains(&"--dry-run") {
        assert_eq!(region_files(&p), before, "nothing is written");
    }
    (run, p)
}

macro_rules! fixture {
    ($test:ident, $file:literal, $bytes:expr, $code:expr) => {
        fixture!($test, $file, $bytes, $code, &[]);
    };
    ($test:ident, $file:literal, $bytes:expr, $code:expr, $extra:expr) => {
        #[test]
        fn $test() {
            let bytes: Vec<u8> = $bytes;
            let (run, _) = import_fixture($file, &bytes, $extra);
            assert_eq!(run.code, $code, "{}", shown(&run));
            insta::assert_snapshot!(stringify!($test), shown(&run));
        }
    };
}

fn csv(body: &str) -> Vec<u8> {
    format!("{HEADER}\n{body}").into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Errors: exit 1, nothing written, the sheet, cell and value in the message.

fixture!(
    error_unknown_region_id,
    "cijfers.csv",
    csv("nord;;12345;12\nzuid;;1000;3\n"),
    1
);
fixture!(
    error_unknown_region_name,
    "cijfers.xlsx",
    workbook(&[
        vec![
            V::S("Naam"),
            V::S("Leerlingen/studenten"),
            V::S("Schoolbesturen po")
        ],
        vec![V::S("Onderwijsregio Nord (po)"), V::N(12345.0), V::N(12.0)],
        vec![V::S("Onderwijsregio Zuid"), V::N(1000.0), V::N(3.0)],
    ]),
    1
);
fixture!(
    error_unknown_column,
    "cijfers.xlsx",
    workbook(&[
        vec![
            V::S("Regio-id"),
            V::S("Leerlingen"),
            V::S("Schoolbesturen po")
        ],
        vec![V::S("noord"), V::N(12345.0), V::N(12.0)],
        vec![V::S("zuid"), V::N(1000.0), V::N(3.0)],
    ]),
    1
);
fixture!(
    error_text_for_a_number,
    "cijfers.csv",
    csv("noord;Onderwijsregio Noord (po);n.v.t.;12\nzuid;Onderwijsregio Zuid;1000;3\n"),
    1
);
fixture!(
    error_not_a_whole_number_csv,
    "cijfers.csv",
    csv("noord;;12345;14,5\nzuid;;1000;3\n"),
    1
);
fixture!(
    error_not_a_whole_number_xlsx,
    "cijfers.xlsx",
    workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::Blank, V::N(12345.0), V::N(14.5)],
        vec![V::S("zuid"), V::Blank, V::N(1000.0), V::N(3.0)],
    ]),
    1
);
// 12,000 is 12 with a decimal comma and 12000 with a comma for thousands: both counts, and
// nothing else in the sheet says which. (12,345 alone is no longer refused: see below.)
fixture!(
    error_ambiguous_number,
    "cijfers.csv",
    csv("noord;;12,000;12\nzuid;;1000;3\n"),
    1
);
fixture!(
    error_negative,
    "cijfers.xlsx",
    workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::Blank, V::N(12345.0), V::N(12.0)],
        vec![V::S("zuid"), V::Blank, V::N(1000.0), V::N(-3.0)],
    ]),
    1
);
fixture!(
    error_region_twice,
    "cijfers.csv",
    csv("noord;;12345;12\nzuid;;1000;3\nNoord;;12345;13\n"),
    1
);
fixture!(
    error_id_and_name_disagree,
    "cijfers.csv",
    csv("noord;Onderwijsregio Zuid;12345;12\nzuid;Onderwijsregio Zuid;1000;3\n"),
    1
);
fixture!(
    error_no_header,
    "cijfers.csv",
    b"noord;12345;12\nzuid;1000;3\n".to_vec(),
    1
);
fixture!(
    error_corrupt_workbook,
    "cijfers.xlsx",
    b"PK\x03\x04 this is not a workbook at all".to_vec(),
    1
);
fixture!(
    error_truncated_workbook,
    "cijfers.xlsx",
    {
        let bytes = workbook(&[xlsx_header(), vec![V::S("noord"), V::Blank, V::N(1.0)]]);
        bytes[..bytes.len() / 2].to_vec()
    },
    1
);
fixture!(
    error_unknown_sheet,
    "cijfers.xlsx",
    workbook(&[xlsx_header()]),
    1,
    &["--sheet", "Kerncijfer"]
);
fixture!(
    error_unsupported_extension,
    "cijfers.numbers",
    b"".to_vec(),
    2
);

#[test]
fn every_error_in_one_run() {
    let sheet = "Kerncijferupdate 2027\n\
                 Regio-id;Naam;Leerlingen/studenten;Schoolbesturen po;Opmerking\n\
                 nord;;12345;12;\n\
                 noord;;veel;-2;\n\
                 zuid;;1.000;14,5;\n\
                 zuid;;1000;3;;7\n";
    let (run, _) = import_fixture("cijfers.csv", sheet.as_bytes(), &[]);
    assert_eq!(run.code, 1, "{}", shown(&run));
    for code in [
        "error[unknown-column]",
        "error[unknown-region]",
        "error[not-a-number]",
        "error[negative-figure]",
        "error[not-a-whole-number]",
        "error[duplicate-region]",
        "error[column-without-header]",
    ] {
        assert!(run.stderr.contains(code), "{code} missing:\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("import failed: 7 errors; nothing written")
    );
    insta::assert_snapshot!("every_error_in_one_run", shown(&run));
}

/// `every_error_in_one_run` in Dutch, as a user with a Dutch locale reads it.
#[test]
fn every_error_in_one_run_in_dutch() {
    let sheet = "Kerncijferupdate 2027\n\
                 Regio-id;Naam;Leerlingen/studenten;Schoolbesturen po;Opmerking\n\
                 nord;;12345;12;\n\
                 noord;;veel;-2;\n\
                 zuid;;1.000;14,5;\n\
                 zuid;;1000;3;;7\n";
    let (run, _) = import_fixture("cijfers.csv", sheet.as_bytes(), &["--lang", "nl"]);
    assert_eq!(run.code, 1, "{}", shown(&run));
    assert!(
        run.stderr
            .contains("importeren mislukt: 7 fouten; niets geschreven")
    );
    insta::assert_snapshot!("every_error_in_one_run_in_dutch", shown(&run));
}

// The import's plan and summary in Dutch, and warnings on a workbook (a place, not a span).
fixture!(
    import_plan_in_dutch,
    "cijfers.xlsx",
    workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::Blank, V::N(20000.0), V::N(0.0)],
        vec![V::S("zuid"), V::Blank, V::Blank, V::N(3.0)],
    ]),
    1,
    &["--lang", "nl"]
);
fixture!(
    error_ambiguous_number_in_dutch,
    "cijfers.csv",
    csv("noord;;12,000;12\nzuid;;1000;3\n"),
    1,
    &["--lang", "nl"]
);
fixture!(
    error_unknown_sheet_in_dutch,
    "cijfers.xlsx",
    workbook(&[xlsx_header()]),
    1,
    &["--sheet", "Kerncijfer", "--lang", "nl"]
);
fixture!(
    error_corrupt_workbook_in_dutch,
    "cijfers.xlsx",
    b"PK\x03\x04 this is not a workbook at all".to_vec(),
    1,
    &["--lang", "nl"]
);

// ---------------------------------------------------------------------------------------------
// Thousands: a sheet saved under an English locale writes 16,635.

/// The minimal fixture's figures as an English-locale CSV (commas between fields, figures in
/// quotes as LibreOffice writes them), with noord's students changed to 16,635.
const ENGLISH_CSV: &str = "Regio-id,Naam,Leerlingen/studenten,Schoolbesturen po\n\
                           noord,,\"16,635\",12\n\
                           zuid,,\"1,000\",3\n";

#[test]
fn an_english_locale_sheet_is_read_with_a_comma_for_thousands_and_says_so() {
    let (run, p) = import_fixture("cijfers.csv", ENGLISH_CSV.as_bytes(), &["--yes"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(
        run.stderr
            .contains("numbers read with , as the thousands separator (inferred from column C)"),
        "{}",
        shown(&run)
    );
    let noord = fs::read_to_string(p.root().join("content/regions/noord.toml")).unwrap();
    assert!(noord.contains("16635"), "{noord}");
    let zuid = fs::read_to_string(p.root().join("content/regions/zuid.toml")).unwrap();
    assert!(zuid.contains("1000"), "{zuid}");
    insta::assert_snapshot!("english_locale_sheet_inferred", shown(&run));

    let (run, _) = import_fixture(
        "cijfers.csv",
        ENGLISH_CSV.as_bytes(),
        &["--dry-run", "--lang", "nl"],
    );
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(
        run.stderr.contains(
            "getallen gelezen met , als scheidingsteken voor duizendtallen (afgeleid uit kolom C)"
        ),
        "{}",
        shown(&run)
    );
    insta::assert_snapshot!("english_locale_sheet_inferred_in_dutch", shown(&run));
}

#[test]
fn the_thousands_separator_can_be_given() {
    // 12,000 alone is ambiguous; --thousands , says it is 12000.
    let sheet = csv("noord;;12,000;12\nzuid;;1000;3\n");
    let (run, p) = import_fixture("cijfers.csv", &sheet, &["--thousands", ",", "--yes"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(
        run.stderr
            .contains("numbers read with , as the thousands separator (given with --thousands)"),
        "{}",
        shown(&run)
    );
    let noord = fs::read_to_string(p.root().join("content/regions/noord.toml")).unwrap();
    assert!(noord.contains("12000"), "{noord}");
    // The English sheet, said outright.
    let (run, _) = import_fixture(
        "cijfers.csv",
        ENGLISH_CSV.as_bytes(),
        &["--thousands", ",", "--dry-run"],
    );
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(run.stderr.contains("(given with --thousands)"));
    // With a point for thousands, a Dutch 16.635 reads as it always did, and 16,635 is refused.
    let (run, _) = import_fixture(
        "cijfers.csv",
        ENGLISH_CSV.as_bytes(),
        &["--thousands", ".", "--dry-run"],
    );
    assert_eq!(run.code, 1, "{}", shown(&run));
    assert!(run.stderr.contains("error[ambiguous-number]"));
    assert!(run.stderr.contains("--thousands ,"), "{}", run.stderr);
}

#[test]
fn truly_ambiguous_numbers_are_still_refused_and_the_help_names_the_option() {
    for (sheet, why) in [
        ("noord;;12,000;12\nzuid;;1000;3\n", "12 or 12000"),
        (
            "noord;;16,635;1,5\nzuid;;1000;3\n",
            "a decimal comma in the sheet",
        ),
        (
            "noord;;16,635;12\nzuid;;1.500;3\n",
            "a thousands point in the sheet",
        ),
    ] {
        let (run, _) = import_fixture("cijfers.csv", &csv(sheet), &[]);
        assert_eq!(run.code, 1, "{why}: {}", shown(&run));
        assert!(
            run.stderr.contains("error[ambiguous-number]"),
            "{why}: {}",
            shown(&run)
        );
        assert!(
            run.stderr
                .contains("--thousands , (16,635) or --thousands . (16.635)"),
            "{why}: {}",
            shown(&run)
        );
        assert!(!run.stderr.contains("numbers read with"), "{why}");
    }
}

#[test]
fn dutch_thousands_are_read_as_before_without_a_reading_line() {
    let sheet = csv("noord;;\"16.635\";12\nzuid;;1.000;3\n");
    let (run, p) = import_fixture("cijfers.csv", &sheet, &["--yes"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(!run.stderr.contains("numbers read with"), "{}", run.stderr);
    let noord = fs::read_to_string(p.root().join("content/regions/noord.toml")).unwrap();
    assert!(noord.contains("16635"), "{noord}");
}

#[test]
fn json_output_names_the_sheet_and_cell() {
    let bytes = workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::Blank, V::N(12345.0), V::N(14.5)],
        vec![V::S("zuid"), V::Blank, V::N(1000.0), V::N(3.0)],
    ]);
    let p = minimal_with("cijfers.xlsx", &bytes);
    let run = run(
        &p,
        &["--format", "json", "figures", "import", "cijfers.xlsx"],
    );
    assert_eq!(run.code, 1);
    let d: serde_json::Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(d["code"], "not-a-whole-number");
    assert_eq!(d["message"], "D2: 14.5 is not a whole number");
    assert_eq!(d["file"], "cijfers.xlsx");
    assert_eq!(d["place"], "sheet \"Kerncijfers\", cell D2");
    // In Dutch: the place and the number too.
    let run = run_nl_json(&p);
    let d: serde_json::Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(d["code"], "not-a-whole-number");
    assert_eq!(d["message"], "D2: 14,5 is geen geheel getal");
    assert_eq!(d["place"], "werkblad \"Kerncijfers\", cel D2");
}

fn run_nl_json(p: &Project) -> Run {
    run(
        p,
        &[
            "--format",
            "json",
            "--lang",
            "nl",
            "figures",
            "import",
            "cijfers.xlsx",
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// Warnings: listed, and written only with --yes.

const LARGE_CHANGE: &str = "noord;;20000;12\nzuid;;1000;3\n";

fixture!(warning_large_change, "cijfers.csv", csv(LARGE_CHANGE), 1);
fixture!(
    warning_large_change_dry_run,
    "cijfers.csv",
    csv(LARGE_CHANGE),
    0,
    &["--dry-run"]
);
fixture!(
    warning_becomes_zero,
    "cijfers.xlsx",
    workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::Blank, V::N(12345.0), V::N(12.0)],
        vec![V::S("zuid"), V::Blank, V::N(1000.0), V::N(0.0)],
    ]),
    1
);
fixture!(
    warning_missing_region,
    "cijfers.csv",
    csv("noord;;12400;12\n"),
    1
);
fixture!(
    warning_empty_cell,
    "cijfers.csv",
    csv("noord;;12400;\nzuid;;1000;3\n"),
    1
);

#[test]
fn warnings_are_written_with_yes() {
    let (run, p) = import_fixture("cijfers.csv", &csv(LARGE_CHANGE), &["--yes"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    let expected = fs::read_to_string(
        common::repo().join("tests/fixtures/minimal/content/regions/noord.toml"),
    )
    .unwrap()
    .replace("12345", "20000");
    assert_eq!(p.read("content/regions/noord.toml"), expected);
    assert!(run.stderr.contains("updated content/regions/noord.toml"));
    assert!(
        run.stderr
            .contains("checked 2 regions: 0 errors, 0 warnings")
    );
}

#[test]
fn the_threshold_is_an_option() {
    let (run, p) = import_fixture("cijfers.csv", &csv(LARGE_CHANGE), &["--flag-change", "80"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(!run.stderr.contains("warning["), "{}", run.stderr);
    assert!(
        p.read("content/regions/noord.toml")
            .contains("students = 20000")
    );
    let (run, _) = import_fixture("cijfers.csv", &csv(LARGE_CHANGE), &["--flag-change", "50"]);
    assert_eq!(run.code, 1, "+62 % is more than 50 %: {}", shown(&run));
}

// ---------------------------------------------------------------------------------------------
// Changes: exactly the changed values, nothing else.

/// The minimal fixture's noord.toml with comments everywhere around the figures.
const NOORD_WITH_COMMENTS: &str = "# Onderwijsregio Noord: cijfers uit de bron van 2026.
id = \"noord\"
name = \"Onderwijsregio Noord (po)\"
sectors = [\"po\"]   # alleen po
municipalities = [\"Groningen\", \"Het Hogeland\", \"Westerkwartier\"]

[figures]
# Peildatum 1 oktober.
students   = 12345   # DUO
po-boards  = 12
";

#[test]
fn import_changes_exactly_those_values() {
    // Columns in another order, headed by id or label in any case, rows matched by name.
    let bytes = workbook(&[
        vec![V::S("Overzicht kerncijfers")],
        vec![],
        vec![V::S("SCHOOLBESTUREN PO"), V::S("naam"), V::S("Students")],
        vec![
            V::N(12.0),
            V::S("onderwijsregio noord (PO)"),
            V::S("12.500"),
        ],
        vec![V::N(3.0), V::S("Onderwijsregio Zuid"), V::N(1000.0)],
    ]);
    let p = minimal_with("cijfers.xlsx", &bytes);
    p.write("content/regions/noord.toml", NOORD_WITH_COMMENTS);
    let zuid = p.read("content/regions/zuid.toml");
    let run = run(&p, &["figures", "import", "cijfers.xlsx"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert_eq!(
        p.read("content/regions/noord.toml"),
        NOORD_WITH_COMMENTS.replace("12345", "12500")
    );
    assert_eq!(p.read("content/regions/zuid.toml"), zuid);
    insta::assert_snapshot!("import_changes_exactly_those_values", shown(&run));
}

#[test]
fn reads_an_ods_written_by_libreoffice() {
    let bytes = fs::read(common::repo().join("tests/fixtures/figures/kerncijfers.ods")).unwrap();
    let p = minimal_with("kerncijfers.ods", &bytes);
    let run = run(&p, &["figures", "import", "kerncijfers.ods"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    assert!(
        run.stdout
            .contains("Leerlingen/studenten  12,345 → 12,400     +0.4 %"),
        "{}",
        run.stdout
    );
    assert!(
        p.read("content/regions/noord.toml")
            .contains("students = 12400\n")
    );
}

#[test]
fn round_trip_of_the_shipped_content_changes_nothing() {
    let p = Project::real();
    let before = region_files(&p);
    for file in ["kerncijfers.xlsx", "kerncijfers.csv"] {
        let export = run(&p, &["figures", "export", file]);
        assert_eq!(export.code, 0, "{}", shown(&export));
        assert!(
            export.stderr.contains("49 regions, 5 key figures"),
            "{}",
            export.stderr
        );
        let import = run(&p, &["figures", "import", file]);
        assert_eq!(import.code, 0, "{}", shown(&import));
        assert!(import.stderr.contains("no changes"), "{}", import.stderr);
        assert!(!import.stderr.contains("warning["), "{}", import.stderr);
        assert_eq!(import.stdout, "");
        assert_eq!(region_files(&p), before, "{file}: region files unchanged");
    }
}

#[test]
fn changed_csv_changes_those_figures_in_the_shipped_content() {
    let p = Project::real();
    let before = region_files(&p);
    assert_eq!(run(&p, &["figures", "export", "k.csv"]).code, 0);
    let csv = p.read("k.csv");
    // Zwolle: 144052 students → 150000 (+4,1 %); Amsterdam: every figure + 1.
    let zwolle_line = csv.lines().find(|l| l.starts_with("zwolle;")).unwrap();
    let amsterdam_line = csv.lines().find(|l| l.starts_with("amsterdam;")).unwrap();
    let amsterdam_new: Vec<String> = amsterdam_line
        .split(';')
        .enumerate()
        .map(|(i, f)| {
            if i < 2 {
                f.to_string()
            } else {
                (f.parse::<i64>().unwrap() + 1).to_string()
            }
        })
        .collect();
    let edited = csv
        .replace(zwolle_line, &zwolle_line.replace(";144052;", ";150000;"))
        .replace(amsterdam_line, &amsterdam_new.join(";"));
    p.write("k.csv", &edited);
    let run = run(&p, &["figures", "import", "k.csv"]);
    assert_eq!(run.code, 0, "{}", shown(&run));
    let after = region_files(&p);
    for (name, bytes) in &before {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let expected = match name.as_str() {
            "zwolle.toml" => text.replace("students = 144052\n", "students = 150000\n"),
            "amsterdam.toml" => {
                let old: Vec<&str> = amsterdam_line.split(';').skip(2).collect();
                let mut t = text.clone();
                for (key, old) in [
                    "students",
                    "po-boards",
                    "vo-boards",
                    "mbo-institutions",
                    "teacher-training",
                ]
                .iter()
                .zip(old)
                {
                    let new = old.parse::<i64>().unwrap() + 1;
                    t = t.replace(&format!("{key} = {old}\n"), &format!("{key} = {new}\n"));
                }
                assert_ne!(t, text);
                t
            }
            _ => text,
        };
        assert_eq!(
            String::from_utf8(after[name].clone()).unwrap(),
            expected,
            "{name}"
        );
    }
    assert!(
        run.stdout
            .contains("Onderwijsregio Zwolle en omgeving (zwolle)")
    );
    // Numbers the reader's way: the tests run in English.
    assert!(run.stdout.contains("144,052 → 150,000"), "{}", run.stdout);
    assert!(run.stdout.contains("+4.1 %"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("6 figures change in 2 regions; 47 regions unchanged"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_is_a_real_workbook_and_the_same_bytes_every_time() {
    use calamine::{Data, Reader, Xlsx};
    let p = Project::real();
    assert_eq!(run(&p, &["figures", "export", "a.xlsx"]).code, 0);
    assert_eq!(run(&p, &["figures", "export", "b.xlsx"]).code, 0);
    assert_eq!(run(&p, &["figures", "export", "a.csv"]).code, 0);
    assert_eq!(run(&p, &["figures", "export", "b.csv"]).code, 0);
    let a = fs::read(p.root().join("a.xlsx")).unwrap();
    assert_eq!(a, fs::read(p.root().join("b.xlsx")).unwrap());
    let csv = fs::read(p.root().join("a.csv")).unwrap();
    assert_eq!(csv, fs::read(p.root().join("b.csv")).unwrap());

    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(a)).unwrap();
    assert_eq!(book.sheet_names(), ["Kerncijfers", "Toelichting"]);
    let range = book.worksheet_range("Kerncijfers").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 50);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "Regio-id",
            "Naam",
            "Leerlingen/studenten",
            "Schoolbesturen po",
            "Schoolbesturen vo",
            "Mbo-instellingen",
            "Opleiders"
        ]
    );
    let zwolle = rows
        .iter()
        .find(|r| r[0] == Data::String("zwolle".into()))
        .unwrap();
    assert_eq!(
        zwolle[1],
        Data::String("Onderwijsregio Zwolle en omgeving".into())
    );
    assert_eq!(zwolle[2], Data::Float(144052.0), "numbers are numbers");

    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with("\u{feff}Regio-id;Naam;Leerlingen/studenten;"));
    assert!(text.contains("\r\nzwolle;Onderwijsregio Zwolle en omgeving;144052;76;19;5;6\r\n"));
    assert_eq!(text.lines().count(), 50);
}

#[test]
fn export_refuses_other_formats() {
    let p = Project::minimal();
    let run = run(&p, &["figures", "export", "k.ods"]);
    assert_eq!(run.code, 2, "{}", shown(&run));
    assert!(!p.root().join("k.ods").exists());
}

// ---------------------------------------------------------------------------------------------
// Hostile input: never a panic.

fn config(cases: u32) -> Config {
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            Config::default().cases
        } else {
            cases
        },
        failure_persistence: None,
        ..Config::default()
    }
}

/// Reads bytes as `format` and, if that works, plans the import and prints every diagnostic.
fn import_bytes(model: &drukwerk::model::Model, bytes: Vec<u8>, format: SheetFormat) {
    let path = Path::new("sheet");
    let (diagnostics, text) = match read::read_bytes(path, bytes, format, None) {
        Ok(table) => {
            let plan = import::plan(model, &table, &ImportOptions::default());
            (plan.diagnostics, table.text)
        }
        Err(d) => (vec![*d], None),
    };
    let mut sources = Sources::default();
    if let Some(text) = text {
        sources.insert(path, text);
    }
    for format in [Format::Human, Format::Json] {
        let mut out = NoColor::new(Vec::new());
        emit(
            &mut out,
            &sources,
            &diagnostics,
            format,
            drukwerk::i18n::Lang::En,
        )
        .unwrap();
    }
}

fn minimal_model() -> (Project, drukwerk::model::Model) {
    let p = Project::minimal();
    let model = drukwerk::project::check(p.root()).model.unwrap();
    (p, model)
}

/// Characters and words that matter to a sheet of figures.
fn sheet_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(vec![
            ";",
            ",",
            "\t",
            "\"",
            "\n",
            "\r\n",
            " ",
            "\u{a0}",
            "-",
            "+",
            ".",
            "0",
            "9",
            "12.345",
            "14,5",
            "1,000",
            "99999999999999999999",
            "noord",
            "zuid",
            "Noord",
            "Regio-id",
            "Naam",
            "Leerlingen/studenten",
            "Schoolbesturen po",
            "students",
            "é",
            "\u{feff}",
        ])
        .prop_map(str::to_string),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|p| p.concat())
}

#[test]
fn csv_import_never_panics() {
    let (_p, model) = minimal_model();
    let mut runner = TestRunner::new(config(512));
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..400), |bytes| {
            import_bytes(&model, bytes, SheetFormat::Csv);
            Ok(())
        })
        .unwrap();
    runner
        .run(&sheet_text(), |text| {
            import_bytes(
                &model,
                format!("{HEADER}\n{text}").into_bytes(),
                SheetFormat::Csv,
            );
            import_bytes(&model, text.into_bytes(), SheetFormat::Csv);
            Ok(())
        })
        .unwrap();
}

#[test]
fn corrupt_workbooks_are_errors_not_panics() {
    let (_p, model) = minimal_model();
    let valid = workbook(&[
        xlsx_header(),
        vec![V::S("noord"), V::S("x"), V::N(12345.0), V::N(12.0)],
        vec![V::S("zuid"), V::Blank, V::N(1000.0), V::N(3.0)],
    ]);
    // Truncated at every length that ends inside the archive.
    for len in (0..valid.len()).step_by(97) {
        for format in [SheetFormat::Xlsx, SheetFormat::Ods] {
            import_bytes(&model, valid[..len].to_vec(), format);
        }
    }
    let mut runner = TestRunner::new(config(256));
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
            for format in [SheetFormat::Xlsx, SheetFormat::Ods] {
                import_bytes(&model, bytes.clone(), format);
            }
            Ok(())
        })
        .unwrap();
    // A valid workbook with bytes changed: mostly the zip's checksums catch it, sometimes the
    // XML parser has to.
    let mutation = proptest::collection::vec((0..valid.len(), any::<u8>()), 1..8);
    runner
        .run(&mutation, |edits| {
            let mut bytes = valid.clone();
            for (at, byte) in edits {
                bytes[at] = byte;
            }
            import_bytes(&model, bytes, SheetFormat::Xlsx);
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_cell_far_away_is_refused_without_allocating_the_sheet() {
    let (_p, model) = minimal_model();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Regio-id").unwrap();
    sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = read::read_bytes(
        Path::new("far.xlsx"),
        bytes.clone(),
        SheetFormat::Xlsx,
        None,
    )
    .unwrap_err();
    assert_eq!(err.code, "sheet-too-large");
    let message = err.message.text(drukwerk::i18n::Lang::En);
    assert!(message.contains("XFD1048576"), "{message}");
    import_bytes(&model, bytes, SheetFormat::Xlsx);
}

/// A bare `.xlsx` built part by part (stored, not deflated, so its XML can be mutated): one
/// sheet "Kerncijfers" with `sheet_data` inside `<sheetData>`, and a shared-string table.
fn raw_xlsx(sheet_data: &str, shared_strings: &str) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let ns = "http://schemas.openxmlformats.org";
    let parts = [
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Kerncijfers" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        ("xl/sharedStrings.xml", shared_strings.to_string()),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const SHEET_DATA: &str = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>students</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>noord</t></is></c><c r="B2"><v>12346</v></c></row>"#;
const SHARED_STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Regio-id</t></si></sst>"#;

#[test]
fn hand_built_workbooks_are_read_and_hostile_ones_refused() {
    let (_p, model) = minimal_model();
    let read =
        |bytes: Vec<u8>| read::read_bytes(Path::new("w.xlsx"), bytes, SheetFormat::Xlsx, None);
    // The hand-built workbook itself is fine: the test below mutates something that works.
    let table = read(raw_xlsx(SHEET_DATA, SHARED_STRINGS)).unwrap();
    let plan = import::plan(&model, &table, &ImportOptions::default());
    assert_eq!(plan.changed_figures(), 1, "{:?}", plan.diagnostics);

    // 4 billion shared strings claimed in a 1 kB file: calamine would reserve 96 GB and abort.
    let greedy = SHARED_STRINGS.replace(r#"uniqueCount="1""#, r#"uniqueCount="4000000000""#);
    let err = read(raw_xlsx(SHEET_DATA, &greedy)).unwrap_err();
    assert_eq!(err.code, "unreadable-workbook");
    let notes = drukwerk::i18n::texts(&err.notes, drukwerk::i18n::Lang::En).join("\n");
    assert!(notes.contains("4,000,000,000 different texts"), "{notes}");

    // A row number that overflows calamine's arithmetic (a panic in debug builds).
    let overflowing = SHEET_DATA.replace(r#"<row r="2">"#, r#"<row r="99999999999">"#);
    assert!(read(raw_xlsx(&overflowing, SHARED_STRINGS)).is_err());
}

#[test]
fn mutated_workbook_xml_is_never_a_panic() {
    let (_p, model) = minimal_model();
    let mutation = (
        0..SHEET_DATA.len(),
        0..SHEET_DATA.len(),
        sheet_text(),
        sheet_text(),
    );
    let mut runner = TestRunner::new(config(128));
    runner
        .run(&mutation, |(a, b, sheet_insert, strings_insert)| {
            let cut = |s: &str, at: usize| {
                (0..=at.min(s.len()))
                    .rev()
                    .find(|i| s.is_char_boundary(*i))
                    .unwrap_or(0)
            };
            let (a, b) = (cut(SHEET_DATA, a.min(b)), cut(SHEET_DATA, a.max(b)));
            let sheet = format!("{}{sheet_insert}{}", &SHEET_DATA[..a], &SHEET_DATA[b..]);
            let at = cut(SHARED_STRINGS, SHARED_STRINGS.len() - 20);
            let strings = format!(
                "{}{strings_insert}{}",
                &SHARED_STRINGS[..at],
                &SHARED_STRINGS[at..]
            );
            import_bytes(&model, raw_xlsx(&sheet, &strings), SheetFormat::Xlsx);
            Ok(())
        })
        .unwrap();
}
