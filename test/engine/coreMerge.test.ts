// The core view built from the previous one (`buildCore`'s hint) is the view built from scratch: same
// winners in the same order, same inversions and shared values, whether an edit changes a field, a
// field the inversions read, or a name (a collision made and undone, a fresh name), among interface-like
// sources (one entry each, written over in path order) and sources of a higher precedence.
import { strict as assert } from 'node:assert';
import { buildCore, type CoreView } from '../../server/src/engine/model/entries/registry';
import { emptySource, type RegistrySource } from '../../server/src/engine/model/entries/source';
import type { StepEntry } from '../../server/src/engine/model/entries/entry';
import type { Range } from '../../server/src/engine/types';

const R: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function entry(file: string, name: string, config: string, spec: string): StepEntry {
  const str = (value: string) => ({ keyRange: R, value: { kind: 'str' as const, value, range: R, inner: R } });
  const fields = new Map([
    ['config_class', str(config)],
    ['spec_type', str(spec)],
    ['builder_step_name', str(`${name}Builder`)],
  ]);
  return {
    name,
    file,
    layer: 'core',
    wsDir: null,
    variable: 'STEP_NAMES',
    keyRange: R,
    keyInner: R,
    range: R,
    value: { kind: 'dict', entries: [], range: R },
    fields,
  };
}

function source(
  file: string,
  entries: [string, string, string][],
  precedence: number,
  overwrites: boolean,
): RegistrySource {
  return {
    ...emptySource(file, 'core'),
    entries: entries.map(([n, c, s]) => entry(file, n, c, s)),
    precedence,
    overwrites,
  };
}

/** What readers see of a view, order included. */
function seen(v: CoreView): unknown {
  const lists = (m: Map<string, string[]>) => [...m].map(([k, l]) => [k, [...l]]);
  return {
    core: [...v.core].map(([k, e]) => [k, e.file]),
    config: lists(v.coreByConfig),
    spec: lists(v.coreBySpec),
    builder: lists(v.coreByBuilder),
    shared: v.shared,
  };
}

/** A small deterministic generator (the sequences must not change between runs). */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

describe('engine: the core view built from the previous one (model/registry.ts)', () => {
  it('equals the view built from scratch after renames, collisions and field edits', () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
    for (let seed = 1; seed <= 20; seed++) {
      const pick = rng(seed);
      let sorted: RegistrySource[] = [
        source(
          'registry/extras.py',
          [
            ['Beta', 'BetaConfig', 'Beta'],
            ['Omega', 'SharedConfig', 'Omega'],
          ],
          1,
          false,
        ),
        ...names.map((n, i) =>
          source(`steps/interfaces/${String(i).padStart(2, '0')}.step.yaml`, [[n, `${n}Config`, n]], 0, true),
        ),
        source(
          'registry/step_names.py',
          [
            ['Gamma', 'GammaConfig', 'Gamma'],
            ['Kappa', 'SharedConfig', 'Kappa'],
          ],
          0,
          false,
        ),
      ];
      let view = buildCore(sorted);
      for (let step = 0; step < 60; step++) {
        const i = pick(sorted.length);
        const s = sorted[i] as RegistrySource;
        const j = pick(s.entries.length);
        const e = s.entries[j] as StepEntry;
        const config = fieldOf(e, 'config_class');
        const spec = fieldOf(e, 'spec_type');
        const kind = pick(5);
        // A rename onto a name another source defines, a fresh name, a shared config_class, a new spec_type, or the same values read again.
        const next =
          kind === 0
            ? [names[pick(names.length)] as string, config, spec]
            : kind === 1
              ? [`Fresh${step}`, config, spec]
              : kind === 2
                ? [e.name, pick(2) === 0 ? 'SharedConfig' : `${e.name}Config`, spec]
                : kind === 3
                  ? [e.name, config, `${e.name}${step}`]
                  : [e.name, config, spec];
        const entries = s.entries.map((x, k) =>
          k === j ? entry(s.file, next[0] as string, next[1] as string, next[2] as string) : x,
        );
        // A fresh list, as the core query gives each time (the view keeps the one it was built from).
        sorted = sorted.map((x, k) => (k === i ? { ...s, entries } : x));
        const incremental = buildCore(sorted, view);
        assert.deepEqual(seen(incremental), seen(buildCore(sorted)), `seed ${seed}, step ${step}`);
        view = incremental;
      }
    }
  });

  it("keeps the previous view's maps when no source changed", () => {
    const sorted = [source('steps/interfaces/a.step.yaml', [['A', 'AConfig', 'A']], 0, true)];
    const view = buildCore(sorted);
    const again = buildCore([...sorted], view);
    assert.equal(again.core, view.core);
    assert.equal(again.coreByConfig, view.coreByConfig);
  });
});

function fieldOf(e: StepEntry, field: string): string {
  const v = e.fields.get(field)?.value;
  return v?.kind === 'str' ? v.value : '';
}
