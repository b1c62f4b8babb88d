// The framework as the project has it installed, in real VS Code (the packaged .vsix in code-server, headless
// Chromium) on a copy of examples/cursus-project with the `.venv` its script makes: the DAG is judged against the
// installed cursus (its misspelt node found), F12 on a DAG node opens the installed interface file where it lies, in
// `.venv`, read-only, the status item naming it the installed cursus, and the Problems panel never shows a file of the
// environment, even with one open.
// Every wait polls a condition; screenshots go to test-results/e2e/ (venv-*.png).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const DAG = 'dags/fraud_e2e.dag.json';

describe('The installed framework: a project whose .venv holds cursus (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(180_000);
  const s = onExample('cursus-project', { label: 'venv' });
  let wb;
  const fromEnvironment = (rows) => rows.filter((r) => /\.venv|site-packages/.test(`${r.dir}/${r.file}`));

  it('judges the DAG against the installed cursus and shows nothing from .venv', async () => {
    execFileSync(process.execPath, [path.join(s.root, 'make-venv.mjs'), s.root]);
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    await wb.openProblems();
    const rows = await wb.waitForProblems(
      (r) => r.some((p) => p.code === 'RL039' && /XGBoostTrainng/.test(p.message)) && r.some((p) => p.code === 'RL017'),
      {
        timeout: 60_000,
        message: "the DAG's misspelt node and the pack's missing script, found with cursus installed",
      },
    );
    assert.deepEqual(fromEnvironment(rows), []);
    assert.ok(!rows.some((p) => p.code === 'RL079'), 'cursus is found: RL079 is not shown');
  });

  it('F12 on a DAG node opens the installed interface file read-only, named the installed cursus; nothing from .venv shown', async () => {
    await wb.quickOpen(DAG);
    await wb.focusEditor();
    // line 3: `    "nodes": ["CradleDataLoading_training", …`
    await wb.gotoLine(3, '    "nodes": ["'.length + 4);
    const landed = await wb.goToDefinition();
    assert.equal(landed.tab, 'cradle_data_loading.step.yaml');
    assert.ok(
      landed.breadcrumbs.join('/').includes('site-packages') || landed.breadcrumbs.join('/').includes('.venv'),
      `the installed file is opened in the environment: ${landed.breadcrumbs.join(' › ')}`,
    );
    await wb.screenshot('venv-definition');
    const item = wb.page.locator('[id$="registryLens.status"]').first();
    const statusText = async () =>
      ((await item.textContent({ timeout: 2_000 }).catch(() => '')) || '').replace(/\s+/g, ' ');
    await waitFor(async () => /this file: installed cursus 2\.9\.32 \(library\)/.test(await statusText()), {
      timeout: 15_000,
      message: 'the status item naming the installed cursus 2.9.32 (library)',
    });
    // The installed file is read-only: typing changes nothing, VS Code says why, the tab never turns dirty.
    const before = await wb.editorText();
    await wb.focusEditor();
    await wb.type('zz');
    await waitFor(
      async () =>
        /Editor is read-only because the file was set read-only in this session/.test(
          (await wb.page
            .locator('.monaco-editor-overlaymessage')
            .textContent({ timeout: 1_000 })
            .catch(() => '')) || '',
        ),
      { timeout: 10_000, message: "VS Code's read-only message" },
    );
    await wb.screenshot('venv-read-only');
    assert.equal(await wb.editorText(), before);
    assert.equal(await wb.page.locator('.editor-group-container.active .tab.active.dirty').count(), 0);
    const rows = await wb.problems();
    assert.ok(rows.some((p) => p.code === 'RL039'));
    assert.deepEqual(fromEnvironment(rows), []);
  });
});
