//! The document cache through the real binary: a warm build reuses every unchanged document
//! and writes the same bytes as a cold build; a changed figure rebuilds only the documents
//! that show it; what else a document is made from (layouts, fonts, edition, crop marks,
//! timestamp) is in the key; a damaged entry is rebuilt, never served; two builds share one
//! cache at once; `--no-cache` bypasses it; the size limit evicts the least recently used;
//! `serve` reads and writes the same cache, so a restarted server is warm.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Project, Run};

/// Runs the binary in `project` with extra environment variables.
fn run_env(project: &Project, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_drukwerk"));
    command
        .arg("--root")
        .arg(project.root())
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DRUKWERK_CACHE_DIR")
        .env_remove("DRUKWERK_CACHE_LIMIT");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().expect("the drukwerk binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn build(project: &Project, args: &[&str]) -> Run {
    let run = run_env(project, args, &[]);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run
}

/// Every file under `dir` (relative path → bytes), the cache folder left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == ".cache" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The outputs of a build with their manifest entry: path → reused.
fn reused(out: &Path, manifest: &str) -> BTreeMap<String, bool> {
    let text = fs::read_to_string(out.join(manifest)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["path"].as_str().unwrap().to_string(),
                o["reused"]
                    .as_bool()
                    .expect("every output says whether reused"),
            )
        })
        .collect()
}

/// The paths that were compiled (not reused).
fn compiled(reused: &BTreeMap<String, bool>) -> Vec<&str> {
    reused
        .iter()
        .filter(|(_, r)| !**r)
        .map(|(p, _)| p.as_str())
        .collect()
}

