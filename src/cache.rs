//! The document cache: finished PDFs kept on disk between runs, so `build`, `factsheet` and
//! `serve` reuse an unchanged document's bytes instead of laying it out again.
//!
//! Beside the pipeline, like the image cache (`images.rs`): a driver derives a [`Key`] from
//! everything a document is made from (see `jobs::shared_key` and `jobs::document_key`), asks
//! [`DocCache::get`], and on a miss compiles, exports and [`DocCache::put`]s the final bytes
//! (the print edition after its PDF/X finishing). This module knows nothing of documents: it
//! hashes, stores and checks.
//!
//! - One file per entry, named by its key: a short text header (the key again, the page
//!   count, the SHA-256 of the PDF) and the PDF. Every entry is checked against its own hash
//!   before use; a damaged or truncated entry is removed and reported as a miss, so it is
//!   rebuilt, never served.
//! - Written atomically (a temporary file in the cache folder, renamed over the entry), so
//!   two builds sharing the cache never see half an entry; both may write the same entry, with
//!   the same bytes. Entries are not flushed to disk (`fsync`): a cache need not survive a
//!   power cut, and an entry torn by one fails its check.
//! - Bounded in size: [`DocCache::trim`] removes the least recently used entries (a hit
//!   renews an entry's modification time) until the folder fits its limit.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

/// A cache key: SHA-256 of everything a document is made from.
pub type Key = [u8; 32];

/// Environment variable that puts the cache elsewhere (a CI cache folder); `--cache-dir`
/// takes precedence.
pub const DIR_VAR: &str = "DRUKWERK_CACHE_DIR";
/// Environment variable with the cache's size limit: bytes, or with a suffix `K`, `M`, `G`.
pub const LIMIT_VAR: &str = "DRUKWERK_CACHE_LIMIT";
/// The size limit when none is given: room for a few versions of both editions (one version
/// of the shipped content is about 20 MB per edition).
pub const DEFAULT_LIMIT: u64 = 512 << 20;

/// First line of every entry; a new format gets a new line, and old entries fail their check.
const MAGIC: &str = "drukwerk-document-cache 1";
/// Extension of entry files.
const EXTENSION: &str = "pdfc";
/// Extension of entry files that hold data a build made on the way (the maps), not a
/// document: kept and trimmed like documents, apart from them in name.
const DATA_EXTENSION: &str = "datc";
/// Prefix of temporary files; the ones left by a process that died are removed by `trim`
/// once they are older than [`STALE_TEMPORARY`].
const TEMPORARY_PREFIX: &str = ".tmp-";
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// The default folder: `.cache/documents` under the output folder, beside the image cache.
pub fn default_dir(out_dir: &Path) -> PathBuf {
    out_dir.join(".cache").join("documents")
}

/// Where the cache lives: `flag` (relative to `root`), else [`DIR_VAR`], else
/// [`default_dir`].
pub fn dir(root: &Path, out_dir: &Path, flag: Option<&Path>) -> PathBuf {
    match flag {
        Some(dir) => root.join(dir),
        None => match std::env::var_os(DIR_VAR).filter(|v| !v.is_empty()) {
            Some(dir) => root.join(dir),
            None => default_dir(out_dir),
        },
    }
}

/// The size limit from [`LIMIT_VAR`], or [`DEFAULT_LIMIT`]; an error names a value that is
/// not a size.
pub fn limit_from_env() -> Result<u64, crate::i18n::Msg> {
    match std::env::var(LIMIT_VAR) {
        Ok(text) if !text.trim().is_empty() => parse_size(&text).ok_or_else(|| {
            crate::msg!(
                "error-cache-limit",
                variable = LIMIT_VAR,
                value = text.as_str()
            )
        }),
        _ => Ok(DEFAULT_LIMIT),
    }
}

/// `1048576`, `512K`, `200M`, `2G` (powers of 1024).
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let number: u64 = digits.parse().ok()?;
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches("IB") {
        "" | "B" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return None,
    };
    number.checked_mul(1 << shift)
}

/// Builds a [`Key`] from named fields; each field is framed by its name and length, so
/// different inputs never run together into the same byte stream.
pub struct KeyHasher(Sha256);

