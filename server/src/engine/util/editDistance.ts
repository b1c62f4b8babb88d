// Levenshtein distance (Wagner–Fischer, two rows) and "did you mean" ranking, used by RL004, RL010,
// RL016, RL022 and Explain's suggestions. Process-wide scratch, bounded: two reused rows as long as the
// longest name compared (synchronous, nothing kept), and memos of at most 100,000 names (util/memo.ts).
import { stringMemo } from './memo';

// Two reusable rows: suggestions run over thousands of names per diagnostic.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
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

const lower = stringMemo((s) => s.toLowerCase());

/**
 * Character counts of an ASCII string (null otherwise), for `bagExceeds`. Suggestions rank one name
 * against every name of a context (12,000 in a large org) on each edit that leaves a name unknown: a
 * count comparison rules most of them out for a fraction of a distance's cost.
 */
function bagOf(s: string): Int32Array | null {
  const bag = new Int32Array(128);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return null;
    bag[c] = (bag[c] as number) + 1;
  }
  return bag;
}

const scratch = new Int32Array(128);

/**
 * Whether the bag distance of `s` and the string counted in `bag` (of length `length`) exceeds `max`:
 * then so does their edit distance, of which it is a lower bound (an edit changes at most one count on
 * each side). False when `s` is not ASCII (no bound is read).
 */
function bagExceeds(bag: Int32Array, length: number, s: string, max: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    scratch[c] = (scratch[c] as number) + 1;
  }
  // Characters of `s` beyond the other string's counts; each distinct character counted once, then cleared.
  let extra = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = scratch[c] as number;
    if (n === 0) continue;
    const over = n - (bag[c] as number);
    if (over > 0) extra += over;
    scratch[c] = 0;
  }
  const missing = length - (s.length - extra);
  return extra > max || missing > max;
}

/**
 * Names longer than this are no one's close name and have none: no step, class or module name comes
 * near it, and a distance or a containment test costs the product of the lengths (a 1.9 MB key ranked
 * against 3,000 steps ran for minutes, R26).
 */
export const MAX_SUGGESTED_LENGTH = 256;

/** Candidates closest to `name` (case-insensitive distance), best first, within a distance that grows with length. */
export function closest(name: string, candidates: Iterable<string>, limit = 5): string[] {
  if (name.length > MAX_SUGGESTED_LENGTH) return [];
  const low = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  const bag = bagOf(low);
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (c.length > MAX_SUGGESTED_LENGTH) continue;
    const cl = lower(c);
    if (bag && bagExceeds(bag, low.length, cl, max)) {
      if (nested(low, cl)) scored.push({ c, d: max });
      continue;
    }
    let d = editDistance(low, cl, max);
    if (d > max && nested(low, cl)) d = max;
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

/** One name inside the other (case-insensitive): `closest` ranks it as close as its limit. */
function nested(low: string, cl: string): boolean {
  return (cl.includes(low) || low.includes(cl)) && Math.min(cl.length, low.length) >= 4;
}

/**
 * `closest(name, candidates, 1)[0]` when it is within `within` (at most 2) edits of `name`, case
 * counted; else null. The same answer, with full distances computed only for the candidates that can
 * be it: those within `within` ignoring case (ignoring case never adds edits) and those `closest`
 * ranks by nesting. Any other candidate ranks behind them, or, when one of them is first, the
 * answer is null anyway (it is more than 2 edits away).
 */
export function closestWithin(name: string, candidates: Iterable<string>, within: number): string | null {
  const best = closest(name, nearCandidates(name, candidates, within), 1)[0];
  return best !== undefined && editDistance(name, best, within) <= within ? best : null;
}

/** The candidates `closestWithin` ranks (in their order): any other candidate cannot be its answer. */
export function nearCandidates(name: string, candidates: Iterable<string>, within: number): string[] {
  if (name.length > MAX_SUGGESTED_LENGTH) return [];
  const low = name.toLowerCase();
  const bag = bagOf(low);
  const near: string[] = [];
  for (const c of candidates) {
    if (c.length > MAX_SUGGESTED_LENGTH) continue;
    const cl = lower(c);
    if (
      (!(bag && bagExceeds(bag, low.length, cl, within)) && editDistance(low, cl, within) <= within) ||
      nested(low, cl)
    )
      near.push(c);
  }
  return near;
}

/** Whether `q` is a subsequence of `s` (workspace symbol search: `xgbtr` finds `xgboosttraining`). */
export function subsequence(q: string, s: string): boolean {
  let i = 0;
  for (const c of s) if (c === q[i]) i++;
  return i === q.length;
}
