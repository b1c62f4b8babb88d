// Reads an error-free Python literal (the right-hand side of `STEP_NAMES = {...}`) straight from the
// text, producing exactly what the tree walk in facts.ts produces, without crossing into wasm for
// every node (that walk costs ~10 crossings per string). Anything it does not fully understand —
// names, calls, f-strings, splats, deep nesting — returns null and the caller walks the tree instead.
import type { Range } from '../types';
import { bareStr, dictPair, quotedStr, strLit, type DictEntry, type Lit } from '../literal';
import type { LineIndex } from '../text/lineIndex';
import { decodeBody } from './strings';
import { cutFrom } from '../util/cutStack';
import { intern } from '../util/intern';
import { spanAt } from '../text/positions';
import { isDigit, isNameChar } from './asciiChars';

const MAX_DEPTH = 60;

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
export function scanEntries(
  text: string,
  from: number,
  stop: number,
  close: number,
  lines: LineIndex,
): DictEntry[] | null | 'split' {
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
  constructor(
    protected readonly text: string,
    protected readonly end: number,
    protected readonly lines: LineIndex,
  ) {}

  protected abort(): never {
    throw new Abort();
  }
  protected range(a: number, b: number): Range {
    return this.lines.range(a, b);
  }

  /** Skips blanks, newlines, comments and line continuations (all allowed inside brackets). */
  skip(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) this.pos++;
      else if (c === 35) {
        while (this.pos < this.end && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++;
      } else if (c === 92 && (t.charCodeAt(this.pos + 1) === 10 || t.charCodeAt(this.pos + 1) === 13)) this.pos += 2;
      else break;
    }
  }

  value(depth: number): Lit {
    if (depth > MAX_DEPTH) this.abort();
    this.skip();
    const t = this.text;
    const from = this.pos;
    const c = t.charCodeAt(from);
    if (c === 123) return this.braces(depth); // {
    if (c === 91) return this.sequence(']', depth, from); // [
    if (c === 40) return this.parens(depth); // (
    if (c === 45 || c === 43) {
      // - +
      this.pos++;
      this.skip();
      const n = this.number();
      if (!n || n.kind !== 'num') this.abort();
      return { kind: 'num', value: c === 45 ? -n.value : n.value, int: n.int, range: this.range(from, this.pos) };
    }
    if (c === 84 && this.keyword('True')) return { kind: 'bool', value: true, range: this.lineRange(from, this.pos) };
    if (c === 70 && this.keyword('False')) return { kind: 'bool', value: false, range: this.lineRange(from, this.pos) };
    if (c === 78 && this.keyword('None')) return { kind: 'none', range: this.lineRange(from, this.pos) };
    const num = this.number();
    if (num) return num;
    return this.strings();
  }

  /** Steps over `word` when it is here, not followed by a letter, digit or `_`. */
  private keyword(word: string): boolean {
    if (!this.text.startsWith(word, this.pos) || isNameChar(this.text.charCodeAt(this.pos + word.length))) return false;
    this.pos += word.length;
    return true;
  }

  /**
   * A number as `0x1F`, `0o17`, `0b1`, `1_000`, `1.`, `1.5`, `.5` or `1e-5` (digits and `_` in any
   * order after the first digit), not followed by a letter, digit, `_` or `.`; else null.
   */
  protected number(): Lit | null {
    const t = this.text;
    const from = this.pos;
    let i = from;
    let int = true;
    const c = t.charCodeAt(i);
    const radix = c === 48 ? t.charCodeAt(i + 1) | 0x20 : 0; // 0x 0o 0b, either case
    if (radix === 120 || radix === 111 || radix === 98) {
      i += 2;
      while (isDigitIn(t.charCodeAt(i), radix)) i++;
      if (i === from + 2) return null;
    } else {
      if (isDigit(c)) {
        i = digitsFrom(t, i + 1);
        if (t.charCodeAt(i) === 46) {
          int = false;
          i = digitsFrom(t, i + 1);
        }
      } else if (c === 46 && isDigit(t.charCodeAt(i + 1))) {
        int = false;
        i = digitsFrom(t, i + 2);
      } else return null;
      const e = t.charCodeAt(i);
      if (e === 101 || e === 69) {
        const sign = t.charCodeAt(i + 1);
        const first = sign === 43 || sign === 45 ? i + 2 : i + 1;
        if (isDigit(t.charCodeAt(first))) {
          int = false;
          i = digitsFrom(t, first + 1);
        }
      }
    }
    const next = t.charCodeAt(i);
    if (isNameChar(next) || next === 46) return null;
    const raw = t.slice(from, i);
    const value = Number(raw.includes('_') ? raw.replace(/_/g, '') : raw);
    if (Number.isNaN(value)) this.abort();
    this.pos = i;
    return { kind: 'num', value, int, range: this.lineRange(from, i) };
  }

  /** One string, or several adjacent ones (implicit concatenation). */
  protected strings(): Lit {
    const from = this.pos;
    if (!this.string()) this.abort();
    const { bodyStart, bodyEnd, oneLine } = this;
    let value = this.body();
    let joined = false;
    for (;;) {
      const save = this.pos;
      this.skip();
      if (!this.atString()) {
        this.pos = save;
        break;
      }
      if (this.startsKeyBelow(from, this.pos)) {
        this.pos = save;
        this.splitKey();
        break;
      }
      this.string();
      value += this.body();
      joined = true;
    }
    if (joined) {
      return bareStr(value, this.range(from, this.pos));
    }
    if (!oneLine) {
      const inner = this.range(bodyStart, bodyEnd);
      return strLit(value, this.range(from, this.pos), inner);
    }
    // One line: both ranges from one lookup (no offset of it is in a surrogate pair or a line break).
    const line = this.lines.locate(from);
    const at = this.lines.column - from;
    const range = spanAt(line, at + from, line, at + this.pos);
    return bodyStart === from + 1 && bodyEnd === this.pos - 1
      ? quotedStr(value, range)
      : strLit(value, range, spanAt(line, at + bodyStart, line, at + bodyEnd));
  }

  /**
   * `range(from, to)` with one line lookup, for a token without a line break whose ends split no surrogate pair (its
   * first and last characters are ASCII).
   */
  private lineRange(from: number, to: number): Range {
    const line = this.lines.locate(from);
    const at = this.lines.column;
    return spanAt(line, at, line, at + to - from);
  }

  /**
   * The run of blanks last found before an offset: `[blankFrom, blankTo)` holds only blanks, and what
   * precedes it is not one. The recovery reader asks for columns at every offset of a run (its expression
   * skip, each level of nested unclosed brackets); without it each question read the run back from
   * there: 60 `[` and 60,000 spaces took 3.7 s (shared/repro R13).
   */
  private blankFrom = 0;
  private blankTo = 0;

  /** Column of `at` when only blanks precede it on its line, else -1 (in time amortised over a run of blanks). */
  protected columnIfLineStart(at: number): number {
    const t = this.text;
    let i = at - 1;
    while (i >= 0 && (t[i] === ' ' || t[i] === '\t')) {
      if (i >= this.blankFrom && i < this.blankTo) {
        i = this.blankFrom - 1;
        this.blankTo = Math.max(this.blankTo, at);
        break;
      }
      i--;
    }
    if (i + 1 !== this.blankFrom) {
      this.blankFrom = i + 1;
      this.blankTo = at;
    }
    return i < 0 || t[i] === '\n' || t[i] === '\r' ? at - i - 1 : -1;
  }

  /**
   * Whether the string at `next` starts a line no further right than the line of `first` is indented, and is followed
   * by ':'.
   */
  private startsKeyBelow(first: number, next: number): boolean {
    const b = this.columnIfLineStart(next);
    if (b === -1) return false;
    // The start of `first`'s line by the index, not read back along a line that may be long (strings
    // starting many lines below it would each read it again).
    const lineStart = this.lines.offset({ line: this.lines.locate(first), character: 0 });
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
  protected splitKey(): void {
    throw new SplitKey();
  }

  /** Where a string opens here: a quote, or one of `rRuU` and a quote. */
  private atString(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === 34 || c === 39) return true;
    if (c !== 114 && c !== 82 && c !== 117 && c !== 85) return false;
    const q = this.text.charCodeAt(this.pos + 1);
    return q === 34 || q === 39;
  }

  /**
   * The items and entries of the containers being read, innermost last, each container's cut off when it closes
   * (util/cutStack.ts).
   */
  private readonly items: Lit[] = [];
  private readonly pairs: DictEntry[] = [];

  /** Set by `string`: the offsets of the last string's body, and what it holds. */
  private bodyStart = 0;
  private bodyEnd = 0;
  private raw = false;
  private escaped = false;
  private oneLine = true;

  /** The value of the last string read by `string`. */
  private body(): string {
    const b = this.text.slice(this.bodyStart, this.bodyEnd);
    return intern(this.escaped && !this.raw ? decodeBody(b, false) : b);
  }

  /** Steps over the string that opens here (see `atString`) and notes its body; false when none opens here. */
  protected string(): boolean {
    const t = this.text;
    let i = this.pos;
    let q = t.charCodeAt(i);
    const raw = q === 114 || q === 82;
    if (raw || q === 117 || q === 85) q = t.charCodeAt(++i);
    if (q !== 34 && q !== 39) return false;
    const triple = t.charCodeAt(i + 1) === q && t.charCodeAt(i + 2) === q;
    i += triple ? 3 : 1;
    const bodyStart = i;
    let escaped = false;
    let oneLine = true;
    for (;;) {
      if (i >= this.end) this.abort();
      const c = t.charCodeAt(i);
      if (c === 92) {
        // \
        escaped = true;
        const n = t.charCodeAt(i + 1);
        // tree-sitter reads `\N{` up to the next `}` as one escape, past the closing quote (invalid Python).
        if (n === 78) this.abort();
        if (n === 10 || n === 13) oneLine = false;
        i += 2;
        continue;
      }
      if (c === q && (!triple || (t.charCodeAt(i + 1) === q && t.charCodeAt(i + 2) === q))) break;
      if (c === 10 || c === 13) {
        if (!triple) this.abort();
        oneLine = false;
      }
      i++;
    }
    this.pos = i + (triple ? 3 : 1);
    this.bodyStart = bodyStart;
    this.bodyEnd = i;
    this.raw = raw;
    this.escaped = escaped;
    this.oneLine = oneLine;
    return true;
  }

  private sequence(close: string, depth: number, from: number): Lit {
    this.pos++;
    const t = this.text;
    const closer = close.charCodeAt(0);
    const items = this.items;
    const mark = items.length;
    for (;;) {
      this.skip();
      if (t.charCodeAt(this.pos) === closer) break;
      items.push(this.value(depth + 1));
      this.skip();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      } // ,
      if (c !== closer) this.abort();
    }
    this.pos++;
    return { kind: 'list', items: cutFrom(items, mark), range: this.range(from, this.pos) };
  }

  /** `(x)` is x itself; `()`, `(x,)` and `(x, y)` are tuples. */
  private parens(depth: number): Lit {
    const from = this.pos;
    this.pos++;
    this.skip();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { kind: 'list', items: [], range: this.range(from, this.pos) };
    }
    const first = this.value(depth + 1);
    this.skip();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return first;
    }
    this.pos = from;
    return this.sequence(')', depth, from);
  }

  /** `{}` and `{k: v, …}` are dicts, `{a, b}` a set (read as a list). */
  private braces(depth: number): Lit {
    const from = this.pos;
    this.pos++;
    this.skip();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'dict', entries: [], range: this.range(from, this.pos) };
    }
    const key = this.value(depth + 1);
    this.skip();
    if (this.text.charCodeAt(this.pos) !== 58) {
      // not ':'
      this.pos = from;
      return this.sequence('}', depth, from);
    }
    const entries = this.entries(depth, -1, key);
    this.pos++;
    return { kind: 'dict', entries, range: this.range(from, this.pos) };
  }

  /**
   * A dict's entries from the head of its loop (after `{` or after an entry's comma) to its closing `}`,
   * where it stops; with `stop`, it stops instead where a loop head reaches that offset (a later entry's key).
   * `firstKey`: the first entry's key, already read (the loop goes on at its ':').
   */
  entries(depth: number, stop = -1, firstKey: Lit | null = null): DictEntry[] {
    const t = this.text;
    const entries = this.pairs;
    const mark = entries.length;
    let key = firstKey;
    for (;;) {
      if (key === null) {
        this.skip();
        if (this.pos === stop || t.charCodeAt(this.pos) === 125) return cutFrom(entries, mark); // }
        if (stop >= 0 && this.pos > stop) this.abort();
        key = this.value(depth + 1);
        this.skip();
        if (t.charCodeAt(this.pos) !== 58) this.abort(); // :
      }
      this.pos++;
      const value = this.value(depth + 1);
      entries.push(dictPair(key, value));
      key = null;
      this.skip();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      } // ,
      if (c !== 125) this.abort();
    }
  }
}

/** Past the digits and `_` from `i`. */
function digitsFrom(t: string, i: number): number {
  let c = t.charCodeAt(i);
  while (isDigit(c) || c === 95) c = t.charCodeAt(++i);
  return i;
}
/** A digit of base 16 (`radix` 'x'), 8 ('o') or 2 ('b'), or `_`. */
function isDigitIn(c: number, radix: number): boolean {
  if (c === 95) return true;
  if (radix === 98) return c === 48 || c === 49;
  if (radix === 111) return c >= 48 && c <= 55;
  return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}
