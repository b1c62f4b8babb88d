// Parity with the CLI and pages, over the SDK client: a check filter that can match nothing by mistake
// (an empty list, a code that does not exist) is an input error naming the valid ones, never "0
// errors"; 'paths' keeps the files' own and related diagnostics, with 'causedBy' what the CLI's
// `check --files` keeps; check's mode and unused suppressions
// and explain's framework and env give the CLI's documents; check, list and graph lead with a summary
// and page their items by limit and cursor, the pages together being the whole; a `.venv` linking out of the root is
// not read and is said (RL081), as by the CLI, from the call after the link appears until the one after it goes.
import { strict as assert } from 'node:assert';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { brokenTree, REPO, removeTrees, runJson, withoutActivatedEnvironment, writeTree } from '../cli/helpers';
import { sdkClient } from './client';

const DEMO = join(REPO, 'examples', 'demo-workspace');
const BOB = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';

interface Diag {
  file: string;
  code: string;
  related: { file: string }[];
}

async function check(
  client: Client,
  args: Record<string, unknown>,
): Promise<{ error?: string; diagnostics: Diag[]; summary: Record<string, number> }> {
  const r = await client.callTool({ name: 'check', arguments: args });
  const text = (r.content as { text: string }[]).map((c) => c.text).join('\n');
  if (r.isError === true) return { error: text, diagnostics: [], summary: {} };
  return r.structuredContent as { diagnostics: Diag[]; summary: Record<string, number> };
}

describe('mcp: check filters', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => {
    client = await sdkClient(['mcp', '--root', DEMO, '--read-only']);
  });
  after(async () => {
    await client.close();
  });

  it('refuses an empty paths or codes list and an unknown code, naming the valid codes', async () => {
    assert.match((await check(client, { paths: [] })).error ?? '', /'paths' is empty/);
    assert.match(
      (await check(client, { codes: [] })).error ?? '',
      /'codes' is empty: give codes \(valid: RL001, RL002, .*RL033/,
    );
    assert.match(
      (await check(client, { codes: ['RL004', 'RL999'] })).error ?? '',
      /unknown code RL999; valid codes: RL001, .*RL004/,
    );
    const all = await check(client, {});
    assert.equal(all.error, undefined);
    assert.equal(all.summary['errors'], 9);
  });

  it("'paths' keeps a file's own diagnostics and those related to it, all of them among check --files'", async () => {
    const r = await check(client, { paths: [BOB], limit: 100_000 });
    const cli = runJson([
      'check',
      '--root',
      DEMO,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--files',
      join(DEMO, BOB),
    ]).json;
    const all = await check(client, { limit: 100_000 });
    const concerns = (d: Diag): boolean => d.file === BOB || d.related.some((x) => x.file === BOB);
    assert.deepEqual(r.diagnostics, all.diagnostics.filter(concerns));
    const key = (d: Diag): string => JSON.stringify(d);
    const files = new Set((cli['diagnostics'] as Diag[]).map(key));
    assert.ok(
      r.diagnostics.every((d) => files.has(key(d))),
      'a subset of check --files',
    );
    assert.ok(
      r.diagnostics.some((d) => d.file !== BOB && d.related.some((x) => x.file === BOB)),
      'a diagnostic elsewhere related to the file',
    );
  });

  it("'causedBy' with 'paths' is check --files: also the diagnostics of every check that read the files", async () => {
    // alice's registry shares a step name with another workspace, whose check reads it
    const alice = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
    const cli = (path: string): unknown =>
      runJson(['check', '--root', DEMO, '--format', 'json', '--fail-on', 'never', '--files', join(DEMO, path)]).json[
        'diagnostics'
      ];
    const caused = await check(client, { paths: [alice], causedBy: true, limit: 100_000 });
    assert.deepEqual(caused.diagnostics, cli(alice));
    const own = await check(client, { paths: [alice], limit: 100_000 });
    assert.ok(own.diagnostics.length < caused.diagnostics.length, "more than the files' own and related ones");
    const folderPath = 'developer_workspaces/developers/alice_ml';
    const folder = await check(client, { paths: [folderPath], causedBy: true, limit: 100_000 });
    assert.deepEqual(folder.diagnostics, cli(folderPath), 'a folder stands for the files below it');
    const key = (d: Diag): string => JSON.stringify(d);
    const inFolder = new Set(folder.diagnostics.map(key));
    assert.ok(
      caused.diagnostics.every((d) => inFolder.has(key(d))),
      "the folder's include its registry's",
    );
    assert.match((await check(client, { causedBy: true })).error ?? '', /'causedBy' needs 'paths'/);
  });
});

