// The top-level classes of a Python file read from its text alone, for files whose classes are all the
// analysis needs (builder and config modules: the class index). A tree-sitter parse of such a file walks
// every method body; this reads tokens and indentation only. It answers only for plain, well-formed
// text — ASCII code (other characters only in strings and comments), no tabs, carriage returns or line
// continuations, comments only where tree-sitter's placement of them is known, well-nested brackets
// and blocks, no token sequence that cannot be Python — and returns null whenever it is unsure, so the
// caller parses with tree-sitter instead. Columns are UTF-16 code units, as web-tree-sitter counts
// them. A test proves it equal to the full parse on the bench corpus and on mutated files.
// Process-wide scratch, bounded: the typed arrays below are reused by every scan (a scan is synchronous
// and keeps nothing of them); they are kept for texts up to 32,768 characters (`KEEP`: ~1.3 MB at most)
// and dropped after the scan of a longer one.
//
// It runs over every component file of a cold start (22,000 of them in the large bench org), so a
// token is three numbers in reused typed arrays (its code, start and end), a logical line a range of
// tokens, and text is sliced or positioned only for what a class keeps (names, bases, ranges, string
// values): no per-token object or string.
import type { Position } from '../types';
import type { PyClass } from './pyClass';
import { decodeBody } from './strings';
import { pos, span } from '../text/positions';

// ---- token codes: one number per token tells its kind and, where the checks care, its text

/** A name that is neither a keyword nor one of the names below. */
const NAME = 0;
/**
 * Keywords (the first 35), then names tree-sitter may read as statements of their own (soft keywords, Python 2
 * statements).
 */
const WORDS = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
  'type',
  'print',
  'exec',
];
const KEYWORD_COUNT = 35;
/** Operators; the tokenizer takes the longest that matches. */
const OPS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '=',
  '.',
  ',',
  ':',
];
const OP_BASE = 48;
const BRACKETS = '([{)]}';
const BRACKET_BASE = 96;
const STR = 110;
const NUM = 111;
/** No token (before the first, after the last). */
const NONE = 127;

const word = (w: string): number => 1 + WORDS.indexOf(w);
const op = (o: string): number => OP_BASE + OPS.indexOf(o);
const bracket = (b: string): number => BRACKET_BASE + BRACKETS.indexOf(b);
const [ASYNC, CLASS, DEF, ELIF, ELSE, EXCEPT, FINALLY, FOR, FROM, IF, IMPORT, IN, LAMBDA, TRY] = [
  'async',
  'class',
  'def',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'if',
  'import',
  'in',
  'lambda',
  'try',
].map(word) as number[] as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const [RETURN, YIELD, RAISE, WHILE] = ['return', 'yield', 'raise', 'while'].map(word) as [
  number,
  number,
  number,
  number,
];
const [ELLIPSIS, ARROW, COLON, ASSIGN, DOT, COMMA, AT, STAR, PLUS, MINUS, TILDE, POWER, WALRUS] = [
  '...',
  '->',
  ':',
  '=',
  '.',
  ',',
  '@',
  '*',
  '+',
  '-',
  '~',
  '**',
  ':=',
].map(op) as [number, number, number, number, number, number, number, number, number, number, number, number, number];
const [PAREN, SQUARE, CURLY, CLOSE_PAREN] = ['(', '[', '{', ')'].map(bracket) as [number, number, number, number];

const KEYWORD = 1;
const VALUE = 2; // keywords that are values
const PREFIX = 4; // keywords that may stand where a value is expected (before an operand)
const STATEMENT = 8; // keywords that only start a statement (`import` also follows `from …`, `def` follows `async`)
const COMPOUND = 16; // statements that open a block (the line ends with `:`)
const AMBIGUOUS = 32; // names tree-sitter may read as statements of their own
const OPERAND = 64; // ends an operand (a value, a closing bracket); all but closing brackets also start one
const OP = 128;
const UNARY = 256; // operators that may start an operand (unary, unpacking)
const ASSIGNS = 512; // `=` and the augmented assignments (and `:=`)
const OPEN = 1024;
const CLOSE = 2048;
const IS_NAME = 4096;

const FLAGS = new Uint16Array(128);
const flag = (f: number, codes: number[]): void => {
  for (const c of codes) FLAGS[c] = (FLAGS[c] ?? 0) | f;
};
flag(IS_NAME | OPERAND, [NAME, ...WORDS.map(word)]);
flag(KEYWORD, WORDS.slice(0, KEYWORD_COUNT).map(word));
flag(VALUE, ['None', 'True', 'False'].map(word));
flag(
  PREFIX,
  [
    'not',
    'await',
    'lambda',
    'yield',
    'return',
    'if',
    'elif',
    'while',
    'for',
    'in',
    'is',
    'and',
    'or',
    'else',
    'assert',
    'del',
    'raise',
    'from',
    'import',
    'as',
    'with',
    'global',
    'nonlocal',
    'except',
    'async',
    'def',
    'class',
  ].map(word),
);
flag(
  STATEMENT,
  [
    'finally',
    'try',
    'except',
    'elif',
    'while',
    'with',
    'def',
    'class',
    'global',
    'nonlocal',
    'del',
    'assert',
    'return',
    'pass',
    'break',
    'continue',
    'raise',
    'import',
    'async',
  ].map(word),
);
flag(
  COMPOUND,
  ['if', 'elif', 'else', 'for', 'while', 'with', 'try', 'except', 'finally', 'def', 'class', 'async'].map(word),
);
flag(AMBIGUOUS, WORDS.slice(KEYWORD_COUNT).map(word));
for (let c = 0; c < 128; c++)
  if ((FLAGS[c] ?? 0) & KEYWORD && !((FLAGS[c] ?? 0) & VALUE)) FLAGS[c] = (FLAGS[c] ?? 0) & ~OPERAND;
