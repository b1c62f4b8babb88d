// A project that installs cursus and keeps its own step pack and DAGs: the installed package's files are read for
// their facts (its step table, builder discovery, build strategies) wherever the environment lies — in the root, given
// by --python-env, activated (VIRTUAL_ENV), or an editable install whose source tree is elsewhere — so the project's
// findings are the same in each, and none is ever reported in the environment's files.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runCli, runJson, withoutActivatedEnvironment, writeTree } from './helpers';
import { CURSUS, installed, PROJECT, SITE } from './installedCursus';

interface Reported {
  diagnostics: { file: string; code: string; range: { start: { line: number } }; message: string }[];
  summary: { errors: number; warnings: number; information: number; hints: number; sources: number };
}

function check(args: string[]): Reported {
  return runJson(['check', ...args, '--format', 'json', '--fail-on', 'never']).json as unknown as Reported;
}

/** Each diagnostic, the installed package's folder named alike wherever it lies (messages name where they looked). */
const shown = (r: Reported): string[] =>
  r.diagnostics.map(
    (d) =>
      `${d.file}:${d.range.start.line} ${d.code} ${d.message.replace(/(\.venv\/lib\/python3\.11\/site-packages|<python-env>)\/cursus\//g, 'cursus/')}`,
  );

describe('cli check: the framework as the project has it installed', () => {
  withoutActivatedEnvironment();

  it("finds the same problems in the project's files wherever the environment lies, and none in the environment", () => {
    const inRoot = check([writeTree({ ...PROJECT, ...installed('.venv/') })]);
    const environment = writeTree(installed(''));
    const project = writeTree(PROJECT);
    const byFlag = check([project, '--python-env', environment]);
    process.env['VIRTUAL_ENV'] = environment;
    const byVariable = check([project]);
    delete process.env['VIRTUAL_ENV'];
    // An editable install: a .pth line naming a source tree outside the root.
    const source = writeTree(
      Object.fromEntries(Object.entries(CURSUS).map(([rel, text]) => [`src/cursus/${rel}`, text])),
    );
    const editable = writeTree({
      ...PROJECT,
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
      [`.venv/${SITE}/cursus-2.9.32.dist-info/METADATA`]: 'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
      [`.venv/${SITE}/cursus-2.9.32.dist-info/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n',
      [`.venv/${SITE}/__editable__.cursus-2.9.32.pth`]: `${join(source, 'src')}\n`,
    });
    const byEditable = check([editable]);
    const none = check([project]);

    // What only the step table tells: the DAG's misspelt node (RL039), a node's missing builder (RL060), the pack's
    // step shadowing the package's (RL063), the pack interface without a config.
    const codes = new Set(inRoot.diagnostics.map((d) => d.code));
    for (const code of ['RL039', 'RL060', 'RL063'])
      assert.ok(codes.has(code), `${code} in ${shown(inRoot).join('\n')}`);
    assert.ok(
      inRoot.diagnostics.every((d) => d.file.startsWith('step_pack/') || d.file.startsWith('dags/')),
      shown(inRoot).join('\n'),
    );
    for (const other of [byFlag, byVariable, byEditable]) assert.deepEqual(shown(other), shown(inRoot));
    const counts = ({ summary: { errors, warnings, information, hints, sources } }: Reported): number[] => [
      errors,
      warnings,
      information,
      hints,
      sources,
    ];
    for (const other of [byFlag, byVariable, byEditable]) assert.deepEqual(counts(other), counts(inRoot));
    // Without the framework, the checks that need its table are off.
    assert.ok(!none.diagnostics.some((d) => d.code === 'RL039' || d.code === 'RL063'), shown(none).join('\n'));
  });
});

describe('cli explain, list, graph, init-workspace: --python-env as check takes it', () => {
  withoutActivatedEnvironment();

  it("resolves the installed package's steps through the flag, and says a folder that is no environment (exit 2)", () => {
    const project = writeTree(PROJECT);
    const environment = writeTree(installed(''));
    const explained = runJson([
      'explain',
      'HyperparameterPrep',
      project,
      '--python-env',
      environment,
      '--format',
      'json',
    ]);
    assert.equal(explained.code, 0);
    assert.equal((explained.json as { found?: boolean }).found, true);
    // Without it no environment is found: the package's step is not there.
    assert.equal(runCli(['explain', 'HyperparameterPrep', project]).code, 1);
    const listed = runJson(['list', project, '--python-env', environment, '--format', 'json']).json;
    assert.ok(JSON.stringify(listed).includes('"HyperparameterPrep"'));
    const notEnvironment = writeTree({ 'README.md': 'no site-packages here\n' });
    for (const args of [
      ['explain', 'HyperparameterPrep', project],
      ['list', project],
      ['graph', project],
      ['init-workspace', 'alice', project],
    ]) {
      const r = runCli([...args, '--python-env', notEnvironment]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /--python-env: .* is not a Python environment/);
      assert.equal(r.stdout, '');
      assert.equal(runCli([...args, '--python-env=']).code, 2, `${args.join(' ')} --python-env=`);
    }
  });
});

describe('cli: a project whose cursus is found nowhere says which environment was searched', () => {
  withoutActivatedEnvironment();

  /** RL079's message and the related line at its own place: the environment searched. */
  const rl079 = (args: string[]): string[] => {
    const d = check(args).diagnostics.find((x) => x.code === 'RL079') as
      (Reported['diagnostics'][number] & { related?: { file: string; message: string }[] }) | undefined;
    return d === undefined ? ['no RL079'] : [d.message, ...(d.related ?? []).map((r) => `${r.file}: ${r.message}`)];
  };
  const ABSENT =
    'cursus 2.9.32 is in neither this folder nor its Python environment, so the checks needing its step table are ' +
    'off: name the environment with `--python-env` or `registryLens.python.environment`.';
  const NONE =
    'No Python environment was found: none is named (`--python-env`, `registryLens.python.environment`), ' +
    'VIRTUAL_ENV and CONDA_PREFIX are unset, and no .venv, venv or env folder here is one';
  const PINNED = 'pyproject.toml: cursus 2.9.32 is pinned here';

  it('RL079 names the environment searched and why; explain and list say so instead of "not found" and "0 steps"', () => {
    const project = writeTree(PROJECT);
    assert.deepEqual(rl079([project]), [ABSENT, `pyproject.toml: ${NONE}`, PINNED]);
    // The folder's own .venv, without cursus.
    const withVenv = writeTree({
      ...PROJECT,
      '.venv/pyvenv.cfg': 'include-system-site-packages = false\nversion = 3.11.7\n',
      [`.venv/${SITE}/apcore-0.19.0.dist-info/METADATA`]: 'Name: apcore\nVersion: 0.19.0\n',
    });
    assert.deepEqual(rl079([withVenv]), [
      ABSENT,
      "pyproject.toml: Searched .venv: this folder's own, as no other is named or activated",
      PINNED,
    ]);
    // Activated, or named by the flag.
    const elsewhere = writeTree({
      'pyvenv.cfg': 'include-system-site-packages = false\nversion = 3.11.7\n',
      [`${SITE}/apcore-0.19.0.dist-info/METADATA`]: 'Name: apcore\nVersion: 0.19.0\n',
    });
    process.env['VIRTUAL_ENV'] = elsewhere;
    assert.equal(rl079([project])[1], `pyproject.toml: Searched ${elsewhere}: the activated one (VIRTUAL_ENV)`);
    delete process.env['VIRTUAL_ENV'];
    assert.equal(
      rl079([project, '--python-env', elsewhere])[1],
      `pyproject.toml: Searched ${elsewhere}: the one named (\`--python-env\`, \`registryLens.python.environment\` or the Python extension)`,
    );

    const explained = runCli(['explain', 'HyperparameterPrep', project]);
    assert.equal(explained.code, 1);
    assert.ok(explained.stdout.includes(`Step 'HyperparameterPrep' is unknown: ${ABSENT} ${NONE}.`), explained.stdout);
    const listed = runCli(['list', project]);
    assert.ok(listed.stdout.includes(`No steps: ${ABSENT} ${NONE}.`), listed.stdout);
    assert.doesNotMatch(listed.stdout, /0 steps/);
    const listedJson = runCli(['list', project, '--format', 'json']);
    assert.ok(listedJson.stderr.includes(`no steps: ${ABSENT}`), listedJson.stderr);
  });
});
