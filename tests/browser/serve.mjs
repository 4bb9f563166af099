// Browser checks of `drukwerk serve` in Debian's chromium:
//  - the index: filter the regions, click a region on the map, get its PDF (%PDF, file name);
//  - a live preview: edit a content file on disk, the new figure appears without a reload;
//  - a typo in a municipality shows the overlay with file and line; fixing it removes it;
//  - axe-core (WCAG 2.1 A/AA) on the index and a preview: no serious or critical violation;
//  - screenshots of the index and a preview under out/screenshots/ for review.
//
//   node serve.mjs [DRUKWERK_BINARY] [SCREENSHOT_DIR]
//   (defaults: ../../target/debug/drukwerk, ../../out/screenshots)
//
// The server runs on a copy of the project (so the edits never touch the repository) and
// listens on 127.0.0.1 only.

import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, axeReport, launch, runner } from "./helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const binary = path.resolve(
  process.argv[2] || process.env.DRUKWERK || path.join(repo, "target/debug/drukwerk"),
);
const shotDir = path.resolve(process.argv[3] || path.join(repo, "out/screenshots"));
mkdirSync(shotDir, { recursive: true });

// A copy of the project to edit.
const project = mkdtempSync(path.join(os.tmpdir(), "drukwerk-serve-"));
for (const part of ["content", "layouts", "fonts"]) {
  cpSync(path.join(repo, part), path.join(project, part), { recursive: true });
}
const regionFile = path.join(project, "content/regions/zwolle.toml");
const original = readFileSync(regionFile, "utf8");

/** Saves like an editor: a temporary file renamed over the original. */
function save(file, text) {
  const tmp = path.join(path.dirname(file), "." + path.basename(file) + ".tmp");
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Starts the server on a free port; resolves with its URL. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["--root", project, "serve", "--port", "0"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    const timer = setTimeout(() => reject(new Error("serve did not start:\n" + log)), 120_000);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.match(/Serving (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, log: () => log });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
  });
}

const t = runner();
const server = await startServer();
const browser = await launch();
// axe-core is injected as a script; the server's Content-Security-Policy would refuse it.
// Dutch, as the people who use drukwerk have it (chromium would send en-US otherwise).
const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, locale: "nl-NL", viewport: { width: 1280, height: 900 } });
const page = await context.newPage();

