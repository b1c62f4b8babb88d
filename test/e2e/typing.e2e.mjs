// Typing never blanks a registry (issue 11), in real VS Code: the packaged .vsix in code-server on a
// copy of examples/demo-workspace. A new entry is typed character by character into carol_vision's
// LOCAL_STEPS; after every keystroke the Registries view still counts carol_vision's steps and the
// Problems panel still lists every problem the file had. Then the comma after the first entry is
// deleted: RL030 lands on that place and the later entries' problems stay. Last, a conflicting entry
// typed: every list the server publishes (read from the client's trace) is a fresh analysis's of a text
// typed so far, in the order typed, so no keystroke shows an intermediate state.
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
  openWorkbench,
  startCodeServer,
  waitFor,
} from '../../scripts/e2e/code-server.mjs';
import { showRegistries } from './suite.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const VSIX = process.env.E2E_VSIX || path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
const CAROL = 'developer_workspaces/developers/carol_vision/src/cursus_dev/registry/workspace_registry.py';
const TYPED = '\n"TypedStep": {\n"sagemaker_step_type": "Processing",\n"description": "typed in the editor",\n},';

/** The Registries view's count of carol_vision's steps ("N steps"), or null while the row is not shown. */
async function carolSteps(wb) {
  return wb.page.$$eval('.pane .monaco-list-row', (rows) => {
    for (const r of rows) {
      if ((r.querySelector('.label-name')?.textContent ?? '').trim() !== 'workspace: carol_vision') continue;
      const m = /(\d+) steps?/.exec(r.querySelector('.label-description')?.textContent ?? '');
      return m ? Number(m[1]) : null;
    }
    return null;
  });
}

const key = (p) => `${p.code} ${p.message}`;

/** 1-based line of `    },` closing the first entry of LOCAL_STEPS in the demo's carol_vision registry. */
function firstEntryEnd() {
  const lines = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'demo-workspace', CAROL), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('LOCAL_STEPS'));
  return lines.findIndex((l, i) => i > start && l === '    },') + 1;
}

/** Every file's diagnostics as `registry-lens check` finds them in `dir`, as comparable strings per file. */
function checkLists(dir) {
  const out = execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'dist', 'cli.js'),
      'check',
      dir,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--report-unused-suppressions',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const lists = new Map();
  for (const d of JSON.parse(out).diagnostics) {
    const r = d.range;
    lists.set(d.file, [
      ...(lists.get(d.file) ?? []),
      `${d.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`,
    ]);
  }
  return new Map([...lists].map(([f, l]) => [f, l.sort().join('\n')]));
}

