//! The Typst world serves only the project's own files and the engine's in-memory data.
//!
//! Each test swaps `layouts/factsheet.typ` for a layout that tries to reach one file outside the
//! project (through an absolute path, `..`, a symlink, or a package) and shows it. The build must
//! fail with a layout diagnostic that names the layout, and the file's content must not show up
//! in stdout, stderr or any PDF. A last test proves that files inside the project can be read.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Pdf, Project, Run, copy_dir, normalise};

/// Text that only the secret files hold.
const SECRET: &str = "drukwerk-world-secret-4cff2dc8";

/// A minimal project inside an outer folder that also holds `secret.txt` (beside the project),
/// so paths that escape the project have something to find.
struct Jail {
    outer: tempfile::TempDir,
}

impl Jail {
    fn new() -> Self {
        let outer = tempfile::tempdir().unwrap();
        let project = Project::minimal();
        copy_dir(project.root(), &outer.path().join("project"));
        fs::write(outer.path().join("secret.txt"), format!("{SECRET}\n")).unwrap();
        fs::create_dir(outer.path().join("private")).unwrap();
        fs::write(
            outer.path().join("private/secret.txt"),
            format!("{SECRET}\n"),
        )
        .unwrap();
        Self { outer }
    }

    fn root(&self) -> PathBuf {
        self.outer.path().join("project")
    }

    fn secret(&self) -> PathBuf {
        self.outer.path().join("secret.txt")
    }

    /// Replaces the fact-sheet layout.
    fn layout(&self, text: &str) {
        fs::write(self.root().join("layouts/factsheet.typ"), text).unwrap();
    }

    fn build(&self) -> Run {
        common::run_in(&self.root(), &["build"])
    }
}

/// The start of every test layout: the data, and the title the web edition (PDF/UA) requires.
const HEAD: &str = "#let data = json(sys.inputs.data)\n#set document(title: data.region.name)\n";

/// A fact-sheet layout that reads `path` and places its text on the page.
fn reading(path: &str) -> String {
    format!("{HEAD}#let leaked = read(\"{path}\")\n#leaked\n")
}

/// The build failed on the layout, and `secrets` appear nowhere.
fn assert_refused(jail: &Jail, run: &Run, secrets: &[&str]) {
    assert_eq!(
        run.code, 1,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains("error[layout]") && run.stderr.contains("layouts/factsheet.typ"),
        "expected a layout error in layouts/factsheet.typ:\n{}",
        run.stderr
    );
    for secret in secrets.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        assert!(
            !run.stdout.contains(secret),
            "leaked into stdout: {}",
            run.stdout
        );
        assert!(
            !run.stderr.contains(secret),
            "leaked into stderr: {}",
            run.stderr
        );
        for pdf in pdfs(&jail.root().join("out")) {
            let bytes = fs::read(&pdf).unwrap();
            let raw = String::from_utf8_lossy(&bytes);
            let text = Pdf::open(&pdf).text();
            assert!(
                !raw.contains(secret) && !text.contains(&normalise(secret)),
                "leaked into {}",
                pdf.display()
            );
        }
    }
}

/// Every PDF under `dir`.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
    out
}

/// Lines of a system file worth looking for (short ones could match by chance).
fn lines_of(path: &str) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| l.len() >= 6)
        .map(str::to_string)
        .collect()
}

fn strs(lines: &[String]) -> Vec<&str> {
    lines.iter().map(String::as_str).collect()
}

#[test]
fn dot_dot_after_the_root_is_refused() {
    let jail = Jail::new();
    jail.layout(&reading("/../../etc/passwd"));
    let run = jail.build();
    assert_refused(&jail, &run, &strs(&lines_of("/etc/passwd")));
}

#[test]
fn relative_path_to_a_system_file_is_refused() {
    let jail = Jail::new();
    jail.layout(&reading("../../../etc/hostname"));
    let run = jail.build();
    assert_refused(&jail, &run, &strs(&lines_of("/etc/hostname")));
}

