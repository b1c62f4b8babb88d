// String nodes and dict entries keep only what they cannot derive (literal.ts), but always their kind: the readers' nodes give
// the same kind, value, ranges and inner ranges as the plain objects they stand for, keys are read
// without building their node, and a copy of a moved node (splice's Shift) is again a lean node.
import { strict as assert } from 'node:assert';
import {
  dictEntry,
  dictPair,
  litCopiedOutOfText,
  isPair,
  keyRange,
  keyText,
  strLit,
  toPlain,
  type DictEntry,
  type Lit,
} from '../../server/src/engine/literal';
import { scanLiteral } from '../../server/src/engine/python/literalScanner';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { spanAt } from '../../server/src/engine/text/positions';
import { sameData } from '../../server/src/engine/util/equality';

const plain = (n: Lit): unknown =>
  JSON.parse(
    JSON.stringify({
      kind: n.kind,
      value: 'value' in n ? n.value : null,
      range: n.range,
      inner: n.kind === 'str' ? n.inner : null,
    }),
  );

describe('lean literal nodes', () => {
  it('a string node gives back the inner range it was built with, whichever it is', () => {
    const range = spanAt(3, 8, 3, 22);
    for (const inner of [range, spanAt(3, 9, 3, 21), spanAt(3, 11, 3, 19), spanAt(3, 10, 3, 21)]) {
      const s = strLit('config_class', range, inner);
      assert.equal(s.kind, 'str');
      assert.equal(s.value, 'config_class');
      assert.deepEqual(s.range, range);
      assert.deepEqual(s.inner, inner, JSON.stringify(inner));
    }
  });

  it('keeps only kind, value and range when the inner range is derived, four fields otherwise', () => {
    const range = spanAt(0, 0, 0, 5);
    assert.deepEqual(Object.keys(strLit('abc', range, spanAt(0, 1, 0, 4))), ['kind', 'value', 'range']);
    assert.deepEqual(Object.keys(strLit('abc', range, range)), ['kind', 'value', 'range']);
    assert.deepEqual(Object.keys(strLit('abc', range, spanAt(0, 3, 0, 4))).sort(), ['inner', 'kind', 'range', 'value']);
  });

  it('a string node keeps its kind through JSON.stringify and a spread', () => {
    const range = spanAt(1, 4, 1, 9);
    for (const inner of [range, spanAt(1, 5, 1, 8), spanAt(1, 6, 1, 8)]) {
      const s = strLit('abc', range, inner);
      assert.equal((JSON.parse(JSON.stringify(s)) as { kind?: unknown }).kind, 'str');
      assert.equal({ ...s }.kind, 'str');
    }
  });

  it('a dict entry reads its key and range as the plain entry it stands for', () => {
    const key = strLit('spec_type', spanAt(2, 8, 2, 19), spanAt(2, 9, 2, 18));
    const value: Lit = { kind: 'num', value: 3, int: true, range: spanAt(2, 21, 2, 22) };
    const e = dictPair(key, value);
    assert.ok(isPair(e));
    assert.deepEqual(plain(e.key), plain(key));
    assert.deepEqual(e.range, spanAt(2, 8, 2, 22));
    assert.equal(keyText(e), 'spec_type');
    assert.deepEqual(keyRange(e), key.range);
    // A range that does not run from key to value, or a key that is not a string, keeps the plain entry.
    const wider = dictPair(key, value, spanAt(2, 8, 2, 23));
    assert.ok(!isPair(wider as object));
    assert.deepEqual((wider as DictEntry).range, spanAt(2, 8, 2, 23));
    const numKey = dictPair(value, key);
    assert.ok(!isPair(numKey));
    assert.equal(keyText(numKey), undefined);
  });

  it('a plain dict is data: keys naming prototypes are its own entries, and nothing is inherited', () => {
    const text = '{"__proto__": {"description": "x"}, "constructor": 1}';
    const plain = toPlain(scanLiteral(text, 0, text.length, new LineIndex(text)) as Lit) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(plain), null);
    assert.deepEqual(Object.keys(plain), ['__proto__', 'constructor']);
    assert.equal(plain['description'], undefined);
    assert.equal(plain['constructor'], 1);
  });

  it('reads scanned dicts as before: lookups, plain values, equality of two reads', () => {
    const text = '{\n    "config_class": "AConfig",\n    r"raw": \'x\',\n    "job_types": ["a", "b"],\n    "n": -2,\n}';
    const read = (): Lit => scanLiteral(text, 0, text.length, new LineIndex(text)) as Lit;
    const lit = read();
    assert.equal(lit.kind, 'dict');
    assert.deepEqual(
      toPlain(lit),
      Object.assign(Object.create(null), { config_class: 'AConfig', raw: 'x', job_types: ['a', 'b'], n: -2 }),
    );
    const e = dictEntry(lit, 'config_class') as DictEntry;
    const inner = (l: Lit): unknown => (l.kind === 'str' ? l.inner : null);
    assert.deepEqual(inner(e.key), spanAt(1, 5, 1, 17));
    assert.deepEqual(inner(e.value), spanAt(1, 21, 1, 28));
    assert.deepEqual(inner((dictEntry(lit, 'raw') as DictEntry).key), spanAt(2, 6, 2, 9));
    assert.ok(sameData(lit, read()));
    // Copied out of the text (util/detachStrings.ts), every node reads as before.
    litCopiedOutOfText(lit);
    assert.ok(sameData(lit, read()));
    assert.deepEqual(Object.keys((dictEntry(lit, 'config_class') as DictEntry).key), ['kind', 'value', 'range']);
    assert.deepEqual(inner((dictEntry(lit, 'raw') as DictEntry).key), spanAt(2, 6, 2, 9));
    assert.ok(
      !sameData(lit, scanLiteral(text.replace('AConfig', 'BConfig'), 0, text.length, new LineIndex(text)) as Lit),
    );
  });
});
