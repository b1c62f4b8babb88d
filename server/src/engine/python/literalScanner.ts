// Reads an error-free Python literal (the right-hand side of `STEP_NAMES = {...}`) straight from the
// text, producing exactly what the tree walk in facts.ts produces, without crossing into wasm for
// every node (that walk costs ~10 crossings per string). Anything it does not fully understand —
// names, calls, f-strings, splats, deep nesting — returns null and the caller walks the tree instead.
import type { Range } from '../types';
import type { DictEntry, Lit } from '../literal';
import type { LineIndex } from '../text/lineIndex';
import { decodeBody } from './strings';

const MAX_DEPTH = 60;
const NUMBER = /(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)(?![\w.])/y;
const KEYWORD = /(True|False|None)(?![\w])/y;
const STRING_START = /([rRuU]?)('''|"""|'|")/y;

export class Abort extends Error {}
/** Two strings on separate lines that Python would join into one key (`"A"` ⏎ `"B": {`): a ':' or ',' is missing. */
export class SplitKey extends Abort {}

/** The literal, null when the scanner does not fully understand it, 'split' when it holds a SplitKey. */
export function scanLiteral(text: string, start: number, end: number, lines: LineIndex): Lit | null | 'split' {
  const s = new Scanner(text, end, lines);
  try {
    s.pos = start;
    const v = s.value(0);
    s.skip();
    return s.pos === end ? v : null;
  } catch (e) {
    if (e instanceof SplitKey) return 'split';
    if (e instanceof Abort) return null;
    throw e;
  }
}

/**
 * The entries of a top-level dict literal (read by `scanLiteral` at depth 0) from `from`, the head of
 * its loop, to `stop`, where a later entry's key starts, or to its closing brace at `close` when `stop`
 * is -1: exactly the entries a scan of the whole dict reads there, or null (or 'split') when the text
 * between does not end exactly there as a run of entries.
 */
export function scanEntries(text: string, from: number, stop: number, close: number, lines: LineIndex): DictEntry[] | null | 'split' {
  const s = new Scanner(text, close + 1, lines);
  try {
    s.pos = from;
    const entries = s.entries(0, stop);
    return s.pos === (stop >= 0 ? stop : close) ? entries : null;
  } catch (e) {
    if (e instanceof SplitKey) return 'split';
    if (e instanceof Abort) return null;
    throw e;
  }
}

export class Scanner {
  pos = 0;
  constructor(protected readonly text: string, protected readonly end: number, protected readonly lines: LineIndex) {}

  protected abort(): never { throw new Abort(); }
  protected range(a: number, b: number): Range { return this.lines.range(a, b); }

  /** Skips blanks, newlines, comments and line continuations (all allowed inside brackets). */
  skip(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) this.pos++;
      else if (c === 35) { while (this.pos < this.end && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++; }
      else if (c === 92 && (t.charCodeAt(this.pos + 1) === 10 || t.charCodeAt(this.pos + 1) === 13)) this.pos += 2;
      else break;
    }
  }

  value(depth: number): Lit {
    if (depth > MAX_DEPTH) this.abort();
    this.skip();
    const t = this.text;
    const c = t[this.pos];
    const from = this.pos;
    if (c === '{') return this.braces(depth);
    if (c === '[') return this.sequence(']', depth, from);
    if (c === '(') return this.parens(depth);
    if (c === '-' || c === '+') {
      this.pos++;
      this.skip();
      const n = this.number();
      if (!n || n.kind !== 'num') this.abort();
      return { kind: 'num', value: c === '-' ? -n.value : n.value, int: n.int, range: this.range(from, this.pos) };
    }
    KEYWORD.lastIndex = this.pos;
    const kw = KEYWORD.exec(t);
    if (kw?.[1]) {
      this.pos += kw[1].length;
      const r = this.range(from, this.pos);
      return kw[1] === 'None' ? { kind: 'none', range: r } : { kind: 'bool', value: kw[1] === 'True', range: r };
    }
    const num = this.number();
    if (num) return num;
    return this.strings();
  }

  protected number(): Lit | null {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '') return null;
    const raw = m[0];
    const value = Number(raw.replace(/_/g, ''));
    if (Number.isNaN(value)) this.abort();
    const from = this.pos;
    this.pos += raw.length;
    const int = !/[.eE]/.test(raw) || /^0[xX]/.test(raw);
    return { kind: 'num', value, int, range: this.range(from, this.pos) };
  }

  /** One string, or several adjacent ones (implicit concatenation). */
  protected strings(): Lit {
    const from = this.pos;
    const parts: { value: string; inner: Range }[] = [];
    for (;;) {
      const s = this.string();
      if (!s) break;
      parts.push(s);
      const save = this.pos;
      this.skip();
      STRING_START.lastIndex = this.pos;
      if (!STRING_START.test(this.text)) { this.pos = save; break; }
      if (this.startsKeyBelow(from, this.pos)) { this.pos = save; this.splitKey(); break; }
    }
    if (parts.length === 0) this.abort();
    const r = this.range(from, this.pos);
    if (parts.length === 1) return { kind: 'str', value: (parts[0] as { value: string }).value, range: r, inner: (parts[0] as { inner: Range }).inner };
    return { kind: 'str', value: parts.map((p) => p.value).join(''), range: r, inner: r };
  }

  /** Column of `at` when only blanks precede it on its line, else -1. */
  protected columnIfLineStart(at: number): number {
    let i = at - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return i < 0 || this.text[i] === '\n' || this.text[i] === '\r' ? at - i - 1 : -1;
  }

  /** Whether the string at `next` starts a line no further right than the line of `first` is indented, and is followed by ':'. */
  private startsKeyBelow(first: number, next: number): boolean {
    const b = this.columnIfLineStart(next);
    if (b === -1) return false;
    let lineStart = first;
    while (lineStart > 0 && this.text[lineStart - 1] !== '\n' && this.text[lineStart - 1] !== '\r') lineStart--;
    let a = lineStart;
    while (this.text[a] === ' ' || this.text[a] === '\t') a++;
    if (b > a - lineStart) return false;
    return this.probe(() => {
      this.pos = next;
      this.string();
      while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
      return this.text[this.pos] === ':';
    });
  }

  /** A lookahead: what `test` answers (false where it aborts), with the position restored afterwards. */
  protected probe(test: () => boolean): boolean {
    const save = this.pos;
    try {
      return test();
    } catch (e) {
      if (e instanceof Abort) return false;
      throw e;
    } finally {
      this.pos = save;
    }
  }

  /** Python would join the two strings; the strict reader gives up (the tolerant one stops before the second). */
  protected splitKey(): void { throw new SplitKey(); }

  protected string(): { value: string; inner: Range } | null {
    STRING_START.lastIndex = this.pos;
    const m = STRING_START.exec(this.text);
    if (!m) return null;
    const prefix = m[1] ?? '';
    const quote = m[2] ?? '';
    const bodyStart = this.pos + m[0].length;
    let i = bodyStart;
    const t = this.text;
    const q = quote.charCodeAt(0);
    const single = quote.length === 1;
    for (;;) {
      if (i >= this.end) this.abort();
      const c = t.charCodeAt(i);
      if (c === 92) { i += 2; continue; } // \\
      if (c === q && (single || t.startsWith(quote, i))) break;
      if (single && (c === 10 || c === 13)) this.abort();
      i++;
    }
    this.pos = i + quote.length;
    return { value: decodeBody(t.slice(bodyStart, i), prefix.toLowerCase() === 'r'), inner: this.range(bodyStart, i) };
  }

  private sequence(close: string, depth: number, from: number): Lit {
    this.pos++;
    const items: Lit[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === close) break;
      items.push(this.value(depth + 1));
      this.skip();
      if (this.text[this.pos] === ',') { this.pos++; continue; }
      if (this.text[this.pos] !== close) this.abort();
    }
    this.pos++;
    return { kind: 'list', items: fitted(items), range: this.range(from, this.pos) };
  }

  /** `(x)` is x itself; `()`, `(x,)` and `(x, y)` are tuples. */
  private parens(depth: number): Lit {
    const from = this.pos;
    this.pos++;
    this.skip();
    if (this.text[this.pos] === ')') { this.pos++; return { kind: 'list', items: [], range: this.range(from, this.pos) }; }
    const first = this.value(depth + 1);
    this.skip();
    if (this.text[this.pos] === ')') { this.pos++; return first; }
    this.pos = from;
    return this.sequence(')', depth, from);
  }

  /** `{}` and `{k: v, …}` are dicts, `{a, b}` a set (read as a list). */
  private braces(depth: number): Lit {
    const from = this.pos;
    this.pos++;
    this.skip();
    if (this.text[this.pos] === '}') { this.pos++; return { kind: 'dict', entries: [], range: this.range(from, this.pos) }; }
    const firstKey = this.pos;
    this.value(depth + 1);
    this.skip();
    const isDict = this.text[this.pos] === ':';
    this.pos = isDict ? firstKey : from;
    if (!isDict) return this.sequence('}', depth, from);
    const entries = this.entries(depth);
    this.pos++;
    return { kind: 'dict', entries, range: this.range(from, this.pos) };
  }

  /**
   * A dict's entries from the head of its loop (after `{` or after an entry's comma) to its closing `}`,
   * where it stops; with `stop`, it stops instead where a loop head reaches that offset (a later entry's key).
   */
  entries(depth: number, stop = -1): DictEntry[] {
    const entries: DictEntry[] = [];
    for (;;) {
      this.skip();
      if (this.pos === stop || this.text[this.pos] === '}') return fitted(entries);
      if (stop >= 0 && this.pos > stop) this.abort();
      const keyFrom = this.pos;
      const key = this.value(depth + 1);
      this.skip();
      if (this.text[this.pos] !== ':') this.abort();
      this.pos++;
      const value = this.value(depth + 1);
      entries.push({ key, value, range: this.range(keyFrom, this.pos) });
      this.skip();
      if (this.text[this.pos] === ',') { this.pos++; continue; }
      if (this.text[this.pos] !== '}') this.abort();
    }
  }
}

/**
 * The same list without the spare room `push` left (V8 grows a small array to 17 slots): the literals
 * of 27,000 entries are kept for the session, a few items each.
 */
function fitted<T>(xs: T[]): T[] {
  return xs.slice();
}
