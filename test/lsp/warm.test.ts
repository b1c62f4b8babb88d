// An edit of a large Python file with a syntax error: tree-sitter reparses an error region whole at each
// edit, so the server parses the edited text ahead in slices between its events (Engine.warm) instead of
// in one block. Another folder's request sent right after the edit's is answered before the edit's
// diagnostics are published (judged by the order of the messages, not by time), and what is published is
// what a fresh `check` gives.
import { strict as assert } from 'node:assert';
import { TestClient } from './client';
import { writeFileSync } from 'node:fs';
import { freshCheck } from './fresh';

const REG = 'developer_workspaces/developers/w/src/cursus_dev/registry/workspace_registry.py';
const CORE = 'src/cursus/registry/step_names.py';
/** A workspace registry whose second entry is a broken dict: a 200 KB line of `e,` after its first field. */
const BROKEN = `LOCAL_STEPS = {\n    "A": {"sagemaker_step_type": "Processing", "description": "a"},\n    "B": {"config_class": "BConfig",\n    ${'e,'.repeat(100_000)}\n}\n`;
const CORE_TEXT = 'STEP_NAMES = {\n    "Core": {"sagemaker_step_type": "Processing", "description": "c"},\n}\n';

describe('lsp: an edit of a large file with a syntax error', function () {
  this.timeout(180_000);
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it('is parsed between other requests, and published as a fresh check has it', async () => {
    const files = new Map([
      [`a/${REG}`, BROKEN],
      [`a/${CORE}`, CORE_TEXT],
      [`b/${CORE}`, CORE_TEXT],
    ]);
    // Edits wait for a request (a long debounce), and the analysis runs one slice per step.
    const client = (c = await TestClient.start(files, { folders: ['a', 'b'], debounceMs: 60_000, analysisStepMs: 0 }));
    await client.loaded();
    await client.open(`a/${REG}`, BROKEN);
    const hover = (folder: string, rel: string): Promise<unknown> =>
      client.request('textDocument/hover', {
        textDocument: { uri: client.uri(`${folder}/${rel}`) },
        position: { line: 1, character: 6 },
      });
    await hover('a', REG); // the opened document is analysed
    const at = { line: 2, character: 31 }; // BCon|fig
    await client.change(`a/${REG}`, { start: at, end: at }, 'x');
    const before = client.notifications.length;
    const edited = hover('a', REG);
    let answeredAt = -1;
    const other = hover('b', CORE).then(() => (answeredAt = client.notifications.length));
    await Promise.all([edited, other]);
    const published = client.notifications.findIndex(
      (n, i) =>
        i >= before &&
        n.method === 'textDocument/publishDiagnostics' &&
        (n.params as { uri: string }).uri === client.uri(`a/${REG}`),
    );
    assert.ok(published >= 0, 'the edited registry was published');
    assert.ok(
      answeredAt <= published,
      `answered after ${answeredAt} messages, the edit published as message ${published}`,
    );
    // The edited text on disk: a fresh check of the folder reads what the server analysed.
    writeFileSync(client.abs(`a/${REG}`), BROKEN.replace('"BConfig"', '"BConxfig"'));
    const server = (client.diagnostics.get(client.uri(`a/${REG}`)) ?? []).map((d) => `${String(d.code)} ${d.message}`);
    assert.ok(server.length > 0);
    assert.deepEqual(server.sort(), freshCheck(client.abs('a'))[REG]);
  });
});
