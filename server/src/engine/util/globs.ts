// The one door for the user's globs (exclusions, core registry files, component folders). picomatch
// turns each `*` into a lazy `[^/]*?` and each `**` into a lazy any-segments group: a glob with a few
// stars backtracks polynomially on a long name or a deep path (one line of settings cost minutes, R32),
// and a list is tested glob by glob (125,000 globs, R22). Here a list is compiled once: globs without
// wildcards into one set, the others (capped) into segment lists matched by the classic wildcard
// algorithm, which keeps one restart point per level (a star in a name, a `**` in a path) and so costs
// at most (path length × glob length), never more. The syntax is VS Code's (`*`, `?`, `**`, `[…]`,
// `{…,…}`), with picomatch's `dot: true`; globs beyond it are refused, with the reason for a warning.

/** Globs with wildcards tested per path: beyond these, the rest of the list is refused. */
export const MAX_WILDCARD_GLOBS = 256;
/** Alternatives one glob's braces may expand to. */
const MAX_ALTERNATIVES = 64;

/** One character of a name: a literal, `?`, or a class. */
type Char = string | { not: boolean; ranges: [string, string][] };
/** One segment of a glob: `**`, or the characters and stars of a name (a star is null). */
type Segment = 'globstar' | (Char | null)[];

export interface GlobList {
  /** Whether a root-relative path (no leading or trailing `/`) is matched by a glob of the list. */
  readonly matches: (path: string) => boolean;
  /** The globs left out, each with why (for the front ends' warnings). */
  readonly refused: readonly { glob: string; why: string }[];
}

/** A list of globs compiled once (see the top of this module). */
export function compileGlobs(globs: readonly string[]): GlobList {
  const exact = new Set<string>();
  const wild: Segment[][] = [];
  const refused: { glob: string; why: string }[] = [];
  let wildGlobs = 0;
  for (const raw of globs) {
    const glob = raw.startsWith('./') ? raw.slice(2) : raw;
    if (!/[*?[\]{}\\]/.test(glob) && !/^!|[@!+*?]\(/.test(glob)) {
      exact.add(glob);
      continue;
    }
    const compiled = compileGlob(glob);
    if (typeof compiled === 'string') refused.push({ glob: raw, why: compiled });
    else if (wildGlobs >= MAX_WILDCARD_GLOBS) {
      refused.push({ glob: raw, why: `more than ${MAX_WILDCARD_GLOBS} globs with wildcards` });
    } else {
      wildGlobs++;
      wild.push(...compiled);
    }
  }
  const matches = (path: string): boolean => {
    if (exact.has(path)) return true;
    if (wild.length === 0 || path === '') return false;
    const names = path.split('/');
    return wild.some((g) => matchSegments(g, names));
  };
  return { matches, refused };
}

/** A glob's alternatives as segment lists, or why it is refused. */
function compileGlob(glob: string): Segment[][] | string {
  if (/^!|[@!+*?]\(/.test(glob)) return 'negations and extended globs (`!…`, `@(…)`) are not supported';
  const alternatives = expandBraces(glob);
  if (typeof alternatives === 'string') return alternatives;
  return alternatives.map((alt) => alt.split('/').map((s) => (s === '**' ? 'globstar' : nameChars(s))));
}

/** `{a,b}` alternatives (nested), bounded; a brace without a comma, or unclosed, is literal. */
function expandBraces(glob: string): string[] | string {
  if ([...glob.matchAll(/\{[^{},]*\}/g)].some((m) => m[0].includes('..')))
    return 'brace ranges (`{1..3}`) are not supported';
  const open = braceAt(glob);
  if (open === null) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    const rest = expandBraces(glob.slice(0, start) + part + glob.slice(end + 1));
    if (typeof rest === 'string') return rest;
    out.push(...rest);
    if (out.length > MAX_ALTERNATIVES) return `its braces expand to more than ${MAX_ALTERNATIVES} alternatives`;
  }
  return out;
}

/** The first `{…}` holding a comma at its own level: its bounds and its parts. */
function braceAt(glob: string): { start: number; end: number; parts: string[] } | null {
  for (let start = glob.indexOf('{'); start !== -1; start = glob.indexOf('{', start + 1)) {
    if (escaped(glob, start)) continue;
    let depth = 0;
    let from = start + 1;
    const parts: string[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        parts.push(glob.slice(from, i));
        if (parts.length > 1) return { start, end: i, parts };
        break;
      } else if (c === ',' && depth === 1) {
        parts.push(glob.slice(from, i));
        from = i + 1;
      }
    }
  }
  return null;
}

function escaped(s: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && s[at - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** A name's characters: runs of stars as one star, `?`, classes (an unclosed `[` is literal), escapes. */
function nameChars(s: string): (Char | null)[] {
  const out: (Char | null)[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) out.push(s[++i] as string);
    else if (c === '*') {
      if (out[out.length - 1] !== null) out.push(null);
    } else if (c === '?') out.push('?');
    else if (c === '[') {
      const cls = classAt(s, i);
      if (cls === null) out.push(c);
      else {
        out.push(cls.char);
        i = cls.end;
      }
    } else out.push(c);
  }
  return out;
}

/** The class `[…]` at `i` (`!` or `^` negates; `]` first is literal; `a-z` ranges), or null when unclosed. */
function classAt(s: string, i: number): { char: Char; end: number } | null {
  let j = i + 1;
  const not = s[j] === '!' || s[j] === '^';
  if (not) j++;
  const ranges: [string, string][] = [];
  for (let first = true; j < s.length; j++, first = false) {
    let c = s[j] as string;
    if (c === ']' && !first) return { char: { not, ranges }, end: j };
    if (c === '\\' && j + 1 < s.length) c = s[++j] as string;
    if (s[j + 1] === '-' && j + 2 < s.length && s[j + 2] !== ']') {
      ranges.push([c, s[j + 2] as string]);
      j += 2;
    } else ranges.push([c, c]);
  }
  return null;
}

function charMatches(p: Char, c: string): boolean {
  if (typeof p === 'string') return p === '?' || p === c;
  return p.ranges.some(([a, b]) => a <= c && c <= b) !== p.not;
}

/** Whether a name matches a segment's characters: one restart point (the last star), at most name × pattern steps. */
function nameMatches(p: readonly (Char | null)[], name: string): boolean {
  let i = 0,
    j = 0,
    star = -1,
    from = 0;
  while (j < name.length) {
    const want = p[i];
    if (want === null) {
      star = i++;
      from = j;
    } else if (want !== undefined && charMatches(want, name[j] as string)) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++from;
    } else return false;
  }
  while (p[i] === null) i++;
  return i === p.length;
}

/** The same algorithm over a path's names, `**` as the star and a segment as one character. */
function matchSegments(g: readonly Segment[], names: readonly string[]): boolean {
  let i = 0,
    j = 0,
    star = -1,
    from = 0;
  while (j < names.length) {
    const want = g[i];
    if (want === 'globstar') {
      star = i++;
      from = j;
    } else if (want !== undefined && nameMatches(want, names[j] as string)) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++from;
    } else return false;
  }
  while (g[i] === 'globstar') i++;
  return i === g.length;
}
