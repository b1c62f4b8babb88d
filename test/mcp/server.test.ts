// The MCP server (`registry-lens mcp`) driven by a hand-written JSON-RPC client on copies of the
// examples: the handshake, the tools with their schemas (each answer validated against the output
// schema the server advertises, by ajv), `check`, `explain`, `list` and `graph` equal to the CLI's
// `--format json` on the same tree, `locate`, and a change on disk seen by the very next call.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { REPO, runJson } from '../cli/helpers';
import { McpTestClient, type ToolResult } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const META = join(REPO, 'examples', 'meta-workspace');
const CORE_REGISTRY = 'src/cursus/registry/step_names.py';

interface Tool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

/** The CLI's document in an MCP answer: without the page (all of it fits the first) and the summary MCP adds before it. */
function cliPart(doc: Record<string, unknown>): Record<string, unknown> {
  const { page, ...rest } = doc;
  assert.equal((page as { nextCursor: unknown }).nextCursor, null);
  if ('steps' in rest || 'nodes' in rest) delete rest['summary'];
  return rest;
}

/** The check document with its one timing field set aside. */
function untimed(doc: Record<string, unknown> | undefined): Record<string, unknown> {
  const summary = { ...(doc?.['summary'] as Record<string, unknown>) };
  assert.equal(typeof summary['ms'], 'number');
  summary['ms'] = 0;
  return { ...doc, summary };
}