flag(OP, OPS.map(op));
flag(UNARY, ['+', '-', '~', '*', '**'].map(op));
flag(ASSIGNS, OPS.filter((o) => o.endsWith('=') && !['==', '!=', '<=', '>='].includes(o)).map(op));
flag(OPEN, ['(', '[', '{'].map(bracket));
flag(CLOSE, [')', ']', '}'].map(bracket));
flag(OPERAND, [STR, NUM, ELLIPSIS, ...[')', ']', '}'].map(bracket)]);
const is = (code: number, f: number): boolean => ((FLAGS[code] as number) & f) !== 0;

/**
 * Words by their first character and length (`c * 16 + length`: the first word's code, WORD_NEXT the
 * next one's), so a name is looked up without slicing it and most names have no candidate.
 */
const WORD_FIRST = new Uint8Array(128 * 16);
const WORD_NEXT = new Uint8Array(128);
for (const w of WORDS) {
  const key = w.charCodeAt(0) * 16 + w.length;
  WORD_NEXT[word(w)] = WORD_FIRST[key] as number;
  WORD_FIRST[key] = word(w);
}

/**
 * Operators by their characters: one character, two (`c * 128 + c1`), and three by their first two with the third
 * apart.
 */
const OP1 = new Uint8Array(128);
const OP2 = new Uint8Array(128 * 128);
const OP3 = new Uint8Array(128 * 128);
const OP_LENGTH = new Uint8Array(128);
const OP3_LAST = new Uint8Array(128);
for (const o of OPS) {
  const code = op(o);
  OP_LENGTH[code] = o.length;
  const pair = o.charCodeAt(0) * 128 + (o.charCodeAt(1) || 0);
  if (o.length === 1) OP1[o.charCodeAt(0)] = code;
  else if (o.length === 2) OP2[pair] = code;
  else {
    OP3[pair] = code;
    OP3_LAST[code] = o.charCodeAt(2);
  }
}

/** Characters of names (ASCII only: any other character outside strings and comments is declined). */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  NAME_CHAR[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : c >= 48 && c <= 57 ? 2 : 0;
const isNameStart = (c: number): boolean => c < 128 && NAME_CHAR[c] === 1;
const isNameChar = (c: number): boolean => c < 128 && NAME_CHAR[c] !== 0;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Index in BRACKETS of a bracket character, else -1. */
const BRACKET_OF = new Int8Array(128).fill(-1);
for (let k = 0; k < BRACKETS.length; k++) BRACKET_OF[BRACKETS.charCodeAt(k)] = k;

// ---- the scan's state, reused from file to file (the scan is synchronous)

/**
 * Tokens: code, start and end offsets; each logical line's are followed by a NONE (and the first line's preceded by
 * one).
 */
let tCode = new Uint8Array(1024);
let tStart = new Int32Array(1024);
let tEnd = new Int32Array(1024);
/**
 * Logical lines: their tokens (`lFirst` to `lEnd`; none for a comment line), indentation, and where an ending comment
 * ends (-1: none).
 */
let lFirst = new Int32Array(256);
let lEnd = new Int32Array(256);
let lIndent = new Int32Array(256);
let lComment = new Int32Array(256);
let nLines = 0;
/** Offsets where physical lines start. */
let lineStarts = new Int32Array(256);
let nPhysical = 0;
/** Brackets open while tokenizing (bracket indexes, BRACKETS), and inside an f-string's replacement field. */
const nesting: number[] = [];
const fieldNesting: number[] = [];
/** Scratch of checkTokens and of the block check. */
const openBracket: number[] = [];
/** Whether the bracket opened right after an operand (a call's arguments, a subscript, a def's or class's list). */
const openCall: boolean[] = [];
const openLambda: boolean[] = [];
const openIfs: number[] = [];
const levels: number[] = [];
const heads: number[] = [];
/** The first backslash and line break at or after the last place asked (the text's length when none), for strings. */
let nextBackslash = -1;
let nextNewline = -1;
/**
 * The text's UTF-16 code units as bytes, for the tokenizer (a typed array reads faster than a string):
 * ASCII as it is, any other unit as 0x7f (declined wherever code is read, inert in strings and
 * comments, as the text's own characters are), then zeros (past the end: no character matches).
 */
let units = new Uint8Array(1024);
const encoder = new TextEncoder();

function codeUnits(text: string): Uint8Array {
  const n = text.length;
  if (units.length < n + 3) units = new Uint8Array(n + 1024);
  // UTF-8 is the units themselves when every one is ASCII.
  const ascii = encoder.encodeInto(text, units);
  if (ascii.read !== n || ascii.written !== n) encoder.encodeInto(text.replace(/[^\x00-\x7f]/g, '\x7f'), units);
  units[n] = 0;
  units[n + 1] = 0;
  units[n + 2] = 0;
  return units;
}

/** Past this length, a file's buffers are dropped after its scan rather than kept for the session. */
const KEEP = 1 << 15;

/** Room for the tokens and lines of a text of length n (each holds a character at least; a NONE follows each line). */
function reserve(n: number): void {
  const need = n + 4;
  if (tCode.length < 2 * need) {
    tCode = new Uint8Array(2 * need);
    tStart = new Int32Array(2 * need);
    tEnd = new Int32Array(2 * need);
  }
  if (lFirst.length < need) {
    lFirst = new Int32Array(need);
    lEnd = new Int32Array(need);
    lIndent = new Int32Array(need);
    lComment = new Int32Array(need);
  }
  if (lineStarts.length < need) lineStarts = new Int32Array(need);
}

class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

/** The top-level classes as parsePythonFacts reads them, or null when only a parse can tell. */
export function scanClasses(text: string): PyClass[] | null {
  // Control characters (tabs, carriage returns, form feeds), line separators and byte-order marks.
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text)) return null;
  try {
    tokenize(text);
    checkBlocks();
    return topLevelClasses(text);
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  } finally {
    if (text.length > KEEP) {
      tCode = new Uint8Array(0);
      tStart = new Int32Array(0);
      tEnd = new Int32Array(0);
      units = new Uint8Array(0);
      lFirst = new Int32Array(0);
      lEnd = new Int32Array(0);
      lIndent = new Int32Array(0);
      lComment = new Int32Array(0);
      lineStarts = new Int32Array(0);
    }
  }
}

