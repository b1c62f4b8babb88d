// Files the first walk cannot know it needs: a meta file's subject (read when the analysis asks for
// it) and modules under apcore roots that `apcore.yaml` declares (found by walking again).
import { strict as assert } from 'node:assert';
import { show, TestClient } from './client';

describe('lsp: discovery beyond the first walk', () => {
  let c: TestClient | undefined;
  afterEach(() => c?.stop());

  /** Diagnostics of `rel` once every analysis round has run (a request settles them all). */
  async function settled(rel: string): Promise<string[]> {
    await c?.request('registryLens/contexts', {});
    return (c?.diagnostics.get(c.uri(rel)) ?? []).map((d) => `${String(d.code)}@${show(d.range)}`);
  }

  it('reads the subject of a meta file, which no glob makes relevant, when the analysis asks for it', async () => {
    c = await TestClient.start(
      new Map([
        ['tools/foo_meta.yaml', 'description: Foo tool\n'],
        ['tools/foo.py', 'class Foo:\n    pass\n'],
        ['tools/bar_meta.yaml', 'description: Bar tool\n'],
      ]),
    );
    assert.deepEqual(await settled('tools/foo_meta.yaml'), []);
    assert.deepEqual(await settled('tools/bar_meta.yaml'), ['RL021@0:0-0:0']);
  });

  it('judges the files of one pass together: a subject read beside its meta file is never reported missing', async () => {
    // The reads finish in any order; a subject judged before its meta file was handed over was dropped
    // and read again, and the meta file was published with RL021 meanwhile.
    const tools = Array.from({ length: 20 }, (_, i) => `t${i}`);
    c = await TestClient.start(
      new Map(
        tools.flatMap((t): [string, string][] => [
          [`tools/${t}_meta.yaml`, `description: ${t} tool\n`],
          [`tools/${t}.py`, `class ${t.toUpperCase()}:\n    pass\n`],
        ]),
      ),
    );
    assert.deepEqual(await settled('tools/t0_meta.yaml'), []);
    const missing = c.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .flatMap((n) =>
        (n.params as { uri: string; diagnostics: { code?: unknown }[] }).diagnostics.map(
          (d) => `${String(d.code)} ${(n.params as { uri: string }).uri}`,
        ),
      )
      .filter((d) => d.startsWith('RL021'));
    assert.deepEqual(missing, []);
  });

  it('walks again when apcore.yaml moves the extension roots', async () => {
    c = await TestClient.start(
      new Map([
        ['apcore.yaml', 'extensions:\n  root: plugins\n'],
        [
          'plugins/calc/add.py',
          'class Add:\n    input_schema = {}\n    output_schema = {}\n    def execute(self):\n        pass\n',
        ],
      ]),
    );
    assert.deepEqual(await settled('plugins/calc/add.py'), ['RL008@0:6-0:9']);
  });
});
