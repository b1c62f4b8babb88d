// The framework as the project has it installed, in real VS Code (the packaged .vsix in code-server, headless
// Chromium) on a copy of examples/cursus-project with the `.venv` its script makes: the DAG is judged against the
// installed cursus (its misspelt node found), F12 on a DAG node opens the installed interface file where it lies, in
// `.venv`, and the Problems panel never shows a file of the environment, even with one open.
// Every wait polls a condition; screenshots go to test-results/e2e/ (venv-*.png).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openWorkbench } from '../../scripts/e2e/code-server.mjs';
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

  it('F12 on a DAG node opens the installed interface file, and still nothing from .venv is shown', async () => {
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
    const rows = await wb.problems();
    assert.ok(rows.some((p) => p.code === 'RL039'));
    assert.deepEqual(fromEnvironment(rows), []);
  });
});
