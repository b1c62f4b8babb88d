// One copy of each short string the literal and class readers meet again and again: the field names
// of a large org's registries and meta files (`config_class` ×27,000, `description` ×28,000), their
// small values (`Processing`, `training`), the method names of its modules, were a copy per
// occurrence. Strings built by concatenation that many cells keep (a workspace's directory, a
// component folder, a name's key in a context) are kept once here too, whatever their length: each
// was a chain of V8 cons strings per holder. So are the lists of names classes repeat.
// Process-wide, bounded: at most 100,000 strings and 20,000 lists; once full, new ones pass through as
// they are (still correct, only shared less). Process-wide because the same names recur in every engine
// of the process (a server with several folders): a table per engine would keep them once per engine.

/** The longest string `intern` keeps by default. */
const INTERNED_LENGTH = 32;
const BOUND = 100_000;
const known = new Map<string, string>();
/** Lists of kept strings by their names joined with a line break (no kept name holds one). */
const lists = new Map<string, readonly string[]>();
const LIST_BOUND = 20_000;

/** The one kept copy of a string equal to `s` (`s` itself when longer than `maxLength` or the table is full). */
export function intern(s: string, maxLength = INTERNED_LENGTH): string {
  return kept(s, maxLength) ?? s;
}

/**
 * The one kept copy of a string equal to `s`, never a slice of another string; undefined when longer than `maxLength`
 * or the table is full.
 */
export function kept(s: string, maxLength = INTERNED_LENGTH): string | undefined {
  if (s.length > maxLength) return undefined;
  const k = known.get(s);
  if (k !== undefined) return k;
  if (known.size >= BOUND) return undefined;
  // A fresh string: `s` may be a view into a whole file's text (V8 slices of 13+ characters), which the
  // table would then keep alive.
  const copy = freshCopy(s);
  known.set(copy, copy);
  return copy;
}

/** A new sequential string equal to `s`: no view into, nor chain holding, any other string. */
export function freshCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * The one kept (frozen) copy of a list equal to `names`, when every name in it is a kept string
 * (`kept`) without a line break; `names` itself otherwise, or when the table of lists is full. The
 * classes of a large org's modules list the same bases, attributes and methods again and again.
 */
export function keptList(names: string[]): string[] {
  if (names.length === 0) return NO_NAMES;
  if (!names.every((n) => known.get(n) === n && !n.includes('\n'))) return names;
  const key = names.join('\n');
  const had = lists.get(key);
  if (had !== undefined) return had as string[];
  if (lists.size >= LIST_BOUND) return names;
  const list = Object.freeze([...names]);
  lists.set(key, list);
  return list as string[];
}

const NO_NAMES = Object.freeze([]) as unknown as string[];
