// A quick layered layout for step graphs too large for dagre to lay out while a person waits: dagre
// routes every edge through one dummy node per rank it crosses, and a registry of 500 steps with
// ~700 dependencies on the ~40 steps before each has ~7,000 of them (2.4 s of CPU in Node, measured
// with process.cpuUsage on a generated graph; 1,000 steps ~4× that). Here: ranks by longest path
// (dependants above their dependencies, back edges of cycles left out), a few barycenter sweeps
// over each node's neighbours in every rank, rows of at most ROW_MAX nodes, straight edges. Linear in
// nodes + edges per sweep. Pure (no DOM), so it is tested in Node.

export interface Box {
  id: string;
  width: number;
  height: number;
}
export interface Link {
  from: string;
  to: string;
}
export interface Placed {
  x: number;
  y: number;
}
export interface Layered {
  width: number;
  height: number;
  at: Map<string, Placed>;
  /** Each link's polyline, in the order of the input links. */
  points: { x: number; y: number }[][];
}

const NODESEP = 28;
const RANKSEP = 48;
const ROW_GAP = 20;
const MARGIN = 12;
const ROW_MAX = 24;
const SWEEPS = 4;

/** Ranks by longest path from the nodes nothing depends on; a link closing a cycle does not count. */
export function rankNodes(ids: readonly string[], links: readonly Link[]): Map<string, number> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const l of links) out.get(l.from)?.push(l.to);
  // iterative depth-first search: a link to a node still on the stack is a back edge
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const order: string[] = [];
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const next = (out.get(top[0]) ?? [])[top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
        continue;
      }
      const s = state.get(next);
      if (s === 1) back.add(`${top[0]}\0${next}`);
      else if (s === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  // reverse post-order is a topological order of the graph without its back edges
  for (let i = order.length - 1; i >= 0; i--) {
    const from = order[i] as string;
    const r = rank.get(from) ?? 0;
    for (const to of out.get(from) ?? [])
      if (!back.has(`${from}\0${to}`) && (rank.get(to) ?? 0) < r + 1) rank.set(to, r + 1);
  }
  return rank;
}

/** The dummy nodes dagre would add: one per rank a link crosses beyond the next. */
export function crossings(rank: ReadonlyMap<string, number>, links: readonly Link[]): number {
  let n = 0;
  for (const l of links) n += Math.max(0, Math.abs((rank.get(l.to) ?? 0) - (rank.get(l.from) ?? 0)) - 1);
  return n;
}

export function layered(boxes: readonly Box[], links: readonly Link[], rank: ReadonlyMap<string, number>): Layered {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const ranks: string[][] = [];
  for (const b of boxes) (ranks[rank.get(b.id) ?? 0] ??= []).push(b.id);
  const neighbours = new Map<string, string[]>(boxes.map((b) => [b.id, []]));
  for (const l of links) {
    neighbours.get(l.from)?.push(l.to);
    neighbours.get(l.to)?.push(l.from);
  }
  // position of each node within its rank, 0..1, so neighbours in ranks of any size weigh alike
  const pos = new Map<string, number>();
  const place = (row: string[]): void =>
    row.forEach((id, i) => pos.set(id, row.length === 1 ? 0.5 : i / (row.length - 1)));
  for (const row of ranks) if (row) place(row);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const seq = sweep % 2 === 0 ? ranks.keys() : [...ranks.keys()].reverse().values();
    for (const r of seq) {
      const row = ranks[r];
      if (!row) continue;
      const bary = new Map(
        row.map((id) => {
          const ns = neighbours.get(id) ?? [];
          return [id, ns.length === 0 ? (pos.get(id) ?? 0) : ns.reduce((s, n) => s + (pos.get(n) ?? 0), 0) / ns.length];
        }),
      );
      row.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
      place(row);
    }
  }
  // rows of at most ROW_MAX nodes, each centred on the widest
  const rows: { ids: string[]; width: number }[] = [];
  const rowStarts = new Set<number>();
  for (const row of ranks) {
    if (!row) continue;
    rowStarts.add(rows.length);
    for (let i = 0; i < row.length; i += ROW_MAX) {
      const ids = row.slice(i, i + ROW_MAX);
      rows.push({ ids, width: ids.reduce((w, id) => w + (byId.get(id)?.width ?? 0), 0) + NODESEP * (ids.length - 1) });
    }
  }
  const width = Math.max(0, ...rows.map((r) => r.width)) + 2 * MARGIN;
  const at = new Map<string, Placed>();
  let y = MARGIN;
  rows.forEach((row, i) => {
    if (i > 0) y += rowStarts.has(i) ? RANKSEP : ROW_GAP;
    const h = Math.max(...row.ids.map((id) => byId.get(id)?.height ?? 0));
    let x = (width - row.width) / 2;
    for (const id of row.ids) {
      const w = byId.get(id)?.width ?? 0;
      at.set(id, { x: x + w / 2, y: y + h / 2 });
      x += w + NODESEP;
    }
    y += h;
  });
  const points = links.map((l) => {
    const a = at.get(l.from);
    const b = at.get(l.to);
    if (!a || !b) return [];
    const ha = (byId.get(l.from)?.height ?? 0) / 2;
    const hb = (byId.get(l.to)?.height ?? 0) / 2;
    const down = b.y > a.y ? 1 : -1;
    return [
      { x: a.x, y: a.y + down * ha },
      { x: b.x, y: b.y - down * hb },
    ];
  });
  return { width, height: y + MARGIN, at, points };
}
