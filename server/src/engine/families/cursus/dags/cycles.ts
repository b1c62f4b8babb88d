// The cycles of a DAG file, bounded: cursus lists every simple cycle (`nx.simple_cycles`, exponential in
// the worst case); we find each strongly connected component that holds a cycle and report one cycle of
// it (the edges to fix are among its edges), in linear time, without recursion.

/** One cycle per cyclic component, as node names in edge order (`A -> B` closes back on A), in order of discovery. */
export function findCycles(edges: readonly (readonly [string, string])[]): string[][] {
  const succ = new Map<string, string[]>();
  const order: string[] = [];
  const add = (n: string): string[] => {
    let s = succ.get(n);
    if (!s) {
      succ.set(n, (s = []));
      order.push(n);
    }
    return s;
  };
  for (const [a, b] of edges) {
    add(a).push(b);
    add(b);
  }
  const out: string[][] = [];
  for (const comp of components(order, succ)) {
    const self = comp.find((n) => succ.get(n)?.includes(n));
    if (comp.length === 1 && self === undefined) continue;
    out.push(comp.length === 1 ? comp : cycleIn(new Set(comp), comp[0] as string, succ));
  }
  return out;
}

/** Tarjan's strongly connected components, iterative; each component in order of first appearance. */
function components(order: readonly string[], succ: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of order) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1] as [string, number];
      const [v, i] = top;
      const ws = succ.get(v) ?? [];
      if (i < ws.length) {
        top[1] = i + 1;
        const w = ws[i] as string;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
      if (low.get(v) !== index.get(v)) continue;
      const comp: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      out.push(comp.sort((a, b) => (index.get(a) as number) - (index.get(b) as number)));
    }
  }
  // Each component is sorted by discovery: its first node is its earliest.
  return out.sort((a, b) => (index.get(a[0] as string) as number) - (index.get(b[0] as string) as number));
}

/** A shortest cycle through `start` inside its component (breadth-first back to it). */
function cycleIn(comp: ReadonlySet<string>, start: string, succ: ReadonlyMap<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as string;
    for (const w of succ.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = prev.get(v); p !== undefined; p = prev.get(p)) path.push(p);
        return path.reverse();
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
