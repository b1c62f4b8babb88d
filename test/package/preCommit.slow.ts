// The pre-commit hook (issue 41, item 3), as a user meets it: Debian's `pre-commit try-repo` on a git
// clone of this repository at HEAD (committed work only), against temporary git repositories. pre-commit
// 3.0.4 installs the hook as a node package (npm install in the clone, npm pack whose prepack builds dist/,
// npm install -g of the tarball: a few minutes, network to the npm registry); pre-commit 4.6.1 and later
// run `npm install --allow-git=root --install-links -g git+file://<clone>` instead (its languages/node.py),
// which packs the clone as committed (no build: npm/cli#8440), so the bin is the committed bundle. Both
// are driven here, 4.6.2 from its sources (scripts/e2e/setup.sh), and that npm command alone. This runs
// outside `npm test`: `npm run test:pre-commit`, which .ci/run calls after scripts/e2e/setup.sh.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { ALICE_REGISTRY, brokenTree, cleanTree, entry, writeTree, removeTrees } from '../cli/helpers';

const REPO = path.join(__dirname, '..', '..');
/** pre-commit 4.6.2's sources, put there by `bash scripts/e2e/setup.sh all` (its cache folder, as code-server.mjs's E2E_CACHE). */
const PRE_COMMIT4 = path.join(
  process.env['E2E_CACHE_DIR'] ||
    path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'registry-lens-e2e'),
  'pre-commit-4.6.2',
);