// ---- lines and tokens

function addLine(indent: number, firstToken: number): number {
  lFirst[nLines] = firstToken;
  lEnd[nLines] = firstToken;
  lIndent[nLines] = indent;
  lComment[nLines] = -1;
  return nLines++;
}

function addLineStart(at: number): void {
  lineStarts[nPhysical++] = at;
}

/**
 * Splits the text into tokens and logical lines (a logical line ends at a line break outside brackets).
 * The token arrays and their count are locals here, each token stored at one place (the loop's end).
 */
function tokenize(text: string): void {
  const n = text.length;
  reserve(n);
  const u = codeUnits(text);
  const codeAt = tCode;
  const startAt = tStart;
  const endAt = tEnd;
  nLines = 0;
  nPhysical = 0;
  nextBackslash = -1;
  nextNewline = -1;
  addLineStart(0);
  // The NONE before the first line.
  let count = 1;
  codeAt[0] = NONE;
  startAt[0] = 0;
  endAt[0] = 0;
  let i = 0;
  let lineStart = 0;
  /** The logical line being read (-1: none). */
  let current = -1;
  /** Open brackets: their indexes in `nesting` below `depth`. */
  let depth = 0;
  while (i <= n) {
    const c = u[i] as number;
    let code: number;
    let end: number;
    if (c === 10 || i === n) {
      // a line break, or the end
      if ((current >= 0 && depth === 0) || i === n) {
        if (current >= 0) {
          // The line ends: the NONE after it.
          lEnd[current] = count;
          codeAt[count] = NONE;
          startAt[count] = i;
          endAt[count] = i;
          count++;
        }
        current = -1;
      }
      if (i === n) break;
      i++;
      lineStart = i;
      addLineStart(i);
      // A bracket continued on a line left of its statement: tree-sitter's indentation scanner may end the block there.
      if (current >= 0) {
        let j = i;
        while ((u[j] as number) === 32) j++;
        if (j - i < (lIndent[current] as number) && j < n && (u[j] as number) !== 10) unsure();
      }
      continue;
    }
    if (c === 32) {
      i++;
      while ((u[i] as number) === 32) i++;
      continue;
    }
    if (c === 35) {
      // #
      const indent = i - lineStart;
      i = text.indexOf('\n', i);
      if (i < 0) i = n;
      // Inside brackets a comment is an extra of the expression; only one after the last token ends the line.
      if (current < 0) lComment[addLine(indent, count)] = i;
      else if (depth === 0) lComment[current] = i;
      continue;
    }
    if (c > 126) unsure();
    if (current < 0) current = addLine(i - lineStart, count);
    if (isNameStart(c)) {
      let j = i + 1;
      while (isNameChar(u[j] as number)) j++;
      const q = u[j] as number;
      if (q === 34 || q === 39) {
        // a prefixed string
        const prefix = stringPrefix(u, i, j);
        if (prefix < 0) unsure();
        code = STR;
        end = readString(text, u, j, (prefix & F_PREFIX) !== 0);
      } else {
        code = j - i <= 8 ? wordAt(u, i, j) : NAME;
        end = j;
      }
    } else if (c === 34 || c === 39) {
      code = STR;
      end = readString(text, u, i, false);
    } else if (isDigit(c) || (c === 46 && isDigit(u[i + 1] as number))) {
      code = NUM;
      end = numberEnd(text, u, i);
    } else {
      const b = BRACKET_OF[c] as number;
      if (b >= 0) {
        if (b < 3) nesting[depth++] = b;
        else if (depth === 0 || nesting[--depth] !== b - 3) unsure();
        code = BRACKET_BASE + b;
        end = i + 1;
      } else {
        // `\`, `;`, `$`, `?`, a backtick and a lone `!` are no operators.
        code = operatorAt(u, i, c);
        end = i + (OP_LENGTH[code] as number);
        // The dots of a relative import (`from ..pkg import x`, `from . import y`) are no operators: left out.
        if (
          (code === DOT || code === ELLIPSIS) &&
          count === (lFirst[current] as number) + 1 &&
          codeAt[count - 1] === FROM
        ) {
          i = end;
          continue;
        }
      }
    }
    codeAt[count] = code;
    startAt[count] = i;
    endAt[count] = end;
    count++;
    i = end;
  }
  if (depth > 0) unsure();
}

