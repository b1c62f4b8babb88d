// What CI and hooks meet at the edges of the command line (issue 49 item 7, issue 55 R29): a root or a
// file that looks like an option, an output file in a missing folder or for a failed run, and a reader
// that closes the pipe early.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenTree, CLI, CORE_REGISTRY, removeTrees, runCli, runJson, writeTree } from './helpers';

describe('cli: CI edges', () => {
  after(removeTrees);

  it('--help is an option only where an option may stand: as a value or after -- it names a root', () => {
    const root = writeTree(brokenTree());
    const forms = [
      ['check', '--root', '--help'],
      ['check', '--root=--help'],
      ['check', '--', '--help'],
      ['graph', '--', '-h'],
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
    // the document goes to the file; stdout carries the text report, so one run serves a CI log and the upload
    assert.equal(r.stdout, runCli(['check', '--fail-on', 'never', root]).stdout);
    assert.match(r.stdout, /\[RL005\]/);
    const text = join(root, 'reports', 'report.txt');
    const t = runCli(['check', '--fail-on', 'never', `--output=${text}`, root]);
    assert.equal(t.stdout, '', 'a text document is not printed twice');
    assert.equal(readFileSync(text, 'utf8'), r.stdout);
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

  it("check --base REV --files: what the staged change brings, not another file's old error; git errors are usage errors", () => {
    const root = writeTree(brokenTree());
    const git = (...args: string[]): void => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
    };
    const builder = 'src/cursus/steps/builders/builder_xgboost_training_step.py';
    const codes = (args: string[], cwd = root): string[] => {
      const r = runJson(['check', '--format', 'json', ...args], cwd);
      return (r.json['diagnostics'] as { code: string; message: string }[]).map(
        (d) => `${d.code} ${d.message.slice(0, 40)}`,
      );
    };
    git('init', '--quiet');
    // before the first commit every file is new: what --files alone reports
    writeFileSync(join(root, builder), 'class XGBoostTrainingStepBuilder:\n    # trains\n    pass\n');
    const unborn = codes(['--base', 'HEAD', '--files', builder]);
    assert.deepEqual(unborn, codes(['--files', builder]));
    assert.ok(
      unborn.some((c) => c.startsWith('RL005 ')),
      "core's old RL005 (ModelCalibration), read with every builder",
    );
    git('add', '-A');
    git('commit', '--quiet', '-m', 'broken registry');
    // an edit without consequence: core's RL005 was there in HEAD
    writeFileSync(join(root, builder), 'class XGBoostTrainingStepBuilder:\n    # trains XGBoost\n    pass\n');
    assert.deepEqual(codes(['--base', 'HEAD', '--files', builder]), []);
    const clean = runCli(['check', '--base', 'HEAD', '--files', builder], root);
    assert.equal(clean.code, 0, clean.stdout);
    // the class renamed: the RL005 of core and of alice's override for XGBoostTraining are the change's, ModelCalibration's is not
    writeFileSync(join(root, builder), 'class XGBoostTrainingStepBuilderV2:\n    pass\n');
    assert.deepEqual(
      codes(['--base', 'HEAD', '--files', builder]),
      Array(2).fill("RL005 Builder class 'XGBoostTrainingStepBuilde"),
    );
    // ROOT in a sub-folder of the repository: paths are the root's
    const sub = runJson(
      [
        'check',
        '--format',
        'json',
        '--root',
        'src',
        '--base',
        'HEAD',
        '--files',
        'src/cursus/steps/builders/builder_xgboost_training_step.py',
      ],
      root,
    );
    assert.equal(sub.code, 1, sub.stderr);
    // a file at the base over the size limit is refused before it is read
    writeFileSync(join(root, builder), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    git('commit', '--quiet', '-am', 'a huge builder');
    writeFileSync(join(root, builder), 'class XGBoostTrainingStepBuilder:\n    pass\n');
    const huge = runCli(['check', '--base', 'HEAD', '--files', builder], root);
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /at HEAD: over the size limit or binary/);
    // usage errors: no such revision, no repository, --base without --files
    const bad = runCli(['check', '--base', 'no-such-rev', '--files', builder], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--base no-such-rev: no such commit/);
    const outside = writeTree(brokenTree());
    const none = runCli(['check', '--base', 'HEAD', '--files', builder], outside);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--base needs a git repository/);
    assert.equal(runCli(['check', '--base', 'HEAD', root]).code, 2);
  });

  it('a reader that closes the pipe early ends the command quietly, with its own exit code', async () => {
    const root = writeTree(brokenTree());
    for (const args of [
      ['graph', '--format', 'json', root],
      ['check', '--format', 'sarif', root],
    ]) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // as `| head -c 0` does: the pipe is closed before anything is written
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
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
