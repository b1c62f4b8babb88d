// The fast path of parsePythonFacts for registry files. A registry file is mostly its literals (a core
// registry of 2,000 steps is 750 KB of one dict), and tree-sitter builds a node for every key, value
// and comma of them, which the analysis then reads again from the text with the literal scanner. Here
// each top-level `NAME = {…}` (or `[…]`, `(…)`, annotated or not) whose literal a strict scanner reads
// is replaced by `(0)` holding its line breaks, so tree-sitter parses only the skeleton around the
// literals, every other line as it is: statements, classes and syntax errors are its own, as in the full
// parse, at the same lines and columns. The scanner is strict where tree-sitter is — it accepts only
// literals tree-sitter parses without error — so an error of the file stays in the skeleton (and the
// caller declines). The caller also checks that each literal left out came back as the right-hand side
// of a top-level assignment, and a test proves the result equal to the full parse.
import type { Lit } from '../literal';
import type { LineIndex } from '../text/lineIndex';
import { Abort, Scanner } from './literalScanner';
import { nextLine } from './lineStarts';
import { isNameChar, isNameStart } from './asciiChars';

export interface LeftOut<V = Lit> {
  /** Offset just after the literal. */
  end: number;
  value: V;
}

export interface Skeleton<V = Lit> {
  text: string;
  /** By the offset of the `(0…)` standing for it in the skeleton. */
  literals: Map<number, LeftOut<V>>;
}

/** `NAME = ` or `NAME: T = ` at a line start, before a bracket. */
const ASSIGNMENT = /[A-Z_]\w*[ \t]*(?::[^=\n]*)?=[ \t]*(?=[[{(])/iy;
/** What may follow the literal on its last line: blanks and a comment. */
const LINE_END = /[ \t]*(?:#[^\r\n]*)?(?:\r?\n|$)/y;

/**
 * Numbers as tree-sitter-python's grammar spells them: digits joined by single `_` (a decimal run may end with one).
 */
const DIGITS = '\\d+(?:_\\d+)*_?';
const TREE_SITTER_NUMBER = new RegExp(
  '^(?:0x_?[\\da-f]+(?:_[\\da-f]+)*|0o_?[0-7]+(?:_[0-7]+)*|0b_?[01]+(?:_[01]+)*|' +
    `(?:${DIGITS}\\.(?:${DIGITS})?|\\.${DIGITS}|${DIGITS})(?:e[+-]?${DIGITS})?)$`,
  'i',
);

/** The literal scanner, declining numbers tree-sitter would not read as one. */
class Strict extends Scanner {
  protected override number(): Lit | null {
    const from = this.pos;
    const n = super.number();
    if (n && !TREE_SITTER_NUMBER.test(this.text.slice(from, this.pos))) this.abort();
    return n;
  }

  /** The literal starting here and where it ends, or null. */
  read(from: number): LeftOut | null {
    this.pos = from;
    try {
      const value = this.value(0);
      return { end: this.pos, value };
    } catch (e) {
      if (e instanceof Abort) return null;
      throw e;
    }
  }
}

/** The skeleton of `text`, or null when no literal was left out (the full parse costs the same then). */
export function skeletonOf(text: string, lines: LineIndex): Skeleton | null {
  const scanner = new Strict(text, text.length, lines);
  return skeletonWith(text, (from) => scanner.read(from));
}

/**
 * The skeleton of `text` with the literals `read` reads (what it gives for the literal starting at an
 * offset, null where it declines): `skeletonOf` reads them whole, a reader that accepts less of what
 * the strict scanner accepts may read less of them (python/dictKeys.ts).
 */
export function skeletonWith<V>(text: string, read: (from: number) => LeftOut<V> | null): Skeleton<V> | null {
  const literals = new Map<number, LeftOut<V>>();
  const parts: string[] = [];
  let length = 0;
  const keep = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    ASSIGNMENT.lastIndex = i;
    if (ASSIGNMENT.test(text)) {
      const start = ASSIGNMENT.lastIndex;
      const lit = read(start);
      LINE_END.lastIndex = lit?.end ?? 0;
      if (lit && LINE_END.test(text)) {
        keep(text.slice(kept, start));
        literals.set(length, lit);
        keep(`(0${'\n'.repeat(lineBreaks(text, start, lit.end))})`);
        kept = lit.end;
        i = lit.end;
      }
    }
    i = nextLine(text, i);
  }
  if (literals.size === 0) return null;
  keep(text.slice(kept));
  return { text: parts.join(''), literals };
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A top-level `NAME = …` whose literal the skeleton left out, at the start of line `line`. */
export interface PlainAssignment<V = Lit> {
  name: string;
  line: number;
  literal: LeftOut<V>;
}

/**
 * Names tree-sitter-python may read as something else than an identifier (keywords, soft keywords, Python 2
 * statements).
 */
const KEYWORDS = new Set([
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
  'exec',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'match',
  'case',
  'nonlocal',
  'not',
  'or',
  'pass',
  'print',
  'raise',
  'return',
  'try',
  'type',
  'while',
  'with',
  'yield',
  '_',
]);

/**
 * The statements of a skeleton made only of blank lines, comments, docstring-like strings (no prefix,
 * no backslash) and unannotated `NAME = ` assignments of literals it left out, each alone on its line —
 * what a generated registry is: nothing is left for tree-sitter to find (no class, no error), so no
 * parse is needed. Null when anything else is in it (the caller parses the skeleton).
 */
export function plainStatements<V>(skeleton: Skeleton<V>): PlainAssignment<V>[] | null {
  const s = skeleton.text;
  const out: PlainAssignment<V>[] = [];
  let line = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      const triple = s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c;
      i += triple ? 3 : 1;
      for (;;) {
        const b = s.charCodeAt(i);
        if (Number.isNaN(b) || b === 92 || (!triple && (b === 10 || b === 13))) return null;
        if (b === c && (!triple || (s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c))) break;
        if (b === 10) line++;
        i++;
      }
      i += triple ? 3 : 1;
    } else if (isNameStart(c)) {
      const start = i;
      while (isNameChar(s.charCodeAt(i))) i++;
      const name = s.slice(start, i);
      if (KEYWORDS.has(name)) return null;
      i = blanks(s, i);
      if (s.charCodeAt(i) !== 61) return null; // =
      i = blanks(s, i + 1);
      const literal = skeleton.literals.get(i);
      if (!literal) return null;
      out.push({ name, line, literal });
      i += 2; // (0
      while (s.charCodeAt(i) === 10) {
        line++;
        i++;
      }
      if (s.charCodeAt(i) !== 41) return null; // )
      i++;
    } else if (c !== 32 && c !== 9 && c !== 35 && c !== 10 && c !== 13) return null;
    // The rest of the line: blanks and a comment.
    i = blanks(s, i);
    if (s.charCodeAt(i) === 35) while (i < s.length && s.charCodeAt(i) !== 10) i++;
    if (s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10) i++;
    if (i < s.length && s.charCodeAt(i) !== 10) return null;
    line++;
    i++;
  }
  return out.length === skeleton.literals.size ? out : null;
}

function blanks(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}
