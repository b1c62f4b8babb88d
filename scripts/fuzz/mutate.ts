// Mutations of registry texts for the fuzzer: the mistakes of typing (a token deleted or doubled, a
// line moved or re-indented, a closer auto-indented) and the hostile shapes the campaign found (runs of
// one token, deep nesting, nested unclosed brackets before long runs, long runs before closers, alias
// storms, lone CRs, BOMs, surrogates, thousands of ONEX entry points). Deterministic for a given random source.

export type Random = () => number;

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '"""',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '    ',
  '&a ',
  '*a',
  '- ',
  '? ',
  '#',
  '\\',
  '\uFEFF',
  '😀',
  '\uD800',
  'None',
  'True',
  '-1e999',
  '0x',
  '!!python/object ',
  '!Ref ',
  'f"{x}"',
  'b"x"',
  '=',
  'STEP_NAMES = {',
  'LOCAL_STEPS = {',
  '\u0085',
  '\u2028',
];
/** No mutated text grows past this (the host's size policy stops larger ones before the engine). */
export const MAX_CHARS = 300_000;
/** Units of the long runs after unclosed brackets: blanks, line ends, continuations, comment lines. */
const RUN_UNITS = [' ', '\t', '\n', ' \n', '    ', '\r\n', '\\\n', '\n#\n'];

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Random, n: number): number => Math.floor(r() * n);

type Mutator = (r: Random, t: string) => string;

