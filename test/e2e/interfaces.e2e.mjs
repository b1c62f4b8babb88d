// Interface-first cursus (2.x) in real VS Code: the packaged .vsix in code-server with
// a copy of examples/interface-workspace open in headless Chromium. The Problems panel lists the example's
// problems in `*.step.yaml` files never opened, and hovering a step name in `compatible_sources`
// shows the step it resolves to. Every wait polls a condition; screenshots go to test-results/e2e/.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, missingProblems } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const XGB_EVAL = 'src/cursus/steps/interfaces/xgb_eval.step.yaml';

describe('Registry Lens on an interface-first cursus workspace (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  const s = onExample('interface-workspace', { label: 'interfaces' });
  let wb;

  it('the Problems panel lists the interface problems of EXPECTED.json, in files never opened', async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    await wb.openProblems();
    await wb.maximizePanel(true);
    // VS Code's Problems panel does not list hints
    const expected = JSON.parse(fs.readFileSync(path.join(s.root, 'EXPECTED.json'), 'utf8')).filter(
      (e) => e.severity !== 'hint',
    );
    const missing = (rows) => missingProblems(expected, rows);
    const rows = await wb
      .waitForProblems((rs) => missing(rs).length === 0, {
        timeout: 60_000,
        message: 'every expected problem in the Problems panel',
      })
      .catch(async (e) => {
        throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`);
      });
    assert.deepEqual(await wb.tabTitles(), [], 'the problems came without opening a file');
    assert.ok(
      rows.some(
        (r) =>
          r.code === 'RL018' && /XGBoostTrainng/.test(r.message) && /Did you mean 'XGBoostTraining'/.test(r.message),
      ),
    );
    assert.ok(
      !rows.some((r) => r.code === 'RL004' || r.code === 'RL005'),
      'no override of a missing step, no missing builder: builders are synthesized',
    );
    await wb.parkMouse();
    await wb.screenshot('interfaces-01-problems-panel');
    await wb.maximizePanel(false);
  });

  it('hovering a step name in compatible_sources of a .step.yaml shows the step it resolves to', async () => {
    await wb.quickOpen(XGB_EVAL);
    await wb.focusEditor();
    const lines = fs.readFileSync(path.join(s.root, XGB_EVAL), 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes('compatible_sources: [XGBoostTraining]'));
    assert.ok(i >= 0);
    await wb.gotoLine(i + 1, lines[i].indexOf('XGBoostTraining') + 3);
    const text = await wb.hover({ match: /resolved in context/ });
    assert.match(text, /^XGBoostTraining · core — resolved in context core \(isolated\)/);
    assert.match(text, /xgboost_training\.step\.yaml/);
    await wb.parkMouse();
    await wb.screenshot('interfaces-02-hover-compatible-source');
    await wb.closeHover();
  });
});
