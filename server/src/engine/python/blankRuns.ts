// tree-sitter-python's scanner looks ahead over every following blank line each time it is called. In
// a format specifier (`{x:` — a real f-string's, or one tree-sitter reads into the lines after a
// single-quoted string left open) each blank line that holds a space, tab or `\r` is a token of its own,
// so a long run of them parses in quadratic time (the fuzzer's 83 KB registry, `"` before 13,000 CRLF
// lines and `{"k":` before 21,000 more: 24 s). Each line of such a run gets a `\v` (an extra for
// tree-sitter's lexer, which its scanner does not skip) so the look-ahead stops at the next line. Same
// length, same line breaks; the scanner decides at the `\v` what it decided at the line after the run
// (the `\v` comes after that line's indentation, and a run is left as it is when that line starts with
// a string, a comment or a continuation, whose decisions would differ). Inside an f-string's replacement
// field (fstringFields.ts: a closed triple-quoted string's, or a single-quoted string's left open at its
// line's end, which tree-sitter reads on) the scanner decides nothing from what follows (only `}` and
// nested fields end a format specifier there), so every line of such a run is broken, with a bare `\v`
// when it is shorter than the indentation.
import { LONG_RUN, skipLine } from './extraRuns';
import { fieldsOf, prefixOf } from './fstringFields';

/** What the scanner skips on a blank line (`\n` ends it). */
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f' || c === '\r';
/** The first token of a line that the scanner reads itself after a run: a string, a comment, a continuation. */
const SCANNER_TOKEN = /[ftrbu]*["'`]|#|\\/iy;

/**
 * `text` with a `\v` after the indentation of the line that follows (copied) on each long enough line
 * of each run of at least LONG_RUN blank lines outside strings or inside an f-string's replacement
 * field; the same string when there is none.
 */
export function breakBlankRuns(text: string): string {
  const edits: [number, string][] = [];
  const n = text.length;
  let runStart = -1;
  let lines = 0;
  // Whether the line before the run ended inside a field of a single-quoted f-string left open.
  let inField = false;
  const onString = (quote: number, end: number): void => {
    if (!/[ft]/i.test(prefixOf(text, quote))) return;
    const fields = fieldsOf(text, quote, end);
    if (fields === null) return;
    for (const [from, to] of fields.spans) breakFieldRuns(text, from, to, edits);
    inField = fields.open;
  };
  let i = 0;
  while (i < n) {
    // at a line start, outside any string
    let j = i;
    while (isBlank(text[j])) j++;
    // A blank line counts when the scanner reaches it past a line break (not after a lone `\r` or a continuation).
    if (text[j] === '\n' && i > 0 && text[i - 1] === '\n' && !/\\\r?\n$/.test(text.slice(Math.max(0, i - 3), i))) {
      if (runStart < 0) runStart = i;
      lines++;
      i = j + 1;
      continue;
    }
    if (lines >= LONG_RUN) breakRun(text, runStart, i, j, edits, inField);
    runStart = -1;
    lines = 0;
    inField = false;
    if (j >= n) break;
    i = text[j] === '\n' ? j + 1 : skipLine(text, j, onString);
  }
  if (lines >= LONG_RUN) breakRun(text, runStart, n, n, edits, inField);
  if (edits.length === 0) return text;
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, put] of edits) {
    out += text.slice(at, from) + put;
    at = from + put.length;
  }
  return out + text.slice(at);
}

/** Edits for the runs of blank lines inside the field between `from` and `to` (lines starting inside it). */
function breakFieldRuns(text: string, from: number, to: number, edits: [number, string][]): void {
  let runStart = -1;
  let lines = 0;
  for (let s = text.indexOf('\n', from) + 1; s > 0 && s <= to;) {
    let j = s;
    while (isBlank(text[j])) j++;
    if (text[j] === '\n' && j < to) {
      if (runStart < 0) runStart = s;
      lines++;
      s = j + 1;
      continue;
    }
    if (lines >= LONG_RUN) breakRun(text, runStart, s, j, edits, true);
    runStart = -1;
    lines = 0;
    s = text.indexOf('\n', j) + 1;
  }
}

/**
 * Edits for the blank lines from `from` to `next` (the following line's start; its first token at
 * `token`); `inField`: inside a replacement field, where what that token is does not count and a line
 * too short for the indentation gets a bare `\v`.
 */
function breakRun(
  text: string,
  from: number,
  next: number,
  token: number,
  edits: [number, string][],
  inField: boolean,
): void {
  SCANNER_TOKEN.lastIndex = token;
  if (!inField && token < text.length && SCANNER_TOKEN.test(text)) return;
  const put = `${text.slice(next, token)}\v`;
  for (let s = from; s < next;) {
    const e = text.indexOf('\n', s);
    if (e - s >= put.length) edits.push([s, put]);
    else if (inField && e > s) edits.push([s, '\v']);
    s = e + 1;
  }
}