const MUTATORS: Mutator[] = [
  // deleteRange
  (r, t) => {
    const i = int(r, t.length + 1);
    return t.slice(0, i) + t.slice(i + 1 + int(r, 40));
  },
  // deleteToken: one comma, colon, quote or bracket
  (r, t) => {
    const at: number[] = [];
    for (let i = 0; i < t.length; i++) if (',:"\'[]{}'.includes(t[i] as string)) at.push(i);
    const i = at.length ? pick(r, at) : 0;
    return t.slice(0, i) + t.slice(i + 1);
  },
  // insertToken
  (r, t) => {
    const i = int(r, t.length + 1);
    return t.slice(0, i) + pick(r, TOKENS) + t.slice(i);
  },
  // rangeDup: a span repeated many times (runs of one token)
  (r, t) => {
    const i = int(r, t.length + 1);
    const span = t.slice(i, i + 1 + int(r, 60)) || ',';
    const times = 1 + int(r, r() < 0.2 ? 20_000 : 20);
    return t.slice(0, i) + span.repeat(Math.min(times, Math.floor(MAX_CHARS / 2 / span.length))) + t.slice(i);
  },
  // lineOps: swap, delete, re-indent
  (r, t) => {
    const lines = t.split('\n');
    const a = int(r, lines.length);
    const b = int(r, lines.length);
    const op = int(r, 3);
    if (op === 0) [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    else if (op === 1) lines.splice(a, 1);
    else lines[a] = r() < 0.5 ? ' '.repeat(1 + int(r, 4)) + (lines[a] ?? '') : (lines[a] ?? '').replace(/^ {1,3}/, '');
    return lines.join('\n');
  },
  // lineEnds: a region's line ends become lone CRs (or CRLF)
  (r, t) => {
    const i = int(r, t.length);
    const j = i + int(r, 2000);
    return t.slice(0, i) + t.slice(i, j).replace(/\n/g, r() < 0.5 ? '\r' : '\r\n') + t.slice(j);
  },
  // autoIndent: a closer alone on its line pushed right, as VS Code's auto-indent leaves it after Enter on
  // the last entry (with a comma missing, that closer ended the literal's recovery in three errors)
  (r, t) => {
    const at: number[] = [];
    const closers = /^[ \t]*[}\])],?[ \t]*$/gm;
    for (let m = closers.exec(t); m; m = closers.exec(t)) at.push(m.index);
    if (at.length === 0) return t;
    const i = pick(r, at);
    return t.slice(0, i) + pick(r, ['    ', '        ', '\t']) + t.slice(i);
  },
  // nest: deep flow or block nesting
  (r, t) => {
    const i = int(r, t.length + 1);
    return t.slice(0, i) + pick(r, ['{"k": ', '[', '- ', '(', '{']).repeat(1 + int(r, 5000)) + t.slice(i);
  },
  // nestThenRun: unclosed brackets (up to 1,000, mixed), a long run, then nothing, a string, more
  // brackets or closers (shared/repro R13: the recovery reader was quadratic in the run)
  (r, t) => {
    const i = int(r, t.length + 1);
    const opens = Array.from({ length: 1 + int(r, r() < 0.5 ? 100 : 1000) }, () =>
      pick(r, ['[', '{', '(', '{"k": ']),
    ).join('');
    const run = pick(r, RUN_UNITS).repeat(1 + int(r, MAX_CHARS / 4));
    const after = pick(r, ['', 'ur"x"', '"', opens, ']'.repeat(1 + int(r, 600))]);
    return t.slice(0, i) + opens + run + after + t.slice(i);
  },
  // runThenClosers: a long run, then a run of closers (R13's second shape)
  (r, t) => {
    const i = int(r, t.length + 1);
    return (
      t.slice(0, i) +
      pick(r, RUN_UNITS).repeat(1 + int(r, MAX_CHARS / 4)) +
      pick(r, [']', '}', ')', ']}', ')]}']).repeat(1 + int(r, 1000)) +
      t.slice(i)
    );
  },
  // aliasStorm: one anchor, many aliases
  (r, t) => `${t}\nstorm:\n  a: &s x\n${Array.from({ length: 1 + int(r, 6000) }, (_, k) => `  b${k}: *s\n`).join('')}`,
  // bom
  (_r, t) => `\uFEFF${t}`,
  // entryPoints: a pyproject's `onex.nodes` table grown by thousands of entry points naming its first entry's
  // object, missing modules or distinct packages (shared/repro R41: their resolution was quadratic)
  (r, t) => {
    const header = /^\[project\.entry-points\."onex\.nodes"\][ \t]*\r?\n/m.exec(t);
    if (!header) return t;
    const at = header.index + header[0].length;
    const first = /^[\w-]+\s*=\s*"([^"\n]*)"/m.exec(t.slice(at))?.[1] ?? 'demo.nodes.node:Node';
    const value = pick<(i: number) => string>(r, [
      () => first,
      (i) => `demo.nodes.node_${i}_effect:Node${i}`,
      (i) => `pkg${i}.nodes.node:Node`,
    ]);
    const lines = Array.from({ length: 1 + int(r, MAX_CHARS / 60) }, (_, i) => `node_${i}_storm = "${value(i)}"\n`);
    return t.slice(0, at) + lines.join('') + t.slice(at);
  },
  // pinAndTopicLines: a line of a pin file or a module of the topic gate with a long run where the readers' patterns
  // once tried every split (shared/repro R42, R43): a name, blanks and no operator; runs around the extras and the
  // operator; a comment of `"a[`; a string then a comment of `#`; strings and comments, each a place to start
  (r, t) => {
    const k = 32 + int(r, MAX_CHARS / 8);
    const u = pick(r, [' ', '\t', '#', "'", '"']).repeat(k);
    const line = pick(r, [
      `a${u}x`,
      `a${u}[e]${u}==${u}1${u}x`,
      `    "a${u}x",`,
      `# ${'"a['.repeat(k)}`,
      `X = 'o' ${'#'.repeat(k)}`,
      `X = '.' ${u}v`,
      `X = 1  # ${":o' # ".repeat(k)}`,
      `X = 'o${"'".repeat(k)}`,
    ]);
    const i = t.lastIndexOf('\n', int(r, t.length + 1)) + 1;
    return `${t.slice(0, i)}${line}\n${t.slice(i)}`;
  },
];

/** One to three mutations of `text`, capped at MAX_CHARS. */
export function mutate(r: Random, text: string): string {
  let t = text;
  for (let n = 1 + int(r, 3); n > 0; n--) t = pick(r, MUTATORS)(r, t);
  return t.length > MAX_CHARS ? t.slice(0, MAX_CHARS) : t;
}

/**
 * `text` with every run of one unit (1 to 8 characters) repeated 32 times or more scaled to `factor`
 * times its repetitions: the same shape at another size, for the fuzzer's super-linearity check. Runs of
 * brackets are kept: nesting past a reader's depth bound takes another path, so scaling it would
 * compare two different shapes.
 */
export function scaleRuns(text: string, factor: number): string {
  return text.replace(/([^]{1,8}?)\1{31,}/g, (run, unit: string) =>
    /[[\]{}()]/.test(unit) ? run : unit.repeat(Math.ceil((run.length / unit.length) * factor)),
  );
}
