// The ONEX family (docs/onex.md): a registry's versions resolved against the directories the host
// reports, `.wip` markers, metadata files and `.onextree` trees give RL001, RL012, RL020, RL040–RL045
// at their exact nodes, with quick fixes; hover, definition, completion, symbols, code lenses and
// Explain with version policies work on artifacts; edits and new `.wip` markers update the result.
import { strict as assert } from 'node:assert';
import {
  analyze,
  applyEdits,
  checkCompletion,
  checkDiagnostics,
  checkFix,
  checkHover,
  checkReferences,
  directoriesOf,
} from './helpers';
import { assertInert } from './markdownChecks';

const REG = '/src/demo/registry/registry.yaml';
const node = (name: string, version = '1.0.0', extra = ''): string =>
  `name: "${name}"\nversion: "${version}"\nschema_version: "0.1.0"\nentrypoint:\n  type: python\n  target: node.py\n${extra}`;
const entry = (name: string, v = 'v1_0_0', dir = v, list = 'nodes', meta = 'node.onex.yaml'): string =>
  `  - name: "${name}"\n    versions:\n      - version: "${v}"\n        path: "src/demo/${list}/${name}/${dir}"\n        metadata_file: "${meta}"\n        status: "active"\n`;

/** A registry of the given nodes, each with its directory, metadata and node.py. */
function repo(names: string[], more = ''): string {
  const files = names
    .map(
      (n) =>
        `//- /src/demo/nodes/${n}/v1_0_0/node.onex.yaml\n${node(n)}\n//- /src/demo/nodes/${n}/v1_0_0/node.py\npass\n`,
    )
    .join('');
  return `//- ${REG}\nnodes:\n${names.map((n) => entry(n)).join('')}${files}${more}`;
}

