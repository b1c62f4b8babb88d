// Facts that outlive their text go through one core door (util/detachStrings.ts): every string a value
// holds, however deep, is replaced in place by a copy that keeps no text alive, and nothing else changes.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { copiedOutOfText } from '../../server/src/engine/util/detachStrings';
import { strLit } from '../../server/src/engine/literal';
import { spanAt } from '../../server/src/engine/text/positions';

describe('copiedOutOfText', () => {
  it('keeps every value and shape: objects, arrays, Maps, Sets, literal nodes, shared and frozen parts', () => {
    const shared = { name: 'a_name_of_twenty_chars' };
    const frozen = Object.freeze({ label: 'frozen_label_kept_as_is' });
    const node = strLit('a_string_value_long_enough', spanAt(0, 0, 0, 28), spanAt(0, 1, 0, 27));
    const value = {
      list: ['short', 'a_longer_string_than_13', shared], again: shared, frozen, node, n: 3, none: null,
      map: new Map<unknown, unknown>([['key_longer_than_thirteen', 'value_longer_than_thirteen'], ['k', shared]]),
      set: new Set(['an_item_longer_than_13', 'x']),
    };
    const before = JSON.stringify({ ...value, map: [...value.map], set: [...value.set] });
    assert.equal(copiedOutOfText(value), value);
    assert.equal(JSON.stringify({ ...value, map: [...value.map], set: [...value.set] }), before);
    assert.equal(value.again, shared);
    assert.equal(value.frozen, frozen);
    assert.equal(value.node, node);
    assert.deepEqual(node.inner, spanAt(0, 1, 0, 27));
    assert.deepEqual([...value.map.keys()], ['key_longer_than_thirteen', 'k']);
  });

  it('lets go of the texts the strings were cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const held: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      const text = `name_number_${i}_of_forty\n${'#'.repeat(1 << 20)}\n`;
      const cut = text.slice(0, text.indexOf('\n'));
      held.push(copiedOutOfText({ entries: [{ name: cut, message: `${cut} is described here` }] }));
    }
    gc();
    // 40 texts of 1 MB each: kept alive by the strings cut from each, they would hold 40 MB.
    assert.ok(process.memoryUsage().heapUsed - before < 8 * 1024 * 1024, `${(process.memoryUsage().heapUsed - before) >> 20} MB held`);
    assert.deepEqual(held[7], { entries: [{ name: 'name_number_7_of_forty', message: 'name_number_7_of_forty is described here' }] });
  });
});
