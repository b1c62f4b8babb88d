// The database's reactive nodes, on alien-signals' core (`alien-signals/system`: linking, marking,
// checking). The library's own `signal()` and `computed()` return a bound function per node, and each
// keyed cell also kept a closure of its key: ~350,000 cells of a large org spent ~45 MB on wrappers.
// Here a cell is one object holding its key and its query's shared spec; the read and write
// functions below follow the library's `index.mjs` step for step.
import { createReactiveSystem, type Link, type ReactiveNode } from 'alien-signals/system';

// alien-signals' ReactiveFlags (a const enum its types declare and its code inlines).
const MUTABLE = 1;
const WATCHING = 2;
const RECURSED_CHECK = 4;
const RECURSED = 8;
const DIRTY = 16;
const PENDING = 32;

/** What every cell of one query shares. */
export interface Spec<T> {
  fn(key: string, previous: T | undefined): T;
  eq(a: T, b: T): boolean;
}

/** An input (or an index's cell): written from outside, read by queries. */
export class SignalNode<T> implements ReactiveNode {
  subs: Link | undefined = undefined;
  subsTail: Link | undefined = undefined;
  flags = MUTABLE;
  pendingValue: T;
  constructor(public currentValue: T) { this.pendingValue = currentValue; }
}

/** One key of a query: recomputes `spec.fn(key, previous)` when a read changed, keeping an equal old value. */
export class QueryNode<T> implements ReactiveNode {
  value: T | undefined = undefined;
  subs: Link | undefined = undefined;
  subsTail: Link | undefined = undefined;
  deps: Link | undefined = undefined;
  depsTail: Link | undefined = undefined;
  flags = 0;
  constructor(readonly key: string, readonly spec: Spec<T>) {}
}

/**
 * An observer: reads the query cell `read` once, then again (in `flush`) whenever something it read
 * changed, each time adding the root it is observed as — `prefix` and the cell's key — to `changed`
 * (with no set it only keeps `read` tracked). The node holds what it does, so the 45,000 observers of
 * a large org need no closure each, and no root name of their own (`local:` and a path, per file).
 */
export class EffectNode implements ReactiveNode {
  deps: Link | undefined = undefined;
  depsTail: Link | undefined = undefined;
  flags = WATCHING | RECURSED_CHECK;
  constructor(readonly read: QueryNode<unknown>, readonly prefix: string, readonly changed: Set<string> | null) {}
}

let cycle = 0;
let runDepth = 0;
let batchDepth = 0;
let notifyIndex = 0;
let queuedLength = 0;
let activeSub: ReactiveNode | undefined;
const queued: (EffectNode | undefined)[] = [];

const { link, unlink, propagate, checkDirty, shallowPropagate } = createReactiveSystem({
  update(node) {
    if (node instanceof QueryNode) return updateQuery(node);
    if (node instanceof SignalNode) return updateSignal(node);
    node.flags = MUTABLE;
    return true;
  },
  notify(node) {
    // Queues the effect and the effects above it, outermost first (as the library does).
    let effect: ReactiveNode | undefined = node;
    let insertIndex = queuedLength;
    let firstInsertedIndex = insertIndex;
    do {
      queued[insertIndex++] = effect as EffectNode;
      effect.flags &= ~WATCHING;
      effect = effect.subs?.sub;
    } while (effect !== undefined && effect.flags & WATCHING);
    queuedLength = insertIndex;
    while (firstInsertedIndex < --insertIndex) {
      const left = queued[firstInsertedIndex];
      queued[firstInsertedIndex++] = queued[insertIndex];
      queued[insertIndex] = left;
    }
  },
  unwatched(node) {
    if (node instanceof QueryNode) {
      // Nothing reads it any more: it lets go of its reads and recomputes when read again.
      if (node.depsTail !== undefined) {
        node.flags = MUTABLE | DIRTY;
        disposeDeps(node);
      }
    } else if (node instanceof EffectNode) {
      dispose(node);
    }
  },
});

/** The computation running now (reads link to it), or undefined; returns the previous one. */
export function setActiveSub(sub: ReactiveNode | undefined): ReactiveNode | undefined {
  const prev = activeSub;
  activeSub = sub;
  return prev;
}

export function startBatch(): void { ++batchDepth; }

