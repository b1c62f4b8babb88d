// The dependency graph of a context (SPEC §2) for `registry-lens graph` and the editor: every entry
// whose companion declares dependencies and every entry depended on, the workspace's own
// WORKSPACE_METADATA.dependencies, the registration order (Kahn) and the cycles, marked on nodes and edges;
// plus the families' data-flow edges (the interface step graph), which take no part in order or cycles.
// A file that declares a graph of its own (a pipeline DAG) has it drawn in the same shape, by its family.
import type { DependencyGraph, GraphEdge, GraphNode, ListRow } from '../../api';
import { CORE, type ContextId, type ResolutionMode } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { layersFor, resolveName, sourceOf } from '../entries/resolve';
import { concreteCycle, cyclicComponents, kahnOrder } from '../../util/graphOrder';
import { entryLocation } from './navigation';

/** Where the model's own edges come from, in words (the families' data flow adds theirs: `flowSource`). */
export const EDGE_SOURCES: readonly string[] = [
  "the 'dependencies' of a step's or module's *_meta.yaml companion",
  "the 'dependencies' of a workspace's WORKSPACE_METADATA (in that workspace's context)",
];

export function graph(ws: StepWorkspace, opts: { context?: ContextId; mode?: ResolutionMode }): DependencyGraph {
  const context = opts.context ?? CORE;
  const mode = opts.mode ?? ws.stepSettings.mode;
  const wsDir = ws.dirOfContext(context);
  const layers = layersFor(ws.model, wsDir, mode);
  const nodeOf = (id: string): GraphNode => {
    const e = resolveName(layers, id)?.entry;
    return {
      id,
      kind: e?.layer === 'module' ? 'module' : 'step',
      source: e ? sourceOf(ws.model, e) : 'unresolved',
      file: e?.file ?? null,
      range: e ? entryLocation(ws, e).range : null,
      meta: e ? ws.pipeline.primaryOf(e) : null,
      cycle: false,
    };
  };
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const queue = ws.pipeline.edgeSources(wsDir, mode);
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i] as string;
    if (nodes.has(from)) continue;
    nodes.set(from, nodeOf(from));
    for (const e of ws.pipeline.outEdges(wsDir, from)) {
      edges.push({ from, to: e.to, optional: e.optional, file: e.file, range: e.range, cycle: false });
      queue.push(e.to);
    }
  }
  const own = wsDir ? ws.model.workspaces.get(wsDir) : undefined;
  const deps = own?.depRefs.filter((r) => resolveName(layers, r.name)) ?? [];
  if (own && deps.length > 0) {
    const id = `workspace:${ws.contextIdOf(own.dir) ?? own.id}`;
    nodes.set(id, {
      id,
      kind: 'workspace',
      source: id,
      file: own.source.file,
      range: own.idRange,
      meta: null,
      cycle: false,
    });
    for (const r of deps) {
      edges.push({ from: id, to: r.name, optional: false, file: r.file, range: r.range, cycle: false });
      if (!nodes.has(r.name)) nodes.set(r.name, nodeOf(r.name));
    }
  }
  // A flow end no step layer knows is a family's own node (outside the step model): where its family lists it, so the
  // graph opens it on a click, not as unresolved.
  const listed = (): Map<string, ListRow> =>
    new Map(
      ws
        .allFeatures()
        .flatMap(({ features, q }) => features.list?.(q) ?? [])
        .map((r) => [r.name, r]),
    );
  let familyRows: Map<string, ListRow> | undefined;
  const flowNodeOf = (id: string): GraphNode => {
    const r = resolveName(layers, id) ? undefined : (familyRows ??= listed()).get(id);
    if (!r) return nodeOf(id);
    return { id, kind: 'step', source: r.source, file: r.file, range: r.range, meta: null, cycle: false };
  };
  // Data flow (producer → consumer) is drawn but is no dependency: no framework fails on it, so it takes no part in
  // order and cycles.
  for (const f of ws.allFeatures().flatMap(({ features, q }) => features.flowEdges?.(wsDir, q) ?? [])) {
    for (const n of [f.from, f.to]) if (!nodes.has(n)) nodes.set(n, flowNodeOf(n));
    edges.push({
      from: f.from,
      to: f.to,
      optional: false,
      file: f.file,
      range: f.range,
      cycle: false,
      kind: 'flow',
      label: f.label,
    });
  }
  const adjacency = new Map<string, string[]>();
  for (const e of edges) if (e.kind !== 'flow') adjacency.set(e.from, [...(adjacency.get(e.from) ?? []), e.to]);
  const out = (n: string): string[] => adjacency.get(n) ?? [];
  const cycles = cyclicComponents(nodes.keys(), out).map((scc) => concreteCycle(scc, out));
  for (const c of cycles) {
    c.forEach((from, i) => {
      const to = c[(i + 1) % c.length] as string;
      for (const e of edges) if (e.from === from && e.to === to && e.kind !== 'flow') e.cycle = true;
      const n = nodes.get(from);
      if (n) n.cycle = true;
    });
  }
  const ids = [...nodes.keys()].sort();
  const { order, blocked } = kahnOrder(ids, out);
  return { context, mode, nodes: ids.map((id) => nodes.get(id) as GraphNode), edges, order, blocked, cycles };
}

/** The graph a file declares (a pipeline DAG), asked of its family; null when the family declares none there. */
export function fileGraph(ws: StepWorkspace, file: string): DependencyGraph | null {
  const own = ws.featuresOf(file);
  const g = own?.features.fileGraph?.(file, own.q);
  return g ? { ...g, mode: ws.stepSettings.mode } : null;
}
