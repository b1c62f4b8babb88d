// A burst of deleted `*_meta.yaml` companions, as an editor's watcher reports it (one event first, the rest in a
// later notification, the editor's debounce): every deletion reaches the step graph, of core and of a developer
// workspace, and the companions written back bring the edges back.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import type { GraphView } from '../../server/src/lsp/protocol';
import { parseFixture } from '../engine/fixture';
import { TestClient } from './client';

const DEV = 'developer_workspaces/developers';
const CORE = 'src/cursus/registry/step_names.py';
const ALICE = `${DEV}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const B = 'src/cursus/steps/builders';
const AB = `${DEV}/alice_ml/src/cursus_dev/steps/builders`;
const STEPS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const step = (name: string): string =>
  `    "${name}": {"builder_step_name": "${name}StepBuilder", "sagemaker_step_type": "Utility", "description": "x"},`;
const builder = (dir: string, name: string): string =>
  `//- /${dir}/builder_${name.toLowerCase()}_step.py\nclass ${name}StepBuilder:\n    pass\n`;
/** Each step depends on the one before it; alice_ml's Epsilon on Delta. */
const METAS: Record<string, string> = {
  ...Object.fromEntries(
    STEPS.slice(1).map((name, i) => [
      `${B}/builder_${name.toLowerCase()}_step_meta.yaml`,
      `dependencies:\n  - module_id: ${STEPS[i]}\n`,
    ]),
  ),
  [`${AB}/builder_epsilon_step_meta.yaml`]: 'dependencies:\n  - module_id: Delta\n',
};
const FIXTURE = parseFixture(`
//- /${CORE}
STEP_NAMES = {
${STEPS.map(step).join('\n')}
}
${STEPS.map((n) => builder(B, n)).join('')}${builder(AB, 'Epsilon')}//- /${ALICE}
LOCAL_STEPS = {
${step('Epsilon')}
}
WORKSPACE_METADATA = {"developer_id": "alice_ml"}
${Object.entries(METAS)
  .map(([rel, text]) => `//- /${rel}\n${text}`)
  .join('')}`);

describe('lsp: a burst of deleted companions reaches the step graph', () => {
  let c: TestClient;
  before(async () => {
    // the editor's default debounce, and its open documents
    c = await TestClient.start(FIXTURE.files, { debounceMs: 150 });
    for (const rel of [CORE, ALICE]) await c.open(rel, FIXTURE.files.get(rel) ?? '');
  });
  after(() => c.stop());

  const edges = async (context: string): Promise<string[]> =>
    (await c.request<GraphView>('registryLens/graph', { uri: c.uri(CORE), context })).edges
      .map((e) => `${e.from}->${e.to}`)
      .sort();
  /** The watcher's events for `rels`: the first alone, the rest in one later notification. */
  const report = async (rels: string[], type: 1 | 3): Promise<void> => {
    const n = c.notifications.length;
    for (const batch of [rels.slice(0, 1), rels.slice(1)])
      await c.notify('workspace/didChangeWatchedFiles', { changes: batch.map((rel) => ({ uri: c.uri(rel), type })) });
    await c.waitFor('the status after the analysis', () =>
      c.notifications.slice(n).some((x) => x.method === 'registryLens/status'),
    );
  };

  it('every deleted companion leaves the graph; written back, the edges return', async () => {
    const all = ['Beta->Alpha', 'Delta->Gamma', 'Epsilon->Delta', 'Gamma->Beta'];
    assert.deepEqual(await edges('alice_ml'), all);
    const rels = Object.keys(METAS).reverse();
    for (const rel of rels) rmSync(c.abs(rel));
    await report(rels, 3);
    assert.deepEqual([await edges('alice_ml'), await edges('core')], [[], []]);
    for (const rel of rels) writeFileSync(c.abs(rel), METAS[rel] ?? '');
    await report(rels, 1);
    assert.deepEqual(await edges('alice_ml'), all);
  });
});
