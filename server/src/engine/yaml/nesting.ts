// Keeps pathologically nested YAML away from the parser. The `yaml` parser recurses once per flow
// bracket or compact `- ` level, and thousands of levels make V8 abort the process (not a catchable
// stack overflow: "RegExpCompiler Allocation failed"). A linear pre-scan finds where the nesting first
// goes deeper than any real document needs; the text from there on is blanked (same offsets). Lines
// holding a mapping inside a compact mapping (`a: b:`, `a: b: c`, a syntax error) nest the next such
// line inside them, so a run of them counts as nesting too.

export const MAX_NESTING = 100;

export interface Capped { text: string; at: number | null; limit: number }

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
  /** Mapping indicators after the start of this line, and the run of lines with two or more (comment and blank lines keep it). */
  let inline = 0;
  let content = false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (content && inline < 2) run = 0;
      lineStart = true; compact = 0; inline = 0; content = false;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') continue;
      if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        if (++compact + flow > MAX_NESTING) return i;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c !== '#') content = true;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if ((c === '"' || c === "'") && /[\s[{,:]|^$/.test(text[i - 1] ?? '')) {
      i = quoteEnd(text, i);
    } else if ((c === ':' || c === '-') && flow === 0 && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      // `a: b: c: …` and `- - …` further on a line nest too (the parser recurses before rejecting them).
      if (++compact > MAX_NESTING) return i;
      if (c === ':' && ++inline === 2 && ++run > MAX_NESTING) return i;
    } else if (c === ':' && flow === 0 && (i + 1 === text.length || text[i + 1] === '\n' || text[i + 1] === '\r')) {
      if (++inline === 2 && ++run > MAX_NESTING) return i;
    } else if (c === '[' || c === '{') {
      if (++flow + compact > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
    }
  }
  return null;
}

/** The closing quote of a quoted scalar (it may span lines), or the end of the text. */
function quoteEnd(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') { i++; continue; }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return text.length;
}
