// The Python extension's selected environment, followed in real VS Code (the packaged .vsix in code-server, headless
// Chromium) as a user meets it: beside Registry Lens runs a stand-in for the Python extension (id ms-python.python,
// test/e2e/fixtures/python-extension, packed here), whose "Python: Select Interpreter" changes the selection its API
// reports. On a copy of examples/cursus-project with no environment in the root, cursus is installed only in an
// environment outside it (make-venv.mjs's), so only the selection can find it: the Problems panel shows RL079 while
// nothing is selected, in Restricted Mode even once the environment is selected (the selection is not followed
// there), EXPECTED.venv.json's findings once the folder is trusted, RL079 again for an environment without cursus,
// the findings again on switching back, and RL079 once nothing is selected: each change of the selection analyses the
// folder again, with no reload.
// Every wait polls a condition; screenshots go to test-results/e2e/ (python-selection-*.png).
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, missingProblems, openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const STAND_IN = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'python-extension');
const STAND_IN_VSIX = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'ms-python.python-stand-in.vsix');
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'cursus-project');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'EXPECTED.venv.json'), 'utf8'));

/** A venv's interpreter: a file where the Python extension's API names it (never run: the server only reads). */
function writeInterpreter(venv) {
  fs.mkdirSync(path.join(venv, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(venv, 'bin', 'python'), '#!/bin/sh\nexec python3 "$@"\n', { mode: 0o755 });
  return path.join(venv, 'bin', 'python');
}

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
  const s = onExample('cursus-project', {
    label: 'python-selection',
    extensions: [STAND_IN_VSIX],
    // an environment activated where the tests run must not be the one found
    env: { VIRTUAL_ENV: '', CONDA_PREFIX: '' },
    workspaceTrust: true,
    // the folder opens untrusted, in Restricted Mode, without the modal question
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  });
  let wb;
  const codes = (rows) => new Set(rows.map((r) => r.code));
  const dagFindings = (rows) => ['RL039', 'RL006', 'RL017'].some((c) => codes(rows).has(c));
  const fromEnvironment = (rows) => rows.filter((r) => /\.venv|site-packages/.test(`${r.dir}/${r.file}`));
  /** The stand-in's status item: `python: <selection> · asked N · listeners M`. */
  const standIn = async () =>
    (
      (await wb.page
        .locator('[id$="ms-python.python.selection"]')
        .first()
        .textContent({ timeout: 2_000 })
        .catch(() => '')) || ''
    )
      .replace(/\s+/g, ' ')
      .trim();
  const waitStandIn = (re, message) =>
    waitFor(async () => re.test(await standIn()), { timeout: 30_000, message: `the stand-in's status: ${message}` });
  /** "Python: Select Interpreter" from the palette, the path typed into its box, as a user enters one ('': none). */
  const select = async (selection) => {
    await wb.runCommand('Python: Select Interpreter', { waitClosed: false });
    const input = wb.quickInput().locator('input.input, .quick-input-box input').first();
    await input.fill(selection);
    await wb.press('Enter');
    await wb.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
    const shown = selection === '' ? 'python' : selection;
    await waitStandIn(new RegExp(`^python: ${shown.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ·`), shown);
  };
  const notReloaded = () => wb.page.evaluate(() => window.rlNotReloaded === true);

  it('in Restricted Mode: RL079, and the selection is not followed (Registry Lens never asks the Python extension)', async () => {
    fs.rmSync(path.join(s.root, '.venv'), { recursive: true, force: true });
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    await wb.page.evaluate(() => (window.rlNotReloaded = true));
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
    await waitStandIn(/^python: python · asked 0 · listeners 0$/, 'nothing selected, never asked');
    await select(withCursus);
    // The client neither asked for the selection nor subscribed to its changes: no notification could carry it.
    assert.equal(await standIn(), `python: ${withCursus} · asked 0 · listeners 0`);
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
    const rows = await wb.waitForProblems((r) => missingProblems(EXPECTED, r).length === 0 && !codes(r).has('RL079'), {
      timeout: 60_000,
      message: "EXPECTED.venv.json's findings, cursus found through the selection",
    });
    assert.deepEqual(fromEnvironment(rows), []);
    await waitStandIn(/ · listeners 1$/, 'Registry Lens follows the selection');
    assert.ok(await notReloaded(), 'the window was not reloaded');
  });

  it('selecting an environment without cursus analyses the folder again: RL079, no DAG findings', async () => {
    await select(withoutCursus);
    const rows = await wb.waitForProblems((r) => codes(r).has('RL079') && !dagFindings(r), {
      timeout: 60_000,
      message: 'RL079 and no DAG findings, the selected environment holding no cursus',
    });
    assert.deepEqual(fromEnvironment(rows), []);
    assert.ok(await notReloaded(), 'the window was not reloaded');
  });

  it('selecting the environment with cursus again brings its findings back, without a reload', async () => {
    await select(withCursus);
    await wb.maximizePanel();
    const rows = await wb.waitForProblems((r) => missingProblems(EXPECTED, r).length === 0 && !codes(r).has('RL079'), {
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
    assert.ok(await notReloaded(), 'the window was not reloaded');
  });

  it('selecting nothing again (the default interpreter, `python`) brings RL079 back', async () => {
    await select('');
    const rows = await wb.waitForProblems((r) => codes(r).has('RL079') && !dagFindings(r), {
      timeout: 60_000,
      message: 'RL079 and no DAG findings, no environment selected',
    });
    assert.deepEqual(fromEnvironment(rows), []);
    assert.ok(await notReloaded(), 'the window was not reloaded');
  });
});
