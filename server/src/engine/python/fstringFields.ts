// tree-sitter-python reads an f-string's replacement fields (`{x:...}`) as code, and a format specifier
// that spans lines makes each blank line holding a space, tab or `\r` a token: blankRuns.ts breaks long
// runs of blank lines there too, so it needs to know where the fields are, as tree-sitter reads them.

/** Nested strings inside fields deeper than this: the string is left as it is. */
const MAX_NESTING = 8;

/** The prefix letters of the string whose quote is at `q` ('' when none, or when they end a longer name). */
export function prefixOf(text: string, q: number): string {
  let p = q;
  while (p > 0 && /[\p{L}\p{N}_]/u.test(text[p - 1] as string)) p--;
  const word = text.slice(p, q);
  return /^[ftrbu]+$/i.test(word) ? word : '';
}

/** The spans inside the top-level replacement fields of a string, and whether one is still open at the end. */
export interface Fields {
  readonly spans: readonly [number, number][];
  readonly open: boolean;
}

/**
 * The replacement fields of the string whose quote is at `q`, read as tree-sitter does (nested strings,
 * brackets and comments inside a field, `{`/`}` nesting inside a format specifier, a single-quoted
 * string's field going on past its line); null unless the string ends exactly at `end` (its closing
 * quote's end, or — single-quoted only — the line break where it is left open).
 */
export function fieldsOf(text: string, q: number, end: number): Fields | null {
  const spans: [number, number][] = [];
  const found = scan(text, q, end, 0, spans);
  if (found === null || found.at !== end) return null;
  return { spans, open: found.open };
}

interface Field {
  spec: boolean;
  depth: number;
}

/** Past the string at `q` (not beyond `limit`): where it ends, and whether a field is still open there. */
function scan(
  text: string,
  q: number,
  limit: number,
  nesting: number,
  spans: [number, number][],
): { at: number; open: boolean } | null {
  if (nesting > MAX_NESTING) return null;
  const prefix = prefixOf(text, q);
  const format = /[ft]/i.test(prefix);
  const raw = /r/i.test(prefix);
  const quote = text[q] as string;
  const close = text.startsWith(quote.repeat(3), q) ? quote.repeat(3) : quote;
  const stack: Field[] = [];
  let fieldStart = -1;
  let i = q + close.length;
  const pop = (): void => {
    stack.pop();
    if (stack.length === 0 && nesting === 0) spans.push([fieldStart, i]);
  };
  while (i < limit) {
    const c = text[i] as string;
    const top = stack[stack.length - 1];
    if (!top) {
      // string content
      if (text.startsWith(close, i)) return { at: i + close.length, open: false };
      if (close.length === 1 && (c === '\n' || c === '\r')) return nesting === 0 ? { at: i, open: false } : null;
      if (c === '\\') {
        const next = text[i + 1];
        if (!raw && next === 'N' && text[i + 2] === '{') {
          const shut = text.indexOf('}', i);
          if (shut < 0 || shut >= limit) return null;
          i = shut + 1;
        } else i += format && (next === '{' || next === '}') ? 1 : 2;
        continue;
      }
      if (format && (c === '{' || c === '}')) {
        if (text[i + 1] === c) {
          i += 2;
          continue;
        }
        if (c === '}') return null;
        stack.push({ spec: false, depth: 0 });
        fieldStart = i + 1;
      }
      i++;
      continue;
    }
    if (top.spec) {
      // format specifier: text up to a nested field or the field's end
      if (c === '{') stack.push({ spec: false, depth: 0 });
      else if (c === '}') pop();
      i++;
      continue;
    }
    // a field's expression: code
    if (c === '"' || c === "'") {
      const inner = scan(text, i, limit, nesting + 1, spans);
      if (inner === null) return null;
      i = inner.at;
      continue;
    }
    if (c === '#') {
      while (i < limit && text[i] !== '\n') i++;
      continue;
    }
    if (c === '`') return null;
    if (c === '(' || c === '[' || c === '{') top.depth++;
    else if (c === ')' || c === ']') {
      if (top.depth === 0) return null;
      top.depth--;
    } else if (c === '}') {
      if (top.depth > 0) top.depth--;
      else pop();
    } else if (c === ':' && top.depth === 0 && text[i + 1] !== '=') top.spec = true;
    else if (c === '\\') i++;
    i++;
  }
  if (close.length === 1 && nesting === 0 && stack.length > 0) {
    spans.push([fieldStart, i]);
    return { at: i, open: true };
  }
  return null;
}
