// Positions and ranges are shared objects: equal coordinates give the same object (within the bounds
// of the shared tables), on short lines and on long ones, and the tables keep their values as they grow;
// a table lets go of the values nobody looked up for a generation, so a long session stays bounded.
import { strict as assert } from 'node:assert';
import { pos, span, spanAt } from '../../server/src/engine/text/positions';
import { PairTable } from '../../server/src/engine/text/pairTable';

describe('engine: shared positions and ranges', () => {
  it('gives one object per range, with its coordinates, across the table growing', () => {
    const first = Array.from({ length: 20_000 }, (_, i) => spanAt(i >> 4, i & 15, (i >> 4) + 1, 900 + (i & 15)));
    first.forEach((r, i) => {
      assert.deepEqual(r, {
        start: { line: i >> 4, character: i & 15 },
        end: { line: (i >> 4) + 1, character: 900 + (i & 15) },
      });
      assert.equal(spanAt(i >> 4, i & 15, (i >> 4) + 1, 900 + (i & 15)), r);
    });
    assert.equal(span(pos(3, 4), pos(4, 904)), first[3 * 16 + 4]);
    assert.notEqual(spanAt(0, 0, 1, 900), spanAt(0, 0, 1, 901));
  });

  it('gives one object per position, with its coordinates, across the table growing', () => {
    // As many as a generation of the table holds (pairTable.ts), across its growing from 4,096 slots.
    const first = Array.from({ length: 20_000 }, (_, i) => pos(10_000 + (i >> 6), i & 63));
    first.forEach((p, i) => {
      assert.deepEqual(p, { line: 10_000 + (i >> 6), character: i & 63 });
      assert.equal(pos(10_000 + (i >> 6), i & 63), p);
    });
    assert.notEqual(pos(10_000, 1), pos(10_001, 1));
    assert.deepEqual(pos(3, 5_000), { line: 3, character: 5_000 });
  });

  it("shares ranges on long lines too (characters past the table's bound), and never a wrong one", () => {
    const long = spanAt(7, 5_000, 7, 5_012);
    assert.deepEqual(long, { start: { line: 7, character: 5_000 }, end: { line: 7, character: 5_012 } });
    assert.equal(spanAt(7, 5_000, 7, 5_012), long);
    assert.deepEqual(spanAt(7, 5_001, 7, 5_012), {
      start: { line: 7, character: 5_001 },
      end: { line: 7, character: 5_012 },
    });
  });

  it('keeps what is looked up in every generation and lets go of the rest, holding at most two generations', () => {
    const table = new PairTable<string>(1_000);
    const find = (i: number): string => table.get(i + 1, 7) ?? table.add(i + 1, 7, `value ${i}`);
    const hot = Array.from({ length: 100 }, (_, i) => find(i));
    // 50,000 values met once each (the positions of texts long gone), the hot ones looked up throughout.
    for (let i = 100; i < 50_100; i++) {
      find(i);
      if (i % 100 === 0)
        hot.forEach((v, j) => {
          assert.equal(find(j), v);
        });
    }
    let kept = 0;
    for (let i = 100; i < 50_100; i++) if (table.get(i + 1, 7) !== undefined) kept++;
    assert.ok(kept <= 2_000, `${kept} values kept`);
    assert.equal(table.get(50_100, 7), 'value 50099');
    assert.equal(table.get(101, 7), undefined);
  });
});
