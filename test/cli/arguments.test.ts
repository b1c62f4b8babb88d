// The command line a person expects (issue 41, item 6): every command takes ROOT as a last positional
// or as --root, the two agreeing; unknown, repeated and valueless options get a message of ours naming
// the command's options; no arguments prints the usage; `check` on a tree without a registry says what
// it looked for and exits 3; an empty graph says why, on stderr for dot/mermaid and as `note` in JSON.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import {
  ALICE,
  ALICE_REGISTRY,
  brokenTree,
  cleanTree,
  conflictTree,
  CORE_REGISTRY,
  entry,
  REPO,
  removeTrees,
  runCli,
  runJson,
  writeTree,
} from './helpers';

describe('cli arguments', () => {
  let root: string;
  let empty: string;
  before(() => {
    root = writeTree(cleanTree());
    empty = writeTree({ 'README.md': 'no registry here\n', 'src/app.py': 'print("hello")\n' });
  });
  after(removeTrees);

  const commands: [string, string[]][] = [
    ['check', ['check', '--format', 'json']],
    ['explain', ['explain', 'FeatureJoin', '--workspace', 'alice', '--format', 'json']],
    ['list', ['list', '--format', 'json']],
    ['graph', ['graph', '--format', 'json']],
  ];
  for (const [name, args] of commands) {
    it(`${name} takes ROOT as a positional and as --root, with the same result`, () => {
      const positional = runCli([...args, root], REPO);
      const flag = runCli([...args, '--root', root], REPO);
      const inline = runCli([args[0]!, `--root=${root}`, ...args.slice(1)], REPO);
      const fromCwd = runCli(args, root);
      assert.equal(positional.code, 0, positional.stderr);
      const strip = (s: string): string => s.replace(/"ms": \d+/, '"ms": 0');
      for (const other of [flag, inline, fromCwd]) {
        assert.equal(other.code, 0, other.stderr);
        assert.equal(strip(other.stdout), strip(positional.stdout));
      }
      const both = runCli([...args, root, '--root', join(root, '.')], REPO);
      assert.equal(both.code, 0, `the same root both ways is accepted: ${both.stderr}`);
    });

    it(`${name}: two different roots or --root twice is a usage error`, () => {
      const differ = runCli([...args, root, '--root', REPO], REPO);
      assert.equal(differ.code, 2);
      assert.match(differ.stderr, new RegExp(`${name}: two different roots`));
      assert.equal(differ.stdout, '');
      const twice = runCli([...args, '--root', root, '--root', root], REPO);
      assert.equal(twice.code, 2);
      assert.match(twice.stderr, /--root given twice/);
    });
  }

  it('init-workspace takes ROOT after the ID, or --root', () => {
    const a = writeTree(cleanTree());
    const b = writeTree(cleanTree());
    const positional = runCli(['init-workspace', 'carol', a], REPO);
    const flag = runCli(['init-workspace', 'carol', '--root', b], REPO);
    assert.equal(positional.code, 0, positional.stderr);
    assert.equal(flag.code, 0, flag.stderr);
    assert.deepEqual(positional.stdout.split('\n').slice(1, -2), flag.stdout.split('\n').slice(1, -2));
    assert.equal(runCli(['init-workspace', 'dave', a, 'extra'], REPO).code, 2);
  });

  it("an unknown option names the command's options", () => {
    const r = runCli(['check', '--root', root, '--colour'], REPO);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const options =
      '--root, --format, --mode, --fail-on, --files, --report-unused-suppressions, --output, --base, --cache, --cache-location, --daemon, --python-env';
    assert.ok(r.stderr.includes(`check: unknown option '--colour'; check takes ${options}\n`), r.stderr);
    assert.doesNotMatch(r.stderr, /Unknown option|ERR_PARSE_ARGS/);
    assert.match(
      runCli(['graph', '-x'], root).stderr,
      /graph: unknown option '-x'; graph takes --root, --workspace, --mode, --format/,
    );
    assert.match(runCli(['list', '--fail-on', 'error'], root).stderr, /list: unknown option '--fail-on'/);
  });

  it('a repeated option, a missing value and a value given to a switch are named', () => {
    assert.match(runCli(['check', '--format', 'json', '--format', 'text'], root).stderr, /check: --format given twice/);
    assert.match(runCli(['check', '--format'], root).stderr, /check: --format needs a value/);
    assert.match(runCli(['list', '--conflicts-only=yes'], root).stderr, /list: --conflicts-only takes no value/);
    assert.match(runCli(['list', 'a', 'b'], root).stderr, /list: too many arguments: b/);
  });

  it('check --files reports what the files may cause: theirs, those pointing into them, of checks reading them', () => {
    const broken = writeTree({ ...brokenTree(), 'src/cursus/tools/notes.py': 'x = 1\n' });
    type D = { file: string; code: string };
    const files = (args: string[]): { code: number | null; diagnostics: string[] } => {
      const r = runJson(['check', '--format', 'json', '--fail-on', 'error', '--files', ...args], broken);
      return { code: r.code, diagnostics: (r.json['diagnostics'] as D[]).map((d) => `${d.file} ${d.code}`) };
    };
    const all = (runJson(['check', '--format', 'json'], broken).json['diagnostics'] as D[]).map(
      (d) => `${d.file} ${d.code}`,
    );
    assert.deepEqual(all, [`${ALICE}/registry/workspace_registry.py RL006`, `${CORE_REGISTRY} RL005`]);
    // core's registry is read by core's checks and by every workspace's (overrides, shadowing)
    assert.deepEqual(files([CORE_REGISTRY]), { code: 1, diagnostics: all });
    // any module of classes may define the class a check looks up by name (ModelCalibration's builder, alice's
    // config): the checks that look classes up read them all
    const builder = 'src/cursus/steps/builders/builder_tabular_preprocessing_step.py';
    assert.deepEqual(files([builder]), { code: 1, diagnostics: all });
    // alice's config module is read by alice's checks only
    assert.deepEqual(files([`${ALICE}/steps/configs/config_feature_join_step.py`]), {
      code: 0,
      diagnostics: [`${ALICE}/registry/workspace_registry.py RL006`],
    });
    // files no check reads report only their own (nothing)
    const other = runCli(['check', '--files', 'README.md', 'src/cursus/tools/notes.py'], broken);
    assert.equal(other.code, 0, other.stdout);
    assert.match(other.stdout, /^0 errors, 0 warnings, 0 information, 0 hints in 0 files/);
    // files are relative to the working directory, and ROOT comes only from --root
    const core = runJson(['check', '--format', 'json', '--files', CORE_REGISTRY], broken);
    const fromAbove = runJson(
      ['check', '--root', broken, '--format', 'json', '--files', `${broken}/${CORE_REGISTRY}`],
      REPO,
    );
    assert.deepEqual(fromAbove.json['diagnostics'], core.json['diagnostics']);
    // a conflict: bob's side is reported with alice's registry, since it points into it
    const conflict = writeTree(conflictTree());
    const alice = runJson(['check', '--format', 'json', '--fail-on', 'never', '--files', ALICE_REGISTRY], conflict)
      .json['diagnostics'] as D[];
    assert.ok(
      alice.some((d) => d.file !== ALICE_REGISTRY && d.code === 'RL002'),
      JSON.stringify(alice),
    );
  });

  it('check --files: a staged change that breaks an unstaged registry fails (R28)', () => {
    const builder = 'src/cursus/steps/builders/builder_xgboost_training_step.py';
    // A) a staged builder renames its class: RL005 on core's (unstaged) registry
    const renamed = writeTree({ ...cleanTree(), [builder]: 'class XGBoostTrainingStepBuilderV2:\n    pass\n' });
    const a = runCli(['check', '--files', '--', builder], renamed);
    assert.equal(a.code, 1, a.stdout);
    assert.match(
      a.stdout,
      /step_names\.py\n.*Builder class 'XGBoostTrainingStepBuilder' for step 'XGBoostTraining' not found.*\[RL005\]/,
    );
    // B) a staged core registry drops a step a workspace overrides: RL004 on the workspace's registry
    const onlyOne = `STEP_NAMES = {\n${entry('TabularPreprocessing', 'Processing')}}\n`;
    const dropped = writeTree({ ...cleanTree(), [CORE_REGISTRY]: onlyOne });
    const b = runCli(['check', '--files', '--', CORE_REGISTRY], dropped);
    assert.equal(b.code, 1, b.stdout);
    assert.match(
      b.stdout,
      new RegExp(`${ALICE_REGISTRY}\\n.*Cannot override 'XGBoostTraining': core defines no such step.*\\[RL004\\]`),
    );
  });

  it('no arguments prints the usage on stderr and exits 2', () => {
    const r = runCli([], root);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /missing command/);
    assert.match(r.stderr, /Usage: registry-lens <command>/);
    assert.match(r.stderr, /Exit codes:/);
  });

  it('--help documents exit code 3 and the one form of ROOT', () => {
    const help = runCli(['--help']).stdout;
    assert.match(help, /3 check: no registry found under ROOT/);
    for (const synopsis of [
      'check [ROOT]',
      'explain STEP [ROOT]',
      'list [ROOT]',
      'graph [ROOT]',
      'init-workspace ID [ROOT]',
    ])
      assert.ok(help.includes(synopsis), synopsis);
  });

  it('check on a tree without a registry says what it looked for and exits 3, whatever --fail-on says', () => {
    for (const failOn of ['error', 'warning', 'never']) {
      const r = runCli(['check', empty, '--fail-on', failOn], REPO);
      assert.equal(r.code, 3, `--fail-on ${failOn}: ${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(
          `no registry found under ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; looked for \\*\\*/registry/step_names\\.py, `,
        ),
      );
      assert.match(r.stderr, /developer_workspaces\/developers\/\*\/src\/cursus_dev\/registry\/workspace_registry\.py/);
      assert.match(r.stderr, /\*\*\/registry\/registry\.yaml/);
    }
    const json = runJson(['check', empty, '--format', 'json'], REPO);
    assert.equal(json.code, 3);
    assert.equal((json.json['summary'] as { sources: number }).sources, 0, 'stdout stays the JSON document');
  });

  it('a tree without a registry whose files were read and checked names them (apcore-python: a binding file, pyproject.toml)', () => {
    const read = writeTree({
      'pyproject.toml': '[project]\nname = "apcore"\n',
      'examples/bindings/format_date/format_date.py': 'def format_date_string(date: str) -> str:\n    return date\n',
      'examples/bindings/format_date/format_date.binding.yaml':
        'spec_version: "1.0"\nbindings:\n  - module_id: utils.format_date\n    target: "format_date:format_date_string"\n',
    });
    const r = runCli(['check', read], REPO);
    assert.equal(r.code, 3, r.stderr);
    assert.match(
      r.stderr,
      /no registry found under .*, though it read and checked examples\/bindings\/format_date\/format_date\.binding\.yaml, pyproject\.toml \(nothing to report\); looked for /,
    );
  });

  it('findings without a registry (a builder\'s metadata alone) stand: their exit code, and no "no registry found"', () => {
    const meta = writeTree({
      'src/steps/builders/builder_foo_step.py': 'class FooStepBuilder:\n    pass\n',
      'src/steps/builders/builder_foo_step_meta.yaml': 'description: 1\ntags: 3\n',
    });
    for (const [failOn, code] of [
      ['error', 1],
      ['never', 0],
    ] as const) {
      const r = runCli(['check', meta, '--fail-on', failOn], REPO);
      assert.equal(r.code, code, r.stderr);
      assert.doesNotMatch(r.stderr, /no registry found/);
      assert.match(r.stdout, /2 errors/);
    }
  });

  it("the globs named follow the root's settings", () => {
    const moved = writeTree({
      'README.md': 'x\n',
      '.vscode/settings.json':
        '{ "registryLens.core.files": ["lib/steps.py"], "registryLens.workspaces.roots": ["teams"] }',
    });
    const r = runCli(['check', moved], REPO);
    assert.equal(r.code, 3);
    assert.match(
      r.stderr,
      /looked for lib\/steps\.py, \*\*\/registry\/step_names\.yaml, teams\/\*\/src\/cursus_dev\/registry\/workspace_registry\.py/,
    );
  });

  it('a tree with a registry never exits 3, even with no diagnostics', () => {
    const r = runCli(['check', root], REPO);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /no registry/);
  });

  it('an empty graph says why on stderr (dot and mermaid stay valid) and in a JSON note', () => {
    for (const format of ['dot', 'mermaid']) {
      const r = runCli(['graph', root, '--format', format], REPO);
      assert.equal(r.code, 0);
      assert.match(r.stdout, format === 'dot' ? /^digraph "registry-lens core" \{\n[^]*\}\n$/ : /^graph LR\n$/);
      assert.match(
        r.stderr,
        /the graph of context 'core' is empty: nothing in it declares a dependency\. Edges come from the 'dependencies' of a step's or module's \*_meta\.yaml companion; .*WORKSPACE_METADATA.*compatible_sources/,
      );
    }
    const { json, stderr } = runJson(['graph', root, '--format', 'json'], REPO);
    assert.equal(stderr, '');
    assert.match(String(json['note']), /is empty: nothing in it declares a dependency/);
  });

  it('a graph with edges has no note', () => {
    const demo = join(REPO, 'examples', 'meta-workspace');
    const r = runCli(['graph', demo], REPO);
    assert.equal(r.stderr, '');
    assert.equal(runJson(['graph', demo, '--format', 'json'], REPO).json['note'], undefined);
  });
});
