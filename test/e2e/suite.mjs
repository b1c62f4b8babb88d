// The set-up the code-server suites share (the typing suite keeps its own), in one place: the packaged .vsix installed into a fresh
// code-server, a Chromium, and a throwaway copy of an example (edits and autosave never touch the
// checkout); on a failure, a screenshot and the tails of the code-server log and the browser console.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT,
  RESULTS_DIR,
  killStrayCodeServers,
  launchBrowser,
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
