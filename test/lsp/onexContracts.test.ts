// ONEX node contracts over LSP, on a copy of an omnibase_infra-style node: the contract's diagnostics
// name their validator; hover on its name is the node; definition goes from the entry point in
// pyproject.toml to the contract and from a handler reference to its class; a handler module created on
// disk (didChangeWatchedFiles) resolves the reference.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { Diagnostic, Hover, Location } from 'vscode-languageserver-types';
import { TestClient, writeFile } from './client';
import { againstFresh } from './fresh';

const PY = 'pyproject.toml';
const NODE = 'src/demo_infra/nodes/node_alpha_effect';
const CONTRACT = `${NODE}/contract.yaml`;
const HANDLER = `${NODE}/handlers/handler_alpha.py`;
const CONTRACT_TEXT = `name: "node_alpha_effect"
node_type: "EFFECT_GENERIC"
description: "d"
contract_version: {major: 1, minor: 0, patch: 0}
node_version: "1.0.0"
input_model: {name: "ModelAlpha", module: "demo_infra.models"}
output_model: {name: "ModelAlpha", module: "demo_infra.models"}
handler_routing:
  handlers:
    - handler: {name: "HandlerAlpha", module: "demo_infra.nodes.node_alpha_effect.handlers.handler_alpha"}
`;
const FILES = new Map([
  [
    PY,
    '[project]\nname = "demo-infra"\n\n[project.entry-points."onex.nodes"]\nnode_alpha_effect = "demo_infra.nodes.node_alpha_effect"\n',
  ],
  ['.pre-commit-config.yaml', 'repos: [{hooks: [{id: c, entry: uv run python scripts/validate.py contracts}]}]\n'],
  ['src/demo_infra/__init__.py', ''],
  ['src/demo_infra/models.py', 'class ModelAlpha:\n    pass\n'],
  [`${NODE}/__init__.py`, ''],
  [CONTRACT, CONTRACT_TEXT],
  [HANDLER, 'class HandlerAlpha:\n    pass\n'],
]);
const CREATED = 1;
const DELETED = 3;
const said = (d: Diagnostic | undefined): string =>
  d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value;
const codes = (ds: Diagnostic[]): string[] =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);

describe('lsp: ONEX node contracts', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(FILES);
  });
  after(() => c.stop());

  it('a handler module deleted on disk gives RL055 by auto-wiring; created again, it goes', async () => {
    await c.open(CONTRACT, CONTRACT_TEXT);
    await c.diagnosticsOf(CONTRACT, 'analysed clean', (ds) => ds.length === 0);
    rmSync(c.abs(HANDLER));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(HANDLER), type: DELETED }] });
    const gone = await c.diagnosticsOf(CONTRACT, 'RL055', (ds) => codes(ds).join() === 'RL055@9:46');
    assert.match(said(gone[0]), /^auto-wiring discovery \[import\]/);
    writeFile(c.root, HANDLER, 'class HandlerAlpha:\n    pass\n');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(HANDLER), type: CREATED }] });
    await c.diagnosticsOf(CONTRACT, 'RL055 gone', (ds) => ds.length === 0);
  });

  it("a typo in node_type is the linter's CONTRACT-003 with its did-you-mean, as the user types", async () => {
    await c.change(CONTRACT, { start: { line: 1, character: 11 }, end: { line: 1, character: 27 } }, '"EFECT_GENERIC"');
    const ds = await c.diagnosticsOf(CONTRACT, 'RL051', (x) => x.some((d) => d.code === 'RL051'));
    assert.match(
      said(ds.find((d) => d.code === 'RL051')),
      /ContractLinter \[CONTRACT-003\].*Did you mean 'EFFECT_GENERIC'\?/,
    );
    await c.replace(CONTRACT, CONTRACT_TEXT);
    await c.diagnosticsOf(CONTRACT, 'clean again', (x) => x.length === 0);
  });

  it("hover on the contract's name is the node; definition from the entry point and from a handler reference", async () => {
    const hover = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(CONTRACT) },
      position: { line: 0, character: 10 },
    });
    assert.match((hover.contents as { value: string }).value, /\*\*node_alpha_effect\*\* — ONEX node/);
    await c.open(PY, FILES.get(PY) ?? '');
    const toContract = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(PY) },
      position: { line: 4, character: 3 },
    });
    assert.deepEqual(
      toContract.map((d) => [d.uri, d.range.start.line]),
      [[c.uri(CONTRACT), 0]],
    );
    const toClass = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(CONTRACT) },
      position: { line: 9, character: 25 },
    });
    assert.deepEqual(
      toClass.map((d) => [d.uri, d.range.start.line]),
      [[c.uri(HANDLER), 0]],
    );
  });
});

