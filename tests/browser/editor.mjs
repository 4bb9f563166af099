// Browser checks of the editor in `drukwerk serve`, in Debian's chromium:
//  - open a region from the index; change a key figure and see the fact sheet's page image
//    change before anything is saved;
//  - a misspelt municipality gets its error and "Bedoelde u …?" at the field; taking the
//    suggestion removes the error;
//  - save: the change is shown first, then exactly that line changes on disk;
//  - the file changes on disk meanwhile: the save is merged (another field) or the conflict
//    is shown side by side (the same field) and the chosen version is saved;
//  - a reload with unsaved changes offers them back;
//  - a whole edit with Tab, typing and Enter only;
//  - axe-core (WCAG 2.1 A/AA): zero violations on every kind of edit page;
//  - screenshots under out/screenshots/ (editor-region.png, …).
//
//   node editor.mjs [DRUKWERK_BINARY] [SCREENSHOT_DIR]
//   (defaults: ../../target/debug/drukwerk, ../../out/screenshots)
//
// The server runs on a copy of the project (so nothing touches the repository), on 127.0.0.1.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
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

const project = mkdtempSync(path.join(os.tmpdir(), "drukwerk-editor-"));
for (const part of ["content", "layouts", "fonts"]) {
  cpSync(path.join(repo, part), path.join(project, part), { recursive: true });
}
// A git repository, so saves are committed and the history can be shown.
const git = (...args) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], { cwd: project, stdio: "pipe" });
git("init", "-q");
git("add", "content");
git("commit", "-q", "-m", "the shipped content");
const regionFile = path.join(project, "content/regions/zwolle.toml");
const original = readFileSync(regionFile, "utf8");

