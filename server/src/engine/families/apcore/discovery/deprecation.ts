// Deprecation as apcore-python 0.19.0 reads it: only `metadata['x-deprecation']` (`registry/registry.py:
// 985-1021`: `deprecated_since`, `sunset_version`, `migration_guide`, `sunset_date`); apcore-typescript
// 0.25.0 reads none. A deprecation key written at the top of a meta file is read by no SDK — the module
// is silently not deprecated — so it gets RL073.
import type { Diagnostic } from '../../../types';
import { keyText, type Lit } from '../../../literal';
import { diag } from '../codes';

/** Top-level keys meant as deprecation (ours of old, and x-deprecation's own keys written one level too high). */
const MISPLACED = [
  'deprecated',
  'deprecated_message',
  'replacement',
  'x-deprecation',
  'deprecated_since',
  'sunset_version',
  'sunset_date',
  'migration_guide',
];

export function misplacedDeprecation(file: string, root: Lit): Diagnostic[] {
  if (root.kind !== 'dict') return [];
  return root.entries.flatMap((e) => {
    const key = keyText(e);
    if (key === undefined || !MISPLACED.includes(key)) return [];
    return [
      diag(
        file,
        e.key.range,
        'RL073',
        `No apcore SDK reads a top-level '${key}': the module is not deprecated. apcore-python reads deprecation ` +
          "from metadata['x-deprecation']",
        {
          related: [
            {
              file,
              range: e.key.range,
              message: "metadata['x-deprecation'] keys: deprecated_since, sunset_version, migration_guide, sunset_date",
            },
          ],
        },
      ),
    ];
  });
}
