// Lays out a context's step graph with dagre (@dagrejs/dagre): the dependency nodes and edges, ranked
// top to bottom, and the context's other steps (no edges) in a grid beneath. Cycle members and cycle
// edges are flagged for highlighting. Pure (no DOM), so it is tested in Node.
import dagre from '@dagrejs/dagre';
import type { GraphView, LocationRef } from '../../server/src/lsp/protocol';

export interface PlacedNode {
  id: string; x: number; y: number; width: number; height: number;
  /** core, workspace, override, module or context: from the entry's source. */
  group: string; cycle: boolean; target: LocationRef | null;
}
export interface PlacedEdge { from: string; to: string; points: { x: number; y: number }[]; cycle: boolean; optional: boolean }
export interface GraphLayout { width: number; height: number; nodes: PlacedNode[]; edges: PlacedEdge[] }

const CHAR = 7.2;
const NODE_H = 30;
const GAP = 24;
const GRID_COLUMNS = 4;

export function nodeWidth(label: string): number { return Math.round(label.length * CHAR + 28); }

function groupOf(source: string, kind: string): string {
  if (kind === 'workspace') return 'context';
  const head = source.split(':')[0] ?? '';
  return ['core', 'workspace', 'override', 'module'].includes(head) ? head : 'core';
}

export function layoutGraph(view: GraphView): GraphLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 48, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const info = new Map<string, Omit<PlacedNode, 'x' | 'y'>>();
  for (const n of view.nodes) {
    info.set(n.id, {
      id: n.id, width: nodeWidth(n.id), height: NODE_H, group: groupOf(n.source, n.kind), cycle: n.cycle,
      target: n.uri !== null && n.range !== null ? { uri: n.uri, range: n.range } : null,
    });
  }
  for (const s of view.steps) {
    if (!info.has(s.name)) info.set(s.name, { id: s.name, width: nodeWidth(s.name), height: NODE_H, group: groupOf(s.source, 'step'), cycle: false, target: { uri: s.uri, range: s.range } });
  }
  const connected = new Set(view.edges.flatMap((e) => [e.from, e.to]));
  for (const id of [...connected].sort()) {
    const n = info.get(id) ?? { id, width: nodeWidth(id), height: NODE_H, group: 'core', cycle: false, target: null };
    info.set(id, n);
    g.setNode(id, { width: n.width, height: n.height });
  }
  for (const e of view.edges) g.setEdge(e.from, e.to);
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  let width = 0;
  let height = 0;
  if (connected.size > 0) {
    dagre.layout(g);
    for (const id of g.nodes()) {
      const p = g.node(id);
      const n = info.get(id);
      if (!p || !n) continue;
      nodes.push({ ...n, x: p.x, y: p.y });
    }
    for (const e of view.edges) {
      const points = g.edge(e.from, e.to)?.points ?? [];
      edges.push({ from: e.from, to: e.to, points: points.map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })), cycle: e.cycle, optional: e.optional });
    }
    width = g.graph().width ?? 0;
    height = g.graph().height ?? 0;
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
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges };
}
