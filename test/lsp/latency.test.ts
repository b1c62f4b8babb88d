// Felt latency: a lone edit is analysed at once when the last analysis was cheap (no debounce wait),
// a burst of edits is coalesced into few analyses, the edited document is published before the files
// it affects, and the initial scan reports work-done progress while it reads and publishes.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TestClient } from './client';
import { ALICE, BOB, FIXTURE, text } from './fixture';
import { loadExample } from '../engine/randomEdits';

const has =
  (code: string) =>
  (ds: Diagnostic[]): boolean =>
    ds.some((d) => d.code === code);
const COLLISION = '    "BobScoring": {"sagemaker_step_type": "Utility", "description": "copy"},\n';
/** ALICE with a local step named like one of BOB's (RL002 in both). */
const colliding = (): string => text(ALICE).replace('LOCAL_STEPS = {\n', `LOCAL_STEPS = {\n${COLLISION}`);
const statuses = (c: TestClient): number => c.notifications.filter((n) => n.method === 'registryLens/status').length;
const publishedAt = (c: TestClient, rel: string, from: number): number =>
  c.notifications.findIndex(
    (n, i) =>
      i >= from && n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === c.uri(rel),
  );

describe('lsp: felt latency', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it('analyses a lone edit at once when the last analysis was cheap, whatever the debounce delay', async () => {
    // A delay far longer than the test's timeout: only the immediate path can publish in time.
    c = await TestClient.start(FIXTURE.files, { debounceMs: 600_000 });
    const client = c;
    await client.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await client.open(ALICE, colliding());
    await client.diagnosticsOf(BOB, 'RL002 in bob without waiting for the delay', has('RL002'));
    await client.diagnosticsOf(ALICE, 'RL002 in alice', has('RL002'));
  });

  it('publishes the edited document first, and again after an edit that leaves its diagnostics as they were', async () => {
    c = await TestClient.start(FIXTURE.files);
    const client = c;
    await client.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await client.open(ALICE, text(ALICE));
    const from = client.notifications.length;
    await client.replace(ALICE, colliding());
    await client.diagnosticsOf(BOB, 'RL002 in bob', has('RL002'));
    const alice = publishedAt(client, ALICE, from);
    const bob = publishedAt(client, BOB, from);
    assert.ok(alice >= 0 && alice < bob, `alice published at ${alice}, bob at ${bob}`);

    const before = client.notifications.length;
    await client.replace(ALICE, colliding().replace("Alice's feature step", 'Renamed description'));
    await client.waitFor('alice published again', () => publishedAt(client, ALICE, before) >= 0);
    assert.deepEqual(
      client.diagnostics.get(client.uri(ALICE))?.map((d) => d.code),
      ['RL002'],
    );
  });

  it('coalesces a burst of 20 quick edits into few analyses, ending on the last text', async () => {
    c = await TestClient.start(FIXTURE.files, { debounceMs: 300 });
    const client = c;
    await client.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await client.open(ALICE, text(ALICE));
    await client.waitFor('the open document analysed', () => statuses(client) >= 2);
    const before = statuses(client);
    const edits: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      const description = `Alice's feature step, take ${i}`;
      edits.push(
        client.replace(ALICE, (i === 20 ? colliding() : text(ALICE)).replace("Alice's feature step", description)),
      );
    }
    await Promise.all(edits);
    await client.diagnosticsOf(BOB, 'RL002 from the last edit', has('RL002'));
    await client.waitFor('the status after the last analysis', () => statuses(client) > before);
    const analyses = statuses(client) - before;
    assert.ok(analyses <= 3, `${analyses} analyses for 20 edits`);
  });

  it('reports work-done progress (begin, reports, end) on the initial scan, publishing before the end', async () => {
    c = await TestClient.start(FIXTURE.files);
    const client = c;
    const end = await client.loaded();
    const progress = client.notifications
      .slice(0, end)
      .filter((n) => n.method === '$/progress')
      .map((n) => n.params as { token: unknown; value: { kind: string; percentage?: number } });
    assert.deepEqual(client.progressTokens.length, 1);
    assert.ok(progress.every((p) => p.token === client.progressTokens[0]));
    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.filter((k) => k === 'report').length >= 2, `kinds: ${kinds.join(', ')}`);
    const percents = progress.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage ?? 0);
    assert.deepEqual(
      percents,
      [...percents].sort((a, b) => a - b),
      'percentages never go back',
    );
    assert.ok(
      publishedAt(client, BOB, 0) >= 0 && publishedAt(client, BOB, 0) < end,
      'diagnostics are published before the progress ends',
    );
  });

  it("a cold start in steps publishes the open document's final diagnostics before the other workspaces' and the status", async () => {
    const files = loadExample('demo-workspace');
    const carol = 'developer_workspaces/developers/carol_vision/src/cursus_dev/registry/workspace_registry.py';
    const bob = 'developer_workspaces/developers/bob_nlp/src/cursus_dev/registry/workspace_registry.py';
    // One unit per step: the order of the units, not the machine's speed, decides the order of publication.
    c = await TestClient.start(files, { analysisStepMs: 0 });
    const client = c;
    await client.open(carol, files.get(carol) ?? '');
    await client.waitFor('the status after the initial analysis', () => statuses(client) > 0);
    const said = (rel: string): { at: number; codes: string }[] =>
      client.notifications.flatMap((n, at) =>
        n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === client.uri(rel)
          ? [{ at, codes: (n.params as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.code).join() }]
          : [],
      );
    /** Where a file's diagnostics became what they end as. */
    const settled = (rel: string): number => {
      const all = said(rel);
      let i = all.length - 1;
      while (i > 0 && all[i - 1]?.codes === all[all.length - 1]?.codes) i--;
      return all[i]?.at ?? -1;
    };
    assert.deepEqual(
      client.diagnostics
        .get(client.uri(carol))
        ?.map((d) => d.code)
        .sort(),
      ['RL006', 'RL009', 'RL012', 'RL014'],
    );
    const status = client.notifications.findIndex((n) => n.method === 'registryLens/status');
    assert.ok(
      settled(carol) >= 0 && settled(carol) < settled(bob) && settled(bob) < status,
      `carol settled at ${settled(carol)}, bob at ${settled(bob)}, status at ${status}`,
    );
    const messages = client.notifications
      .filter((n) => n.method === '$/progress')
      .map((n) => (n.params as { value: { message?: string } }).value.message ?? '');
    assert.ok(
      messages.some((m) => / units analysed$/.test(m)),
      `progress: ${messages.join(' | ')}`,
    );
  });
});
