// The requests behind the editor's language-model tools: registryLens/checkDocument, explainDocument,
// listDocument and graphDocument answer with exactly the CLI's `--format json` documents of the same
// tree (the check's `ms` aside), locateDocument and fixesDocument with the MCP server's answers (fixes
// without ids and basis: nothing is applied), the tools' descriptions name what the answers hold, narrow a check by paths (with the diagnostics related to them), codes and
// severity, refuse an empty list or an unknown code, name the known workspaces for an
// unknown one, and see an unsaved edit (a conflicting step typed, never written) as the diagnostics do.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentAnswer, FolderDocument, JsonDocument } from '../../server/src/lsp/protocol';
import { REPO, runCli, runJson } from '../cli/helpers';
import { sdkClient } from '../mcp/client';
import { TestClient } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const WS = 'developer_workspaces/developers';
const BOB = `${WS}/bob_nlp/src/cursus_dev/registry/workspace_registry.py`;
const CAROL = `${WS}/carol_vision/src/cursus_dev/registry/workspace_registry.py`;

function demoFiles(dir = DEMO, rel = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of demoFiles(join(dir, e.name), r)) files.set(k, v);
    else files.set(r, readFileSync(join(dir, e.name), 'utf8'));
  }
  return files;
}

interface Diag {
  file: string;
  code: string;
  severity: string;
  message: string;
  related: { file: string }[];
}
interface CheckDoc {
  summary: { errors: number; warnings: number; entries: number; ms?: number };
  diagnostics: Diag[];
}
const asCheck = (a: FolderDocument | undefined): CheckDoc | undefined => a?.document as unknown as CheckDoc | undefined;
const docOf = (a: DocumentAnswer): JsonDocument => {
  assert.ok('document' in a, JSON.stringify(a));
  return a.document;
};

const withoutMs = (doc: unknown): unknown => {
  const d = structuredClone(doc) as { summary: { ms?: number } };
  delete d.summary.ms;
  return d;
};

