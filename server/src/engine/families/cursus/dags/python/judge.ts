// Replays a Python-built DAG's changes as cursus's `PipelineDAG` makes them (`api/dag/base_dag.py`)
// and judges the result as `cursus dag validate` does (`pipeline_dag_resolver.py`
// `_validate_graph_structure()`, 468-520): the constructor keeps an edge whose endpoint `nodes=` lacks
// without adding the node (a dangling edge: `topological_sort()` skips it, the assembler raises);
// `add_edge` adds a missing endpoint as a node it never declares (a phantom node, reported by
// `validate_node_declarations()`); `strict=True` raises instead. Cycles (RL036), undeclared or dangling
// endpoints (RL037) and isolated nodes (RL038) are reported on the strings that make them.
import type { Diagnostic } from '../../../../types';
import { diag } from '../codes';
import { findCycles } from '../cycles';
import type { DagDoc, NodeRef } from '../read';
import type { PyDag } from './build';

export interface Judged {
  /** The DAG's nodes as `dag.nodes` ends up (each at the string that made it a node) and its edges. */
  doc: DagDoc;
  local: Diagnostic[];
}

export function judgePyDag(file: string, dag: PyDag): Judged {
  const out: Diagnostic[] = [];
  const nodes = new Map<string, NodeRef>();
  const declared = new Set<string>();
  const edges: { from: NodeRef; to: NodeRef }[] = [];
  const edgeKeys = new Set<string>();
  const strictRaise = (ref: NodeRef, raised: string): void => {
    out.push(
      diag(file, ref.range, 'RL037', `${raised}: '${ref.name}' was never declared (strict mode raises ValueError)`),
    );
  };
  for (const op of dag.ops.filter((o) => o.ctor && o.kind === 'node')) {
    if (op.kind !== 'node' || nodes.has(op.ref.name)) continue;
    nodes.set(op.ref.name, op.ref);
    declared.add(op.ref.name);
  }
  const ctorEdges = dag.ops.filter((o) => o.ctor && o.kind === 'edge');
  if (dag.strict) {
    const bad = ctorEdges
      .flatMap((o) => (o.kind === 'edge' ? [o.from, o.to] : []))
      .filter((r) => !declared.has(r.name));
    if (bad.length) {
      for (const r of bad) strictRaise(r, 'PipelineDAG(strict=True) raises at construction');
      return { doc: { nodes: [], edges: [] }, local: out };
    }
  }
  for (const op of ctorEdges) {
    if (op.kind !== 'edge') continue;
    edges.push({ from: op.from, to: op.to });
    edgeKeys.add(pairKey(op.from.name, op.to.name));
  }
  for (const op of dag.ops) {
    if (op.ctor) continue;
    if (op.kind === 'node') {
      if (!nodes.has(op.ref.name)) nodes.set(op.ref.name, op.ref);
      declared.add(op.ref.name);
      continue;
    }
    if (dag.strict) {
      const bad = [op.from, op.to].filter((r) => !declared.has(r.name));
      if (bad.length) {
        // The ValueError ends the building: nothing after it runs.
        for (const r of bad) strictRaise(r, `add_edge('${op.from.name}', '${op.to.name}') raises`);
        return { doc: { nodes: [...nodes.values()], edges }, local: out };
      }
    }
    for (const r of [op.from, op.to]) if (!nodes.has(r.name)) nodes.set(r.name, r);
    const key = pairKey(op.from.name, op.to.name);
    if (edgeKeys.has(key)) continue;
    edgeKeys.add(key);
    edges.push({ from: op.from, to: op.to });
  }
  const doc: DagDoc = { nodes: [...nodes.values()], edges };
  out.push(...structure(file, doc, declared));
  return { doc, local: out };
}

function structure(file: string, doc: DagDoc, declared: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const cycle of findCycles(doc.edges.map((e) => [e.from.name, e.to.name] as const))) {
    const closing = doc.edges.find((e) => e.from.name === cycle[0] && e.to.name === (cycle[1] ?? cycle[0]));
    const why = 'the compiler\'s topological sort fails: "Pipeline contains cycles"';
    if (closing) out.push(diag(file, closing.from.range, 'RL036', `Cycle detected: ${cycle.join(' -> ')} (${why})`));
  }
  const inNodes = new Set(doc.nodes.map((n) => n.name));
  const told = new Set<string>();
  for (const e of doc.edges) {
    for (const [end, side] of [
      [e.from, 'source'],
      [e.to, 'destination'],
    ] as const) {
      if (declared.has(end.name) || told.has(end.name)) continue;
      told.add(end.name);
      if (!inNodes.has(end.name)) {
        const message =
          `Edge references non-existent ${side} node: ${end.name} — not in nodes=, so PipelineDAG keeps the edge ` +
          `without the node and the compiler raises "Edge ${side} node not in DAG"`;
        out.push(diag(file, end.range, 'RL037', message));
        continue;
      }
      const message =
        `Edge endpoint '${end.name}' was never declared via add_node: add_edge made it a phantom, ` +
        'unconfigured node (a typo or a forgotten add_node?)';
      out.push(diag(file, end.range, 'RL037', message));
    }
  }
  const touched = new Set(doc.edges.flatMap((e) => [e.from.name, e.to.name]));
  for (const n of doc.nodes) {
    if (touched.has(n.name)) continue;
    const message = `Node has no connections: ${n.name}`;
    const why = '`cursus dag validate` reports it and exits 1; the compiler builds it as a step of its own';
    out.push(diag(file, n.range, 'RL038', `${message} — ${why}`));
  }
  return out;
}

function pairKey(a: string, b: string): string {
  return `${a}\0${b}`;
}
