//! Watching the project: changes on disk become rebuilds of the [`Workspace`].
//!
//! File-system events (notify, through notify-debouncer-full, which also pairs the
//! rename-over-the-original that many editors save with) are collected for a short quiet
//! period and handed to one rebuild thread. Whatever arrives while a rebuild runs is merged
//! into the next one, so a burst of changes makes one or two rebuilds and the last one always
//! sees the latest state. A poller compares a fingerprint of the watched folders (paths,
//! sizes, modification times) with the one the last rebuild started from, and starts a
//! rebuild when events were lost: a difference still there one look later (or at once when the
//! platform gave no watcher at all).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::workspace::{Changes, Snapshot, Workspace};

/// The folders whose changes matter.
pub const WATCHED: [&str; 3] = ["content", "layouts", "fonts"];

/// Quiet time after the last event before a rebuild starts: editors write a file in several
/// steps within a millisecond or two.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the debouncer looks at its queue.
const TICK: Duration = Duration::from_millis(5);

enum Message {
    Changed(Changes),
    Stop,
}

/// What a rebuild reports: the snapshot it made and how long it took in all.
pub type OnRebuild = Box<dyn Fn(&Snapshot, &Changes, Duration) + Send>;

/// A running watcher; stops its threads when dropped.
pub struct Watcher {
    tx: Sender<Message>,
    stop: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
    _debouncer: Option<
        notify_debouncer_full::Debouncer<
            notify::RecommendedWatcher,
            notify_debouncer_full::RecommendedCache,
        >,
    >,
    /// Why there are no file-system events, if there are none (polling only).
    pub fallback: Option<String>,
}

