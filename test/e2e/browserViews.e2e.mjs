// The views of Registry Lens as a web extension (vscode.dev, github.dev): the packaged .vsix in code-server + Chromium,
// run in VS Code's web worker extension host (`remote.extensionKind` `web`, verified in the Running Extensions
// editor), on a copy of examples/demo-workspace. A person sees the Registries view filled, opens the Registry Overview
// and the Step Graph (of the core registry, then of a developer workspace's registry: what the desktop's suite finds
// on the same example, test/e2e/newcomer.e2e.mjs), and the walkthrough, whose graph step opens the graph.
// Every wait polls a condition; screenshots go to test-results/e2e/ (browser-views-*.png).
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { WEB_WORKER_SETTINGS, openWorkbench, waitFor } from '../../scripts/e2e/code-server.mjs';
import {
  EXTENSION_ID,
  activeTab,
  graphFromWalkthrough,
  onExample,
  openWalkthrough,
  runningRow,
  showRegistries,
  webviewFrame,
} from './suite.mjs';

const CORE = 'src/cursus/registry/step_names.py';
const ALICE = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';

/** The Registries view's rows: label and description. */
const registryRows = (wb) =>
  wb.page.$$eval('.pane .monaco-list-row', (rows) =>
    rows.map((r) => ({
      label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
    })),
  );

/** The step graph the webview draws: its title, nodes and edges, once it has nodes. */
const drawnGraph = (frame, title) =>
  waitFor(
    () =>
      frame.evaluate(() => {
        const nodes = document.querySelectorAll('g.node:not(.loose)').length;
        const edges = document.querySelectorAll('path.edge:not(.key *)').length;
        return nodes > 0 && { title: document.querySelector('h1')?.textContent, nodes, edges };
      }),
    { timeout: 30_000, message: `the ${title}` },
  );

describe('Registry Lens in the browser: the Registries view, the Registry Overview, the Step Graph and the walkthrough from the web worker (code-server + Chromium)', function () {
  this.timeout(180_000);
  const s = onExample('demo-workspace', {
    label: 'browser-views',
    settings: WEB_WORKER_SETTINGS,
  });
  let wb;

  it('the Registries view lists the core registry, each workspace with its steps, and the conflicts', async () => {
    wb = s.wb = await openWorkbench(s.browser, s.server, { folder: s.root });
    await showRegistries(wb, path.basename(s.root));
    const rows = await waitFor(
      async () => {
        const r = await registryRows(wb);
        const alice = r.find((x) => x.label === 'workspace: alice_ml');
        return alice && /^\d+ steps?/.test(alice.description) && r.some((x) => x.label === 'Conflicts') && r;
      },
      { timeout: 120_000, message: 'the Registries view filled' },
    );
    const labels = rows.map((r) => r.label);
    for (const label of ['core', 'workspace: alice_ml', 'workspace: bob_nlp', 'workspace: carol_vision', 'Conflicts'])
      assert.ok(labels.includes(label), `${label} in ${JSON.stringify(labels)}`);
    await wb.parkMouse();
    await wb.screenshot('browser-views-registries');
    const row = await runningRow(wb, 'Registry Lens');
    assert.match(row, /web worker/, `Registry Lens runs in the web worker extension host: ${row}`);
    assert.ok(
      !s.server.exthostLog().includes(`_doActivateExtension ${EXTENSION_ID},`),
      'the Node extension host never activated it',
    );
  });

  it('Show Registry Overview shows the registries and the conflicts in its webview', async () => {
    await wb.runCommand('Registry Lens: Show Registry Overview');
    const frame = await webviewFrame(wb);
    const shown = await waitFor(
      () =>
        frame.evaluate(() => {
          const table = document.querySelector('section.overview table.contexts');
          const rows = [...(table?.querySelectorAll('tr') ?? [])].slice(1).map((r) => r.textContent ?? '');
          const conflicts = document.querySelectorAll('ul.conflicts li').length;
          return rows.length > 0 && conflicts > 0 && { heading: document.querySelector('h1')?.textContent, rows };
        }),
      { timeout: 30_000, message: 'the overview of the demo' },
    );
    assert.equal(shown.heading, path.basename(s.root));
    for (const id of ['alice_ml', 'bob_nlp', 'carol_vision'])
      assert.ok(
        shown.rows.some((r) => r.includes(id)),
        `${id} in ${JSON.stringify(shown.rows)}`,
      );
    assert.match(await activeTab(wb), /Registry Overview/);
    await wb.parkMouse();
    await wb.screenshot('browser-views-overview');
  });

  it("Show Step Graph draws the core registry's graph, then a workspace registry's, as on the desktop", async () => {
    await wb.quickOpen(CORE);
    await wb.runCommand('Registry Lens: Show Step Graph');
    const core = await drawnGraph(await webviewFrame(wb), 'step graph of core');
    assert.deepEqual(core, { title: 'Step graph of core', nodes: 12, edges: 14 });
    await waitFor(async () => /Step Graph \(core\)/.test(await activeTab(wb)), { message: 'the Step Graph tab' });
    await wb.parkMouse();
    await wb.screenshot('browser-views-graph-core');

    await wb.quickOpen(ALICE);
    await wb.runCommand('Registry Lens: Show Step Graph');
    const frame = await webviewFrame(wb);
    const alice = await waitFor(
      async () => {
        const g = await drawnGraph(frame, 'step graph of alice_ml');
        return g.title === 'Step graph of alice_ml' && g;
      },
      { timeout: 30_000, message: 'the step graph of alice_ml' },
    );
    assert.deepEqual(alice, { title: 'Step graph of alice_ml', nodes: 15, edges: 18 });
    await wb.parkMouse();
    await wb.screenshot('browser-views-graph-alice_ml');
  });

  it('the walkthrough opens from Welcome: Open Walkthrough…, and its graph step opens the Step Graph', async () => {
    const { page, text } = await openWalkthrough(wb);
    for (const title of ['Open a folder with a registry', 'See the problems', 'Hover a step name'])
      assert.ok(text.includes(title), title);
    await wb.parkMouse();
    await wb.screenshot('browser-views-walkthrough');
    await graphFromWalkthrough(wb, page);
    await drawnGraph(await webviewFrame(wb), 'step graph from the walkthrough');
    await wb.screenshot('browser-views-walkthrough-graph');
  });
});
