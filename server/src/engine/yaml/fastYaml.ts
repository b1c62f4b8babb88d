// The fast path of parseYamlLit for the YAML that registry files really are (companion `_meta.yaml`,
// `.step.yaml` interfaces, ONEX metadata, registries and `.onextree`): block mappings and sequences of
// scalars (plain and quoted ones also wrapped over lines, as PyYAML dumps them), plain block scalars,
// flow sequences and `{}`. The `yaml` parser builds tokens, a syntax tree and document nodes for them,
// which the walk then copies into literals; here one pass over the lines builds the literals. It is
// strict: anything it is not sure reads exactly as the parser reads it — anchors, aliases, tags, block
// scalars but the plainest, tabs, flow mappings, more than one document, anything that would be a
// syntax error — declines (null), and the full reader answers. Scalars are typed by the parser's own
// schema (scalars.ts). A test proves it equal to the full reader.
import { bareStr, dictPair, keyRange, strLit, type DictEntry, type Lit } from '../literal';
import type { Position } from '../types';
import { pos, span } from '../text/positions';
import { newlineStarts } from '../text/lineIndex';
import { capNesting } from './nesting';
import { flat, resolvePlain, typedLit, UNRESOLVED } from './scalars';
import { cutFrom } from '../util/cutStack';
import { intern } from '../util/intern';

