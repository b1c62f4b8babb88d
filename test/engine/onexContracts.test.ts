// ONEX node contracts (docs/onex-contracts.md): `onex.nodes` entry points resolved to their contract as
// omnibase_infra's auto-wiring discovery does (cases mirror its tests/unit/runtime/auto_wiring/
// test_discovery.py), each validator's rules at their nodes with the validator and rule named, only the
// validators the repository runs, class references resolved to files, handler contracts, artifact
// triggers; hover, definition, completion, symbols, Explain and list on nodes.
import { strict as assert } from 'node:assert';
import { analyze, checkCompletion, checkDefinition, checkDiagnostics, checkHover } from './helpers';
import { ratio, closeMatch } from '../../server/src/engine/families/onex/contracts/difflib';
import { LINTER_FIELDS } from '../../server/src/engine/families/onex/framework';
import { explicitContractPath, moduleLines } from '../../server/src/engine/families/onex/contracts/explicitPath';
import { moduleBindings } from '../../server/src/engine/families/onex/contracts/bindings';

const PY = '/pyproject.toml';
const pyproject = (entries: Record<string, string>): string =>
  `[project]\nname = "demo-infra"\n\n[project.entry-points."onex.nodes"]\n${Object.entries(entries)
    .map(([k, v]) => `${k} = "${v}"`)
    .join('\n')}\n`;
const contract = (name: string, extra = ''): string =>
  `name: "${name}"\nnode_type: "EFFECT_GENERIC"\ndescription: "d"\ncontract_version: {major: 1, minor: 0, patch: 0}\nnode_version: "1.0.0"\n` +
  `input_model:\n  name: "ModelReq"\n  module: "demo_infra.models"\noutput_model:\n  name: "ModelReq"\n  module: "demo_infra.models"\n${extra}`;
const MODELS = '//- /src/demo_infra/__init__.py\n\n//- /src/demo_infra/models.py\nclass ModelReq:\n    pass\n';
/** A node package `demo_infra.nodes.<name>` with its contract. */
const node = (name: string, body = contract(name)): string =>
  `//- /src/demo_infra/nodes/${name}/__init__.py\n\n//- /src/demo_infra/nodes/${name}/contract.yaml\n${body}`;
const LINTER_GATES =
  '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: c, entry: uv run python scripts/validate.py contracts}]}]\n';

describe('ONEX contracts: entry points (auto-wiring discovery)', () => {
  it('a package with a sibling contract.yaml is discovered; nothing is reported', async () => {
    await checkDiagnostics(`//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a')}`);
  });

  it('RL046: an entry point whose module is not in the repository (ep.load fails), on its value', async () => {
    await checkDiagnostics(`//- ${PY}
[project]
name = "demo-infra"

[project.entry-points."onex.nodes"]
node_gone = "demo_infra.nodes.node_gone"
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^ RL046 No module named 'demo_infra.nodes.node_gone'
elsewhere = "other_pkg.nodes.node_x"
${MODELS}`);
  });

  it('RL046: a package loaded as itself has __path__, so only its own directory is searched (strategy 2), never its parent', async () => {
    // test_discovery.py:259 test_namespace_package_without_contract_raises; a regular package has __path__ too.
    await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_b = "demo_infra.nodes.node_b"
#         ^^^^^^^^^^^^^^^^^^^^^^^ RL046 No contract.yaml found in namespace package paths: ['src/demo_infra/nodes/node_b']
${MODELS}//- /src/demo_infra/nodes/node_b/__init__.py
//- /src/demo_infra/nodes/contract.yaml
${contract('nodes')}`);
  });

  it('RL046: a class without contract.yaml beside its module or in the parent (test_raises_when_no_contract_found); the parent is found', async () => {
    await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_b = "demo_infra.nodes.node_b.node:NodeB"
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL046 searched src/demo_infra/nodes/node_b and src/demo_infra/nodes
node_c = "demo_infra.nodes.node_c.impl.node:NodeC"
${MODELS}//- /src/demo_infra/nodes/node_b/node.py
class NodeB: pass
//- /src/demo_infra/nodes/node_c/impl/node.py
class NodeC: pass
//- /src/demo_infra/nodes/node_c/contract.yaml
${contract('node_c')}`);
  });

  it('a module file finds the contract beside it, a namespace package the one in its directory (strategies 3 and 2)', async () => {
    await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_m: 'demo_infra.nodes.node_m.node', node_ns: 'demo_infra.nodes.node_ns' })}${MODELS}` +
        `//- /src/demo_infra/nodes/node_m/node.py\nclass NodeM: pass\n//- /src/demo_infra/nodes/node_m/contract.yaml\n${contract('node_m')}` +
        `//- /src/demo_infra/nodes/node_ns/contract.yaml\n${contract('node_ns')}`,
    );
  });

  it('RL046: `module:attr` naming an attribute the module lacks', async () => {
    await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_c = "demo_infra.nodes.node_c.node:NodeC"
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL046 has no attribute 'NodeC'
${MODELS}//- /src/demo_infra/nodes/node_c/node.py
class NodeOther: pass
//- /src/demo_infra/nodes/node_c/contract.yaml
${contract('node_c')}`);
  });

  it('RL049 on the second contract of one name (first entry point wins), RL048 on a name that differs from its entry point', async () => {
    const body = (n: string): string => contract('x').split('\n').slice(1).join('\n').replace('x', n);
    await checkDiagnostics(`//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a', node_b: 'demo_infra.nodes.node_b' })}${MODELS}
//- /src/demo_infra/nodes/node_a/__init__.py
//- /src/demo_infra/nodes/node_a/contract.yaml
name: "shared"
#     ^^^^^^^^ RL048 discovery registers it as 'shared'
${body('a')}
//- /src/demo_infra/nodes/node_b/__init__.py
//- /src/demo_infra/nodes/node_b/contract.yaml
name: "shared"
#     ^^^^^^^^ RL049 Duplicate contract name 'shared' already registered by entry point 'node_a'
${body('b')}`);
  });

  it('RL047: a node package contract no entry point reaches; a contract outside nodes/ is not one', async () => {
    await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a')}` +
        `//- /src/demo_infra/nodes/node_orphan/contract.yaml\nname: "node_orphan"\n#     ^^^^^^^^^^^^^ RL047 never discovers 'node_orphan'\n${contract('x').split('\n').slice(1).join('\n')}` +
        `//- /src/demo_infra/verification/contract.yaml\n${contract('verification')}`,
    );
  });

  it('RL054: a flat handler_routing entry (OMN-14141) and a non-boolean event_bus flag skip the contract; the skipped name is not a duplicate', async () => {
    const flat = contract(
      'node_a',
      'event_bus:\n  plugin_managed: "yes"\n#                 ^^^^^ RL054 must be a boolean\nhandler_routing:\n  handlers:\n    - handler_class: "H"\n#     ^^^^^^^^^^^^^ RL054 the flat schema parses to zero dispatchers\n      handler_module: "demo_infra.h"\n',
    );
    const diags = await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a', node_b: 'demo_infra.nodes.node_b' })}${MODELS}${node('node_a', flat)}` +
        `${node('node_b', contract('node_a').replace('name: "node_a"', 'name: "node_a"\n#     ^^^^^^^^ RL048'))}`,
    );
    assert.ok(diags.every((d) => d.code !== 'RL049'));
  });
});