/// Asserts two output folders hold the same files with the same bytes, the manifests (which
/// say what was reused) compared without that.
fn assert_same_outputs(a: &Path, b: &Path) {
    let (x, y) = (files(a), files(b));
    assert_eq!(
        x.keys().collect::<Vec<_>>(),
        y.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (name, bytes) in &x {
        if name.starts_with("manifest") {
            let strip = |b: &[u8]| {
                String::from_utf8_lossy(b).replace("\"reused\": true", "\"reused\": false")
            };
            assert_eq!(strip(bytes), strip(&y[name]), "{name}");
        } else {
            assert!(bytes == &y[name], "{name} differs from the cold build");
        }
    }
}

/// The cache's entry files, by name.
fn entries(cache: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(cache)
        .map(|dir| {
            dir.map(|e| e.unwrap())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".pdfc"))
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        fs::read(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn set_figure(project: &Project, region: &str, figure: &str, value: i64) {
    let path = format!("content/regions/{region}.toml");
    let text = project.read(&path);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{figure} = ")))
        .unwrap_or_else(|| panic!("{figure} in {path}"))
        .to_string();
    project.write(&path, &text.replace(&line, &format!("{figure} = {value}")));
}

#[test]
fn warm_builds_reuse_what_did_not_change_and_match_a_cold_build() {
    let p = Project::real();
    let cache = p.root().join("shared-cache");
    let with_cache = |out: &str| -> Vec<String> {
        vec![
            "build".into(),
            "--out".into(),
            out.into(),
            "--cache-dir".into(),
            cache.to_string_lossy().into_owned(),
        ]
    };

    // Cold: everything compiled, and stored.
    let cold = with_cache("out-cold");
    build(&p, &strs(&cold));
    let first = reused(&p.root().join("out-cold"), "manifest.json");
    assert_eq!(first.len(), 50, "publication and 49 fact sheets");
    assert!(first.values().all(|r| !r), "a cold build compiles all");
    assert_eq!(entries(&cache).len(), 50);

    // The publication alone, without a cache, reads a maps file without the fact sheets'
    // maps (`Maps::for_publication`): the same bytes.
    build(
        &p,
        &[
            "build",
            "--publication-only",
            "--no-cache",
            "--out",
            "out-pub",
        ],
    );
    let name = "regionale-samenwerking-werkt-2026.pdf";
    assert!(
        fs::read(p.root().join("out-pub").join(name)).unwrap()
            == fs::read(p.root().join("out-cold").join(name)).unwrap(),
        "the publication alone is the publication of a full build"
    );

    // Warm, nothing changed: everything reused, byte for byte the same (site included).
    let warm = with_cache("out-warm");
    let run = build(&p, &strs(&warm));
    assert!(
        run.stderr.contains("50 unchanged and reused"),
        "{}",
        run.stderr
    );
    let second = reused(&p.root().join("out-warm"), "manifest.json");
    assert!(second.values().all(|r| *r), "{second:?}");
    assert_same_outputs(&p.root().join("out-cold"), &p.root().join("out-warm"));

    // One region's figure that only its own pages show: the publication and that region's
    // fact sheet are made again, the other 48 sheets reused.
    set_figure(&p, "zwolle", "vo-boards", 77);
    let edit = with_cache("out-edit");
    build(&p, &strs(&edit));
    let third = reused(&p.root().join("out-edit"), "manifest.json");
    assert_eq!(
        compiled(&third),
        [
            "factsheets/zwolle.pdf",
            "regionale-samenwerking-werkt-2026.pdf"
        ]
    );
    // The same as a cold build of the edited content, which neither reads nor writes the
    // cache.
    let before = entries(&cache);
    build(&p, &["build", "--out", "out-edit-cold", "--no-cache"]);
    assert!(compiled(&reused(&p.root().join("out-edit-cold"), "manifest.json")).len() == 50);
    assert_eq!(entries(&cache), before, "--no-cache leaves the cache alone");
    assert!(
        !p.root().join("out-edit-cold/.cache/documents").exists(),
        "--no-cache writes no cache of its own"
    );
    assert_same_outputs(&p.root().join("out-edit-cold"), &p.root().join("out-edit"));

    // The first key figure (students) is drawn on every fact sheet, in the context strip of
    // all regions' values: changing it for one region makes every document again.
    set_figure(&p, "zwolle", "students", 123_456);
    let strip = with_cache("out-strip");
    build(&p, &strs(&strip));
    let fourth = reused(&p.root().join("out-strip"), "manifest.json");
    assert_eq!(compiled(&fourth).len(), 50, "{fourth:?}");
}

#[test]
fn the_default_cache_lives_under_the_output_folder_and_a_shard_reuses_it() {
    let p = Project::minimal();
    build(&p, &["build"]);
    let cache = p.root().join("out/.cache/documents");
    assert_eq!(entries(&cache).len(), 3, "publication and two sheets");
    let run = build(&p, &["build"]);
    assert!(
        run.stderr.contains("3 unchanged and reused"),
        "{}",
        run.stderr
    );
    let manifest = reused(&p.root().join("out"), "manifest.json");
    assert!(manifest.values().all(|r| *r));
    // `factsheet` uses the same cache.
    let run = build(&p, &["factsheet", "zuid"]);
    assert!(
        run.stderr.contains("1 unchanged and reused"),
        "{}",
        run.stderr
    );
    // The environment variable moves it.
    let elsewhere = p.root().join("ci-cache");
    let run = run_env(
        &p,
        &["build"],
        &[("DRUKWERK_CACHE_DIR", elsewhere.to_str().unwrap())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("reused"),
        "a new folder: {}",
        run.stderr
    );
    assert_eq!(entries(&elsewhere).len(), 3);
}

#[test]
fn whatever_a_document_is_made_from_is_in_its_key() {
    let p = Project::minimal();
    let cache = p.root().join("c");
    let cache = cache.to_str().unwrap();
    build(&p, &["build", "--cache-dir", cache, "--out", "o0"]);
    let all_compiled = |out: &str, manifest: &str| {
        let r = reused(&p.root().join(out), manifest);
        assert!(r.values().all(|r| !r), "{out}: {r:?}");
    };
    // The print edition is another document; with crop marks another again.
    let print = ["--profile", "print", "--cache-dir", cache];
    build(&p, &[&["build", "--out", "o1"][..], &print].concat());
    all_compiled("o1", "manifest-print.json");
    build(
        &p,
        &[&["build", "--out", "o2", "--crop-marks"][..], &print].concat(),
    );
    all_compiled("o2", "manifest-print.json");
    build(&p, &[&["build", "--out", "o3"][..], &print].concat());
    assert!(
        reused(&p.root().join("o3"), "manifest-print.json")
            .values()
            .all(|r| *r)
    );
    assert_same_outputs(&p.root().join("o1"), &p.root().join("o3"));
    // The timestamp.
    let run = run_env(
        &p,
        &["build", "--cache-dir", cache, "--out", "o4"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    all_compiled("o4", "manifest.json");
    // A layout file, even one the layouts only import.
    let style = p.read("layouts/style.typ");
    p.write("layouts/style.typ", &format!("{style}\n// an edit\n"));
    build(&p, &["build", "--cache-dir", cache, "--out", "o5"]);
    all_compiled("o5", "manifest.json");
    p.write("layouts/style.typ", &style);
    build(&p, &["build", "--cache-dir", cache, "--out", "o6"]);
    assert!(
        reused(&p.root().join("o6"), "manifest.json")
            .values()
            .all(|r| *r),
        "back to the first version: reused"
    );
    // A font file.
    let fonts: Vec<PathBuf> = fs::read_dir(p.root().join("fonts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    fs::copy(&fonts[0], p.root().join("fonts/zz-copy.bin")).unwrap();
    build(&p, &["build", "--cache-dir", cache, "--out", "o7"]);
    all_compiled("o7", "manifest.json");
}

/// The maps are a file of their own, shared by every document of a build: a change that
/// alters only another region's area leaves a fact sheet's view as it was, but its detail map
/// shows that region as a neighbour, so the maps are in the key too.
#[test]
fn a_change_of_the_maps_alone_rebuilds_the_documents_that_read_them() {
    let p = Project::minimal();
    let cache = p.root().join("c");
    let cache = cache.to_str().unwrap();
    let emit = |out: &str| {
        build(
            &p,
            &[
                "build",
                "--cache-dir",
                cache,
                "--out",
                out,
                "--emit-data",
                &format!("data-{out}"),
            ],
        );
    };
    emit("o0");
    // Noord (po) takes Maastricht too: Zuid's view is unchanged, but its map hatches
    // Maastricht now (it also belongs to another region of one of its sectors).
    let noord = p.read("content/regions/noord.toml");
    p.write(
        "content/regions/noord.toml",
        &noord.replace("\"Westerkwartier\"]", "\"Westerkwartier\", \"Maastricht\"]"),
    );
    emit("o1");
    let zuid = "factsheets/zuid.json";
    assert_eq!(
        p.read(&format!("data-o0/{zuid}")),
        p.read(&format!("data-o1/{zuid}"))
    );
    assert_ne!(p.read("data-o0/maps.json"), p.read("data-o1/maps.json"));
    let made = reused(&p.root().join("o1"), "manifest.json");
    assert!(!made["factsheets/zuid.pdf"], "{made:?}");
    let before = fs::read(p.root().join("o0/factsheets/zuid.pdf")).unwrap();
    let after = fs::read(p.root().join("o1/factsheets/zuid.pdf")).unwrap();
    assert!(before != after, "Zuid's detail map hatches Maastricht");
    build(&p, &["build", "--out", "o2", "--no-cache"]);
    assert_same_outputs(&p.root().join("o2"), &p.root().join("o1"));
}

#[test]
fn a_damaged_entry_is_rebuilt_never_served() {
    let p = Project::minimal();
    let cache = p.root().join("c");
    let c = cache.to_str().unwrap();
    build(&p, &["build", "--cache-dir", c, "--out", "cold"]);
    let before = entries(&cache);
    assert_eq!(before.len(), 3);
    // Damage one entry: a byte in the middle of its PDF.
    let (name, bytes) = before.iter().next().unwrap();
    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    fs::write(cache.join(name), &damaged).unwrap();
    // Truncate another.
    let (name2, bytes2) = before.iter().nth(1).unwrap();
    fs::write(cache.join(name2), &bytes2[..bytes2.len() / 3]).unwrap();
    build(&p, &["build", "--cache-dir", c, "--out", "warm"]);
    let r = reused(&p.root().join("warm"), "manifest.json");
    assert_eq!(
        compiled(&r).len(),
        2,
        "the two damaged ones are made again: {r:?}"
    );
    assert_same_outputs(&p.root().join("cold"), &p.root().join("warm"));
    assert_eq!(entries(&cache), before, "and stored again, intact");
}

#[test]
fn two_builds_at_once_share_the_cache() {
    let p = Project::minimal();
    let cache = p.root().join("c");
    let spawn = |out: &str| {
        Command::new(env!("CARGO_BIN_EXE_drukwerk"))
            .arg("--root")
            .arg(p.root())
            .args(["build", "--jobs", "1", "--out", out, "--cache-dir"])
            .arg(&cache)
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("DRUKWERK_CACHE_LIMIT")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Twice: first both cold, writing the same entries at once; then both reading them.
    for round in 0..2 {
        let (a, b) = (format!("a{round}"), format!("b{round}"));
        let (x, y) = (spawn(&a), spawn(&b));
        for child in [x, y] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_same_outputs(&p.root().join(&a), &p.root().join(&b));
        assert_same_outputs(&p.root().join("a0"), &p.root().join(&a));
    }
    for round in ["a1", "b1"] {
        assert!(
            reused(&p.root().join(round), "manifest.json")
                .values()
                .all(|r| *r)
        );
    }
    let mut names: Vec<String> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort_by_key(|n| n.ends_with(".datc"));
    assert_eq!(
        names
            .iter()
            .map(|n| n.rsplit('.').next().unwrap())
            .collect::<Vec<_>>(),
        ["pdfc", "pdfc", "pdfc", "datc"],
        "three documents and the build's maps, no temporary files: {names:?}"
    );
}

#[test]
fn the_size_limit_removes_the_least_recently_used() {
    let p = Project::minimal();
    let cache = p.root().join("c");
    let c = cache.to_str().unwrap();
    let make = |args: &[&str], limit: &str| {
        let run = run_env(
            &p,
            &[args, &["--cache-dir", c]].concat(),
            &[("DRUKWERK_CACHE_LIMIT", limit)],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        // Modification times must differ between the runs.
        std::thread::sleep(std::time::Duration::from_millis(20));
        run.stderr.contains("unchanged and reused")
    };
    let sheet = |id: &str, limit: &str| make(&["factsheet", id], limit);
    let publication = |limit: &str| make(&["build", "--publication-only"], limit);
    let new_entry = |before: &BTreeMap<String, Vec<u8>>| {
        let after = entries(&cache);
        let mut added = after.into_iter().filter(|(k, _)| !before.contains_key(k));
        let entry = added.next().expect("one entry added");
        assert!(added.next().is_none());
        entry
    };
    assert!(!sheet("noord", "1G"));
    let noord = new_entry(&BTreeMap::new());
    let after_noord = entries(&cache);
    assert!(!sheet("zuid", "1G"));
    let zuid = new_entry(&after_noord);
    let sheets = entries(&cache);
    assert!(!publication("1G"));
    let publication_entry = new_entry(&sheets);
    // The build also kept its maps (`.datc`): count them in.
    let maps: u64 = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "datc"))
        .map(|p| fs::metadata(p).unwrap().len())
        .sum();
    assert!(maps > 0, "the build's maps are kept");
    // Start again, with room for the publication (and its maps) and one sheet only.
    fs::remove_dir_all(&cache).unwrap();
    let size = |e: &(String, Vec<u8>)| e.1.len() as u64;
    let limit = (size(&publication_entry) + maps + size(&zuid) + size(&noord) / 2).to_string();
    assert!(!sheet("noord", &limit));
    assert!(!sheet("zuid", &limit));
    assert!(!publication(&limit));
    let kept = entries(&cache);
    assert!(!kept.contains_key(&noord.0), "the oldest went");
    assert!(kept.contains_key(&zuid.0) && kept.contains_key(&publication_entry.0));
    // A hit renews an entry: zuid (the oldest) is reused, then noord made again pushes out
    // what is now the least recently used: the maps, made just before the publication (and
    // larger than half a sheet, so the publication can stay).
    assert!(maps > size(&noord) / 2, "{maps} bytes of maps");
    let maps_kept = || {
        fs::read_dir(&cache)
            .unwrap()
            .any(|e| e.unwrap().path().extension().is_some_and(|e| e == "datc"))
    };
    assert!(maps_kept());
    assert!(sheet("zuid", &limit), "zuid reused");
    assert!(!sheet("noord", &limit), "noord made again");
    let kept = entries(&cache);
    assert!(kept.contains_key(&noord.0) && kept.contains_key(&zuid.0));
    assert!(!maps_kept(), "the maps went first");
    assert!(kept.contains_key(&publication_entry.0), "{:?}", kept.keys());
    // A limit that is not a size is a usage error.
    let run = run_env(&p, &["build"], &[("DRUKWERK_CACHE_LIMIT", "lots")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("DRUKWERK_CACHE_LIMIT"),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_server_reads_its_pdfs_from_the_cache() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use drukwerk::cache::DocCache;
    use drukwerk::serve::{self, Options, workspace::Workspace};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let p = Project::minimal();
    let dir = p.root().join("c");
    let get = |cache: Option<DocCache>| {
        let root = p.root().to_path_buf();
        async move {
            let workspace = Workspace::open(&root).unwrap();
            let app = serve::app(
                workspace,
                &Options {
                    jobs: 1,
                    document_cache: cache,
                    ..Options::default()
                },
            );
            let response = serve::http::router(app)
                .oneshot(
                    Request::get("/factsheets/noord.pdf")
                        .body(Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response
                .into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .to_vec()
        }
    };
    let cache = || Some(DocCache::new(dir.clone(), 1 << 30));
    let first = get(cache()).await;
    let stored = entries(&dir);
    assert_eq!(stored.len(), 1, "the server stored the PDF it made");
    // The same bytes as `factsheet` writes.
    build(&p, &["factsheet", "noord", "--no-cache"]);
    assert_eq!(
        first,
        fs::read(p.root().join("out/factsheets/noord.pdf")).unwrap()
    );
    // A new server (a restart) takes the PDF from the cache instead of compiling it: an
    // entry swapped for another valid one is what it serves.
    let (name, _) = stored.iter().next().unwrap();
    let planted = b"%PDF-1.7 planted".to_vec();
    let key = name.trim_end_matches(".pdfc");
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&planted)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let mut entry =
        format!("drukwerk-document-cache 1\nkey {key}\npages 1\nsha256 {sha}\n\n").into_bytes();
    entry.extend_from_slice(&planted);
    fs::write(dir.join(name), &entry).unwrap();
    assert_eq!(get(cache()).await, planted, "read from the cache");
    // Without the cache, it compiles.
    assert_eq!(get(None).await, first);
}

/// A build keeps its maps in the cache (`jobs::Maps::cached`): the next build with the same
/// boundaries, layouts, fonts and regions reads them instead of placing the labels again, and
/// gets the same bytes and keys; other inputs miss; a damaged entry is made again, never used.
#[test]
fn the_maps_are_kept_between_builds_and_a_damaged_entry_is_made_again() {
    use drukwerk::jobs::{Maps, assets_key};
    let p = Project::minimal();
    let model = drukwerk::project::check(p.root()).model.unwrap();
    let dir = p.root().join("c");
    let cache = drukwerk::cache::DocCache::new(dir.clone(), 1 << 30);
    let assets = assets_key(p.root());
    let (made, reused) = Maps::cached(&model, &cache, assets).unwrap();
    assert!(!reused, "an empty cache");
    let same = |m: &Maps| {
        m.bytes == made.bytes
            && m.publication_key == made.publication_key
            && *m.sheet_keys == *made.sheet_keys
    };
    assert!(same(&Maps::new(&model).unwrap()), "as made without a cache");
    let (read, reused) = Maps::cached(&model, &cache, assets).unwrap();
    assert!(reused && same(&read));
    // Other files beside the content (layouts, fonts, boundaries): made again.
    let (other, reused) = Maps::cached(&model, &cache, assets ^ 1).unwrap();
    assert!(!reused && same(&other));
    // Every entry damaged: none is used, and the maps are made again, the same.
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "datc") {
            let mut bytes = fs::read(&path).unwrap();
            let last = bytes.len() - 2;
            bytes[last] ^= 0x20;
            fs::write(&path, bytes).unwrap();
        }
    }
    let (again, reused) = Maps::cached(&model, &cache, assets).unwrap();
    assert!(!reused && same(&again));
    assert!(
        Maps::cached(&model, &cache, assets).unwrap().1,
        "stored anew"
    );
}
