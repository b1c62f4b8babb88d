// The tokens of a TypeScript or JavaScript file, enough to read its top-level exports (jsExports.ts)
// without a parser dependency or running it: names, punctuation, strings, numbers, and each template
// literal and regular expression as one token; comments dropped. One pass, linear in the text whatever
// it holds: an unterminated string or regular expression ends at its line, an unterminated comment or
// template at the end of the file, and template substitutions are followed with a stack, not recursion.

export type TokKind = 'id' | 'p' | 'str' | 'tpl' | 'num' | 're';

export interface Tok {
  kind: TokKind;
  /** Offsets of the token in the text. */
  start: number;
  end: number;
  /**
   * Names, punctuation and numbers: their text; strings: their value; a template without substitutions: its raw text,
   * else null.
   */
  value: string | null;
  /** Whether a line break comes between this token and the one before (automatic semicolons). */
  nl: boolean;
}

/**
 * Punctuation read as one token (longest first); any other character is a token of its own. `>` stays single so that
 * nested generics close one by one.
 */
const PUNCT = [
  '...',
  '===',
  '!==',
  '=>',
  '==',
  '!=',
  '<=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '**',
];
/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 35 || c > 127;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || isDigit(c);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

export function jsTokens(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  /** For each open template substitution, the brace depth inside it (its `}` closes it at 0). */
  const subs: number[] = [];
  /** Where the outermost open template starts (its one token is pushed when it ends). */
  let tplStart = -1;
  let tplNl = false;
  let nl = false;
  /** The last token seen, inside templates too (it decides what a `/` is). */
  let prev: { kind: TokKind; value: string | null } | null = null;
  const push = (kind: TokKind, start: number, end: number, value: string | null): void => {
    prev = { kind, value };
    if (subs.length === 0) out.push({ kind, start, end, value, nl });
    nl = false;
  };
  /**
   * Scans template characters from `i` (after a backtick or a substitution's `}`): to its end, or into a substitution.
   */
  const templateChunk = (i: number): number => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 96) {
        i++;
        if (subs.length === 0) {
          const raw = text.slice(tplStart + 1, i - 1);
          nl = tplNl;
          push('tpl', tplStart, i, raw.includes('${') ? null : raw);
        } else prev = { kind: 'tpl', value: null };
        return i;
      }
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        subs.push(0);
        prev = null;
        return i + 2;
      }
      i++;
    }
    // Unterminated: the template runs to the end of the file.
    subs.length = 0;
    nl = tplNl;
    push('tpl', tplStart, n, null);
    return n;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      nl = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        i = lineEnd(text, i);
        continue;
      }
      if (d === 42) {
        const e = text.indexOf('*/', i + 2);
        if (e < 0 || text.slice(i, e).includes('\n')) nl = true;
        i = e < 0 ? n : e + 2;
        continue;
      }
      if (regexAllowed(prev)) {
        i = regexEnd(text, i);
        push('re', start, i, null);
        continue;
      }
    }
    if (c === 39 || c === 34) {
      const s = stringAt(text, i, c);
      i = s.end;
      push('str', start, i, s.value);
      continue;
    }
    if (c === 96) {
      if (subs.length === 0) {
        tplStart = i;
        tplNl = nl;
      }
      i = templateChunk(i + 1);
      continue;
    }
    if (subs.length > 0 && c === 123) {
      subs[subs.length - 1] = (subs[subs.length - 1] ?? 0) + 1;
      i++;
      prev = { kind: 'p', value: '{' };
      continue;
    }
    if (subs.length > 0 && c === 125) {
      if (subs[subs.length - 1] === 0) {
        subs.pop();
        i = templateChunk(i + 1);
        continue;
      }
      subs[subs.length - 1] = (subs[subs.length - 1] ?? 1) - 1;
      i++;
      prev = { kind: 'p', value: '}' };
      continue;
    }
    if (isIdStart(c)) {
      i++;
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      push('id', start, i, text.slice(start, i));
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      while (i < n && (isIdPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      push('num', start, i, text.slice(start, i));
      continue;
    }
    const p = PUNCT.find((x) => text.startsWith(x, i)) ?? (text[i] as string);
    i += p.length;
    push('p', start, i, p);
  }
  return out;
}

function lineEnd(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return e < 0 ? text.length : e;
}

function regexAllowed(prev: { kind: TokKind; value: string | null } | null): boolean {
  if (prev === null) return true;
  if (prev.kind === 'p') return prev.value !== ')' && prev.value !== ']';
  return prev.kind === 'id' && BEFORE_REGEX.has(prev.value ?? '');
}

/** The end of a regular expression starting at `i` (its flags included); at the line's end when it is not closed. */
function regexEnd(text: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
    if (c === 92) {
      j++;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let k = j + 1;
      while (k < text.length && isIdPart(text.charCodeAt(k))) k++;
      return k;
    }
  }
  return text.length;
}

/** A quoted string at `i`: its end (after the quote, or at the line's end when it is not closed) and its value. */
function stringAt(text: string, i: number, quote: number): { end: number; value: string } {
  let value = '';
  let from = i + 1;
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return { end: j + 1, value: value + text.slice(from, j) };
    if (c === 10 || c === 13) break;
    if (c === 92) {
      value += text.slice(from, j);
      const e = text[j + 1] ?? '';
      value += e === '\n' || e === '\r' ? '' : (ESCAPES[e] ?? e);
      j++;
      from = j + 1;
    }
  }
  return { end: j, value: value + text.slice(from, j) };
}
