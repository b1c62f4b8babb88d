// The literal scanner reads a registry literal from the text instead of walking its tree-sitter tree; it
// must give exactly what the tree walk (toLit) gives — every value and range — or decline. Proven here on
// literals that take each of its ways to read strings (prefixes, quotes, escapes, continuations),
// numbers, keywords and containers, and each of its ways to decline.
import { strict as assert } from 'node:assert';
import { initParsers } from './helpers';
import { toLit } from '../../server/src/engine/python/facts';
import { scanLiteral } from '../../server/src/engine/python/literalScanner';
import { withPythonTree } from '../../server/src/engine/python/parser';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

/** What the scanner and the tree walk read for the right-hand side of `X = <literal>`. */
function both(literal: string): { scanned: unknown; walked: unknown } {
  const text = `X = ${literal}\n`;
  return withPythonTree(
    text,
    (tree) => {
      const right = tree.rootNode.firstNamedChild?.firstNamedChild?.childForFieldName('right');
      assert.ok(right && !right.hasError, `tree-sitter does not read ${JSON.stringify(literal)} as a literal`);
      return {
        scanned: scanLiteral(text, right.startIndex, right.endIndex, new LineIndex(text)),
        walked: toLit(right, 0, text.includes('\r') ? text : null),
      };
    },
    () => assert.fail('the parse was cut'),
  );
}

const READ = [
  // strings: quotes, prefixes, escapes, continuations, implicit concatenation
  "'a'",
  '"a"',
  '""',
  "''",
  '"""t\n  q"""',
  "'''x'''",
  '""""""',
  'r"\\d"',
  "R'\\d\\''",
  'u"é"',
  "U'x'",
  'r"""a\\\nb"""',
  '"a\\"b"',
  "'a\\'b'",
  '"\\n\\t\\x41\\u00e9\\U0001F600\\101\\q"',
  '"a\\\\"',
  '"é😀"',
  '"a" "b"',
  "'a' r'\\d' \"c\"",
  '("a"\n    "b")',
  '"a"  # c\n',
  '"""x"""  "y"',
  '"#not a comment"',
  // numbers
  '0',
  '1_000',
  '0x1F',
  '0X1f_2',
  '0o17',
  '0O1_7',
  '0b1_0',
  '0B1',
  '1e5',
  '1E-5',
  '1e+5',
  '1.',
  '1.5',
  '.5',
  '.5e3',
  '1_0.2_5',
  '00',
  '-1',
  '+1.5',
  '- 1',
  '-0x10',
  '-.5',
  // keywords
  'True',
  'False',
  'None',
  '[True, False, None]',
  // containers
  '[]',
  '[1, "a",]',
  '()',
  '(1,)',
  '(1)',
  '((1))',
  '{}',
  '{"k": -1, "v": [1, (2, 3)], "d": {"e": None}}',
  '{1, 2}',
  '{\n    "a": 1,  # c\n    "b": 2\n}',
];

const DECLINED = [
  '"\\N{EM DASH}"',
  '["\\N{", "}"]',
  'b"x"',
  'f"x"',
  'rb"x"',
  'br"x"',
  'Rb"x"',
  'F"x"',
  'B"x"',
  't"x"',
  'Nonexistent',
  'True_',
  'Falsey',
  'None1',
  'x',
  '"a" + "b"',
  '1 if a else 2',
  '2j',
  '1 + 1',
  '-True',
  '-"a"',
  '[x]',
  '{"k": v}',
  '{**a}',
  '[*a]',
  'f(1)',
  '"a".upper()',
  '{"k": 1}[0]',
  'a.b',
];

describe('engine: literal scanner (registry literals read from the text)', () => {
  before(async () => {
    await initParsers();
  });

  it('reads strings, numbers, keywords and containers exactly as the tree walk does', () => {
    for (const literal of READ) {
      const { scanned, walked } = both(literal);
      assert.ok(scanned !== null && scanned !== 'split', `declined ${JSON.stringify(literal)}`);
      assert.deepEqual(scanned, walked, JSON.stringify(literal));
    }
  });

  it('decodes string escapes as CPython does, on one line or across lines, by the tree walk and the scanner alike', () => {
    // Expected values printed by CPython 3.11 (`eval` of each literal); `\N{name}` is kept as written.
    const CPYTHON: [string, string][] = [
      ['"""a\\nb\nc\\td"""', 'a\nb\nc\td'],
      ["'''x\n\\x41\\101\\012'''", 'x\nAA\n'],
      ['"\\101\\7\\012\\18\\8\\777\\0"', 'A\u0007\n\u00018\\8\u01ff\u0000'],
      ['"a\\\r\nb"', 'ab'],
      ['"""a\\\nb"""', 'ab'],
      ['f"a{{b}}\\x41"', 'a{b}A'],
      ['f"""{{\n\\t}}"""', '{\n\t}'],
      ["r'''a\\n\nb'''", 'a\\n\nb'],
      ['"\\u00e9\\U0001F600"', 'é😀'],
      ["('a\\n'\n 'b\\101')", 'a\nbA'],
      ['"\\q\\N{EM DASH}"', '\\q\\N{EM DASH}'],
    ];
    for (const [literal, value] of CPYTHON) {
      const { scanned, walked } = both(literal);
      assert.equal((walked as { value?: unknown }).value, value, `tree walk of ${literal}`);
      if (scanned !== null) assert.deepEqual(scanned, walked, `scanner of ${literal}`);
    }
  });

  it('declines what is not a literal it reads (prefixes b, f and t, names, expressions)', () => {
    for (const literal of DECLINED) assert.equal(both(literal).scanned, null, JSON.stringify(literal));
  });

  it('declines numbers and keywords run into a name or a dot, and unterminated strings', () => {
    const text = 'X = [1abc, 0x, 0xg, 0o8, 0b2, 1.e, 1.5.2, Nonex, True9, "abc\n]\n';
    const lines = new LineIndex(text);
    for (const item of ['1abc', '0x', '0xg', '0o8', '0b2', '1.e', '1.5.2', 'Nonex', 'True9']) {
      const at = text.indexOf(item);
      assert.equal(scanLiteral(text, at, at + item.length, lines), null, item);
    }
    const quote = text.indexOf('"abc');
    assert.equal(scanLiteral(text, quote, text.length - 3, lines), null);
  });
});
