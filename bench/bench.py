#!/usr/bin/env python3
"""Benchmark drukwerk against the plain Typst CLI on the real content.

Every comparison runs both sides in the same invocation, interleaved run by run, and reports
medians and ratios (these machines are noisy; absolute seconds mean little, ratios do).

    python3 bench/bench.py                   # 5 runs per case
    python3 bench/bench.py --runs 9
    python3 bench/bench.py --baseline main   # also the publication as git revision `main` builds it

It builds drukwerk in release (in $CARGO_TARGET_DIR when set, else target/), installs typst-cli 0.15.1 with cargo if no `typst` 0.15.1 is on
PATH, emits the view JSON and the maps with `drukwerk build --emit-data`, and compiles the same
layouts with the same data (`--input data=… --input maps=…`) and fonts (`--font-path fonts --ignore-system-fonts`) and the same PDF standards.
With --baseline REV, the files of that revision are exported (git archive) to out/bench/ and built
as well, and its publication (its own content, layouts and binary) is timed interleaved with this
one, to see what a change costs. Results go to stdout and bench/results.md.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "out" / "bench"          # under the project root (the layouts read data from there)
DATA = WORK / "data"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
if not TARGET.is_absolute():
    TARGET = ROOT / TARGET          # cargo reads a relative target dir from where it runs: ROOT
DRUKWERK = TARGET / "release" / "drukwerk"
TYPST_VERSION = "0.15.1"


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def find_typst():
    candidates = [shutil.which("typst"), str(Path.home() / ".cargo" / "bin" / "typst")]
    for c in candidates:
        if c and Path(c).exists():
            out = subprocess.run([c, "--version"], capture_output=True, text=True).stdout
            if TYPST_VERSION in out:
                return c
    print(f"installing typst-cli {TYPST_VERSION} with cargo (once; takes several minutes)", file=sys.stderr)
    sh(["cargo", "install", "typst-cli", "--version", TYPST_VERSION, "--locked"])
    return str(Path.home() / ".cargo" / "bin" / "typst")


def timed(cmd):
    """Wall time and peak RSS (MB) of one run of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(map(str, cmd))}\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024.0


def maps_input():
    """The `--input` that gives the layouts the build's maps (`maps.json` beside the data)."""
    return ["--input", f"maps=/{(DATA / 'maps.json').relative_to(ROOT)}"]


