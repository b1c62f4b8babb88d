// Long runs of commas are blanked before tree-sitter parses (python/commaRuns.ts): tree-sitter's error
// recovery on them cost 15–50 times what code costs per character, on every keystroke. What is blanked,
// what is not, and that the fuzzer's registry now parses with the work of ordinary code, its entries read.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';
import { RegistryEngine } from '../../server/src/engine/engine';
import { COMMA_RUN, breakCommaRuns } from '../../server/src/engine/python/commaRuns';
import { parseWithin } from '../../server/src/engine/python/parseBudget';
import { prepareForTreeSitter } from '../../server/src/engine/python/parser';
import { initParsers } from './helpers';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};
const REG = 'developer_workspaces/developers/w/src/cursus_dev/registry/workspace_registry.py';
/** The fuzzer's registry (shared repro R31), `n` commas after the identifier. */
const r31 = (n: number): string =>
  `LOCAL_STEPS = {\n    "A": {"config_class": "AConfig",\n    ${','.repeat(1000)}e${','.repeat(n)}\n}\n`;

describe('long runs of commas before tree-sitter', function () {
  this.timeout(120_000);

  it('blanks a run of COMMA_RUN commas after its second one, outside strings and comments, keeping every position', () => {
    const run = ', '.repeat(COMMA_RUN);
    const text = `x = [1${run}2]\ny = "${run}"  # ${run}\nz = '''\n${run}\n'''\n`;
    const out = breakCommaRuns(text);
    assert.equal(out.length, text.length);
    assert.equal(out.split('\n').length, text.split('\n').length);
    assert.equal(out.split('\n')[0], `x = [1, ,${' '.repeat(run.length - 3)}2]`);
    assert.deepEqual(out.split('\n').slice(1), text.split('\n').slice(1));
    // one comma fewer is left as it is (no code has either; a typo's `,,` stays the error it is)
    const short = `x = [1${', '.repeat(COMMA_RUN - 1)}2]\n`;
    assert.equal(breakCommaRuns(short), short);
    assert.equal(breakCommaRuns('f(a,, b)\n'), 'f(a,, b)\n');
  });

  it("the fuzzer's registry parses with the work of code, not 15 times more, and its entry is still read", async () => {
    await initParsers();
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm.python));
    const text = r31(40_000);
    const workPerChar = (t: string): number => {
      const { tree, work } = parseWithin(parser, t, null, Infinity);
      tree?.delete();
      return work / t.length;
    };
    const before = workPerChar(text);
    const after = workPerChar(prepareForTreeSitter(text));
    // code needs 2–9 per character (parseBudget.ts)
    assert.ok(before > 30 && after < 9, `work per character ${before.toFixed(1)} → ${after.toFixed(1)}`);
    const engine = await RegistryEngine.create(wasm);
    engine.setFile(REG, text);
    engine.update();
    assert.deepEqual(
      engine
        .list({ context: 'w' })
        .filter((r) => r.source !== 'core')
        .map((r) => r.name),
      ['A'],
    );
  });
});
