// Multi-root workspaces: one analysis per workspace folder, each file published under its own
// folder, and folders that come and go.
import { strict as assert } from 'node:assert';
import type { ExplainResult } from '../../server/src/lsp/protocol';
import { show, TestClient } from './client';
import { BOB, FIXTURE, range } from './fixture';

const ROOTS = ['one', 'two'];
const files = new Map(ROOTS.flatMap((r) => [...FIXTURE.files].map(([rel, t]): [string, string] => [`${r}/${rel}`, t])));

describe('lsp: multi-root workspaces', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(files, { folders: ROOTS });
  });
  afterEach(() => c.stop());

  it('analyses each folder on its own and answers from the folder of the document', async () => {
    for (const r of ROOTS) {
      const ds = await c.diagnosticsOf(`${r}/${BOB}`, `RL004 in ${r}`, (d) => d.length > 0);
      assert.deepEqual(
        ds.map((d) => `${String(d.code)}@${show(d.range)}`),
        [`RL004@${show(range('bob-pakage-key'))}`],
      );
    }
    const result = await c.request<ExplainResult>('registryLens/explain', {
      uri: c.uri(`two/${BOB}`),
      step: 'Package',
      context: 'bob',
    });
    assert.equal(result.folder, c.uri('two'));
    const contexts = await c.request<{ folder: string }[]>('registryLens/contexts', {});
    assert.deepEqual(
      contexts.map((f) => f.folder),
      [c.uri('one'), c.uri('two')],
    );
  });

  it('clears the diagnostics of a removed folder and analyses an added one', async () => {
    await c.diagnosticsOf(`two/${BOB}`, 'RL004 in two', (d) => d.length > 0);
    await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [c.folder('two')] } });
    await c.diagnosticsOf(`two/${BOB}`, 'two cleared', (d) => d.length === 0);
    const contexts = await c.request<{ folder: string }[]>('registryLens/contexts', {});
    assert.deepEqual(
      contexts.map((f) => f.folder),
      [c.uri('one')],
    );

    await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [c.folder('two')], removed: [] } });
    await c.diagnosticsOf(`two/${BOB}`, 'two analysed again', (d) => d.length > 0);
  });
});

const REGISTRY = 'workspace_registry.py';

describe('lsp: a folder nested in another', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it("keeps an open document's diagnostics when the nested folder is removed and added again (R33)", async () => {
    // A core registry the outer folder analyses too while the nested folder is away, with errors; the
    // outer folder, larger, ends its reload after the nested folder's load published them.
    const rel = 'sub/src/inner/registry/step_names.py';
    const text = 'STEP_NAMES = {\n    "Inner": {"config_class": "InnerConfig", "builder_step_name": "B"},\n}\n';
    const files = new Map([[rel, text]]);
    const ws = (i: number): string => `developer_workspaces/developers/d${i}/src/cursus_dev/registry/${REGISTRY}`;
    for (const [f, t] of FIXTURE.files) files.set(f, t);
    const reg = (i: number): string => `WORKSPACE_METADATA = {"developer_id": "d${i}"}\nLOCAL_STEPS = {"S${i}": {}}`;
    for (let i = 0; i < 300; i++) files.set(ws(i), reg(i));
    const client = (c = await TestClient.start(files, { folders: ['', 'sub'] }));
    await client.open(rel, text);
    const start = await client.diagnosticsOf(rel, "the nested registry's errors", (d) => d.length > 0);
    const sub = client.folder('sub');
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [sub] } });
    await client.request('registryLens/contexts', {});
    assert.ok((client.diagnostics.get(client.uri(rel)) ?? []).length > 0, 'the outer folder took the registry over');
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [sub], removed: [] } });
    // Answered once every folder (the outer one reloaded, the nested one loaded) has published.
    await client.request('registryLens/contexts', {});
    const last = client.diagnostics.get(client.uri(rel));
    assert.deepEqual(last, start, "the nested folder's list is the last one published");
  });
});