/** The keyword or soft keyword spelt by text[i, j) (at most 8 characters), else NAME. */
function wordAt(u: Uint8Array, i: number, j: number): number {
  const length = j - i;
  for (let w = WORD_FIRST[(u[i] as number) * 16 + length] as number; w !== 0; w = WORD_NEXT[w] as number) {
    const s = WORDS[w - 1] as string;
    let k = 1;
    while (k < length && s.charCodeAt(k) === (u[i + k] as number)) k++;
    if (k === length) return w;
  }
  return NAME;
}

const F_PREFIX = 1;
/**
 * The string prefix text[i, j) (r, u, f, b, br, rb, fr, rf in any case): F_PREFIX when formatted, 0 when not, -1 when
 * no prefix.
 */
function stringPrefix(u: Uint8Array, i: number, j: number): number {
  if (j - i > 2) return -1;
  const a = (u[i] as number) | 32;
  if (j - i === 1) return a === 102 ? F_PREFIX : a === 114 || a === 117 || a === 98 ? 0 : -1;
  const b = (u[i + 1] as number) | 32;
  if ((a === 98 && b === 114) || (a === 114 && b === 98)) return 0; // br, rb
  if ((a === 102 && b === 114) || (a === 114 && b === 102)) return F_PREFIX; // fr, rf
  return -1;
}

/** The length of the longest operator at `i`, as its code; unsure when none matches. */
function operatorAt(u: Uint8Array, i: number, c: number): number {
  const c1 = u[i + 1] as number;
  const pair = c * 128 + (c1 < 128 ? c1 : 0);
  const three = OP3[pair] as number;
  if (three !== 0 && (u[i + 2] as number) === OP3_LAST[three]) return three;
  const two = OP2[pair] as number;
  if (two !== 0) return two;
  const one = OP1[c] as number;
  return one !== 0 ? one : unsure();
}

const NUMBER = /^(?:0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:e[+-]?\d[\d_]*)?j?)$/i;

function numberEnd(text: string, u: Uint8Array, i: number): number {
  let j = i;
  let digits = true;
  for (;;) {
    const c = u[j] as number;
    if (isNameChar(c) || c === 46) {
      if (!isDigit(c)) digits = false;
      j++;
      continue;
    }
    // An exponent's sign: 1e-5
    if (
      (c === 43 || c === 45) &&
      ((u[j - 1] as number) | 32) === 101 &&
      !((u[i] as number) === 48 && ((u[i + 1] as number) | 32) === 120)
    ) {
      j++;
      continue;
    }
    break;
  }
  if (!digits && !NUMBER.test(text.slice(i, j))) unsure();
  return j;
}

/**
 * The end of the string literal whose quote is at `i` (`formatted`: an f-string, whose replacement fields are checked).
 */
function readString(text: string, u: Uint8Array, i: number, formatted: boolean): number {
  const q = u[i] as number;
  const triple = (u[i + 1] as number) === q && (u[i + 2] as number) === q;
  const open = triple ? 3 : 1;
  const start = i + open;
  if (!formatted) {
    // Without a backslash before the first closing quote(s), the string ends there (one on a single line).
    const close = text.indexOf(triple ? (q === 34 ? '"""' : "'''") : q === 34 ? '"' : "'", start);
    if (close < 0) unsure();
    if (backslashFrom(text, start) > close) {
      for (let k = newlineFrom(text, start); k < close; k = newlineFrom(text, k + 1)) {
        if (!triple) unsure();
        addLineStart(k + 1);
      }
      return close + open;
    }
  }
  return readStringSlowly(text, u, i, q, triple, formatted);
}

function backslashFrom(text: string, j: number): number {
  if (nextBackslash < j) nextBackslash = indexOrEnd(text, '\\', j);
  return nextBackslash;
}

function newlineFrom(text: string, j: number): number {
  if (nextNewline < j) nextNewline = indexOrEnd(text, '\n', j);
  return nextNewline;
}

function indexOrEnd(text: string, s: string, j: number): number {
  const k = text.indexOf(s, j);
  return k < 0 ? text.length : k;
}

