// Keeps pathologically nested YAML away from the parser. The `yaml` parser recurses once per flow
// bracket or compact `- ` level, and thousands of levels make V8 abort the process (not a catchable
// stack overflow: "RegExpCompiler Allocation failed"). A linear pre-scan finds where the nesting first
// goes deeper than any real document needs; the text from there on is blanked (same offsets). Lines
// holding a mapping inside a compact mapping (`a: b:`, `a: b: c`, a syntax error) nest the next such
// line inside them, so a run of them counts as nesting too. A quoted scalar ends where the parser's
// lexer ends it (at a line indented less than the block it is in, else at its closing quote), so what
// follows an unclosed quote is scanned as the parser reads it.

export const MAX_NESTING = 100;

export interface Capped {
  text: string;
  at: number | null;
  limit: number;
}

export function capNesting(text: string): Capped {
  const at = tooDeep(text);
  if (at === null) return { text, at: null, limit: MAX_NESTING };
  return { text: text.slice(0, at) + text.slice(at).replace(/[^\r\n]/g, ' '), at, limit: MAX_NESTING };
}

/** The offset where flow brackets plus the block indicators of a line (`- `, `? `, `key: `) first exceed the limit. */
function tooDeep(text: string): number | null {
  let flow = 0;
  let lineStart = true;
  let compact = 0;
  /**
   * Mapping indicators after the start of this line, and the run of lines with two or more (comment and blank lines
   * keep it).
   */
  let inline = 0;
  let content = false;
  let run = 0;
  /**
   * The lexer's block indentation (`indentValue`, `indentNext`): a quoted scalar's lines must be indented `next` or
   * deeper.
   */
  let indent = 0;
  let next = 0;
  let lineFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (content && inline < 2) run = 0;
      lineStart = true;
      compact = 0;
      inline = 0;
      content = false;
      lineFrom = i + 1;
      continue;
    }
    if (lineStart) {
      if (i === lineFrom && flow === 0) [indent, next] = lineIndents(text, i, next);
      if (c === ' ' || c === '\t') continue;
      if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        if (++compact + flow > MAX_NESTING) return i;
        if (flow === 0) {
          next = indent + 1;
          indent = spacesAfter(text, i + 1) - lineFrom;
        }
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c !== '#') content = true;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if ((c === '"' || c === "'") && /[\s[{,:]|^$/.test(text[i - 1] ?? '')) {
      i = quoteEnd(text, i, next);
    } else if ((c === ':' || c === '-') && flow === 0 && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      // `a: b: c: …` and `- - …` further on a line nest too (the parser recurses before rejecting them).
      if (++compact > MAX_NESTING) return i;
      if (c === ':') next = indent + 1;
      if (c === ':' && ++inline === 2 && ++run > MAX_NESTING) return i;
    } else if (c === ':' && flow === 0 && (i + 1 === text.length || text[i + 1] === '\n' || text[i + 1] === '\r')) {
      next = indent + 1;
      if (++inline === 2 && ++run > MAX_NESTING) return i;
    } else if (c === '[' || c === '{') {
      if (++flow + compact > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
  }
  return null;
}

/** `[indentValue, indentNext]` after the lexer starts the block-context line at `from` (parseLineStart). */
function lineIndents(text: string, from: number, next: number): [number, number] {
  if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(from, from + 4))) return [0, 0];
  const at = spacesAfter(text, from, false);
  const indent = at - from;
  return [indent, next > indent && !/^[ \t\r\n]?$/.test(text[at + 1] ?? '') ? indent : next];
}

/** The offset after the spaces (and tabs, unless `tabs` is false) from `from`. */
function spacesAfter(text: string, from: number, tabs = true): number {
  let i = from;
  while (text[i] === ' ' || (tabs && text[i] === '\t')) i++;
  return i;
}

/**
 * The closing quote of a quoted scalar (it may span lines), or the end of the text; or, as the lexer
 * reads it (parseQuotedScalar, continueScalar), the last character before a line break followed by a
 * line indented less than `next` (with `next` 0: a document marker line) that is not blank.
 */
function quoteEnd(text: string, open: number, next: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    // an escaped line break is a line break too
    if (q === '"' && text[i] === '\\' && text[i + 1] !== '\n' && text[i + 1] !== '\r') {
      i++;
      continue;
    }
    if (text[i] === '\n' && !continues(text, i + 1, next)) return Math.max(open, i - (text[i - 1] === '\r' ? 2 : 1));
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return text.length;
}

/** Whether a quoted scalar goes on at the line starting at `from` (the lexer's continueScalar). */
function continues(text: string, from: number, next: number): boolean {
  if (next === 0) return !/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(from, from + 4));
  const at = spacesAfter(text, from, false);
  const ch = text[at];
  return ch === undefined || ch === '\n' || ch === '\r' || at - from >= next;
}
