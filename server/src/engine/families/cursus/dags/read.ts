// Reads one `*.dag.json` as cursus reads it (`api/dag/pipeline_dag_serializer.py`: `json.loads`, then
// `_validate_data()`, then `PipelineDAG(nodes=…, edges=…)`), with the range of every node name, and
// reports what `validate_dag_integrity()` finds from the file alone (`api/dag/pipeline_dag_resolver.py`
// `_validate_graph_structure()`, lines 476-522): a file cursus cannot read (RL035), cycles (RL036), edge
// endpoints that are no declared node (RL037: its dangling dependencies and undeclared edge nodes,
// one condition for a DAG read from JSON) and isolated nodes (RL038). Steps are the unit's (checks.ts).
import type { Diagnostic, Range } from '../../../types';
import type { Lit } from '../../../literal';
import { lastValue as last, readJson } from '../json';
import { spanAt } from '../../../text/positions';
import { diag } from './codes';
import { findCycles } from './cycles';
import { SUPPORTED_MAJOR } from '../framework';

/** A node name written in the file: in `dag.nodes`, or an edge's endpoint. */
export interface NodeRef {
  name: string;
  range: Range;
  inner: Range;
}
export interface DagEdge {
  from: NodeRef;
  to: NodeRef;
}
/** A DAG as cursus loads it: its declared nodes and its edges (null when cursus cannot read the file). */
export interface DagDoc {
  nodes: NodeRef[];
  edges: DagEdge[];
}

const CANNOT_LOAD = '`cursus dag validate` and the compiler fail to load this DAG';

export function readDag(file: string, text: string): { doc: DagDoc | null; local: Diagnostic[] } {
  const local: Diagnostic[] = [];
  const fail = (range: Range, message: string): { doc: null; local: Diagnostic[] } => {
    local.push(diag(file, range, 'RL035', `${message}: ${CANNOT_LOAD}`));
    return { doc: null, local };
  };
  const json = readJson(text);
  if (json.error) return fail(json.error.range, `Invalid JSON (${json.error.message})`);
  const root = json.root;
  if (root?.kind !== 'dict') return fail(firstChar(root), 'The document is not a JSON object');
  const version = last(root, 'version');
  if (version && version.kind !== 'none') {
    const major = pyStr(version).split('.')[0] ?? '';
    if (!SUPPORTED_MAJOR.has(major)) {
      return fail(version.range, `Unsupported version ${pyStr(version)} (supported major versions: 1)`);
    }
  }
  const dag = last(root, 'dag');
  if (!dag) return fail(firstChar(root), "Missing required field: 'dag'");
  if (dag.kind !== 'dict') return fail(dag.range, "'dag' must be an object");
  const nodes = last(dag, 'nodes');
  const edges = last(dag, 'edges');
  if (!nodes) return fail(firstChar(dag), "Missing required field: 'dag.nodes'");
  if (!edges) return fail(firstChar(dag), "Missing required field: 'dag.edges'");
  if (nodes.kind !== 'list') return fail(nodes.range, "'dag.nodes' must be a list");
  if (edges.kind !== 'list') return fail(edges.range, "'dag.edges' must be a list");
  const bad = edges.items.find((e) => e.kind !== 'list' || e.items.length !== 2);
  if (bad) return fail(bad.range, 'Invalid edge format: expected [src, dst]');
  const names = [...nodes.items, ...edges.items.flatMap((e) => (e.kind === 'list' ? e.items : []))];
  const unhashable = names.find((n) => n.kind === 'list' || n.kind === 'dict');
  if (unhashable) return fail(unhashable.range, 'A node name is a list or an object (networkx cannot add it)');
  const doc: DagDoc = {
    nodes: nodes.items.map(refOf),
    edges: edges.items.map((e) => {
      const [a, b] = e.kind === 'list' ? e.items : [];
      return { from: refOf(a as Lit), to: refOf(b as Lit) };
    }),
  };
  local.push(...structure(file, doc));
  return { doc, local };
}

/** `_validate_graph_structure()`: the graph of the declared nodes and every edge's endpoints. */
function structure(file: string, doc: DagDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = new Set(doc.nodes.map((n) => n.name));
  for (const cycle of findCycles(doc.edges.map((e) => [e.from.name, e.to.name] as const))) {
    const closing = doc.edges.find((e) => e.from.name === cycle[0] && e.to.name === (cycle[1] ?? cycle[0]));
    const why = 'the compiler\'s topological sort fails: "Pipeline contains cycles"';
    if (closing) out.push(diag(file, closing.from.range, 'RL036', `Cycle detected: ${cycle.join(' -> ')} (${why})`));
  }
  for (const e of doc.edges) {
    for (const [end, side] of [
      [e.from, 'source'],
      [e.to, 'destination'],
    ] as const) {
      if (declared.has(end.name)) continue;
      const message = `Edge references non-existent ${side} node: ${end.name}`;
      out.push(
        diag(
          file,
          end.range,
          'RL037',
          `${message} — it is not in dag.nodes, so cursus ` +
            'reports a dangling dependency and an undeclared edge endpoint',
        ),
      );
    }
  }
  const touched = new Set(doc.edges.flatMap((e) => [e.from.name, e.to.name]));
  for (const n of doc.nodes) {
    if (touched.has(n.name)) continue;
    const message = `Node has no connections: ${n.name}`;
    out.push(
      diag(
        file,
        n.range,
        'RL038',
        `${message} — \`cursus dag validate\` reports it and exits 1; ` + 'the compiler builds it as a step of its own',
      ),
    );
  }
  return out;
}

/** A node name as cursus keys it: a string's value, another scalar as Python's `str()` writes it. */
function refOf(v: Lit): NodeRef {
  const inner = v.kind === 'str' ? v.inner : v.range;
  return { name: v.kind === 'str' ? v.value : pyStr(v), range: v.range, inner };
}

/** Python's `str()` of a JSON scalar (`True`, `None`, `1`, `1.5`). */
function pyStr(v: Lit): string {
  switch (v.kind) {
    case 'str':
      return v.value;
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'num':
      return v.int || !Number.isInteger(v.value) ? String(v.value) : `${v.value}.0`;
    default:
      return '';
  }
}

function firstChar(v: Lit | null | undefined): Range {
  const s = v?.range.start ?? { line: 0, character: 0 };
  return spanAt(s.line, s.character, s.line, s.character + 1);
}