/** readString, character by character: escapes, f-strings' replacement fields. */
function readStringSlowly(
  text: string,
  u: Uint8Array,
  i: number,
  q: number,
  triple: boolean,
  formatted: boolean,
): number {
  const open = triple ? 3 : 1;
  const n = text.length;
  let j = i + open;
  /** Brackets open inside the current replacement field (`{` first), as bracket indexes. */
  let field = 0;
  for (;;) {
    if (j >= n) unsure();
    const ch = u[j] as number;
    if (ch === 10) {
      if (!triple) unsure();
      addLineStart(j + 1);
    }
    if (formatted && field > 0) {
      // Inside a replacement field: strings in the other quote on one line; no comments, escapes or
      // strings in the same quote (tree-sitter's reading of those varies).
      if (ch === 35 || ch === 92 || ch === 10 || ch === q || ch > 126) unsure();
      if (ch === 34 || ch === 39) {
        const close = text.indexOf(text[j] as string, j + 1);
        if (close < 0 || (u[close + 1] as number) === ch) unsure();
        for (let k = j + 1; k < close; k++) {
          const x = u[k] as number;
          if (x === 10 || x === 92 || x === 123 || x === 125) unsure();
        }
        j = close + 1;
        continue;
      }
      const b = BRACKET_OF[ch] as number;
      if (b >= 0 && b < 3) fieldNesting[field++] = b;
      else if (b >= 3 && fieldNesting[--field] !== b - 3) unsure();
      j++;
      continue;
    }
    if (ch === 92) {
      // \
      // tree-sitter reads `\N{` up to the next `}` as one escape, past the closing quote (invalid Python).
      if (j + 1 >= n || (u[j + 1] as number) === 10 || (u[j + 1] as number) === 78) unsure();
      j += 2;
      continue;
    }
    if (formatted && ch === 123) {
      // {
      if ((u[j + 1] as number) === 123) {
        j += 2;
        continue;
      }
      fieldNesting[field++] = 2;
      j++;
      continue;
    }
    if (formatted && ch === 125) {
      // }
      if ((u[j + 1] as number) === 125) {
        j += 2;
        continue;
      }
      unsure();
    }
    if (ch === q && (!triple || ((u[j + 1] as number) === q && (u[j + 2] as number) === q))) return j + open;
    j++;
  }
}

// ---- statements

const codeOf = (k: number): number => tCode[k] as number;
const startOf = (k: number): number => tStart[k] as number;
const endOf = (k: number): number => tEnd[k] as number;
const firstOf = (l: number): number => lFirst[l] as number;
const endTokenOf = (l: number): number => lEnd[l] as number;
const indentOf = (l: number): number => lIndent[l] as number;