describe('ONEX: checks', () => {
  it('a consistent registry reports nothing; v1_0_0 against 1.0.0 is one version', async () => {
    await checkDiagnostics(repo(['alpha', 'beta']));
  });

  it('RL042: a registered directory that does not exist, on the path value', async () => {
    await checkDiagnostics(`//- ${REG}
nodes:
  - name: gone
    versions:
      - version: "1.0.0"
        path: "src/demo/nodes/gone/v1_0_0"
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL042 does not exist
        metadata_file: node.onex.yaml
`);
  });

  it('RL042 falls back to the registry directory parent (the registry_loader_node rule)', async () => {
    await checkDiagnostics(`//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "1.0.0"
        path: "nodes/alpha/v1_0_0"
        metadata_file: node.onex.yaml
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
${node('alpha')}
//- /src/demo/nodes/alpha/v1_0_0/node.py
pass
`);
  });

  it('RL045 on a .wip version, whose missing metadata is then no error; RL041 when neither exists', async () => {
    await checkDiagnostics(`//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "v1_1_0"
#                ^^^^^^^^ RL045 work in progress
        path: "src/demo/nodes/alpha/v1_1_0"
        metadata_file: "node.onex.yaml"
      - version: "v1_2_0"
        path: "src/demo/nodes/alpha/v1_2_0"
        metadata_file: "node.onex.yaml"
#                      ^^^^^^^^^^^^^^^^ RL041 does not exist
//- /src/demo/nodes/alpha/v1_1_0/.wip
//- /src/demo/nodes/alpha/v1_2_0/node.py
pass
`);
  });

  it(
    'RL041: metadata without schema_version (error unless .wip), names disagreeing and placeholders ' +
      '(information: no loader acts on them)',
    async () => {
      const diags = await checkDiagnostics(
        `//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "1.0.0"
        path: "src/demo/nodes/alpha/v1_0_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
name: "template_node"
#     ^^^^^^^^^^^^^^^ RL041 registry lists this directory as 'alpha'
^^^^ RL041 No 'schema_version'
version: "1.0.0"
//- /src/demo/nodes/beta/v1_0_0/node.onex.yaml
name: {NODE_NAME}
#     ^^^^^^^^^^^ RL041 Unrendered template placeholders
version: "1.0.0"
schema_version: "0.1.0"
//- /src/demo/nodes/beta/v1_0_0/.wip
`,
        {},
        { only: ['RL041'] },
      );
      assert.equal(diags.find((d) => d.message.startsWith('Unrendered'))?.severity, 'information');
      assert.equal(diags.find((d) => d.message.includes("lists this directory as 'alpha'"))?.severity, 'information');
      assert.equal(diags.find((d) => d.message.includes('schema_version'))?.severity, 'error');
    },
  );

  it('RL044: a version directory with its metadata that no registry lists; RL041 when its name differs (information)', async () => {
    const diags = await checkDiagnostics(
      repo(
        ['alpha'],
        `//- /src/demo/nodes/logger_node/v1_0_0/node.onex.yaml
name: "template_node"
#     ^^^^^^^^^^^^^^^ RL041 its directory is 'logger_node'
version: "1.0.0"
schema_version: "0.1.0"
//- /src/demo/nodes/manager/template/v1_0_0/node.onex.yaml
${node('manager')}
`,
      ),
      {},
      { only: ['RL041'] },
    );
    assert.deepEqual(
      diags.map((d) => d.severity),
      ['information'],
    );
  });

  it('RL044 sits at the start of the metadata file', async () => {
    const { engine } = await analyze(repo([], `//- /src/demo/nodes/x/v1_0_0/node.onex.yaml\n${node('x')}\n`));
    const d = engine.allDiagnostics().find((x) => x.code === 'RL044');
    assert.deepEqual(
      [d?.file, d?.range.start, d?.range.end],
      ['src/demo/nodes/x/v1_0_0/node.onex.yaml', { line: 0, character: 0 }, { line: 0, character: 0 }],
    );
  });

  it('RL040: two documents, schema violations, artifact_summary counts; RL001 twice the same version; RL012 directory vs version', async () => {
    await checkDiagnostics(
      `//- ${REG}
# OmniNode:Metadata stamp
metadata_version: 0.1.0
---
^^^ RL040 yaml.safe_load
artifact_summary:
  total_artifacts: 2
  nodes: 3
#        ^ RL040 2 items are listed
nodes:
  - name: alpha
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/alpha/v1_0_0"
        metadata_file: "node.onex.yaml"
      - version: "1.0.0"
#                ^^^^^^^ RL001 registered twice
        path: "src/demo/nodes/alpha/v1_0_0"
        metadata_file: "node.onex.yaml"
  - name: beta
    versions:
      - version: "1.1.0"
        path: "src/demo/nodes/beta/v1_0_0"
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL012 is version 1.0.0
        metadata_file: "node.onex.yaml"
      - version: "one"
#                ^^^^^ RL040
        path: "src/demo/nodes/beta/v1_0_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
${node('alpha')}
//- /src/demo/nodes/beta/v1_0_0/node.onex.yaml
${node('beta', '1.1.0')}
`,
      {},
      { only: ['RL040', 'RL001', 'RL012'] },
    );
  });

  it('RL020: metadata schema violations at their node; RL042 (warning) on an entrypoint that is no file', async () => {
    await checkDiagnostics(
      repo(
        ['alpha'],
        `//- /src/demo/runtimes/rt/v1_0_0/runtime.yaml
name: rt
version: "1.0.0"
schema_version: "0.1.0"
tags: runtime
#     ^^^^^^^ RL020 must be a list
entrypoint: "python://missing.py"
#           ^^^^^^^^^^^^^^^^^^^^^ RL042 not a file
`,
      ).replace(`nodes:\n`, `runtimes:\n${entry('rt', 'v1_0_0', 'v1_0_0', 'runtimes', 'runtime.yaml')}nodes:\n`),
    );
  });

  it('RL043: a registered directory or metadata file missing from the .onextree describing it', async () => {
    await checkDiagnostics(
      `//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/alpha/v1_0_0"
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL043 is not in '.onextree'
        metadata_file: "node.onex.yaml"
  - name: beta
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/beta/v1_0_0"
        metadata_file: "node.onex.yaml"
#                      ^^^^^^^^^^^^^^^^ RL043 node.onex.yaml' is not in
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
${node('alpha')}
//- /src/demo/nodes/beta/v1_0_0/node.onex.yaml
${node('beta')}
//- /.onextree
name: demo
type: directory
children:
- name: nodes
  type: directory
  children:
  - name: beta
    type: directory
    children:
    - name: v1_0_0
      type: directory
      children:
      - name: node.py
        type: file
`,
      {},
      { only: ['RL043'] },
    );
  });

  // Reduced from omnibase development (f7c80ee): its registry_engine.py discovers artifacts from the
  // .onextree (registry_engine.py:280), whose root tree still lists logger_node and template_node.
  const LOADER_DEV = `//- /src/omnibase/nodes/registry_loader_node/v1_0_0/helpers/registry_engine.py
class RegistryEngine:
    def _discover_artifacts_from_onextree_model(self, onextree_model, root_path):
        versioned_artifacts = onextree_model.find_versioned_artifacts()
`;
  const LOADER_MAIN = `//- /src/omnibase/nodes/registry_loader_node/v1_0_0/helpers/registry_engine.py
class RegistryEngine:
    def load_registry(self, root_path):
        registry_path = root_path / "registry" / "registry.yaml"
        # not find_versioned_artifacts() here
`;
  const TREE = `//- /.onextree
name: omnibase
type: directory
children:
- name: nodes
  type: directory
  children:
  - name: stamper_node
    type: directory
    children:
    - name: v1_0_0
      type: directory
      children:
      - name: node.onex.yaml
        type: file
  - name: logger_node
    type: directory
    children:
    - name: v1_0_0
#           ^^^^^^ RL042 'src/omnibase/nodes/logger_node/v1_0_0', which does not exist
      type: directory
      children:
      - name: node_tests
        type: directory
        children: null
      - name: node.onex.yaml
        type: file
  - name: template_node
    type: directory
    children:
    - name: v1_0_0
      type: directory
      children:
      - name: node.onex.yaml
#             ^^^^^^^^^^^^^^ RL041 marks template_node v1_0_0 invalid (MISSING_METADATA)
        type: file
  - name: gone_without_metadata
    type: directory
    children:
    - name: v1_0_0
      type: directory
      children: null
//- /src/omnibase/nodes/stamper_node/v1_0_0/node.onex.yaml
${node('stamper_node')}
//- /src/omnibase/nodes/stamper_node/v1_0_0/node.py
pass
//- /src/omnibase/nodes/template_node/v1_0_0/node.py
pass
`;

  it('RL042/RL041: where the loader reads the .onextree, every listed version directory or metadata file that is gone, at its tree node', async () => {
    await checkDiagnostics(`${LOADER_DEV}${TREE}`, {}, { only: ['RL041', 'RL042'] });
  });

  it('a loader that reads registry.yaml (omnibase main) leaves stale .onextree entries alone', async () => {
    await checkDiagnostics(`${LOADER_MAIN}${TREE.replace(/^#.*\n/gm, '')}`, {}, { only: ['RL041', 'RL042'] });
  });

  it('RL042: the entrypoint of a version no registry lists is checked too; a dotted module is a module', async () => {
    await checkDiagnostics(
      `//- /src/omnibase/nodes/logger_node/v1_0_0/node.onex.yaml
name: "logger_node"
version: "1.0.0"
schema_version: "0.1.0"
entrypoint: python://src/main.py
#           ^^^^^^^^^^^^^^^^^^^^ RL042 The entrypoint 'src/main.py' is not a file
//- /src/omnibase/nodes/node_registry_node/v1_0_0/node.onex.yaml
name: "node_registry_node"
version: "1.0.0"
schema_version: "0.1.0"
entrypoint: python://omnibase.nodes.node_registry_node.v1_0_0.node
//- /src/omnibase/nodes/node_registry_node/v1_0_0/node.py
pass
`,
      {},
      { only: ['RL042'] },
    );
  });
});

