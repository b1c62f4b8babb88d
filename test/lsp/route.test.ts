// ARCHITECTURE.md's route from a keystroke to a published diagnostic is a stack trace of the running
// server: the server runs from source with a probe (route/probe.ts) at both ends of the route and at the
// parse, a keystroke is typed into an open registry, and each stack's frames in server/src are the hops the
// section's tables list, in order, each named there (its file, and its `Class.method`), at most 15 per stack.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALICE_REGISTRY, cleanTree, REPO } from '../cli/helpers';
import { TestClient } from './client';

interface Call {
  name: string;
  first: unknown;
  frames: { fn: string; file: string }[];
}

/** The section of ARCHITECTURE.md that tells the route. */
function routeSection(): string {
  const doc = readFileSync(join(REPO, 'ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf('## From a keystroke to a published diagnostic');
  return doc.slice(start, doc.indexOf('\n## ', start + 1));
}

describe('lsp: the route of a keystroke, as ARCHITECTURE.md tells it', function () {
  this.timeout(120_000);
  let dir: string;
  let c: TestClient | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-lens-route-'));
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the stack of the edit staged, then the stacks of the analysis parsing it and publishing it', async () => {
    const log = join(dir, 'calls.jsonl');
    const probe = join(__dirname, 'route', 'probe.ts');
    const server = join(__dirname, 'route', 'server.ts');
    const tree = cleanTree();
    c = await TestClient.start(new Map(Object.entries(tree)), {
      command: { args: ['--require', 'tsx/cjs', '--require', probe, server], env: { ROUTE_LOG: log } },
    });
    const text = tree[ALICE_REGISTRY] as string;
    await c.open(ALICE_REGISTRY, text);
    await c.loaded();
    const before = readFileSync(log, 'utf8').split('\n').length;
    await c.change(ALICE_REGISTRY, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# x\n');
    await c.waitFor('the edit staged and published', () => {
      const calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .slice(before - 1);
      return calls.some((l) => l.includes('"publish"')) ? calls : undefined;
    });
    const calls = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .slice(before - 1)
      .map((l) => JSON.parse(l) as Call);
    const staged = calls.find((k) => k.name === 'stage' && k.first === ALICE_REGISTRY);
    const published = calls.find((k) => k.name === 'publish');
    const parsed = calls.find((k) => k.name === 'read' && k.first === ALICE_REGISTRY);
    assert.ok(staged && published && parsed, JSON.stringify(calls));
    const hops = (k: Call): string[] => [...k.frames].reverse().map((f) => `${f.fn} ${f.file}`);
    assert.deepEqual(hops(staged), [
      '<anonymous> server/src/lsp/server.ts',
      'Session.edited server/src/lsp/session.ts',
      'FolderQueue.change server/src/lsp/folderQueue.ts',
      'FolderQueue.run server/src/lsp/folderQueue.ts',
      'FolderQueue.apply server/src/lsp/folderQueue.ts',
      'Object.apply server/src/lsp/folder.ts',
      'Feeder.stage server/src/host/feeder.ts',
    ]);
    // The analysis, to Feeder.flush; then the publication, and the parse.
    const analysis = [
      'Timeout._onTimeout server/src/lsp/debounce.ts',
      '<anonymous> server/src/lsp/folderQueue.ts',
      'FolderQueue.run server/src/lsp/folderQueue.ts',
      'FolderQueue.step server/src/lsp/folderQueue.ts',
      'FolderAnalysis.step server/src/lsp/analysis.ts',
      'Feeder.flush server/src/host/feeder.ts',
    ];
    assert.deepEqual(hops(published), [
      ...analysis,
      'RegistryEngine.updateSome server/src/engine/engine.ts',
      'Workspace.update server/src/engine/workspace.ts',
      'Publisher.publish server/src/engine/analysis/publish.ts',
    ]);
    // The edited text is read again where the analysis commits the batch, before the update.
    assert.deepEqual(hops(parsed), [
      ...analysis,
      'RegistryEngine.commit server/src/engine/engine.ts',
      'Workspace.commit server/src/engine/workspace.ts',
      'Database.commit server/src/engine/db/database.ts',
      'endBatch server/src/engine/db/nodes.ts',
      'flush server/src/engine/db/nodes.ts',
      'run server/src/engine/db/nodes.ts',
      'refresh server/src/engine/db/nodes.ts',
      'updateQuery server/src/engine/db/nodes.ts',
      'Object.fn server/src/engine/analysis/files.ts',
    ]);
    const section = routeSection();
    for (const k of [staged, published, parsed]) {
      assert.ok(k.frames.length <= 15, `${k.name}: ${k.frames.length} hops`);
      for (const { fn, file } of k.frames) {
        assert.ok(section.includes(`\`${file}\``), `${file} is not named in the route`);
        if (/^[A-Z]\w+\.\w+$/.test(fn) && !fn.startsWith('Object.') && !fn.startsWith('Timeout.'))
          assert.ok(section.includes(`\`${fn}\``), `${fn} is not named in the route`);
      }
    }
  });
});
