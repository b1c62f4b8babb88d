// One copy of each short string the literal readers meet again and again: the field names of a large
// org's registries and meta files (`config_class` ×27,000, `description` ×28,000) and their small
// values (`Processing`, `training`) were a copy per occurrence. Bounded: once full, new strings pass
// through as they are.

const MAX_LENGTH = 32;
const BOUND = 50_000;
const known = new Map<string, string>();

/** The one kept copy of a short string equal to `s` (`s` itself when too long or the table is full). */
export function intern(s: string): string {
  if (s.length > MAX_LENGTH) return s;
  const k = known.get(s);
  if (k !== undefined) return k;
  if (known.size >= BOUND) return s;
  // A fresh string: `s` may be a view into a whole file's text (V8 slices of 13+ characters), which the
  // table would then keep alive.
  const copy = JSON.parse(JSON.stringify(s)) as string;
  known.set(copy, copy);
  return copy;
}
