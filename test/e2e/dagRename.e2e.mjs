// Pipeline DAG files in real VS Code (the packaged .vsix in code-server, headless Chromium) on a copy of
// examples/cursus-pipelines: a step renamed with F2 in its interface file renames the step part of every
// DAG node naming it, in DAG files never opened (saved with Save All, read back from disk), and Show Step
// Graph on a DAG file draws that DAG: its nodes (unresolved ones marked) and edges, titled with the file;
// an open DAG is served from the editor's text (hover, Problems).
// Every wait polls a condition; screenshots go to test-results/e2e/ (dag-*.png).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import { onExample, webviewFrame } from './suite.mjs';

const CRADLE = 'src/cursus/steps/interfaces/cradle_data_loading.step.yaml';
const FRAUD = 'projects/fraud/fraud_e2e.dag.json';
const SHARED = 'src/cursus/pipeline_catalog/shared_dags/xgboost/training.dag.json';
/** `"version": "2.0"`: cursus cannot load it (RL035), so none of its names is a node. */
const LEGACY = 'projects/fraud/legacy.dag.json';

describe('Pipeline DAG files: rename a step with F2, the Step Graph of a DAG (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(180_000);
  const s = onExample('cursus-pipelines', { label: 'dag' });
  let wb;
  const read = (rel) => fs.readFileSync(path.join(s.root, rel), 'utf8');
  const count = (text, word) => text.split(word).length - 1;

  it('F2 on a step in its interface file renames the DAG nodes naming it, in files never opened', async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    // only RL039 rows (the suite's): the example's other problems would push them out of the panel's view
    await wb.filterProblems('RL039');
    await wb.waitForProblems((rows) => rows.some((r) => r.code === 'RL039' && /XGBoostTrainng/.test(r.message)), {
      timeout: 60_000,
      message: 'the DAGs analysed (RL039 in fraud_e2e.dag.json)',
    });
    const before = { fraud: read(FRAUD), shared: read(SHARED), legacy: read(LEGACY) };
    assert.equal(count(before.fraud, 'CradleDataLoading_training'), 2);
    assert.equal(count(before.shared, 'CradleDataLoading_training'), 2);
    await wb.quickOpen(CRADLE);
    await wb.focusEditor();
    await wb.gotoLine(1, 'step_type: '.length + 4);
    assert.equal(await wb.rename('CradleLoad'), 'CradleDataLoading');
    await waitFor(async () => (await wb.editorText()).includes('step_type: CradleLoad\n'), {
      timeout: 15_000,
      message: 'the interface renamed',
    });
    await wb.runCommand('Save All', { id: 'workbench.action.files.saveAll' });
    const after = await waitFor(
      () => {
        const now = { fraud: read(FRAUD), shared: read(SHARED), legacy: read(LEGACY), iface: read(CRADLE) };
        return (
          now.fraud !== before.fraud &&
          now.shared !== before.shared &&
          now.iface.startsWith('step_type: CradleLoad\n') &&
          now
        );
      },
      { timeout: 20_000, message: 'the renamed DAGs and interface saved to disk' },
    );
    // the step part of each node name, in nodes and edges alike; everything else as it was
    assert.equal(after.fraud, before.fraud.replaceAll('CradleDataLoading_training', 'CradleLoad_training'));
    assert.equal(after.shared, before.shared.replaceAll('CradleDataLoading_training', 'CradleLoad_training'));
    assert.equal(after.legacy, before.legacy, 'a DAG cursus cannot load has no nodes to rename');
    await wb.quickOpen(FRAUD);
    await waitFor(async () => (await wb.editorText()).includes('"CradleLoad_training"'), {
      timeout: 15_000,
      message: 'the DAG shown renamed',
    });
    await wb.parkMouse();
    await wb.screenshot('dag-01-renamed-dag');
  });

  it('Show Step Graph on a DAG file draws that DAG: its nodes, unresolved ones marked, and its edges', async () => {
    await wb.quickOpen(FRAUD);
    await wb.runCommand('Registry Lens: Show Step Graph');
    const frame = await webviewFrame(wb);
    const shown = await waitFor(
      () =>
        frame.evaluate(() => {
          const title = document.querySelector('section.graph h1')?.textContent ?? '';
          const ids = (sel) => [...document.querySelectorAll(sel)].map((g) => g.getAttribute('data-id')).sort();
          const edges = [...document.querySelectorAll('path.edge:not(.key *)')].map(
            (p) => `${p.dataset.from} -> ${p.dataset.to}${p.classList.contains('cycle') ? ' (cycle)' : ''}`,
          );
          return (
            title.startsWith('Pipeline DAG') &&
            ids('g.node').includes('CradleLoad_training') && {
              title,
              nodes: ids('g.node'),
              unresolved: ids('g.node.unresolved'),
              edges: edges.sort(),
            }
          );
        }),
      { timeout: 30_000, message: 'the graph of fraud_e2e.dag.json, after the rename' },
    );
    assert.deepEqual(shown, {
      title: `Pipeline DAG ${FRAUD}`,
      nodes: [
        'CradleLoad_training',
        'HyperparameterPrep',
        'ModelCalibration_calibration',
        'Registration',
        'TabularPreprocesing_calibration',
        'TabularPreprocessing_training',
        'TabularPreprocessing_validation',
        'XGBoostModelEval_calibration',
        'XGBoostTrainng',
      ],
      unresolved: ['TabularPreprocesing_calibration', 'XGBoostTrainng'],
      edges: [
        'CradleLoad_training -> TabularPreprocessing_training',
        'HyperparameterPrep -> XGBoostTrainng',
        'ModelCalibration_calibration -> Registration',
        'ModelCalibration_calibration -> XGBoostModelEval_calibration (cycle)',
        'TabularPreprocessing_training -> TabularPreprocesing_calibration',
        'TabularPreprocessing_training -> XGBoostTrainng',
        'XGBoostModelEval_calibration -> ModelCalibration_calibration (cycle)',
        'XGBoostTrainng -> XGBoostModelEval_calibration',
      ],
    });
    const tab = await waitFor(
      () =>
        wb.page.evaluate(
          () =>
            document
              .querySelector('.editor-group-container.active .tabs-container .tab.active')
              ?.getAttribute('aria-label') ?? '',
        ),
      { timeout: 10_000, message: 'the graph tab' },
    );
    assert.match(tab, /Step Graph \(fraud_e2e\.dag\.json\)/);
    // a resolved node names its step; clicking it opens the step's interface
    const tip = await frame.evaluate(
      () => document.querySelector('g.node[data-id="CradleLoad_training"] title')?.textContent,
    );
    assert.equal(tip, 'CradleLoad_training → CradleLoad (core)');
    await wb.parkMouse();
    await wb.screenshot('dag-02-graph-of-dag');
    await frame.locator('g.node[data-id="CradleLoad_training"]').click();
    await waitFor(async () => (await wb.activeTabTitle()) === 'cradle_data_loading.step.yaml', {
      timeout: 15_000,
      message: "the step's interface opened",
    });
  });

  it("an open DAG is served as typed: hover names a node's step, an unsaved typo shows in Problems", async () => {
    await wb.quickOpen(FRAUD);
    await wb.focusEditor();
    await wb.gotoLine(5, 12); // inside "CradleLoad_training"
    const hover = await wb.hover({ match: /CradleLoad/ });
    assert.match(hover, /step CradleLoad/);
    assert.match(hover, /job type training/);
    await wb.closeHover();
    // "Registration" → "Registraton", not saved: the server reads the editor's text, not the file
    await wb.gotoLine(11, 17);
    await wb.press('Delete');
    await wb.openProblems();
    await wb.waitForProblems((rows) => rows.some((r) => r.code === 'RL039' && /Registraton/.test(r.message)), {
      timeout: 30_000,
      message: 'RL039 on the unsaved node',
    });
    assert.ok(read(FRAUD).includes('"Registration"'), 'the file on disk is unchanged');
    await wb.parkMouse();
    await wb.screenshot('dag-03-unsaved-dag');
  });
});
