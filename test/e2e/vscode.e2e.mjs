// Real VS Code end to end: the packaged .vsix installed into code-server with --install-extension,
// a throwaway copy of examples/demo-workspace opened in headless Chromium (edits and autosave never
// touch the checkout: its `git status` is the same after the suite), and every check made on what a
// person sees (the Problems panel, the hover widget, the active tab, the explain document, the status
// items, the Overview and Step Graph webviews, Fix all, a suppression comment), with a screenshot of
// each under test-results/e2e/. Every wait polls a condition; nothing sleeps a fixed time.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  RESULTS_DIR,
  listExtensions,
  openWorkbench,
  waitFor,
  missingProblems,
} from '../../scripts/e2e/code-server.mjs';
import { EXTENSION_ID, VERSION, lineOf as lineIn, onExample, webviewFrame } from './suite.mjs';

const gitStatus = () => execFileSync('git', ['-C', REPO_ROOT, 'status', '--porcelain'], { encoding: 'utf8' });
const STATUS_BEFORE = gitStatus();
const WS = 'developer_workspaces/developers';
const ALICE = `${WS}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const BOB = `${WS}/bob_nlp/src/cursus_dev/registry/workspace_registry.py`;
const CAROL = `${WS}/carol_vision/src/cursus_dev/registry/workspace_registry.py`;
const BUILDER = `${WS}/alice_ml/src/cursus_dev/steps/builders/builder_enhanced_xgboost_training_step.py`;
const DAVE = `${WS}/aaron_dup/src/cursus_dev/registry/workspace_registry.py`;
const CORE = 'src/cursus/registry/step_names.py';
const CORE_BUILDERS = 'src/cursus/steps/builders';

/** The suite's copy of examples/demo-workspace (set once the suite starts). */
let DEMO = '';
const timings = {};
const timed = async (name, fn) => {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - t;
  }
};

/** 1-based line of the first line of `rel` matching `re` (the demo files are the source of truth). */
const lineOf = (rel, re) => lineIn(DEMO, rel, re);

describe('Registry Lens in VS Code (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  const s = onExample('demo-workspace', { label: 'vscode', timed });
  let wb;
  before(() => {
    DEMO = s.root;
  });

  after(() => {
    fs.writeFileSync(path.join(RESULTS_DIR, 'timings.json'), JSON.stringify(timings, null, 2));
    console.log(`      timings (ms): ${JSON.stringify(timings)}`);
  });

  it('the .vsix installs with --install-extension and ships no node_modules', async () => {
    assert.match(s.server.installs[0].output, /successfully installed/i);
    assert.ok((await listExtensions(s.server.profile)).includes(`${EXTENSION_ID}@${VERSION}`));
    const dir = path.join(s.server.profile.extensionsDir, `${EXTENSION_ID}-${VERSION}`);
    for (const f of [
      'package.json',
      'dist/client.js',
      'dist/server.js',
      'dist/web-tree-sitter.wasm',
      'dist/tree-sitter-python.wasm',
    ]) {
      assert.ok(fs.existsSync(path.join(dir, f)), `${f} not installed`);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'node_modules')), 'the installed extension has a node_modules folder');
  });

  it("the Problems panel lists the example's problems, in files never opened", async () => {
    wb = s.wb = await timed('open workbench', () => openWorkbench(s.browser, s.server, { folder: DEMO }));
    assert.deepEqual(await wb.tabTitles(), [], 'no editor may be open for this check');
    await wb.openProblems();
    await wb.maximizePanel(true); // the list is virtualised: make room for every row
    // VS Code's Problems panel does not list hints
    const expected = JSON.parse(fs.readFileSync(path.join(DEMO, 'EXPECTED.json'), 'utf8')).filter(
      (e) => e.severity !== 'hint',
    );
    const missing = (rows) => missingProblems(expected, rows);
    const rows = await timed('problems visible after workbench ready', () =>
      wb
        .waitForProblems((rs) => missing(rs).length === 0, {
          timeout: 60_000,
          message: 'every expected problem in the Problems panel',
        })
        .catch(async (e) => {
          throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`);
        }),
    );
    assert.deepEqual(await wb.tabTitles(), [], 'the problems came without opening a file');
    assert.ok(rows.some((r) => r.path === BOB && r.code === 'RL004' && /XGBoostTrainng/.test(r.message)));
    await wb.parkMouse();
    await wb.screenshot('01-problems-panel');
    await wb.maximizePanel(false);
    // activation by workspaceContains, as the exthost log records it (flushed late: poll)
    await timed('activation seen in the exthost log', () =>
      s.server.waitForActivation(EXTENSION_ID, { timeout: 60_000 }),
    );
  });

  it('hovering a step name in a workspace registry shows where it resolved from', async () => {
    await timed('quick open alice_ml registry', () => wb.quickOpen(ALICE));
    await wb.focusEditor();
    const line = lineOf(ALICE, /^ {4}"XGBoostTraining": \{/); // alice_ml's STEP_OVERRIDES entry
    await wb.gotoLine(line, 8);
    const text = await timed('hover', () => wb.hover({ match: /resolved in context/ }));
    assert.match(text, /^XGBoostTraining · override:alice_ml — resolved in context alice_ml \(isolated\)/);
    assert.match(text, /Shadows: core \(src\/cursus\/registry\/step_names\.py:\d+\)/);
    assert.match(
      text,
      /builder: EnhancedXGBoostTrainingStepBuilder \(developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/steps\/builders\/builder_enhanced_xgboost_training_step\.py:\d+\)/,
    );
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
      return waitFor(
        async () => {
          const tab = await wb.activeTabTitle();
          const pos = await wb.cursorPosition();
          return tab === path.basename(BUILDER) && pos?.line === classLine ? { tab, pos } : null;
        },
        { timeout: 15_000, message: `${path.basename(BUILDER)}:${classLine} active` },
      );
    });
    assert.equal(landed.pos.column, 7, 'the cursor is on the class name');
    assert.ok((await wb.breadcrumbs()).includes('builders'));
    assert.match(await wb.editorText(), /class EnhancedXGBoostTrainingStepBuilder\(StepBuilderBase\):/);
    await wb.parkMouse();
    await wb.screenshot('03-definition');
  });

  it('Registry Lens: Explain Resolution in Context… from the palette opens the explain document with the trace', async () => {
    await wb.quickOpen(ALICE);
    await wb.focusEditor();
    await wb.gotoLine(lineOf(ALICE, /^ {4}"XGBoostTraining": \{/), 8);
    // the CLI shipped in the same package renders the same explanation
    const installed = path.join(s.server.profile.extensionsDir, `${EXTENSION_ID}-${VERSION}`);
    const cli = execFileSync(
      process.execPath,
      [path.join(installed, 'dist', 'cli.js'), 'explain', 'XGBoostTraining', '--root', DEMO, '--workspace', 'alice_ml'],
      { encoding: 'utf8' },
    );
    await timed('explain: palette → context pick', async () => {
      await wb.runCommand('Registry Lens: Explain Resolution in Context…', { waitClosed: false });
      // the step comes from the cursor, then a context pick lists every context
      await waitFor(
        async () =>
          /Explain 'XGBoostTraining' in context/.test(await wb.quickPickTitle()) &&
          (await wb.quickPickRows()).length > 1,
        { timeout: 15_000, message: "the context pick titled Explain 'XGBoostTraining' in context" },
      );
    });
    // pick alice_ml as a person would: type to filter, then choose the row of alice_ml's directory
    // (aaron_dup declares the id alice_ml too: RL015)
    await wb.page.locator('.quick-input-widget input.input').first().fill('alice_ml');
    const idx = await waitFor(
      async () => {
        const i = (await wb.quickPickRows()).findIndex(
          (r) => r.label === 'alice_ml' && r.aria.includes('developers/alice_ml'),
        );
        return i >= 0 ? i + 1 : 0;
      },
      { timeout: 10_000, message: 'the alice_ml context row' },
    );
    await wb.parkMouse();
    await wb.screenshot('04a-explain-context-pick');
    const doc = await timed('explain: pick → document', async () => {
      await wb.page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .nth(idx - 1)
        .click();
      await waitFor(async () => (await wb.activeTabTitle()) === 'Explain XGBoostTraining (alice_ml)', {
        timeout: 15_000,
        message: 'the explain tab',
      });
      return waitFor(
        async () => {
          const t = await wb.editorText();
          return t.startsWith('Explain Resolution: XGBoostTraining') && t;
        },
        { timeout: 10_000, message: 'the explain text' },
      );
    });
    // every visible line exactly as `registry-lens explain` prints it
    const lines = (t) => t.split('\n').map((l) => l.trimEnd());
    const shown = lines(doc);
    const want = lines(cli);
    assert.ok(shown.length >= 12, `only ${shown.length} lines visible`);
    assert.deepEqual(
      shown,
      want.slice(0, shown.length),
      'the explain document shows what `registry-lens explain` prints',
    );
    assert.match(doc, /\nStrategy: workspace_priority \(override:alice_ml is consulted before core in isolated mode\)/);
    assert.match(
      doc,
      /Trace:\n +✓ hit +override:alice_ml +developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/registry\/workspace_registry\.py:\d+:5\n +· miss +local:alice_ml/,
    );
    await wb.parkMouse();
    await wb.screenshot('04-explain-document');
  });

  it('typing a conflicting local step adds RL002 to the Problems panel within seconds, and undo removes it', async () => {
    // bob_nlp defines SentenceEmbedding locally; carol_vision is about to, too
    await wb.filterProblems('SentenceEmbedding');
    const conflict = (rows, rel) =>
      rows.some((r) => r.path === rel && r.code === 'RL002' && r.message.includes("'SentenceEmbedding'"));
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
    await wb.waitForProblems((rs) => conflict(rs, CAROL) && conflict(rs, BOB), {
      timeout: 15_000,
      message: 'RL002 for SentenceEmbedding in carol_vision and bob_nlp',
    });
    timings['conflict appears after the last keystroke'] = Date.now() - typed;
    assert.ok(
      timings['conflict appears after the last keystroke'] < 5_000,
      `RL002 took ${timings['conflict appears after the last keystroke']} ms`,
    );
    await wb.parkMouse();
    await wb.screenshot('05-conflict-typed');

    await timed('undo until the text is back', () =>
      wb.undoUntil((t) => pristine.test(t) && !t.includes('SentenceEmbedding')),
    );
    const undone = Date.now();
    await wb.waitForProblems((rs) => !conflict(rs, CAROL) && !conflict(rs, BOB), {
      timeout: 15_000,
      message: 'RL002 for SentenceEmbedding gone',
    });
    timings['conflict gone after the undo'] = Date.now() - undone;
    assert.ok(
      timings['conflict gone after the undo'] < 5_000,
      `RL002 took ${timings['conflict gone after the undo']} ms to go`,
    );
    await waitFor(
      async () => (await wb.page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0,
      { timeout: 5_000, message: 'the file to be clean after undo' },
    );
    await wb.parkMouse();
    await wb.screenshot('06-conflict-undone');
    await wb.filterProblems('');
  });

  it('the status item and the language status item follow the active file (duplicate ids by directory)', async () => {
    const item = wb.page.locator('[id$="registryLens.status"]').first();
    const shows = async (rel, context) => {
      await wb.quickOpen(rel);
      return waitFor(
        async () => {
          const text = ((await item.textContent({ timeout: 2_000 })) || '').replace(/\s+/g, ' ');
          return text.includes(` ${context} `) && text;
        },
        { timeout: 15_000, message: `status item showing ${context} for ${rel}` },
      );
    };
    await shows(ALICE, 'alice_ml');
    await shows(DAVE, 'alice_ml (aaron_dup)');
    await shows(CORE, 'core');
    await shows(DAVE, 'alice_ml (aaron_dup)');
    const tooltip = (await item.getAttribute('aria-label')) || '';
    assert.match(
      tooltip,
      /This file: alice_ml \(aaron_dup\), the developer workspace in developer_workspaces\/developers\/aaron_dup\./,
    );
    // the full analysis's real duration (reading every file included), not an edit's engine time
    const took = /Full analysis: .+, ([\d.]+) (ms|s) to read and analyse every file\./.exec(tooltip);
    assert.ok(took && Number(took[1]) > 0, `a real analysis time in: ${tooltip}`);
    // the language status item (the {} of the editor language) lists ours with the file's context
    // room for the hover in the screenshot: hide the panel (Ctrl+J toggles it)
    const panel = wb.page.locator('.part.panel');
    if (await panel.isVisible().catch(() => false)) {
      await wb.press('Control+J');
      await waitFor(async () => !(await panel.isVisible().catch(() => false)), {
        timeout: 10_000,
        message: 'the panel hidden',
      });
    }
    await wb.page.locator('[id="status.languageStatus"]').hover();
    const lang = await waitFor(
      async () => {
        const t =
          (await wb.page.$$eval('.hover-language-status', (els) => els.map((e) => e.textContent || '').join('\n'))) ||
          '';
        return t.includes('alice_ml (aaron_dup)') && t;
      },
      { timeout: 10_000, message: 'the language status hover with the file context' },
    );
    assert.match(lang, /\d+ +\d+ · analysed \d/); // the file's error and warning counts (codicons), the time of the last analysis
    // the line fits the hover (at most 500 px, clipped beyond): the Switch context link and its pin are not cut off
    const fits = await wb.page.evaluate(() => {
      const line = [...document.querySelectorAll('.hover-language-status')].find((e) =>
        (e.textContent || '').includes('Switch context'),
      );
      const hover = line?.closest('.monaco-hover, .workbench-hover');
      if (!line || !hover) return null;
      const right = hover.getBoundingClientRect().right;
      return {
        right,
        link: line.querySelector('.right')?.getBoundingClientRect().right ?? Infinity,
        window: window.innerWidth,
      };
    });
    assert.ok(
      fits && fits.link <= fits.right && fits.right <= fits.window,
      `language status line ${JSON.stringify(fits)}`,
    );
    assert.match(lang, /Switch context/);
    await wb.screenshot('07-status-items');
    await wb.parkMouse();
  });

  it('Show Registry Overview renders the registries and conflicts in a webview: strict CSP, registry strings as text', async () => {
    // a registry string that would be markup if it were not escaped
    const evil = `${WS}/zed_html/src/cursus_dev/registry/workspace_registry.py`;
    fs.mkdirSync(path.dirname(path.join(DEMO, evil)), { recursive: true });
    fs.writeFileSync(
      path.join(DEMO, evil),
      'LOCAL_STEPS = {"<img src=x onerror=alert(1)>": {"sagemaker_step_type": "Utility", "description": "<b>bold</b>"}}\n',
    );
    await wb.runCommand('Registry Lens: Show Registry Overview');
    const frame = await webviewFrame(wb);
    const text = await waitFor(
      async () => {
        const t = await frame.evaluate(() => document.body.innerText);
        return t.includes('<img src=x onerror=alert(1)>') && t.includes('alice_ml (aaron_dup)') && t;
      },
      { timeout: 20_000, message: 'the overview with the duplicate id and the new workspace' },
    );
    assert.match(text, /Conflicts \(\d+\)/);
    const dom = await frame.evaluate(() => ({
      images: document.querySelectorAll('#app img, #app script, #app [onerror]').length,
      bold: document.querySelectorAll('#app b').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') || '',
      scripts: [...document.querySelectorAll('body script')].map((x) => x.src),
      severities: [...document.querySelectorAll('li.problem')].map(
        (li) => `${li.querySelector('.code')?.textContent} ${li.className}`,
      ),
    }));
    assert.equal(dom.images, 0, 'a registry string became an element');
    assert.equal(dom.bold, 0);
    // only the webview's own resource origin (webview.cspSource), no inline code, nothing else
    assert.match(dom.csp, /^default-src 'none'; script-src [^;]+; style-src [^;]+;/);
    const sources = dom.csp
      .split(';')
      .flatMap((d) => d.trim().split(/\s+/).slice(1))
      .filter((x) => x !== "'none'");
    assert.deepEqual(
      sources.filter((x) => x !== "'self'" && !/^https:\/\/\*\.vscode-cdn\.net$/.test(x)),
      [],
      dom.csp,
    );
    assert.ok(
      dom.scripts.length === 1 && /\/dist\/webview\/main\.js/.test(dom.scripts[0]),
      JSON.stringify(dom.scripts),
    );
    assert.ok(dom.severities.includes('RL015 problem error'), JSON.stringify(dom.severities));
    assert.ok(
      dom.severities.some((x) => /^RL00[23] problem warning$/.test(x)),
      `warnings shown as warnings: ${JSON.stringify(dom.severities)}`,
    );
    await wb.parkMouse();
    await wb.screenshot('08-overview-webview');
    fs.rmSync(path.join(DEMO, `${WS}/zed_html`), { recursive: true });
  });

  it("Show Step Graph lays out the context's graph with the cycle highlighted; clicking a node opens its definition", async () => {
    // two companions that depend on each other, and a third that depends on one of them (in place of the demo's own)
    const meta = (step, dep) =>
      fs.writeFileSync(
        path.join(DEMO, CORE_BUILDERS, `builder_${step}_step_meta.yaml`),
        `dependencies:\n  - module_id: ${dep}\n`,
      );
    meta('package', 'Payload');
    meta('payload', 'Package');
    meta('registration', 'Package');
    await wb.quickOpen(CORE);
    await wb.runCommand('Registry Lens: Show Step Graph');
    const frame = await webviewFrame(wb);
    const graph = await waitFor(
      async () =>
        frame.evaluate(() => {
          const cycle = [...document.querySelectorAll('g.node.cycle')].map((g) => g.getAttribute('data-id'));
          const trio = ['Package', 'Payload', 'Registration'];
          const edges = [...document.querySelectorAll('path.edge')].filter(
            (p) => trio.includes(p.getAttribute('data-from')) && trio.includes(p.getAttribute('data-to')),
          ).length;
          const title = document.querySelector('h1')?.textContent;
          return (
            cycle.length === 2 && {
              cycle: cycle.sort(),
              edges,
              cycleEdges: document.querySelectorAll('path.edge.cycle').length,
              title,
              text: document.body.innerText,
            }
          );
        }),
      { timeout: 20_000, message: 'the step graph with the Package/Payload cycle' },
    );
    assert.deepEqual(graph.cycle, ['Package', 'Payload']);
    assert.equal(graph.edges, 3);
    assert.equal(graph.cycleEdges, 2);
    assert.equal(graph.title, 'Step graph of core');
    assert.match(graph.text, /cycle: (Package → Payload → Package|Payload → Package → Payload)/);
    await wb.parkMouse();
    await wb.screenshot('09-step-graph');
    await frame.locator('g.node[data-id="Registration"]').click();
    await waitFor(async () => (await wb.activeTabTitle()) === 'step_names.py', {
      timeout: 15_000,
      message: 'the definition of Registration opened',
    });
    const line = lineOf(CORE, /^ {4}"Registration": \{/);
    await waitFor(async () => (await wb.cursorPosition())?.line === line, {
      timeout: 10_000,
      message: `cursor on line ${line}`,
    });
    for (const step of ['package', 'payload', 'registration'])
      fs.rmSync(path.join(DEMO, CORE_BUILDERS, `builder_${step}_step_meta.yaml`));
  });

  it('Fix all applies the unambiguous fixes of the file; a suppression comment added by its quick fix silences RL003', async () => {
    const alice = (rows, code) => rows.some((r) => r.path === ALICE && r.code === code);
    await wb.quickOpen(ALICE);
    await wb.focusEditor();
    await wb.maximizePanel(false);
    await wb.filterProblems('**/alice_ml/**'); // only alice_ml's rows: the list is virtualised
    await wb.waitForProblems((rs) => alice(rs, 'RL010') && alice(rs, 'RL016') && alice(rs, 'RL003'), {
      timeout: 20_000,
      message: 'RL010, RL016 and RL003 in alice_ml',
    });
    await wb.focusEditor();
    await wb.runCommand('Fix All', { id: 'editor.action.fixAll' });
    await wb.waitForProblems((rs) => !alice(rs, 'RL010') && !alice(rs, 'RL016') && alice(rs, 'RL003'), {
      timeout: 20_000,
      message: 'RL010 and RL016 fixed, RL003 left (two possible fixes)',
    });
    const line = lineOf(ALICE, /^ {4}"TabularPreprocessing": \{/);
    await wb.gotoLine(line, 8);
    await (await wb.quickFixRow('Suppress RL003 on this line')).click();
    await waitFor(
      async () => (await wb.editorText()).includes('"TabularPreprocessing": {  # registry-lens: ignore[RL003]'),
      { timeout: 10_000, message: 'the suppression comment' },
    );
    await wb.waitForProblems((rs) => !alice(rs, 'RL003'), { timeout: 20_000, message: 'RL003 suppressed' });
    await wb.save();
    // the CLI honours the same comment
    const check = JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', DEMO, '--format', 'json', '--fail-on', 'never'],
        { encoding: 'utf8' },
      ),
    );
    assert.ok(
      !check.diagnostics.some((d) => d.file === ALICE && ['RL003', 'RL010', 'RL016'].includes(d.code)),
      JSON.stringify(check.diagnostics.filter((d) => d.file === ALICE)),
    );
    await wb.parkMouse();
    await wb.screenshot('10-fix-all-and-suppression');
    await wb.filterProblems('');
  });

  it("Registry Lens: New Developer Workspace creates a workspace from cursus's minimal template that analyses clean", async () => {
    await wb.runCommand('Registry Lens: New Developer Workspace', { waitClosed: false });
    const input = wb.page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('erin_e2e');
    await wb.press('Enter');
    await waitFor(async () => /New workspace 'erin_e2e'/.test(await wb.quickPickTitle()), {
      timeout: 10_000,
      message: 'the template pick',
    });
    await input.fill('minimal');
    await waitFor(async () => (await wb.quickPickRows())[0]?.label === 'minimal', {
      timeout: 10_000,
      message: 'the minimal row',
    });
    await wb.press('Enter');
    const reg = `${WS}/erin_e2e/src/cursus_dev/registry/workspace_registry.py`;
    await waitFor(
      async () =>
        (await wb.activeTabTitle()) === 'workspace_registry.py' &&
        (await wb.editorText()).includes('"developer_id": "erin_e2e"'),
      { timeout: 20_000, message: 'the new registry opened' },
    );
    assert.ok(fs.existsSync(path.join(DEMO, WS, 'erin_e2e/examples/example_custom_step_config.py')));
    const item = wb.page.locator('[id$="registryLens.status"]').first();
    await waitFor(async () => ((await item.textContent()) || '').includes('erin_e2e'), {
      timeout: 20_000,
      message: 'the status item on erin_e2e',
    });
    const check = JSON.parse(
      execFileSync(
        process.execPath,
        [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', DEMO, '--format', 'json', '--fail-on', 'never'],
        { encoding: 'utf8' },
      ),
    );
    assert.deepEqual(
      check.diagnostics.filter((d) => d.file.startsWith(`${WS}/erin_e2e/`)),
      [],
    );
    await wb.openProblems();
    assert.ok(!(await wb.problems()).some((r) => r.path === reg), 'no problem in the new registry');
    await wb.parkMouse();
    await wb.screenshot('11-new-workspace');
  });

  it('reloading and closing the window log no failed request or server start, and the checkout is unchanged', async () => {
    // code actions in flight while the window goes away: what logged "Request textDocument/codeAction
    // failed. Error: Starting server failed" three times
    await wb.quickOpen(ALICE);
    await wb.focusEditor();
    await wb.gotoLine(lineOf(ALICE, /^ {4}"ModelEvaluation": \{/), 8); // RL002 (RL003 is suppressed by now)
    await wb.quickFixRow('Suppress RL002 on this line');
    await wb.press('Escape');
    const exthostLogs = () => {
      const out = [];
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name === 'remoteexthost.log') out.push(p);
        }
      };
      walk(path.join(s.server.profile.userDataDir, 'logs'));
      return out;
    };
    await wb.runCommand('Developer: Reload Window', { id: 'workbench.action.reloadWindow', waitClosed: false });
    await waitFor(() => exthostLogs().some((f) => /exiting with code/.test(fs.readFileSync(f, 'utf8'))), {
      timeout: 60_000,
      message: 'the first extension host to exit',
    });
    await s.browser.close();
    s.browser = undefined;
    const { root, userDataDir } = s.server.profile;
    await s.server.stop({ keepProfile: true }); // read its logs first
    s.server = undefined;
    const files = [];
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(path.join(userDataDir, 'logs'));
    const ours = files.filter((f) => path.basename(f) === 'Registry Lens.log');
    assert.ok(ours.length > 0, `the extension's output log is among the logs read: ${files.join(', ')}`);
    const found = files.filter((f) =>
      /Starting server failed|Restarting server failed|Request \S+ failed/.test(fs.readFileSync(f, 'utf8')),
    );
    fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(found, [], 'a log reports a failed request or server start');
    assert.equal(gitStatus(), STATUS_BEFORE, 'the suite changed the checkout');
  });
});
