// The bound on a parse's work (python/parseBudget.ts): no normal file comes near it — the examples' and
// the test data's Python files, and the heaviest legitimate shapes — and a file whose parse it cuts keeps
// every readable entry analysed, with an RL030 where the parse stopped.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { RegistryEngine } from '../../server/src/engine/engine';
import { budgetOf, parseWithin } from '../../server/src/engine/python/parseBudget';
import { prepareForTreeSitter } from '../../server/src/engine/python/parser';
import { normalizeLoneCr } from '../../server/src/engine/text/lineIndex';
import { freshDiagnostics, initParsers } from './helpers';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};
const REG = 'developer_workspaces/developers/big/src/cursus_dev/registry/workspace_registry.py';
/** A normal file uses at most this share of its budget (16,000 real Python files: at most 8.7 %). */
const MARGIN = 4;

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? pythonFiles(path) : e.name.endsWith('.py') ? [path] : [];
  });
}

const comment = (width: number): string => `#${'c'.repeat(width - 1)}\n`;
const nested = (depth: number): string =>
  Array.from({ length: depth }, (_, d) => `${'    '.repeat(d)}if x:\n`).join('') + `${'    '.repeat(depth)}y = 1\n`;
/** The heaviest legitimate shapes found: tree-sitter's scanner looks ahead over comment runs (extraRuns.ts blanks those of 32 lines). */
const SHAPES: Record<string, string> = {
  'runs of 31 long comment lines': `${comment(100).repeat(31)}x = 1\n`.repeat(100),
  'runs of 31 long comment lines before a dedent of ten levels':
    `${nested(10)}${comment(100).repeat(31)}z = 1\n`.repeat(100),
  'runs of 31 blank lines of spaces in blocks': `def f():\n    x = 1\n${'        \n'.repeat(31)}    y = 2\n`.repeat(
    100,
  ),
  'f-strings with nested fields': 'x = f"{a:>{w}} {b!r} {{c}}"\n'.repeat(2000),
};

describe('the parse budget', function () {
  this.timeout(120_000);
  let parser: Parser;
  before(async () => {
    await initParsers();
    parser = new Parser();
    parser.setLanguage(await Language.load(wasm.python));
  });

  /** The share of its budget a parse of `source` uses, prepared as withPythonTree prepares it. */
  function share(source: string): number {
    const text = prepareForTreeSitter(normalizeLoneCr(source));
    const { tree, work } = parseWithin(parser, text, null, Infinity);
    tree?.delete();
    return work / budgetOf(text.length);
  }

  it(`the examples' and the test data's Python files use at most 1/${MARGIN} of it`, () => {
    const files = [...pythonFiles(join(__dirname, '../../examples')), ...pythonFiles(join(__dirname, '..'))];
    assert.ok(files.length > 250, `${files.length} files`);
    const over = files.map((f) => [f, share(readFileSync(f, 'utf8'))] as const).filter(([, s]) => s > 1 / MARGIN);
    assert.deepEqual(over, []);
  });

  for (const [name, text] of Object.entries(SHAPES)) {
    it(`${name} use at most 1/${MARGIN} of it`, () => {
      const s = share(text);
      assert.ok(s <= 1 / MARGIN, `${(s * 100).toFixed(0)} % of the budget`);
    });
  }

  it('tree-sitter reads the text handed out in chunks as it reads the whole text, with a surrogate pair across a chunk boundary', () => {
    for (let pad = 0; pad < 260; pad++) {
      // U+1D465 is a letter, so it may start a name: a lone half of it would be an error.
      const text =
        `X = {"${'a'.repeat(pad)}": "\u{1F600}\u{1F600}"}\n`.repeat(3) +
        '\u{1D465} = "\u{1F600}"\nclass \u{1D465}A: pass\n';
      const whole = parser.parse(text);
      const { tree } = parseWithin(parser, text, null, Infinity);
      assert.equal(tree?.rootNode.toString(), whole?.rootNode.toString(), `padding ${pad}`);
      assert.equal(whole?.rootNode.hasError, false);
      whole?.delete();
      tree?.delete();
    }
  });

  it('a file whose parse is cut keeps every readable entry analysed, before and after the cut, with an RL030 on the line where it stopped', async () => {
    const registry =
      'LOCAL_STEPS = {\r\n    "Alpha": {"sagemaker_step_type": "Processing", "description": "a"},\r\n    "Data Loader!": {"sagemaker_step_type": "Utility"},\r\n}\r\n';
    const hostile = `X = "\r\n{"k":${'\r\n'.repeat(25_000)}"a"}\r\n`;
    const engine = await RegistryEngine.create(wasm);
    for (const [text, first] of [
      [registry + hostile, 0],
      [hostile + registry, 25_002],
    ] as const) {
      engine.setFile(REG, text);
      engine.update();
      const ds = engine.diagnostics(REG).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
      const cut = engine
        .diagnostics(REG)
        .filter((d) => d.message.includes('could not be fully parsed in bounded time'));
      assert.equal(cut.length, 1, JSON.stringify(ds));
      const line = cut[0]?.range.start.line ?? -1;
      assert.ok(cut[0]?.code === 'RL030' && line > 4 && line < 25_004, JSON.stringify(cut));
      assert.deepEqual(
        ds.filter((d) => !d.startsWith('RL030')),
        [`RL005@${first + 1}:4`, `RL008@${first + 2}:4`, `RL009@${first + 2}:4`],
      );
    }
    // The parser was reset: a reparse of the file fixed reads it whole, as a fresh engine does.
    const fixed = registry + 'X = "a"\r\n';
    engine.setFile(REG, fixed);
    engine.update();
    assert.deepEqual(engine.diagnostics(REG), await freshDiagnostics(REG, fixed));
    assert.deepEqual(
      engine.diagnostics(REG).map((d) => d.code),
      ['RL005', 'RL008', 'RL009'],
    );
  });
});
