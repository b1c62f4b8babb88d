// A team adopting Registry Lens without a public home, as the README tells it: `npm run release` in a clean clone,
// then each of its outputs used from a fresh folder — the checksums verified, the npm tarball installed and run, the
// hooks repository committed as a repository of its own and used by pre-commit (Debian's, `try-repo` and a config's
// `repo:`) and as the GitHub Action (its `run:` steps, actionRunner.ts), the .vsix a VS Code extension package.
// `npm run test:release`, called by .ci/run after scripts/e2e/setup.sh (pre-commit).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { brokenTree, cleanTree, removeTrees, writeTree } from '../cli/helpers';
import { actionAt } from './actionRunner';
import { readTarGz } from './tar';
import { readZip } from './zip';

const REPO = path.join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
}

describe('a release, used from its outputs alone', function () {
  this.timeout(900_000);
  let tmp: string;
  let out: string;
  let hosted: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'registry-lens-release-'));
    const clone = path.join(tmp, 'clone');
    execFileSync('git', ['clone', '--quiet', REPO, clone]);
    git(clone, 'checkout', '--quiet', git(REPO, 'rev-parse', 'HEAD'));
    // the pinned build tools of this checkout (npm ci would fetch the same)
    symlinkSync(path.join(REPO, 'node_modules'), path.join(clone, 'node_modules'));
    const r = spawnSync('npm', ['run', 'release'], { cwd: clone, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    out = path.join(tmp, 'out');
    // what a team copies to where it hosts its tools: the release folder and nothing else
    cpSync(path.join(clone, 'release'), out, { recursive: true });
    rmSync(clone, { recursive: true, force: true });
  });

  after(() => {
    removeTrees();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the .vsix, the npm tarball, the hooks repository and their checksums, which `sha256sum -c` verifies', () => {
    assert.deepEqual(readdirSync(out).sort(), [
      'SHA256SUMS',
      'notes.md',
      `registry-lens-${version}.tgz`,
      `registry-lens-${version}.vsix`,
      `registry-lens-hooks-${version}.tgz`,
    ]);
    const r = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.match(/: OK$/gm)?.length, 3, r.stdout);
    const vsix = readZip(path.join(out, `registry-lens-${version}.vsix`));
    const manifest = vsix.find((e) => e.name === 'extension/package.json');
    assert.ok(manifest, 'the .vsix holds the extension manifest');
    assert.equal((JSON.parse(manifest.data().toString('utf8')) as { version: string }).version, version);
  });

  it('the npm tarball installs into an empty prefix and its registry-lens checks a folder', () => {
    const prefix = path.join(tmp, 'prefix');
    const install = spawnSync(
      'npm',
      ['install', '-g', '--prefix', prefix, path.join(out, `registry-lens-${version}.tgz`)],
      { cwd: tmp, encoding: 'utf8' },
    );
    assert.equal(install.status, 0, install.stdout + install.stderr);
    const bin = path.join(prefix, 'bin', 'registry-lens');
    const broken = spawnSync(bin, ['check', writeTree(brokenTree())], { encoding: 'utf8' });
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(broken.stdout, /Builder class 'ModelCalibrationStepBuilder' for step 'ModelCalibration' not found/);
    assert.equal(spawnSync(bin, ['check', writeTree(cleanTree())], { encoding: 'utf8' }).status, 0);
  });

  describe('the hooks repository, committed and tagged as a repository of its own', () => {
    before(() => {
      const archive = path.join(out, `registry-lens-hooks-${version}.tgz`);
      const entries = readTarGz(archive);
      const top = `registry-lens-hooks-${version}/`;
      assert.ok(
        entries.every((e) => e.name.startsWith(top)),
        'one folder',
      );
      hosted = path.join(tmp, 'hosted');
      mkdirSync(hosted);
      execFileSync('tar', ['-xf', '-', '--strip-components=1', '-C', hosted], {
        input: gunzipSync(readFileSync(archive)),
      });
      git(hosted, 'init', '--quiet');
      git(hosted, 'add', '-A');
      git(hosted, 'commit', '--quiet', '-m', `Registry Lens ${version}`);
      git(hosted, 'tag', `v${version}`);
    });

    it('holds the Action, the hooks and the bundle, and no source', () => {
      const files = git(hosted, 'ls-files').split('\n').sort();
      assert.deepEqual(
        files.filter((f) => !f.startsWith('action/dist/')),
        ['.pre-commit-hooks.yaml', 'LICENSE', 'README.md', 'action.yml', 'package.json'],
      );
      assert.ok(files.includes('action/dist/cli.js'));
      assert.ok(existsSync(path.join(hosted, 'action', 'dist', 'tree-sitter-python.wasm')));
      assert.match(
        readFileSync(path.join(hosted, 'README.md'), 'utf8'),
        new RegExp(`rev: v${version.replace(/\./g, '\\.')}`),
      );
    });

    it('pre-commit try-repo at its tag fails on a broken registry and passes a clean one', function () {
      if (spawnSync('pre-commit', ['--version']).status !== 0)
        throw new Error(
          'pre-commit is not installed: run `bash scripts/e2e/setup.sh all` (apt-get install pre-commit)',
        );
      const env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
      const tryRepo = (tree: Record<string, string>): { code: number | null; out: string } => {
        const dir = writeTree(tree);
        git(dir, 'init', '--quiet');
        git(dir, 'add', '-A');
        git(dir, 'commit', '--quiet', '-m', 'registry');
        const args = ['try-repo', hosted, 'registry-lens', '--ref', `v${version}`, '--all-files'];
        const r = spawnSync('pre-commit', args, { cwd: dir, encoding: 'utf8', env });
        return { code: r.status, out: r.stdout + r.stderr };
      };
      const broken = tryRepo(brokenTree());
      assert.equal(broken.code, 1, broken.out);
      assert.match(broken.out, /Registry Lens\.+Failed/);
      assert.match(broken.out, /Builder class 'ModelCalibrationStepBuilder' for step 'ModelCalibration' not found/);
      const clean = tryRepo(cleanTree());
      assert.equal(clean.code, 0, clean.out);
      assert.match(clean.out, /Registry Lens\.+Passed/);
    });

    it("the Action's steps, run from it, fail on the demo's errors with a SARIF file", () => {
      const { run } = actionAt(hosted, tmp);
      const ws = mkdtempSync(path.join(tmp, 'ws-'));
      cpSync(path.join(REPO, 'examples', 'demo-workspace'), path.join(ws, 'registries'), { recursive: true });
      const r = run(ws, { root: 'registries', 'sarif-file': 'out.sarif' });
      assert.ok(r.failed, r.log);
      assert.equal(r.outputs['exit-code'], '1');
      const sarif = JSON.parse(readFileSync(path.join(ws, 'out.sarif'), 'utf8')) as { version: string };
      assert.equal(sarif.version, '2.1.0');
    });
  });
});
