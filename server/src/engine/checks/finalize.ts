// Applies the user's per-code severity settings and the stable order (line, character, code) to one
// file's diagnostics (ties broken by message, so the order never depends on which unit ran first);
// identical duplicates from overlapping checks are dropped, and the output is bounded: at most
// MAX_PER_FILE diagnostics per file (then one "N more"), each with at most MAX_RELATED related places.
import type { Diagnostic, Range, Settings } from '../types';
import { comparePos } from '../text/ranges';
import { capRelated } from './limits';

export const MAX_PER_FILE = 200;

export function finalizeDiagnostics(raw: Diagnostic[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of raw) {
    const override = settings.severity[d.code];
    if (override === 'off') continue;
    const final = { ...d, range: ordered(d.range), related: capRelated(d.related), ...(override ? { severity: override } : {}) };
    const r = final.range;
    const key = `${d.code}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${d.message}|${JSON.stringify(final.related)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(final);
  }
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || cmp(a.code, b.code) || cmp(a.message, b.message));
  if (out.length <= MAX_PER_FILE) return out;
  const first = out[MAX_PER_FILE - 1] as Diagnostic;
  const kept = out.slice(0, MAX_PER_FILE - 1);
  kept.push({ ...first, message: `… and ${out.length - kept.length} more diagnostics in this file (at most ${MAX_PER_FILE} are shown); the first not shown: ${first.message}`, related: [], fixes: [] });
  return kept;
}

/** A range never runs backwards (a check that combines two nodes' ends could produce one). */
function ordered(r: Range): Range {
  return comparePos(r.start, r.end) <= 0 ? r : { start: r.end, end: r.start };
}