describe('ONEX: quick fixes', () => {
  it('sets an artifact_summary count', async () => {
    await checkFix(
      `//- ${REG}
artifact_summary:
  nodes: 3$0
nodes: []
`,
      'Set artifact_summary.nodes to 0',
      { 'src/demo/registry/registry.yaml': 'artifact_summary:\n  nodes: 0\nnodes: []\n' },
    );
  });

  it('creates a metadata stub from the registry item', async () => {
    await checkFix(
      `//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "v1_2_0"
        path: "src/demo/nodes/alpha/v1_2_0"
        metadata_file: "node.onex.yaml$0"
//- /src/demo/nodes/alpha/v1_2_0/node.py
pass
`,
      'Create src/demo/nodes/alpha/v1_2_0/node.onex.yaml',
      { 'src/demo/nodes/alpha/v1_2_0/node.onex.yaml': '~name: "alpha"\nversion: "1.2.0"' },
    );
  });

  it('registers an unregistered version directory, as a new version of its artifact', async () => {
    await checkFix(
      repo(['alpha'], `//- /src/demo/nodes/alpha/v2_0_0/node.onex.yaml\n$0${node('alpha', '2.0.0')}\n`),
      'Register alpha 2.0.0',
      {
        'src/demo/registry/registry.yaml': `~        status: "active"\n      - version: "v2_0_0"\n        path: "src/demo/nodes/alpha/v2_0_0"\n        metadata_file: "node.onex.yaml"\n        status: "active"\n`,
      },
    );
  });

  it('adds the missing node to the .onextree, and the result reports nothing', async () => {
    const text = `${repo(['alpha'])}//- /.onextree
name: demo
type: directory
children:
- name: nodes
  type: directory
  children:
  - name: beta
    type: directory
`;
    const { engine } = await analyze(
      text.replace('path: "src/demo/nodes/alpha/v1_0_0"', 'path: "src/demo/nodes/alpha/v1_0_0$0"'),
    );
    const d = engine.allDiagnostics().find((x) => x.code === 'RL043');
    const fix = d?.fixes[0];
    assert.ok(fix, 'a fix');
    const tree = applyEdits(engine.text('.onextree') ?? '', fix.edits[0]?.edits ?? []);
    engine.setFile('.onextree', tree);
    engine.update();
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((x) => x.code === 'RL043')
        .map((x) => x.message),
      [
        "'src/demo/nodes/alpha/v1_0_0/node.onex.yaml' is not in '.onextree' " +
          '(no loader compares the registry with the tree)',
      ],
    );
  });
});

