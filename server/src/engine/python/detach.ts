// The strings of a file's classes copied out of its text. V8 keeps a slice of 13 or more characters as
// a view into the string it was cut from, so a class name cut from a builder module keeps the whole
// module alive: the engine lets such texts go (Workspace.release), and these copies are what lets the
// memory go with them. One joined copy per file, sliced again, costs one allocation per file.
import type { PyClass } from './pyClass';

/** Rewrites the classes' strings (names, bases, attributes, methods, string attribute values, docstrings) in place as slices of one fresh string; returns them. */
export function detachClasses(classes: PyClass[]): PyClass[] {
  const parts: string[] = [];
  for (const c of classes) {
    parts.push(c.name, ...c.bases, ...c.attributes, ...c.methods, ...Object.values(c.strAttrs));
    if (c.docstring !== null) parts.push(c.docstring);
  }
  if (parts.length === 0) return classes;
  // Array.prototype.join builds a new sequential string: it refers to none of its parts.
  const copy = parts.join('');
  let at = 0;
  const next = (s: string): string => copy.slice(at, (at += s.length));
  for (const c of classes) {
    c.name = next(c.name);
    c.bases = c.bases.map(next);
    c.attributes = c.attributes.map(next);
    c.methods = c.methods.map(next);
    for (const k of Object.keys(c.strAttrs)) c.strAttrs[k] = next(c.strAttrs[k] as string);
    if (c.docstring !== null) c.docstring = next(c.docstring);
  }
  return classes;
}
