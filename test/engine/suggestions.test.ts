// "Did you mean" suggestions of a context are computed from the closest shared names and the closest
// of the context's own names (families/apcore/discovery/stages.ts `suggestQ`), so that a workspace edit does not rank the
// 2,000 core names again. That must be exactly the closest of all its names. RL018's near miss
// (`closestWithin`) computes full distances only for the candidates that can be it: the same answer.
// Both skip candidates whose character counts already differ by more than the limit: the same answer
// as full distances to every candidate.
import { strict as assert } from 'node:assert';
import { closest, closestWithin, editDistance } from '../../server/src/engine/util/editDistance';
import { Rng } from '../../bench/rng';

const PARTS = [
  'Data',
  'Load',
  'Train',
  'XGBoost',
  'Eval',
  'Model',
  'Tabular',
  'Preprocess',
  'Pytorch',
  'Cradle',
  'Batch',
  'Transform',
  'data',
  'LOAD',
  'Ab',
  'é',
  'V2',
];

function name(rng: Rng): string {
  return (
    Array.from({ length: rng.int(1, 3) }, () => rng.pick(PARTS)).join('') +
    (rng.chance(0.3) ? rng.pick(['', 'x', 'Step', '_2']) : '')
  );
}

describe('engine: suggestions from the shared and own closest names', () => {
  it('equal the closest of all names on 2,000 random contexts', () => {
    const rng = new Rng(0x5099e5);
    for (let n = 0; n < 2000; n++) {
      const shared = [...new Set(Array.from({ length: rng.int(0, 60) }, () => name(rng)))].sort();
      const own = [
        ...new Set([
          ...Array.from({ length: rng.int(0, 12) }, () => name(rng)),
          ...(shared.length > 0 && rng.chance(0.5) ? [rng.pick(shared)] : []),
        ]),
      ].sort();
      const all = [...new Set([...shared, ...own])].sort();
      const wanted = name(rng);
      const split = closest(
        wanted,
        [...new Set([...closest(wanted, shared, 3), ...closest(wanted, own, 3)])].sort(),
        3,
      );
      assert.deepEqual(split, closest(wanted, all, 3), `${wanted} among ${JSON.stringify(all)}`);
    }
  });

  it('names longer than any name may be (256) have no close name and are none (R26)', () => {
    const long = `S${'s'.repeat(300)}`;
    assert.deepEqual(closest(long, ['S1', 'Ss', long.slice(0, 250)], 3), []);
    assert.deepEqual(closest('Sss', ['Ssss', long], 3), ['Ssss']);
    assert.equal(closestWithin(long, [long.slice(0, -1)], 2), null);
  });

  it('closest skips by character counts and still equals ranking by full distances, on 2,000 random name sets', () => {
    const rng = new Rng(0xba9);
    // The ranking `closest` documents, with the full distance of every candidate.
    const ranked = (wanted: string, names: string[]): string[] => {
      const low = wanted.toLowerCase();
      const max = Math.max(2, Math.floor(wanted.length / 3));
      return names
        .map((c) => {
          const cl = c.toLowerCase();
          const d = editDistance(low, cl);
          return {
            c,
            d: d > max && (cl.includes(low) || low.includes(cl)) && Math.min(cl.length, low.length) >= 4 ? max : d,
          };
        })
        .filter((x) => x.d <= max)
        .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
        .slice(0, 3)
        .map((x) => x.c);
    };
    let found = 0;
    for (let n = 0; n < 2000; n++) {
      const names = [...new Set(Array.from({ length: rng.int(0, 60) }, () => name(rng)))];
      const wanted =
        names.length > 0 && rng.chance(0.5) ? rng.pick(names).slice(1) + rng.pick(['', 'x', 'Ab']) : name(rng);
      const got = closest(wanted, names, 3);
      found += got.length;
      assert.deepEqual(got, ranked(wanted, names), `${wanted} among ${JSON.stringify(names)}`);
    }
    assert.ok(found > 1000, `suggestions found: ${found}`);
  });

  it('closestWithin is the first of closest when within 2 edits, on 2,000 random name sets', () => {
    const rng = new Rng(0x7e4a1);
    const edit = (s: string): string => {
      const i = rng.int(0, s.length);
      return rng.chance(0.5)
        ? s.slice(0, i) + s.slice(i + 1)
        : s.slice(0, i) + rng.pick(['a', 'X', '_', 'o']) + s.slice(i);
    };
    for (let n = 0; n < 2000; n++) {
      const names = [...new Set(Array.from({ length: rng.int(0, 60) }, () => name(rng)))];
      const wanted =
        names.length > 0 && rng.chance(0.7)
          ? edit(rng.chance(0.5) ? edit(rng.pick(names)) : rng.pick(names))
          : name(rng);
      const first = closest(wanted, names, 1).find((c) => editDistance(wanted, c, 2) <= 2) ?? null;
      assert.equal(closestWithin(wanted, names, 2), first, `${wanted} among ${JSON.stringify(names)}`);
    }
  });
});
