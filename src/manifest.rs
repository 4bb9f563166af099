//! `out/manifest.json`: what a build wrote, for CI and for people checking a delivery.

use serde::Serialize;

use crate::Profile;
use crate::jobs::Output;

/// The manifest of one build.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// drukwerk version.
    pub engine: String,
    /// Embedded Typst version.
    pub typst: &'static str,
    /// Edition.
    pub profile: &'static str,
    /// Every file written, sorted by path.
    pub outputs: Vec<Entry>,
}

/// One output file.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// Path relative to the output folder, with forward slashes.
    pub path: String,
    /// Number of pages.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: usize,
    /// Hex sha256 of the file.
    pub sha256: String,
    /// Taken from the document cache (the same bytes an earlier run made from the same
    /// inputs), not compiled by this build.
    pub reused: bool,
}

impl Manifest {
    /// The manifest of a set of outputs.
    pub fn new(profile: Profile, outputs: &[Output]) -> Self {
        let mut entries: Vec<Entry> = outputs
            .iter()
            .map(|o| Entry {
                path: crate::diagnostics::display_path(&o.path),
                pages: o.pages,
                bytes: o.bytes.len(),
                sha256: o.sha256.clone(),
                reused: o.reused,
            })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        Manifest {
            engine: env!("CARGO_PKG_VERSION").to_string(),
            typst: crate::TYPST_VERSION,
            profile: profile.id(),
            outputs: entries,
        }
    }

    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}
