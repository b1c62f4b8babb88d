// The web worker's server (webServer.ts) on a slow file system, in this process: its client holds every read until the
// test lets it go (no sleeping). The open document is analysed while every read is held; the registries are read and
// analysed before any other file is asked for; the reading is told step by step; nothing is published before the
// reading ends (a half-read folder's diagnostics may be false), and the end is the folder's diagnostics (EXPECTED.json),
// as the feed of all at once gives.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { RegistryEngine } from '../../server/src/engine/engine';
import { compileGlobs } from '../../server/src/engine/util/globs';
import {
  Methods,
  WebMethods,
  type ReadFilesParams,
  type ReadFilesResult,
  type ReadingParams,
} from '../../server/src/lsp/protocol';
import { startWebServer, type WebAssets } from '../../server/src/lsp/webServer';
import { wasm } from '../engine/helpers';
import { listFiles } from './webFiles';

const DEMO = path.resolve(__dirname, '../../examples/demo-workspace');
const OPEN = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';

/** Resolves once `test` holds, checked after each message the client gets. */
function until(test: () => boolean, wake: (() => void)[]): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (test() ? resolve() : void wake.push(check));
    check();
  });
}

/** The web server in this process, its assets given when `assets` resolves; the client's end, not listening yet. */
function connect(assets: Promise<WebAssets>): MessageConnection {
  const up = new PassThrough();
  const down = new PassThrough();
  startWebServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), () => assets);
  return createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
}

/** Listens, and opens examples/demo-workspace as the workspace's folder. */
async function initialize(client: MessageConnection): Promise<void> {
  client.listen();
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(DEMO).href, name: 'demo' }],
    capabilities: {},
  });
  await client.sendNotification('initialized', {});
}

describe('lsp: the web worker reads a slow folder in order, publishing when the reading ends (examples/demo-workspace)', function () {
  this.timeout(120_000);

  it('the open document first, then the registries, then the rest; told to the status item; ending as EXPECTED.json', async () => {
    const rel = (uri: string): string => path.relative(DEMO, fileURLToPath(uri)).split(path.sep).join('/');
    const probe = await RegistryEngine.create(wasm);
    const registry = compileGlobs(probe.registryGlobs()).matches;

    let assetsGiven: (a: WebAssets) => void = () => undefined;
    const client = connect(new Promise<WebAssets>((resolve) => (assetsGiven = resolve)));

    // What the client saw, in the order the server sent it.
    const events: string[] = [];
    const wake: (() => void)[] = [];
    const saw = (event: string): void => {
      events.push(event);
      for (const f of wake.splice(0)) f();
    };
    const published = new Map<string, Diagnostic[]>();
    const told: ReadingParams[] = [];
    /** The read requests the test holds, each let go with `release`. */
    const held: { uris: string[]; release: () => void }[] = [];
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(rel(p.uri), p.diagnostics);
      saw(`publish ${rel(p.uri)}`);
    });
    client.onNotification(WebMethods.reading, (r: ReadingParams) => {
      told.push(r);
      saw(`reading ${r.step}`);
    });
    client.onRequest(WebMethods.listFiles, listFiles);
    client.onRequest(
      WebMethods.readFiles,
      ({ uris, maxBytes }: ReadFilesParams) =>
        new Promise<ReadFilesResult>((resolve) => {
          const release = (): void => {
            saw(`answered ${uris.length}`);
            resolve(
              uris.map((uri) => {
                const text = readFileSync(fileURLToPath(uri), 'utf8');
                const size = Buffer.byteLength(text);
                return size > maxBytes ? { size } : { size, text };
              }),
            );
          };
          held.push({ uris, release });
          saw(`asked ${uris.map((u) => (registry(rel(u)) ? 'registry' : 'other')).join(',')}`);
        }),
    );
    await initialize(client);
    const openUri = pathToFileURL(path.join(DEMO, OPEN)).href;
    await client.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: openUri,
        languageId: 'python',
        version: 1,
        text: readFileSync(path.join(DEMO, OPEN), 'utf8'),
      },
    });
    // answered after the document's opening (at once: no handler, so no wait for the folder's reading): the server has
    // it before its folder loads
    await client.sendRequest('registryLens/noSuchRequest').catch(() => undefined);
    assetsGiven({ wasm, codeDoc: '' });

    // (1) the open document is given before the listing; (2) the registries are asked for first; no other file until
    // they are analysed
    await until(() => held.length > 0 && told.at(-1)?.step === 'registries', wake);
    assert.ok(
      events.filter((e) => e.startsWith('asked')).every((e) => !e.includes('other')),
      events.join('\n'),
    );
    const registryStep = told.at(-1) as ReadingParams;
    assert.equal(registryStep.read, 0);
    assert.ok(registryStep.total > 0 && registryStep.pending.length > 0, JSON.stringify(registryStep));
    for (const h of held.splice(0)) h.release();
    await until(() => events.some((e) => e.startsWith('asked') && e.includes('other')), wake);
    assert.equal(told.at(-1)?.step, 'rest');

    // (3) the rest, released one request at a time: the count grows; then done, as the feed of all
    while (told.at(-1)?.step !== 'done') {
      await until(() => held.length > 0 || told.at(-1)?.step === 'done', wake);
      held.shift()?.release();
    }
    // nothing published before the reading ends: then the open document's syntax error and the rest at once
    const ended = events.map((e) => e.startsWith('answered')).lastIndexOf(true);
    assert.deepEqual(
      events.slice(0, ended).filter((e) => e.startsWith('publish')),
      [],
      'nothing published from a half-read folder',
    );
    await client.sendRequest(Methods.contexts, {});
    assert.ok(
      (published.get(OPEN) ?? []).some((d) => d.code === 'RL030'),
      'its own syntax error',
    );
    const steps = told.map((r) => r.step).filter((s, i, a) => a[i - 1] !== s);
    assert.deepEqual(steps, ['listing', 'registries', 'rest', 'done']);
    for (let i = 1; i < told.length; i++)
      assert.ok((told[i] as ReadingParams).read >= (told[i - 1] as ReadingParams).read);
    const done = told.at(-1) as ReadingParams;
    assert.equal(done.read, done.total);
    assert.deepEqual(done.pending, []);

    const expected = (
      JSON.parse(readFileSync(path.join(DEMO, 'EXPECTED.json'), 'utf8')) as {
        code: string;
        file: string;
        line: number;
        character: number;
      }[]
    )
      .map((d) => `${d.file}:${d.line}:${d.character} ${d.code}`)
      .sort();
    const got = [...published].flatMap(([file, list]) =>
      list.map((d) => `${file}:${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
    );
    assert.deepEqual(got.sort(), expected);
    client.dispose();
  });

  it('a read that fails ends the reading: the status item is not left saying it reads', async () => {
    const client = connect(Promise.resolve({ wasm, codeDoc: '' }));
    const told: ReadingParams[] = [];
    const done = new Promise<void>((resolve) =>
      client.onNotification(WebMethods.reading, (r: ReadingParams) => {
        told.push(r);
        if (r.step === 'done') resolve();
      }),
    );
    client.onRequest(WebMethods.listFiles, listFiles);
    client.onRequest(WebMethods.readFiles, () => Promise.reject(new Error('the remote went away')));
    await initialize(client);
    await done;
    assert.deepEqual(told.at(-1), { folder: pathToFileURL(DEMO).href, step: 'done', read: 0, total: 0, pending: [] });
    client.dispose();
  });
});
