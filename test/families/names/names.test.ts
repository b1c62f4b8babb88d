// The names family (index.ts), added as a family is added: its folder and one line registering it
// (here `EngineOptions.families`). It reports duplicates across files, answers hover and definition,
// and passes the oracle: after random edits of its files the incremental engine answers exactly as a
// fresh one.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RegistryEngine } from '../../../server/src/engine/engine';
import { TREE_EDITS, runSequence } from '../../engine/randomEdits';
import { names } from './index';
import { NAMES_EDITS, NAMES_EXAMPLE } from './edits';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

/** Hover and definition at the start of every list item of every names file. */
function probe(engine: RegistryEngine, files: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!file.endsWith('.names.yaml')) continue;
    text.split('\n').forEach((_, line) => {
      const pos = { line, character: 3 };
      out[`hover ${file}:${line}`] = engine.hover(file, pos);
      out[`definition ${file}:${line}`] = engine.definition(file, pos);
    });
  }
  return out;
}

describe('a family added by its folder and one line: names (test/families/names)', function () {
  this.timeout(300000);

  it('reports a name defined twice, in one file or across files, and answers hover and definition', async () => {
    const engine = await RegistryEngine.create(wasm, {}, { families: [names] });
    assert.equal(engine.interest().wants('lists/x.names.yaml'), true);
    assert.equal(engine.interest().wants('other/readme.yaml'), false);
    for (const [f, t] of NAMES_EXAMPLE) engine.setFile(f, t);
    engine.update();
    assert.deepEqual(
      engine.allDiagnostics().map((d) => `${d.code} ${d.severity} ${d.file}:${d.range.start.line} ${d.message}`),
      [
        "RL950 warning lists/a.names.yaml:2 'alpha' is already defined at lists/a.names.yaml:1",
        "RL950 warning lists/b.names.yaml:1 'beta' is already defined at lists/a.names.yaml:2",
      ],
    );
    assert.equal(engine.hover('lists/b.names.yaml', { line: 1, character: 3 })?.markdown, '**beta**: defined 2 times');
    assert.equal(engine.hover('lists/b.names.yaml', { line: 0, character: 3 })?.markdown, '**gamma**: defined once');
    assert.deepEqual(
      engine.definition('lists/b.names.yaml', { line: 1, character: 3 }).map((l) => `${l.file}:${l.range.start.line}`),
      ['lists/a.names.yaml:1'],
    );
  });

  it('reads its own setting, typed: names it lets repeat are not reported, until the settings change', async () => {
    const engine = await RegistryEngine.create(wasm, { namesRepeatable: ['alpha'] }, { families: [names] });
    for (const [f, t] of NAMES_EXAMPLE) engine.setFile(f, t);
    engine.update();
    assert.deepEqual(
      engine.allDiagnostics().map((d) => `${d.code} ${d.file}:${d.range.start.line}`),
      ['RL950 lists/b.names.yaml:1'],
    );
    engine.configure({});
    engine.update();
    assert.deepEqual(
      engine.allDiagnostics().map((d) => `${d.code} ${d.file}:${d.range.start.line}`),
      ['RL950 lists/a.names.yaml:2', 'RL950 lists/b.names.yaml:1'],
    );
  });

  for (const [seed, stepped] of [
    [31, false],
    [32, false],
    [33, true],
  ] as const) {
    it(`passes the random-edit oracle, seed ${seed}${stepped ? ', analysed in steps' : ''}`, async () => {
      await runSequence({
        seed,
        settings: {},
        example: 'names',
        files: NAMES_EXAMPLE,
        edits: [...NAMES_EDITS, ...TREE_EDITS],
        options: { families: [names] },
        probe,
        steps: stepped ? 20 : 40,
        stepped,
      });
    });
  }
});