describe('mcp: the server over stdio (independent client)', function () {
  this.timeout(60_000);
  let c: McpTestClient;
  let tools: Tool[];
  const ajv = new Ajv({ strict: false });
  /** Calls a tool that must succeed; its structured content must satisfy the advertised output schema. */
  const ok = async (
    name: string,
    args?: unknown,
  ): Promise<ToolResult & { structuredContent: Record<string, unknown> }> => {
    const r = await c.call(name, args);
    assert.notEqual(r.isError, true, `${name} failed: ${r.content[0]?.text ?? ''}`);
    assert.ok(r.structuredContent, `${name}: no structured content`);
    const schema = tools.find((t) => t.name === name)?.outputSchema;
    assert.ok(schema);
    assert.ok(ajv.validate(schema, r.structuredContent), `${name}: ${ajv.errorsText()}`);
    assert.equal(r.content[0]?.type, 'text');
    return r as ToolResult & { structuredContent: Record<string, unknown> };
  };

  before(async () => {
    c = McpTestClient.startOnCopy(DEMO, (root) => ['mcp', '--root', root, '--allow-writes']);
  });
  after(async () => {
    await c.dispose();
  });

  it('answers the handshake with its name, version, tools capability and instructions', async () => {
    const init = await c.handshake();
    assert.equal(init['protocolVersion'], '2025-06-18');
    assert.deepEqual((init['serverInfo'] as Record<string, unknown>)['name'], 'registry-lens');
    assert.equal(
      (init['serverInfo'] as Record<string, unknown>)['version'],
      JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version,
    );
    assert.ok((init['capabilities'] as Record<string, unknown>)['tools']);
    assert.match(String(init['instructions']), /never runs project code/);
    // Started with --allow-writes: the instructions name the writing tools, and do not say read-only.
    assert.match(String(init['instructions']), /'apply_fix'.*'apply_fixes'.*'init_workspace'/s);
    assert.doesNotMatch(String(init['instructions']), /read-only/);
  });

  it('lists its nine tools, each with an input schema, an output schema, a description and annotations', async () => {
    const r = await c.request('tools/list', {});
    tools = (r.result?.['tools'] ?? []) as Tool[];
    assert.deepEqual(tools.map((t) => t.name).sort(), [
      'apply_fix',
      'apply_fixes',
      'check',
      'explain',
      'fixes',
      'graph',
      'init_workspace',
      'list',
      'locate',
    ]);
    for (const t of tools) {
      assert.equal(t.inputSchema['type'], 'object', t.name);
      assert.equal(t.outputSchema['type'], 'object', t.name);
      assert.ok(ajv.compile(t.inputSchema) && ajv.compile(t.outputSchema), t.name);
      assert.ok(t.description.length > 200, `${t.name}: a description written for a model`);
      assert.equal(
        t.annotations['readOnlyHint'],
        !['apply_fix', 'apply_fixes', 'init_workspace'].includes(t.name),
        t.name,
      );
      assert.equal(t.annotations['openWorldHint'], false, t.name);
    }
    const apply = tools.find((t) => t.name === 'apply_fix');
    assert.equal(apply?.annotations['destructiveHint'], true);
    assert.equal(apply?.annotations['idempotentHint'], false);
    const explain = tools.find((t) => t.name === 'explain');
    assert.deepEqual(explain?.inputSchema['required'], ['name']);
    assert.deepEqual(Object.keys(explain?.inputSchema['properties'] as object).sort(), [
      'env',
      'framework',
      'mode',
      'name',
      'workspace',
    ]);
    const check = tools.find((t) => t.name === 'check');
    assert.deepEqual(Object.keys(check?.inputSchema['properties'] as object).sort(), [
      'causedBy',
      'codes',
      'cursor',
      'limit',
      'mode',
      'paths',
      'reportUnusedSuppressions',
      'severity',
    ]);
  });

  it("check: the structured content is the CLI's check --format json document", async () => {
    const r = await ok('check', { limit: 100_000 });
    const cli = runJson(['check', c.root, '--format', 'json', '--fail-on', 'never']).json;
    assert.deepEqual(untimed(cliPart(r.structuredContent)), untimed(cli));
    assert.match(r.content[0]?.text ?? '', /^9 error\(s\), 8 warning\(s\), 1 information, 1 hint\(s\) in 6 file\(s\)/);
  });

  it('check filters by path, code and severity, counting what it returns', async () => {
    const all = (await ok('check')).structuredContent['diagnostics'] as {
      file: string;
      code: string;
      severity: string;
      related: { file: string }[];
    }[];
    const alice = 'developer_workspaces/developers/alice_ml';
    const r = await ok('check', { paths: [alice], severity: 'warning' });
    const got = r.structuredContent['diagnostics'] as { file: string; severity: string }[];
    const concerns = (d: (typeof all)[number]): boolean =>
      [d.file, ...d.related.map((r) => r.file)].some((f) => f.startsWith(`${alice}/`));
    assert.deepEqual(
      got,
      all.filter((d) => concerns(d) && (d.severity === 'error' || d.severity === 'warning')),
    );
    const summary = r.structuredContent['summary'] as Record<string, number>;
    assert.equal((summary['errors'] ?? 0) + (summary['warnings'] ?? 0), got.length);
    const one = await ok('check', { paths: [CORE_REGISTRY], codes: ['RL005'] });
    assert.deepEqual(
      (one.structuredContent['diagnostics'] as { code: string }[]).map((d) => d.code),
      ['RL005'],
    );
  });

  it("explain: the structured content is the CLI's explain --format json document, the text its rendering", async () => {
    for (const [args, flags] of [
      [{ name: 'XGBoostTraining' }, []],
      [{ name: 'XGBoostTraining', workspace: 'alice_ml' }, ['--workspace', 'alice_ml']],
    ] as const) {
      const r = await ok('explain', args);
      const cli = runJson(['explain', 'XGBoostTraining', '--root', c.root, '--format', 'json', ...flags]).json;
      assert.deepEqual(r.structuredContent, cli);
      assert.match(r.content[0]?.text ?? '', /^Explain Resolution: XGBoostTraining/);
    }
  });

  it("list: the structured content is the CLI's list --format json document; the text names the contexts", async () => {
    const r = await ok('list', { workspace: 'bob_nlp', limit: 100_000 });
    assert.deepEqual(
      cliPart(r.structuredContent),
      runJson(['list', '--root', c.root, '--workspace', 'bob_nlp', '--format', 'json']).json,
    );
    assert.match(r.content[0]?.text ?? '', /Contexts of this root: core, alice_ml/);
  });

  it("graph: the structured content is the CLI's graph document; the text counts nodes and edges, and says the order", async () => {
    const r = await ok('graph', { limit: 100_000 });
    assert.deepEqual(cliPart(r.structuredContent), runJson(['graph', '--root', c.root, '--format', 'json']).json);
    assert.match(
      r.content[0]?.text ?? '',
      /^Context 'core' \(isolated mode\): 12 nodes, 14 dependency edges, 0 data-flow edges\.\nNo cycle\.\nRegistration order: /,
    );
  });

  it('locate: every definition of a step, with where it comes from', async () => {
    const r = await ok('locate', { name: 'XGBoostTraining' });
    const defs = r.structuredContent['definitions'] as {
      source: string;
      file: string;
      range: { start: { line: number } };
    }[];
    assert.deepEqual(
      defs.map((d) => d.source),
      ['core', 'override:alice_ml'],
    );
    const registry = readFileSync(join(c.root, CORE_REGISTRY), 'utf8').split('\n');
    assert.match(registry[defs[0]?.range.start.line ?? -1] ?? '', /"XGBoostTraining"/);
  });

  it('sees an edit on disk in the very next call: a step added, then the file deleted', async () => {
    const file = join(c.root, CORE_REGISTRY);
    const text = readFileSync(file, 'utf8').replace(
      'STEP_NAMES: Dict[str, Dict[str, Any]] = {',
      'STEP_NAMES: Dict[str, Dict[str, Any]] = {\n    "BrandNewStep": {"config_class": "BrandNewStepConfig", "builder_step_name": "BrandNewStepStepBuilder", "spec_type": "BrandNewStep", "sagemaker_step_type": "Processing", "description": "new"},',
    );
    assert.notEqual(text, readFileSync(file, 'utf8'));
    writeFileSync(file, text);
    const r = await ok('explain', { name: 'BrandNewStep' });
    assert.equal(r.structuredContent['found'], true);
    const check = await ok('check', { paths: [CORE_REGISTRY], codes: ['RL005'] });
    assert.ok(
      (check.structuredContent['diagnostics'] as { message: string }[]).some((d) =>
        d.message.includes("'BrandNewStepStepBuilder'"),
      ),
    );
    rmSync(join(c.root, 'developer_workspaces/developers/carol_vision'), { recursive: true });
    const after = (await ok('check')).structuredContent['diagnostics'] as { file: string }[];
    assert.ok(!after.some((d) => d.file.includes('carol_vision')));
    const missing = await c.call('explain', { name: 'XGBoostTraining', workspace: 'carol_vision' });
    assert.equal(missing.isError, true);
    assert.match(missing.content[0]?.text ?? '', /unknown workspace 'carol_vision'; known: alice_ml/);
  });

  it('follows .vscode/settings.json: a changed settings file reopens the root', async () => {
    const codes = async (): Promise<string[]> =>
      ((await ok('check')).structuredContent['diagnostics'] as { code: string }[]).map((d) => d.code);
    assert.ok((await codes()).includes('RL001'));
    mkdirSync(join(c.root, '.vscode'), { recursive: true });
    writeFileSync(
      join(c.root, '.vscode', 'settings.json'),
      '{\n  // as VS Code writes it\n  "registryLens.diagnostics.severity": { "RL001": "off" },\n}\n',
    );
    assert.ok(!(await codes()).includes('RL001'));
    rmSync(join(c.root, '.vscode'), { recursive: true });
    assert.ok((await codes()).includes('RL001'));
  });

  it('ends when stdin closes', async () => {
    assert.equal(await c.close(), 0);
  });
});

