// The npm package (issue 41, item 5): `npm pack` ships the bundles, the wasm files, schemas, grammars, the walkthrough media
// and the docs -- no sources, tests, bench or scripts -- and declares no runtime dependency (dist/
// bundles them), so `npm install -g --prefix DIR --offline` of the tarball works on an empty prefix
// with no registry at all, and the installed `registry-lens` prints exactly what the built tree prints.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readTarGz } from './tar';

const REPO = path.join(__dirname, '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURES = ['demo-workspace', 'onex-registry', 'apcore-extensions'].map((f) => path.join(REPO, 'examples', f));

describe('the npm package', function () {
  this.timeout(180_000);
  let tmp: string;
  let tarball: string;
  let bin: string;

  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'registry-lens-npm-'));
    // the prepack build already ran (npm test builds first): pack dist/ as it is
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    tarball = path.join(tmp, name);
    const prefix = path.join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: tmp,
      stdio: 'pipe',
      env: npmEnv(tmp),
    });
    bin = path.join(prefix, 'bin', 'registry-lens');
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('ships the bundles, wasm, schemas, grammar and docs only, with no runtime dependency', () => {
    const files = readTarGz(tarball)
      .map((e) => e.name.replace(/^package\//, ''))
      .sort();
    const under = (dir: string): string[] =>
      readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.relative(REPO, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
    assert.deepEqual(
      files,
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'package.json',
        'action/dist/cli.js',
        'action/dist/tree-sitter-python.wasm',
        'action/dist/web-tree-sitter.wasm',
        'dist/cli.js',
        'dist/client.js',
        'dist/server.js',
        'dist/browserClient.js',
        'dist/browserServer.js',
        'dist/tree-sitter-python.wasm',
        'dist/web-tree-sitter.wasm',
        'dist/webview/main.js',
        'dist/webview/style.css',
        'docs/diagnostics.md',
        ...under('schemas'),
        ...under('syntaxes'),
        ...under('media/walkthrough'),
      ].sort(),
    );
    const manifest = JSON.parse(
      readTarGz(tarball)
        .find((e) => e.name === 'package/package.json')!
        .data.toString('utf8'),
    ) as Record<string, unknown>;
    assert.equal(manifest['dependencies'], undefined, 'dist/ bundles everything: no runtime dependency');
    assert.equal(manifest['private'], undefined);
    // the committed bundle: what a git install (pre-commit 4.6.1+) gets, which runs no build
    assert.deepEqual(manifest['bin'], { 'registry-lens': './action/dist/cli.js' });
  });

  it('installs into an empty prefix offline, and `registry-lens --help` works', () => {
    const r = spawnSync(bin, ['--help'], { encoding: 'utf8', cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: registry-lens <command>/);
  });

  for (const fixture of FIXTURES) {
    it(`the installed \`registry-lens check\` prints exactly what the built tree prints: ${path.basename(fixture)}`, () => {
      for (const format of fixture === FIXTURES[0] ? ['text', 'sarif'] : ['text']) {
        const args = ['check', fixture, '--format', format, '--fail-on', 'never'];
        const installed = spawnSync(bin, args, { encoding: 'utf8', cwd: tmp });
        const built = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: tmp });
        assert.equal(installed.status, 0, installed.stderr);
        assert.equal(installed.stdout, built.stdout);
        assert.equal(installed.stderr, built.stderr);
        assert.ok(installed.stdout.length > 100);
      }
    });
  }
});

/** npm with a cache of its own: nothing can come from a cache or registry the machine happens to have. */
function npmEnv(tmp: string): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_registry: 'http://127.0.0.1:9/' };
}
