// One copy of each short string the literal readers meet again and again: the field names of a large
// org's registries and meta files (`config_class` ×27,000, `description` ×28,000) and their small
// values (`Processing`, `training`) were a copy per occurrence. Paths derived from paths (a
// workspace's directory, a component's folder) are kept once here too, whatever their length: built
// by concatenation, each was a chain of V8 cons strings per file that held it. Bounded: once full,
// new strings pass through as they are.

/** The longest string `intern` keeps by default. */
const INTERNED_LENGTH = 32;
const BOUND = 100_000;
const known = new Map<string, string>();

/** The one kept copy of a string equal to `s` (`s` itself when longer than `maxLength` or the table is full). */
export function intern(s: string, maxLength = INTERNED_LENGTH): string {
  return kept(s, maxLength) ?? s;
}

/** The one kept copy of a string equal to `s`, never a slice of another string; undefined when longer than `maxLength` or the table is full. */
export function kept(s: string, maxLength = INTERNED_LENGTH): string | undefined {
  if (s.length > maxLength) return undefined;
  const k = known.get(s);
  if (k !== undefined) return k;
  if (known.size >= BOUND) return undefined;
  // A fresh string: `s` may be a view into a whole file's text (V8 slices of 13+ characters), which the
  // table would then keep alive.
  const copy = JSON.parse(JSON.stringify(s)) as string;
  known.set(copy, copy);
  return copy;
}
