// One object per distinct position: a position is an immutable (line, character) pair, and pairs repeat
// across a file and across files (a column grid of a few thousand lines), so the facts of 30,000 files
// share a few hundred thousand positions instead of keeping millions. Shared by every engine in the
// process; bounded (past the bound, or far out in a file, a position is a fresh object — equal, unshared).
import type { Position } from '../types';

const MAX_LINE = 1 << 20;
const MAX_CHARACTER = 1 << 10;
const MAX_SHARED = 1 << 19;
const shared = new Map<number, Position>();

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
