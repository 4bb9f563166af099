//! Shared test helpers: temporary projects, running the real binary, reading PDFs.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary project: the repository's layouts, fonts and geo data, plus the content of the
/// fixture `tests/fixtures/<name>` (or the real `content/` for `name == "content"`).
pub struct Project {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl Project {
    /// A project with the real shipped content.
    pub fn real() -> Self {
        let p = Self::empty();
        copy_dir(&repo().join("content"), &p.root().join("content"));
        p
    }

    /// A project with layouts and fonts, and only `content/geo`.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
        copy_dir(&repo().join("fonts"), &dir.path().join("fonts"));
        copy_dir(&repo().join("content/geo"), &dir.path().join("content/geo"));
        Self { dir }
    }

    /// The minimal valid fixture.
    pub fn minimal() -> Self {
        Self::fixture("minimal")
    }

    /// A fixture project from `tests/fixtures/<name>/content`.
    pub fn fixture(name: &str) -> Self {
        let p = Self::empty();
        copy_dir(
            &repo().join("tests/fixtures").join(name).join("content"),
            &p.root().join("content"),
        );
        p
    }

    /// The project root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or overwrites) a file in the project.
    pub fn write(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Reads a file of the project.
    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root().join(path)).unwrap()
    }

    /// Runs the binary in this project.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }
}

/// The outcome of running the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `drukwerk` with `--root root` and the given arguments, without colour or CI influence,
/// in English unless the arguments say `--lang nl`.
pub fn run_in(root: &Path, args: &[&str]) -> Run {
    run_command(
        Command::new(env!("CARGO_BIN_EXE_drukwerk"))
            .arg("--root")
            .arg(root)
            .args(args),
    )
}

/// Runs `drukwerk` in the folder `dir` (the project root by default), so paths on the command
/// line are relative as a user types them.
pub fn run_at(dir: &Path, args: &[&str]) -> Run {
    run_command(
        Command::new(env!("CARGO_BIN_EXE_drukwerk"))
            .current_dir(dir)
            .args(args),
    )
}

fn run_command(command: &mut Command) -> Run {
    let out: Output = command
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DRUKWERK_CACHE_DIR")
        .env_remove("DRUKWERK_CACHE_LIMIT")
        // The language comes from the test, never from the machine that runs it: English unless
        // a test passes `--lang nl` (or sets DRUKWERK_LANG itself, after this).
        .env_remove("DRUKWERK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the drukwerk binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A PDF read back for assertions.
pub struct Pdf {
    pub doc: lopdf::Document,
}

impl Pdf {
    pub fn open(path: &Path) -> Self {
        Self {
            doc: lopdf::Document::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        }
    }

    pub fn page_count(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// The text of a page (1-based), normalised: see [`normalise`].
    pub fn page_text(&self, page: u32) -> String {
        normalise(&self.doc.extract_text(&[page]).unwrap_or_default())
    }

    /// All text, normalised.
    pub fn text(&self) -> String {
        let pages: Vec<u32> = (1..=self.page_count() as u32).collect();
        normalise(&self.doc.extract_text(&pages).unwrap_or_default())
    }

    /// Bookmarks as (level, title, page).
    pub fn bookmarks(&self) -> Vec<(usize, String, usize)> {
        self.doc
            .get_toc()
            .map(|t| {
                t.toc
                    .into_iter()
                    .map(|e| (e.level, e.title, e.page))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A string entry of the document info dictionary.
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let info = self.doc.dereference(info).ok()?.1.as_dict().ok()?;
        let value = info.get(key.as_bytes()).ok()?;
        lopdf::decode_text_string(value).ok()
    }

    /// The catalog's /Lang.
    pub fn lang(&self) -> Option<String> {
        let value = self.doc.catalog().ok()?.get(b"Lang").ok()?;
        lopdf::decode_text_string(value).ok()
    }
}

/// Text for comparisons: soft hyphens (line-break hyphenation) and all whitespace removed, so
/// line breaks chosen by the layout do not matter.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// A project checked and ready to compile jobs in this process (to read the laid-out document,
/// not the PDF).
pub struct InProcess {
    /// The checked content.
    pub model: drukwerk::model::Model,
    /// The model's maps, as a build makes them.
    pub maps: drukwerk::jobs::Maps,
    renderer: drukwerk::render::Renderer,
    sources: std::sync::Mutex<drukwerk::diagnostics::Sources>,
}

impl InProcess {
    /// Checks the project at `root` (it must have no errors) and loads its fonts.
    pub fn new(root: &Path) -> Self {
        let model = drukwerk::project::check(root).model.unwrap();
        let (today, _) = drukwerk::project::build_date(&model, None);
        Self {
            renderer: drukwerk::render::Renderer::new(root, today).unwrap(),
            maps: drukwerk::jobs::Maps::new(&model).unwrap(),
            model,
            sources: Default::default(),
        }
    }

    /// Lays out a job for the web edition; panics with the diagnostics if it fails.
    pub fn compile(&self, job: drukwerk::jobs::Job) -> typst_layout::PagedDocument {
        self.compile_with(job, drukwerk::Profile::Web, false)
    }

    /// Lays out a job for the web edition as `serve` does (`Renderer::for_relayout`).
    pub fn compile_for_relayout(&self, job: drukwerk::jobs::Job) -> typst_layout::PagedDocument {
        self.compile_on(&self.renderer.for_relayout(), job, drukwerk::Profile::Web)
    }

    /// Lays out a job for `profile`, the maps' geometry drawn by the layouts themselves when
    /// `layouts_draw` (as the Typst CLI does), else by the engine (as every build does).
    pub fn compile_with(
        &self,
        job: drukwerk::jobs::Job,
        profile: drukwerk::Profile,
        layouts_draw: bool,
    ) -> typst_layout::PagedDocument {
        let renderer = if layouts_draw {
            self.renderer.with_maps_drawn_by_layouts()
        } else {
            self.renderer.clone()
        };
        self.compile_on(&renderer, job, profile)
    }

    fn compile_on(
        &self,
        renderer: &drukwerk::render::Renderer,
        job: drukwerk::jobs::Job,
        profile: drukwerk::Profile,
    ) -> typst_layout::PagedDocument {
        let name = job.name.clone();
        renderer
            .compile(
                job.layout.path(),
                job.data,
                &job.maps.bytes,
                profile,
                &Default::default(),
                &self.sources,
            )
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .document
    }
}
