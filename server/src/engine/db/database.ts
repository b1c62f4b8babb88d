// The tracked query layer: keyed inputs set from outside, and keyed derived queries — memoised
// computations that record every input or query they read. Changing an input marks what read it,
// transitively; reading a marked query re-checks its recorded reads and recomputes only when one of
// them changed. A recomputed value equal to the old one (by the query's equality) is kept as is, so
// readers further up are not recomputed (early cut-off). Observed roots report when their value
// changed. Because every read is recorded, a derived value is always what a from-scratch computation
// over the current inputs gives. Built on alien-signals' algorithms (push-pull signals; see
// bench/README.md for why; `nodes.ts` holds the nodes, `links.ts` their links, packed); this module
// and those are the only ones that know them, and they know nothing of registries.
import {
  endBatch,
  isCurrent,
  observe,
  QueryNode,
  readersOf,
  readQuery,
  readSignal,
  setActiveSub,
  SignalNode,
  linkPool,
  startBatch,
  writeSignal,
  type Spec,
} from './nodes';
import { bucketOf } from './bucketOf';
import { cellTable, Keyspace } from './keyspace';

/** Reads a signal or query without subscribing the current computation to it. */
function untracked<T>(read: () => T): T {
  const outer = setActiveSub(undefined);
  try {
    return read();
  } finally {
    setActiveSub(outer);
  }
}

/** An input or a query with one of its keys (see `Database.readersAmong`). */
type Keyed = readonly [object, string];

/**
 * The cells indexes wrote while a change was made and undone (`Database.indexWritesDuring`), by index: which keys
 * the change reached.
 */
export interface IndexWrites {
  readonly cells: ReadonlyMap<object, ReadonlySet<object>>;
}

/** Equality deciding early cut-off; the default is `Object.is`. */
export type Eq<T> = (a: T, b: T) => boolean;

export interface Input<T> {
  get(key: string): T;
  set(key: string, value: T): void;
}

export interface Query<T> {
  (key: string): T;
  /**
   * Observes (or stops observing) the key: `Database.takeChangedRoots` reports it, after `prefix` (the
   * root it is observed as: `prefix` and the key; one prefix per query), when its value changes.
   */
  observe(key: string, on: boolean, prefix?: string): void;
  /** Whether the key's value is computed and current, asked without computing it (for housekeeping that must not). */
  computed(key: string): boolean;
}

/**
 * How an index tracks keys read while absent. `absentBuckets`: by a cell per bucket of that many (a
 * hash of the key) instead of a cell per key — for an index read mostly in vain by many readers (each
 * workspace looks its names up among core's: 63,000 cells on a large org) whose keys rarely come: a
 * key that comes re-runs the readers of the absent keys of its bucket.
 */
export interface IndexOptions {
  absentBuckets?: number;
}

/** A map computed as a whole but read one key at a time (see `Database.index`). */
export interface Index<V> {
  get(key: string): V | undefined;
  /** The keys, in the order the computation gave them. */
  keys(): readonly string[];
}

export class Database {
  private changed = new Set<string>();
  /** The links between this database's cells (nodes.ts). */
  private readonly links = linkPool();
  /**
   * Input writes wait here until `commit` applies them in one batch, so observed roots re-run
   * once per batch (the batch never stays open across calls: engines in one process stay independent).
   */
  private writes = new Map<SignalNode<unknown>, { value: unknown; eq: Eq<unknown> }>();
  /** Brings one index's cells up to date with its computation; whether a cell changed (see `index`). */
  private indexes: (() => boolean)[] = [];

  /** While `indexWritesDuring` runs: the cells each index writes, by its computation. */
  private recording: Map<object, Set<object>> | undefined;

  private readonly spaces = new Map<string, Keyspace>();
  /** For `readersAmong`: each input's and query's cell of a key (if made), each index's cells by its computation. */
  private readonly inputCells = new WeakMap<object, (key: string) => SignalNode<unknown> | undefined>();
  private readonly queryCells = new WeakMap<object, (key: string) => QueryNode<unknown> | undefined>();
  private readonly indexCells = new Map<QueryNode<unknown>, () => Iterable<SignalNode<unknown>>>();