// An open node contract is analysed first (the family's parts): the server reads the family's files and the
// modules its analysis asks for, round after round (a class re-exported twice), publishes the contract, then
// reads the rest (cursus workspace registries with problems of their own). The first list it publishes for
// the contract is the final one, before any other file's.
const B = 'src/demo_infra/nodes/node_b';
const B_CONTRACT = `${B}/impl/contract.yaml`;
const SPREAD = new Map([
  [
    PY,
    '[project]\nname = "demo-infra"\n\n[project.entry-points."onex.nodes"]\n' +
      'node_a = "demo_infra.nodes.node_a"\nnode_b = "demo_infra.nodes.node_b:NodeB"\n',
  ],
  ['src/demo_infra/__init__.py', ''],
  ['src/demo_infra/models.py', 'class ModelAlpha:\n    pass\n'],
  ['src/demo_infra/nodes/node_a/__init__.py', ''],
  ['src/demo_infra/nodes/node_a/contract.yaml', CONTRACT_TEXT.replace(/\nhandler_routing:[^]*$/, '\n')],
  [`${B}/__init__.py`, 'from .api import NodeB\n'],
  [`${B}/api.py`, 'from .impl.core import NodeB\nfrom .impl.core import HandlerGone as HandlerB\n'],
  [`${B}/impl/core.py`, 'class NodeB:\n    pass\n'],
  [
    B_CONTRACT,
    CONTRACT_TEXT.replace(
      'demo_infra.nodes.node_alpha_effect.handlers.handler_alpha',
      'demo_infra.nodes.node_b.api',
    ).replace('name: "HandlerAlpha"', 'name: "HandlerB"'),
  ],
  [
    'src/cursus/registry/step_names.py',
    'STEP_NAMES = {\n    "Package": {"sagemaker_step_type": "Processing", "description": "d"},\n}\n',
  ],
]);
for (let i = 0; i < 30; i++) {
  SPREAD.set(
    `developer_workspaces/developers/dev${i}/src/cursus_dev/registry/workspace_registry.py`,
    `WORKSPACE_METADATA = {"developer_id": "dev${i}", "version": "1.0.0", "description": "d"}\nSTEP_OVERRIDES = {\n` +
      `    "Pakage${i}": {"sagemaker_step_type": "Utility", "description": "no such core step"},\n}\n`,
  );
}

describe('lsp: an ONEX node contract open first', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const [budget, options] of [
    ['the default step', {}],
    ['one unit per step', { analysisStepMs: 0 }],
  ] as const) {
    it(`${budget}: its first publication is the final one, before any other file's`, async () => {
      client = await TestClient.start(SPREAD, options);
      await client.open(B_CONTRACT, SPREAD.get(B_CONTRACT) ?? '');
      await client.loaded();
      type Published = { uri: string; diagnostics: Diagnostic[] };
      const all = client.notifications.flatMap((n) =>
        n.method === 'textDocument/publishDiagnostics' ? [n.params as Published] : [],
      );
      const uri = client.uri(B_CONTRACT);
      const lists = all.filter((p) => p.uri === uri).map((p) => p.diagnostics);
      const final = client.diagnostics.get(uri) ?? [];
      assert.deepEqual(lists[0], final, 'the first list published is the final one');
      assert.deepEqual(
        final.map((d) => d.code).sort(),
        ['RL049', 'RL055'],
        'the other contract, the chain and the module lacking the handler were read',
      );
      const first = all.findIndex((p) => p.uri === uri);
      const before = all
        .slice(0, first)
        .filter((p) => p.diagnostics.length > 0)
        .map((p) => p.uri);
      assert.deepEqual(before, [], "no other file's diagnostics come first");
      const rest = all.slice(first).some((p) => p.uri.includes('developer_workspaces') && p.diagnostics.length > 0);
      assert.ok(rest, 'the rest is analysed after');
      const { server, fresh } = againstFresh(client);
      assert.deepEqual(server, fresh);
    });
  }
});
