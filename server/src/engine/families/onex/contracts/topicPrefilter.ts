// Whether a module's text may spell a word of a topic (`onex.`, `.v` and a digit), each letter plain or split across
// implicitly concatenated pieces and continued lines. A regular expression of this shape backtracks over every way to
// cut a run of `#` or quotes between two pieces (2^n for n `#`); this scanner reads the text once and follows every
// way at once, as a set of states per letter, so its time is linear in the text whatever the text holds.

/** One way of reading the gap after a letter (bit flags: a set of them is one number). */
const AFTER = 1; // after the letter or a whole piece: the next letter, a backslash or a quote may follow
const CONTINUED = 2; // after a backslash outside a piece: a line break must follow
const CONTINUED_CR = 4; // after a backslash and `\r` outside a piece: a `\n` may follow
const PIECE = 8; // after a piece's closing quote: blanks, comments, continued lines, a prefix, an opening quote
const COMMENT = 16; // in a comment inside the gap (which may end at any character)
const PIECE_CONTINUED = 32; // after a backslash inside the gap
const PIECE_CONTINUED_CR = 64; // after a backslash and `\r` inside the gap: `\n` must follow
const PREFIX = 128; // after one letter of a string prefix
const PREFIX2 = 256; // after two

const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const HASH = 35;
const isQuote = (c: number): boolean => c === 34 || c === 39;
/** `[rRuUfF]`. */
const isPrefix = (c: number): boolean => c === 114 || c === 82 || c === 117 || c === 85 || c === 102 || c === 70;
/** JavaScript's `\s`: white space and line terminators. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The gap states one character leads to from `s` (the letters are the caller's). */
function gapStep(s: number, c: number): number {
  let t = 0;
  if (s & AFTER) {
    if (c === BACKSLASH) t |= CONTINUED;
    else if (isQuote(c)) t |= PIECE;
  }
  if (s & CONTINUED) {
    if (c === LF) t |= AFTER;
    else if (c === CR) t |= AFTER | CONTINUED_CR;
  }
  if (s & CONTINUED_CR && c === LF) t |= AFTER;
  if (s & (PIECE | COMMENT)) {
    if (isSpace(c)) t |= PIECE;
    else if (c === HASH) t |= COMMENT;
    else if (c === BACKSLASH) t |= PIECE_CONTINUED;
    else if (isPrefix(c)) t |= PREFIX;
    else if (isQuote(c)) t |= AFTER;
  }
  if (s & COMMENT && c !== LF && c !== CR) t |= COMMENT;
  if (s & PIECE_CONTINUED) {
    if (c === LF) t |= PIECE;
    else if (c === CR) t |= PIECE_CONTINUED_CR;
  }
  if (s & PIECE_CONTINUED_CR && c === LF) t |= PIECE;
  if (s & PREFIX) {
    if (isPrefix(c)) t |= PREFIX2;
    else if (isQuote(c)) t |= AFTER;
  }
  if (s & PREFIX2 && isQuote(c)) t |= AFTER;
  return t;
}

/** A word: its first letter, what must come just before it, and each later letter (tested at a text's index). */
export interface Word {
  readonly first: string;
  readonly lead: (text: string, at: number) => boolean;
  readonly rest: readonly ((text: string, at: number) => boolean)[];
}

/**
 * Whether `text` holds `word`: its first letter (after its lead), then each later letter after a gap of line
 * continuations (`\` and a line break) and seams of string pieces (a quote, blanks, comments and continued lines, up
 * to two prefix letters, a quote). The language of
 * `first(?:\\\r?\n|\\\r|["'](?:\s|#[^\n\r]*|\\\r?\n)*[rRuUfF]{0,2}["'])*next…`, matched in one pass.
 */
export function spells(text: string, word: Word): boolean {
  const n = word.rest.length;
  // states[k]: how the text so far may be read with `rest[k]` the next letter.
  let states = new Uint16Array(n);
  let next = new Uint16Array(n);
  let live = false;
  for (let i = 0; i < text.length; i++) {
    if (!live) {
      i = text.indexOf(word.first, i);
      if (i < 0) return false;
    }
    const c = text.charCodeAt(i);
    next.fill(0);
    live = false;
    for (let k = 0; k < n; k++) {
      const s = states[k] as number;
      if (s === 0) continue;
      if (s & AFTER && (word.rest[k] as (text: string, at: number) => boolean)(text, i)) {
        if (k === n - 1) return true;
        next[k + 1] = (next[k + 1] as number) | AFTER;
      }
      next[k] = (next[k] as number) | gapStep(s, c);
    }
    if (text[i] === word.first && word.lead(text, i)) next[0] = (next[0] as number) | AFTER;
    [states, next] = [next, states];
    for (let k = 0; k < n && !live; k++) live = states[k] !== 0;
  }
  return false;
}

/** A letter that is the character `ch`. */
export const letter =
  (ch: string) =>
  (text: string, at: number): boolean =>
    text[at] === ch;
