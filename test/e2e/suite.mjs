// The set-up the code-server suites share (the typing suite keeps its own), in one place: the packaged .vsix installed into a fresh
// code-server, a Chromium, and a throwaway copy of an example (edits and autosave never touch the
// checkout); on a failure, a screenshot and the tails of the code-server log and the browser console.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  RESULTS_DIR,
  killStrayCodeServers,
  launchBrowser,
  missingProblems,
  startCodeServer,
  waitFor,
} from '../../scripts/e2e/code-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
export const VERSION = pkg.version;
export const VSIX = process.env.E2E_VSIX || path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);

/** EXPECTED.json of the example at `root` as the Problems panel shows it (it lists no hints). */
export const expectedOf = (root) =>
  JSON.parse(fs.readFileSync(path.join(root, 'EXPECTED.json'), 'utf8')).filter((e) => e.severity !== 'hint');

/** 1-based line of the first line of `rel` under `root` matching `re`. */
export function lineOf(root, rel, re) {
  const i = fs
    .readFileSync(path.join(root, rel), 'utf8')
    .split('\n')
    .findIndex((l) => re.test(l));
  assert.ok(i >= 0, `${re} not found in ${rel}`);
  return i + 1;
}

/** F12 in workbench `wb`, then waits for the editor at `tab`, `line`:`column` (the cursor follows the tab a moment later). */
export async function definitionAt(wb, tab, line, column) {
  await wb.goToDefinition();
  const at = async () => ({ tab: await wb.activeTabTitle(), ...(await wb.cursorPosition()) });
  const want = JSON.stringify({ tab, line, column });
  await waitFor(async () => JSON.stringify(await at()) === want, { timeout: 15_000, message: want }).catch(
    async (e) => {
      throw new Error(`${e.message}; the editor is at ${JSON.stringify(await at())}`);
    },
  );
}

/** The rows of ours (an RL code) that `expected` does not hold. */
export const unexpected = (expected, rows) =>
  rows.filter((r) => /^RL\d+$/.test(r.code) && missingProblems(expected, [r]).length === expected.length);

/**
 * The Problems panel of `wb` lists `expected` and no other problem of ours; `shot` is the screenshot's name. The panel
 * is maximised meanwhile, as its list is virtualised: the viewport must be tall enough for every row.
 */
export async function showsExpected(wb, expected, shot) {
  await wb.openProblems();
  await wb.maximizePanel(true);
  // the panel as it settles: in the browser the problems of what is read first are published while the rest is still
  // being read (a class not yet read is missing until it is; the status item says so), so it is compared once whole
  const settled = (rs) => missingProblems(expected, rs).length === 0 && unexpected(expected, rs).length === 0;
  await wb
    .waitForProblems(settled, { timeout: 120_000, message: "the Problems panel equal to EXPECTED.json's" })
    .catch(async (e) => {
      const rows = await wb.problems();
      throw new Error(
        `${e.message}\nmissing: ${JSON.stringify(missingProblems(expected, rows))}` +
          `\nunexpected: ${JSON.stringify(unexpected(expected, rows))}`,
      );
    });
  await wb.parkMouse();
  await wb.screenshot(shot);
  await wb.maximizePanel(false);
}

/**
 * Reads the Problems panel of `wb` as often as it can until it lists `expected` and no other problem of ours: no state
 * read on the way (a folder being read) holds a problem of ours that `expected` has not. Returns the states read.
 */
export async function fillsTowardExpected(wb, expected, shot) {
  await wb.openProblems();
  await wb.maximizePanel(true);
  const states = [];
  await waitFor(
    async () => {
      const rows = await wb.problems();
      states.push(rows);
      return missingProblems(expected, rows).length === 0 && unexpected(expected, rows).length === 0;
    },
    { timeout: 120_000, interval: 20, message: "the Problems panel equal to EXPECTED.json's" },
  );
  await wb.parkMouse();
  await wb.screenshot(shot);
  await wb.maximizePanel(false);
  const falseStates = states.map((rows) => unexpected(expected, rows)).filter((extra) => extra.length > 0);
  assert.deepEqual(
    falseStates[0] ?? [],
    [],
    `${falseStates.length} of ${states.length} states of the Problems panel hold false problems`,
  );
  return states;
}

const MEMFS = path.join(path.dirname(new URL(import.meta.url).pathname), 'memfs');
const MEMFS_MANIFEST = `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata><Identity Language="en-US" Id="memfs" Version="0.0.1" Publisher="registry-lens-e2e"/><DisplayName>memfs</DisplayName>
    <Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="^1.90.0"/></Properties></Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation><Dependencies/>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true"/></Assets>
</PackageManifest>`;

/** Every file below `dir`, relative to `base`, with its text. */
const textsUnder = (dir, base) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? textsUnder(p, base) : [[path.relative(base, p), fs.readFileSync(p, 'utf8')]];
  });

