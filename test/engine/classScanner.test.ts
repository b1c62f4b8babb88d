// The class scanner (the fast path of parsePythonFacts for files that need only their classes) must
// give exactly what the full tree-sitter parse gives, or decline. Proven on the bench corpus (every
// Python file of the small generated org, where it must also answer) and on files mutated by a
// deterministic mutator (where it may decline, never differ): the mutator's own damage, and lines that
// take each of the scanner's ways to decline.
import { strict as assert } from 'node:assert';
import { initParsers } from './helpers';
import { parsePythonFacts } from '../../server/src/engine/python/facts';
import { scanClasses } from '../../server/src/engine/python/classScanner';
import { buildOrg, ORGS, renderComponent, renderCoreRegistry, renderWorkspaceRegistry } from '../../bench/generate';
import { Rng } from '../../bench/rng';
import { mutate, SNIPPETS } from './pythonMutations';

/** The classes of the full parse (registry mode never takes the fast path; classes are read the same way). */
const full = (text: string): unknown => parsePythonFacts(text).classes;

function corpus(): { path: string; text: string }[] {
  const org = buildOrg(ORGS.small);
  return [
    ...org.components.map((c) => ({ path: c.path, text: renderComponent(c) })),
    ...org.workspaces.slice(0, 20).map((ws) => ({ path: ws.registryPath, text: renderWorkspaceRegistry(ws) })),
    { path: org.corePath, text: renderCoreRegistry(org) },
  ];
}

/** One small module per way the scanner declines (strings, f-string fields, token sequences, blocks, class headers and bodies). */
const DECLINED = [
  // strings and f-strings
  'class A:\n    x = "a\\"',
  'class A:\n    s = f"{d[\'k}"\n',
  'class A:\n    s = f"{d[\'\\\\k\']}"\n',
  'class A:\n    s = f"{a(]}"\n',
  'class A:\n    s = """a\\\nb"""\n',
  'class A:\n    s = ["\\N{", "}"]\n',
  'class A:\n    s = "\\N{EM DASH}"\n',
  'class A:\n    s = f"{d["k"]}"\n',
  'class A:\n    x = (\n',
  // characters and lines
  'class A:\n\tx = 1\n',
  'class A:\r\n    pass\r\n',
  'class A:\n    é = 1\n',
  'x = \\\n    1\nclass A:\n    pass\n',
  'class A:\n    x = 1\n  # between\n',
  // token sequences
  'class A:\n    def f(self):\n        for x + 1 in y:\n            pass\n',
  'class A:\n    x = a else b\n',
  'class A:\n    x = [a for b]\n',
  'class A:\n    x = [**a]\n',
  'class A:\n    x = f(yield)\n',
  'class A:\n    def f(self, p=yield):\n        pass\n',
  'class A:\n    x = 1 +\n',
  'class A:\n    x = not\n',
  'class A:\n    x = a.(b)\n',
  'class A:\n    x = (if a)\n',
  'class A:\n    x = (1 +)\n',
  'class A:\n    s = f"a}"\n',
  'class A:\n    x = [{}\n        {}]\n',
  'class A:\n    a@b: int = 1\n',
  'class A:\n    x = = 1\n',
  // blocks
  'class A:\n    def f(self):\n        try:\n            pass\n    x = 1\n',
  'class A:\n    def f(self):\n        @d\n    def g(self):\n        pass\n',
  'class A:\n    def f(self):\n        if x:\n            pass\n        else: pass\n',
  'class A:\n    def f(self):\n        match x:\n            case 1:\n                pass\n',
  'class A:\n    def f(self):\n        if x:\n            pass\n        else x:\n            pass\n',
  'class A:\n    print\n',
  'class A:\n    def f(self):\n        try:\n            pass\n',
  'class A: pass\n',
  'class A:\n    def f(self):\n    pass\n',
  'class A(B) -> C:\n    pass\n',
  // class headers and bodies
  'class A(\n    B,\n):\n    pass\n',
  'class A("B"):\n    pass\n',
  'class A:\n    x = "a" "b"\n',
  'class A:\n    "a" "b"\n',
  'class A:\n    f"""doc {x}"""\n',
  'class A:\n    x: int += 1\n',
];

/** The lines of those modules that make them declined, for mutants. */
const DECLINING_LINES = DECLINED.flatMap((text) =>
  text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '' && l.trim() !== 'pass'),
);

/** `count` mutants of `files`, each mutated 1 to 3 times: equal to the full parse or declined; returns how many were answered. */
function proveOnMutants(
  files: { path: string; text: string }[],
  seed: number,
  count: number,
  snippets?: readonly string[],
): number {
  const rng = new Rng(seed);
  let answered = 0;
  for (let n = 0; n < count; n++) {
    const base = rng.pick(files);
    let text = base.text;
    for (let k = rng.int(1, 3); k > 0; k--) text = mutate(text, rng, snippets);
    const fast = scanClasses(text);
    if (fast === null) continue;
    answered++;
    assert.deepEqual(fast, full(text), `mutant ${n} of ${base.path}:\n${text}`);
  }
  return answered;
}

describe('engine: class scanner (fast path for class-only files)', () => {
  before(async () => {
    await initParsers();
  });

  it('equals the full parse on every Python file of the bench corpus, and answers for every builder and config module', () => {
    const files = corpus();
    let declined = 0;
    for (const f of files) {
      const fast = scanClasses(f.text);
      if (fast === null) {
        declined++;
        continue;
      }
      assert.deepEqual(fast, full(f.text), f.path);
    }
    const components = files.filter((f) => /\/(builders|configs)\//.test(f.path));
    assert.equal(
      components.filter((f) => scanClasses(f.text) === null).length,
      0,
      'the fast path declined a generated module',
    );
    assert.ok(declined < files.length);
  });

  it('equals the full parse or declines on 3,000 mutated files (1 to 3 mutations each)', () => {
    const answered = proveOnMutants(
      corpus().filter((_, i) => i % 2 === 0),
      0xc1a55,
      3000,
    );
    assert.ok(answered > 300, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('declines what it cannot vouch for', () => {
    for (const text of DECLINED) assert.equal(scanClasses(text), null, JSON.stringify(text));
  });

  it('equals the full parse or declines on 3,000 files mutated with the lines it declines for', () => {
    const answered = proveOnMutants(
      corpus().filter((_, i) => i % 2 === 1),
      0xdec1,
      3000,
      [...SNIPPETS, ...DECLINING_LINES],
    );
    assert.ok(answered > 300, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('reads statements that start with a name Object.prototype has (constructor, toString) as any other', () => {
    const text = 'class A:\n    constructor = 1\n    toString()\n\n__proto__ = 2\nvalueOf(1)\n';
    assert.notEqual(scanClasses(text), null);
    assert.deepEqual(scanClasses(text), full(text));
  });
});