  /**
   * The database's keyspace of that name: inputs and queries given it keep their cells by its numbers (see
   * keyspace.ts).
   */
  keyspace(name: string): Keyspace {
    let k = this.spaces.get(name);
    if (!k) this.spaces.set(name, (k = new Keyspace()));
    return k;
  }

  /** A keyed input; reading a key never set gives `initial`. A write is seen from the next `commit` on. */
  input<T>(name: string, initial: T, eq: Eq<T> = Object.is, keys?: Keyspace): Input<T> {
    const cells = cellTable<SignalNode<T>>(keys);
    const cellOf = (key: string): SignalNode<T> => {
      let c = cells.get(key);
      if (!c) cells.set(key, (c = new SignalNode<T>(initial)));
      return c;
    };
    const input: Input<T> = {
      get: (key) => readSignal(this.links, cellOf(key)),
      set: (key, value) => {
        this.writes.set(cellOf(key) as SignalNode<unknown>, { value, eq: eq as Eq<unknown> });
      },
    };
    this.inputCells.set(input, (key) => cells.get(key) as SignalNode<unknown> | undefined);
    return input;
  }

  /**
   * A keyed derived query: `fn(key)` runs as a recorded computation. `fn` also receives the key's
   * previous value (undefined the first time), only as a hint to compute the same result with less
   * work: what it returns must be what it returns without the hint (the random-edit oracle checks it).
   */
  query<T>(
    name: string,
    fn: (key: string, previous: T | undefined) => T,
    eq: Eq<T> = Object.is,
    keys?: Keyspace,
  ): Query<T> {
    const cells = cellTable<QueryNode<T>>(keys);
    const spec: Spec<T> = { fn, eq, links: this.links };
    const cellOf = (key: string): QueryNode<T> => {
      let c = cells.get(key);
      if (!c) cells.set(key, (c = new QueryNode<T>(keys ? keys.canonical(key) : key, spec)));
      return c;
    };
    const q = ((key: string) => readQuery(cellOf(key))) as Query<T>;
    q.computed = (key) => {
      const c = cells.get(key);
      return c !== undefined && isCurrent(c as QueryNode<unknown>);
    };
    q.observe = (key, on, prefix = '') => {
      if (!on) {
        const c = cells.get(key);
        if (c) observe(c as QueryNode<unknown>, false);
        return;
      }
      spec.root ??= { prefix, changed: this.changed };
      if (spec.root.prefix !== prefix)
        throw new Error(`query ${name}: observed as '${spec.root.prefix}' and as '${prefix}'`);
      observe(cellOf(key) as QueryNode<unknown>, true);
    };
    this.queryCells.set(q, (key) => cells.get(key) as QueryNode<unknown> | undefined);
    return q;
  }

  /**
   * Which of `among` (query keys) read one of `reads` (input keys) when last computed, directly or
   * through other queries. An index counts as read whole: every reader of one of its cells read what its
   * computation read (which key a change would move is not known before it comes) — unless `reached` tells
   * the keys a change of the inputs reached (`indexWritesDuring`): then the readers of those keys only.
   */
  /** `reads`: inputs with a key; `among`: queries with a key. */
  readersAmong(reads: readonly Keyed[], among: readonly Keyed[], reached?: IndexWrites): boolean[] {
    const from = reads.flatMap(([input, key]) => this.inputCells.get(input)?.(key) ?? []);
    const cellsOf = reached
      ? (q: QueryNode<unknown>): Iterable<SignalNode<unknown>> =>
          (reached.cells.get(q) ?? []) as Iterable<SignalNode<unknown>>
      : (q: QueryNode<unknown>): Iterable<SignalNode<unknown>> => this.indexCells.get(q)?.() ?? [];
    const readers = readersOf(this.links, from, cellsOf);
    return among.map(([query, key]) => {
      const cell = this.queryCells.get(query)?.(key);
      return cell !== undefined && readers.has(cell);
    });
  }

  /**
   * Runs `during` (a host's change of some inputs and its undoing, each committed) and returns the cells each index
   * wrote meanwhile: the keys the change reached, for `readersAmong`. Observed roots wait until it is over (each
   * commit settles the indexes, which is all it asks): those the change and its undoing reached run once, not twice.
   */
  indexWritesDuring(during: () => void): IndexWrites {
    const outer = this.recording;
    const cells = new Map<object, Set<object>>();
    this.recording = cells;
    startBatch();
    try {
      during();
    } finally {
      this.recording = outer;
      endBatch();
    }
    return { cells };
  }

