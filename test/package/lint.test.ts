// `npm run lint` is only as good as its rules: the configuration it uses (eslint.config.mjs) must report
// the mistakes review used to catch — a floating promise, an unused import, variable or function — on
// a planted file, with type information (a promise from @types/node's writeFile, from a method).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO = path.join(__dirname, '..', '..');
const PLANTED = path.join(__dirname, 'lint', 'planted.ts');

describe('npm run lint (eslint.config.mjs)', function () {
  // builds a TypeScript program for the typed rules: seconds alone, longer on a busy machine
  this.timeout(120_000);

  it('reports the planted floating promises and unused code, and only them', async () => {
    // ignore: false — the tree's lint leaves the planted file out; the rules are the tree's
    const eslint = new ESLint({ cwd: REPO, ignore: false });
    const [result] = await eslint.lintFiles([PLANTED]);
    const found = (result?.messages ?? []).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
    const expected = readFileSync(PLANTED, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const rule = /\/\/ expect: (\S+)$/.exec(line)?.[1];
        return rule === undefined ? [] : [`${i + 1} ${rule}`];
      });
    assert.equal(expected.length, 7);
    assert.deepEqual(found, expected);
  });

  it('leaves the planted file out of the tree', async () => {
    assert.ok(await new ESLint({ cwd: REPO }).isPathIgnored(PLANTED));
  });
});