impl KeyHasher {
    /// A hasher for keys of one kind (`domain`).
    pub fn new(domain: &str) -> Self {
        let mut hasher = KeyHasher(Sha256::new());
        hasher.field("domain", domain.as_bytes());
        hasher
    }

    /// Adds a named field.
    pub fn field(&mut self, name: &str, value: &[u8]) -> &mut Self {
        for part in [name.as_bytes(), value] {
            self.0.update((part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
        self
    }

    /// The key.
    pub fn finish(self) -> Key {
        self.0.finalize().into()
    }
}

/// What identifies this engine: its version, Typst's, and a hash of the code it was built
/// from (`build.rs`: the sources, `Cargo.lock`, the compiler, target, profile and flags), so a
/// binary built from other code never reuses documents made by another. Computed at build
/// time, so it costs nothing at run time and is the same on every machine that builds the same
/// source with the same toolchain (a CI cache stays useful across runs).
pub fn engine_identity() -> Key {
    static IDENTITY: OnceLock<Key> = OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let mut key = KeyHasher::new("engine");
        key.field("drukwerk", env!("CARGO_PKG_VERSION").as_bytes())
            .field("typst", crate::TYPST_VERSION.as_bytes())
            .field("code", env!("DRUKWERK_CODE_HASH").as_bytes());
        key.finish()
    })
}

/// A hash of every file under `dirs` (relative to `root`) that `include` accepts: each file's
/// root-relative path and bytes, in path order; symbolic links are followed, like the Typst
/// world and the font loader do. A folder that does not exist adds nothing.
pub fn files_hash(root: &Path, dirs: &[&str], include: &dyn Fn(&Path) -> bool) -> Key {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if depth < 16 {
                    walk(&path, files, depth + 1);
                }
            } else if path.is_file() {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in dirs {
        walk(&root.join(dir), &mut files, 0);
    }
    files.retain(|f| include(f));
    files.sort();
    let mut key = KeyHasher::new("files");
    for path in files {
        let name = path.strip_prefix(root).unwrap_or(&path);
        key.field("path", name.to_string_lossy().as_bytes());
        match fs::read(&path) {
            Ok(bytes) => key.field("bytes", &bytes),
            Err(_) => key.field("unreadable", b""),
        };
    }
    key.finish()
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A document found in the cache, checked.
#[derive(Debug, Clone)]
pub struct Cached {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// Hex SHA-256 of the PDF (checked against the bytes).
    pub sha256: String,
}

/// The documents cached in one folder.
#[derive(Debug, Clone)]
pub struct DocCache {
    dir: PathBuf,
    limit: u64,
}

impl DocCache {
    /// The cache in `dir` (created on the first write), holding at most `limit` bytes.
    pub fn new(dir: PathBuf, limit: u64) -> Self {
        DocCache { dir, limit }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.{EXTENSION}", hex(key)))
    }

    fn data_path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.{DATA_EXTENSION}", hex(key)))
    }

    /// Whether there is an entry under `key` (not checked: [`DocCache::get`] checks it).
    pub fn has(&self, key: &Key) -> bool {
        self.path(key).is_file()
    }

    /// The document stored under `key`, if there is one and it passes its check. A damaged
    /// entry is removed (the caller makes the document again and stores it anew). A hit
    /// renews the entry, so [`DocCache::trim`] removes it last.
    pub fn get(&self, key: &Key) -> Option<Cached> {
        self.get_at(key, self.path(key))
    }

    /// Data (not a document) stored under `key` by [`DocCache::put_data`], checked, renewed
    /// and removed when damaged as [`DocCache::get`] does with documents.
    pub fn get_data(&self, key: &Key) -> Option<Vec<u8>> {
        self.get_at(key, self.data_path(key)).map(|c| c.bytes)
    }

    /// Stores data a build made on the way (not a document) under `key`; best effort, as
    /// [`DocCache::put`].
    pub fn put_data(&self, key: &Key, bytes: &[u8]) {
        self.put_at(key, bytes, 0, self.data_path(key));
    }

    fn get_at(&self, key: &Key, path: PathBuf) -> Option<Cached> {
        let bytes = fs::read(&path).ok()?;
        match parse(key, bytes) {
            Some(cached) => {
                if let Ok(file) = fs::File::options().write(true).open(&path) {
                    let _ = file.set_modified(SystemTime::now());
                }
                Some(cached)
            }
            None => {
                let _ = fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores a document under `key`. Best effort: a cache that cannot be written only costs
    /// time on the next run. An entry larger than the whole limit is not stored.
    pub fn put(&self, key: &Key, pdf: &[u8], pages: usize) {
        self.put_at(key, pdf, pages, self.path(key));
    }

    fn put_at(&self, key: &Key, pdf: &[u8], pages: usize, path: PathBuf) {
        let header = format!(
            "{MAGIC}\nkey {}\npages {pages}\nsha256 {}\n\n",
            hex(key),
            hex(&Sha256::digest(pdf))
        );
        if (header.len() + pdf.len()) as u64 > self.limit {
            return;
        }
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let mut tmp = tempfile::Builder::new()
                .prefix(TEMPORARY_PREFIX)
                .tempfile_in(&self.dir)?;
            tmp.write_all(header.as_bytes())?;
            tmp.write_all(pdf)?;
            tmp.persist(&path).map_err(|e| e.error)?;
            Ok(())
        };
        let _ = write();
    }

    /// Removes the least recently used entries until the folder holds at most the limit, and
    /// temporary files that a process which died left behind. Returns how many entries went.
    /// Safe beside other processes using the folder: a file that is already gone is skipped,
    /// and one being read stays readable until it is closed.
    pub fn trim(&self) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let now = SystemTime::now();
        let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if !meta.is_file() {
                continue;
            }
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMPORARY_PREFIX) {
                if now.duration_since(modified).unwrap_or_default() > STALE_TEMPORARY {
                    let _ = fs::remove_file(&path);
                }
            } else if path
                .extension()
                .is_some_and(|e| e == EXTENSION || e == DATA_EXTENSION)
            {
                files.push((modified, meta.len(), path));
            }
        }
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        let mut removed = 0;
        for (_, size, path) in files {
            if total <= self.limit {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                removed += 1;
            }
            total = total.saturating_sub(size);
        }
        removed
    }
}

