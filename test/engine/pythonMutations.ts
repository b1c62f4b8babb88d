// Deterministic damage to Python files, for the proofs that a fast path of parsePythonFacts equals the
// full parse or declines (classScanner.test.ts, skeleton.test.ts): the mistakes of typing and editing,
// and snippets of Python that are hard to read right.
import type { Rng } from '../../bench/rng';

export const SNIPPETS = [
  'x = 1',
  'y: int',
  'z: str = "v"',
  'name = "a" "b"',
  "doc = '''multi\nline'''",
  'w = f"{a}"',
  'q = f"{a[\'k\']}"',
  'b = b"bytes"',
  '"""Docstring."""',
  "'single'",
  'def f(self):',
  'def g(self): pass',
  'async def h(self):',
  'async with x:',
  '@property',
  '@dataclass',
  'class Inner:',
  'class Inner(Base, metaclass=M):',
  'pass',
  'return x',
  'raise',
  'if x:',
  'else:',
  'elif y:',
  'try:',
  'except E:',
  'finally:',
  'for i in range(3):',
  'while True:',
  'with open(p) as f:',
  'match x:',
  'case 1:',
  'type X = int',
  'print "x"',
  'print(x)',
  'lambda: 0',
  'x = [i for i in y if i]',
  'x = {**a, "k": 1}',
  'x = a[1:2]',
  'x = a[::2]',
  'f(*args, **kw)',
  'x = (1,\n    2)',
  'x = \\\n    1',
  'x = 1; y = 2',
  '# comment',
  'x = 1  # trailing',
  'from . import x',
  'from ..a import *',
  'import a.b as c',
  'global g',
  'del x',
  'assert x, "m"',
  'x = not y',
  'x = a if b else c',
  'x = yield',
  'x = await y',
  'x := 1',
  'x += 1',
  'x == 1',
  'x = = 1',
  'x = (',
  'x = )',
  'def (self):',
  'class :',
  'class 1A:',
  'x = 0x1F + 1e-5 + 1_000 + .5 + 2j',
  'x = 1abc',
  'x = "unterminated',
  "x = 'a\\'b'",
  'x = r"\\d"',
  'x = "\\n\\t"',
  'x = u"é"',
  '\tx = 1',
  'x = 1\r',
  'x = "\x00"',
  'class C[T]:',
  'x = $',
  'x = a ? b',
  'x = a!',
  '...',
  'x = ...',
];
const CHARS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  "'",
  '"',
  '#',
  '\\',
  ' ',
  '\n',
  '\t',
  '.',
  ',',
  '=',
  '@',
  ';',
  'é',
  '\r',
  'a',
  'Z',
  '_',
  '0',
  '9',
  '-',
  '*',
  'f',
  'b',
  'r',
];

/** One of a few kinds of damage a file suffers mid-edit or by accident; `snippets`: the lines it may insert. */
export function mutate(text: string, rng: Rng, snippets: readonly string[] = SNIPPETS): string {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, lines.length - 1));
  const line = lines[at] ?? '';
  const indent = /^ */.exec(line)?.[0] ?? '';
  switch (rng.int(0, 8)) {
    case 0: {
      const i = rng.int(0, Math.max(0, text.length - 1));
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 1: {
      const i = rng.int(0, text.length);
      return text.slice(0, i) + rng.pick(CHARS) + text.slice(i);
    }
    case 2:
      lines.splice(at, 0, line);
      break;
    case 3:
      lines.splice(at, 1);
      break;
    case 4:
      lines[at] = rng.chance(0.5) ? ' '.repeat(rng.int(1, 4)) + line : line.replace(/^ {1,4}/, '');
      break;
    case 5: {
      // A comment: on a line of its own at the line's indentation, at column 0, off by two, or ending a line.
      const where = rng.int(0, 3);
      if (where === 3) lines[at] = `${line}  # a comment `;
      else
        lines.splice(
          at,
          0,
          `${where === 0 ? indent : where === 1 ? '' : ' '.repeat(Math.max(0, indent.length + rng.pick([-2, 2])))}# a comment`,
        );
      break;
    }
    case 6:
      lines.splice(at, 0, ...`${rng.chance(0.7) ? indent : ''}${rng.pick(snippets)}`.split('\n'));
      break;
    case 7:
      if (at + 1 < lines.length) {
        lines[at] = lines[at + 1] ?? '';
        lines[at + 1] = line;
      }
      break;
    default: {
      const snippet = rng.pick(snippets);
      lines.splice(at, 0, `${indent}${snippet}`, ...(snippet.endsWith(':') ? [`${indent}    pass`] : []));
    }
  }
  return lines.join('\n');
}
