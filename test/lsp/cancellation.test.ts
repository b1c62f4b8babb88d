// Cancellation: a request cancelled while it waited for pending analysis answers RequestCancelled
// instead of computing a result nobody wants. Driven in-process, so the timing is deterministic.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationToken,
  LSPErrorCodes,
  NotebookDocuments,
  ResponseError,
  TextDocuments,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeDocLinks } from '../../server/src/host/codeDocs';
import { Session } from '../../server/src/lsp/session';
import { writeFile } from './client';
import { CORE, FIXTURE, text } from './fixture';

/** Just what a Session uses of a connection when nothing is published to a real client. */
const quietConnection = {
  window: { createWorkDoneProgress: () => Promise.resolve({ begin() {}, report() {}, done() {} }) },
  sendDiagnostics: () => Promise.resolve(),
  sendNotification: () => Promise.resolve(),
  console: { error() {} },
} as unknown as Connection;

describe('lsp: cancellation', () => {
  let root: string;
  let session: Session;
  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'registry-lens-cancel-'));
    for (const [rel, t] of FIXTURE.files) writeFile(root, rel, t);
    session = new Session(quietConnection, new TextDocuments(TextDocument), new NotebookDocuments(TextDocument), {
      wasm: {
        treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
        python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
      },
      codeHref: codeDocLinks(path.join(__dirname, '../../docs/diagnostics.md')),
      debounceMs: 60_000,
      analysisStepMs: 100,
      configuration: false,
      edits: { documentChanges: true, createFiles: true },
    });
    session.addFolder(pathToFileURL(root).href, 'fixture');
    const [folder] = session.folders.all();
    if (folder) await session.load(folder);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('answers RequestCancelled when the token is cancelled while edits are analysed, else the answer', async () => {
    const uri = pathToFileURL(path.join(root, CORE)).href;
    session.folders
      .all()[0]
      ?.feeder.stage(CORE, text(CORE).replace('XGBoostTrainingStepBuilder', 'NowhereStepBuilder'));
    let cancelled = false;
    const token: CancellationToken = {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested: CancellationToken.None.onCancellationRequested,
    };
    const pending = session.query(uri, token, null, ({ folder, rel }) =>
      folder.engine.diagnostics(rel).map((d) => d.code),
    );
    cancelled = true;
    const answer = await pending;
    assert.ok(answer instanceof ResponseError);
    assert.equal(answer.code, LSPErrorCodes.RequestCancelled);

    const fresh = await session.query(uri, CancellationToken.None, null, ({ folder, rel }) =>
      folder.engine.diagnostics(rel).map((d) => d.code),
    );
    assert.deepEqual(fresh, ['RL005']);
  });
});
