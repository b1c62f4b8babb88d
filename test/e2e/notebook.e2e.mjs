// A Jupyter notebook in real VS Code (the packaged .vsix in code-server, headless Chromium, VS Code's built-in
// notebook serializer, no kernel) on a copy of examples/cursus-pipelines: opened, its DAG's misspelt node is
// underlined in its cell and listed in Problems at its place in the cell (no longer in the file's JSON), hover there
// names the node, and an unsaved typo typed in a cell shows in Problems.
// Every wait polls a condition; screenshots go to test-results/e2e/ (notebook-*.png).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import { onExample } from './suite.mjs';

const NOTEBOOK = 'projects/fraud/fraud_pipeline.ipynb';
const TYPO = 'TabularPreprocesing_training';
/** The cells' editors (the notebook editor lies over the editor group, not in it). */
const CELLS = '.notebook-editor .cell-editor-container';

/** Opens `rel` with Quick Open, as a person does; resolves once its notebook editor shows a cell holding `shows`. */
async function openNotebook(wb, rel, shows) {
  await wb.press('Control+P');
  const input = wb.page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(rel);
  await waitFor(async () => (await wb.quickPickRows())[0]?.label === path.basename(rel), {
    timeout: 20_000,
    message: `quick open result for ${rel}`,
  });
  await wb.press('Enter');
  await wb.page
    .locator(`${CELLS} .view-line`, { hasText: shows })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
}

/** Hovers the mouse over the first token of a cell holding `text`; resolves with the hover's text once it matches. */
async function hoverCell(wb, text, match) {
  const token = wb.page.locator(`${CELLS} .view-line span span`, { hasText: text }).first();
  const shown = () =>
    wb.page.$$eval('.monaco-hover:not(.hidden) .monaco-hover-content', (els) =>
      els
        .filter((e) => e.offsetParent !== null)
        .map((e) => e.innerText.trim())
        .join('\n'),
    );
  // a hover that never shows (the mouse arrived while the cell was laid out) is asked for again, the mouse moved away
  return waitFor(
    async () => {
      const now = await shown();
      if (match.test(now)) return now;
      await wb.page.mouse.move(1, 1);
      await token.hover();
      return null;
    },
    { timeout: 30_000, interval: 2_000, message: `a hover matching ${match}` },
  );
}

describe('Jupyter notebooks: a DAG built in cells, served from the open notebook (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(180_000);
  const s = onExample('cursus-pipelines', { label: 'notebook' });
  let wb;
  const typoRows = (rows) => rows.filter((r) => r.code === 'RL039' && r.message.includes(TYPO));

  it("an open notebook's misspelt node is underlined in its cell, listed at its place in the cell, and hovered there", async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    // only RL039 rows (the suite's): the example's other problems would push them out of the panel's view
    await wb.filterProblems('RL039');
    // from disk: the .ipynb file's JSON, where the node's string is on line 29
    await wb.waitForProblems((rows) => typoRows(rows).some((r) => r.line === 29), {
      timeout: 60_000,
      message: 'RL039 of the notebook on disk',
    });
    await openNotebook(wb, NOTEBOOK, TYPO);
    const cellEditors = wb.page.locator(CELLS);
    // open: in its cell (the third: `dag.add_node("TabularPreprocesing_training")` on its line 5, column 14)
    const rows = await wb.waitForProblems((r) => typoRows(r).some((x) => x.line === 5 && x.column === 14), {
      timeout: 60_000,
      message: 'RL039 at its place in the cell',
    });
    assert.deepEqual(
      typoRows(rows).map((r) => [r.line, r.column]),
      [[5, 14]],
      "the file's own entry is gone while the notebook is open",
    );
    const squiggle = await waitFor(
      () =>
        wb.page.evaluate((sel) => {
          const cells = [...document.querySelectorAll(sel)];
          return cells.findIndex((c) => c.querySelector('.squiggly-error') !== null) + 1;
        }, CELLS),
      { timeout: 30_000, message: 'an error underlined in a cell' },
    );
    const underlined = await cellEditors.nth(squiggle - 1).innerText();
    assert.match(underlined, new RegExp(`add_node\\("${TYPO}"\\)`));
    const hover = await hoverCell(wb, TYPO, /DAG node/);
    assert.match(hover, new RegExp(`DAG node ${TYPO}`));
    await wb.parkMouse();
    await wb.screenshot('notebook-01-cell-problem');
  });

  it('an unsaved typo typed in a cell shows in Problems; the file on disk is unchanged', async () => {
    const before = fs.readFileSync(path.join(s.root, NOTEBOOK), 'utf8');
    // the third cell's last line: `dag.add_node("XGBoostTraining")` → `"XGBoostTrainingX"`, not saved
    const line = wb.page.locator(`${CELLS} .view-line`, { hasText: 'add_node("XGBoostTraining")' });
    await line.click();
    await wb.press('End', 'ArrowLeft', 'ArrowLeft', 'X');
    await wb.waitForProblems((rows) => rows.some((r) => r.code === 'RL039' && /XGBoostTrainingX/.test(r.message)), {
      timeout: 30_000,
      message: 'RL039 on the unsaved node',
    });
    assert.equal(fs.readFileSync(path.join(s.root, NOTEBOOK), 'utf8'), before, 'the file on disk is unchanged');
    await wb.parkMouse();
    await wb.screenshot('notebook-02-unsaved-cell');
  });
});