describe('ONEX contracts: strategy 1, an explicit contract_path (discovery.py:333)', () => {
  const withBody = (n: string): string => contract('x').split('\n').slice(1).join('\n').replace('x', n);
  const py = (entries: Record<string, string>): string => `//- ${PY}\n${pyproject(entries)}${MODELS}`;

  it('a class attribute naming an existing file wins over the sibling contract (test_resolves_explicit_contract_path)', async () => {
    // test_discovery.py:208: `type("MyNode", (), {"contract_path": str(p)})` resolves to p; RL048 shows which contract is read.
    await checkDiagnostics(`${py({ node_x: 'demo_infra.nodes.node_x.node:NodeX' })}//- /src/demo_infra/nodes/node_x/node.py
from pathlib import Path
class NodeX:
    contract_path = str(Path(__file__).parent / "v2" / "contract.yaml")
//- /src/demo_infra/nodes/node_x/v2/contract.yaml
name: "node_x_v2"
#     ^^^^^^^^^^^ RL048 discovery registers it as 'node_x_v2'
${withBody('v2')}
//- /src/demo_infra/nodes/node_x/contract.yaml
name: "node_x_old"
${withBody('old')}`);
  });

  it('a module-level contract_path in the package __init__.py (os.path.join form) is read', async () => {
    await checkDiagnostics(`${py({ node_y: 'demo_infra.nodes.node_y' })}//- /src/demo_infra/nodes/node_y/__init__.py
import os
contract_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec", "contract.yaml")  # explicit
//- /src/demo_infra/nodes/node_y/spec/contract.yaml
name: "node_y_spec"
#     ^^^^^^^^^^^^^ RL048 discovery registers it as 'node_y_spec'
${withBody('y')}`);
  });

  it('RL064: a contract_path naming no file falls through silently to the sibling contract (Path.is_file() is False)', async () => {
    const diags = await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_z = "demo_infra.nodes.node_z"
#         ^^^^^^^^^^^^^^^^^^^^^^^ RL064 contract_path 'src/demo_infra/nodes/node_z/contracts/contract.yaml' names no file
${MODELS}//- /src/demo_infra/nodes/node_z/__init__.py
from pathlib import Path
contract_path = Path(__file__).resolve().parent.joinpath("contracts", "contract.yaml")
//- /src/demo_infra/nodes/node_z/contract.yaml
${contract('node_z')}`);
    assert.equal(diags[0]?.severity, 'warning');
    assert.deepEqual(
      diags[0]?.related?.map((r) => [r.file, r.range.start.line]),
      [
        ['src/demo_infra/nodes/node_z/__init__.py', 1],
        ['src/demo_infra/nodes/node_z/contract.yaml', 0],
      ],
    );
  });

  it('RL046 names the missing contract_path when nothing else is found (test_raises_when_no_contract_found)', async () => {
    await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_w = "demo_infra.nodes.node_w.node:NodeW"
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL046 contract_path 'src/demo_infra/nodes/node_w/contract.yaml' names no file
${MODELS}//- /src/demo_infra/nodes/node_w/node.py
from pathlib import Path
class NodeW:
    contract_path = Path(__file__).with_name("contract.yaml")
`);
  });

  it("a literal path (relative to the runtime's working directory) or an imported one is not judged: no RL046", async () => {
    await checkDiagnostics(`${py({ node_l: 'demo_infra.nodes.node_l', node_i: 'demo_infra.nodes.node_i' })}//- /src/demo_infra/nodes/node_l/__init__.py
contract_path = "contracts/node_l.yaml"
//- /src/demo_infra/nodes/node_i/__init__.py
from demo_infra.paths import contract_path
//- /src/demo_infra/paths.py
contract_path = "contracts/node_i.yaml"
`);
  });

  it('None, a property and a method are no file: the usual strategies apply (RL046 as without one)', async () => {
    await checkDiagnostics(`//- ${PY}
[project.entry-points."onex.nodes"]
node_n = "demo_infra.nodes.node_n"
#         ^^^^^^^^^^^^^^^^^^^^^^^ RL046 No contract.yaml found
node_p = "demo_infra.nodes.node_p.node:NodeP"
${MODELS}//- /src/demo_infra/nodes/node_n/__init__.py
contract_path = None
//- /src/demo_infra/nodes/node_p/node.py
class NodeP:
    @property
    def contract_path(self):
        return "/elsewhere/contract.yaml"
//- /src/demo_infra/nodes/node_p/contract.yaml
${contract('node_p')}`);
  });

  it('the values read: __file__-relative forms are paths; literals, calls and paths out of the repository are undecided', () => {
    const F = 'src/pkg/node/__init__.py';
    const at = (v: string, cls: string | null = null, text = `contract_path = ${v}\n`): string => {
      const e = explicitContractPath(
        moduleLines(text),
        F,
        cls,
        () => moduleBindings(text).of('contract_path').last !== null,
      );
      return e === null ? 'none' : e.kind === 'path' ? e.path : e.kind;
    };
    assert.equal(at('Path(__file__).parents[1] / "shared/contract.yaml"'), 'src/pkg/shared/contract.yaml');
    assert.equal(at('pathlib.Path(__file__).parent / ".." / "x" / "contract.yaml"'), 'src/pkg/x/contract.yaml');
    assert.equal(at('Path(__file__).parents[4] / "contract.yaml"'), 'undecided');
    assert.equal(at('Path("/abs/contract.yaml")'), 'undecided');
    assert.equal(at('Path(__file__).parent / "/abs.yaml"'), 'undecided');
    assert.equal(at('resolve_contract(__file__)'), 'undecided');
    assert.equal(at('"contract.yaml"'), 'undecided');
    assert.equal(at('None'), 'inert');
    // The last binding wins; an indented one (in a function or a branch) is not the module's.
    assert.equal(
      at('', null, 'contract_path = None\ncontract_path = Path(__file__).with_name("c.yaml")\n'),
      'src/pkg/node/c.yaml',
    );
    assert.equal(at('', null, 'def f():\n    contract_path = Path(__file__)\n'), 'none');
    // A class body: its own attribute, not another class's.
    const cls = 'class A:\n    contract_path = Path(__file__).parent / "a.yaml"\n\nclass B:\n    other = 1\n';
    assert.equal(at('', 'A', cls), 'src/pkg/node/a.yaml');
    assert.equal(at('', 'B', cls), 'none');
    // Hostile input: a huge run of blanks before no comment is read in one pass.
    assert.equal(at(`Path(__file__).parent / "a.yaml"${' '.repeat(200_000)}x`), 'undecided');
    assert.equal(at('', 'A.b', cls), 'none');
    assert.equal(at(`Path(__file__)${'.parent'.repeat(100_000)}`), 'undecided');
  });

  it('hover on an entry point says what its contract_path does', async () => {
    await checkHover(
      `//- ${PY}
[project.entry-points."onex.nodes"]
node_$0l = "demo_infra.nodes.node_l"
${MODELS}//- /src/demo_infra/nodes/node_l/__init__.py
contract_path = "contracts/node_l.yaml"
//- /src/demo_infra/nodes/node_l/contract.yaml
${contract('node_l')}`,
      ['src/demo_infra/nodes/node_l/__init__.py:1', 'relative to the runtime'],
    );
  });
});

