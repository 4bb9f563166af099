//! Stage 5 (export): laid-out document → PDF bytes → file on disk, atomically.

use std::fs;
use std::io::Write;
use std::path::Path;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::Error;
use crate::Profile;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::PrintCondition;
use crate::msg;
use crate::print::Finishing;

/// What goes into every PDF besides the document itself.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Stable identifier of this document (the job name): the PDF's /ID derives from it.
    pub ident: String,
    /// Creation timestamp, seconds since the Unix epoch (UTC).
    pub timestamp: i64,
    /// Web or print edition.
    pub profile: Profile,
    /// Draw crop marks outside the bleed (print only).
    pub crop_marks: bool,
    /// The printing condition: the print edition's output intent (print only).
    pub print: PrintCondition,
}

/// The `/Creator` written into every PDF; names both engines so a print shop can trace a file.
pub fn creator() -> String {
    format!(
        "drukwerk {} (Typst {})",
        env!("CARGO_PKG_VERSION"),
        crate::TYPST_VERSION
    )
}

/// Exports a document as PDF.
pub fn pdf(document: &PagedDocument, options: &ExportOptions) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let edition = options.profile.id();
    let standards = standards(options.profile).map_err(|e| {
        vec![
            Diagnostic::error("pdf-standard", msg!("pdf-standard", edition = edition))
                .with_note(Msg::verbatim(e)),
        ]
    })?;
    let pdf_options = PdfOptions {
        ident: Smart::Custom(options.ident.clone()),
        creator: Smart::Custom(Some(creator())),
        timestamp: timestamp(options.timestamp),
        page_ranges: None,
        standards,
        // The print edition goes to a press, not a reader: no tags, so the page content can
        // be finished (crop marks, links removed) without breaking a structure tree.
        tagged: options.profile == Profile::Web,
        pretty: false,
    };
    // Typst's words say what is wrong: kept as notes under drukwerk's own sentence.
    let bytes = typst_pdf::pdf(document, &pdf_options).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let mut d = Diagnostic::error("pdf-export", msg!("pdf-export", edition = edition))
                    .with_help(msg!("pdf-export.help"))
                    .with_note(Msg::verbatim(e.message.to_string()));
                for hint in &e.hints {
                    d = d.with_note(Msg::verbatim(hint.v.to_string()));
                }
                d
            })
            .collect::<Vec<_>>()
    })?;
    match options.profile {
        Profile::Web => Ok(bytes),
        Profile::Print => crate::print::finish(
            &bytes,
            &Finishing {
                crop_marks: options.crop_marks,
                condition: &options.print,
                timestamp: options.timestamp,
                ident: &options.ident,
            },
        )
        .map_err(|e| {
            vec![
                Diagnostic::error("pdf-export", msg!("pdf-finish"))
                    .with_help(msg!("pdf-finish.help"))
                    .with_note(Msg::verbatim(e)),
            ]
        }),
    }
}

/// The PDF standards a profile promises.
fn standards(profile: Profile) -> Result<PdfStandards, String> {
    let list: &[PdfStandard] = match profile {
        // The web edition is for government websites: PDF/UA-1 (accessible, tagged) together
        // with PDF/A-2a (archivable, and "a" also requires the logical structure). Typst 0.15
        // checks both while exporting and fails on a violation it knows about.
        Profile::Web => &[PdfStandard::Ua_1, PdfStandard::A_2a],
        // Print: PDF/X-4 is based on PDF 1.6. Typst 0.15 has no PDF/X (typst#6012) and cannot
        // combine CMYK with PDF/A (no CMYK output intent), so it writes plain PDF 1.6 and the
        // finishing (`print`) adds what PDF/X-4 needs.
        Profile::Print => &[PdfStandard::V_1_6],
    };
    PdfStandards::new(list).map_err(|e| e.message().to_string())
}

fn timestamp(seconds: i64) -> Option<Timestamp> {
    let dt = chrono::DateTime::from_timestamp(seconds, 0)?;
    use chrono::{Datelike, Timelike};
    let datetime = Datetime::from_ymd_hms(
        dt.year(),
        dt.month() as u8,
        dt.day() as u8,
        dt.hour() as u8,
        dt.minute() as u8,
        dt.second() as u8,
    )?;
    Some(Timestamp::new_utc(datetime))
}

