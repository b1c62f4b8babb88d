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

/**
 * The range from `start` to `end`; never mutate it (it is shared). Ranges are found by a hash of their
 * ends that stays a small integer (a key of 53 bits would cost a boxed number per entry); a range whose
 * slot holds another one is a fresh object.
 */
export function span(start: Position, end: Position): Range {
  return spanAt(start.line, start.character, end.line, end.character);
}

/** `span` of the positions (startLine, startCharacter)–(endLine, endCharacter), without looking them up when the range is shared already. */
export function spanAt(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const hash = (Math.imul(startLine * MAX_CHARACTER + startCharacter, 0x9e3779b1) ^ Math.imul(endLine * MAX_CHARACTER + endCharacter, 0x85ebca6b)) & 0x3fffffff;
  const r = sharedRanges.get(hash);
  if (r !== undefined && r.start.line === startLine && r.start.character === startCharacter && r.end.line === endLine && r.end.character === endCharacter) return r;
  const fresh = { start: pos(startLine, startCharacter), end: pos(endLine, endCharacter) };
  if (r === undefined && sharedRanges.size < MAX_SHARED) sharedRanges.set(hash, fresh);
  return fresh;
}