describe('ONEX contracts: validators and their rules', () => {
  it("ContractLinter (when the pre-commit config runs it): CONTRACT-002/003/006/007/013 with difflib's did-you-mean", async () => {
    await checkDiagnostics(`//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${LINTER_GATES}//- /src/demo_infra/nodes/node_a/__init__.py

//- /src/demo_infra/nodes/node_a/contract.yaml
name: "node_a"
^^^^ RL050 Required field 'output_model' is missing
node_type: "EFECT_GENERIC"
#          ^^^^^^^^^^^^^^^ RL051 Did you mean 'EFFECT_GENERIC'?
contract_version: "1.0.0"
#                 ^^^^^^^ RL052 must be a dict
input_model: "demo_infra.models.ModelReq"
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL056 must be a dict with 'name' and 'module'
node_typ: x
^^^^^^^^ RL053 Did you mean 'node_type'?
`);
  });

  it("without the linter in the repository's gates, its rules are not reported; the setting names validators", async () => {
    const body = `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a', contract('node_a').replace('EFFECT_GENERIC', 'compute'))}`;
    await checkDiagnostics(body);
    const { engine } = await analyze(body, { onexValidators: ['auto-wiring', 'contract-linter', 'onex-validate'] });
    const d = engine.allDiagnostics().filter((x) => x.code === 'RL051');
    assert.equal(d.length, 1);
    // The first validator's objection is the message, the other's a related line at the same place.
    assert.match(d[0]?.message ?? '', /^ContractLinter \[CONTRACT-003\]/);
    assert.deepEqual(
      d[0]?.related.map((r) => [r.range, r.message.replace(/\]: .*/, ']')]),
      [[d[0]?.range, '`onex validate` (ModelYamlContract) [node_type]']],
    );
  });

  it("RL057: the compliance scan's topic pattern, when named; `onex compliance check` only wants the onex. prefix (a warning)", async () => {
    const topics = 'event_bus:\n  publish_topics:\n    - "onex.intent.platform.tick.v1"\n    - "demo.topic"\n';
    const handler = '//- /src/demo_infra/nodes/node_a/handler.py\n';
    const body = `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a', contract('node_a', topics))}${handler}`;
    const scan = await analyze(body, { onexValidators: ['compliance-scan'] });
    assert.deepEqual(
      scan.engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL057')
        .map((d) => [d.range.start.line, d.severity]),
      [
        [13, 'error'],
        [14, 'error'],
      ],
    );
    const check = await analyze(
      `${body}//- /.github/workflows/ci.yml\njobs: {c: {steps: [{run: uv run onex compliance check --repo-root .}]}}\n`,
    );
    assert.deepEqual(
      check.engine.allDiagnostics().map((d) => [d.code, d.range.start.line, d.severity]),
      [['RL057', 14, 'warning']],
    );
  });

  it('RL055: a handler class missing from its module (HANDLER_LOADER_011), a module missing from the repository; modules of other packages are not judged', async () => {
    await checkDiagnostics(`//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}//- /src/demo_infra/handlers.py
from demo_infra.base import HandlerReexported
class HandlerA:
    pass
${node(
  'node_a',
  contract(
    'node_a',
    `handler_routing:
  handlers:
    - handler: {name: "HandlerA", module: "demo_infra.handlers"}
    - handler: {name: "HandlerReexported", module: "demo_infra.handlers"}
    - handler: {name: "HandlerZ", module: "demo_infra.handlers"}
#                     ^^^^^^^^^^ RL055 'HandlerZ' is not defined in 'src/demo_infra/handlers.py'
    - handler: {name: "HandlerQ", module: "demo_infra.nothere"}
#                                         ^^^^^^^^^^^^^^^^^^^^ RL055 module 'demo_infra.nothere' is not in the repository
    - handler: {name: "HandlerCore", module: "omnibase_core.handlers"}
`,
  ),
)}`);
  });

  it("default_handler's bare module resolves beside the contract (test_parses_package_relative_default_handler)", async () => {
    await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}//- /src/demo_infra/nodes/node_a/handler.py\nclass NodeAHandler: pass\n` +
        `${node('node_a', contract('node_a', 'handler_routing:\n  default_handler: "handler:NodeAHandler"\n'))}`,
    );
  });

  it('RL058: handler contracts — handler_id segments, the archetype its prefix implies, required fields', async () => {
    await checkDiagnostics(`//- ${PY}\n${pyproject({})}//- /src/demo_infra/contracts/handlers/db/handler_contract.yaml
handler_id: "compute.db"
name: "handler_db"
contract_version: {major: 1, minor: 0, patch: 0}
descriptor:
  node_archetype: effect
#                 ^^^^^^ RL058 implies node_archetype='compute'
input_model: "a.B"
output_model: "a.C"
//- /src/demo_infra/contracts/handlers/http/handler_contract.yaml
handler_id: "http.1x"
#           ^^^^^^^^^ RL058 must start with letter or underscore
^^^^^^^^^^ RL058 Field required: name
contract_version: {major: 1, minor: 0, patch: 0}
descriptor: {node_archetype: effect}
input_model: "a.B"
output_model: "a.C"
`);
  });

  it('RL059: an artifact path that does not exist; a trigger glob whose directory does not exist; a glob whose directory exists is not judged', async () => {
    await checkDiagnostics(`//- ${PY}\n${pyproject({})}//- /docs/A.md\n# A\n//- /src/demo_infra/nodes/x.py\npass\n//- /src/demo_infra/registry/artifact_registry.yaml
artifacts:
  - title: "A"
    path: "docs/A.md"
    source_triggers:
      - pattern: "src/demo_infra/nodes/*/contract.yaml"
      - pattern: "src/demo_infra/handlers/**/*.py"
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL059 'src/demo_infra/handlers' does not exist
  - title: "B"
    path: "docs/B.md"
#         ^^^^^^^^^^^ RL059 which does not exist
`);
  });

  it('outside an ONEX repository (no onex.nodes table) a contract.yaml is not judged', async () => {
    await checkDiagnostics(`//- /pyproject.toml\n[project]\nname = "x"\n//- /nodes/a/contract.yaml\nname: 1\n`);
  });

  it('a pyproject.toml pip cannot read is a syntax error, on the line the parser names', async () => {
    // The parser points one past the line's last character: the range marks that character instead.
    await checkDiagnostics(`//- /pyproject.toml\n[project\n#      ^ RL030 pip cannot read this file\n`);
    await checkDiagnostics(
      `//- /pyproject.toml\n[project]\nname = "dem"\n\n[project.entry-points."onex.nodes"\n#                                ^ RL030 pip cannot read\nnode_a = "demo_infra.nodes.node_a"\n`,
    );
  });

  it('a TOML error at the end of the text, at a lone CR, or at an astral character stays inside the file', async () => {
    const rangeOf = async (text: string): Promise<string> => {
      const { engine } = await analyze(`//- ${PY}\nx\n`);
      engine.setFile('pyproject.toml', text);
      engine.update();
      const ds = engine.diagnostics('pyproject.toml').filter((d) => d.code === 'RL030');
      assert.equal(ds.length, 1, JSON.stringify(ds));
      const { start, end } = (ds[0] as (typeof ds)[0]).range;
      return `${start.line}:${start.character}-${end.line}:${end.character}`;
    };
    // A value missing at the end: the parser points past the text.
    assert.equal(await rangeOf('a = '), '0:3-0:4');
    // A lone `\r` ends the line for the editor; the parser points at it.
    assert.equal(await rangeOf('[project]\nname = "x" # a\rb = 1\n'), '1:13-1:14');
    assert.equal(await rangeOf('[project]\nname = "x" \uD83D\uDE00\n'), '1:11-1:13');
  });

  it('difflib: the ratio and the tie-break of get_close_matches', () => {
    assert.equal(ratio('abcd', 'bcde'), 0.75);
    assert.equal(closeMatch('node_typ', LINTER_FIELDS), 'node_type');
    assert.equal(closeMatch('input_modle', LINTER_FIELDS), 'input_model');
    assert.equal(closeMatch('versoin', LINTER_FIELDS), 'node_version');
    assert.equal(closeMatch('zzz_nonexistent', LINTER_FIELDS), null);
  });
});