describe('mcp: parity with the CLI (check --mode/--report-unused-suppressions, explain --framework/--env)', function () {
  this.timeout(120_000);
  after(removeTrees);

  it('check with mode and reportUnusedSuppressions is check --mode hybrid --report-unused-suppressions', async () => {
    const client = await sdkClient(['mcp', '--root', DEMO, '--read-only']);
    try {
      for (const [args, flags] of [
        [{ mode: 'hybrid', reportUnusedSuppressions: true }, ['--mode', 'hybrid', '--report-unused-suppressions']],
        [{}, []],
      ] as const) {
        const r = await client.callTool({ name: 'check', arguments: { ...args, limit: 100_000 } });
        const cli = runJson(['check', '--root', DEMO, '--format', 'json', '--fail-on', 'never', ...flags]).json;
        const doc = r.structuredContent as { diagnostics: unknown[]; summary: Record<string, number> };
        assert.deepEqual(doc.diagnostics, cli['diagnostics'], JSON.stringify(args));
        assert.deepEqual({ ...doc.summary, ms: 0 }, { ...(cli['summary'] as object), ms: 0 });
      }
    } finally {
      await client.close();
    }
  });

  it('explain with framework and env is explain --framework --env, and the framework changes the winner', async () => {
    const WS = 'developer_workspaces/developers';
    const step = (framework: string, tags: string, priority: number): string =>
      `LOCAL_STEPS = {"FeatureJoin": {"sagemaker_step_type": "Utility", "description": "${framework} join", "framework": "${framework}", "environment_tags": ["${tags}"], "priority": ${priority}}}\n`;
    const root = writeTree({
      'src/cursus/registry/step_names.py': 'STEP_NAMES = {}\n',
      [`${WS}/alice/src/cursus_dev/registry/workspace_registry.py`]: step('pandas', 'dev', 50),
      [`${WS}/bob/src/cursus_dev/registry/workspace_registry.py`]: step('spark', 'prod', 10),
    });
    const client = await sdkClient(['mcp', '--root', root, '--read-only']);
    try {
      const winners: string[] = [];
      for (const [args, flags] of [
        [{ framework: 'spark' }, ['--framework', 'spark']],
        [{ framework: 'pandas', env: ['prod'] }, ['--framework', 'pandas', '--env', 'prod']],
      ] as const) {
        const r = await client.callTool({ name: 'explain', arguments: { name: 'FeatureJoin', ...args } });
        assert.deepEqual(
          r.structuredContent,
          runJson(['explain', 'FeatureJoin', '--root', root, '--format', 'json', ...flags]).json,
        );
        winners.push((r.structuredContent as { winner: { source: string } }).winner.source);
      }
      assert.deepEqual(winners, ['workspace:bob', 'workspace:alice']);
    } finally {
      await client.close();
    }
  });

  it("explain of an apcore module is the CLI's, with the registered metadata (code merged with YAML) field by field", async () => {
    const root = join(REPO, 'examples', 'apcore-extensions');
    const client = await sdkClient(['mcp', '--root', root, '--read-only']);
    try {
      // The SDK client validates the answer against the advertised output schema.
      const r = await client.callTool({ name: 'explain', arguments: { name: 'ext.email.send' } });
      assert.deepEqual(
        r.structuredContent,
        runJson(['explain', 'ext.email.send', '--root', root, '--format', 'json']).json,
      );
      const doc = r.structuredContent as {
        winner: { fields: Record<string, unknown> };
        sections: { title: string; rows: { label: string; text: string; file?: string }[] }[];
      };
      assert.deepEqual(doc.winner.fields['metadata'], { owner: 'messaging' });
      const merged = doc.sections.find((s) => s.title.startsWith('Registered metadata (apcore-python 0.19.0'));
      const at = (label: string): string | undefined => merged?.rows.find((x) => x.label === label)?.file;
      assert.deepEqual(
        [at('annotations.idempotent'), at('annotations.open_world'), at('tags')],
        ['extensions/email/send_meta.yaml', 'extensions/email/send.py', 'extensions/email/send_meta.yaml'],
      );
      assert.match(
        (r.content as { text: string }[])[0]?.text ?? '',
        /annotations\.idempotent {2}false {2}\(YAML: over the code's value\)/,
      );
    } finally {
      await client.close();
    }
  });
});

describe('mcp: a summary first, then pages', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => {
    client = await sdkClient(['mcp', '--root', DEMO, '--read-only']);
  });
  after(async () => {
    await client.close();
  });

  interface Paged {
    page: { total: number; offset: number; returned: number; nextCursor: string | null };
    summary: Record<string, unknown>;
  }
  const call = async (name: string, args: Record<string, unknown>): Promise<Paged & Record<string, unknown>> => {
    const r = await client.callTool({ name, arguments: args });
    assert.notEqual(r.isError, true, JSON.stringify(r.content));
    return r.structuredContent as Paged & Record<string, unknown>;
  };

  for (const [tool, items, args] of [
    ['check', 'diagnostics', {}],
    ['list', 'steps', { workspace: 'alice_ml' }],
    ['graph', 'nodes', {}],
  ] as const) {
    it(`${tool}: limit 0 is the summary alone; pages of 5 by cursor make up the whole ${items}`, async () => {
      const whole = await call(tool, { ...args, limit: 100_000 });
      const all = whole[items] as unknown[];
      assert.ok(all.length > 5, `${all.length} ${items}`);
      const bare = await call(tool, { ...args, limit: 0 });
      assert.deepEqual(bare[items], []);
      assert.equal(Object.keys(bare)[1], 'summary');
      assert.deepEqual({ ...bare.summary, ms: 0 }, { ...whole.summary, ms: 0 });
      const pages: unknown[] = [];
      let cursor: string | null | undefined;
      do {
        const p = await call(tool, { ...args, limit: 5, ...(cursor ? { cursor } : {}) });
        assert.equal(p.page.offset, pages.length);
        pages.push(...(p[items] as unknown[]));
        cursor = p.page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(pages, all);
      if (tool === 'graph') {
        const first = await call(tool, { ...args, limit: 5 });
        const ids = new Set((first['nodes'] as { id: string }[]).map((n) => n.id));
        assert.deepEqual(
          first['edges'],
          (whole['edges'] as { from: string }[]).filter((e) => ids.has(e.from)),
        );
      }
    });
  }

  it('a cursor of another tool, or garbage, is refused', async () => {
    const cursor = (await call('list', { limit: 1 })).page.nextCursor;
    for (const bad of [cursor, 'garbage']) {
      const r = await client.callTool({ name: 'check', arguments: { cursor: bad } });
      assert.equal(r.isError, true);
      assert.match((r.content as { text: string }[])[0]?.text ?? '', /not a cursor of check/);
    }
  });

  it("list's summary names the contexts of the root", async () => {
    const s = (await call('list', { limit: 0 })).summary as { contexts: { id: string }[]; entries: number };
    assert.deepEqual(s.contexts.map((c) => c.id).slice(0, 3), [
      'core',
      'alice_ml@developer_workspaces/developers/aaron_dup',
      'alice_ml',
    ]);
    assert.ok(s.entries > 0);
  });
});

