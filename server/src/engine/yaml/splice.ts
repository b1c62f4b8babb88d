// Re-reads a large YAML file after an edit without parsing it whole again (a 500 KB ONEX registry or
// `.onextree` costs ~0.4 s to parse): the block-collection children the edit touched are parsed alone,
// each from its own lines, and put in place of the old ones; children after the edit move by the lines
// it added or removed. It answers only where the result is exactly what `parseYamlLit` gives for the
// whole new text, and null everywhere else (then the file is read whole): the previous read was clean
// (no syntax error, no custom tag), neither text has a `\r`, a directive or a document marker, the
// re-read lines hold no anchor, alias, tag, tab or line starting with its colon, every line of a
// re-read child but its first is indented deeper than the child (so the lines around it cannot change
// how it reads), and each re-read child reads cleanly as exactly one child of the same kind at the same place.
import type { Position, Range } from '../types';
import { dictPair, litCopiedOutOfText, strLit, type DictEntry, type Lit } from '../literal';
import { parseYamlDocs, parseYamlLit, type YamlDocFacts, type YamlFacts } from './yamlLit';
import { commonEnds } from '../text/commonEnds';
import { newlineStarts } from '../text/lineIndex';
import { span, spanAt } from '../text/positions';

/** Far below yamlLit's depth limit (64): a child read alone starts at depth 0 where it was deeper in the file. */
const MAX_SPLICE_DEPTH = 40;

interface Lines {
  text: string;
  starts: number[];
}

export function spliceYaml(
  before: string,
  prev: YamlFacts,
  after: string,
  opts: { pyyaml?: boolean } = {},
): YamlFacts | null {
  const root = prev.value;
  if (!root || prev.errors.length > 0 || prev.tagWarnings.length > 0 || !isBlock(root)) return null;
  if (before === after) return prev;
  if (before.includes('\r') || after.includes('\r') || /^(?:%|---|\.\.\.)/m.test(after)) return null;
  const old = lines(before);
  const now = lines(after);
  const [start, tail] = commonEnds(before, after);
  const s: Splicer = { old, now, delta: now.starts.length - old.starts.length, opts };
  const value = node(s, root, 0, old.starts.length, lineOf(old, start), lineOf(old, before.length - tail) + 1, 0);
  return value ? { value, errors: [], tagWarnings: [], errorZones: [] } : null;
}

interface Splicer {
  old: Lines;
  now: Lines;
  delta: number;
  opts: { pyyaml?: boolean };
}

function lines(text: string): Lines {
  return { text, starts: newlineStarts(text) };
}