describe('ONEX contracts: runtime profiles (ValidatorRuntimeProfiles, OMN-12957)', () => {
  // Cases mirror omnibase_core tests/unit/validation/test_validator_runtime_profiles.py.
  const GATES =
    '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: r, entry: uv run python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n';
  const repo = (profiles: string, extra = ''): string =>
    `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${GATES}${extra}${node('node_a', contract('node_a', profiles))}`;

  it('RL065 on each unregistered name, top level or under descriptor (normalised: strip, lower case)', async () => {
    await checkDiagnostics(
      repo(
        'runtime_profiles: ["main", " Effects ", "mian"]\n#                                       ^^^^^^ RL065 \'mian\' is not a registered runtime profile\n',
      ),
    );
    await checkDiagnostics(
      repo(
        'descriptor:\n  runtime_profiles: "lane-x"\n#                   ^^^^^^^^ RL065 ValidatorRuntimeProfiles [runtime_profile_unregistered]\n',
      ),
    );
  });

  it('registered names, a node on an allowlist, and a repository that does not run the validator: nothing', async () => {
    await checkDiagnostics(repo('runtime_profiles: [local-dev, projection-api, canary]\n'));
    await checkDiagnostics(
      repo(
        'runtime_profiles: [mian]\n',
        '//- /validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - node_id: node_a\n    reason: "legacy"\n',
      ),
    );
    await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a', contract('node_a', 'runtime_profiles: [mian]\n'))}`,
    );
  });

  it('a handler contract under src/ is read too; one under tests/fixtures/ is excluded', async () => {
    const handler = (id: string): string =>
      `handler_id: "effect.${id}"\nname: "${id}"\ncontract_version: {major: 1, minor: 0, patch: 0}\n` +
      `descriptor: {node_archetype: effect, runtime_profiles: [nowhere]}\ninput_model: "a.B"\noutput_model: "a.B"\n`;
    const diags = await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${GATES}${node('node_a')}` +
        `//- /src/demo_infra/handlers/h/handler_contract.yaml\n${handler('h').replace('[nowhere]}', `[nowhere]}\n#${' '.repeat(55)}^^^^^^^ RL065`)}` +
        `//- /tests/fixtures/h/handler_contract.yaml\n${handler('f')}`,
    );
    assert.equal(diags.length, 1);
  });
});

describe("ONEX contracts: runtime profiles from the project's omnibase_core", () => {
  const GATES =
    '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: r, entry: uv run python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n';
  const repo = (profiles: string, extra = ''): string =>
    `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${GATES}${extra}${node('node_a', contract('node_a', profiles))}`;
  /** An installed omnibase_core (as the host feeds it: its table modules and METADATA) registering `registered`. */
  const installedCore = (registered: string, version = '0.47.57'): string =>
    `//- /<python-env>/omnibase_core-${version}.dist-info/METADATA\nMetadata-Version: 2.4\nName: omnibase_core\nVersion: ${version}\n` +
    `//- /<python-env>/omnibase_core/constants/constants_runtime_profiles.py\nfrom __future__ import annotations\n\n` +
    `REGISTERED_RUNTIME_PROFILES: frozenset[str] = ${registered}\n` +
    'CONSUMER_ATTACHED_RUNTIME_PROFILES: frozenset[str] = frozenset(\n    {\n        "main",  # a lane\n        "edge",\n    }\n)\n';

  it('an installed newer omnibase_core: a profile it registers is no RL065, one it does not still is', async () => {
    const core = installedCore('frozenset({"main", "edge", "default"})');
    await checkDiagnostics(repo('runtime_profiles: [edge, main]\n', core));
    await checkDiagnostics(
      repo(
        "runtime_profiles: [edge, canary]\n#                        ^^^^^^ RL065 'canary' is not a registered runtime profile\n",
        core,
      ),
    );
    // Without it, the built-in registry (0.46.8) does not know `edge`.
    await checkDiagnostics(repo('runtime_profiles: [edge]\n#                  ^^^^ RL065\n'));
  });

  it('its consumer lanes too: a subscribing effect on its consumer-attached lane is drained', async () => {
    const sub = 'event_bus:\n  subscribe_topics: ["onex.evt.demo.x.v1"]\n';
    const diags = await checkDiagnostics(
      repo(`runtime_profiles: [edge]\n${sub}`, installedCore('frozenset({"edge", "effects"})')),
      {},
      { only: ['RL065', 'RL067'] },
    );
    assert.deepEqual(diags, []);
  });

  it('a table not written as a literal: the built-in one, and hover and Explain say so', async () => {
    const core = installedCore('frozenset(_names())');
    await checkDiagnostics(
      repo('runtime_profiles: [edge]\n#                  ^^^^ RL065\n', core),
      {},
      { only: ['RL065'] },
    );
    const text = repo('runtime_profiles: [ed$0ge]\n', core);
    await checkHover(text, [
      'not a registered runtime profile',
      'built in (omnibase_core 0.46.8 constants/constants_runtime_profiles',
      'does not write REGISTERED_RUNTIME_PROFILES as a literal',
    ]);
    const { engine } = await analyze(text.replace('$0', ''));
    const rows = (engine.explain({ step: 'node_a' }).sections ?? [])
      .filter((s) => s.title === 'Runtime profiles')
      .flatMap((s) => s.rows.map((r) => `${r.label}: ${r.text}${r.file ? ` @${r.file}` : ''}`));
    assert.deepEqual(rows, [
      `edge: not a registered runtime profile @src/demo_infra/nodes/node_a/contract.yaml`,
      'registry: built in (omnibase_core 0.46.8 constants/constants_runtime_profiles.py:43): ' +
        '<python-env>/omnibase_core/constants/constants_runtime_profiles.py:3 does not write REGISTERED_RUNTIME_PROFILES as a literal',
      'consumer lanes: omnibase_core 0.47.57, <python-env>/omnibase_core/constants/constants_runtime_profiles.py:4' +
        ' @<python-env>/omnibase_core/constants/constants_runtime_profiles.py',
    ]);
  });

  it('an omnibase_core whose validator predates the registry: only runtime_profiles_missing runs', async () => {
    const old =
      '//- /<python-env>/omnibase_core-0.44.2.dist-info/METADATA\nName: omnibase-core\nVersion: 0.44.2\n' +
      '//- /<python-env>/omnibase_core/validation/validator_runtime_profiles.py\n' +
      'from omnibase_core.validation.validator_topic_suffix import TOPIC_PREFIX\n\nRULE_RUNTIME_PROFILES_MISSING = "runtime_profiles_missing"\n';
    await checkDiagnostics(repo('runtime_profiles: [bogus]\n', old), {}, { only: ['RL065', 'RL066', 'RL067'] });
    await checkDiagnostics(
      repo(
        'runtime_profiles: []\n#                 ^^ RL066\nevent_bus:\n  subscribe_topics: ["onex.cmd.demo.start.v1"]\n',
        old,
      ),
      {},
      { only: ['RL065', 'RL066', 'RL067'] },
    );
    await checkHover(repo('runtime_profiles: [bo$0gus]\n', old), ['not judged', 'has no runtime-profile registry']);
  });

  it('hover on a profile names the installed version and file the registry came from', async () => {
    await checkHover(repo('runtime_profiles: [ed$0ge]\n', installedCore('frozenset({"edge"})')), [
      'registered; runs a standalone consumer',
      'Registry: omnibase_core 0.47.57, &lt;python-env&gt;/omnibase_core/constants/constants_runtime_profiles',
    ]);
  });

  it('with no omnibase_core found but one pinned by uv.lock, hover names the pin and the tables assumed', async () => {
    const lock =
      '//- /uv.lock\nversion = 1\n\n[[package]]\nname = "omnibase-core"\nversion = "0.47.57"\n' +
      'source = { registry = "https://pypi.org/simple" }\n';
    await checkHover(repo('runtime_profiles: [ma$0in]\n', lock), [
      'Registry: built in (omnibase_core 0.46.8 constants/constants_runtime_profiles',
      "omnibase_core 0.47.57 pinned in uv\\.lock; the checks assume 0.46.8's tables",
    ]);
    // Installed, the package is what the tables come from, whatever the lock pins.
    await checkHover(repo('runtime_profiles: [ed$0ge]\n', `${lock}${installedCore('frozenset({"edge"})')}`), [
      'Registry: omnibase_core 0.47.57, &lt;python-env&gt;',
    ]);
  });
});

