// How the CLI reads a root: `.vscode/settings.json` (JSON with comments) and flags over it, symlinks
// that loop or leave the root, and files that are not sources (binary, larger than 2 MB).
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { brokenTree, CLI, cleanTree, CORE_REGISTRY, entry, removeTrees, runCli, runJson, writeTree } from './helpers';

describe('cli root loading', () => {
  after(removeTrees);

  it('applies registryLens settings from .vscode/settings.json, comments and trailing commas allowed', () => {
    const root = writeTree({
      ...brokenTree(),
      '.vscode/settings.json': `{
  // builders live elsewhere in this repository
  "registryLens.diagnostics.severity": { "RL005": "off", "RL006": "information", },
  /* isolation is crossed on purpose */
  "registryLens.resolution.mode": "hybrid",
}`,
    });
    const { code, json } = runJson(['check', root, '--format', 'json']);
    assert.equal(code, 0);
    const diagnostics = json['diagnostics'] as { code: string; severity: string }[];
    assert.ok(!diagnostics.some((d) => d.code === 'RL005'));
    assert.equal(diagnostics.find((d) => d.code === 'RL006')?.severity, 'information');
    assert.equal(runJson(['explain', 'FeatureJoin', '--root', root, '--format', 'json']).json['mode'], 'hybrid');
    assert.equal(
      runJson(['explain', 'FeatureJoin', '--root', root, '--mode', 'isolated', '--format', 'json']).json['mode'],
      'isolated',
    );
  });

  it('warns about a broken settings file by position, never quoting it, and reads what parses as the editor does', () => {
    const root = writeTree({ ...brokenTree(), '.vscode/settings.json': '{ "registryLens.diagnostics.severity": ' });
    const r = runCli(['check', root]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /\.vscode\/settings\.json:1:40: ValueExpected/);
    assert.doesNotMatch(r.stderr, /diagnostics\.severity/);
  });

  it('honours files.exclude', () => {
    const root = writeTree({
      ...cleanTree(),
      'vendor/registry/step_names.py': `STEP_NAMES = {\n${entry('Vendored', 'Processing')}}\n`,
      '.vscode/settings.json': '{ "files.exclude": { "vendor/**": true, "vendor": true } }',
    });
    assert.equal(runCli(['check', root]).code, 0);
  });

  it('ends on symlink loops and never follows a link out of the root', () => {
    const outside = writeTree({ 'registry/step_names.py': `STEP_NAMES = {\n${entry('Outside', 'Processing')}}\n` });
    const root = writeTree(cleanTree());
    symlinkSync(root, join(root, 'src', 'loop'), 'dir');
    symlinkSync(outside, join(root, 'outside'), 'dir');
    const { code, json } = runJson(['check', root, '--format', 'json']);
    assert.equal(code, 0, JSON.stringify(json));
    assert.deepEqual(json['diagnostics'], []);
    assert.equal(runJson(['explain', 'Outside', '--root', root, '--format', 'json']).json['found'], false);
  });

  it('skips binary files', () => {
    const root = writeTree(cleanTree());
    mkdirSync(join(root, 'bin', 'registry'), { recursive: true });
    writeFileSync(join(root, 'bin', 'registry', 'step_names.py'), Buffer.from([0x53, 0x00, 0x54]));
    const r = runCli(['check', root]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stderr, /skipped bin\/registry\/step_names\.py/);
    assert.equal(
      runJson(['explain', 'TabularPreprocessing', '--root', root, '--format', 'json']).json['winner'] !== null,
      true,
    );
  });

  it('reports an unreadable registry and an unreadable workspace directory with an RL030 warning each (shared/repro R7)', () => {
    const reg = (ws: string): string =>
      `developer_workspaces/developers/${ws}/src/cursus_dev/registry/workspace_registry.py`;
    const root = writeTree({
      ...cleanTree(),
      [reg('open')]: 'LOCAL_STEPS = {"bad name": {}}\n',
      [reg('nofile')]: 'LOCAL_STEPS = {"bad name": {}}\n',
      [reg('nodir')]: 'LOCAL_STEPS = {"bad name": {}}\n',
    });
    const file = join(root, reg('nofile'));
    const dir = join(root, 'developer_workspaces/developers/nodir');
    chmodSync(file, 0o000);
    chmodSync(dir, 0o000);
    try {
      // root reads anything: drop its permission bypass for the run, as the reproducer does
      const asRoot = process.getuid?.() === 0;
      const argv = ['check', root, '--format', 'json', '--fail-on', 'never'];
      const r = asRoot
        ? spawnSync(
            'setpriv',
            ['--bounding-set=-dac_override,-dac_read_search', '--', process.execPath, CLI, ...argv],
            { encoding: 'utf8', timeout: 60_000 },
          )
        : spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      const ds = (
        JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; severity: string; message: string }[] }
      ).diagnostics;
      const line = (d: { file: string; code: string; severity: string; message: string }): string =>
        `${d.file} ${d.code} ${d.severity} ${d.message}`;
      assert.deepEqual(
        ds
          .filter((d) => d.code === 'RL030')
          .map(line)
          .sort(),
        [
          'developer_workspaces/developers/nodir RL030 warning Not analysed: it cannot be listed (EACCES)',
          `${reg('nofile')} RL030 warning Not analysed: it cannot be read (EACCES)`,
        ],
      );
      assert.ok(
        ds.some((d) => d.file === reg('open') && d.code === 'RL009'),
        'the readable workspace is analysed',
      );
      assert.match(r.stderr, /skipped developer_workspaces\/developers\/nodir\/: it cannot be listed/);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
    }
  });

  it('reports paths relative to the root whatever the working directory', () => {
    const root = writeTree(brokenTree());
    const files = (
      runJson(['check', '.', '--format', 'json'], join(root, 'src')).json['diagnostics'] as { file: string }[]
    ).map((d) => d.file);
    assert.ok(!files.includes(CORE_REGISTRY));
    const fromRoot = (runJson(['check', root, '--format', 'json']).json['diagnostics'] as { file: string }[]).map(
      (d) => d.file,
    );
    assert.ok(fromRoot.includes(CORE_REGISTRY));
  });
});
