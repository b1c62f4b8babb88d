// An entry's fields read in place from its dict literal answer as the Map of field objects built from
// the same dict did: the last of duplicated keys wins, listed where the key first appears; keys that
// are not strings are left out; small dicts (searched in place) and large ones (iterated through a Map);
// the value-only readers (fieldValue, forEachFieldValue) answer alike for those and for a Map.
import { strict as assert } from 'node:assert';
import {
  dictFields,
  fieldValue,
  forEachFieldValue,
  type FieldMap,
} from '../../server/src/engine/model/entries/dictFields';
import { scanLiteral } from '../../server/src/engine/python/literalScanner';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import type { Lit } from '../../server/src/engine/literal';
import type { FieldValue } from '../../server/src/engine/model/entries/entry';

function read(text: string): Lit {
  return scanLiteral(text, 0, text.length, new LineIndex(text)) as Lit;
}

/** The Map the fields were kept in before: one set per string key, in order. */
function asMap(lit: Lit): Map<string, FieldValue> {
  const m = new Map<string, FieldValue>();
  if (lit.kind === 'dict')
    for (const e of lit.entries)
      if (e.key.kind === 'str') m.set(e.key.value, { keyRange: e.key.range, value: e.value });
  return m;
}

/** What forEachFieldValue visits, in order. */
function visited(fields: FieldMap): [string, Lit][] {
  const out: [string, Lit][] = [];
  forEachFieldValue(fields, (k, v) => out.push([k, v]));
  return out;
}

describe('engine: fields read in place (model/dictFields.ts)', () => {
  it("answers get, has, iteration and the value-only readers as a Map of the dict's string keys does", () => {
    const filler = Array.from({ length: 20 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const texts = [
      '{"config_class": "AConfig", "priority": 3}',
      '{"a": 1, "b": 2, "a": 3, 1: 0, "c": 4, "a": 5, None: 1, "b": [6]}',
      `{${filler}, "a": 1, "k3": "again", "a": 2, 7: 0}`,
      '{}',
      '["not", "a", "dict"]',
    ];
    for (const text of texts) {
      const lit = read(text);
      const fields = dictFields(lit);
      const expected = asMap(lit);
      assert.deepStrictEqual([...fields], [...expected], text);
      for (const key of ['a', 'b', 'c', 'k3', 'k19', 'config_class', 'priority', 'missing', '1']) {
        assert.deepStrictEqual(fields.get(key), expected.get(key), `${text}: get ${key}`);
        assert.equal(fields.has(key), expected.has(key), `${text}: has ${key}`);
        for (const m of [fields, expected])
          assert.equal(fieldValue(m, key), expected.get(key)?.value, `${text}: fieldValue ${key}`);
      }
      for (const m of [fields, expected])
        assert.deepStrictEqual(
          visited(m),
          [...expected].map(([k, f]) => [k, f.value]),
          `${text}: forEachFieldValue`,
        );
    }
  });

  it('keeps the last value of a repeated key in the place of its first', () => {
    const lit = read('{"a": 1, "b": 2, "a": 3}');
    assert.deepEqual(
      [...dictFields(lit)].map(([k, f]) => [
        k,
        f.value.kind === 'num' ? f.value.value : null,
        f.keyRange.start.character,
      ]),
      [
        ['a', 3, 17],
        ['b', 2, 9],
      ],
    );
  });
});