describe('ONEX: editor features', () => {
  const WIP = `//- ${REG}
nodes:
  - name: "ech$0o_node"
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/echo_node/v1_0_0"
        metadata_file: "node.onex.yaml"
      - version: "v1_1_0"
        path: "src/demo/nodes/echo_node/v1_1_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/echo_node/v1_0_0/node.onex.yaml
${node('echo_node', '1.0.0', 'description: "Echoes its input"\n')}
//- /src/demo/nodes/echo_node/v1_0_0/node.py
pass
//- /src/demo/nodes/echo_node/v1_1_0/.wip
`;

  it('hover on an artifact: versions, WIP, latest, metadata summary', async () => {
    await checkHover(WIP, [
      '**echo_node**',
      '2 versions · latest 1.0.0 · 1 WIP',
      'Echoes its input',
      'WIP (\\.wip)',
      'metadata echo_node 1.0.0',
    ]);
  });

  it('hover on an artifact shows its name and description as text (R16)', async () => {
    const md = await checkHover(
      WIP.replace('"ech$0o_node"', '"[n$0](command:x) <b>"').replace(
        'description: "Echoes its input"',
        'description: "x` [a](command:y) <img src=z>\\n# h"',
      ),
      [],
    );
    assertInert(md, ['[n](command:x) <b>', 'x` [a](command:y) <img src=z>', '# h']);
  });

  it('hover on a key shows the schema description', async () => {
    await checkHover(
      WIP.replace(
        'metadata_file: "node.onex.yaml"\n      - version: "v1_1_0"',
        'metadata_fi$0le: "node.onex.yaml"\n      - version: "v1_1_0"',
      ).replace('ech$0o', 'echo'),
      ['The metadata file inside the version directory'],
    );
  });

  it('definition from path and metadata_file goes to the metadata file, from entrypoint to the file', async () => {
    const { engine } = await analyze(WIP.replace('ech$0o', 'echo'));
    const reg = 'src/demo/registry/registry.yaml';
    const targets = (file: string, line: number, character: number): string[] =>
      engine.definition(file, { line, character }).map((l) => `${l.file}:${l.range.start.line}`);
    assert.deepEqual(targets(reg, 4, 20), ['src/demo/nodes/echo_node/v1_0_0/node.onex.yaml:0']);
    assert.deepEqual(targets(reg, 5, 25), ['src/demo/nodes/echo_node/v1_0_0/node.onex.yaml:0']);
    assert.deepEqual(targets(reg, 7, 20), ['src/demo/nodes/echo_node/v1_1_0/.wip:0']);
    assert.deepEqual(targets('src/demo/nodes/echo_node/v1_0_0/node.onex.yaml', 5, 12), [
      'src/demo/nodes/echo_node/v1_0_0/node.py:0',
    ]);
    assert.deepEqual(targets('src/demo/nodes/echo_node/v1_0_0/node.onex.yaml', 0, 8), [`${reg}:3`]);
  });

  it('completion: metadata_file by list, status, version directories for path', async () => {
    await checkCompletion(
      WIP.replace('ech$0o', 'echo').replace(
        'metadata_file: "node.onex.yaml"\n      - version: "v1_1_0"',
        'metadata_file: "$0\n      - version: "v1_1_0"',
      ),
      ['node.onex.yaml', 'cli_tool.yaml'],
    );
    await checkCompletion(
      WIP.replace('ech$0o', 'echo').replace('path: "src/demo/nodes/echo_node/v1_1_0"', 'path: "$0'),
      ['src/demo/nodes/echo_node/v1_0_0', 'src/demo/nodes/echo_node/v1_1_0'],
    );
    await checkCompletion(
      `${WIP.replace('ech$0o', 'echo')}//- /x/registry/registry.yaml\nnodes:\n  - name: a\n    versions:\n      - status: $0\n`,
      ['active'],
    );
  });

  it('symbols, code lenses, references and list', async () => {
    const { engine } = await analyze(WIP.replace('ech$0o', 'echo'));
    const file = 'src/demo/registry/registry.yaml';
    assert.deepEqual(
      engine.codeLenses(file).map((l) => l.title),
      ['2 versions · latest 1.0.0 · 1 WIP'],
    );
    const syms = engine.documentSymbols(file);
    assert.deepEqual(
      syms.map((s) => [s.name, s.children.map((c) => [c.name, c.children.map((v) => v.name)])]),
      [['nodes', [['echo_node', ['v1_0_0', 'v1_1_0']]]]],
    );
    assert.deepEqual(
      engine.workspaceSymbols('echo').map((s) => s.name),
      ['echo_node'],
    );
    assert.deepEqual(
      engine.list().map((r) => [r.name, r.detail]),
      [['echo_node', '2 versions · latest 1.0.0 · 1 WIP']],
    );
    await checkReferences(
      WIP.replace('  - name: "ech$0o_node"', '  - name: "ech$0o_node"\n#         ^^^^^^^^^^^ ref').replace(
        'name: "echo_node"\nversion',
        'name: "echo_node"\n#     ^^^^^^^^^^^ ref\nversion',
      ),
    );
  });

  it('explain NAME@latest skips work in progress; @VERSION and @pinned choose what they say', async () => {
    const { engine } = await analyze(WIP.replace('ech$0o', 'echo'), { onexPins: { echo_node: 'v1_1_0' } });
    const latest = engine.explain({ step: 'echo_node@latest' });
    assert.equal(latest.found, true);
    assert.equal(latest.winner?.fields['version'], 'v1_0_0');
    assert.match(latest.summary, /v1_1_0 is work in progress/);
    assert.equal(engine.explain({ step: 'echo_node@1.1.0' }).winner?.fields['version'], 'v1_1_0');
    const pinned = engine.explain({ step: 'echo_node@pinned' });
    assert.equal(pinned.winner?.fields['version'], 'v1_1_0');
    assert.match(pinned.summary, /registryLens\.onex\.pins/);
    assert.equal(engine.stepAt('src/demo/registry/registry.yaml', { line: 1, character: 12 }), 'echo_node@latest');
    assert.equal(engine.stepAt('src/demo/registry/registry.yaml', { line: 7, character: 20 }), 'echo_node@1.1.0');
    assert.deepEqual(engine.stepNames(), [
      'echo_node@latest',
      'echo_node@pinned',
      'echo_node@1.0.0',
      'echo_node@1.1.0',
    ]);
    // A name of Object.prototype's members has no pin unless the user gives it one (R36).
    const { engine: named } = await analyze(WIP.replace('ech$0o', 'echo').replaceAll('echo_node', 'constructor'));
    assert.match(named.explain({ step: 'constructor@pinned' }).summary, /no pin for this artifact/);
    assert.ok(!named.stepNames().includes('constructor@pinned'));
    const missing = engine.explain({ step: 'echo_nod@latest' });
    assert.equal(missing.found, false);
    assert.deepEqual(missing.suggestions, ['echo_node']);
  });
});

