// The diagnostics of the DAGs a Python module or notebook builds: each DAG whose every change is known is
// judged as cursus judges it (judge.ts) and its nodes as steps (the unit's `steps`, as for a DAG file); a DAG
// built from values only running the code tells is said to be unchecked, once (RL083); a shared DAG id
// no catalog index lists fails `load_shared_dag()` (RL084: `pipeline_catalog/shared_dags/__init__.py` 49-53).
import type { Diagnostic } from '../../../../types';
import { diag } from '../codes';
import type { DagDoc, NodeRef } from '../read';
import type { PyDag, PyDagsDoc } from './build';
import { judgePyDag } from './judge';

export interface ModuleChecks {
  /** The step checks of a DAG's nodes (null: the project's steps are not in the tree). */
  steps: ((doc: DagDoc) => Diagnostic[]) | null;
  /** The ids the project's catalog indexes list (null: the tree holds no catalog index). */
  catalogIds: ReadonlySet<string> | null;
  /** The checks of a DAG's nodes against the configs it pairs with (null: the project's steps are not in the tree). */
  pairing: ((dag: PyDag, nodes: readonly NodeRef[]) => Diagnostic[]) | null;
}

export function checkModuleDags(file: string, doc: PyDagsDoc, checks: ModuleChecks): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const dag of doc.dags) {
    if (dag.unknown !== null) {
      const message = `This pipeline DAG is not checked: ${dag.unknown}`;
      out.push(diag(file, dag.at, 'RL083', message));
      continue;
    }
    const judged = judgePyDag(file, dag);
    out.push(...judged.local);
    if (checks.steps) out.push(...checks.steps(judged.doc));
    if (checks.pairing) out.push(...checks.pairing(dag, judged.doc.nodes));
  }
  const ids = checks.catalogIds;
  for (const id of ids ? doc.loads : []) {
    if (ids?.has(id.name)) continue;
    const message = `load_shared_dag('${id.name}') raises ValueError: DAG '${id.name}' not found in the catalog index`;
    out.push(diag(file, id.range, 'RL084', message));
  }
  return out;
}

/** Every node name a module writes, for the editor: each DAG's nodes and edges, checked or not. */
export function refsDoc(doc: PyDagsDoc): DagDoc {
  const nodes = doc.dags.flatMap((d) => d.ops.flatMap((o) => (o.kind === 'node' ? [o.ref] : [])));
  const edges = doc.dags.flatMap((d) => d.ops.flatMap((o) => (o.kind === 'edge' ? [{ from: o.from, to: o.to }] : [])));
  return { nodes, edges };
}
