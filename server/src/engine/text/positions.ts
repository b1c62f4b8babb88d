// One object per distinct position and per distinct range: a position is an immutable (line, character)
// pair and a range an immutable pair of positions, and both repeat across a file and across files (a
// column grid of a few thousand lines, the same layout in every generated or templated file), so the facts
// of 30,000 files share a few hundred thousand of each instead of keeping millions. Shared by every
// engine in the process; bounded (past the bound, or far out in a file, a value is a fresh object —
// equal, unshared).
import type { Position, Range } from '../types';

const MAX_LINE = 1 << 20;
const MAX_CHARACTER = 1 << 10;
const MAX_SHARED = 1 << 19;
/** A range's key packs its start's key (30 bits), its extra lines (13 bits) and its end's character (10 bits): 53 bits, an exact number. */
const MAX_EXTRA_LINES = 1 << 13;
const shared = new Map<number, Position>();
const sharedRanges = new Map<number, Range>();

/** The position (line, character); never mutate it (it is shared). */
export function pos(line: number, character: number): Position {
  if (line < 0 || character < 0 || line >= MAX_LINE || character >= MAX_CHARACTER) return { line, character };
  const key = line * MAX_CHARACTER + character;
  let p = shared.get(key);
  if (p === undefined) {
    p = { line, character };
    if (shared.size < MAX_SHARED) shared.set(key, p);
  }
  return p;
}

/** The range from `start` to `end`; never mutate it (it is shared). */
export function span(start: Position, end: Position): Range {
  const extra = end.line - start.line;
  if (start.line < 0 || start.character < 0 || start.line >= MAX_LINE || start.character >= MAX_CHARACTER
    || extra < 0 || extra >= MAX_EXTRA_LINES || end.character < 0 || end.character >= MAX_CHARACTER) return { start, end };
  const key = ((start.line * MAX_CHARACTER + start.character) * MAX_EXTRA_LINES + extra) * MAX_CHARACTER + end.character;
  let r = sharedRanges.get(key);
  if (r === undefined) {
    r = { start: pos(start.line, start.character), end: pos(end.line, end.character) };
    if (sharedRanges.size < MAX_SHARED) sharedRanges.set(key, r);
  }
  return r;
}
