// Levenshtein distance (Wagner–Fischer, two rows) and "did you mean" ranking, used by RL004, RL010,
// RL016, RL022 and Explain's suggestions.

// Two reusable rows: suggestions run over thousands of names per diagnostic.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) { rowA = new Int32Array(b.length * 2 + 1); rowB = new Int32Array(b.length * 2 + 1); }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

const lowered = new Map<string, string>();
function lower(s: string): string {
  let l = lowered.get(s);
  if (l === undefined) {
    if (lowered.size > 100_000) lowered.clear();
    lowered.set(s, (l = s.toLowerCase()));
  }
  return l;
}

/** Candidates closest to `name` (case-insensitive distance), best first, within a distance that grows with length. */
export function closest(name: string, candidates: Iterable<string>, limit = 5): string[] {
  const low = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const cl = lower(c);
    let d = editDistance(low, cl, max);
    if (d > max && (cl.includes(low) || low.includes(cl)) && Math.min(cl.length, low.length) >= 4) d = max;
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}
