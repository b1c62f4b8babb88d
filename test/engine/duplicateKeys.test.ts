// RL001 on every dict of a registry value: each earlier key is reported once, related to the nearest
// later one, whether the dict is small (a step's fields, searched in place) or large (searched by a Map).
import { strict as assert } from 'node:assert';
import { duplicateKeys } from '../../server/src/engine/model/entries/source';
import { scanLiteral } from '../../server/src/engine/python/literalScanner';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import type { Lit } from '../../server/src/engine/literal';

/** (earlier key's column, later key's column) of each RL001 on the one-line literal `text`. */
function pairs(text: string): [number, number][] {
  const value = scanLiteral(text, 0, text.length, new LineIndex(text)) as Lit;
  return duplicateKeys('f.py', value, 'Python').map((d) => [
    d.range.start.character,
    d.related[0]?.range.start.character ?? -1,
  ]);
}

describe('engine: duplicate keys (RL001)', () => {
  it('relates each earlier key to the nearest later one, in small and large dicts and in nested ones', () => {
    const small = '{"a": 1, "b": 2, "a": 3, 1: 0, "c": 4, "a": 5}';
    const a = [...small.matchAll(/"a"/g)].map((m) => m.index);
    assert.deepEqual(pairs(small), [
      [a[1], a[2]],
      [a[0], a[1]],
    ]);
    const filler = Array.from({ length: 20 }, (_, i) => `"k${i}": 0`).join(', ');
    const large = `{${filler}, "a": 1, "a": 2, "a": 3}`;
    const at = (n: number): number => large.indexOf('"a"', n);
    assert.deepEqual(pairs(large), [
      [at(at(0) + 1), at(at(at(0) + 1) + 1)],
      [at(0), at(at(0) + 1)],
    ]);
    const nested = '{"x": {"a": 1, "a": 2}, "y": [{"b": 1, "b": 2}]}';
    assert.deepEqual(pairs(nested), [
      [nested.indexOf('"a"'), nested.lastIndexOf('"a"')],
      [nested.indexOf('"b"'), nested.lastIndexOf('"b"')],
    ]);
  });
});
