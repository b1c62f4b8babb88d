// Re-reads a Python registry after an edit inside one entry's dict without reading the whole file again:
// the new text of that entry's value is scanned alone and put in place of the old one. A core registry
// of 2,000 steps is otherwise parsed, scanned and converted whole on every keystroke. It applies only
// where the result is exactly what a full read gives, and answers null everywhere else (then the file
// is read whole): the previous read was clean (no syntax error, every key a string), the edit stays on
// one line strictly inside one entry's value whose closing brace is on a later line (so nothing else
// moves), and the new value scans cleanly with no duplicate keys, as the old one had none.
import type { Diagnostic, Position, Settings } from '../types';
import type { DictEntry, Lit } from '../literal';
import { LineIndex } from '../text/lineIndex';
import { scanLiteral } from '../python/literalScanner';
import { checkEntryFields } from './fields';
import { duplicateKeys, toEntry, type RegistrySource } from './source';

/** Codes that make a file's read depend on more than each entry alone (syntax errors, non-string keys, non-literal or doubled variables). */
const WHOLE_FILE_CODES = new Set(['RL030', 'RL009', 'RL031', 'RL014']);
/** Below the literal scanner's own depth limit by a margin: a value read alone starts one level higher than in the file. */
const MAX_SPLICE_DEPTH = 50;

export function spliceSource(before: string, src: RegistrySource, after: string, settings: Settings): RegistrySource | null {
  if (before.includes('\r') || after.includes('\r')) return null;
  if (src.diagnostics.some((d) => WHOLE_FILE_CODES.has(d.code))) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (start === before.length && start === after.length) return src;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (before.slice(start, oldEnd).includes('\n') || after.slice(start, newEnd).includes('\n')) return null;
  const lines = new LineIndex(after);
  const at = lines.position(start);
  const index = src.entries.findIndex((e) => e.value.kind === 'dict' && before_(e.value.range.start, at) && e.value.range.end.line > at.line);
  const old = src.entries[index];
  if (!old) return null;
  const varIndex = src.vars.findIndex((v) => v.name === old.variable && v.value.kind === 'dict' && v.value.entries.some((d) => d.value === old.value));
  const variable = src.vars[varIndex];
  if (!variable || variable.value.kind !== 'dict') return null;
  const value = scanLiteral(after, lines.offset(old.value.range.start), lines.offset(old.value.range.end), lines);
  if (value === null || value === 'split' || value.kind !== 'dict' || depth(value) > MAX_SPLICE_DEPTH) return null;
  if (duplicateKeys(src.file, old.value, 'Python').length > 0 || duplicateKeys(src.file, value, 'Python').length > 0) return null;

  const isCore = src.kind === 'core';
  const oldDiags = checkEntryFields(old, isCore, settings);
  const dictEntries = [...variable.value.entries];
  const slot = dictEntries.findIndex((d) => d.value === old.value);
  const replaced = { ...(dictEntries[slot] as DictEntry), value };
  dictEntries[slot] = replaced;
  const entry = toEntry(src.file, replaced, old.layer, old.wsDir, old.variable);
  const newDiags = checkEntryFields(entry, isCore, settings);
  const diagnostics = replaceRun(src.diagnostics, oldDiags, newDiags);
  if (!diagnostics) return null;
  const entries = [...src.entries];
  entries[index] = entry;
  const vars = [...src.vars];
  vars[varIndex] = { ...variable, value: { ...variable.value, entries: dictEntries } };
  return { ...src, entries, vars, diagnostics };
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
    if (x.kind === 'dict') for (const e of x.entries) { stack.push([e.key, d + 1]); stack.push([e.value, d + 1]); }
  }
  return max;
}

/** The list with the one run equal to `from` replaced by `to`; null when `from` is empty (no place is known) or not found once. */
function replaceRun(list: readonly Diagnostic[], from: readonly Diagnostic[], to: readonly Diagnostic[]): Diagnostic[] | null {
  if (from.length === 0) return to.length === 0 ? [...list] : null;
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
  if (found < 0) return null;
  return [...list.slice(0, found), ...to, ...list.slice(found + want.length)];
}
