// The random-edit oracle's "from scratch" runs in a fresh module graph: a process-wide stale cache that
// an in-process fresh engine shares with the incremental one (and so agrees with) is caught.
import { strict as assert } from 'node:assert';
import type { Edit } from './editKit';
import { pointers } from './pointersFamily';
import { runSequence } from './randomEdits';
import { staleFlags } from './staleCacheFamily';

const FLAGS: Edit = (files, pick) => {
  const f = pick(['a.flag', 'b.flag', 'c.flag']);
  return [f, files.get(f) === 'bad' ? 'good' : 'bad'];
};
const POINTERS: Edit = (files, pick) => [pick(['a.pointer', 'b.pointer']), pick(['x', 'y', 'missing'])];

describe('the random-edit oracle in a fresh module graph', function () {
  this.timeout(120000);
  it('catches a stale process-wide cache that an in-process fresh engine shares', async () => {
    const files = new Map([
      ['a.flag', 'good'],
      ['b.flag', 'good'],
      ['c.flag', 'good'],
    ]);
    await assert.rejects(
      runSequence({
        seed: 5,
        settings: {},
        example: 'flags',
        files,
        edits: [FLAGS],
        steps: 6,
        options: { families: [staleFlags] },
      }),
      (e: Error) => /fresh module graph/.test(e.message) && /RL902/.test(e.message),
    );
  });

  it('passes a family that keeps no state outside its engine', async () => {
    const files = new Map([
      ['a.pointer', 'x'],
      ['b.pointer', 'y'],
      ['x/f.txt', ''],
      ['y/f.txt', ''],
    ]);
    await runSequence({
      seed: 5,
      settings: {},
      example: 'pointers',
      files,
      edits: [POINTERS],
      steps: 6,
      options: { families: [pointers] },
      freshGraphEvery: 3,
    });
  });
});
