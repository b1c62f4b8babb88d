// Interface-first cursus (2.x) in real VS Code: the packaged .vsix in code-server with
// examples/interface-workspace open in headless Chromium. The Problems panel lists the example's
// problems in `*.step.yaml` files never opened, and hovering a step name in `compatible_sources`
// shows the step it resolves to. Every wait polls a condition; screenshots go to test-results/e2e/.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, RESULTS_DIR, launchBrowser, openWorkbench, startCodeServer, missingProblems } from '../../scripts/e2e/code-server.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const VSIX = process.env.E2E_VSIX || path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'interface-workspace');
const XGB_EVAL = 'src/cursus/steps/interfaces/xgb_eval.step.yaml';

describe('Registry Lens on an interface-first cursus workspace (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  let server;
  let browser;
  let wb;

  before(async function () {
    this.timeout(240_000);
    assert.ok(fs.existsSync(VSIX), `${VSIX} missing: run \`npm run package\``);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    server = await startCodeServer({ extensions: [VSIX] });
    browser = await launchBrowser();
  });

  after(async function () {
    this.timeout(60_000);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) {
      await wb.screenshot(`FAILED-interfaces-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`).catch(() => {});
      if (server) console.log(`--- code-server log (tail) ---\n${server.readLog().slice(-3000)}`);
    }
  });

  it('the Problems panel lists the interface problems of EXPECTED.json, in files never opened', async () => {
    wb = await openWorkbench(browser, server, { folder: EXAMPLE });
    await wb.openProblems();
    await wb.maximizePanel(true);
    // VS Code's Problems panel does not list hints
    const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'EXPECTED.json'), 'utf8')).filter((e) => e.severity !== 'hint');
    const missing = (rows) => missingProblems(expected, rows);
    const rows = await wb.waitForProblems((rs) => missing(rs).length === 0, { timeout: 60_000, message: 'every expected problem in the Problems panel' })
      .catch(async (e) => { throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`); });
    assert.deepEqual(await wb.tabTitles(), [], 'the problems came without opening a file');
    assert.ok(rows.some((r) => r.code === 'RL018' && /XGBoostTrainng/.test(r.message) && /Did you mean 'XGBoostTraining'/.test(r.message)));
    assert.ok(!rows.some((r) => r.code === 'RL004' || r.code === 'RL005'), 'no override of a missing step, no missing builder: builders are synthesized');
    await wb.parkMouse();
    await wb.screenshot('interfaces-01-problems-panel');
    await wb.maximizePanel(false);
  });

  it('hovering a step name in compatible_sources of a .step.yaml shows the step it resolves to', async () => {
    await wb.quickOpen(XGB_EVAL);
    await wb.focusEditor();
    const lines = fs.readFileSync(path.join(EXAMPLE, XGB_EVAL), 'utf8').split('\n');
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
