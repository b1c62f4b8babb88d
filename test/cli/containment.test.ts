// The CLI never reads or writes outside its root (shared/repro R11, R14, R15): settings naming a
// workspaces root outside it are ignored with a warning and `init-workspace` writes inside; a linked
// workspace or `developers` directory makes it write nothing; `.vscode/settings.json` is read only as a
// regular file inside the root (a FIFO, /dev/zero or /proc/self/environ through a link: a warning that
// quotes nothing, and the defaults), parsed as the editor parses it (BOM, comments, trailing commas).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, removeTrees, runCli, runJson, writeTree } from './helpers';

const DEV = 'developer_workspaces/developers';
const ALICE_REG = `${DEV}/alice/src/cursus_dev/registry/workspace_registry.py`;
const alice = (): Record<string, string> => ({
  [ALICE_REG]:
    'LOCAL_STEPS = {\n    "AliceStep": {"sagemaker_step_type": "Processing", "description": "d"},\n}\nWORKSPACE_METADATA = {"developer_id": "alice"}\n',
});
const codes = (root: string): string[] =>
  (
    runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json['diagnostics'] as {
      file: string;
      code: string;
    }[]
  ).map((d) => `${d.file} ${d.code}`);
const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];

describe('cli: nothing outside the root', () => {
  after(removeTrees);

  it('ignores a workspaces root that leaves the folder, warns, and init-workspace writes inside it (R11)', () => {
    const tmp = writeTree({
      ...Object.fromEntries(Object.entries(alice()).map(([k, v]) => [`repo/${k}`, v])),
      'repo/.vscode/settings.json': '{"registryLens.workspaces.roots": ["../outside"]}',
    });
    mkdirSync(join(tmp, 'outside'));
    const r = runCli(['init-workspace', 'evil1', '--root', join(tmp, 'repo')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /registryLens\.workspaces\.roots: ignoring "\.\.\/outside", which leaves the workspace folder/,
    );
    assert.match(r.stdout, /Workspace 'evil1' in developer_workspaces\/developers\/evil1/);
    assert.deepEqual(files(join(tmp, 'outside')), []);
    assert.ok(existsSync(join(tmp, 'repo', DEV, 'evil1', 'src/cursus_dev/registry/workspace_registry.py')));
  });

  it('writes nothing through a linked workspace directory or a linked developers directory (R15)', () => {
    const tmp = writeTree(Object.fromEntries(Object.entries(alice()).map(([k, v]) => [`root1/${k}`, v])));
    mkdirSync(join(tmp, 'outside1'));
    symlinkSync(join(tmp, 'outside1'), join(tmp, 'root1', DEV, 'evil4'));
    const one = runCli(['init-workspace', 'evil4', '--root', join(tmp, 'root1')]);
    assert.equal(one.code, 1);
    assert.match(
      one.stdout,
      /nothing written: "developer_workspaces\/developers\/evil4" leads outside the root through a symbolic link/,
    );
    assert.deepEqual(files(join(tmp, 'outside1')), []);

    const tmp2 = writeTree({
      [`outside2/alice/src/cursus_dev/registry/workspace_registry.py`]: alice()[ALICE_REG] as string,
    });
    mkdirSync(join(tmp2, 'root2', 'developer_workspaces'), { recursive: true });
    symlinkSync(join(tmp2, 'outside2'), join(tmp2, 'root2', DEV));
    const two = runCli(['init-workspace', 'evil5', '--root', join(tmp2, 'root2')]);
    assert.equal(two.code, 1);
    assert.match(two.stdout, /nothing written/);
    assert.ok(!existsSync(join(tmp2, 'outside2', 'evil5')));
  });

  for (const [kind, make] of [
    ['a FIFO', (settings: string) => execFileSync('mkfifo', [settings])],
    ['a link to /dev/zero', (settings: string) => symlinkSync('/dev/zero', settings)],
    ['a link to /proc/self/environ', (settings: string) => symlinkSync('/proc/self/environ', settings)],
  ] as const) {
    it(`ignores a settings.json that is ${kind}, at once, without quoting it, and analyses with the defaults (R14)`, () => {
      const plain = writeTree(alice());
      const root = writeTree(alice());
      mkdirSync(join(root, '.vscode'));
      make(join(root, '.vscode', 'settings.json'));
      const r = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', '--fail-on', 'never'], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { A_REPRO_MARKER: 'read-from-proc-self-environ', PATH: process.env['PATH'] ?? '' },
      });
      assert.equal(r.status, 0, `${String(r.signal)} ${r.stderr}`);
      assert.match(
        r.stderr,
        /ignoring \.vscode\/settings\.json: (it is not a regular file|"\.vscode\/settings\.json" leads outside the root through a symbolic link)/,
      );
      assert.doesNotMatch(r.stderr, /A_REPRO|read-from/);
      assert.deepEqual((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length, codes(plain).length);
    });
  }

  it('reads settings.json as the editor does: a byte order mark, comments and trailing commas', () => {
    const root = writeTree({
      ...alice(),
      '.vscode/settings.json':
        '\uFEFF{\n  // the editor allows comments\n  "registryLens.diagnostics.severity": {"RL005": "off",},\n  /* and trailing commas */\n  "registryLens.sagemakerStepTypes": ["Processing",],\n}\n',
    });
    assert.ok(
      codes(writeTree(alice())).some((c) => c.endsWith('RL005')),
      'without the settings, RL005',
    );
    const r = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
    assert.equal(r.stderr, '');
    assert.ok(!codes(root).some((c) => c.endsWith('RL005')), codes(root).join());
  });

  it("reads of a Python environment outside the root exactly its frameworks' metadata, the files the checks want of the installed cursus and omnibase_core's table modules; never one a settings.json names", () => {
    const site = 'lib/python3.11/site-packages';
    const env = writeTree({
      'pyvenv.cfg': '',
      [`${site}/cursus-2.9.32.dist-info/METADATA`]: 'Name: cursus\nVersion: 2.9.32\n',
      [`${site}/cursus-2.9.32.dist-info/top_level.txt`]: 'cursus\n',
      [`${site}/cursus-2.9.32.dist-info/RECORD`]: 'cursus/__init__.py,,\n',
      [`${site}/cursus/__init__.py`]: '',
      [`${site}/cursus/registry/step_names.py`]: 'STEP_NAMES = {}\n',
      [`${site}/cursus/mods/unwanted.py`]: 'x = 1\n',
      [`${site}/numpy-2.0.0.dist-info/METADATA`]: 'Name: numpy\nVersion: 2.0.0\n',
      [`${site}/omnibase_core-0.47.57.dist-info/METADATA`]: 'Name: omnibase-core\nVersion: 0.47.57\n',
      [`${site}/omnibase_core-0.47.57.dist-info/RECORD`]: 'omnibase_core/__init__.py,,\n',
      [`${site}/omnibase_core/__init__.py`]: '',
      [`${site}/omnibase_core/constants/constants_runtime_profiles.py`]: 'REGISTERED_RUNTIME_PROFILES = ("main",)\n',
      [`${site}/omnibase_core/validation/runtime_profiles_allowlist.yaml`]: 'allowlist: []\n',
      [`${site}/omnibase_core/nodes/node_x/contract.yaml`]: 'name: node_x\n',
      [`${site}/distutils-precedence.pth`]: 'import os\n',
    });
    const elsewhere = writeTree({
      'pyvenv.cfg': '',
      [`${site}/apcore-9.0.0.dist-info/METADATA`]: 'Version: 9.0.0\n',
      'interfaces/outside.step.yaml': 'step_type: Outside\n',
      'util_topic_suffix.py': 'TOPIC_PREFIX = "elsewhere"\n',
    });
    // A link out of the installed package is never followed.
    mkdirSync(join(env, site, 'cursus', 'steps'), { recursive: true });
    symlinkSync(join(elsewhere, 'interfaces'), join(env, site, 'cursus', 'steps', 'interfaces'));
    mkdirSync(join(env, site, 'omnibase_core', 'utils'), { recursive: true });
    symlinkSync(
      join(elsewhere, 'util_topic_suffix.py'),
      join(env, site, 'omnibase_core', 'utils', 'util_topic_suffix.py'),
    );
    const root = writeTree({
      ...alice(),
      '.vscode/settings.json': JSON.stringify({ 'registryLens.python.environment': elsewhere }),
    });
    // Every file opened and folder listed, as the bundle calls node:fs (a preload wraps it).
    const log = join(env, 'reads.log');
    const preload = join(env, 'preload.js');
    writeFileSync(
      preload,
      `const fs = require('node:fs'); let busy = false;
for (const name of ['openSync', 'readdirSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    if (!busy && typeof p === 'string') { busy = true; try { fs.appendFileSync(${JSON.stringify(log)}, name + ' ' + p + '\\n'); } finally { busy = false; } }
    return original.call(this, p, ...rest);
  };
}`,
    );
    const run = (args: string[]): string[] => {
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'check', root, '--fail-on', 'never', ...args], {
        encoding: 'utf8',
        env: { ...process.env, VIRTUAL_ENV: '', CONDA_PREFIX: '' },
      });
      assert.equal(r.status, 0, r.stderr);
      const reads = readFileSync(log, 'utf8').split('\n');
      return [...new Set(reads.filter((l) => l.includes(env) || l.includes(elsewhere)))]
        .filter((l) => existsSync(l.slice(l.indexOf(' ') + 1)))
        .map((l) => l.replace(env, 'ENV'))
        .sort();
    };
    assert.deepEqual(run(['--python-env', env]), [
      'openSync ENV/lib/python3.11/site-packages/cursus-2.9.32.dist-info/METADATA',
      'openSync ENV/lib/python3.11/site-packages/cursus-2.9.32.dist-info/top_level.txt',
      'openSync ENV/lib/python3.11/site-packages/cursus/registry/step_names.py',
      'openSync ENV/lib/python3.11/site-packages/omnibase_core-0.47.57.dist-info/METADATA',
      'openSync ENV/lib/python3.11/site-packages/omnibase_core/constants/constants_runtime_profiles.py',
      'openSync ENV/lib/python3.11/site-packages/omnibase_core/validation/runtime_profiles_allowlist.yaml',
      // Its pyvenv.cfg: which lib/pythonX.Y, and whether the base interpreter's site-packages follow.
      'openSync ENV/pyvenv.cfg',
      'readdirSync ENV/lib',
      'readdirSync ENV/lib/python3.11/site-packages',
      'readdirSync ENV/lib/python3.11/site-packages/cursus',
      'readdirSync ENV/lib/python3.11/site-packages/cursus/mods',
      'readdirSync ENV/lib/python3.11/site-packages/cursus/registry',
      'readdirSync ENV/lib/python3.11/site-packages/cursus/steps',
    ]);
    assert.deepEqual(run([]), []);
  });
});
