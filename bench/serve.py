#!/usr/bin/env python3
"""Benchmark `drukwerk serve`: edit-to-screen latency, and PDFs on demand under load.

    python3 bench/serve.py              # everything (about two minutes after the builds)
    python3 bench/serve.py --edits 20 --requests 500 --clients 4

1. Edit-to-screen: a copy of the project is served; a client holds the preview's event
   stream open (`/events?doc=...`), one key figure of one region is changed on disk (written
   to a temporary file and renamed over the original, as editors save), and the time until
   the `pages` event with the new page arrives, and until that page's SVG has been fetched,
   is measured. p50 and p95 over N edits, for the publication and for a fact sheet.
2. The same edits against `typst watch` on the same layout with the data drukwerk emits
   (`build --emit-data`): typst's own reported compile time per edit. Both run in this
   invocation, so the ratio is fair on a noisy machine.
3. The editor (`--editor-only` runs just this): the form's unsaved state sent as a preview
   request (`POST /api/content/regions/zwolle/preview`, one key figure changed each time) until
   the answer names the new page, for the fact sheet and for the region's page in the
   publication; and a save of one figure (`PUT`) until the file on disk has it.
4. Load: C clients send R requests each to the fact sheet PDFs over loopback; half of the
   requests repeat a sheet the client asked for recently, half ask for any sheet in either
   edition. The PDF cache is kept small (--cache-mb 1, about 20 sheets) so the run keeps
   compiling. Reports requests/s, p50/p99, status codes, and resident memory after the first
   100 requests and after the run.

Results go to stdout and bench/serve-results.md. Talks only to 127.0.0.1.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
# DRUKWERK_BIN measures another build (say the debug one, whose dependencies are optimised too).
DRUKWERK = Path(os.environ.get("DRUKWERK_BIN", TARGET / "release" / "drukwerk"))
WORK = ROOT / "out" / "bench-serve"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import find_typst  # noqa: E402  (the same typst-cli 0.15.1 as bench.py)


def copy_project(dest):
    shutil.rmtree(dest, ignore_errors=True)
    for part in ["content", "layouts", "fonts"]:
        shutil.copytree(ROOT / part, dest / part)


class Server:
    """`drukwerk serve --port 0` on a project; its address read from stderr."""

    def __init__(self, root, *args):
        self.proc = subprocess.Popen(
            [DRUKWERK, "--root", root, "serve", "--port", "0", *args], env={**os.environ},
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines = []
        for line in self.proc.stderr:
            self.lines.append(line)
            m = re.match(r"Serving http://([\d.]+):(\d+)", line)
            if m:
                self.host, self.port = m.group(1), int(m.group(2))
                break
        else:
            sys.exit("serve did not start:\n" + "".join(self.lines))
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.lines.append(line)

    def connection(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=120)

    def get(self, path):
        c = self.connection()
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.status, body

    def rss_mb(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def log(self):
        return "".join(self.lines)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)


class Events:
    """An open event stream; `wait_pages` returns when a `pages` event differs from `old`."""

    def __init__(self, server, doc):
        self.conn = server.connection()
        self.conn.request("GET", f"/events?doc={doc}")
        self.resp = self.conn.getresponse()
        self.cond = threading.Condition()
        self.pages = None
        self.generation = 0
        self.arrived = 0.0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event = None
        for raw in self.resp:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "pages":
                data = json.loads(line[6:])
                pages = [p["hash"] for p in data["pages"]]
                if os.environ.get("BENCH_DEBUG"):
                    print("  pages event", data["generation"], f"{time.perf_counter():.3f}", file=sys.stderr)
                with self.cond:
                    self.pages, self.arrived = pages, time.perf_counter()
                    self.generation = data["generation"]
                    self.cond.notify_all()

    def wait_pages(self, old, after=-1, timeout=60):
        """Waits for pages of a generation after `after` that differ from `old`."""
        with self.cond:
            ok = self.cond.wait_for(
                lambda: self.pages is not None and self.pages != old and self.generation > after,
                timeout)
            if not ok:
                raise TimeoutError("no new pages")
            return self.pages, self.arrived

    def settled(self, server, doc):
        """Waits until the server is idle and this stream has seen its current pages."""
        while True:
            time.sleep(0.3)
            health = json.loads(server.get("/health")[1])
            preview = json.loads(server.get(f"/api/preview/{doc}")[1])
            # A rebuild that left this document's pages as they were sends no `pages` event,
            # so the stream's generation may lag behind; the pages are what must agree.
            with self.cond:
                if (preview["generation"] == health["generation"]
                        and self.pages == [p["hash"] for p in preview["pages"]]):
                    return self.pages, preview["generation"]


def save(path, text):
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def edit_latency(server, project, doc, edits):
    region = project / "content" / "regions" / "zwolle.toml"
    original = region.read_text()
    events = Events(server, doc)
    events.wait_pages(None, timeout=300)
    to_event, to_svg = [], []
    for i in range(edits):
        value = 144052 + i + 1
        # Nothing from an earlier edit may still be on its way.
        pages, generation = events.settled(server, doc)
        start = time.perf_counter()
        save(region, re.sub(r"students = \d+", f"students = {value}", original))
        if os.environ.get("BENCH_DEBUG"):
            print("  saved", value, f"{start:.3f}", file=sys.stderr)
        new, arrived = events.wait_pages(pages, after=generation)
        changed = [h for h, o in zip(new, pages) if h != o] or new
        status, _ = server.get(f"/preview/pages/{changed[0]}.svg")
        done = time.perf_counter()
        assert status == 200
        to_event.append((arrived - start) * 1000)
        if os.environ.get("BENCH_DEBUG"):
            print(doc, i, f"{(arrived - start) * 1000:.0f} ms", sum(a != b for a, b in zip(new, pages)), file=sys.stderr)
        to_svg.append((done - start) * 1000)
    save(region, original)
    events.settled(server, doc)
    return to_event, to_svg


def variants(project, doc, edits):
    """The view JSON drukwerk gives the layout for each edit (0 = as shipped), so typst watch
    sees exactly the change the server sees (one figure changes a region's figures, ranks and
    the context strip of every region)."""
    region = project / "content" / "regions" / "zwolle.toml"
    original = region.read_text()
    out = []
    for i in range(edits + 1):
        region.write_text(re.sub(r"students = \d+", f"students = {144052 + i}", original))
        data = project / "out" / "variants" / str(i)
        shutil.rmtree(data, ignore_errors=True)
        if doc == "publication":
            cmd = ["build", "--publication-only", "--no-site"]
        else:
            cmd = ["factsheet", "zwolle"]
        subprocess.run([DRUKWERK, "--root", project, *cmd, "--out", "out/variants/pdf",
                        "--emit-data", str(data.relative_to(project))],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        name = "factsheets/zwolle.json" if doc != "publication" else None
        path = data / name if name else next(p for p in data.glob("*.json") if p.name != "maps.json")
        out.append(path.read_text())
        # The build's maps: the same for every variant (a figure is no part of them).
        shutil.copy(data / "maps.json", project / "out" / "watched-maps.json")
    region.write_text(original)
    return out


def typst_watch(typst, project, layout, texts):
    """typst watch's own reported compile times, the data file replaced by each variant."""
    data = project / "out" / "watched.json"
    data.write_text(texts[0])
    proc = subprocess.Popen(
        [typst, "watch", "--root", ".", "--font-path", "fonts", "--ignore-system-fonts",
         "--pdf-standard", "ua-1,a-2a", "--input", "data=/out/watched.json",
         "--input", "maps=/out/watched-maps.json", "--input", "profile=web",
         f"layouts/{layout}.typ", "out/watched.pdf"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    times = []
    lock = threading.Condition()

    def read():
        for line in proc.stdout:
            m = re.search(r"compiled (?:successfully|with warnings) in ([\d.]+)\s*(ms|s)", line)
            if m:
                v = float(m.group(1)) * (1000 if m.group(2) == "s" else 1)
                with lock:
                    times.append(v)
                    lock.notify_all()

    threading.Thread(target=read, daemon=True).start()
    with lock:
        if not lock.wait_for(lambda: len(times) >= 1, 300):
            raise TimeoutError("typst watch did not compile")
    pdf = project / "out" / "watched.pdf"
    end_to_end = []
    for text in texts[1:]:
        time.sleep(0.5)
        n = len(times)
        before = pdf.stat().st_mtime_ns
        start = time.perf_counter()
        save(data, text)
        # From the save to the new PDF on disk (polled every 2 ms).
        while pdf.stat().st_mtime_ns == before and time.perf_counter() - start < 120:
            time.sleep(0.002)
        end_to_end.append((time.perf_counter() - start) * 1000)
        with lock:
            if not lock.wait_for(lambda: len(times) > n, 120):
                raise TimeoutError("typst watch did not recompile")
    proc.terminate()
    proc.wait()
    return times[1:], end_to_end


def load(server, clients, requests, seed=1):
    ids = json.loads(server.get("/api/regions")[1])["regions"]
    paths = [r["pdf"] for r in ids] + [r["print_pdf"] for r in ids]
    latencies, statuses = [], {}
    lock = threading.Lock()
    first100 = threading.Event()
    rss_first = [0.0]

    def client(k):
        rng = random.Random(seed * 100 + k)
        recent = []
        conn = server.connection()
        for _ in range(requests):
            if recent and rng.random() < 0.5:
                path = rng.choice(recent[-8:])
            else:
                path = rng.choice(paths)
            recent.append(path)
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                status = r.status
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = server.connection()
                status = 0
            took = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(took)
                statuses[status] = statuses.get(status, 0) + 1
                if len(latencies) == 100:
                    rss_first[0] = server.rss_mb()
                    first100.set()
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {
        "requests": len(latencies), "wall": wall, "rps": len(latencies) / wall,
        "p50": pct(latencies, 50), "p99": pct(latencies, 99), "statuses": statuses,
        "rss_first": rss_first[0], "rss_end": server.rss_mb(),
    }


def token_of(server, timeout=10):
    """The editor's token, from the `Bewerken: http://…/?token=…` line serve prints."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for line in server.lines:
            m = re.search(r"token=([0-9A-Za-z_-]+)", line)
            if m:
                return m.group(1)
        time.sleep(0.05)
    sys.exit("serve printed no editor token:\n" + server.log())


def api(server, token, method, path, body):
    c = server.connection()
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    c.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, json.loads(data or b"null")


def editor_latency(server, project, edits):
    """Preview requests of the editor (fact sheet, publication) and saves, in ms."""
    token = token_of(server)
    path = "/api/content/regions/zwolle"
    status, read = api(server, token, "GET", path, None)
    assert status == 200, read
    fields = read["fields"]
    base = fields["figures"]["students"]
    results = {"factsheet": [], "publication": [], "save": []}
    for only in ["factsheet", "publication"]:
        # One warm-up, as the editor's first preview after opening the page.
        api(server, token, "POST", path + "/preview", {"fields": fields, "draft": "bench", "only": only})
        previous = None
        for i in range(edits):
            fields["figures"]["students"] = base + 1 + i
            started = time.perf_counter()
            status, drafted = api(server, token, "POST", path + "/preview",
                                  {"fields": fields, "draft": "bench", "only": only})
            took = (time.perf_counter() - started) * 1000
            assert status == 200 and drafted["pages"], drafted
            hashes = drafted["pages"][0]["hashes"]
            assert hashes != previous, "the page did not change"
            previous = hashes
            results[only].append(took)
    file = project / "content" / "regions" / "zwolle.toml"
    version = read["version"]
    for i in range(edits):
        fields["figures"]["students"] = base + 1000 + i
        value = f"students = {base + 1000 + i}"
        started = time.perf_counter()
        status, saved = api(server, token, "PUT", path, {"version": version, "fields": fields})
        assert status == 200, saved
        while value not in file.read_text():
            time.sleep(0.001)
        results["save"].append((time.perf_counter() - started) * 1000)
        version = saved["version"]
    return results


def metric(text, name):
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--no-typst", action="store_true", help="skip the typst watch comparison")
    parser.add_argument("--editor-only", action="store_true", help="measure only the editor")
    args = parser.parse_args()

    if "DRUKWERK_BIN" not in os.environ:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    project = WORK / "project"
    copy_project(project)
    out = []

    def say(line=""):
        print(line, flush=True)
        out.append(line)

    say(f"# drukwerk serve, measured {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores")
    say()
    server = Server(project, "--no-git")
    editor = editor_latency(server, project, args.edits)
    server.stop()
    copy_project(project)
    say(f"## The editor ({args.edits} previews of one changed key figure, {args.edits} saves, ms)")
    say()
    say("| step | p50 | p95 | target p50 |")
    say("|---|---:|---:|---:|")
    for name, label, target in [("factsheet", "preview request → fact sheet page", 50),
                                ("publication", "preview request → region page in the publication", 150),
                                ("save", "save of a figure → on disk", 50)]:
        say(f"| {label} | {pct(editor[name], 50):.0f} | {pct(editor[name], 95):.0f} | ≤ {target} |")
    if args.editor_only:
        (ROOT / "bench" / "serve-results.md").write_text("\n".join(out) + "\n")
        return
    say()
    server = Server(project)
    say(f"## Edit-to-screen latency ({args.edits} edits of one key figure, ms)")
    say()
    say("| document | update event p50 | p95 | new SVG received p50 | p95 |")
    say("|---|---:|---:|---:|---:|")
    results = {}
    for doc in ["factsheets/zwolle", "publication"]:
        to_event, to_svg = edit_latency(server, project, doc, args.edits)
        results[doc] = to_event
        say(f"| {doc} | {pct(to_event, 50):.0f} | {pct(to_event, 95):.0f} | "
            f"{pct(to_svg, 50):.0f} | {pct(to_svg, 95):.0f} |")
    server.stop()

    if not args.no_typst:
        typst = find_typst()
        say()
        say("## Against `typst watch` (its own reported compile time per edit, the same data, ms)")
        say()
        say("| document | typst watch compile p50 | p95 | typst watch save → PDF p50 | drukwerk serve save → event p50 | ratio (compile / ours) |")
        say("|---|---:|---:|---:|---:|---|")
        for doc, layout in [("factsheets/zwolle", "factsheet"), ("publication", "publication")]:
            times, end_to_end = typst_watch(typst, project, layout, variants(project, doc, args.edits))
            ours = pct(results[doc], 50)
            theirs = pct(times, 50)
            say(f"| {doc} | {theirs:.0f} | {pct(times, 95):.0f} | {pct(end_to_end, 50):.0f} | {ours:.0f} | "
                f"{theirs / ours:.2f} |")

    # --no-cache: the document cache on disk would answer every sheet after its first compile.
    server = Server(project, "--cache-mb", "1", "--no-cache", "--jobs", "2", "--queue", "64")
    result = load(server, args.clients, args.requests)
    metrics = server.get("/metrics")[1].decode()
    server.stop()
    say()
    say(f"## PDFs on demand: {args.clients} clients × {args.requests} requests, half repeated, cache 1 MB")
    say()
    say("| requests/s | p50 | p99 | statuses | compiles | cache hits | RSS after 100 | RSS after all | ratio |")
    say("|---:|---:|---:|---|---:|---:|---:|---:|---|")
    say(f"| {result['rps']:.0f} | {result['p50']:.1f} ms | {result['p99']:.1f} ms | "
        f"{result['statuses']} | {metric(metrics, 'drukwerk_pdf_cache_misses_total'):.0f} | "
        f"{metric(metrics, 'drukwerk_pdf_cache_hits_total') + metric(metrics, 'drukwerk_pdf_joined_total'):.0f} | "
        f"{result['rss_first']:.0f} MB | {result['rss_end']:.0f} MB | "
        f"{result['rss_end'] / max(result['rss_first'], 1):.2f}× |")
    (ROOT / "bench" / "serve-results.md").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
