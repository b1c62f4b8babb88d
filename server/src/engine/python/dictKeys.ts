// A registry file's top-level dict literals read for their keys alone: where the strings keying their
// entries lie and which entries hold a string, with no literal built (no node, range or string per key
// and value: what reading a workspace registry whole costs), a string copied out only when asked. It reads a subset of
// what the strict
// scanner of the skeleton reads (skeleton.ts) — plain one-line strings without escapes, decimal numbers,
// True/False/None, dicts, lists and tuples, comments — and declines the rest, so a literal it reads is
// one the skeleton leaves out too, ending at the same offset: the top-level statements are then judged
// by the skeleton's own code (`skeletonWith`, `plainStatements`), as `parsePythonFacts` judges them.
import { normalizeLoneCr } from '../text/lineIndex';
import { plainStatements, skeletonWith, type LeftOut } from './skeleton';
import { isDigit, isNameChar } from './asciiChars';
import { stringCopier } from '../util/detachStrings';

/**
 * A top-level literal as the keys reader sees it: whether it is a dict (else a list), and its entries'
 * keys and values where they are strings, each given as a string of its own (no view into the text,
 * which can go: util/detachStrings.ts).
 */
export class KeysOf {
  constructor(
    private readonly text: string,
    readonly dict: boolean,
    /** Four offsets per entry: the content of its key when a string, then its value's; -1, -1 where not. */
    private readonly spans: readonly number[],
    private readonly copy: (s: string) => string,
  ) {}

  get size(): number {
    return this.spans.length / 4;
  }
  /** Entry `i`'s key when it is a string, else null. */
  key(i: number): string | null {
    return this.at(4 * i);
  }
  /** Entry `i`'s value when it is a string, else null. */
  value(i: number): string | null {
    return this.at(4 * i + 2);
  }
  /** Whether entry `i`'s key is the string `s` (without copying it). */
  keyIs(i: number, s: string): boolean {
    const from = this.spans[4 * i] as number;
    return from >= 0 && (this.spans[4 * i + 1] as number) - from === s.length && this.text.startsWith(s, from);
  }

  private at(k: number): string | null {
    const from = this.spans[k] as number;
    return from < 0 ? null : this.copy(this.text.slice(from, this.spans[k + 1]));
  }
}

/**
 * The top-level assignments of a registry file (the last of each name) whose literals the skeleton
 * reads without a parse, each read for its keys; null when the file holds anything else (then
 * `parsePythonFacts` parses, or the keys reader declines a literal).
 */
export function dictKeys(rawText: string): Map<string, KeysOf> | null {
  // skeletonFacts declines a NUL (tree-sitter reads it as the end of its input).
  if (rawText.includes('\0')) return null;
  const text = normalizeLoneCr(rawText);
  const skimmer = new KeySkimmer(text);
  const skeleton = skeletonWith(text, (from) => skimmer.read(from));
  const plain = skeleton && plainStatements(skeleton);
  if (!plain) return null;
  const copy = stringCopier();
  const out = new Map<string, KeysOf>();
  for (const { name, literal } of plain) out.set(name, new KeysOf(text, literal.value.dict, literal.value.spans, copy));
  return out;
}

const OTHER = 0;
const STR = 1;
/** Nesting the strict scanner reads (60 levels) and more than any registry holds. */
const MAX_DEPTH = 30;
const DECLINED = Symbol('declined');

class KeySkimmer {
  pos = 0;
  /** The content of the last string `value` read (when it gave `STR`). */
  private from = 0;
  private to = 0;

  /** Whether the text holds a backslash: else a string ends at the next quote. */
  private readonly escapes: boolean;
  /** The first line end at or after `eolFrom` (see `lineEnd`). */
  private eol = -1;
  private eolFrom = 0;

  constructor(private readonly text: string) {
    this.escapes = text.includes('\\');
  }

  /**
   * The dict or list literal at `at`, up to its closing bracket, or null. A `(…)` may be a dict in parentheses:
   * declined.
   */
  read(at: number): LeftOut<{ dict: boolean; spans: number[] }> | null {
    const c = this.text.charCodeAt(at);
    if (c !== 123 && c !== 91) return null;
    this.pos = at;
    try {
      const spans: number[] = [];
      if (c === 123) this.dict(0, spans);
      else this.sequence(93, 0);
      return { end: this.pos, value: { dict: c === 123, spans } };
    } catch (e) {
      if (e === DECLINED) return null;
      throw e;
    }
  }

  private fail(): never {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a symbol: declining captures no stack
    throw DECLINED;
  }