def typst_compile(typst, layout, data, output):
    return [typst, "compile", "--root", ".", "--font-path", "fonts", "--ignore-system-fonts",
            "--pdf-standard", "ua-1,a-2a", "--input", f"data=/{data.relative_to(ROOT)}",
            *maps_input(), "--input", "profile=web", f"layouts/{layout}.typ", str(output)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", metavar="REV", help="also time the publication of git revision REV")
    parser.add_argument("--incremental-only", action="store_true",
                        help="only the document cache's case, without the Typst CLI (no peer column)")
    parser.add_argument("--only", metavar="TEXT",
                        help="only the cases whose title contains TEXT (e.g. 'the publication')")
    args = parser.parse_args()

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    sh(["cargo", "build", "--release", "--quiet"])
    # The runs use a copy: a baseline built in the same target dir (only the drukwerk crate
    # differs, so it builds quickly) writes the same file.
    drukwerk = WORK / "drukwerk"
    shutil.copy2(DRUKWERK, drukwerk)
    baseline = None
    if args.baseline:
        src = WORK / "baseline-src"
        src.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
        # git archive dates every file at its commit, older than this tree's build in the same
        # target dir; cargo then took the other tree's build of the crate for a fresh one (seen
        # with a debug build). Files dated now make it build the baseline.
        now = time.time()
        for f in src.rglob("*"):
            os.utime(f, (now, now), follow_symlinks=False)
        subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", str(src / "Cargo.toml")],
                       cwd=src, check=True, env={**os.environ, "CARGO_TARGET_DIR": str(TARGET)})
        baseline = (WORK / "baseline-drukwerk", src)
        shutil.copy2(DRUKWERK, baseline[0])
        # Put this tree's binary back (with its time stamp, so cargo still finds it fresh).
        shutil.copy2(drukwerk, DRUKWERK)
    typst = None if args.incremental_only else find_typst()
    sh([drukwerk, "build", "--out", str(WORK / "warmup"), "--emit-data", str(DATA.relative_to(ROOT))],
       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sheets = sorted((DATA / "factsheets").glob("*.json"))
    publication_data = next(p for p in DATA.glob("*.json") if p.name != "maps.json")
    zwolle = DATA / "factsheets" / "zwolle.json"

    # The bundle: one Typst project that emits all 49 fact sheets with document(path).
    bundle = WORK / "bundle.typ"
    ids = ", ".join(f'"{s.stem}"' for s in sheets)
    bundle.write_text(
        '#import "/layouts/factsheet.typ": factsheet\n'
        f"#for id in ({ids},) {{\n"
        f'  let data = json("/{DATA.relative_to(ROOT)}/factsheets/" + id + ".json")\n'
        '  document(id + ".pdf", title: data.meta.title)[#factsheet(data, standalone: false)]\n'
        "}\n"
    )

    # The same project without boundaries: no maps at all, to measure what maps cost.
    nomaps = WORK / "nomaps"
    for part in ("content", "layouts", "fonts"):
        shutil.copytree(ROOT / part, nomaps / part)
    for f in (nomaps / "content" / "geo").glob("*.geojson"):
        f.unlink()
    # ... and `[geography]` names no boundary files (a project without boundaries has no maps).
    toml = nomaps / "content" / "publication.toml"
    toml.write_text("\n".join(line for line in toml.read_text().split("\n")
                              if not line.startswith(("municipality-boundaries =", "province-boundaries ="))))

    # Incremental builds: a copy of the project whose cache is warm. Before each timed run of
    # "one figure changed", a figure that only its own region's pages show (the number of vo
    # boards of Zwolle) gets a value it never had, so the publication and one sheet are made
    # again and 48 sheets reused.
    edit = WORK / "edit"
    for part in ("content", "layouts", "fonts"):
        shutil.copytree(ROOT / part, edit / part)
    zwolle_toml = edit / "content" / "regions" / "zwolle.toml"
    zwolle_text = zwolle_toml.read_text()
    assert "\nvo-boards = " in zwolle_text
    edits = iter(range(1000, 100000))

    def change_one_figure():
        value = next(edits)
        text = "\n".join(f"vo-boards = {value}" if line.startswith("vo-boards = ") else line
                         for line in zwolle_text.split("\n"))
        zwolle_toml.write_text(text)

    warm_cache = WORK / "warm-cache"
    edit_cache = WORK / "edit-cache"
    # Warmed with the folders the timed runs write to, so their image caches are warm too.
    for cache, root, out in ((warm_cache, ROOT, WORK / "i2"), (edit_cache, edit, WORK / "i3")):
        sh([drukwerk, "--root", str(root), "build", "--out", str(out), "--cache-dir", str(cache)],
           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Typst has no cache: the peer does the same job (49 sheets and the publication) in full.
    peer_all = None if typst is None else ["sh", "-c", " && ".join(" ".join(f"'{c}'" for c in cmd) for cmd in [
        [typst, "compile", "--root", ".", "--font-path", "fonts", "--ignore-system-fonts", "--features", "bundle",
         "--format", "bundle", "--pdf-standard", "ua-1,a-2a", "--input", "profile=web", *maps_input(),
         str(bundle.relative_to(ROOT)), str(WORK / "bundle-out-2")],
        typst_compile(typst, "publication", publication_data, WORK / "p2.pdf"),
    ])]

    cases = {
        "one fact sheet (zwolle), whole process": {
            "drukwerk": [drukwerk, "factsheet", "zwolle", "--no-cache", "--out", str(WORK / "a")],
            "typst compile": typst_compile(typst, "factsheet", zwolle, WORK / "a.pdf"),
        },
        "all 49 fact sheets": {
            "drukwerk": [drukwerk, "factsheet", "--all", "--no-cache", "--out", str(WORK / "b")],
            "typst bundle (one process)": [typst, "compile", "--root", ".", "--font-path", "fonts",
                                           "--ignore-system-fonts", "--features", "bundle", "--format", "bundle",
                                           "--pdf-standard", "ua-1,a-2a", "--input", "profile=web",
                                           *maps_input(), str(bundle.relative_to(ROOT)), str(WORK / "bundle-out")],
            "49 × typst compile": ["sh", "-c", " && ".join(
                " ".join(f"'{c}'" for c in typst_compile(typst, "factsheet", s, WORK / f"c-{s.stem}.pdf"))
                for s in sheets)],
        },
        "the publication": {
            "drukwerk": [drukwerk, "build", "--publication-only", "--no-cache", "--out", str(WORK / "d")],
            "typst compile": typst_compile(typst, "publication", publication_data, WORK / "d.pdf"),
            **({f"drukwerk {args.baseline} (baseline)": [baseline[0], "--root", str(baseline[1]), "build",
                                                        "--publication-only", "--out", str(WORK / "d0")]}
               if baseline else {}),
        },
        "maps: the publication with and without maps": {
            "drukwerk (with maps)": [drukwerk, "build", "--publication-only", "--no-cache", "--out", str(WORK / "m1")],
            "drukwerk (no boundaries, no maps)": [drukwerk, "--root", str(nomaps), "build", "--publication-only",
                                                  "--no-cache", "--out", str(WORK / "m2")],
        },
        "everything (publication + 49 fact sheets)": {
            "drukwerk build": [drukwerk, "build", "--no-cache", "--out", str(WORK / "e")],
        },
        "incremental: drukwerk build with the document cache": {
            "drukwerk build --no-cache (cold)": [drukwerk, "build", "--no-cache", "--out", str(WORK / "i1")],
            "drukwerk build, warm cache, nothing changed": [drukwerk, "build", "--out", str(WORK / "i2"),
                                                           "--cache-dir", str(warm_cache)],
            "drukwerk build, warm cache, one figure changed": (change_one_figure, [
                drukwerk, "--root", str(edit), "build", "--out", str(WORK / "i3"), "--cache-dir", str(edit_cache)]),
            **({"typst bundle (49 sheets) + typst compile (publication)": peer_all} if peer_all else {}),
        },
        "the website: build with and without out/site/": {
            "drukwerk build (with site)": [drukwerk, "build", "--no-cache", "--out", str(WORK / "s1")],
            "drukwerk build --no-site": [drukwerk, "build", "--no-site", "--no-cache", "--out", str(WORK / "s2")],
        },
    }
    if args.incremental_only:
        cases = {k: v for k, v in cases.items() if k.startswith("incremental")}
    if args.only:
        cases = {k: v for k, v in cases.items() if args.only in k}
    results = {}
    for case, commands in cases.items():
        for name in commands:
            results[(case, name)] = []
    for run in range(args.runs):
        print(f"run {run + 1}/{args.runs}", file=sys.stderr)
        for case, commands in cases.items():
            for name, cmd in commands.items():
                if isinstance(cmd, tuple):
                    prepare, cmd = cmd
                    prepare()
                results[(case, name)].append(timed(cmd))

    timings = subprocess.run([drukwerk, "build", "--publication-only", "--no-cache", "--timings", "--out", str(WORK / "t")],
                             cwd=ROOT, capture_output=True, text=True).stderr
    lines = [f"Benchmark: {args.runs} interleaved runs per command, medians; "
             f"{os.cpu_count()} cores; typst-cli {TYPST_VERSION}.", ""]
    for case, commands in cases.items():
        lines.append(f"### {case}")
        lines.append("")
        lines.append("| command | median s | peak RSS MB | ratio to drukwerk |")
        lines.append("|---|---:|---:|---:|")
        base = statistics.median(t for t, _ in results[(case, next(iter(commands)))])
        for name in commands:
            times = [t for t, _ in results[(case, name)]]
            rss = max(m for _, m in results[(case, name)])
            med = statistics.median(times)
            lines.append(f"| {name} | {med:.3f} | {rss:.0f} | {med / base:.2f}× |")
        lines.append("")
    if args.incremental_only or args.only:
        report = "\n".join(lines) + "\n"
        print(report)
        name = "results-incremental.md" if args.incremental_only else "results-only.md"
        (ROOT / "bench" / name).write_text(report)
        return
    sizes = [("web publication", next((WORK / "d").glob("*.pdf"))),
             ("fact sheet zwolle", WORK / "a" / "factsheets" / "zwolle.pdf")]
    if baseline:
        sizes.insert(1, (f"web publication ({args.baseline})", next((WORK / "d0").glob("*.pdf"))))
    lines.append("Sizes: " + ", ".join(f"{name} {path.stat().st_size / 1e6:.2f} MB" for name, path in sizes) + ".")
    lines.append("")
    lines.extend(site_sizes(WORK / "s1" / "site"))
    lines.append("`drukwerk build --publication-only --timings`:")
    lines.append("")
    lines.append("```")
    lines.extend(l for l in timings.splitlines() if l.startswith(" ") or l.startswith("timings"))
    lines.append("```")
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench" / "results.md").write_text(report)


def site_sizes(site):
    """Sizes of the website the last `drukwerk build` wrote: pages, the largest, the total."""
    files = [f for f in site.rglob("*") if f.is_file()]
    pages = [f for f in files if f.suffix == ".html"]
    largest = max(pages, key=lambda f: f.stat().st_size)
    without_pdfs = sum(f.stat().st_size for f in files if f.suffix != ".pdf")
    with_pdfs = sum(f.stat().st_size for f in files)
    return [
        "### website sizes",
        "",
        f"- {len(pages)} pages, {len(files)} files",
        f"- largest page: `{largest.relative_to(site)}`, {largest.stat().st_size / 1000:.1f} kB (budget 200 kB)",
        f"- whole site without PDFs: {without_pdfs / 1e6:.2f} MB (budget 5 MB); with PDFs: {with_pdfs / 1e6:.2f} MB",
        "",
    ]


if __name__ == "__main__":
    main()