describe('ONEX: latest', () => {
  it('skips a version whose metadata the loaders reject (no schema_version)', async () => {
    const { engine } = await analyze(`//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "1.0.0"
        path: "src/demo/nodes/alpha/v1_0_0"
        metadata_file: "node.onex.yaml"
      - version: "1.1.0"
        path: "src/demo/nodes/alpha/v1_1_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/alpha/v1_0_0/node.onex.yaml
${node('alpha')}
//- /src/demo/nodes/alpha/v1_0_0/node.py
pass
//- /src/demo/nodes/alpha/v1_1_0/node.onex.yaml
name: alpha
version: "1.1.0"
`);
    const e = engine.explain({ step: 'alpha@latest' });
    assert.equal(e.winner?.fields['version'], '1.0.0');
    assert.match(e.summary, /1\.1\.0 is invalid for the loaders/);
    assert.deepEqual(
      engine.codeLenses('src/demo/registry/registry.yaml').map((l) => l.title),
      ['2 versions · latest 1.0.0'],
    );
  });
  // omnibase main: the `onex` CLI tool's only version lacks schema_version; registry_engine.py keeps it marked invalid (line 419).
  it('keeps an artifact whose only versions are invalid: found, invalid, and why (the loaders keep it)', async () => {
    const { engine } = await analyze(`//- ${REG}
cli_tools:
  - name: onex
    versions:
      - version: "v1_0_0"
        path: "src/demo/cli_tools/onex/v1_0_0"
        metadata_file: "cli_tool.yaml"
  - name: gone
    versions:
      - version: "v1_0_0"
        path: "src/demo/cli_tools/gone/v1_0_0"
        metadata_file: "cli_tool.yaml"
//- /src/demo/cli_tools/onex/v1_0_0/cli_tool.yaml
name: onex
version: "1.0.0"
`);
    const e = engine.explain({ step: 'onex' });
    assert.equal(e.found, true);
    assert.equal(e.winner?.fields['valid'], false);
    assert.match(String(e.winner?.fields['invalid']), /No 'schema_version'.*\(INVALID_METADATA\)/);
    assert.match(e.summary, /^onex@latest → v1_0_0: found, but the loaders keep it marked invalid/);
    assert.deepEqual(
      e.sections?.find((s) => s.title === 'Invalid')?.rows.map((r) => r.file),
      ['src/demo/cli_tools/onex/v1_0_0/cli_tool.yaml'],
    );
    const gone = engine.explain({ step: 'gone@latest' });
    assert.equal(gone.found, true);
    assert.match(String(gone.winner?.fields['invalid']), /its directory does not exist .*MISSING_METADATA/);
    assert.equal(engine.explain({ step: 'gone@2.0.0' }).found, false);
    assert.deepEqual(
      engine.codeLenses('src/demo/registry/registry.yaml').map((l) => l.title),
      ['1 version · latest 1.0.0 (invalid)', '1 version · latest 1.0.0 (invalid)'],
    );
  });

  it('an unknown bare name gets the ONEX names close to it (as cursus names do)', async () => {
    const { engine } = await analyze(repo(['stamper_node', 'tree_generator_node']));
    const e = engine.explain({ step: 'stamper_nod' });
    assert.equal(e.found, false);
    assert.deepEqual(e.suggestions, ['stamper_node']);
    assert.deepEqual(engine.explain({ step: 'tree_generatr_node@latest' }).suggestions, ['tree_generator_node']);
  });
});

