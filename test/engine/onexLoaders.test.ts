// Conformance of the ONEX family with the registry loaders of omnibase main (5978c53) and development
// (f7c80ee), whichever the workspace holds (docs/onex.md, "Which loader"): each case is one of the
// loaders' own test environments (registry_loader_node/v1_0_0/node_tests/test_registry_loader.py), or
// the real repository reduced, and says what that loader builds from it, as the real loader did when
// run with Python (the expected artifact sets and validity below are its output).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from './helpers';

const ENGINE = '/src/omnibase/nodes/registry_loader_node/v1_0_0/helpers/registry_engine.py';
/** main's engine: reads `<root_directory>/registry/registry.yaml` (registry_engine.py:122). */
const MAIN =
  `//- ${ENGINE}\nclass RegistryEngine:\n    def load_registry(self, input_state):\n        ` +
  `registry_path = root_path / "registry" / "registry.yaml"\n`;
/** development's engine: discovers artifacts from the tree (registry_engine.py:280). */
const DEV =
  `//- ${ENGINE}\nclass RegistryEngine:\n    def _discover(self, onextree_model):\n        ` +
  `versioned_artifacts = onextree_model.find_versioned_artifacts()\n`;
const META = (name: string, extra = 'schema_version: "1.0.0"\n'): string => `name: ${name}\nversion: "1.0.0"\n${extra}`;
const ONE = '1 version · latest 1.0.0';
type Engine = Awaited<ReturnType<typeof analyze>>['engine'];
const rows = (e: Engine): (string | undefined)[][] => e.list().map((r) => [r.name, r.detail]);
const errors = (e: Engine): string[][] =>
  e
    .allDiagnostics()
    .filter((d) => d.severity === 'error')
    .map((d) => [d.code, d.file]);

/** A tree `name` listing `<list>/<name>/v1_0_0/<metadata file>` for each artifact, at `indent`. */
type Listed = [list: string, artifact: string, meta: string];

