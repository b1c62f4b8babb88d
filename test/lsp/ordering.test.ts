// Requests in order with edits (the folder queue over stdio): a request is answered from every change
// sent before it and from none sent after it, so its answer — a rename's document version included — is
// about the text it was asked about, even when it waits for a directory that appeared (a branch switch)
// to be listed, which takes several turns of the event loop (the listing yields every 64 directories),
// while the next edit arrives.
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-types';
import { TestClient, writeFile } from './client';
import { ALICE, BOB, CORE, FIXTURE, range, text } from './fixture';

const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
/** ALICE with its local step renamed. */
const alice = (step: string): string => text(ALICE).replace('"AliceFeature"', `"${step}"`);
const CAROL = 'developer_workspaces/developers/carol';

describe('lsp: requests in order with edits', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it('answers from the changes sent before the request, not from an edit sent after it', async () => {
    c = await TestClient.start(FIXTURE.files);
    const client = c;
    await client.diagnosticsOf(BOB, 'initial analysis', (ds) => ds.length > 0);
    await client.open(ALICE, text(ALICE));
    writeFile(
      client.root,
      `${CAROL}/src/cursus_dev/registry/workspace_registry.py`,
      'LOCAL_STEPS = {"bad name": {}}\n',
    );
    for (let i = 0; i < 300; i++) mkdirSync(client.abs(`${CAROL}/notes/${i}`), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(CAROL), type: 1 }] });
    await client.replace(ALICE, alice('AskedAbout'));
    const symbols = client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: client.uri(ALICE) },
    });
    const rename = client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: client.uri(CORE) },
      position: range('core-package-key').start,
      newName: 'Packaging',
    });
    await client.replace(ALICE, alice('SentLater'));

    const seen = names(await symbols);
    assert.ok(seen.includes('AskedAbout') && !seen.includes('SentLater'), `symbols: ${seen.join(', ')}`);
    const versions = (await rename).documentChanges?.flatMap((d) =>
      'textDocument' in d && d.textDocument.uri === client.uri(ALICE) ? [d.textDocument.version] : [],
    );
    assert.deepEqual(versions, [2], 'the rename names the version it was computed on');
    assert.ok(
      client.diagnostics
        .get(client.uri(`${CAROL}/src/cursus_dev/registry/workspace_registry.py`))
        ?.some((d) => d.code === 'RL009'),
      'the directory was read first',
    );

    const after = names(
      await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: client.uri(ALICE) },
      }),
    );
    assert.ok(after.includes('SentLater') && !after.includes('AskedAbout'), `symbols: ${after.join(', ')}`);
  });
});