describe('ONEX contracts: runtime profiles, the other two rules (ValidatorRuntimeProfiles, OMN-9886, OMN-12957)', () => {
  // Cases mirror omnibase_core tests/unit/validation/test_validator_runtime_profiles.py, class by class.
  const GATES =
    '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: r, entry: uv run python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n';
  const repo = (body: string, extra = ''): string =>
    `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${GATES}${extra}${node('node_a', body)}`;
  /** A contract of the given node_type and extra lines (the test's payload). */
  const of = (type: string, extra: string): string => contract('node_a', extra).replace('"EFFECT_GENERIC"', type);
  const CMD = 'event_bus:\n  subscribe_topics: ["onex.cmd.demo.start.v1"]\n';
  const only = { only: ['RL065', 'RL066', 'RL067'] };

  it('RL066 runtime_profiles_missing: an onex.cmd. subscription in either shape, on the topic (or the empty list)', async () => {
    // TestValidatorRuntimeProfilesViolations: classic, nested, a descriptor without profiles, an empty list.
    await checkDiagnostics(
      repo(
        of(
          'orchestrator',
          `${CMD}#                    ^^^^^^^^^^^^^^^^^^^^^^^^ RL066 consumes the command topic 'onex.cmd.demo.start.v1'\n`,
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          'compute',
          'event_bus:\n  subscribe:\n    - {topic: "onex.cmd.demo.do.v1", consumer_group: g1}\n#             ^^^^^^^^^^^^^^^^^^^^^ RL066 ValidatorRuntimeProfiles [runtime_profiles_missing]\n',
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          'orchestrator',
          `descriptor: {purity: effectful}\n${CMD}#                    ^^^^^^^^^^^^^^^^^^^^^^^^ RL066\n`,
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(of('orchestrator', `runtime_profiles: []\n#                 ^^ RL066\n${CMD}`)),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          'compute',
          'event_bus:\n  subscribe: ["onex.evt.demo.done.v1", "onex.cmd.demo.do.v1"]\n#                                      ^^^^^^^^^^^^^^^^^^^^^ RL066\n',
        ),
      ),
      {},
      only,
    );
  });

  it('declared profiles (top level or descriptor), event-only or no subscriptions, an allowlisted node: nothing', async () => {
    // TestValidatorRuntimeProfilesPasses.
    await checkDiagnostics(repo(of('orchestrator', `runtime_profiles: ["effects"]\n${CMD}`)), {}, only);
    await checkDiagnostics(
      repo(of('orchestrator', `descriptor: {purity: effectful, runtime_profiles: ["effects"]}\n${CMD}`)),
      {},
      only,
    );
    await checkDiagnostics(
      repo(of('compute', 'event_bus:\n  subscribe_topics: ["onex.evt.demo.completed.v1"]\n')),
      {},
      only,
    );
    await checkDiagnostics(repo(of('compute', '')), {}, only);
    await checkDiagnostics(
      repo(
        of('compute', CMD),
        '//- /validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: read-only}\n',
      ),
      {},
      only,
    );
  });

  it('RL065 beside the other rules: "compute" is no profile; of [main, bogus] only bogus', async () => {
    // TestValidatorRuntimeProfileUnregistered.
    await checkDiagnostics(
      repo(
        of(
          'compute',
          'runtime_profiles: ["compute"]\n#                  ^^^^^^^^^ RL065 \'compute\'\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n',
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          'orchestrator',
          `descriptor: {runtime_profiles: ["does-not-exist"]}\n#                               ^^^^^^^^^^^^^^^^ RL065\n${CMD}`,
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(repo(of('orchestrator', `runtime_profiles: ["effects", "workers"]\n${CMD}`)), {}, only);
    await checkDiagnostics(
      repo(
        of(
          'orchestrator',
          `runtime_profiles: ["main", "bogus"]\n#                          ^^^^^^^ RL065 'bogus'\n${CMD}`,
        ),
      ),
      {},
      only,
    );
  });

  it('RL067 runtime_profile_no_consumer_lane: a subscribing effect or reducer naming only registered non-consumer lanes, on its profiles', async () => {
    // TestValidatorRuntimeProfileNoConsumerLane.
    await checkDiagnostics(
      repo(
        of(
          'effect',
          'runtime_profiles: ["canary"]\n#                 ^^^^^^^^^^ RL067 never drained\nevent_bus:\n  subscribe_topics: ["onex.cmd.demo.do.v1"]\n',
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          '"REDUCER_GENERIC"',
          'runtime_profiles: ["projection-api"]\n#                 ^^^^^^^^^^^^^^^^^^ RL067 this reducer\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.happened.v1"]\n',
        ),
      ),
      {},
      only,
    );
    // An unregistered name is RL065's and does not count toward a lane; a registered non-consumer one still does.
    await checkDiagnostics(
      repo(
        of(
          'effect',
          'runtime_profiles: [canary, bogus]\n#                 ^^^^^^^^^^^^^^^ RL067 [canary]\n#                          ^^^^^ RL065\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n',
        ),
      ),
      {},
      only,
    );
    // node_type blank: descriptor.node_archetype decides (_node_kind, :218).
    await checkDiagnostics(
      repo(
        of(
          '""',
          'descriptor:\n  node_archetype: effect\n  runtime_profiles: local-dev\n#                   ^^^^^^^^^ RL067\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n',
        ),
      ),
      {},
      only,
    );
    await checkDiagnostics(repo(of('effect', `runtime_profiles: ["effects"]\n${CMD}`)), {}, only);
    await checkDiagnostics(
      repo(of('compute', 'runtime_profiles: ["canary"]\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n')),
      {},
      only,
    );
    await checkDiagnostics(
      repo(of('effect', 'runtime_profiles: ["canary"]\nevent_bus:\n  publish_topics: ["onex.evt.demo.done.v1"]\n')),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of(
          'effect',
          'runtime_profiles: [bogus]\n#                  ^^^^^ RL065\nevent_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n',
        ),
      ),
      {},
      only,
    );
  });

  it('an allowlisted node is exempt from every rule (TestAllowlistFreezesAllRules)', async () => {
    const list = '//- /validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: frozen}\n';
    await checkDiagnostics(
      repo(
        of('effect', 'runtime_profiles: ["canary"]\nevent_bus:\n  subscribe_topics: ["onex.cmd.demo.do.v1"]\n'),
        list,
      ),
      {},
      only,
    );
    await checkDiagnostics(repo(of('compute', `runtime_profiles: ["compute"]\n${CMD}`), list), {}, only);
  });

  it("the allowlist: the repository's baseline beside its nearest pyproject.toml, core's default, or what the gate passes", async () => {
    // TestRepoBaselineAllowlistDiscovery; _discover_repo_allowlist_path (:146) stops at the first pyproject.toml.
    const body = of('compute', 'runtime_profiles: ["compute"]\n#                  ^^^^^^^^^ RL065\n');
    await checkDiagnostics(
      repo(
        body,
        '//- /validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: some_other_node, reason: r}\n',
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        body,
        '//- /src/demo_infra/pyproject.toml\n[project]\nname = "inner"\n//- /validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: r}\n',
      ),
      {},
      only,
    );
    // Only core's own default counts, not any file of that name (a test fixture's).
    await checkDiagnostics(
      repo(body, '//- /tests/data/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: r}\n'),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        of('compute', 'runtime_profiles: ["compute"]\n'),
        '//- /src/omnibase_core/validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: r}\n',
      ),
      {},
      only,
    );
    // omnibase_infra's hook passes allowlist_path=Path('config/validation/…') (.pre-commit-config.yaml:529); it replaces core's default.
    const infra = `//- /.github/workflows/v.yml\njobs: {v: {steps: [{run: "python -c 'ValidatorRuntimeProfiles(allowlist_path=Path(\\"config/validation/runtime_profiles_allowlist.yaml\\"))'"}]}}\n`;
    await checkDiagnostics(
      repo(
        of('compute', 'runtime_profiles: ["compute"]\n'),
        `${infra}//- /config/validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: r}\n`,
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(
        body,
        `${infra}//- /src/omnibase_core/validation/runtime_profiles_allowlist.yaml\nallowlist:\n  - {node_id: node_a, reason: r}\n`,
      ),
      {},
      only,
    );
  });
});

describe('ONEX contracts: `onex compliance check`, checks 1, 2 and 7 (cli_compliance.py)', () => {
  const GATES =
    '//- /.github/workflows/ci.yml\njobs: {c: {steps: [{run: uv run onex compliance check --repo-root .}]}}\n';
  const DIR = '/src/demo_infra/nodes/node_a';
  const repo = (body: string, extra = ''): string =>
    `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${GATES}${extra}${node('node_a', body)}`;
  const only = { only: ['RL054', 'RL068', 'RL069'] };

  it("RL068 handler_resolution: neither default_handler's module file nor handler.py beside the contract (a warning: CI only warns)", async () => {
    const diags = await checkDiagnostics(
      repo(
        contract('node_a').replace('name: "node_a"', 'name: "node_a"\n#     ^^^^^^^^ RL068 looked for \'handler.py\''),
      ),
      {},
      only,
    );
    assert.equal(diags[0]?.severity, 'warning');
    await checkDiagnostics(repo(contract('node_a'), `//- ${DIR}/handler.py\n`), {}, only);
    const routed = contract('node_a', 'handler_routing:\n  default_handler: "handler_x:HandlerX"\n');
    await checkDiagnostics(repo(routed, `//- ${DIR}/handler_x.py\nclass HandlerX: pass\n`), {}, only);
    await checkDiagnostics(
      repo(`${routed}#                  ^^^^^^^^^^^^^^^^^^^^ RL068 looked for 'handler_x.py', then 'handler.py'\n`),
      {},
      only,
    );
    // The module part is a file name beside the contract: a dotted module path names none, handler.py still passes.
    const dotted = contract(
      'node_a',
      'handler_routing:\n  default_handler: "demo_infra.nodes.node_a.handler_x:HandlerX"\n',
    );
    await checkDiagnostics(repo(dotted, `//- ${DIR}/handler.py\n`), {}, only);
  });

  it('the CLI skips any contract under examples/; a repository that does not run it: nothing', async () => {
    const flagged = contract('node_a').replace('name: "node_a"', 'name: "node_a"\n#     ^^^^^^^^ RL068');
    await checkDiagnostics(
      repo(flagged, `//- /src/demo_infra/examples/node_x/contract.yaml\n${contract('node_x')}`),
      {},
      only,
    );
    await checkDiagnostics(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}${node('node_a')}`,
      {},
      only,
    );
  });

  it('RL069 config_readiness: config_requirements present and not a list (null too); a list passes', async () => {
    const handler = `//- ${DIR}/handler.py\n`;
    await checkDiagnostics(
      repo(
        contract('node_a', 'config_requirements:\n  db: required\n# ^^^^^^^^^^^^ RL069 must be a list, got dict\n'),
        handler,
      ),
      {},
      only,
    );
    await checkDiagnostics(
      repo(contract('node_a', 'config_requirements:\n^^^^^^^^^^^^^^^^^^^ RL069 got NoneType\n'), handler),
      {},
      only,
    );
    await checkDiagnostics(repo(contract('node_a', 'config_requirements: [DB_URL]\n'), handler), {}, only);
  });

  it("hover on the entry point counts the check's and ValidatorRuntimeProfiles' objections among the verdicts", async () => {
    const gates = `${GATES}//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: r, entry: python -m omnibase_core.validation.validator_runtime_profiles src/}]}]\n`;
    const body = contract('node_a', 'event_bus:\n  subscribe_topics: ["onex.cmd.demo.x.v1"]\n');
    const text = `//- ${PY}\n[project.entry-points."onex.nodes"]\nnode_$0a = "demo_infra.nodes.node_a"\n${MODELS}${gates}${node('node_a', body)}`;
    await checkHover(text, ['\\`onex compliance check\\`: 1 objection', 'ValidatorRuntimeProfiles: 1 objection']);
  });

  it('RL054 contract_parse: a contract that is not a mapping, or several YAML documents', async () => {
    await checkDiagnostics(repo('- a\n^^^ RL054 Expected YAML dict, got list\n'), {}, only);
    await checkDiagnostics(
      repo(
        `${contract('node_a')}---\n^^^ RL054 yaml.safe_load fails, so auto-wiring skips the contract\nname: b\n`,
        `//- ${DIR}/handler.py\n`,
      ),
      {},
      only,
    );
  });
});

describe('ONEX contracts: editor features', () => {
  const repo = (cursorInPy: boolean): string => `//- ${PY}
[project.entry-points."onex.nodes"]
${cursorInPy ? 'node_$0a' : 'node_a'} = "demo_infra.nodes.node_a"
${MODELS}${node('node_a', contract('node_a', 'event_bus:\n  publish_topics: ["onex.evt.demo.done.v1"]\n'))}${node('node_b', contract('node_b', 'event_bus:\n  subscribe_topics: ["onex.evt.demo.done.v1"]\n'))}`;

  it("hover on an entry point shows the node, its contract and the validators' verdicts", async () => {
    await checkHover(repo(true), [
      '**node_a**',
      'src/demo_infra/nodes/node_a/contract.yaml',
      'auto-wiring discovery: accepts',
    ]);
  });

  it("definition from an entry point goes to its contract's name, from a model reference to the class", async () => {
    await checkDefinition(
      `//- ${PY}\n[project.entry-points."onex.nodes"]\nnode_$0a = "demo_infra.nodes.node_a"\n${MODELS}//- /src/demo_infra/nodes/node_a/__init__.py\n\n//- /src/demo_infra/nodes/node_a/contract.yaml\nname: "node_a"\n#     ^^^^^^^^ def\n`,
    );
    await checkDefinition(
      `//- ${PY}\n[project.entry-points."onex.nodes"]\nnode_a = "demo_infra.nodes.node_a"\n//- /src/demo_infra/__init__.py\n\n//- /src/demo_infra/models.py\nclass ModelReq:\n^^^^^^^^^^^^^^ def\n    pass\n` +
        `//- /src/demo_infra/nodes/node_a/__init__.py\n\n//- /src/demo_infra/nodes/node_a/contract.yaml\nname: "node_a"\ninput_model:\n  name: "Model$0Req"\n  module: "demo_infra.models"\n`,
    );
  });

  it('hover and Explain cite no bare upstream file or ticket (docs/onex-contracts.md cites them with the package)', async () => {
    const bare = /\w\.py:\d|OMN-\d/;
    // node_a: a package (strategy 2) whose contract ContractLinter objects to; node_b: no entry point.
    const text = `//- ${PY}\n[project.entry-points."onex.nodes"]\nnode_$0a = "demo_infra.nodes.node_a"\n${MODELS}${LINTER_GATES}${node(
      'node_a',
      contract('node_a', 'node_capabilities: {}\n'),
    )}${node('node_b')}`;
    const hover = await checkHover(text, ["the package's \\_\\_path\\_\\_ (strategy 2)"]);
    assert.doesNotMatch(hover, bare);
    const { engine } = await analyze(text);
    const rows = (step: string): string[] =>
      (engine.explain({ step }).sections ?? []).flatMap((s) => s.rows.map((r) => `${r.label} ${r.text}`));
    assert.ok(rows('node_a').some((r) => /^ContractLinter CONTRACT-013: Unknown field 'node_capabilities'/.test(r)));
    assert.ok(rows('node_b').includes(' none: auto-wiring never discovers this node'));
    for (const r of [...rows('node_a'), ...rows('node_b')]) assert.doesNotMatch(r, bare);
  });

  it("completion of node_type offers what the repository's validators accept", async () => {
    await checkCompletion(
      `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${LINTER_GATES}//- /src/demo_infra/nodes/node_a/__init__.py\n\n//- /src/demo_infra/nodes/node_a/contract.yaml\nname: "node_a"\nnode_type: EF$0\n`,
      ['EFFECT_GENERIC', 'COMPUTE_GENERIC'],
      ['COMPUTE'],
    );
  });

  it('Explain of a node: entry point → package → contract → handlers and models → topics → validators; list, the topic graph and symbols', async () => {
    const { engine } = await analyze(repo(false));
    const x = engine.explain({ step: 'node_a' });
    assert.ok(x.found);
    assert.deepEqual(
      x.sections?.map((s) => s.title),
      ['Entry point', 'Package', 'Contract', 'Handlers and models', 'Topics', 'Validators'],
    );
    assert.match(x.sections?.[4]?.rows[0]?.text ?? '', /onex\.evt\.demo\.done\.v1 ↔ node_b/);
    const orphan = engine.explain({ step: 'node_b' });
    assert.match(orphan.summary, /never auto-wired/);
    assert.deepEqual(
      engine
        .list()
        .filter((r) => r.source === 'onex.nodes')
        .map((r) => r.name),
      ['node_a', 'node_b'],
    );
    const g = engine.graph();
    assert.deepEqual(
      g.edges.map((e) => `${e.from}->${e.to}`),
      ['node_a->node_b'],
    );
    // the graph's nodes are the nodes' entry points (node_b has none: its contract), which a click opens
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.source, n.file, n.range?.start.line]),
      [
        ['node_a', 'onex.nodes', 'pyproject.toml', 1],
        ['node_b', 'onex.nodes', 'src/demo_infra/nodes/node_b/contract.yaml', 0],
      ],
    );
    assert.deepEqual(
      engine
        .documentSymbols('src/demo_infra/nodes/node_a/contract.yaml')
        .map((s) => [s.name, s.children.map((c) => c.name)]),
      [['node_a', ['ModelReq', 'ModelReq', 'onex.evt.demo.done.v1']]],
    );
  });
});

