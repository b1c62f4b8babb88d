// The database's reactive nodes, on alien-signals' algorithms (linking, marking, checking), with the
// links between them packed in a pool per database (links.ts). The library's own `signal()` and
// `computed()` return a bound function per node, and each keyed cell also kept a closure of its key:
// ~350,000 cells of a large org spent ~45 MB on wrappers. Here a cell is one object holding its key and
// its query's shared spec; the read and write functions below follow the library's `index.mjs` step for
// step. An observed query cell is its own observer (the library's watching flag on the cell itself): a
// large org observed a cell per file through an effect node each, with its link and an entry in a map of
// them (~7 MB).
import { DIRTY, LinkPool, MUTABLE, PENDING, RECURSED, RECURSED_CHECK, WATCHING, type LinkedNode } from './links';

/** Ours, beside the library's flags (which it leaves alone): the cell is observed (see `observe`). */
const OBSERVED = 64;

/** What every cell of one query shares. */
export interface Spec<T> {
  fn(key: string, previous: T | undefined): T;
  eq(a: T, b: T): boolean;
  /** Where its observed cells report a change of value: `prefix` and the cell's key is added to `changed`. */
  root?: { prefix: string; changed: Set<string> | null };
  /** The links of its database's nodes. */
  links: LinkPool;
}

/** An input (or an index's cell): written from outside, read by queries. */
export class SignalNode<T> implements LinkedNode {
  subs = 0;
  subsTail = 0;
  flags = MUTABLE;
  pendingValue: T;
  constructor(public currentValue: T) {
    this.pendingValue = currentValue;
  }
}

/** One key of a query: recomputes `spec.fn(key, previous)` when a read changed, keeping an equal old value. */
export class QueryNode<T> implements LinkedNode {
  value: T | undefined = undefined;
  subs = 0;
  subsTail = 0;
  deps = 0;
  depsTail = 0;
  flags = 0;
  constructor(
    readonly key: string,
    readonly spec: Spec<T>,
  ) {}
}

// Process-wide, as in alien-signals: the state of the one synchronous run, batch or notification under
// way (counters and a queue emptied at its end), whichever engine's database it belongs to.
let cycle = 0;
let runDepth = 0;
let batchDepth = 0;
let notifyIndex = 0;
let queuedLength = 0;
let activeSub: QueryNode<unknown> | undefined;
const queued: (QueryNode<unknown> | undefined)[] = [];

/** A database's pool of links, with the callbacks of alien-signals' `createReactiveSystem`. */
export function linkPool(): LinkPool {
  return new LinkPool({
    update(node) {
      if (node instanceof QueryNode) return updateQuery(node);
      if (node instanceof SignalNode) return updateSignal(node);
      node.flags = MUTABLE;
      return true;
    },
    notify(node) {
      // Only observed cells watch: each is queued once (the flag comes back when it runs).
      node.flags &= ~WATCHING;
      queued[queuedLength++] = node as QueryNode<unknown>;
    },
    unwatched(node) {
      // Nothing reads it any more, nor observes it: it lets go of its reads and recomputes when read again.
      if (node instanceof QueryNode && !(node.flags & OBSERVED)) release(node);
    },
  });
}

/** Links a read of a cell of the database whose links are `links` to the computation running now. */
function link(links: LinkPool, dep: SignalNode<unknown> | QueryNode<unknown>, sub: QueryNode<unknown>): void {
  if (sub.spec.links !== links) throw new Error("a computation read another database's cell");
  links.link(dep, sub, cycle);
}

function release(q: QueryNode<unknown>): void {
  if (q.depsTail === 0) return;
  q.flags = MUTABLE | DIRTY;
  disposeDeps(q);
}

/** A cell of either kind. */
export type Cell = SignalNode<unknown> | QueryNode<unknown>;

/** The computation running now (reads link to it), or undefined; returns the previous one. */
export function setActiveSub(sub: QueryNode<unknown> | undefined): QueryNode<unknown> | undefined {
  const prev = activeSub;
  activeSub = sub;
  return prev;
}

export function startBatch(): void {
  ++batchDepth;
}

export function endBatch(): void {
  if (!--batchDepth) flush();
}

/** Reads an input cell of the database whose links are `links`. */
export function readSignal<T>(links: LinkPool, s: SignalNode<T>): T {
  if (s.flags & DIRTY && updateSignal(s) && s.subs !== 0) links.shallowPropagate(s.subs);
  if (activeSub !== undefined) link(links, s as SignalNode<unknown>, activeSub);
  return s.currentValue;
}

/** Writes an input cell of the database whose links are `links`. */
export function writeSignal<T>(links: LinkPool, s: SignalNode<T>, value: T): void {
  if (s.pendingValue === (s.pendingValue = value)) return;
  s.flags = MUTABLE | DIRTY;
  if (s.subs !== 0) {
    links.propagate(s.subs, !!runDepth);
    if (!batchDepth) flush();
  }
}

export function readQuery<T>(q: QueryNode<T>): T {
  refresh(q);
  if (activeSub !== undefined) link(q.spec.links, q as QueryNode<unknown>, activeSub);
  return q.value as T;
}

/**
 * Whether a cell holds a value computed since its reads last changed, as far as it was told (a cell told that a read
 * may have changed is not).
 */
