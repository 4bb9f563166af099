// Browser checks of the website that `drukwerk build` writes to out/site/:
//  - axe-core (WCAG 2.1 A/AA) on every page: zero violations;
//  - no horizontal scrolling at 320 CSS px on every page (WCAG 1.4.10 reflow);
//  - the index map operated by keyboard alone reaches a region page, with a visible focus;
//  - the detail maps on the region pages: no two labels overlap and every label lies inside
//    the map, as this browser sets them (its own fonts; the labels were placed for Inter);
//  - on a phone the detail map can be shown at full size in a box that scrolls sideways;
//  - screenshots at 1280 and 320 px of the index, a region page and a theme page, and of a
//    dense region (Haaglanden).
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

  await t.check("detail maps: labels apart and inside the map, in this browser's fonts", async () => {
    const regions = all.filter((p) => p.startsWith("regions/"));
    const problems = [];
    let maps = 0;
    let labels = 0;
    for (const p of regions) {
      await wide.goto(server.url + p);
      const found = await wide.evaluate(() => {
        const svg = document.querySelector("svg.map-detail");
        if (!svg) return null;
        const [vx, vy, vw, vh] = svg.getAttribute("viewBox").split(" ").map(Number);
        // Boxes in the map's user units: every line of text, a number's white box.
        const box = (el) => {
          const b = el.getBBox();
          return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
        };
        const groups = [...svg.querySelectorAll("g[class^='label-']")].map((g) => ({
          name: [...g.querySelectorAll("text")].map((t) => t.textContent).join(" "),
          boxes: [...g.querySelectorAll("text, rect")].map(box),
        }));
        const inset = svg.querySelector(".inset-frame");
        return { view: { x0: vx, y0: vy, x1: vx + vw, y1: vy + vh }, groups, inset: inset && box(inset) };
      });
      if (!found) continue;
      maps += 1;
      labels += found.groups.length;
      // Rounding of the positions: a hundredth of a millimetre is 0.1 unit.
      const e = 0.15;
      const overlap = (a, b) => a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
      const inside = (a, v) => a.x0 >= v.x0 - e && a.y0 >= v.y0 - e && a.x1 <= v.x1 + e && a.y1 <= v.y1 + e;
      const g = found.groups;
      for (let i = 0; i < g.length; i++) {
        for (const b of g[i].boxes) {
          if (!inside(b, found.view)) problems.push(`${p}: "${g[i].name}" leaves the map`);
          if (found.inset && overlap(b, found.inset)) problems.push(`${p}: "${g[i].name}" covers the locator`);
        }
        for (let j = i + 1; j < g.length; j++) {
          if (g[i].boxes.some((a) => g[j].boxes.some((b) => overlap(a, b)))) {
            problems.push(`${p}: "${g[i].name}" overlaps "${g[j].name}"`);
          }
        }
      }
    }
    assert(maps >= 40, `only ${maps} region pages have a detail map`);
    assert(labels > 500, `only ${labels} labels checked`);
    assert(problems.length === 0, problems.join("\n"));
    console.log(`  ${labels} labels on ${maps} detail maps`);
  });

  await t.check("on a phone the detail map can be shown at full size, by keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(server.url + "regions/haaglanden.html");
    const button = page.locator("button.map-size");
    assert(await button.isVisible(), "no full-size button on a 320 px screen");
    const fitted = await page.locator("svg.map-detail").evaluate((s) => s.getBoundingClientRect().width);
    await button.focus();
    await page.keyboard.press("Enter");
    assert((await button.getAttribute("aria-pressed")) === "true", "the button is not pressed");
    const state = await page.evaluate(() => {
      const svg = document.querySelector("svg.map-detail");
      const box = document.querySelector(".map-scroll");
      return {
        width: svg.getBoundingClientRect().width,
        full: Number(svg.getAttribute("width")),
        scrolls: box.scrollWidth > box.clientWidth,
        focusable: box.tabIndex === 0,
      };
    });
    assert(fitted < 320, `the map is ${fitted} px wide before`);
    assert(Math.abs(state.width - state.full) < 1, `full size is ${state.width} px, not ${state.full}`);
    assert(state.scrolls && state.focusable, "the map's box does not scroll, or cannot take the focus");
    assert(!(await scrollsSideways(page)), "the page scrolls sideways");
    const violations = await axeViolations(page);
    assert(violations.length === 0, violations.join("\n"));
    await page.locator("figure.detail-map").screenshot({ path: path.join(shotDir, "region-map-full-size-320.png") });
    await button.click();
    assert((await button.getAttribute("aria-pressed")) === "false", "the button does not toggle back");
    // A wide screen shows the map at full size already: no button.
    await wide.goto(server.url + "regions/haaglanden.html");
    assert(!(await wide.locator("button.map-size").isVisible()), "the button shows at 1280 px");
    await page.close();
  });

  await t.check("screenshots at 1280 and 320 px", async () => {
    await mkdir(shotDir, { recursive: true });
    const theme = all.find((p) => p.startsWith("themes/"));
    const region = all.includes("regions/zwolle.html") ? "regions/zwolle.html" : all.find((p) => p.startsWith("regions/"));
    const dense = all.includes("regions/haaglanden.html") ? "regions/haaglanden.html" : region;
    for (const [name, p] of [["index", "index.html"], ["region", region], ["region-dense", dense], ["theme", theme]]) {
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
