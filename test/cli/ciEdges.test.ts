// What CI and hooks meet at the edges of the command line (issue 49 item 7, issue 55 R29): a root or a
// file that looks like an option, an output file in a missing folder or for a failed run, and a reader
// that closes the pipe early.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenTree, CLI, CORE_REGISTRY, removeTrees, runCli, runJson, writeTree } from './helpers';

describe('cli: CI edges', () => {
  after(removeTrees);

  it('--help is an option only where an option may stand: as a value or after -- it names a root', () => {
    const root = writeTree(brokenTree());
    const forms = [
      ['check', '--root', '--help'], ['check', '--root=--help'], ['check', '--', '--help'], ['graph', '--', '-h'],
    ];
    for (const args of forms) {
      const r = runCli(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /: not a directory/);
    }
    assert.equal(runCli(['check', '--help'], root).code, 0);
    mkdirSync(join(root, '--help'));
    writeFileSync(join(root, '--help', 'README.md'), 'no registry\n');
    assert.equal(runCli(['check', '--', '--help'], root).code, 3, 'a folder named --help is checked');
  });

  it('check --output writes the document into a folder it creates; a run that fails writes nothing', () => {
    const root = writeTree(brokenTree());
    const out = join(root, 'reports', 'deep', 'registry-lens.sarif');
    const r = runCli(['check', '--format', 'sarif', '--fail-on', 'never', `--output=${out}`, root]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '', 'the document goes to the file, not to stdout');
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0]!.results.some((x) => x.ruleId === 'RL005'));
    assert.deepEqual(readdirSync(join(root, 'reports', 'deep')), ['registry-lens.sarif'], 'no temporary file left');
    // a missing root: a usage error (2), and no file at all (not an empty one)
    const missing = join(root, 'missing.sarif');
    const bad = runCli(['check', '--format', 'sarif', '--output', missing, join(root, 'no-such-dir')]);
    assert.equal(bad.code, 2);
    assert.equal(existsSync(missing), false);
    // a file that cannot be written (its folder is a file): a usage error naming it, not "problems found"
    const blocked = runCli(['check', '--format', 'sarif', '--output', join(root, CORE_REGISTRY, 'x.sarif'), root]);
    assert.equal(blocked.code, 2);
    assert.match(blocked.stderr, /--output .*x\.sarif: cannot write it/);
  });

  it('a reader that closes the pipe early ends the command quietly, with its own exit code', async () => {
    const root = writeTree(brokenTree());
    for (const args of [['graph', '--format', 'json', root], ['check', '--format', 'sarif', root]]) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // as `| head -c 0` does: the pipe is closed before anything is written
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
      const code = await new Promise<number | null>((done) => child.on('close', done));
      assert.equal(stderr, '', `${args[0]}: ${stderr}`);
      assert.equal(code, args[0] === 'check' ? 1 : 0, args[0]);
    }
  });

  it('check --files -- F…: staged files named like options are files (R29)', () => {
    const root = writeTree(brokenTree());
    for (const f of ['-h.py', '--fail-on=never.py', '--root=x.py']) writeFileSync(join(root, f), 'x = 1\n');
    mkdirSync(join(root, 'x.py'));
    const staged = ['-h.py', '--fail-on=never.py', '--root=x.py', CORE_REGISTRY];
    const r = runJson(['check', '--format', 'json', '--files', '--', ...staged], root);
    assert.equal(r.code, 1, r.stderr);
    const codes = (r.json['diagnostics'] as { code: string }[]).map((d) => d.code);
    assert.ok(codes.includes('RL005'), 'the broken registry is still checked, at the same root, failing');
    // without `--` the names are options: what the hook must never do
    assert.equal(runCli(['check', '--files', '--root=x.py', CORE_REGISTRY], root).code, 3);
  });

  it('the pre-commit hook ends its options with -- before the staged files; the docs keep it in args', () => {
    const hooks = readFileSync(join(__dirname, '..', '..', '.pre-commit-hooks.yaml'), 'utf8');
    assert.match(hooks, /^ {2}entry: registry-lens check --base HEAD --files$/m);
    assert.match(hooks, /^ {2}args: \['--'\]$/m);
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    for (const [, args] of doc.matchAll(/^\s*#? ?args: (\[.*\])/gm)) {
      assert.match(args!, /, --\]$/, `every args example ends with --: ${args}`);
    }
  });
});
