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

/**
 * Slots of the shared positions, like the ranges' below: an open-addressing table of each position's
 * key (line * MAX_CHARACTER + character, plus one: 0 is free) beside the object, grown to stay at most
 * three quarters full. A Map of 186,000 positions (the large bench org) held 7.3 MB of hash table; this
 * holds 3 MB.
 */
let positionSlots = 1 << 12;
let positionShift = 32 - 12;
let positionKeys = new Int32Array(positionSlots);
let positions: (Position | undefined)[] = new Array<Position | undefined>(positionSlots);
let sharedPositions = 0;

/** The position (line, character); never mutate it (it is shared). */
export function pos(line: number, character: number): Position {
  if (!(line >= 0 && character >= 0 && line < MAX_LINE && character < MAX_CHARACTER)) return { line, character };
  const key = line * MAX_CHARACTER + character + 1;
  const mask = positionSlots - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> positionShift;
  for (;;) {
    const k = positionKeys[slot];
    if (k === 0) break;
    if (k === key) return positions[slot] as Position;
    slot = (slot + 1) & mask;
  }
  const fresh = { line, character };
  if (sharedPositions < MAX_SHARED) {
    positionKeys[slot] = key;
    positions[slot] = fresh;
    if (++sharedPositions * 4 > positionSlots * 3) growPositions();
  }
  return fresh;
}

/** Twice the slots, every shared position moved to its slot in the larger table. */
function growPositions(): void {
  const oldKeys = positionKeys;
  const oldPositions = positions;
  positionSlots *= 2;
  positionShift--;
  positionKeys = new Int32Array(positionSlots);
  positions = new Array<Position | undefined>(positionSlots);
  const mask = positionSlots - 1;
  for (let i = 0; i < oldKeys.length; i++) {
    const key = oldKeys[i] as number;
    if (key === 0) continue;
    let slot = Math.imul(key, 0x9e3779b1) >>> positionShift;
    while (positionKeys[slot] !== 0) slot = (slot + 1) & mask;
    positionKeys[slot] = key;
    positions[slot] = oldPositions[i];
  }
}

/**
 * The range from `start` to `end`; never mutate it (it is shared). Ranges are found in an open-addressing
 * table that holds the coordinates of each range beside it, so a range already shared is found without
 * touching a Map or the objects themselves (a registry file reads ~5 ranges per field).
 */
export function span(start: Position, end: Position): Range {
  return spanAt(start.line, start.character, end.line, end.character);
}

/** Slots of the shared ranges: a power of two, grown to keep the table at most three quarters full (linear probing: ~2.5 slots read per miss), up to twice MAX_SHARED. */
let slots = 1 << 12;
/** The slot of a range is the top bits of its hash (the well-mixed ones). */
let shift = 32 - 12;
/** Per slot: start + 1 (0: free) and end, each as line * MAX_CHARACTER + character. */
let coordinates = new Int32Array(slots * 2);
let ranges: (Range | undefined)[] = new Array<Range | undefined>(slots);
let sharedRanges = 0;

/** `span` of the positions (startLine, startCharacter)–(endLine, endCharacter), without looking them up when the range is shared already. */
export function spanAt(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  if (!(startLine >= 0 && endLine >= 0 && startLine < MAX_LINE && endLine < MAX_LINE && startCharacter >= 0 && endCharacter >= 0 && startCharacter < MAX_CHARACTER && endCharacter < MAX_CHARACTER)) {
    return farSpan(startLine, startCharacter, endLine, endCharacter);
  }
  const a = startLine * MAX_CHARACTER + startCharacter + 1;
  const b = endLine * MAX_CHARACTER + endCharacter;
  const mask = slots - 1;
  let slot = hash(a, b) >>> shift;
  for (;;) {
    const k = coordinates[2 * slot];
    if (k === 0) break;
    if (k === a && coordinates[2 * slot + 1] === b) return ranges[slot] as Range;
    slot = (slot + 1) & mask;
  }
  const fresh = { start: pos(startLine, startCharacter), end: pos(endLine, endCharacter) };
  if (sharedRanges < MAX_SHARED) {
    coordinates[2 * slot] = a;
    coordinates[2 * slot + 1] = b;
    ranges[slot] = fresh;
    if (++sharedRanges * 4 > slots * 3) grow();
  }
  return fresh;
}

/** Twice the slots, every shared range moved to its slot in the larger table. */
function grow(): void {
  const oldCoordinates = coordinates;
  const oldRanges = ranges;
  slots *= 2;
  shift--;
  coordinates = new Int32Array(slots * 2);
  ranges = new Array<Range | undefined>(slots);
  const mask = slots - 1;
  for (let i = 0; i < oldRanges.length; i++) {
    const a = oldCoordinates[2 * i] as number;
    if (a === 0) continue;
    const b = oldCoordinates[2 * i + 1] as number;
    let slot = hash(a, b) >>> shift;
    while (coordinates[2 * slot] !== 0) slot = (slot + 1) & mask;
    coordinates[2 * slot] = a;
    coordinates[2 * slot + 1] = b;
    ranges[slot] = oldRanges[i];
  }
}

function hash(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
}

/** Ranges with a character past MAX_CHARACTER (long lines), shared by a hash of their ends; a range whose slot holds another one is a fresh object. */
const farRanges = new Map<number, Range>();

function farSpan(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const key = hash(startLine * MAX_CHARACTER + startCharacter, endLine * MAX_CHARACTER + endCharacter) & 0x3fffffff;
  const r = farRanges.get(key);
  if (r !== undefined && r.start.line === startLine && r.start.character === startCharacter && r.end.line === endLine && r.end.character === endCharacter) return r;
  const fresh = { start: pos(startLine, startCharacter), end: pos(endLine, endCharacter) };
  if (r === undefined && farRanges.size < MAX_SHARED) farRanges.set(key, fresh);
  return fresh;
}
