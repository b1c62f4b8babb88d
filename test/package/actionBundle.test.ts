// The GitHub Action runs the bundle committed in action/dist/ (issue 49 item 7: no `npm ci` and build
// per run). It must be what `npm run build:action` makes of the sources now: esbuild's output is
// deterministic, so a fresh build into a temporary folder must equal it byte for byte. After a change
// of the sources (or of docs/diagnostics.md, bundled as the SARIF help), run `npm run build:action`
// and commit action/dist/.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const REPO = join(__dirname, '..', '..');
const BUNDLE = join(REPO, 'action', 'dist');

describe("the Action's committed bundle", function () {
  this.timeout(120_000);
  let fresh: string;
  before(() => {
    fresh = mkdtempSync(join(tmpdir(), 'registry-lens-action-bundle-'));
    execFileSync(process.execPath, [join(REPO, 'scripts', 'buildAction.mjs'), fresh], { cwd: REPO });
  });
  after(() => rmSync(fresh, { recursive: true, force: true }));

  it('is what `npm run build:action` builds from the sources now (else: rebuild and commit action/dist/)', () => {
    assert.deepEqual(readdirSync(BUNDLE).sort(), readdirSync(fresh).sort());
    const stale = readdirSync(fresh).filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(BUNDLE, f))));
    assert.deepEqual(stale, [], 'action/dist/ differs from a fresh build: run `npm run build:action` and commit it');
  });

  it('holds only the CLI and the two wasm parsers it reads, minified: small enough to commit', () => {
    assert.deepEqual(readdirSync(BUNDLE).sort(), ['cli.js', 'tree-sitter-python.wasm', 'web-tree-sitter.wasm']);
    const size = readdirSync(BUNDLE).reduce((n, f) => n + readFileSync(join(BUNDLE, f)).length, 0);
    assert.ok(size < 2_500_000, `${size} bytes`);
    assert.ok(!readFileSync(join(BUNDLE, 'cli.js'), 'utf8').includes(REPO), 'no path of the machine that built it');
  });

  it('answers as the built CLI does', () => {
    const demo = join(REPO, 'examples', 'demo-workspace');
    const run = (cli: string): string =>
      spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', demo], { encoding: 'utf8' }).stdout;
    const out = run(join(BUNDLE, 'cli.js'));
    assert.ok(out.includes('"ruleId": "RL005"'));
    assert.equal(out, run(join(REPO, 'dist', 'cli.js')));
  });

  it('is what action.yml runs, with nothing installed or built', () => {
    type Step = { run?: string; env?: Record<string, string> };
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n');
    assert.doesNotMatch(scripts, /npm (ci|install|run)/);
    const bundle = '${{ github.action_path }}/action/dist/cli.js';
    assert.ok(action.runs.steps.some((s) => s.env?.['REGISTRY_LENS'] === bundle));
  });
});
