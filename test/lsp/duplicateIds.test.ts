// Two workspaces declaring one id (RL015), as in the demo: aaron_dup copied alice_ml's developer_id.
// The later directory is the context `alice_ml@<dir>`, and the requests behind the Registries view,
// the Overview and the context picker give it its own steps (NotebookExport), as `registry-lens list
// --workspace` does, and never alice_ml's.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentAnswer, FolderContexts, FolderOverview, GraphView } from '../../server/src/lsp/protocol';
import { REPO } from '../cli/helpers';
import { TestClient } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const WS = 'developer_workspaces/developers';
const DAVE = `${WS}/aaron_dup`;
const DAVE_ID = `alice_ml@${DAVE}`;
const DAVE_REGISTRY = `${DAVE}/src/cursus_dev/registry/workspace_registry.py`;

function demoFiles(dir = DEMO, rel = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of demoFiles(join(dir, e.name), r)) files.set(k, v);
    else files.set(r, readFileSync(join(dir, e.name), 'utf8'));
  }
  return files;
}

describe('lsp: a later workspace repeating an id keeps its own steps (RL015)', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(demoFiles());
    await c.diagnosticsOf(DAVE_REGISTRY, 'RL015', (ds) => ds.some((d) => d.code === 'RL015'));
  });
  after(() => c.stop());

  it('overview (Registries view and Overview): the second workspace lists its own step, the first not that one', async () => {
    const [o] = await c.request<FolderOverview[]>('registryLens/overview', {});
    const dave = o?.contexts.find((x) => x.dir === DAVE);
    assert.equal(dave?.id, DAVE_ID);
    assert.equal(dave?.localSteps, 1);
    assert.deepEqual(
      dave?.steps.map((s) => [s.name, s.source, s.uri]),
      [['NotebookExport', `workspace:${DAVE_ID}`, c.uri(DAVE_REGISTRY)]],
    );
    const alice = o?.contexts.find((x) => x.id === 'alice_ml');
    assert.ok(alice !== undefined && alice.steps.length > 0);
    assert.ok(
      alice.steps.every((s) => s.uri.startsWith(c.uri(`${WS}/alice_ml/`)) && s.name !== 'NotebookExport'),
      JSON.stringify(alice.steps.map((s) => s.uri)),
    );
  });

  it('contexts and step names (the context picker, Explain in Context): its own count and its own steps', async () => {
    const [f] = await c.request<FolderContexts[]>('registryLens/contexts', { uri: c.uri(DAVE_REGISTRY) });
    assert.equal(f?.current, DAVE_ID);
    assert.deepEqual(
      f?.contexts.filter((x) => x.dir === DAVE).map((x) => [x.id, x.localSteps, x.overrides]),
      [[DAVE_ID, 1, 0]],
    );
    const daveNames = await c.request<string[]>('registryLens/stepNames', {
      uri: c.uri(DAVE_REGISTRY),
      context: DAVE_ID,
    });
    const aliceNames = await c.request<string[]>('registryLens/stepNames', {
      uri: c.uri(DAVE_REGISTRY),
      context: 'alice_ml',
    });
    assert.ok(daveNames.includes('NotebookExport') && !daveNames.includes('ExperimentTracker'));
    assert.ok(aliceNames.includes('ExperimentTracker') && !aliceNames.includes('NotebookExport'));
  });

  it('the graph and the list document of that context show its step from its own registry', async () => {
    const g = await c.request<GraphView>('registryLens/graph', { uri: c.uri(DAVE_REGISTRY) });
    assert.equal(g.context, DAVE_ID);
    assert.deepEqual(
      g.steps.filter((s) => s.source !== 'core').map((s) => [s.name, s.source, s.uri]),
      [['NotebookExport', `workspace:${DAVE_ID}`, c.uri(DAVE_REGISTRY)]],
    );
    const answer = await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: DAVE_ID });
    assert.ok('document' in answer);
    const steps = (
      answer.document as unknown as { steps: { name: string; source: string; file: string }[] }
    ).steps.filter((s) => s.source !== 'core');
    assert.deepEqual(
      steps.map((s) => [s.name, s.source, s.file]),
      [['NotebookExport', `workspace:${DAVE_ID}`, DAVE_REGISTRY]],
    );
  });
});
