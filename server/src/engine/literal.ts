// The value model shared by Python and YAML sources: literals with the range of every node, and
// `other` for anything that is not a literal (it is never evaluated).
import type { Range } from './types';

export type Lit =
  /** `inner` is the range of the characters between the quotes (where renames and fixes edit). */
  | { kind: 'str'; value: string; range: Range; inner: Range }
  | { kind: 'num'; value: number; int: boolean; range: Range }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'none'; range: Range }
  | { kind: 'list'; items: Lit[]; range: Range }
  | { kind: 'dict'; entries: DictEntry[]; range: Range }
  | { kind: 'other'; text: string; range: Range };

export interface DictEntry { key: Lit; value: Lit; range: Range }

export type LitKind = Lit['kind'];

/** The entry of a dict literal with this string key — the last one, as Python and YAML keep it. */
export function dictEntry(lit: Lit | null | undefined, key: string): DictEntry | undefined {
  if (lit?.kind !== 'dict') return undefined;
  for (let i = lit.entries.length - 1; i >= 0; i--) {
    const e = lit.entries[i] as DictEntry;
    if (e.key.kind === 'str' && e.key.value === key) return e;
  }
  return undefined;
}

/**
 * Plain JSON-like value of a literal (for hover, Explain, the legacy format and schema checks). `memo`
 * keeps the value of each list and dict, for a reader that never changes it and reads the same nodes again.
 */
export function toPlain(lit: Lit, memo?: WeakMap<Lit, unknown>): unknown {
  switch (lit.kind) {
    case 'str': case 'num': case 'bool': return lit.value;
    case 'none': return null;
    case 'other': return lit.text;
  }
  const known = memo?.get(lit);
  if (known !== undefined) return known;
  let out: unknown;
  if (lit.kind === 'list') out = lit.items.map((i) => toPlain(i, memo));
  else {
    const o: Record<string, unknown> = {};
    for (const e of lit.entries) if (e.key.kind === 'str') o[e.key.value] = toPlain(e.value, memo);
    out = o;
  }
  memo?.set(lit, out);
  return out;
}

/** Python-like rendering, for hover and Explain. */
export function describeKind(lit: Lit): string {
  switch (lit.kind) {
    case 'str': return 'str';
    case 'num': return lit.int ? 'int' : 'float';
    case 'bool': return 'bool';
    case 'none': return 'None';
    case 'list': return 'list';
    case 'dict': return 'dict';
    case 'other': return 'expression';
  }
}