/** Checks that the tokens s to e of one logical line could be Python (a cheap guard, not a grammar). */
function checkTokens(s: number, e: number): void {
  const first = codeOf(s);
  const last = e - 1;
  if (is(first, OP) && first !== MINUS && first !== PLUS && first !== TILDE && first !== AT && first !== ELLIPSIS)
    unsure();
  if (is(first, CLOSE)) unsure();
  /**
   * Open brackets (depth 0 first), each with whether a `lambda` came since it opened and how many `if`s await their
   * `else`.
   */
  let top = 0;
  openBracket[0] = NONE;
  openLambda[0] = false;
  openIfs[0] = 0;
  const def = first === DEF || first === ASYNC;
  /** A name at depth 0 before any `=` or `:` (after which `:` is no annotation). */
  const target = is(first, IS_NAME) && !is(first, KEYWORD);
  let assigned = false;
  /**
   * Whether the tokens at depth 0 so far are names, dots and subscripts (a target tree-sitter annotates: `self.x[k]:
   * T`).
   */
  let bare = true;
  const codes = tCode;
  // (The NONE before and after the line stand for the missing neighbours.)
  for (let m = s; m <= last; m++) {
    const t = codes[m] as number;
    const next = codes[m + 1] as number;
    const after = FLAGS[next] as number;
    // The commonest tokens, for which only the next token matters (what the general rules below ask of them).
    // (No operand is followed by `{`.)
    if (t === NAME) {
      if ((after & (OPERAND | CLOSE)) === OPERAND || next === CURLY) unsure();
      continue;
    }
    if (t === NUM || t === STR) {
      if (((after & (OPERAND | CLOSE)) === OPERAND && !(t === STR && next === STR)) || next === CURLY) unsure();
      if (top === 0) bare = false;
      continue;
    }
    if (t === DOT) {
      if (!(after & IS_NAME)) unsure();
      continue;
    }
    if (t === COMMA) {
      if (next === NONE || ((after & (OP | UNARY)) === OP && next !== ELLIPSIS)) unsure();
      if (top === 0) bare = false;
      continue;
    }
    const prev = codeOf(m - 1);
    const inner = top;
    if (inner === 0 && !(is(t, IS_NAME) && !is(t, KEYWORD)) && t !== SQUARE && t !== COLON && t !== ASSIGN)
      bare = false;
    if (is(t, OPEN)) {
      top++;
      openBracket[top] = t;
      openCall[top] = is(prev, OPERAND);
      openLambda[top] = false;
      openIfs[top] = 0;
    } else if (is(t, CLOSE)) top--;
    else if (t === LAMBDA) openLambda[inner] = true;
    // `:` ends a block header, or stands in an annotation, a lambda, a dict, a slice or a parameter list.
    if (t === COLON && next !== NONE) {
      // At depth 0 outside a lambda: the annotation of an assignment target (`x: T`, `self.x: T = v`).
      const ok =
        top === 0
          ? (target && bare && !assigned) || openLambda[inner]
          : openBracket[inner] === SQUARE || openBracket[inner] === CURLY || openLambda[inner] || (def && top === 1);
      if (!ok) unsure();
      if (openLambda[inner] && top > 0 && openBracket[inner] === PAREN) openLambda[inner] = false;
    }
    if (top === 0 && (t === ASSIGN || t === COLON)) assigned = true;
    // In brackets, `=` only names a keyword argument or a parameter default: `(name=…`, `, name=…`.
    if (top > 0 && is(t, ASSIGNS)) {
      const before = codeOf(m - 2);
      const parameter = def && top === 1;
      const keyword = is(prev, IS_NAME) && !is(prev, KEYWORD) && (before === PAREN || before === COMMA);
      if (t !== ASSIGN || openBracket[inner] !== PAREN || !(parameter || keyword)) unsure();
    }
    // The target of a `for` is names (with dots, subscripts, commas), no expression.
    if (t === FOR) {
      for (let j = m + 1; j <= last && codeOf(j) !== IN; j++) {
        const x = codeOf(j);
        const starred = x === STAR && (codeOf(j - 1) === FOR || codeOf(j - 1) === COMMA);
        if ((is(x, OP) && x !== COMMA && x !== DOT && !starred) || x === STR || x === NUM || is(x, KEYWORD)) unsure();
      }
    }
    // Mid-line `if`, `else`, `for` belong to a conditional expression or a comprehension: a value comes
    // before; an `else` answers an `if`; a `for` has its `in` (and none stands in a parameter list).
    if (m > s && (t === IF || t === ELSE || t === FOR)) {
      if (!is(prev, OPERAND) || (def && top === 1)) unsure();
      if (t === IF) openIfs[inner] = (openIfs[inner] as number) + 1;
      if (t === ELSE && (openIfs[inner] = (openIfs[inner] as number) - 1) < 0) unsure();
      if (t === FOR && !hasIn(m + 1, last)) unsure();
    }
    // `**` starts an operand only to unpack in a call's arguments or a dict, or in parameters (`f(**kw)`, `{**a}`,
    // `lambda **k: 0`).
    if (t === POWER && !is(prev, OPERAND)) {
      const bracket = openBracket[inner];
      const unpacks =
        (prev === PAREN || prev === CURLY || prev === COMMA) &&
        ((bracket === PAREN && openCall[inner]) || bracket === CURLY);
      if (!unpacks && !((prev === LAMBDA || prev === COMMA) && openLambda[inner])) unsure();
    }
    // Mid-line, `yield` is an assignment's value (`x = yield v`, `x += yield`); tree-sitter reads one in
    // brackets, after an operator or in a default otherwise (and Python mostly rejects it there).
    if (t === YIELD && m > s && !(top === 0 && is(prev, ASSIGNS) && prev !== WALRUS)) unsure();
    if (
      m > s &&
      is(t, STATEMENT) &&
      !(t === IMPORT && first === FROM) &&
      !(t === DEF && m === s + 1 && first === ASYNC)
    )
      unsure();
    if (next === NONE) {
      if (is(t, OP) && t !== COLON && t !== ELLIPSIS && !(t === STAR && prev === IMPORT)) unsure();
      if (is(t, PREFIX) && t !== RETURN && t !== YIELD && t !== RAISE) unsure();
      continue;
    }
    if (is(t, OPERAND) && ((!is(next, CLOSE) && is(next, OPERAND)) || next === CURLY)) unsure();
    if (is(t, OP) && t !== ELLIPSIS && is(next, OP) && !is(next, UNARY) && next !== ELLIPSIS) unsure();
    if (is(t, OP) && t !== COLON && t !== ELLIPSIS && is(next, CLOSE)) unsure();
    if (is(t, OPEN) && is(next, OP) && !is(next, UNARY) && next !== ELLIPSIS && !(t === SQUARE && next === COLON))
      unsure();
    if (
      is(t, PREFIX) &&
      is(next, OP) &&
      !is(next, UNARY) &&
      !((t === LAMBDA || t === ELSE || t === EXCEPT) && next === COLON)
    )
      unsure();
  }
}

function hasIn(from: number, last: number): boolean {
  for (let j = from; j <= last; j++) if (codeOf(j) === IN) return true;
  return false;
}

/**
 * Which statements an `elif`, `else`, `except`, `finally` may follow at its level (null: any statement may start
 * there).
 */
function follows(head: number): number[] | null {
  if (head === ELIF) return [IF, ELIF];
  if (head === ELSE) return [IF, ELIF, FOR, WHILE, TRY, EXCEPT];
  if (head === EXCEPT) return [TRY, EXCEPT];
  if (head === FINALLY) return [TRY, EXCEPT, ELSE];
  return null;
}

