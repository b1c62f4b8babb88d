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
  beforeEach(async () => { c = await TestClient.start(files, { folders: ROOTS }); });
  afterEach(() => c.stop());

  it('analyses each folder on its own and answers from the folder of the document', async () => {
    for (const r of ROOTS) {
      const ds = await c.diagnosticsOf(`${r}/${BOB}`, `RL004 in ${r}`, (d) => d.length > 0);
      assert.deepEqual(ds.map((d) => `${String(d.code)}@${show(d.range)}`), [`RL004@${show(range('bob-pakage-key'))}`]);
    }
    const result = await c.request<ExplainResult>('registryLens/explain', { uri: c.uri(`two/${BOB}`), step: 'Package', context: 'bob' });
    assert.equal(result.folder, c.uri('two'));
    const contexts = await c.request<{ folder: string }[]>('registryLens/contexts', {});
    assert.deepEqual(contexts.map((f) => f.folder), [c.uri('one'), c.uri('two')]);
  });

  it('clears the diagnostics of a removed folder and analyses an added one', async () => {
    await c.diagnosticsOf(`two/${BOB}`, 'RL004 in two', (d) => d.length > 0);
    await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [c.folder('two')] } });
    await c.diagnosticsOf(`two/${BOB}`, 'two cleared', (d) => d.length === 0);
    const contexts = await c.request<{ folder: string }[]>('registryLens/contexts', {});
    assert.deepEqual(contexts.map((f) => f.folder), [c.uri('one')]);

    await c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [c.folder('two')], removed: [] } });
    await c.diagnosticsOf(`two/${BOB}`, 'two analysed again', (d) => d.length > 0);
  });
});
