// The graph of one pipeline DAG, for the editor's Step Graph, as cursus builds it
// (`api/dag/pipeline_dag_serializer.py` `from_dict()` 240-245 → `PipelineDAG(nodes, edges)`, `api/dag/base_dag.py`
// 41-66): its declared nodes in order, then the edge endpoints no node declares (cursus keeps them in its
// adjacency, not its nodes: RL037), each resolved to its step as the catalog resolves it (resolve.ts; no step:
// `unresolved`, RL039); its edges in order, each the data flow from `src` to `dst`; the cycles RL036 reports.
import type { DependencyGraph, GraphEdge, GraphNode } from '../../../api';
import { CORE } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { sourceOf } from '../../../model/entries/resolve';
import { kahnOrder } from '../../../util/graphOrder';
import { findCycles } from './cycles';
import type { DagQueries } from './resolve';
import type { DagDoc } from './read';
import { spanAt } from '../../../text/positions';

/** The DAG's graph; nodes resolve in core (`cursus dag validate` builds `StepCatalog(workspace_dirs=None)`). */
export function dagGraph(
  file: string,
  doc: DagDoc,
  dags: DagQueries,
  model: RegistryModel,
): Omit<DependencyGraph, 'mode'> {
  const nodes = new Map<string, GraphNode>();
  const add = (id: string): void => {
    if (nodes.has(id)) return;
    const hit = dags.resolve(id);
    const e = hit ? model.core.get(hit.step) : undefined;
    nodes.set(id, {
      id,
      kind: 'step',
      source: e ? sourceOf(model, e) : 'unresolved',
      file: e?.file ?? null,
      range: e?.keyRange ?? null,
      meta: null,
      cycle: false,
      ...(hit && hit.step !== id ? { step: hit.step } : {}),
    });
  };
  for (const n of doc.nodes) add(n.name);
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const { from, to } of doc.edges) {
    add(from.name);
    add(to.name);
    const key = JSON.stringify([from.name, to.name]);
    if (seen.has(key)) continue;
    seen.add(key);
    const range = spanAt(from.range.start.line, from.range.start.character, to.range.end.line, to.range.end.character);
    edges.push({ from: from.name, to: to.name, optional: false, file, range, cycle: false, kind: 'flow' });
  }
  const cycles = findCycles(edges.map((e) => [e.from, e.to] as const));
  for (const c of cycles) {
    c.forEach((from, i) => {
      const to = c[(i + 1) % c.length] as string;
      for (const e of edges) if (e.from === from && e.to === to) e.cycle = true;
      const n = nodes.get(from);
      if (n) n.cycle = true;
    });
  }
  const before = new Map<string, string[]>();
  for (const e of edges) before.set(e.to, [...(before.get(e.to) ?? []), e.from]);
  const { order, blocked } = kahnOrder([...nodes.keys()], (n) => before.get(n) ?? []);
  return { context: CORE, file, nodes: [...nodes.values()], edges, order, blocked, cycles };
}
