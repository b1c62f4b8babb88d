// Reads a registry literal that does not parse — the file being typed — keeping every entry that can
// be read. tree-sitter's error recovery often swallows the whole statement (a missing comma between two
// entries makes one ERROR node of the file), so the literal is re-read from the text by a scanner that
// resynchronises at each container level on `,`, the closing bracket, and indentation (a key that
// starts a line left of the entries of an unclosed dict ends that dict), and reports each mistake once,
// on the few characters where it is.
import type { Range } from '../types';
import { dictPair, strLit, type DictEntry, type Lit } from '../literal';
import type { LineIndex } from '../text/lineIndex';
import { Abort, Scanner } from './literalScanner';

export interface Recovered {
  value: Lit;
  /** Offset just after the literal (or where reading stopped). */
  end: number;
  errors: { range: Range; message: string }[];
}

const MAX_DEPTH = 60;
const MAX_ERRORS = 50;
const IDENT_START = /[A-Z_@]/i;
const OPENERS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
/** How far into its line a key that lost a quote is looked for (quoteLostKey). */
const KEY_REACH = 400;
/**
 * `Name": ` (the opening quote lost), matched in place. Its classes hold no line break, and its only match is the
 * whole run of name characters, so runs bounded by KEY_REACH find every match that ends within reach.
 */
