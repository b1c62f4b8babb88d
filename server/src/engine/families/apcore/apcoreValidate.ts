// apcore-python 0.19.0's `Config.validate` (`config.py:40-90` `_REQUIRED_FIELDS`, `_CONSTRAINTS`;
// `config.py:1000-1035`) over `apcore.yaml` — the file's own mapping, or its `apcore:` namespace — after
// the defaults are merged under it: a required field the file sets to null (or whose parent it sets to
// something not a mapping), and a value outside its constraint, make `Config.load` raise ConfigError:
// RL074. (`extensions.max_depth` is apcoreConfig.ts's RL020, read with the extension roots.)
import type { Diagnostic, Range } from '../../types';
import { dictEntry, type Lit } from '../../literal';
import { diag } from './codes';
import { CONFIG_REQUIRED as REQUIRED } from './framework';

/** Python's `isinstance(v, int)` holds for booleans too. */
const int = (v: Lit): number | null =>
  v.kind === 'num' && v.int ? v.value : v.kind === 'bool' ? Number(v.value) : null;
const num = (v: Lit): number | null => (v.kind === 'num' ? v.value : v.kind === 'bool' ? Number(v.value) : null);
const within = (n: number | null, lo: number, hi: number): boolean => n !== null && n >= lo && n <= hi;

const CONSTRAINTS: readonly (readonly [string, (v: Lit) => boolean, string])[] = [
  [
    'acl.default_effect',
    (v) => v.kind === 'str' && (v.value === 'allow' || v.value === 'deny'),
    "must be 'allow' or 'deny'",
  ],
  ['observability.tracing.sampling_rate', (v) => within(num(v), 0, 1), 'must be a number in [0.0, 1.0]'],
  ['executor.default_timeout', (v) => within(int(v), 0, Infinity), 'must be a non-negative integer (milliseconds)'],
  ['executor.global_timeout', (v) => within(int(v), 0, Infinity), 'must be a non-negative integer (milliseconds)'],
  ['executor.max_call_depth', (v) => within(int(v), 1, Infinity), 'must be a positive integer'],
  ['executor.max_module_repeat', (v) => within(int(v), 1, Infinity), 'must be a positive integer'],
  [
    'sys_modules.error_history.max_entries_per_module',
    (v) => within(int(v), 1, Infinity),
    'must be a positive integer',
  ],
  ['sys_modules.error_history.max_total_entries', (v) => within(int(v), 1, Infinity), 'must be a positive integer'],
  ['sys_modules.events.thresholds.error_rate', (v) => within(num(v), 0, 1), 'must be a number in [0.0, 1.0]'],
  [
    'sys_modules.events.thresholds.latency_p99_ms',
    (v) => {
      const n = num(v);
      return n !== null && n > 0;
    },
    'must be a positive number',
  ],
];

const FAILS = "apcore's Config.load raises ConfigError (Configuration validation failed)";

/** RL074 of the mapping Config validates (`root`: the file's, or its `apcore:` namespace). */
export function validateApcoreConfig(file: string, root: Lit | null): Diagnostic[] {
  if (root?.kind !== 'dict') return [];
  const out: Diagnostic[] = [];
  for (const field of REQUIRED) {
    const taken = takenAway(root, field.split('.'));
    if (taken)
      out.push(
        diag(
          file,
          taken.range,
          'RL074',
          `Missing required field: '${field}' (the file sets '${taken.key}' to ${describe(taken.node)}, over ` +
            `apcore's default): ${FAILS}`,
        ),
      );
  }
  for (const [field, ok, message] of CONSTRAINTS) {
    const v = at(root, field.split('.'));
    if (v && v.kind !== 'none' && !ok(v))
      out.push(diag(file, v.range, 'RL074', `Invalid value for '${field}': ${message}: ${FAILS}`));
  }
  return out;
}

/** The node that makes `_get_nested` find None after the merge: a null leaf, or a parent that is not a mapping. */
function takenAway(root: Lit, path: string[]): { node: Lit; range: Range; key: string } | null {
  let node: Lit = root;
  for (const [i, seg] of path.entries()) {
    const entry = dictEntry(node, seg);
    if (entry === undefined) return null;
    const next = entry.value;
    // A null written as nothing has an empty range: its key is underlined.
    if (next.kind === 'none' || (i < path.length - 1 && next.kind !== 'dict'))
      return {
        node: next,
        range: next.kind === 'none' ? entry.key.range : next.range,
        key: path.slice(0, i + 1).join('.'),
      };
    node = next;
  }
  return null;
}

function at(root: Lit, path: string[]): Lit | null {
  let node: Lit | undefined = root;
  for (const seg of path) node = node?.kind === 'dict' ? dictEntry(node, seg)?.value : undefined;
  return node ?? null;
}

function describe(v: Lit): string {
  return v.kind === 'none'
    ? 'null'
    : v.kind === 'list'
      ? 'a list'
      : v.kind === 'str'
        ? `the string '${v.value}'`
        : `${v.kind === 'num' ? v.value : v.kind}`;
}