describe('ONEX: incremental', () => {
  it('a .wip created or deleted, a version directory appearing, and a .onextree edit update the diagnostics', async () => {
    const text = `//- ${REG}
nodes:
  - name: alpha
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/alpha/v1_0_0"
        metadata_file: "node.onex.yaml"
//- /src/demo/nodes/alpha/v1_0_0/node.py
pass
`;
    const { engine } = await analyze(text);
    const codes = (): string[] => engine.allDiagnostics().map((d) => d.code);
    assert.deepEqual(codes(), ['RL041']);
    engine.setFile('src/demo/nodes/alpha/v1_0_0/.wip', '');
    engine.update();
    assert.deepEqual(codes(), ['RL045']);
    engine.deleteFile('src/demo/nodes/alpha/v1_0_0/.wip');
    engine.update();
    assert.deepEqual(codes(), ['RL041']);
    engine.deleteFile('src/demo/nodes/alpha/v1_0_0/node.py');
    engine.setTree({ links: [], directories: [] });
    engine.update();
    assert.deepEqual(codes(), ['RL042']);
    engine.setTree({ links: [], directories: directoriesOf(['src/demo/nodes/alpha/v1_0_0/x']) });
    engine.setFile('src/demo/nodes/alpha/v1_0_0/node.onex.yaml', node('alpha'));
    engine.update();
    assert.deepEqual(codes(), ['RL042'], 'its entrypoint node.py is gone');
    engine.setFile('src/demo/nodes/alpha/v1_0_0/node.py', 'pass\n');
    engine.update();
    assert.deepEqual(codes(), []);
    engine.setFile(
      '.onextree',
      'name: demo\ntype: directory\nchildren:\n- name: nodes\n  type: directory\n  children: []\n',
    );
    engine.update();
    assert.deepEqual(codes(), ['RL043']);
  });
});

