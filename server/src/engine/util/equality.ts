// Equalities for early cut-off of tracked queries: a recomputed value equal to the previous one keeps
// its revision, so what read it is not recomputed.

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Structural equality through JSON (Maps compare by their entries). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a, mapsAsEntries) === JSON.stringify(b, mapsAsEntries);
}

function mapsAsEntries(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  return value;
}

/** Structural equality of plain data (objects, arrays, Maps, Sets), without serialising it. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map || a instanceof Set) {
    if (!(b instanceof (a instanceof Map ? Map : Set)) || a.size !== (b as Map<unknown, unknown>).size) return false;
    return sameData([...a], [...(b as Map<unknown, unknown>)]);
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