/// Reads and checks one entry: the magic line, the key it was stored under, the page count,
/// and the PDF against its SHA-256.
fn parse(key: &Key, mut bytes: Vec<u8>) -> Option<Cached> {
    // The header is short; look for its end in the first kilobyte only.
    let end = bytes[..bytes.len().min(1024)]
        .windows(2)
        .position(|w| w == b"\n\n")?;
    let header = std::str::from_utf8(&bytes[..end]).ok()?.to_string();
    let mut lines = header.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let stored_key = lines.next()?.strip_prefix("key ")?;
    let pages: usize = lines.next()?.strip_prefix("pages ")?.parse().ok()?;
    let sha256 = lines.next()?.strip_prefix("sha256 ")?.to_string();
    if stored_key != hex(key) || lines.next().is_some() {
        return None;
    }
    let pdf = bytes.split_off(end + 2);
    if hex(&Sha256::digest(&pdf)) != sha256 {
        return None;
    }
    Some(Cached {
        bytes: pdf,
        pages,
        sha256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> Key {
        [n; 32]
    }

    #[test]
    fn a_stored_document_comes_back_checked() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DocCache::new(dir.path().join("c"), DEFAULT_LIMIT);
        assert!(cache.get(&key(1)).is_none(), "empty at first");
        cache.put(&key(1), b"%PDF-1.7 one", 3);
        let hit = cache.get(&key(1)).unwrap();
        assert_eq!(hit.bytes, b"%PDF-1.7 one");
        assert_eq!(hit.pages, 3);
        assert_eq!(hit.sha256, hex(&Sha256::digest(b"%PDF-1.7 one")));
        assert!(cache.get(&key(2)).is_none(), "another key misses");
    }

    #[test]
    fn a_damaged_entry_is_a_miss_and_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DocCache::new(dir.path().to_path_buf(), DEFAULT_LIMIT);
        type Damage = fn(&mut Vec<u8>);
        let damages: [(&str, Damage); 4] = [
            ("a byte of the PDF flipped", |b| {
                let last = b.len() - 1;
                b[last] ^= 1;
            }),
            ("truncated", |b| b.truncate(b.len() - 3)),
            ("header garbled", |b| b[0] = b'X'),
            ("empty", |b| b.clear()),
        ];
        for (what, damage) in damages {
            cache.put(&key(7), b"%PDF-1.7 seven", 1);
            let path = cache.path(&key(7));
            let mut bytes = fs::read(&path).unwrap();
            damage(&mut bytes);
            fs::write(&path, bytes).unwrap();
            assert!(cache.get(&key(7)).is_none(), "{what}: not served");
            assert!(!path.exists(), "{what}: removed");
        }
        // An entry copied under another key's name is not that key's document.
        cache.put(&key(8), b"%PDF-1.7 eight", 1);
        fs::copy(cache.path(&key(8)), cache.path(&key(9))).unwrap();
        assert!(cache.get(&key(9)).is_none());
        assert!(cache.get(&key(8)).is_some());
    }

    #[test]
    fn trim_removes_the_least_recently_used_first() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = vec![b'x'; 1000];
        let probe = DocCache::new(dir.path().to_path_buf(), DEFAULT_LIMIT);
        probe.put(&key(0), &pdf, 1);
        let entry = fs::metadata(probe.path(&key(0))).unwrap().len();
        fs::remove_file(probe.path(&key(0))).unwrap();
        // Room for two entries.
        let cache = DocCache::new(dir.path().to_path_buf(), 2 * entry + entry / 2);
        let at = |secs: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + secs);
        for (n, time) in [(1, 10), (2, 20), (3, 30)] {
            cache.put(&key(n), &pdf, 1);
            let file = fs::File::options()
                .write(true)
                .open(cache.path(&key(n)))
                .unwrap();
            file.set_modified(at(time)).unwrap();
        }
        // Using the oldest makes it the newest.
        assert!(cache.get(&key(1)).is_some());
        assert_eq!(cache.trim(), 1);
        assert!(cache.path(&key(1)).exists());
        assert!(!cache.path(&key(2)).exists(), "least recently used goes");
        assert!(cache.path(&key(3)).exists());
        assert_eq!(cache.trim(), 0, "fits now");
        // An entry larger than the whole cache is not stored.
        let tiny = DocCache::new(dir.path().to_path_buf(), 100);
        tiny.put(&key(4), &pdf, 1);
        assert!(!cache.path(&key(4)).exists());
    }

    #[test]
    fn keys_frame_their_fields() {
        let a = {
            let mut k = KeyHasher::new("t");
            k.field("a", b"bc").field("d", b"");
            k.finish()
        };
        let b = {
            let mut k = KeyHasher::new("t");
            k.field("a", b"b").field("d", b"c");
            k.finish()
        };
        assert_ne!(a, b);
        assert_eq!(engine_identity(), engine_identity());
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("512K"), Some(512 << 10));
        assert_eq!(parse_size("200M"), Some(200 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("2 GiB"), Some(2 << 30));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("5T"), None);
    }

    #[test]
    fn files_hash_sees_content_and_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/b")).unwrap();
        fs::write(root.join("a/b/x.typ"), "one").unwrap();
        let all = |_: &Path| true;
        let first = files_hash(root, &["a", "missing"], &all);
        assert_eq!(first, files_hash(root, &["a", "missing"], &all));
        fs::write(root.join("a/b/x.typ"), "two").unwrap();
        let second = files_hash(root, &["a"], &all);
        assert_ne!(first, second, "content");
        fs::rename(root.join("a/b/x.typ"), root.join("a/b/y.typ")).unwrap();
        let third = files_hash(root, &["a"], &all);
        assert_ne!(second, third, "name");
        // Files left out do not count.
        fs::write(root.join("a/notes.toml"), "x = 1").unwrap();
        let no_toml = |p: &Path| p.extension().is_none_or(|e| e != "toml");
        assert_eq!(third, files_hash(root, &["a"], &no_toml));
        assert_ne!(third, files_hash(root, &["a"], &all));
    }
}
