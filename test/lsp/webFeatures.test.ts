// The web worker's language server (webServer.ts), run in this process over in-memory streams, its files listed and read
// as the browser client does, answers references, rename, completion, Fix All, code lenses and Explain Resolution
// exactly as the bundled Node server does on the same example.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { Position } from 'vscode-languageserver-types';
import { WebMethods, type ReadingParams } from '../../server/src/lsp/protocol';
import { startWebServer } from '../../server/src/lsp/webServer';
import { TestClient } from './client';
import { listFiles, readFiles } from './webFiles';

const DEMO = path.resolve(__dirname, '../../examples/demo-workspace');
const DIST = path.resolve(__dirname, '../../dist');
const ALICE = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
const CORE = 'src/cursus/registry/step_names.py';

/** The web server on `root`, in this process; resolves once it read the folder and published its diagnostics. */
async function startWeb(root: string): Promise<MessageConnection> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startWebServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), () =>
    Promise.resolve({
      wasm: {
        treeSitter: readFileSync(path.join(DIST, 'web-tree-sitter.wasm')),
        python: readFileSync(path.join(DIST, 'tree-sitter-python.wasm')),
      },
      codeDoc: 'https://example.invalid/diagnostics.md',
    }),
  );
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onRequest(WebMethods.listFiles, listFiles);
  client.onRequest(WebMethods.readFiles, readFiles);
  // the folder's diagnostics are all published once it is read and analysed
  const published = new Promise<void>((resolve) =>
    client.onNotification(WebMethods.reading, ({ step }: ReadingParams) => {
      if (step === 'done') resolve();
    }),
  );
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'demo' }],
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
  });
  await client.sendNotification('initialized', {});
  await published;
  return client;
}

/** 0-based position of the first match of `re` in `rel`'s lines, `offset` characters into the match. */
function at(rel: string, re: RegExp, offset = 0): Position {
  const lines = readFileSync(path.join(DEMO, rel), 'utf8').split('\n');
  const line = lines.findIndex((l) => re.test(l));
  assert.ok(line >= 0, `${re} in ${rel}`);
  return { line, character: (lines[line] ?? '').search(re) + offset };
}

/** An answer without its diagnostics' links to the code docs (each server links its own copy). */
const unlinked = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (key, value: unknown) => (key === 'codeDescription' ? undefined : value));

describe('lsp: the web worker answers the editor features as the Node server does (examples/demo-workspace)', function () {
  this.timeout(120_000);
  let node: TestClient;
  let web: MessageConnection;
  const doc = (rel: string) => ({ uri: pathToFileURL(path.join(DEMO, rel)).href });
  /** Asks both servers; their answers must be equal, and `nonEmpty` of them. */
  const same = async <R>(method: string, params: unknown, nonEmpty: (r: R) => boolean): Promise<R> => {
    const [fromNode, fromWeb] = await Promise.all([
      node.request<R>(method, params),
      web.sendRequest<R>(method, params),
    ]);
    assert.deepEqual(unlinked(fromWeb), unlinked(fromNode), method);
    assert.ok(nonEmpty(fromNode), `${method}: ${JSON.stringify(fromNode)}`);
    return fromNode;
  };

  before(async () => {
    [node, web] = await Promise.all([
      TestClient.start(new Map(), { root: DEMO }).then(async (c) => {
        await c.loaded();
        return c;
      }),
      startWeb(DEMO),
    ]);
  });
  after(async () => {
    web?.dispose();
    await node?.stop();
  });

  it('references of a core step overridden in a workspace', async () => {
    const refs = await same<{ uri: string }[]>(
      'textDocument/references',
      {
        textDocument: doc(CORE),
        position: at(CORE, /"XGBoostTraining": \{/, 1),
        context: { includeDeclaration: true },
      },
      (r) => r.length > 1,
    );
    assert.ok(
      refs.some((r) => r.uri === doc(ALICE).uri),
      'the override in alice_ml is a reference',
    );
  });

  it('prepareRename and rename of a workspace step', async () => {
    const position = at(ALICE, /"PyTorchLightningTraining": \{/, 1);
    await same('textDocument/prepareRename', { textDocument: doc(ALICE), position }, (r) => r !== null);
    const edit = await same<{ documentChanges?: unknown[] }>(
      'textDocument/rename',
      { textDocument: doc(ALICE), position, newName: 'LightningTraining' },
      (r) => (r.documentChanges?.length ?? 0) > 0,
    );
    assert.ok(JSON.stringify(edit).includes('LightningTraining'));
  });

  it('Fix All (source.fixAll) and the quick fixes of a line', async () => {
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixAll = await same<{ kind: string; command?: { command: string } }[]>(
      'textDocument/codeAction',
      { textDocument: doc(ALICE), range: whole, context: { diagnostics: [], only: ['source.fixAll'] } },
      (r) => r.length === 1,
    );
    assert.equal(fixAll[0]?.kind, 'source.fixAll.registryLens');
    assert.equal(fixAll[0]?.command?.command, 'registryLens.fixAllDone');
    const line = at(ALICE, /"builder_stepname"/);
    await same<unknown[]>(
      'textDocument/codeAction',
      { textDocument: doc(ALICE), range: { start: line, end: line }, context: { diagnostics: [] } },
      (r) => r.length > 0,
    );
  });

  it('code lenses, and Explain Resolution with the step at the cursor and the step names of a context', async () => {
    await same<unknown[]>('textDocument/codeLens', { textDocument: doc(ALICE) }, (r) => r.length > 0);
    const uri = doc(ALICE).uri;
    await same(
      'registryLens/stepAt',
      { uri, position: at(ALICE, /"XGBoostTraining": \{/, 1) },
      (s) => s === 'XGBoostTraining',
    );
    await same<string[]>('registryLens/stepNames', { uri, context: 'alice_ml' }, (r) =>
      r.includes('PyTorchLightningTraining'),
    );
    const explained = await same<{ text: string }>(
      'registryLens/explain',
      { uri, step: 'XGBoostTraining', context: 'alice_ml' },
      (r) => r.text.startsWith('Explain Resolution: XGBoostTraining'),
    );
    assert.match(explained.text, /alice_ml/);
  });
  it('completion of the field names of an entry, in an open document with a key being typed', async () => {
    const lines = readFileSync(path.join(DEMO, ALICE), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('    "ExperimentTracker": {')) + 1;
    const text = [...lines.slice(0, line), '        "",', ...lines.slice(line)].join('\n');
    const opened = { textDocument: { ...doc(ALICE), languageId: 'python', version: 1, text } };
    await Promise.all([
      node.notify('textDocument/didOpen', opened),
      web.sendNotification('textDocument/didOpen', opened),
    ]);
    const items = await same<{ label: string }[]>(
      'textDocument/completion',
      { textDocument: doc(ALICE), position: { line, character: 9 } },
      (r) => r.length > 0,
    );
    const labels = items.map((c) => c.label);
    for (const field of ['builder_step_name', 'job_types']) assert.ok(labels.includes(field), labels.join(', '));
  });
});
