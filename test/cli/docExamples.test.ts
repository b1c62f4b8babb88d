// The command-line examples of the docs are real output: each fenced block marked `<!-- doc-example -->`
// (its first line `$ registry-lens ARGS`) or `<!-- doc-example: registry-lens ARGS -->` (the block is the
// output alone) is run from the repository root and compared line by line with stdout then stderr. A line
// `…` alone stands for any lines; `"ms": N` (a duration) and the checkout's path (`/repo`) may differ.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli } from './helpers';

interface Example {
  file: string;
  line: number;
  args: string[];
  expected: string[];
}

const MARKER = /^<!-- doc-example(?::\s*registry-lens (.+?))?\s*-->$/;

/** The marked examples of a markdown file. */
export function examplesOf(file: string, text: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  lines.forEach((l, i) => {
    const m = MARKER.exec(l);
    if (!m) return;
    assert.match(lines[i + 1] ?? '', /^```/, `${file}:${i + 1}: a doc-example marker must precede a fenced block`);
    const end = lines.findIndex((x, j) => j > i + 1 && x.startsWith('```'));
    let body = lines.slice(i + 2, end);
    let command = m[1];
    if (command === undefined) {
      assert.match(body[0] ?? '', /^\$ registry-lens /, `${file}:${i + 1}: the block's first line must be the command`);
      command = (body[0] ?? '').slice('$ registry-lens '.length);
      body = body.slice(1);
    }
    out.push({ file, line: i + 1, args: command.split(/\s+/), expected: body });
  });
  return out;
}

/** Whether `actual` matches `expected`, where a line `…` (any indent) matches any run of lines. */
export function matches(expected: readonly string[], actual: readonly string[]): boolean {
  const memo = new Map<string, boolean>();
  const at = (e: number, a: number): boolean => {
    const key = `${e},${a}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (e === expected.length) r = a === actual.length;
    else if ((expected[e] ?? '').trim() === '…') r = at(e + 1, a) || (a < actual.length && at(e, a + 1));
    else r = a < actual.length && expected[e] === actual[a] && at(e + 1, a + 1);
    memo.set(key, r);
    return r;
  };
  return at(0, 0);
}

const normal = (s: string): string =>
  s
    .split(REPO)
    .join('/repo')
    .replace(/"ms": \d+(\.\d+)?/g, '"ms": N');

const DOCS = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const EXAMPLES = DOCS.flatMap((f) => examplesOf(f, readFileSync(join(REPO, f), 'utf8')));

describe("cli: the docs' examples are real output", () => {
  it('the docs mark examples, and a stale one fails', () => {
    assert.ok(EXAMPLES.length >= 4, `${EXAMPLES.length} marked examples`);
    assert.ok(matches(['a', '…', 'd'], ['a', 'b', 'c', 'd']) && matches(['a', '  …'], ['a']));
    assert.ok(!matches(['a', '…', 'd'], ['a', 'b', 'c']) && !matches(['"hints": 2'], ['"hints": 1']));
  });

  for (const ex of EXAMPLES) {
    it(`${ex.file}:${ex.line}: registry-lens ${ex.args.join(' ')}`, () => {
      const r = runCli(ex.args);
      const actual = normal(`${r.stdout}${r.stderr}`).replace(/\n$/, '').split('\n');
      const expected = ex.expected.map(normal);
      assert.ok(matches(expected, actual), `${ex.file}:${ex.line} differs from the real output:\n${actual.join('\n')}`);
    });
  }
});