/** The text of the client's trace log of the Registry Lens channel: the newest extension host's, its rotated parts first. */
function traceText(userDataDir) {
  const walk = (d) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const newest = walk(path.join(userDataDir, 'logs'))
    .filter((f) => f.endsWith(`${path.sep}Registry Lens.log`))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .at(-1);
  if (newest === undefined) return '';
  const dir = path.dirname(newest);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('Registry Lens'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

/** The publications in a trace log's text logged at or after `since` (epoch ms): { file (relative to `root`), list }, in order. */
function publications(text, root, since) {
  const out = [];
  for (const entry of text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[)/)) {
    const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+) /.exec(entry);
    if (!stamp || !entry.includes("Received notification 'textDocument/publishDiagnostics'")) continue;
    const at = new Date(`${stamp[1]}T${stamp[2]}`).getTime(); // the log's local time, as Date reads it
    const params = entry.indexOf('Params: ');
    if (at < since || params < 0) continue;
    let p;
    try {
      p = JSON.parse(entry.slice(params + 'Params: '.length));
    } catch {
      continue;
    } // a partly flushed last entry
    const file = path
      .relative(root, decodeURIComponent(new URL(p.uri).pathname))
      .split(path.sep)
      .join('/');
    const list = p.diagnostics
      .map(
        (d) =>
          `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
      )
      .sort()
      .join('\n');
    out.push({ at, file, list });
  }
  return out.sort((x, y) => x.at - y.at);
}

describe('Registry Lens in VS Code: typing never blanks a registry', function () {
  this.timeout(300_000);
  let server;
  let browser;
  let wb;
  let root;

  before(async function () {
    this.timeout(240_000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run \`npm run package\``);
    killStrayCodeServers();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-lens-typing-'));
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'demo-workspace'), root, { recursive: true });
    // the client's trace of every message (publications included) goes to its log file: --log trace
    server = await startCodeServer({
      extensions: [VSIX],
      settings: { 'registryLens.trace.server': 'verbose' },
      args: ['--log', 'trace'],
    });
    browser = await launchBrowser();
  });

  after(async function () {
    this.timeout(60_000);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await wb.screenshot('FAILED-typing').catch(() => {});
  });

  it('every keystroke of a new entry leaves the other entries in the Registries view and their problems in the Problems panel', async () => {
    wb = await openWorkbench(browser, server, { folder: root });
    await showRegistries(wb, path.basename(root));
    await wb.filterProblems('**/carol_vision/**');
    // VS Code's Problems panel does not list hints
    const shown = JSON.parse(fs.readFileSync(path.join(root, 'EXPECTED.json'), 'utf8')).filter(
      (e) => e.file === CAROL && e.severity !== 'hint',
    ).length;
    const baseline = await wb.waitForProblems((rs) => rs.filter((r) => r.path === CAROL).length === shown, {
      timeout: 90_000,
      message: "carol_vision's problems",
    });
    const expected = baseline.filter((r) => r.path === CAROL).map(key);
    const steps = await waitFor(() => carolSteps(wb), {
      timeout: 30_000,
      message: 'carol_vision in the Registries view',
    });

    await wb.quickOpen(CAROL);
    await wb.focusEditor();
    await wb.gotoLine(firstEntryEnd(), 7);
    const lost = [];
    for (const ch of TYPED) {
      await wb.type(ch);
      // Whatever state the server has published by now: carol's steps and problems are all there.
      const [count, rows] = await Promise.all([carolSteps(wb), wb.problems()]);
      const have = rows.filter((r) => r.path === CAROL).map(key);
      const missing = expected.filter((k) => !have.includes(k));
      if ((count !== null && count < steps) || missing.length > 0)
        lost.push({ after: JSON.stringify(ch), count, missing });
    }
    assert.deepEqual(lost, [], 'entries or problems disappeared while typing');
    await waitFor(async () => (await carolSteps(wb)) === steps + 1, {
      timeout: 15_000,
      message: 'the typed entry in the Registries view',
    });
    await wb.parkMouse();
    await wb.screenshot('typing-01-entry-typed');
  });

  it("a missing comma between entries is one RL030 at the comma's place; the later entries keep their problems", async () => {
    const expected = (await wb.problems()).filter((r) => r.path === CAROL && r.code !== 'RL030').map(key);
    // The typed entry went below the first one: its closing line has not moved.
    const line = firstEntryEnd();
    await wb.gotoLine(line, 7);
    await wb.press('Backspace');
    // The panel is read until it shows the comma's RL030 with the later entries' problems (it renders a
    // publication a moment after it arrives); on a timeout the assertion below says what is missing.
    const complete = (rs) =>
      rs.some((r) => r.path === CAROL && r.code === 'RL030' && r.line === line) &&
      expected.every((k) => rs.some((r) => r.path === CAROL && key(r) === k));
    await wb
      .waitForProblems(complete, {
        timeout: 15_000,
        message: "RL030 on the line of the deleted comma, with the later entries' problems",
      })
      .catch(() => {});
    const rows = await wb.problems();
    const rl030 = rows.find((r) => r.path === CAROL && r.code === 'RL030' && r.line === line);
    assert.ok(rl030, 'RL030 on the line of the deleted comma');
    assert.match(rl030.message, /missing ',' between entries/);
    assert.equal(rl030.column, 5, 'on the closing brace the comma follows');
    const have = rows.filter((r) => r.path === CAROL).map(key);
    assert.deepEqual(
      expected.filter((k) => !have.includes(k)),
      [],
      'problems of the later entries',
    );
    await wb.parkMouse();
    await wb.screenshot('typing-02-missing-comma');
    await wb.filterProblems('');
  });

  it('typing a conflicting entry publishes only final lists: each a fresh analysis of a text typed, in the order typed (no flicker)', async () => {
    // back to the file on disk, then " \"ModelEvaluation\": {}," typed after `LOCAL_STEPS = {` (a name bob_nlp and alice_ml define)
    await wb.runCommand('File: Revert File', { id: 'workbench.action.files.revert' });
    const disk = fs.readFileSync(path.join(root, CAROL), 'utf8');
    const lines = disk.split('\n');
    const at = lines.findIndex((l) => l.startsWith('LOCAL_STEPS'));
    const offset = lines.slice(0, at + 1).join('\n').length;
    const ENTRY = ' "ModelEvaluation": {},';
    // the lists a fresh analysis gives after each keystroke (0: none typed), from a copy of the folder
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-lens-typing-fresh-'));
    let finals;
    try {
      fs.cpSync(root, copy, { recursive: true });
      finals = [...Array(ENTRY.length + 1).keys()].map((k) => {
        fs.writeFileSync(path.join(copy, CAROL), disk.slice(0, offset) + ENTRY.slice(0, k) + disk.slice(offset));
        return checkLists(copy);
      });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    const changing = [...new Set(finals.flatMap((m) => [...m.keys()]))].filter(
      (f) => new Set(finals.map((m) => m.get(f) ?? '')).size > 1,
    );
    assert.ok(
      changing.includes(CAROL) && changing.includes(CAROL.replace('carol_vision', 'bob_nlp')),
      `files the entry changes: ${changing}`,
    );
    const read = (since) => publications(traceText(server.profile.userDataDir), root, since);
    const last = (pubs, f) => pubs.findLast((p) => p.file === f)?.list;
    const explain = (pubs, k) =>
      changing.map((f) => `${f}:\n published: ${last(pubs, f)}\n fresh: ${finals[k].get(f) ?? ''}`).join('\n');
    // the reverted file is published (the disk's list) before typing starts
    await waitFor(() => last(read(0), CAROL) === finals[0].get(CAROL), {
      timeout: 30_000,
      message: "the reverted file's list published",
    }).catch((e) => {
      throw new Error(`${e.message}\n${explain(read(0), 0)}`);
    });
    const start = Date.now();
    await wb.gotoLine(at + 1, lines[at].length + 1);
    for (const ch of ENTRY) await wb.type(ch);
    const settled = (pubs) => changing.every((f) => last(pubs, f) === (finals[ENTRY.length].get(f) ?? ''));
    const pubs = await waitFor(
      () => {
        const p = read(start);
        return settled(p) && p;
      },
      { timeout: 30_000, message: "the typed entry's lists published" },
    ).catch((e) => {
      throw new Error(`${e.message}\n${explain(read(start), ENTRY.length)}`);
    });
    // each file's publications: lists of texts typed, never one of an earlier text after a later one
    const wrong = [];
    for (const f of changing) {
      let k = 0;
      for (const [i, p] of pubs.filter((q) => q.file === f).entries()) {
        const next = finals.findIndex((m, j) => j >= k && (m.get(f) ?? '') === p.list);
        if (next < 0) wrong.push({ file: f, publication: i, list: p.list, after: JSON.stringify(ENTRY.slice(0, k)) });
        else k = next;
      }
    }
    assert.deepEqual(wrong, [], 'a publication that is no fresh analysis of the text typed so far');
    console.log(
      `      ${pubs.filter((p) => changing.includes(p.file)).length} publications of ${changing.length} files for ${ENTRY.length} keystrokes`,
    );
  });
});
