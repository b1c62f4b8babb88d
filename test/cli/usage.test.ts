// Usage errors exit 2 with a message on stderr; --help and --version exit 0.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanTree, REPO, removeTrees, runCli, writeTree } from './helpers';

describe('cli usage', () => {
  let root: string;
  before(() => {
    root = writeTree(cleanTree());
  });
  after(removeTrees);

  it('prints help with --help', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: registry-lens <command>/);
    assert.equal(runCli(['check', '--help']).code, 0);
  });

  it('prints the package version with --version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), version);
  });

  const bad: [string, string[], RegExp][] = [
    ['no command', [], /missing command/],
    ['an unknown command', ['lint'], /unknown command 'lint'/],
    ['an unknown option', ['check', '--colour'], /--colour/],
    ['a bad --format', ['check', '--format', 'xml'], /--format must be one of text, json, sarif/],
    ['a bad --fail-on', ['check', '--fail-on', 'hint'], /--fail-on/],
    ['a bad --mode', ['list', '--mode', 'global'], /--mode/],
    ['explain without a step', ['explain'], /explain: missing STEP/],
    ['a root that does not exist', ['check', 'no/such/dir'], /not a directory/],
    ['a bad graph --format', ['graph', '--format', 'png'], /--format must be one of dot, mermaid, json/],
  ];
  for (const [name, args, message] of bad) {
    it(`exits 2 on ${name}`, () => {
      const r = runCli(args, root);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 on an unknown --workspace for list, naming the known ids', () => {
    const r = runCli(['list', '--root', root, '--workspace', 'nobody']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /known: alice/);
  });
});
