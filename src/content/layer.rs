//! Stage 1 (load): where content files are read from — the disk, or the disk with unsaved
//! texts laid over it.
//!
//! The editor in `serve` previews and checks a form's unsaved state by laying its text over
//! the file on disk; `check`, `build` and the preview all read through a [`Layer`], so an
//! unsaved edit goes through exactly the stages a saved one does, and what Save writes is the
//! text that was checked.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// The disk, with some files replaced, added or hidden. Paths are relative to the project
/// root (`content/regions/zwolle.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layer {
    /// `Some(text)`: read this instead of the disk (or as a new file); `None`: the file is
    /// gone.
    over: BTreeMap<PathBuf, Option<String>>,
}

impl Layer {
    /// The disk as it is.
    pub fn disk() -> Self {
        Self::default()
    }

    /// True when nothing is laid over the disk.
    pub fn is_disk(&self) -> bool {
        self.over.is_empty()
    }

    /// Lays `text` over the file at `path` (or adds it).
    pub fn with_text(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        self.over.insert(path.into(), Some(text.into()));
        self
    }

    /// Hides the file at `path`, as if it were deleted.
    pub fn without(mut self, path: impl Into<PathBuf>) -> Self {
        self.over.insert(path.into(), None);
        self
    }

    /// The bytes of the file at `path` (relative to `root`).
    pub fn read(&self, root: &Path, path: &Path) -> io::Result<Vec<u8>> {
        match self.over.get(path) {
            Some(Some(text)) => Ok(text.clone().into_bytes()),
            Some(None) => Err(io::Error::new(io::ErrorKind::NotFound, "deleted")),
            None => std::fs::read(root.join(path)),
        }
    }

    /// Whether a file (or, on disk, anything) is at `path`.
    pub fn exists(&self, root: &Path, path: &Path) -> bool {
        match self.over.get(path) {
            Some(over) => over.is_some(),
            None => root.join(path).exists(),
        }
    }

    /// Whether a regular file is at `path`.
    pub fn is_file(&self, root: &Path, path: &Path) -> bool {
        match self.over.get(path) {
            Some(over) => over.is_some(),
            None => root.join(path).is_file(),
        }
    }

    /// The files in folder `dir` (relative) whose extension is `ext`, as relative paths in
    /// file-name order, with the layer's additions and removals.
    pub fn list(&self, root: &Path, dir: &Path, ext: &str) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == ext) && p.is_file())
                    .filter_map(|p| p.file_name().map(|n| dir.join(n)))
                    .collect()
            })
            .unwrap_or_default();
        for (path, over) in &self.over {
            if path.parent() != Some(dir) || path.extension().is_none_or(|e| e != ext) {
                continue;
            }
            match over {
                Some(_) if !paths.contains(path) => paths.push(path.clone()),
                None => paths.retain(|p| p != path),
                _ => {}
            }
        }
        paths.sort();
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_laid_over_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/regions")).unwrap();
        std::fs::write(root.join("content/regions/a.toml"), "a").unwrap();
        std::fs::write(root.join("content/regions/b.toml"), "b").unwrap();
        let regions = Path::new("content/regions");
        let a = regions.join("a.toml");
        let b = regions.join("b.toml");
        let c = regions.join("c.toml");
        let disk = Layer::disk();
        assert_eq!(disk.read(root, &a).unwrap(), b"a");
        assert_eq!(disk.list(root, regions, "toml"), [a.clone(), b.clone()]);

        let layer = Layer::disk()
            .with_text(&a, "A")
            .without(&b)
            .with_text(&c, "C");
        assert_eq!(layer.read(root, &a).unwrap(), b"A");
        assert!(layer.read(root, &b).is_err());
        assert!(!layer.exists(root, &b));
        assert!(layer.is_file(root, &c));
        assert_eq!(layer.list(root, regions, "toml"), [a.clone(), c.clone()]);
        // The disk itself is untouched.
        assert_eq!(std::fs::read(root.join(&a)).unwrap(), b"a");
        assert!(!root.join(&c).exists());
    }
}