const OPEN_LOST = /([A-Z_][\w .!-]{0,400})(['"])[ \t]{0,400}:/iy;

/** Reads the literal starting at `start` (a `{`, `[` or `(`), never throwing. */
export function recoverLiteral(text: string, start: number, lines: LineIndex): Recovered {
  const s = new Tolerant(text, text.length, lines);
  s.pos = start;
  const value = (s.missingBrace(-1) ? s.openless(0, -1) : s.item(0, -1)) ?? {
    kind: 'other',
    text: '',
    range: lines.range(start, start),
  };
  return { value, end: s.pos, errors: s.errors };
}

class Tolerant extends Scanner {
  protected override splitKey(): void {
    // Read as two keys: the container then reports the ':' missing after the first.
  }

  readonly errors: { range: Range; message: string }[] = [];
  /** Set when the last container read was left unclosed (its end is already reported). */
  private unclosed = false;

  private report(from: number, to: number, message: string): void {
    if (this.errors.length >= MAX_ERRORS) return;
    const a = Math.min(from, this.text.length);
    this.errors.push({ range: this.range(a, Math.max(a, this.lineEnd(a, to))), message: `Syntax error: ${message}` });
  }

  /** The end of the line `at` is on, or `limit` if that comes first (callers bound the search: lines can be long). */
  private lineEnd(at: number, limit = this.end): number {
    let i = at;
    const stop = Math.min(limit, this.end);
    while (i < stop && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }

  /** A new top-level statement (`NAME = …`, `def`, `class`) at column 0: every open container ended before it. */
  private atStatement(at: number): boolean {
    return IDENT_START.test(this.text[at] ?? '') && this.columnIfLineStart(at) === 0;
  }

  /** Whether an item at `at` belongs outside a container whose items sit right of column `outer`. */
  private leftOf(at: number, outer: number): boolean {
    const col = this.columnIfLineStart(at);
    return this.atStatement(at) || (col !== -1 && col <= outer);
  }

  /** One value; null (nothing consumed) when none starts here. */
  item(depth: number, outer: number): Lit | null {
    this.unclosed = false;
    this.skip();
    const c = this.text[this.pos];
    if (c === undefined || this.pos >= this.end) return null;
    const from = this.pos;
    if (depth > MAX_DEPTH) {
      this.skipExpression();
      return { kind: 'other', text: '…', range: this.range(from, this.pos) };
    }
    if (c === '{') return this.container(depth, outer, '}');
    if (c === '[') return this.container(depth, outer, ']');
    if (c === '(') return this.container(depth, outer, ')');
    if (c === '}' || c === ']' || c === ')' || c === ',' || c === ':') return null;
    let atom: Lit | null = null;
    try {
      atom = this.scalar(c, from);
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
      this.pos = from;
      if (/^[ru]?['"]/i.test(this.text.slice(from, from + 2))) {
        const eol = this.lineEnd(from);
        this.report(from, eol, 'unterminated string');
        this.pos = eol;
        this.unclosed = true;
        return { kind: 'other', text: this.text.slice(from, eol), range: this.range(from, eol) };
      }
    }
    // Anything that continues the atom (`+ x`, `.format()`, a name, a call) is an expression, never evaluated.
    const after = this.pos;
    this.skipInline();
    // `"Key" {` is never an expression: the ':' between them was lost.
    if (atom && (this.atSeparator() || this.text[this.pos] === '{')) {
      this.pos = after;
      return atom;
    }
    this.pos = atom ? after : from;
    this.skipExpression();
    if (this.pos === from) {
      this.pos++;
      return { kind: 'other', text: c, range: this.range(from, this.pos) };
    }
    const t = this.text.slice(from, this.pos).trim();
    return {
      kind: 'other',
      text: t.length > 120 ? `${t.slice(0, 117)}...` : t,
      range: this.range(from, from + t.length),
    };
  }

  /** A number, keyword or string (the strict scanner's; an unterminated string throws Abort), else null. */
  private scalar(c: string, from: number): Lit | null {
    if (c === '-' || c === '+' || /[\d.]/.test(c)) return this.value(MAX_DEPTH);
    if (/['"]/.test(c) || (/[ru]/i.test(c) && /['"]/.test(this.text[from + 1] ?? ''))) return this.strings();
    if (/[TFN]/.test(c)) {
      const m = /(?:True|False|None)\b/y;
      m.lastIndex = from;
      if (m.test(this.text)) return this.value(MAX_DEPTH);
    }
    return null;
  }

  /** Blanks on the current line only. */
  private skipInline(): void {
    while (this.pos < this.end && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
  }

  private atSeparator(): boolean {
    const c = this.text[this.pos];
    return (
      c === undefined ||
      this.pos >= this.end ||
      c === ',' ||
      c === ':' ||
      c === '}' ||
      c === ']' ||
      c === ')' ||
      c === '\n' ||
      c === '\r' ||
      c === '#'
    );
  }

  /** Skips an expression up to a `,`, `:` or closing bracket of this level, or the end of its line (iteratively). */
  private skipExpression(): void {
    const closers: string[] = [];
    const t = this.text;
    while (this.pos < this.end) {
      const c = t[this.pos] as string;
      if (
        closers.length === 0 &&
        (c === ',' || c === ':' || c === '}' || c === ']' || c === ')' || c === '\n' || c === '\r' || c === '#')
      )
        return;
      if (closers.length > 0 && this.atStatement(this.pos)) return;
      if (c === '"' || c === "'") {
        const from = this.pos;
        try {
          this.string();
        } catch (e) {
          if (!(e instanceof Abort)) throw e;
          this.pos = Math.max(this.lineEnd(from), from + 1);
        }
        continue;
      }
      const close = OPENERS[c];
      if (close) closers.push(close);
      else if (c === closers[closers.length - 1]) closers.pop();
      else if (c === '#') {
        this.pos = this.lineEnd(this.pos);
        continue;
      }
      this.pos++;
    }
  }

  /**
   * `{…}` (a dict, or a set read as a list), `[…]` or `(…)`. Items left of `outer` (the column of the
   * enclosing container's items) or a new statement end an unclosed container, reported at its bracket.
   */
  private container(depth: number, outer: number, close: string, virtualOpen = false): Lit {
    const from = this.pos;
    if (virtualOpen) this.report(from, from + 1, "'{' expected before this entry");
    else this.pos++;
    const entries: DictEntry[] = [];
    const items: Lit[] = [];
    let isDict: boolean | null = close === '}' ? null : false;
    let itemCol = outer;
    let closed = false;
    /**
     * After an item (a `,` or the bracket is due), at the start, or after a reported mistake (stay quiet until the next
     * item).
     */
    let state: 'start' | 'item' | 'error' = 'start';
    let prevEnd = from + 1;
    let prevUnclosed = false;
    let reach = from + 1;
    for (;;) {
      this.skip();
      const c = this.text[this.pos];
      if (c === undefined || this.pos >= this.end) break;
      if (c === close) {
        // A closer on its own line as far right as the items closes an entry whose opener was lost, not this
        // container — unless what follows it belongs outside (auto-indent leaves the last closer there).
        if (
          !virtualOpen &&
          itemCol > outer &&
          itemCol > 0 &&
          this.columnIfLineStart(this.pos) >= itemCol &&
          !this.endsHere(outer)
        ) {
          this.report(this.pos, this.pos + 1, `unexpected '${c}'`);
          reach = ++this.pos;
          state = 'error';
          continue;
        }
        this.pos++;
        closed = true;
        break;
      }
      if (c === '}' || c === ']' || c === ')') {
        // A closer of another kind in mid-line is a stray one (its opener was deleted): skip it here.
        if (this.columnIfLineStart(this.pos) !== -1) break;
        this.report(this.pos, this.pos + 1, `unexpected '${c}'`);
        reach = ++this.pos;
        continue;
      }
      if (this.leftOf(this.pos, outer)) break;
      if (c === ',') {
        if (state === 'start') this.report(this.pos, this.pos + 1, "unexpected ','");
        state = 'start';
        reach = ++this.pos;
        continue;
      }
      if (state === 'item' && !prevUnclosed)
        this.report(prevEnd - 1, prevEnd, isDict ? "missing ',' between entries" : "missing ',' between items");
      const itemFrom = this.pos;
      const col = this.columnIfLineStart(itemFrom);
      if (col !== -1 && itemCol === outer) itemCol = col;
      const key = this.quoteLostKey() ?? this.item(depth + 1, itemCol);
      const broken = this.unclosed;
      if (key === null) {
        this.report(this.pos, this.pos + 1, `unexpected '${this.text[this.pos] ?? ''}'`);
        reach = ++this.pos;
        state = 'error';
        continue;
      }
      reach = this.pos;
      this.skip();
      const colon = this.text[this.pos] === ':';
      // `"Key" {` on one line: a dict entry whose ':' was lost (a set never looks like this).
      const keyEnd = this.endOf(key);
      const colonLost = !colon && key.kind === 'str' && this.valueFollows(keyEnd);
      // The first `key:` decides a dict (a key with its ':' lost counts: a value or the next key follows);
      // items before it were keys being typed, and a `{…}` without any is a set.
      if (isDict === null && (colon || colonLost || (key.kind === 'str' && this.missingBrace(-1)))) {
        isDict = true;
        const loose = items[0];
        if (loose) this.report(this.endOf(loose) - 1, this.endOf(loose), "':' expected after the key");
        items.length = 0;
      }
      if (!isDict) {
        if (colon) {
          this.report(this.pos, this.pos + 1, "unexpected ':'");
          this.pos++;
        }
        items.push(key);
        prevEnd = this.endOf(key);
        prevUnclosed = broken;
        state = 'item';
        continue;
      }
      if (!colon) {
        if (!broken) this.report(keyEnd - 1, keyEnd, "':' expected after the key");
        this.pos = keyEnd;
        if (colonLost) {
          const value = this.item(depth + 1, itemCol);
          if (value) {
            entries.push(dictPair(key, value, this.range(itemFrom, this.endOf(value))));
            reach = this.pos;
            prevEnd = this.endOf(value);
            prevUnclosed = true;
            state = 'item';
            continue;
          }
        }
        this.skipExpression();
        reach = this.pos;
        state = 'error';
        continue;
      }
      const colonAt = this.pos;
      reach = ++this.pos;
      this.skip();
      const value =
        this.pos >= this.end || this.leftOf(this.pos, itemCol) || this.atSeparator()
          ? null
          : this.missingBrace(itemCol)
            ? this.openless(depth + 1, itemCol)
            : this.item(depth + 1, itemCol);
      if (value === null) {
        if (!broken) this.report(colonAt, colonAt + 1, 'value expected');
        // The key stays, with no value: the field is being typed, not missing.
        entries.push(
          dictPair(
            key,
            { kind: 'other', text: '', range: this.range(colonAt, colonAt + 1) },
            this.range(itemFrom, colonAt + 1),
          ),
        );
        this.pos = reach;
        state = 'error';
        continue;
      }
      reach = this.pos;
      entries.push(dictPair(key, value, this.range(itemFrom, this.endOf(value))));
      prevEnd = this.endOf(value);
      prevUnclosed = broken || this.unclosed;
      state = 'item';
    }
    if (!closed && !virtualOpen) this.report(from, from + 1, `'${this.text[from] ?? ''}' was never closed`);
    if (!closed) this.pos = reach;
    this.unclosed = !closed;
    const r = this.range(from, this.pos);
    if (isDict || (isDict === null && close === '}')) return { kind: 'dict', entries, range: r };
    if (close === ')' && items.length === 1 && closed && !/,\s*\)$/.test(this.text.slice(from, this.pos)))
      return items[0] as Lit;
    return { kind: 'list', items, range: r };
  }

  /**
   * A key that lost one of its quotes — `Name": {` or `"Name: {` — read as the key it was, so the
   * entry (and those after it) stay in place. Null (nothing consumed) for anything else.
   */
  private quoteLostKey(): Lit | null {
    const from = this.pos;
    const reach = Math.min(from + KEY_REACH, this.end);
    OPEN_LOST.lastIndex = from;
    const found = OPEN_LOST.exec(this.text);
    const open = found !== null && OPEN_LOST.lastIndex <= reach ? found : null;
    // A key that lost its closing quote starts with one: only then is its line read (the run of items of a long
    // broken line would each read KEY_REACH characters).
    const quoted = this.text[from] === '"' || this.text[from] === "'";
    const line = quoted ? this.text.slice(from, this.lineEnd(from, reach)) : '';
    const close = quoted ? /^(['"])((?:[^'"]*?[^'" \t])?)[ \t]*:[ \t]*(?=[{[\d-]|True|False|None|$)/.exec(line) : null;
    const m = open ? { name: open[1] ?? '', start: from, end: from + (open[1] ?? '').length + 1, missing: from } : null;
    const n =
      !m && close && (/^[ \t]*[{[]/.test(line.slice(close[0].length)) || !line.slice(1).includes(close[1] ?? ''))
        ? {
            name: close[2] ?? '',
            start: from + 1,
            end: from + 1 + (close[2] ?? '').length,
            missing: from + 1 + (close[2] ?? '').length,
          }
        : null;
    const k = m ?? n;
    if (!k) return null;
    this.report(Math.max(from, k.missing - 1), k.missing + 1, open ? 'opening quote missing' : 'closing quote missing');
    this.pos = k.end;
    this.unclosed = true;
    const r = this.range(from, k.end);
    return strLit(k.name, r, this.range(k.start, k.start + k.name.length));
  }

  /**
   * Whether a dict starts here without its `{` (deleted): a string and `:` on a line of its own, to the
   * right of the enclosing items (`outer`).
   */
  missingBrace(outer: number): boolean {
    return this.probe(() => {
      this.skip();
      const col = this.columnIfLineStart(this.pos);
      if (col === -1 || col <= outer || !/['"]/.test(this.text[this.pos] ?? '')) return false;
      this.string();
      this.skipInline();
      return this.text[this.pos] === ':';
    });
  }

  /**
   * Whether the closer at `pos` is its container's own: after it (and a `,`) comes the end, another
   * closer, or a line left of the container's items (`outer`) or a new statement.
   */
  private endsHere(outer: number): boolean {
    return this.probe(() => {
      this.pos++;
      this.skip();
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skip();
      }
      const c = this.text[this.pos];
      return (
        c === undefined || this.pos >= this.end || c === '}' || c === ']' || c === ')' || this.leftOf(this.pos, outer)
      );
    });
  }

  /** Whether a dict starts after `at`, on the same line. */
  private valueFollows(at: number): boolean {
    let i = at;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return i > at && this.text[i] === '{';
  }

  /** A dict whose `{` is missing, read from its first key. */
  openless(depth: number, outer: number): Lit {
    this.skip();
    return this.container(depth, outer, '}', true);
  }

  private endOf(v: Lit): number {
    return this.lines.offset(v.range.end);
  }
}
