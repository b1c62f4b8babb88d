// The views' requests (the Registries view's and the Registry Overview's data, the Step Graph, the contexts) give the
// same answers from the web worker's server as from the Node server on each example: the worker's server runs here
// in-process over a client that lists and reads the folder as the browser client does through `workspace.fs`
// (directory by directory, no links), the Node server over stdio on the same folder.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import {
  Methods,
  WebMethods,
  type ContextsParams,
  type FolderContexts,
  type FolderOverview,
  type GraphParams,
  type GraphView,
  type SetContextParams,
  type StatusParams,
} from '../../server/src/lsp/protocol';
import { startWebServer } from '../../server/src/lsp/webServer';
import { REPO } from '../cli/helpers';
import { TestClient } from './client';
import { listFiles, readFiles } from './webFiles';

/** The web worker's server on `folder`, in-process; resolves once it told the folder's first status. */
async function startWeb(folder: string): Promise<{ connection: MessageConnection; statuses: StatusParams[] }> {
  const up = new PassThrough();
  const down = new PassThrough();
  startWebServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), () =>
    Promise.resolve({
      wasm: {
        treeSitter: readFileSync(join(REPO, 'dist', 'web-tree-sitter.wasm')),
        python: readFileSync(join(REPO, 'dist', 'tree-sitter-python.wasm')),
      },
      codeDoc: '',
    }),
  );
  const connection = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const statuses: StatusParams[] = [];
  const first = new Promise<void>((resolve) =>
    connection.onNotification(Methods.status, (s: StatusParams) => {
      statuses.push(s);
      resolve();
    }),
  );
  connection.onRequest(WebMethods.listFiles, listFiles);
  connection.onRequest(WebMethods.readFiles, readFiles);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: folder, name: 'fixture' }], // the name TestClient gives its folder
    capabilities: {},
  });
  await connection.sendNotification('initialized', {});
  await first;
  return { connection, statuses };
}

for (const example of ['demo-workspace', 'cursus-pipelines', 'onex-registry', 'apcore-extensions']) {
  describe(`lsp: the web worker's views answer as the Node server's on examples/${example}`, function () {
    this.timeout(120_000);
    const root = join(REPO, 'examples', example);
    const folder = pathToFileURL(root).href;
    let node: TestClient;
    let web: { connection: MessageConnection; statuses: StatusParams[] };
    before(async () => {
      node = await TestClient.start(new Map(), { root });
      await node.loaded();
      web = await startWeb(folder);
    });
    after(async () => {
      web?.connection.dispose();
      await node?.stop();
    });

    /** The request's answer from both servers, asserted equal. */
    const both = async <R>(method: string, params: ContextsParams | GraphParams | SetContextParams): Promise<R> => {
      const [fromNode, fromWeb] = await Promise.all([
        node.request<R>(method, params),
        web.connection.sendRequest<R>(method, params),
      ]);
      assert.deepEqual(fromWeb, fromNode, `${method} ${JSON.stringify(params)}`);
      return fromWeb;
    };

    it('the overview, the contexts of the folder and of each registry', async () => {
      const [overview] = await both<FolderOverview[]>(Methods.overview, {});
      assert.ok(overview !== undefined && overview.summary.entries > 0, 'the example has registry entries');
      assert.equal(web.statuses[0]?.entries, overview.summary.entries);
      await both<FolderContexts[]>(Methods.contexts, {});
      for (const context of overview.contexts)
        if (context.uri !== null) await both<FolderContexts[]>(Methods.contexts, { uri: context.uri });
    });

    it("the step graph of each context, and of each pipeline DAG's file", async () => {
      const [overview] = await both<FolderOverview[]>(Methods.overview, {});
      await both<GraphView | null>(Methods.graph, {});
      for (const context of overview?.contexts ?? [])
        await both<GraphView | null>(Methods.graph, { context: context.id });
      const dags = listFiles({ folder, skipped: [] }).filter((uri) => uri.endsWith('.dag.json'));
      const own = [];
      for (const uri of dags) {
        const graph = await both<GraphView | null>(Methods.graph, { uri });
        if (graph?.file?.uri === uri) own.push(uri);
      }
      // a DAG file the engine does not read as one (a legacy layout) shows its context's graph
      assert.ok(dags.length === 0 || own.length > 0, 'a pipeline DAG shows its own graph');
    });

    it('the active context, once set in both: the contexts and the graph of the folder', async () => {
      const [overview] = await both<FolderOverview[]>(Methods.overview, {});
      const workspace = overview?.contexts.find((c) => c.dir !== null);
      if (workspace === undefined) return;
      await both<string[]>(Methods.setContext, { context: workspace.id });
      const [contexts] = await both<FolderContexts[]>(Methods.contexts, {});
      assert.equal(contexts?.active, workspace.id);
      assert.equal(web.statuses.at(-1)?.context, workspace.id, 'the worker tells the client');
      await both<GraphView | null>(Methods.graph, {});
    });
  });
}