  /** Blanks, line ends and comments (no line continuation, no form feed: declined where they stand). */
  private skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else if (c === 35) {
        while (this.pos < t.length && t.charCodeAt(this.pos) !== 10 && t.charCodeAt(this.pos) !== 13) this.pos++;
      } else return;
    }
  }

  /** The value here (after blanks), `STR` for a string; its kind only as the full read would type it. */
  private value(depth: number): number {
    if (depth > MAX_DEPTH) this.fail();
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 34 || c === 39) return this.string(c);
    if (c === 123) this.dict(depth, null);
    else if (c === 91) this.sequence(93, depth);
    else if (c === 40) return this.parens(depth);
    else if (isDigit(c) || (c === 45 && isDigit(t.charCodeAt(this.pos + 1)))) this.number();
    else if (!(this.word('True') || this.word('False') || this.word('None'))) this.fail();
    return OTHER;
  }

  /**
   * A one-line string without prefix or backslash; the strings after it must be delimited (no implicit concatenation).
   */
  private string(q: number): number {
    const t = this.text;
    const from = this.pos + 1;
    if (t.charCodeAt(from) === q && t.charCodeAt(from + 1) === q) this.fail();
    // Where the text holds no backslash, the closing quote is the next one, unless a line ends first.
    let i = this.escapes ? from : t.indexOf(q === 34 ? '"' : "'", from);
    if (this.escapes) {
      for (let c = t.charCodeAt(i); c !== q; c = t.charCodeAt(++i)) {
        if (c === 92 || c === 10 || c === 13 || Number.isNaN(c)) this.fail();
      }
    } else if (i < 0 || i > this.lineEnd(from)) this.fail();
    this.from = from;
    this.to = i;
    this.pos = i + 1;
    return STR;
  }

  /**
   * The offset of the first `\n` at or after `from` (a `\r` is followed by one: see `dictKeys`), or the text's length.
   */
  private lineEnd(from: number): number {
    if (from < this.eolFrom || from > this.eol) {
      const at = this.text.indexOf('\n', from);
      this.eolFrom = from;
      this.eol = at < 0 ? this.text.length : at;
    }
    return this.eol;
  }

  /** `-`? digits, and `.` digits: no `_`, exponent, radix or trailing dot. */
  private number(): void {
    const t = this.text;
    let i = this.pos + 1;
    while (isDigit(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) === 46) {
      if (!isDigit(t.charCodeAt(++i))) this.fail();
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const next = t.charCodeAt(i);
    if (isNameChar(next) || next === 46) this.fail();
    this.pos = i;
  }

  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.pos) || isNameChar(this.text.charCodeAt(this.pos + w.length))) return false;
    this.pos += w.length;
    return true;
  }

  /** `{}` or `{k: v, …}` (a set is declined); with `spans`, each entry's string key and value noted there. */
  private dict(depth: number, spans: number[] | null): void {
    const t = this.text;
    this.pos++;
    this.skip();
    if (t.charCodeAt(this.pos) === 125) {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.value(depth + 1);
      const keyFrom = this.from;
      const keyTo = this.to;
      this.skip();
      if (t.charCodeAt(this.pos) !== 58) this.fail(); // :
      this.pos++;
      this.skip();
      const value = this.value(depth + 1);
      spans?.push(
        key === STR ? keyFrom : -1,
        key === STR ? keyTo : -1,
        value === STR ? this.from : -1,
        value === STR ? this.to : -1,
      );
      this.skip();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        // ,
        this.pos++;
        this.skip();
        if (t.charCodeAt(this.pos) !== 125) continue;
      } else if (c !== 125) this.fail();
      this.pos++;
      return;
    }
  }

  /** Items up to `close`, a trailing comma allowed. */
  private sequence(close: number, depth: number): void {
    const t = this.text;
    this.pos++;
    for (;;) {
      this.skip();
      if (t.charCodeAt(this.pos) === close) {
        this.pos++;
        return;
      }
      this.value(depth + 1);
      this.skip();
      const c = t.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (c !== close) this.fail();
    }
  }

  /** `(x)` is x itself (a string in parentheses is a string); `()`, `(x,)` and `(x, y)` are tuples. */
  private parens(depth: number): number {
    const t = this.text;
    const from = this.pos;
    this.pos++;
    this.skip();
    if (t.charCodeAt(this.pos) === 41) {
      this.pos++;
      return OTHER;
    }
    const first = this.value(depth + 1);
    this.skip();
    if (t.charCodeAt(this.pos) === 41) {
      this.pos++;
      return first;
    }
    this.pos = from;
    this.sequence(41, depth);
    return OTHER;
  }
}
