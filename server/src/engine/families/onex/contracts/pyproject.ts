// Reads a `pyproject.toml` for its `[project.entry-points."onex.nodes"]` table: the registry of ONEX
// nodes today (omnibase_core pyproject.toml:144, omnibase_infra :502), each entry naming the module or
// `module:attr` that auto-wiring loads (runtime/auto_wiring/discovery.py:147). The values come from a
// TOML parser (text/toml.ts: TOML 1.0, so a file pip could not read is a syntax error here too); their
// places from the table's lines, since the parser keeps none.
import type { Diagnostic, Range } from '../../../types';
import { LineIndex, newlineStarts } from '../../../text/lineIndex';
import { diag } from './codes';
import { readToml } from '../../../text/toml';

export interface EntryPoint {
  /** The entry point's name (the key). */
  name: string;
  /** `module.path` or `module.path:attr`. */
  value: string;
  nameRange: Range;
  valueRange: Range;
}

export interface PyprojectDoc {
  /** Null when the file declares no `onex.nodes` entry points (or cannot be read). */
  entries: EntryPoint[] | null;
  /** The table header's range. */
  header: Range | null;
  /** `[project] name`, the distribution that owns the entry points. */
  project: string | null;
}

const GROUP = 'onex.nodes';
const HEADER = /^\s*\[\s*project\s*\.\s*entry-points\s*\.\s*(?:"onex\.nodes"|'onex\.nodes')\s*\]/;
const ANY_HEADER = /^\s*\[/;
const line = (n: number, from: number, to: number): Range => ({
  start: { line: n, character: from },
  end: { line: n, character: to },
});

export function readPyproject(file: string, text: string): { doc: PyprojectDoc; local: Diagnostic[] } {
  const read = readToml(text);
  if (!read.ok) {
    const at = read.line === undefined ? 0 : errorOffset(text, read.line, read.column ?? 1);
    const message = `${read.message}: pip cannot read this file, so no entry point of it is installed`;
    return {
      doc: { entries: null, header: null, project: null },
      local: [diag(file, errorRange(text, at), 'RL030', message)],
    };
  }
  const data = read.data;
  const project =
    typeof data['project'] === 'object' && data['project'] !== null ? (data['project'] as Record<string, unknown>) : {};
  const eps =
    typeof project['entry-points'] === 'object' && project['entry-points'] !== null
      ? (project['entry-points'] as Record<string, unknown>)
      : {};
  const table = eps[GROUP];
  const name = typeof project['name'] === 'string' ? project['name'] : null;
  if (typeof table !== 'object' || table === null || Array.isArray(table))
    return { doc: { entries: null, header: null, project: name }, local: [] };
  const lines = text.split('\n');
  const start = lines.findIndex((l) => HEADER.test(l));
  let end = lines.length;
  for (let i = start + 1; start >= 0 && i < lines.length; i++)
    if (ANY_HEADER.test(lines[i] as string)) {
      end = i;
      break;
    }
  const header = start >= 0 ? line(start, 0, (lines[start] as string).trimEnd().length) : null;
  const entries: EntryPoint[] = [];
  const keyLines = start >= 0 ? keyLinesOf(lines, start + 1, end) : new Map<string, number>();
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    const at = keyLines.get(key);
    const found = at === undefined ? null : placeOf(lines[at] as string, at, value);
    const fallback = header ?? line(0, 0, 0);
    entries.push({
      name: key,
      value,
      nameRange: found?.nameRange ?? fallback,
      valueRange: found?.valueRange ?? fallback,
    });
  }
  return { doc: { entries, header, project: name }, local: [] };
}

/**
 * The offset of the parser's 1-based line and column: it counts lines ended by `\n` alone and may point one past a
 * line's last character (a header left open) or at the end of the text; the diagnostic's range then comes from
 * the offset under the editor's line rules (a lone `\r` ends a line there).
 */
function errorOffset(text: string, errorLine: number, column: number): number {
  const start = newlineStarts(text)[errorLine - 1] ?? text.length;
  return Math.min(text.length, start + Math.max(0, column - 1));
}

/**
 * The character at the parser's offset (both halves of a surrogate pair); at a line break or the end of the text,
 * where there is none, the last character of the line instead, so the range stays on the line the parser names.
 */
function errorRange(text: string, at: number): Range {
  const lines = new LineIndex(text);
  const breakAt = (i: number): boolean => i < 0 || i >= text.length || text[i] === '\n' || text[i] === '\r';
  if (!breakAt(at)) return lines.range(at, at + ((text.codePointAt(at) as number) > 0xffff ? 2 : 1));
  return lines.range(breakAt(at - 1) ? at : at - 1, at);
}

const KEY = /^(\s*)(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*=\s*/;

/** Each key's first `key = …` line among the table's lines: one pass, however many entry points the table holds. */
function keyLinesOf(lines: readonly string[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const m = KEY.exec(lines[i] as string);
    const key = m ? (m[2] ?? m[3] ?? m[4]) : undefined;
    if (key !== undefined && !out.has(key)) out.set(key, i);
  }
  return out;
}

/** Where the key and the value of `key = "value"` are on its line. */
function placeOf(l: string, i: number, value: string): { nameRange: Range; valueRange: Range } {
  const m = KEY.exec(l) as RegExpExecArray;
  const keyStart = (m[1] ?? '').length;
  const keyEnd = l.indexOf('=', keyStart);
  const v = l.indexOf(value, m[0].length);
  const vs = v >= 0 ? v : m[0].length;
  return {
    nameRange: line(i, keyStart, l.slice(0, keyEnd).trimEnd().length),
    valueRange: line(i, vs, v >= 0 ? v + value.length : l.trimEnd().length),
  };
}
