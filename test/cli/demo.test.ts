// The demo workspace's seeded problems (examples/demo-workspace/EXPECTED.json) are exactly what
// `check --format json` reports at error and warning level, each at the exact expected range.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runJson, textAt } from './helpers';

interface Expected { code: string; file: string; line: number; character: number; text: string; severity: string }
interface Reported { code: string; file: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

const DEMO = join(REPO, 'examples', 'demo-workspace');

describe('cli check on examples/demo-workspace', function () {
  let expected: Expected[];
  let reported: Reported[];
  let exitCode: number | null;
  before(function () {
    if (!existsSync(join(DEMO, 'EXPECTED.json'))) this.skip();
    expected = JSON.parse(readFileSync(join(DEMO, 'EXPECTED.json'), 'utf8')) as Expected[];
    const run = runJson(['check', 'examples/demo-workspace', '--format', 'json']);
    reported = run.json['diagnostics'] as Reported[];
    exitCode = run.code;
  });

  const isExpected = (e: Expected, d: Reported): boolean =>
    d.code === e.code && d.file === e.file && d.range.start.line === e.line && d.range.start.character === e.character;
  const show = (d: Reported): string => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`;

  it('reports every expected diagnostic with its severity and exact range', () => {
    const problems: string[] = [];
    for (const e of expected) {
      const d = reported.find((r) => isExpected(e, r));
      if (d === undefined) {
        problems.push(`missing ${e.code} at ${e.file}:${e.line}:${e.character} (${e.text})`);
        continue;
      }
      if (d.severity !== e.severity) problems.push(`${show(d)}: expected severity ${e.severity}`);
      const covered = textAt(readFileSync(join(DEMO, e.file), 'utf8'), d.range);
      if (covered !== e.text) problems.push(`${show(d)}: range covers ${JSON.stringify(covered)}, expected ${JSON.stringify(e.text)}`);
    }
    assert.deepEqual(problems, []);
  });

  it('reports nothing else at error or warning level', () => {
    const extra = reported.filter((d) => (d.severity === 'error' || d.severity === 'warning') && !expected.some((e) => isExpected(e, d)));
    assert.deepEqual(extra.map(show), []);
  });

  it('exits 1 since the demo has errors', () => {
    assert.equal(exitCode, 1);
  });
});