function treeOf(name: string, artifacts: Listed[], nest: string[] = []): string {
  const lines = [`name: ${name}`, 'type: directory', 'children:'];
  let pad = '';
  for (const dir of nest) {
    lines.push(`${pad}- name: ${dir}`, `${pad}  type: directory`, `${pad}  ` + `children:`);
    pad += '  ';
  }
  for (const list of [...new Set(artifacts.map((a) => a[0]))]) {
    lines.push(`${pad}- name: ${list}`, `${pad}  type: directory`, `${pad}  children:`);
    for (const [, artifact, meta] of artifacts.filter((a) => a[0] === list)) {
      lines.push(
        `${pad}  - name: ${artifact}`,
        `${pad}    type: directory`,
        `${pad}    children:`,
        `${pad}    - ` + `name: v1_0_0`,
        `${pad}      type: directory`,
        `${pad}      children:`,
        `${pad}      - name: ${meta}`,
        `${pad}        type: file`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('ONEX loaders: omnibase main (registry.yaml under root_directory)', () => {
  const REGISTRY = (path: string): string => `//- /src/omnibase/registry/registry.yaml
nodes:
  - name: stamper_node
    versions:
      - version: v1_0_0
        path: "${path}"
        metadata_file: node.onex.yaml
cli_tools:
  - name: onex
    versions:
      - version: v1_0_0
        path: "${path.replace('nodes/stamper_node', 'cli_tools/onex')}"
        metadata_file: cli_tool.yaml
//- /src/omnibase/nodes/stamper_node/v1_0_0/node.onex.yaml
${META('stamper_node')}//- /src/omnibase/cli_tools/onex/v1_0_0/cli_tool.yaml
${META('onex', '')}`;

  it(
    'the real registry: repo-relative paths joined under src/omnibase, every artifact invalid (MISSING_METADATA), ' +
      'with a fix',
    async () => {
      // Real run (main, root_directory src/omnibase, the only one holding registry/registry.yaml): 5 artifacts, 0 valid.
      const text = `${MAIN}${REGISTRY('src/omnibase/nodes/stamper_node/v1_0_0')}`;
      const marked = /(path: "src\/omnibase\/(nodes|cli_tools)\/\w+\/v1_0_0")\n/g;
      const diags = await checkDiagnostics(
        text.replace(
          marked,
          (m, p: string) =>
            `${p}\n#             ${'^'.repeat(p.length - 6)} RL042 does not exist, so the registry loader ` +
            `reports\n`,
        ),
        {},
        { only: ['RL041', 'RL042'] },
      );
      assert.deepEqual(
        diags.map((d) => d.severity),
        ['error', 'error'],
      );
      assert.match(
        diags[0]?.message ?? '',
        /'src\/omnibase\/src\/omnibase\/nodes\/stamper_node\/v1_0_0' does not exist/,
      );
      const { engine } = await analyze(text);
      assert.deepEqual(rows(engine), [
        ['stamper_node', `${ONE} (invalid)`],
        ['onex', `${ONE} (invalid)`],
      ]);
      const e = engine.explain({ step: 'stamper_node' });
      assert.deepEqual([e.found, e.winner?.fields['valid']], [true, false]);
      // The fix writes the path the loader reads; then the loader reads the metadata, and the CLI tool's lacks
      // schema_version.
      const fixed = text.replaceAll('"src/omnibase/', '"');
      const after = await analyze(fixed);
      assert.deepEqual(errors(after.engine), [['RL041', 'src/omnibase/cli_tools/onex/v1_0_0/cli_tool.yaml']]);
      const fix = engine.allDiagnostics().find((d) => d.code === 'RL042')?.fixes[0];
      assert.equal(fix?.edits[0]?.edits[0]?.newText, 'nodes/stamper_node/v1_0_0');
    },
  );

  it('its test layout (`nodes/test_node/v1_0_0` under root_directory) loads, valid', async () => {
    // Real run: main's registry_test_environment with a `versions` list and the metadata in place: 1 artifact, valid.
    const withoutCli = REGISTRY('nodes/stamper_node/v1_0_0').replace(/cli_tools:[\s\S]*?cli_tool\.yaml\n/, '');
    const { engine } = await analyze(`${MAIN}${withoutCli}`);
    assert.deepEqual(rows(engine), [['stamper_node', ONE]]);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.severity === 'error' || d.severity === 'warning'),
      [],
    );
  });

  it(
    'its own test registry (items without `versions`): the loader builds nothing and says nothing, ' +
      'so RL040 is an error',
    async () => {
      // Real run (test_registry_loader_basic_functionality's registry): SUCCESS, 0 artifacts, no error.
      const { engine } = await analyze(`${MAIN}//- /tmp/registry/registry.yaml
nodes:
  - name: test_node
    version: v1_0_0
    path: nodes/test_node/v1_0_0
`);
      assert.deepEqual(
        engine.allDiagnostics().map((d) => [d.code, d.severity, d.message]),
        [['RL040', 'error', "'nodes[0]' is missing the required key 'versions'"]],
      );
    },
  );

  it('a version directory no registry entry names is information: main loads only what registry.yaml lists', async () => {
    const { engine } = await analyze(
      `${MAIN}${REGISTRY('nodes/stamper_node/v1_0_0')}//- ` +
        `/src/omnibase/nodes/logger_node/v1_0_0/node.onex.yaml\n${META('template_node')}`,
    );
    const d = engine
      .allDiagnostics()
      .filter((x) => x.file.includes('logger_node'))
      .map((x) => [x.code, x.severity]);
    assert.deepEqual(d, [
      ['RL044', 'information'],
      ['RL041', 'information'],
    ]);
  });
});

describe('ONEX loaders: omnibase development (artifacts from the .onextree)', () => {
  const NODES: Listed[] = [
    ['nodes', 'stamper_node', 'node.onex.yaml'],
    ['nodes', 'logger_node', 'node.onex.yaml'],
    ['cli_tools', 'onex', 'cli_tool.yaml'],
  ];
  const DISK = `//- /src/omnibase/nodes/stamper_node/v1_0_0/node.onex.yaml
${META('stamper_node')}//- /src/omnibase/cli_tools/onex/v1_0_0/cli_tool.yaml
${META('onex', '')}//- /src/omnibase/nodes/node_logger/v1_0_0/node.onex.yaml
${META('node_logger')}`;
  /** The registry development keeps but never reads, with a removed node. */
  const REGISTRY = `//- /src/omnibase/registry/registry.yaml
nodes:
  - name: template_node
    versions:
      - version: v1_0_0
        path: "src/omnibase/nodes/template_node/v1_0_0"
        metadata_file: node.onex.yaml
`;

  it(
    "the root tree (named omnibase) resolves under src/: list and Explain show its artifacts with the loader's " +
      'validity',
    async () => {
      // Real run (development, root_directory src): 13 artifacts from /.onextree, 5 valid; reduced here to 3.
      const { engine } = await analyze(`${DEV}//- /.onextree\n${treeOf('omnibase', NODES)}${DISK}${REGISTRY}`);
      assert.deepEqual(
        engine.list().map((r) => [r.name, r.detail]),
        [
          ['stamper_node', ONE],
          ['logger_node', `${ONE} (invalid)`],
          ['onex', `${ONE} (invalid)`],
        ],
      );
      const e = engine.explain({ step: 'logger_node@latest' });
      assert.deepEqual([e.found, e.winner?.fields['valid'], e.winner?.file], [true, false, '.onextree']);
      assert.deepEqual(errors(engine).sort(), [
        ['RL041', 'src/omnibase/cli_tools/onex/v1_0_0/cli_tool.yaml'],
        ['RL042', '.onextree'],
      ]);
      // registry.yaml: no development code reads it, so its removed template_node is no finding.
      assert.deepEqual(
        engine.allDiagnostics().filter((d) => d.file.endsWith('registry.yaml')),
        [],
      );
      // node_logger is on disk but in no tree: the loader never loads it (information).
      const logger = engine.allDiagnostics().filter((d) => d.file.includes('node_logger'));
      assert.deepEqual(
        logger.map((d) => [d.code, d.severity]),
        [['RL044', 'information']],
      );
    },
  );

  it(
    'a nested tree (named .., type directories under omnibase/) resolves to src/<type>/…: one error, ' +
      'no artifacts listed',
    async () => {
      // Real run (development, root_directory src/omnibase as RegistryAdapter defaults): src/.onextree, 5 artifacts under
      // src/nodes/…, all invalid.
      const text = `${DEV}//- /src/.onextree\n${treeOf('..', NODES, ['omnibase'])}${DISK}`;
      const marked = text.replace('name: ..\n', 'name: ..\n#     ^^ RL042 none of the 3 is there\n');
      await checkDiagnostics(marked, {}, { only: ['RL042'] });
      const { engine } = await analyze(text);
      assert.deepEqual(engine.list(), []);
    },
  );

  it('its own test environment (tree named omnibase in src/, artifacts in src/omnibase/): every artifact invalid', async () => {
    // Real run (development's registry_test_environment, root_directory src/omnibase): 2 artifacts at
    // src/omnibase/omnibase/…, both invalid.
    const tree = treeOf('omnibase', [
      ['nodes', 'test_node', 'node.onex.yaml'],
      ['cli_tools', 'test_cli', 'cli_tool.yaml'],
    ]);
    const text = `${DEV}//- /src/.onextree\n${tree}//- /src/omnibase/nodes/test_node/v1_0_0/node.onex.yaml
${META('test_node')}//- /src/omnibase/cli_tools/test_cli/v1_0_0/cli_tool.yaml
${META('test_cli')}`;
    const marked = text.replace('name: omnibase\n', 'name: omnibase\n#     ^^^^^^^^ RL042 none of the 2 is there\n');
    await checkDiagnostics(marked, {}, { only: ['RL042', 'RL041'] });
  });

  it('a tree no caller runs the loader on is no finding: src/omnibase/.onextree (read only with a root_directory inside src/omnibase)', async () => {
    // development at f7c80ee: its root_directory is <cwd>/src/omnibase wherever a caller picks one
    // (fixtures/registry_adapter.py:83, tests/conftest.py:30, src/omnibase/conftest.py:61); no caller passes one inside it.
    const text = `${DEV}//- /src/omnibase/.onextree\n${treeOf('omnibase', NODES)}${DISK}`;
    const { engine } = await analyze(text);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.file === 'src/omnibase/.onextree'),
      [],
    );
    const adapter = await analyze(`${DEV}//- /src/.onextree\n${treeOf('..', NODES, ['omnibase'])}${DISK}`);
    assert.match(
      adapter.engine.allDiagnostics().find((d) => d.file === 'src/.onextree')?.message ?? '',
      /^RegistryAdapter run from the repository root reads 'src\/\.onextree'.*tests\/conftest\.py/,
    );
  });

  it('without a loader in the workspace, the registry is read as before (root-relative paths) and trees are listings', async () => {
    const { engine } = await analyze(`//- /.onextree\n${treeOf('omnibase', NODES)}${DISK}${REGISTRY}`);
    assert.deepEqual(rows(engine), [['template_node', `${ONE} (invalid)`]]);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.file === '.onextree'),
      [],
    );
  });
});
