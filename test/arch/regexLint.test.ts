// `npm run lint` refuses a pattern that backtracks super-linearly in the server's sources: eslint.config.mjs, as
// the lint runs it, reports the classic shapes as errors (eslint-plugin-regexp). Linted as a file of server/src
// without type information (the regexp rules need none; a program of the whole tree would take a minute).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const REPO = path.join(__dirname, '..', '..');
const PROBE = path.join(REPO, 'server/src/engine/util/regexLintProbe.ts');
const SUPER_LINEAR = ['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move'];

/** Each line's super-linearity findings, as `line rule`, and whether all of them are errors. */
async function findings(code: string): Promise<{ found: string[]; errors: boolean }> {
  const eslint = new ESLint({ cwd: REPO, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: PROBE });
  const messages = (result?.messages ?? []).filter((m) => SUPER_LINEAR.includes(m.ruleId ?? ''));
  return {
    found: [...new Set(messages.map((m) => `${m.line} ${m.ruleId}`))].sort(),
    errors: messages.every((m) => m.severity === 2),
  };
}

describe('npm run lint: regular expressions in server/src (eslint-plugin-regexp)', function () {
  this.timeout(120_000);

  it('fails on nested quantifiers, adjacent quantifiers that share characters, and a quadratic search', async () => {
    const { found, errors } = await findings(
      [
        "export const a = /^(?:a+)+$/.test(process.argv[2] ?? '');",
        "export const b = /^\\s*x?\\s*=/.test(process.argv[2] ?? '');",
        "export const c = (process.argv[2] ?? '').replace(/\\/+$/, '');",
        "export const d = new RegExp('^(?:#[^\\\\n]*|\\\\s)*$').test(process.argv[2] ?? '');",
      ].join('\n'),
    );
    assert.deepEqual(found, [
      '1 regexp/no-super-linear-backtracking',
      '2 regexp/no-super-linear-backtracking',
      '3 regexp/no-super-linear-move',
      '4 regexp/no-super-linear-backtracking',
    ]);
    assert.ok(errors, 'reported as errors, which fail the lint');
  });

  it('passes the linear rewrites of the same patterns', async () => {
    const { found } = await findings(
      [
        "export const a = /^a+$/.test(process.argv[2] ?? '');",
        "export const b = /^\\s*(?:x\\s*)?=/.test(process.argv[2] ?? '');",
        "export const c = (process.argv[2] ?? '').replace(/(?<!\\/)\\/+$/, '');",
        "export const d = new RegExp('^(?:#[^\\\\n]*(?![^\\\\n])|\\\\s)*$').test(process.argv[2] ?? '');",
      ].join('\n'),
    );
    assert.deepEqual(found, []);
  });
});
