// The packed dependency links (engine/db/links.ts) against alien-signals' own core, which they port:
// the same random operations on both graphs give the same callbacks, flags, lists and answers.
import { strict as assert } from 'node:assert';
import { createReactiveSystem, type Link, type ReactiveNode } from 'alien-signals/system';
import { LinkPool, type LinkedNode } from '../../server/src/engine/db/links';
import { rng as rngOf } from './randomEdits';

interface World<N, L> {
  nodes: N[];
  events: string[];
  link(dep: N, sub: N, version: number): void;
  /** The link at `at` in `sub`'s dependencies, if any. */
  depLink(sub: N, at: number): L | undefined;
  unlink(l: L, sub: N): void;
  propagate(l: L, inner: boolean): void;
  checkDirty(l: L, sub: N): boolean;
  shallowPropagate(l: L): void;
  /** The ids of a node's dependencies and of its subscribers, in list order both ways. */
  lists(n: N): string;
}

const SIGNALS = 5;
const NODES = 14;

/** The callbacks both systems are given: they log, and `update` answers from its own copy of one random sequence. */
function callbacks(ids: Map<object, number>, events: string[], seed: number) {
  const rng = rngOf(seed);
  return {
    update(node: { flags: number }): boolean {
      events.push(`u${ids.get(node)}`);
      node.flags = 1;
      return rng() < 0.5;
    },
    notify(node: { flags: number }): void {
      events.push(`n${ids.get(node)}`);
      node.flags &= ~2;
    },
    unwatched(node: object): void {
      events.push(`w${ids.get(node)}`);
    },
  };
}

function alienWorld(seed: number): World<ReactiveNode, Link> {
  const nodes: ReactiveNode[] = [];
  const ids = new Map<object, number>();
  for (let i = 0; i < NODES; i++) {
    const n: ReactiveNode = { flags: 1, deps: undefined, depsTail: undefined, subs: undefined, subsTail: undefined };
    nodes.push(n);
    ids.set(n, i);
  }
  const events: string[] = [];
  const s = createReactiveSystem(callbacks(ids, events, seed));
  return {
    nodes,
    events,
    link: (dep, sub, v) => s.link(dep, sub, v),
    depLink(sub, at) {
      let l = sub.deps;
      for (let i = 0; i < at && l !== undefined; i++) l = l.nextDep;
      return l;
    },
    unlink: (l, sub) => void s.unlink(l, sub),
    propagate: (l, inner) => s.propagate(l, inner),
    checkDirty: (l, sub) => s.checkDirty(l, sub),
    shallowPropagate: (l) => s.shallowPropagate(l),
    lists(n) {
      const out: (number | undefined)[] = [];
      for (let l = n.deps; l !== undefined; l = l.nextDep) out.push(ids.get(l.dep));
      out.push(-1);
      for (let l = n.depsTail; l !== undefined; l = l.prevDep) out.push(ids.get(l.dep));
      out.push(-2);
      for (let l = n.subs; l !== undefined; l = l.nextSub) out.push(ids.get(l.sub));
      out.push(-3);
      for (let l = n.subsTail; l !== undefined; l = l.prevSub) out.push(ids.get(l.sub));
      return out.join(',');
    },
  };
}

function packedWorld(seed: number): World<LinkedNode, number> & { pool: LinkPool } {
  const nodes: LinkedNode[] = [];
  const ids = new Map<object, number>();
  for (let i = 0; i < NODES; i++) {
    const n: LinkedNode = { flags: 1, deps: 0, depsTail: 0, subs: 0, subsTail: 0 };
    nodes.push(n);
    ids.set(n, i);
  }
  const events: string[] = [];
  const pool = new LinkPool(callbacks(ids, events, seed));
  const prevSubOf = (l: number): number => {
    // Walks the subscriber list from its head: the pool keeps prevSub private.
    const dep = pool.depOf(l);
    let prev = 0;
    for (let x = dep.subs; x !== l; x = pool.nextSubOf(x)) prev = x;
    return prev;
  };
  return {
    pool,
    nodes,
    events,
    link: (dep, sub, v) => pool.link(dep, sub, v),
    depLink(sub, at) {
      let l = sub.deps as number;
      for (let i = 0; i < at && l !== 0; i++) l = pool.nextDepOf(l);
      return l === 0 ? undefined : l;
    },
    unlink: (l, sub) => void pool.unlink(l, sub),
    propagate: (l, inner) => pool.propagate(l, inner),
    checkDirty: (l, sub) => pool.checkDirty(l, sub),
    shallowPropagate: (l) => pool.shallowPropagate(l),
    lists(n) {
      const out: (number | undefined)[] = [];
      for (let l = n.deps as number; l !== 0; l = pool.nextDepOf(l)) out.push(ids.get(pool.depOf(l)));
      out.push(-1);
      for (let l = n.depsTail as number; l !== 0; l = pool.prevDepOf(l)) out.push(ids.get(pool.depOf(l)));
      out.push(-2);
      for (let l = n.subs; l !== 0; l = pool.nextSubOf(l)) out.push(ids.get(pool.subOf(l)));
      out.push(-3);
      for (let l = n.subsTail; l !== 0; l = prevSubOf(l)) out.push(ids.get(pool.subOf(l)));
      return out.join(',');
    },
  };
}

