// The diagnostics cache (setting registryLens.cache.enabled, lsp/diagnosticCache.ts): a folder started again shows
// the lists of its unchanged files before its analysis is done, and ends where a server without the cache ends —
// after a file changed between the two starts, or with a damaged cache file; what a session analysed after its load
// is kept when it ends; off by default, it writes nothing.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Connection } from 'vscode-languageserver/node';
import { readCacheFile, writeCacheFile, type CacheSpec } from '../../server/src/host/cacheFile';
import { cacheSpec, engineIdentity } from '../../server/src/host/checkCache';
import { version } from '../../package.json';
import { toFolderSettings } from '../../server/src/host/folderSettings';
import { DiagnosticCache } from '../../server/src/lsp/diagnosticCache';
import { Methods } from '../../server/src/lsp/protocol';
import { TestClient } from './client';

const DEMO = join(__dirname, '../../examples/demo-workspace');
const ALICE = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';

type Publication = { uri: string; diagnostics: Diagnostic[] };

/** A server on `root` with these settings, once it has told its initial analysis done (its status). */
async function started(root: string, settings: Record<string, unknown>): Promise<TestClient> {
  const c = await TestClient.start(new Map(), { root, settings });
  await c.waitFor('the status after the initial analysis', () => c.notifications.some((n) => isStatus(n.method)));
  return c;
}

const isStatus = (method: string): boolean => method === Methods.status;

/** The publications of a session, split at its first status: those before it and those after. */
function publications(c: TestClient): { before: Publication[]; after: Publication[] } {
  const i = c.notifications.findIndex((n) => isStatus(n.method));
  const of = (ns: typeof c.notifications): Publication[] =>
    ns.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params as Publication);
  return { before: of(c.notifications.slice(0, i)), after: of(c.notifications.slice(i + 1)) };
}

