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
/** A page as large as any answer: the whole document. */
const WHOLE = 100_000;
/** A paged document as the CLI prints it whole: without the page and the summary paging adds (list, graph). */
const withoutPage = (doc: unknown): unknown => {
  const { page, ...rest } = doc as { page?: unknown; summary?: unknown };
  assert.ok(page !== undefined, 'a paged document');
  return 'diagnostics' in rest ? rest : (({ summary: _summary, ...whole }) => whole)(rest);
};

describe("lsp: the language-model tools' documents (checkDocument, explainDocument, listDocument)", () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(demoFiles());
    await c.diagnosticsOf(BOB, 'the demo analysed', (ds) => ds.length > 0);
  });
  after(() => c.stop());

  /** A check in one page (the whole of it). */
  const check = async (params: object): Promise<(CheckDoc | undefined)[]> =>
    (await c.request<FolderDocument[]>('registryLens/checkDocument', { limit: WHOLE, ...params })).map(asCheck);

  it('checkDocument in one page equals `check --format json` of the same tree, but for the timing', async () => {
    const [answer, ...more] = await c.request<FolderDocument[]>('registryLens/checkDocument', { limit: WHOLE });
    assert.equal(more.length, 0);
    assert.equal(answer?.folder, c.uri(''));
    const cli = runJson(['check', c.root, '--format', 'json', '--fail-on', 'never']).json;
    assert.deepEqual(withoutMs(withoutPage(answer?.document)), withoutMs(cli));
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
    const list = docOf(
      await c.request<DocumentAnswer>('registryLens/listDocument', { workspace: 'bob_nlp', limit: WHOLE }),
    );
    assert.deepEqual(
      withoutPage(list),
      runJson(['list', '--root', c.root, '--workspace', 'bob_nlp', '--format', 'json']).json,
    );
    const conflicts = docOf(
      await c.request<DocumentAnswer>('registryLens/listDocument', {
        workspace: 'alice_ml',
        conflictsOnly: true,
        limit: WHOLE,
      }),
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
        withoutMs(withoutPage(hybrid)),
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
      await c.request<DocumentAnswer>('registryLens/graphDocument', {
        workspace: 'alice_ml',
        mode: 'hybrid',
        limit: WHOLE,
      }),
    );
    assert.deepEqual(
      withoutPage(graph),
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

  it('pages check, list and graph as the MCP tools do: the same document for the same arguments, summary first', async () => {
    const mcp = await sdkClient(['mcp', '--root', c.root]);
    try {
      const cases = [
        ['check', 'registryLens/checkDocument', { severity: 'hint' }],
        ['list', 'registryLens/listDocument', { workspace: 'alice_ml', mode: 'hybrid' }],
        ['graph', 'registryLens/graphDocument', { workspace: 'alice_ml', mode: 'hybrid' }],
      ] as const;
      for (const [tool, method, args] of cases) {
        const ask = async (page: object): Promise<FolderDocument> => {
          const r = await c.request<FolderDocument | FolderDocument[]>(method, { ...args, ...page });
          const a = Array.isArray(r) ? r[0] : r;
          assert.ok(a !== undefined && 'document' in a, `${method}: ${JSON.stringify(r)}`);
          return a;
        };
        // The default page: what the MCP tool answers without a limit, and its text's line of the page.
        const first = await ask({});
        const byMcp = await mcp.callTool({ name: tool, arguments: args });
        assert.deepEqual(withoutMs(first.document), withoutMs(byMcp.structuredContent), tool);
        const mcpText = (byMcp.content as { text: string }[])[0]?.text ?? '';
        assert.ok(first.pageNote !== undefined && mcpText.includes(first.pageNote), `${tool}: ${first.pageNote}`);
        assert.deepEqual(Object.keys(first.document).slice(0, 2), ['version', 'summary'], tool);
        // Two at a time, following the cursors to the end: every item once, in order, as the whole has them.
        const whole = (await ask({ limit: WHOLE })).document;
        const key = tool === 'check' ? 'diagnostics' : tool === 'list' ? 'steps' : 'nodes';
        const all = whole[key] as unknown[];
        assert.ok(all.length > 2, `${tool}: more than one page of two`);
        const seen: unknown[] = [];
        let cursor: string | null = null;
        do {
          const a = await ask({ limit: 2, ...(cursor === null ? {} : { cursor }) });
          const page = a.document['page'] as { total: number; returned: number; nextCursor: string | null };
          assert.equal(page.total, all.length);
          assert.deepEqual(
            withoutMs(a.document),
            withoutMs(
              (await mcp.callTool({ name: tool, arguments: { ...args, limit: 2, ...(cursor ? { cursor } : {}) } }))
                .structuredContent,
            ),
            `${tool}: the MCP tool's page`,
          );
          seen.push(...(a.document[key] as unknown[]));
          cursor = page.nextCursor;
        } while (cursor !== null);
        assert.deepEqual(seen, all, tool);
        const summaryOnly = (await ask({ limit: 0 })).document;
        assert.equal((summaryOnly[key] as unknown[]).length, 0);
        assert.deepEqual(
          (withoutMs(summaryOnly) as JsonDocument)['summary'],
          (withoutMs(whole) as JsonDocument)['summary'],
        );
      }
      // A cursor of another tool, or no page at all: refused as invalid params, naming what is wrong.
      const listCursor = (
        (await c.request<FolderDocument>('registryLens/listDocument', { limit: 1 })).document['page'] as {
          nextCursor: string;
        }
      ).nextCursor;
      for (const [method, params, why] of [
        ['registryLens/graphDocument', { cursor: listCursor }, /not a cursor of graph/],
        ['registryLens/checkDocument', { cursor: 'garbage' }, /not a cursor of check/],
        ['registryLens/listDocument', { limit: -1 }, /'limit' must be a whole number from 0 to 100000/],
      ] as const)
        await assert.rejects(c.request(method, params), why);
    } finally {
      await mcp.close();
    }
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
          limit: WHOLE,
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