  /**
   * A keyed index computed as a whole (from other queries) and read one key at a time. It writes one
   * cell per key whose value changed, so an edit that changes one key reaches the readers of that key
   * only — the readers of other keys are not even marked. `commit` brings every index's cells up to
   * date before any observer runs (see `settleIndexes`), so readers never see a stale cell.
   */
  index<V>(
    name: string,
    compute: () => ReadonlyMap<string, V>,
    eq: Eq<V> = Object.is,
    options: IndexOptions = {},
  ): Index<V> {
    const cells = new Map<string, SignalNode<V | undefined>>();
    /**
     * With `absentBuckets`, a key read while absent gets no cell of its own: its reader depends on its
     * bucket's cell, written whenever a key of that bucket without a cell comes (see IndexOptions).
     */
    const buckets = options.absentBuckets ?? 0;
    const absent: (SignalNode<number> | undefined)[] = [];
    const bucketCell = (key: string): SignalNode<number> => {
      const b = bucketOf(key, buckets);
      return absent[b] ?? (absent[b] = new SignalNode(0));
    };
    const keysCell = new SignalNode<readonly string[]>([]);
    const whole = new QueryNode<ReadonlyMap<string, V>>(name, { fn: compute, eq: Object.is, links: this.links });
    const written = (): SignalNode<unknown>[] =>
      [keysCell, ...cells.values(), ...absent.filter((c) => c !== undefined)] as SignalNode<unknown>[];
    this.indexCells.set(whole as QueryNode<unknown>, written);
    /** The map the cells were last written from. */
    let current: ReadonlyMap<string, V> = new Map();
    let keys: readonly string[] = [];
    /** `current`'s values in `keys` order: a key in step is compared without a lookup. */
    let values: V[] = [];
    let started = false;
    /** Writes the cells of the keys whose value changed from `current` to `next`; whether any was. */
    const write = (next: ReadonlyMap<string, V>): boolean => {
      // The same map again (a computation kept its previous result): nothing changed.
      if (next === current) return false;
      // Only keys of the old or the new map can have changed; cells of other keys (read but absent) stay undefined.
      const writes: [SignalNode<V | undefined>, V | undefined][] = [];
      const removals: [SignalNode<V | undefined>, undefined][] = [];
      const bumps = new Set<SignalNode<number>>();
      const removed = (k: string): void => {
        const c = cells.get(k);
        if (c) removals.push([c, undefined]);
      };
      // Most runs keep the keys in their order and replace a few values, or add or drop a few keys:
      // both maps are walked side by side (the old one through its key list), and only keys out of step
      // are looked up; no entry pairs are made (an index of 27,000 keys is walked on each edit that changes it).
      let o = 0;
      let same = true;
      next.forEach((b, k) => {
        while (o < keys.length && keys[o] !== k && !next.has(keys[o] as string)) {
          removed(keys[o] as string);
          same = false;
          o++;
        }
        if (o < keys.length && keys[o] === k) {
          const a = values[o] as V;
          values[o++] = b;
          if (a !== b) {
            const c = cells.get(k);
            if (c && (a === undefined || !eq(a, b))) writes.push([c, b]);
          }
          return;
        }
        same = false;
        const c = cells.get(k);
        if (!c) {
          // A key come without a cell: the readers that found it absent read its bucket.
          const bucket = buckets > 0 && !current.has(k) ? absent[bucketOf(k, buckets)] : undefined;
          if (bucket) bumps.add(bucket);
          return;
        }
        const a = current.get(k);
        if (a === undefined || !eq(a, b)) writes.push([c, b]);
      });
      for (; o < keys.length; o++) {
        same = false;
        if (!next.has(keys[o] as string)) removed(keys[o] as string);
      }
      for (const r of removals) writes.push(r);
      // In step all along: the same keys in the same order.
      const nextKeys = same ? keys : [...next.keys()];
      const keysChanged = !same && (nextKeys.length !== keys.length || nextKeys.some((k, i) => k !== keys[i]));
      current = next;
      if (!same) values = [...next.values()];
      if (keysChanged) keys = nextKeys;
      if (writes.length === 0 && bumps.size === 0 && !keysChanged) return false;
      if (this.recording) {
        let seen = this.recording.get(whole);
        if (!seen) this.recording.set(whole, (seen = new Set()));
        for (const [c] of writes) seen.add(c);
        for (const b of bumps) seen.add(b);
        if (keysChanged) seen.add(keysCell);
      }
      startBatch();
      try {
        for (const [c, v] of writes) writeSignal(this.links, c, v);
        for (const b of bumps) writeSignal(this.links, b, b.pendingValue + 1);
        if (keysChanged) writeSignal(this.links, keysCell, nextKeys);
      } finally {
        endBatch();
      }
      return true;
    };
    const start = (): void => {
      started = true;
      // The first map is taken as it is (no cell exists yet to write), so starting never flushes observers.
      current = untracked(() => readQuery(whole));
      keys = [...current.keys()];
      values = [...current.values()];
      writeSignal(this.links, keysCell, keys);
      // Observed only to keep the computation tracked (it reports nowhere): inputs change only in `commit`, which
      // writes the cells.
      observe(whole as QueryNode<unknown>, true);
      this.indexes.push(() => write(untracked(() => readQuery(whole))));
    };
    const cellOf = (key: string): SignalNode<V | undefined> => {
      let c = cells.get(key);
      if (!c) cells.set(key, (c = new SignalNode<V | undefined>(current.get(key))));
      return c;
    };
    return {
      get: (key) => {
        if (!started) start();
        if (buckets > 0 && !cells.has(key) && !current.has(key)) {
          readSignal(this.links, bucketCell(key));
          return undefined;
        }
        return readSignal(this.links, cellOf(key));
      },
      keys: () => {
        if (!started) start();
        return readSignal(this.links, keysCell);
      },
    };
  }

