// Re-reads a Python registry after an edit inside one variable's dict without reading the whole file
// again. An edit inside one entry's value: the new text of that value is scanned alone and put in place
// of the old one, and everything after the edit moves by the lines and characters it added or removed.
// Any other edit inside the dict's braces (an entry added, removed or renamed; a value edit after which
// the entry's diagnostics cannot be placed alone): the entries it touches are scanned again from the
// text between the untouched ones, the later ones move, and the file's source is rebuilt from its
// variables as a full read builds it. A core registry of 2,000 steps is otherwise parsed, scanned and
// converted whole on every keystroke (a workspace registry of 25 is read whole: its text is let go once
// read). It applies only where the result is exactly what a full read gives, and answers null
// everywhere else (then the file is read whole): the previous read was clean (no syntax error, every
// key a string), the edit lies strictly inside one registry variable's braces, and what is scanned
// again scans cleanly (a value alone: with no duplicate keys, as the old one had none). Entries
// re-scanned from the head of the dict's loop (after `{` or an entry's comma) up to a later entry's key
// read what a scan of the whole dict reads there, because the scanner looks neither before that head
// nor, from that key on, before the key's line, which the edit left as it was.
// What is scanned again is copied out of the new text (the core's `litCopiedOutOfText`): otherwise each
// entry re-read from a new version of the file kept that whole version alive (the memory soak: a 73 KB
// core registry kept a version per entry edited).
import type { Diagnostic, Position, Range, Settings } from '../../types';
import { dictPair, isPair, litCopiedOutOfText, strLit, type DictEntry, type Lit, type StrLit } from '../../literal';
import { indexesOfEdit, type LineIndex } from '../../text/lineIndex';
import { Scanner, scanEntries, scanLiteral } from '../../python/literalScanner';
import type { PyAssignment, PyFacts } from '../../python/facts';
import { checkEntryFields } from './fields';
import { DictFields } from './dictFields';
import { duplicateKeys, toEntry, type RegistrySource, type RegistryVar } from './source';
import { pos, span } from '../../text/positions';
import { commonEnds } from '../../text/commonEnds';

/**
 * Codes that make a file's read depend on more than each entry alone (syntax errors, non-string keys, non-literal or
 * doubled variables).
 */
const WHOLE_FILE_CODES = new Set(['RL030', 'RL009', 'RL031', 'RL014']);
/**
 * Below the literal scanner's own depth limit by a margin: a value read alone starts one level higher than in the file.
 */
const MAX_SPLICE_DEPTH = 50;

/** What the family builds the file's source with from its facts (its full read, without the parse). */
export type Rebuild = (facts: PyFacts) => RegistrySource;

/** Where the two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
interface Diff {
  start: number;
  at: Position;
  shift: Shift;
}

export function spliceSource(
  before: string,
  src: RegistrySource,
  after: string,
  settings: Settings,
  rebuild: Rebuild,
): RegistrySource | null {
  if (before.includes('\r') || after.includes('\r')) return null;
  if (src.diagnostics.some((d) => WHOLE_FILE_CODES.has(d.code))) return null;
  const [start, tail] = commonEnds(before, after);
  if (start === before.length && start === after.length) return src;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const at = advance({ line: 0, character: 0 }, before, 0, start);
  const d: Diff = {
    start,
    at,
    shift: new Shift(advance(at, before, start, oldEnd), advance(at, after, start, newEnd)),
  };
  const { old, lines } = indexesOfEdit(before, after, start, oldEnd, newEnd);
  return spliceValue(src, after, lines, d, settings) ?? spliceEntries(src, before, after, lines, old(), d, rebuild);
}

/** An edit strictly inside one entry's value, after which the entry's diagnostics can be replaced where they are. */
function spliceValue(
  src: RegistrySource,
  after: string,
  lines: LineIndex,
  { at, shift }: Diff,
  settings: Settings,
): RegistrySource | null {
  const index = src.entries.findIndex(
    (e) => e.value.kind === 'dict' && before_(e.value.range.start, at) && before_(shift.from, e.value.range.end),
  );
  const old = src.entries[index];
  if (!old) return null;
  const varIndex = src.vars.findIndex(
    (v) => v.name === old.variable && v.value.kind === 'dict' && v.value.entries.some((d) => d.value === old.value),
  );
  const variable = src.vars[varIndex];
  if (!variable || variable.value.kind !== 'dict') return null;
  const value = scanLiteral(
    after,
    lines.offset(old.value.range.start),
    lines.offset(shift.pos(old.value.range.end)),
    lines,
  );
  if (value === null || value === 'split' || value.kind !== 'dict' || depth(value) > MAX_SPLICE_DEPTH) return null;
  if (duplicateKeys(src.file, old.value, 'Python').length > 0 || duplicateKeys(src.file, value, 'Python').length > 0)
    return null;
  litCopiedOutOfText(value);

  const isCore = src.kind === 'core';
  const oldDiags = checkEntryFields(old, isCore, settings);
  // When no line moved and the value ends on a later line than the edit, nothing outside the value moves.
  const moved = shift.to.line === shift.from.line && old.value.range.end.line > shift.from.line ? src : shift.any(src);
  const movedVar = moved.vars[varIndex];
  if (!movedVar || movedVar.value.kind !== 'dict') return null;
  const dictEntries = [...movedVar.value.entries];
  const slot = variable.value.entries.findIndex((d) => d.value === old.value);
  const was = dictEntries[slot] as DictEntry;
  const replaced = dictPair(was.key, value, was.range);
  dictEntries[slot] = replaced;
  const entry = toEntry(src.file, replaced, old.layer, old.wsDir, old.variable);
  const newDiags = checkEntryFields(entry, isCore, settings);
  const run =
    oldDiags.length === 0 ? (newDiags.length === 0 ? { at: 0, length: 0 } : null) : findRun(src.diagnostics, oldDiags);
  if (!run) return null;
  // Another diagnostic pointing inside the old value would point at text that is gone.
  const inside = (p: Position): boolean => before_(old.value.range.start, p) && before_(p, old.value.range.end);
  if (src.diagnostics.some((d, i) => (i < run.at || i >= run.at + run.length) && positions(d).some(inside)))
    return null;
  const diagnostics = [
    ...moved.diagnostics.slice(0, run.at),
    ...newDiags,
    ...moved.diagnostics.slice(run.at + run.length),
  ];
  const entries = [...moved.entries];
  entries[index] = entry;
  const vars = [...moved.vars];
  vars[varIndex] = { ...movedVar, value: { ...movedVar.value, entries: dictEntries } };
  return { ...moved, entries, vars, diagnostics };
}