/**
 * Checks every logical line's tokens and the block structure of the whole file: indentation, headers,
 * the statements that must follow one another. `levels` are the open blocks' indentations (0 first),
 * `heads` the first token of the last statement at each (NONE before the first).
 */
function checkBlocks(): void {
  let depth = 1;
  levels[0] = 0;
  heads[0] = NONE;
  let opener = false;
  let decorator = false;
  for (let l = 0; l < nLines; l++) {
    const s = firstOf(l);
    const e = endTokenOf(l);
    if (s === e) continue;
    checkTokens(s, e);
    const head = codeOf(s);
    const indent = indentOf(l);
    const top = levels[depth - 1] as number;
    if (opener) {
      if (indent <= top) unsure();
      levels[depth] = indent;
      heads[depth] = NONE;
      depth++;
    } else if (indent > top) {
      unsure();
    } else {
      let kept = depth;
      while ((levels[kept - 1] as number) > indent) kept--;
      if (levels[kept - 1] !== indent) unsure();
      // A `try` block needs its `except` or `finally` before anything else at its level (or left of it).
      for (let k = kept; k < depth; k++) if (heads[k] === TRY) unsure();
      if (heads[kept - 1] === TRY && head !== EXCEPT && head !== FINALLY) unsure();
      depth = kept;
    }
    const before = heads[depth - 1] as number;
    if (decorator && !(head === AT || head === DEF || head === ASYNC || head === CLASS)) unsure();
    if (decorator && before !== AT) unsure();
    const after = follows(head);
    if (after && !after.includes(before)) unsure();
    const count = e - s;
    if ((head === ELSE || head === TRY || head === FINALLY) && count !== 2) unsure();
    const second = count > 1 ? codeOf(s + 1) : NONE;
    if ((is(head, AMBIGUOUS) && second !== PAREN && second !== DOT) || (head === ASYNC && second !== DEF)) unsure();
    if (head === DEF || head === CLASS || head === ASYNC) checkHeader(head === ASYNC ? s + 1 : s, e);
    const colon = codeOf(e - 1) === COLON;
    if (is(head, COMPOUND) !== colon) unsure();
    heads[depth - 1] = head;
    opener = colon;
    decorator = head === AT;
  }
  if (opener || decorator) unsure();
  for (let k = 0; k < depth; k++) if (heads[k] === TRY) unsure();
}

/** `def name(…) [-> T]:` or `class Name[(…)]:` (tokens s to e), with the brackets closing where they should. */
function checkHeader(s: number, e: number): void {
  const count = e - s;
  const name = count > 1 ? codeOf(s + 1) : NONE;
  if (!is(name, IS_NAME) || is(name, KEYWORD)) unsure();
  const after = count > 2 ? codeOf(s + 2) : NONE;
  if (codeOf(s) === CLASS && after === COLON && count === 3) return;
  if (after !== PAREN) unsure();
  let depth = 0;
  let k = s + 2;
  for (; k < e; k++) {
    const x = codeOf(k);
    if (is(x, OPEN)) depth++;
    else if (is(x, CLOSE) && --depth === 0) break;
  }
  const rest = e - k - 1;
  if (rest === 1 && codeOf(k + 1) === COLON) return;
  if (codeOf(s) === DEF && rest > 2 && codeOf(k + 1) === ARROW) return;
  unsure();
}

// ---- the classes

function topLevelClasses(text: string): PyClass[] {
  const classes: PyClass[] = [];
  for (let l = 0; l < nLines; l++) {
    if (indentOf(l) !== 0 || firstOf(l) === endTokenOf(l) || codeOf(firstOf(l)) !== CLASS) continue;
    let end = l + 1;
    while (end < nLines && (indentOf(end) > 0 || firstOf(end) === endTokenOf(end))) end++;
    let firstCode = -1;
    let lastCode = -1;
    for (let k = l + 1; k < end; k++)
      if (firstOf(k) !== endTokenOf(k)) {
        if (firstCode < 0) firstCode = k;
        lastCode = k;
      }
    // (The block check saw the indented body after the header.)
    if (firstCode < 0) unsure();
    const bodyIndent = indentOf(firstCode);
    // Comment lines inside the class at its body's indentation or deeper are extras inside the body;
    // after its last statement they extend the class (when all that deep) or stay out of it (when all
    // at column 0). Other placements: unsure.
    for (let k = l + 1; k < lastCode; k++) if (firstOf(k) === endTokenOf(k) && indentOf(k) < bodyIndent) unsure();
    let inside = true;
    let atZero = true;
    for (let k = lastCode + 1; k < end; k++) {
      if (indentOf(k) < bodyIndent) inside = false;
      if (indentOf(k) !== 0) atZero = false;
    }
    if (!inside && !atZero) unsure();
    const tail = inside ? end - 1 : lastCode;
    classes.push(readClass(text, l, firstCode, lastCode, lComment[tail] as number));
  }
  return classes.slice();
}

/**
 * The class whose header is line `header` and body the lines firstCode to lastCode; `end`: where a comment ends it (-1:
 * at its last token).
 */
