// The language server keeps diagnostics of the whole workspace current: files never opened, edits
// in one file that change another, files changed on disk, closed documents and settings.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { show, TestClient, writeFile } from './client';
import { ALICE, BOB, CORE, FIXTURE, lineAfter, range, text, XGB_BUILDER } from './fixture';

const DELETED = 3;
const CREATED = 1;
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => `${String(d.code)}@${show(d.range)}`);
const message = (d: Diagnostic | undefined): string =>
  typeof d?.message === 'string' ? d.message : (d?.message.value ?? '');
interface Times {
  errors: number;
  warnings: number;
  lastAnalysisMs: number;
  lastAnalysisAt: number;
  fullAnalysisMs: number;
  fullAnalysisAt: number;
}
const has =
  (code: string) =>
  (ds: Diagnostic[]): boolean =>
    ds.some((d) => d.code === code);

describe('lsp: workspace diagnostics', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
  });
  afterEach(() => c.stop());

  it('publishes a problem of a file that was never opened, and the status', async () => {
    const ds = await c.diagnosticsOf(BOB, 'RL004 in bob', has('RL004'));
    assert.deepEqual(codes(ds), [`RL004@${show(range('bob-pakage-key'))}`]);
    const [d] = ds;
    assert.equal(d?.severity, 1);
    assert.equal(d?.source, 'registry-lens');
    // the reference beside the bundled server, at RL004's heading: VS Code opens it offline
    const doc = path.join(__dirname, '../../docs/diagnostics.md');
    const heading =
      readFileSync(doc, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('## RL004 — ')) + 1;
    assert.equal(d?.codeDescription?.href, `${pathToFileURL(doc).href}#L${heading}`);
    assert.match(message(d), /Did you mean 'Package'/);
    assert.equal(c.diagnostics.get(c.uri(CORE)), undefined, 'the clean core registry gets no diagnostics');
    const status = await c.waitFor('status', () => c.notifications.find((n) => n.method === 'registryLens/status'));
    const { lastAnalysisMs, lastAnalysisAt, fullAnalysisMs, fullAnalysisAt, frameworks, ...counts } =
      status.params as Times & { frameworks: string[] };
    assert.deepEqual(counts, { folder: c.uri(''), context: 'core', errors: 1, warnings: 0, entries: 6, workspaces: 2 });
    // no environment, no pin, a cursus folder: no line of the frameworks it does not use (omnibase_core, apcore)
    assert.deepEqual(frameworks, []);
    // the real duration (fractions of a millisecond kept, so a fast analysis is not "0 ms") and when it ran
    assert.ok(lastAnalysisMs > 0, `lastAnalysisMs ${lastAnalysisMs}`);
    assert.ok(Math.abs(Date.now() - lastAnalysisAt) < 60_000, `lastAnalysisAt ${lastAnalysisAt}`);
    // the first analysis is the full one: timed from the start of reading the files, so it holds the engine's time
    assert.equal(fullAnalysisAt, lastAnalysisAt);
    assert.ok(
      fullAnalysisMs >= Math.floor(lastAnalysisMs) && fullAnalysisMs > 0,
      `full ${fullAnalysisMs} ms, engine ${lastAnalysisMs} ms`,
    );
    assert.deepEqual(
      c.registrations.map((r) => r.method),
      ['workspace/didChangeWatchedFiles'],
    );
  });

  it('after an edit, the status says when the last analysis ran and keeps the last full analysis and its duration', async () => {
    const first = (await c.waitFor('status', () => c.notifications.find((n) => n.method === 'registryLens/status')))
      .params as Times;
    await c.open(ALICE, text(ALICE));
    const line = lineAfter(ALICE, 'LOCAL_STEPS = {');
    await c.change(
      ALICE,
      { start: { line, character: 0 }, end: { line, character: 0 } },
      '    "BobScoring": {"sagemaker_step_type": "Utility", "description": "copy"},\n',
    );
    await c.diagnosticsOf(BOB, 'RL002 in bob', has('RL002'));
    const after = (await c.waitFor('a status after the edit', () =>
      c.notifications
        .filter((n) => n.method === 'registryLens/status')
        .map((n) => n.params as Times)
        .find((p) => p.errors + p.warnings > first.errors + first.warnings),
    )) as Times;
    assert.ok(
      after.lastAnalysisAt >= first.lastAnalysisAt,
      `last ${after.lastAnalysisAt}, before ${first.lastAnalysisAt}`,
    );
    assert.deepEqual([after.fullAnalysisAt, after.fullAnalysisMs], [first.fullAnalysisAt, first.fullAnalysisMs]);
  });

  it('a local step added in workspace A raises RL002 in workspace B (unopened); undo clears it', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await c.open(ALICE, text(ALICE));
    const line = lineAfter(ALICE, 'LOCAL_STEPS = {');
    const start = { line, character: 0 };
    await c.change(
      ALICE,
      { start, end: start },
      '    "BobScoring": {"sagemaker_step_type": "Utility", "description": "copy"},\n',
    );

    const inBob = await c.diagnosticsOf(BOB, 'RL002 in bob', has('RL002'));
    assert.deepEqual(codes(inBob), [
      `RL002@${show(range('bob-scoring-key'))}`,
      `RL004@${show(range('bob-pakage-key'))}`,
    ]);
    const related = inBob[0]?.relatedInformation?.map((r) => `${r.location.uri} ${show(r.location.range)}`);
    assert.deepEqual(related, [`${c.uri(ALICE)} ${line}:4-${line}:16`]);
    const inAlice = await c.diagnosticsOf(ALICE, 'RL002 in alice', has('RL002'));
    assert.deepEqual(codes(inAlice), [`RL002@${line}:4-${line}:16`]);

    await c.change(ALICE, { start, end: { line: line + 1, character: 0 } }, '');
    const after = await c.diagnosticsOf(BOB, 'RL002 cleared in bob', (ds) => !has('RL002')(ds));
    assert.deepEqual(codes(after), [`RL004@${show(range('bob-pakage-key'))}`]);
    await c.diagnosticsOf(ALICE, 'RL002 cleared in alice', (ds) => ds.length === 0);
  });

  it('a builder deleted on disk makes RL005 appear, with a quick fix that creates it', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    rmSync(c.abs(XGB_BUILDER));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(XGB_BUILDER), type: DELETED }] });

    const ds = await c.diagnosticsOf(CORE, 'RL005 in core', has('RL005'));
    assert.deepEqual(codes(ds), [`RL005@${show(range('core-xgb-builder'))}`]);
    assert.match(message(ds[0]), /src\/cursus\/steps\/builders/);

    const actions = await c.request<
      { title: string; edit: { documentChanges: { kind?: string; uri?: string; options?: unknown }[] } }[]
    >('textDocument/codeAction', {
      textDocument: { uri: c.uri(CORE) },
      range: range('core-xgb-builder'),
      context: { diagnostics: ds },
    });
    const create = actions.flatMap((a) => a.edit.documentChanges).find((op) => op.kind === 'create');
    assert.deepEqual(create, { kind: 'create', uri: c.uri(XGB_BUILDER), options: { ignoreIfExists: true } });

    writeFile(c.root, XGB_BUILDER, text(XGB_BUILDER));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(XGB_BUILDER), type: CREATED }] });
    await c.diagnosticsOf(CORE, 'RL005 cleared', (ds2) => ds2.length === 0);
  });

  it('a deleted directory (one watcher event) removes every source under it', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    rmSync(c.abs('src/cursus/steps/builders'), { recursive: true });
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: c.uri('src/cursus/steps/builders'), type: DELETED }],
    });
    const ds = await c.diagnosticsOf(
      CORE,
      'RL005 for both steps',
      (d) => d.filter((x) => x.code === 'RL005').length === 2,
    );
    assert.deepEqual(
      ds.map((d) => d.code),
      ['RL005', 'RL005'],
    );
  });

  it('a created directory (one watcher event, as on a branch switch) is read with every source in it', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    const carol = 'developer_workspaces/developers/carol/src/cursus_dev/registry/workspace_registry.py';
    writeFile(
      c.root,
      carol,
      'STEP_OVERRIDES = {\n    "Nope": {"sagemaker_step_type": "Utility", "description": "x"},\n}\n',
    );
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: c.uri('developer_workspaces/developers/carol'), type: CREATED }],
    });
    const ds = await c.diagnosticsOf(carol, 'RL004 in carol', has('RL004'));
    assert.deepEqual(codes(ds), ['RL004@1:4-1:10']);
  });

  it('closing an edited document falls back to its text on disk', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await c.open(CORE, text(CORE));
    const value = range('core-xgb-builder');
    await c.change(CORE, value, '"NowhereStepBuilder"');
    await c.diagnosticsOf(CORE, 'RL005 from the edit', has('RL005'));
    await c.notify('textDocument/didClose', { textDocument: { uri: c.uri(CORE) } });
    await c.diagnosticsOf(CORE, 'RL005 gone with the disk text', (ds) => ds.length === 0);
  });

  it('re-reads settings on didChangeConfiguration (severity off, then back)', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    c.settings = { diagnostics: { severity: { RL004: 'off' } } };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnosticsOf(BOB, 'RL004 switched off', (ds) => ds.length === 0);
    c.settings = { diagnostics: { severity: { RL004: 'warning' } } };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const ds = await c.diagnosticsOf(BOB, 'RL004 as a warning', has('RL004'));
    assert.equal(ds[0]?.severity, 2);
  });
});

describe('lsp: requests while edits are pending', () => {
  let c: TestClient;
  // A debounce far longer than the test: the open and the edit come as a burst, which waits for the
  // delay, so the request is what analyses the edit (or finds it analysed, if the edit came alone).
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files, { debounceMs: 60_000 });
  });
  afterEach(() => c.stop());

  it('answers with the post-edit state, publishing the new diagnostics first', async () => {
    await c.diagnosticsOf(BOB, 'initial analysis', has('RL004'));
    await c.open(CORE, text(CORE));
    await c.change(CORE, range('core-xgb-builder'), '"NowhereStepBuilder"');
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: c.uri(CORE) },
      position: range('core-xgb-key').start,
    });
    assert.match(hover?.contents.value ?? '', /NowhereStepBuilder/);
    // Published before the response, on the same ordered stream: no waiting needed.
    assert.deepEqual(codes(c.diagnostics.get(c.uri(CORE)) ?? []), [
      `RL005@${range('core-xgb-builder').start.line}:29-${range('core-xgb-builder').start.line}:49`,
    ]);
  });
});