/**
 * Any other edit strictly inside one registry variable's braces: the entries from the first one the edit
 * reaches (its comma included) to the last one before the first entry whose key starts on a line below
 * the edit are scanned again from the new text, the later ones move, and the source is rebuilt.
 */
function spliceEntries(
  src: RegistrySource,
  before: string,
  after: string,
  lines: LineIndex,
  old: LineIndex,
  { start, at, shift }: Diff,
  rebuild: Rebuild,
): RegistrySource | null {
  const varIndex = src.vars.findIndex(
    (v) => v.value.kind === 'dict' && before_(v.value.range.start, at) && before_(shift.from, v.value.range.end),
  );
  const variable = src.vars[varIndex];
  if (!variable || variable.value.kind !== 'dict') return null;
  const dict = variable.value;
  const skipper = new Scanner(before, before.length, old);
  /** The offset after the comma that follows entry k, or -1 when none does. */
  const commaEnd = (k: number): number => {
    skipper.pos = old.offset((dict.entries[k] as DictEntry).range.end);
    skipper.skip();
    return before[skipper.pos] === ',' ? skipper.pos + 1 : -1;
  };
  // The first entry touched: the first one that does not end before the edit, or the one before it when the edit
  // reaches its comma.
  let first = dict.entries.findIndex((e) => !before_(e.range.end, at));
  if (first < 0) first = dict.entries.length;
  if (first > 0) {
    const c = commaEnd(first - 1);
    if (c < 0 || c > start) first--;
  }
  const from = first === 0 ? old.offset(dict.range.start) + 1 : commaEnd(first - 1);
  if (from < 0 || from > start) return null;
  let next = first;
  while (next < dict.entries.length && (dict.entries[next] as DictEntry).range.start.line <= shift.from.line) next++;
  const kept = dict.entries[next];
  const close: Position = { line: dict.range.end.line, character: dict.range.end.character - 1 };
  if (before_(close, shift.from)) return null;
  const scanned = scanEntries(
    after,
    from,
    kept ? lines.offset(shift.pos(kept.range.start)) : -1,
    lines.offset(shift.pos(close)),
    lines,
  );
  if (scanned === null || scanned === 'split') return null;
  litCopiedOutOfText(scanned);
  const entries = [...dict.entries.slice(0, first), ...scanned, ...dict.entries.slice(next).map((e) => shift.any(e))];
  const value: Lit = { kind: 'dict', entries, range: { start: dict.range.start, end: shift.pos(dict.range.end) } };
  const vars = src.vars.map((v, i): RegistryVar =>
    i === varIndex ? { ...v, range: { start: v.range.start, end: shift.pos(v.range.end) }, value } : shift.any(v),
  );
  const assignments = new Map<string, PyAssignment>(
    vars.map((v) => [v.name, { name: v.name, nameRange: v.nameRange, stmtRange: v.range, value: v.value }]),
  );
  // The builders read only the value of WORKSPACE_METADATA (its ranges are not kept in the source).
  if (src.metadata)
    assignments.set('WORKSPACE_METADATA', {
      name: 'WORKSPACE_METADATA',
      nameRange: NOWHERE,
      stmtRange: NOWHERE,
      value: shift.any(src.metadata),
    });
  return rebuild({ assignments, classes: [], errors: [] });
}

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The position after `text[from, to)` when `text[from]` is at `p` (lines end at `\n`: a `\r` was declined). */
function advance(p: Position, text: string, from: number, to: number): Position {
  const nl = text.lastIndexOf('\n', to - 1);
  if (nl < from) return pos(p.line, p.character + to - from);
  let line = p.line;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) line++;
  return pos(line, to - nl - 1);
}

