// ONEX over LSP: a `.wip` marker created on disk (didChangeWatchedFiles) turns the missing-metadata
// error of its version into work in progress; hover, definition, completion, code lenses and the
// explorer view's overview answer for registry.yaml.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { CompletionItem, Diagnostic, Hover, Location } from 'vscode-languageserver-types';
import { TestClient, writeFile } from './client';

const REG = 'src/demo/registry/registry.yaml';
const WIP = 'src/demo/nodes/echo_node/v1_1_0/.wip';
const REGISTRY = `nodes:
  - name: "echo_node"
    versions:
      - version: "v1_0_0"
        path: "src/demo/nodes/echo_node/v1_0_0"
        metadata_file: "node.onex.yaml"
      - version: "v1_1_0"
        path: "src/demo/nodes/echo_node/v1_1_0"
        metadata_file: "node.onex.yaml"
        status: "active"
`;
const FILES = new Map([
  [REG, REGISTRY],
  [
    'src/demo/nodes/echo_node/v1_0_0/node.onex.yaml',
    'name: "echo_node"\nversion: "1.0.0"\nschema_version: "0.1.0"\ndescription: "Echoes its input"\nentrypoint: "python://node.py"\n',
  ],
  ['src/demo/nodes/echo_node/v1_0_0/node.py', 'pass\n'],
  ['src/demo/nodes/echo_node/v1_1_0/node.py', 'pass\n'],
]);
const CREATED = 1;
const DELETED = 3;
const codes = (ds: Diagnostic[]): string[] =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);

describe('lsp: ONEX registries', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(FILES);
  });
  after(() => c.stop());

  it('a .wip created on disk turns RL041 (metadata missing) into RL045; deleting it brings RL041 back', async () => {
    const first = await c.diagnosticsOf(REG, 'RL041', (ds) => ds.some((d) => d.code === 'RL041'));
    assert.deepEqual(codes(first), ['RL041@8:23']);
    writeFile(c.root, WIP, '');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(WIP), type: CREATED }] });
    const wip = await c.diagnosticsOf(REG, 'RL045', (ds) => ds.some((d) => d.code === 'RL045'));
    assert.deepEqual(codes(wip), ['RL045@6:17']);
    rmSync(c.abs(WIP));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(WIP), type: DELETED }] });
    await c.diagnosticsOf(REG, 'RL041 again', (ds) => codes(ds).join() === 'RL041@8:23');
  });

  it('the entrypoint file the metadata names is read (no RL042); deleted on disk, RL042 appears; created again, it goes', async () => {
    const META = 'src/demo/nodes/echo_node/v1_0_0/node.onex.yaml';
    const PY = 'src/demo/nodes/echo_node/v1_0_0/node.py';
    await c.diagnosticsOf(REG, 'analysed', (ds) => ds.length > 0);
    assert.deepEqual(c.diagnostics.get(c.uri(META)) ?? [], []);
    rmSync(c.abs(PY));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(PY), type: DELETED }] });
    await c.diagnosticsOf(META, 'RL042 on the entrypoint', (ds) => codes(ds).join() === 'RL042@4:12');
    writeFile(c.root, PY, 'pass\n');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(PY), type: CREATED }] });
    await c.diagnosticsOf(META, 'RL042 gone', (ds) => ds.length === 0);
  });

  it('the overview has an ONEX section for the explorer view, and code lenses summarise versions', async () => {
    const [folder] = await c.request<
      { families: { name: string; entries: { name: string; detail: string; uri: string }[] }[] }[]
    >('registryLens/overview', {});
    assert.deepEqual(
      folder?.families.map((f) => [f.name, f.entries.map((e) => `${e.name}: ${e.detail}`)]),
      [['onex', ['echo_node: 2 versions · latest 1.0.0']]],
    );
    const lenses = await c.request<{ command?: { title: string; arguments?: unknown[] } }[]>('textDocument/codeLens', {
      textDocument: { uri: c.uri(REG) },
    });
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, (l.command?.arguments?.[0] as { step?: string } | undefined)?.step]),
      [['2 versions · latest 1.0.0', 'echo_node@latest']],
    );
  });

  it('hover on an artifact lists its versions; definition from path; completion of metadata_file and status', async () => {
    await c.open(REG, REGISTRY);
    const hover = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(REG) },
      position: { line: 1, character: 14 },
    });
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /\*\*echo_node\*\* — ONEX node · 2 versions · latest 1\.0\.0/);
    assert.match(md, /Echoes its input/);
    const defs = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(REG) },
      position: { line: 4, character: 20 },
    });
    assert.deepEqual(
      defs.map((d) => d.uri),
      [c.uri('src/demo/nodes/echo_node/v1_0_0/node.onex.yaml')],
    );
    await c.change(REG, { start: { line: 8, character: 23 }, end: { line: 8, character: 39 } }, '"');
    const items = await c.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri: c.uri(REG) },
      position: { line: 8, character: 24 },
    });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    assert.equal(labels[0], 'node.onex.yaml', "the nodes list's metadata file first");
    assert.ok(labels.includes('cli_tool.yaml'));
    await c.change(REG, { start: { line: 9, character: 16 }, end: { line: 9, character: 24 } }, '"');
    const status = await c.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri: c.uri(REG) },
      position: { line: 9, character: 17 },
    });
    assert.deepEqual(
      (Array.isArray(status) ? status : status.items).map((i) => i.label),
      ['active'],
    );
  });
});