  /**
   * One value computed from queries that change often while it rarely does (which file is the core
   * context's, while that file is edited): an index of one key, so that its readers are not even marked
   * when what it reads changes, only when its value does.
   */
  cell<V>(name: string, compute: () => V, eq: Eq<V> = Object.is): () => V {
    const index = this.index(
      name,
      () => new Map([[name, { value: compute() }]]),
      (a, b) => eq(a.value, b.value),
    );
    return () => (index.get(name) as { value: V }).value;
  }

  /** Applies the pending input writes in one batch (observed roots they reach re-run once). */
  commit(): void {
    if (this.writes.size === 0) return;
    startBatch();
    try {
      for (const [cell, { value, eq }] of this.writes)
        if (!eq(readSignal(this.links, cell), value)) writeSignal(this.links, cell, value);
      this.settleIndexes();
    } finally {
      this.writes.clear();
      endBatch();
    }
  }

  /**
   * Inside the commit's batch, before any observer runs: writes every index's changed cells, again
   * until none changes (an index may read another's cells). Left to the observers' flush, a reader
   * queued before an index's observer would read its cells stale (a glitch: a list that still names a
   * deleted file, say), and an index reading a stale cell would write stale cells in turn.
   */
  private settleIndexes(): void {
    for (let again = true; again;) {
      again = false;
      // Indexes started while settling are appended and settled in the same pass.
      for (let i = 0; i < this.indexes.length; i++) if ((this.indexes[i] as () => boolean)()) again = true;
    }
  }

  /** Commits, then returns the keys of the observed roots whose value changed since the last call. */
  takeChangedRoots(): string[] {
    this.commit();
    const out = [...this.changed];
    this.changed.clear();
    return out;
  }
}

/** One value per database, made on first use: the query groups a family builds on an engine's database. */
export function perDatabase<G extends object>(): (db: Database, make: () => G) => G {
  const made = new WeakMap<Database, G>();
  return (db, make) => {
    let g = made.get(db);
    if (!g) made.set(db, (g = make()));
    return g;
  };
}

/** Base of a group of queries declared as fields: the database and what the group reads are set before the fields. */
export class QueryGroup<D> {
  constructor(
    readonly db: Database,
    protected readonly deps: D,
  ) {}
}
