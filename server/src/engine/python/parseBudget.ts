// A bound on the work of one tree-sitter parse, proportional to the text's length (issue 42).
// tree-sitter-python's external scanner looks ahead over runs of lines each time it is called, so some
// shapes parse in quadratic time; the known ones are rewritten before parsing (extraRuns.ts,
// blankRuns.ts), and this cuts any other. The work is counted, never timed, so a cut is deterministic:
// the input goes to tree-sitter in chunks of CHUNK characters, and a scanner that reads the same run
// again asks for it again, so the characters handed out measure the lexer's reading; tree-sitter also
// reports its progress every 100 parse operations, each report counting PER_REPORT (an operation costs
// about ten characters' reading).
import type { Parser, Tree } from 'web-tree-sitter';

/** Characters handed to tree-sitter per request: reading again within one chunk goes uncounted. */
const CHUNK = 256;
/**
 * Work counted per progress report (tree-sitter reports every 100 parse operations). An operation costs
 * about 10 times the reading of a character (0.18–0.44 µs against 0.024–0.038 µs, on the shapes doing
 * most of each), so the budget bounds the time whichever the parse does most of. Counted as 100, a
 * parse doing operations ran 4.6 s per 100 KB before its cut: error recovery over a deep stack (a line
 * of 5,000 unary `-` in a broken dict, then short lines: each line costs operations in the depth).
 */
const PER_REPORT = 1000;
/**
 * Work allowed per character of text. Normal files need 2–9 (16,000 real Python files: at most 8.7 for
 * those over 64 KB; at most 1.0 operation and 3.0 characters read per character), the worst legitimate
 * shapes ~32 (runs of 31 long comment lines, just short of what extraRuns.ts blanks, before a dedent of
 * ten levels; lines of f-strings with nested fields, 3.1 operations per character); the known quadratic
 * shapes need thousands.
 */
const WORK_PER_CHAR = 128;
/** Work allowed on top, so a small file is never cut (no real file uses more than 8.7 % of its budget). */
const BASE_WORK = 65_536;

/** The work a parse of a text of this length may do. */
export function budgetOf(length: number): number {
  return WORK_PER_CHAR * length + BASE_WORK;
}

/** A parse: its tree, or null when it was cut (`cut`: the offset the parser had reached); the work it did. */
export interface BoundedParse {
  tree: Tree | null;
  cut: number;
  work: number;
}

/**
 * The work of one parse of `text`, counted over as many calls to tree-sitter as the parse takes (a parse run in
 * slices resumes where its last call stopped): `input` hands out the text, `report` counts a progress report.
 */
export class ParseWork {
  work = 0;
  /** The offset the parser had reached at its last report. */
  offset = 0;
  private parsing = true;

  constructor(
    private readonly text: string,
    private readonly budget: number,
  ) {}

  /** The tree keeps this function to read node texts after the parse: then it hands out the rest of the text. */
  readonly input = (index: number): string => {
    const text = this.text;
    if (!this.parsing) return text.slice(index);
    // Past the budget the input ends, so a scanner reading a long run stops at once; the tree is dropped.
    if (this.over) return '';
    // A chunk never ends between the two halves of a surrogate pair (tree-sitter would read a lone half).
    const end = index + CHUNK;
    const chunk = text.slice(index, isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end);
    this.work += chunk.length;
    return chunk;
  };

  get over(): boolean {
    return this.work > this.budget;
  }

  /** Counts a progress report (offsets are in bytes of UTF-16); true once the work is past the budget. */
  report(state: { currentOffset: number }): boolean {
    this.work += PER_REPORT;
    this.offset = state.currentOffset >> 1;
    return this.over;
  }

  /** The parse is over: the input now serves node texts. */
  done(): void {
    this.parsing = false;
  }

  /** Where a parse past its budget stopped. */
  get cut(): number {
    return Math.min(this.offset, this.text.length);
  }
}

/**
 * Parses `text` (incrementally from `old`, edited to match), cutting the parse once its work passes
 * `budget`. A cut parse leaves the parser reset and `old` as it was.
 */
export function parseWithin(parser: Parser, text: string, old: Tree | null, budget: number): BoundedParse {
  const w = new ParseWork(text, budget);
  const tree = parser.parse(w.input, old, { progressCallback: (state) => w.report(state) });
  w.done();
  if (!w.over) return { tree, cut: -1, work: w.work };
  tree?.delete();
  parser.reset();
  return { tree: null, cut: w.cut, work: w.work };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
