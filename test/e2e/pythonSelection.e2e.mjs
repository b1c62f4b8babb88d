// The Python extension's selected environment, followed in real VS Code (the packaged .vsix in code-server, headless
// Chromium) as a user meets it: beside Registry Lens runs a stand-in for the Python extension (id ms-python.python,
// test/e2e/fixtures/python-extension, packed here), whose "Python: Select Interpreter" changes the selection its API
// reports. On a copy of examples/cursus-project with no environment in the root, cursus is installed only in an
// environment outside it (make-venv.mjs's), so only the selection can find it: the Problems panel shows RL079 while
// nothing is selected, in Restricted Mode even once the environment is selected (the selection is not followed
// there), EXPECTED.venv.json's findings once the folder is trusted, RL079 again for an environment without cursus,
// the findings again on switching back, and RL079 once nothing is selected: each change of the selection analyses the
// folder again, with no reload. In a second window, opened without it, the stand-in installed by "Extensions: Install
// from VSIX..." is followed at once, its selection too, with no reload.
// Every wait polls a condition; screenshots go to test-results/e2e/ (python-selection-*.png).
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, missingProblems, openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import { onExample, VSIX } from './suite.mjs';

const STAND_IN = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'python-extension');
const STAND_IN_VSIX = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'ms-python.python-stand-in.vsix');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'cursus-project');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'EXPECTED.venv.json'), 'utf8'));
// an environment activated where the tests run must not be the one found
const NO_ACTIVATED_ENVIRONMENT = { VIRTUAL_ENV: '', CONDA_PREFIX: '' };

