// The strings of a file's classes copied out of its text. V8 keeps a slice of 13 or more characters as
// a view into the string it was cut from, so a class name cut from a builder module keeps the whole
// module alive: the engine lets such texts go (Workspace.release), and these copies are what lets the
// memory go with them. One joined copy per file, sliced again, costs one allocation per file; the
// names classes share (bases, attributes, methods: `__init__` ×10,000, `job_type` ×22,000 on a large
// org) are kept once for the process instead (util/intern), so are the lists of them classes repeat,
// and a class without string attributes shares one empty record. The copies are new records that name
// their file (ModuleClass).
import type { ModuleClass, PyClass } from './pyClass';
import { freshCopy, kept, keptList } from '../util/intern';

const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The classes of `file` with their strings (names, bases, attributes, methods, string attribute values,
 * docstrings) copied, none a slice of the text. With `namesOnly`, docstrings and string attribute values
 * are left out (null, none): see `moduleClasses`.
 */
export function detachClasses(classes: PyClass[], file: string, namesOnly = false): ModuleClass[] {
  // Each string in turn: its kept copy, or its length in the file's copy (made once all are known).
  const slots: (string | number)[] = [];
  const parts: string[] = [];
  const take = (s: string, share: boolean): void => {
    const k = share ? kept(s) : undefined;
    if (k !== undefined) slots.push(k);
    else {
      slots.push(s.length);
      parts.push(s);
    }
  };
  for (const c of classes) {
    take(c.name, false);
    for (const list of [c.bases, c.attributes, c.methods]) for (const s of list) take(s, true);
    if (namesOnly) continue;
    for (const v of Object.values(c.strAttrs)) take(v, false);
    if (c.docstring !== null) take(c.docstring, false);
  }
  // Array.prototype.join builds a new sequential string that refers to none of its parts, but returns a
  // lone part as it is: a slice of the text, which would keep the text alive.
  const copy = parts.length === 1 ? freshCopy(parts[0] as string) : parts.join('');
  let at = 0;
  let i = 0;
  const next = (): string => {
    const slot = slots[i++] as string | number;
    return typeof slot === 'string' ? slot : copy.slice(at, (at += slot));
  };
  // The strings in the order `take` met them.
  return classes.map((c) => {
    const keys = namesOnly ? [] : Object.keys(c.strAttrs);
    return {
      name: next(),
      bases: keptList(c.bases.map(next)),
      attributes: keptList(c.attributes.map(next)),
      methods: keptList(c.methods.map(next)),
      strAttrs: keys.length === 0 ? NO_ATTRS : Object.fromEntries(keys.map((k) => [k, next()])),
      docstring: namesOnly || c.docstring === null ? null : next(),
      file,
      nameRange: c.nameRange,
      range: c.range,
    };
  });
}