try {
  await t.check("index: filter, click a region on the map, download its PDF", async () => {
    await page.goto(server.url + "/");
    assert((await page.getAttribute("html", "lang")) === "nl", "the page is in Dutch");
    await page.fill("#filter", "zwolle");
    const visible = await page.locator("#regions li:not([hidden])").count();
    assert(visible >= 1 && visible < 10, `the filter leaves a few regions (${visible})`);
    assert(
      await page.locator('#regions li[data-region="zwolle"]').isVisible(),
      "Zwolle is in the filtered list",
    );
    await page.screenshot({ path: path.join(shotDir, "serve-index.png"), fullPage: true });
    // Click inside the region's shape: a point of its box where the region is on top.
    const link = '.sector-map:not([hidden]) a.region[href="/preview/factsheets/zwolle"]';
    await page.locator(link).scrollIntoViewIfNeeded();
    const point = await page.$eval(link, (a) => {
      const box = a.getBoundingClientRect();
      for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
          const x = box.left + (box.width * i) / 20;
          const y = box.top + (box.height * j) / 20;
          if (document.elementFromPoint(x, y)?.closest("a") === a) return { x, y };
        }
      }
      return null;
    });
    assert(point, "the region can be clicked on the map");
    await page.mouse.click(point.x, point.y);
    await page.waitForURL("**/preview/factsheets/zwolle");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('nav.doc-links a[href="/factsheets/zwolle.pdf"]'),
    ]);
    assert(download.suggestedFilename() === "zwolle.pdf", `file name ${download.suggestedFilename()}`);
    const file = await download.path();
    assert(readFileSync(file).subarray(0, 4).toString() === "%PDF", "a PDF arrives");
  });

  await t.check("preview: an edit on disk appears without a reload", async () => {
    await page.goto(server.url + "/preview/factsheets/zwolle");
    await page.waitForFunction(() => document.querySelector("#pages")?.textContent.includes("144.052"), null, { timeout: 60_000 });
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.screenshot({ path: path.join(shotDir, "serve-preview.png") });
    save(regionFile, original.replace("students = 144052", "students = 144053"));
    await page.waitForFunction(() => document.querySelector("#pages")?.textContent.includes("144.053"), null, { timeout: 30_000 });
    assert(await page.evaluate(() => window.__sameDocument === true), "the page was not reloaded");
  });

  await t.check("preview: a typo shows the overlay with file and line, the fix removes it", async () => {
    const broken = original.replace('"Zwolle"', '"Zwole"');
    assert(broken !== original, "the region lists Zwolle");
    save(regionFile, broken);
    await page.waitForSelector("#overlay:not([hidden])", { timeout: 30_000 });
    const text = await page.textContent("#overlay");
    assert(text.includes("Fouten in de inhoud"), "the overlay is in Dutch");
    assert(text.includes("fout[unknown-municipality]"), "the overlay names the problem, in Dutch");
    assert(/content\/regions\/zwolle\.toml:\d+:\d+/.test(text), "the overlay gives file, line and column");
    assert(text.includes("Zwolle"), "the overlay suggests the fix");
    assert(await page.locator("figure.page img").count() > 0, "the last good pages stay underneath");
    await page.screenshot({ path: path.join(shotDir, "serve-overlay.png") });
    save(regionFile, original);
    await page.waitForSelector("#overlay", { state: "hidden", timeout: 30_000 });
  });

  await t.check("an English browser gets English pages and an English overlay", async () => {
    const english = await browser.newContext({ bypassCSP: true, locale: "en-US", viewport: { width: 1280, height: 900 } });
    const other = await english.newPage();
    try {
      await other.goto(server.url + "/");
      assert((await other.getAttribute("html", "lang")) === "en", "the index is in English");
      assert((await other.textContent("#regions-title")) === "Regions and fact sheets", "English headings");
      await other.waitForSelector("#live.connected", { timeout: 30_000 });
      assert((await other.textContent("#live")) === "live", "the live state");
      await other.fill("#filter", "zwolle");
      assert(/regions?$/.test(await other.textContent("#filter-count")), await other.textContent("#filter-count"));
      await other.goto(server.url + "/preview/factsheets/zwolle");
      assert((await other.getAttribute("html", "lang")) === "en", "the preview is in English");
      await other.waitForSelector("figure.page img", { timeout: 60_000 });
      const label = await other.getAttribute("figure.page", "aria-label");
      assert(/^Page 1 of \d+$/.test(label), label);
      save(regionFile, original.replace('"Zwolle"', '"Zwole"'));
      await other.waitForSelector("#overlay:not([hidden])", { timeout: 30_000 });
      const text = await other.textContent("#overlay");
      assert(text.includes("Errors in the content"), "the overlay is in English");
      assert(text.includes("error[unknown-municipality]"), "the diagnostic is in English");
      await other.screenshot({ path: path.join(shotDir, "serve-overlay-en.png") });
      save(regionFile, original);
      await other.waitForSelector("#overlay", { state: "hidden", timeout: 30_000 });
    } finally {
      await english.close();
    }
  });

  await t.check("index and preview: no serious or critical axe-core violation", async () => {
    for (const url of ["/", "/preview/factsheets/zwolle"]) {
      await page.goto(server.url + url);
      await page.waitForSelector("#live.connected", { timeout: 30_000 });
      const violations = (await axeReport(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      assert(violations.length === 0, `${url}:\n` + violations.map((v) => v.line).join("\n"));
    }
  });
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  rmSync(project, { recursive: true, force: true });
}
t.finish();
