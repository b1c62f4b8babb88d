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
    const fresh = withPythonTree(
      next,
      (t) => t.rootNode.toString(),
      () => 'cut',
    );
    assert.equal(first.rootNode.toString(), fresh);
  });

  it('a new warmup cancels the last, which then keeps nothing', () => {
    treeOf(broken(20_000), 'w:a');
    treeOf(broken(20_000), 'w:b');
    const a = warmTree(broken(20_000, 'A2'), 'w:a');
    assert.ok(a !== undefined && !a.step());
    const b = warmTree(broken(20_000, 'B2'), 'w:b');
    assert.ok(b !== undefined);
    assert.equal(a.step(), true, 'cancelled');
    run(b);
    // w:a still holds the text parsed before: a warmup of A2 is still to run.
    assert.notEqual(warmTree(broken(20_000, 'A2'), 'w:a'), undefined);
    assert.equal(warmTree(broken(20_000, 'B2'), 'w:b'), undefined);
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