/** Characters it never reads: tabs, carriage returns, controls, a byte-order mark, Unicode line separators. */
const UNREAD = /[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Far below the full reader's nesting limits (64 levels of literals, 100 of indicators). */
const MAX_DEPTH = 32;
/** The parser rejects implicit keys over 1,024 characters. */
const MAX_KEY = 1000;
/** Characters that cannot start a plain scalar (or change what it is): YAML's indicators. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

const DECLINE = new Error('not read by the fast path');

/**
 * The value `parseYamlLit(text, { pyyaml })` gives to a text it reads without error, or null when the
 * text is not one it reads for sure.
 */
export function fastYamlValue(text: string, pyyaml: boolean): Lit | null {
  // The full reader cuts a text whose indicators nest too deeply (`- - - …` in a plain scalar counts).
  if (UNREAD.test(text) || capNesting(text).at !== null) return null;
  try {
    return new Reader(text, pyyaml).document();
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}

interface Token {
  lit: Lit;
  end: number;
}

class Reader {
  private readonly starts: number[];
  /**
   * The entries and items of the collections being read, innermost last, each collection's cut off when it closes
   * (util/cutStack.ts).
   */
  private readonly pairs: DictEntry[] = [];
  private readonly items: Lit[] = [];
  private readonly count: number;
  /** The next line to look at after the node just read. */
  private line = 0;

  constructor(
    private readonly text: string,
    private readonly pyyaml: boolean,
  ) {
    this.starts = newlineStarts(text);
    this.count = this.starts.length;
  }

  /** One document: comment and blank lines, at most one `---` line first, then a block collection at column 0. */
  document(): Lit {
    let l = 0;
    while (l < this.count && this.empty(l)) l++;
    if (l < this.count && this.text.startsWith('---', this.start(l))) {
      this.rest(this.start(l) + 3, this.end(l));
      l = this.content(l + 1);
    }
    if (l >= this.count || this.indent(l) !== 0) throw DECLINE;
    const value = this.node(l, 0);
    if (this.content(this.line) < this.count) throw DECLINE;
    return value;
  }

  private start(l: number): number {
    return this.starts[l] as number;
  }
  private end(l: number): number {
    return l + 1 < this.count ? (this.starts[l + 1] as number) - 1 : this.text.length;
  }
  private code(i: number): number {
    return this.text.charCodeAt(i);
  }

  private indent(l: number): number {
    const s = this.start(l);
    let i = s;
    while (this.code(i) === SPACE) i++;
    return i - s;
  }

  /** A blank or comment-only line. */
  private empty(l: number): boolean {
    const i = this.start(l) + this.indent(l);
    return i >= this.end(l) || this.code(i) === HASH;
  }

  /** The first line from `l` on with content, or the line count; a document marker declines. */
  private content(l: number): number {
    for (; l < this.count; l++) {
      if (this.empty(l)) continue;
      const s = this.start(l);
      if (this.text.startsWith('---', s) || this.text.startsWith('...', s)) throw DECLINE;
      return l;
    }
    return l;
  }

  /** What may follow a token on its line: nothing, or blanks and a comment. */
  private rest(i: number, e: number): void {
    if (i >= e) return;
    if (this.code(i) !== SPACE) throw DECLINE;
    while (i < e && this.code(i) === SPACE) i++;
    if (i < e && this.code(i) !== HASH) throw DECLINE;
  }

  /** A block sequence item indicator at column `col` of line `l`. */
  private dash(l: number, col: number): boolean {
    const i = this.start(l) + col;
    return this.code(i) === DASH && (i + 1 >= this.end(l) || this.code(i + 1) === SPACE);
  }

  private at(l: number, i: number): Position {
    return pos(l, i - this.start(l));
  }

  /** The block collection whose first line is `l`, at that line's indentation. */
  private node(l: number, depth: number): Lit {
    if (depth > MAX_DEPTH) throw DECLINE;
    const col = this.indent(l);
    return this.dash(l, col) ? this.sequence(l, col, depth) : this.mapping(l, this.start(l) + col, col, depth);
  }

  /** A block mapping at column `col` whose first key is at offset `first` of line `l`. */
  private mapping(l: number, first: number, col: number, depth: number): Lit {
    const stack = this.pairs;
    const mark = stack.length;
    for (let at = first; ;) {
      stack.push(this.entry(l, at, col, depth));
      const next = this.content(this.line);
      this.line = next;
      if (next >= this.count) break;
      const indent = this.indent(next);
      if (indent < col) break;
      if (indent > col || this.dash(next, col)) throw DECLINE;
      l = next;
      at = this.start(next) + col;
    }
    const entries = cutFrom(stack, mark);
    const last = entries[entries.length - 1] as DictEntry;
    return { kind: 'dict', entries, range: span(keyRange(entries[0] as DictEntry).start, last.range.end) };
  }

  /** `key: value` at offset `at` of line `l`, the value inline or on the lines below. */
  private entry(l: number, at: number, col: number, depth: number): DictEntry {
    const e = this.end(l);
    const colon = this.keyEnd(at, e);
    if (colon === null) throw DECLINE;
    const key = this.scalar(l, at, colon, e);
    if (key.end !== colon) throw DECLINE;
    let p = colon + 1;
    while (p < e && this.code(p) === SPACE) p++;
    let value: Lit;
    if (p >= e || this.code(p) === HASH) {
      const next = this.content(l + 1);
      const indent = next < this.count ? this.indent(next) : -1;
      if (indent > col || (indent === col && this.dash(next, col))) value = this.node(next, depth + 1);
      else {
        value = { kind: 'none', range: span(this.at(l, p), this.at(l, p)) };
        this.line = l + 1;
      }
    } else {
      this.line = l + 1;
      value = this.inline(l, p, e, col);
    }
    return dictPair(key.lit, value);
  }

  /** A block sequence at column `col` whose first item indicator is on line `l`. */
  private sequence(l: number, col: number, depth: number): Lit {
    const stack = this.items;
    const mark = stack.length;
    const first = l;
    for (;;) {
      const e = this.end(l);
      let p = this.start(l) + col + 1;
      while (p < e && this.code(p) === SPACE) p++;
      let item: Lit;
      if (p >= e || this.code(p) === HASH) {
        const next = this.content(l + 1);
        if (next < this.count && this.indent(next) > col) item = this.node(next, depth + 1);
        else {
          item = { kind: 'none', range: span(this.at(l, p), this.at(l, p)) };
          this.line = l + 1;
        }
      } else if (this.code(p) === DASH && (p + 1 >= e || this.code(p + 1) === SPACE)) {
        throw DECLINE;
      } else if (this.keyEnd(p, e) !== null) {
        if (depth + 1 > MAX_DEPTH) throw DECLINE;
        item = this.mapping(l, p, p - this.start(l), depth + 1);
      } else {
        this.line = l + 1;
        item = this.inline(l, p, e, col);
      }
      stack.push(item);
      const next = this.content(this.line);
      this.line = next;
      if (next >= this.count) break;
      const indent = this.indent(next);
      if (indent < col || (indent === col && !this.dash(next, col))) break;
      if (indent > col) throw DECLINE;
      l = next;
    }
    const items = cutFrom(stack, mark);
    const last = items[items.length - 1] as Lit;
    return { kind: 'list', items, range: span(pos(first, col), last.range.end) };
  }

  /**
   * The offset of the `:` ending an implicit key that starts at `at` (before `e`, the line's end), or
   * null when the line there is not a key (a scalar, possibly with a comment, or a flow collection).
   * Declines on keys it does not read: ones with flow indicators, spaces before the colon, or over
   * MAX_KEY characters.
   */
  private keyEnd(at: number, e: number): number | null {
    const c = this.code(at);
    let i: number;
    if (c === 91 || c === 123 || c === 62 || c === 124) return null;
    if (c === 34 || c === 39) {
      const close = this.closingQuote(at, e);
      if (close === null) return null;
      i = close + 1;
      if (i >= e || this.code(i) !== COLON) return null;
    } else {
      this.plainStart(at, e);
      for (i = at; i < e; i++) {
        const d = this.code(i);
        if (d === COLON && (i + 1 >= e || this.code(i + 1) === SPACE)) break;
        if (d === HASH && this.code(i - 1) === SPACE) return null;
        if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) throw DECLINE;
      }
      if (i >= e) return null;
      if (this.code(i - 1) === SPACE) throw DECLINE;
    }
    if (i - at > MAX_KEY || (i + 1 < e && this.code(i + 1) !== SPACE)) throw DECLINE;
    return i;
  }

  /** Declines a plain scalar starting at `i` with an indicator (`-` before a non-blank is text). */
  private plainStart(i: number, e: number): void {
    const c = this.text[i] as string;
    if (INDICATORS.has(c) && !(c === '-' && i + 1 < e && this.code(i + 1) !== SPACE)) throw DECLINE;
  }

  /** The offset of the quote closing the one-line quoted scalar opened at `at`, or null. */
  private closingQuote(at: number, e: number): number | null {
    return this.quoteFrom(this.text[at] as string, at + 1, e);
  }

  /** The first quote `q` from offset `from` on that closes a quoted scalar (before `e`), or null. */
  private quoteFrom(q: string, from: number, e: number): number | null {
    for (let i = from; i < e; i++) {
      const c = this.text[i];
      if (q === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === q) {
        if (q === "'" && i + 1 < e && this.text[i + 1] === "'") {
          i++;
          continue;
        }
        return i;
      }
    }
    return null;
  }

  /** A one-line scalar from `at` on line `l`: quoted, or plain up to `to`. */
  private scalar(l: number, at: number, to: number, e: number): Token {
    const c = this.code(at);
    if (c === 34 || c === 39) {
      const close = this.closingQuote(at, e);
      if (close === null) throw DECLINE;
      const raw = this.text.slice(at + 1, close);
      const value = intern(c === 39 ? raw.replace(/''/g, "'") : raw.includes('\\') ? unescape(raw) : raw);
      return {
        lit: strLit(value, span(this.at(l, at), this.at(l, close + 1)), span(this.at(l, at + 1), this.at(l, close))),
        end: close + 1,
      };
    }
    return { lit: this.plain(l, at, to), end: to };
  }

  private plain(l: number, from: number, to: number): Lit {
    const source = this.text.slice(from, to);
    if (source === '<<') throw DECLINE;
    const v = resolvePlain(source);
    if (v === UNRESOLVED) throw DECLINE;
    const range = span(this.at(l, from), this.at(l, to));
    if (typeof v === 'string') return bareStr(intern(v), range);
    return typedLit(v, range, this.pyyaml && typeof v === 'number' ? source : null);
  }

  /**
   * A value after `key: ` or `- ` on line `l` from offset `p` (the line ends at `e`), with only a comment
   * after it; a block scalar's lines follow (more indented than `col`, the collection's column).
   */
  private inline(l: number, p: number, e: number, col: number): Lit {
    const c = this.code(p);
    if (c === 62 || c === 124) return this.blockScalar(l, p, e, col);
    let t: Token;
    if (c === 91) t = this.flow(l, p, e);
    else if (c === 123) t = this.emptyMapping(l, p, e);
    else if (c === 34 || c === 39) {
      if (this.closingQuote(p, e) === null) return this.multiLine(l, p, col);
      t = this.scalar(l, p, e, e);
    } else {
      this.plainStart(p, e);
      const stop = this.plainEnd(p, e);
      if (stop === null) return this.plainLines(l, p, col);
      t = { lit: this.plain(l, p, stop), end: stop };
    }
    this.rest(t.end, e);
    return t.lit;
  }

  /**
   * Where a block plain scalar's text on this line ends (blanks before a comment or the line's end left
   * out), or null when it runs to the line's end (the next lines may continue it). Declines on `: `.
   */
  private plainEnd(p: number, e: number): number | null {
    let stop = p;
    for (; stop < e; stop++) {
      const d = this.code(stop);
      if (d === SPACE && this.code(stop + 1) === HASH) break;
      if (d === COLON && (stop + 1 >= e || this.code(stop + 1) === SPACE)) throw DECLINE;
    }
    const comment = stop < e;
    while (this.code(stop - 1) === SPACE) stop--;
    return comment ? stop : null;
  }

  /**
   * A plain scalar from offset `p` of line `l` to its line's end, continued by the lines below more
   * indented than `col` (how PyYAML wraps a long value) up to a comment line or a less indented one,
   * folded as YAML folds them: a line break is a space, each blank line between two lines a line break.
   */
  private plainLines(l: number, p: number, col: number): Lit {
    const parts = [this.text.slice(p, this.trimEnd(p, this.end(l)))];
    let last = l;
    let lastEnd = this.trimEnd(p, this.end(l));
    let breaks = 0;
    for (let k = l + 1; k < this.count; k++) {
      const s = this.start(k);
      const e = this.end(k);
      const i = this.blanks(s, e);
      if (i === e) {
        breaks++;
        continue;
      }
      if (i - s <= col || this.code(i) === HASH) break;
      this.plainStart(i, e);
      if (this.plainEnd(i, e) !== null) throw DECLINE;
      lastEnd = this.trimEnd(i, e);
      parts.push(breaks > 0 ? '\n'.repeat(breaks) : ' ', this.text.slice(i, lastEnd));
      breaks = 0;
      last = k;
    }
    this.line = last + 1;
    if (last === l) return this.plain(l, p, lastEnd);
    const value = flat(parts.join(''));
    if (typeof resolvePlain(value) !== 'string') throw DECLINE;
    const range = span(this.at(l, p), this.at(last, lastEnd));
    return bareStr(value, range);
  }

  /**
   * The end of `from..to` without its trailing spaces (a loop: `/ +$/` backtracks quadratically on a long run of
   * spaces).
   */
  private trimEnd(from: number, to: number): number {
    while (to > from && this.code(to - 1) === SPACE) to--;
    return to;
  }

  /** A one-line flow sequence of scalars `[a, "b"]` opened at `p`. */
  private flow(l: number, p: number, e: number): Token {
    // On the shared stack, so the list is cut at its length (a pushed list keeps V8's spare room: ~1 MB of a large
    // org's heap).
    const items = this.items;
    const mark = items.length;
    let i = this.blanks(p + 1, e);
    if (this.code(i) === 93) i++;
    else {
      for (;;) {
        const c = this.code(i);
        if (c === 34 || c === 39) {
          const t = this.scalar(l, i, e, e);
          items.push(t.lit);
          i = t.end;
        } else {
          this.plainStart(i, e);
          if (c === DASH && (this.code(i + 1) === 44 || this.code(i + 1) === 93)) throw DECLINE;
          let j = i;
          for (; j < e; j++) {
            const d = this.code(j);
            if (d === 44 || d === 93) break;
            if (d === HASH || d === COLON || d === 91 || d === 123 || d === 125 || d === 34 || d === 39 || d === 63)
              throw DECLINE;
          }
          let to = j;
          while (to > i && this.code(to - 1) === SPACE) to--;
          if (to === i) throw DECLINE;
          items.push(this.plain(l, i, to));
          i = j;
        }
        i = this.blanks(i, e);
        if (i >= e) throw DECLINE;
        if (this.code(i) === 93) {
          i++;
          break;
        }
        if (this.code(i) !== 44) throw DECLINE;
        i = this.blanks(i + 1, e);
        if (i >= e || this.code(i) === 93 || this.code(i) === 44) throw DECLINE;
      }
    }
    return { lit: { kind: 'list', items: cutFrom(items, mark), range: span(this.at(l, p), this.at(l, i)) }, end: i };
  }

  /**
   * A block scalar `>` or `|` (no chomping or indentation indicator) at offset `p` of line `l`: its lines
   * are every line below up to the first less indented than the first one, with no blank line among
   * them; a folded one's all at one indentation. Blank lines after it are dropped (clip chomping).
   */
  private blockScalar(l: number, p: number, e: number, col: number): Lit {
    const literal = this.code(p) === 124;
    this.rest(p + 1, e);
    const parts: string[] = [];
    let indent = -1;
    let last = -1;
    let blank = false;
    for (let k = l + 1; k < this.count; k++) {
      const s = this.start(k);
      const end = this.end(k);
      const i = this.blanks(s, end);
      if (i === end) {
        if (indent < 0 || i - s > indent) throw DECLINE;
        blank = true;
        continue;
      }
      if (indent < 0) {
        if (i - s <= col) throw DECLINE;
        indent = i - s;
      }
      if (i - s < indent) break;
      if (blank || (i - s > indent && !literal)) throw DECLINE;
      parts.push(this.text.slice(s + indent, end));
      last = k;
    }
    if (last < 0) throw DECLINE;
    this.line = last + 1;
    const end = last + 1 < this.count ? pos(last + 1, 0) : this.at(last, this.text.length);
    const range = span(this.at(l, p), end);
    return bareStr(flat(`${parts.join(literal ? '\n' : ' ')}\n`), range);
  }

  /**
   * A quoted scalar opened at offset `at` of line `l` and closed on a later line (how PyYAML wraps a long
   * value), its lines more indented than `col`: folded as YAML folds them — a line break between two
   * lines is a space, each blank line between them a line break, blanks around a break dropped.
   */
  private multiLine(l: number, at: number, col: number): Lit {
    const q = this.text[at] as string;
    const unquote = (s: string): string => (q === "'" ? s.replace(/''/g, "'") : s);
    const first = this.text.slice(at + 1, this.trimEnd(at + 1, this.end(l)));
    if (first === '') throw DECLINE;
    let value = unquote(first);
    let breaks = 0;
    for (let k = l + 1; k < this.count; k++) {
      const e = this.end(k);
      const i = this.blanks(this.start(k), e);
      if (i === e) {
        breaks++;
        continue;
      }
      if (i - this.start(k) <= col) throw DECLINE;
      const close = this.quoteFrom(q, i, e);
      const piece = this.text.slice(i, close ?? this.trimEnd(i, e));
      value += (breaks > 0 ? '\n'.repeat(breaks) : ' ') + unquote(piece);
      breaks = 0;
      if (close === null) continue;
      this.rest(close + 1, e);
      this.line = k + 1;
      const raw = this.text.slice(at + 1, close);
      if (q === '"' && raw.includes('\\')) value = unescape(raw);
      return strLit(
        flat(value),
        span(this.at(l, at), this.at(k, close + 1)),
        span(this.at(l, at + 1), this.at(k, close)),
      );
    }
    throw DECLINE;
  }

  /** `{}`, the only flow mapping it reads. */
  private emptyMapping(l: number, p: number, e: number): Token {
    const i = this.blanks(p + 1, e);
    if (this.code(i) !== 125) throw DECLINE;
    return { lit: { kind: 'dict', entries: [], range: span(this.at(l, p), this.at(l, i + 1)) }, end: i + 1 };
  }

  private blanks(i: number, e: number): number {
    while (i < e && this.code(i) === SPACE) i++;
    return i;
  }
}

/** The escapes of double-quoted scalars, as the parser reads them. */
const ESCAPES = new Map(
  Object.entries({
    0: '\0',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
  }),
);
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The value of a double-quoted scalar from the text between its quotes, as the parser reads it: escapes
 * resolved, an escaped line break dropped with the next line's indentation, other line breaks folded
 * (a space, or one line break per blank line) without the blanks around them. Declines on an escape the
 * parser rejects.
 */
function unescape(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\n') {
      let fold = '';
      for (; raw[i + 1] === ' ' || raw[i + 1] === '\n'; i++) if (raw[i + 1] === '\n') fold += '\n';
      out += fold || ' ';
    } else if (c === '\\') {
      const next = raw[++i] ?? '';
      const escape = ESCAPES.get(next);
      const digits = HEX_DIGITS[next];
      if (escape !== undefined) out += escape;
      else if (next === '\n') while (raw[i + 1] === ' ') i++;
      else if (digits !== undefined) {
        const hex = raw.slice(i + 1, i + 1 + digits);
        const code = hex.length === digits && /^[0-9a-f]+$/i.test(hex) ? parseInt(hex, 16) : NaN;
        if (!(code <= 0x10ffff)) throw DECLINE;
        out += String.fromCodePoint(code);
        i += digits;
      } else throw DECLINE;
    } else if (c === ' ') {
      const from = i;
      while (raw[i + 1] === ' ') i++;
      if (raw[i + 1] !== '\n') out += raw.slice(from, i + 1);
    } else out += c;
  }
  return out;
}