describe('mcp: a .venv that links out of the root', function () {
  this.timeout(120_000);
  withoutActivatedEnvironment();
  after(removeTrees);

  it('is not used, and check says so (RL081) as the CLI does, from the next call after it appears until it goes', async () => {
    const elsewhere = writeTree({
      '.venv/pyvenv.cfg': '',
      '.venv/lib/python3.11/site-packages/cursus-2.9.32.dist-info/METADATA': 'Name: cursus\nVersion: 2.9.32\n',
    });
    const root = writeTree({ ...brokenTree(), 'pyproject.toml': '[project]\nname = "p"\n' });
    const client = await sdkClient(['mcp', '--root', root]);
    const rl081 = async (): Promise<string[]> =>
      (await check(client, { codes: ['RL081'] })).diagnostics.map((d) => d.file);
    try {
      assert.deepEqual(await rl081(), []);
      symlinkSync(join(elsewhere, '.venv'), join(root, '.venv'));
      assert.deepEqual(await rl081(), ['pyproject.toml']);
      const cli = runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json as unknown as {
        diagnostics: Diag[];
      };
      assert.deepEqual(
        cli.diagnostics.filter((d) => d.code === 'RL081').map((d) => d.file),
        ['pyproject.toml'],
      );
      rmSync(join(root, '.venv'));
      assert.deepEqual(await rl081(), []);
    } finally {
      await client.close();
    }
  });
});

describe('mcp: a project whose cursus is found nowhere', function () {
  this.timeout(120_000);
  withoutActivatedEnvironment();
  after(removeTrees);

  it('explain and list say so, naming the environment searched, as the CLI does', async () => {
    const root = writeTree({
      'pyproject.toml': '[project]\nname = "fraud"\ndependencies = ["cursus==2.9.32"]\n',
      'dags/e2e.dag.json': '{"dag": {"nodes": ["FraudScore"], "edges": []}}\n',
    });
    const client = await sdkClient(['mcp', '--root', root, '--read-only']);
    try {
      const explained = await client.callTool({ name: 'explain', arguments: { name: 'FraudScore' } });
      const said = JSON.stringify(explained.content);
      assert.equal(explained.isError, true);
      assert.ok(said.includes("Step 'FraudScore' is unknown: cursus 2.9.32 is in neither this folder"), said);
      assert.ok(said.includes('No Python environment was found'), said);
      const listed = await client.callTool({ name: 'list', arguments: {} });
      assert.ok(JSON.stringify(listed.content).includes('No entries: cursus 2.9.32 is in neither this folder'));
    } finally {
      await client.close();
    }
  });
});