describe('the pre-commit hook', function () {
  this.timeout(900_000);
  let tmp: string;
  let clone: string;
  let sha: string;

  before(() => {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (version.status !== 0)
      throw new Error('pre-commit is not installed: run `bash scripts/e2e/setup.sh all` (apt-get install pre-commit)');
    tmp = mkdtempSync(path.join(tmpdir(), 'registry-lens-pre-commit-'));
    clone = path.join(tmp, 'clone');
    sha = git(REPO, 'rev-parse', 'HEAD');
    execFileSync('git', ['clone', '--quiet', REPO, clone]);
    git(clone, 'checkout', '--quiet', sha);
  });

  after(() => {
    removeTrees();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** `pre-commit try-repo <clone> registry-lens` in `dir`, one pre-commit home for every run (the hook installs once). */
  function tryRepo(dir: string, ...extra: string[]): { code: number | null; out: string } {
    const r = spawnSync('pre-commit', ['try-repo', clone, 'registry-lens', '--ref', sha, ...extra], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'home'), PRE_COMMIT_COLOR: 'never' },
    });
    return { code: r.status, out: r.stdout + r.stderr };
  }

  function repository(tree: Record<string, string>): string {
    const dir = writeTree(tree);
    git(dir, 'init', '--quiet');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'registry');
    return dir;
  }

  it("installs with pre-commit 4.6.1+'s npm command (npm install --allow-git=root --install-links -g git+file://CLONE), and its registry-lens runs", () => {
    // as pre-commit's languages/node.py (v4.6.2): get_env_patch's variables, install_environment's command, run in the clone
    const envDir = path.join(tmp, 'node_env');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_VIRTUAL_ENV: envDir,
      NPM_CONFIG_PREFIX: envDir,
      npm_config_prefix: envDir,
      NODE_PATH: path.join(envDir, 'lib', 'node_modules'),
      PATH: `${path.join(envDir, 'bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
    };
    delete env['NPM_CONFIG_USERCONFIG'];
    delete env['npm_config_userconfig'];
    const install = spawnSync('npm', ['install', '--allow-git=root', '--install-links', '-g', `git+file://${clone}`], {
      cwd: clone,
      encoding: 'utf8',
      env,
    });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    const bin = path.join(envDir, 'bin', 'registry-lens');
    assert.ok(existsSync(bin), `no ${bin}: ${install.stdout}${install.stderr}`);
    const r = spawnSync(bin, ['check', writeTree(brokenTree())], { encoding: 'utf8', env });
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stdout,
      /error +Builder class 'ModelCalibrationStepBuilder' for step 'ModelCalibration' not found.*\[RL005\]/,
    );
    assert.match(r.stdout, /1 error, 1 warning/);
  });

  it('pre-commit 4.6.2 (from its sources): try-repo fails on a broken registry; as a repo of a config, a staged step without its builder fails the commit', function () {
    // setup.sh fetches its sources where the machine reaches their repository, and says so where it does not
    if (!existsSync(path.join(PRE_COMMIT4, 'pre_commit', 'languages', 'node.py'))) this.skip();
    // the python Debian's pre-commit runs with: the libraries pre-commit needs are its
    const python = /^#!(\S+)/.exec(
      readFileSync(execFileSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).trim(), 'utf8'),
    )![1]!;
    const env = {
      ...process.env,
      PRE_COMMIT_HOME: path.join(tmp, 'home4'),
      PRE_COMMIT_COLOR: 'never',
      PYTHONPATH: PRE_COMMIT4,
    };
    const preCommit = (dir: string, ...args: string[]): { code: number | null; out: string } => {
      const r = spawnSync(python, ['-m', 'pre_commit', ...args], { cwd: dir, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    assert.match(preCommit(tmp, '--version').out, /^pre-commit 4\.6\.2$/m);
    const broken = preCommit(repository(brokenTree()), 'try-repo', clone, 'registry-lens', '--ref', sha, '--all-files');
    assert.equal(broken.code, 1, broken.out);
    assert.match(broken.out, /Registry Lens\.+Failed/);
    assert.match(
      broken.out,
      /Builder class 'ModelCalibrationStepBuilder' for step 'ModelCalibration' not found.*\[RL005\]/,
    );
    const config = `repos:\n  - repo: ${clone}\n    rev: ${sha}\n    hooks:\n      - id: registry-lens\n`;
    const dir = repository({ ...cleanTree(), '.pre-commit-config.yaml': config });
    writeFileSync(
      path.join(dir, ALICE_REGISTRY),
      `LOCAL_STEPS = {\n${entry('FeatureJoin', 'Processing')}${entry('Calibration', 'Processing')}}\n\nWORKSPACE_METADATA = {"developer_id": "alice"}\n`,
    );
    git(dir, 'add', ALICE_REGISTRY);
    const staged = preCommit(dir, 'run');
    assert.equal(staged.code, 1, staged.out);
    assert.match(staged.out, /Builder class 'CalibrationStepBuilder' for step 'Calibration' not found/);
    assert.doesNotMatch(staged.out, /src\/cursus\/registry\/step_names\.py/, 'only the staged registry is reported');
  });

  it('fails on a repository with a broken registry and lists the problems', () => {
    const r = tryRepo(repository(brokenTree()), '--all-files');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /Registry Lens\.+Failed/);
    assert.match(
      r.out,
      /src\/cursus\/registry\/step_names\.py\n.*error +Builder class 'ModelCalibrationStepBuilder' for step 'ModelCalibration' not found.*\[RL005\]/,
    );
    assert.match(r.out, /1 error, 1 warning/);
  });

  it('passes on a clean repository', () => {
    const r = tryRepo(repository(cleanTree()), '--all-files');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /Registry Lens\.+Passed/);
  });

  it('as a repo: of .pre-commit-config.yaml, checks the staged files: a step added without its builder fails the commit', () => {
    // try-repo installs the hook anew each run (a store of its own); a config shares one installed environment
    const config = `repos:\n  - repo: ${clone}\n    rev: ${sha}\n    hooks:\n      - id: registry-lens\n`;
    const run = (dir: string): { code: number | null; out: string } => {
      const r = spawnSync('pre-commit', ['run'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'home-run'), PRE_COMMIT_COLOR: 'never' },
      });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const dir = repository({ ...cleanTree(), '.pre-commit-config.yaml': config });
    writeFileSync(
      path.join(dir, ALICE_REGISTRY),
      `LOCAL_STEPS = {\n${entry('FeatureJoin', 'Processing')}${entry('Calibration', 'Processing')}}\n\nWORKSPACE_METADATA = {"developer_id": "alice"}\n`,
    );
    git(dir, 'add', ALICE_REGISTRY);
    const r = run(dir);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /Builder class 'CalibrationStepBuilder' for step 'Calibration' not found/);
    assert.doesNotMatch(r.out, /src\/cursus\/registry\/step_names\.py/, 'only the staged registry is reported');
    const unrelated = repository({ ...cleanTree(), '.pre-commit-config.yaml': config });
    writeFileSync(path.join(unrelated, 'notes.py'), 'x = 1\n');
    git(unrelated, 'add', 'notes.py');
    const ok = run(unrelated);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /Registry Lens\.+Passed/);
  });

  it('staged files named like options are files (R29); a staged change that breaks an unstaged registry fails (R28), an old error elsewhere does not', () => {
    const config = `repos:\n  - repo: ${clone}\n    rev: ${sha}\n    hooks:\n      - id: registry-lens\n`;
    const run = (dir: string): { code: number | null; out: string } => {
      const env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'home-run'), PRE_COMMIT_COLOR: 'never' };
      const r = spawnSync('pre-commit', ['run'], { cwd: dir, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const dashed = repository({ ...cleanTree(), '.pre-commit-config.yaml': config, 'x.py/README.md': 'a folder\n' });
    for (const f of ['-h.py', '--root=x.py']) writeFileSync(path.join(dashed, f), 'x = 1\n');
    git(dashed, 'add', '--', '-h.py', '--root=x.py');
    const named = run(dashed);
    assert.equal(named.code, 0, named.out);
    assert.match(named.out, /Registry Lens\.+Passed/);
    // a staged builder renames its class: core's (unstaged) registry no longer finds it
    const builder = 'src/cursus/steps/builders/builder_xgboost_training_step.py';
    const renamed = repository({ ...cleanTree(), '.pre-commit-config.yaml': config });
    writeFileSync(path.join(renamed, builder), 'class XGBoostTrainingStepBuilderV2:\n    pass\n');
    git(renamed, 'add', builder);
    const broken = run(renamed);
    assert.equal(broken.code, 1, broken.out);
    assert.match(broken.out, /Builder class 'XGBoostTrainingStepBuilder' for step 'XGBoostTraining' not found/);
    // an error core's registry already had in HEAD is not the staged change's: a builder edited beside it passes
    const old = repository({ ...brokenTree(), '.pre-commit-config.yaml': config });
    writeFileSync(path.join(old, builder), 'class XGBoostTrainingStepBuilder:\n    # Trains XGBoost.\n    pass\n');
    git(old, 'add', builder);
    const passes = run(old);
    assert.equal(passes.code, 0, passes.out);
    assert.match(passes.out, /Registry Lens\.+Passed/);
  });

  it("registry-lens-daemon: the same answers from the repository's daemon, which the first commit starts", async () => {
    const config = `repos:\n  - repo: ${clone}\n    rev: ${sha}\n    hooks:\n      - id: registry-lens-daemon\n`;
    // The daemon's socket lives under the temporary folder of the hook that starts it: this test's own.
    const sockets = path.join(tmp, 'sockets');
    mkdirSync(sockets);
    const run = (dir: string): { code: number | null; out: string } => {
      const env = {
        ...process.env,
        PRE_COMMIT_HOME: path.join(tmp, 'home-run'),
        PRE_COMMIT_COLOR: 'never',
        TMPDIR: sockets,
      };
      const r = spawnSync('pre-commit', ['run'], { cwd: dir, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    try {
      const dir = repository({ ...cleanTree(), '.pre-commit-config.yaml': config });
      const builder = 'src/cursus/steps/builders/builder_xgboost_training_step.py';
      writeFileSync(path.join(dir, builder), 'class XGBoostTrainingStepBuilderV2:\n    pass\n');
      git(dir, 'add', builder);
      const broken = run(dir);
      assert.equal(broken.code, 1, broken.out);
      assert.match(broken.out, /Registry Lens \(daemon\)\.+Failed/);
      assert.match(broken.out, /Builder class 'XGBoostTrainingStepBuilder' for step 'XGBoostTraining' not found/);
      // the daemon the first commit started listens once that commit's check has exited
      const socket = await theSocketUp(sockets);
      // fixed and staged again: the daemon that answered first answers again, from the change
      writeFileSync(path.join(dir, builder), 'class XGBoostTrainingStepBuilder:\n    pass\n');
      git(dir, 'add', builder);
      const fixed = run(dir);
      assert.equal(fixed.code, 0, fixed.out);
      assert.match(fixed.out, /Registry Lens \(daemon\)\.+Passed/);
      assert.equal(theSocket(sockets), socket, 'one daemon served both commits');
    } finally {
      for (const folder of readdirSync(sockets))
        for (const s of readdirSync(path.join(sockets, folder))) await stop(path.join(sockets, folder, s));
    }
  });
});

/** The one daemon socket under a temporary folder, once there is one (looked for again every 20 ms). */
async function theSocketUp(folder: string): Promise<string> {
  const sockets = (): string[] => readdirSync(folder).flatMap((f) => readdirSync(path.join(folder, f)));
  while (sockets().length === 0) await new Promise((r) => setTimeout(r, 20));
  return theSocket(folder);
}

/** The one daemon socket under a temporary folder. */
function theSocket(folder: string): string {
  const found = readdirSync(folder).flatMap((f) =>
    readdirSync(path.join(folder, f)).map((s) => path.join(folder, f, s)),
  );
  assert.equal(found.length, 1, found.join(', '));
  return found[0] as string;
}

/** Asks the daemon listening on a socket to stop (as `registry-lens daemon --stop` does). */
function stop(socket: string): Promise<void> {
  return new Promise((done) => {
    const c = connect(socket);
    c.once('connect', () => c.end('{"kind":"stop"}\n'));
    c.resume(); // its answer read and dropped: the connection ends once the daemon ended its side
    c.once('error', () => done());
    c.once('close', () => done());
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}
