//! Build script: a hash of what the engine's code is made from, compiled in as
//! `DRUKWERK_CODE_HASH`, so the document cache (`src/cache.rs`) never reuses a document that
//! other code made.
//!
//! Hashed: every file under `src/`, the files `src/` compiles in from elsewhere, `Cargo.toml`,
//! `Cargo.lock` (every dependency's version), this script, the compiler's version, the target,
//! the profile and the flags. Not the executable itself: a debug binary is over 800 MB, and
//! hashing it took seconds per run; and the same source gives the same hash on every CI
//! machine, whether or not its binaries come out bit for bit the same.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// Files outside `src/` that `src/` compiles in (`include_bytes!`, `include_str!`). What they
/// change reaches a document through its view data or the printing condition, which are in
/// the key as well; listed so the code's hash is complete on its own.
const COMPILED_IN: [&str; 4] = [
    "content/print/drukwerk-fogra39-coated.icc",
    "layouts/palette.toml",
    "fonts/Inter-Regular.otf",
    "fonts/Inter-SemiBold.otf",
];

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    files.extend(
        ["Cargo.toml", "Cargo.lock", "build.rs"]
            .iter()
            .chain(COMPILED_IN.iter())
            .map(PathBuf::from),
    );
    files.sort();
    // Two SipHash streams with different seeds: 128 bits, an identity rather than a defence.
    let mut hashers = [DefaultHasher::new(), DefaultHasher::new()];
    for (seed, hasher) in hashers.iter_mut().enumerate() {
        seed.hash(hasher);
    }
    let mut add = |bytes: &[u8]| {
        for hasher in &mut hashers {
            bytes.hash(hasher);
        }
    };
    for path in &files {
        add(path.to_string_lossy().as_bytes());
        add(&std::fs::read(path).unwrap_or_default());
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    add(&version);
    for var in [
        "TARGET",
        "PROFILE",
        "OPT_LEVEL",
        "DEBUG",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_CFG_TARGET_FEATURE",
    ] {
        add(var.as_bytes());
        add(std::env::var(var).unwrap_or_default().as_bytes());
    }
    let [a, b] = hashers.map(|h| h.finish());
    println!("cargo:rustc-env=DRUKWERK_CODE_HASH={a:016x}{b:016x}");
    println!("cargo:rerun-if-changed=src");
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"]
        .iter()
        .chain(COMPILED_IN.iter())
    {
        println!("cargo:rerun-if-changed={file}");
    }
}
