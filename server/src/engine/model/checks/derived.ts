// RL011: two steps of one context sharing a config_class or spec_type break the inversions
// CONFIG_STEP_REGISTRY and SPEC_STEP_TYPES (SPEC §3.4). Workspace contexts check only their own
// entries against core, so an edit costs the size of the workspace, not of core.
import { capRelated, listed, MAX_RELATED } from '../../checks/limits';
import type { Diagnostic } from '../../types';
import { diag } from '../codes';
import type { RegistryModel, WsState } from '../entries/registry';
import { fieldStr, type StepEntry } from '../entries/source';

const FIELDS = [
  { field: 'config_class', registry: 'CONFIG_STEP_REGISTRY' },
  { field: 'spec_type', registry: 'SPEC_STEP_TYPES' },
] as const;

export function checkCoreInversions(model: RegistryModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { field, registry } of FIELDS) {
    for (const [value, names] of model.coreShared(field)) {
      const entries = names.map((n) => model.core.get(n)).filter((e): e is StepEntry => !!e);
      for (const e of entries)
        out.push(
          collision(
            e,
            field,
            registry,
            value,
            entries.filter((o) => o !== e),
            'core',
          ),
        );
    }
  }
  return out;
}

export function checkWorkspaceInversions(model: RegistryModel, ws: WsState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = new Map<string, StepEntry>(ws.local);
  for (const [n, e] of ws.overrides) own.set(n, e);
  for (const { field, registry } of FIELDS) {
    const index = field === 'config_class' ? model.coreByConfig : model.coreBySpec;
    const ownBy = new Map<string, StepEntry[]>();
    for (const e of own.values()) {
      const v = fieldStr(e, field);
      if (!v) continue;
      const list = ownBy.get(v);
      if (list) list.push(e);
      else ownBy.set(v, [e]);
    }
    for (const [value, entries] of ownBy) {
      // Most values are the workspace's own (no core step shares them): nothing to gather then.
      const coreNames = index.get(value);
      if (coreNames === undefined && entries.length < 2) continue;
      const fromCore = (coreNames ?? [])
        .filter((n) => !own.has(n))
        .map((n) => model.core.get(n))
        .filter((e): e is StepEntry => !!e);
      const all = [...entries, ...fromCore];
      if (all.length < 2) continue;
      for (const e of entries)
        out.push(
          collision(
            e,
            field,
            registry,
            value,
            all.filter((o) => o !== e),
            ws.id,
          ),
        );
    }
  }
  return out;
}

function collision(
  e: StepEntry,
  field: string,
  registry: string,
  value: string,
  others: StepEntry[],
  context: string,
): Diagnostic {
  const range = e.fields.get(field)?.value.range ?? e.keyRange;
  const names = listed(others.map((o) => o.name));
  return diag(
    e.file,
    range,
    'RL011',
    `Step '${e.name}' shares ${field} '${value}' with ${names} in context '${context}': ${registry} can map it ` +
      'to only one step',
    {
      related: capRelated(
        others.slice(0, MAX_RELATED).map((o) => ({
          file: o.file,
          range: o.fields.get(field)?.value.range ?? o.keyRange,
          message: `'${o.name}' also uses ${field} '${value}'`,
        })),
        others.length,
      ),
    },
  );
}
