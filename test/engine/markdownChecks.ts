// What a test can check of hover markdown without a markdown library: the text outside code spans
// holds no raw HTML, link brackets, autolink schemes or stray backticks; every code span closes; every
// table row keeps its cells under both readings of an escaped `|` (markdown-it and cmark-gfm look at
// the character before it, marked counts the backslashes before it); and what the reader sees (escapes
// undone, entities decoded, code spans' contents, `*` markers dropped) holds the workspace text as is.
import { strict as assert } from 'node:assert';

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** `md` is inert and its reader sees each of `texts` as it is. */
export function assertInert(md: string, texts: readonly string[]): void {
  const { problems, shown } = readMarkdown(md);
  assert.deepEqual(problems, [], md);
  for (const t of texts) assert.ok(shown.includes(t), `the reader should see ${JSON.stringify(t)} in:\n${shown}`);
}

/** The problems of `md` (none when it is inert), and the text a reader sees. */
export function readMarkdown(md: string): { problems: string[]; shown: string } {
  const problems = tableProblems(md);
  let shown = '';
  let outside = '';
  // A table row's escaped pipes are pipes before anything else is read, in code spans too.
  const text = md
    .split('\n')
    .map((l) => (l.startsWith('|') ? l.replace(/\\\|/g, '|') : l))
    .join('\n');
  for (let i = 0; i < text.length;) {
    const c = text.charAt(i);
    if (c === '\\' && PUNCTUATION.test(text.charAt(i + 1))) {
      shown += text.charAt(i + 1);
      outside += '_';
      i += 2;
    } else if (c === '`') {
      let n = 0;
      while (text.charAt(i + n) === '`') n++;
      const close = closingRun(text, i + n, n);
      if (close < 0) {
        problems.push(`a run of ${n} backticks at ${i} opens no code span`);
        i += n;
        continue;
      }
      const body = text.slice(i + n, close);
      shown +=
        body.length > 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '' ? body.slice(1, -1) : body;
      i = close + n;
    } else if (c === '&') {
      const entity = /^&(amp|lt|gt);/.exec(text.slice(i, i + 5));
      if (!entity) problems.push(`a raw '&' at ${i}`);
      shown += entity ? { amp: '&', lt: '<', gt: '>' }[entity[1] as 'amp' | 'lt' | 'gt'] : c;
      i += entity ? entity[0].length : 1;
    } else {
      if (c === '<' || c === '>' || c === '[' || c === ']') problems.push(`a raw '${c}' at ${i}`);
      if (c !== '*') shown += c;
      outside += c;
      i++;
    }
  }
  for (const scheme of ['command:', 'javascript:', 'http:', 'https:', 'www.'])
    if (outside.includes(scheme)) problems.push(`'${scheme}' outside code spans`);
  return { problems, shown };
}

/** Table rows that do not split into as many cells as the header under both readings of `\\|`. */
function tableProblems(md: string): string[] {
  const rows = md.split('\n').filter((l) => l.startsWith('|'));
  const cells = rows[0] === undefined ? 0 : cellsOf(rows[0], 'previous');
  return rows.flatMap((row) =>
    (['previous', 'parity'] as const)
      .filter((r) => cellsOf(row, r) !== cells)
      .map(
        (r) =>
          `row ${JSON.stringify(row)} splits into ${cellsOf(row, r)} cells (${r} reading), the header into ${cells}`,
      ),
  );
}

/** Where the next run of exactly `n` backticks starts, or -1. */
function closingRun(md: string, from: number, n: number): number {
  for (let i = from; i < md.length;) {
    if (md.charAt(i) !== '`') {
      i++;
      continue;
    }
    let m = 0;
    while (md.charAt(i + m) === '`') m++;
    if (m === n) return i;
    i += m;
  }
  return -1;
}

/** The pipes that end a cell: not after a backslash (markdown-it, cmark-gfm), or after an even run of them (marked). */
function cellsOf(row: string, reading: 'previous' | 'parity'): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    if (row.charAt(i) !== '|') continue;
    let slashes = 0;
    while (row.charAt(i - 1 - slashes) === '\\') slashes++;
    if (reading === 'previous' ? slashes === 0 : slashes % 2 === 0) count++;
  }
  return count;
}
