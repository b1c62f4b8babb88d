// Which step a DAG node is, as cursus's step catalog answers it (`step_catalog/step_catalog.py`
// `get_step_info()`, lines 185-206): the step of that exact name, else — for a name with `_` — the
// longest `_`-separated prefix whose `canonical_key` (lower case, letters and digits only) is a known
// step's (`step_catalog/naming.py` `resolve_base_step_name()`, line 141): `CradleDataLoading_training`
// → `CradleDataLoading`, `XgboostMt_x` → `XGBoostMT`. The names are core's: `cursus dag validate`
// builds its catalog without workspaces (`PipelineDAGResolver(dag)`, `StepCatalog(workspace_dirs=None)`).
import { perDatabase, QueryGroup, type Database, type Index } from '../../../db/database';
import type { Range } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { spanAt } from '../../../text/positions';
import type { NodeRef } from './read';

/** `canonical_key()` of `step_catalog/naming.py`: lower case, letters and digits only. */
export function canonicalKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A node's step and the length of the node name's part that names it. */
export interface NodeStep {
  step: string;
  prefix: number;
}

const group = perDatabase<DagQueries>();

/** The group of the engine whose database is `db` (the model is that engine's). */
export function dagQueries(db: Database, model: RegistryModel): DagQueries {
  return group(db, () => new DagQueries(db, model));
}

export class DagQueries extends QueryGroup<RegistryModel> {
  /** Core's step names by canonical key, the first in core order (`by_key.setdefault`). */
  private readonly byKey: Index<string> = this.db.index('dagStepByKey', () => {
    const out = new Map<string, string>();
    for (const n of this.deps.core.keys()) {
      const k = canonicalKey(n);
      if (!out.has(k)) out.set(k, n);
    }
    return out;
  });

  resolve(node: string): NodeStep | null {
    if (this.deps.core.has(node)) return { step: node, prefix: node.length };
    if (!node.includes('_')) return null;
    const parts = node.split('_');
    for (let cut = parts.length; cut > 0; cut--) {
      const prefix = parts.slice(0, cut).join('_');
      const hit = this.byKey.get(canonicalKey(prefix));
      if (hit !== undefined) return { step: hit, prefix: prefix.length };
    }
    return null;
  }
}

/** The range of the part of a node name that names its step (the whole name when the string holds escapes). */
export function stepPart(ref: NodeRef, prefix: number): Range {
  const { start, end } = ref.inner;
  const plain = start.line === end.line && end.character - start.character === ref.name.length;
  return plain ? spanAt(start.line, start.character, start.line, start.character + prefix) : ref.inner;
}
