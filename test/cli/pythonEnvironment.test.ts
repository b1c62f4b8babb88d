// Installed Python code is library code: an environment inside the root (a venv, a conda prefix, a bare
// `site-packages` tree), whatever its folder is called, is never walked, and nothing in it is reported.
import { strict as assert } from 'node:assert';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brokenTree, runCli, runJson, withoutActivatedEnvironment, writeTree, type Tree } from './helpers';

/** `tree`'s files again under `prefix`, `src/` dropped as an installed package has it. */
function installed(tree: Tree, prefix: string): Tree {
  return Object.fromEntries(Object.entries(tree).map(([rel, text]) => [prefix + rel.replace(/^src\//, ''), text]));
}

interface Reported {
  diagnostics: { file: string; code: string }[];
}

function reported(root: string): string[] {
  const { json } = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
  return (json as unknown as Reported).diagnostics.map((d) => `${d.file} ${d.code}`).sort();
}

describe('cli check: Python environments in the root are library code', () => {
  it('reports nothing in a venv, a conda prefix, or a site-packages tree, and the project as without them', () => {
    const project = brokenTree();
    const alone = reported(writeTree(project));
    assert.ok(alone.length > 0);
    const withEnvironments = writeTree({
      ...project,
      // A venv under any name, known by its pyvenv.cfg (PEP 405).
      'tooling/pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n',
      ...installed(brokenTree(), 'tooling/lib/python3.11/site-packages/'),
      ...installed(brokenTree(), 'tooling/share/cursus/'),
      // A conda prefix, known by its conda-meta folder.
      'envs/ml/conda-meta/history': '',
      ...installed(brokenTree(), 'envs/ml/pkgs/'),
      // No marker: site-packages in its place (POSIX, Windows).
      ...installed(brokenTree(), 'vendor/lib/python3.12/site-packages/'),
      ...installed(brokenTree(), 'winenv/Lib/site-packages/'),
    });
    assert.deepEqual(reported(withEnvironments), alone);
  });
});

interface Fact {
  name: string;
  version: string;
  source: string;
  path?: string;
}

/** A distribution's dist-info as pip writes it (METADATA, top_level.txt, RECORD), under `site`. */
function dist(site: string, name: string, version: string, extra: Tree = {}): Tree {
  const info = `${site}/${name}-${version}.dist-info`;
  return {
    [`${info}/METADATA`]: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: x\n\nName: not-this\n`,
    [`${info}/top_level.txt`]: `${name}\n`,
    [`${info}/RECORD`]: `${name}/__init__.py,,\n`,
    ...extra,
  };
}

const SITE = '.venv/lib/python3.11/site-packages';
const VENV: Tree = { '.venv/pyvenv.cfg': 'home = /usr/bin\n' };
/** A `.venv` installing cursus, under `prefix`. */
const installedAt = (prefix: string): Tree => installed({ ...VENV, ...dist(SITE, 'cursus', '2.9.32') }, prefix);

describe('cli check: the frameworks of the Python environment', () => {
  withoutActivatedEnvironment();

  const frameworks = (args: string[]): Fact[] => {
    const { json } = runJson(['check', ...args, '--format', 'json', '--fail-on', 'never']);
    return (json['summary'] as { frameworks: Fact[] }).frameworks;
  };

  it("names the versions installed in the root's .venv, their folders, and no built-in one the folder does not use", () => {
    const root = writeTree({
      ...brokenTree(),
      ...VENV,
      ...dist(SITE, 'cursus', '2.9.32', { [`${SITE}/cursus/__init__.py`]: '' }),
    });
    assert.deepEqual(frameworks([root]), [
      { name: 'cursus', version: '2.9.32', source: 'environment', path: `${SITE}/cursus` },
    ]);
    const text = runCli(['check', root, '--fail-on', 'never']).stdout;
    assert.match(text, /^cursus 2\.9\.32 from \.venv \(…\/site-packages\/cursus\)$/m);
  });

  it('takes --python-env (a prefix outside the root, or a site-packages folder) over VIRTUAL_ENV and the root', () => {
    const outside = writeTree({
      'pyvenv.cfg': '',
      ...dist('lib/python3.12/site-packages', 'omnibase_core', '0.47.57', {
        'lib/python3.12/site-packages/omnibase_core/__init__.py': '',
      }),
    });
    const activated = writeTree({ 'pyvenv.cfg': '', ...dist('lib/python3.12/site-packages', 'apcore', '0.20.1') });
    const root = writeTree({ ...brokenTree(), ...VENV, ...dist(SITE, 'cursus', '2.9.32') });
    process.env['VIRTUAL_ENV'] = activated;
    const site = join(outside, 'lib', 'python3.12', 'site-packages');
    for (const given of [outside, site]) {
      const facts = frameworks([root, '--python-env', given]);
      assert.deepEqual(facts[0], {
        name: 'omnibase_core',
        version: '0.47.57',
        source: 'environment',
        path: join(realpathSync(site), 'omnibase_core'),
      });
    }
    // The activated environment, when no --python-env: its package folder is missing, its version is said.
    assert.deepEqual(frameworks([root])[0], { name: 'apcore', version: '0.20.1', source: 'environment' });
    delete process.env['VIRTUAL_ENV'];
    process.env['CONDA_PREFIX'] = activated;
    assert.equal(frameworks([root])[0]?.name, 'apcore');
  });

  it('finds an editable install through its .pth (a path line, or setuptools’ finder) or an .egg-link', () => {
    const source = writeTree({
      'src/cursus/__init__.py': '',
      'src/omnibase_core/__init__.py': '',
      'lib/apcore/__init__.py': '',
    });
    const root = writeTree({
      ...brokenTree(),
      ...VENV,
      ...dist(SITE, 'cursus', '2.9.32', {
        [`${SITE}/cursus-2.9.32.dist-info/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n',
        [`${SITE}/__editable__.cursus-2.9.32.pth`]: `${join(source, 'src')}\n`,
      }),
      ...dist(SITE, 'apcore', '0.19.0', {
        [`${SITE}/apcore-0.19.0.dist-info/RECORD`]: '__editable__.apcore-0.19.0.pth,,\n',
        [`${SITE}/__editable__.apcore-0.19.0.pth`]: 'import __editable___apcore_0_19_0_finder; x.install()\n',
        [`${SITE}/__editable___apcore_0_19_0_finder.py`]: `MAPPING: dict[str, str] = {'apcore': '${join(source, 'lib', 'apcore')}'}\n`,
      }),
      ...dist(SITE, 'omnibase_core', '0.47.0', {
        [`${SITE}/omnibase_core.egg-link`]: `${join(source, 'src')}\n.\n`,
      }),
    });
    const facts = frameworks([root]);
    const path = (name: string): string | undefined => facts.find((f) => f.name === name)?.path;
    assert.equal(path('cursus'), join(source, 'src', 'cursus'));
    assert.equal(path('apcore'), join(source, 'lib', 'apcore'));
    assert.equal(path('omnibase_core'), join(source, 'src', 'omnibase_core'));
  });

  it("reads an editable install's RECORD, .pth and finder once each however often they are listed or imported", function () {
    // Before, each RECORD row read the .pth again and stat'ed each of its lines (K² stats: minutes at K = 3,000), and
    // each import line read and matched the finder again, its `MAPPING={` run matched in quadratic time.
    this.timeout(60_000);
    const source = writeTree({ 'src/cursus/__init__.py': '', 'lib/apcore/__init__.py': '' });
    const k = 3_000;
    const root = writeTree({
      ...brokenTree(),
      ...VENV,
      ...dist(SITE, 'cursus', '2.9.32', {
        [`${SITE}/cursus-2.9.32.dist-info/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n'.repeat(k),
        [`${SITE}/__editable__.cursus-2.9.32.pth`]: `${'/x\n'.repeat(k)}${join(source, 'src')}\n`,
      }),
      ...dist(SITE, 'apcore', '0.19.0', {
        [`${SITE}/apcore-0.19.0.dist-info/RECORD`]: '__editable__.apcore-0.19.0.pth,,\n',
        [`${SITE}/__editable__.apcore-0.19.0.pth`]: 'import __editable___apcore_finder\n'.repeat(64),
        // The first `MAPPING` opens a literal that the last one's `}` closes: its entry is the one found.
        [`${SITE}/__editable___apcore_finder.py`]: `${'MAPPING={'.repeat(10_000)}${'MAPPING: x'.repeat(5_000)}\nMAPPING = {'apcore': '${join(source, 'lib', 'apcore')}'}\n`,
      }),
    });
    const facts = frameworks([root]);
    assert.equal(facts.find((f) => f.name === 'cursus')?.path, join(source, 'src', 'cursus'));
    assert.equal(facts.find((f) => f.name === 'apcore')?.path, join(source, 'lib', 'apcore'));
  });

  it('follows no link out of site-packages, and says a --python-env that is no environment (exit 2)', () => {
    const elsewhere = writeTree({ 'cursus/__init__.py': '', METADATA: 'Name: cursus\nVersion: 9.9.9\n' });
    const root = writeTree({ ...brokenTree(), ...VENV, [`${SITE}/cursus-2.9.32.dist-info/top_level.txt`]: 'cursus\n' });
    symlinkSync(join(elsewhere, 'cursus'), join(root, SITE, 'cursus'));
    symlinkSync(join(elsewhere, 'METADATA'), join(root, SITE, 'cursus-2.9.32.dist-info', 'METADATA'));
    assert.deepEqual(frameworks([root])[0], { name: 'cursus', version: '2.9.32', source: 'environment' });
    const r = runCli(['check', root, '--python-env', elsewhere]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--python-env: .* is not a Python environment/);
  });

  it('takes no .venv that links out of the root unless named, and says so (RL081); a link inside the root is taken', () => {
    const elsewhere = writeTree({ ...VENV, ...dist(SITE, 'cursus', '2.9.32') });
    const root = writeTree({ ...brokenTree(), 'pyproject.toml': '[project]\nname = "p"\n' });
    symlinkSync(join(elsewhere, '.venv'), join(root, '.venv'));
    const rl081 = (args: string[]): string[] =>
      (runJson(['check', ...args, '--format', 'json', '--fail-on', 'never']).json as unknown as Reported).diagnostics
        .filter((d) => d.code === 'RL081')
        .map((d) => d.file);
    assert.deepEqual(frameworks([root]), []);
    assert.deepEqual(rl081([root]), ['pyproject.toml']);
    assert.match(
      runCli(['check', root, '--fail-on', 'never']).stdout,
      /\.venv is a symbolic link to a folder outside this one, so it is not used .*--python-env/,
    );
    // Named by the flag or activated, it is the user's choice: used, nothing said.
    assert.equal(frameworks([root, '--python-env', join(root, '.venv')])[0]?.source, 'environment');
    assert.deepEqual(rl081([root, '--python-env', join(root, '.venv')]), []);
    process.env['VIRTUAL_ENV'] = join(root, '.venv');
    assert.equal(frameworks([root])[0]?.source, 'environment');
    delete process.env['VIRTUAL_ENV'];
    // A link to an environment inside the root is followed, as the walk follows such links.
    const inside = writeTree({ ...brokenTree(), ...installedAt('envs/main/'), 'pyproject.toml': '' });
    symlinkSync(join(inside, 'envs', 'main', '.venv'), join(inside, '.venv'));
    assert.equal(frameworks([inside])[0]?.source, 'environment');
    assert.deepEqual(rl081([inside]), []);
  });

  it('with no environment, names only the built-in versions of the frameworks the folder uses, and prints no framework line', () => {
    // A cursus repository (its pyproject.toml is no ONEX project): neither omnibase_core nor apcore.
    const root = writeTree({ ...brokenTree(), 'pyproject.toml': '[project]\nname = "cursus"\n' });
    assert.deepEqual(frameworks([root]), []);
    // An ONEX contract and an apcore binding: their frameworks' built-in versions.
    const both = writeTree({
      ...brokenTree(),
      'src/nodes/node_x/contract.yaml': 'name: node_x\nnode_type: COMPUTE_GENERIC\n',
      'bindings/x.binding.yaml': 'bindings: []\n',
    });
    assert.deepEqual(
      frameworks([both]).map((f) => `${f.name} ${f.source}`),
      ['omnibase_core built-in', 'apcore built-in'],
    );
    assert.doesNotMatch(runCli(['check', root, '--fail-on', 'never']).stdout, / from /);
  });

  it("names, for a framework no environment holds, the version the root's lock pins, with RL080 where the built-in rules are of another minor version", () => {
    const lock =
      'version = 1\n\n[[package]]\nname = "omnibase-core"\nversion = "0.47.57"\nsource = { registry = "https://pypi.org/simple" }\n\n' +
      '[[package]]\nname = "cursus"\nversion = "2.9.32"\n\n[[package]]\nname = "project"\nversion = "0.1.0"\nsource = { editable = "." }\n';
    const root = writeTree({ ...brokenTree(), 'uv.lock': lock, 'requirements.txt': 'apcore==0.19.3  # the SDK\n' });
    const { json } = runJson(['check', root, '--format', 'json', '--fail-on', 'never']);
    assert.deepEqual((json['summary'] as { frameworks: Fact[] }).frameworks, [
      { name: 'cursus', version: '2.9.32', source: 'lock', path: 'uv.lock' },
      { name: 'omnibase_core', version: '0.47.57', source: 'lock', path: 'uv.lock', assumed: '0.46.8' },
      { name: 'apcore', version: '0.19.3', source: 'lock', path: 'requirements.txt', assumed: '0.19.0' },
    ]);
    const rl080 = (json as unknown as { diagnostics: { file: string; code: string; range: unknown }[] }).diagnostics
      .filter((d) => d.code === 'RL080')
      .map((d) => [d.file, d.range]);
    // 0.19.3 is covered by 0.19.0's rules; 0.47.57 is not: on its `version` line.
    assert.deepEqual(rl080, [['uv.lock', { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } }]]);
    const text = runCli(['check', root, '--fail-on', 'never']).stdout;
    assert.match(text, /^omnibase_core 0\.47\.57 pinned in uv\.lock \(not installed: the checks assume 0\.46\.8\)$/m);
    // Installed, the environment's version is the one: no RL080, whatever the lock pins.
    const site = writeTree({ ...VENV, ...dist(SITE, 'omnibase_core', '0.47.57') });
    const withEnv = runJson([
      'check',
      root,
      '--python-env',
      join(site, '.venv'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    const codes = (withEnv.json as unknown as Reported).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('RL080'));
    assert.equal((withEnv.json['summary'] as { frameworks: Fact[] }).frameworks[0]?.source, 'environment');
  });
});