export function endBatch(): void { if (!--batchDepth) flush(); }

export function readSignal<T>(s: SignalNode<T>): T {
  if (s.flags & DIRTY && updateSignal(s) && s.subs !== undefined) shallowPropagate(s.subs);
  if (activeSub !== undefined) link(s, activeSub, cycle);
  return s.currentValue;
}

export function writeSignal<T>(s: SignalNode<T>, value: T): void {
  if (s.pendingValue === (s.pendingValue = value)) return;
  s.flags = MUTABLE | DIRTY;
  if (s.subs !== undefined) {
    propagate(s.subs, !!runDepth);
    if (!batchDepth) flush();
  }
}

export function readQuery<T>(q: QueryNode<T>): T {
  const flags = q.flags;
  if (flags & DIRTY || (flags & PENDING && (checkDirty(q.deps as Link, q) || (q.flags = flags & ~PENDING, false)))) {
    if (updateQuery(q) && q.subs !== undefined) shallowPropagate(q.subs);
  } else if (!flags) {
    q.flags = MUTABLE | RECURSED_CHECK;
    const prev = setActiveSub(q);
    try {
      q.value = q.spec.fn(q.key, undefined);
    } finally {
      activeSub = prev;
      q.flags &= ~RECURSED_CHECK;
    }
  }
  if (activeSub !== undefined) link(q, activeSub, cycle);
  return q.value as T;
}

/** Starts an observer; it belongs to no other node (not even a computation running now, which it does not read into). */
export function effect(read: QueryNode<unknown>, prefix = '', changed: Set<string> | null = null): EffectNode {
  const e = new EffectNode(read, prefix, changed);
  execute(e);
  return e;
}

/** Stops an observer: it lets go of what it read (and they of theirs, if nothing else reads them). */
export function dispose(e: EffectNode): void {
  e.flags = 0;
  disposeDeps(e);
}

/** Recomputes a query whose reads changed; whether its value did (an equal value is kept as it was). */
function updateQuery<T>(q: QueryNode<T>): boolean {
  q.depsTail = undefined;
  q.flags = MUTABLE | RECURSED_CHECK;
  const prev = setActiveSub(q);
  try {
    ++cycle;
    const old = q.value as T;
    const value = q.spec.fn(q.key, old);
    if (q.spec.eq(old, value)) return false;
    q.value = value;
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

/** Re-runs an observer queued by a write when one of its reads changed. */
function run(e: EffectNode): void {
  const flags = e.flags;
  if (flags & DIRTY || (flags & PENDING && checkDirty(e.deps as Link, e))) execute(e);
  else if (e.deps !== undefined) e.flags = WATCHING;
}

/** Runs an observer as the active computation (its first run, or a re-run): its read, then its report. */
function execute(e: EffectNode): void {
  e.depsTail = undefined;
  e.flags = WATCHING | RECURSED_CHECK;
  const prev = setActiveSub(e);
  try {
    ++cycle;
    ++runDepth;
    readQuery(e.read);
    e.changed?.add(e.prefix === '' ? e.read.key : e.prefix + e.read.key);
  } finally {
    --runDepth;
    activeSub = prev;
    e.flags &= ~RECURSED_CHECK;
    purgeDeps(e);
  }
}

function flush(): void {
  try {
    while (notifyIndex < queuedLength) {
      const e = queued[notifyIndex] as EffectNode;
      queued[notifyIndex++] = undefined;
      run(e);
    }
  } finally {
    // An observer threw: the ones still queued stay marked, to run on the next flush.
    while (notifyIndex < queuedLength) {
      const e = queued[notifyIndex] as EffectNode;
      queued[notifyIndex++] = undefined;
      e.flags |= WATCHING | RECURSED;
    }
    notifyIndex = 0;
    queuedLength = 0;
  }
}

function disposeDeps(sub: ReactiveNode): void {
  let l = sub.depsTail;
  while (l !== undefined) {
    const prev = l.prevDep;
    unlink(l, sub);
    l = prev;
  }
}

/** Drops the reads of the last run that this run did not repeat. */
function purgeDeps(sub: ReactiveNode): void {
  const tail = sub.depsTail;
  let dep = tail !== undefined ? tail.nextDep : sub.deps;
  while (dep !== undefined) dep = unlink(dep, sub);
}
