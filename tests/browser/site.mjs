// Browser checks of the website that `drukwerk build` writes to out/site/:
//  - axe-core (WCAG 2.1 A/AA) on every page: zero violations;
//  - no horizontal scrolling at 320 CSS px on every page (WCAG 1.4.10 reflow);
//  - the index map operated by keyboard alone reaches a region page, with a visible focus;
//  - screenshots at 1280 and 320 px of the index, a region page and a theme page.
//
//   node site.mjs [SITE_DIR] [SCREENSHOT_DIR]     (defaults: ../../out/site, ../../out/screenshots)

import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assert, axeViolations, launch, runner, scrollsSideways, serve } from "./helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = path.resolve(process.argv[2] || path.join(here, "../../out/site"));
const shotDir = path.resolve(process.argv[3] || path.join(here, "../../out/screenshots"));

async function pages(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await pages(path.join(dir, entry.name), rel + "/")));
    else if (entry.name.endsWith(".html")) out.push(rel);
  }
  return out.sort();
}

const t = runner();
const server = await serve(siteDir);
const browser = await launch();
try {
  const all = await pages(siteDir);
  await t.check(`the site has pages (${all.length})`, () => assert(all.length > 10, "too few pages"));
  const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
  const failures = { axe: [], reflow: [] };
  for (const p of all) {
    await wide.goto(server.url + p);
    for (const v of await axeViolations(wide)) failures.axe.push(`${p}: ${v}`);
    await narrow.goto(server.url + p);
    if (await scrollsSideways(narrow)) failures.reflow.push(p);
  }
  await t.check(`axe-core WCAG 2.1 A/AA: no violations on ${all.length} pages`, () =>
    assert(failures.axe.length === 0, failures.axe.join("\n")),
  );
  await t.check(`no horizontal scroll at 320 px on ${all.length} pages`, () =>
    assert(failures.reflow.length === 0, "scrolls sideways: " + failures.reflow.join(", ")),
  );

  await t.check("the index map, by keyboard alone, reaches a region page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + "index.html");
    let found = null;
    for (let i = 0; i < 300 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || !a.closest("svg.map-overview") || a.tagName.toLowerCase() !== "a") return null;
        const area = a.querySelector(".area");
        return {
          href: a.getAttribute("href"),
          label: a.getAttribute("aria-label"),
          fill: area ? getComputedStyle(area).fill : "",
          stroke: area ? getComputedStyle(area).stroke : "",
        };
      });
    }
    assert(found, "no map region took the keyboard focus within 300 Tab presses");
    // The focus is visible: the focused region is drawn in the brand colour with an outline.
    assert(found.fill === "rgb(21, 58, 107)", `focused region fill is ${found.fill}`);
    assert(found.stroke === "rgb(176, 65, 26)", `focused region stroke is ${found.stroke}`);
    await mkdir(shotDir, { recursive: true });
    await page.locator("section.sector-map:not([hidden]) figure").screenshot({
      path: path.join(shotDir, "index-map-focus-1280.png"),
    });
    await Promise.all([page.waitForURL(/\/regions\/[a-z0-9-]+\.html$/), page.keyboard.press("Enter")]);
    const h1 = await page.locator("h1").textContent();
    const label = found.label.replace(/^\d+\. /, "");
    assert(h1.trim() === label, `reached "${h1}", expected "${label}"`);
    await page.close();
  });

  await t.check("the sector switch shows one map at a time and works by keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + "index.html");
    const visible = () => page.locator("section.sector-map:not([hidden])").getAttribute("data-sector");
    assert((await visible()) === "po", "PO is shown first");
    await page.locator(".sector-switch button", { hasText: "VO" }).focus();
    await page.keyboard.press("Enter");
    assert((await visible()) === "vo", "Enter on VO shows the VO map");
    assert(
      (await page.locator(".sector-switch button", { hasText: "VO" }).getAttribute("aria-pressed")) === "true",
      "the VO button is pressed",
    );
    await page.close();
  });

  await t.check("screenshots at 1280 and 320 px", async () => {
    await mkdir(shotDir, { recursive: true });
    const theme = all.find((p) => p.startsWith("themes/"));
    const region = all.includes("regions/zwolle.html") ? "regions/zwolle.html" : all.find((p) => p.startsWith("regions/"));
    for (const [name, p] of [["index", "index.html"], ["region", region], ["theme", theme]]) {
      for (const [width, page] of [[1280, wide], [320, narrow]]) {
        await page.goto(server.url + p);
        await page.screenshot({ path: path.join(shotDir, `${name}-${width}.png`), fullPage: true });
      }
    }
  });
} finally {
  await browser.close();
  await server.close();
  t.finish();
}
