// The core's memos (util/memo.ts): each answers what the function answers, computing it again exactly
// when its key or arguments change, and keeps no more than its bound.
import { strict as assert } from 'node:assert';
import { lastCallMemo, objectMemo, once, stringMemo } from '../../server/src/engine/util/memo';

/** A function that counts its calls. */
function counted<A extends unknown[], R>(f: (...a: A) => R): { f: (...a: A) => R; calls: () => number } {
  let n = 0;
  return {
    f: (...a) => {
      n++;
      return f(...a);
    },
    calls: () => n,
  };
}

describe('the core memos (util/memo.ts)', () => {
  it('stringMemo answers each string once until its bound, then starts again', () => {
    const c = counted((s: string) => s.length);
    const m = stringMemo(c.f, 2);
    assert.deepEqual([m('a'), m('bb'), m('a'), m('bb')], [1, 2, 1, 2]);
    assert.equal(c.calls(), 2);
    assert.equal(m('ccc'), 3, 'past the bound the memory is dropped');
    assert.equal(m('a'), 1);
    assert.equal(c.calls(), 4);
  });

  it('lastCallMemo reuses only the very last arguments', () => {
    const c = counted((file: string, text: string) => ({ file, text }));
    const m = lastCallMemo(c.f);
    const first = m('a', 'x');
    assert.equal(m('a', 'x'), first);
    assert.notEqual(m('a', 'y'), first);
    assert.deepEqual(m('a', 'x'), first, 'an older call is computed again, equal');
    assert.equal(c.calls(), 3);
  });

  it('objectMemo keys by object identity and by its second argument', () => {
    const c = counted((o: { n: number }, k: string) => `${k}${o.n}`);
    const m = objectMemo(c.f);
    const a = { n: 1 };
    assert.deepEqual([m(a, 'x'), m(a, 'x'), m({ n: 1 }, 'x'), m(a, 'y')], ['x1', 'x1', 'x1', 'y1']);
    assert.equal(c.calls(), 3);
  });

  it('once runs its function on the first call only', () => {
    const c = counted(() => ({}));
    const m = once(c.f);
    assert.equal(m(), m());
    assert.equal(c.calls(), 1);
  });
});
