// The query database on its own: memoisation, recorded reads, early cut-off, dynamic dependencies,
// observed roots, which roots read an input.
import { strict as assert } from 'node:assert';
import { Database, type Input } from '../../server/src/engine/db/database';
import { bucketOf } from '../../server/src/engine/db/bucketOf';

/** Sets each key of an input to its text (committed by the caller). */
function setAll(text: Input<string>, entries: readonly (readonly [string, string])[]): void {
  for (const [k, v] of entries) text.set(k, v);
}

describe('query database', () => {
  it('memoises a derived query until something it read changes', () => {
    const db = new Database();
    const text = db.input<string>('text', '');
    let runs = 0;
    const len = db.query('len', (k) => {
      runs++;
      return text.get(k).length;
    });
    text.set('a', 'abc');
    db.commit();
    assert.equal(len('a'), 3);
    assert.equal(len('a'), 3);
    assert.equal(runs, 1);
    text.set('b', 'zz');
    db.commit();
    assert.equal(len('a'), 3);
    assert.equal(runs, 1, 'another key of the input is not a read of len(a)');
    text.set('a', 'abcd');
    db.commit();
    assert.equal(len('a'), 4);
    assert.equal(runs, 2);
  });

  it('cuts off early: an equal recomputed value does not re-run its readers', () => {
    const db = new Database();
    const text = db.input<string>('text', '');
    let outer = 0;
    const len = db.query('len', (k) => text.get(k).length);
    const double = db.query('double', (k) => {
      outer++;
      return len(k) * 2;
    });
    text.set('a', 'abc');
    db.commit();
    assert.equal(double('a'), 6);
    text.set('a', 'xyz');
    db.commit();
    assert.equal(double('a'), 6);
    assert.equal(outer, 1);
  });

  it('records reads dynamically: a branch not taken is not a dependency', () => {
    const db = new Database();
    const flag = db.input<boolean>('flag', false);
    const v = db.input<number>('v', 0);
    let runs = 0;
    const q = db.query('q', () => {
      runs++;
      return flag.get('') ? v.get('x') : -1;
    });
    assert.equal(q(''), -1);
    v.set('x', 5);
    db.commit();
    assert.equal(q(''), -1);
    assert.equal(runs, 1);
    flag.set('', true);
    db.commit();
    assert.equal(q(''), 5);
    v.set('x', 6);
    db.commit();
    assert.equal(q(''), 6);
    flag.set('', false);
    db.commit();
    assert.equal(q(''), -1);
    runs = 0;
    v.set('x', 7);
    db.commit();
    assert.equal(q(''), -1);
    assert.equal(runs, 0, 'the dropped read no longer re-runs it');
  });

  it('reports the observed roots whose value changed, once per batch of writes', () => {
    const db = new Database();
    const a = db.input<number>('a', 0);
    const r = db.query('r', (k) => a.get(k) % 2);
    r.observe('x', true);
    r.observe('y', true);
    assert.deepEqual(db.takeChangedRoots().sort(), ['x', 'y'], 'a new root is reported');
    a.set('x', 1);
    a.set('x', 3);
    a.set('y', 2);
    assert.deepEqual(db.takeChangedRoots(), ['x'], 'y changed its input but not its value');
    assert.equal(r('x'), 1);
    assert.deepEqual(db.takeChangedRoots(), []);
  });

  it('keeps the readers of a cell unmarked while what it reads changes and its value does not', () => {
    const db = new Database();
    const text = db.input<string>('text', '');
    let reads = 0;
    const first = db.cell('first', () => text.get('a').split(' ')[0] ?? '');
    const reader = db.query('reader', () => {
      reads++;
      return first().toUpperCase();
    });
    reader.observe('r', true);
    text.set('a', 'core one');
    assert.deepEqual(db.takeChangedRoots(), ['r']);
    assert.equal(reader('r'), 'CORE');
    const before = reads;
    text.set('a', 'core two');
    assert.deepEqual(db.takeChangedRoots(), [], 'the cell kept its value');
    assert.equal(reads, before, 'its reader did not run again');
    text.set('a', 'shim two');
    assert.deepEqual(db.takeChangedRoots(), ['r']);
    assert.equal(reader('r'), 'SHIM');
    assert.equal(reads, before + 1);
  });

  it('lets go of what a stopped root read, and recomputes it (from its previous value) when read again', () => {
    const db = new Database();
    const a = db.input<number>('a', 0);
    const runs: (number | undefined)[] = [];
    const half = db.query<number>('half', (k, previous) => {
      runs.push(previous);
      return Math.floor(a.get(k) / 2);
    });
    const root = db.query('root', (k) => half(k) + 1);
    root.observe('x', true);
    a.set('x', 4);
    assert.deepEqual(db.takeChangedRoots(), ['x']);
    assert.equal(root('x'), 3);
    root.observe('x', false);
    a.set('x', 6);
    assert.deepEqual(db.takeChangedRoots(), [], 'a stopped root is not reported');
    assert.deepEqual(runs, [undefined, 0], 'nothing observes half(x) any more: the write does not recompute it');
    assert.equal(root('x'), 4, 'read again, it is what a fresh computation gives');
    assert.deepEqual(runs, [undefined, 0, 2], 'recomputed once, with its previous value as the hint');
    root.observe('x', true);
    a.set('x', 7);
    assert.deepEqual(db.takeChangedRoots(), ['x'], 'observed again (reported once when first observed)');
    a.set('x', 8);
    assert.deepEqual(db.takeChangedRoots(), ['x']);
    assert.equal(root('x'), 5);
  });

  it('tracks a key read while absent by its bucket when asked: its reader re-runs when it comes, not when a key of another bucket does', () => {
    const db = new Database();
    const names = db.input<string>('names', '');
    const index = db.index(
      'byName',
      () =>
        new Map(
          names
            .get('all')
            .split(' ')
            .filter(Boolean)
            .map((n) => [n, n.length]),
        ),
      Object.is,
      { absentBuckets: 4096 },
    );
    let runs = 0;
    const lookup = db.query('lookup', (k) => {
      runs++;
      return index.get(k) ?? -1;
    });
    lookup.observe('wanted', true);
    names.set('all', 'core one');
    assert.deepEqual(db.takeChangedRoots(), ['wanted']);
    assert.equal(lookup('wanted'), -1);
    // A key of another bucket than the one read: its reader is not even marked.
    const other = ['a', 'b', 'c', 'd', 'e'].find((n) => bucketOf(n, 4096) !== bucketOf('wanted', 4096)) as string;
    names.set('all', `core one ${other}`);
    assert.deepEqual(db.takeChangedRoots(), []);
    assert.equal(runs, 1);
    // A key of the same bucket: the reader runs again (that is the price of no cell per absent key), finds it still absent.
    let twin = '';
    for (let i = 0; twin === ''; i++) if (bucketOf(`k${i}`, 4096) === bucketOf('wanted', 4096)) twin = `k${i}`;
    names.set('all', `core one ${other} ${twin}`);
    assert.deepEqual(db.takeChangedRoots(), []);
    assert.equal(runs, 2);
    names.set('all', 'core one wanted');
    assert.deepEqual(db.takeChangedRoots(), ['wanted'], 'the absent key came');
    assert.equal(lookup('wanted'), 6);
    names.set('all', 'core wanted');
    assert.deepEqual(
      db.takeChangedRoots(),
      [],
      'present, it has a cell of its own: another key going does not reach it',
    );
    names.set('all', 'core');
    assert.deepEqual(db.takeChangedRoots(), ['wanted'], 'and it going does');
    assert.equal(lookup('wanted'), -1);
    names.set('all', 'core wanted');
    assert.deepEqual(db.takeChangedRoots(), ['wanted'], 'back again, through its cell');
    assert.equal(lookup('wanted'), 6);
  });

  it('reports a cell observed under a prefix as the prefix and its key, and stops it by its key', () => {
    const db = new Database();
    const a = db.input<number>('a', 0);
    const facts = db.query('facts', (k) => a.get(k) * 2);
    facts.observe('src/x.py', true, 'local:');
    facts.observe('src/y.py', true, 'local:');
    assert.deepEqual(
      db.takeChangedRoots().sort(),
      ['local:src/x.py', 'local:src/y.py'],
      'reported once when first observed',
    );
    a.set('src/x.py', 1);
    assert.deepEqual(db.takeChangedRoots(), ['local:src/x.py']);
    facts.observe('src/x.py', false);
    a.set('src/x.py', 2);
    a.set('src/y.py', 2);
    assert.deepEqual(db.takeChangedRoots(), ['local:src/y.py']);
    assert.throws(() => facts.observe('src/z.py', true, 'other:'), /observed as 'local:' and as 'other:'/);
  });

  it('keeps the cells of inputs and queries given one keyspace by its numbers, whatever order their keys come in', () => {
    const db = new Database();
    const paths = db.keyspace('path');
    assert.equal(db.keyspace('path'), paths, 'one keyspace per name');
    const text = db.input<string>('text', '', Object.is, paths);
    let runs = 0;
    const len = db.query(
      'len',
      (k) => {
        runs++;
        return text.get(k).length;
      },
      Object.is,
      paths,
    );
    // The query meets keys the input has not, and the input keys the query has not, in another order.
    assert.equal(len('c.py'), 0);
    setAll(text, [
      ['a.py', 'x'],
      ['b.py', 'yy'],
      ['c.py', 'zzz'],
    ]);
    db.commit();
    assert.deepEqual(
      ['a.py', 'b.py', 'c.py', 'd.py'].map((k) => len(k)),
      [1, 2, 3, 0],
    );
    assert.equal(runs, 5, 'c.py computed, then recomputed once; the others computed once');
    text.set('b.py', 'changed');
    db.commit();
    assert.deepEqual(
      ['a.py', 'b.py', 'c.py', 'd.py'].map((k) => len(k)),
      [1, 7, 3, 0],
    );
    assert.equal(runs, 6, 'only the key written is recomputed');
    assert.equal(paths.find('e.py'), undefined, 'a key read by no cell is given no number');
  });

  it('reports an observed cell that another observed cell read up to date first, and keeps a cell no longer observed while it is read', () => {
    const db = new Database();
    const a = db.input<number>('a', 0);
    let factsRuns = 0;
    const facts = db.query('facts', (k) => {
      factsRuns++;
      return a.get(k) * 2;
    });
    const unit = db.query('unit', (k) => facts(k) + 1);
    // The unit is observed first, so it runs first after a write, and pulls the file's facts up to date itself.
    unit.observe('x', true);
    facts.observe('x', true, 'local:');
    assert.deepEqual(db.takeChangedRoots().sort(), ['local:x', 'x']);
    a.set('x', 1);
    assert.deepEqual(db.takeChangedRoots().sort(), ['local:x', 'x'], 'both report, whichever computed the facts');
    assert.equal(factsRuns, 2, 'the facts were computed once per write');
    facts.observe('x', false);
    a.set('x', 2);
    assert.deepEqual(
      db.takeChangedRoots(),
      ['x'],
      'no longer observed, the facts are not reported; the unit still reads them',
    );
    assert.equal(unit('x'), 5);
    assert.equal(factsRuns, 3, 'kept up to date through the unit: not let go while it is read');
    unit.observe('x', false);
    a.set('x', 3);
    assert.deepEqual(db.takeChangedRoots(), []);
    assert.equal(factsRuns, 3, 'read by nothing and observed by nothing, a write does not recompute it');
    assert.equal(facts('x'), 6);
  });

  it('tells which queries read an input key, through other queries and through an index as a whole', () => {
    const db = new Database();
    const text = db.input<string>('text', '');
    const words = db.query('words', (k) => text.get(k).split(' '));
    const first = db.query('first', (k) => words(k)[0] ?? '');
    // an index of every file's first word; a reader of one key reads the index's computation whole
    const byWord = db.index('byWord', () => new Map(['a', 'b', 'c'].map((k) => [first(k), k])));
    const owner = db.query('owner', (w) => byWord.get(w) ?? 'none');
    const unit = db.query('unit', (k) =>
      k === 'ab' ? `${first('a')} ${first('b')}` : k === 'own' ? owner('x') : first(k),
    );
    setAll(text, [
      ['a', 'x y'],
      ['b', 'z'],
      ['c', 'w'],
    ]);
    db.commit();
    const keys = ['ab', 'a', 'b', 'c', 'own'];
    for (const k of keys) unit.observe(k, true);
    const read = (file: string): string[] => {
      const hit = db.readersAmong(
        [[text, file]],
        keys.map((k) => [unit, k] as const),
      );
      return keys.filter((_, i) => hit[i]);
    };
    assert.deepEqual(read('a'), ['ab', 'a', 'own']);
    assert.deepEqual(read('b'), ['ab', 'b', 'own']);
    assert.deepEqual(read('c'), ['c', 'own'], 'a file of the index reaches every reader of it, whichever key it holds');
    assert.deepEqual(read('d'), [], 'a key nobody read');
    assert.deepEqual(
      db.readersAmong(
        [[text, 'a']],
        [
          [words, 'a'],
          [words, 'never-read'],
        ],
      ),
      [true, false],
    );
    // as last computed: a branch taken since is a read, one no longer taken is not
    const branch = db.query('branch', (k) => (text.get('flag') === 'on' ? text.get('a') : k));
    branch.observe('s', true);
    const readsA = (): boolean[] => db.readersAmong([[text, 'a']], [[branch, 's']]);
    assert.deepEqual(readsA(), [false]);
    text.set('flag', 'on');
    db.commit();
    assert.equal(branch('s'), 'x y');
    assert.deepEqual(readsA(), [true]);
    text.set('flag', 'off');
    db.commit();
    assert.deepEqual(readsA(), [false]);
  });

  it('tells which keys of an index a change reached, and counts a reader of the index only for those', () => {
    const db = new Database();
    const text = db.input<string>('text', '');
    const first = db.query('first', (k) => text.get(k).split(' ')[0] ?? '');
    // every file's first word, by word: a file reaches the key of its word only
    const byWord = db.index('byWord', () => new Map(['a', 'b', 'c'].map((k) => [first(k), k] as const)));
    const owner = db.query('owner', (w) => byWord.get(w) ?? 'none');
    setAll(text, [
      ['a', 'x y'],
      ['b', 'z'],
      ['c', 'w'],
    ]);
    db.commit();
    const words = ['x', 'z', 'w', 'q'];
    for (const w of words) owner.observe(w, true);
    // 'a' changed and changed back, committed each time: the keys of its two words were reached, nothing else
    const reached = db.indexWritesDuring(() => {
      text.set('a', 'q');
      db.commit();
      text.set('a', 'x y');
      db.commit();
    });
    assert.deepEqual(
      words.map((w) => owner(w)),
      ['a', 'b', 'c', 'none'],
      'as it was',
    );
    const readers = (keys?: Parameters<typeof db.readersAmong>[2]): boolean[] =>
      db.readersAmong(
        [[text, 'a']],
        words.map((w) => [owner, w] as const),
        keys,
      );
    assert.deepEqual(readers(reached), [true, false, false, true], "only the readers of a's keys");
    assert.deepEqual(readers(), [true, true, true, true], 'without the keys, the index is read whole');
  });
});