describe("lsp: the language-model tools' documents (checkDocument, explainDocument, listDocument)", () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(demoFiles());
    await c.diagnosticsOf(BOB, 'the demo analysed', (ds) => ds.length > 0);
  });
  after(() => c.stop());

  const check = async (params: object): Promise<(CheckDoc | undefined)[]> =>
    (await c.request<FolderDocument[]>('registryLens/checkDocument', params)).map(asCheck);

  it('checkDocument equals `check --format json` of the same tree, but for the timing', async () => {
    const [answer, ...more] = await c.request<FolderDocument[]>('registryLens/checkDocument', {});
    assert.equal(more.length, 0);
    assert.equal(answer?.folder, c.uri(''));
    const cli = runJson(['check', c.root, '--format', 'json', '--fail-on', 'never']).json;
    assert.deepEqual(withoutMs(answer?.document), withoutMs(cli));
    assert.equal(typeof asCheck(answer)?.summary.ms, 'number');
  });

  it("explainDocument and listDocument equal the CLI's explain and list documents", async () => {
    const explain = docOf(
      await c.request<DocumentAnswer>('registryLens/explainDocument', {
        step: 'XGBoostTraining',
        workspace: 'alice_ml',
      }),
    );
    assert.deepEqual(
      explain,
      runJson(['explain', 'XGBoostTraining', '--root', c.root, '--workspace', 'alice_ml', '--format', 'json']).json,
    );
    assert.equal(
      docOf(await c.request<DocumentAnswer>('registryLens/explainDocument', { step: 'XGBoostTraining' }))['context'],
      'core',
    );
    const list = docOf(await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'bob_nlp' }));
    assert.deepEqual(list, runJson(['list', '--root', c.root, '--workspace', 'bob_nlp', '--format', 'json']).json);
    const conflicts = docOf(
      await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'alice_ml', conflictsOnly: true }),
    )['steps'] as { conflicts: string[] }[];
    assert.ok(conflicts.length > 0 && conflicts.every((s) => s.conflicts.length > 0));
  });

  it('an unknown workspace is an error naming the known ones, as the CLI says it', async () => {
    const answer = await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'nobody' });
    assert.ok('error' in answer);
    assert.match(
      answer.error,
      /^unknown workspace 'nobody'; known: alice_ml@\S+aaron_dup, alice_ml, bob_nlp, carol_vision$/,
    );
    assert.ok(runCli(['list', '--root', c.root, '--workspace', 'nobody']).stderr.includes(answer.error));
  });

  it('a check narrowed by paths, codes and severity keeps those and counts what it keeps', async () => {
    const [all] = await check({});
    const carolDir = `${WS}/carol_vision/`;
    const [byPath] = await check({ paths: [`./${carolDir}`] });
    assert.deepEqual(
      byPath?.diagnostics,
      all?.diagnostics.filter((d) => [d.file, ...d.related.map((r) => r.file)].some((f) => f.startsWith(carolDir))),
    );
    assert.ok((byPath?.diagnostics.length ?? 0) > 0);
    const [byCode] = await check({ codes: ['rl002'], severity: 'warning' });
    assert.deepEqual(
      byCode?.diagnostics,
      all?.diagnostics.filter((d) => d.code === 'RL002'),
    );
    const [errors] = await check({ severity: 'error' });
    const kept = all?.diagnostics.filter((d) => d.severity === 'error') ?? [];
    assert.deepEqual(errors?.diagnostics, kept);
    assert.deepEqual([errors?.summary.errors, errors?.summary.warnings], [kept.length, 0]);
    assert.equal(errors?.summary.entries, all?.summary.entries);
  });

  it("checkDocument in another mode equals `check --mode`, and leaves the editor's own analysis as it was", async () => {
    // the hybrid example's dependency resolves only across workspaces: one RL013 in hybrid mode, none isolated
    const h = await TestClient.start(demoFiles(join(REPO, 'examples', 'hybrid-workspace')));
    try {
      await h.loaded();
      const checkOf = async (params: object): Promise<CheckDoc | undefined> =>
        asCheck((await h.request<FolderDocument[]>('registryLens/checkDocument', params))[0]);
      const isolated = await checkOf({});
      const hybrid = await checkOf({ mode: 'hybrid' });
      assert.deepEqual(
        withoutMs(hybrid),
        withoutMs(runJson(['check', h.root, '--format', 'json', '--fail-on', 'never', '--mode', 'hybrid']).json),
      );
      assert.deepEqual(
        hybrid?.diagnostics.map((d) => d.code),
        ['RL013'],
      );
      assert.deepEqual(isolated?.diagnostics, []);
      assert.deepEqual(withoutMs(await checkOf({})), withoutMs(isolated), "the folder's own mode again");
      assert.equal(
        h.diagnostics.get(
          h.uri('developer_workspaces/developers/fraud_team/src/cursus_dev/registry/workspace_registry.py'),
        )?.length ?? 0,
        0,
        'nothing published from the other mode',
      );
    } finally {
      await h.stop();
    }
  });

  it('refuses a filter that can match nothing by mistake (an empty list, an unknown code), naming the valid codes', async () => {
    const refused = async (params: object): Promise<string> => {
      try {
        await c.request('registryLens/checkDocument', params);
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
      assert.fail(`${JSON.stringify(params)} was answered`);
    };
    assert.match(await refused({ paths: [] }), /'paths' is empty/);
    assert.match(await refused({ codes: [] }), /'codes' is empty: give codes \(valid: RL001, /);
    assert.match(await refused({ codes: ['RL999'] }), /unknown code RL999; valid codes: RL001, /);
  });

  it('graphDocument, locateDocument and fixesDocument answer as the CLI and the MCP server do', async () => {
    const graph = docOf(
      await c.request<DocumentAnswer>('registryLens/graphDocument', { workspace: 'alice_ml', mode: 'hybrid' }),
    );
    assert.deepEqual(
      graph,
      runJson(['graph', '--root', c.root, '--workspace', 'alice_ml', '--mode', 'hybrid', '--format', 'json']).json,
    );
    const mcp = await sdkClient(['mcp', '--root', c.root, '--read-only']);
    try {
      const locate = docOf(await c.request<DocumentAnswer>('registryLens/locateDocument', { name: 'XGBoostTraining' }));
      assert.deepEqual(
        locate,
        (await mcp.callTool({ name: 'locate', arguments: { name: 'XGBoostTraining' } })).structuredContent,
      );
      const fixes = docOf(
        await c.request<DocumentAnswer>('registryLens/fixesDocument', { file: BOB, code: 'RL002' }),
      ) as { fixes: Record<string, unknown>[] };
      const proposed = (await mcp.callTool({ name: 'fixes', arguments: { file: BOB, code: 'RL002' } }))
        .structuredContent as { fixes: Record<string, unknown>[] };
      assert.ok(fixes.fixes.length > 0);
      assert.deepEqual(
        fixes.fixes,
        proposed.fixes.map(({ id: _id, basis: _basis, ...rest }) => rest),
      );
    } finally {
      await mcp.close();
    }
    const none = await c.request<DocumentAnswer>('registryLens/fixesDocument', { file: 'README.md' });
    assert.ok('error' in none && /does not analyse this file/.test(none.error));
  });

  it("the tools' descriptions say what the answers hold: source forms, the workspace id (not its directory)", async () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      contributes: {
        languageModelTools: {
          name: string;
          modelDescription: string;
          inputSchema: { properties: Record<string, { description?: string }> };
        }[];
      };
    };
    const tools = manifest.contributes.languageModelTools;
    assert.deepEqual(
      tools.map((t) => t.name),
      ['check', 'explain', 'list', 'graph', 'locate', 'fixes'].map((n) => `registry-lens_${n}`),
    );
    const sources = new Set<string>();
    for (const workspace of [undefined, 'alice_ml', 'bob_nlp']) {
      const list = docOf(
        await c.request<DocumentAnswer>('registryLens/listDocument', {
          mode: 'hybrid',
          ...(workspace ? { workspace } : {}),
        }),
      );
      for (const step of list['steps'] as { source: string }[]) sources.add(step.source.replace(/:.*/, ':<id>'));
    }
    const text = tools
      .map((t) =>
        [t.modelDescription, ...Object.values(t.inputSchema.properties).map((p) => p.description ?? '')].join('\n'),
      )
      .join('\n');
    const named = new Set([...text.matchAll(/\b(\w+):<(\w+)>/g)].map((m) => `${m[1]}:<id>`));
    assert.deepEqual([...named].sort(), ['override:<id>', 'workspace:<id>']);
    for (const form of named)
      assert.ok(sources.has(form), `${form} is no source of a real answer (${[...sources].join(', ')})`);
    assert.ok(sources.has('core'));
    // The workspace id is the registry's developer_id: aaron_dup's folder declares alice_ml, so its folder name is no id.
    const workspace =
      tools.find((t) => t.name === 'registry-lens_list')?.inputSchema.properties['workspace']?.description ?? '';
    assert.match(workspace, /developer_id, e\.g\. 'alice_ml'; not its directory name/);
    const byDir = await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'aaron_dup' });
    assert.ok('error' in byDir && /unknown workspace 'aaron_dup'; known: alice_ml/.test(byDir.error));
    assert.ok('document' in (await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'alice_ml' })));
  });

  it("sees an unsaved edit: a step typed into carol_vision conflicts with bob_nlp's before anything is written", async () => {
    const text = readFileSync(join(DEMO, CAROL), 'utf8');
    const conflict = (doc: CheckDoc | undefined, file: string) =>
      doc?.diagnostics.filter(
        (d) => d.file === file && d.code === 'RL002' && d.message.includes('SentenceEmbedding'),
      ) ?? [];
    const [before] = await check({});
    assert.deepEqual(conflict(before, CAROL), []);
    await c.open(CAROL, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('LOCAL_STEPS = {'));
    const at = { line, character: 'LOCAL_STEPS = {'.length };
    await c.change(
      CAROL,
      { start: at, end: at },
      '\n    "SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "copied from bob_nlp"},',
    );
    const [after] = await check({});
    assert.equal(conflict(after, CAROL).length, 1);
    assert.equal(conflict(after, BOB).length, 1);
    assert.equal(readFileSync(join(c.root, CAROL), 'utf8'), text);
  });
});
