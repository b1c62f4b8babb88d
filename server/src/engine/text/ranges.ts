// Comparisons of positions and ranges used by every feature that looks up "what is at the cursor".
import type { Position, Range } from '../types';

export function comparePos(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
/** Inclusive at both ends, so a cursor right after a word still counts as on it. */
export function contains(r: Range, p: Position): boolean {
  return comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}
export function overlaps(a: Range, b: Range): boolean {
  return comparePos(a.start, b.end) <= 0 && comparePos(b.start, a.end) <= 0;
}
export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