function lineOf(l: Lines, offset: number): number {
  let lo = 0;
  let hi = l.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((l.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of lines [from, to) (with their line breaks). */
function slice(l: Lines, from: number, to: number): string {
  return l.text.slice(l.starts[from] ?? l.text.length, l.starts[to] ?? l.text.length);
}

function isBlock(n: Lit): n is Extract<Lit, { kind: 'list' | 'dict' }> {
  return (n.kind === 'list' && n.items.length > 0) || (n.kind === 'dict' && n.entries.length > 0);
}

type Child = Lit | DictEntry;

function childStart(c: Child): Position {
  return 'key' in c ? c.key.range.start : c.range.start;
}

/**
 * The block collection `n` (its children on old lines [from, to), at depth `depth`) after an edit of
 * old lines [editFrom, editTo) within them: every other line is unchanged, those from `editTo` on moved
 * by `s.delta`. The children the edit touched are spliced one by one, else read again together (with
 * the one before them, when an edit at a child's first line may belong to the end of the previous one).
 * Null when it cannot be told without reading more than `n`'s lines.
 */
function node(
  s: Splicer,
  n: Lit,
  from: number,
  to: number,
  editFrom: number,
  editTo: number,
  depth: number,
): Lit | null {
  if (!isBlock(n) || depth > MAX_SPLICE_DEPTH) return null;
  const kids: Child[] = n.kind === 'list' ? n.items : n.entries;
  const col = n.range.start.character;
  const list = n.kind === 'list';
  const starts = kids.map((k) => childStart(k).line);
  // Children start on lines of their own, in order, at the collection's column (a list item right after its dash).
  for (let i = 0; i < kids.length; i++) {
    const st = childStart(kids[i] as Child);
    if ((i > 0 && st.line <= (starts[i - 1] as number)) || !startsLine(s.old, st, col, list, true)) return null;
  }
  const firstLine = starts[0] as number;
  if (editFrom < firstLine || editTo > to) return null;
  const end = (i: number): number => starts[i + 1] ?? to;
  let a = 0;
  while (end(a) <= editFrom) a++;
  let b = a;
  while (end(b) < editTo) b++;
  // A mapping that is a list item has its first key after the dash: only the list can read that line again.
  const fromLine = (i: number): number | null =>
    i === 0 && !startsLine(s.old, childStart(kids[0] as Child), col, list, false) ? null : (starts[i] as number);
  let lo = a;
  let put =
    a === b
      ? spliced(s, kids[a] as Child, starts[a] as number, end(a), editFrom, editTo, depth)
      : s.delta === 0
        ? eachOf(s, n, kids, fromLine, a, b, end, depth)
        : null;
  put ??= reread(s, n, fromLine(a), end(b) + s.delta, depth);
  if (!put && a > 0) put = reread(s, n, fromLine((lo = a - 1)), end(b) + s.delta, depth);
  if (!put) return null;
  const out = [...kids.slice(0, lo), ...put, ...kids.slice(b + 1).map((k) => shiftChild(k, s.delta))];
  const last = out[out.length - 1] as Child;
  const range = span(n.range.start, last.range.end);
  return list ? { kind: 'list', items: out as Lit[], range } : { kind: 'dict', entries: out as DictEntry[], range };
}

/** Children a..b when no line came or went: each told apart by its own lines, kept when they are equal. */
function eachOf(
  s: Splicer,
  n: Lit,
  kids: Child[],
  fromLine: (i: number) => number | null,
  a: number,
  b: number,
  end: (i: number) => number,
  depth: number,
): Child[] | null {
  const out: Child[] = [];
  for (let i = a; i <= b; i++) {
    const f = childStart(kids[i] as Child).line;
    const was = slice(s.old, f, end(i));
    const is = slice(s.now, f, end(i));
    if (was === is) {
      out.push(kids[i] as Child);
      continue;
    }
    // The lines that differ within this child (the same lines in both texts).
    const [start, tail] = commonEnds(was, is);
    const base = s.old.starts[f] as number;
    const c = spliced(
      s,
      kids[i] as Child,
      f,
      end(i),
      lineOf(s.old, base + start),
      lineOf(s.old, base + was.length - tail) + 1,
      depth,
    );
    const put = c ?? reread(s, n, fromLine(i), end(i), depth);
    if (!put) return null;
    out.push(...put);
  }
  return out;
}

/**
 * Whether a child starting at `pos` is the first thing on its line: a list item right after its dash at
 * the list's column, a key at the mapping's column (after a dash when the mapping is a list item and `item`).
 */
function startsLine(l: Lines, pos: Position, col: number, list: boolean, item: boolean): boolean {
  const before = l.text.slice(l.starts[pos.line] ?? 0, (l.starts[pos.line] ?? 0) + pos.character);
  return list
    ? new RegExp(`^ {${col}}- +$`).test(before)
    : pos.character === col && (item ? /^ *(?:- +)?$/ : /^ *$/).test(before);
}

/** A child whose value is a block collection, with that value spliced (null when it is not, or cannot be). */
function spliced(
  s: Splicer,
  c: Child,
  from: number,
  to: number,
  editFrom: number,
  editTo: number,
  depth: number,
): Child[] | null {
  const inner = 'key' in c ? c.value : c;
  const v = isBlock(inner) ? node(s, inner, from, to, editFrom, editTo, depth + 1) : null;
  if (!v) return null;
  return ['key' in c ? dictPair(c.key, v, span(c.range.start, v.range.end)) : v];
}

/**
 * The children of `n` on new lines [from, to), read alone; null unless they read cleanly as one or more
 * children of the same kind, each starting a line at `n`'s column (the first on the first line), and no
 * line is less indented (nor, in a list, a line at its column other than an item's dash).
 */
function reread(s: Splicer, n: Lit, from: number | null, to: number, depth: number): Child[] | null {
  if (from === null) return null;
  const text = slice(s.now, from, to);
  // A line that starts with its colon (an empty key, or a key continued from the line above) is placed by the
  // parser from the lines before it, which a child read alone lacks.
  if (/[\t&*!]/.test(text) || /^ *:(?:[ \n]|$)/m.test(text)) return null;
  const col = n.range.start.character;
  const list = n.kind === 'list';
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as string;
    const indent = /^ */.exec(r)?.[0].length ?? 0;
    if (i > 0 && (indent === r.length || r[indent] === '#')) continue;
    if (indent > col && i > 0) continue;
    if (indent !== col) return null;
    // At the column: a list's item dash, a mapping's key (or, after the first line, a compact list under the key
    // above).
    if (list ? !/^- +[^ #]/.test(r.slice(col)) : /^[#?]|^- ?$/.test(r.slice(col)) || (i === 0 && r[col] === '-'))
      return null;
  }
  const facts = parseYamlLit(text, s.opts);
  const v = facts.value;
  if (
    facts.errors.length > 0 ||
    facts.tagWarnings.length > 0 ||
    !v ||
    v.kind !== n.kind ||
    v.range.start.line !== 0 ||
    v.range.start.character !== col
  )
    return null;
  // Copied out of the new text: a kept child's strings, views into it, would keep that whole version alive.
  litCopiedOutOfText(v);
  const kids: Child[] = v.kind === 'list' ? v.items : v.kind === 'dict' ? v.entries : [];
  const own = lines(text);
  for (const k of kids) {
    if (
      !startsLine(own, childStart(k), col, list, false) ||
      litDepth('key' in k ? k.value : k) + depth + 1 > MAX_SPLICE_DEPTH
    )
      return null;
  }
  return kids.length > 0 && childStart(kids[0] as Child).line === 0 ? kids.map((k) => shiftChild(k, from)) : null;
}

function litDepth(n: Lit): number {
  if (n.kind === 'list') return 1 + Math.max(0, ...n.items.map(litDepth));
  if (n.kind === 'dict') return 1 + Math.max(0, ...n.entries.map((e) => Math.max(litDepth(e.key), litDepth(e.value))));
  return 0;
}

function shiftChild(c: Child, by: number): Child {
  if ('key' in c) return dictPair(shift(c.key, by), shift(c.value, by), shiftRange(c.range, by));
  return shift(c, by);
}

function shiftRange(r: Range, by: number): Range {
  return spanAt(r.start.line + by, r.start.character, r.end.line + by, r.end.character);
}

/** The node moved down by `by` lines. */
function shift(n: Lit, by: number): Lit {
  if (by === 0) return n;
  const range = shiftRange(n.range, by);
  switch (n.kind) {
    case 'str':
      return strLit(n.value, range, shiftRange(n.inner, by));
    case 'list':
      return { kind: 'list', items: n.items.map((i) => shift(i, by)), range };
    case 'dict':
      return { kind: 'dict', entries: n.entries.map((e) => shiftChild(e, by) as DictEntry), range };
    default:
      return { ...n, range };
  }
}

/** A YAML text and what `parseYamlLit` read of it: what the next read of an edit starts from. */
export interface YamlReadFrom {
  text: string;
  facts: YamlFacts;
}

/** `parseYamlLit(text)`, spliced from the previous read when it can be. */
export function readYamlLit(text: string, previous?: YamlReadFrom): YamlFacts {
  return (previous ? spliceYaml(previous.text, previous.facts, text) : null) ?? parseYamlLit(text);
}

/** A YAML text and what `parseYamlDocs` read of it. */
export interface YamlDocsFrom {
  text: string;
  docs: YamlDocFacts[];
}

/** `parseYamlDocs(text)`, spliced from the previous read when it was one document without a `---` line. */
export function readYamlDocs(text: string, previous?: YamlDocsFrom): YamlDocFacts[] {
  const was = previous?.docs.length === 1 ? previous.docs[0] : undefined;
  const spliced = was && was.marker === null && previous ? spliceYaml(previous.text, was, text) : null;
  return spliced ? [{ ...spliced, marker: null }] : parseYamlDocs(text);
}