describe('ONEX: hostile input', () => {
  const REGISTRIES = [
    'nodes: {a: 1}',
    'nodes: [1, "x", null, [], {name: 3}, {name: a, versions: {x: 1}}, {name: b, versions: [1, {version: 2}, {version: "1.0.0", path: 5}]}]',
    '---\n---\n---\n',
    'nodes:\n  - name: a\n    versions:\n      - version: "1.0.0"\n        path: "../../../etc"\n        metadata_file: "../../x"\n',
    'artifact_summary: [1]\nnodes: []',
    'artifact_summary: {nodes: "x", total_artifacts: -1}\nnodes: []',
    '[[[[[',
    '&a [*a]',
  ];
  const TREES = [
    'name: {x: 1}\nchildren: 3',
    'children: [{name: "a/b"}, {name: ""}, 5]',
    '- a\n- b',
    'name: ..\nchildren:\n- name: ..\n  children:\n  - name: ..\n',
  ];
  const METAS = [
    'name: [1]\nversion: {V: null}',
    '- 1',
    '---\nname: a\n---\nname: b',
    'entrypoint: {target: 5}',
    'entrypoint: "python://"',
    'entrypoint: "python://../../../x.py"',
  ];

  it('odd shapes never throw: every file still answers hover, completion, definition, symbols and lenses', async () => {
    for (const [i, reg] of REGISTRIES.entries()) {
      const { engine } = await analyze(
        `//- /r/registry/registry.yaml\n${reg}\n//- /.onextree\n${TREES[i % TREES.length] ?? ''}\n//- /r/nodes/a/v1_0_0/node.onex.yaml\n${METAS[i % METAS.length] ?? ''}\n`,
      );
      assert.ok(engine.allDiagnostics().every((d) => d.file !== ''));
      for (const f of engine.files()) {
        engine.documentSymbols(f);
        engine.codeLenses(f);
        for (let line = 0; line < 6; line++) {
          engine.hover(f, { line, character: 3 });
          engine.completion(f, { line, character: 5 });
          engine.definition(f, { line, character: 3 });
        }
      }
      engine.explain({ step: 'a@latest' });
      engine.list();
    }
    const { engine } = await analyze(`//- /r/registry/registry.yaml\n${REGISTRIES[1] ?? ''}\n`);
    assert.ok(
      engine.allDiagnostics().some((d) => d.code === 'RL040'),
      'wrong shapes are RL040',
    );
  });
});
