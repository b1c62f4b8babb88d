// An apcore project judged by the apcore-python it has: installed in its Python environment, else pinned by its
// lock, else the 0.19.0 whose rules are built in. apcore-python 0.18 knows no id a binding file registered
// (RL072's related line says so), raises ModuleLoadError for a missing required dependency (RL022) and does not
// enforce version constraints (no RL027).
import { strict as assert } from 'node:assert';
import { runJson, withoutActivatedEnvironment, writeTree, type Tree } from './helpers';

interface Reported {
  diagnostics: { file: string; code: string; message: string; related?: { file: string; message: string }[] }[];
  summary: { frameworks: { name: string; version: string; source: string; path?: string }[] };
}

const SITE = 'lib/python3.11/site-packages';

const MODULE = (name: string): string =>
  `class ${name}:\n    description = "${name}."\n    input_schema = In\n    output_schema = Out\n` +
  '    def execute(self, inputs, context):\n        return None\n';

/** Extension modules, a binding file, and a companion whose dependencies each rule judges. */
function project(extra: Tree = {}): Tree {
  return {
    'extensions/tool.py': MODULE('Tool'),
    'extensions/other.py': MODULE('Other'),
    'extensions/other_meta.yaml': 'version: 1.2.3\n',
    'app/format_date.py': 'def format_date_string(date: str) -> str:\n    return date\n',
    'app/format_date.binding.yaml':
      'spec_version: "1.0"\nbindings:\n  - module_id: utils.format_date\n    target: "format_date:format_date_string"\n',
    'extensions/tool_meta.yaml':
      'dependencies:\n  - module_id: utils.format_date\n  - module_id: utils.missing\n' +
      '  - module_id: other\n    version: ">=2.0.0"\n',
    ...extra,
  };
}

/** apcore `version` installed in an environment (its dist-info, as pip writes it). */
function environment(version: string): Tree {
  return {
    'pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n',
    [`${SITE}/apcore-${version}.dist-info/METADATA`]: `Metadata-Version: 2.4\nName: apcore\nVersion: ${version}\n`,
    [`${SITE}/apcore-${version}.dist-info/top_level.txt`]: 'apcore\n',
    [`${SITE}/apcore/__init__.py`]: '',
  };
}

const UV_LOCK =
  'version = 1\n\n[[package]]\nname = "apcore"\nversion = "0.18.2"\nsource = { registry = "https://pypi.org/simple" }\n';

/** `check`'s JSON for `root`, given the environment `env` (none: null). */
function check(root: string, env: string | null): Reported {
  const json = ['--format', 'json', '--fail-on', 'never'];
  return runJson(['check', root, ...json, ...(env === null ? [] : ['--python-env', env])]).json as unknown as Reported;
}

/** Each diagnostic's code, then its message and its related line. */
const said = (r: Reported): string[] =>
  r.diagnostics.map((d) => `${d.code} ${d.message} | ${d.related?.[0]?.message ?? ''}`);

describe('cli check: apcore judged by the apcore-python the project has', () => {
  withoutActivatedEnvironment();

  it('apcore 0.18.0 installed: what 0.18 does, and the summary names it', () => {
    const root = writeTree(project());
    const env = writeTree(environment('0.18.0'));
    const r = check(root, env);
    const lines = said(r);
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['RL072', 'RL022'],
      lines.join('\n'),
    );
    assert.match(
      lines[0] ?? '',
      /\| binding of 'utils.format_date': apcore-python 0.18.0 \(installed\) knows no id a binding registers: in either order, ModuleLoadError \('Required dependency not found'\)$/,
    );
    assert.match(lines[1] ?? '', /raises ModuleLoadError \('Required dependency not found'\)/);
    assert.deepEqual(
      r.summary.frameworks.find((f) => f.name === 'apcore'),
      { name: 'apcore', version: '0.18.0', source: 'environment', path: `${env}/${SITE}/apcore` },
    );
    // Without the environment, the built-in 0.19.0: the sort stalls, DependencyNotFoundError, RL027.
    const builtIn = said(check(root, null));
    assert.deepEqual(
      builtIn.map((l) => l.split(' ')[0]),
      ['RL072', 'RL022', 'RL027'],
      builtIn.join('\n'),
    );
    assert.match(
      builtIn[0] ?? '',
      /loaded after discover\(\), DependencyNotFoundError; loaded before, the dependency sort stalls/,
    );
  });

  it('apcore 0.18.2 pinned in uv.lock and not installed: the pin is what the checks follow', () => {
    const root = writeTree(project({ 'uv.lock': UV_LOCK }));
    const r = check(root, null);
    const lines = said(r).filter((l) => !l.startsWith('RL080'));
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['RL072', 'RL022'],
      lines.join('\n'),
    );
    assert.match(lines[0] ?? '', /apcore-python 0\.18\.2 \(pinned in uv\.lock\) knows no id a binding registers/);
    assert.deepEqual(
      r.summary.frameworks.find((f) => f.name === 'apcore'),
      { name: 'apcore', version: '0.18.2', source: 'lock', path: 'uv.lock', assumed: '0.19.0' },
    );
  });
});