/// Writes a file atomically: a temporary file in the same folder, flushed, then renamed over
/// the target. A crash or a failed build never leaves a half-written file behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_all_atomic(&[(path, bytes)])
}

/// Swaps two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`); false where that
/// is not available (another platform, a file system without it), and nothing changed.
fn exchange(a: &Path, b: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let (Ok(a), Ok(b)) = (
            std::ffi::CString::new(a.as_os_str().as_bytes()),
            std::ffi::CString::new(b.as_os_str().as_bytes()),
        ) else {
            return false;
        };
        // SAFETY: both paths are valid NUL-terminated strings that live across the call.
        let result = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        result == 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        false
    }
}

/// Writes several files atomically: each to a temporary file beside its target, then all
/// flushed to disk, then each renamed over its target. A crash never leaves a half-written or
/// empty file at a target. The flushes run side by side: one after the other, fifty fact
/// sheets took 30 ms of `fsync`. A target that already holds exactly these bytes is left as
/// it is (not rewritten, not flushed again), so a rebuild that changed nothing writes nothing.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<(), Error> {
    let io = |path: &Path, e: std::io::Error| write_error("write", path, e);
    let mut staged = Vec::with_capacity(files.len());
    for &(path, bytes) in files {
        if holds(path, bytes) {
            continue;
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|e| write_error("create", dir, e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".drukwerk-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| io(path, e))?;
        tmp.write_all(bytes).map_err(|e| io(path, e))?;
        // Temporary files are private (0600); outputs are ordinary files others may read.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(fs::Permissions::from_mode(0o644))
                .map_err(|e| io(path, e))?;
        }
        staged.push((path, tmp));
    }
    flush(&staged).map_err(flush_error)?;
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| io(path, e.error))?;
    }
    Ok(())
}

/// Writing `path` failed; `action` is a key of the message `write-failed` (`write`, `create`,
/// `create-in`, `permissions`, `move-aside`, `rename`). The system's words stay as the reason.
fn write_error(action: &'static str, path: &Path, e: std::io::Error) -> Error {
    Error::Write(msg!(
        "write-failed",
        action = action,
        path = path,
        reason = e.to_string()
    ))
}

/// Flushing the staged output to disk failed.
fn flush_error(e: std::io::Error) -> Error {
    Error::Write(msg!("flush-failed", reason = e.to_string()))
}

/// Whether the file at `path` holds exactly `bytes` (its size is compared first, so a file that
/// differs in length is not read).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// Whether the folder `dir` holds exactly `files` (relative path → bytes): the same files,
/// each with the same bytes, and nothing else.
fn folder_holds(dir: &Path, files: &[(&str, &[u8])]) -> bool {
    fn count(dir: &Path, depth: usize) -> Option<usize> {
        let mut n = 0;
        for entry in fs::read_dir(dir).ok()? {
            let entry = entry.ok()?;
            let kind = entry.file_type().ok()?;
            if kind.is_dir() && depth < 32 {
                n += count(&entry.path(), depth + 1)?;
            } else if kind.is_file() {
                n += 1;
            } else {
                return None;
            }
        }
        Some(n)
    }
    count(dir, 0) == Some(files.len())
        && files.iter().all(|(name, bytes)| {
            // Names are checked by the caller before anything is compared.
            holds(&dir.join(name), bytes)
        })
}

/// Flushes the staged files' data to disk, several files at a time: the file system commits
/// concurrent flushes together, so fifty files cost little more than one.
fn flush(staged: &[(&Path, tempfile::NamedTempFile)]) -> std::io::Result<()> {
    const AT_ONCE: usize = 16;
    let per_thread = staged.len().div_ceil(AT_ONCE).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = staged
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(|| {
                    chunk
                        .iter()
                        .try_for_each(|(_, tmp)| tmp.as_file().sync_data())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|_| Err(std::io::Error::other("flush failed")))
        })
    })
}

