// Orders of a dependency graph, shared by the discovery stages, the step graph and the DAGs: the order by Kahn's
// algorithm with the zero-in-degree set kept sorted (deterministic whatever the file order), and the cycles:
// strongly connected components (Tarjan, iterative), each with one concrete cycle starting at its smallest name.

export type Adjacency = (node: string) => readonly string[];

/** Dependencies first: a node comes after everything it depends on. Nodes left over are blocked by a cycle. */
export function kahnOrder(nodes: readonly string[], deps: Adjacency): { order: string[]; blocked: string[] } {
  const all = new Set(nodes);
  const pending = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const n of all) {
    const ds = [...new Set(deps(n))].filter((d) => all.has(d));
    pending.set(n, ds.length);
    for (const d of ds) dependents.set(d, [...(dependents.get(d) ?? []), n]);
  }
  const ready = [...all].filter((n) => pending.get(n) === 0).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const n = ready.shift() as string;
    order.push(n);
    for (const m of dependents.get(n) ?? []) {
      const left = (pending.get(m) ?? 0) - 1;
      pending.set(m, left);
      if (left === 0) insertSorted(ready, m);
    }
  }
  const done = new Set(order);
  return { order, blocked: [...all].filter((n) => !done.has(n)).sort() };
}

function insertSorted(xs: string[], x: string): void {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as string) < x) lo = mid + 1;
    else hi = mid;
  }
  xs.splice(lo, 0, x);
}

/**
 * Strongly connected components reachable from `starts` that contain a cycle (two nodes or more, or a
 * self-loop), each sorted, sorted by their first node. Which components there are does not depend on
 * the order of the search, so neither the starts nor the successors are sorted (a core graph of
 * 2,000 entries is searched again after each dependency edit).
 */
export function cyclicComponents(starts: Iterable<string>, deps: Adjacency): string[][] {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const out: string[][] = [];
  const frames: { id: number; succ: readonly string[]; i: number }[] = [];
  const enter = (n: string): void => {
    const id = names.length;
    ids.set(n, id);
    names.push(n);
    low.push(id);
    onStack.push(true);
    stack.push(id);
    frames.push({ id, succ: deps(n), i: 0 });
  };
  for (const root of starts) {
    if (ids.has(root)) continue;
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1] as (typeof frames)[number];
      if (f.i < f.succ.length) {
        const m = f.succ[f.i++] as string;
        const seen = ids.get(m);
        if (seen === undefined) enter(m);
        else if (onStack[seen] && seen < (low[f.id] as number)) low[f.id] = seen;
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent && (low[f.id] as number) < (low[parent.id] as number)) low[parent.id] = low[f.id] as number;
      if (low[f.id] !== f.id) continue;
      const scc: string[] = [];
      for (;;) {
        const m = stack.pop() as number;
        onStack[m] = false;
        scc.push(names[m] as string);
        if (m === f.id) break;
      }
      if (scc.length > 1 || f.succ.includes(names[f.id] as string)) out.push(scc.sort());
    }
  }
  return out.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
}

/** One shortest cycle through the component's smallest node: `[a, b, c]` stands for a -> b -> c -> a. */
export function concreteCycle(scc: readonly string[], deps: Adjacency): string[] {
  const members = new Set(scc);
  const start = [...scc].sort()[0] as string;
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const n = queue.shift() as string;
    for (const m of [...new Set(deps(n))].sort()) {
      if (!members.has(m)) continue;
      if (m === start) {
        const path = [n];
        for (let p = n; p !== start;) {
          p = parent.get(p) as string;
          path.push(p);
        }
        return path.reverse();
      }
      if (!parent.has(m)) {
        parent.set(m, n);
        queue.push(m);
      }
    }
  }
  return [start];
}
