// Shared harness for the browser checks: Debian's chromium through playwright-core (never a
// browser that playwright downloads), a tiny static file server on 127.0.0.1, axe-core with the
// WCAG 2.1 A/AA rules, and a minimal test runner that ends with "N passed, M failed".

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

/** Launches Debian's chromium (or $CHROMIUM), headless. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

/** Serves `dir` on 127.0.0.1 (a free port); returns { url, close }. Only files under `dir`. */
export async function serve(dir) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let file = path.resolve(root, "." + decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const AXE_SOURCE = readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.1 A and AA violations axe-core finds on the page: { id, impact, line }. */
export async function axeReport(page) {
  await page.addScriptTag({ content: await AXE_SOURCE });
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    line: `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")}`,
  }));
}

/** The WCAG 2.1 A and AA violations axe-core finds on the page, as readable lines. */
export async function axeViolations(page) {
  return (await axeReport(page)).map((v) => v.line);
}

/** Whether the page scrolls sideways at its current viewport. */
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** A tiny runner: `check(name, fn)` collects results; `finish()` prints the summary and exits. */
export function runner() {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, fn) {
      try {
        await fn();
        passed += 1;
        console.log(`ok - ${name}`);
      } catch (e) {
        failed += 1;
        console.log(`not ok - ${name}\n  ${String(e?.message || e).replaceAll("\n", "\n  ")}`);
      }
    },
    finish() {
      console.log(`${passed} passed, ${failed} failed`);
      process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
    },
  };
}

/** Throws with `message` unless `condition`. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