/// Writes a folder of files as a whole: every file into a staging folder beside `dir`, all
/// flushed to disk, then swapped with an earlier `dir` in one step (Linux), or else the earlier
/// `dir` moved aside and the staging folder renamed to `dir`. A failure before the swap leaves
/// the earlier folder as it was; readers see the old folder or the new one, never a mix (and
/// with the one-step swap never no folder at all). `files` maps paths relative to `dir`
/// (forward slashes) to bytes. A folder that already holds exactly these files is left as it
/// is; a file of the earlier folder that holds the same bytes goes into the new one as a hard
/// link instead of being written and flushed again (a figure edit changes a few of the site's
/// pages, not its 120 files and 5 MB).
pub fn write_dir_atomic<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<(), Error> {
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    if let Some((name, _)) = files.iter().find(|(name, _)| {
        name.split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
    }) {
        return Err(Error::Write(msg!("write-outside", name = *name)));
    }
    if folder_holds(dir, &files) {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    let fail = write_error;
    fs::create_dir_all(parent).map_err(|e| fail("create", parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".drukwerk-staging-")
        .tempdir_in(parent)
        .map_err(|e| fail("create-in", parent, e))?;
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = staging.path().join(name);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| fail("create", folder, e))?;
        }
        // An ordinary file of the earlier folder with these bytes (never a symbolic link,
        // which a hard link would copy as a link): linked, already on disk.
        let earlier = dir.join(name);
        let same = fs::symlink_metadata(&earlier)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&earlier).is_ok_and(|old| old == bytes);
        if same && fs::hard_link(&earlier, &path).is_ok() {
            continue;
        }
        let mut file = fs::File::create(&path).map_err(|e| fail("write", &path, e))?;
        file.write_all(bytes).map_err(|e| fail("write", &path, e))?;
        written.push(file);
    }
    // Flush side by side, as for single files (see `flush`).
    let per_thread = written.len().div_ceil(16).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = written
            .chunks(per_thread)
            .map(|chunk| scope.spawn(|| chunk.iter().try_for_each(|f| f.sync_data())))
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|_| Err(std::io::Error::other("flush failed")))
        })
    })
    .map_err(flush_error)?;
    drop(written);
    // Staging folders are private (0700); the site is for others to read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(staging.path(), fs::Permissions::from_mode(0o755))
            .map_err(|e| fail("permissions", staging.path(), e))?;
    }
    let staged = staging.keep();
    // Where the platform can, swap the two folders in one step: a web server never sees the
    // folder missing, not even for a moment.
    if dir.exists() && exchange(&staged, dir) {
        let _ = fs::remove_dir_all(&staged);
        return Ok(());
    }
    let old = if dir.exists() {
        // Moved over an empty folder of a unique name, so two builds never collide.
        let aside = tempfile::Builder::new()
            .prefix(".drukwerk-old-")
            .tempdir_in(parent)
            .map_err(|e| fail("create-in", parent, e))?;
        fs::rename(dir, aside.path()).map_err(|e| fail("move-aside", dir, e))?;
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(&staged, dir) {
        // Put the earlier folder back; the staged one is removed.
        if let Some(aside) = &old {
            let _ = fs::rename(aside.path(), dir);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(fail("rename", dir, e));
    }
    // Dropping the TempDir removes the earlier folder.
    drop(old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_folder_rewritten_links_its_unchanged_files_and_never_a_symbolic_link() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        write_dir_atomic(&dir, [("a.html", &b"one"[..]), ("x/b.html", b"two")]).unwrap();
        let inode = |name: &str| fs::metadata(dir.join(name)).unwrap().ino();
        let before = inode("a.html");
        // A symbolic link planted in the folder, pointing at the same bytes elsewhere.
        let outside = tmp.path().join("outside");
        fs::write(&outside, b"same").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("c.html")).unwrap();

        let files = [
            ("a.html", &b"one"[..]),
            ("x/b.html", b"three"),
            ("c.html", b"same"),
        ];
        write_dir_atomic(&dir, files).unwrap();
        assert_eq!(inode("a.html"), before, "unchanged: the same file, linked");
        for (name, bytes) in files {
            assert_eq!(fs::read(dir.join(name)).unwrap(), bytes, "{name}");
        }
        let c = fs::symlink_metadata(dir.join("c.html")).unwrap();
        assert!(c.is_file(), "written anew, not linked as a symbolic link");
        assert_eq!(fs::read(&outside).unwrap(), b"same");
    }
}