impl Watcher {
    /// Starts watching the workspace's project; `poll` is the fingerprint interval.
    pub fn start(workspace: Arc<Workspace>, poll: Duration, on_rebuild: OnRebuild) -> Watcher {
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let root = workspace.root().to_path_buf();
        let built_from = Arc::new(Mutex::new(fingerprint(&root)));
        let (debouncer, fallback) = match events(&root, tx.clone()) {
            Ok(d) => (Some(d), None),
            Err(e) => (None, Some(e)),
        };
        let rebuilder = {
            let built_from = built_from.clone();
            let root = root.clone();
            std::thread::Builder::new()
                .name("drukwerk-rebuild".into())
                .spawn(move || rebuild_loop(&workspace, &root, rx, &built_from, on_rebuild))
        };
        let poller = {
            let tx = tx.clone();
            // Without file-system events, the poller is the only way to see a change.
            let poll_state = Poll {
                confirm: debouncer.is_some(),
                ..Poll::default()
            };
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("drukwerk-poll".into())
                .spawn(move || poll_loop(&root, poll, poll_state, &tx, &stop, &built_from))
        };
        Watcher {
            tx,
            stop,
            threads: [rebuilder, poller]
                .into_iter()
                .filter_map(Result::ok)
                .collect(),
            _debouncer: debouncer,
            fallback,
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.tx.send(Message::Stop);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// Starts the file-system watcher on the project's folders.
fn events(
    root: &Path,
    tx: Sender<Message>,
) -> Result<
    notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    String,
> {
    let mut debouncer = new_debouncer(DEBOUNCE, Some(TICK), move |result: DebounceEventResult| {
        let changes = match result {
            Ok(events) => {
                let mut changes = Changes::default();
                for event in events {
                    changes.rescan |= event.need_rescan();
                    if relevant(&event.kind) {
                        changes
                            .paths
                            .extend(event.paths.iter().filter(|p| !ignored(p)).cloned());
                    }
                }
                changes
            }
            // The watcher lost track (for example an inotify queue overflow): look at
            // everything again.
            Err(_) => Changes {
                rescan: true,
                ..Changes::default()
            },
        };
        if changes.rescan || !changes.paths.is_empty() {
            let _ = tx.send(Message::Changed(changes));
        }
    })
    .map_err(|e| e.to_string())?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    Ok(debouncer)
}

/// Reading a file changes nothing; everything else (writes, creates, renames, removals,
/// closing a file written to) may.
fn relevant(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Editors' swap, backup and temporary files.
fn ignored(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

fn rebuild_loop(
    workspace: &Workspace,
    root: &Path,
    rx: Receiver<Message>,
    built_from: &Mutex<Fingerprint>,
    on_rebuild: OnRebuild,
) {
    while let Ok(message) = rx.recv() {
        let Message::Changed(mut changes) = message else {
            return;
        };
        // Everything that arrived meanwhile goes into this one rebuild.
        while let Ok(more) = rx.try_recv() {
            match more {
                Message::Changed(c) => {
                    changes.rescan |= c.rescan;
                    changes.paths.extend(c.paths);
                }
                Message::Stop => return,
            }
        }
        let started = Instant::now();
        *built_from.lock().unwrap_or_else(|e| e.into_inner()) = fingerprint(root);
        let snapshot = workspace.rebuild(&changes);
        on_rebuild(&snapshot, &changes, started.elapsed());
    }
}

fn poll_loop(
    root: &Path,
    every: Duration,
    mut poll: Poll,
    tx: &Sender<Message>,
    stop: &AtomicBool,
    built_from: &Mutex<Fingerprint>,
) {
    while !stop.load(Ordering::Relaxed) {
        sleep_unless_stopped(every, stop);
        let now = fingerprint(root);
        let built = built_from.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if poll.lost_events(now, &built) {
            let _ = tx.send(Message::Changed(Changes {
                rescan: true,
                ..Changes::default()
            }));
        }
    }
}

/// The poller's memory between two looks at the project.
#[derive(Default)]
struct Poll {
    /// Whether a difference must be seen twice (file-system events are expected to come).
    confirm: bool,
    /// A state of the files that differed from the last rebuild's at the previous look.
    seen: Option<Fingerprint>,
    /// The state a rescan was last asked for, so it is asked for once.
    sent: Option<Fingerprint>,
}

impl Poll {
    /// Whether the files (`now`) differ from what the last rebuild started from (`built`) in
    /// a way the file-system events missed. A save the events report is rebuilt within a few
    /// milliseconds, but the poller may look in between; so a difference counts as missed only
    /// when it is still there, unchanged, one look later. Rescanning on the first look made a
    /// second, useless rebuild after many ordinary saves.
    fn lost_events(&mut self, now: Fingerprint, built: &Fingerprint) -> bool {
        if &now == built {
            self.seen = None;
            return false;
        }
        if self.sent.as_ref() == Some(&now) {
            return false;
        }
        if self.confirm && self.seen.as_ref() != Some(&now) {
            self.seen = Some(now);
            return false;
        }
        self.seen = None;
        self.sent = Some(now);
        true
    }
}

fn sleep_unless_stopped(total: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(50);
    let until = Instant::now() + total;
    while !stop.load(Ordering::Relaxed) && Instant::now() < until {
        std::thread::sleep(step.min(until.saturating_duration_since(Instant::now())));
    }
}

/// Paths, sizes and modification times of every file in the watched folders.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

fn fingerprint(root: &Path) -> Fingerprint {
    let mut out = Vec::new();
    for dir in WATCHED {
        walk(&root.join(dir), &mut out, 0);
    }
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Fingerprint, depth: usize) {
    // Content folders are shallow; a deep tree is a symlink loop or a mistake.
    if depth > 8 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if ignored(&path) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_dir() {
            walk(&path, out, depth + 1);
        } else {
            out.push((path, meta.len(), meta.modified().ok()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        for name in [
            ".zwolle.toml.swp",
            "zwolle.toml~",
            "4913",
            ".#zwolle.toml",
            "x.tmp",
        ] {
            assert!(ignored(Path::new(name)), "{name}");
        }
        assert!(!ignored(Path::new("content/regions/zwolle.toml")));
    }

    fn state(modified: u64) -> Fingerprint {
        vec![(PathBuf::from("content/regions/a.toml"), modified, None)]
    }

    #[test]
    fn a_change_the_events_missed_is_rescanned_once_at_the_second_look() {
        let mut poll = Poll {
            confirm: true,
            ..Poll::default()
        };
        let built = state(1);
        assert!(!poll.lost_events(state(1), &built));
        assert!(
            !poll.lost_events(state(2), &built),
            "first look: events may still come"
        );
        assert!(
            poll.lost_events(state(2), &built),
            "second look: they did not"
        );
        assert!(!poll.lost_events(state(2), &built), "asked once");
        // Another change the events missed is asked for again.
        assert!(!poll.lost_events(state(3), &built));
        assert!(poll.lost_events(state(3), &built));
    }

    #[test]
    fn a_change_the_events_caught_is_not_rescanned() {
        let mut poll = Poll {
            confirm: true,
            ..Poll::default()
        };
        // The poller looks between the save and the rebuild the events started ...
        assert!(!poll.lost_events(state(2), &state(1)));
        // ... and at its next look the rebuild has started from the saved state.
        assert!(!poll.lost_events(state(2), &state(2)));
        // A file still being written when it looked, finished before the next look.
        assert!(!poll.lost_events(state(3), &state(2)));
        assert!(!poll.lost_events(state(4), &state(4)));
    }

    #[test]
    fn without_events_the_first_look_rescans() {
        let mut poll = Poll::default();
        assert!(poll.lost_events(state(2), &state(1)));
        assert!(!poll.lost_events(state(2), &state(1)));
    }

    #[test]
    fn the_fingerprint_sees_a_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/regions")).unwrap();
        std::fs::write(dir.path().join("content/regions/a.toml"), "x").unwrap();
        let before = fingerprint(dir.path());
        std::fs::write(dir.path().join("content/regions/a.toml"), "xy").unwrap();
        assert_ne!(before, fingerprint(dir.path()));
        std::fs::write(dir.path().join("content/regions/.a.toml.swp"), "z").unwrap();
        let after = fingerprint(dir.path());
        std::fs::remove_file(dir.path().join("content/regions/.a.toml.swp")).unwrap();
        assert_eq!(after, fingerprint(dir.path()));
    }
}
