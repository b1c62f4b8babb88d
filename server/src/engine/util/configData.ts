// Configuration is data, never a code path: a value parsed from a repository's file or sent by a
// client is copied into objects without prototypes, bounded in depth, so that no key (`__proto__`,
// `constructor`) reaches a prototype of the process, no lookup by a name finds one, and no nesting
// reaches the stack of a reader that recurses. What is dropped is reported, for one warning per file.

/** Deeper than any setting (the deepest declared is 3 levels under `registryLens`). */
export const MAX_CONFIG_DEPTH = 32;

/** Entries of one object or list: far above any real setting (a few dozen globs), far below what a 2 MB file holds. */
export const MAX_CONFIG_ENTRIES = 10_000;

/** Keys that name a prototype's members in JavaScript: never a setting, refused wherever they appear. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/** What a copy dropped: keys naming prototypes, and values nested past the bound (by their key paths). */
export interface DataDropped {
  prototypeKeys: string[];
  tooDeep: string[];
  tooMany?: string[];
}

/**
 * A copy of an untrusted JSON-like value: objects without prototypes, keys naming prototypes dropped,
 * values nested deeper than `MAX_CONFIG_DEPTH` dropped, entries past `MAX_CONFIG_ENTRIES` of an object or
 * list dropped. Recursion is bounded by that depth.
 */
export function configData(value: unknown, dropped: DataDropped = noneDropped(), at = ''): unknown {
  return copy(value, 0, at, dropped);
}

/** An empty record of what copies dropped. */
export function noneDropped(): DataDropped {
  return { prototypeKeys: [], tooDeep: [] };
}

/** A new object without a prototype: a map from names whose lookups never reach `Object.prototype`. */
export function bareObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A key path as a warning shows it: each key bounded and escaped (a key is the repository's text). */
export function keyPath(path: string, key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  const part = /^[\w-]*$/.test(shown) && shown !== '' ? shown : JSON.stringify(shown);
  return path === '' ? part : `${path}.${part}`;
}

function copy(value: unknown, depth: number, path: string, dropped: DataDropped): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_CONFIG_DEPTH) {
    dropped.tooDeep.push(path);
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_CONFIG_ENTRIES) (dropped.tooMany ??= []).push(path);
    return value.slice(0, MAX_CONFIG_ENTRIES).map((v, i) => copy(v, depth + 1, `${path}[${i}]`, dropped));
  }
  const out = bareObject<unknown>();
  // A reader that assigned a `__proto__` key gave the object a prototype of the file's instead.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) dropped.prototypeKeys.push(keyPath(path, '__proto__'));
  const keys = Object.keys(value);
  if (keys.length > MAX_CONFIG_ENTRIES) (dropped.tooMany ??= []).push(path);
  for (const key of keys.slice(0, MAX_CONFIG_ENTRIES)) {
    const at = keyPath(path, key);
    if (isPrototypeKey(key)) dropped.prototypeKeys.push(at);
    else out[key] = copy((value as Record<string, unknown>)[key], depth + 1, at, dropped);
  }
  return out;
}

/** One warning for what a copy of `source` dropped (null when nothing was), naming the first key of each kind. */
export function droppedWarning(source: string, dropped: DataDropped): string | null {
  const parts: string[] = [];
  const some = (keys: string[]): string => `${keys[0] ?? ''}${keys.length > 1 ? ` and ${keys.length - 1} more` : ''}`;
  const { prototypeKeys, tooDeep } = dropped;
  const why = "a name of JavaScript's prototypes is never a setting";
  if (prototypeKeys.length > 0) parts.push(`the key ${some(prototypeKeys)} (${why})`);
  if (tooDeep.length > 0) parts.push(`the value at ${some(tooDeep)} (nested deeper than ${MAX_CONFIG_DEPTH} levels)`);
  const many = dropped.tooMany ?? [];
  if (many.length > 0) parts.push(`the entries of ${some(many)} past the first ${MAX_CONFIG_ENTRIES}`);
  return parts.length === 0 ? null : `${source}: ignoring ${parts.join(', and ')}`;
}
