// Applies the user's per-code severity settings and the stable order (line, character, code) to one
// file's diagnostics (ties broken by message, so the order never depends on which unit ran first);
// identical duplicates from overlapping checks are dropped, and the output is bounded: at most
// MAX_PER_FILE diagnostics per file (then one "N more"), each with at most MAX_RELATED related places;
// diagnostics a suppression comment of the file (`comments`, see suppress.ts) covers are dropped first,
// and the comments that cover none get RL033 (unless that code is off).
import type { Diagnostic, Position, Range, Settings } from '../types';
import { comparePos } from '../text/ranges';
import { capRelated } from './limits';
import { applySuppressions, unusedSuppressions, type CommentTable } from './suppress';

export const MAX_PER_FILE = 200;

/** A file's suppression comments, for `finalizeDiagnostics`. */
export interface FileComments {
  file: string;
  table: CommentTable | null;
}

export function finalizeDiagnostics(
  raw: Diagnostic[],
  settings: Settings,
  comments: FileComments | null = null,
): Diagnostic[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const live = raw.filter((d) => settings.severity[d.code] !== 'off');
  const table = comments?.table ?? null;
  const unused = comments && reportsUnused(settings) ? unusedSuppressions(comments.file, live, table) : [];
  const sorted = [...applySuppressions(live, table), ...unused].sort(
    (a, b) => comparePos(startOf(a.range), startOf(b.range)) || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
  // Sorted, so duplicates are in one group of equal place, code and message: one pass, and only the
  // kept diagnostics are copied. A group's related places are kept as a set (thousands of entry points
  // may share one message and place, each with its own related place).
  const out: Diagnostic[] = [];
  let unique = 0;
  let prev: Diagnostic | undefined;
  let group = new Set<string>();
  for (const d of sorted) {
    if (!prev || !sameSpot(prev, d)) group = new Set();
    prev = d;
    const related = JSON.stringify(d.related);
    if (group.has(related)) continue;
    group.add(related);
    unique++;
    if (out.length >= MAX_PER_FILE) continue;
    const override = settings.severity[d.code];
    out.push({
      ...d,
      range: ordered(d.range),
      related: capRelated(d.related),
      ...(override && override !== 'off' ? { severity: override } : {}),
    });
  }
  if (unique <= MAX_PER_FILE) return out;
  const first = out[MAX_PER_FILE - 1] as Diagnostic;
  out[MAX_PER_FILE - 1] = {
    ...first,
    message:
      `… and ${unique - (MAX_PER_FILE - 1)} more diagnostics in this file (at most ${MAX_PER_FILE} are shown); ` +
      `the first not shown: ${first.message}`,
    related: [],
    fixes: [],
  };
  return out;
}

function sameSpot(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    comparePos(a.range.start, b.range.start) === 0 &&
    comparePos(a.range.end, b.range.end) === 0
  );
}

function startOf(r: Range): Position {
  return comparePos(r.start, r.end) <= 0 ? r.start : r.end;
}

/** A range never runs backwards (a check that combines two nodes' ends could produce one). */
function ordered(r: Range): Range {
  return comparePos(r.start, r.end) <= 0 ? r : { start: r.end, end: r.start };
}

/** Whether unused suppression comments are reported (RL033 not turned off: the CLI turns it off unless asked). */
export function reportsUnused(settings: Settings): boolean {
  return settings.severity.RL033 !== 'off';
}
