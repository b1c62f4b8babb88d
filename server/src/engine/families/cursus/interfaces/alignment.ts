// RL019, mirroring `StepInterface._sync_and_align()`: every `contract.inputs` key must be a
// `spec.dependencies` key and every `contract.outputs` key a `spec.outputs` key, or cursus refuses
// the interface. Only that direction: a spec dependency without a contract channel is allowed by
// design. A job-type variant is checked after deep-merging its `contract`/`spec` over the base, as
// `StepInterface.from_yaml()` does. What is refused, per job type, is kept on the step for the DAGs using it.
import type { Diagnostic } from '../../../types';
import { dictEntry, type DictEntry, type Lit } from '../../../literal';
import type { Refusal, Refusals } from '../../../model/entries/entry';
import { diag } from './codes';

/** What a refused base costs (`_synthesize_builder()` and `get_step_interface()` load it and give up). */
const BASE_LOST = 'no builder, and its DAG nodes lack a contract and spec';

const PAIRS = [
  ['inputs', 'dependencies', 'spec.dependencies'],
  ['outputs', 'outputs', 'spec.outputs'],
] as const;

export function contractSpecMismatches(file: string, root: Lit): { diagnostics: Diagnostic[]; refusals: Refusals } {
  const out: Diagnostic[] = [];
  const refusals = new Map<string, Refusal | null>();
  const seen = new Set<string>();
  const check = (contracts: (Lit | undefined)[], specs: (Lit | undefined)[], jobType: string): void => {
    const where = jobType === '' ? '' : ` (job type '${jobType}')`;
    const lost = jobType === '' ? BASE_LOST : `its '${jobType}' DAG nodes lack a contract and spec`;
    let refusal: Refusal | null = null;
    for (const [side, other, label] of PAIRS) {
      const keys = new Set(specs.flatMap((s) => keysOf(dictEntry(s, other)?.value).map((k) => k.value)));
      const channels = new Map<string, DictEntry['key']>();
      for (const c of contracts) for (const k of keysOf(dictEntry(c, side)?.value)) channels.set(k.value, k.lit);
      const missing = [...channels].filter(([name]) => !keys.has(name));
      // `_sync_and_align()` raises on the inputs before it looks at the outputs.
      if (missing.length && !refusal) {
        const names = missing.map(([name]) => `'${name}'`).join(', ');
        const message = `Contract ${side} missing from spec ${other}: {${names}}`;
        refusal = { message, file, range: missing[0]?.[1].range ?? root.range };
      }
      for (const [name, key] of missing) {
        const id = `${key.range.start.line}:${key.range.start.character}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(
          diag(
            file,
            key.range,
            'RL019',
            `Contract ${side} '${name}' has no ${label} entry${where}: cursus refuses the interface (${lost})`,
          ),
        );
      }
    }
    refusals.set(jobType, refusal);
  };
  const contract = dictEntry(root, 'contract')?.value;
  const spec = dictEntry(root, 'spec')?.value;
  check([contract], [spec], '');
  const variants = dictEntry(root, 'variants')?.value;
  if (variants?.kind === 'dict') {
    for (const v of variants.entries) {
      // `from_yaml()` merges a variant only for a non-empty job type (`if job_type and job_type in variants`).
      if (v.key.kind !== 'str' || v.key.value === '') continue;
      check([contract, dictEntry(v.value, 'contract')?.value], [spec, dictEntry(v.value, 'spec')?.value], v.key.value);
    }
  }
  return { diagnostics: out, refusals };
}

function keysOf(v: Lit | undefined): { value: string; lit: DictEntry['key'] }[] {
  if (v?.kind !== 'dict') return [];
  return v.entries.flatMap((e) => (e.key.kind === 'str' ? [{ value: e.key.value, lit: e.key }] : []));
}