/**
 * The .vsix of test/e2e/memfs, written in `tmp`: its read-only file system holds each folder of `examples/` named in
 * `examples` as `memfs:/<example>`, so one code-server opens any of them on no disk, and the files of `more`
 * ({ "<folder>/<path>": "<text>" }); `hold`: its reads wait until the command memfs.releaseReads runs (true: every
 * read; a list of `<folder>/<path>`: theirs).
 */
export function memfsVsix(tmp, examples, more = {}, { hold = false } = {}) {
  const stage = path.join(tmp, 'memfs-vsix');
  fs.mkdirSync(path.join(stage, 'extension'), { recursive: true });
  for (const f of ['package.json', 'extension.js'])
    fs.copyFileSync(path.join(MEMFS, f), path.join(stage, 'extension', f));
  const base = path.join(REPO_ROOT, 'examples');
  const files = { ...Object.fromEntries(examples.flatMap((e) => textsUnder(path.join(base, e), base))), ...more };
  fs.writeFileSync(path.join(stage, 'extension', 'files.json'), JSON.stringify(files));
  if (hold) fs.writeFileSync(path.join(stage, 'extension', 'hold'), hold === true ? '' : hold.join('\n'));
  fs.writeFileSync(path.join(stage, 'extension.vsixmanifest'), MEMFS_MANIFEST);
  const vsix = path.join(tmp, 'memfs.vsix');
  execFileSync('python3', ['-m', 'zipfile', '-c', vsix, 'extension', 'extension.vsixmanifest'], { cwd: stage });
  return vsix;
}

/**
 * Registers the suite's hooks and returns its state: `root` (the copy of `examples/<example>`, named
 * like it), `server`, `browser`, and `wb`, which the suite sets once it opens the workbench.
 * `timed(name, fn)` wraps the code-server start when the suite records timings; `settings` are
 * user settings over the quiet workbench's; `extensions(tmp)` gives the .vsix files to install (default: the packaged
 * one), `tmp` being the suite's temporary folder; `env` and `workspaceTrust` go to startCodeServer.
 */
export function onExample(
  example,
  {
    label = example,
    timed = (_name, fn) => fn(),
    settings,
    baseSettings,
    extensions = () => [VSIX],
    env,
    workspaceTrust,
  } = {},
) {
  const s = { root: '', server: undefined, browser: undefined, wb: undefined };
  before(async function () {
    this.timeout(240_000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run \`npm run package\``);
    const built = fs.statSync(path.join(REPO_ROOT, 'dist', 'server.js')).mtimeMs;
    // npm run test:e2e packages first; a direct mocha run may test an older package
    if (fs.statSync(VSIX).mtimeMs < built - 1000)
      console.warn(`      warning: ${path.basename(VSIX)} is older than dist/server.js (npm run package rebuilds it)`);
    s.root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `rl-e2e-${label}-`)), example);
    fs.cpSync(path.join(REPO_ROOT, 'examples', example), s.root, { recursive: true });
    killStrayCodeServers();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    s.server = await timed('start code-server (incl. --install-extension)', () =>
      startCodeServer({
        extensions: extensions(path.dirname(s.root)),
        settings,
        env,
        workspaceTrust,
        ...(baseSettings ? { baseSettings } : {}),
      }),
    );
    s.browser = await launchBrowser();
  });

  after(async function () {
    this.timeout(60_000);
    if (s.browser) await s.browser.close().catch(() => {});
    if (s.server) await s.server.stop();
    if (s.root) fs.rmSync(path.dirname(s.root), { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !s.wb) return;
    await s.wb
      .screenshot(`FAILED-${label}-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`)
      .catch(() => {});
    if (s.server)
      console.log(
        `--- code-server log (tail) ---\n${s.server.readLog().slice(-3000)}\n--- browser console (tail) ---\n${s.wb.consoleLines.slice(-30).join('\n')}`,
      );
  });
  return s;
}

/** The frame of the visible Registry Lens webview of workbench `wb` (the one whose page has our #app element, rendered). */
export function webviewFrame(wb, { timeout = 30_000 } = {}) {
  return waitFor(
    async () => {
      for (const f of wb.page.frames()) {
        if (!/fake\.html/.test(f.url())) continue;
        if (await f.evaluate(() => (document.getElementById('app')?.childElementCount ?? 0) > 0).catch(() => false))
          return f;
      }
      return null;
    },
    { timeout, message: 'the Registry Lens webview' },
  );
}

/** The active tab's title, a webview's too. */
export const activeTab = (w) =>
  w.page.evaluate(() => {
    const t = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
    return t ? `${t.getAttribute('aria-label') ?? ''} ${t.getAttribute('data-resource-name') ?? ''}` : '';
  });