/** Saves like an editor: a temporary file renamed over the original. */
function saveOnDisk(file, text) {
  const tmp = path.join(path.dirname(file), "." + path.basename(file) + ".tmp");
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The lines that differ between two texts of the same length in lines: [[before, after]]. */
function changedLines(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  assert(a.length === b.length, `the number of lines changed (${a.length} → ${b.length}):\n${after}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
}

/** Starts the server on a free port; resolves with the link that opens the editor. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["--root", project, "serve", "--port", "0"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    const timer = setTimeout(() => reject(new Error("serve did not start:\n" + log)), 120_000);
    child.stderr.setEncoding("utf8");
    let plain = null;
    const done = (url, open) => {
      clearTimeout(timer);
      clearTimeout(plain);
      resolve({ url, open, child, log: () => log });
    };
    child.stderr.on("data", (chunk) => {
      log += chunk;
      // The link with the token sets the editor's cookie. A server without the security
      // layer prints only "Serving …".
      const edit = log.match(/(?:Bewerken|Edit): (http:\/\/127\.0\.0\.1:\d+)(\/\S*)/);
      if (edit) return done(edit[1], edit[1] + edit[2]);
      const serving = log.match(/Serving (http:\/\/127\.0\.0\.1:\d+)/);
      if (serving && plain === null) plain = setTimeout(() => done(serving[1], serving[1] + "/"), 3000);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
  });
}

const t = runner();
const server = await startServer();
const browser = await launch();
// axe-core is injected as a script; the server's Content-Security-Policy would refuse it.
// Dutch, as the people who use drukwerk have it (chromium would send en-US otherwise).
const context = await browser.newContext({ bypassCSP: true, locale: "nl-NL", viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
// Leaving with unsaved changes asks first (beforeunload): the tests leave on purpose.
const leaveDialogs = [];
page.on("dialog", (d) => {
  leaveDialogs.push(d.type());
  d.accept().catch(() => {});
});

/** Waits until the edit page has loaded its form and its first preview. */
async function ready(withPreview = true) {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  if (withPreview) {
    await page.waitForSelector("#preview-pages figure img", { timeout: 90_000 });
  }
}

/** Waits until the preview has answered (with pages or with errors). */
async function settled() {
  await page.waitForFunction(() => {
    const state = document.getElementById("preview-state")?.textContent || "";
    return !/^Bezig/.test(state);
  }, null, { timeout: 90_000 });
}

/** The hash of the first page of the fact sheet in the preview pane. */
const factSheetHash = () =>
  page.$eval('#preview-pages section[data-doc^="factsheets/"] figure', (f) => f.dataset.hash);

/** The text box of a key figure, by its label. */
const figure = (label) => page.getByLabel(label, { exact: true });

/** Saves through the dialog that shows the changes; returns the dialog's text. */
async function saveWithDialog() {
  await page.click("#save");
  await page.waitForSelector("#dialog[open]", { timeout: 30_000 });
  const text = await page.textContent("#dialog");
  await page.click("#dialog-ok");
  return text;
}

try {
  await page.goto(server.open);

  await t.check("index: a region's Bewerken link opens its form", async () => {
    await page.goto(server.url + "/");
    const link = page.locator('#regions li[data-region="zwolle"] a.edit');
    assert((await link.count()) === 1, "the region has a Bewerken link");
    await link.click();
    await page.waitForURL("**/edit/regions/zwolle");
    assert((await page.getAttribute("html", "lang")) === "nl", "the page is in Dutch");
    await ready();
    const value = await figure("Leerlingen/studenten").inputValue();
    assert(value === "144.052", `the figure is shown in Dutch format (${value})`);
    await page.screenshot({ path: path.join(shotDir, "editor-region.png") });
  });

  await t.check("a changed figure changes the fact sheet's page before saving", async () => {
    const before = await factSheetHash();
    await figure("Leerlingen/studenten").fill("150 000");
    await page.waitForFunction(
      (old) => document.querySelector('#preview-pages section[data-doc^="factsheets/"] figure')?.dataset.hash !== old,
      before,
      { timeout: 60_000 },
    );
    const img = page.locator('#preview-pages section[data-doc^="factsheets/"] figure img').first();
    assert((await img.getAttribute("alt")).length > 5, "the page image has a Dutch alt text");
    assert(readFileSync(regionFile, "utf8") === original, "nothing was written yet");
  });

  await t.check("a misspelt municipality: error and suggestion at the field, fixed by the suggestion", async () => {
    const item = page.locator('li[data-path^="municipalities["]').filter({ has: page.locator('input[value="Zwolle"]') });
    assert((await item.count()) === 1, "Zwolle is in the list");
    const input = item.locator("input");
    await input.fill("Zwole");
    const row = page.locator('li[data-path^="municipalities["]').filter({ has: page.locator("button.suggestion") });
    await row.locator(".diag.error").waitFor({ timeout: 30_000 });
    const error = await row.locator(".diag.error").textContent();
    assert(/Zwole/.test(error), `the error names the typo: ${error}`);
    assert(/zwolle\.toml:\d+:\d+/.test(error), `the error gives file:line:column: ${error}`);
    const described = await row.locator("input").getAttribute("aria-describedby");
    const errorsId = await row.locator(".field-errors").getAttribute("id");
    assert(described.split(" ").includes(errorsId), "the error is tied to its input (aria-describedby)");
    assert((await row.locator("input").getAttribute("aria-invalid")) === "true", "the input is marked invalid");
    assert((await page.getAttribute("#save", "aria-disabled")) === "true", "saving waits for the fix");
    const suggestion = row.locator("button.suggestion");
    assert((await suggestion.textContent()) === "Bedoelde u Zwolle?", await suggestion.textContent());
    await page.screenshot({ path: path.join(shotDir, "editor-error.png") });
    await suggestion.click();
    await page.waitForFunction(() => !document.querySelector('fieldset[data-path="municipalities"] .diag.error'), null, { timeout: 30_000 });
    assert((await page.getAttribute("#save", "aria-disabled")) === "false", "saving is possible again");
  });

  await t.check("save shows the change, then exactly that line changes on disk", async () => {
    const text = await saveWithDialog();
    assert(/Leerlingen\/studenten/.test(text) && /144\.052/.test(text) && /150\.000/.test(text), `the dialog shows old and new: ${text}`);
    await page.waitForFunction(() => /Opgeslagen/.test(document.getElementById("editor-status").textContent), null, { timeout: 30_000 });
    const after = readFileSync(regionFile, "utf8");
    const changed = changedLines(original, after);
    assert(changed.length === 1, `one line changed: ${JSON.stringify(changed)}`);
    assert(changed[0][0] === "students = 144052" && changed[0][1] === "students = 150000", JSON.stringify(changed));
  });

  await t.check("a change on disk meanwhile (another field) is merged with the form's", async () => {
    const before = readFileSync(regionFile, "utf8");
    await figure("Schoolbesturen po").fill("77");
    await page.waitForFunction(() => /niet opgeslagen/i.test(document.getElementById("editor-status").textContent));
    saveOnDisk(regionFile, before.replace("vo-boards = 19", "vo-boards = 20"));
    await new Promise((r) => setTimeout(r, 1500));
    await saveWithDialog();
    await page.waitForSelector('#notices [data-key="changed-on-disk"]', { timeout: 30_000 });
    assert((await figure("Schoolbesturen vo").inputValue()) === "20", "the form holds the value from disk");
    assert((await figure("Schoolbesturen po").inputValue()) === "77", "and the form's own change");
    await page.screenshot({ path: path.join(shotDir, "editor-merged.png") });
    await saveWithDialog();
    await page.waitForFunction(() => /Opgeslagen/.test(document.getElementById("editor-status").textContent), null, { timeout: 30_000 });
    const changed = changedLines(before, readFileSync(regionFile, "utf8"));
    assert(JSON.stringify(changed) === JSON.stringify([["po-boards = 76", "po-boards = 77"], ["vo-boards = 19", "vo-boards = 20"]]), JSON.stringify(changed));
  });

  await t.check("the same field changed on disk: both versions side by side, the chosen one saved", async () => {
    const before = readFileSync(regionFile, "utf8");
    await figure("Mbo-instellingen").fill("6");
    await page.waitForFunction(() => /niet opgeslagen/i.test(document.getElementById("editor-status").textContent));
    saveOnDisk(regionFile, before.replace("mbo-institutions = 5", "mbo-institutions = 7"));
    await new Promise((r) => setTimeout(r, 1500));
    await saveWithDialog();
    await page.waitForSelector("#conflicts fieldset.conflict", { timeout: 30_000 });
    const text = await page.textContent("#conflicts");
    assert(/Mijn versie/.test(text) && /Versie op schijf/.test(text) && /6/.test(text) && /7/.test(text), text);
    assert((await page.getAttribute("#save", "aria-disabled")) === "true", "a choice is needed first");
    await page.screenshot({ path: path.join(shotDir, "editor-conflict.png") });
    await page.getByLabel(/Mijn versie/).check();
    assert((await figure("Mbo-instellingen").inputValue()) === "6", "the form holds the chosen value");
    const disk = readFileSync(regionFile, "utf8");
    const dialog = await saveWithDialog();
    assert(/Mbo-instellingen/.test(dialog) && /7/.test(dialog) && /6/.test(dialog), dialog);
    await page.waitForFunction(() => /Opgeslagen/.test(document.getElementById("editor-status").textContent), null, { timeout: 30_000 });
    const changed = changedLines(disk, readFileSync(regionFile, "utf8"));
    assert(JSON.stringify(changed) === JSON.stringify([["mbo-institutions = 7", "mbo-institutions = 6"]]), JSON.stringify(changed));
    assert((await page.locator("#conflicts fieldset").count()) === 0, "the conflict is resolved");
  });

  await t.check("a reload with unsaved changes offers them back", async () => {
    const name = page.getByLabel("Naam", { exact: false }).first();
    const typed = "Onderwijsregio Zwolle en omgeving (concept)";
    await name.click(); // a real gesture: browsers ask before leaving only after one
    await name.fill(typed);
    await page.waitForFunction(() => /niet opgeslagen/i.test(document.getElementById("editor-status").textContent));
    await page.reload();
    assert(leaveDialogs.includes("beforeunload"), "leaving with unsaved changes asks first");
    await ready(false);
    const offer = page.locator('#notices [data-key="draft"]');
    await offer.waitFor({ timeout: 10_000 });
    assert(/Niet-opgeslagen wijzigingen van .* terugzetten\?/.test(await offer.textContent()), await offer.textContent());
    assert((await name.inputValue()) !== typed, "the form shows the file first");
    await offer.getByRole("button", { name: "Terugzetten" }).click();
    assert((await name.inputValue()) === typed, "the typed text is back");
    await name.fill("Onderwijsregio Zwolle en omgeving");
    await page.waitForFunction(() => !/niet opgeslagen/i.test(document.getElementById("editor-status").textContent));
  });

  await t.check("a whole edit with Tab, typing and Enter only", async () => {
    const before = readFileSync(regionFile, "utf8");
    await page.goto(server.url + "/edit/regions/zwolle");
    await ready();
    const target = await figure("Opleiders").getAttribute("id");
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== target) {
      await page.keyboard.press("Tab");
      tabs += 1;
      assert(tabs < 400, "the figure can be reached with Tab");
    }
    await page.keyboard.type("8");
    while ((await page.evaluate(() => document.activeElement?.id)) !== "save") {
      await page.keyboard.press("Tab");
      tabs += 1;
      assert(tabs < 800, "Save can be reached with Tab");
    }
    // Wait for the check of the new value before asking to save.
    await page.waitForFunction(() => /niet opgeslagen/i.test(document.getElementById("editor-status").textContent));
    await page.keyboard.press("Enter");
    await page.waitForSelector("#dialog[open]", { timeout: 30_000 });
    assert(await page.evaluate(() => document.getElementById("dialog").contains(document.activeElement)), "the dialog has the focus");
    while ((await page.evaluate(() => document.activeElement?.id)) !== "dialog-ok") await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /Opgeslagen/.test(document.getElementById("editor-status").textContent), null, { timeout: 30_000 });
    const changed = changedLines(before, readFileSync(regionFile, "utf8"));
    assert(JSON.stringify(changed) === JSON.stringify([["teacher-training = 6", "teacher-training = 8"]]), JSON.stringify(changed));
  });

  await t.check("history: the saves are listed, an earlier version goes back into the form", async () => {
    await page.goto(server.url + "/edit/regions/zwolle");
    await ready(false);
    await page.waitForSelector("#history-list ol.history li", { timeout: 30_000 });
    const entries = await page.locator("#history-list ol.history li").count();
    assert(entries >= 5, `the saves and the first commit are listed (${entries})`);
    // The oldest entry is the shipped content.
    await page.locator("#history-list ol.history li").last().getByRole("button").click();
    await page.waitForFunction(() => /staat in het formulier/.test(document.getElementById("editor-status").textContent));
    assert((await figure("Leerlingen/studenten").inputValue()) === "144.052", "the old figure is in the form");
    assert((await figure("Opleiders").inputValue()) === "6", "and the other old figure");
    assert(readFileSync(regionFile, "utf8") !== original, "nothing is written before saving");
    await saveWithDialog();
    await page.waitForFunction(() => /Opgeslagen/.test(document.getElementById("editor-status").textContent), null, { timeout: 30_000 });
    const now = readFileSync(regionFile, "utf8");
    assert(now.includes("students = 144052") && now.includes("teacher-training = 6"), "the old version is saved");
  });

  await t.check("a new theme is made, opened, and deleted again", async () => {
    await page.goto(server.url + "/edit/new/themes");
    await ready(false);
    await page.getByLabel("Code", { exact: false }).first().fill("proef-thema");
    await page.getByLabel("Korte titel", { exact: false }).fill("Proef");
    await page.getByLabel(/^Titel /).fill("Een thema om te proberen");
    await page.getByLabel("Inleidende zin", { exact: false }).fill("Een korte inleiding.");
    await page.getByRole("textbox", { name: /^Tekst/ }).fill("Een alinea met **vet**.");
    await page.click("#save");
    await page.waitForURL("**/edit/themes/proef-thema", { timeout: 30_000 });
    await ready(false);
    const made = readdirSync(path.join(project, "content/themes")).filter((f) => f.endsWith("-proef-thema.toml"));
    assert(made.length === 1, `the file was made: ${readdirSync(path.join(project, "content/themes"))}`);
    const file = path.join(project, "content/themes", made[0]);
    assert(/^id = "proef-thema"$/m.test(readFileSync(file, "utf8")), readFileSync(file, "utf8"));
    await page.click("#delete");
    await page.waitForSelector("#dialog[open]");
    assert(/Definitief verwijderen/.test(await page.textContent("#dialog")), "the dialog asks first");
    await page.click("#dialog-ok");
    await page.waitForURL(server.url + "/", { timeout: 30_000 });
    assert(!existsSync(file), "the file is gone");
  });

  await t.check("axe-core: zero violations on every kind of edit page", async () => {
    const caseId = readFileSync(path.join(project, "content/cases/11-zwolle-route-naar-onderwijs.toml"), "utf8").match(/^id = "(.*)"/m)[1];
    const themeId = readFileSync(path.join(project, "content/themes/01-brede-arbeidsmarkt.toml"), "utf8").match(/^id = "(.*)"/m)[1];
    const failures = [];
    for (const [url, shot] of [
      ["/edit/regions/zwolle", "editor-region-full.png"],
      ["/edit/publication", "editor-publication.png"],
      ["/edit/cases/" + caseId, "editor-case.png"],
      ["/edit/themes/" + themeId, "editor-theme.png"],
      ["/edit/new/regions", "editor-new.png"],
    ]) {
      await page.goto(server.url + url);
      await ready(false);
      await settled();
      await page.screenshot({ path: path.join(shotDir, shot), fullPage: true });
      const violations = await axeReport(page);
      if (violations.length) failures.push(`${url}:\n  ` + violations.map((v) => v.line).join("\n  "));
    }
    assert(failures.length === 0, failures.join("\n"));
  });

  await t.check("a new region: the id is checked in the browser", async () => {
    await page.goto(server.url + "/edit/new/regions");
    await ready(false);
    const id = page.getByLabel("Code", { exact: false }).first();
    await id.fill("Nieuwe Regio");
    await page.waitForSelector(".diag.error.id-check");
    assert((await id.getAttribute("aria-invalid")) === "true", "the id is marked invalid");
    await id.fill("nieuwe-regio");
    await page.waitForFunction(() => !document.querySelector(".diag.error.id-check"));
  });

  await t.check("an unknown id gets the not-found page", async () => {
    const response = await page.goto(server.url + "/edit/regions/bestaat-niet");
    assert(response.status() === 404, `status ${response.status()}`);
    assert(/Niet gevonden/.test(await page.textContent("h1")), "the not-found page");
  });

  await t.check("an English browser gets the editor in English", async () => {
    const english = await browser.newContext({ bypassCSP: true, locale: "en-US", viewport: { width: 1400, height: 1000 } });
    const other = await english.newPage();
    other.on("pageerror", (e) => pageErrors.push(String(e)));
    try {
      await other.goto(server.open);
      await other.goto(server.url + "/edit/regions/zwolle");
      assert((await other.getAttribute("html", "lang")) === "en", "the page is in English");
      assert(/^Edit region: /.test(await other.textContent("h1")), await other.textContent("h1"));
      await other.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      assert((await other.textContent("#save")) === "Save\u2026", await other.textContent("#save"));
      const labels = await other.locator(".field label").allTextContents();
      assert(labels.some((l) => l.startsWith("Name")), labels.join(" | "));
      assert(!labels.some((l) => l.startsWith("Naam")), labels.join(" | "));
    } finally {
      await english.close();
    }
  });

  await t.check("no script errors on the pages", async () => {
    assert(pageErrors.length === 0, pageErrors.join("\n"));
  });
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  rmSync(project, { recursive: true, force: true });
}
t.finish();
