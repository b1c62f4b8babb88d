// The core's one door for facts that outlive the text they were read from: `copiedOutOfText` leaves
// no string in a value that is a view into, or a chain holding, another string. V8 keeps a string cut
// from another one (13 characters or more) as a view into it, and a string built from such a cut as a
// chain holding it: a workspace registry's descriptions and messages kept all of its text, and each
// entry a splice re-read kept its version of the file. A copy is the string's one kept copy
// (util/intern) when it has one, else a copy of its own, one per distinct string of the value.
import { freshCopy, kept } from './intern';

/** V8 cuts strings this long or longer as views (SlicedString::kMinLength). */
const VIEW_LENGTH = 13;

/** A function giving each string a copy that is no view into another string (shorter ones are copies already). */
function stringCopier(): (s: string) => string {
  const copies = new Map<string, string>();
  return (s) => {
    if (s.length < VIEW_LENGTH) return s;
    const k = kept(s);
    if (k !== undefined) return k;
    let c = copies.get(s);
    if (c === undefined) copies.set(s, (c = freshCopy(s)));
    return c;
  };
}

/**
 * `value` with every string it holds (own enumerable properties of its objects, array items, Map keys
 * and values, Set items, all the way down) replaced, in place, by a copy that keeps no text alive;
 * returns `value`. Getters are not followed (literal nodes derive theirs from what they hold), and a
 * frozen object is only walked (what is frozen is shared and was built from kept strings).
 */
export function copiedOutOfText<T>(value: T): T {
  const copy = stringCopier();
  if (typeof value === 'string') return copy(value) as T;
  const seen = new Set<object>();
  const todo: object[] = [];
  // Strings compare by value, so a copy is told from its original by nothing: every string is written back.
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return true;
    if (typeof v === 'object' && v !== null && !seen.has(v)) { seen.add(v); todo.push(v); }
    return false;
  };
  const one = (v: unknown): unknown => (typeof v === 'string' ? copy(v) : v);
  walk(value);
  for (let o = todo.pop(); o !== undefined; o = todo.pop()) {
    const frozen = Object.isFrozen(o);
    if (o instanceof Map || o instanceof Set) {
      // A Set's entries are [item, item].
      const was = [...o.entries()] as [unknown, unknown][];
      let strings = false;
      for (const [k, v] of was) strings = walk(k) || walk(v) || strings;
      if (!strings || frozen) continue;
      o.clear();
      for (const [k, v] of was) { if (o instanceof Map) o.set(one(k), one(v)); else o.add(one(k)); }
    } else {
      const rec = o as Record<string, unknown>;
      for (const k of Object.keys(rec)) {
        const v = rec[k];
        if (walk(v) && !frozen) rec[k] = copy(v as string);
      }
    }
  }
  return value;
}