describe('mcp: a graph with a cycle, references, and the root given as a positional argument', function () {
  this.timeout(60_000);
  let c: McpTestClient;
  before(async () => {
    c = McpTestClient.startOnCopy(META, (root) => ['mcp', root]);
    await c.handshake();
  });
  after(async () => {
    await c.dispose();
  });

  it("graph: the CLI's graph document with the cycle, named in the text", async () => {
    const r = await c.call('graph', { limit: 100_000 });
    assert.deepEqual(cliPart(r.structuredContent ?? {}), runJson(['graph', '--root', c.root, '--format', 'json']).json);
    assert.match(
      r.content[0]?.text ?? '',
      /1 cycle\(s\): (ModelCalibration|XGBoostTraining|ModelEvaluation) -> .* -> \1/,
    );
  });

  it('locate: the metadata dependencies that name a step are its references', async () => {
    const r = await c.call('locate', { name: 'XGBoostTraining' });
    const refs = r.structuredContent?.['references'] as { file: string }[];
    assert.ok(
      refs.some((x) => x.file === 'src/cursus/steps/builders/builder_model_calibration_step_meta.yaml'),
      JSON.stringify(refs),
    );
  });
});

describe('mcp: stdin closed right after the requests', function () {
  this.timeout(60_000);
  it('answers every request read before the end, then exits 0', async () => {
    const c = McpTestClient.startOnCopy(DEMO);
    try {
      const init = c.request('initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'registry-lens-test', version: '0' },
      });
      c.notify('notifications/initialized', {});
      const check = c.call('check', { codes: ['RL004'] });
      const exited = c.close();
      assert.ok((await init).result);
      const r = await check;
      assert.deepEqual(
        (r.structuredContent?.['diagnostics'] as { code: string }[]).map((d) => d.code),
        ['RL004'],
      );
      assert.equal(await exited, 0);
    } finally {
      await c.dispose();
    }
  });
});