function readClass(text: string, header: number, firstCode: number, lastCode: number, end: number): PyClass {
  const s = firstOf(header);
  const count = endTokenOf(header) - s;
  const name = s + 1;
  const line = lineOf(startOf(s));
  if (count < 2 || !is(codeOf(name), IS_NAME) || is(codeOf(name), KEYWORD) || lineOf(startOf(name)) !== line) unsure();
  const after = count > 2 ? codeOf(s + 2) : NONE;
  let bases: string[] = [];
  if (after === PAREN) {
    const close = s + count - 2;
    if (codeOf(close) !== CLOSE_PAREN || lineOf(startOf(close)) !== line) unsure();
    bases = baseList(text, s + 3, close);
  } else if (after !== COLON || count !== 3) {
    unsure();
  }
  const cls: PyClass = {
    name: text.slice(startOf(name), endOf(name)),
    nameRange: span(position(startOf(name)), position(endOf(name))),
    range: span(pos(line, 0), position(end >= 0 ? end : endOf(endTokenOf(lastCode) - 1))),
    bases,
    attributes: [],
    strAttrs: {},
    methods: [],
    docstring: null,
  };
  const indent = indentOf(firstCode);
  for (let l = firstCode; l <= lastCode; l++) {
    const a = firstOf(l);
    const n = endTokenOf(l) - a;
    if (n === 0 || indentOf(l) !== indent) continue;
    const first = codeOf(a);
    const second = n > 1 ? codeOf(a + 1) : NONE;
    if (first === DEF || (first === ASYNC && second === DEF)) {
      const fn = first === DEF ? a + 1 : a + 2;
      if (fn - a >= n || !is(codeOf(fn), IS_NAME) || is(codeOf(fn), KEYWORD)) unsure();
      cls.methods.push(text.slice(startOf(fn), endOf(fn)));
    } else if (is(first, IS_NAME) && !is(first, KEYWORD) && (second === ASSIGN || second === COLON)) {
      const attribute = text.slice(startOf(a), endOf(a));
      cls.attributes.push(attribute);
      const eq = second === ASSIGN ? 1 : topLevelAssign(a, a + n);
      const value = a + eq + 1;
      if (eq > 0 && eq + 1 < n && codeOf(value) === STR) {
        if (eq + 2 < n && codeOf(value + 1) === STR) unsure();
        if (eq + 2 === n) cls.strAttrs[attribute] = stringValue(text, value) ?? unsure();
      }
    } else if (l === firstCode && first === STR) {
      if (n > 1 && (second === STR || second === COMMA)) unsure();
      if (n === 1) cls.docstring = stringValue(text, a) ?? unsure();
    }
  }
  // Without the spare room `push` left (22,000 classes are kept for the session).
  cls.attributes = cls.attributes.slice();
  cls.methods = cls.methods.slice();
  cls.bases = cls.bases.slice();
  return cls;
}

/**
 * Index (from the line's first token `a`) of the `=` of an annotated assignment (`name: T = value`), -1 when there is
 * none.
 */
function topLevelAssign(a: number, e: number): number {
  let depth = 0;
  for (let k = a + 2; k < e; k++) {
    const t = codeOf(k);
    if (is(t, OPEN)) depth++;
    else if (is(t, CLOSE)) depth--;
    else if (depth === 0 && t === ASSIGN) return k - a;
    else if (depth === 0 && is(t, ASSIGNS)) unsure();
  }
  return -1;
}

/** The superclass list (tokens s to e) as tree-sitter names it: each argument's text, keyword arguments left out. */
function baseList(text: string, s: number, e: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let part = s;
  const flush = (z: number): void => {
    if (part === z) return;
    const keyword = is(codeOf(part), IS_NAME) && z - part > 1 && codeOf(part + 1) === ASSIGN;
    if (!keyword) {
      // Tokens on one line (spaces between them): the node's text is the source from the first to the last.
      if (lineOf(startOf(part)) !== lineOf(endOf(z - 1))) unsure();
      for (let k = part; k < z; k++) if (codeOf(k) === STR) unsure();
      out.push(text.slice(startOf(part), endOf(z - 1)));
    }
  };
  for (let k = s; k < e; k++) {
    const t = codeOf(k);
    if (is(t, OPEN)) depth++;
    if (is(t, CLOSE)) depth--;
    if (depth === 0 && t === COMMA) {
      flush(k);
      part = k + 1;
    }
  }
  flush(e);
  return out;
}

/**
 * The value of string token `k` as facts.ts reads it, or null when this scanner does not vouch for it
 * (f/b prefixes).
 */
function stringValue(text: string, k: number): string | null {
  let q = startOf(k);
  let raw = false;
  for (; ; q++) {
    const c = text.charCodeAt(q);
    if (c === 34 || c === 39) break;
    if ((c | 32) === 98 || (c | 32) === 102) return null;
    if ((c | 32) === 114) raw = true;
  }
  const quote = text.charCodeAt(q);
  const open = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote ? 3 : 1;
  const body = text.slice(q + open, endOf(k) - open);
  return decodeBody(body, raw);
}

/** The physical line of an offset. */
function lineOf(offset: number): number {
  let lo = 0;
  let hi = nPhysical - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function position(offset: number): Position {
  const line = lineOf(offset);
  return pos(line, offset - (lineStarts[line] as number));
}
