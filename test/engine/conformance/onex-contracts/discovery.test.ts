// What omnibase_infra's auto-wiring discovery does with a node, and what omnibase_core's
// ValidatorRuntimeProfiles does with a contract it cannot parse, on fixtures modelled on their tests:
// tests/unit/runtime/auto_wiring/test_discovery_cloud_gateway_gate.py (a contract declaring
// `config.gateway_forwarder.cloud_leg` is wired only where ONEX_GATEWAY_CLOUD_MIRRORING_ENABLED is set,
// discovery.py:69-105, :213) and validator_runtime_profiles.py:292-295 (a YAMLError: no issue at all).
import { strict as assert } from 'node:assert';
import { analyze } from '../../helpers';

const PY = '[project]\nname = "demo-infra"\n\n[project.entry-points."onex.nodes"]\n';
const GATES =
  '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: r, entry: uv run python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n';
const contract = (name: string, extra = ''): string =>
  `name: "${name}"\nnode_type: "EFFECT_GENERIC"\ndescription: "d"\ncontract_version: {major: 1, minor: 0, patch: 0}\nnode_version: "1.0.0"\n${extra}`;
const tree = (nodes: Record<string, string>): string =>
  `//- /pyproject.toml\n${PY}${Object.keys(nodes)
    .map((n) => `${n} = "demo_infra.nodes.${n}"\n`)
    .join('')}${GATES}//- /src/demo_infra/__init__.py\n\n` +
  Object.entries(nodes)
    .map(
      ([n, body]) =>
        `//- /src/demo_infra/nodes/${n}/__init__.py\n\n//- /src/demo_infra/nodes/${n}/contract.yaml\n${body}`,
    )
    .join('');

/** The auto-wiring row of a node's Explain. */
async function wiring(nodes: Record<string, string>, step: string): Promise<string> {
  const { engine } = await analyze(tree(nodes));
  const rows = engine.explain({ step }).sections?.find((s) => s.title === 'Validators')?.rows ?? [];
  return rows.find((r) => r.label.startsWith('auto-wiring'))?.text ?? '';
}

describe('ONEX conformance: what auto-wiring discovery does with a node', () => {
  it('a contract declaring a cloud gateway leg is wired only where mirroring is enabled (test_real_bus_forwarder_contract_requires_cloud_gateway, test_bus_forwarder_skipped_when_mirroring_disabled)', async () => {
    const text = await wiring(
      {
        node_bus_forwarder_effect: contract(
          'node_bus_forwarder_effect',
          'config:\n  gateway_forwarder:\n    cloud_leg:\n      transport: "kafka"\n',
        ),
      },
      'node_bus_forwarder_effect',
    );
    assert.match(text, /^wires it only where ONEX_GATEWAY_CLOUD_MIRRORING_ENABLED is 1, true, yes or on/);
    // The lines are the docs' to cite (with the package): the row names none.
    assert.match(text, /and discovery skips it on every other lane$/);
  });

  it('no cloud leg, no condition (test_detection_helper_handles_missing_config, test_plain_contract_does_not_require_cloud_gateway)', async () => {
    for (const extra of [
      '',
      'config: "not-a-dict"\n',
      'config: {}\n',
      'config:\n  gateway_forwarder:\n    local_leg: {}\n',
      'config:\n  gateway_forwarder:\n    cloud_leg: "kafka"\n',
    ]) {
      assert.equal(
        await wiring({ node_plain_effect: contract('node_plain_effect', extra) }, 'node_plain_effect'),
        'accepts',
        extra,
      );
    }
  });

  it('the loser of a duplicate contract name is skipped, the first registration wins (OMN-11958)', async () => {
    const nodes = { node_a: contract('shared'), node_b: contract('shared') };
    assert.equal(await wiring(nodes, 'node_a'), 'accepts');
    assert.match(
      await wiring(nodes, 'node_b'),
      /^skips it: the contract name 'shared' is already registered by entry point 'node_a' \('src\/demo_infra\/nodes\/node_a\/contract\.yaml'\)/,
    );
  });
});