#[test]
fn relative_path_to_a_file_beside_the_project_is_refused() {
    let jail = Jail::new();
    // From layouts/: one level up is the project root, two levels up is the outer folder.
    jail.layout(&reading("../../secret.txt"));
    let run = jail.build();
    assert_refused(&jail, &run, &[SECRET]);
}

#[test]
fn symlink_to_a_file_outside_the_project_is_refused() {
    let jail = Jail::new();
    std::os::unix::fs::symlink(jail.secret(), jail.root().join("content/leak.txt")).unwrap();
    assert_eq!(
        fs::read_to_string(jail.root().join("content/leak.txt")).unwrap(),
        format!("{SECRET}\n"),
        "the symlink itself works"
    );
    jail.layout(&reading("/content/leak.txt"));
    let run = jail.build();
    assert_refused(&jail, &run, &[SECRET]);
}

#[test]
fn symlinked_folder_outside_the_project_is_refused() {
    let jail = Jail::new();
    std::os::unix::fs::symlink(
        jail.outer.path().join("private"),
        jail.root().join("content/private"),
    )
    .unwrap();
    jail.layout(&reading("/content/private/secret.txt"));
    let run = jail.build();
    assert_refused(&jail, &run, &[SECRET]);
}

#[test]
fn package_import_is_refused() {
    let jail = Jail::new();
    jail.layout(&format!(
        "#import \"@preview/anything:0.1.0\": *\n{HEAD}= Regio\n"
    ));
    let run = jail.build();
    assert_refused(&jail, &run, &[SECRET]);
    // Refused by the world itself, not merely failed to download.
    assert!(
        run.stderr.contains("packages are not available"),
        "{}",
        run.stderr
    );
}

#[test]
fn files_inside_the_project_can_be_read() {
    let jail = Jail::new();
    // Also through a `..` and a symlink that stay inside the project.
    std::os::unix::fs::symlink(
        jail.root().join("content/geo/gemeenten-2025.csv"),
        jail.root().join("content/list.csv"),
    )
    .unwrap();
    jail.layout(&format!(
        "{HEAD}\
         #let first = read(\"/content/geo/gemeenten-2025.csv\").split(\"\\n\").first()\n\
         #let second = read(\"../content/geo/../geo/gemeenten-2025.csv\").split(\"\\n\").at(1)\n\
         #let third = read(\"/content/list.csv\").split(\"\\n\").at(2)\n\
         #data.region.name\n\n#first\n\n#second\n\n#third\n"
    ));
    let run = jail.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = fs::read_to_string(jail.root().join("content/geo/gemeenten-2025.csv")).unwrap();
    let sheet = Pdf::open(&jail.root().join("out/factsheets/noord.pdf")).text();
    assert!(
        sheet.contains(&normalise("Onderwijsregio Noord (po)")),
        "{sheet}"
    );
    for line in csv.lines().take(3) {
        assert!(
            sheet.contains(&normalise(line)),
            "missing {line:?} in {sheet}"
        );
    }
}

/// A mistake in a layout, in Dutch: Typst's own message kept as it is (it is Typst's, in
/// English), framed by drukwerk's words in Dutch that say it is about the layout file and where
/// to fix it; in English the same frame in English.
#[test]
fn a_layout_error_is_framed_in_the_readers_language() {
    let p = Project::minimal();
    p.write(
        "layouts/factsheet.typ",
        &format!("{HEAD}#let x = data.region.name\n#onbekend\n"),
    );
    let run = p.run(&["--lang", "nl", "build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let stderr = &run.stderr;
    for expected in [
        // Typst's words, verbatim.
        "fout[layout]: unknown variable: onbekend",
        "layouts/factsheet.typ:4:2",
        // drukwerk's words, in Dutch.
        "= toelichting: dit is de melding van Typst (in het Engels) over de layout layouts/factsheet.typ: herstel de fout daar, of vraag het aan wie de layouts beheert",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(!stderr.contains("this is Typst's message"), "{stderr}");

    let run = p.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[layout]: unknown variable: onbekend")
            && run
                .stderr
                .contains("= note: this is Typst's message about the layout layouts/factsheet.typ"),
        "{}",
        run.stderr
    );
}
