// Real VS Code end to end: the packaged .vsix installed into code-server with --install-extension,
// examples/demo-workspace opened in headless Chromium, and every check made on what a person sees
// (the Problems panel, the hover widget, the active tab, the explain document), with a screenshot
// of each under test-results/e2e/. Every wait polls a condition; nothing sleeps a fixed time.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, RESULTS_DIR, killStrayCodeServers, launchBrowser, listExtensions, openWorkbench, startCodeServer, waitFor, missingProblems
} from '../../scripts/e2e/code-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;
const VSIX = process.env.E2E_VSIX || path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
const DEMO = path.join(REPO_ROOT, 'examples', 'demo-workspace');
const WS = 'developer_workspaces/developers';
const ALICE = `${WS}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const BOB = `${WS}/bob_nlp/src/cursus_dev/registry/workspace_registry.py`;
const CAROL = `${WS}/carol_vision/src/cursus_dev/registry/workspace_registry.py`;
const BUILDER = `${WS}/alice_ml/src/cursus_dev/steps/builders/builder_enhanced_xgboost_training_step.py`;

const timings = {};
const timed = async (name, fn) => {
  const t = Date.now();
  try { return await fn(); } finally { timings[name] = Date.now() - t; }
};

/** 1-based line of the first line of `rel` matching `re` (the demo files are the source of truth). */
function lineOf(rel, re) {
  const i = fs.readFileSync(path.join(DEMO, rel), 'utf8').split('\n').findIndex((l) => re.test(l));
  assert.ok(i >= 0, `${re} not found in ${rel}`);
  return i + 1;
}

describe('Registry Lens in VS Code (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  let server;
  let browser;
  let wb;

  before(async function () {
    this.timeout(240_000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run \`npm run package\``);
    const built = fs.statSync(path.join(REPO_ROOT, 'dist', 'server.js')).mtimeMs;
    // npm run test:e2e packages first; a direct mocha run may test an older package
    if (fs.statSync(VSIX).mtimeMs < built - 1000) console.warn(`      warning: ${path.basename(VSIX)} is older than dist/server.js (npm run package rebuilds it)`);
    killStrayCodeServers();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    server = await timed('start code-server (incl. --install-extension)', () => startCodeServer({ extensions: [VSIX] }));
    browser = await launchBrowser();
  });

  after(async function () {
    this.timeout(60_000);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.writeFileSync(path.join(RESULTS_DIR, 'timings.json'), JSON.stringify(timings, null, 2));
    console.log(`      timings (ms): ${JSON.stringify(timings)}`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      await wb.screenshot(`FAILED-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
      if (server) console.log(`--- code-server log (tail) ---\n${server.readLog().slice(-3000)}\n--- browser console (tail) ---\n${wb.consoleLines.slice(-30).join('\n')}`);
    }
  });

  it('the .vsix installs with --install-extension and ships no node_modules', async () => {
    assert.match(server.installs[0].output, /successfully installed/i);
    assert.ok((await listExtensions(server.profile)).includes(`${EXTENSION_ID}@${pkg.version}`));
    const dir = path.join(server.profile.extensionsDir, `${EXTENSION_ID}-${pkg.version}`);
    for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm']) {
      assert.ok(fs.existsSync(path.join(dir, f)), `${f} not installed`);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), 'the installed extension has a node_modules folder');
  });

  it('the Problems panel lists the example\'s problems, in files never opened', async () => {
    wb = await timed('open workbench', () => openWorkbench(browser, server, { folder: DEMO }));
    assert.deepEqual(await wb.tabTitles(), [], 'no editor may be open for this check');
    await wb.openProblems();
    await wb.maximizePanel(true); // the list is virtualised: make room for every row
    // VS Code's Problems panel does not list hints
    const expected = JSON.parse(fs.readFileSync(path.join(DEMO, 'EXPECTED.json'), 'utf8')).filter((e) => e.severity !== 'hint');
    const missing = (rows) => missingProblems(expected, rows);
    const rows = await timed('problems visible after workbench ready', () =>
      wb.waitForProblems((rs) => missing(rs).length === 0, { timeout: 60_000, message: 'every expected problem in the Problems panel' })
        .catch(async (e) => { throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`); }));
    assert.deepEqual(await wb.tabTitles(), [], 'the problems came without opening a file');
    assert.ok(rows.some((r) => r.path === BOB && r.code === 'RL004' && /XGBoostTrainng/.test(r.message)));
    await wb.parkMouse();
    await wb.screenshot('01-problems-panel');
    await wb.maximizePanel(false);
    // activation by workspaceContains, as the exthost log records it (flushed late: poll)
    await timed('activation seen in the exthost log', () => server.waitForActivation(EXTENSION_ID, { timeout: 60_000 }));
  });

  it('hovering a step name in a workspace registry shows where it resolved from', async () => {
    await timed('quick open alice_ml registry', () => wb.quickOpen(ALICE));
    await wb.focusEditor();
    const line = lineOf(ALICE, /^ {4}"XGBoostTraining": \{/); // alice_ml's STEP_OVERRIDES entry
    await wb.gotoLine(line, 8);
    const text = await timed('hover', () => wb.hover({ match: /resolved in context/ }));
    assert.match(text, /^XGBoostTraining · override:alice_ml — resolved in context alice_ml \(isolated\)/);
    assert.match(text, /Shadows: core \(src\/cursus\/registry\/step_names\.py:\d+\)/);
    assert.match(text, /builder: EnhancedXGBoostTrainingStepBuilder \(developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/steps\/builders\/builder_enhanced_xgboost_training_step\.py:\d+\)/);
    await wb.parkMouse();
    await wb.screenshot('02-hover');
    await wb.closeHover();
  });

  it('F12 on a builder_step_name opens the builder class', async () => {
    const line = lineOf(ALICE, /"builder_step_name": "EnhancedXGBoostTrainingStepBuilder"/);
    await wb.gotoLine(line, 35);
    const classLine = lineOf(BUILDER, /^class EnhancedXGBoostTrainingStepBuilder\b/);
    const landed = await timed('F12', async () => {
      await wb.goToDefinition();
      // the tab changes first, the cursor right after: wait for both
      return waitFor(async () => {
        const tab = await wb.activeTabTitle();
        const pos = await wb.cursorPosition();
        return tab === path.basename(BUILDER) && pos?.line === classLine ? { tab, pos } : null;
      }, { timeout: 15_000, message: `${path.basename(BUILDER)}:${classLine} active` });
    });
    assert.equal(landed.pos.column, 7, 'the cursor is on the class name');
    assert.ok((await wb.breadcrumbs()).includes('builders'));
    assert.match(await wb.editorText(), /class EnhancedXGBoostTrainingStepBuilder\(StepBuilderBase\):/);
    await wb.parkMouse();
    await wb.screenshot('03-definition');
  });

  it('Registry Lens: Explain Resolution from the palette opens the explain document with the trace', async () => {
    await wb.quickOpen(ALICE);
    await wb.focusEditor();
    await wb.gotoLine(lineOf(ALICE, /^ {4}"XGBoostTraining": \{/), 8);
    // the CLI shipped in the same package renders the same explanation
    const installed = path.join(server.profile.extensionsDir, `${EXTENSION_ID}-${pkg.version}`);
    const cli = execFileSync(process.execPath, [path.join(installed, 'dist', 'cli.js'), 'explain', 'XGBoostTraining', '--root', DEMO, '--workspace', 'alice_ml'], { encoding: 'utf8' });
    await timed('explain: palette → context pick', async () => {
      await wb.runCommand('Registry Lens: Explain Resolution', { waitClosed: false });
      // the step comes from the cursor, then a context pick lists every context
      await waitFor(async () => /Explain 'XGBoostTraining' in context/.test(await wb.quickPickTitle()) && (await wb.quickPickRows()).length > 1,
        { timeout: 15_000, message: "the context pick titled Explain 'XGBoostTraining' in context" });
    });
    // pick alice_ml as a person would: type to filter, then choose the row of alice_ml's directory
    // (dave_dup declares the id alice_ml too: RL015)
    await wb.page.locator('.quick-input-widget input.input').first().fill('alice_ml');
    const idx = await waitFor(async () => {
      const i = (await wb.quickPickRows()).findIndex((r) => r.label === 'alice_ml' && r.aria.includes('developers/alice_ml'));
      return i >= 0 ? i + 1 : 0;
    }, { timeout: 10_000, message: 'the alice_ml context row' });
    await wb.parkMouse();
    await wb.screenshot('04a-explain-context-pick');
    const doc = await timed('explain: pick → document', async () => {
      await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').nth(idx - 1).click();
      await waitFor(async () => (await wb.activeTabTitle()) === 'Explain XGBoostTraining (alice_ml)', { timeout: 15_000, message: 'the explain tab' });
      return waitFor(async () => { const t = await wb.editorText(); return t.startsWith('Explain Resolution: XGBoostTraining') && t; }, { timeout: 10_000, message: 'the explain text' });
    });
    // every visible line exactly as `registry-lens explain` prints it
    const lines = (t) => t.split('\n').map((l) => l.trimEnd());
    const shown = lines(doc);
    const want = lines(cli);
    assert.ok(shown.length >= 12, `only ${shown.length} lines visible`);
    assert.deepEqual(shown, want.slice(0, shown.length), 'the explain document shows what `registry-lens explain` prints');
    assert.match(doc, /\nStrategy: workspace_priority \(override:alice_ml is consulted before core in isolated mode\)/);
    assert.match(doc, /Trace:\n +✓ hit +override:alice_ml +developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/registry\/workspace_registry\.py:\d+:5\n +· miss +local:alice_ml/);
    await wb.parkMouse();
    await wb.screenshot('04-explain-document');
  });

  it('typing a conflicting local step adds RL002 to the Problems panel within seconds, and undo removes it', async () => {
    // bob_nlp defines SentenceEmbedding locally; carol_vision is about to, too
    await wb.filterProblems('SentenceEmbedding');
    const conflict = (rows, rel) => rows.some((r) => r.path === rel && r.code === 'RL002' && r.message.includes("'SentenceEmbedding'"));
    assert.ok(!conflict(await wb.problems(), CAROL) && !conflict(await wb.problems(), BOB));
    await wb.quickOpen(CAROL);
    await wb.focusEditor();
    const line = lineOf(CAROL, /^LOCAL_STEPS = \{$/);
    await wb.gotoLine(line, 'LOCAL_STEPS = {'.length + 1);
    const pristine = /LOCAL_STEPS = \{\n {4}"ImageResize": \{/;
    assert.match(await wb.editorText(), pristine);
    await wb.press('End');
    await wb.type('\n"SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "Captions"},');
    const typed = Date.now();
    await wb.waitForProblems((rs) => conflict(rs, CAROL) && conflict(rs, BOB), { timeout: 15_000, message: 'RL002 for SentenceEmbedding in carol_vision and bob_nlp' });
    timings['conflict appears after the last keystroke'] = Date.now() - typed;
    assert.ok(timings['conflict appears after the last keystroke'] < 5_000, `RL002 took ${timings['conflict appears after the last keystroke']} ms`);
    await wb.parkMouse();
    await wb.screenshot('05-conflict-typed');

    await timed('undo until the text is back', () => wb.undoUntil((t) => pristine.test(t) && !t.includes('SentenceEmbedding')));
    const undone = Date.now();
    await wb.waitForProblems((rs) => !conflict(rs, CAROL) && !conflict(rs, BOB), { timeout: 15_000, message: 'RL002 for SentenceEmbedding gone' });
    timings['conflict gone after the undo'] = Date.now() - undone;
    assert.ok(timings['conflict gone after the undo'] < 5_000, `RL002 took ${timings['conflict gone after the undo']} ms to go`);
    await waitFor(async () => (await wb.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0, { timeout: 5_000, message: 'the file to be clean after undo' });
    await wb.parkMouse();
    await wb.screenshot('06-conflict-undone');
    await wb.filterProblems('');
  });
});
