// The server under the reproducers of the fuzzing campaign (shared/repro R1, R7, R10): an open
// document that becomes relevant later is analysed (incremental equals from scratch), one size policy
// for open documents and disk, and a huge literal never takes the folder's analysis down.
import { strict as assert } from 'node:assert';
import { show, TestClient } from './client';

const WS = 'developer_workspaces/developers';
const reg = (ws: string): string => `${WS}/${ws}/src/cursus_dev/registry/workspace_registry.py`;

describe('lsp: hostile input and mid-edit states', () => {
  let c: TestClient | undefined;
  afterEach(() => c?.stop());

  async function settled(rel: string): Promise<string[]> {
    await c?.request('registryLens/contexts', {});
    return (c?.diagnostics.get(c.uri(rel)) ?? []).map((d) => `${String(d.code)}@${show(d.range)}`);
  }

  it('R10: an open id_map.yaml is analysed once apcore.yaml stops naming another id map', async () => {
    const before = 'extensions:\n  root: ext\nid_map: other.yaml\n';
    const idMap = 'mappings:\n  - id: orphan.entry\n';
    c = await TestClient.start(
      new Map([
        ['apcore.yaml', before],
        ['id_map.yaml', idMap],
        ['ext/mod.py', 'class Mod:\n    description = "d"\n    def execute(self, inputs):\n        return {}\n'],
        ['ext/mod_meta.yaml', 'description: d\n'],
      ]),
    );
    // Settled first: the walk after apcore.yaml was read has dropped id_map.yaml (not the id map then).
    await c.loaded();
    assert.deepEqual(await settled('id_map.yaml'), []);
    await c.open('apcore.yaml', before);
    await c.open('id_map.yaml', idMap);
    assert.deepEqual(await settled('id_map.yaml'), []);
    await c.change(
      'apcore.yaml',
      { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      'extensions:\n  root: ext\n',
    );
    await settled('apcore.yaml');
    // The walk that follows the move of the id map runs in the background: wait for its publication.
    const ds = await c.diagnosticsOf('id_map.yaml', 'RL029 on the default id map', (d) => d.length > 0);
    assert.deepEqual(
      ds.map((d) => `${String(d.code)}@${show(d.range)}`),
      ['RL029@1:4-1:20'],
    );
  });

  it('R7: an open document over the size limit is not analysed, with a diagnostic, like the same file on disk', async () => {
    c = await TestClient.start(new Map([[reg('a'), 'LOCAL_STEPS = {"bad name": {}}\n']]), {
      settings: { maxFileSizeMB: 0.001 },
    });
    assert.ok((await settled(reg('a'))).includes('RL009@0:15-0:25'));
    const big = `LOCAL_STEPS = {"bad name": {}}\n# ${'x'.repeat(2000)}\n`;
    await c.open(reg('a'), big);
    const ds = await c.diagnosticsOf(reg('a'), 'the size-limit diagnostic', (d) =>
      d.some((x) => String(x.message).startsWith('Not analysed')),
    );
    assert.deepEqual(
      ds.map((d) => `${String(d.code)}@${show(d.range)}`),
      ['RL030@0:0-0:0'],
    );
    assert.match(
      String(ds[0]?.message),
      /^Not analysed: it is 2 KB, over the limit of 1 KB \(setting registryLens\.maxFileSizeMB\)$/,
    );
  });

  it('R1: a 130,000-item literal leaves the folder analysed and requests answered', async () => {
    c = await TestClient.start(
      new Map([
        [
          reg('a'),
          `LOCAL_STEPS = {"A": {"description": "d", "sagemaker_step_type": "Utility", "job_types": [${'0,'.repeat(130000)}]}}\n`,
        ],
        [reg('b'), 'LOCAL_STEPS = {"bad name": {}}\n'],
      ]),
    );
    assert.ok((await settled(reg('b'))).includes('RL009@0:15-0:25'));
    assert.ok((await settled(reg('a'))).some((d) => d.startsWith('RL008')));
  });
});