/** The Running Extensions editor's row of the extension named `name` (its text); the editor is closed again. */
export async function runningRow(wb, name) {
  await wb.runCommand('Developer: Show Running Extensions');
  const list = wb.page.locator('.runtime-extensions-editor .monaco-list').first();
  await list.waitFor({ state: 'visible', timeout: 30_000 });
  const box = await list.boundingBox();
  await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // the list is virtualised: scroll down until the row is in it
  const text = await waitFor(
    async () => {
      const texts = await wb.page.locator('.runtime-extensions-editor .monaco-list-row').allTextContents();
      const row = texts.find((t) => t.includes(name));
      if (!row) await wb.page.mouse.wheel(0, 300);
      return row;
    },
    { timeout: 30_000, message: `${name} in the Running Extensions editor` },
  );
  await wb.press('Escape');
  await wb.page.locator('.runtime-extensions-editor').waitFor({ state: 'hidden', timeout: 10_000 });
  return text;
}

/** Opens the Explorer's "Registries" pane, giving it the folder pane's room (its list is virtualised). */
export async function showRegistries(wb, folderName) {
  await wb.press('Control+Shift+E');
  const pane = async (name) => {
    const header = wb.page.locator('.pane-header', { hasText: name }).first();
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    return header;
  };
  const folders = await pane(folderName);
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const registries = await pane('Registries');
  if ((await registries.getAttribute('aria-expanded')) !== 'true') await registries.click();
}

/** Opens our walkthrough as a person does (Welcome: Open Walkthrough…, then ours); resolves with its page and text. */
export async function openWalkthrough(wb) {
  await wb.runCommand('Open Walkthrough', { id: 'welcome.showAllWalkthroughs', waitClosed: false });
  const idx = await waitFor(
    async () => {
      const i = (await wb.quickPickRows()).findIndex((r) => r.label === 'Get Started with Registry Lens');
      return i >= 0 ? i + 1 : 0;
    },
    { timeout: 15_000, message: 'our walkthrough in the pick' },
  );
  await wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .nth(idx - 1)
    .click();
  const page = wb.page.locator('.gettingStartedContainer').first();
  const text = await waitFor(
    async () => {
      const t = (await page.innerText({ timeout: 2_000 }).catch(() => '')) || '';
      return t.includes('Get Started with Registry Lens') && t.includes('Look at the step graph') && t;
    },
    { timeout: 20_000, message: 'the walkthrough page' },
  );
  return { page, text };
}

/**
 * Opens the walkthrough's graph step (with its picture; `shot` names its screenshot), then its button runs Show Step
 * Graph; resolves once the Step Graph is the active tab.
 */
export async function graphFromWalkthrough(wb, page, shot) {
  const step = page.getByRole('button', { name: /Look at the step graph/ }).first();
  await step.click();
  await waitFor(async () => (await step.getAttribute('aria-expanded')) === 'true', {
    timeout: 10_000,
    message: 'the graph step open',
  });
  if (shot !== undefined) await wb.screenshot(shot);
  await page.getByRole('button', { name: 'Show Step Graph', exact: true }).first().click();
  await waitFor(async () => /Step Graph \(/.test(await activeTab(wb)), {
    timeout: 20_000,
    message: 'the Step Graph from the walkthrough',
  });
}

/**
 * Clicks `code`'s link in the Problems panel: the shipped diagnostics reference opens rendered (the Markdown preview),
 * scrolled to the code's heading (unless `scrolled` is false), with no raw copy of the file left open. Returns the
 * link's href.
 */
export async function codeLinkOpensSection(wb, code, shot, { scrolled = true } = {}) {
  await wb.filterProblems(code);
  const link = wb.page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: code }).first();
  const href = await waitFor(async () => await link.getAttribute('href', { timeout: 2_000 }).catch(() => null), {
    timeout: 20_000,
    message: `the code link of ${code}`,
  });
  assert.doesNotMatch(href, /github\.com/);
  // the editor tabs by their visible label
  const tabLabels = () =>
    wb.page.$$eval('.editor-group-container .tabs-container .tab', (els) =>
      els.map((t) => ({
        label: t.querySelector('.label-name')?.textContent ?? '',
        active: t.classList.contains('active'),
      })),
    );
  await link.click();
  await waitFor(async () => (await tabLabels()).some((t) => t.active && t.label === 'Preview diagnostics.md'), {
    timeout: 20_000,
    message: 'the rendered diagnostics reference opened',
  });
  // the preview is scrolled to the code's heading, and no raw copy of the file stays open
  const prefix = `${code.toLowerCase()}-`;
  if (scrolled) {
    const top = await waitFor(
      async () => {
        for (const frame of wb.page.frames()) {
          const y = await frame
            .evaluate((p) => {
              const h = document.querySelector(`h2[id^="${p}"]`);
              return h ? h.getBoundingClientRect().top / window.innerHeight : null;
            }, prefix)
            .catch(() => null);
          if (typeof y === 'number' && y >= -0.05 && y < 0.5) return y + 1;
        }
        return 0;
      },
      { timeout: 15_000, message: `${code}'s heading at the top of the preview` },
    );
    assert.ok(top > 0);
  }
  await waitFor(async () => !(await tabLabels()).some((t) => t.label === 'diagnostics.md'), {
    timeout: 10_000,
    message: 'no raw copy of the reference left open',
  });
  await wb.parkMouse();
  await wb.screenshot(shot);
  await wb.filterProblems('');
  return href;
}