/**
 * Moves every position at or after the edit's old end (`from`) to where the same text lies after the
 * edit (`to` plus what followed on its line, or as many lines down as the edit added). Copies only what
 * moves: a node whose range ends before the edit, or (when no line moved) starts on a later line, is kept.
 */
class Shift {
  private readonly memo = new Map<object, unknown>();
  constructor(
    readonly from: Position,
    readonly to: Position,
  ) {}
  pos(p: Position): Position {
    if (before_(p, this.from)) return p;
    if (p.line === this.from.line) return pos(this.to.line, this.to.character + p.character - this.from.character);
    return pos(p.line + this.to.line - this.from.line, p.character);
  }
  any<T>(x: T): T {
    if (typeof x !== 'object' || x === null) return x;
    // Positions and ranges are values (shared through `pos`/`span`): moved without remembering them.
    if (isPosition(x)) return this.pos(x) as T;
    if (isRange(x)) return span(this.pos(x.start), this.pos(x.end)) as T;
    const done = this.memo.get(x);
    if (done !== undefined) return done as T;
    const out = this.copy(x);
    this.memo.set(x, out);
    return out as T;
  }
  private copy(x: object): unknown {
    if (Array.isArray(x)) return x.map((v: unknown) => this.any(v));
    // A view of a dict's entries moves with them (the same array, copied once through the memo).
    if (x instanceof DictFields) return new DictFields(this.any(x.entries));
    if (x instanceof Map) {
      const out = new Map<unknown, unknown>();
      x.forEach((v: unknown, k: unknown) => out.set(k, this.any(v)));
      return out;
    }
    if (this.still(x)) return x;
    // String nodes and dict entries keep some of their fields on their prototype (see `strLit`, `dictPair`).
    if ((x as Lit).kind === 'str') {
      const n = x as StrLit;
      return strLit(n.value, this.any(n.range), this.any(n.inner));
    }
    if (isPair(x)) return dictPair(this.any(x.key), this.any(x.value), this.any(x.range));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) out[k] = this.any((x as Record<string, unknown>)[k]);
    return out;
  }
  /** Whether nothing in `x` moves, known from its range alone (it spans all it holds, unlike a diagnostic's links). */
  private still(x: object): boolean {
    if ('related' in x || !('range' in x)) return false;
    const r = x.range as Range;
    return before_(r.end, this.from) || (this.to.line === this.from.line && r.start.line > this.from.line);
  }
}

function isPosition(x: object): x is Position {
  return 'line' in x && 'character' in x && ownKeys(x) === 2;
}

function isRange(x: object): x is Range {
  if (!('start' in x && 'end' in x) || ownKeys(x) !== 2) return false;
  const { start, end } = x as { start: unknown; end: unknown };
  return (
    typeof start === 'object' &&
    start !== null &&
    isPosition(start) &&
    typeof end === 'object' &&
    end !== null &&
    isPosition(end)
  );
}

/** How many own enumerable keys an object has, without making the list. */
function ownKeys(x: object): number {
  let n = 0;
  for (const k in x) if (Object.prototype.hasOwnProperty.call(x, k)) n++;
  return n;
}

/** Every position a diagnostic names: its range, its links, its fixes' edits. */
function positions(d: Diagnostic): Position[] {
  const out: Position[] = [d.range.start, d.range.end];
  for (const r of d.related) out.push(r.range.start, r.range.end);
  for (const f of d.fixes) for (const e of f.edits) for (const t of e.edits) out.push(t.range.start, t.range.end);
  return out;
}

function before_(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Nesting depth of a literal (iterative: a value may hold huge lists). */
function depth(v: Lit): number {
  let max = 0;
  const stack: [Lit, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop() as [Lit, number];
    if (d > max) max = d;
    if (x.kind === 'list') for (const i of x.items) stack.push([i, d + 1]);
    if (x.kind === 'dict')
      for (const e of x.entries) {
        stack.push([e.key, d + 1]);
        stack.push([e.value, d + 1]);
      }
  }
  return max;
}

/** Where the one run equal to `from` (not empty) lies in the list; null when it is not found exactly once. */
function findRun(list: readonly Diagnostic[], from: readonly Diagnostic[]): { at: number; length: number } | null {
  const key = (d: Diagnostic): string => JSON.stringify(d);
  const want = from.map(key);
  let found = -1;
  for (let i = 0; i + want.length <= list.length; i++) {
    if (list[i]?.code !== from[0]?.code) continue;
    if (want.every((k, j) => key(list[i + j] as Diagnostic) === k)) {
      if (found >= 0) return null;
      found = i;
    }
  }
  return found < 0 ? null : { at: found, length: want.length };
}
