// Comparisons of positions and ranges used by every feature that looks up "what is at the cursor".
import type { Position, Range } from '../types';
import { spanAt } from './positions';

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
export function rangeSize(r: Range): number {
  return (r.end.line - r.start.line) * 100000 + (r.end.character - r.start.character);
}
/** The inside of a quoted string literal's range (without the quotes and prefix). */
export function innerRange(r: Range, prefixLen = 1, suffixLen = 1): Range {
  if (r.start.line !== r.end.line) return r;
  return spanAt(r.start.line, r.start.character + prefixLen, r.end.line, r.end.character - suffixLen);
}
export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