describe('ONEX contracts: a re-exported class (inspect.getfile names the module defining it)', () => {
  // Each entry point was run through the real `_resolve_contract_path` (discovery.py:318-369, extracted with
  // `ast`, Python 3.12) on this tree; `real` is what it picked, `lens` where Registry Lens does not judge.
  const N = '/src/demo_infra/nodes';
  const files: Record<string, string> = {
    [`${N}/n1/__init__.py`]: 'from .impl.node import Node1\n',
    [`${N}/n1/impl/__init__.py`]: '',
    [`${N}/n1/impl/node.py`]: 'class Node1:\n    pass\n',
    [`${N}/n1/impl/contract.yaml`]: contract('n1_impl'),
    [`${N}/n1/contract.yaml`]: contract('n1'),
    [`${N}/n2/__init__.py`]: 'from demo_infra.shared.base import Node2\n',
    '/src/demo_infra/shared/base.py': 'class Node2:\n    pass\n',
    [`${N}/n2/contract.yaml`]: contract('n2'),
    [`${N}/n3/__init__.py`]: 'from .impl.node import Impl as Node3\n',
    [`${N}/n3/impl/node.py`]: 'class Impl:\n    pass\n',
    [`${N}/n3/impl/contract.yaml`]: contract('n3'),
    [`${N}/n4/__init__.py`]: 'from .api import Node4\n',
    [`${N}/n4/api.py`]: 'from .impl.core import Node4\n',
    [`${N}/n4/impl/core.py`]: 'class Node4:\n    pass\n',
    [`${N}/n4/impl/contract.yaml`]: contract('n4'),
    [`${N}/n5/__init__.py`]: 'from .impl.node import *\n',
    [`${N}/n5/impl/node.py`]: 'class Node5:\n    pass\n',
    [`${N}/n5/impl/contract.yaml`]: contract('n5'),
    [`${N}/n9/__init__.py`]: 'from ..n9impl.node import (\n    Other,\n    Node9,\n)\n',
    [`${N}/n9impl/node.py`]: 'class Other:\n    pass\nclass Node9:\n    pass\n',
    [`${N}/n9impl/contract.yaml`]: contract('n9impl'),
    [`${N}/n9/contract.yaml`]: contract('n9'),
    [`${N}/n10/__init__.py`]: 'from json import JSONDecoder as Node10\n',
    [`${N}/n10/contract.yaml`]: contract('n10'),
    [`${N}/n11/__init__.py`]: 'from .impl import node as m\nNode11 = m.Impl\n',
    [`${N}/n11/impl/node.py`]: 'class Impl:\n    pass\n',
    [`${N}/n11/impl/contract.yaml`]: contract('n11'),
    [`${N}/n13/__init__.py`]: 'from .a import Node13\n',
    [`${N}/n13/a.py`]: 'from .b import Node13\n',
    [`${N}/n13/b.py`]: 'from .a import Node13\n',
    [`${N}/n13/contract.yaml`]: contract('n13'),
    [`${N}/n14/__init__.py`]: 'from .impl.node import Node14\n',
    [`${N}/n14/impl/node.py`]:
      'from pathlib import Path\nclass Node14:\n    contract_path = Path(__file__).parent / "alt" / "contract.yaml"\n',
    [`${N}/n14/impl/alt/contract.yaml`]: contract('n14_alt'),
    [`${N}/n14/contract.yaml`]: contract('n14'),
    [`${N}/n15/__init__.py`]: '',
    [`${N}/n15/api.py`]: 'from demo_infra.nodes.n15.deep.node import Node15\n',
    [`${N}/n15/deep/node.py`]: 'class Node15:\n    pass\n',
    [`${N}/n15/deep/contract.yaml`]: contract('n15_deep'),
    [`${N}/n15/contract.yaml`]: contract('n15'),
    [`${N}/n16/__init__.py`]: 'class Node16:\n    pass\nfrom .impl.node import Node16\n',
    [`${N}/n16/impl/node.py`]: 'class Node16:\n    pass\n',
    [`${N}/n16/impl/contract.yaml`]: contract('n16_impl'),
    [`${N}/n16/contract.yaml`]: contract('n16'),
    [`${N}/n17/__init__.py`]: 'from .impl.node import *\n',
    [`${N}/n17/impl/node.py`]: '__all__ = ["Other"]\nclass Other:\n    pass\nclass Node17:\n    pass\n',
    [`${N}/n17/impl/contract.yaml`]: contract('n17'),
    [`${N}/n18/__init__.py`]: 'from .impl import Node18\n',
    [`${N}/n18/impl/__init__.py`]: 'from .deep.node import Node18\n',
    [`${N}/n18/impl/deep/node.py`]: 'class Node18:\n    pass\n',
    [`${N}/n18/impl/contract.yaml`]: contract('n18'),
    [`${N}/n19/__init__.py`]: 'from .impl import node as Node19\n',
    [`${N}/n19/impl/__init__.py`]: '',
    [`${N}/n19/impl/node.py`]: 'X = 1\n',
    [`${N}/n19/impl/contract.yaml`]: contract('n19'),
    [`${N}/n20/__init__.py`]: 'from .impl.node import Node20\n',
    [`${N}/n20/impl/node.py`]: 'class Other:\n    pass\n',
    [`${N}/n20/contract.yaml`]: contract('n20'),
    [`${N}/n21/__init__.py`]: 'def __getattr__(name):\n    from .impl.node import Node21\n    return Node21\n',
    [`${N}/n21/impl/node.py`]: 'class Node21:\n    pass\n',
    [`${N}/n21/impl/contract.yaml`]: contract('n21'),
    [`${N}/n22/__init__.py`]: 'from .impl.node import *\n',
    [`${N}/n22/impl/node.py`]: 'class Other:\n    pass\n',
    [`${N}/n22/contract.yaml`]: contract('n22'),
    [`${N}/n23/__init__.py`]: 'from .impl.node import Node23\n"""Usage:\n\n    from .gone import Node23\n"""\n',
    [`${N}/n23/impl/node.py`]: 'class Node23:\n    pass\n',
    [`${N}/n23/impl/contract.yaml`]: contract('n23'),
    [`${N}/n24/__init__.py`]:
      'class Node24:\n    pass\ndef f():\n    from .impl.node import Node24\n    return Node24\n',
    [`${N}/n24/impl/node.py`]: 'class Other:\n    pass\n',
    [`${N}/n24/contract.yaml`]: contract('n24'),
    [`${N}/n25/__init__.py`]: 'try:\n    from .impl.node import Node25\nexcept ImportError:\n    Node25 = None\n',
    [`${N}/n25/impl/node.py`]: 'class Other:\n    pass\n',
    [`${N}/n25/contract.yaml`]: contract('n25'),
  };
  const numbers = [1, 2, 3, 4, 5, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25];
  const entries: Record<string, string> = Object.fromEntries(
    numbers
      .map((i) => [`n${i}`, `demo_infra.nodes.n${i}:Node${i}`])
      .concat([['n15', 'demo_infra.nodes.n15.api:Node15']]),
  );
  const modules = Object.entries(files)
    .map(([f, t]) => `//- ${f}\n${t}`)
    .join('');
  const tree = `//- ${PY}\n${pyproject(entries)}${MODELS}${modules}`;
  const C = 'src/demo_infra/nodes';

  it('each entry point reads the contract the real discovery reads, or fails as it does; undecided: none', async () => {
    const { engine } = await analyze(tree);
    const summary = (n: string): string => engine.explain({ step: n }).summary;
    const expected: Record<string, string> = {
      n1: `n1 → ${C}/n1/impl/contract.yaml`, // real: src/exp/nodes/n1/impl/contract.yaml
      // real: the same FileNotFoundError
      n2: 'n2: No contract.yaml found (searched src/demo_infra/shared and src/demo_infra)',
      n3: `n3 → ${C}/n3/impl/contract.yaml`, // `as` alias
      n4: `n4 → ${C}/n4/impl/contract.yaml`, // a chain of two re-exports
      n5: `n5 → ${C}/n5/impl/contract.yaml`, // a star import
      n9: `n9 → ${C}/n9impl/contract.yaml`, // `from ..` parenthesised
      // real: searched the stdlib's json/ (FileNotFoundError); outside the repository: not judged
      n10: 'n10: no contract',
      n11: 'n11: no contract', // real: n11/impl/contract.yaml; an assignment: not judged
      n13: 'n13: no contract', // real: ImportError (circular import); not judged
      n14: `n14 → ${C}/n14/impl/alt/contract.yaml`, // the defining class's contract_path
      n15: `n15 → ${C}/n15/deep/contract.yaml`, // an entry point naming a plain module that re-exports
      n16: `n16 → ${C}/n16/impl/contract.yaml`, // the last binding wins
      n17: 'n17: no contract', // real: AttributeError (__all__ leaves it out); not judged
      n18: `n18 → ${C}/n18/impl/contract.yaml`, // through a subpackage's __init__
      n19: `n19 → ${C}/n19/impl/contract.yaml`, // `from .impl import node as Node19`: the module object
      n20:
        "n20: Failed to load entry point: cannot import name 'Node20' " +
        '(src/demo_infra/nodes/n20/impl/node.py neither defines nor imports it)',
      // real: the same, through the module __getattr__; its body's import is read as the binding (no top-level one)
      n21: `n21 → ${C}/n21/impl/contract.yaml`,
      n22: "n22: Failed to load entry point: module 'demo_infra.nodes.n22' has no attribute 'Node22'", // AttributeError
      n23: `n23 → ${C}/n23/impl/contract.yaml`, // an import in a docstring binds nothing
      n24: `n24 → ${C}/n24/contract.yaml`, // a function's import does not rebind the top-level class
      // real: TypeError (the except branch binds None); a block's import whose source lacks it: not judged
      n25: 'n25: no contract',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((n) => [n, summary(n)])), expected);
    const lines = pyproject(entries).split('\n');
    const rl046 = engine
      .allDiagnostics()
      .filter((d) => d.code === 'RL046')
      .map((d) => lines[d.range.start.line]?.split(' ')[0]);
    assert.deepEqual(rl046, ['n2', 'n20', 'n22']);
    // Contracts beside the re-exporting __init__.py lie in a directory an entry point names: no RL047.
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL047')
        .map((d) => d.file),
      [],
    );
  });

  it('Explain names each re-export and the defining module; hover says it; F12 reaches the contract', async () => {
    const x = (await analyze(tree)).engine.explain({ step: 'n4' });
    assert.deepEqual(
      x.sections?.find((s) => s.title === 'Package')?.rows.map((r) => [r.label, r.text]),
      [
        ['package', `${C}/n4/__init__.py`],
        ['re-exported by', `${C}/n4/api.py:1`],
        ['defined in', `${C}/n4/impl/core.py:1`],
      ],
    );
    const py = pyproject(entries).replace('n4 = "', 'n$04 = "');
    await checkHover(tree.replace(pyproject(entries), py), [
      'Its class\\: Node4 is defined in src/demo_infra/nodes/n4/impl/core\\.py\\:1, re-exported by',
      'n4/\\_\\_init\\_\\_\\.py\\:1 ← src/demo_infra/nodes/n4/api\\.py\\:1',
      `${C}/n4/impl/contract.yaml`,
    ]);
    const def = tree
      .replace(pyproject(entries), py)
      .replace(
        `${N}/n4/impl/contract.yaml\n${contract('n4')}`,
        `${N}/n4/impl/contract.yaml\n${contract('n4').replace('name: "n4"', 'name: "n4"\n#     ^^^^ def')}`,
      );
    await checkDefinition(def);
  });

  it('class references follow the same rule: F12 reaches the class; RL055 names the module without it', async () => {
    const head = `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}${MODELS}`;
    await checkDiagnostics(`${head}//- /src/demo_infra/handlers/__init__.py
from .impl import HandlerR, HandlerGone as HandlerG
from .star import *
//- /src/demo_infra/handlers/impl.py
class HandlerR:
    pass
//- /src/demo_infra/handlers/star.py
class HandlerS:
    pass
${node(
  'node_a',
  contract(
    'node_a',
    `handler_routing:
  handlers:
    - handler: {name: "HandlerR", module: "demo_infra.handlers"}
    - handler: {name: "HandlerS", module: "demo_infra.handlers"}
    - handler: {name: "HandlerG", module: "demo_infra.handlers"}
#                     ^^^^^^^^^^ RL055 'HandlerG' is imported from 'src/demo_infra/handlers/impl.py', which neither
    - handler: {name: "HandlerX", module: "demo_infra.handlers"}
#                     ^^^^^^^^^^ RL055 'HandlerX' is not defined in 'src/demo_infra/handlers/__init__.py'
`,
  ),
)}`);
    await checkDefinition(`${head}//- /src/demo_infra/handlers/__init__.py
from .impl import HandlerR
//- /src/demo_infra/handlers/impl.py
class HandlerR:
^^^^^^^^^^^^^^ def
    pass
${node(
  'node_a',
  contract(
    'node_a',
    `handler_routing:
  handlers:
    - handler: {name: "Handler$0R", module: "demo_infra.handlers"}
`,
  ),
)}`);
  });
});

describe('ONEX contracts: an open contract read first', () => {
  const HANDLER_CONTRACT = 'src/demo_infra/contracts/handlers/db/handler_contract.yaml';
  it("an open node or handler contract reads the family's files first, not others'; a pyproject all", async () => {
    const head = `//- ${PY}\n${pyproject({ node_a: 'demo_infra.nodes.node_a' })}`;
    const { engine } = await analyze(
      `${head}${MODELS}${node('node_a')}` + '//- /src/cursus/registry/step_names.py\nSTEP_NAMES = {}\n',
    );
    // A workspace's builder is in its own context's part; registries (step_names.py) every open file reads.
    const builder = 'developer_workspaces/developers/dev0/src/cursus_dev/steps/builders/builder_x_step.py';
    const contractFirst = engine.interest().first(['src/demo_infra/nodes/node_a/contract.yaml']);
    assert.deepEqual(
      ['pyproject.toml', 'src/demo_infra/nodes/node_b/contract.yaml', '.pre-commit-config.yaml', builder].map(
        contractFirst,
      ),
      [true, true, true, false],
    );
    assert.equal(engine.interest().first([HANDLER_CONTRACT])(builder), false);
    assert.equal(engine.interest().first(['pyproject.toml'])(builder), true);
  });
});
