// ONEX node contracts in real VS Code: the packaged .vsix in code-server opens a copy of
// examples/onex-contracts (an omnibase_infra-style repository: `onex.nodes` entry points in pyproject.toml,
// a flat contract.yaml per node). The Problems panel lists EXPECTED.json's problems, and nothing else,
// without opening a file; pyproject.toml is a TOML document with no TOML extension installed; the hover on
// an entry point and on a contract's handler says what the node and the class resolve to; F12 goes from
// the entry point to its contract and from a handler or model reference to its Python class; Ctrl+Space
// on node_type offers the values ContractLinter accepts; Go to Symbol lists the entry points and the
// contract's references and topics; Explain Resolution on a node opens the entry point → package →
// contract → handlers chain; the Step Graph draws the topic flow, and a click on a node opens its entry
// point. Screenshots: test-results/e2e/onexc-*.png.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, waitFor, missingProblems } from '../../scripts/e2e/code-server.mjs';
import { EXTENSION_ID, VERSION, definitionAt, onExample, webviewFrame } from './suite.mjs';

const PY = 'pyproject.toml';
const ALPHA = 'src/demo_infra/nodes/node_alpha_effect';
const CONTRACT = `${ALPHA}/contract.yaml`;
const HANDLER_PY = `${ALPHA}/handlers/handler_alpha.py`;
const MODEL_PY = `${ALPHA}/models/model_alpha.py`;
const HANDLER_MOD = 'demo_infra.nodes.node_alpha_effect.handlers.handler_alpha';
const MODEL_MOD = 'demo_infra.nodes.node_alpha_effect.models.model_alpha';
/** `s` as a RegExp source that matches it literally (a dotted name, a path). */
const lit = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ONEX node contracts in VS Code (code-server + Chromium, packaged .vsix)', function () {
  this.timeout(120_000);
  const s = onExample('onex-contracts', { label: 'onexc' });
  let wb;

  /** 1-based line of the first line of `rel` matching `re`. */
  const lineOf = (rel, re) =>
    fs
      .readFileSync(path.join(s.root, rel), 'utf8')
      .split('\n')
      .findIndex((l) => re.test(l)) + 1;
  /** Open `rel` and put the cursor at `line`:`column` (1-based). */
  const cursorAt = async (rel, line, column) => {
    await wb.quickOpen(rel);
    await wb.focusEditor();
    await wb.gotoLine(line, column);
  };

  it("the Problems panel lists the example's problems, in files never opened, and nothing else", async () => {
    // tall enough that the maximised Problems panel shows every row of the example's (the list is virtualised)
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root, viewport: { width: 1400, height: 1400 } });
    await wb.openProblems();
    await wb.maximizePanel(true);
    const expected = JSON.parse(fs.readFileSync(path.join(s.root, 'EXPECTED.json'), 'utf8')).filter(
      (e) => e.severity !== 'hint',
    );
    const missing = (rows) => missingProblems(expected, rows);
    const all = { timeout: 60_000, message: 'every expected ONEX contract problem' };
    await wb
      .waitForProblems((rs) => missing(rs).length === 0, all)
      .catch(async (e) => {
        throw new Error(`${e.message}\nmissing: ${JSON.stringify(missing(await wb.problems()))}`);
      });
    const rows = await wb.problems();
    const listed = (r) => expected.some((e) => r.path === e.file && r.code === e.code && r.line === e.line + 1);
    const extra = rows.filter((r) => (r.severity === 'error' || r.severity === 'warning') && !listed(r));
    assert.deepEqual(
      extra.map((r) => `${r.path}:${r.line} ${r.code} ${r.message}`),
      [],
      'nothing else at error or warning level',
    );
    assert.deepEqual(await wb.tabTitles(), [], 'no file was opened');
    // each diagnostic names the validator that objects, as the real tool prints it
    assert.match(
      rows.find((r) => r.code === 'RL051')?.message ?? '',
      /^ContractLinter \[CONTRACT-003\]: Invalid node_type 'COMPUTE'\..*Did you mean 'COMPUTE_GENERIC'\?/,
    );
    await wb.parkMouse();
    await wb.screenshot('onexc-01-problems');
    await wb.maximizePanel(false);
  });

  it('hovering an entry point in pyproject.toml shows the node; hovering a handler reference, its class', async () => {
    await cursorAt(PY, lineOf(PY, /^node_alpha_effect = /), 3);
    // VS Code ships no TOML language: the extension declares it for pyproject.toml, so the server gets the file
    const modeItem = wb.page.locator('[id="status.editor.mode"]').first();
    const mode = () =>
      modeItem.textContent({ timeout: 1_000 }).then(
        (t) => t?.trim(),
        () => null,
      );
    await waitFor(async () => (await mode()) === 'TOML', { timeout: 10_000, message: 'the language mode TOML' }).catch(
      async (e) => {
        throw new Error(`${e.message}; it is ${await mode()}`);
      },
    );
    const node = await wb.hover({ match: /ONEX node/ });
    assert.match(node, /node_alpha_effect — ONEX node · EFFECT_GENERIC/);
    assert.match(node, /Entry point node_alpha_effect = "demo_infra\.nodes\.node_alpha_effect"/);
    assert.match(node, new RegExp(lit(`Contract ${CONTRACT} (the package's __path__ (strategy 2))`)));
    // the example's top-level subscribe_topics: auto-wiring never reads it (RL101), ContractLinter objects to the field
    assert.match(node, /auto-wiring discovery: 1 objection/);
    assert.match(node, /ContractLinter: 2 objections/);
    assert.match(node, /compliance scan node \(not run here\): 3 objections/);
    await wb.parkMouse();
    await wb.screenshot('onexc-02-hover-entry-point');
    await wb.closeHover();

    await cursorAt(CONTRACT, lineOf(CONTRACT, /name: "HandlerAlpha"/), 17);
    const handler = await wb.hover({ match: /HandlerAlpha/ });
    assert.match(handler, new RegExp(lit(`HandlerAlpha — handler_routing.handlers[0].handler · ${HANDLER_MOD}`)));
    assert.match(handler, new RegExp(`defined in ${lit(HANDLER_PY)}`));
    await wb.parkMouse();
    await wb.screenshot('onexc-03-hover-handler');
    await wb.closeHover();
  });

  it('F12: entry point → contract, a handler or input_model reference → its class', async () => {
    const f12To = (tab, line, column) => definitionAt(wb, tab, line, column);
    await cursorAt(PY, lineOf(PY, /^node_alpha_effect = /), 3);
    await f12To('contract.yaml', 1, 7); // on the contract's name
    const crumbs = await waitFor(
      async () => {
        const c = await wb.breadcrumbs();
        return c.includes('node_alpha_effect') && c;
      },
      { timeout: 10_000, message: "the breadcrumbs of node_alpha_effect's contract" },
    );
    assert.ok(crumbs.includes('contract.yaml'), crumbs.join(' › '));

    await wb.gotoLine(lineOf(CONTRACT, /name: "HandlerAlpha"/), 17);
    await f12To('handler_alpha.py', lineOf(HANDLER_PY, /^class HandlerAlpha\b/), 1);

    await cursorAt(CONTRACT, lineOf(CONTRACT, /name: "ModelAlphaRequest"/), 12);
    await f12To('model_alpha.py', lineOf(MODEL_PY, /^class ModelAlphaRequest\b/), 1);
    await wb.parkMouse();
    await wb.screenshot('onexc-04-definition-model');
  });

  it('Ctrl+Space in node_type offers the node types ContractLinter accepts', async () => {
    // right after the opening quote of `node_type: "EFFECT_GENERIC"`: nothing typed yet
    await cursorAt(CONTRACT, lineOf(CONTRACT, /^node_type: /), 13);
    const labels = await wb.suggestions();
    assert.deepEqual(labels, ['COMPUTE_GENERIC', 'EFFECT_GENERIC', 'ORCHESTRATOR_GENERIC', 'REDUCER_GENERIC']);
    await wb.parkMouse();
    await wb.screenshot('onexc-05-completion-node-type');
    await wb.press('Escape');
  });

  it("Go to Symbol in Editor lists the contract's node, references, topics; pyproject's entry points", async () => {
    const symbols = async (rel, n) => {
      await wb.quickOpen(rel);
      await wb.focusEditor();
      await wb.press('Control+Shift+O');
      return waitFor(
        async () => {
          const rs = await wb.quickPickRows();
          return rs.length >= n && rs.map((r) => r.label);
        },
        { timeout: 15_000, message: `${n} symbols of ${rel}` },
      );
    };
    assert.deepEqual(await symbols(CONTRACT, 6), [
      'node_alpha_effect',
      'ModelAlphaRequest',
      'ModelAlphaResult',
      'onex.evt.demo.alpha-done.v1',
      'onex.evt.demo.alpha-requested.v1',
      'HandlerAlpha',
    ]);
    await wb.parkMouse();
    await wb.screenshot('onexc-06-symbols-contract');
    await wb.press('Escape');
    assert.deepEqual(await symbols(PY, 7), [
      'node_alpha_effect',
      'node_beta_compute',
      'node_gamma_reducer',
      'node_missing_effect',
      'node_delta_orchestrator',
      'node_flat_effect',
      'node_epsilon_effect',
    ]);
    await wb.press('Escape');
  });

  it('Explain Resolution on a node opens its entry point → package → contract → handlers chain', async () => {
    // the panel hidden (Ctrl+J), so that the whole chain is in view
    const panel = wb.page.locator('.part.panel');
    if (await panel.isVisible()) await wb.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: 10_000 });
    await cursorAt(CONTRACT, 1, 10);
    const cli = path.join(s.server.profile.extensionsDir, `${EXTENSION_ID}-${VERSION}`, 'dist', 'cli.js');
    const args = [cli, 'explain', 'node_alpha_effect', '--root', s.root];
    const printed = execFileSync(process.execPath, args, { encoding: 'utf8' });
    await wb.runCommand('Registry Lens: Explain Resolution');
    const doc = await waitFor(
      async () => {
        const text = (await wb.activeTabTitle()) === 'Explain node_alpha_effect (core)' && (await wb.editorText());
        if (typeof text !== 'string') return null;
        return (
          text.startsWith('Explain Resolution: node_alpha_effect') && text.includes('Handlers and models:') && text
        );
      },
      { timeout: 20_000, message: 'the explain document of node_alpha_effect' },
    );
    const lines = (t) => t.split('\n').map((l) => l.trimEnd());
    const shown = lines(doc);
    assert.deepEqual(
      shown,
      lines(printed).slice(0, shown.length),
      'the explain document shows what `registry-lens explain` prints',
    );
    const chain = [
      `node_alpha_effect → ${lit(CONTRACT)}`,
      'Entry point:\n +node_alpha_effect +demo_infra\\.nodes\\.node_alpha_effect +pyproject\\.toml:6:1',
      `Package:\n +package +${lit(`${ALPHA}/__init__.py`)}`,
      `Contract:\n +the package's __path__ \\(strategy 2\\) +${lit(CONTRACT)}`,
      `Handlers and models:\n +input_model +${lit(`${MODEL_MOD}:ModelAlphaRequest — ${MODEL_PY}`)}`,
      `${lit('handler_routing.handlers[0].handler')} +${lit(`${HANDLER_MOD}:HandlerAlpha — ${HANDLER_PY}`)}`,
    ];
    for (const re of chain) assert.match(doc, new RegExp(re));
    await wb.parkMouse();
    await wb.screenshot('onexc-07-explain');
  });

  it('Show Step Graph draws the topic flow (alpha → beta); a click on a node opens its entry point', async () => {
    await wb.quickOpen(CONTRACT);
    await wb.runCommand('Registry Lens: Show Step Graph');
    const frame = await webviewFrame(wb);
    const graph = await waitFor(
      () =>
        frame.evaluate(() => {
          const ids = (sel) => [...document.querySelectorAll(sel)].map((g) => g.getAttribute('data-id')).sort();
          const edges = [...document.querySelectorAll('path.edge:not(.key *)')].map((p) => ({
            cls: p.getAttribute('class'),
            tip: p.querySelector('title')?.textContent,
          }));
          const title = document.querySelector('h1')?.textContent;
          return edges.length > 0 && { title, connected: ids('g.node:not(.loose)'), loose: ids('g.node.loose'), edges };
        }),
      { timeout: 20_000, message: 'the step graph with the topic edge' },
    );
    assert.equal(graph.title, 'Step graph of core');
    assert.deepEqual(graph.connected, ['node_alpha_effect', 'node_beta_compute']);
    assert.deepEqual(graph.edges, [
      { cls: 'edge flow', tip: 'node_alpha_effect → node_beta_compute (data flow): onex.evt.demo.alpha-done.v1' },
    ]);
    assert.deepEqual(graph.loose, [
      'node_delta_orchestrator',
      'node_epsilon_effect',
      'node_flat_effect',
      'node_gamma_reducer',
      'node_missing_effect',
      'node_orphan_compute',
    ]);
    await wb.parkMouse();
    await wb.screenshot('onexc-08-step-graph');
    // a node of the flow opens where `list` places it: its entry point
    await frame.locator('g.node.clickable[data-id="node_alpha_effect"]').click();
    await waitFor(async () => (await wb.activeTabTitle()) === PY, {
      timeout: 15_000,
      message: 'node_alpha_effect opened from the graph',
    });
    const line = lineOf(PY, /^node_alpha_effect = /);
    await waitFor(async () => (await wb.cursorPosition())?.line === line, {
      timeout: 10_000,
      message: `cursor on line ${line}`,
    });
  });
});
