// An ONEX repository whose Python environment installs omnibase_core: ValidatorRuntimeProfiles' tables (the
// registered profiles, the consumer lanes) are the installed package's, read from its files as literals; a table not
// written as one is the built-in one, and the summary names the version and where it came from.
import { strict as assert } from 'node:assert';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, withoutActivatedEnvironment, writeTree, type Tree } from './helpers';

interface Reported {
  diagnostics: { file: string; code: string; message: string; related?: { file: string; message: string }[] }[];
  summary: { frameworks: { name: string; version: string; source: string; path?: string }[] };
}

const SITE = 'lib/python3.11/site-packages';

/** A repository with one node whose contract declares `profiles`, and the gate that runs the validator. */
function project(profiles: string): Tree {
  return {
    'pyproject.toml':
      '[project]\nname = "demo_infra"\ndependencies = ["omnibase-core==0.47.57"]\n\n' +
      '[project.entry-points."onex.nodes"]\nnode_a = "demo_infra.nodes.node_a"\n',
    '.pre-commit-config.yaml':
      'repos: [{hooks: [{id: r, entry: uv run python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n',
    'src/demo_infra/__init__.py': '',
    'src/demo_infra/models.py': 'class ModelReq:\n    pass\n',
    'src/demo_infra/nodes/node_a/__init__.py': '',
    'src/demo_infra/nodes/node_a/contract.yaml':
      'name: "node_a"\nnode_type: "EFFECT_GENERIC"\ncontract_version: {major: 1, minor: 0, patch: 0}\n' +
      'input_model: "demo_infra.models.ModelReq"\noutput_model: "demo_infra.models.ModelReq"\n' +
      `runtime_profiles: ${profiles}\n`,
  };
}

/** omnibase_core 0.47.57 installed in an environment, its registry written `registered`. */
function environment(registered: string): Tree {
  return {
    'pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n',
    [`${SITE}/omnibase_core-0.47.57.dist-info/METADATA`]:
      'Metadata-Version: 2.4\nName: omnibase-core\nVersion: 0.47.57\n',
    [`${SITE}/omnibase_core-0.47.57.dist-info/top_level.txt`]: 'omnibase_core\n',
    [`${SITE}/omnibase_core/__init__.py`]: '',
    [`${SITE}/omnibase_core/constants/constants_runtime_profiles.py`]:
      `REGISTERED_RUNTIME_PROFILES: frozenset[str] = ${registered}\n` +
      'CONSUMER_ATTACHED_RUNTIME_PROFILES: frozenset[str] = frozenset({"main", "effects", "workers"})\n',
  };
}

/** `check`'s JSON for `root`, given the environment `env` (none: null). */
function check(root: string, env: string | null): Reported {
  const json = ['--format', 'json', '--fail-on', 'never'];
  return runJson(['check', root, ...json, ...(env === null ? [] : ['--python-env', env])]).json as unknown as Reported;
}

const unregistered = (r: Reported): string[] =>
  r.diagnostics.filter((d) => d.code === 'RL065').map((d) => /'([^']+)'/.exec(d.message)?.[1] ?? d.message);

describe('cli check: ONEX judged with the installed omnibase_core', () => {
  withoutActivatedEnvironment();

  it('a profile the installed omnibase_core registers is no RL065, one it does not still is; the summary names it', () => {
    const root = writeTree(project('[edge, bogus]'));
    const env = writeTree(environment('frozenset({"main", "effects", "workers", "edge"})'));
    const withEnv = check(root, env);
    assert.deepEqual(unregistered(withEnv), ['bogus']);
    assert.deepEqual(unregistered(check(root, null)), ['edge', 'bogus']);
    const core = withEnv.summary.frameworks.find((f) => f.name === 'omnibase_core');
    assert.deepEqual(core, {
      name: 'omnibase_core',
      version: '0.47.57',
      source: 'environment',
      path: join(env, SITE, 'omnibase_core'),
    });
    const said = withEnv.diagnostics.flatMap((d) => d.related ?? []).map((r) => r.message);
    assert.ok(
      said.includes(
        'the registry: omnibase_core 0.47.57, <python-env>/omnibase_core/constants/constants_runtime_profiles.py:1',
      ),
      said.join('\n'),
    );
  });

  it("the installed validator's default allowlist exempts its nodes where the gate passes none", () => {
    const root = writeTree(project('[bogus]'));
    const env = writeTree({
      ...environment('frozenset({"main"})'),
      [`${SITE}/omnibase_core/validation/runtime_profiles_allowlist.yaml`]:
        'allowlist:\n  - node_id: node_a\n    reason: "frozen baseline"\n',
    });
    assert.deepEqual(unregistered(check(root, env)), []);
  });

  it('the same with the environment inside the root, and nothing reported in it', () => {
    const root = writeTree({
      ...project('[edge, bogus]'),
      ...Object.fromEntries(
        Object.entries(environment('frozenset({"edge"})')).map(([rel, text]) => [`.venv/${rel}`, text]),
      ),
    });
    const r = check(root, null);
    assert.deepEqual(unregistered(r), ['bogus']);
    assert.ok(
      r.diagnostics.every((d) => !d.file.startsWith('.venv/')),
      r.diagnostics.map((d) => d.file).join(),
    );
  });

  it('a registry not written as a literal: the built-in one, said', () => {
    const root = writeTree(project('[edge]'));
    const env = writeTree(environment('frozenset(name for name in _LANES)'));
    const r = check(root, env);
    assert.deepEqual(unregistered(r), ['edge']);
    const said = r.diagnostics.flatMap((d) => d.related ?? []).map((x) => x.message);
    assert.ok(
      said.some((m) =>
        m.startsWith(
          'the registry: built in (omnibase_core 0.46.8 constants/constants_runtime_profiles.py:43): ' +
            '<python-env>/omnibase_core/constants/constants_runtime_profiles.py:1 does not write',
        ),
      ),
      said.join('\n'),
    );
  });

  it('a link inside the installed package pointing elsewhere is not followed', () => {
    const root = writeTree(project('[edge]'));
    const elsewhere = writeTree({
      'constants_runtime_profiles.py': 'REGISTERED_RUNTIME_PROFILES = frozenset({"edge"})\n',
    });
    // The constants folder is a link out of the package, to a registry that would admit `edge`.
    const env = writeTree(environment('frozenset({"main"})'));
    const constants = join(env, SITE, 'omnibase_core', 'constants');
    rmSync(constants, { recursive: true });
    symlinkSync(elsewhere, constants);
    const r = check(root, env);
    assert.deepEqual(unregistered(r), ['edge']);
    const said = r.diagnostics.flatMap((d) => d.related ?? []).map((x) => x.message);
    assert.ok(
      said.some((m) => m.endsWith('omnibase_core 0.47.57 at <python-env>/omnibase_core has no such module')),
      said.join('\n'),
    );
  });
});
