// The class scanner (the fast path of parsePythonFacts for files that need only their classes) must
// give exactly what the full tree-sitter parse gives, or decline. Proven on the bench corpus (every
// Python file of the small generated org, where it must also answer) and on files mutated by a
// deterministic mutator (where it may decline, never differ).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { initPython } from '../../server/src/engine/python/parser';
import { parsePythonFacts } from '../../server/src/engine/python/facts';
import { scanClasses } from '../../server/src/engine/python/classScanner';
import { buildOrg, ORGS, renderComponent, renderCoreRegistry, renderWorkspaceRegistry } from '../../bench/generate';
import { Rng } from '../../bench/rng';

/** The classes of the full parse (registry mode never takes the fast path; classes are read the same way). */
const full = (text: string): unknown => parsePythonFacts(text, true).classes;

function corpus(): { path: string; text: string }[] {
  const org = buildOrg(ORGS.small);
  return [
    ...org.components.map((c) => ({ path: c.path, text: renderComponent(c) })),
    ...org.workspaces.slice(0, 20).map((ws) => ({ path: ws.registryPath, text: renderWorkspaceRegistry(ws) })),
    { path: org.corePath, text: renderCoreRegistry(org) },
  ];
}

const SNIPPETS = [
  'x = 1', 'y: int', 'z: str = "v"', 'name = "a" "b"', "doc = '''multi\nline'''", 'w = f"{a}"', "q = f\"{a['k']}\"", 'b = b"bytes"',
  '"""Docstring."""', "'single'", 'def f(self):', 'def g(self): pass', 'async def h(self):', 'async with x:', '@property', '@dataclass',
  'class Inner:', 'class Inner(Base, metaclass=M):', 'pass', 'return x', 'raise', 'if x:', 'else:', 'elif y:', 'try:', 'except E:', 'finally:',
  'for i in range(3):', 'while True:', 'with open(p) as f:', 'match x:', 'case 1:', 'type X = int', 'print "x"', 'print(x)', 'lambda: 0',
  'x = [i for i in y if i]', 'x = {**a, "k": 1}', 'x = a[1:2]', 'x = a[::2]', 'f(*args, **kw)', 'x = (1,\n    2)', 'x = \\\n    1', 'x = 1; y = 2',
  '# comment', 'x = 1  # trailing', 'from . import x', 'from ..a import *', 'import a.b as c', 'global g', 'del x', 'assert x, "m"',
  'x = not y', 'x = a if b else c', 'x = yield', 'x = await y', 'x := 1', 'x += 1', 'x == 1', 'x = = 1', 'x = (', 'x = )', 'def (self):',
  'class :', 'class 1A:', 'x = 0x1F + 1e-5 + 1_000 + .5 + 2j', 'x = 1abc', 'x = "unterminated', "x = 'a\\'b'", 'x = r"\\d"', 'x = "\\n\\t"',
  'x = u"é"', '\tx = 1', 'x = 1\r', 'x = "\x00"', 'class C[T]:', 'x = $', 'x = a ? b', 'x = a!', '...', 'x = ...',
];
const CHARS = ['(', ')', '[', ']', '{', '}', ':', "'", '"', '#', '\\', ' ', '\n', '\t', '.', ',', '=', '@', ';', 'é', '\r', 'a', 'Z', '_', '0', '9', '-', '*', 'f', 'b', 'r'];

/** One of a few kinds of damage a file suffers mid-edit or by accident. */
function mutate(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, lines.length - 1));
  const line = lines[at] ?? '';
  const indent = /^ */.exec(line)?.[0] ?? '';
  switch (rng.int(0, 8)) {
    case 0: { const i = rng.int(0, Math.max(0, text.length - 1)); return text.slice(0, i) + text.slice(i + 1); }
    case 1: { const i = rng.int(0, text.length); return text.slice(0, i) + rng.pick(CHARS) + text.slice(i); }
    case 2: lines.splice(at, 0, line); break;
    case 3: lines.splice(at, 1); break;
    case 4: lines[at] = rng.chance(0.5) ? ' '.repeat(rng.int(1, 4)) + line : line.replace(/^ {1,4}/, ''); break;
    case 5: {
      // A comment: on a line of its own at the line's indentation, at column 0, off by two, or ending a line.
      const where = rng.int(0, 3);
      if (where === 3) lines[at] = `${line}  # a comment `;
      else lines.splice(at, 0, `${where === 0 ? indent : where === 1 ? '' : ' '.repeat(Math.max(0, indent.length + rng.pick([-2, 2])))}# a comment`);
      break;
    }
    case 6: lines.splice(at, 0, ...`${rng.chance(0.7) ? indent : ''}${rng.pick(SNIPPETS)}`.split('\n')); break;
    case 7: if (at + 1 < lines.length) { lines[at] = lines[at + 1] ?? ''; lines[at + 1] = line; } break;
    default: { const snippet = rng.pick(SNIPPETS); lines.splice(at, 0, `${indent}${snippet}`, ...(snippet.endsWith(':') ? [`${indent}    pass`] : [])); }
  }
  return lines.join('\n');
}

describe('engine: class scanner (fast path for class-only files)', () => {
  before(async () => {
    await initPython({
      treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
      python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
    });
  });

  it('equals the full parse on every Python file of the bench corpus, and answers for every builder and config module', () => {
    const files = corpus();
    let declined = 0;
    for (const f of files) {
      const fast = scanClasses(f.text);
      if (fast === null) { declined++; continue; }
      assert.deepEqual(fast, full(f.text), f.path);
    }
    const components = files.filter((f) => /\/(builders|configs)\//.test(f.path));
    assert.equal(components.filter((f) => scanClasses(f.text) === null).length, 0, 'the fast path declined a generated module');
    assert.ok(declined < files.length);
  });

  it('equals the full parse or declines on 3,000 mutated files (1 to 3 mutations each)', () => {
    const files = corpus().filter((_, i) => i % 2 === 0);
    const rng = new Rng(0xc1a55);
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      const base = rng.pick(files);
      let text = base.text;
      for (let k = rng.int(1, 3); k > 0; k--) text = mutate(text, rng);
      const fast = scanClasses(text);
      if (fast === null) continue;
      answered++;
      assert.deepEqual(fast, full(text), `mutant ${n} of ${base.path}:\n${text}`);
    }
    assert.ok(answered > 300, `the fast path answered only ${answered} of 3,000 mutants`);
  });

  it('declines what it cannot vouch for', () => {
    for (const text of [
      'class A:\n    x = 1\n  # between\n', 'class A:\n\tx = 1\n', 'class A:\r\n    pass\r\n', 'class A:\n    é = 1\n', 'x = \\\n    1\nclass A:\n    pass\n',
      'class A:\n    x = (\n', 'class A: pass\n', 'class A:\n    s = f"{d["k"]}"\n', 'class A:\n    x = = 1\n', 'class A:\n    def f(self):\n    pass\n',
    ]) assert.equal(scanClasses(text), null, JSON.stringify(text));
  });
});