/** Plays `steps` random operations on both worlds, comparing them after each; returns the packed world. */
function play(seed: number, steps: number): ReturnType<typeof packedWorld> {
  const a = alienWorld(seed);
  const b = packedWorld(seed);
  const rng = rngOf(seed * 7919 + 1);
  const pick = (n: number): number => Math.floor(rng() * n);
  for (let step = 0; step < steps; step++) {
    const op = pick(6);
    // Dependencies point down the node order (a DAG): signals first, computations after them.
    const sub = SIGNALS + pick(NODES - SIGNALS);
    let answer: [unknown, unknown] = [null, null];
    if (op === 0) {
      const dep = pick(sub);
      const version = pick(4);
      a.link(a.nodes[dep] as ReactiveNode, a.nodes[sub] as ReactiveNode, version);
      b.link(b.nodes[dep] as LinkedNode, b.nodes[sub] as LinkedNode, version);
    } else if (op === 1) {
      const at = pick(4);
      const la = a.depLink(a.nodes[sub] as ReactiveNode, at);
      const lb = b.depLink(b.nodes[sub] as LinkedNode, at);
      assert.equal(la === undefined, lb === undefined);
      if (la !== undefined && lb !== undefined) {
        a.unlink(la, a.nodes[sub] as ReactiveNode);
        b.unlink(lb, b.nodes[sub] as LinkedNode);
      }
      // A node with no dependencies left is never pending (checking it would walk its empty list).
      for (const n of [...a.nodes, ...b.nodes]) if (!n.deps) n.flags &= ~32;
    } else if (op === 2 || op === 3) {
      const at = pick(3);
      const la = a.depLink(a.nodes[sub] as ReactiveNode, at);
      const lb = b.depLink(b.nodes[sub] as LinkedNode, at);
      if (la !== undefined && lb !== undefined) {
        if (op === 2) {
          const inner = rng() < 0.3;
          a.propagate(la, inner);
          b.propagate(lb, inner);
        } else {
          answer = [a.checkDirty(la, a.nodes[sub] as ReactiveNode), b.checkDirty(lb, b.nodes[sub] as LinkedNode)];
        }
      }
    } else if (op === 4) {
      const n = pick(NODES);
      const sa = (a.nodes[n] as ReactiveNode).subs;
      const sb = (b.nodes[n] as LinkedNode).subs;
      if (sa !== undefined && sb !== 0) {
        a.shallowPropagate(sa);
        b.shallowPropagate(sb);
      }
    } else {
      const n = pick(NODES);
      // As in use: only a node with dependencies is ever pending.
      const flags = pick(64) & ((a.nodes[n] as ReactiveNode).deps === undefined ? ~32 : ~0);
      (a.nodes[n] as ReactiveNode).flags = flags;
      (b.nodes[n] as LinkedNode).flags = flags;
    }
    const where = `seed ${seed}, step ${step}, op ${op}`;
    assert.equal(answer[1], answer[0], where);
    assert.deepEqual(b.events, a.events, where);
    for (let i = 0; i < NODES; i++) {
      assert.equal((b.nodes[i] as LinkedNode).flags, (a.nodes[i] as ReactiveNode).flags, `${where}, node ${i}`);
      assert.equal(b.lists(b.nodes[i] as LinkedNode), a.lists(a.nodes[i] as ReactiveNode), `${where}, node ${i}`);
    }
  }
  return b;
}

describe('packed dependency links', () => {
  it("behave as alien-signals' core on random graphs: the same callbacks, flags, lists and answers", () => {
    for (let seed = 1; seed <= 60; seed++) play(seed, 400);
  });

  it('reuse the slots of removed links: a graph linked and unlinked again and again keeps its size', () => {
    const w = play(61, 3000);
    const slots = (): number[] =>
      w.nodes.flatMap((n) => {
        const out: number[] = [];
        for (let l = n.deps as number; l !== 0; l = w.pool.nextDepOf(l)) out.push(l);
        return out;
      });
    assert.equal(w.pool.size, slots().length);
    // Every link removed and every possible link made, twice: the second time takes the same slots, no new ones.
    const refill = (): number[] => {
      for (const n of w.nodes) while (n.deps !== 0) w.pool.unlink(n.deps as number, n);
      assert.equal(w.pool.size, 0);
      for (let sub = SIGNALS; sub < NODES; sub++)
        for (let dep = 0; dep < sub; dep++) w.pool.link(w.nodes[dep] as LinkedNode, w.nodes[sub] as LinkedNode, 0);
      assert.equal(w.pool.size, slots().length);
      return slots().sort((x, y) => x - y);
    };
    const first = refill();
    assert.equal(first.length, ((NODES - SIGNALS) * (SIGNALS + NODES - 1)) / 2);
    assert.deepEqual(refill(), first);
  });
});
