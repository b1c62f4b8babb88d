// A parse run ahead in slices (Engine.warm, python/parser.ts warmTree): the language server runs it between
// events for an edited Python file with a syntax error, so the reparse of a large error region never blocks
// the event loop whole. The parse it keeps is the one the analysis then uses, and the analysis is the one a
// fresh engine gives.
import { strict as assert } from 'node:assert';
import type { Tree } from 'web-tree-sitter';
import { RegistryEngine } from '../../server/src/engine/engine';
import { warmTree, withPythonTree, type TreeWarmup } from '../../server/src/engine/python/parser';
import { freshDiagnostics, initParsers, wasm } from './helpers';

const REG = 'developer_workspaces/developers/big/src/cursus_dev/registry/workspace_registry.py';

/** A workspace registry whose first entry is good and whose second is a broken dict of `e,` repeated. */
function broken(units: number, name = 'AConfig'): string {
  return (
    'LOCAL_STEPS = {\n    "Alpha": {"sagemaker_step_type": "Processing", "description": "a"},\n' +
    `    "B": {"config_class": "${name}",\n    ${'e,'.repeat(units)}\n}\n`
  );
}

/** Runs a warmup to its end; the slices it took. */
function run(w: TreeWarmup): number {
  let slices = 1;
  while (!w.step()) slices++;
  return slices;
}

/** The tree withPythonTree hands over for `text` under `key` (kept: the caller must not free it). */
function treeOf(text: string, key: string): Tree {
  return withPythonTree(
    text,
    (t) => t,
    () => assert.fail('cut'),
    key,
  );
}

/** The tree-sitter tree of a text parsed whole, printed. */
function fresh(text: string): string {
  return withPythonTree(
    text,
    (t) => t.rootNode.toString(),
    () => 'cut',
  );
}

describe('a parse run ahead in slices (warm)', function () {
  this.timeout(120_000);
  before(initParsers);

  it('runs only for a kept tree with a syntax error, and only for a new text', () => {
    assert.equal(warmTree(broken(10), 'w:none'), undefined, 'no tree kept');
    treeOf('X = {"a": 1}\n', 'w:valid');
    assert.equal(warmTree('X = {"a": 2}\n', 'w:valid'), undefined, 'the kept tree has no error');
    treeOf(broken(10), 'w:broken');
    assert.equal(warmTree(broken(10), 'w:broken'), undefined, 'the same text');
    assert.notEqual(warmTree(broken(11), 'w:broken'), undefined);
  });

  it('parses a large error region in many slices, and the next parse of that text is the tree it made', () => {
    const key = 'w:large';
    treeOf(broken(40_000), key);
    const next = broken(40_000, 'BConfig');
    const w = warmTree(next, key);
    assert.ok(w !== undefined);
    assert.ok(run(w) > 10, 'one slice is a bounded piece of the parse');
    const first = treeOf(next, key);
    assert.equal(treeOf(next, key), first, 'no parse: the kept tree');
    assert.equal(first.rootNode.toString(), fresh(next));
  });

  it('warmups of different files run side by side; a new one of the same file cancels the last, which keeps nothing', () => {
    treeOf(broken(20_000), 'w:a');
    treeOf(broken(20_000), 'w:b');
    const a = warmTree(broken(20_000, 'A2'), 'w:a');
    assert.ok(a !== undefined && !a.step());
    const b = warmTree(broken(20_000, 'B2'), 'w:b');
    assert.ok(b !== undefined && !b.step());
    // Slices of the two alternate (two folders' files), each parse keeping its own state.
    for (let done = [false, false]; !done[0] || !done[1];) done = [a.step(), b.step()];
    assert.equal(warmTree(broken(20_000, 'A2'), 'w:a'), undefined, 'A2 kept');
    assert.equal(warmTree(broken(20_000, 'B2'), 'w:b'), undefined, 'B2 kept');
    assert.equal(treeOf(broken(20_000, 'A2'), 'w:a').rootNode.toString(), fresh(broken(20_000, 'A2')));
    assert.equal(treeOf(broken(20_000, 'B2'), 'w:b').rootNode.toString(), fresh(broken(20_000, 'B2')));
    const a3 = warmTree(broken(20_000, 'A3'), 'w:a');
    assert.ok(a3 !== undefined && !a3.step());
    const a4 = warmTree(broken(20_000, 'A4'), 'w:a');
    assert.ok(a4 !== undefined);
    assert.equal(a3.step(), true, 'cancelled');
    run(a4);
    // w:a holds A4 now, never A3: a warmup of A3 is still to run.
    assert.notEqual(warmTree(broken(20_000, 'A3'), 'w:a'), undefined);
    assert.equal(warmTree(broken(20_000, 'A4'), 'w:a'), undefined);
  });

  it('past four warmups at once, a new one cancels the oldest', () => {
    const keys = ['w:p', 'w:q', 'w:r', 'w:s', 'w:t'];
    for (const k of keys) treeOf(broken(20_000), k);
    const ws = keys.map((k) => warmTree(broken(20_000, 'N2'), k));
    assert.ok(ws.every((w) => w !== undefined));
    assert.deepEqual(
      ws.map((w) => w?.step()),
      [true, false, false, false, false],
    );
    for (const w of ws) if (w) run(w);
    assert.notEqual(warmTree(broken(20_000, 'N2'), 'w:p'), undefined, 'cancelled, nothing kept');
    assert.equal(warmTree(broken(20_000, 'N2'), 'w:t'), undefined);
  });

  it('edits of a broken registry, each parse run ahead, analyse as a fresh engine does', async () => {
    const engine = await RegistryEngine.create(wasm);
    const texts = [
      broken(5_000),
      broken(5_000, 'Missing'),
      broken(5_000).replace('"Alpha"', '"Data Loader!"'),
      'LOCAL_STEPS = {\n    "Alpha": {"sagemaker_step_type": "Processing", "description": "a"},\n}\n',
    ];
    let warmed = 0;
    for (const text of texts) {
      const w = engine.warm(REG, text);
      if (w !== undefined) {
        run(w);
        warmed++;
      }
      engine.setFile(REG, text);
      engine.update();
      assert.deepEqual(engine.diagnostics(REG), await freshDiagnostics(REG, text));
    }
    assert.equal(warmed, 3, 'every edit of the broken file ran ahead');
    assert.equal(engine.warm(REG, texts[0] ?? ''), undefined, 'the file parses without error now');
  });

  it('a parse past its budget keeps nothing, and the analysis cuts it as before', async () => {
    const engine = await RegistryEngine.create(wasm);
    const start = broken(10);
    engine.setFile(REG, start);
    engine.update();
    const hostile = `${start}X = "\r\n{"k":${'\r\n'.repeat(25_000)}"a"}\r\n`;
    const w = engine.warm(REG, hostile);
    assert.ok(w !== undefined);
    run(w);
    engine.setFile(REG, hostile);
    engine.update();
    assert.deepEqual(engine.diagnostics(REG), await freshDiagnostics(REG, hostile));
    assert.ok(engine.diagnostics(REG).some((d) => d.message.includes('could not be fully parsed in bounded time')));
  });
});
