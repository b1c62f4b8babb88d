// `mcp --cache`, over the SDK client: a whole-root check that comes while the root loads is answered from
// check's cache (the file `check --cache` keeps for the same root) when nothing its result read changed, and
// needs no engine for it; a change, or any other question, waits for the engine; each load keeps its result
// in the cache, which `check --cache` then answers from.
import { strict as assert } from 'node:assert';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { REPO, runCli, runJson } from '../cli/helpers';
import { CLI, McpTestClient, sdkClient } from './client';

const BOB = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';

interface CheckDoc {
  diagnostics: unknown[];
  summary: Record<string, number>;
}

async function check(client: Client, args: Record<string, unknown> = {}): Promise<CheckDoc | { error: string }> {
  const r = await client.callTool({ name: 'check', arguments: { limit: 100_000, ...args } });
  const text = (r.content as { text: string }[]).map((c) => c.text).join('\n');
  if (r.isError === true) return { error: text };
  const doc = r.structuredContent as CheckDoc;
  return { diagnostics: doc.diagnostics, summary: { ...doc.summary, ms: 0 } };
}

describe('mcp --cache', function () {
  this.timeout(120_000);
  let temp: string;
  let root: string;
  let folder: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'registry-lens-mcp-cache-'));
    root = join(temp, 'root');
    cpSync(join(REPO, 'examples', 'demo-workspace'), root, { recursive: true });
    folder = join(temp, 'cache');
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  const cacheFile = (): string => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.bin'));
    assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
    return join(folder, files[0] as string);
  };

  it('answers a whole-root check from the cache without an engine; a change or another tool needs the engine', async () => {
    runCli(['check', root, '--cache', '--cache-location', folder]);
    // The same bundle without the tree-sitter wasm beside it: the same build (its identity is the bundle's digest),
    // whose root never loads.
    const bare = join(temp, 'bare');
    mkdirSync(bare);
    copyFileSync(CLI, join(bare, 'cli.js'));
    const withEngine = await sdkClient(['mcp', '--root', root]);
    const cached = await sdkClient(
      ['mcp', '--root', root, '--cache', '--cache-location', folder],
      join(bare, 'cli.js'),
    );
    try {
      for (const args of [{}, { paths: [BOB] }, { codes: ['RL002'] }, { severity: 'warning' }, { limit: 2 }])
        assert.deepEqual(await check(cached, args), await check(withEngine, args), JSON.stringify(args));
      const cli = runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json as unknown as CheckDoc;
      assert.deepEqual(await check(cached), { diagnostics: cli.diagnostics, summary: { ...cli.summary, ms: 0 } });
      for (const args of [{ mode: 'hybrid' }, { paths: [BOB], causedBy: true }]) {
        const r = await check(cached, args);
        assert.ok('error' in r && /wasm/.test(r.error), `${JSON.stringify(args)}: the engine is asked`);
      }
      const explained = await cached.callTool({ name: 'explain', arguments: { step: 'FeatureJoin' } });
      assert.equal(explained.isError, true, 'explain needs the engine');
      writeFileSync(join(root, BOB), `${readFileSync(join(root, BOB), 'utf8')}\n# changed\n`);
      const changed = await check(cached);
      assert.ok('error' in changed, 'a change is not answered from the cache');
    } finally {
      await Promise.all([withEngine.close(), cached.close()]);
    }
  });

  it('says each warning of the root once, however many answers come from the cache', async () => {
    // A settings file that does not parse (said as the settings are read) and a binary registry (said as it is fed)
    const settings = join(root, '.vscode', 'settings.json');
    mkdirSync(join(root, '.vscode'), { recursive: true });
    writeFileSync(settings, '{"registryLens.resolution.mode": ');
    const alice = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
    writeFileSync(join(root, alice), 'LOCAL_STEPS = {\0}\n');
    const said = (stderr: string): string[] => stderr.split('\n').filter((l) => /settings\.json|skipped/.test(l));
    // What one run says (the CLI's check, filling the cache)
    const once = said(runCli(['check', root, '--cache', '--cache-location', folder]).stderr);
    assert.equal(once.length, 2, once.join('\n'));
    assert.equal(once[1], `registry-lens: skipped ${alice}: it is a binary file (it contains a NUL byte)`);
    assert.match(once[0] as string, /^registry-lens: \.vscode\/settings\.json:1:\d+: /);
    // Without the engine (the bundle alone) every check is answered from the cache, none by a load.
    const bare = join(temp, 'bare');
    mkdirSync(bare);
    copyFileSync(CLI, join(bare, 'cli.js'));
    const args = ['mcp', '--root', root, '--cache', '--cache-location', folder];
    const cached = McpTestClient.start(root, args, join(bare, 'cli.js'));
    await cached.handshake();
    for (let i = 0; i < 3; i++) assert.notEqual((await cached.call('check', {})).isError, true);
    assert.equal(await cached.close(), 0);
    assert.deepEqual(said(cached.stderr), once, cached.stderr);
    // With the engine: the answer from the cache, then the load (which feeds the binary file again), then a call
    // after the load; a change of the settings opens the root afresh, which says them again.
    const live = McpTestClient.start(root, args);
    await live.handshake();
    assert.notEqual((await live.call('check', {})).isError, true);
    assert.notEqual((await live.call('list', {})).isError, true);
    assert.notEqual((await live.call('check', {})).isError, true);
    assert.deepEqual(said(live.stderr), once, live.stderr);
    writeFileSync(settings, '{"registryLens.resolution.mode": "hybrid" ');
    assert.notEqual((await live.call('check', {})).isError, true);
    assert.equal(await live.close(), 0);
    const again = said(live.stderr).slice(2);
    assert.equal(again.length, 2, live.stderr);
    assert.match(again[0] as string, /^registry-lens: \.vscode\/settings\.json:1:\d+: /);
    assert.notEqual(again[0], once[0]);
    assert.equal(again[1], once[1]);
  });

  it('answers a call that starts the load once what it reports is known, as it answers after the load', async () => {
    const plain = await sdkClient(['mcp', '--root', root]);
    const cachedServer = (): Promise<Client> =>
      sdkClient(['mcp', '--root', root, '--cache', '--cache-location', mkdtempSync(join(temp, 'cache-'))]);
    const early = await cachedServer();
    try {
      const args = { name: 'check', arguments: { paths: [BOB], limit: 1000 } };
      const first = (await early.callTool(args)).structuredContent as CheckDoc & { loading?: boolean };
      // A whole-root check (not answered by the empty cache) waits for the load.
      await early.callTool({ name: 'check', arguments: {} });
      const after = (await early.callTool(args)).structuredContent as CheckDoc & { loading?: boolean };
      const whole = (await plain.callTool(args)).structuredContent as CheckDoc;
      const own = (doc: CheckDoc): unknown[] => doc.diagnostics.filter((d) => (d as { file: string }).file === BOB);
      assert.equal(first.loading, true, 'the first answer came while the rest of the root was analysed');
      assert.ok(own(whole).length > 0, "BOB's registry has diagnostics");
      assert.deepEqual(own(first), own(whole), "the file's own diagnostics are final");
      const known = new Set(whole.diagnostics.map((d) => JSON.stringify(d)));
      assert.ok(
        first.diagnostics.every((d) => known.has(JSON.stringify(d))),
        'nothing the whole answer lacks',
      );
      const { sources, entries, workspaces } = whole.summary;
      assert.deepEqual(
        {
          sources: first.summary['sources'],
          entries: first.summary['entries'],
          workspaces: first.summary['workspaces'],
        },
        { sources, entries, workspaces },
      );
      assert.equal(after.loading, undefined, 'a call after the load');
      assert.deepEqual(
        { ...after, summary: { ...after.summary, ms: 0 } },
        { ...whole, summary: { ...whole.summary, ms: 0 } },
      );
      for (const [name, a] of [
        ['explain', { name: 'SentenceEmbedding', workspace: 'bob_nlp' }],
        ['locate', { name: 'ModelEvaluation' }],
        ['list', { workspace: 'bob_nlp' }],
        ['graph', {}],
      ] as const) {
        const strip = (r: Awaited<ReturnType<Client['callTool']>>): string =>
          JSON.stringify(r, (k, v: unknown) => (k === 'ms' ? 0 : v));
        // Each the first call of a server of its own: the one that starts the load.
        const server = await cachedServer();
        try {
          const got = await server.callTool({ name, arguments: a });
          assert.notEqual(got.isError, true, `${name}: ${JSON.stringify(got.content)}`);
          assert.equal(strip(got), strip(await plain.callTool({ name, arguments: a })), name);
        } finally {
          await server.close();
        }
      }
    } finally {
      await Promise.all([plain.close(), early.close()]);
    }
  });

  it('says where its cache is as it starts', async () => {
    const c = McpTestClient.start(root, ['mcp', '--root', root, '--read-only', '--cache', '--cache-location', folder]);
    await c.handshake();
    assert.equal(await c.close(), 0);
    assert.ok(c.stderr.includes(`MCP server on ${root} (stdio, read-only, cache in ${folder})`), c.stderr);
  });

  it("keeps each load's result in the cache, which check --cache answers from", async () => {
    const client = await sdkClient(['mcp', '--root', root, '--cache', '--cache-location', folder]);
    let viaMcp: CheckDoc | { error: string };
    try {
      viaMcp = await check(client);
      // Any call that needs the engine waits for the load, which keeps its result before it answers.
      await client.callTool({ name: 'list', arguments: {} });
    } finally {
      await client.close();
    }
    const stored = readFileSync(cacheFile());
    const doc = runJson([
      'check',
      root,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--cache',
      '--cache-location',
      folder,
    ]).json as unknown as CheckDoc;
    assert.deepEqual({ diagnostics: doc.diagnostics, summary: { ...doc.summary, ms: 0 } }, viaMcp);
    assert.ok(readFileSync(cacheFile()).equals(stored), 'answered from the file the server wrote, not rewritten');
  });
});
