// Lays out a context's step graph (or a pipeline DAG's, same shape): the dependency nodes and edges ranked
// top to bottom — with dagre (@dagrejs/dagre) while the graph is small enough for it to answer at once,
// else with the quick
// layered layout (layeredLayout.ts) — and the context's other steps (no edges) in a grid beneath.
// Cycle members and cycle edges are flagged for highlighting. Pure (no DOM), so it is tested in Node.
import dagre, { type GraphLabel } from '@dagrejs/dagre';
import type { GraphView, LocationRef } from '../../server/src/lsp/protocol';
import { crossings, layered, rankNodes } from './layeredLayout';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** core, workspace, override, module, context or unresolved: from the entry's source. */
  group: string;
  cycle: boolean;
  target: LocationRef | null;
  /** The step the node names when its id is no step's name (a pipeline DAG's `X_training` → `X`). */
  step?: string;
}
export interface PlacedEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
  cycle: boolean;
  optional: boolean;
  /** Data flow (interface compatible_sources), no dependency; `label` names the input it feeds. */
  flow: boolean;
  label: string | null;
}
export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Which layout placed the dependency nodes (none when there are no edges). */
  engine: 'dagre' | 'layered' | 'none';
}

const CHAR = 7.2;
const NODE_H = 30;
const GAP = 24;
const GRID_COLUMNS = 4;
/**
 * Nodes plus the dummy nodes dagre would add (one per rank an edge crosses beyond the next, by
 * `rankNodes`) up to which dagre lays out the graph. CPU of dagre.layout in Node (process.cpuUsage) on
 * generated graphs (each step depending on up to 3 of the 40 before it): 150 steps, 212 edges, cost
 * 479: 0.25 s; 200 steps, cost 812: 0.7 s; 500 steps, cost 3,287: 2.4 s. The layered layout takes
 * 23 ms for those 500 steps and 39 ms for 2,000.
 */
export const DAGRE_BUDGET = 500;

export function nodeWidth(label: string): number {
  return Math.round(label.length * CHAR + 28);
}

function groupOf(source: string, kind: string): string {
  if (kind === 'workspace') return 'context';
  const head = source.split(':')[0] ?? '';
  return ['core', 'workspace', 'override', 'module', 'unresolved'].includes(head) ? head : 'core';
}

export function layoutGraph(view: GraphView): GraphLayout {
  const info = new Map<string, Omit<PlacedNode, 'x' | 'y'>>();
  for (const n of view.nodes) {
    info.set(n.id, {
      id: n.id,
      width: nodeWidth(n.id),
      height: NODE_H,
      group: groupOf(n.source, n.kind),
      cycle: n.cycle,
      target: n.uri !== null && n.range !== null ? { uri: n.uri, range: n.range } : null,
      ...(n.step === undefined ? {} : { step: n.step }),
    });
  }
  for (const s of view.steps) {
    if (!info.has(s.name))
      info.set(s.name, {
        id: s.name,
        width: nodeWidth(s.name),
        height: NODE_H,
        group: groupOf(s.source, 'step'),
        cycle: false,
        target: { uri: s.uri, range: s.range },
      });
  }
  const connected = new Set(view.edges.flatMap((e) => [e.from, e.to]));
  const ids = [...connected].sort();
  for (const id of ids)
    if (!info.has(id))
      info.set(id, { id, width: nodeWidth(id), height: NODE_H, group: 'core', cycle: false, target: null });
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  let width = 0;
  let height = 0;
  let engine: GraphLayout['engine'] = 'none';
  if (ids.length > 0) {
    const rank = rankNodes(ids, view.edges);
    const placed =
      ids.length + crossings(rank, view.edges) <= DAGRE_BUDGET
        ? withDagre(ids, view, info)
        : withLayers(ids, view, info, rank);
    ({ width, height, engine } = placed);
    for (const id of ids) {
      const p = placed.at.get(id);
      const n = info.get(id);
      if (p && n) nodes.push({ ...n, x: p.x, y: p.y });
    }
    view.edges.forEach((e, i) =>
      edges.push({
        from: e.from,
        to: e.to,
        points: placed.points[i] ?? [],
        cycle: e.cycle,
        optional: e.optional,
        flow: e.kind === 'flow',
        label: e.label ?? null,
      }),
    );
  }
  // steps without edges: a grid under the graph, in name order
  const rest = [...info.values()].filter((n) => !connected.has(n.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const colWidth = Math.max(0, ...rest.map((n) => n.width)) + GAP;
  const top = height + (height > 0 ? GAP : 12);
  rest.forEach((n, i) => {
    const col = i % GRID_COLUMNS;
    const row = Math.floor(i / GRID_COLUMNS);
    nodes.push({ ...n, x: 12 + col * colWidth + n.width / 2, y: top + row * (NODE_H + GAP / 2) + NODE_H / 2 });
  });
  if (rest.length > 0) {
    width = Math.max(width, 12 + Math.min(rest.length, GRID_COLUMNS) * colWidth);
    height = top + Math.ceil(rest.length / GRID_COLUMNS) * (NODE_H + GAP / 2) + 12;
  }
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges, engine };
}

interface Placement {
  engine: 'dagre' | 'layered';
  width: number;
  height: number;
  at: Map<string, { x: number; y: number }>;
  points: { x: number; y: number }[][];
}
type Info = ReadonlyMap<string, Omit<PlacedNode, 'x' | 'y'>>;

function withDagre(ids: readonly string[], view: GraphView, info: Info): Placement {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 48, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: info.get(id)?.width ?? 0, height: NODE_H });
  for (const e of view.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  // dagre's labels are untyped: these are the fields its layout writes
  type Point = { x: number; y: number };
  const at = new Map(
    ids.map((id) => {
      const p = g.node(id) as Point | undefined;
      return [id, { x: p?.x ?? 0, y: p?.y ?? 0 }];
    }),
  );
  const route = (e: GraphView['edges'][number]) =>
    (g.edge(e.from, e.to) as { points: Point[] } | undefined)?.points ?? [];
  const points = view.edges.map((e) => route(e).map((p) => ({ x: p.x, y: p.y })));
  const size = g.graph() as GraphLabel;
  return { engine: 'dagre', width: size.width ?? 0, height: size.height ?? 0, at, points };
}

function withLayers(ids: readonly string[], view: GraphView, info: Info, rank: ReadonlyMap<string, number>): Placement {
  const l = layered(
    ids.map((id) => ({ id, width: info.get(id)?.width ?? 0, height: NODE_H })),
    view.edges,
    rank,
  );
  return { engine: 'layered', ...l };
}