/** The lists the client shows (non-empty ones), by URI. */
function shown(c: TestClient): Map<string, Diagnostic[]> {
  return new Map([...c.diagnostics].filter(([, ds]) => ds.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What a server without the cache shows on `root` once its initial analysis is done. */
async function withoutCache(root: string): Promise<Map<string, Diagnostic[]>> {
  const c = await started(root, {});
  try {
    return shown(c);
  } finally {
    await c.stop();
  }
}

describe('LSP: the diagnostics cache (registryLens.cache.enabled)', function () {
  this.timeout(120_000);
  let root: string;
  let cacheDir: string;
  let settings: Record<string, unknown>;
  // The user's cache folder (its key) of these servers and of this process.
  const userCache = mkdtempSync(join(tmpdir(), 'registry-lens-lsp-user-cache-'));
  let xdg: string | undefined;
  before(() => {
    xdg = process.env['XDG_CACHE_HOME'];
    process.env['XDG_CACHE_HOME'] = userCache;
  });
  after(() => {
    if (xdg === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = xdg;
    rmSync(userCache, { recursive: true, force: true });
  });
  /** The spec of the cache in `cacheDir` with this user's key and the build `engine`. */
  const specOf = (engine: string): CacheSpec => {
    const spec = cacheSpec(root, cacheDir, version, assert.fail);
    assert.ok(spec !== null);
    return { ...spec, engine };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'registry-lens-lsp-cache-'));
    cpSync(DEMO, root, { recursive: true });
    cacheDir = mkdtempSync(join(tmpdir(), 'registry-lens-lsp-cachedir-'));
    settings = { cache: { enabled: true, location: cacheDir } };
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Starts a server with the cache on, once, and returns what it showed. */
  async function firstStart(): Promise<Map<string, Diagnostic[]>> {
    const c = await started(root, settings);
    try {
      assert.equal(readdirSync(cacheDir).length, 1, 'one cache file once the initial analysis is done');
      return shown(c);
    } finally {
      await c.stop();
    }
  }

  it('an unchanged folder shows every list from the cache before its analysis is done, and sends none again', async () => {
    const first = await firstStart();
    assert.ok(first.size >= 3, `the demo workspace has diagnostics in several files (${first.size})`);
    const c = await started(root, settings);
    try {
      const { before, after } = publications(c);
      // each file's list, once, before the status: the cached one, which is the first start's final list
      assert.deepEqual(new Map(before.map((p) => [p.uri, p.diagnostics])), first);
      assert.equal(before.length, first.size, 'each list sent once');
      assert.deepEqual(after, []);
      assert.deepEqual(shown(c), first);
    } finally {
      await c.stop();
    }
  });

  type Kept = [rel: string, stamp: string, content: string, diagnostics: Diagnostic[]];
  /** The cache file the server wrote (its one file), the engine its header names, and the lists it holds. */
  function cached(): { file: string; spec: CacheSpec; lists: Kept[] } {
    const names = readdirSync(cacheDir);
    assert.equal(names.length, 1, names.join(', '));
    const file = join(cacheDir, names[0] as string);
    const spec = specOf(/"engine":"([^"]+)"/.exec(readFileSync(file, 'latin1'))?.[1] ?? '');
    return { file, spec, lists: (readCacheFile(spec, basename(file), assert.fail) ?? [])[0] as Kept[] };
  }

  it("the lists shown first are the cache's: one altered in the cache file is shown, then corrected", async () => {
    const first = await firstStart();
    // Every cached message altered, the stamps kept: only the cache can say these.
    const { file, spec, lists } = cached();
    assert.equal(lists.length, first.size);
    const altered = lists.map(([rel, stamp, content, ds]): Kept => [
      rel,
      stamp,
      content,
      ds.map((d) => ({ ...d, message: `${String(d.message)} (cached)` })),
    ]);
    writeCacheFile(spec, basename(file), [altered], assert.fail);
    const c = await started(root, settings);
    try {
      const { before } = publications(c);
      const firstOf = new Map<string, Diagnostic[]>();
      for (const p of before) if (!firstOf.has(p.uri)) firstOf.set(p.uri, p.diagnostics);
      assert.equal(firstOf.size, first.size);
      for (const [uri, ds] of firstOf) {
        const cachedOnes = ds.filter((d) => typeof d.message === 'string' && d.message.endsWith(' (cached)'));
        assert.ok(ds.length > 0 && cachedOnes.length === ds.length, `${uri}: the cache's list first`);
      }
      // then the analysis's, which the client ends with
      assert.deepEqual(shown(c), first);
    } finally {
      await c.stop();
    }
  });

  it('a file changed between the starts: the analysis corrects what the cache showed', async () => {
    const first = await firstStart();
    writeFileSync(join(root, ALICE), 'LOCAL_STEPS = {}\n');
    const c = await started(root, settings);
    let cached: Map<string, Diagnostic[]>;
    try {
      const { before } = publications(c);
      // the changed file's cached list is not shown (its stamp moved); the others' are, first
      assert.ok(first.has(c.uri(ALICE)), "alice's registry had diagnostics");
      assert.deepEqual(
        before
          .slice(0, first.size - 1)
          .map((p) => p.uri)
          .sort(),
        [...first.keys()].filter((uri) => uri !== c.uri(ALICE)),
      );
      cached = shown(c);
    } finally {
      await c.stop();
    }
    assert.deepEqual(cached, await withoutCache(root));
  });

  it('a truncated cache file is ignored with a message; the server ends where one without the cache ends', async () => {
    await firstStart();
    const [file] = readdirSync(cacheDir);
    const path = join(cacheDir, file as string);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const c = await started(root, settings);
    let cached: Map<string, Diagnostic[]>;
    try {
      const logs = c.notifications.filter((n) => n.method === 'window/logMessage').map((n) => JSON.stringify(n.params));
      assert.ok(
        logs.some((l) => l.includes('ignored the cache') && l.includes('HMAC')),
        logs.join('\n'),
      );
      cached = shown(c);
    } finally {
      await c.stop();
    }
    assert.deepEqual(cached, await withoutCache(root));
    assert.equal(readdirSync(cacheDir).length, 1, 'the damaged file is replaced');
  });

  it("an open document's list is shown from the cache only if the disk held the text it was analysed from", async () => {
    const disk = readFileSync(join(root, ALICE), 'utf8');
    const OTHER = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';
    const c = await TestClient.start(new Map(), { root, settings });
    try {
      await c.open(ALICE, disk);
      // not saved: every line one down, so its list differs from the disk's
      await c.open(OTHER, `\n${readFileSync(join(root, OTHER), 'utf8')}`);
      await c.waitFor('the status after the initial analysis', () => c.notifications.some((n) => isStatus(n.method)));
      assert.ok(shown(c).has(c.uri(ALICE)) && shown(c).has(c.uri(OTHER)));
    } finally {
      await c.stop();
    }
    const again = await started(root, settings);
    try {
      const { before } = publications(again);
      const cached = before.slice(
        0,
        before.findIndex((p) => p.uri === again.uri(OTHER)),
      );
      assert.ok(
        cached.some((p) => p.uri === again.uri(ALICE)),
        'the document saved as analysed: from the cache',
      );
      assert.equal(before.filter((p) => p.uri === again.uri(OTHER)).length, 1, 'the edited one: from the analysis');
      assert.deepEqual(shown(again), await withoutCache(root));
    } finally {
      await again.stop();
    }
  });

  it('a change analysed after the load is saved when the session ends, without waiting for a quiet moment', async () => {
    const c = await started(root, settings);
    let last: Map<string, Diagnostic[]>;
    try {
      const had = JSON.stringify(shown(c).get(c.uri(ALICE)));
      const statuses = (): number => c.notifications.filter((n) => isStatus(n.method)).length;
      const seen = statuses();
      // A line above all: each of its diagnostics one line down.
      writeFileSync(join(root, ALICE), `# changed\n${readFileSync(join(root, ALICE), 'utf8')}`);
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(ALICE), type: 2 }] });
      await c.diagnosticsOf(ALICE, "alice's list after the change", (ds) => JSON.stringify(ds) !== had);
      await c.waitFor('the status after the change is analysed', () => statuses() > seen);
      last = shown(c);
    } finally {
      await c.stop();
    }
    // What the file holds: the lists after the change.
    assert.deepEqual(new Map(cached().lists.map(([rel, , , ds]) => [pathToFileURL(join(root, rel)).href, ds])), last);
    const again = await started(root, settings);
    try {
      const { before, after } = publications(again);
      // Each list once: none the cache showed was corrected (lists elsewhere point into the changed file's lines).
      assert.deepEqual(new Map(before.map((p) => [p.uri, p.diagnostics])), last);
      assert.equal(before.length, last.size, 'each list sent once');
      assert.deepEqual(after, []);
    } finally {
      await again.stop();
    }
  });

  it("a file changed within two seconds of the save is kept with its content's digest, compared at the next start", () => {
    const warnings: string[] = [];
    const connection = { console: { warn: (m: string) => warnings.push(m) } } as unknown as Connection;
    const folder = toFolderSettings({ cache: { enabled: true, location: cacheDir } }, {});
    const cache = DiagnosticCache.of(root, folder, connection, 'demo');
    assert.ok(cache !== null);
    const list: Diagnostic[] = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' },
    ];
    const { mtimeMs, ctimeMs } = statSync(join(root, ALICE));
    const changed = Math.max(mtimeMs, ctimeMs);
    // The build as this process runs it (the cache's own identity of the engine)
    const spec = specOf(engineIdentity(version) as string);
    const file = (): string => {
      const files = readdirSync(cacheDir);
      assert.equal(files.length, 1);
      return join(cacheDir, files[0] as string);
    };
    type Kept = [string, string, string, Diagnostic[]];
    const kept = (): Kept[] => (readCacheFile(spec, basename(file()), (m) => warnings.push(m)) ?? [])[0] as Kept[];
    // Saved 2.1 s after the change: the stamp stands for the content.
    cache.save([[ALICE, list]], new Map(), changed + 2_100);
    assert.equal(kept()[0]?.[2], '');
    assert.deepEqual([...cache.unchanged()], [[ALICE, list]]);
    // Saved 1.9 s after it (a rewrite within the same second could keep the stamp): the content's digest is kept, and
    // the list is shown while the content is the same.
    cache.save([[ALICE, list]], new Map(), changed + 1_900);
    const [rel, stamp, content] = kept()[0] as Kept;
    assert.ok(content !== '' && stamp !== '', 'a stamp and a digest');
    assert.deepEqual([...cache.unchanged()], [[ALICE, list]]);
    // The same stamp over other content (what a rewrite within the second leaves): not shown.
    writeCacheFile(spec, basename(file()), [[[rel, stamp, 'another', list]]], (m) => warnings.push(m));
    assert.deepEqual([...cache.unchanged()], []);
    assert.deepEqual(warnings, []);
  });

  it('off by default: nothing is written', async () => {
    const c = await started(root, { cache: { location: cacheDir } });
    try {
      assert.ok(shown(c).size > 0);
      assert.deepEqual(readdirSync(cacheDir), []);
    } finally {
      await c.stop();
    }
  });
});
