// The root's pin files in the editor: RL080 published on a lock's line and gone when the saved lock pins a version
// the built-in rules cover; the status names each framework version with its source.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TestClient, writeFile } from './client';
import { FIXTURE } from './fixture';

const CHANGED = 2;
const lock = (version: string): string =>
  `version = 1\n\n[[package]]\nname = "omnibase-core"\nversion = "${version}"\n`;
const has =
  (code: string) =>
  (ds: Diagnostic[]): boolean =>
    ds.some((d) => d.code === code);

describe('lsp: framework pins', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(new Map([...FIXTURE.files, ['uv.lock', lock('0.47.57')]]));
  });
  afterEach(() => c.stop());

  it('publishes RL080 on the pinned version, says the pin in the status, and follows a saved change of the lock', async () => {
    const [d] = await c.diagnosticsOf('uv.lock', 'RL080 in uv.lock', has('RL080'));
    assert.equal(d?.severity, 3);
    assert.deepEqual(d?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } });
    const frameworks = (): string[] | undefined =>
      c.notifications
        .filter((n) => n.method === 'registryLens/status')
        .map((n) => (n.params as { frameworks: string[] }).frameworks)
        .at(-1);
    await c.waitFor('a status', () => frameworks());
    assert.deepEqual(frameworks(), [
      'omnibase_core 0.47.57 pinned in uv.lock (not installed: the checks assume 0.46.8)',
    ]);
    writeFile(c.root, 'uv.lock', lock('0.46.2'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('uv.lock'), type: CHANGED }] });
    await c.diagnosticsOf('uv.lock', 'RL080 gone', (ds) => !has('RL080')(ds));
    await c.waitFor('the status of the new pin', () => frameworks()?.[0]?.startsWith('omnibase_core 0.46.2'));
    assert.equal(frameworks()?.[0], 'omnibase_core 0.46.2 pinned in uv.lock (not installed: the checks assume 0.46.8)');
  });
});
