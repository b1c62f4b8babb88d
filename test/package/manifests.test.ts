// What can be checked here of the files only other tools run: the pre-commit hook's manifest names the
// package's own bin, the release workflow (never run: no GitHub runner here) parses, builds by
// `npm run release` and does the four publications it promises, and the action's scripts call the
// Action's committed build of the package's CLI.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { PATHS } from '../../server/src/engine/engine';

const REPO = path.join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(REPO, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
};

describe('release manifests', () => {
  it(".pre-commit-hooks.yaml: hooks registry-lens and registry-lens-daemon, node hooks running the package's bin on the staged files", () => {
    type Hook = {
      id: string;
      name: string;
      description: string;
      language: string;
      entry: string;
      args: string[];
      require_serial: boolean;
      files: string;
    };
    const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];
    assert.deepEqual(
      hooks.map((h) => [h.id, h.entry]),
      [
        ['registry-lens', 'registry-lens check --base HEAD --files'],
        ['registry-lens-daemon', 'registry-lens check --daemon --base HEAD --files'],
      ],
    );
    const [hook, daemon] = hooks;
    assert.deepEqual(
      { ...daemon, id: hook!.id, name: hook!.name, description: hook!.description, entry: hook!.entry },
      hook,
      'the daemon hook differs only by its id, name, description and --daemon',
    );
    assert.equal(hook!.language, 'node');
    assert.deepEqual(
      hook!.args,
      ['--'],
      'the staged files pre-commit appends come after `--`: never read as options (R29)',
    );
    assert.ok(Object.hasOwn(pkg.bin, 'registry-lens'));
    assert.equal(hook!.require_serial, true, 'one analysis of the root, not one per batch of files');
    const files = new RegExp(hook!.files);
    for (const f of [
      'src/cursus/registry/step_names.py',
      'registry/registry.yaml',
      'x/y_meta.yml',
      'ext/m.ts',
      'a/.onextree',
      'v1_0_0/.wip',
      // every file name a family reads (a staged pyproject.toml's entry points, a DAG)
      ...PATHS.names.map((n) => `a/${n.replace('*', 'x')}`),
    ])
      assert.ok(files.test(f), f);
    assert.ok(!files.test('README.md'));
    assert.ok(!files.test('package.json'));
  });

  it('npm pack builds first and prints only the tarball name (pre-commit reads it)', () => {
    assert.equal(pkg.scripts['prepack'], 'npm run build');
    assert.match(read('.npmrc'), /^foreground-scripts=false$/m);
  });

  it("release.yml: on a v* tag, npm run release's files and notes released and published", () => {
    const wf = parse(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } };
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    assert.deepEqual(wf.on.push.tags, ['v*']);
    assert.equal(wf.permissions['id-token'], 'write');
    const runs = Object.values(wf.jobs)
      .flatMap((j) => j.steps.map((s) => s.run ?? ''))
      .join('\n');
    const commands = [
      /npm ci/,
      /npm test/,
      /npm run release/,
      /gh release create .*release\/.*\.vsix.*release\/.*\.tgz.*--notes-file release\/notes\.md/,
      /ovsx@\d+ publish .*release\/.*\.vsix/,
      /vsce publish .*--packagePath .*release\/.*\.vsix/,
      /npm publish --provenance .*release\/.*\.tgz/,
    ];
    for (const command of commands) assert.match(runs, command);
    assert.equal(pkg.scripts['release'], 'node scripts/release.mjs');
  });

  it("action.yml runs the Action's committed bundle of the CLI (test/package/actionBundle.test.ts keeps it fresh)", () => {
    const action = parse(read('action.yml')) as { runs: { steps: { env?: Record<string, string> }[] } };
    const cli = action.runs.steps.map((s) => s.env?.['REGISTRY_LENS']).find((v) => v !== undefined);
    assert.equal(cli, '${{ github.action_path }}/action/dist/cli.js');
    assert.equal(pkg.scripts['build:action'], 'node scripts/buildAction.mjs');
    // the package's command is that bundle too: a git install (pre-commit 4.6.1+) builds nothing (docs/cli.md#pre-commit)
    assert.equal(pkg.bin['registry-lens'], './action/dist/cli.js');
    assert.deepEqual(
      pkg.files.filter((f) => f.startsWith('action')),
      ['action/dist/cli.js', 'action/dist/*.wasm'],
    );
  });
});
