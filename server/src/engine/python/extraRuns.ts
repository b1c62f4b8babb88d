// tree-sitter-python's scanner looks ahead over every following comment line and line continuation
// (`\` ending an otherwise blank line) each time it is called, and it is called again after each of
// them (they are tokens of their own), so a long run of such lines parses in quadratic time (8,000
// comment lines: 18 s, found by the fuzzer; 10,000 continuation lines: 3 s). Such runs are blanked
// before parsing — same length, same line breaks, so every position and every other node is
// unchanged; the engine never reads comment nodes. Inside brackets a blanked continuation means what
// it meant (a line break is blank there); outside them, where no one writes 32 in a row, the statement
// is read as ending at the run.

/** Comment-only or continuation-only lines in a row (blank lines between them allowed) from which a run is blanked. */
export const LONG_RUN = 32;

/**
 * `text` with the comments and continuation backslashes of each run of at least LONG_RUN comment-only
 * or continuation-only lines replaced by spaces; the same string when there is none. Strings are
 * followed (quotes, triple quotes, escapes), so a line inside a string is never touched.
 */
export function blankExtraRuns(text: string): string {
  const runs: [number, number][] = [];
  let runStart = -1;
  let runEnd = -1;
  let extras = 0;
  const endRun = (): void => {
    if (extras >= LONG_RUN) runs.push([runStart, runEnd]);
    extras = 0;
    runStart = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // at a line start, outside any string
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\f')) j++;
    const c = text[j];
    const continuation = c === '\\' && (text[j + 1] === '\n' || text[j + 1] === '\r');
    if (c === '#' || continuation) {
      if (runStart < 0) runStart = j;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      runEnd = j;
      extras++;
      i = skipBreak(text, j);
      continue;
    }
    if (c === undefined || c === '\n' || c === '\r') {
      i = skipBreak(text, j);
      continue;
    }
    endRun();
    i = skipLine(text, j);
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

export function skipBreak(text: string, i: number): number {
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
}

/**
 * From a token on a line to the start of the next line outside strings (a string may span lines; a
 * line continued by `\` ends at its break too, so the continuation-only lines after it are seen).
 * `onString` is told where each string starts (its quote) and ends.
 */
export function skipLine(text: string, i: number, onString?: (quote: number, end: number) => void): number {
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') return skipBreak(text, i);
    if (c === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = skipString(text, i);
      onString?.(i, end);
      i = end;
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] === '\n' || text[i + 1] === '\r') return skipBreak(text, i + 1);
      i += 2;
      continue;
    }
    i++;
  }
  return n;
}

/**
 * Past the string starting at `i` (a single-quoted one ends at its line's end when left open). A
 * triple-quoted string never closed is no string for this purpose: tree-sitter re-reads what follows its
 * quotes as code, so the lines after them are scanned as lines (an open docstring before 6,000 comment
 * lines took 3.4 s to parse, 80,000 took 10 minutes).
 */
export function skipString(text: string, i: number): number {
  const q = text[i] as string;
  const triple = text.startsWith(q.repeat(3), i);
  const n = text.length;
  const open = i + (triple ? 3 : 1);
  for (i = open; i < n;) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (triple ? text.startsWith(q.repeat(3), i) : c === q) return i + (triple ? 3 : 1);
    if (!triple && (c === '\n' || c === '\r')) return i;
    i++;
  }
  return triple ? open : n;
}