export function isCurrent(q: QueryNode<unknown>): boolean {
  return q.flags !== 0 && (q.flags & (DIRTY | PENDING)) === 0;
}

/** Brings a cell up to date: computes it the first time, recomputes it when one of its reads changed. */
function refresh<T>(q: QueryNode<T>): void {
  const flags = q.flags;
  if (
    flags & DIRTY ||
    (flags & PENDING && (q.spec.links.checkDirty(q.deps, q) || ((q.flags = flags & ~PENDING), false)))
  ) {
    if (updateQuery(q) && q.subs !== 0) q.spec.links.shallowPropagate(q.subs);
  } else if (!flags) {
    q.flags = MUTABLE | RECURSED_CHECK;
    const prev = setActiveSub(q as QueryNode<unknown>);
    try {
      q.value = q.spec.fn(q.key, undefined);
    } finally {
      activeSub = prev;
      q.flags &= ~RECURSED_CHECK;
    }
  }
}

/**
 * Observes a cell (or stops): it is computed now and kept up to date after every batch of writes that
 * reaches it, and reports (see `Spec.root`) once now and whenever its value changes, however it was
 * recomputed (a reader may pull it first). A cell no longer observed that nothing reads lets go of its
 * reads. It belongs to no computation, not even one running now, which does not read it through this.
 */
export function observe(q: QueryNode<unknown>, on: boolean): void {
  if (!on) {
    q.flags &= ~(OBSERVED | WATCHING);
    if (q.subs === 0) release(q);
    return;
  }
  if (q.flags & OBSERVED) return;
  const prev = setActiveSub(undefined);
  try {
    refresh(q);
  } finally {
    activeSub = prev;
  }
  q.flags |= OBSERVED | WATCHING;
  report(q);
}

/**
 * Every query cell that read one of `from` as last computed, directly or through other cells (a walk up
 * the recorded reads). `writes` gives the cells a computation writes rather than returns (an index's),
 * whose readers count as its readers.
 */
export function readersOf(
  links: LinkPool,
  from: Iterable<Cell>,
  writes: (q: QueryNode<unknown>) => Iterable<Cell>,
): Set<Cell> {
  const seen = new Set<Cell>();
  const stack = [...from];
  while (stack.length > 0) {
    const node = stack.pop() as Cell;
    for (let l = node.subs; l !== 0; l = links.nextSubOf(l)) {
      const sub = links.subOf(l) as QueryNode<unknown>;
      if (seen.has(sub)) continue;
      seen.add(sub);
      stack.push(sub);
      if (sub instanceof QueryNode) stack.push(...writes(sub));
    }
  }
  return seen;
}

function report(q: QueryNode<unknown>): void {
  const root = q.spec.root;
  root?.changed?.add(root.prefix === '' ? q.key : root.prefix + q.key);
}

/** Recomputes a query whose reads changed; whether its value did (an equal value is kept as it was). */
function updateQuery<T>(q: QueryNode<T>): boolean {
  q.depsTail = 0;
  q.flags = (q.flags & (OBSERVED | WATCHING)) | MUTABLE | RECURSED_CHECK;
  const prev = setActiveSub(q as QueryNode<unknown>);
  try {
    ++cycle;
    const old = q.value as T;
    const value = q.spec.fn(q.key, old);
    if (q.spec.eq(old, value)) return false;
    q.value = value;
    if (q.flags & OBSERVED) report(q as QueryNode<unknown>);
    return true;
  } finally {
    activeSub = prev;
    q.flags &= ~RECURSED_CHECK;
    purgeDeps(q);
  }
}

function updateSignal<T>(s: SignalNode<T>): boolean {
  s.flags = MUTABLE;
  return s.currentValue !== (s.currentValue = s.pendingValue);
}

/** Brings an observed cell queued by a write up to date (it reports itself if its value changed). */
function run(q: QueryNode<unknown>): void {
  if (!(q.flags & OBSERVED)) return;
  q.flags |= WATCHING;
  const prev = setActiveSub(undefined);
  try {
    ++runDepth;
    refresh(q);
  } finally {
    --runDepth;
    activeSub = prev;
  }
}

function flush(): void {
  try {
    while (notifyIndex < queuedLength) {
      const q = queued[notifyIndex] as QueryNode<unknown>;
      queued[notifyIndex++] = undefined;
      run(q);
    }
  } finally {
    // An observed cell threw: the ones still queued stay marked, to run on the next flush.
    while (notifyIndex < queuedLength) {
      const q = queued[notifyIndex] as QueryNode<unknown>;
      queued[notifyIndex++] = undefined;
      if (q.flags & OBSERVED) q.flags |= WATCHING | RECURSED;
    }
    notifyIndex = 0;
    queuedLength = 0;
  }
}

function disposeDeps(sub: QueryNode<unknown>): void {
  const links = sub.spec.links;
  let l = sub.depsTail;
  while (l !== 0) {
    const prev = links.prevDepOf(l);
    links.unlink(l, sub);
    l = prev;
  }
}

/** Drops the reads of the last run that this run did not repeat. */
function purgeDeps(sub: QueryNode<unknown>): void {
  const links = sub.spec.links;
  const tail = sub.depsTail;
  let dep = tail !== 0 ? links.nextDepOf(tail) : sub.deps;
  while (dep !== 0) dep = links.unlink(dep, sub);
}
