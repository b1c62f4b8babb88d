// RL019, mirroring `StepInterface._sync_and_align()`: every `contract.inputs` key must be a
// `spec.dependencies` key and every `contract.outputs` key a `spec.outputs` key, or cursus refuses
// the interface. Only that direction: a spec dependency without a contract channel is allowed by
// design. A job-type variant is checked after deep-merging its `contract`/`spec` over the base, as
// `StepInterface.from_yaml()` does.
import type { Diagnostic } from '../../../types';
import { dictEntry, type DictEntry, type Lit } from '../../../literal';
import { diag } from './codes';

const PAIRS = [
  ['inputs', 'dependencies', 'spec.dependencies'],
  ['outputs', 'outputs', 'spec.outputs'],
] as const;

export function contractSpecMismatches(file: string, root: Lit): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (contracts: (Lit | undefined)[], specs: (Lit | undefined)[], where: string): void => {
    for (const [side, other, label] of PAIRS) {
      const keys = new Set(specs.flatMap((s) => keysOf(dictEntry(s, other)?.value).map((k) => k.value)));
      const channels = new Map<string, DictEntry['key']>();
      for (const c of contracts) for (const k of keysOf(dictEntry(c, side)?.value)) channels.set(k.value, k.lit);
      for (const [name, key] of channels) {
        const id = `${key.range.start.line}:${key.range.start.character}`;
        if (keys.has(name) || seen.has(id)) continue;
        seen.add(id);
        out.push(
          diag(
            file,
            key.range,
            'RL019',
            `Contract ${side} '${name}' has no ${label} entry${where}: cursus refuses the interface ("Contract ` +
              `${side} missing from spec ${other}")`,
          ),
        );
      }
    }
  };
  const contract = dictEntry(root, 'contract')?.value;
  const spec = dictEntry(root, 'spec')?.value;
  check([contract], [spec], '');
  const variants = dictEntry(root, 'variants')?.value;
  if (variants?.kind === 'dict') {
    for (const v of variants.entries) {
      if (v.key.kind !== 'str') continue;
      check(
        [contract, dictEntry(v.value, 'contract')?.value],
        [spec, dictEntry(v.value, 'spec')?.value],
        ` (job type '${v.key.value}')`,
      );
    }
  }
  return out;
}

function keysOf(v: Lit | undefined): { value: string; lit: DictEntry['key'] }[] {
  if (v?.kind !== 'dict') return [];
  return v.entries.flatMap((e) => (e.key.kind === 'str' ? [{ value: e.key.value, lit: e.key }] : []));
}
