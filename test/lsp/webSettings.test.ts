// The web worker's server (webServer.ts) in this process honours a folder's settings as the Node server does: the
// client answers `workspace/configuration` with the folder's .vscode/settings.json, and examples/hybrid-workspace
// (resolution mode hybrid) ends as its EXPECTED.json; a `files.exclude` glob leaves its files unread; a change of the
// settings loads the folder again, what was published before replaced.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Methods, WebMethods, type ReadFilesParams, type ReadingParams } from '../../server/src/lsp/protocol';
import { startWebServer } from '../../server/src/lsp/webServer';
import { wasm } from '../engine/helpers';
import { expectedOf, listFiles, readFiles, sections } from './webFiles';

const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The web server on `root`, its client answering the configuration with `settings` (changed by the test). */
class WebClient {
  readonly published = new Map<string, Diagnostic[]>();
  readonly read: string[] = [];
  settings: Record<string, unknown> = {};
  dones = 0;
  /** The `workspace/configuration` requests answered. */
  asked = 0;
  /** The warnings shown to the user (window/showMessage). */
  readonly shown: string[] = [];
  private wake: (() => void)[] = [];
  readonly client: MessageConnection;

  constructor(readonly root: string) {
    const up = new PassThrough();
    const down = new PassThrough();
    startWebServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), () =>
      Promise.resolve({ wasm, codeDoc: '' }),
    );
    this.client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const rel = (uri: string): string => path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
    this.client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(rel(p.uri), p.diagnostics);
      this.saw();
    });
    this.client.onNotification(WebMethods.reading, (r: ReadingParams) => {
      if (r.step === 'done') this.dones++;
      this.saw();
    });
    this.client.onRequest(WebMethods.listFiles, listFiles);
    this.client.onRequest(WebMethods.readFiles, (p: ReadFilesParams) => {
      this.read.push(...p.uris.map(rel));
      return readFiles(p);
    });
    this.client.onNotification('window/showMessage', (m: { message: string }) => void this.shown.push(m.message));
    this.client.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.asked++;
      const { registryLens, filesExclude } = sections(this.settings);
      return p.items.map((item) => {
        assert.equal(item.scopeUri, pathToFileURL(root).href, 'asked of the folder');
        return item.section === 'registryLens' ? registryLens : item.section === 'files.exclude' ? filesExclude : null;
      });
    });
  }

  private saw(): void {
    for (const f of this.wake.splice(0)) f();
  }

  /** Resolves once `test` holds, checked after each message the client gets. */
  until(test: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => (test() ? resolve() : void this.wake.push(check));
      check();
    });
  }

  /** Resolves once the reading of the `n`th load is done and the messages sent before an answer have come. */
  async loaded(n: number): Promise<void> {
    await this.until(() => this.dones >= n);
    await this.client.sendRequest(Methods.contexts, {});
  }

  async initialize(configuration: boolean): Promise<void> {
    this.client.listen();
    await this.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: path.basename(this.root) }],
      capabilities: { workspace: { configuration } },
    });
    await this.client.sendNotification('initialized', {});
  }

  /** What is published now as `file:line:character code`, sorted. */
  got(): string[] {
    return [...this.published]
      .flatMap(([file, list]) =>
        list.map((d) => `${file}:${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
      )
      .sort();
  }
}

describe("lsp: the web worker honours a folder's settings (workspace/configuration)", function () {
  this.timeout(120_000);
  const hybrid = path.join(EXAMPLES, 'hybrid-workspace');
  const hybridSettings = JSON.parse(readFileSync(path.join(hybrid, '.vscode/settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it("examples/hybrid-workspace: its .vscode/settings.json's resolution mode gives EXPECTED.json", async () => {
    const c = new WebClient(hybrid);
    c.settings = hybridSettings;
    await c.initialize(true);
    await c.loaded(1);
    assert.deepEqual(c.got(), expectedOf(hybrid));
    c.client.dispose();
  });

  it('a client that cannot answer is not asked: the defaults apply', async () => {
    const c = new WebClient(hybrid);
    c.settings = hybridSettings;
    await c.initialize(false);
    await c.loaded(1);
    assert.deepEqual(c.got(), []);
    c.client.dispose();
  });

  it('a files.exclude glob leaves its files unread, and they get no diagnostics', async () => {
    const demo = path.join(EXAMPLES, 'demo-workspace');
    const c = new WebClient(demo);
    c.settings = { 'files.exclude': { '**/bob_nlp/**': true } };
    await c.initialize(true);
    await c.loaded(1);
    assert.ok(c.read.length > 0, 'the rest is read');
    assert.deepEqual(
      c.read.filter((rel) => rel.includes('/bob_nlp/')),
      [],
    );
    assert.deepEqual(
      c.got().filter((d) => d.includes('/bob_nlp/')),
      [],
    );
    assert.ok(
      expectedOf(demo).some((d) => d.includes('/bob_nlp/')),
      'EXPECTED.json has diagnostics there without the exclusion',
    );
    c.client.dispose();
  });

  it('a change of the settings loads the folder again; what was published before is replaced', async () => {
    const c = new WebClient(hybrid);
    await c.initialize(true);
    await c.loaded(1);
    assert.deepEqual(c.got(), [], 'the default mode gives nothing');

    c.settings = hybridSettings;
    await c.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.loaded(2);
    assert.deepEqual(c.got(), expectedOf(hybrid));

    c.settings = {};
    await c.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.loaded(3);
    assert.deepEqual(c.got(), [], 'the file with diagnostics before is published empty');
    const [file] = expectedOf(hybrid)[0]?.split(':') ?? [];
    assert.deepEqual(c.published.get(file as string), []);
    c.client.dispose();
  });

  it("the client's notification at its start, as the first load runs, loads nothing more: settings that do not change are not loaded again", async () => {
    const c = new WebClient(hybrid);
    c.settings = hybridSettings;
    await c.initialize(true);
    // vscode-languageclient tells `synchronize.configurationSection` once right after `initialized`
    await c.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.loaded(1);
    assert.deepEqual(c.got(), expectedOf(hybrid));
    await c.until(() => c.asked >= 2);
    // the change after it is the second load: the unchanged one made none
    c.settings = {};
    await c.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.loaded(2);
    assert.equal(c.asked, 3);
    assert.equal(c.dones, 2);
    assert.deepEqual(c.got(), []);
    c.client.dispose();
  });

  it('registryLens.maxFileSizeMB: a larger file is not analysed (RL030), and the limit is said', async () => {
    const demo = path.join(EXAMPLES, 'demo-workspace');
    const c = new WebClient(demo);
    c.settings = { 'registryLens.maxFileSizeMB': 0.0001 };
    await c.initialize(true);
    await c.loaded(1);
    const skipped = [...c.published].filter(([, list]) => list.some((d) => d.code === 'RL030'));
    assert.ok(skipped.length > 0, 'files over 0.1 KB are skipped');
    const [, [first]] = skipped[0] as [string, Diagnostic[]];
    assert.match(String(first?.message ?? ''), /over the limit of 0\.1 KB \(setting registryLens\.maxFileSizeMB\)/);
    c.client.dispose();
  });

  it('a setting naming a path outside the folder is ignored, and the user is told once', async () => {
    const c = new WebClient(hybrid);
    c.settings = { ...hybridSettings, 'registryLens.workspaces.roots': ['../elsewhere'] };
    await c.initialize(true);
    await c.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.loaded(1);
    await c.until(() => c.asked >= 2);
    await c.client.sendRequest(Methods.contexts, {});
    assert.deepEqual(c.shown.filter((m) => m.includes('../elsewhere')).length, 1, c.shown.join('\n'));
    assert.match(c.shown[0] ?? '', /^Registry Lens: registryLens\.workspaces\.roots: ignoring/);
    c.client.dispose();
  });
});
