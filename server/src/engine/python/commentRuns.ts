// tree-sitter-python's scanner looks ahead over every following comment line at each line end, so a
// long run of comment-only lines after a statement parses in quadratic time (8,000 lines: 18 s, found
// by the fuzzer). Such runs are blanked before parsing — same length, same line breaks, so every
// position and every other node is unchanged; the engine never reads comment nodes.

/** Comment-only lines in a row (blank lines between them allowed) from which a run is blanked. */
const LONG_RUN = 32;

/**
 * `text` with the comments of each run of at least LONG_RUN comment-only lines replaced by spaces;
 * the same string when there is none. Strings are followed (quotes, triple quotes, escapes), so a line
 * starting with `#` inside a string is never touched.
 */
export function blankCommentRuns(text: string): string {
  const runs: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  let comments = 0;
  const endRun = (): void => {
    if (comments >= LONG_RUN) runs.push([runStart, runEnd]);
    comments = 0;
    runStart = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // at a line start, outside any string
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\f')) j++;
    const c = text[j];
    if (c === '#') {
      if (runStart < 0) runStart = j;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      runEnd = j;
      comments++;
      i = skipBreak(text, j);
      continue;
    }
    if (c === undefined || c === '\n' || c === '\r') { i = skipBreak(text, j); continue; }
    endRun();
    i = skipLogicalLine(text, j);
  }
  endRun();
  if (runs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [from, to] of runs) {
    out += text.slice(at, from) + text.slice(from, to).replace(/[^\n\r]/g, ' ');
    at = to;
  }
  return out + text.slice(at);
}

function skipBreak(text: string, i: number): number {
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
}

/** From a token on a line to the start of the next line outside strings (a string may span lines). */
function skipLogicalLine(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') return skipBreak(text, i);
    if (c === '#') { while (i < n && text[i] !== '\n' && text[i] !== '\r') i++; continue; }
    if (c === '"' || c === "'") { i = skipString(text, i); continue; }
    if (c === '\\') { i += 2; continue; }
    i++;
  }
  return n;
}

/** Past the string starting at `i` (a single-quoted one ends at its line's end when left open). */
function skipString(text: string, i: number): number {
  const q = text[i] as string;
  const triple = text.startsWith(q.repeat(3), i);
  const n = text.length;
  i += triple ? 3 : 1;
  while (i < n) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (triple ? text.startsWith(q.repeat(3), i) : c === q) return i + (triple ? 3 : 1);
    if (!triple && (c === '\n' || c === '\r')) return i;
    i++;
  }
  return n;
}
