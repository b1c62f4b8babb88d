// The GitHub Action: action.yml's `run:` steps executed as the runner would (actionRunner.ts), with the action at
// a git clone of this repository at HEAD (committed work only), so it runs the committed bundle (action/dist/) as a
// user's workflow does — nothing installed or built. `npm run test:action`, called by .ci/run. The SARIF it writes
// is validated against the SARIF 2.1.0 schema (test/data). Its edges: an option-looking root, a SARIF folder that
// does not exist, a missing root.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { actionAt, type Action } from './actionRunner';

const REPO = path.join(__dirname, '..', '..');

describe('the GitHub Action', function () {
  this.timeout(900_000);
  let tmp: string;
  let actionPath: string;
  let action: Action;
  let runAction: ReturnType<typeof actionAt>['run'];
  let checkStep: () => number;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'registry-lens-action-'));
    actionPath = path.join(tmp, 'action');
    execFileSync('git', ['clone', '--quiet', REPO, actionPath]);
    execFileSync(
      'git',
      ['checkout', '--quiet', execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim()],
      { cwd: actionPath },
    );
    ({ action, run: runAction, checkStep } = actionAt(actionPath, tmp));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** A workspace holding a copy of an example under `registries/`. */
  function workspace(example: string | null): string {
    const ws = mkdtempSync(path.join(tmp, 'ws-'));
    if (example) cpSync(path.join(REPO, 'examples', example), path.join(ws, 'registries'), { recursive: true });
    else writeFileSync(path.join(ws, 'README.md'), 'nothing to check\n');
    return ws;
  }

  it('is a composite action: Node set up, then the check with the committed bundle (nothing installed)', () => {
    assert.equal(action.runs.using, 'composite');
    // pinned by full commit SHA (GitHub's security hardening guide), its version in a comment
    assert.match(action.runs.steps[0]?.uses ?? '', /^actions\/setup-node@[0-9a-f]{40}$/);
    assert.match(
      readFileSync(path.join(actionPath, 'action.yml'), 'utf8'),
      /setup-node@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/,
    );
    assert.equal(action.runs.steps.length, 2);
    assert.doesNotMatch(action.runs.steps[1]?.run ?? '', /\bnpm\b/);
    assert.ok(existsSync(path.join(actionPath, 'action', 'dist', 'cli.js')), 'the bundle is committed');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'node-version', 'root', 'sarif-file']);
  });

  it("fails on the demo's errors, with a SARIF file valid against the SARIF 2.1.0 schema", () => {
    const ws = workspace('demo-workspace');
    const r = runAction(ws, { root: 'registries', 'sarif-file': 'registry-lens.sarif' });
    assert.ok(r.failed, r.log);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs['sarif-file'], 'registry-lens.sarif');
    assert.match(r.log, /9 errors, 8 warnings/);
    const sarif = JSON.parse(readFileSync(path.join(ws, 'registry-lens.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    assertValidSarif(sarif);
    assert.ok(sarif.runs[0]!.results.some((x) => x.ruleId === 'RL002'));
  });

  it('with sarif-file, runs the check once: the SARIF written, the text report in the log, the exit code from fail-on', () => {
    // a `node` first on PATH that notes each run of the check, then runs it
    const bin = mkdtempSync(path.join(tmp, 'bin-'));
    const runs = path.join(bin, 'runs');
    writeFileSync(path.join(bin, 'node'), `#!/bin/sh\necho "$*" >> '${runs}'\nexec '${process.execPath}' "$@"\n`, {
      mode: 0o755,
    });
    const ws = workspace('demo-workspace');
    const given = { root: 'registries', 'fail-on': 'warning', 'sarif-file': 'once.sarif' };
    const r = runAction(ws, given, checkStep(), `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`);
    assert.ok(r.failed, r.log);
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(readFileSync(runs, 'utf8').trim().split('\n').length, 1, readFileSync(runs, 'utf8'));
    assert.equal(r.log.match(/9 errors, 8 warnings/g)?.length, 1, r.log);
    assert.match(r.log, /\[RL005\]/);
    assertValidSarif(JSON.parse(readFileSync(path.join(ws, 'once.sarif'), 'utf8')));
  });

  it('passes with fail-on never and still writes the SARIF', () => {
    const ws = workspace('demo-workspace');
    const r = runAction(ws, { root: 'registries', 'fail-on': 'never', 'sarif-file': 'out.sarif' }, checkStep());
    assert.ok(!r.failed, r.log);
    assert.equal(r.outputs['exit-code'], '0');
    assertValidSarif(JSON.parse(readFileSync(path.join(ws, 'out.sarif'), 'utf8')));
  });

  it('fails with warnings under fail-on warning, and passes a clean tree; no SARIF unless asked', () => {
    const hybrid = workspace('hybrid-workspace');
    assert.equal(runAction(hybrid, { root: 'registries' }, checkStep()).outputs['exit-code'], '0');
    assert.equal(
      runAction(hybrid, { root: 'registries', 'fail-on': 'warning' }, checkStep()).outputs['exit-code'],
      '0',
    );
    const r = runAction(workspace('meta-workspace'), { root: 'registries', 'fail-on': 'warning' }, checkStep());
    assert.ok(r.failed);
    assert.equal(r.outputs['sarif-file'], '');
  });

  it('fails on a workspace without any registry (exit code 3), saying what it looked for', () => {
    const r = runAction(workspace(null), { 'fail-on': 'never', 'sarif-file': 'empty.sarif' }, checkStep());
    assert.ok(r.failed);
    assert.equal(r.outputs['exit-code'], '3');
    assert.match(r.log, /no registry found under .*; looked for \*\*\/registry\/step_names\.py/);
  });

  it('an option-looking root is a folder name: `root: --help` fails as a missing folder (exit code 2)', () => {
    const r = runAction(workspace('demo-workspace'), { root: '--help', 'sarif-file': 'x.sarif' }, checkStep());
    assert.ok(r.failed);
    assert.equal(r.outputs['exit-code'], '2');
    assert.match(r.log, /--help: not a directory/);
    assert.doesNotMatch(r.log, /Usage: registry-lens/);
  });

  it('writes the SARIF into a folder it creates; a missing root writes no SARIF and reports a usage error', () => {
    const ws = workspace('hybrid-workspace');
    const r = runAction(ws, { root: 'registries', 'sarif-file': 'reports/scanning/out.sarif' }, checkStep());
    assert.ok(!r.failed, r.log);
    assert.equal(r.outputs['exit-code'], '0');
    assertValidSarif(JSON.parse(readFileSync(path.join(ws, 'reports', 'scanning', 'out.sarif'), 'utf8')));
    const missing = runAction(ws, { root: 'no-such-folder', 'sarif-file': 'missing.sarif' }, checkStep());
    assert.ok(missing.failed);
    assert.equal(missing.outputs['exit-code'], '2');
    assert.equal(existsSync(path.join(ws, 'missing.sarif')), false, 'no empty SARIF file left behind');
  });
});

export function assertValidSarif(sarif: unknown): void {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(path.join(REPO, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as object,
  );
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}