/** A venv's interpreter: a file where the Python extension's API names it (never run: the server only reads). */
function writeInterpreter(venv) {
  fs.mkdirSync(path.join(venv, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(venv, 'bin', 'python'), '#!/bin/sh\nexec python3 "$@"\n', { mode: 0o755 });
  return path.join(venv, 'bin', 'python');
}

const codes = (rows) => new Set(rows.map((r) => r.code));
const dagFindings = (rows) => ['RL039', 'RL006', 'RL017'].some((c) => codes(rows).has(c));
const fromEnvironment = (rows) => rows.filter((r) => /\.venv|site-packages/.test(`${r.dir}/${r.file}`));
const withoutCursusFound = (rows) => codes(rows).has('RL079') && !dagFindings(rows);
const withCursusFound = (rows) => missingProblems(EXPECTED, rows).length === 0 && !codes(rows).has('RL079');

/** The stand-in's status item: `python: <selection> · asked N · listeners M`. */
async function standIn(wb) {
  return (
    (await wb.page
      .locator('[id$="ms-python.python.selection"]')
      .first()
      .textContent({ timeout: 2_000 })
      .catch(() => '')) || ''
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function waitStandIn(wb, re, message) {
  return waitFor(async () => re.test(await standIn(wb)), {
    timeout: 30_000,
    message: `the stand-in's status: ${message}`,
  });
}

/** "Python: Select Interpreter" from the palette, the path typed into its box, as a user enters one ('': none). */
async function select(wb, selection) {
  await wb.runCommand('Python: Select Interpreter', { waitClosed: false });
  const input = wb.quickInput().locator('input.input, .quick-input-box input').first();
  await input.fill(selection);
  await wb.press('Enter');
  await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  const shown = selection === '' ? 'python' : selection;
  await waitStandIn(wb, new RegExp(`^python: ${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ·`), shown);
}

/** Marks the page, so that `notReloaded` tells a reload of the window. */
const markPage = (wb) => wb.page.evaluate(() => (window.rlNotReloaded = true));
const notReloaded = (wb) => wb.page.evaluate(() => window.rlNotReloaded === true);

describe("The Python extension's selected environment, outside the folder (code-server + Chromium, packaged .vsix, a stand-in ms-python.python)", function () {
  this.timeout(240_000);
  let envs = '';
  let withCursus = ''; // the interpreter of the environment holding cursus, as the Python extension reports it
  let withoutCursus = ''; // an environment's folder (what the API reports for some), no cursus in it
  before(async function () {
    this.timeout(120_000);
    fs.mkdirSync(path.dirname(STAND_IN_VSIX), { recursive: true });
    await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--skip-license', '--out', STAND_IN_VSIX],
      { cwd: STAND_IN },
    );
    envs = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-e2e-python-envs-'));
    await promisify(execFile)(process.execPath, [path.join(EXAMPLE, 'make-venv.mjs'), path.join(envs, 'with-cursus')]);
    withCursus = writeInterpreter(path.join(envs, 'with-cursus', '.venv'));
    withoutCursus = path.join(envs, 'bare', '.venv');
    fs.mkdirSync(path.join(withoutCursus, 'lib', 'python3.11', 'site-packages'), { recursive: true });
    fs.writeFileSync(path.join(withoutCursus, 'pyvenv.cfg'), 'home = /usr/bin\nversion = 3.11.7\n');
    writeInterpreter(withoutCursus);
  });
  after(() => {
    if (envs) fs.rmSync(envs, { recursive: true, force: true });
  });

  describe('installed beside Registry Lens, the folder opened in Restricted Mode', function () {
    const s = onExample('cursus-project', {
      label: 'python-selection',
      extensions: () => [VSIX, STAND_IN_VSIX],
      env: NO_ACTIVATED_ENVIRONMENT,
      workspaceTrust: true,
      // the folder opens untrusted, in Restricted Mode, without the modal question
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    });
    let wb;
    it('in Restricted Mode: RL079, and the selection is not followed (Registry Lens never asks the Python extension)', async () => {
      fs.rmSync(path.join(s.root, '.venv'), { recursive: true, force: true });
      wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
      await markPage(wb);
      await waitFor(async () => (await wb.page.locator('.statusbar-item:has-text("Restricted Mode")').count()) > 0, {
        timeout: 30_000,
        message: 'the Restricted Mode status item',
      });
      await wb.openProblems();
      const rows = await wb.waitForProblems((r) => codes(r).has('RL079'), {
        timeout: 60_000,
        message: 'RL079: cursus is in no environment found',
      });
      assert.ok(!dagFindings(rows), `no DAG findings without cursus: ${JSON.stringify(rows)}`);
      await waitStandIn(wb, /^python: python · asked 0 · listeners 0$/, 'nothing selected, never asked');
      await select(wb, withCursus);
      // The client neither asked for the selection nor subscribed to its changes: no notification could carry it.
      assert.equal(await standIn(wb), `python: ${withCursus} · asked 0 · listeners 0`);
      await wb.screenshot('python-selection-restricted');
      const after = await wb.problems();
      assert.ok(codes(after).has('RL079') && !dagFindings(after), JSON.stringify(after));
    });

    it("trusting the folder follows the selection: the Problems panel shows EXPECTED.venv.json's findings", async () => {
      await wb.runCommand('Workspaces: Manage Workspace Trust', { id: 'workbench.trust.manage' });
      const trust = wb.page.getByRole('button', { name: 'Trust', exact: true });
      await trust.waitFor({ state: 'visible', timeout: 15_000 });
      await wb.screenshot('python-selection-trust');
      await trust.click();
      await waitFor(async () => (await wb.page.locator('.statusbar-item:has-text("Restricted Mode")').count()) === 0, {
        timeout: 15_000,
        message: 'Restricted Mode to end',
      });
      await wb.runCommand('View: Close Editor', { id: 'workbench.action.closeActiveEditor' });
      await wb.page.getByText('You trust this folder').waitFor({ state: 'detached', timeout: 10_000 });
      const rows = await wb.waitForProblems(withCursusFound, {
        timeout: 60_000,
        message: "EXPECTED.venv.json's findings, cursus found through the selection",
      });
      assert.deepEqual(fromEnvironment(rows), []);
      await waitStandIn(wb, / · listeners 1$/, 'Registry Lens follows the selection');
      assert.ok(await notReloaded(wb), 'the window was not reloaded');
    });

    it('selecting an environment without cursus analyses the folder again: RL079, no DAG findings', async () => {
      await select(wb, withoutCursus);
      const rows = await wb.waitForProblems(withoutCursusFound, {
        timeout: 60_000,
        message: 'RL079 and no DAG findings, the selected environment holding no cursus',
      });
      assert.deepEqual(fromEnvironment(rows), []);
      assert.ok(await notReloaded(wb), 'the window was not reloaded');
    });

    it('selecting the environment with cursus again brings its findings back, without a reload', async () => {
      await select(wb, withCursus);
      await wb.maximizePanel();
      const rows = await wb.waitForProblems(withCursusFound, {
        timeout: 60_000,
        message: "EXPECTED.venv.json's findings again",
      });
      await wb.parkMouse();
      await wb.screenshot('python-selection-followed');
      assert.deepEqual(fromEnvironment(rows), []);
      assert.deepEqual(
        rows
          .filter((r) => r.code !== '')
          .map((r) => r.code)
          .sort(),
        EXPECTED.map((e) => e.code).sort(),
        'exactly EXPECTED.venv.json',
      );
      assert.ok(await notReloaded(wb), 'the window was not reloaded');
    });

    it('selecting nothing again (the default interpreter, `python`) brings RL079 back', async () => {
      await select(wb, '');
      const rows = await wb.waitForProblems(withoutCursusFound, {
        timeout: 60_000,
        message: 'RL079 and no DAG findings, no environment selected',
      });
      assert.deepEqual(fromEnvironment(rows), []);
      assert.ok(await notReloaded(wb), 'the window was not reloaded');
    });
  });

  describe('installed while the window is open (Extensions: Install from VSIX...)', function () {
    const s = onExample('cursus-project', { label: 'python-installed-later', env: NO_ACTIVATED_ENVIRONMENT });
    let wb;

    it('RL079 before; once installed, its selection is followed without a reload', async () => {
      fs.rmSync(path.join(s.root, '.venv'), { recursive: true, force: true });
      wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
      await markPage(wb);
      await wb.openProblems();
      await wb.waitForProblems(withoutCursusFound, { timeout: 60_000, message: 'RL079, no Python extension' });
      await wb.runCommand('Extensions: Install from VSIX...', {
        id: 'workbench.extensions.action.installVSIX',
        waitClosed: false,
      });
      // code-server's file dialog: the path typed into its box (again while the dialog still moves to its start
      // folder, which replaces the text) until the box holds it and the dialog lists the file, then Install
      const input = wb.quickInput().locator('input.input, .quick-input-box input').first();
      await waitFor(
        async () => {
          if ((await input.inputValue()) !== STAND_IN_VSIX) await input.fill(STAND_IN_VSIX);
          const rows = await wb.quickPickRows();
          return (
            (await input.inputValue()) === STAND_IN_VSIX && rows.some((r) => r.label === path.basename(STAND_IN_VSIX))
          );
        },
        { timeout: 15_000, interval: 300, message: 'the dialog on the stand-in .vsix' },
      );
      await wb.quickInput().getByRole('button', { name: 'Install' }).click();
      await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
      // VS Code starts the new extension in the running window; Registry Lens asks it and subscribes to its changes
      await waitStandIn(
        wb,
        /^python: python · asked [1-9]\d* · listeners 1$/,
        'Registry Lens follows the new extension',
      );
      await select(wb, withCursus);
      await wb.waitForProblems(withCursusFound, {
        timeout: 60_000,
        message: "EXPECTED.venv.json's findings, cursus found through the new extension's selection",
      });
      await wb.screenshot('python-selection-installed-later');
      assert.ok(await notReloaded(wb), 'the window was not reloaded');
    });
  });
});