describe('ONEX conformance: a contract that does not parse', () => {
  const BROKEN = `${contract('node_a')}event_bus:\n  subscribe_topics:\n    - onex.cmd.demo.run.v1\nbad: [unclosed\n`;

  it('gets its syntax error only: no runtime_profiles_missing (validator_runtime_profiles.py:292-295), no linter rule on what was read', async () => {
    const { engine } = await analyze(tree({ node_a: BROKEN }));
    assert.deepEqual(
      engine.diagnostics('src/demo_infra/nodes/node_a/contract.yaml').map((d) => d.code),
      ['RL030'],
    );
  });

  it('the same contract parsed is judged (the gate fails it: RL066)', async () => {
    const { engine } = await analyze(tree({ node_a: BROKEN.replace('bad: [unclosed\n', '') }));
    assert.ok(engine.diagnostics('src/demo_infra/nodes/node_a/contract.yaml').some((d) => d.code === 'RL066'));
  });

  it('records no name: a later contract of the same name is no duplicate (discovery.py:189-202 records an error and goes on)', async () => {
    const { engine } = await analyze(
      tree({ node_a: BROKEN.replace('"node_a"', '"shared"'), node_b: contract('shared') }),
    );
    assert.ok(engine.allDiagnostics().every((d) => d.code !== 'RL049'));
    assert.equal(
      await wiring({ node_a: BROKEN.replace('"node_a"', '"shared"'), node_b: contract('shared') }, 'node_b'),
      'accepts',
    );
  });
});

describe("ONEX conformance: ep.load() runs the package's imports", () => {
  // Python 3.12 on this tree: `importlib.import_module('demo_infra.nodes.node_a')` raises
  // "ModuleNotFoundError: No module named 'demo_infra.nodes.node_a.missing_mod'"; discovery.py:146-160 records it.
  const withInit = (init: string, extra = ''): string =>
    tree({ node_a: contract('node_a') }).replace(
      '//- /src/demo_infra/nodes/node_a/__init__.py\n\n',
      `//- /src/demo_infra/nodes/node_a/__init__.py\n${init}\n${extra}`,
    );

  it('RL046: a relative import of a module the package lacks, named as Python names it', async () => {
    const { engine } = await analyze(withInit('from .missing_mod import Helper\nclass NodeA:\n    pass\n'));
    const d = engine.diagnostics('pyproject.toml').filter((x) => x.code === 'RL046');
    assert.equal(d.length, 1);
    assert.match(
      d[0]?.message ?? '',
      /Failed to load entry point: No module named 'demo_infra\.nodes\.node_a\.missing_mod'/,
    );
    assert.equal(
      d[0]?.related[0]?.message,
      'imported by src/demo_infra/nodes/node_a/__init__.py:1, which the load runs',
    );
  });

  it("RL046: an absolute import of the repository's own package that names no module there", async () => {
    const { engine } = await analyze(withInit('from demo_infra.gone import X\n'));
    assert.match(engine.diagnostics('pyproject.toml')[0]?.message ?? '', /No module named 'demo_infra\.gone'/);
  });

  it('third-party imports, imports in blocks, and modules that exist (files or a namespace directory) are not failures', async () => {
    const { engine } = await analyze(
      withInit(
        'import os\nfrom pydantic import BaseModel\nfrom .helpers import H\nfrom .ns import x\ntry:\n    from .optional import Y\nexcept ImportError:\n    Y = None\n',
        '//- /src/demo_infra/nodes/node_a/helpers.py\nclass H: pass\n//- /src/demo_infra/nodes/node_a/ns/x.py\nx = 1\n',
      ),
    );
    assert.deepEqual(
      engine.diagnostics('pyproject.toml').map((d) => d.code),
      [],
    );
  });
});
