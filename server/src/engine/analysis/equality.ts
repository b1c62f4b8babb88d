// Equalities for early cut-off of tracked queries: a recomputed value equal to the previous one keeps
// its revision, so what read it is not recomputed.

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
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
