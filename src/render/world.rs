//! Stage 4 (render): the Typst `World` a document is compiled in.
//!
//! A world serves three things and nothing else: the project's files (layouts, and assets the
//! layouts read) from under the project root, the project's fonts, and in-memory files the
//! engine made for this document (the view JSON). A path outside the project root, a symlink
//! that leads out of it, or a package import gets a Typst error, never the file.
//!
//! Project files are read and parsed once per process ([`ProjectFiles`], shared by every
//! document's world): fifty documents share one parse of each layout.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::files::{FileLoader, FileStore};

use super::fonts::Fonts;

/// Makes a project file id from a root-relative path such as `/layouts/publication.typ`.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// Builds the standard library with the given `sys.inputs`.
pub fn library(inputs: &[(&str, &str)]) -> LazyHash<Library> {
    let dict: Dict = inputs
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into_value()))
        .collect();
    LazyHash::new(Library::builder().with_inputs(dict).build())
}

/// The project's files on disk, confined to the root; read and parsed once, then shared by
/// every document compiled in this process.
pub struct ProjectFiles {
    /// Behind a lock only so that [`ProjectFiles::reset`] can mark every file stale; compiles
    /// take the read side, which never waits on another compile.
    store: RwLock<FileStore<DiskFiles>>,
}

impl ProjectFiles {
    /// Files under `root`, which must be canonical.
    pub fn new(root: &Path) -> Self {
        Self {
            store: RwLock::new(FileStore::new(DiskFiles {
                root: root.to_path_buf(),
            })),
        }
    }

    /// Marks every file stale, so the next compile reads it again (a long-lived driver calls
    /// this when files changed on disk). Sources are edited in place, so Typst's caches still
    /// recognise the unchanged parts of a layout.
    pub fn reset(&self) {
        self.store
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .reset();
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, FileStore<DiskFiles>> {
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }
}

/// Loads project files from disk, refusing anything outside the root.
struct DiskFiles {
    root: PathBuf,
}

impl FileLoader for DiskFiles {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if id.root() != &VirtualRoot::Project {
            return Err(FileError::Other(Some(
                "packages are not available: layouts may only use files inside the project".into(),
            )));
        }
        let path = id.vpath().realize(&self.root).map_err(FileError::Realize)?;
        // Resolve symlinks and `..` and insist the result is still inside the project.
        let real = path
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&self.root) {
            return Err(FileError::AccessDenied);
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        std::fs::read(&real)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &path))
    }
}

/// The world one document is compiled in.
pub struct DocumentWorld {
    library: Arc<LazyHash<Library>>,
    fonts: Arc<Fonts>,
    main: FileId,
    project: Arc<ProjectFiles>,
    /// In-memory files of this document; they shadow project files at the same path.
    overlay: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl DocumentWorld {
    /// A world for `main` (a project file id), with in-memory `overlay` files.
    pub fn new(
        project: Arc<ProjectFiles>,
        main: FileId,
        overlay: HashMap<FileId, Bytes>,
        library: Arc<LazyHash<Library>>,
        fonts: Arc<Fonts>,
        today: Datetime,
    ) -> Self {
        Self {
            library,
            fonts,
            main,
            project,
            overlay,
            today,
        }
    }

    /// A human-readable, root-relative name for a file id (for diagnostics).
    pub fn name(&self, id: FileId) -> String {
        id.vpath().get_without_slash().to_string()
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.overlay.get(&id) {
            // The overlay holds data, not Typst source; this only happens when a layout
            // imports the data file, and then Typst reports what it finds there.
            Some(bytes) => std::str::from_utf8(bytes.as_slice())
                .map(|text| Source::new(id, text.into()))
                .map_err(|_| FileError::InvalidUtf8),
            None => self.project.read().source(id),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match self.overlay.get(&id) {
            Some(bytes) => Ok(bytes.clone()),
            None => self.project.read().file(id),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Fixed per build, so output never depends on the wall clock.
        Some(self.today)
    }
}
