// One object per distinct position and per distinct range: a position is an immutable (line, character)
// pair and a range an immutable pair of positions, and both repeat across a file and across files (a
// column grid of a few thousand lines, the same layout in every generated or templated file), so the facts
// of 30,000 files share a few hundred thousand of each instead of keeping millions.
// Process-wide, bounded: each table holds at most two generations of 131,072 values (pairTable.ts), and
// ranges past column 1,024 at most 524,288 (then fresh, equal, unshared objects); a value nobody looked
// up for a generation is let go. Process-wide because positions are plain readonly values that any
// engine's facts may hold: sharing them across engines is only cheaper, never visible.
import type { Position, Range } from '../types';
import { PairTable, pairHash } from './pairTable';

const MAX_LINE = 1 << 20;
const MAX_CHARACTER = 1 << 10;
/**
 * Values a table keeps per generation (pairTable.ts): what is looked up again stays shared, the rest of
 * an older generation is let go, so a 20,000-edit session no longer piles up the ranges of every text it
 * typed (bench/README.md, memory soak). At 32,768 the large bench org's load turned a generation over
 * again and again: its heap after the load was 1.8 MB larger than with one generation of 524,288 (values
 * shared less) and each new table regrew, its garbage and the key arrays' malloc churn in the server's
 * RSS; at 131,072 the heap after the load is 0.3 MB over the single generation's (engine in-process,
 * forced GC: 192.9 → 191.2 MB).
 */
const GENERATION = 1 << 17;
/** Long-line ranges shared at most (farSpan). */
const MAX_FAR = 1 << 19;

/**
 * Shared positions by (line * MAX_CHARACTER + character + 1, 0): a Map of the large bench org's 186,000 held 7.3 MB of
 * hash table.
 */
const positions = new PairTable<Position>(GENERATION);

/** The position (line, character); never mutate it (it is shared). */
export function pos(line: number, character: number): Position {
  if (!(line >= 0 && character >= 0 && line < MAX_LINE && character < MAX_CHARACTER)) return { line, character };
  const key = line * MAX_CHARACTER + character + 1;
  return positions.get(key, 0) ?? positions.add(key, 0, { line, character });
}

/**
 * The range from `start` to `end`; never mutate it (it is shared). Ranges are found in an open-addressing
 * table that holds the coordinates of each range beside it, so a range already shared is found without
 * touching a Map or the objects themselves (a registry file reads ~5 ranges per field).
 */
export function span(start: Position, end: Position): Range {
  return spanAt(start.line, start.character, end.line, end.character);
}

/** Shared ranges by (start + 1, end), each as line * MAX_CHARACTER + character. */
const ranges = new PairTable<Range>(GENERATION);

/**
 * `span` of the positions (startLine, startCharacter)–(endLine, endCharacter), without looking them up when the range
 * is shared already.
 */
export function spanAt(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  if (!(
    startLine >= 0 &&
    endLine >= 0 &&
    startLine < MAX_LINE &&
    endLine < MAX_LINE &&
    startCharacter >= 0 &&
    endCharacter >= 0 &&
    startCharacter < MAX_CHARACTER &&
    endCharacter < MAX_CHARACTER
  )) {
    return farSpan(startLine, startCharacter, endLine, endCharacter);
  }
  const a = startLine * MAX_CHARACTER + startCharacter + 1;
  const b = endLine * MAX_CHARACTER + endCharacter;
  return (
    ranges.get(a, b) ?? ranges.add(a, b, { start: pos(startLine, startCharacter), end: pos(endLine, endCharacter) })
  );
}

/**
 * Ranges with a character past MAX_CHARACTER (long lines), shared by a hash of their ends; a range whose slot holds
 * another one is a fresh object.
 */
const farRanges = new Map<number, Range>();

function farSpan(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const key = pairHash(startLine * MAX_CHARACTER + startCharacter, endLine * MAX_CHARACTER + endCharacter) & 0x3fffffff;
  const r = farRanges.get(key);
  if (
    r !== undefined &&
    r.start.line === startLine &&
    r.start.character === startCharacter &&
    r.end.line === endLine &&
    r.end.character === endCharacter
  )
    return r;
  const fresh = { start: pos(startLine, startCharacter), end: pos(endLine, endCharacter) };
  if (r === undefined && farRanges.size < MAX_FAR) farRanges.set(key, fresh);
  return fresh;
}
